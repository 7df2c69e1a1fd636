//! Searching every text in the case: what is found, how it is marked, that
//! the index follows every add, edit and delete, and that nothing typed is
//! ever an error.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use assert_cmd::Command;
use casefile::domain::search::{SEARCHED_KINDS, match_expression};
use casefile::domain::*;
use casefile::store::Store;
use common::{TempCase, demo_store, today};
use proptest::prelude::*;
use serde_json::Value;

fn note(body: &str) -> NoteDraft {
    NoteDraft {
        on: None,
        body: body.into(),
    }
}

fn doctor(name: &str, institution: &str) -> DoctorDraft {
    DoctorDraft {
        name: name.into(),
        institution: institution.into(),
        ..DoctorDraft::default()
    }
}

/// Each hit as `kind #id: snippet with [matches]`.
fn shown(hits: &[SearchHit]) -> Vec<String> {
    hits.iter()
        .map(|hit| {
            let marked: String = hit
                .pieces
                .iter()
                .map(|(run, matched)| {
                    if *matched {
                        format!("[{run}]")
                    } else {
                        run.clone()
                    }
                })
                .collect();
            format!("{} #{}: {marked}", hit.record.kind.key(), hit.record.id)
        })
        .collect()
}

fn found(store: &Store, text: &str) -> Vec<RecordRef> {
    store
        .search(text, 100)
        .expect("searches")
        .iter()
        .map(|hit| hit.record)
        .collect()
}

fn note_ref(id: RecordId) -> RecordRef {
    RecordRef {
        kind: RecordKind::Note,
        id,
    }
}

#[test]
fn the_demo_finds_calcifications_in_opinions_and_notes_with_the_match_marked() {
    let case = TempCase::new();
    let store = demo_store(&case);
    let hits = store.search("calcifications", 50).expect("searches");
    let kinds: Vec<RecordKind> = hits.iter().map(|hit| hit.record.kind).collect();
    assert!(kinds.contains(&RecordKind::Opinion), "{:#?}", shown(&hits));
    assert!(kinds.contains(&RecordKind::Note), "{:#?}", shown(&hits));
    for hit in &hits {
        let matches: Vec<&str> = hit.matches().collect();
        assert!(!matches.is_empty(), "{:?}", shown(&hits));
        for matched in matches {
            assert!(
                matched.eq_ignore_ascii_case("calcifications"),
                "{matched:?} in {:?}",
                shown(&hits)
            );
        }
        assert!(
            hit.text().to_lowercase().contains("calcifications"),
            "{}",
            hit.text()
        );
        assert!(!hit.text().contains('\n'), "a snippet is one line");
    }
    // A snippet is a few words, not the whole text.
    assert!(hits.iter().all(|hit| hit.text().split(' ').count() <= 20));
}

#[test]
fn results_are_grouped_by_kind_in_a_fixed_order() {
    let case = TempCase::new();
    let store = demo_store(&case);
    for text in ["calcifications", "dr", "radiation", "mri"] {
        let hits = store.search(text, 100).expect("searches");
        assert!(!hits.is_empty(), "{text}");
        let places: Vec<usize> = hits
            .iter()
            .map(|hit| {
                SEARCHED_KINDS
                    .iter()
                    .position(|kind| *kind == hit.record.kind)
                    .expect("a searched kind")
            })
            .collect();
        assert!(places.is_sorted(), "{text}: {:#?}", shown(&hits));
    }
}

#[test]
fn the_best_match_comes_first_within_a_kind() {
    let case = TempCase::new();
    let mut store = case.open("Maria");
    let passing = store
        .add(&note(
            "We talked about the appointment, the parking, the copay, the nurse, \
             the waiting room and, once, the margin.",
        ))
        .expect("adds");
    let about = store
        .add(&note(
            "Margin, margin, margin: the margin is all he talked about.",
        ))
        .expect("adds");
    assert_eq!(
        found(&store, "margin"),
        [note_ref(about.id), note_ref(passing.id)]
    );
}

#[test]
fn words_are_found_by_their_beginning_and_all_words_must_match() {
    let case = TempCase::new();
    let mut store = case.open("Maria");
    let both = store
        .add(&note("Dr. Park wants the calcifications biopsied"))
        .expect("adds");
    let one = store.add(&note("Dr. Okafor was calm")).expect("adds");
    assert_eq!(found(&store, "calc"), [note_ref(both.id)]);
    assert_eq!(found(&store, "CALCIF"), [note_ref(both.id)]);
    assert_eq!(found(&store, "dr park"), [note_ref(both.id)]);
    assert_eq!(found(&store, "okafor calm"), [note_ref(one.id)]);
    assert_eq!(found(&store, "okafor park"), []);
    assert_eq!(found(&store, "parkinson"), []);
}

#[test]
fn every_kind_of_record_is_searched_by_each_of_its_texts() {
    let case = TempCase::new();
    let mut store = case.open("Maria");
    let day = today();
    store
        .add(&CaseDraft {
            patient: "Ana".into(),
            question: "zebrafish case".into(),
            ..CaseDraft::default()
        })
        .unwrap();
    let doctor = store
        .add(&DoctorDraft {
            network: "zebrafish network".into(),
            ..doctor("Dr. Park", "")
        })
        .unwrap();
    let opinion = store
        .add(&OpinionDraft {
            coverage: "zebrafish coverage".into(),
            ..OpinionDraft::new(doctor.id, day)
        })
        .unwrap();
    let topic = store
        .add(&TopicDraft {
            name: "Zebrafish".into(),
            sort_order: 1,
        })
        .unwrap();
    store
        .add(&StanceDraft {
            opinion_id: opinion.id,
            topic_id: topic.id,
            stance: "Wait".into(),
            detail: "zebrafish detail".into(),
        })
        .unwrap();
    store
        .add(&ConflictStateDraft {
            topic_id: topic.id,
            status: ConflictStatus::Resolved,
            resolution: "zebrafish resolution".into(),
        })
        .unwrap();
    store
        .add(&QuestionDraft {
            doctor_id: None,
            text: "How soon?".into(),
            status: QuestionStatus::Answered,
            answer: "zebrafish answer".into(),
            asked_on: Some(day),
            answered_on: Some(day),
            topic_id: None,
            blind_text: String::new(),
            former_doctor: String::new(),
            factor_id: None,
        })
        .unwrap();
    let item = store
        .add(&ItemDraft {
            kind: ItemKind::Block,
            description: "Block A1".into(),
            taken_on: None,
            facility: "Lab".into(),
            form: ItemForm::Block,
            is_original: true,
            held_by: "zebrafish holder".into(),
            copy_of: None,
        })
        .unwrap();
    store
        .add(&casefile::domain::StudyDraft {
            item_id: item.id,
            uid: "1.2.3".into(),
            taken_on: Some(day),
            modality: "MR".into(),
            description: "zebrafish study".into(),
            accession: "ACC-1".into(),
            institution: "Riverside Imaging".into(),
            referring: String::new(),
            series: 2,
            images: 40,
            disc_digest: String::new(),
        })
        .unwrap();
    store
        .add(&CustodyMoveDraft {
            item_id: item.id,
            from: "Lab".into(),
            to: "Dr. Park".into(),
            moved_on: day,
            method: "Courier".into(),
            tracking: "TRK1".into(),
            direct: true,
            note: "zebrafish move".into(),
        })
        .unwrap();
    let request = store
        .add(&RecordRequestDraft {
            to_whom: "Records".into(),
            what: "Slides".into(),
            requested_on: day,
            method: "zebrafish fax".into(),
            deliver_to_doctor: None,
            status: RequestStatus::Sent,
            local_limit_days: None,
            extended_on: None,
            received_on: None,
        })
        .unwrap();
    store
        .add(&FollowUpDraft {
            request_id: request.id,
            on: day,
            by: "Daniel".into(),
            said: "zebrafish call".into(),
        })
        .unwrap();
    store
        .add(&DeadlineDraft {
            title: "Consult".into(),
            kind: DeadlineKind::Appointment,
            due_on: day,
            doctor_id: None,
            done: false,
            notes: "zebrafish deadline".into(),
        })
        .unwrap();
    store.add(&note("zebrafish note")).unwrap();
    let option = store
        .add(&casefile::domain::OptionDraft {
            name: "Lumpectomy".into(),
            description: "zebrafish option".into(),
            topic_id: None,
            stance: String::new(),
            waits: false,
            not_for_me: false,
            not_for_me_because: String::new(),
        })
        .unwrap();
    store
        .add(&casefile::domain::FactorDraft {
            option_id: option.id,
            side: casefile::domain::FactorSide::Risk,
            concern: "Recovery".into(),
            text: "zebrafish factor".into(),
            weight: Some(3),
            chance: None,
            out_of: None,
            over: String::new(),
            opinion_id: None,
            answer_id: None,
            document: String::new(),
        })
        .unwrap();
    store
        .add(&casefile::domain::ViewDraft {
            person: "Daniel".into(),
            prefers: Some(option.id),
            pressure: casefile::domain::Pressure::None,
            supports: casefile::domain::Support::Yes,
            note: "zebrafish view".into(),
        })
        .unwrap();
    store
        .add(&casefile::domain::LeaningDraft {
            option_id: None,
            note: "zebrafish leaning".into(),
        })
        .unwrap();
    store
        .add(&casefile::domain::DecisionDraft {
            option_id: option.id,
            decided_on: day,
            reasons: "zebrafish reasons".into(),
            look_again_if: String::new(),
            look_again_on: None,
        })
        .unwrap();

    let hits = store.search("zebrafish", 100).expect("searches");
    let kinds: Vec<RecordKind> = hits.iter().map(|hit| hit.record.kind).collect();
    assert_eq!(kinds, SEARCHED_KINDS, "{:#?}", shown(&hits));
    for hit in &hits {
        let matches: Vec<String> = hit.matches().map(str::to_lowercase).collect();
        assert_eq!(matches, ["zebrafish"]);
    }
}

#[test]
fn an_edited_record_is_found_by_its_new_text_and_not_its_old() {
    let case = TempCase::new();
    let mut store = case.open("Maria");
    let written = store.add(&note("Ask about tamoxifen")).expect("adds");
    let park = store
        .add(&doctor("Dr. Park", "Riverside Medical Center"))
        .expect("adds");
    store
        .update(
            written.id,
            written.stamp.version,
            &note("Ask about letrozole"),
        )
        .expect("saves");
    store
        .update(
            park.id,
            park.stamp.version,
            &doctor("Dr. Park", "Lakeshore Cancer Institute"),
        )
        .expect("saves");
    assert_eq!(found(&store, "tamoxifen"), []);
    assert_eq!(found(&store, "letrozole"), [note_ref(written.id)]);
    assert_eq!(found(&store, "riverside"), []);
    assert_eq!(
        found(&store, "lakeshore"),
        [RecordRef {
            kind: RecordKind::Doctor,
            id: park.id
        }]
    );
}

#[test]
fn a_deleted_record_is_gone_from_the_results_and_undo_brings_it_back() {
    let case = TempCase::new();
    let mut store = demo_store(&case);
    let opinion = store.all::<OpinionDraft>().expect("reads")[0].clone();
    assert!(
        found(&store, "calcifications")
            .iter()
            .any(|record| record.kind == RecordKind::Stance),
        "the demo's first opinion has a stance about them"
    );
    // An opinion's delete takes its stances with it.
    store
        .delete_record(
            RecordRef {
                kind: RecordKind::Opinion,
                id: opinion.id,
            },
            opinion.stamp.version,
        )
        .expect("deletes");
    let after = found(&store, "calcifications");
    assert!(
        !after
            .iter()
            .any(|record| record.kind == RecordKind::Opinion && record.id == opinion.id)
    );
    assert!(
        !after.iter().any(|record| record.kind == RecordKind::Stance),
        "{after:?}"
    );

    store
        .undo(store.last_batch().expect("a change to undo"))
        .expect("undoes");
    assert!(found(&store, "calcifications").contains(&RecordRef {
        kind: RecordKind::Opinion,
        id: opinion.id
    }));
}

#[test]
fn accents_and_case_do_not_matter() {
    let case = TempCase::new();
    let mut store = case.open("Maria");
    let doctor = store
        .add(&doctor("Dr. Weiß", "Klinik für Onkologie"))
        .expect("adds");
    let written = store
        .add(&note(
            "Send her résumé of the case to the Hôpital Saint-Éloi",
        ))
        .expect("adds");
    let doctor = RecordRef {
        kind: RecordKind::Doctor,
        id: doctor.id,
    };
    assert_eq!(found(&store, "onkologie"), [doctor]);
    assert_eq!(found(&store, "ONKOL"), [doctor]);
    assert_eq!(found(&store, "fur"), [doctor]);
    assert_eq!(found(&store, "resume"), [note_ref(written.id)]);
    assert_eq!(found(&store, "Résumé"), [note_ref(written.id)]);
    assert_eq!(found(&store, "hopital eloi"), [note_ref(written.id)]);
    assert_eq!(found(&store, "hôp"), [note_ref(written.id)]);
    let hits = store.search("resume", 10).expect("searches");
    assert_eq!(hits[0].matches().collect::<Vec<_>>(), ["résumé"]);
}

#[test]
fn what_the_search_marks_with_cannot_be_typed_into_a_record() {
    let case = TempCase::new();
    let mut store = case.open("Maria");
    store
        .add(&note("odd \u{e000}marks\u{e001} around a word, and biopsy"))
        .expect("adds");
    let hits = store.search("biopsy", 10).expect("searches");
    assert_eq!(
        hits[0].pieces,
        [
            ("odd marks around a word, and ".to_string(), false),
            ("biopsy".to_string(), true)
        ]
    );
}

#[test]
fn hostile_input_is_only_text() {
    let case = TempCase::new();
    let store = demo_store(&case);
    for typed in [
        "\"",
        "\"\"",
        "AND (",
        "*",
        "-x",
        "col:",
        "body:calc",
        "kind:note",
        "NEAR(dr park",
        "calc*",
        "^dr",
        "OR",
        "NOT",
        "a AND",
        "'; DROP TABLE notes; --",
        "\u{0}",
        "x\u{0}y",
        "🙂",
        "(((",
        "dr -park",
        "\u{e000}",
        "{body}: x",
        "",
        "   ",
    ] {
        let hits = store.search(typed, 10);
        assert!(hits.is_ok(), "{typed:?}: {:?}", hits.err());
    }
    // Quotes and operators are read as the words they surround.
    assert!(!store.search("\"calcifications\"", 10).unwrap().is_empty());
    assert!(!store.search("(calcifications)", 10).unwrap().is_empty());
    assert!(store.search("", 10).unwrap().is_empty());
}

#[test]
fn at_most_the_limit_and_each_kind_gets_its_best_in_turn() {
    let case = TempCase::new();
    let mut store = case.open("Maria");
    let park = store.add(&doctor("Dr. Park", "Riverside")).expect("adds");
    for n in 0..30 {
        store
            .add(&note(&format!("Note {n} about Dr. Park")))
            .expect("adds");
    }
    let hits = store.search("park", 5).expect("searches");
    assert_eq!(hits.len(), 5);
    assert_eq!(
        hits[0].record,
        RecordRef {
            kind: RecordKind::Doctor,
            id: park.id
        },
        "thirty notes do not hide the one doctor"
    );
    assert_eq!(store.search("park", 100).expect("searches").len(), 31);
}

#[test]
fn a_case_from_an_older_casefile_is_indexed_when_it_is_opened() {
    let case = TempCase::new();
    {
        let conn = rusqlite::Connection::open(&case.path).expect("opens");
        for migration in [
            include_str!("../src/store/migrations/0001_initial.sql"),
            include_str!("../src/store/migrations/0002_history_batches.sql"),
            include_str!("../src/store/migrations/0003_stance_equivalences.sql"),
            include_str!("../src/store/migrations/0004_received_as.sql"),
            include_str!("../src/store/migrations/0005_originals_limit.sql"),
            include_str!("../src/store/migrations/0006_request_items.sql"),
            include_str!("../src/store/migrations/0007_form_drafts.sql"),
        ] {
            conn.execute_batch(migration).expect("an older format");
        }
        conn.pragma_update(None, "application_id", 0x4341_5345)
            .expect("marks it");
        conn.pragma_update(None, "user_version", 7)
            .expect("format 7");
        conn.execute_batch(
            "INSERT INTO authors (name, first_seen) VALUES ('Maria', '2026-01-01T00:00:00Z');
             INSERT INTO notes (body, created_at, created_by, updated_at, updated_by)
             VALUES ('Written before search: ask about the oncotype score',
                     '2026-01-01T00:00:00Z', 'Maria', '2026-01-01T00:00:00Z', 'Maria');",
        )
        .expect("a note");
    }
    let store = case.open("Maria");
    assert_eq!(found(&store, "oncotype"), [note_ref(1)]);
}

#[test]
fn emoji_and_other_symbols_are_found() {
    let case = TempCase::new();
    let mut store = demo_store(&case);
    let heart = store
        .add(&note("Thank you ❤️ for the lifts"))
        .expect("a note")
        .id;
    let doctor_id = store
        .add(&DoctorDraft {
            name: "Dr. Imani Osei".into(),
            specialty: "👨‍⚕️ General practice 🩺".into(),
            ..DoctorDraft::default()
        })
        .expect("a doctor")
        .id;
    let doctor_ref = RecordRef {
        kind: RecordKind::Doctor,
        id: doctor_id,
    };
    assert_eq!(found(&store, "🩺"), [doctor_ref]);
    assert_eq!(found(&store, "👨‍⚕️"), [doctor_ref]);
    assert_eq!(found(&store, "⚕"), [doctor_ref]);
    assert_eq!(found(&store, "🩺 practice"), [doctor_ref]);
    assert_eq!(found(&store, "❤"), [note_ref(heart)]);
    assert_eq!(found(&store, "❤️ lifts"), [note_ref(heart)]);
    assert!(found(&store, "🦷").is_empty(), "an emoji not in the case");
    let hits = store.search("🩺", 10).expect("searches");
    assert_eq!(
        hits[0].matches().collect::<Vec<_>>(),
        ["🩺"],
        "the emoji is marked as what matched"
    );
}

/// Every character the search takes as part of a word is one for the
/// index's tokenizer too: a word of them is never an empty phrase, which
/// would find nothing.
#[test]
fn every_symbol_searched_for_is_a_word_of_the_index() {
    let case = TempCase::new();
    drop(case.open("Maria"));
    let conn = rusqlite::Connection::open(&case.path).expect("opens");
    let symbols: Vec<String> = (0..=0x10_ffff)
        .filter_map(char::from_u32)
        .filter(|c| casefile::domain::search::is_symbol(*c))
        .map(String::from)
        .collect();
    conn.execute(
        "INSERT INTO search_index (rowid, kind, record_id, body) VALUES (1, 'note', 1, ?1)",
        [symbols.join(" ")],
    )
    .expect("indexed");
    let words: i64 = conn
        .query_row("SELECT count(*) FROM search_words", [], |row| row.get(0))
        .expect("counted");
    assert_eq!(words, i64::try_from(symbols.len()).expect("a count"));
}

#[test]
fn a_case_file_of_format_9_has_its_emoji_found_once_opened() {
    let case = TempCase::new();
    {
        let conn = rusqlite::Connection::open(&case.path).expect("opens");
        for migration in [
            include_str!("../src/store/migrations/0001_initial.sql"),
            include_str!("../src/store/migrations/0002_history_batches.sql"),
            include_str!("../src/store/migrations/0003_stance_equivalences.sql"),
            include_str!("../src/store/migrations/0004_received_as.sql"),
            include_str!("../src/store/migrations/0005_originals_limit.sql"),
            include_str!("../src/store/migrations/0006_request_items.sql"),
            include_str!("../src/store/migrations/0007_form_drafts.sql"),
            include_str!("../src/store/migrations/0008_search.sql"),
            include_str!("../src/store/migrations/0009_list_indexes.sql"),
        ] {
            conn.execute_batch(migration).expect("an older format");
        }
        conn.pragma_update(None, "application_id", 0x4341_5345)
            .expect("marks it");
        conn.pragma_update(None, "user_version", 9)
            .expect("format 9");
        conn.execute_batch(
            "INSERT INTO authors (name, first_seen) VALUES ('Maria', '2026-01-01T00:00:00Z');
             INSERT INTO notes (body, created_at, created_by, updated_at, updated_by)
             VALUES ('Bring the 🩺 readings and the oncotype score',
                     '2026-01-01T00:00:00Z', 'Maria', '2026-01-01T00:00:00Z', 'Maria');",
        )
        .expect("a note");
    }
    let mut store = case.open("Maria");
    assert_eq!(found(&store, "🩺"), [note_ref(1)], "its emoji");
    assert_eq!(found(&store, "oncotype"), [note_ref(1)], "its words");
    // The index follows what is added, changed and deleted, as before.
    let added = store.add(&note("A 🌻 from Ana")).expect("a note").id;
    assert_eq!(found(&store, "🌻"), [note_ref(added)]);
    let stored = store
        .get::<NoteDraft>(added)
        .expect("reads")
        .expect("the note");
    store
        .update(added, stored.stamp.version, &note("A 🌷 from Ana"))
        .expect("saved");
    assert!(found(&store, "🌻").is_empty());
    assert_eq!(found(&store, "🌷"), [note_ref(added)]);
    let stored = store
        .get::<NoteDraft>(added)
        .expect("reads")
        .expect("the note");
    store
        .delete_record(
            RecordRef {
                kind: RecordKind::Note,
                id: added,
            },
            stored.stamp.version,
        )
        .expect("deleted");
    assert!(found(&store, "🌷").is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn anything_typed_is_a_query_fts5_reads_or_no_search(
        typed in "\\PC{0,24}|[\"()*:^+\\-{}a-zA-Z \u{0}\u{e000}\u{301}é]{0,24}"
    ) {
        let case = TempCase::new();
        let store = demo_store(&case);
        prop_assert!(store.search(&typed, 10).is_ok());
        drop(store);
        if let Some(expression) = match_expression(&typed) {
            let conn = rusqlite::Connection::open(&case.path).unwrap();
            let read: rusqlite::Result<i64> = conn.query_row(
                "SELECT count(*) FROM search_index WHERE search_index MATCH ?1",
                [&expression],
                |row| row.get(0),
            );
            prop_assert!(read.is_ok(), "{expression:?}: {read:?}");
        }
    }
}

/// `casefile --db <demo> --as Tester ARGS`.
fn casefile(case: &TempCase, args: &[&str]) -> Command {
    let mut command = Command::cargo_bin("casefile").unwrap();
    command
        .env_remove("CASEFILE_DB")
        .env("XDG_DATA_HOME", case.dir.path())
        .arg("--db")
        .arg(&case.path)
        .args(["--as", "Tester"])
        .args(args);
    command
}

fn demo_file() -> TempCase {
    let case = TempCase::new();
    drop(demo_store(&case));
    case
}

#[test]
fn the_command_line_prints_hits_grouped_by_kind_with_matches_marked() {
    let case = demo_file();
    let output = casefile(&case, &["search", "calcifications"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let out = String::from_utf8(output.stdout).unwrap();
    let opinions = out.find("Opinions (").expect("a heading for opinions");
    let notes = out.find("Notes (").expect("a heading for notes");
    assert!(opinions < notes, "{out}");
    let hit = out
        .lines()
        .find(|line| line.starts_with("  #1 ") && line.contains("[Calcifications]"))
        .unwrap_or_else(|| panic!("opinion 1 with its match marked: {out}"));
    assert!(hit.contains("mammogram"), "{hit}");
    // Several words, unquoted.
    let out = casefile(&case, &["search", "dr", "park"]).output().unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("[Dr]. [Park]")
    );
}

#[test]
fn the_command_line_prints_json_for_scripts() {
    let case = demo_file();
    let output = casefile(&case, &["search", "calc", "--json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let hits: Value = serde_json::from_slice(&output.stdout).unwrap();
    let hits = hits.as_array().expect("an array");
    assert!(!hits.is_empty());
    let first = &hits[0];
    assert_eq!(first["kind"], "opinion");
    assert_eq!(first["id"], 1);
    assert!(
        first["snippet"]
            .as_str()
            .unwrap()
            .contains("Calcifications")
    );
    assert_eq!(first["matches"], serde_json::json!(["Calcifications"]));
    assert!(hits.iter().any(|hit| hit["kind"] == "note"));
    let keys: Vec<&String> = first.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["kind", "id", "snippet", "matches"]);

    let none = casefile(&case, &["search", "zzzz", "--json"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(none.stdout).unwrap().trim(), "[]");
}

#[test]
fn the_command_line_says_when_nothing_matches_and_refuses_an_empty_search() {
    let case = demo_file();
    let output = casefile(&case, &["search", "zzzz"]).output().unwrap();
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "Nothing in the case matches “zzzz”.\n"
    );

    for empty in ["", "   ", "\"", "*"] {
        let output = casefile(&case, &["search", empty]).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{empty:?}");
        let error = String::from_utf8(output.stderr).unwrap();
        assert!(error.contains("casefile search calcifications"), "{error}");
        assert_eq!(error.lines().count(), 1, "{error}");
    }
    let output = casefile(&case, &["search"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn the_command_line_shows_record_text_inert() {
    let case = TempCase::new();
    let mut store = case.open("Maria");
    store
        .add(&note("biopsy \u{1b}[31mred\u{1b}[0m\u{7} done"))
        .expect("adds");
    drop(store);
    let output = casefile(&case, &["search", "biopsy"]).output().unwrap();
    let out = String::from_utf8(output.stdout).unwrap();
    assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
    assert!(out.contains("[biopsy] ␛[31mred␛[0m␇ done"), "{out}");
}

#[test]
fn the_command_line_needs_an_existing_case_file() {
    let case = TempCase::new();
    let output = casefile(&case, &["search", "calc"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(!case.path.exists(), "a search never creates a case file");
}
