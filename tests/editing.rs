//! Adding, editing, deleting and undoing every kind of record from the
//! panes, by keys, and what the case file holds afterwards.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use casefile::app::Runtime;
use casefile::domain::CaseSnapshot;
use casefile::store::Store;
use common::{TempCase, clock, demo_store, press, screen, type_keys};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn ctrl(runtime: &mut Runtime, c: char) {
    let event = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    if let Some(action) = casefile::app::events::translate(&runtime.app, &event) {
        runtime.dispatch(action);
    }
}

/// The case as another copy of casefile would read it from the file.
fn on_file(case: &TempCase) -> CaseSnapshot {
    let mut store = Store::open(&case.path, "Reader", clock()).expect("opens");
    store.snapshot().expect("reads")
}

/// One kind of record and the keys that work on it.
struct Kind {
    name: &'static str,
    /// Keys that open the add form.
    open: &'static str,
    /// Keys typed into the add form before Ctrl-S.
    fill: &'static [Key],
    /// How many records of the kind the file holds.
    count: fn(&CaseSnapshot) -> usize,
    /// The record's text that the edit changes, read from the file.
    text: fn(&CaseSnapshot) -> Vec<String>,
    /// Keys that reach the field the edit changes.
    to_text: &'static [Key],
    /// The key that edits it.
    edit: &'static str,
    /// Keys that select it after it was saved (a part of an item or a
    /// request is reached through Enter on its item or request).
    reach: &'static [Key],
    /// What the edit types.
    typed: &'static str,
    /// The key that deletes it.
    delete: &'static str,
}

#[derive(Clone, Copy)]
enum Key {
    Type(&'static str),
    Tab,
    Enter,
}

fn fill(runtime: &mut Runtime, keys: &[Key]) {
    for key in keys {
        match key {
            Key::Type(text) => type_keys(runtime, text),
            Key::Tab => press(runtime, &[KeyCode::Tab]),
            Key::Enter => press(runtime, &[KeyCode::Enter]),
        }
    }
}

/// A kind whose record is selected after a save and edited with `e`.
const fn kind(
    name: &'static str,
    open: &'static str,
    fill: &'static [Key],
    count: fn(&CaseSnapshot) -> usize,
    text: fn(&CaseSnapshot) -> Vec<String>,
) -> Kind {
    Kind {
        name,
        open,
        fill,
        count,
        text,
        to_text: &[],
        edit: "e",
        reach: &[],
        typed: " (changed)",
        delete: "d",
    }
}

const KINDS: &[Kind] = &[
    kind(
        "doctor",
        "9a",
        &[Key::Type("Dr. New Doctor")],
        |c| c.doctors.len(),
        |c| c.doctors.iter().map(|d| d.name.clone()).collect(),
    ),
    Kind {
        to_text: &[Key::Tab, Key::Tab, Key::Tab],
        ..kind(
            "opinion",
            "2a",
            &[Key::Tab, Key::Tab, Key::Tab, Key::Type("A new diagnosis")],
            |c| c.opinions.len(),
            |c| c.opinions.iter().map(|o| o.diagnosis.clone()).collect(),
        )
    },
    Kind {
        edit: "t",
        delete: "D",
        ..kind(
            "topic",
            "3a",
            &[Key::Type("Radiation needed")],
            |c| c.topics.len(),
            |c| c.topics.iter().map(|t| t.name.clone()).collect(),
        )
    },
    kind(
        "stance",
        "3jjjjje",
        &[Key::Type("Good")],
        |c| c.stances.len(),
        |c| c.stances.iter().map(|p| p.stance.clone()).collect(),
    ),
    kind(
        "question",
        "4a",
        &[Key::Type("Is surgery needed at all?")],
        |c| c.questions.len(),
        |c| c.questions.iter().map(|q| q.text.clone()).collect(),
    ),
    kind(
        "item",
        "5a",
        &[Key::Type("Pathology report")],
        |c| c.items.len(),
        |c| c.items.iter().map(|i| i.description.clone()).collect(),
    ),
    kind(
        "request",
        "6a",
        &[
            Key::Type("Northside Lab"),
            Key::Tab,
            Key::Type("The tissue block"),
        ],
        |c| c.requests.len(),
        |c| c.requests.iter().map(|r| r.to_whom.clone()).collect(),
    ),
    kind(
        "deadline",
        "7a",
        &[Key::Type("Second MRI")],
        |c| c.deadlines.len(),
        |c| c.deadlines.iter().map(|d| d.title.clone()).collect(),
    ),
    kind(
        "note",
        "8a",
        &[Key::Type("Call the insurer again")],
        |c| c.notes.len(),
        |c| c.notes.iter().map(|n| n.body.clone()).collect(),
    ),
    // The parts of an item or a request are reached with Enter on it.
    // A move's form starts on "To", after the item and where it was.
    Kind {
        to_text: &[Key::Tab],
        reach: &[Key::Enter],
        ..kind(
            "move",
            "5m",
            &[Key::Type("Dr. Okafor")],
            |c| c.custody_moves.len(),
            |c| c.custody_moves.iter().map(|m| m.to.clone()).collect(),
        )
    },
    Kind {
        to_text: &[Key::Tab],
        reach: &[Key::Enter, Key::Type("jj")],
        typed: "2026-03-01",
        ..kind(
            "recipient",
            "5jjr",
            &[],
            |c| c.item_recipients.len(),
            |c| {
                c.item_recipients
                    .iter()
                    .map(|r| r.received_on.map(|d| d.to_string()).unwrap_or_default())
                    .collect()
            },
        )
    },
    Kind {
        reach: &[Key::Enter, Key::Type("jj")],
        ..kind(
            "follow-up",
            "6f",
            &[Key::Type("Left a message")],
            |c| c.follow_ups.len(),
            |c| c.follow_ups.iter().map(|f| f.said.clone()).collect(),
        )
    },
];

#[test]
fn every_kind_is_added_edited_deleted_and_undone_from_its_pane() {
    for kind in KINDS {
        let case = TempCase::new();
        let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
        let before = (kind.count)(&on_file(&case));

        type_keys(&mut runtime, kind.open);
        assert!(
            runtime.app.overlays.form().is_some(),
            "{} form opens",
            kind.name
        );
        fill(&mut runtime, kind.fill);
        ctrl(&mut runtime, 's');
        assert!(
            runtime.app.overlays.form().is_none(),
            "{} saved: {:?}",
            kind.name,
            runtime.app.overlays.form().map(|f| &f.message)
        );
        let file = on_file(&case);
        assert_eq!((kind.count)(&file), before + 1, "{} added", kind.name);
        let history = Store::open(&case.path, "Reader", clock())
            .expect("opens")
            .history()
            .expect("reads");
        assert_eq!(
            history[0].author, "Maria",
            "{} recorded with its author",
            kind.name
        );

        {
            // The new record is selected: e opens it with the cursor at the
            // end of the first field.
            fill(&mut runtime, kind.reach);
            type_keys(&mut runtime, kind.edit);
            assert!(
                runtime.app.overlays.form().is_some(),
                "{} edit form opens",
                kind.name
            );
            fill(&mut runtime, kind.to_text);
            type_keys(&mut runtime, kind.typed);
            ctrl(&mut runtime, 's');
            assert!(
                runtime.app.overlays.form().is_none(),
                "{} edit saved: {:?}",
                kind.name,
                runtime.app.overlays.form().map(|f| &f.message)
            );
            let texts = (kind.text)(&on_file(&case));
            assert!(
                texts.iter().any(|t| t.ends_with(kind.typed)),
                "{} edited: {texts:?}",
                kind.name
            );

            fill(&mut runtime, kind.reach);
            type_keys(&mut runtime, kind.delete);
            let question = runtime
                .app
                .overlays
                .confirm()
                .map(|c| c.question.clone())
                .unwrap_or_default();
            assert!(
                question.starts_with("Delete ") && question.ends_with("(y/n)"),
                "{question}"
            );
            type_keys(&mut runtime, "y");
            assert_eq!(
                (kind.count)(&on_file(&case)),
                before,
                "{} deleted",
                kind.name
            );

            type_keys(&mut runtime, "u");
            assert!(
                screen(&mut runtime).contains("Undid: deleted"),
                "{}",
                kind.name
            );
            assert_eq!(
                (kind.count)(&on_file(&case)),
                before + 1,
                "{} back after undo",
                kind.name
            );
            type_keys(&mut runtime, "u");
            assert!(
                screen(&mut runtime).contains("Undid: edited"),
                "{}",
                kind.name
            );
            let texts = (kind.text)(&on_file(&case));
            assert!(
                !texts.iter().any(|t| t.ends_with(kind.typed)),
                "{} edit undone",
                kind.name
            );
        }
        type_keys(&mut runtime, "u");
        assert!(
            screen(&mut runtime).contains("Undid: added"),
            "{}",
            kind.name
        );
        assert_eq!(
            (kind.count)(&on_file(&case)),
            before,
            "{} add undone",
            kind.name
        );
        type_keys(&mut runtime, "u");
        assert!(
            screen(&mut runtime).contains("Nothing left to undo"),
            "{}",
            kind.name
        );
    }
}

#[test]
fn the_case_is_edited_from_the_overview() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "1e");
    press(&mut runtime, &[KeyCode::Tab, KeyCode::Tab]);
    for _ in 0..12 {
        press(&mut runtime, &[KeyCode::Backspace]);
    }
    type_keys(&mut runtime, "in 4 weeks");
    assert!(
        screen(&mut runtime).contains("= Mon 30 Mar 2026"),
        "the form shows the date understood"
    );
    ctrl(&mut runtime, 's');
    let decide_by = on_file(&case).case.and_then(|c| c.decide_by);
    assert_eq!(decide_by, chrono::NaiveDate::from_ymd_opt(2026, 3, 30));
    assert!(screen(&mut runtime).contains("28 days left to decide"));
}

#[test]
fn deleting_an_opinion_names_its_stances_and_undo_brings_them_back() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    let before = on_file(&case);
    type_keys(&mut runtime, "2d");
    let question = runtime
        .app
        .overlays
        .confirm()
        .map(|c| c.question.clone())
        .unwrap_or_default();
    assert!(
        question.contains("With it go: 5 stances, 1 note"),
        "{question}"
    );
    type_keys(&mut runtime, "n");
    assert_eq!(on_file(&case).opinions.len(), 3, "n keeps it");
    type_keys(&mut runtime, "dy");
    assert_eq!(on_file(&case).stances.len(), before.stances.len() - 5);
    type_keys(&mut runtime, "u");
    let after = on_file(&case);
    assert_eq!(after.stances, before.stances);
    assert_eq!(after.notes, before.notes);
}

#[test]
fn esc_asks_before_throwing_away_what_was_typed() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "9a");
    press(&mut runtime, &[KeyCode::Esc]);
    assert!(
        runtime.app.overlays.form().is_none(),
        "an untouched form just closes"
    );
    type_keys(&mut runtime, "aDr. Typed");
    press(&mut runtime, &[KeyCode::Esc]);
    assert!(screen(&mut runtime).contains("Discard what you typed? (y/n)"));
    type_keys(&mut runtime, "n");
    assert!(
        screen(&mut runtime).contains("Dr. Typed"),
        "n goes back to the form, typing kept"
    );
    press(&mut runtime, &[KeyCode::Esc]);
    type_keys(&mut runtime, "y");
    assert!(runtime.app.overlays.form().is_none());
    assert!(on_file(&case).doctors.iter().all(|d| d.name != "Dr. Typed"));
}

/// Opens Dr. Park's form, types " MD" after the name, and has Daniel
/// change the contact meanwhile; then Ctrl-S.
fn save_over_daniels_change(case: &TempCase, runtime: &mut Runtime) {
    type_keys(runtime, "9e");
    type_keys(runtime, " MD");
    let mut daniel = Store::open(&case.path, "Daniel", clock()).expect("opens");
    let park = daniel.snapshot().expect("reads").doctors[0].clone();
    let mut changed = park.data.clone();
    changed.contact = "555-9999".into();
    daniel
        .update(park.id, park.stamp.version, &changed)
        .expect("Daniel saves");
    ctrl(runtime, 's');
}

#[test]
fn a_save_over_someone_elses_change_is_refused_and_both_versions_shown() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    save_over_daniels_change(&case, &mut runtime);
    let text = screen(&mut runtime);
    assert!(
        text.contains("Daniel saved this record while you had it open"),
        "{text}"
    );
    assert!(text.contains("Dr. Helen Park MD"), "the typing stays");
    assert!(
        text.contains("Daniel's: 555-9999"),
        "their value beside yours: {text}"
    );
    assert_eq!(
        on_file(&case).doctors[0].contact,
        "555-9999",
        "Daniel's edit is kept"
    );
}

#[test]
fn after_a_refused_save_keep_mine_take_theirs_or_merge() {
    // Ctrl-G: their contact, my name.
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    save_over_daniels_change(&case, &mut runtime);
    ctrl(&mut runtime, 'g');
    assert!(screen(&mut runtime).contains("Merged"));
    ctrl(&mut runtime, 's');
    let park = on_file(&case).doctors[0].clone();
    assert_eq!(
        (park.name.as_str(), park.contact.as_str()),
        ("Dr. Helen Park MD", "555-9999")
    );

    // Ctrl-K: mine, over theirs, on purpose.
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    save_over_daniels_change(&case, &mut runtime);
    ctrl(&mut runtime, 'k');
    let park = on_file(&case).doctors[0].clone();
    assert_eq!(
        (park.name.as_str(), park.contact.as_str()),
        ("Dr. Helen Park MD", "Surgery clinic, 555-0142")
    );

    // Ctrl-T: theirs; what I typed is dropped.
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    save_over_daniels_change(&case, &mut runtime);
    ctrl(&mut runtime, 't');
    assert!(runtime.app.overlays.form().is_none());
    let park = on_file(&case).doctors[0].clone();
    assert_eq!(
        (park.name.as_str(), park.contact.as_str()),
        ("Dr. Helen Park", "555-9999")
    );
}

#[test]
fn the_first_run_starts_a_case_with_ctrl_s() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(case.open("Ana"), case.demo_path());
    ctrl(&mut runtime, 's');
    assert!(screen(&mut runtime).contains("Patient is required"));
    type_keys(&mut runtime, "Ana Souza");
    press(&mut runtime, &[KeyCode::Tab, KeyCode::Tab]);
    type_keys(&mut runtime, "in 3 weeks");
    ctrl(&mut runtime, 's');
    let file = on_file(&case);
    let info = file.case.expect("a case");
    assert_eq!(info.patient, "Ana Souza");
    assert_eq!(info.stamp.created_by, "Ana");
    assert_eq!(file.topics.len(), 6, "the default topics come with it");
    assert!(screen(&mut runtime).contains("21 days left to decide"));
}

#[test]
fn ctrl_d_on_the_first_run_opens_the_demo_instead() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(case.open("Ana"), case.demo_path());
    ctrl(&mut runtime, 'd');
    assert_eq!(runtime.app.file, case.demo_path());
    assert!(screen(&mut runtime).contains("Maria Alvarez"));
}

#[test]
fn n_writes_a_note_on_the_selected_record_and_enter_in_notes_goes_back_to_it() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "5jjn");
    assert!(screen(&mut runtime).contains("Add a note on this item"));
    type_keys(&mut runtime, "Slides due back on the 15th");
    ctrl(&mut runtime, 's');
    assert_eq!(
        runtime.app.pane,
        casefile::app::Pane::Imaging,
        "n leaves the user where they were"
    );
    let file = on_file(&case);
    let note = file
        .notes
        .iter()
        .find(|n| n.body.starts_with("Slides due"))
        .expect("the note");
    let slides = file
        .items
        .iter()
        .find(|i| i.description.starts_with("Core needle"))
        .expect("slides");
    assert_eq!(note.on.map(|on| on.id), Some(slides.id));

    type_keys(&mut runtime, "8");
    assert!(
        screen(&mut runtime).contains("Slides due back on the 15th"),
        "newest first"
    );
    press(&mut runtime, &[KeyCode::Enter]);
    assert_eq!(runtime.app.pane, casefile::app::Pane::Imaging);
    assert!(screen(&mut runtime).contains("Item: Core needle biopsy glass slides"));
}

#[test]
fn notes_filter_by_author_and_by_record() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "8f");
    let text = screen(&mut runtime);
    assert!(text.contains("Showing Maria's notes"), "{text}");
    assert!(text.contains("Leaning towards lumpectomy"));
    assert!(
        !text.contains("If nothing arrives by Friday"),
        "Daniel's note is hidden"
    );
    type_keys(&mut runtime, "ff");
    assert!(screen(&mut runtime).contains("Showing everyone's notes"));
    type_keys(&mut runtime, "r");
    let text = screen(&mut runtime);
    assert!(
        text.contains("Showing only the notes on the case"),
        "{text}"
    );
    assert!(!text.contains("Dr. Okafor drew the tumour"));
}

#[test]
fn the_history_lists_changes_newest_first() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "9aDr. Newest");
    ctrl(&mut runtime, 's');
    type_keys(&mut runtime, "1h");
    let text = screen(&mut runtime);
    assert!(text.contains("History of changes, newest first"), "{text}");
    let first = text.lines().find(|l| l.contains("▶")).unwrap_or_default();
    assert!(first.contains("added doctor \"Dr. Newest\""), "{first}");
    assert!(text.contains("What changed"), "{text}");
    assert!(text.contains("Name: Dr. Newest"), "{text}");
    press(&mut runtime, &[KeyCode::Esc]);
    assert!(runtime.app.overlays.history().is_none());
}

#[test]
fn with_several_writers_the_app_asks_who_is_writing() {
    let case = TempCase::new();
    let store = demo_store(&case);
    let mut runtime = Runtime::new(store, case.demo_path());
    runtime.ask_author(vec!["Maria".into(), "Daniel".into()]);
    assert!(screen(&mut runtime).contains("Who is writing?"));
    press(&mut runtime, &[KeyCode::Down, KeyCode::Enter]);
    assert_eq!(runtime.app.author, "Daniel");
    assert!(screen(&mut runtime).contains("writing as Daniel"));
    type_keys(&mut runtime, "9aDr. By Daniel");
    ctrl(&mut runtime, 's');
    let file = on_file(&case);
    let added = file
        .doctors
        .iter()
        .find(|d| d.name == "Dr. By Daniel")
        .expect("added");
    assert_eq!(added.stamp.created_by, "Daniel");
}

#[test]
fn a_details_shows_who_created_and_changed_a_record() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "9e");
    type_keys(&mut runtime, " MD");
    ctrl(&mut runtime, 's');
    let text = screen(&mut runtime);
    assert!(
        text.contains("Added by Maria on 1 Feb 2026 19:00; changed by Maria on 2 Mar"),
        "{text}"
    );
}

#[test]
fn what_was_typed_in_an_open_form_survives_a_crash() {
    use casefile::app::Action;
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "9aDr. Half Typed");
    press(&mut runtime, &[KeyCode::Tab]);
    type_keys(&mut runtime, "Plastic surgery");
    runtime.dispatch(Action::Tick);
    drop(runtime); // the terminal closed, or the laptop died

    let store = Store::open(&case.path, "Maria", clock()).expect("opens");
    let mut runtime = Runtime::new(store, case.demo_path());
    let text = screen(&mut runtime);
    assert!(
        text.contains("Restored what you were typing when casefile stopped"),
        "{text}"
    );
    assert!(text.contains("Dr. Half Typed"), "{text}");
    assert!(text.contains("Plastic surgery"), "{text}");
    ctrl(&mut runtime, 's');
    assert!(
        on_file(&case)
            .doctors
            .iter()
            .any(|d| d.name == "Dr. Half Typed")
    );
    runtime.dispatch(Action::Tick);
    drop(runtime);

    // Saved: nothing is offered again.
    let store = Store::open(&case.path, "Maria", clock()).expect("opens");
    let mut runtime = Runtime::new(store, case.demo_path());
    assert!(runtime.app.overlays.form().is_none());
    assert!(!screen(&mut runtime).contains("Restored"));
}

#[test]
fn another_writers_unsaved_form_is_not_offered() {
    use casefile::app::Action;
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "9aDr. Maria's Draft");
    runtime.dispatch(Action::Tick);
    drop(runtime);
    let store = Store::open(&case.path, "Daniel", clock()).expect("opens");
    let runtime = Runtime::new(store, case.demo_path());
    assert!(
        runtime.app.overlays.form().is_none(),
        "each writer gets their own typing back"
    );
}

#[test]
fn the_history_names_the_records_a_change_links_and_its_fields_in_words() {
    use casefile::domain::{ItemRecipientDraft, NoteDraft, ReceivedAs, RecordKind, RecordRef};
    let case = TempCase::new();
    let mut store = demo_store(&case);
    let file = store.snapshot().unwrap();
    let item = file
        .items
        .iter()
        .find(|i| i.description.contains("MRI"))
        .unwrap();
    let brooks = file
        .doctors
        .iter()
        .find(|d| d.name.contains("Brooks"))
        .unwrap();
    store
        .add(&ItemRecipientDraft {
            item_id: item.id,
            doctor_id: brooks.id,
            received_on: None,
            received_as: ReceivedAs::Item,
        })
        .unwrap();
    store
        .add(&NoteDraft {
            on: Some(RecordRef {
                kind: RecordKind::Item,
                id: item.id,
            }),
            body: "Send the disc by courier".into(),
        })
        .unwrap();
    let mut runtime = Runtime::new(store, case.demo_path());
    type_keys(&mut runtime, "1h");
    let text = common::screen_sized(&mut runtime, 160, 40);
    assert!(
        text.contains("added note \"Send the disc by courier\""),
        "{text}"
    );
    assert!(text.contains("Text: Send the disc by courier"), "{text}");
    assert!(
        text.contains(&format!("On: item {}", item.description)),
        "{text}"
    );
    assert!(!text.contains("body:"), "no raw keys: {text}");
    assert!(
        text.contains(&format!(
            "added item sent to a doctor \"{}…\" for Dr. Lena Brooks",
            item.description.chars().take(40).collect::<String>()
        )),
        "{text}"
    );
    type_keys(&mut runtime, "j");
    let text = common::screen_sized(&mut runtime, 160, 40);
    assert!(text.contains("Doctor: Dr. Lena Brooks"), "{text}");
    assert!(
        text.contains(&format!("Item: {}", item.description)),
        "{text}"
    );
    assert!(text.contains("Received as: item"), "{text}");
    assert!(!text.contains("item_id"), "no raw keys: {text}");
}

#[test]
fn deleting_a_doctor_names_the_questions_that_keep_her_name_and_they_still_say_so() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    // The Doctors pane lists Dr. Helen Park first.
    type_keys(&mut runtime, "9gd");
    let question = runtime
        .app
        .overlays
        .confirm()
        .map(|c| c.question.clone())
        .unwrap_or_default();
    assert!(
        question.starts_with("Delete doctor \"Dr. Helen Park\"?"),
        "{question}"
    );
    assert!(
        question.contains(
            "These questions were asked of or answered by Dr. Helen Park and will still say so: \
             \"Why mastectomy rather than lumpectomy wi…\", \"Could reconstruction be done in the same…\", \
             \"How long would I be off work after a mas…\"."
        ),
        "{question}"
    );
    assert!(
        !question.contains("Would an MRI-guided"),
        "a question never asked becomes one for any doctor: {question}"
    );
    let shown = screen(&mut runtime);
    assert!(
        shown.contains("still say so") || shown.contains("will still"),
        "{shown}"
    );
    type_keys(&mut runtime, "y");
    let file = on_file(&case);
    let answered = file
        .questions
        .iter()
        .find(|q| q.text.starts_with("Why mastectomy"))
        .expect("the answered question stays");
    assert_eq!(answered.doctor_id, None);
    assert_eq!(answered.former_doctor, "Dr. Helen Park");
    assert!(!answered.is_for_any_doctor());

    type_keys(&mut runtime, "4");
    let text = screen(&mut runtime);
    assert!(
        text.contains("Dr. Helen Park (no longer in the case)"),
        "{text}"
    );

    // One undo gives her questions back to her.
    type_keys(&mut runtime, "u");
    let file = on_file(&case);
    let answered = file
        .questions
        .iter()
        .find(|q| q.text.starts_with("Why mastectomy"))
        .unwrap();
    assert!(answered.doctor_id.is_some());
    assert_eq!(answered.former_doctor, "");
}

#[test]
fn a_raised_question_keeps_its_blind_wording_until_its_text_is_changed_in_the_form() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    // Urgency, the fifth row; r shows the first question it added.
    type_keys(&mut runtime, "3ggjjjjr");
    let raised = |case: &TempCase| {
        on_file(case)
            .questions
            .into_iter()
            .filter(|q| q.topic_id.is_some() && q.text.starts_with("On Urgency"))
            .collect::<Vec<_>>()
    };
    let first = raised(&case).into_iter().next().expect("a raised question");
    assert!(!first.blind_text.is_empty());
    // The status changed in the form: the wording stays.
    type_keys(&mut runtime, "e");
    press(&mut runtime, &[KeyCode::Tab, KeyCode::Right]);
    ctrl(&mut runtime, 's');
    let after = raised(&case)
        .into_iter()
        .find(|q| q.id == first.id)
        .unwrap();
    assert_ne!(after.status, first.status, "saved");
    assert_eq!(after.blind_text, first.blind_text);
    // The text changed: the neutral wording no longer fits it.
    type_keys(&mut runtime, "e");
    type_keys(&mut runtime, " Really?");
    ctrl(&mut runtime, 's');
    let after = on_file(&case)
        .questions
        .into_iter()
        .find(|q| q.id == first.id)
        .unwrap();
    assert!(after.text.ends_with("Really?"), "{}", after.text);
    assert_eq!(after.blind_text, "");
}
