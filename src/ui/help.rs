//! The `?` help: every key, written from the same table that dispatches them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::theme;
use crate::app::App;
use crate::app::keymap::{BINDINGS, Scope};
use crate::widgets::popup;

const ORDER: [Scope; 7] = [
    Scope::Global,
    Scope::Lists,
    Scope::Opinions,
    Scope::Conflicts,
    Scope::Doctors,
    Scope::Welcome,
    Scope::Help,
];

pub fn render(frame: &mut Frame, area: Rect, _app: &App) {
    let mut lines = Vec::new();
    for scope in ORDER {
        lines.push(Line::styled(scope.title(), theme::heading()));
        for binding in BINDINGS.iter().filter(|b| b.scope == scope) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<8}", binding.label), theme::title()),
                Span::raw(binding.description),
            ]));
        }
    }
    lines.push(Line::styled(
        "Mouse: click a tab; the wheel scrolls.",
        theme::label(),
    ));
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let box_area = popup::centered(area, 70, height);
    // Two columns when the screen is too short for one.
    if box_area.height < height && lines.len() > 4 {
        let half = lines.len().div_ceil(2);
        let right: Vec<Line> = lines.split_off(half);
        let wide = popup::centered(area, 110, u16::try_from(half + 2).unwrap_or(u16::MAX));
        let [left_area, right_area] = ratatui::layout::Layout::horizontal([
            ratatui::layout::Constraint::Percentage(50),
            ratatui::layout::Constraint::Percentage(50),
        ])
        .areas(wide);
        popup::draw(
            frame,
            left_area,
            "Every key (Esc closes)",
            lines,
            theme::heading(),
        );
        popup::draw(
            frame,
            right_area,
            "Every key, continued",
            right,
            theme::heading(),
        );
        return;
    }
    popup::draw(
        frame,
        box_area,
        "Every key (Esc closes)",
        lines,
        theme::heading(),
    );
}
