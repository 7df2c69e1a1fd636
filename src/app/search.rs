//! `/`: a search over every text in the case. Each key typed searches
//! again; Enter goes to the record found.

use ratatui_textarea::{Input, TextArea};

use super::{App, Effect, editing};
use crate::domain::SearchHit;

/// The most results a search shows; more words narrow it.
pub const MOST_RESULTS: usize = 200;

/// The search box and what it found.
#[derive(Debug, Clone)]
pub struct SearchView {
    pub input: TextArea<'static>,
    /// What was searched for, and what it found.
    pub searched: String,
    pub hits: Vec<SearchHit>,
    pub selected: usize,
}

impl SearchView {
    pub fn typed(&self) -> String {
        self.input.lines().join(" ")
    }
}

pub fn open(app: &mut App) {
    let mut input = TextArea::default();
    input.set_cursor_line_style(ratatui::style::Style::default());
    input
        .set_placeholder_text("Type words to find: a doctor, a drug, a scan, a phrase from a note");
    app.overlays.open_search(SearchView {
        input,
        searched: String::new(),
        hits: Vec::new(),
        selected: 0,
    });
}

/// A key typed into the search box: search again if the words changed.
pub fn key(app: &mut App, input: Input) -> Effect {
    let Some(search) = app.overlays.search_mut() else {
        return Effect::None;
    };
    // One line only: Enter goes to the record, so it never reaches here.
    search.input.input(input);
    searched_again(app)
}

/// Text pasted into the search box, on one line.
pub fn paste(app: &mut App, text: &str) -> Effect {
    let Some(search) = app.overlays.search_mut() else {
        return Effect::None;
    };
    let line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    search.input.insert_str(line);
    searched_again(app)
}

/// Searches again if the words typed changed.
fn searched_again(app: &mut App) -> Effect {
    let Some(search) = app.overlays.search_mut() else {
        return Effect::None;
    };
    let typed = search.typed();
    if typed.trim() == search.searched.trim() {
        return Effect::None;
    }
    Effect::Search(typed)
}

/// What the store found for `query`, if that is still what is typed.
pub fn found(app: &mut App, query: String, hits: Vec<SearchHit>) {
    if let Some(search) = app.overlays.search_mut()
        && search.typed() == query
    {
        search.searched = query;
        search.hits = hits;
        search.selected = 0;
    }
}

pub fn move_selection(app: &mut App, by: isize) {
    if let Some(search) = app.overlays.search_mut() {
        let last = search.hits.len().saturating_sub(1);
        search.selected = search.selected.saturating_add_signed(by).min(last);
    }
}

/// Enter: goes to the record found. The search closes once it is shown,
/// and stays open, saying so, if it is gone.
pub fn go(app: &mut App) -> Effect {
    let found = app
        .overlays
        .search()
        .and_then(|search| search.hits.get(search.selected))
        .map(|hit| hit.record);
    match found {
        Some(record) => editing::reveal(app, record, true),
        None => Effect::None,
    }
}
