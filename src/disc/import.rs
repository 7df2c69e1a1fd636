//! Filing a disc in the case: the preview of what a [`Catalogue`] holds,
//! in the patient's words and with its warnings, and the plan of what
//! importing it writes. Both are plain data worked out from the catalogue
//! and the case, with no printing and no store, so that the command line
//! and the TUI show the same preview; [`write`] carries out a plan in one
//! transaction and one undo batch.

use super::{Catalogue, Made, Study, same_person};
use crate::domain::{
    CaseSnapshot, Choice, Item, ItemDraft, ItemForm, ItemKind, RecordId, StudyDraft,
};
use crate::store::Store;
use anyhow::Result;

/// What the person importing says of the disc.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Choices {
    /// The disc's name in the case ("MRI disc from Riverside Imaging, copy
    /// 2"); empty for one made from what the disc holds.
    pub label: String,
    /// Who has the disc now; empty for the patient.
    pub held_by: String,
    /// The original disc rather than a copy (discs are copies unless
    /// the family says otherwise).
    pub is_original: bool,
    /// A second physical copy of a disc already in the case: recorded as
    /// another item with the same studies.
    pub another_copy: bool,
    /// File each study that matches an item typed in earlier under that
    /// item, instead of under a new disc item.
    pub link: bool,
}

/// A study on the disc that looks like an item typed in earlier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// Which study of the disc ([`Preview::studies`]).
    pub study: usize,
    pub item_id: RecordId,
    /// Why it looks the same, in words: "same date and modality".
    pub why: String,
}

/// What the disc holds and what to know before importing it.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    /// What the disc holds, a line each, for the patient to read.
    pub lines: Vec<String>,
    /// What must not be missed, a sentence each: another patient's name,
    /// several patients, no DICOM images.
    pub warnings: Vec<String>,
    /// A name on the disc is not the case's patient: importing asks a
    /// second time.
    pub other_patient: bool,
    /// No DICOM image was found: the disc can still be recorded as one item.
    pub no_images: bool,
    /// The studies, as they would be written (without their item).
    pub studies: Vec<StudyDraft>,
    /// The disc item already in the case that holds this disc, if it is
    /// known (the same catalogue, or all its studies).
    pub known: Option<RecordId>,
    /// Studies that look like items typed in earlier.
    pub matches: Vec<Match>,
    /// The digest of the catalogue: the same disc read again has the same.
    pub digest: String,
    /// The kind of the disc's item, from the modalities of its studies.
    pub kind: ItemKind,
}

/// Where a study goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Under {
    /// The disc's new item.
    NewDisc,
    /// An item already in the case.
    Item(RecordId),
}

/// What importing writes.
#[derive(Debug, Clone, PartialEq)]
pub enum Plan {
    /// Nothing: the disc is already in the case; `why` says so.
    Nothing { why: String },
    /// One item for the disc (none when every study goes under an item
    /// typed in earlier) and the studies.
    Write {
        disc: Option<ItemDraft>,
        studies: Vec<(Under, StudyDraft)>,
        /// What it will do, a sentence each.
        said: Vec<String>,
    },
}

/// What [`write`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The disc's new item, if one was made.
    pub disc: Option<RecordId>,
    pub studies: Vec<RecordId>,
}

/// The item kind a DICOM modality is filed as, if it is a kind of scan
/// casefile knows.
pub fn kind_of_modality(modality: &str) -> Option<ItemKind> {
    Some(match modality.trim().to_uppercase().as_str() {
        "MR" => ItemKind::Mri,
        "CT" => ItemKind::Ct,
        "PT" => ItemKind::Pet,
        "CR" | "DX" | "RG" => ItemKind::Xray,
        "US" => ItemKind::Ultrasound,
        "MG" => ItemKind::Mammogram,
        "SM" => ItemKind::Slides,
        _ => return None,
    })
}

/// The kind of a disc holding studies of these modalities: the one kind
/// they share, else "several".
pub fn kind_of_disc<'a>(modalities: impl IntoIterator<Item = &'a str>) -> ItemKind {
    let mut kinds: Vec<ItemKind> = modalities
        .into_iter()
        .filter_map(kind_of_modality)
        .collect();
    kinds.dedup();
    kinds.sort_by_key(|k| k.key());
    kinds.dedup();
    match kinds.as_slice() {
        [one] => *one,
        _ => ItemKind::Several,
    }
}

/// A hex FNV-1a 64 of the sorted study and series UIDs with their image
/// counts: the same disc read again gives the same digest.
pub fn digest(catalogue: &Catalogue) -> String {
    let mut keys: Vec<String> = Vec::new();
    for study in catalogue.patients.iter().flat_map(|p| &p.studies) {
        let study_uid = study.uid.clone().unwrap_or_default();
        keys.push(format!("study {study_uid}"));
        for series in &study.series {
            keys.push(format!(
                "series {study_uid} {} {}",
                series.uid.clone().unwrap_or_default(),
                series.images.len()
            ));
        }
    }
    keys.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in keys.join("\n").bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// A name as DICOM writes it ("ALVAREZ^MARIA^^^") in the usual order
/// and case: "Maria Alvarez".
pub fn readable_name(dicom: &str) -> String {
    let mut parts = dicom.split('^').map(str::trim);
    let family = parts.next().unwrap_or_default();
    let given: Vec<&str> = parts.filter(|p| !p.is_empty()).take(2).collect();
    let words: Vec<String> = given
        .into_iter()
        .chain(std::iter::once(family))
        .filter(|w| !w.is_empty())
        .flat_map(str::split_whitespace)
        .map(title_case)
        .collect();
    words.join(" ")
}

fn title_case(word: &str) -> String {
    let lower = word.to_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn study_draft(study: &Study, digest: &str) -> StudyDraft {
    let text = |v: &Option<String>| v.as_deref().unwrap_or_default().trim().to_string();
    StudyDraft {
        item_id: 0,
        uid: text(&study.uid),
        taken_on: study.date,
        modality: study.modalities().join(", "),
        description: text(&study.description),
        accession: text(&study.accession),
        institution: text(&study.institution),
        referring: readable_name(&text(&study.referring_physician)),
        series: i64::try_from(study.series.len()).unwrap_or(i64::MAX),
        images: i64::try_from(study.images()).unwrap_or(i64::MAX),
        disc_digest: digest.to_string(),
    }
}

/// The preview of importing `catalogue` into `case`.
pub fn preview(catalogue: &Catalogue, case: &CaseSnapshot) -> Preview {
    let digest = digest(catalogue);
    let mut studies: Vec<StudyDraft> = catalogue
        .patients
        .iter()
        .flat_map(|p| &p.studies)
        .map(|s| study_draft(s, &digest))
        .collect();
    // Oldest first, whichever way the catalogue was made.
    studies.sort_by(|a, b| (a.taken_on, &a.uid).cmp(&(b.taken_on, &b.uid)));
    let mut lines = Vec::new();
    let mut warnings = Vec::new();

    lines.push(match &catalogue.made {
        Made::Index => "Read from the disc's index (its DICOMDIR).".to_string(),
        Made::Scan { why } => {
            let why = why.trim_end();
            let end = if why.ends_with(['.', '!', '?']) {
                ""
            } else {
                "."
            };
            format!("Read from the header of each file: {why}{end}")
        }
    });

    let patient = case.case.as_ref().map(|c| c.patient.trim()).unwrap_or("");
    let mut other_patient = false;
    for p in &catalogue.patients {
        let name = p.name.as_deref().unwrap_or("").trim();
        let born = p
            .birth_date
            .map(|d| format!(", born {}", d.format("%-d %b %Y")))
            .unwrap_or_default();
        let shown = if name.is_empty() {
            "no name given".to_string()
        } else {
            readable_name(name)
        };
        let id =
            p.id.as_deref()
                .filter(|id| !id.trim().is_empty())
                .map(|id| format!(" (patient id {})", id.trim()))
                .unwrap_or_default();
        lines.push(format!(
            "Patient: {shown}{born}{id}, {}.",
            plural(p.studies.len(), "study", "studies")
        ));
        if !name.is_empty() && !patient.is_empty() && !same_person(patient, name) {
            other_patient = true;
            warnings.push(format!(
                "NOT THIS PATIENT: this disc holds scans of {shown}{born}, and this case is {patient}'s. \
                 Check the disc's label before you give it to any doctor."
            ));
        }
    }
    if catalogue.patients.len() > 1 {
        warnings.push(format!(
            "This disc holds the scans of {} different patients.",
            catalogue.patients.len()
        ));
    }

    let images: i64 = studies.iter().map(|s| s.images).sum();
    let series: i64 = studies.iter().map(|s| s.series).sum();
    if !studies.is_empty() {
        lines.push(format!(
            "{}, {}, {}:",
            plural(studies.len(), "study", "studies"),
            plural(usize::try_from(series).unwrap_or(0), "series", "series"),
            plural(usize::try_from(images).unwrap_or(0), "image", "images")
        ));
        for study in &studies {
            lines.push(format!("  {}", study.line()));
        }
    }
    let missing: usize = catalogue
        .patients
        .iter()
        .flat_map(|p| &p.studies)
        .flat_map(|s| &s.series)
        .map(|s| s.images.len() - s.present())
        .sum();
    // The reader's own note may say it already.
    let noted = |words: &str| catalogue.notes.iter().any(|n| n.contains(words));
    if missing > 0 && !noted("not on the disc") {
        lines.push(format!(
            "{} the index names {} not on the disc.",
            plural(missing, "file", "files"),
            if missing == 1 { "is" } else { "are" }
        ));
    }
    for file in &catalogue.unreadable {
        lines.push(format!(
            "Could not read {}: {}",
            file.path.display(),
            file.why
        ));
    }
    for file in &catalogue.refused {
        lines.push(format!(
            "Did not open {}, which leads outside the disc: {}",
            file.file_id, file.why
        ));
    }
    let other = &catalogue.other_files;
    if other.files > 0 {
        let mut what = Vec::new();
        if other.programs > 0 {
            what.push(plural(other.programs, "program", "programs"));
        }
        if other.pages > 0 {
            what.push(plural(other.pages, "web page", "web pages"));
        }
        let what = if what.is_empty() {
            String::new()
        } else {
            format!(
                ", among them {} (a viewer, most likely)",
                what.join(" and ")
            )
        };
        lines.push(format!(
            "Not DICOM: {}{what}, {} KiB in all.",
            plural(other.files, "other file", "other files"),
            other.bytes.div_ceil(1024)
        ));
    }
    let no_images = images == 0;
    for note in &catalogue.notes {
        // The warning below says it, with its counts.
        if no_images && note.starts_with("No DICOM images") {
            continue;
        }
        lines.push(format!("Note: {note}"));
    }
    if no_images {
        warnings.push(format!(
            "No DICOM images found ({}, {}). The disc can still be recorded as one item, with no studies.",
            plural(other.files, "file", "files"),
            plural(other.programs, "program", "programs")
        ));
    }

    let known = known_disc(case, &digest, &studies);
    let matches = if known.is_some() {
        Vec::new()
    } else {
        typed_matches(case, &studies)
    };
    let kind = kind_of_disc(
        catalogue
            .patients
            .iter()
            .flat_map(|p| &p.studies)
            .flat_map(|s| &s.series)
            .filter_map(|s| s.modality.as_deref()),
    );
    Preview {
        lines,
        warnings,
        other_patient,
        no_images,
        studies,
        known,
        matches,
        digest,
        kind,
    }
}

/// The disc item that already holds this disc: one whose studies were
/// read from the same catalogue, or that holds every study on it.
fn known_disc(case: &CaseSnapshot, digest: &str, studies: &[StudyDraft]) -> Option<RecordId> {
    if studies.is_empty() {
        return None;
    }
    if let Some(study) = case.studies.iter().find(|s| s.disc_digest == digest) {
        return Some(study.item_id);
    }
    if studies.iter().any(|s| s.uid.is_empty()) {
        return None;
    }
    case.items
        .iter()
        .filter(|i| i.form == ItemForm::Disc)
        .find(|item| {
            studies.iter().all(|s| {
                case.studies
                    .iter()
                    .any(|held| held.item_id == item.id && held.uid == s.uid)
            })
        })
        .map(|item| item.id)
}

/// Items typed in earlier that a study on the disc looks like: an item
/// with no studies read from a disc, of the study's kind and taken on its
/// day; or an item holding a typed study with the same accession number.
fn typed_matches(case: &CaseSnapshot, studies: &[StudyDraft]) -> Vec<Match> {
    let read_from_a_disc = |item: &Item| {
        case.studies
            .iter()
            .any(|s| s.item_id == item.id && !s.disc_digest.is_empty())
    };
    let mut matches = Vec::new();
    for (index, study) in studies.iter().enumerate() {
        let by_accession = (!study.accession.is_empty())
            .then(|| {
                case.studies.iter().find(|held| {
                    held.disc_digest.is_empty()
                        && held.accession.eq_ignore_ascii_case(&study.accession)
                })
            })
            .flatten()
            .map(|held| (held.item_id, "the same accession number".to_string()));
        let kind = kind_of_disc(study.modality.split(", "));
        let by_day = study
            .taken_on
            .and_then(|on| {
                case.items.iter().find(|item| {
                    item.taken_on == Some(on) && item.kind == kind && !read_from_a_disc(item)
                })
            })
            .map(|item| (item.id, "the same date and kind of scan".to_string()));
        if let Some((item_id, why)) = by_accession.or(by_day) {
            matches.push(Match {
                study: index,
                item_id,
                why,
            });
        }
    }
    matches
}

/// The name a disc is given when the family gives none: "MRI disc from
/// Riverside Imaging".
fn default_label(preview: &Preview) -> String {
    let what = match preview.kind {
        ItemKind::Several => "Imaging".to_string(),
        kind => {
            let label = kind.label();
            if label.chars().next().is_some_and(char::is_lowercase) {
                crate::domain::text::capitalized(label)
            } else {
                label.to_string()
            }
        }
    };
    match preview
        .studies
        .iter()
        .map(|s| s.institution.as_str())
        .find(|i| !i.is_empty())
    {
        Some(place) => format!("{what} disc from {place}"),
        None => format!("{what} disc"),
    }
}

/// What importing the previewed disc writes, as the family chose.
pub fn plan(preview: &Preview, case: &CaseSnapshot, choices: &Choices) -> Plan {
    let name_of = |id: RecordId| {
        case.item(id).map_or_else(
            || format!("item {id}"),
            |i| format!("\"{}\" (item {id})", i.description),
        )
    };
    let copy_of = match (preview.known, choices.another_copy) {
        (Some(known), false) => {
            return Plan::Nothing {
                why: format!(
                    "This disc is already in the case as {}, with its {}; nothing was changed. \
                     If it is a second copy of that disc, import it with --another-copy.",
                    name_of(known),
                    plural(preview.studies.len(), "study", "studies")
                ),
            };
        }
        (known, _) => known,
    };
    let mut said = Vec::new();
    let mut studies = Vec::new();
    for (index, study) in preview.studies.iter().enumerate() {
        let matched = preview.matches.iter().find(|m| m.study == index);
        match matched {
            Some(m) if choices.link => {
                let already = case.studies.iter().any(|held| {
                    held.item_id == m.item_id
                        && !study.accession.is_empty()
                        && held.accession.eq_ignore_ascii_case(&study.accession)
                });
                if already {
                    said.push(format!(
                        "The study \"{}\" is already typed in under {}: it is kept as it is.",
                        study.description,
                        name_of(m.item_id)
                    ));
                } else {
                    said.push(format!(
                        "The study \"{}\" goes under {}, which you typed in earlier.",
                        study.description,
                        name_of(m.item_id)
                    ));
                    studies.push((Under::Item(m.item_id), study.clone()));
                }
            }
            Some(m) => {
                said.push(format!(
                    "The study \"{}\" looks like {} ({}). To file it under that item instead of \
                     the new disc, import with --link.",
                    study.description,
                    name_of(m.item_id),
                    m.why
                ));
                studies.push((Under::NewDisc, study.clone()));
            }
            None => studies.push((Under::NewDisc, study.clone())),
        }
    }
    let needs_disc =
        studies.iter().any(|(under, _)| *under == Under::NewDisc) || preview.studies.is_empty();
    let disc = needs_disc.then(|| {
        let label = match choices.label.trim() {
            "" => default_label(preview),
            label => label.to_string(),
        };
        let held_by = match choices.held_by.trim() {
            "" => case
                .case
                .as_ref()
                .map(|c| c.patient.trim().to_string())
                .unwrap_or_default(),
            holder => holder.to_string(),
        };
        let on_disc: Vec<&StudyDraft> = studies
            .iter()
            .filter(|(under, _)| *under == Under::NewDisc)
            .map(|(_, s)| s)
            .collect();
        ItemDraft {
            kind: preview.kind,
            description: label,
            taken_on: on_disc.iter().filter_map(|s| s.taken_on).min(),
            facility: on_disc
                .iter()
                .map(|s| s.institution.clone())
                .find(|i| !i.is_empty())
                .unwrap_or_default(),
            form: ItemForm::Disc,
            is_original: choices.is_original,
            held_by,
            copy_of,
        }
    });
    if let Some(item) = &disc {
        let copy = if item.is_original {
            "the original"
        } else {
            "a copy"
        };
        let holder = if item.held_by.is_empty() {
            String::new()
        } else {
            format!(", held by {}", item.held_by)
        };
        let another = copy_of
            .map(|known| format!(", another copy of {}", name_of(known)))
            .unwrap_or_default();
        let on_it = studies
            .iter()
            .filter(|(under, _)| *under == Under::NewDisc)
            .count();
        said.insert(
            0,
            format!(
                "Records one disc, \"{}\" ({}, {copy}{holder}{another}), with {} on it.",
                item.description,
                item.kind.label(),
                if on_it == 0 {
                    "no studies".to_string()
                } else {
                    plural(on_it, "study", "studies")
                }
            ),
        );
    }
    Plan::Write {
        disc,
        studies,
        said,
    }
}

/// Writes a plan in one transaction and one undo batch: all of it or
/// nothing. A plan that writes nothing writes nothing.
pub fn write(store: &mut Store, plan: &Plan) -> Result<Written> {
    let Plan::Write { disc, studies, .. } = plan else {
        return Ok(Written {
            disc: None,
            studies: Vec::new(),
        });
    };
    store.batch(|batch| {
        let disc_id = match disc {
            Some(item) => Some(batch.add(item)?.id),
            None => None,
        };
        let mut written = Vec::new();
        for (under, study) in studies {
            let item_id = match (under, disc_id) {
                (Under::Item(id), _) => *id,
                (Under::NewDisc, Some(id)) => id,
                (Under::NewDisc, None) => continue,
            };
            let mut study = study.clone();
            study.item_id = item_id;
            written.push(batch.add(&study)?.id);
        }
        Ok(Written {
            disc: disc_id,
            studies: written,
        })
    })
}
