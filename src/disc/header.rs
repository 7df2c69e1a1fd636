//! Reading DICOM headers and the text of their elements, without touching
//! pixel data.

use std::io::{self, Read};

use chrono::{NaiveDate, NaiveTime};
use dicom_core::{Tag, VR};
use dicom_dictionary_std::tags;
use dicom_object::file::ReadPreamble;
use dicom_object::{DefaultDicomObject, InMemDicomObject, OpenFileOptions};

/// The SOP class of a DICOMDIR.
pub(crate) const DICOMDIR_CLASS: &str = "1.2.840.10008.1.3.10";

/// The most bytes read from one file's header. A header larger than this
/// is not read (an image's header is a few kilobytes; its pixels come after).
pub(crate) const HEADER_LIMIT: u64 = 8 * 1024 * 1024;

/// Counts the bytes read through it.
pub(crate) struct Counting<R> {
    pub inner: R,
    pub pos: u64,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos += n as u64;
        Ok(n)
    }
}

/// What came of looking at one file.
pub(crate) enum Looked {
    /// Not a DICOM file (no `DICM` at byte 128).
    NotDicom,
    /// A DICOM file whose header was read.
    Header(Box<DefaultDicomObject>),
    /// A DICOM file whose header could not be read, and why in plain words.
    Broken(String),
}

/// Reads the first 132 bytes and, if they say DICOM, the header up to the
/// pixel data. `reader` must already be limited to [`HEADER_LIMIT`] bytes.
pub(crate) fn look(reader: &mut dyn Read) -> Looked {
    let mut start = [0u8; 132];
    if read_fully(reader, &mut start).unwrap_or(0) < 132 || &start[128..132] != b"DICM" {
        return Looked::NotDicom;
    }
    let mut counting = Counting {
        inner: reader,
        pos: 132,
    };
    let opened = OpenFileOptions::new()
        .read_preamble(ReadPreamble::Never)
        .read_until(tags::PIXEL_DATA)
        .from_reader(io::Cursor::new(&start[128..132]).chain(&mut counting));
    match opened {
        Ok(obj) => Looked::Header(Box::new(obj)),
        Err(_) if counting.pos >= HEADER_LIMIT => Looked::Broken(format!(
            "its header is larger than {} MB, so it was not read",
            HEADER_LIMIT / (1024 * 1024)
        )),
        Err(e) => Looked::Broken(plain_dicom_error(&e.to_string())),
    }
}

/// Fills `buf` as far as the reader allows; returns how many bytes came.
pub(crate) fn read_fully(reader: &mut dyn Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        match reader.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(got)
}

/// A dicom-rs error in words a patient can read, with the detail after.
pub(crate) fn plain_dicom_error(detail: &str) -> String {
    let lower = detail.to_lowercase();
    let what =
        if lower.contains("premature") || lower.contains("end of file") || lower.contains("eof") {
            "the file ends too early (it may have been cut off when copied)"
        } else {
            "its contents are damaged or in a form this reader does not know"
        };
    format!("{what} ({detail})")
}

/// The text of an element, trimmed of DICOM padding (spaces, NULs); `None`
/// when missing or empty. Elements of VR UN are decoded as text too.
pub(crate) fn text(obj: &InMemDicomObject, tag: Tag) -> Option<String> {
    let elem = obj.element_opt(tag).ok().flatten()?;
    let raw = if elem.vr() == VR::UN {
        let bytes = elem.value().primitive()?.to_bytes();
        bytes_to_text(&bytes)
    } else {
        elem.value().primitive()?.to_str().into_owned()
    };
    clean(&raw)
}

/// The parts of a multi-valued text element ("A\B\C"), each trimmed.
pub(crate) fn parts(obj: &InMemDicomObject, tag: Tag) -> Vec<String> {
    match text(obj, tag) {
        Some(t) => t.split('\\').filter_map(clean).collect(),
        None => Vec::new(),
    }
}

/// Bytes as text: UTF-8 when it is, else latin-1.
pub(crate) fn bytes_to_text(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| b as char).collect(),
    }
}

fn clean(s: &str) -> Option<String> {
    let t = s.trim_matches(|c: char| c == ' ' || c == '\0' || c.is_whitespace());
    (!t.is_empty()).then(|| t.to_string())
}

/// An unsigned number (UL, US) from an element.
pub(crate) fn number(obj: &InMemDicomObject, tag: Tag) -> Option<u64> {
    let elem = obj.element_opt(tag).ok().flatten()?;
    if elem.vr() == VR::UN {
        let bytes = elem.value().primitive()?.to_bytes();
        return match bytes.len() {
            4 => Some(u64::from(u32::from_le_bytes([
                bytes[0], bytes[1], bytes[2], bytes[3],
            ]))),
            2 => Some(u64::from(u16::from_le_bytes([bytes[0], bytes[1]]))),
            _ => None,
        };
    }
    elem.to_int::<u64>().ok()
}

/// A signed integer (IS) from an element.
pub(crate) fn integer(obj: &InMemDicomObject, tag: Tag) -> Option<i64> {
    text(obj, tag)?.split('\\').next()?.trim().parse().ok()
}

/// A DICOM date (DA): `YYYYMMDD`, or the old `YYYY.MM.DD`.
pub(crate) fn date(obj: &InMemDicomObject, tag: Tag) -> Option<NaiveDate> {
    let t = text(obj, tag)?;
    let digits: String = t.chars().filter(|c| c.is_ascii_digit()).collect();
    if digits.len() != 8 {
        return None;
    }
    NaiveDate::parse_from_str(&digits, "%Y%m%d").ok()
}

/// A DICOM time (TM): `HH`, `HHMM`, `HHMMSS`, with or without fraction or colons.
pub(crate) fn time(obj: &InMemDicomObject, tag: Tag) -> Option<NaiveTime> {
    let t = text(obj, tag)?;
    let whole = t.split('.').next()?;
    let digits: String = whole.chars().filter(|c| c.is_ascii_digit()).collect();
    let field = |i: usize| -> Option<u32> { digits.get(i..i + 2)?.parse().ok() };
    let h = field(0)?;
    let m = if digits.len() >= 4 { field(2)? } else { 0 };
    let s = if digits.len() >= 6 {
        field(4)?.min(59)
    } else {
        0
    };
    NaiveTime::from_hms_opt(h, m, s)
}
