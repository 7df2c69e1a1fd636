//! Scans, slides and reports: where each one is, and who has seen it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::choice::choice;
use super::{CustodyMove, Item, ItemRecipient, RecordId};

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
    custody_log(item, moves)
        .last()
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
    } else if item.is_original {
        "original"
    } else {
        "copy"
    }
}
