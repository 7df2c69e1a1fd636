//! The case file: its format, its permissions, and every table.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use std::os::unix::fs::PermissionsExt;

use casefile::domain::*;
use casefile::store::{NewerFile, NotACaseFile, StaleRecord, Store};
use common::{TempCase, clock, today};

fn mode(path: &std::path::Path) -> u32 {
    std::fs::metadata(path)
        .expect("the file exists")
        .permissions()
        .mode()
        & 0o777
}

fn doctor(name: &str) -> DoctorDraft {
    DoctorDraft {
        name: name.into(),
        specialty: "Breast surgery".into(),
        institution: "Riverside Medical Center".into(),
        ..DoctorDraft::default()
    }
}

#[test]
fn an_empty_file_is_migrated_to_the_current_format() {
    let case = TempCase::new();
    let store = case.open("Maria");
    assert!(store.case().expect("reads").is_none());
    drop(store);
    let conn = rusqlite::Connection::open(&case.path).expect("opens");
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .expect("reads");
    assert_eq!(version, 15);
    let journal: String = conn
        .pragma_query_value(None, "journal_mode", |row| row.get(0))
        .expect("reads");
    assert_eq!(journal, "wal");
    // Opening again changes nothing and keeps every table.
    let store = case.open("Maria");
    assert!(store.authors().expect("reads").is_empty());
}

#[test]
fn a_file_from_a_newer_casefile_is_refused_and_left_unchanged() {
    let case = TempCase::new();
    drop(case.open("Maria"));
    {
        let conn = rusqlite::Connection::open(&case.path).expect("opens");
        conn.pragma_update(None, "user_version", 99)
            .expect("writes");
        conn.pragma_update(None, "journal_mode", "DELETE")
            .expect("writes");
    }
    let before = std::fs::read(&case.path).expect("reads");
    let error = Store::open(&case.path, "Maria", clock())
        .err()
        .expect("refused");
    let newer = error
        .downcast_ref::<NewerFile>()
        .expect("a newer-file error");
    assert_eq!(newer.found, 99);
    assert!(error.to_string().contains("newer casefile"));
    assert!(error.to_string().contains("Nothing in it was changed"));
    assert_eq!(std::fs::read(&case.path).expect("reads"), before);
}

#[test]
fn another_programs_database_is_refused() {
    let case = TempCase::new();
    {
        let conn = rusqlite::Connection::open(&case.path).expect("opens");
        conn.execute_batch("CREATE TABLE recipes (name TEXT)")
            .expect("writes");
    }
    let error = Store::open(&case.path, "Maria", clock())
        .err()
        .expect("refused");
    assert!(error.downcast_ref::<NotACaseFile>().is_some());
    assert!(error.to_string().contains("is not a casefile case file"));
    let wal = case.dir.path().join("case.db-wal");
    assert!(
        !wal.exists(),
        "no stray files beside another program's data"
    );
}

#[test]
fn a_new_case_file_and_its_folder_are_private() {
    let dir = tempfile::tempdir().expect("a folder");
    let folder = dir.path().join("family").join("casefile");
    let path = folder.join("case.db");
    let store = Store::open(&path, "Maria", clock()).expect("opens");
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&folder), 0o700);
    for sidecar in ["case.db-wal", "case.db-shm"] {
        let file = folder.join(sidecar);
        if file.exists() {
            assert_eq!(mode(&file), 0o600, "{sidecar}");
        }
    }
    drop(store);
}

#[test]
fn every_record_carries_its_author_times_and_version() {
    let case = TempCase::new();
    let mut store = case.open("Maria");
    let added = store.add(&doctor("Dr. Helen Park")).expect("adds");
    assert_eq!(added.stamp.created_by, "Maria");
    assert_eq!(added.stamp.updated_by, "Maria");
    assert_eq!(added.stamp.version, 1);
    assert_eq!(added.stamp.created_at, clock().now());
    drop(store);

    let mut daniel = case.open("Daniel");
    let mut changed = added.data.clone();
    changed.contact = "555-0142".into();
    let saved = daniel.update(added.id, 1, &changed).expect("saves");
    assert_eq!(saved.id, added.id);
    assert_eq!(saved.stamp.created_by, "Maria");
    assert_eq!(saved.stamp.updated_by, "Daniel");
    assert_eq!(saved.stamp.version, 2);
    assert_eq!(daniel.authors().expect("reads"), vec!["Maria", "Daniel"]);
}

#[test]
fn a_stale_save_is_refused_and_the_other_edit_kept() {
    let case = TempCase::new();
    let mut maria = case.open("Maria");
    let mut daniel = case.open("Daniel");
    let added = maria.add(&doctor("Dr. Park")).expect("adds");

    let mut by_daniel = added.data.clone();
    by_daniel.contact = "Daniel's number".into();
    daniel
        .update(added.id, added.stamp.version, &by_daniel)
        .expect("saves");

    let mut by_maria = added.data.clone();
    by_maria.contact = "Maria's number".into();
    let error = maria
        .update(added.id, added.stamp.version, &by_maria)
        .expect_err("stale");
    let stale = error
        .downcast_ref::<StaleRecord>()
        .expect("a stale-record error");
    assert_eq!(stale.by, "Daniel");
    assert!(error.to_string().contains("changed by Daniel"));
    let kept = maria
        .get::<DoctorDraft>(added.id)
        .expect("reads")
        .expect("exists");
    assert_eq!(kept.contact, "Daniel's number");

    let error = maria.delete::<DoctorDraft>(added.id, 1).expect_err("stale");
    assert!(error.downcast_ref::<StaleRecord>().is_some());
}

#[test]
fn changes_are_recorded_in_the_history_with_before_and_after() {
    let case = TempCase::new();
    let mut store = case.open("Maria");
    let added = store.add(&doctor("Dr. Park")).expect("adds");
    let mut changed = added.data.clone();
    changed.name = "Dr. Helen Park".into();
    store.update(added.id, 1, &changed).expect("saves");
    store.delete::<DoctorDraft>(added.id, 2).expect("deletes");

    let history = store.history().expect("reads");
    let actions: Vec<ChangeAction> = history.iter().map(|change| change.action).collect();
    assert_eq!(
        actions,
        [
            ChangeAction::Deleted,
            ChangeAction::Edited,
            ChangeAction::Added
        ]
    );
    let edit = &history[1];
    assert_eq!(
        edit.record,
        RecordRef {
            kind: RecordKind::Doctor,
            id: added.id
        }
    );
    assert_eq!(edit.author, "Maria");
    let name = |json: &Option<serde_json::Value>| {
        json.as_ref()
            .and_then(|j| j["name"].as_str().map(String::from))
    };
    assert_eq!(name(&edit.before).as_deref(), Some("Dr. Park"));
    assert_eq!(name(&edit.after).as_deref(), Some("Dr. Helen Park"));
    assert!(history[0].after.is_none());
    assert!(store.get::<DoctorDraft>(added.id).expect("reads").is_none());
}

#[test]
fn ids_are_never_reused_after_a_delete() {
    let case = TempCase::new();
    let mut store = case.open("Maria");
    let first = store.add(&doctor("Dr. A")).expect("adds");
    store.delete::<DoctorDraft>(first.id, 1).expect("deletes");
    let second = store.add(&doctor("Dr. B")).expect("adds");
    assert!(second.id > first.id);
}

/// Adds one of every record and reads the case back after reopening.
#[test]
fn every_table_round_trips_through_the_file() {
    let case = TempCase::new();
    let mut store = case.open("Maria");
    let day = today();
    let the_case = store
        .add(&CaseDraft {
            patient: "Ana".into(),
            question: "Which operation?".into(),
            decide_by: Some(day),
            is_demo: false,
            originals_away_days: 30,
            decision_writer: String::new(),
        })
        .expect("case");
    let doctor = store.add(&doctor("Dr. Park")).expect("doctor");
    let opinion = store
        .add(&OpinionDraft {
            doctor_id: doctor.id,
            given_on: day,
            form: OpinionForm::RecordsReview,
            diagnosis: "IDC".into(),
            recommendation: "Lumpectomy".into(),
            urgency: "6 weeks".into(),
            saw_originals: true,
            knew_prior: false,
            cost: "$0".into(),
            coverage: "covered".into(),
            notes: "line one\nline two".into(),
        })
        .expect("opinion");
    let topic = store
        .add(&TopicDraft {
            name: "Treatment".into(),
            sort_order: 2,
        })
        .expect("topic");
    let position = store
        .add(&StanceDraft {
            opinion_id: opinion.id,
            topic_id: topic.id,
            stance: "Lumpectomy".into(),
            detail: "".into(),
        })
        .expect("position");
    let state = store
        .add(&ConflictStateDraft {
            topic_id: topic.id,
            status: ConflictStatus::FurtherOpinion,
            resolution: "Seeing a third surgeon".into(),
        })
        .expect("conflict state");
    let question = store
        .add(&QuestionDraft {
            doctor_id: None,
            text: "How soon?".into(),
            status: QuestionStatus::Asked,
            answer: String::new(),
            asked_on: Some(day),
            answered_on: None,
            topic_id: Some(topic.id),
            blind_text: String::new(),
            former_doctor: String::new(),
            factor_id: None,
        })
        .expect("question");
    let item = store
        .add(&ItemDraft {
            kind: ItemKind::Block,
            description: "Tissue block A1".into(),
            taken_on: None,
            facility: "Lab".into(),
            form: ItemForm::Block,
            is_original: true,
            held_by: "Lab".into(),
            copy_of: None,
        })
        .expect("item");
    let moved = store
        .add(&CustodyMoveDraft {
            item_id: item.id,
            from: "Lab".into(),
            to: "Dr. Park".into(),
            moved_on: day,
            method: "Courier".into(),
            tracking: "TRK1".into(),
            direct: true,
            note: String::new(),
        })
        .expect("move");
    let recipient = store
        .add(&ItemRecipientDraft {
            item_id: item.id,
            doctor_id: doctor.id,
            received_on: None,
            received_as: casefile::domain::ReceivedAs::Item,
        })
        .expect("recipient");
    let request = store
        .add(&RecordRequestDraft {
            to_whom: "Records".into(),
            what: "Slides".into(),
            requested_on: day,
            method: "Fax".into(),
            deliver_to_doctor: Some(doctor.id),
            status: RequestStatus::Extended,
            local_limit_days: Some(20),
            extended_on: Some(day),
            received_on: None,
        })
        .expect("request");
    let follow_up = store
        .add(&FollowUpDraft {
            request_id: request.id,
            on: day,
            by: "Daniel".into(),
            said: "Called".into(),
        })
        .expect("follow-up");
    let deadline = store
        .add(&DeadlineDraft {
            title: "Consult".into(),
            kind: DeadlineKind::Appointment,
            due_on: day,
            doctor_id: Some(doctor.id),
            done: true,
            notes: String::new(),
        })
        .expect("deadline");
    let note = store
        .add(&NoteDraft {
            on: Some(RecordRef {
                kind: RecordKind::Item,
                id: item.id,
            }),
            body: "Return by May".into(),
        })
        .expect("note");
    drop(store);

    let mut store = case.open("Maria");
    let snapshot = store.snapshot().expect("reads");
    assert_eq!(snapshot.case, Some(the_case));
    assert_eq!(snapshot.doctors, vec![doctor]);
    assert_eq!(snapshot.opinions, vec![opinion]);
    assert_eq!(snapshot.topics, vec![topic]);
    assert_eq!(snapshot.stances, vec![position]);
    assert_eq!(snapshot.conflict_states, vec![state]);
    assert_eq!(snapshot.questions, vec![question]);
    assert_eq!(snapshot.items, vec![item.clone()]);
    assert_eq!(snapshot.custody_moves, vec![moved]);
    assert_eq!(snapshot.item_recipients, vec![recipient]);
    assert_eq!(snapshot.requests, vec![request]);
    assert_eq!(snapshot.follow_ups, vec![follow_up]);
    assert_eq!(snapshot.deadlines, vec![deadline]);
    assert_eq!(snapshot.notes, vec![note]);
    assert_eq!(snapshot.holder(&item), "Dr. Park");
}

#[test]
fn deleting_an_opinion_takes_its_stances_with_it() {
    let case = TempCase::new();
    let mut store = common::demo_store(&case);
    let snapshot = store.snapshot().expect("reads");
    let opinion = &snapshot.opinions[0];
    let positions = snapshot
        .stances
        .iter()
        .filter(|p| p.opinion_id == opinion.id)
        .count();
    assert!(positions > 0);
    store
        .delete::<OpinionDraft>(opinion.id, opinion.stamp.version)
        .expect("deletes");
    let after = store.snapshot().expect("reads");
    assert!(after.stances.iter().all(|p| p.opinion_id != opinion.id));
    assert_eq!(after.stances.len(), snapshot.stances.len() - positions);
}

#[test]
fn a_second_case_cannot_be_started_in_the_same_file() {
    let case = TempCase::new();
    let mut store = case.open("Maria");
    let draft = CaseDraft {
        patient: "Ana".into(),
        ..CaseDraft::default()
    };
    store.add(&draft).expect("first case");
    assert!(store.add(&draft).is_err());
    assert_eq!(store.all::<CaseDraft>().expect("reads").len(), 1);
}

#[test]
fn a_backup_taken_while_another_copy_is_open_holds_its_saved_work() {
    let case = TempCase::new();
    let mut open_elsewhere = case.open("Maria");
    open_elsewhere.add(&doctor("Dr. Park")).expect("adds");
    let backup_path = case.dir.path().join("backup.db");
    let report = case
        .open("Daniel")
        .backup_to(&backup_path)
        .expect("backs up");
    assert!(report.bytes > 0);
    open_elsewhere
        .add(&doctor("Dr. Okafor"))
        .expect("still writes after the backup");
    let backup = Store::open(&backup_path, "Maria", clock()).expect("the backup opens");
    let names: Vec<String> = backup
        .all::<DoctorDraft>()
        .expect("reads")
        .into_iter()
        .map(|d| d.data.name)
        .collect();
    assert_eq!(names, ["Dr. Park"]);
    assert_eq!(mode(&backup_path), 0o600);
}

#[test]
fn a_delete_takes_what_belongs_to_the_record_and_one_undo_brings_it_all_back() {
    let case = TempCase::new();
    let mut store = common::demo_store(&case);
    let before = store.snapshot().expect("reads");
    let park = before
        .doctors
        .iter()
        .find(|d| d.name == "Dr. Helen Park")
        .expect("Dr. Park");
    let target = RecordRef {
        kind: RecordKind::Doctor,
        id: park.id,
    };

    let plan = store.delete_plan(target).expect("plans");
    assert_eq!(
        plan.summary(),
        "1 opinion, 1 item sent to a doctor, 5 stances, 1 note"
    );
    assert_eq!(
        plan.unlinked.len(),
        10,
        "questions, deadlines and the factors from her opinion lose their link"
    );

    store
        .delete_record(target, park.stamp.version)
        .expect("deletes");
    let after = store.snapshot().expect("reads");
    assert!(after.doctor(park.id).is_none());
    assert_eq!(after.opinions.len(), before.opinions.len() - 1);
    assert!(after.questions.iter().all(|q| q.doctor_id != Some(park.id)));

    let batch = store.last_batch().expect("a batch");
    let undone = store.undo(batch).expect("undoes");
    assert_eq!(undone, "deleted doctor \"Dr. Helen Park\"");
    let restored = store.snapshot().expect("reads");
    assert_eq!(restored.doctors, before.doctors);
    assert_eq!(restored.opinions, before.opinions);
    assert_eq!(restored.stances, before.stances);
    assert_eq!(restored.item_recipients, before.item_recipients);
    assert_eq!(restored.notes, before.notes);
    let links = |s: &CaseSnapshot| s.questions.iter().map(|q| q.doctor_id).collect::<Vec<_>>();
    assert_eq!(links(&restored), links(&before), "links come back");
}

#[test]
fn undo_reverses_an_add_and_an_edit() {
    let case = TempCase::new();
    let mut store = case.open("Maria");
    let added = store.add(&doctor("Dr. Park")).expect("adds");
    let add_batch = store.last_batch().expect("a batch");
    let mut changed = added.data.clone();
    changed.name = "Dr. Helen Park".into();
    store.update(added.id, 1, &changed).expect("saves");
    let edit_batch = store.last_batch().expect("a batch");

    assert_eq!(
        store.undo(edit_batch).expect("undoes"),
        "edited doctor \"Dr. Helen Park\""
    );
    let back = store
        .get::<DoctorDraft>(added.id)
        .expect("reads")
        .expect("exists");
    assert_eq!(back.name, "Dr. Park");
    assert_eq!(
        store.undo(add_batch).expect("undoes"),
        "added doctor \"Dr. Park\""
    );
    assert!(store.get::<DoctorDraft>(added.id).expect("reads").is_none());
}

#[test]
fn undo_refuses_when_someone_changed_the_record_since() {
    let case = TempCase::new();
    let mut maria = case.open("Maria");
    let added = maria.add(&doctor("Dr. Park")).expect("adds");
    let batch = maria.last_batch().expect("a batch");
    let mut daniel = case.open("Daniel");
    let mut changed = added.data.clone();
    changed.contact = "555".into();
    daniel.update(added.id, 1, &changed).expect("saves");

    let error = maria.undo(batch).expect_err("refused");
    assert!(
        error.to_string().contains("changed since by Daniel"),
        "{error}"
    );
    assert!(maria.get::<DoctorDraft>(added.id).expect("reads").is_some());
}

#[test]
fn a_copy_is_kept_before_a_file_is_brought_to_a_newer_format() {
    let case = TempCase::new();
    {
        let conn = rusqlite::Connection::open(&case.path).expect("opens");
        conn.execute_batch(include_str!("../src/store/migrations/0001_initial.sql"))
            .expect("the first format");
        conn.pragma_update(None, "application_id", 0x4341_5345)
            .expect("marks it");
        conn.pragma_update(None, "user_version", 1)
            .expect("format 1");
        conn.execute(
            "INSERT INTO authors (name, first_seen) VALUES ('Maria', '2026-01-01T00:00:00Z')",
            [],
        )
        .expect("an author");
    }
    let store = case.open("Maria");
    assert_eq!(
        store.authors().expect("reads"),
        ["Maria"],
        "the case came through"
    );
    let copy = case.dir.path().join("case.db.format-1.backup");
    assert!(copy.exists(), "a copy of the file as it was");
    assert_eq!(mode(&copy), 0o600);
    let conn = rusqlite::Connection::open(&copy).expect("the copy opens");
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .expect("reads");
    assert_eq!(version, 1, "the copy is the old format, untouched");
}

#[test]
fn check_reports_a_sound_file_and_a_broken_link() {
    let case = TempCase::new();
    let store = common::demo_store(&case);
    assert!(store.check().expect("checks").is_empty());
    drop(store);
    {
        let conn = rusqlite::Connection::open(&case.path).expect("opens");
        conn.pragma_update(None, "foreign_keys", false)
            .expect("off");
        conn.execute(
            "INSERT INTO positions (opinion_id, topic_id, stance, created_at, created_by, updated_at, updated_by)
             VALUES (999, 1, 'x', '2026-01-01T00:00:00Z', 'Maria', '2026-01-01T00:00:00Z', 'Maria')",
            [],
        )
        .expect("a broken link");
    }
    let problems = case.open("Maria").check().expect("checks");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("positions"), "{problems:?}");
}

#[test]
fn the_changes_since_a_reading_bring_it_up_to_date_as_a_new_reading_would() {
    let case = TempCase::new();
    let mut store = common::demo_store(&case);
    let mut on_screen = store.snapshot_for_screen().expect("reads");
    // A delete that takes positions with it, an edit that moves a doctor
    // in the name order, and an undo that brings the opinion back.
    let opinion = on_screen.opinions[0].clone();
    store
        .delete::<OpinionDraft>(opinion.id, opinion.stamp.version)
        .expect("deletes");
    let deleted = store.last_batch().expect("a batch");
    let doctor = on_screen.doctors[0].clone();
    let mut renamed = doctor.data.clone();
    renamed.name = "Dr. Zoe Zimmer".into();
    store
        .update(doctor.id, doctor.stamp.version, &renamed)
        .expect("saves");
    store.undo(deleted).expect("undoes");

    let (changes, as_of) = store
        .changes_since(on_screen.as_of)
        .expect("reads")
        .expect("few enough to apply one by one");
    on_screen.apply_all(changes, as_of);
    let read_again = store.snapshot_for_screen().expect("reads");
    assert_eq!(on_screen, read_again);
    assert_eq!(on_screen.conflicts(), read_again.conflicts());
}

#[test]
fn after_very_many_changes_the_case_is_read_again_whole() {
    let case = TempCase::new();
    let mut store = common::demo_store(&case);
    let on_screen = store.snapshot_for_screen().expect("reads");
    let notes: Vec<NoteDraft> = (0..600)
        .map(|n| NoteDraft {
            on: None,
            body: format!("note {n}"),
        })
        .collect();
    store.add_all(&notes).expect("saves");
    assert!(
        store
            .changes_since(on_screen.as_of)
            .expect("reads")
            .is_none(),
        "600 changes are more than are worth reading one by one"
    );
}

#[test]
fn the_case_is_held_in_the_order_the_file_gives_each_list() {
    let case = TempCase::new();
    let mut store = case.open("Maria");
    casefile::demo::write_demo_at_scale(&mut store, 2).expect("written");
    let held = store.snapshot().expect("reads");
    fn ids<D>(records: &[Stored<D>]) -> Vec<RecordId> {
        records.iter().map(|r| r.id).collect()
    }
    assert_eq!(
        ids(&held.doctors),
        ids(&store.all::<DoctorDraft>().unwrap())
    );
    assert_eq!(
        ids(&held.opinions),
        ids(&store.all::<OpinionDraft>().unwrap())
    );
    assert_eq!(ids(&held.topics), ids(&store.all::<TopicDraft>().unwrap()));
    assert_eq!(
        ids(&held.custody_moves),
        ids(&store.all::<CustodyMoveDraft>().unwrap())
    );
    assert_eq!(
        ids(&held.requests),
        ids(&store.all::<RecordRequestDraft>().unwrap())
    );
    assert_eq!(
        ids(&held.follow_ups),
        ids(&store.all::<FollowUpDraft>().unwrap())
    );
    assert_eq!(
        ids(&held.deadlines),
        ids(&store.all::<DeadlineDraft>().unwrap())
    );
    assert_eq!(ids(&held.notes), ids(&store.all::<NoteDraft>().unwrap()));
}

#[test]
fn a_file_and_an_export_that_say_position_are_read_as_stances() {
    // A case file from before: a note on a stance, kept under the old key.
    let case = TempCase::new();
    let mut store = common::demo_store(&case);
    let stance = store.snapshot().expect("reads").stances[0].id;
    store
        .add(&NoteDraft {
            on: Some(RecordRef {
                kind: RecordKind::Stance,
                id: stance,
            }),
            body: "Ask about the margins".into(),
        })
        .expect("a note");
    drop(store);
    let conn = rusqlite::Connection::open(&case.path).expect("opens");
    conn.execute_batch(
        "UPDATE notes SET on_kind = 'position' WHERE on_kind = 'stance';
         UPDATE history SET record_kind = 'position' WHERE record_kind = 'stance';
         UPDATE history SET after_json = replace(after_json, '\"kind\":\"stance\"', '\"kind\":\"position\"');
         UPDATE search_index SET kind = 'position' WHERE kind = 'stance';
         DROP TABLE decisions; DROP TABLE readiness_checks; DROP TABLE leanings;
         DROP TABLE views; DROP TABLE factors; DROP TABLE options;
         DROP VIEW search_text_option; DROP VIEW search_text_factor;
         DROP VIEW search_text_view; DROP VIEW search_text_leaning;
         DROP VIEW search_text_decision;
         ALTER TABLE questions DROP COLUMN factor_id;
         ALTER TABLE case_info DROP COLUMN decision_writer;
         PRAGMA user_version = 12;",
    )
    .expect("made old");
    drop(conn);
    let mut store = case.open("Maria");
    let file = store.snapshot().expect("reads");
    let note = file
        .notes
        .iter()
        .find(|n| n.body == "Ask about the margins")
        .expect("the note");
    assert_eq!(note.on.map(|on| on.kind), Some(RecordKind::Stance));
    let history = store.history().expect("reads");
    assert!(history.iter().all(|c| c.record.kind.key() != "position"));
    assert!(
        history
            .iter()
            .filter_map(|c| c.after.as_ref())
            .all(|after| !after.to_string().contains("\"position\"")),
        "the history's records name stances so too"
    );
    let hits = store.search("margins", 10).expect("searches");
    assert!(hits.iter().any(|h| h.record.kind == RecordKind::Note));

    // An export from before, with its array and its kinds under the old
    // words, imports, and exports as stances.
    let now = casefile::cli::files::export_json(&mut store).expect("exports");
    let old = now
        .replace("\"stances\":", "\"positions\":")
        .replace("\"kind\": \"stance\"", "\"kind\": \"position\"");
    assert_ne!(old, now);
    let dir = tempfile::tempdir().expect("a folder");
    let file = dir.path().join("old.json");
    std::fs::write(&file, &old).expect("written");
    let whole = casefile::cli::files::read_export(&file).expect("reads");
    let mut fresh = Store::open(&dir.path().join("new.db"), "Maria", clock()).expect("opens");
    fresh.restore(&whole).expect("imports");
    let again = casefile::cli::files::export_json(&mut fresh).expect("exports");
    assert!(again.contains("\"stances\": ["), "written as stances");
    // The history keeps the records as they were written, old words and
    // all; everything else reads the same.
    assert!(
        again.replace("\"kind\": \"position\"", "\"kind\": \"stance\"") == now,
        "the export read back differs beyond the history's old words"
    );
}

/// Each kind of the decision is kept in the history, its edit undone, its
/// delete undone; deleting an option takes its factors with it, and one
/// undo brings them back.
#[test]
fn every_kind_of_the_decision_has_its_history_and_its_undo() {
    use casefile::domain::{
        CheckDraft, DecisionDraft, FactorDraft, LeaningDraft, OptionDraft, ReadinessCheck,
        ViewDraft,
    };
    let case = TempCase::new();
    let mut store = common::demo_store(&case);
    let before = store.snapshot().expect("reads");
    let option = before.options[1].clone();
    let decision = store
        .add(&DecisionDraft {
            option_id: option.id,
            decided_on: before.checks[0].taken_on,
            reasons: "Keeps my breast".into(),
            look_again_if: String::new(),
            look_again_on: None,
        })
        .expect("decides");

    fn edit_and_undo<D: casefile::domain::Kind + casefile::store::Table>(
        store: &mut casefile::store::Store,
        record: &casefile::domain::Stored<D>,
        change: impl FnOnce(&mut D),
        said: &str,
    ) {
        let mut changed = record.data.clone();
        change(&mut changed);
        store
            .update(record.id, record.stamp.version, &changed)
            .expect("saves");
        let history = store.history().expect("reads");
        let line = history[0].describe_among(&history);
        assert!(line.starts_with(said), "{line}");
        let batch = store.last_batch().expect("a batch");
        store.undo(batch).expect("undoes");
        let back = store.get::<D>(record.id).expect("reads").expect("exists");
        assert_eq!(back.data, record.data, "{said}");
    }
    let case_now = store.snapshot().expect("reads");
    edit_and_undo::<OptionDraft>(
        &mut store,
        &case_now.options[0],
        |o| o.not_for_me = true,
        "edited option \"Mastectomy\"",
    );
    edit_and_undo::<FactorDraft>(
        &mut store,
        &case_now.factors[0],
        |f| f.weight = Some(1),
        "edited factor",
    );
    edit_and_undo::<ViewDraft>(
        &mut store,
        &case_now.views[0],
        |v| v.note.push_str(" And I mean it."),
        "edited view of someone close \"Daniel\"",
    );
    edit_and_undo::<LeaningDraft>(
        &mut store,
        &case_now.leanings[0],
        |l| l.option_id = None,
        "edited leaning",
    );
    let check: &ReadinessCheck = &case_now.checks[0];
    edit_and_undo::<CheckDraft>(
        &mut store,
        check,
        |c| c.sure = true,
        "edited readiness check",
    );
    edit_and_undo::<DecisionDraft>(
        &mut store,
        &decision,
        |d| d.reasons = "Changed my mind about why".into(),
        "edited decision for Lumpectomy with radiation",
    );

    // Deleting the option takes its factors and the decision for it; one
    // undo brings all of it back.
    let target = RecordRef {
        kind: RecordKind::DecisionOption,
        id: option.id,
    };
    let plan = store.delete_plan(target).expect("plans");
    assert!(plan.summary().contains("factors"), "{}", plan.summary());
    assert!(plan.summary().contains("1 decision"), "{}", plan.summary());
    store
        .delete_record(target, option.stamp.version)
        .expect("deletes");
    let after = store.snapshot().expect("reads");
    assert!(after.factors.iter().all(|f| f.option_id != option.id));
    assert!(after.decisions.is_empty());
    assert!(after.views.iter().all(|v| v.prefers.is_none()), "unlinked");
    let batch = store.last_batch().expect("a batch");
    store.undo(batch).expect("undoes");
    let restored = store.snapshot().expect("reads");
    fn data<D: Clone>(records: &[casefile::domain::Stored<D>]) -> Vec<(RecordId, D)> {
        records.iter().map(|r| (r.id, r.data.clone())).collect()
    }
    assert_eq!(data(&restored.options), data(&case_now.options));
    assert_eq!(data(&restored.factors), data(&case_now.factors));
    assert_eq!(data(&restored.views), data(&case_now.views));
    assert_eq!(data(&restored.decisions), data(&[decision]));
}
