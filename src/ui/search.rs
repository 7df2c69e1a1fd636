//! The search over every text in the case: the box, then what it found,
//! grouped by kind of record, with the words that matched underlined.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph};

use super::text::inert;
use super::{panel, theme};
use crate::app::search::{MOST_RESULTS, SearchView};
use crate::domain::{Choice, RecordKind};
use crate::widgets::popup;

/// One row of the results: a kind's heading, or a record found.
enum Row {
    Kind(RecordKind, usize),
    Hit(usize),
}

pub fn render(frame: &mut Frame, area: Rect, search: &SearchView) {
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
                    Span::styled(capitalized(kind.label()), theme::heading()),
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
                    ListItem::new(Line::from(spans))
                }
            })
        };
        let title = if search.hits.len() >= MOST_RESULTS {
            format!("The first {MOST_RESULTS} found: more words narrow the search")
        } else {
            format!("Found in {} records", search.hits.len())
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

fn capitalized(words: &str) -> String {
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
