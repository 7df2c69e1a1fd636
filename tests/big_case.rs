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
    assert!(
        runtime.app.overlays.form().is_none(),
        "{:?}",
        runtime.app.status
    );
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
    assert!(runtime.app.overlays.search().is_none());
    assert_eq!(runtime.app.pane, Pane::Notes);
    assert!(screen(&mut runtime).contains("write to the privacy officer"));
}

#[test]
fn search_goes_to_an_opinion_and_esc_closes_it() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "/Oncotype");
    let hit = runtime.app.overlays.search().unwrap().hits[0].record;
    press(&mut runtime, &[KeyCode::Enter]);
    let shown = casefile::app::lists::selected(&runtime.app);
    assert_eq!(shown, Some(hit), "the record found is selected");

    type_keys(&mut runtime, "/nothing like this anywhere");
    assert!(screen(&mut runtime).contains("Nothing in the case matches"));
    press(&mut runtime, &[KeyCode::Esc]);
    assert!(runtime.app.overlays.search().is_none());
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

#[test]
fn many_saves_of_a_few_records_elsewhere_all_show() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    let mut other = case.open("Daniel");
    let mut doctor = other
        .all::<casefile::domain::DoctorDraft>()
        .unwrap()
        .remove(0);
    for n in 0..501 {
        let mut draft = doctor.data.clone();
        draft.contact = format!("555-{n:04}");
        doctor = other
            .update(doctor.id, doctor.stamp.version, &draft)
            .unwrap();
    }
    other
        .add(&casefile::domain::DoctorDraft {
            name: "Dr. Zed Newcomer".into(),
            ..Default::default()
        })
        .unwrap();
    runtime.dispatch(casefile::app::Action::ChangedElsewhere);
    let names: Vec<&str> = runtime
        .app
        .case
        .doctors
        .iter()
        .map(|d| d.name.as_str())
        .collect();
    assert!(names.contains(&"Dr. Zed Newcomer"), "{names:?}");
    let shown = runtime.app.case.doctor(doctor.id).unwrap();
    assert_eq!(shown.data.contact, "555-0500");
}

#[test]
fn typing_in_an_old_note_is_offered_back_after_a_crash() {
    let case = TempCase::new();
    let mut runtime = stress_runtime(&case);
    type_keys(&mut runtime, "8G");
    type_keys(&mut runtime, "e");
    type_keys(&mut runtime, "KEPT ");
    runtime.dispatch(casefile::app::Action::Tick);
    drop(runtime);

    let mut runtime = Runtime::new(case.open("Maria"), case.demo_path());
    let form = runtime
        .app
        .overlays
        .form()
        .expect("the form is offered back");
    assert!(
        form.fields.iter().any(|f| f.value().contains("KEPT")),
        "the typing is there"
    );
    assert!(screen(&mut runtime).contains("Restored what you were typing"));
}

#[test]
fn pasting_into_the_search_searches() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "/");
    let paste = ratatui::crossterm::event::Event::Paste("Oncotype\n".into());
    let action = casefile::app::events::translate(&runtime.app, &paste).expect("an action");
    runtime.dispatch(action);
    let search = runtime.app.overlays.search().expect("still open");
    assert_eq!(search.typed(), "Oncotype ");
    assert!(!search.hits.is_empty());
}

#[test]
fn a_note_found_then_deleted_elsewhere_is_said_to_be_gone() {
    let case = TempCase::new();
    let mut store = demo_store(&case);
    let note = store
        .add(&NoteDraft {
            on: None,
            body: "Xylophone reminder".into(),
        })
        .unwrap();
    let mut runtime = Runtime::new(store, case.demo_path());
    type_keys(&mut runtime, "/xylophone");
    case.open("Daniel")
        .delete::<NoteDraft>(note.id, note.stamp.version)
        .unwrap();
    press(&mut runtime, &[KeyCode::Enter]);
    assert!(
        runtime.app.overlays.search().is_some(),
        "the search stays open"
    );
    let status = runtime.app.status.as_ref().expect("a message");
    assert!(
        status.text.contains("no longer in the case"),
        "{}",
        status.text
    );
}

#[test]
fn an_items_notes_stay_behind_its_list_of_moves() {
    let case = TempCase::new();
    let mut store = demo_store(&case);
    let notes: Vec<NoteDraft> = (0..300)
        .map(|n| NoteDraft {
            on: None,
            body: format!("a newer note on the case, number {n}"),
        })
        .collect();
    store.add_all(&notes).unwrap();
    let mut runtime = Runtime::new(store, case.demo_path());
    type_keys(&mut runtime, "5");
    while !common::screen_sized(&mut runtime, 200, 60).contains("The lab wants the slides back") {
        press(&mut runtime, &[KeyCode::Down]);
        assert!(
            runtime.app.cursor_of(Pane::Imaging).row < 5,
            "the slides have a note"
        );
    }
    press(&mut runtime, &[KeyCode::Enter]);
    assert!(
        runtime.app.overlays.parts().is_some(),
        "the slides' moves are listed"
    );
    assert!(
        common::screen_sized(&mut runtime, 200, 60).contains("The lab wants the slides back"),
        "the slides' note is still shown behind"
    );
}

#[test]
fn another_copys_save_shows_while_a_form_is_being_typed_in() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "9a");
    type_keys(&mut runtime, "Dr. Being Typed");
    case.open("Daniel")
        .add(&casefile::domain::DoctorDraft {
            name: "Dr. Saved Elsewhere".into(),
            ..Default::default()
        })
        .unwrap();
    // The tick keeps the typing safe, and looks at the file too.
    runtime.dispatch(casefile::app::Action::Tick);
    assert!(runtime.app.overlays.form().is_some(), "the form stays open");
    assert!(
        runtime
            .app
            .case
            .doctors
            .iter()
            .any(|d| d.name == "Dr. Saved Elsewhere")
    );
}

#[test]
fn a_huge_paste_into_the_search_is_searched_without_error() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "/");
    let huge = "calcifications margin ".repeat(50_000);
    runtime.dispatch(casefile::app::Action::Paste(huge));
    assert!(runtime.app.overlays.search().is_some());
    assert!(
        runtime.app.status.as_ref().is_none_or(|s| !s.is_error),
        "{:?}",
        runtime.app.status
    );
    assert!(screen(&mut runtime).contains("Search everything"));
}
