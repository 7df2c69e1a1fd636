//! What opens over the panes: a yes/no question, the history of changes,
//! and the choice of who is writing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState};

use super::text::inert;
use super::theme;
use crate::app::{AfterYes, App, AuthorPicker, Confirm, HistoryView, Parts};
use crate::domain::RecordKind;
use crate::widgets::popup;

pub fn confirm(frame: &mut Frame, area: Rect, confirm: &Confirm) {
    let width = area.width.saturating_sub(8).min(80);
    let text_width = usize::from(width.saturating_sub(4)).max(10);
    let mut lines = vec![Line::raw("")];
    lines.extend(
        super::text::wrap(&inert(&confirm.question), text_width)
            .into_iter()
            .map(|line| Line::raw(format!(" {line}"))),
    );
    lines.push(Line::raw(""));
    let (keys, title, style) = match confirm.then {
        AfterYes::Delete => (
            " y: yes, delete it     n or Esc: no, keep it",
            "Delete?",
            theme::alarm(),
        ),
        AfterYes::RecordDecision => (
            " y: yes, go on to the decision     n or Esc: not yet",
            "Before you record your decision",
            theme::warning(),
        ),
    };
    lines.push(Line::styled(keys, theme::heading()));
    let height = u16::try_from(lines.len() + 2).unwrap_or(8);
    popup::draw(
        frame,
        popup::centered(area, width, height),
        title,
        lines,
        style,
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
        .zip(&history.described)
        .map(|(change, described)| {
            let when = app.clock.local(change.at).format("%-d %b %Y %H:%M");
            ListItem::new(Line::from(vec![
                Span::styled(format!("{when:<18}"), theme::label()),
                Span::styled(
                    format!("{} ", super::text::pad(&inert(&change.author), 10)),
                    theme::heading(),
                ),
                Span::raw(described.clone()),
            ]))
        })
        .collect();
    let empty = rows.is_empty();
    let title = format!(
        "History of changes, newest first ({})  Esc closes",
        history.changes.len()
    );
    let [list_area, detail_area] = ratatui::layout::Layout::vertical([
        ratatui::layout::Constraint::Min(5),
        ratatui::layout::Constraint::Length(10),
    ])
    .areas(inner_area);
    let list = List::new(rows)
        .block(super::panel::block(&title))
        .highlight_style(theme::selected())
        .highlight_symbol("▶ ");
    let mut state = ListState::default().with_selected((!empty).then_some(history.row));
    frame.render_stateful_widget(list, list_area, &mut state);
    let lines = history
        .changes
        .get(history.row)
        .map(|change| change_lines(change, &history.changes))
        .unwrap_or_default();
    super::panel::detail(frame, detail_area, "What changed", lines, 0);
}

/// The fields a change touched, before and after, in words: each field by
/// its label, a linked record by its name, yes or no for a toggle.
fn change_lines(
    change: &crate::domain::Change,
    history: &[crate::domain::Change],
) -> Vec<Line<'static>> {
    use crate::domain::{Choice, RecordKind, RecordRef, field_label, field_link, words_in};
    const STAMP: [&str; 6] = [
        "id",
        "created_at",
        "created_by",
        "updated_at",
        "updated_by",
        "version",
    ];
    let empty = serde_json::Map::new();
    let before = change
        .before
        .as_ref()
        .and_then(|v| v.as_object())
        .unwrap_or(&empty);
    let after = change
        .after
        .as_ref()
        .and_then(|v| v.as_object())
        .unwrap_or(&empty);
    let name_of = |record: RecordRef| -> String {
        history
            .iter()
            .find(|c| c.record == record)
            .and_then(|c| c.after.as_ref().or(c.before.as_ref()))
            .and_then(words_in)
            .unwrap_or_else(|| format!("{} {}", record.kind.label(), record.id))
    };
    let shown = |key: &str, value: Option<&serde_json::Value>| match value {
        Some(serde_json::Value::Null) if key == "on" => "the case".to_string(),
        None | Some(serde_json::Value::Null) => "—".to_string(),
        Some(serde_json::Value::String(text)) if text.trim().is_empty() => "—".to_string(),
        // The value as typed; the lines of a text show as lines.
        Some(serde_json::Value::String(text)) => text.trim_end().to_string(),
        Some(serde_json::Value::Bool(true)) => "yes".to_string(),
        Some(serde_json::Value::Bool(false)) => "no".to_string(),
        Some(serde_json::Value::Number(id)) if field_link(key).is_some() => {
            match (field_link(key), id.as_i64()) {
                (Some(kind), Some(id)) => inert(&name_of(RecordRef { kind, id })),
                _ => id.to_string(),
            }
        }
        Some(serde_json::Value::Object(on)) if key == "on" => {
            let kind = on
                .get("kind")
                .and_then(|k| k.as_str())
                .and_then(RecordKind::from_key);
            match (kind, on.get("id").and_then(|id| id.as_i64())) {
                (Some(kind), Some(id)) => inert(&format!(
                    "{} {}",
                    kind.label(),
                    name_of(RecordRef { kind, id })
                )),
                _ => "the case".to_string(),
            }
        }
        Some(other) => other.to_string(),
    };
    let plain = ratatui::style::Style::default();
    let mut keys: Vec<&String> = after.keys().collect();
    keys.extend(before.keys().filter(|key| !after.contains_key(*key)));
    keys.into_iter()
        .filter(|key| !STAMP.contains(&key.as_str()))
        .filter(|key| before.get(*key) != after.get(*key))
        .flat_map(|key| {
            let label = field_label(key);
            let prefix = || vec![Span::raw(format!("{label}: "))];
            match change.action {
                crate::domain::ChangeAction::Added => {
                    super::panel::lines_after(prefix(), &shown(key, after.get(key)), 2, plain)
                }
                crate::domain::ChangeAction::Deleted => {
                    super::panel::lines_after(prefix(), &shown(key, before.get(key)), 2, plain)
                }
                crate::domain::ChangeAction::Edited => {
                    let (was, now) = (shown(key, before.get(key)), shown(key, after.get(key)));
                    let one = |text: &str| super::text::inert_lines(text).len() <= 1;
                    if one(&was) && one(&now) {
                        vec![Line::raw(format!(
                            "{label}: {} → {}",
                            inert(&was),
                            inert(&now)
                        ))]
                    } else {
                        // Several lines: before, then after, each in its lines.
                        let mut lines = super::panel::lines_after(prefix(), &was, 2, plain);
                        lines.extend(super::panel::lines_after(
                            vec![Span::raw("→ ")],
                            &now,
                            2,
                            plain,
                        ));
                        lines
                    }
                }
            }
        })
        .collect()
}

pub fn authors(frame: &mut Frame, area: Rect, picker: &AuthorPicker) {
    let mut lines = vec![
        Line::raw(""),
        Line::raw(" Several people write in this case. Who is writing now?"),
        Line::raw(""),
    ];
    let row = |index: usize, text: String| {
        let style = if index == picker.selected && picker.new_name.is_none() {
            theme::selected()
        } else {
            ratatui::style::Style::default()
        };
        Line::styled(format!("   {text}   "), style)
    };
    for (index, name) in picker.names.iter().enumerate() {
        lines.push(row(index, inert(name)));
    }
    lines.push(row(picker.names.len(), "Someone else (type a name)".into()));
    lines.push(Line::raw(""));
    match &picker.new_name {
        Some(name) => {
            lines.push(Line::from(vec![
                Span::styled(" Name: ", theme::heading()),
                Span::raw(inert(name)),
                Span::styled("▏", theme::selected()),
            ]));
            if let Some(error) = &picker.error {
                lines.push(Line::styled(format!(" ⚠ {}", inert(error)), theme::alarm()));
            }
            lines.push(Line::styled(
                " Enter: write as this name · Esc: back to the names",
                theme::dim(),
            ));
        }
        None => lines.push(Line::styled(
            " ↑/↓ choose, Enter: this is me · Esc: keep writing as the one who wrote last",
            theme::dim(),
        )),
    }
    let height = u16::try_from(lines.len() + 2).unwrap_or(12);
    popup::draw(
        frame,
        popup::centered(area, 80, height),
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
        RecordKind::RequestItem => case
            .request_items
            .iter()
            .find(|r| r.id == record.id)
            .and_then(|r| case.item(r.item_id))
            .map(|item| format!("Asks for  {}", item.description)),
        RecordKind::Equivalence => case
            .equivalences
            .iter()
            .find(|e| e.id == record.id)
            .map(|e| {
                format!(
                    "\"{}\" means the same as \"{}\"  (by {})",
                    e.stance, e.same_as, e.stamp.created_by
                )
            }),
        RecordKind::FollowUp => case
            .follow_ups
            .iter()
            .find(|f| f.id == record.id)
            .map(|f| format!("{}  {}: {}", day(f.on), f.by, f.said.trim())),
        RecordKind::Question => case
            .questions
            .iter()
            .find(|q| q.id == record.id)
            .map(|q| format!("Question for {}: {}", case.asked_of(q), q.text.trim())),
        RecordKind::Deadline => case.deadlines.iter().find(|d| d.id == record.id).map(|d| {
            format!(
                "{}  {} ({})",
                day(d.due_on),
                d.title.trim(),
                crate::domain::Choice::label(d.kind)
            )
        }),
        _ => None,
    }
    .map(|line| inert(&line))
    .unwrap_or_default()
}

pub fn parts(frame: &mut Frame, area: Rect, app: &App, parts: &Parts) {
    let lines_each = if parts.reasons.is_empty() { 1 } else { 2 };
    let height = u16::try_from(parts.records.len() * lines_each + 4).unwrap_or(12);
    let box_area = popup::centered(area, area.width.saturating_sub(10).min(100), height);
    frame.render_widget(ratatui::widgets::Clear, box_area);
    let width = usize::from(box_area.width.saturating_sub(6));
    let rows: Vec<ListItem> = parts
        .records
        .iter()
        .enumerate()
        .map(|(n, record)| {
            let mut lines = vec![Line::raw(super::text::fit(&part_line(app, *record), width))];
            if let Some(reason) = parts.reasons.get(n) {
                lines.push(Line::styled(
                    super::text::fit(&format!("  {}", inert(reason)), width),
                    theme::warning(),
                ));
            }
            ListItem::new(lines)
        })
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
