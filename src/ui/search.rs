//! The search over every text in the case: the box, then what it found,
//! grouped by kind of record, with the words that matched underlined.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph};

use super::text::{self, inert};
use super::{panel, theme};
use crate::app::search::{MOST_RESULTS, SearchView};
use crate::domain::{CaseSnapshot, Choice, RecordKind, RecordRef};
use crate::widgets::popup;

/// One row of the results: a kind's heading, or a record found.
enum Row {
    Kind(RecordKind, usize),
    Hit(usize),
}

/// Whose or what a record found is, when its own words do not say: the
/// doctor of an opinion, a stance's doctor and topic, a move's item.
fn context(case: &CaseSnapshot, record: RecordRef) -> Option<String> {
    let id = record.id;
    let opinion_of = |opinion_id| {
        case.opinion(opinion_id)
            .map(|o| case.doctor_name(Some(o.doctor_id)).to_string())
    };
    match record.kind {
        RecordKind::Opinion => opinion_of(id),
        RecordKind::Stance => {
            let position = case.stances.iter().find(|p| p.id == id)?;
            let topic = case.topic(position.topic_id)?;
            Some(format!(
                "{} on {}",
                opinion_of(position.opinion_id)?,
                topic.name
            ))
        }
        RecordKind::Question => case
            .questions
            .iter()
            .find(|q| q.id == id)
            .map(|q| format!("for {}", case.asked_of(q))),
        RecordKind::ConflictState => {
            let state = case.conflict_states.iter().find(|c| c.id == id)?;
            case.topic(state.topic_id).map(|t| t.name.clone())
        }
        RecordKind::CustodyMove => {
            let item_id = case.custody_moves.iter().find(|m| m.id == id)?.item_id;
            case.item(item_id).map(|i| i.description.clone())
        }
        _ => None,
    }
}

pub fn render(frame: &mut Frame, area: Rect, case: &CaseSnapshot, search: &SearchView) {
    let area = popup::centered(
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    );
    frame.render_widget(ratatui::widgets::Clear, area);
    let [input_area, results_area, help_area] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut input = search.input.clone();
    input.set_block(panel::block("Search everything"));
    input.set_cursor_style(theme::selected());
    frame.render_widget(&input, input_area);

    let typed = search.typed();
    if search.hits.is_empty() {
        let words = if typed.trim().is_empty() {
            "Type a word or two. Every record is searched: doctors, opinions, stances, \
             questions and answers, scans and slides, their moves, requests, deadlines and notes."
                .to_string()
        } else if search.searched.trim() == typed.trim() {
            format!(
                "Nothing in the case matches \"{}\". Try fewer words, or the start of a word.",
                inert(typed.trim())
            )
        } else {
            "Searching...".to_string()
        };
        frame.render_widget(
            Paragraph::new(Line::styled(format!(" {words}"), theme::label()))
                .block(panel::block("Found"))
                .wrap(ratatui::widgets::Wrap { trim: false }),
            results_area,
        );
    } else {
        let mut rows = Vec::new();
        let mut selected_row = 0;
        for (index, hit) in search.hits.iter().enumerate() {
            if index == 0 || search.hits[index - 1].record.kind != hit.record.kind {
                let count = search.hits[index..]
                    .iter()
                    .take_while(|h| h.record.kind == hit.record.kind)
                    .count();
                rows.push(Row::Kind(hit.record.kind, count));
            }
            if index == search.selected {
                selected_row = rows.len();
            }
            rows.push(Row::Hit(index));
        }
        let row = |n: usize| {
            Some(match rows.get(n)? {
                Row::Kind(kind, count) => ListItem::new(Line::from(vec![
                    Span::styled(
                        crate::domain::text::capitalized(kind.label()),
                        theme::heading(),
                    ),
                    Span::styled(format!("  {count}"), theme::dim()),
                ])),
                Row::Hit(index) => {
                    let hit = &search.hits[*index];
                    let mut spans = vec![Span::raw("  ")];
                    spans.extend(hit.pieces.iter().map(|(text, matched)| {
                        let text = inert(text);
                        if *matched {
                            Span::styled(text, theme::matched())
                        } else {
                            Span::raw(text)
                        }
                    }));
                    if let Some(context) = context(case, hit.record) {
                        spans.push(Span::styled(
                            format!("  ({})", text::fit(&inert(&context), 40)),
                            theme::dim(),
                        ));
                    }
                    ListItem::new(Line::from(spans))
                }
            })
        };
        let title = if search.hits.len() >= MOST_RESULTS {
            format!("The first {MOST_RESULTS} found: more words narrow the search")
        } else {
            let found = search.hits.len();
            format!(
                "Found in {found} record{}",
                if found == 1 { "" } else { "s" }
            )
        };
        panel::long_list(frame, results_area, &title, rows.len(), selected_row, row);
    }
    frame.render_widget(
        Paragraph::new(Line::styled(
            " Enter: go to it · ↑/↓: choose · Esc: close",
            theme::dim(),
        )),
        help_area,
    );
}
