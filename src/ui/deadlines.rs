//! Deadlines: an agenda, overdue first, then today, this week and later;
//! done items dimmed at the end.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

use super::panel::{self, field, heading, paragraph};
use super::text::{self, date, from_today, inert};
use super::theme;
use crate::app::{App, Pane, lists};
use crate::domain::{AgendaBucket, AgendaSource, Choice};

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let case = &app.case;
    let today = app.today();
    let agenda = lists::agenda(case, today);
    if agenda.is_empty() {
        panel::empty(
            frame,
            area,
            "Deadlines",
            &[
                "Nothing on the agenda yet.",
                "The decision date, appointments, record requests' due dates, insurance",
                "and treatment-start deadlines go here, overdue first.",
                "Press a to add a deadline or an appointment.",
            ],
        );
        return;
    }
    let selected = app.cursor_of(Pane::Deadlines).row.min(agenda.len() - 1);
    let (left, right) = panel::list_and_detail(area, 60);

    let mut rows = Vec::new();
    let mut selected_row = 0;
    let mut bucket = None;
    for (index, entry) in agenda.iter().enumerate() {
        let this_bucket = entry.bucket(today);
        if bucket != Some(this_bucket) {
            bucket = Some(this_bucket);
            let style = if this_bucket == AgendaBucket::Overdue {
                theme::alarm()
            } else {
                theme::heading()
            };
            rows.push(ListItem::new(Line::styled(this_bucket.label(), style)));
        }
        if index == selected {
            selected_row = rows.len();
        }
        let (marker, style) = match this_bucket {
            AgendaBucket::Overdue => ("⚠ ", theme::alarm()),
            AgendaBucket::Done => ("✓ ", theme::dim()),
            _ => ("  ", ratatui::style::Style::default()),
        };
        rows.push(ListItem::new(Line::from(vec![
            Span::styled(format!("{marker}{:<16}", date(entry.date)), style),
            Span::styled(format!("{:<16}", entry.kind.label()), theme::label()),
            Span::styled(
                super::text::fit(
                    &inert(&entry.title),
                    usize::from(left.width.saturating_sub(4)).saturating_sub(34),
                ),
                style,
            ),
        ])));
    }
    panel::list(frame, left, "Agenda", rows, selected_row);

    let entry = &agenda[selected];
    let mut lines = vec![
        field("What", inert(&entry.title)),
        field(
            "When",
            format!("{} ({})", date(entry.date), from_today(entry.date, today)),
        ),
        field("Kind", entry.kind.label().into()),
    ];
    if entry.doctor_id.is_some() {
        lines.push(field("With", inert(case.doctor_name(entry.doctor_id))));
    }
    lines.push(field(
        "Done",
        if entry.done {
            "yes".into()
        } else {
            "not yet".into()
        },
    ));
    match entry.source {
        AgendaSource::Case => {
            lines.push(Line::styled("The decision date of the case.", theme::dim()))
        }
        AgendaSource::Request(_) => lines.push(Line::styled(
            "Worked out from the record request: 30 days after it was sent.",
            theme::dim(),
        )),
        AgendaSource::Deadline(id) => {
            if let Some(deadline) = case.deadlines.iter().find(|d| d.id == id) {
                if !deadline.notes.trim().is_empty() {
                    lines.push(heading("Notes"));
                    lines.extend(paragraph(&deadline.notes));
                }
                lines.push(Line::raw(""));
                lines.push(Line::styled(
                    text::stamp(&deadline.stamp, &app.clock),
                    theme::dim(),
                ));
            }
        }
    }
    panel::detail(
        frame,
        right,
        "Deadline",
        lines,
        app.cursor_of(Pane::Deadlines).scroll,
    );
}
