//! The `?` help: every key, written from the same table that dispatches
//! them. The keys that work where the user is come first.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::theme;
use crate::app::App;
use crate::app::keymap::{Scope, active_scopes, bindings};
use crate::widgets::popup;

const ORDER: [Scope; 26] = [
    Scope::Global,
    Scope::Records,
    Scope::Lists,
    Scope::Overview,
    Scope::Opinions,
    Scope::Conflicts,
    Scope::Compare,
    Scope::Imaging,
    Scope::Requests,
    Scope::Questions,
    Scope::Notes,
    Scope::Doctors,
    Scope::Decide,
    Scope::Search,
    Scope::Form,
    Scope::Choosing,
    Scope::Setup,
    Scope::Confirm,
    Scope::History,
    Scope::Authors,
    Scope::NewAuthor,
    Scope::Parts,
    Scope::DiscReading,
    Scope::DiscPreview,
    Scope::Welcome,
    Scope::Help,
];

/// Every line of the help, the scopes in force first.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let mut here = app.clone();
    here.overlays.close_help();
    let active = active_scopes(&here);
    let mut scopes: Vec<Scope> = active.clone();
    scopes.extend(
        ORDER
            .iter()
            .copied()
            .filter(|scope| !active.contains(scope)),
    );
    let mut lines = Vec::new();
    for scope in scopes {
        let title = if active.contains(&scope) {
            format!("{} (here)", scope.title())
        } else {
            scope.title().to_string()
        };
        lines.push(Line::styled(title, theme::heading()));
        for binding in bindings().filter(|b| b.scope == scope) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<12}", binding.label()), theme::title()),
                Span::raw(binding.description),
            ]));
        }
    }
    lines.push(Line::styled(
        "Mouse: click a tab; the wheel scrolls.",
        theme::label(),
    ));
    lines
}

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let lines = lines(app);
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let box_area = popup::centered(area, 80, height);
    let room = usize::from(box_area.height.saturating_sub(2)).max(1);
    let last_start = lines.len().saturating_sub(room);
    let start = usize::from(app.overlays.help().copied().unwrap_or(0)).min(last_start);
    let shown: Vec<Line> = lines.into_iter().skip(start).take(room).collect();
    let title = if last_start > 0 {
        "Every key (j/k or ↓/↑ scroll, Esc closes)"
    } else {
        "Every key (Esc closes)"
    };
    popup::draw(frame, box_area, title, shown, theme::heading());
}
