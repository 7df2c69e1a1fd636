//! The welcome screen of an empty case file.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::panel;
use super::theme;
use crate::app::App;

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    if app.missing_file && app.overlays.form().is_none() {
        missing(frame, area, app);
        return;
    }
    let mut lines = vec![
        Line::raw(""),
        Line::styled("  Welcome to casefile", theme::title()),
        Line::raw(""),
        Line::raw(
            "  casefile keeps your second-opinion case in one private file on this computer:",
        ),
        Line::raw(
            "  what each doctor said and where they disagree, the questions to ask each of them,",
        ),
        Line::raw(
            "  where your scans and glass slides are, your record requests and their 30-day clock,",
        ),
        Line::raw("  and every deadline until you decide. Nothing is sent anywhere."),
        Line::raw(""),
        Line::styled(
            format!(
                "  {}: {}",
                if app.missing_file {
                    "The new case file will be"
                } else {
                    "This case file is empty"
                },
                super::text::inert(&app.file.display().to_string())
            ),
            theme::label(),
        ),
    ];
    if app.overlays.form().is_some() {
        lines.push(Line::raw(""));
        lines.push(Line::raw(
            "  To start your case, fill in the form below: the patient's name is all it needs.",
        ));
        lines.push(Line::raw(
            "  Or press Ctrl-D to look around a demo case first, kept in its own file.",
        ));
        panel::detail(frame, area, "casefile", lines, 0);
        return;
    }
    lines.extend([
        Line::raw(""),
        Line::from(vec![
            Span::raw("  Press "),
            Span::styled("d", theme::heading()),
            Span::raw(" to look around a demo case: a patient with early-stage breast cancer"),
        ]),
        Line::raw(
            "  weighing three doctors' opinions. The demo lives in its own file, so this one stays empty.",
        ),
        Line::from(vec![
            Span::raw("  Press "),
            Span::styled("?", theme::heading()),
            Span::raw(" for every key, and "),
            Span::styled("q", theme::heading()),
            Span::raw(" to quit."),
        ]),
        Line::raw(""),
        Line::from(vec![
            Span::raw("  Press "),
            Span::styled("s", theme::heading()),
            Span::raw(" to start your own case in this file: the patient's name is all it needs."),
        ]),
    ]);
    panel::detail(frame, area, "casefile", lines, 0);
}

/// There is no case file at the path given: say so, show the path, and
/// offer to start a case there, the demo, or to quit, having made nothing.
fn missing(frame: &mut Frame, area: Rect, app: &App) {
    let path = super::text::inert(&app.file.display().to_string());
    let key = |k: &'static str| Span::styled(k, theme::heading());
    let lines = vec![
        Line::raw(""),
        Line::styled("  There is no case file here yet", theme::title()),
        Line::raw(""),
        Line::styled(format!("  {path}"), theme::warning()),
        Line::raw(""),
        Line::raw("  Nothing has been created. If you meant to open your own case, check the path"),
        Line::raw("  (--db, or the CASEFILE_DB variable) and start casefile again."),
        Line::raw(""),
        Line::from(vec![
            Span::raw("  Press "),
            key("s"),
            Span::raw(
                " to start a new case in this file: it is made when you save the first form.",
            ),
        ]),
        Line::from(vec![
            Span::raw("  Press "),
            key("d"),
            Span::raw(" to look around a demo case instead, kept in its own file."),
        ]),
        Line::from(vec![
            Span::raw("  Press "),
            key("q"),
            Span::raw(" to quit, leaving nothing behind."),
        ]),
    ];
    panel::detail(frame, area, "casefile", lines, 0);
}
