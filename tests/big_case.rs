//! A case far bigger than a real one: the screen reads the notes a
//! screenful at a time, and applies each change without reading the case
//! again; `/` searches every text.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use casefile::app::{Pane, Runtime};
use casefile::domain::{NoteDraft, NotesFilter};
use common::{TempCase, demo_store, press, screen, type_keys};
use ratatui::crossterm::event::KeyCode;

/// The demo with three steps of made-up records: over three thousand notes.
fn stress_runtime(case: &TempCase) -> Runtime {
    let mut store = case.open("Maria");
    casefile::demo::write_demo_at_scale(&mut store, 3).expect("the stress case is written");
    Runtime::new(store, case.demo_path())
}

/// The body of the note selected in the Notes pane, as the store has it.
fn selected_note_body(runtime: &Runtime) -> String {
    let row = runtime.app.cursor_of(Pane::Notes).row;
    let notes = runtime
        .store()
        .notes_page(&NotesFilter::default(), row, 1)
        .expect("the notes are read");
    notes[0].body.clone()
}

#[test]
fn the_notes_pane_pages_through_thousands_of_notes() {
    let case = TempCase::new();
    let mut runtime = stress_runtime(&case);
    let total = runtime
        .store()
        .notes_count(&NotesFilter::default())
        .expect("counted");
    assert!(total > 3_000, "{total} notes");
    assert!(screen(&mut runtime).contains(&format!("{total} notes")));
    type_keys(&mut runtime, "8");

    // The oldest note, at the very end, is reached and shown.
    type_keys(&mut runtime, "G");
    assert_eq!(runtime.app.cursor_of(Pane::Notes).row, total - 1);
    let body = selected_note_body(&runtime);
    let first_words: String = body.chars().take(30).collect();
    assert!(
        screen(&mut runtime).contains(&first_words),
        "the last note is drawn: {first_words}"
    );

    // Paging back up reads the rows there, and draws them.
    for _ in 0..40 {
        press(&mut runtime, &[KeyCode::PageUp]);
    }
    let body = selected_note_body(&runtime);
    let first_words: String = body.chars().take(30).collect();
    assert!(screen(&mut runtime).contains(&first_words));
    assert!(
        runtime.app.notes_window.ids.len() < 300,
        "only a window of the notes is held: {}",
        runtime.app.notes_window.ids.len()
    );
}

#[test]
fn a_new_note_is_selected_and_counted() {
    let case = TempCase::new();
    let mut runtime = stress_runtime(&case);
    type_keys(&mut runtime, "8G");
    let before = runtime.app.notes_window.total;
    type_keys(&mut runtime, "a");
    type_keys(&mut runtime, "Asked the courier about the slides");
    runtime.dispatch(casefile::app::Action::SaveForm);
    assert!(runtime.app.form.is_none(), "{:?}", runtime.app.status);
    assert_eq!(runtime.app.notes_window.total, before + 1);
    assert_eq!(
        selected_note_body(&runtime),
        "Asked the courier about the slides",
        "the new note is selected, wherever it falls in the list"
    );
    assert!(screen(&mut runtime).contains("Asked the courier about the slides"));
}

#[test]
fn another_copys_changes_are_applied_in_order() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "9");
    // Someone else renames a doctor so that she sorts first, and adds a note.
    let mut other = case.open("Daniel");
    let brooks = other
        .all::<casefile::domain::DoctorDraft>()
        .unwrap()
        .into_iter()
        .find(|d| d.name.contains("Brooks"))
        .unwrap();
    let mut draft = brooks.data.clone();
    draft.name = "Dr. Aaliyah Brooks".into();
    other
        .update(brooks.id, brooks.stamp.version, &draft)
        .unwrap();
    other
        .add(&NoteDraft {
            on: None,
            body: "Daniel's note from the other computer".into(),
        })
        .unwrap();
    runtime.dispatch(casefile::app::Action::ChangedElsewhere);
    let doctors = casefile::app::lists::doctors(&runtime.app.case);
    assert_eq!(doctors[0].name, "Dr. Aaliyah Brooks", "kept in name order");
    type_keys(&mut runtime, "8");
    assert!(screen(&mut runtime).contains("Daniel's note from the other computer"));
}

#[test]
fn search_finds_a_note_and_enter_goes_to_it() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "/privacy offi");
    let text = screen(&mut runtime);
    assert!(text.contains("Search everything"), "{text}");
    assert!(text.contains("Note"), "grouped under its kind: {text}");
    assert!(text.contains("privacy"), "{text}");
    press(&mut runtime, &[KeyCode::Enter]);
    assert!(runtime.app.search.is_none());
    assert_eq!(runtime.app.pane, Pane::Notes);
    assert!(screen(&mut runtime).contains("write to the privacy officer"));
}

#[test]
fn search_goes_to_an_opinion_and_esc_closes_it() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "/Oncotype");
    let hit = runtime.app.search.as_ref().unwrap().hits[0].record;
    press(&mut runtime, &[KeyCode::Enter]);
    let shown = casefile::app::lists::selected(&runtime.app);
    assert_eq!(shown, Some(hit), "the record found is selected");

    type_keys(&mut runtime, "/nothing like this anywhere");
    assert!(screen(&mut runtime).contains("Nothing in the case matches"));
    press(&mut runtime, &[KeyCode::Esc]);
    assert!(runtime.app.search.is_none());
}

#[test]
fn what_a_search_shows_is_inert() {
    let case = TempCase::new();
    let mut store = demo_store(&case);
    store
        .add(&NoteDraft {
            on: None,
            body: "tamoxifen \u{1b}[31mred\u{1b}[0m \u{202e}backwards".into(),
        })
        .unwrap();
    let mut runtime = Runtime::new(store, case.demo_path());
    type_keys(&mut runtime, "/tamoxifen");
    for symbol in common::drawn_symbols(&mut runtime) {
        assert!(
            !symbol.chars().any(|c| c.is_control() || c == '\u{202e}'),
            "{symbol:?} reached the screen"
        );
    }
}
