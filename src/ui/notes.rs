//! Notes: the family's notes, newest first, with who wrote them and what
//! they are on.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

use super::panel::{self, field, heading, paragraph};
use super::text::{self, inert};
use super::theme;
use crate::app::{App, Pane, lists};
use crate::domain::{CaseSnapshot, Choice, RecordKind, RecordRef};

/// What a note is on, in words.
fn subject(case: &CaseSnapshot, on: Option<RecordRef>) -> String {
    let Some(on) = on else {
        return "the case".into();
    };
    let name = match on.kind {
        RecordKind::Doctor => case.doctor(on.id).map(|d| inert(&d.name)),
        RecordKind::Opinion => case
            .opinion(on.id)
            .map(|o| format!("{}'s opinion", inert(case.doctor_name(Some(o.doctor_id))))),
        RecordKind::Item => case.item(on.id).map(|i| inert(&i.description)),
        RecordKind::Request => case
            .requests
            .iter()
            .find(|r| r.id == on.id)
            .map(|r| format!("request to {}", inert(&r.to_whom))),
        RecordKind::Question => case
            .questions
            .iter()
            .find(|q| q.id == on.id)
            .map(|q| format!("question: {}", inert(&q.text))),
        RecordKind::Deadline => case
            .deadlines
            .iter()
            .find(|d| d.id == on.id)
            .map(|d| inert(&d.title)),
        _ => None,
    };
    name.unwrap_or_else(|| format!("{} {} (deleted)", on.kind.label(), on.id))
}

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let case = &app.case;
    let total = app.notes_window.total;
    let selected = app.cursor_of(Pane::Notes).row.min(total.saturating_sub(1));
    let (Some(note), true) = (lists::note_at(app, selected), total > 0) else {
        panel::empty(
            frame,
            area,
            "Notes",
            &[
                "No notes yet.",
                "The family's notes go here, newest first, each with who wrote it and when:",
                "on the case as a whole, or on a doctor, an opinion, a scan or a request.",
                "Press a to write a note on the case, or n on any record in its pane.",
            ],
        );
        return;
    };
    let (left, right) = panel::list_and_detail(area, 55);
    let row = |n: usize| {
        lists::note_at(app, n).map(|note| {
            let when = app
                .clock
                .local(note.stamp.created_at)
                .format("%-d %b %H:%M");
            ListItem::new(vec![
                Line::from(vec![
                    Span::styled(format!("{when:<13}"), theme::label()),
                    Span::styled(
                        super::text::pad(&inert(&note.stamp.created_by), 10),
                        theme::heading(),
                    ),
                    Span::styled(
                        format!("on {}", text::fit(&subject(case, note.on), 30)),
                        theme::dim(),
                    ),
                ]),
                // One line: the note's lines joined, cut with … where it
                // does not fit.
                Line::raw(format!(
                    "  {}",
                    text::fit(
                        &inert(note.body.trim()),
                        usize::from(left.width.saturating_sub(6))
                    )
                )),
            ])
        })
    };
    let mut title = "Newest first".to_string();
    if let Some(author) = &app.notes_filter.author {
        title = format!("{}'s notes, newest first (f: next author)", inert(author));
    }
    if let Some(on) = app.notes_filter.on {
        title = format!(
            "{title} · only on {} (r: all)",
            text::fit(&subject(case, on), 30)
        );
    }
    panel::long_list(frame, left, &title, total, selected, row);

    let mut lines = vec![
        field("By", inert(&note.stamp.created_by)),
        field("On", subject(case, note.on)),
        heading("Note"),
    ];
    lines.extend(paragraph(&note.body));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        text::stamp(&note.stamp, &app.clock),
        theme::dim(),
    ));
    panel::detail(
        frame,
        right,
        "Note",
        lines,
        app.cursor_of(Pane::Notes).scroll,
    );
}
