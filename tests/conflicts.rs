//! The heart of casefile: two opinions that disagree, the conflict found in
//! the grid, worked on and resolved, from the keys and from the shell.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use casefile::app::Runtime;
use casefile::domain::{CaseSnapshot, ConflictStatus, QuestionStatus};
use casefile::store::Store;
use common::{TempCase, clock, press, screen, type_keys};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn ctrl(runtime: &mut Runtime, c: char) {
    let event = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    if let Some(action) = casefile::app::events::translate(&runtime.app, &event) {
        runtime.dispatch(action);
    }
}

fn on_file(case: &TempCase) -> CaseSnapshot {
    Store::open(&case.path, "Reader", clock())
        .unwrap()
        .snapshot()
        .unwrap()
}

/// Adds an opinion by keys: the doctor picked by `doctor_steps` presses of
/// →, and a stance on Treatment written in the grid.
fn add_opinion_with_treatment(
    runtime: &mut Runtime,
    doctor_steps: usize,
    column: usize,
    treatment: &str,
) {
    type_keys(runtime, "2a");
    for _ in 0..doctor_steps {
        press(runtime, &[KeyCode::Right]);
    }
    ctrl(runtime, 's');
    // Conflicts: the Treatment row (the third topic), this opinion's column.
    type_keys(runtime, "3gjj");
    for _ in 0..column {
        type_keys(runtime, "l");
    }
    type_keys(runtime, "e");
    type_keys(runtime, treatment);
    ctrl(runtime, 's');
}

#[test]
fn two_opinions_that_differ_make_a_conflict_that_is_resolved_in_the_grid() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(case.open("Ana"), case.demo_path());
    type_keys(&mut runtime, "Ana Souza");
    ctrl(&mut runtime, 's');
    for name in ["Dr. Park", "Dr. Okafor"] {
        type_keys(&mut runtime, "9a");
        type_keys(&mut runtime, name);
        ctrl(&mut runtime, 's');
    }
    // Doctors are listed by name: Dr. Okafor first, then Dr. Park.
    add_opinion_with_treatment(&mut runtime, 1, 0, "Mastectomy");
    add_opinion_with_treatment(&mut runtime, 0, 1, "Lumpectomy + radiation");

    type_keys(&mut runtime, "3");
    let text = screen(&mut runtime);
    assert!(text.contains("⚠ Treatment"), "{text}");
    assert!(text.contains("≠A Mastectomy"), "{text}");
    assert!(text.contains("≠B Lumpectomy + radiation"), "{text}");
    assert!(text.contains("⚠ Treatment · open · 2 stances"), "{text}");

    // r: a question for each doctor, linked to the topic.
    type_keys(&mut runtime, "gjjr");
    let file = on_file(&case);
    let treatment = file
        .topics
        .iter()
        .find(|t| t.name == "Treatment")
        .unwrap()
        .id;
    let raised: Vec<_> = file
        .questions
        .iter()
        .filter(|q| q.topic_id == Some(treatment))
        .collect();
    assert_eq!(raised.len(), 2, "{raised:?}");
    assert!(raised.iter().any(|q| {
        q.text
            .contains("Dr. Okafor says \"Lumpectomy + radiation\"")
    }));

    // Enter: the conflict's workflow; resolve it with a note.
    type_keys(&mut runtime, "3");
    press(&mut runtime, &[KeyCode::Enter]);
    assert!(screen(&mut runtime).contains("Conflict on Treatment"));
    for _ in 0..3 {
        press(&mut runtime, &[KeyCode::Right]);
    }
    press(&mut runtime, &[KeyCode::Tab]);
    type_keys(&mut runtime, "Chose lumpectomy after the tumor board");
    ctrl(&mut runtime, 's');
    let state = on_file(&case)
        .conflict_states
        .into_iter()
        .next()
        .expect("a status");
    assert_eq!(state.status, ConflictStatus::Resolved);
    let text = screen(&mut runtime);
    assert!(text.contains("Treatment · resolved · 2 stances"), "{text}");
    assert!(
        text.contains("Chose lumpectomy after the tumor board"),
        "{text}"
    );
    assert!(text.contains("2 questions about it, 0 answered"), "{text}");
    assert_eq!(
        on_file(&case).counts(common::today()).open_conflicts,
        0,
        "a resolved conflict no longer needs attention"
    );
}

#[test]
fn declaring_two_stances_the_same_ends_the_conflict_and_undo_brings_it_back() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(common::demo_store(&case), case.demo_path());
    // The demo already declares the reports' "IDC" the same as the diagnosis.
    let declared = on_file(&case).equivalences.len();
    // Urgency: "Within 4 weeks" against "Within 6 weeks".
    type_keys(&mut runtime, "3gjjjj=");
    assert!(screen(&mut runtime).contains("two stances that mean the same"));
    ctrl(&mut runtime, 's');
    let text = screen(&mut runtime);
    assert!(text.contains("≡ Urgency"), "{text}");
    assert!(!text.contains("⚠ Urgency"), "{text}");
    assert!(text.contains("declared the same as"), "{text}");
    assert_eq!(on_file(&case).equivalences.len(), declared + 1);

    type_keys(&mut runtime, "u");
    let text = screen(&mut runtime);
    assert!(text.contains("⚠ Urgency"), "{text}");
    assert_eq!(on_file(&case).equivalences.len(), declared);

    // Declared again, then removed through its list.
    type_keys(&mut runtime, "3gjjjj=");
    ctrl(&mut runtime, 's');
    type_keys(&mut runtime, "xdy");
    assert_eq!(on_file(&case).equivalences.len(), declared);
    assert!(screen(&mut runtime).contains("⚠ Urgency"));
}

#[test]
fn the_command_line_lists_conflicts_as_the_grid_shows_them() {
    let case = TempCase::new();
    let mut store = common::demo_store(&case);
    let snapshot = store.snapshot().unwrap();
    let urgency = snapshot
        .topics
        .iter()
        .find(|t| t.name == "Urgency")
        .unwrap()
        .id;
    store
        .add(&casefile::domain::EquivalenceDraft {
            topic_id: urgency,
            stance: "Within 4 weeks".into(),
            same_as: "within 6 weeks".into(),
        })
        .unwrap();
    drop(store);
    let output = assert_cmd::Command::cargo_bin("casefile")
        .unwrap()
        .args([
            "--db",
            case.path.to_str().unwrap(),
            "--as",
            "Maria",
            "list",
            "conflicts",
            "--json",
        ])
        .output()
        .unwrap();
    let conflicts: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let topics: Vec<&str> = conflicts
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["topic"].as_str().unwrap())
        .collect();
    assert_eq!(
        topics,
        ["Treatment"],
        "Urgency is settled by the declaration"
    );
    assert_eq!(conflicts[0]["status"], "asked_to_confer");
}

#[test]
fn the_standard_questions_are_added_in_one_step_and_asked_with_one_key() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(common::demo_store(&case), case.demo_path());
    let before = on_file(&case).questions.len();
    type_keys(&mut runtime, "4b");
    let file = on_file(&case);
    let added = file.questions.len() - before;
    assert_eq!(
        added, 11,
        "twelve standard questions, one already asked in the demo"
    );
    assert!(screen(&mut runtime).contains("Added 11 questions"));
    type_keys(&mut runtime, "4b");
    assert!(screen(&mut runtime).contains("Every standard question is already on the list"));

    // s: the first open question of Dr. Park is marked asked today.
    type_keys(&mut runtime, "4gj");
    let text = screen(&mut runtime);
    assert!(text.contains("Status: open"), "{text}");
    type_keys(&mut runtime, "s");
    let asked = on_file(&case)
        .questions
        .into_iter()
        .filter(|q| q.status == QuestionStatus::Asked && q.asked_on == Some(common::today()))
        .count();
    assert_eq!(asked, 1);
}
