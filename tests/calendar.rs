//! The calendar export, read back with an iCalendar parser.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use casefile::domain::{DeadlineDraft, DeadlineKind};
use common::{TempCase, demo_store, today};

struct Event {
    uid: String,
    summary: String,
    start: String,
    start_is_date: bool,
}

fn events(ics: &str) -> Vec<Event> {
    let mut parser = ical::IcalParser::new(ics.as_bytes());
    let calendar = parser.next().expect("a calendar").expect("it parses");
    assert!(parser.next().is_none(), "one calendar");
    calendar
        .events
        .iter()
        .map(|event| {
            let property = |name: &str| {
                event
                    .properties
                    .iter()
                    .find(|p| p.name == name)
                    .unwrap_or_else(|| panic!("no {name}"))
            };
            let start = property("DTSTART");
            Event {
                uid: property("UID").value.clone().unwrap_or_default(),
                summary: property("SUMMARY").value.clone().unwrap_or_default(),
                start: start.value.clone().unwrap_or_default(),
                start_is_date: start.params.as_ref().is_some_and(|params| {
                    params
                        .iter()
                        .any(|(name, values)| name == "VALUE" && values.iter().any(|v| v == "DATE"))
                }),
            }
        })
        .collect()
}

fn export(case: &TempCase) -> String {
    let output = assert_cmd::Command::cargo_bin("casefile")
        .unwrap()
        .args([
            "--db",
            case.path.to_str().unwrap(),
            "--as",
            "Maria",
            "export",
            "ics",
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn every_open_date_is_an_all_day_event_with_a_stable_uid() {
    let case = TempCase::new();
    let mut store = demo_store(&case);
    store
        .add(&DeadlineDraft {
            title: "MRI; disc, and \\ report".into(),
            kind: DeadlineKind::Custom,
            due_on: today(),
            doctor_id: None,
            done: false,
            notes: "line one\nline two".into(),
        })
        .unwrap();
    let open_dates = store
        .snapshot()
        .unwrap()
        .agenda(today())
        .into_iter()
        .filter(|e| !e.done)
        .count();
    drop(store);

    let first = export(&case);
    assert!(first.contains("\r\n"), "lines end in CRLF");
    let events = events(&first);
    assert_eq!(
        events.len(),
        open_dates,
        "every open deadline, appointment and request due date"
    );
    assert!(
        events.iter().all(|e| e.start_is_date && e.start.len() == 8),
        "all-day DATE values"
    );
    let mut uids: Vec<&str> = events.iter().map(|e| e.uid.as_str()).collect();
    uids.sort_unstable();
    uids.dedup();
    assert_eq!(uids.len(), events.len(), "UIDs are unique");
    assert!(
        events
            .iter()
            .any(|e| e.summary == r"MRI\; disc\, and \\ report"),
        "TEXT is escaped"
    );
    assert!(events.iter().any(|e| {
        e.summary
            .starts_with("Records due from Riverside Medical Center")
    }));
    assert!(events.iter().any(|e| e.summary == "Decision deadline"));
    assert!(
        !events
            .iter()
            .any(|e| e.summary.starts_with("First consultation")),
        "done items are left out"
    );

    let again: Vec<String> = self::events(&export(&case))
        .into_iter()
        .map(|e| e.uid)
        .collect();
    let before: Vec<String> = events.iter().map(|e| e.uid.clone()).collect();
    assert_eq!(again, before, "importing again updates the same events");
}
