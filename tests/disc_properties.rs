//! The disc reader on hostile input: DICOMDIRs and image headers cut short
//! or with bytes changed, written to a temporary disc. Whatever the bytes,
//! `read` returns (no panic, no hang) with a catalogue or a plain error.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use std::path::Path;

use casefile::disc::{self, Flow};
use proptest::prelude::*;

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/discs")
            .join(path),
    )
    .unwrap()
}

/// Cuts `bytes` at `cut` (a fraction) and changes the bytes at `changes`.
fn damage(mut bytes: Vec<u8>, cut: Option<f64>, changes: &[(f64, u8)]) -> Vec<u8> {
    for &(at, value) in changes {
        if !bytes.is_empty() {
            let i = ((bytes.len() - 1) as f64 * at) as usize;
            bytes[i] = value;
        }
    }
    if let Some(cut) = cut {
        bytes.truncate((bytes.len() as f64 * cut) as usize);
    }
    bytes
}

/// Writes a disc of one DICOMDIR and two images, any of them damaged, and reads it.
fn read_damaged(index: Vec<u8>, image: Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let images = dir.path().join("IMAGES/P0/S01");
    std::fs::create_dir_all(&images).unwrap();
    std::fs::write(dir.path().join("DICOMDIR"), &index).unwrap();
    std::fs::write(images.join("IM0001"), &image).unwrap();
    std::fs::write(
        images.join("IM0002"),
        fixture("normal/IMAGES/P0/S01/IM0002"),
    )
    .unwrap();
    let cat = disc::read(dir.path(), &mut |_| Flow::Continue).unwrap();
    // The untouched image is always found, one way or the other.
    let images: usize = cat
        .patients
        .iter()
        .flat_map(|p| p.studies.iter())
        .map(|s| s.images())
        .sum();
    assert!(images <= 7, "{cat:#?}");
    // And the index without it: the scan.
    std::fs::remove_file(dir.path().join("DICOMDIR")).unwrap();
    let scan = disc::read(dir.path(), &mut |_| Flow::Continue).unwrap();
    let present: usize = scan
        .patients
        .iter()
        .flat_map(|p| p.studies.iter())
        .flat_map(|s| s.series.iter())
        .map(|s| s.present())
        .sum();
    assert!(present >= 1, "{scan:#?}");
}

fn changes() -> impl Strategy<Value = Vec<(f64, u8)>> {
    prop::collection::vec((0.0..1.0f64, any::<u8>()), 0..12)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn a_damaged_index_never_panics(cut in prop::option::of(0.0..1.0f64), changes in changes()) {
        let index = damage(fixture("normal/DICOMDIR"), cut, &changes);
        read_damaged(index, fixture("normal/IMAGES/P0/S01/IM0001"));
    }

    #[test]
    fn a_damaged_header_never_panics(cut in prop::option::of(0.0..1.0f64), changes in changes()) {
        let image = damage(fixture("mixed/IMAGES/P0/S01/IM0001.DCM"), cut, &changes);
        read_damaged(fixture("normal/DICOMDIR"), image);
    }

    #[test]
    fn random_bytes_never_panic(index in prop::collection::vec(any::<u8>(), 0..600),
                                image in prop::collection::vec(any::<u8>(), 0..600),
                                dicm in any::<bool>()) {
        let mark = |mut b: Vec<u8>| {
            if dicm && b.len() >= 132 {
                b[128..132].copy_from_slice(b"DICM");
            }
            b
        };
        read_damaged(mark(index), mark(image));
    }
}
