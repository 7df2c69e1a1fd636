//! What opens over the panes: a yes/no question, the history of changes,
//! and the choice of who is writing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState};

use super::text::inert;
use super::theme;
use crate::app::{App, AuthorPicker, Confirm, HistoryView, Parts};
use crate::domain::RecordKind;
use crate::widgets::popup;

pub fn confirm(frame: &mut Frame, area: Rect, confirm: &Confirm) {
    let width = area.width.saturating_sub(8).min(80);
    let lines = vec![
        Line::raw(""),
        Line::raw(format!(" {}", inert(&confirm.question))),
        Line::raw(""),
        Line::styled(
            " y: yes, delete it     n or Esc: no, keep it",
            theme::heading(),
        ),
    ];
    let text_width = usize::from(width.saturating_sub(4)).max(1);
    let wrapped = confirm.question.chars().count() / text_width + 1;
    let height = u16::try_from(wrapped + 5).unwrap_or(8);
    popup::draw(
        frame,
        popup::centered(area, width, height),
        "Delete?",
        lines,
        theme::alarm(),
    );
}

pub fn history(frame: &mut Frame, area: Rect, app: &App, history: &HistoryView) {
    let inner_area = popup::centered(
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    );
    frame.render_widget(ratatui::widgets::Clear, inner_area);
    let rows: Vec<ListItem> = history
        .changes
        .iter()
        .map(|change| {
            let when = app.clock.local(change.at).format("%-d %b %Y %H:%M");
            ListItem::new(Line::from(vec![
                Span::styled(format!("{when:<18}"), theme::label()),
                Span::styled(format!("{:<10} ", inert(&change.author)), theme::heading()),
                Span::raw(change.describe()),
            ]))
        })
        .collect();
    let empty = rows.is_empty();
    let title = format!(
        "History of changes, newest first ({})  Esc closes",
        history.changes.len()
    );
    let list = List::new(rows)
        .block(super::panel::block(&title))
        .highlight_style(theme::selected())
        .highlight_symbol("▶ ");
    let mut state = ListState::default().with_selected((!empty).then_some(history.row));
    frame.render_stateful_widget(list, inner_area, &mut state);
}

pub fn authors(frame: &mut Frame, area: Rect, picker: &AuthorPicker) {
    let mut lines = vec![
        Line::raw(""),
        Line::raw(" Several people write in this case. Who is writing now?"),
        Line::raw(""),
    ];
    for (index, name) in picker.names.iter().enumerate() {
        let style = if index == picker.selected {
            theme::selected()
        } else {
            ratatui::style::Style::default()
        };
        lines.push(Line::styled(format!("   {}   ", inert(name)), style));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        " ↑/↓ choose, Enter: this is me. (Start with --as NAME for someone new.)",
        theme::dim(),
    ));
    let height = u16::try_from(lines.len() + 2).unwrap_or(12);
    popup::draw(
        frame,
        popup::centered(area, 76, height),
        "Who is writing?",
        lines,
        theme::heading(),
    );
}

/// One line for a part of a record: a move, a doctor, a follow-up.
fn part_line(app: &App, record: crate::domain::RecordRef) -> String {
    let case = &app.case;
    let day = |d: chrono::NaiveDate| d.format("%-d %b %Y").to_string();
    match record.kind {
        RecordKind::CustodyMove => case
            .custody_moves
            .iter()
            .find(|m| m.id == record.id)
            .map(|m| {
                format!(
                    "Move  {}  {} → {}  {}",
                    day(m.moved_on),
                    m.from,
                    m.to,
                    m.method
                )
            }),
        RecordKind::ItemRecipient => {
            case.item_recipients
                .iter()
                .find(|r| r.id == record.id)
                .map(|r| {
                    let doctor = case.doctor_name(Some(r.doctor_id));
                    match r.received_on {
                        Some(on) => format!("Doctor  {doctor}: received it {}", day(on)),
                        None => format!("Doctor  {doctor}: still needs it"),
                    }
                })
        }
        RecordKind::FollowUp => case.follow_ups.iter().find(|f| f.id == record.id).map(|f| {
            format!(
                "{}  {}: {}",
                day(f.on),
                f.by,
                f.said.lines().next().unwrap_or_default()
            )
        }),
        _ => None,
    }
    .map(|line| inert(&line))
    .unwrap_or_default()
}

pub fn parts(frame: &mut Frame, area: Rect, app: &App, parts: &Parts) {
    let height = u16::try_from(parts.records.len() + 4).unwrap_or(12);
    let box_area = popup::centered(area, area.width.saturating_sub(10).min(100), height);
    frame.render_widget(ratatui::widgets::Clear, box_area);
    let rows: Vec<ListItem> = parts
        .records
        .iter()
        .map(|record| ListItem::new(part_line(app, *record)))
        .collect();
    let list = List::new(rows)
        .block(super::panel::block(&format!(
            "{}  (e edit, d delete, Esc close)",
            inert(&parts.title)
        )))
        .highlight_style(theme::selected())
        .highlight_symbol("▶ ");
    let mut state = ListState::default().with_selected(Some(parts.row));
    frame.render_stateful_widget(list, box_area, &mut state);
}
