//! The reader of imaging discs on the fixtures of tests/fixtures/discs
//! (written by make_discs.py): what a patient would see listed for each disc.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use std::path::{Path, PathBuf};

use casefile::disc::{self, Catalogue, Flow, Made, Study};
use chrono::{NaiveDate, NaiveTime};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/discs")
        .join(name)
}

fn read(path: &Path) -> Catalogue {
    disc::read(path, &mut |_| Flow::Continue).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// A study's UID and date, and each series' number, UID, images and present files.
type StudyShape = (
    Option<String>,
    Option<NaiveDate>,
    Vec<(Option<i64>, Option<String>, usize, usize)>,
);

/// Studies by UID, series by number, images by file: the shape to compare
/// an index with a scan.
fn shape(cat: &Catalogue) -> Vec<StudyShape> {
    let mut studies: Vec<_> = cat
        .patients
        .iter()
        .flat_map(|p| p.studies.iter())
        .map(|s| {
            let mut series: Vec<_> = s
                .series
                .iter()
                .map(|se| (se.number, se.uid.clone(), se.images.len(), se.present()))
                .collect();
            series.sort();
            (s.uid.clone(), s.date, series)
        })
        .collect();
    studies.sort();
    studies
}

fn study<'a>(cat: &'a Catalogue, uid: &str) -> &'a Study {
    cat.patients
        .iter()
        .flat_map(|p| p.studies.iter())
        .find(|s| s.uid.as_deref() == Some(uid))
        .unwrap_or_else(|| panic!("no study {uid} in {cat:#?}"))
}

const MR_UID: &str = "1.2.826.0.1.3680043.10.1511.1";
const MG_UID: &str = "1.2.826.0.1.3680043.10.1511.2";

/// The normal disc, study by study, whichever way it was read.
fn check_normal(cat: &Catalogue) {
    assert_eq!(cat.patients.len(), 1, "{cat:#?}");
    let maria = &cat.patients[0];
    assert_eq!(maria.name.as_deref(), Some("ALVAREZ^MARIA"));
    assert_eq!(maria.id.as_deref(), Some("MRN0042"));
    assert_eq!(maria.birth_date, day(1972, 3, 14));
    assert_eq!(maria.studies.len(), 2);

    let mr = study(cat, MR_UID);
    assert_eq!(mr.date, day(2026, 9, 12));
    assert_eq!(mr.time, NaiveTime::from_hms_opt(10, 15, 0));
    assert_eq!(mr.description.as_deref(), Some("MRI BREAST BILATERAL W/WO"));
    assert_eq!(mr.accession.as_deref(), Some("A1001"));
    assert_eq!(mr.referring_physician.as_deref(), Some("KIM^DAVID"));
    // Not in the index: read from the first image's header.
    assert_eq!(mr.institution.as_deref(), Some("Riverside Imaging"));
    assert_eq!(mr.modalities(), vec!["MR".to_string()]);
    assert_eq!(mr.series.len(), 2);
    let t1 = mr.series.iter().find(|s| s.number == Some(1)).unwrap();
    assert_eq!(t1.description.as_deref(), Some("AX T1"));
    assert_eq!(t1.body_part.as_deref(), Some("BREAST"));
    assert_eq!((t1.images.len(), t1.present()), (3, 3));
    let t2 = mr.series.iter().find(|s| s.number == Some(2)).unwrap();
    assert_eq!(t2.description.as_deref(), Some("AX T2 STIR"));
    assert_eq!((t2.images.len(), t2.present()), (2, 2));
    assert_eq!(mr.images(), 5);

    let mg = study(cat, MG_UID);
    assert_eq!(mg.date, day(2026, 8, 1));
    assert_eq!(mg.description.as_deref(), Some("MAMMO SCREENING BILAT"));
    assert_eq!(mg.accession.as_deref(), Some("A0990"));
    assert_eq!(mg.modalities(), vec!["MG".to_string()]);
    assert_eq!(mg.series.len(), 1);
    assert_eq!(mg.series[0].description.as_deref(), Some("L CC"));
    assert_eq!((mg.series[0].images.len(), mg.series[0].present()), (2, 2));

    assert!(cat.refused.is_empty(), "{:?}", cat.refused);
    assert!(cat.unreadable.is_empty(), "{:?}", cat.unreadable);
    assert_eq!(cat.other_files.files, 0);
}

#[test]
fn the_normal_disc_is_read_from_its_index() {
    let cat = read(&fixture("normal"));
    assert_eq!(cat.made, Made::Index, "{:?}", cat.notes);
    check_normal(&cat);
    assert!(cat.notes.is_empty(), "{:?}", cat.notes);
    let image = &study(&cat, MR_UID).series[0].images[0];
    assert_eq!(image.file_id.as_deref(), Some("IMAGES/P0/S01/IM0001"));
    assert_eq!(
        image.found.as_deref(),
        Some(Path::new("IMAGES/P0/S01/IM0001"))
    );
    assert_eq!(
        image.uid.as_deref(),
        Some("1.2.826.0.1.3680043.10.1511.1.1.1")
    );
}

#[test]
fn the_dicomdir_file_itself_can_be_given() {
    let cat = read(&fixture("normal").join("DICOMDIR"));
    assert_eq!(cat.made, Made::Index);
    check_normal(&cat);
}

#[test]
fn a_scan_of_the_normal_disc_agrees_with_its_index() {
    let index = read(&fixture("normal"));
    let scan = read(&fixture("noindex"));
    assert!(
        matches!(&scan.made, Made::Scan { why } if why.contains("no index")),
        "{:?}",
        scan.made
    );
    check_normal(&scan);
    assert_eq!(shape(&index), shape(&scan));
}

#[test]
fn a_lowercased_disc_reads_the_same() {
    let normal = read(&fixture("normal"));
    let lower = read(&fixture("lower"));
    assert_eq!(lower.made, Made::Index, "{:?}", lower.notes);
    check_normal(&lower);
    assert_eq!(shape(&normal), shape(&lower));
    let image = &study(&lower, MR_UID).series[0].images[0];
    assert_eq!(
        image.found.as_deref(),
        Some(Path::new("images/p0/s01/im0001"))
    );
}

#[test]
fn the_zip_of_the_normal_disc_reads_the_same() {
    let zipped = read(&fixture("normal.zip"));
    assert_eq!(zipped.made, Made::Index, "{:?}", zipped.notes);
    check_normal(&zipped);
    assert_eq!(shape(&read(&fixture("normal"))), shape(&zipped));
}

#[test]
fn a_truncated_index_falls_back_to_a_scan() {
    let cat = read(&fixture("damaged_truncated"));
    let Made::Scan { why } = &cat.made else {
        panic!("{:?}", cat.made)
    };
    assert!(
        why.contains("could not be read") || why.contains("followed"),
        "{why}"
    );
    check_normal(&cat);
}

#[test]
fn an_index_with_a_bad_offset_falls_back_to_a_scan() {
    let cat = read(&fixture("damaged_offset"));
    let Made::Scan { why } = &cat.made else {
        panic!("{:?}", cat.made)
    };
    assert!(why.contains("cannot be reached"), "{why}");
    check_normal(&cat);
}

#[test]
fn a_disc_of_another_patient_says_whose_it_is() {
    let cat = read(&fixture("wrong_patient"));
    assert_eq!(cat.made, Made::Index);
    assert_eq!(cat.patients.len(), 1);
    let name = cat.patients[0].name.as_deref().unwrap();
    assert_eq!(name, "HOLLOWAY^JAMES");
    assert!(!disc::same_person("Maria Alvarez", name));
    assert!(disc::same_person("James Holloway", name));
    let ct = &cat.patients[0].studies[0];
    assert_eq!(ct.description.as_deref(), Some("CT HEAD"));
    assert_eq!(ct.modalities(), vec!["CT".to_string()]);
    assert_eq!(ct.images(), 2);
}

#[test]
fn a_viewer_only_disc_has_no_studies_and_counts_its_programs() {
    let cat = read(&fixture("viewer_only"));
    assert!(cat.patients.is_empty());
    assert!(matches!(cat.made, Made::Scan { .. }));
    assert_eq!(cat.other_files.files, 4);
    assert_eq!(
        cat.other_files.programs, 3,
        "viewer.exe, dicom.dll, autorun.inf"
    );
    assert_eq!(cat.other_files.pages, 1);
    assert!(cat.other_files.bytes > 700);
    assert!(
        cat.notes.iter().any(|n| n.contains("No DICOM images")),
        "{:?}",
        cat.notes
    );
}

#[test]
fn a_mixed_disc_has_ct_and_mr_and_says_which_file_is_missing() {
    let cat = read(&fixture("mixed"));
    assert_eq!(cat.made, Made::Index, "{:?}", cat.notes);
    assert_eq!(cat.patients.len(), 1);
    let ct = study(&cat, "1.2.826.0.1.3680043.10.1511.3");
    assert_eq!(ct.date, day(2025, 1, 10));
    assert_eq!(ct.description.as_deref(), Some("CT CHEST W CONTRAST"));
    assert_eq!(ct.accession.as_deref(), Some("C5521"));
    assert_eq!(ct.modalities(), vec!["CT".to_string()]);
    // The CT images are implicit VR; their institution comes from a header.
    assert_eq!(ct.institution.as_deref(), Some("Lakeside Hospital"));
    assert_eq!((ct.series[0].images.len(), ct.series[0].present()), (2, 2));
    // The index leaves out the files' .DCM extension.
    assert_eq!(
        ct.series[0].images[0].found.as_deref(),
        Some(Path::new("IMAGES/P0/S01/IM0001.DCM"))
    );
    let mr = study(&cat, "1.2.826.0.1.3680043.10.1511.4");
    assert_eq!(mr.description.as_deref(), Some("MRI L-SPINE"));
    assert_eq!(mr.modalities(), vec!["MR".to_string()]);
    assert_eq!((mr.series[0].images.len(), mr.series[0].present()), (2, 1));
    assert!(!mr.series[0].images[1].present);
    assert!(
        cat.notes.iter().any(|n| n.contains("not on the disc")),
        "{:?}",
        cat.notes
    );
    assert_eq!(cat.other_files.files, 4);
    assert_eq!(cat.other_files.programs, 3);
    assert_eq!(cat.other_files.pages, 1);
}

#[test]
fn an_index_pointing_outside_the_disc_is_refused() {
    let cat = read(&fixture("escape"));
    assert_eq!(cat.made, Made::Index);
    assert_eq!(cat.refused.len(), 1, "{:?}", cat.refused);
    assert_eq!(cat.refused[0].file_id, "../outside/IM0002");
    let series = &cat.patients[0].studies[0].series[0];
    assert_eq!((series.images.len(), series.present()), (2, 1));
}

#[cfg(unix)]
#[test]
fn a_link_leading_outside_the_disc_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let disc_root = dir.path().join("disc");
    copy_dir(&fixture("normal"), &disc_root);
    let outside = dir.path().join("secret");
    std::fs::write(&outside, b"not for the reader").unwrap();
    let link = disc_root.join("IMAGES/P0/S01/IM0002");
    std::fs::remove_file(&link).unwrap();
    std::os::unix::fs::symlink(&outside, &link).unwrap();
    let cat = read(&disc_root);
    assert_eq!(cat.refused.len(), 1, "{:?}", cat.refused);
    assert_eq!(cat.refused[0].file_id, "IMAGES/P0/S01/IM0002");
    assert_eq!(study(&cat, MR_UID).series[0].present(), 2);
}

#[test]
fn stopping_through_progress_cancels_the_reading() {
    let mut calls = 0;
    let result = disc::read(&fixture("noindex"), &mut |p| {
        calls += 1;
        assert!(p.files_done <= p.files_total.unwrap());
        if calls == 2 {
            Flow::Stop
        } else {
            Flow::Continue
        }
    });
    assert_eq!(result, Err(disc::DiscError::Stopped));
    assert_eq!(calls, 2);
}

#[test]
fn a_missing_path_is_an_error_in_plain_words() {
    let err = disc::read(Path::new("/no/such/disc"), &mut |_| Flow::Continue).unwrap_err();
    assert!(err.to_string().contains("not there"), "{err}");
}

#[test]
fn same_person_ignores_case_order_and_carets() {
    assert!(disc::same_person("Maria Alvarez", "ALVAREZ^MARIA"));
    assert!(disc::same_person("maria  alvarez", "ALVAREZ^MARIA^^^"));
    assert!(disc::same_person("ALVAREZ, Maria", "Maria Alvarez"));
    assert!(!disc::same_person("Maria Alvarez", "ALVAREZ^MARTA"));
    assert!(!disc::same_person("Maria Alvarez", "ALVAREZ^MARIA^JOSE"));
    assert!(!disc::same_person("", ""));
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
