//! The DICOMDIR index: a DICOM object whose records (patient, study,
//! series, image) are linked by byte offsets into the file itself. dicom-rs
//! reads the records but not where each one starts, so a second pass over
//! the same bytes with a counting reader finds every record's offset.

use std::cell::Cell;
use std::collections::{HashMap, HashSet, VecDeque};
use std::io::{Cursor, Read};
use std::rc::Rc;

use dicom_dictionary_std::tags;
use dicom_object::InMemDicomObject;
use dicom_object::OpenFileOptions;
use dicom_object::file::ReadPreamble;
use dicom_parser::dataset::DataToken;
use dicom_parser::dataset::read::DataSetReader;
use dicom_transfer_syntax_registry::{TransferSyntaxIndex, TransferSyntaxRegistry};

use super::header::{self, date, integer, number, parts, text, time};
use super::{Image, Patient, Series, Study};

/// What the index says.
pub(crate) struct Walked {
    pub patients: Vec<Patient>,
    /// Records reached from the root, and all records.
    pub reached: usize,
    pub total: usize,
    pub notes: Vec<String>,
}

/// Reads a DICOMDIR from its bytes and follows its links from the root.
/// An error says in plain words why the index cannot be used.
pub(crate) fn walk(bytes: &[u8]) -> Result<Walked, String> {
    if bytes.len() < 132 || &bytes[128..132] != b"DICM" {
        return Err("the disc's index (DICOMDIR) is not a DICOM file".into());
    }
    let obj = OpenFileOptions::new()
        .read_preamble(ReadPreamble::Always)
        .from_reader(Cursor::new(bytes))
        .map_err(|e| {
            format!(
                "the disc's index (DICOMDIR) could not be read: {}",
                header::plain_dicom_error(&e.to_string())
            )
        })?;
    let records: &[InMemDicomObject] = obj
        .element_opt(tags::DIRECTORY_RECORD_SEQUENCE)
        .ok()
        .flatten()
        .and_then(|e| e.items())
        .unwrap_or(&[]);
    let mut notes = Vec::new();
    if records.is_empty() {
        return Ok(Walked {
            patients: Vec::new(),
            reached: 0,
            total: 0,
            notes,
        });
    }
    let ts_uid = obj.meta().transfer_syntax().trim_end_matches(['\0', ' ']);
    let ts = TransferSyntaxRegistry
        .get(ts_uid)
        .ok_or_else(|| format!("the disc's index uses an unknown encoding ({ts_uid})"))?;
    let start = 132u64 + 12 + u64::from(obj.meta().information_group_length);
    let offsets = item_offsets(bytes, start, ts)?;
    if offsets.len() != records.len() {
        return Err(format!(
            "the disc's index could not be followed: {} records were read but {} were found in the second pass",
            records.len(),
            offsets.len()
        ));
    }
    let at: HashMap<u64, usize> = offsets.iter().enumerate().map(|(i, &o)| (o, i)).collect();
    let Some(root_offset) = number(
        &obj,
        tags::OFFSET_OF_THE_FIRST_DIRECTORY_RECORD_OF_THE_ROOT_DIRECTORY_ENTITY,
    ) else {
        return Err("the disc's index does not say where its first record is".into());
    };
    let Some(&root) = at.get(&root_offset) else {
        return Err(format!(
            "the disc's index points its first record to byte {root_offset}, where no record starts"
        ));
    };

    let mut out = Builder::default();
    let mut visited: HashSet<usize> = HashSet::new();
    let mut bad_links = 0usize;
    // Sibling chains to walk, each with the place its records belong.
    let mut queue: VecDeque<(usize, Place)> = VecDeque::new();
    queue.push_back((root, Place::default()));
    while let Some((first, place)) = queue.pop_front() {
        let mut next = Some(first);
        while let Some(i) = next {
            if !visited.insert(i) {
                bad_links += 1;
                break;
            }
            let rec = &records[i];
            let child_place = out.add(rec, &place);
            match number(rec, tags::OFFSET_OF_REFERENCED_LOWER_LEVEL_DIRECTORY_ENTITY) {
                None | Some(0) => {}
                Some(o) => match at.get(&o) {
                    Some(&c) => queue.push_back((c, child_place)),
                    None => bad_links += 1,
                },
            }
            next = match number(rec, tags::OFFSET_OF_THE_NEXT_DIRECTORY_RECORD) {
                None | Some(0) => None,
                Some(o) => match at.get(&o) {
                    Some(&n) => Some(n),
                    None => {
                        bad_links += 1;
                        None
                    }
                },
            };
        }
    }
    if bad_links > 0 {
        notes.push(format!(
            "{bad_links} link(s) in the disc's index point to no record or back to one already read."
        ));
    }
    Ok(Walked {
        patients: out.patients,
        reached: visited.len(),
        total: records.len(),
        notes,
    })
}

/// The file offset of every record of (0004,1220), in sequence order.
fn item_offsets(
    bytes: &[u8],
    start: u64,
    ts: &dicom_transfer_syntax_registry::TransferSyntax,
) -> Result<Vec<u64>, String> {
    let body = usize::try_from(start)
        .ok()
        .and_then(|s| bytes.get(s..))
        .ok_or("the disc's index ends inside its header")?;
    let pos = Rc::new(Cell::new(start));
    let reader = Shared {
        inner: body,
        pos: Rc::clone(&pos),
    };
    let tokens = DataSetReader::new_with_ts(reader, ts)
        .map_err(|e| format!("the disc's index could not be followed: {e}"))?;
    let mut stack: Vec<dicom_core::Tag> = Vec::new();
    let mut offsets = Vec::new();
    let mut count = 0usize;
    for token in tokens {
        count += 1;
        // Every token but a value reads at least a few bytes: more tokens
        // than bytes means the reader goes round in circles.
        if count > 2 * bytes.len() + 64 {
            return Err("the disc's index is too large to follow".into());
        }
        let token = token.map_err(|e| {
            format!(
                "the disc's index could not be followed: {}",
                header::plain_dicom_error(&e.to_string())
            )
        })?;
        match token {
            DataToken::SequenceStart { tag, .. } => stack.push(tag),
            DataToken::PixelSequenceStart => stack.push(tags::PIXEL_DATA),
            DataToken::SequenceEnd => {
                stack.pop();
            }
            DataToken::ItemStart { .. }
                if stack.len() == 1 && stack[0] == tags::DIRECTORY_RECORD_SEQUENCE =>
            {
                offsets.push(pos.get().saturating_sub(8));
            }
            _ => {}
        }
    }
    Ok(offsets)
}

/// A reader that tells how far it has read through a shared counter, as
/// the token reader keeps its source to itself.
struct Shared<'a> {
    inner: &'a [u8],
    pos: Rc<Cell<u64>>,
}

impl Read for Shared<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos.set(self.pos.get() + n as u64);
        Ok(n)
    }
}

/// Where a record belongs: indexes into the builder's lists.
#[derive(Clone, Copy, Default)]
struct Place {
    patient: Option<usize>,
    study: Option<usize>,
    series: Option<usize>,
}

#[derive(Default)]
struct Builder {
    patients: Vec<Patient>,
}

impl Builder {
    /// Adds one record where it belongs and returns the place of its children.
    fn add(&mut self, rec: &InMemDicomObject, place: &Place) -> Place {
        let kind = text(rec, tags::DIRECTORY_RECORD_TYPE)
            .unwrap_or_default()
            .to_uppercase();
        match kind.as_str() {
            "PATIENT" => {
                self.patients.push(Patient {
                    name: text(rec, tags::PATIENT_NAME),
                    id: text(rec, tags::PATIENT_ID),
                    birth_date: date(rec, tags::PATIENT_BIRTH_DATE),
                    studies: Vec::new(),
                });
                Place {
                    patient: Some(self.patients.len() - 1),
                    study: None,
                    series: None,
                }
            }
            "STUDY" => {
                let p = self.patient(place);
                let studies = &mut self.patients[p].studies;
                studies.push(Study {
                    uid: text(rec, tags::STUDY_INSTANCE_UID),
                    date: date(rec, tags::STUDY_DATE),
                    time: time(rec, tags::STUDY_TIME),
                    description: text(rec, tags::STUDY_DESCRIPTION),
                    accession: text(rec, tags::ACCESSION_NUMBER),
                    referring_physician: text(rec, tags::REFERRING_PHYSICIAN_NAME),
                    institution: text(rec, tags::INSTITUTION_NAME),
                    series: Vec::new(),
                });
                Place {
                    patient: Some(p),
                    study: Some(studies.len() - 1),
                    series: None,
                }
            }
            "SERIES" => {
                let (p, s) = self.study(place);
                let series = &mut self.patients[p].studies[s].series;
                series.push(Series {
                    uid: text(rec, tags::SERIES_INSTANCE_UID),
                    modality: text(rec, tags::MODALITY),
                    description: text(rec, tags::SERIES_DESCRIPTION),
                    body_part: text(rec, tags::BODY_PART_EXAMINED),
                    number: integer(rec, tags::SERIES_NUMBER),
                    images: Vec::new(),
                });
                Place {
                    patient: Some(p),
                    study: Some(s),
                    series: Some(series.len() - 1),
                }
            }
            _ => {
                let file = parts(rec, tags::REFERENCED_FILE_ID);
                if file.is_empty() {
                    return *place;
                }
                let (p, s, se) = self.series(place);
                self.patients[p].studies[s].series[se].images.push(Image {
                    uid: text(rec, tags::REFERENCED_SOP_INSTANCE_UID_IN_FILE),
                    file_id: Some(file.join("/")),
                    found: None,
                    present: false,
                });
                *place
            }
        }
    }

    fn patient(&mut self, place: &Place) -> usize {
        match place.patient {
            Some(p) => p,
            None => {
                self.patients.push(Patient::default());
                self.patients.len() - 1
            }
        }
    }

    fn study(&mut self, place: &Place) -> (usize, usize) {
        let p = self.patient(place);
        match place.study.filter(|_| place.patient == Some(p)) {
            Some(s) => (p, s),
            None => {
                self.patients[p].studies.push(Study::default());
                (p, self.patients[p].studies.len() - 1)
            }
        }
    }

    fn series(&mut self, place: &Place) -> (usize, usize, usize) {
        let (p, s) = self.study(place);
        match place
            .series
            .filter(|_| place.study == Some(s) && place.patient == Some(p))
        {
            Some(se) => (p, s, se),
            None => {
                let series = &mut self.patients[p].studies[s].series;
                series.push(Series::default());
                (p, s, series.len() - 1)
            }
        }
    }
}
