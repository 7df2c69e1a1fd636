//! Filing an imaging disc: its preview and warnings, what is written, and
//! that the same disc read again changes nothing. The catalogues here are
//! built by hand, as the disc reader would give them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use casefile::disc::import::{self, Choices, Plan, Under};
use casefile::disc::{Catalogue, Image, Made, OtherFiles, Patient, Series, Study};
use casefile::domain::{CaseDraft, ItemDraft, ItemForm, ItemKind, StudyDraft};
use casefile::store::Store;
use chrono::NaiveDate;
use common::TempCase;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn series(uid: &str, modality: &str, images: usize, present: usize) -> Series {
    Series {
        uid: Some(uid.into()),
        modality: Some(modality.into()),
        description: Some("AX T1".into()),
        body_part: Some("BREAST".into()),
        number: Some(1),
        images: (0..images)
            .map(|n| Image {
                uid: Some(format!("{uid}.{n}")),
                file_id: Some(format!("IMAGES/{n}")),
                found: None,
                present: n < present,
            })
            .collect(),
    }
}

fn study(uid: &str, on: &str, description: &str, accession: &str, series: Vec<Series>) -> Study {
    Study {
        uid: Some(uid.into()),
        date: Some(day(on)),
        time: None,
        description: Some(description.into()),
        accession: Some(accession.into()),
        referring_physician: Some("OKAFOR^SAMUEL".into()),
        institution: Some("Riverside Imaging".into()),
        series,
    }
}

/// Maria's breast MRI and its follow-up, on one disc from Riverside.
fn mri_disc(patient: &str) -> Catalogue {
    Catalogue {
        made: Made::Index,
        patients: vec![Patient {
            name: Some(patient.into()),
            id: Some("RIV-0042".into()),
            birth_date: Some(day("1968-06-04")),
            studies: vec![
                study(
                    "1.2.840.1.1",
                    "2026-02-10",
                    "MRI breast bilateral with contrast",
                    "ACC-1001",
                    vec![
                        series("1.2.840.1.1.1", "MR", 3, 3),
                        series("1.2.840.1.1.2", "MR", 2, 1),
                    ],
                ),
                study(
                    "1.2.840.1.2",
                    "2026-02-24",
                    "MRI guided biopsy",
                    "ACC-1002",
                    vec![series("1.2.840.1.2.1", "MR", 4, 4)],
                ),
            ],
        }],
        other_files: OtherFiles {
            files: 40,
            programs: 6,
            pages: 2,
            bytes: 20 * 1024 * 1024,
        },
        ..Catalogue::default()
    }
}

fn case_of(patient: &str) -> (TempCase, Store) {
    let case = TempCase::new();
    let mut store = case.open("Maria");
    store
        .start_case(&CaseDraft {
            patient: patient.into(),
            ..CaseDraft::default()
        })
        .unwrap();
    (case, store)
}

fn import(store: &mut Store, catalogue: &Catalogue, choices: &Choices) -> (Plan, import::Written) {
    let case = store.snapshot().unwrap();
    let preview = import::preview(catalogue, &case);
    let plan = import::plan(&preview, &case, choices);
    let written = import::write(store, &plan).unwrap();
    (plan, written)
}

#[test]
fn the_preview_names_the_patient_each_study_and_what_is_not_dicom() {
    let (_case, mut store) = case_of("Maria Alvarez");
    let preview = import::preview(&mri_disc("ALVAREZ^MARIA"), &store.snapshot().unwrap());
    let text = preview.lines.join("\n");
    assert!(
        text.contains("Read from the disc's index (its DICOMDIR)."),
        "{text}"
    );
    assert!(
        text.contains("Patient: Maria Alvarez, born 4 Jun 1968 (patient id RIV-0042), 2 studies."),
        "{text}"
    );
    assert!(text.contains("2 studies, 3 series, 9 images:"), "{text}");
    assert!(
        text.contains(
            "10 Feb 2026 · MR · MRI breast bilateral with contrast · 2 series, 5 images · Riverside Imaging"
        ),
        "{text}"
    );
    assert!(
        text.contains("1 file the index names is not on the disc."),
        "{text}"
    );
    assert!(
        text.contains("Not DICOM: 40 other files, among them 6 programs and 2 web pages"),
        "{text}"
    );
    assert!(preview.warnings.is_empty(), "{:?}", preview.warnings);
    assert!(!preview.other_patient);
    assert_eq!(preview.kind, ItemKind::Mri);
}

#[test]
fn a_disc_is_filed_as_one_item_with_its_studies_and_one_undo_takes_it_back() {
    let (_case, mut store) = case_of("Maria Alvarez");
    let choices = Choices {
        label: "MRI disc from Riverside Imaging, copy 2".into(),
        ..Choices::default()
    };
    let (plan, written) = import(&mut store, &mri_disc("ALVAREZ^MARIA"), &choices);
    let Plan::Write { said, .. } = &plan else {
        panic!("writes")
    };
    assert_eq!(
        said[0],
        "Records one disc, \"MRI disc from Riverside Imaging, copy 2\" (MRI, a copy, held by Maria Alvarez), with 2 studies on it."
    );
    let case = store.snapshot().unwrap();
    assert_eq!(case.items.len(), 1);
    let disc = &case.items[0];
    assert_eq!(Some(disc.id), written.disc);
    assert_eq!(disc.form, ItemForm::Disc);
    assert_eq!(disc.kind, ItemKind::Mri);
    assert!(!disc.is_original);
    assert_eq!(disc.held_by, "Maria Alvarez");
    assert_eq!(disc.facility, "Riverside Imaging");
    assert_eq!(disc.taken_on, Some(day("2026-02-10")));
    assert_eq!(case.studies.len(), 2);
    let first = &case.studies[0];
    assert_eq!(first.item_id, disc.id);
    assert_eq!(first.uid, "1.2.840.1.1");
    assert_eq!(first.accession, "ACC-1001");
    assert_eq!(first.referring, "Samuel Okafor");
    assert_eq!((first.series, first.images), (2, 5));

    // One undo takes the disc and both its studies back.
    let batch = store.last_batch().expect("a batch");
    store.undo(batch).unwrap();
    let case = store.snapshot().unwrap();
    assert!(case.items.is_empty());
    assert!(case.studies.is_empty());
}

#[test]
fn the_same_disc_imported_again_changes_nothing_and_says_so() {
    let (_case, mut store) = case_of("Maria Alvarez");
    let disc = mri_disc("ALVAREZ^MARIA");
    import(&mut store, &disc, &Choices::default());
    let history = store.history().unwrap().len();

    let (plan, written) = import(&mut store, &disc, &Choices::default());
    let Plan::Nothing { why } = plan else {
        panic!("nothing to write")
    };
    assert!(
        why.starts_with("This disc is already in the case as \"MRI disc from Riverside Imaging\" (item 1), with its 2 studies; nothing was changed."),
        "{why}"
    );
    assert!(why.contains("--another-copy"), "{why}");
    assert_eq!(written.disc, None);
    assert_eq!(store.history().unwrap().len(), history, "nothing written");
    let case = store.snapshot().unwrap();
    assert_eq!((case.items.len(), case.studies.len()), (1, 2));

    // Read again in another way (a scan of its files), it is still known
    // by its studies.
    let mut scanned = disc.clone();
    scanned.made = Made::Scan {
        why: "there is no DICOMDIR".into(),
    };
    scanned.patients[0].studies[0].series.pop();
    let preview = import::preview(&scanned, &case);
    assert_eq!(preview.known, Some(case.items[0].id));
}

#[test]
fn another_copy_of_a_disc_is_another_item_with_the_same_studies() {
    let (_case, mut store) = case_of("Maria Alvarez");
    let disc = mri_disc("ALVAREZ^MARIA");
    let (_, first) = import(&mut store, &disc, &Choices::default());
    let choices = Choices {
        label: "MRI disc, copy for Dr. Raman".into(),
        held_by: "Daniel".into(),
        another_copy: true,
        ..Choices::default()
    };
    let (_, second) = import(&mut store, &disc, &choices);
    let case = store.snapshot().unwrap();
    assert_eq!(case.items.len(), 2);
    let copy = case.item(second.disc.unwrap()).unwrap();
    assert_eq!(copy.description, "MRI disc, copy for Dr. Raman");
    assert_eq!(copy.held_by, "Daniel");
    assert_eq!(copy.copy_of, first.disc);
    let uids = |item| {
        let mut uids: Vec<String> = case
            .studies
            .iter()
            .filter(|s| s.item_id == item)
            .map(|s| s.uid.clone())
            .collect();
        uids.sort();
        uids
    };
    assert_eq!(uids(copy.id), uids(first.disc.unwrap()));
    assert_eq!(case.studies.len(), 4);
}

#[test]
fn another_patients_disc_is_a_loud_warning() {
    let (_case, mut store) = case_of("Maria Alvarez");
    let case = store.snapshot().unwrap();
    let preview = import::preview(&mri_disc("ALVAREZ^JOSE"), &case);
    assert!(preview.other_patient);
    assert_eq!(
        preview.warnings,
        [
            "NOT THIS PATIENT: this disc holds scans of Jose Alvarez, born 4 Jun 1968, and this case is Maria Alvarez's. \
          Check the disc's label before you give it to any doctor."
        ]
    );
    // The order of the name's parts and its case do not matter.
    let preview = import::preview(&mri_disc("maria^alvarez"), &case);
    assert!(!preview.other_patient);
    let _ = &mut store;
}

#[test]
fn several_patients_on_one_disc_are_warned_of() {
    let (_case, mut store) = case_of("Maria Alvarez");
    let mut disc = mri_disc("ALVAREZ^MARIA");
    let mut other = disc.patients[0].clone();
    other.name = Some("ALVAREZ^MARIA^L".into());
    other.studies.truncate(1);
    other.studies[0].uid = Some("9.9".into());
    disc.patients.push(other);
    let preview = import::preview(&disc, &store.snapshot().unwrap());
    assert!(
        preview
            .warnings
            .contains(&"This disc holds the scans of 2 different patients.".to_string()),
        "{:?}",
        preview.warnings
    );
}

#[test]
fn a_disc_with_no_dicom_can_be_recorded_as_one_item() {
    let (_case, mut store) = case_of("Maria Alvarez");
    let viewer_only = Catalogue {
        made: Made::Scan {
            why: "there is no DICOMDIR".into(),
        },
        other_files: OtherFiles {
            files: 12,
            programs: 3,
            pages: 1,
            bytes: 4096,
        },
        ..Catalogue::default()
    };
    let case = store.snapshot().unwrap();
    let preview = import::preview(&viewer_only, &case);
    assert!(preview.no_images);
    assert_eq!(
        preview.warnings,
        [
            "No DICOM images found (12 files, 3 programs). The disc can still be recorded as one item, with no studies."
        ]
    );
    let choices = Choices {
        label: "Disc from Lakeshore".into(),
        ..Choices::default()
    };
    let (_, written) = import(&mut store, &viewer_only, &choices);
    let case = store.snapshot().unwrap();
    let item = case.item(written.disc.unwrap()).unwrap();
    assert_eq!(item.description, "Disc from Lakeshore");
    assert_eq!(item.kind, ItemKind::Several);
    assert!(case.studies.is_empty());
}

#[test]
fn a_mixed_disc_is_of_several_kinds() {
    assert_eq!(import::kind_of_disc(["CT", "MR"]), ItemKind::Several);
    assert_eq!(import::kind_of_disc(["MR", "MR", "SR"]), ItemKind::Mri);
    assert_eq!(import::kind_of_disc(["PT"]), ItemKind::Pet);
    assert_eq!(import::kind_of_disc(["DX", "CR"]), ItemKind::Xray);
    assert_eq!(import::kind_of_disc(["MG"]), ItemKind::Mammogram);
    assert_eq!(import::kind_of_disc(["SM"]), ItemKind::Slides);
    assert_eq!(import::kind_of_disc(["US"]), ItemKind::Ultrasound);
}

#[test]
fn a_study_like_an_item_typed_earlier_is_offered_as_a_link() {
    let (_case, mut store) = case_of("Maria Alvarez");
    let typed = store
        .add(&ItemDraft {
            kind: ItemKind::Mri,
            description: "Breast MRI".into(),
            taken_on: Some(day("2026-02-10")),
            facility: "Riverside Imaging".into(),
            form: ItemForm::Film,
            is_original: true,
            held_by: "Riverside Imaging".into(),
            copy_of: None,
        })
        .unwrap();
    let disc = mri_disc("ALVAREZ^MARIA");
    let case = store.snapshot().unwrap();
    let preview = import::preview(&disc, &case);
    assert_eq!(preview.matches.len(), 1);
    assert_eq!(preview.matches[0].item_id, typed.id);
    // Without --link it is said, and the study goes on the new disc.
    let Plan::Write { said, studies, .. } = import::plan(&preview, &case, &Choices::default())
    else {
        panic!("writes")
    };
    assert!(
        said.iter().any(|line| line
            == "The study \"MRI breast bilateral with contrast\" looks like \"Breast MRI\" (item 1) \
                (the same date and kind of scan). To file it under that item instead of the new disc, \
                import with --link."),
        "{said:?}"
    );
    assert!(studies.iter().all(|(under, _)| *under == Under::NewDisc));

    // With --link it goes under the item typed in earlier.
    let choices = Choices {
        link: true,
        ..Choices::default()
    };
    let (_, written) = import(&mut store, &disc, &choices);
    let case = store.snapshot().unwrap();
    let under_typed: Vec<&str> = case
        .studies
        .iter()
        .filter(|s| s.item_id == typed.id)
        .map(|s| s.description.as_str())
        .collect();
    assert_eq!(under_typed, ["MRI breast bilateral with contrast"]);
    let on_disc = case
        .studies
        .iter()
        .filter(|s| Some(s.item_id) == written.disc)
        .count();
    assert_eq!(on_disc, 1, "the other study is on the new disc");
}

#[test]
fn a_study_with_the_accession_of_a_typed_study_is_offered_as_a_link() {
    let (_case, mut store) = case_of("Maria Alvarez");
    let typed = store
        .add(&ItemDraft {
            kind: ItemKind::Report,
            description: "Biopsy report".into(),
            taken_on: None,
            facility: String::new(),
            form: ItemForm::Paper,
            is_original: false,
            held_by: String::new(),
            copy_of: None,
        })
        .unwrap();
    store
        .add(&StudyDraft {
            item_id: typed.id,
            uid: String::new(),
            taken_on: None,
            modality: "MR".into(),
            description: "Biopsy".into(),
            accession: "acc-1002".into(),
            institution: String::new(),
            referring: String::new(),
            series: 0,
            images: 0,
            disc_digest: String::new(),
        })
        .unwrap();
    let case = store.snapshot().unwrap();
    let preview = import::preview(&mri_disc("ALVAREZ^MARIA"), &case);
    assert_eq!(preview.matches.len(), 1);
    assert_eq!(preview.matches[0].study, 1);
    assert_eq!(preview.matches[0].why, "the same accession number");
    // Linked, the typed study is kept and not doubled.
    let choices = Choices {
        link: true,
        ..Choices::default()
    };
    import(&mut store, &mri_disc("ALVAREZ^MARIA"), &choices);
    let case = store.snapshot().unwrap();
    assert_eq!(
        case.studies
            .iter()
            .filter(|s| s.item_id == typed.id)
            .count(),
        1
    );
}

#[test]
fn studies_are_found_by_description_accession_and_institution() {
    let (_case, mut store) = case_of("Maria Alvarez");
    import(&mut store, &mri_disc("ALVAREZ^MARIA"), &Choices::default());
    for words in ["bilateral", "ACC-1002", "Riverside"] {
        let hits = store.search(words, 10).unwrap();
        assert!(
            hits.iter()
                .any(|h| h.record.kind == casefile::domain::RecordKind::Study),
            "{words}"
        );
    }
}

/// The preview of each fixture disc, as the patient reads it before
/// anything is written.
#[test]
fn the_preview_of_the_fixture_discs() {
    let (_case, mut store) = case_of("Maria Alvarez");
    let case = store.snapshot().unwrap();
    let mut shown = String::new();
    for name in ["normal", "noindex", "wrong_patient", "viewer_only", "mixed"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/discs")
            .join(name);
        let catalogue = casefile::disc::read(&path, &mut |_| casefile::disc::Flow::Continue)
            .expect("the fixture is read");
        let preview = import::preview(&catalogue, &case);
        shown.push_str(&format!("== {name}\n"));
        for line in preview.lines.iter().chain(&preview.warnings) {
            shown.push_str(line);
            shown.push('\n');
        }
        if let Plan::Write { said, .. } = import::plan(&preview, &case, &Choices::default()) {
            for line in said {
                shown.push_str(&line);
                shown.push('\n');
            }
        }
    }
    let _ = &mut store;
    insta::assert_snapshot!(shown);
}
