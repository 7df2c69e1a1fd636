//! The one place where terminal events become actions. Nothing after this
//! boundary sees a crossterm type.

use ratatui::crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};

use super::keymap::{Key, active_scopes, lookup};
use super::{Action, App};

pub fn translate(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            let scopes = active_scopes(app.help_open, app.shows_welcome(), app.pane);
            let pressed = Key {
                code: key.code,
                modifiers: key.modifiers,
            };
            lookup(&scopes, pressed).map(|binding| binding.action.clone())
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
        Event::Resize(_, rows) => Some(Action::Resize { rows: *rows }),
        _ => None,
    }
}
