//! Imaging discs: what a CD, DVD, USB stick or portal .zip holds, read from
//! its DICOMDIR index or, where there is none or it is damaged, from the
//! headers of its files. Nothing is copied and no image is decoded: the
//! reader stops before the pixel data of every file.
//!
//! [`read`] gives a [`Catalogue`]: the patients, their studies and series,
//! which referenced files are really there, what else the disc holds (a
//! viewer program, web pages), and plain notes on anything it could not read.

mod dicomdir;
mod header;
pub mod import;
mod reader;
mod source;

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveTime};

/// Everything read from one disc, folder or .zip.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Catalogue {
    /// The path that was read, as given.
    pub source: PathBuf,
    /// Whether the studies come from the disc's index or from a scan of its files.
    pub made: Made,
    /// The patients on the disc, each with their studies.
    pub patients: Vec<Patient>,
    /// What the disc holds besides DICOM files.
    pub other_files: OtherFiles,
    /// Files the index points to that were not opened because they lead
    /// outside the disc (`..`, an absolute path, a link pointing elsewhere).
    pub refused: Vec<Refused>,
    /// Files that look like DICOM but could not be read.
    pub unreadable: Vec<Unreadable>,
    /// Plain sentences about the disc for the patient: a damaged index,
    /// records that could not be reached, a header too large to read.
    pub notes: Vec<String>,
}

/// How the catalogue was made.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Made {
    /// From the DICOMDIR index, following its record links.
    #[default]
    Index,
    /// From a scan of every file's header; `why` says in plain words why
    /// the index was not used (there is none, it is damaged, it leaves
    /// records out).
    Scan {
        /// Why the index was not used, in plain words.
        why: String,
    },
}

/// One patient as the disc names them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Patient {
    /// The name as written on the disc, `^` separators kept ("ALVAREZ^MARIA").
    pub name: Option<String>,
    /// The hospital's patient id.
    pub id: Option<String>,
    /// The birth date, when the disc gives a valid one.
    pub birth_date: Option<NaiveDate>,
    /// The patient's studies: in the index's order, or by date in a scan.
    pub studies: Vec<Study>,
}

/// One study: an examination on one day (an MRI, a mammogram).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Study {
    /// StudyInstanceUID, the study's worldwide key.
    pub uid: Option<String>,
    /// The day of the study.
    pub date: Option<NaiveDate>,
    /// The time of the study, to the second.
    pub time: Option<NaiveTime>,
    /// The study's description ("MRI BREAST BILATERAL W/WO").
    pub description: Option<String>,
    /// The accession number: the imaging centre's order number.
    pub accession: Option<String>,
    /// The doctor who asked for the study, `^` separators kept.
    pub referring_physician: Option<String>,
    /// The hospital or imaging centre, from the index or else from the
    /// first image header of the study.
    pub institution: Option<String>,
    /// The study's series.
    pub series: Vec<Series>,
}

impl Study {
    /// The number of images in all series of the study.
    pub fn images(&self) -> usize {
        self.series.iter().map(|s| s.images.len()).sum()
    }

    /// The modalities of the study's series, each once, in order ("MR", "CT").
    pub fn modalities(&self) -> Vec<String> {
        let mut seen: Vec<String> = Vec::new();
        for m in self.series.iter().filter_map(|s| s.modality.clone()) {
            if !seen.contains(&m) {
                seen.push(m);
            }
        }
        seen
    }
}

/// One series: the images of one sequence or view.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Series {
    /// SeriesInstanceUID.
    pub uid: Option<String>,
    /// MR, CT, MG, US...
    pub modality: Option<String>,
    /// The series' description ("AX T1").
    pub description: Option<String>,
    /// The part of the body examined (BREAST, CHEST).
    pub body_part: Option<String>,
    /// The series number within the study.
    pub number: Option<i64>,
    /// Every image (or other object: a report, a key image note) of the series.
    pub images: Vec<Image>,
}

impl Series {
    /// How many of the series' images are on the disc.
    pub fn present(&self) -> usize {
        self.images.iter().filter(|i| i.present).count()
    }
}

/// One image or other DICOM object of a series.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Image {
    /// SOPInstanceUID.
    pub uid: Option<String>,
    /// The file as the index names it, parts joined with `/`
    /// ("IMAGES/MR1/0001"); in a scan, the path found.
    pub file_id: Option<String>,
    /// The file as found on the disc, relative to the disc's root, with
    /// the case and extension it really has.
    pub found: Option<PathBuf>,
    /// Whether the file is on the disc.
    pub present: bool,
}

/// What a disc holds besides DICOM files.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OtherFiles {
    /// Files that are not DICOM, all kinds together.
    pub files: usize,
    /// Programs: .exe, .dll, .jar, .bat, .com, .msi, autorun.inf.
    pub programs: usize,
    /// Web pages: .htm, .html.
    pub pages: usize,
    /// The size of all those files.
    pub bytes: u64,
}

/// A file the index points to that was not opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// The file as the index names it, parts joined with `/`.
    pub file_id: String,
    /// Why, in plain words.
    pub why: String,
}

/// A file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// The file, relative to the disc's root.
    pub path: PathBuf,
    /// Why, in plain words.
    pub why: String,
}

/// How far the reading has come, given to the `progress` callback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Files looked at so far.
    pub files_done: usize,
    /// Files to look at, once known.
    pub files_total: Option<usize>,
}

/// What the `progress` callback wants next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Go on reading.
    Continue,
    /// Stop: [`read`] returns [`DiscError::Stopped`].
    Stop,
}

/// Why a disc could not be read at all. A damaged disc is not an error:
/// its catalogue holds what could be read and says what could not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiscError {
    /// The path does not exist or cannot be opened.
    NotFound {
        /// The path given.
        path: PathBuf,
        /// Why, in plain words.
        why: String,
    },
    /// The .zip file cannot be opened as a zip archive.
    NotAZip {
        /// The path given.
        path: PathBuf,
        /// Why, in plain words.
        why: String,
    },
    /// The reading was stopped through the progress callback.
    Stopped,
}

impl std::fmt::Display for DiscError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DiscError::NotFound { path, why } => {
                write!(f, "Could not open {}: {why}", path.display())
            }
            DiscError::NotAZip { path, why } => write!(
                f,
                "{} is not a zip archive that can be opened: {why}",
                path.display()
            ),
            DiscError::Stopped => write!(f, "Reading the disc was stopped."),
        }
    }
}

impl std::error::Error for DiscError {}

/// Reads the catalogue of the disc at `path`: a folder (the disc's root),
/// its DICOMDIR file itself, or a .zip of the disc. `progress` is called
/// every few files; returning [`Flow::Stop`] ends the reading.
///
/// Only headers are read, never pixel data, and nothing is copied. A
/// damaged disc is not an error: the catalogue holds what could be read,
/// and its `notes`, `unreadable` and `refused` say what could not.
pub fn read(
    path: &Path,
    progress: &mut dyn FnMut(Progress) -> Flow,
) -> Result<Catalogue, DiscError> {
    reader::read(path, progress)
}

/// Whether the patient of the case and a name read from a disc are the
/// same person: case, the order of the name's parts and DICOM's `^`
/// separators do not matter ("ALVAREZ^MARIA" is "Maria Alvarez").
pub fn same_person(case_patient: &str, disc_name: &str) -> bool {
    let words = |name: &str| {
        let mut w: Vec<String> = name
            .split(|c: char| c == '^' || c == ',' || c == '=' || c.is_whitespace())
            .map(|p| p.trim_matches('.').to_lowercase())
            .filter(|p| !p.is_empty())
            .collect();
        w.sort();
        w
    };
    let (a, b) = (words(case_patient), words(disc_name));
    !a.is_empty() && a == b
}
