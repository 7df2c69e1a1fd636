//! How fast a large imaging disc is read: 5,000 small images and their
//! DICOMDIR written to a temporary folder, then `disc::read` timed on the
//! index and on the same folder without it (the scan of every header),
//! with a warm cache. Run it with `cargo bench --bench disc`;
//! `CASEFILE_BENCH_IMAGES` sets another number of images. The targets:
//! the index under 1 s, the scan under 5 s. Each line printed is a JSON object.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use casefile::disc::{self, Flow};
use dicom_core::{DataElement, PrimitiveValue, VR};
use dicom_dictionary_std::{tags, uids};
use dicom_object::InMemDicomObject;
use dicom_object::meta::FileMetaTableBuilder;

const SERIES_PER_STUDY: usize = 10;
const IMAGES_PER_SERIES: usize = 100;
const ROOT: &str = "1.2.826.0.1.3680043.10.1511.9";

fn main() -> Result<()> {
    let images: usize = std::env::var("CASEFILE_BENCH_IMAGES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5_000);
    let dir = tempfile::tempdir()?;
    let disc_root = dir.path().join("disc");
    let started = Instant::now();
    let written = write_disc(&disc_root, images)?;
    println!(
        "{}",
        serde_json::json!({"wrote_images": written, "seconds": started.elapsed().as_secs_f64()})
    );

    let index = time("index", &disc_root, written)?;
    std::fs::rename(
        disc_root.join("DICOMDIR"),
        dir.path().join("DICOMDIR.aside"),
    )?;
    let scan = time("scan", &disc_root, written)?;
    println!(
        "{}",
        serde_json::json!({
            "images": written,
            "index_seconds": index.as_secs_f64(),
            "index_target_seconds": 1.0,
            "scan_seconds": scan.as_secs_f64(),
            "scan_target_seconds": 5.0,
        })
    );
    Ok(())
}

/// Reads the disc once to warm the cache, then three times; the median.
fn time(way: &str, root: &Path, images: usize) -> Result<Duration> {
    let mut runs = Vec::new();
    for run in 0..4 {
        let started = Instant::now();
        let cat = disc::read(root, &mut |_| Flow::Continue)?;
        let took = started.elapsed();
        let found: usize = cat
            .patients
            .iter()
            .flat_map(|p| p.studies.iter())
            .map(|s| s.images())
            .sum();
        anyhow::ensure!(
            found == images,
            "{way}: found {found} of {images} images: {:?}",
            cat.notes
        );
        if run > 0 {
            runs.push(took);
        }
    }
    runs.sort();
    let median = runs[1];
    println!(
        "{}",
        serde_json::json!({"way": way, "median_seconds": median.as_secs_f64(),
            "runs_seconds": runs.iter().map(Duration::as_secs_f64).collect::<Vec<_>>()})
    );
    Ok(median)
}

struct Placed {
    study: usize,
    series: usize,
    image: usize,
    file_id: Vec<String>,
    sop_uid: String,
}

/// Writes `count` images with dicom-object and a DICOMDIR encoded here.
fn write_disc(root: &Path, count: usize) -> Result<usize> {
    let mut placed = Vec::new();
    for n in 0..count {
        let image = n % IMAGES_PER_SERIES;
        let series = (n / IMAGES_PER_SERIES) % SERIES_PER_STUDY;
        let study = n / (IMAGES_PER_SERIES * SERIES_PER_STUDY);
        let file_id = vec![
            "IMAGES".to_string(),
            format!("ST{study:03}"),
            format!("SE{series:03}"),
            format!("IM{image:04}"),
        ];
        let sop_uid = format!("{ROOT}.{study}.{series}.{image}");
        let dir = root.join(&file_id[0]).join(&file_id[1]).join(&file_id[2]);
        std::fs::create_dir_all(&dir)?;
        let obj = image_object(study, series, image, &sop_uid);
        let file = obj
            .with_meta(
                FileMetaTableBuilder::new()
                    .transfer_syntax(uids::EXPLICIT_VR_LITTLE_ENDIAN)
                    .media_storage_sop_class_uid(uids::MR_IMAGE_STORAGE)
                    .media_storage_sop_instance_uid(sop_uid.as_str()),
            )
            .context("image meta")?;
        file.write_to_file(dir.join(&file_id[3]))
            .context("image file")?;
        placed.push(Placed {
            study,
            series,
            image,
            file_id,
            sop_uid,
        });
    }
    std::fs::write(root.join("DICOMDIR"), dicomdir(&placed))?;
    Ok(count)
}

fn image_object(study: usize, series: usize, image: usize, sop_uid: &str) -> InMemDicomObject {
    let text = |tag, vr, value: String| DataElement::new(tag, vr, PrimitiveValue::from(value));
    let short = |tag, value: u16| DataElement::new(tag, VR::US, PrimitiveValue::from(value));
    InMemDicomObject::from_element_iter([
        text(
            tags::SOP_CLASS_UID,
            VR::UI,
            uids::MR_IMAGE_STORAGE.to_string(),
        ),
        text(tags::SOP_INSTANCE_UID, VR::UI, sop_uid.to_string()),
        text(
            tags::STUDY_DATE,
            VR::DA,
            format!("202601{:02}", study % 28 + 1),
        ),
        text(tags::STUDY_TIME, VR::TM, "101500".into()),
        text(tags::ACCESSION_NUMBER, VR::SH, format!("A{study:05}")),
        text(tags::MODALITY, VR::CS, "MR".into()),
        text(tags::INSTITUTION_NAME, VR::LO, "Riverside Imaging".into()),
        text(tags::REFERRING_PHYSICIAN_NAME, VR::PN, "KIM^DAVID".into()),
        text(tags::STUDY_DESCRIPTION, VR::LO, format!("STUDY {study}")),
        text(tags::SERIES_DESCRIPTION, VR::LO, format!("SERIES {series}")),
        text(tags::PATIENT_NAME, VR::PN, "ALVAREZ^MARIA".into()),
        text(tags::PATIENT_ID, VR::LO, "MRN0042".into()),
        text(tags::PATIENT_BIRTH_DATE, VR::DA, "19720314".into()),
        text(tags::BODY_PART_EXAMINED, VR::CS, "BREAST".into()),
        text(tags::STUDY_INSTANCE_UID, VR::UI, format!("{ROOT}.{study}")),
        text(
            tags::SERIES_INSTANCE_UID,
            VR::UI,
            format!("{ROOT}.{study}.{series}"),
        ),
        text(tags::SERIES_NUMBER, VR::IS, format!("{}", series + 1)),
        text(tags::INSTANCE_NUMBER, VR::IS, format!("{}", image + 1)),
        short(tags::SAMPLES_PER_PIXEL, 1),
        text(
            tags::PHOTOMETRIC_INTERPRETATION,
            VR::CS,
            "MONOCHROME2".into(),
        ),
        short(tags::ROWS, 4),
        short(tags::COLUMNS, 4),
        short(tags::BITS_ALLOCATED, 8),
        short(tags::BITS_STORED, 8),
        short(tags::HIGH_BIT, 7),
        short(tags::PIXEL_REPRESENTATION, 0),
        DataElement::new(
            tags::PIXEL_DATA,
            VR::OB,
            PrimitiveValue::from(vec![0u8; 16]),
        ),
    ])
}

/// One directory record: its type, its text elements, and the records it
/// links to by index.
struct Record {
    fields: Vec<(u16, u16, [u8; 2], Vec<u8>)>,
    next: Option<usize>,
    child: Option<usize>,
}

/// A DICOMDIR in explicit VR little endian, its records in depth-first
/// order and linked by byte offsets.
fn dicomdir(placed: &[Placed]) -> Vec<u8> {
    let mut records: Vec<Record> = Vec::new();
    let txt = |g, e, vr: &[u8; 2], v: &str| (g, e, *vr, v.as_bytes().to_vec());
    let kind = |k: &str| txt(0x0004, 0x1430, b"CS", k);
    records.push(Record {
        fields: vec![
            kind("PATIENT"),
            txt(0x0010, 0x0010, b"PN", "ALVAREZ^MARIA"),
            txt(0x0010, 0x0020, b"LO", "MRN0042"),
            txt(0x0010, 0x0030, b"DA", "19720314"),
        ],
        next: None,
        child: None,
    });
    let (mut last_study, mut last_series, mut last_image): (
        Option<usize>,
        Option<usize>,
        Option<usize>,
    ) = (None, None, None);
    for p in placed {
        if p.series == 0 && p.image == 0 {
            let i = records.len();
            records.push(Record {
                fields: vec![
                    kind("STUDY"),
                    txt(
                        0x0008,
                        0x0020,
                        b"DA",
                        &format!("202601{:02}", p.study % 28 + 1),
                    ),
                    txt(0x0008, 0x0030, b"TM", "101500"),
                    txt(0x0008, 0x0050, b"SH", &format!("A{:05}", p.study)),
                    txt(0x0008, 0x1030, b"LO", &format!("STUDY {}", p.study)),
                    txt(0x0020, 0x000D, b"UI", &format!("{ROOT}.{}", p.study)),
                ],
                next: None,
                child: None,
            });
            match last_study {
                Some(s) => records[s].next = Some(i),
                None => records[0].child = Some(i),
            }
            last_study = Some(i);
            last_series = None;
        }
        if p.image == 0 {
            let i = records.len();
            records.push(Record {
                fields: vec![
                    kind("SERIES"),
                    txt(0x0008, 0x0060, b"CS", "MR"),
                    txt(
                        0x0020,
                        0x000E,
                        b"UI",
                        &format!("{ROOT}.{}.{}", p.study, p.series),
                    ),
                    txt(0x0020, 0x0011, b"IS", &format!("{}", p.series + 1)),
                ],
                next: None,
                child: None,
            });
            match last_series {
                Some(s) => records[s].next = Some(i),
                None => records[last_study.unwrap_or(0)].child = Some(i),
            }
            last_series = Some(i);
            last_image = None;
        }
        let i = records.len();
        records.push(Record {
            fields: vec![
                kind("IMAGE"),
                txt(0x0004, 0x1500, b"CS", &p.file_id.join("\\")),
                txt(0x0004, 0x1511, b"UI", &p.sop_uid),
                txt(0x0020, 0x0013, b"IS", &format!("{}", p.image + 1)),
            ],
            next: None,
            child: None,
        });
        match last_image {
            Some(s) => records[s].next = Some(i),
            None => records[last_series.unwrap_or(0)].child = Some(i),
        }
        last_image = Some(i);
    }

    // Offsets do not change sizes (UL, 4 bytes): lay out once with zeros.
    let head_len = head(0).len();
    let mut offsets = Vec::new();
    let mut at = head_len;
    for r in &records {
        offsets.push(at as u32);
        at += 8 + encode_record(r, &[]).len();
    }
    let mut out = head(offsets[0]);
    for r in &records {
        let body = encode_record(r, &offsets);
        out.extend_from_slice(&[0xFE, 0xFF, 0x00, 0xE0]);
        out.extend_from_slice(&(body.len() as u32).to_le_bytes());
        out.extend_from_slice(&body);
    }
    out.extend_from_slice(&[0xFE, 0xFF, 0xDD, 0xE0, 0, 0, 0, 0]);
    out
}

/// Preamble, meta group and the dataset up to the records.
fn head(root: u32) -> Vec<u8> {
    let mut out = vec![0u8; 128];
    out.extend_from_slice(b"DICM");
    out.extend_from_slice(&meta_group());
    element(&mut out, 0x0004, 0x1130, b"CS", b"BENCH");
    element(&mut out, 0x0004, 0x1200, b"UL", &root.to_le_bytes());
    element(&mut out, 0x0004, 0x1202, b"UL", &root.to_le_bytes());
    element(&mut out, 0x0004, 0x1212, b"US", &0u16.to_le_bytes());
    // (0004,1220) SQ of undefined length.
    out.extend_from_slice(&[0x04, 0x00, 0x20, 0x12]);
    out.extend_from_slice(b"SQ\0\0");
    out.extend_from_slice(&u32::MAX.to_le_bytes());
    out
}

fn encode_record(r: &Record, offsets: &[u32]) -> Vec<u8> {
    let link = |i: Option<usize>| i.and_then(|i| offsets.get(i)).copied().unwrap_or(0);
    let mut out = Vec::new();
    element(&mut out, 0x0004, 0x1400, b"UL", &link(r.next).to_le_bytes());
    element(&mut out, 0x0004, 0x1410, b"US", &0xFFFFu16.to_le_bytes());
    element(
        &mut out,
        0x0004,
        0x1420,
        b"UL",
        &link(r.child).to_le_bytes(),
    );
    let mut fields: Vec<_> = r.fields.iter().collect();
    fields.sort_by_key(|f| (f.0, f.1));
    for (g, e, vr, v) in fields {
        element(&mut out, *g, *e, vr, v);
    }
    out
}

fn meta_group() -> Vec<u8> {
    let mut body = Vec::new();
    element(&mut body, 0x0002, 0x0001, b"OB", &[0, 1]);
    element(&mut body, 0x0002, 0x0002, b"UI", b"1.2.840.10008.1.3.10");
    element(
        &mut body,
        0x0002,
        0x0003,
        b"UI",
        format!("{ROOT}.99").as_bytes(),
    );
    element(
        &mut body,
        0x0002,
        0x0010,
        b"UI",
        uids::EXPLICIT_VR_LITTLE_ENDIAN.as_bytes(),
    );
    element(
        &mut body,
        0x0002,
        0x0012,
        b"UI",
        format!("{ROOT}.1").as_bytes(),
    );
    let mut out = Vec::new();
    element(
        &mut out,
        0x0002,
        0x0000,
        b"UL",
        &(body.len() as u32).to_le_bytes(),
    );
    out.extend_from_slice(&body);
    out
}

/// One explicit VR little endian element, padded to an even length.
fn element(out: &mut Vec<u8>, group: u16, elem: u16, vr: &[u8; 2], value: &[u8]) {
    let mut value = value.to_vec();
    if value.len() % 2 == 1 {
        value.push(if vr == b"UI" || vr == b"OB" { 0 } else { b' ' });
    }
    out.extend_from_slice(&group.to_le_bytes());
    out.extend_from_slice(&elem.to_le_bytes());
    out.extend_from_slice(vr);
    if matches!(vr, b"OB" | b"OW" | b"SQ" | b"UN" | b"UT") {
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(&(value.len() as u32).to_le_bytes());
    } else {
        out.extend_from_slice(&(value.len() as u16).to_le_bytes());
    }
    out.extend_from_slice(&value);
}
