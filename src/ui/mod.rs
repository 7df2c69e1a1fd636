//! Drawing: `render` is a function of the app's state and never touches the
//! case file. One file per pane.

mod compare;
mod conflicts;
mod deadlines;
mod decide;
mod disc;
mod doctors;
mod form;
mod help;
mod imaging;
mod notes;
mod opinions;
mod overlays;
mod overview;
mod panel;
mod questions;
mod requests;
mod search;
pub mod text;
pub mod theme;
mod welcome;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::keymap::{active_scopes, hints};
use crate::app::{App, Overlay, Pane, TabSpot};
use text::inert;

/// Draws the whole screen.
pub fn render(frame: &mut Frame, app: &App) {
    let status_lines = status_lines(app, frame.area().width);
    let [title, tabs, body, status, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(u16::try_from(status_lines.len()).unwrap_or(1)),
        Constraint::Length(1),
    ])
    .areas(frame.area());

    render_title(frame, title, app);
    if !app.loaded {
        frame.render_widget(Paragraph::new("Reading the case file..."), body);
    } else if app.shows_welcome() {
        welcome::render(frame, body.union(tabs), app);
    } else {
        render_tabs(frame, tabs, app);
        match app.pane {
            Pane::Overview => overview::render(frame, body, app),
            Pane::Opinions => opinions::render(frame, body, app),
            Pane::Conflicts => conflicts::render(frame, body, app),
            Pane::Questions => questions::render(frame, body, app),
            Pane::Imaging => imaging::render(frame, body, app),
            Pane::Requests => requests::render(frame, body, app),
            Pane::Deadlines => deadlines::render(frame, body, app),
            Pane::Notes => notes::render(frame, body, app),
            Pane::Doctors => doctors::render(frame, body, app),
            Pane::Decide => decide::render(frame, body, app),
        }
    }
    frame.render_widget(Paragraph::new(status_lines), status);
    render_keys(frame, keys, app);
    // What is open over the panes, drawn bottom first, as it was opened.
    let middle = body.union(tabs);
    for overlay in app.overlays.iter() {
        match overlay {
            Overlay::History(history) => overlays::history(frame, middle, app, history),
            Overlay::Parts(parts) => overlays::parts(frame, middle, app, parts),
            Overlay::Search(search) => search::render(frame, middle, &app.case, search),
            Overlay::Form(form) => {
                // The form that starts a case leaves the welcome text above it.
                let room = if app.case.is_empty() && middle.height > 30 {
                    Rect {
                        y: middle.y + 11,
                        height: middle.height - 11,
                        ..middle
                    }
                } else {
                    middle
                };
                form::render(frame, room, form);
            }
            Overlay::Confirm(confirm) => overlays::confirm(frame, middle, confirm),
            Overlay::Authors(picker) => overlays::authors(frame, middle, picker),
            Overlay::Help(_) => help::render(frame, frame.area(), app),
            // The comparison is drawn by the Opinions pane, in its place.
            Overlay::Compare(_) => {}
            Overlay::Disc(import) => disc::render(frame, middle, app, import),
        }
    }
    text::settle_widths(frame.buffer_mut());
}

fn render_title(frame: &mut Frame, area: Rect, app: &App) {
    let mut spans = vec![Span::styled(" casefile ", theme::title())];
    if let Some(case) = &app.case.case {
        spans.push(Span::raw("· "));
        spans.push(Span::styled(inert(&case.patient), theme::title()));
        if case.is_demo {
            spans.push(Span::styled("  (demo case)", theme::warning()));
        }
        if let Some(decision) = crate::domain::decision::decision(&app.case) {
            let option = app
                .case
                .options
                .iter()
                .find(|o| o.id == decision.option_id)
                .map_or_else(|| "an option".to_string(), |o| inert(&o.name));
            spans.push(Span::styled(format!("  decided: {option}"), theme::good()));
        } else if let Some(days) = app.case.days_to_decision(app.today()) {
            let (words, style) = match days {
                d if d < 0 => (
                    format!("  decision was due {} days ago", -d),
                    theme::alarm(),
                ),
                0 => ("  decision due today".to_string(), theme::alarm()),
                1 => ("  1 day left to decide".to_string(), theme::warning()),
                d => (format!("  {d} days left to decide"), theme::warning()),
            };
            spans.push(Span::styled(words, style));
        }
    }
    frame.render_widget(Line::from(spans), area);
}

/// The tabs, as many as fit around the current one, with ‹ and › where
/// some are left out; clicks find them where `tab_bar` puts them.
fn render_tabs(frame: &mut Frame, area: Rect, app: &App) {
    let mut spans = Vec::new();
    for place in crate::app::tab_bar(area.width, app.pane) {
        let style = match place.spot {
            TabSpot::Tab(pane) if pane == app.pane => theme::active_tab(),
            TabSpot::Tab(_) => theme::label(),
            TabSpot::Earlier(_) | TabSpot::Later(_) => theme::heading(),
        };
        spans.push(Span::styled(place.text, style));
        if !matches!(place.spot, TabSpot::Later(_)) {
            spans.push(Span::styled("│", theme::border()));
        }
    }
    frame.render_widget(Line::from(spans), area);
}

/// The most rows a long status message takes.
const MESSAGE_ROWS: usize = 3;

/// The status line `width` columns wide: who is writing, the message, the
/// case file. A message too long for that one line goes on rows of its
/// own above it, wrapped, so that none of it is cut (a file it names
/// included) unless it needs more than [`MESSAGE_ROWS`]; a case file's
/// path too long for its room keeps its end, the file's name.
fn status_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width);
    let who = format!(" writing as {} ", inert(&app.author));
    let file = inert(&app.file.display().to_string());
    let message = app.status.as_ref().map(|status| {
        let style = if status.is_error {
            theme::alarm()
        } else {
            theme::good()
        };
        (inert(&status.text), style)
    });
    let columns = text::columns;
    let one_line = columns(&who)
        + message.as_ref().map_or(0, |(text, _)| columns(text) + 3)
        + columns(&file)
        + 3;
    let file_room = width.saturating_sub(columns(&who) + 3);
    let last = Line::from(vec![
        Span::styled(who.clone(), theme::heading()),
        Span::styled(
            format!("· {} ", text::keep_end(&file, file_room)),
            theme::dim(),
        ),
    ]);
    match message {
        Some((text, style)) if one_line <= width => vec![Line::from(vec![
            Span::styled(who, theme::heading()),
            Span::styled(format!("· {text} "), style),
            Span::styled(format!("· {file} "), theme::dim()),
        ])],
        Some((text, style)) => {
            let mut rows = text::wrap(&text, width.saturating_sub(2));
            if rows.len() > MESSAGE_ROWS {
                let rest = rows.split_off(MESSAGE_ROWS - 1).join(" ");
                rows.push(text::fit(&rest, width.saturating_sub(2)));
            }
            let mut lines: Vec<Line<'static>> = rows
                .into_iter()
                .map(|row| Line::styled(format!(" {row}"), style))
                .collect();
            lines.push(last);
            lines
        }
        None => vec![last],
    }
}

fn render_keys(frame: &mut Frame, area: Rect, app: &App) {
    use crate::app::Action;
    use crate::app::keymap::Binding;

    let scopes = active_scopes(app);
    let hints = hints(&scopes);
    let words = |binding: &Binding| binding.footer.unwrap_or(binding.description);
    let width = |binding: &Binding| {
        binding.short_label().chars().count() + words(binding).chars().count() + 3
    };
    // The keys come in order: the pane's own, then those that change
    // records, then moving, then the ones that work everywhere. Help (and
    // a form's save and cancel) always show; the others while there is
    // room, so that the keys that work everywhere go first when it is
    // short.
    let essential = |binding: &Binding| {
        matches!(
            binding.action,
            Action::ToggleHelp | Action::CloseHelp | Action::CancelForm | Action::SaveForm
        )
    };
    let mut room = usize::from(area.width.saturating_sub(1)).saturating_sub(
        hints
            .iter()
            .filter(|binding| essential(binding))
            .map(|binding| width(binding))
            .sum(),
    );
    let mut spans = vec![Span::raw(" ")];
    for binding in hints {
        if !essential(binding) {
            let needed = width(binding);
            if needed > room {
                room = 0;
                continue;
            }
            room -= needed;
        }
        spans.push(Span::styled(binding.short_label(), theme::heading()));
        spans.push(Span::styled(
            format!(" {}  ", words(binding)),
            theme::label(),
        ));
    }
    frame.render_widget(Line::from(spans), area);
}
