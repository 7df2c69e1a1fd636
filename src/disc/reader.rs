//! How [`super::read`] puts a catalogue together: from the index when it
//! is sound, else from a scan of every file's header.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use dicom_dictionary_std::tags;
use dicom_object::InMemDicomObject;

use super::header::{self, DICOMDIR_CLASS, HEADER_LIMIT, Looked, date, integer, text, time};
use super::source::{self, Entry, Source};
use super::{
    Catalogue, DiscError, Flow, Image, Made, Patient, Progress, Refused, Series, Study, Unreadable,
};

/// The largest DICOMDIR read (a disc of 100,000 images has one of about 40 MB).
const INDEX_LIMIT: u64 = 256 * 1024 * 1024;
/// `progress` is called once every this many files.
const EVERY: usize = 4;

struct Run<'a> {
    source: Source,
    entries: Vec<Entry>,
    progress: &'a mut dyn FnMut(Progress) -> Flow,
    done: usize,
    cat: Catalogue,
}

pub(crate) fn read(
    path: &Path,
    progress: &mut dyn FnMut(Progress) -> Flow,
) -> Result<Catalogue, DiscError> {
    let meta = std::fs::metadata(path).map_err(|e| DiscError::NotFound {
        path: path.to_path_buf(),
        why: plain_io(&e),
    })?;
    let mut index_name: Option<String> = None;
    let source = if meta.is_dir() {
        Source::Dir {
            root: path.to_path_buf(),
        }
    } else if is_zip(path) {
        source::open_zip(path).map_err(|why| DiscError::NotAZip {
            path: path.to_path_buf(),
            why,
        })?
    } else {
        // The DICOMDIR itself: its folder is the disc.
        index_name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let root = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        Source::Dir { root }
    };
    let mut notes = Vec::new();
    let mut run = Run {
        source,
        entries: Vec::new(),
        progress,
        done: 0,
        cat: Catalogue {
            source: path.to_path_buf(),
            ..Catalogue::default()
        },
    };
    run.entries = run.source.entries(&mut notes);
    run.cat.notes = notes;
    run.tick(true)?;

    let index = run.entries.iter().position(|e| match &index_name {
        Some(name) => e.rel == *name,
        None => !e.rel.contains('/') && e.rel.eq_ignore_ascii_case("DICOMDIR"),
    });
    let why = match index {
        None => "there is no index (DICOMDIR) on the disc".to_string(),
        Some(n) => match run.read_index(n)? {
            None => {
                run.finish();
                return Ok(run.cat);
            }
            Some(why) => why,
        },
    };
    run.cat.patients.clear();
    run.cat.refused.clear();
    run.scan(index, why)?;
    run.finish();
    Ok(run.cat)
}

impl Run<'_> {
    /// Calls `progress` every few files, or now when `now`.
    fn tick(&mut self, now: bool) -> Result<(), DiscError> {
        if now || self.done.is_multiple_of(EVERY) {
            let flow = (self.progress)(Progress {
                files_done: self.done,
                files_total: Some(self.entries.len()),
            });
            if flow == Flow::Stop {
                return Err(DiscError::Stopped);
            }
        }
        Ok(())
    }

    /// Reads the catalogue from the index at entry `n`. `Ok(None)` when it
    /// is done; `Ok(Some(why))` when the index cannot be used and the files
    /// must be scanned instead.
    fn read_index(&mut self, n: usize) -> Result<Option<String>, DiscError> {
        let mut bytes = Vec::new();
        let read = self
            .source
            .open(&self.entries, n, INDEX_LIMIT)
            .and_then(|mut r| r.read_to_end(&mut bytes));
        if let Err(e) = read {
            return Ok(Some(format!(
                "the disc's index (DICOMDIR) could not be opened: {}",
                plain_io(&e)
            )));
        }
        let walked = match super::dicomdir::walk(&bytes) {
            Ok(w) => w,
            Err(why) => return Ok(Some(why)),
        };
        if walked.total == 0 {
            return Ok(Some("the disc's index (DICOMDIR) lists no images".into()));
        }
        if walked.reached < walked.total {
            return Ok(Some(format!(
                "{} of the {} records in the disc's index (DICOMDIR) cannot be reached from its start",
                walked.total - walked.reached,
                walked.total
            )));
        }
        self.cat.notes.extend(walked.notes);
        self.cat.patients = walked.patients;
        self.cat.made = super::Made::Index;
        let referenced = self.resolve();
        self.fill_institutions()?;
        // What else is on the disc: other files, and DICOM files the index leaves out.
        let mut unlisted = 0usize;
        for i in 0..self.entries.len() {
            self.done += 1;
            self.tick(false)?;
            if i == n || referenced.contains(&i) || self.entries[i].outside {
                continue;
            }
            let mut start = [0u8; 132];
            let got = self
                .source
                .open(&self.entries, i, 132)
                .and_then(|mut r| header::read_fully(&mut r, &mut start))
                .unwrap_or(0);
            if got == 132 && &start[128..132] == b"DICM" {
                unlisted += 1;
            } else {
                self.other(i);
            }
        }
        if unlisted > 0 {
            self.cat.notes.push(format!(
                "{unlisted} DICOM file(s) on the disc are not listed in its index and were not read."
            ));
        }
        Ok(None)
    }

    /// Finds each image the index names among the disc's files; returns the
    /// entries found.
    fn resolve(&mut self) -> HashSet<usize> {
        let mut by_name: HashMap<String, usize> = HashMap::new();
        for (i, e) in self.entries.iter().enumerate() {
            by_name.entry(e.rel.to_lowercase()).or_insert(i);
        }
        let mut found = HashSet::new();
        let mut refused = Vec::new();
        let mut missing = 0usize;
        for image in self
            .cat
            .patients
            .iter_mut()
            .flat_map(|p| p.studies.iter_mut())
            .flat_map(|s| s.series.iter_mut())
            .flat_map(|s| s.images.iter_mut())
        {
            let Some(id) = image.file_id.clone() else {
                continue;
            };
            let parts: Vec<String> = id.split('/').map(str::to_string).collect();
            if !source::id_stays_inside(&parts) {
                refused.push(Refused {
                    file_id: id,
                    why: "the index points outside the disc, so the file was not opened".into(),
                });
                continue;
            }
            let key = id.to_lowercase();
            let hit = by_name
                .get(&key)
                .or_else(|| by_name.get(&format!("{key}.dcm")))
                .or_else(|| key.strip_suffix(".dcm").and_then(|k| by_name.get(k)))
                .copied();
            match hit {
                Some(i) if self.entries[i].outside => refused.push(Refused {
                    file_id: id,
                    why: "the file is a link to a place outside the disc, so it was not opened"
                        .into(),
                }),
                Some(i) => {
                    image.present = true;
                    image.found = Some(PathBuf::from(&self.entries[i].rel));
                    found.insert(i);
                }
                None => missing += 1,
            }
        }
        if missing > 0 {
            self.cat.notes.push(format!(
                "{missing} file(s) listed in the disc's index are not on the disc."
            ));
        }
        if !refused.is_empty() {
            self.cat.notes.push(format!(
                "{} file(s) listed in the disc's index lead outside the disc and were not opened.",
                refused.len()
            ));
        }
        self.cat.refused = refused;
        found
    }

    /// The institution is often only in the image headers: reads it from the
    /// first present image of each study that lacks it.
    fn fill_institutions(&mut self) -> Result<(), DiscError> {
        let by_rel: HashMap<String, usize> = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.rel.clone(), i))
            .collect();
        let mut wanted: Vec<(usize, usize, usize)> = Vec::new();
        for (p, patient) in self.cat.patients.iter().enumerate() {
            for (s, study) in patient.studies.iter().enumerate() {
                if study.institution.is_some() {
                    continue;
                }
                let first = study
                    .series
                    .iter()
                    .flat_map(|se| se.images.iter())
                    .filter_map(|im| im.found.as_ref())
                    .find_map(|f| by_rel.get(&f.to_string_lossy().into_owned()));
                if let Some(&i) = first {
                    wanted.push((p, s, i));
                }
            }
        }
        for (p, s, i) in wanted {
            self.tick(true)?;
            let looked = match self.source.open(&self.entries, i, HEADER_LIMIT) {
                Ok(mut r) => header::look(&mut r),
                Err(_) => continue,
            };
            if let Looked::Header(obj) = looked {
                self.cat.patients[p].studies[s].institution = text(&obj, tags::INSTITUTION_NAME);
            }
        }
        Ok(())
    }

    /// Counts entry `i` among the files that are not DICOM.
    fn other(&mut self, i: usize) {
        let e = &self.entries[i];
        let name = e.rel.rsplit('/').next().unwrap_or(&e.rel).to_lowercase();
        let ext = name.rsplit_once('.').map(|(_, x)| x).unwrap_or("");
        let o = &mut self.cat.other_files;
        o.files += 1;
        o.bytes += e.size;
        if name == "autorun.inf"
            || matches!(
                ext,
                "exe" | "dll" | "jar" | "bat" | "com" | "msi" | "cmd" | "sh" | "app"
            )
        {
            o.programs += 1;
        } else if matches!(ext, "htm" | "html" | "xhtml") {
            o.pages += 1;
        }
    }

    /// Builds the catalogue from every file's header.
    fn scan(&mut self, index: Option<usize>, why: String) -> Result<(), DiscError> {
        self.cat.made = Made::Scan { why };
        let mut groups = Groups::default();
        for i in 0..self.entries.len() {
            self.done += 1;
            self.tick(false)?;
            if Some(i) == index || self.entries[i].outside {
                continue;
            }
            let looked = match self.source.open(&self.entries, i, HEADER_LIMIT) {
                Ok(mut r) => header::look(&mut r),
                Err(e) => {
                    self.cat.unreadable.push(Unreadable {
                        path: PathBuf::from(&self.entries[i].rel),
                        why: format!("it could not be opened: {}", plain_io(&e)),
                    });
                    continue;
                }
            };
            match looked {
                Looked::NotDicom => self.other(i),
                Looked::Broken(why) => self.cat.unreadable.push(Unreadable {
                    path: PathBuf::from(&self.entries[i].rel),
                    why,
                }),
                Looked::Header(obj) => {
                    let class = obj
                        .meta()
                        .media_storage_sop_class_uid()
                        .trim_end_matches(['\0', ' ']);
                    if class == DICOMDIR_CLASS {
                        continue;
                    }
                    groups.add(&obj, &self.entries[i].rel);
                }
            }
        }
        self.cat.patients = groups.finish();
        Ok(())
    }

    /// Notes that hold whatever the reading found.
    fn finish(&mut self) {
        if !self.cat.unreadable.is_empty() {
            self.cat.notes.push(format!(
                "{} file(s) on the disc look like DICOM but could not be read.",
                self.cat.unreadable.len()
            ));
        }
        if self.cat.patients.is_empty() {
            let o = &self.cat.other_files;
            self.cat.notes.push(format!(
                "No DICOM images were found on the disc ({} other file(s), {} of them programs such as a viewer).",
                o.files, o.programs
            ));
        }
    }
}

/// Images found by the scan, grouped by patient, study and series.
#[derive(Default)]
struct Groups {
    patients: Vec<(Patient, Vec<StudyGroup>)>,
    patient_at: HashMap<(Option<String>, Option<String>), usize>,
}

/// An image with its instance number, to sort by.
type Numbered = (Option<i64>, Image);

struct StudyGroup {
    study: Study,
    /// Each series with its images and their instance numbers.
    series: Vec<(Series, Vec<Numbered>)>,
}

impl Groups {
    fn add(&mut self, obj: &InMemDicomObject, rel: &str) {
        let key = (text(obj, tags::PATIENT_ID), text(obj, tags::PATIENT_NAME));
        let p = match self.patient_at.get(&key) {
            Some(&p) => p,
            None => {
                self.patients.push((
                    Patient {
                        name: key.1.clone(),
                        id: key.0.clone(),
                        birth_date: date(obj, tags::PATIENT_BIRTH_DATE),
                        studies: Vec::new(),
                    },
                    Vec::new(),
                ));
                self.patient_at.insert(key, self.patients.len() - 1);
                self.patients.len() - 1
            }
        };
        let studies = &mut self.patients[p].1;
        let study_uid = text(obj, tags::STUDY_INSTANCE_UID);
        let s = match studies.iter().position(|g| g.study.uid == study_uid) {
            Some(s) => s,
            None => {
                studies.push(StudyGroup {
                    study: Study {
                        uid: study_uid,
                        date: date(obj, tags::STUDY_DATE),
                        time: time(obj, tags::STUDY_TIME),
                        description: text(obj, tags::STUDY_DESCRIPTION),
                        accession: text(obj, tags::ACCESSION_NUMBER),
                        referring_physician: text(obj, tags::REFERRING_PHYSICIAN_NAME),
                        institution: text(obj, tags::INSTITUTION_NAME),
                        series: Vec::new(),
                    },
                    series: Vec::new(),
                });
                studies.len() - 1
            }
        };
        let series = &mut studies[s].series;
        let series_uid = text(obj, tags::SERIES_INSTANCE_UID);
        let se = match series.iter().position(|(g, _)| g.uid == series_uid) {
            Some(se) => se,
            None => {
                series.push((
                    Series {
                        uid: series_uid,
                        modality: text(obj, tags::MODALITY),
                        description: text(obj, tags::SERIES_DESCRIPTION),
                        body_part: text(obj, tags::BODY_PART_EXAMINED),
                        number: integer(obj, tags::SERIES_NUMBER),
                        images: Vec::new(),
                    },
                    Vec::new(),
                ));
                series.len() - 1
            }
        };
        series[se].1.push((
            integer(obj, tags::INSTANCE_NUMBER),
            Image {
                uid: text(obj, tags::SOP_INSTANCE_UID),
                file_id: Some(rel.to_string()),
                found: Some(PathBuf::from(rel)),
                present: true,
            },
        ));
    }

    /// The patients with their studies by date, series by number and
    /// images by instance number.
    fn finish(self) -> Vec<Patient> {
        self.patients
            .into_iter()
            .map(|(mut patient, studies)| {
                let mut studies: Vec<Study> = studies
                    .into_iter()
                    .map(|g| {
                        let mut study = g.study;
                        let mut series: Vec<Series> = g
                            .series
                            .into_iter()
                            .map(|(mut s, mut images)| {
                                images
                                    .sort_by(|a, b| (a.0, &a.1.file_id).cmp(&(b.0, &b.1.file_id)));
                                s.images = images.into_iter().map(|(_, i)| i).collect();
                                s
                            })
                            .collect();
                        series.sort_by(|a, b| (a.number, &a.uid).cmp(&(b.number, &b.uid)));
                        study.series = series;
                        study
                    })
                    .collect();
                studies.sort_by(|a, b| (a.date, a.time, &a.uid).cmp(&(b.date, b.time, &b.uid)));
                patient.studies = studies;
                patient
            })
            .collect()
    }
}

fn is_zip(path: &Path) -> bool {
    let by_name = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
    let mut magic = [0u8; 4];
    let by_magic = std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut magic))
        .is_ok()
        && magic == *b"PK\x03\x04";
    by_name || by_magic
}

/// An I/O error in plain words.
fn plain_io(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "it is not there (was the disc taken out?)".into(),
        PermissionDenied => "permission to read it was refused".into(),
        _ => format!("it could not be read ({e})"),
    }
}
