//! The one place where terminal events become actions. This module and the
//! key table it reads (`keymap`) are the boundary: nothing after them sees
//! a crossterm type.

use ratatui::crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};

use ratatui_textarea::Input;

use super::keymap::{Key, active_scopes, lookup};
use super::{Action, App};

/// What reaches the running app from outside, in the order it came.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Incoming {
    /// A key, a paste, the mouse or a resize, from the terminal.
    Event(Event),
    /// Asked to stop (SIGTERM, SIGINT): the typing is kept for next time.
    Stop,
    /// The terminal is closing (SIGHUP): its last input may still be on
    /// the way, then the typing is kept for next time.
    HangUp,
    /// The terminal is gone: nothing more will come from it.
    Lost,
}

pub fn translate(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            let scopes = active_scopes(app);
            let pressed = Key {
                code: key.code,
                modifiers: key.modifiers,
            };
            match lookup(&scopes, pressed) {
                Some(binding) => Some(binding.action.clone()),
                // Every other key in a form is typing.
                None if app.form.as_ref().is_some_and(|f| !f.confirm_discard) => {
                    Some(Action::FormKey(Input::from(*key)))
                }
                // Every other key in the search box is typing.
                None if app.search.is_some() => Some(Action::SearchKey(Input::from(*key))),
                // ...and in the name of a new writer.
                None if app
                    .author_picker
                    .as_ref()
                    .is_some_and(|p| p.new_name.is_some()) =>
                {
                    Some(Action::AuthorNameKey(Input::from(*key)))
                }
                None => None,
            }
        }
        Event::Paste(text)
            if app.form.is_some() || app.search.is_some() || app.author_picker.is_some() =>
        {
            Some(Action::Paste(text.clone()))
        }
        Event::Mouse(_)
            if app.form.is_some()
                || app.confirm.is_some()
                || app.history.is_some()
                || app.parts.is_some()
                || app.author_picker.is_some() =>
        {
            None
        }
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: mouse.column,
                row: mouse.row,
            }),
            MouseEventKind::ScrollDown => Some(Action::Down),
            MouseEventKind::ScrollUp => Some(Action::Up),
            _ => None,
        },
        Event::Resize(columns, rows) => Some(Action::Resize {
            columns: *columns,
            rows: *rows,
        }),
        _ => None,
    }
}
