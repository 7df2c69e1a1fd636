//! Scans, slides and reports: where each one is, and who has seen it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::choice::choice;
use super::{CustodyMove, Item, ItemRecipient, RecordId, Study};

choice! {
    /// What an item is.
    ItemKind {
        Mammogram => "mammogram", "mammogram";
        Mri => "mri", "MRI";
        Ct => "ct", "CT";
        Pet => "pet", "PET";
        Xray => "xray", "X-ray";
        Ultrasound => "ultrasound", "ultrasound";
        Slides => "slides", "glass slides";
        Block => "block", "tissue block";
        Report => "report", "report";
        Several => "several", "mixed or unknown";
    }
}

choice! {
    /// What form an item takes.
    ItemForm {
        Film => "film", "film";
        Disc => "disc", "disc";
        Portal => "portal", "portal";
        Glass => "glass", "glass";
        Block => "block", "block";
        Paper => "paper", "paper";
    }
}

/// A scan, a set of slides, a tissue block or a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemDraft {
    pub kind: ItemKind,
    pub description: String,
    /// When the scan was taken or the tissue collected.
    pub taken_on: Option<NaiveDate>,
    /// The facility that performed the scan or made the slides.
    pub facility: String,
    pub form: ItemForm,
    /// The original (film, glass, block) rather than a copy of it.
    pub is_original: bool,
    /// Who held the item before any move was recorded.
    pub held_by: String,
    /// The item this one is a copy of, when a records office sent a new
    /// copy (absent from exports written before casefile knew it).
    #[serde(default)]
    pub copy_of: Option<RecordId>,
}

/// One imaging study on a disc (a CD, DVD or USB stick): what its
/// DICOM index or files say, read from the disc and never copied from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StudyDraft {
    /// The disc (an item) that holds it.
    pub item_id: RecordId,
    /// The study's DICOM StudyInstanceUID: the same study on any disc.
    pub uid: String,
    /// When the study was done.
    pub taken_on: Option<NaiveDate>,
    /// The modalities of its series, as DICOM writes them: "MR", "CT, MR".
    pub modality: String,
    pub description: String,
    /// The accession number the imaging facility gave it.
    pub accession: String,
    pub institution: String,
    /// The doctor who asked for the study.
    pub referring: String,
    /// How many series the study has on the disc, and how many images.
    pub series: i64,
    pub images: i64,
    /// The digest of the disc's catalogue this study was read from: the
    /// same disc read again has the same digest.
    pub disc_digest: String,
}

impl StudyDraft {
    /// The study in one line: "12 Mar 2026 · MR · Breast MRI with
    /// contrast · 4 series, 612 images · Riverside Imaging".
    pub fn line(&self) -> String {
        let mut parts = Vec::new();
        parts.push(self.taken_on.map_or_else(
            || "no date".to_string(),
            |d| d.format("%-d %b %Y").to_string(),
        ));
        if !self.modality.is_empty() {
            parts.push(self.modality.clone());
        }
        parts.push(if self.description.trim().is_empty() {
            "no description".to_string()
        } else {
            self.description.clone()
        });
        parts.push(format!(
            "{} series, {} image{}",
            self.series,
            self.images,
            if self.images == 1 { "" } else { "s" }
        ));
        if !self.institution.is_empty() {
            parts.push(self.institution.clone());
        }
        parts.join(" · ")
    }
}

/// The studies on a disc item, oldest first.
pub fn studies_on<'a>(item: &Item, studies: &'a [Study]) -> Vec<&'a Study> {
    let mut on: Vec<&Study> = studies.iter().filter(|s| s.item_id == item.id).collect();
    on.sort_by_key(|s| (s.taken_on, s.id));
    on
}

/// One step in an item's custody: it went from one holder to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustodyMoveDraft {
    pub item_id: RecordId,
    pub from: String,
    pub to: String,
    pub moved_on: NaiveDate,
    /// Courier, post, by hand, upload...
    pub method: String,
    pub tracking: String,
    /// Sent straight from the lab or facility to the doctor, never passing
    /// through the patient's hands.
    pub direct: bool,
    pub note: String,
}

choice! {
    /// What a doctor received of an item.
    ReceivedAs {
        Item => "item", "the item itself";
        ReportOnly => "report_only", "its report only";
        Copy => "copy", "a new copy of it";
    }
}

// The `choice!` macro writes the enum, so its default is written here.
#[allow(clippy::derivable_impls)]
impl Default for ReceivedAs {
    fn default() -> Self {
        ReceivedAs::Item
    }
}

/// A doctor who needs an item, and when they received it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemRecipientDraft {
    pub item_id: RecordId,
    pub doctor_id: RecordId,
    /// None while the doctor still waits for it.
    pub received_on: Option<NaiveDate>,
    /// The item itself, or only its report (absent from exports written
    /// before casefile knew it).
    #[serde(default)]
    pub received_as: ReceivedAs,
}

/// An item's custody log, oldest move first.
pub fn custody_log<'a>(item: &Item, moves: &'a [CustodyMove]) -> Vec<&'a CustodyMove> {
    let mut log: Vec<&CustodyMove> = moves.iter().filter(|m| m.item_id == item.id).collect();
    log.sort_by_key(|m| (m.moved_on, m.id));
    log
}

/// Who holds the item now: the receiver of its latest move, or its first
/// holder when it has never moved.
pub fn current_holder<'a>(item: &'a Item, moves: &'a [CustodyMove]) -> &'a str {
    holder_after(item, &custody_log(item, moves))
}

/// Who holds the item after its custody `log` (oldest first).
pub fn holder_after<'a>(item: &'a Item, log: &[&'a CustodyMove]) -> &'a str {
    log.last()
        .map_or(item.held_by.as_str(), |latest| latest.to.as_str())
}

/// Doctors who need an item and have not yet received it.
pub fn still_needed<'a>(
    item: &Item,
    recipients: &'a [ItemRecipient],
) -> impl Iterator<Item = &'a ItemRecipient> {
    let item_id = item.id;
    recipients
        .iter()
        .filter(move |r| r.item_id == item_id && r.received_on.is_none())
}

/// What a doctor has of an item, in a word: `original`, `copy` or `report`.
pub fn what_was_received(item: &Item, received_as: ReceivedAs) -> &'static str {
    if received_as == ReceivedAs::ReportOnly || item.kind == ItemKind::Report {
        "report"
    } else if received_as == ReceivedAs::Copy {
        "copy"
    } else if item.is_original {
        "original"
    } else {
        "copy"
    }
}

/// Who owns an item: the facility that made it, or else its first holder.
pub fn owner(item: &Item) -> &str {
    if item.facility.trim().is_empty() {
        &item.held_by
    } else {
        &item.facility
    }
}

/// Since when an original has been away from its owner, if it is away now:
/// the day of the first move out since it last came back.
pub fn away_since(item: &Item, moves: &[CustodyMove]) -> Option<NaiveDate> {
    away_since_log(item, &custody_log(item, moves))
}

/// [`away_since`], from the item's custody `log` (oldest first).
pub fn away_since_log(item: &Item, log: &[&CustodyMove]) -> Option<NaiveDate> {
    if !item.is_original {
        return None;
    }
    let owner = super::text::normalize(owner(item));
    let mut since = None;
    for step in log {
        if super::text::normalize(&step.to) == owner {
            since = None;
        } else if since.is_none() {
            since = Some(step.moved_on);
        }
    }
    since
}

/// How many days an original has been away, when that is longer than
/// `limit_days`.
pub fn away_too_long(
    item: &Item,
    moves: &[CustodyMove],
    today: NaiveDate,
    limit_days: i64,
) -> Option<i64> {
    let since = away_since(item, moves)?;
    let days = super::dates::days_between(since, today);
    (days > limit_days).then_some(days)
}

/// Years a lab must keep tissue blocks, at least.
pub const BLOCK_YEARS: u32 = 2;
/// Years a lab must keep glass slides, at least.
pub const SLIDE_YEARS: u32 = 10;
/// How long before the end of that time casefile starts to warn.
pub const RETENTION_WARNING_DAYS: i64 = 180;

/// The last day a lab must keep a block or a set of slides.
pub fn retention_ends(item: &Item) -> Option<NaiveDate> {
    let years = match item.kind {
        ItemKind::Block => BLOCK_YEARS,
        ItemKind::Slides => SLIDE_YEARS,
        _ => return None,
    };
    item.taken_on?
        .checked_add_months(chrono::Months::new(years * 12))
}

/// The end of the keeping time, when it is near (or past) on `today`.
pub fn retention_warning(item: &Item, today: NaiveDate) -> Option<NaiveDate> {
    let ends = retention_ends(item)?;
    (super::dates::days_between(today, ends) <= RETENTION_WARNING_DAYS).then_some(ends)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::record::test_record as stored;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_default()
    }

    fn slides(kind: ItemKind, taken: &str, original: bool) -> Item {
        stored(
            1,
            ItemDraft {
                kind,
                description: "Core biopsy".into(),
                taken_on: Some(day(taken)),
                facility: "Northside Lab".into(),
                form: ItemForm::Glass,
                is_original: original,
                held_by: "Northside Lab".into(),
                copy_of: None,
            },
        )
    }

    fn step(id: RecordId, from: &str, to: &str, on: &str) -> CustodyMove {
        stored(
            id,
            CustodyMoveDraft {
                item_id: 1,
                from: from.into(),
                to: to.into(),
                moved_on: day(on),
                method: String::new(),
                tracking: String::new(),
                direct: false,
                note: String::new(),
            },
        )
    }

    #[test]
    fn an_original_away_longer_than_the_limit_is_flagged() {
        let item = slides(ItemKind::Slides, "2026-01-05", true);
        let moves = [
            step(1, "Northside Lab", "Lakeshore pathology", "2026-01-10"),
            step(2, "Lakeshore pathology", "Dr. Raman", "2026-01-20"),
        ];
        assert_eq!(away_since(&item, &moves), Some(day("2026-01-10")));
        assert_eq!(
            away_too_long(&item, &moves, day("2026-02-09"), 30),
            None,
            "30 days is the limit"
        );
        assert_eq!(
            away_too_long(&item, &moves, day("2026-02-10"), 30),
            Some(31)
        );
        assert_eq!(
            away_too_long(&item, &moves, day("2026-02-10"), 60),
            None,
            "the family's own limit"
        );
    }

    #[test]
    fn an_original_back_home_and_a_copy_are_never_flagged() {
        let item = slides(ItemKind::Slides, "2026-01-05", true);
        let moves = [
            step(1, "Northside Lab", "Lakeshore pathology", "2026-01-10"),
            step(2, "Lakeshore pathology", "northside lab.", "2026-01-30"),
        ];
        assert_eq!(away_since(&item, &moves), None);
        let copy = slides(ItemKind::Slides, "2026-01-05", false);
        assert_eq!(away_since(&copy, &moves[..1]), None);
    }

    #[test]
    fn blocks_and_slides_warn_as_the_keeping_time_nears() {
        let block = slides(ItemKind::Block, "2024-03-31", true);
        assert_eq!(retention_ends(&block), Some(day("2026-03-31")));
        assert_eq!(retention_warning(&block, day("2025-09-01")), None);
        assert_eq!(
            retention_warning(&block, day("2025-10-02")),
            Some(day("2026-03-31"))
        );
        assert_eq!(
            retention_warning(&block, day("2026-06-01")),
            Some(day("2026-03-31")),
            "and after"
        );
        let glass = slides(ItemKind::Slides, "2020-02-29", true);
        assert_eq!(
            retention_ends(&glass),
            Some(day("2030-02-28")),
            "a leap day ends on the 28th"
        );
        let scan = slides(ItemKind::Mri, "2001-01-01", false);
        assert_eq!(retention_ends(&scan), None, "only blocks and slides");
    }
}
