//! The one place where terminal events become actions. This module and the
//! key table it reads (`keymap`) are the boundary: nothing after them sees
//! a crossterm type.

use ratatui::crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};

use ratatui_textarea::Input;

use super::keymap::{Key, active_scopes, lookup};
use super::{Action, App, Overlay};

pub fn translate(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            let scopes = active_scopes(app);
            let pressed = Key {
                code: key.code,
                modifiers: key.modifiers,
            };
            match (lookup(&scopes, pressed), app.overlays.top()) {
                (Some(binding), _) => Some(binding.action.clone()),
                // Every other key in a form, the search box or the name
                // of someone new is typing.
                (None, Some(Overlay::Form(form))) if !form.confirm_discard => {
                    Some(Action::FormKey(Input::from(*key)))
                }
                (None, Some(Overlay::Search(_))) => Some(Action::SearchKey(Input::from(*key))),
                (None, Some(Overlay::Authors(picker))) if picker.new_name.is_some() => {
                    Some(Action::AuthorNameKey(Input::from(*key)))
                }
                _ => None,
            }
        }
        Event::Paste(text)
            if matches!(
                app.overlays.top(),
                Some(Overlay::Form(_) | Overlay::Search(_) | Overlay::Authors(_))
            ) =>
        {
            Some(Action::Paste(text.clone()))
        }
        // The mouse reaches the panes only when nothing is open over them;
        // over a list, its wheel moves in that list.
        Event::Mouse(mouse) => match (mouse.kind, app.overlays.top()) {
            (_, Some(Overlay::Form(_) | Overlay::Confirm(_) | Overlay::Disc(_))) => None,
            (MouseEventKind::ScrollDown, _) => Some(Action::Down),
            (MouseEventKind::ScrollUp, _) => Some(Action::Up),
            (MouseEventKind::Down(MouseButton::Left), None) => Some(Action::Click {
                column: mouse.column,
                row: mouse.row,
            }),
            _ => None,
        },
        Event::Resize(columns, rows) => Some(Action::Resize {
            columns: *columns,
            rows: *rows,
        }),
        _ => None,
    }
}
