//! Overview: the patient, the days left to decide, what needs attention,
//! and the next 14 days.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::panel::{self, field, heading};
use super::text::{date, fit, from_today, inert};
use super::theme;
use crate::app::App;
use crate::domain::dates::days_between;
use crate::domain::{AgendaBucket, Choice};

/// How far ahead the Overview looks.
const LOOK_AHEAD_DAYS: i64 = 14;

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let (left, right) = panel::list_and_detail(area, 50);
    let case = &app.case;
    let today = app.today();
    let mut lines = Vec::new();
    if let Some(info) = &case.case {
        lines.push(field("Patient", inert(&info.patient)));
        lines.extend(super::panel::field_lines("Question", &info.question));
        let deadline = match info.decide_by {
            Some(day) => format!("{} ({})", date(day), from_today(day, today)),
            None => "not set".into(),
        };
        lines.push(field("Decide by", deadline));
        lines.push(Line::styled(
            super::text::stamp(&info.stamp, &app.clock),
            theme::dim(),
        ));
    }
    lines.push(Line::raw(""));
    // Once decided, the decision takes the place of the days left.
    if let Some(decision) = crate::domain::decision::decision(case) {
        let option = case
            .options
            .iter()
            .find(|o| o.id == decision.option_id)
            .map_or_else(|| "an option".to_string(), |o| inert(&o.name));
        lines.push(Line::styled(
            format!("  ✓ Decided: {option}, on {}", date(decision.decided_on)),
            theme::good(),
        ));
        lines.push(Line::styled(
            "    (0 shows the decision and its reasons)",
            theme::dim(),
        ));
        lines.push(Line::raw(""));
    } else if let Some(days) = case.days_to_decision(today) {
        let (text, style) = match days {
            d if d < 0 => (
                format!("  ⚠ The decision date passed {} days ago", -d),
                theme::alarm(),
            ),
            0 => ("  ⚠ The decision is due today".to_string(), theme::alarm()),
            1 => ("  1 day left to decide".to_string(), theme::warning()),
            d => (format!("  {d} days left to decide"), theme::warning()),
        };
        lines.push(Line::styled(text, style));
        lines.push(Line::raw(""));
    }
    for prompt in crate::domain::decision::prompts(case, today) {
        lines.push(Line::styled(
            format!("  ◆ {}", prompt.words()),
            theme::warning(),
        ));
        lines.push(Line::raw(""));
    }
    lines.push(heading("Needs attention (Enter goes to it)"));
    let selected = app.cursor_of(crate::app::Pane::Overview).row;
    for (n, line) in crate::app::lists::attention_lines(case, today)
        .into_iter()
        .enumerate()
    {
        let (marker, style) = if line.count > 0 {
            ("⚠", theme::alarm())
        } else {
            ("✓", theme::good())
        };
        let (pointer, words_style) = if n == selected {
            ("▶", theme::selected())
        } else {
            (" ", ratatui::style::Style::default())
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{pointer} {marker} {:>3} ", line.count), style),
            Span::styled(line.words, words_style),
        ]));
    }
    if case.doctors.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            "  Start here: press 9, then a, to add the first doctor,",
            theme::heading(),
        ));
        lines.push(Line::styled(
            "  and then 2, then a, to write down what they said.",
            theme::heading(),
        ));
    } else if case.opinions.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            "  Next: press 2, then a, to write down what a doctor said.",
            theme::heading(),
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!(
            "  {} doctors · {} opinions · {} notes",
            case.doctors.len(),
            case.opinions.len(),
            app.notes_window.all
        ),
        theme::label(),
    ));
    panel::detail(frame, left, "Overview", lines, 0);

    let mut agenda_lines = Vec::new();
    for entry in case.agenda(today) {
        let days = days_between(today, entry.date);
        let bucket = entry.bucket(today);
        if bucket == AgendaBucket::Done || days > LOOK_AHEAD_DAYS {
            continue;
        }
        let (when, style) = if bucket == AgendaBucket::Overdue {
            (format!("⚠ overdue {}d", -days), theme::alarm())
        } else {
            (from_today(entry.date, today), theme::label())
        };
        let room = usize::from(right.width.saturating_sub(2 + 15 + 18));
        agenda_lines.push(Line::from(vec![
            // A space after the date, however many days overdue it is.
            Span::styled(format!("{when:<14} "), style),
            Span::raw(format!("{:<room$}", fit(&inert(&entry.title), room))),
            Span::styled(
                format!(" {:<17}", entry.kind.label()),
                style.patch(theme::dim()),
            ),
        ]));
    }
    if agenda_lines.is_empty() {
        agenda_lines.push(Line::styled(
            "Nothing due in the next 14 days.",
            theme::label(),
        ));
    }
    panel::detail(frame, right, "Next 14 days", agenda_lines, 0);
}
