//! The demo case: what it holds, and that it never lands on someone's own case.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use casefile::demo::{DemoOutcome, write_demo};
use casefile::domain::*;
use common::{TempCase, demo_store, today};

#[test]
fn the_demo_holds_a_whole_case() {
    let case = TempCase::new();
    let mut store = demo_store(&case);
    let snapshot = store.snapshot().expect("reads");
    let info = snapshot.case.clone().expect("a case");
    assert!(info.is_demo);
    assert_eq!(snapshot.days_to_decision(today()), Some(21));
    assert_eq!(snapshot.opinions.len(), 3);

    let conflicts: Vec<String> = snapshot
        .conflicts()
        .iter()
        .map(|c| c.topic.clone())
        .collect();
    assert!(conflicts.contains(&"Treatment".to_string()));
    assert!(
        !conflicts.contains(&"Diagnosis".to_string()),
        "normalized stances agree"
    );

    let counts = snapshot.counts(today());
    assert_eq!(counts.overdue_requests, 1);
    assert!(counts.open_questions > 0);
    assert!(
        snapshot
            .questions
            .iter()
            .any(|q| q.status == QuestionStatus::Answered)
    );
    assert!(snapshot.custody_moves.iter().any(|m| m.direct));
    let authors: std::collections::BTreeSet<_> = snapshot
        .notes
        .iter()
        .map(|n| n.stamp.created_by.as_str())
        .collect();
    assert!(authors.len() >= 2, "notes by two family members");
    let warnings = independence_warnings(&snapshot.doctors, &snapshot.opinions);
    assert!(
        !warnings.is_empty(),
        "the oncologist shares an institution with the first surgeon"
    );
}

#[test]
fn the_demo_holds_records_of_every_kind() {
    let case = TempCase::new();
    let mut store = demo_store(&case);
    let case = store.snapshot().expect("reads");
    let records = case.every_record();
    for &kind in RecordKind::ALL {
        // The demo's decision is still in progress: Maria has not chosen.
        if kind == RecordKind::Decision {
            continue;
        }
        assert!(
            records.iter().any(|record| record.kind == kind),
            "the demo shows every kind of record, and holds no {}",
            kind.label()
        );
    }
    assert!(case.decisions.is_empty(), "no choice made yet");
}

#[test]
fn the_demo_holds_a_decision_in_progress() {
    let case = TempCase::new();
    let mut store = demo_store(&case);
    let case = store.snapshot().expect("reads");
    let names: Vec<&str> = case.options.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Mastectomy",
            "Lumpectomy with radiation",
            "Wait for the tumor board"
        ]
    );
    let recommenders: Vec<Vec<String>> = case
        .options
        .iter()
        .map(|o| casefile::domain::decision::recommenders(&case, o))
        .collect();
    assert_eq!(
        recommenders,
        [
            vec!["Dr. Helen Park".to_string()],
            vec![
                "Dr. Samuel Okafor".to_string(),
                "Dr. Priya Raman".to_string()
            ],
            vec![],
        ]
    );
    assert!(case.factors.iter().any(|f| f.figure().is_some()));
    assert!(
        case.views
            .iter()
            .any(|v| v.person == "Daniel" && v.stamp.created_by == "Daniel")
    );
    let checks = casefile::domain::decision::checks_newest_first(&case);
    assert_eq!(checks.len(), 2);
    assert_eq!(checks[1].noes(), 2, "the first check had two noes");
    assert_eq!((checks[0].taken_on - checks[1].taken_on).num_days(), 7);
    // The option grid marks the cell where the doctors gave different
    // chances for lumpectomy.
    let grid = casefile::domain::decision::OptionGrid::build(&case);
    assert!(grid.cells.iter().flatten().any(|cell| cell.differs));
}

#[test]
fn an_existing_demo_is_reopened_not_duplicated() {
    let case = TempCase::new();
    let mut store = demo_store(&case);
    let before = store.snapshot().expect("reads");
    assert_eq!(
        write_demo(&mut store).expect("reopens"),
        DemoOutcome::AlreadyThere
    );
    assert_eq!(store.snapshot().expect("reads"), before);
}

#[test]
fn the_demo_never_writes_over_someones_own_case() {
    let case = TempCase::new();
    let mut store = case.open("Maria");
    store
        .add(&CaseDraft {
            patient: "Ana".into(),
            ..CaseDraft::default()
        })
        .expect("a case");
    let error = write_demo(&mut store).expect_err("refused");
    assert!(
        error
            .to_string()
            .contains("already holds someone's own case")
    );
    assert!(!error.to_string().contains("Ana"));
    assert!(store.all::<DoctorDraft>().expect("reads").is_empty());
}
