//! What the views and `update` ask of the panes: the order each lists its
//! records in, what is selected and where a record is shown (each pane's
//! in its own file under `panes/`), and a record in a few words.

pub use super::panes::notes::{
    NOTES_AROUND, NOTES_MARGIN, NotesWanted, notes_read, notes_read_serve, notes_wanted,
    window_serves,
};
pub use super::panes::overview::{AttentionLine, attention_lines};
pub use super::panes::{
    adds, agenda, column_count, doctors, items, locate, note_at, opinions, questions, requests,
    row_count, selected,
};

use crate::domain::{CaseSnapshot, Choice, RecordKind, RecordRef};

/// A record in a few words, for questions and messages.
pub fn title(case: &CaseSnapshot, record: RecordRef) -> String {
    let id = record.id;
    let words = match record.kind {
        RecordKind::Case => case.case.as_ref().map(|c| c.patient.clone()),
        RecordKind::Doctor => case.doctor(id).map(|d| d.name.clone()),
        RecordKind::Opinion => case.opinion(id).map(|o| {
            format!(
                "{}, {}",
                case.doctor_name(Some(o.doctor_id)),
                o.given_on.format("%-d %b %Y")
            )
        }),
        RecordKind::Topic => case.topic(id).map(|t| t.name.clone()),
        RecordKind::Stance => case
            .stances
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.stance.clone()),
        RecordKind::ConflictState => None,
        RecordKind::Question => case
            .questions
            .iter()
            .find(|q| q.id == id)
            .map(|q| q.text.clone()),
        RecordKind::Item => case.item(id).map(|i| i.description.clone()),
        RecordKind::Study => case.studies.iter().find(|s| s.id == id).map(|s| s.line()),
        RecordKind::CustodyMove => case
            .custody_moves
            .iter()
            .find(|m| m.id == id)
            .map(|m| format!("to {}", m.to)),
        RecordKind::ItemRecipient => None,
        RecordKind::Request => case
            .requests
            .iter()
            .find(|r| r.id == id)
            .map(|r| format!("to {}", r.to_whom)),
        RecordKind::FollowUp => case
            .follow_ups
            .iter()
            .find(|f| f.id == id)
            .map(|f| f.said.clone()),
        RecordKind::Deadline => case
            .deadlines
            .iter()
            .find(|d| d.id == id)
            .map(|d| d.title.clone()),
        RecordKind::Note => case
            .notes
            .iter()
            .find(|n| n.id == id)
            .map(|n| n.body.clone()),
        RecordKind::Equivalence => case
            .equivalences
            .iter()
            .find(|e| e.id == id)
            .map(|e| format!("{} = {}", e.stance, e.same_as)),
        RecordKind::DecisionOption => case
            .options
            .iter()
            .find(|o| o.id == id)
            .map(|o| o.name.clone()),
        RecordKind::Factor => case
            .factors
            .iter()
            .find(|f| f.id == id)
            .map(|f| f.text.clone()),
        RecordKind::View => case
            .views
            .iter()
            .find(|v| v.id == id)
            .map(|v| format!("of {}", v.person)),
        RecordKind::Leaning => case.leanings.iter().find(|l| l.id == id).map(|l| {
            l.option_id
                .and_then(|o| case.options.iter().find(|x| x.id == o))
                .map_or_else(|| "unsure".to_string(), |o| format!("to {}", o.name))
        }),
        RecordKind::ReadinessCheck => case
            .checks
            .iter()
            .find(|c| c.id == id)
            .map(|c| format!("of {}, {}", c.taken_on.format("%-d %b %Y"), c.score())),
        RecordKind::Decision => case.decisions.iter().find(|d| d.id == id).map(|d| {
            let option = case.options.iter().find(|o| o.id == d.option_id);
            format!(
                "{} on {}",
                option.map_or("an option", |o| o.name.as_str()),
                d.decided_on.format("%-d %b %Y")
            )
        }),
        RecordKind::RequestItem => case
            .request_items
            .iter()
            .find(|r| r.id == id)
            .and_then(|r| case.item(r.item_id))
            .map(|item| item.description.clone()),
    };
    let text = words.unwrap_or_default();
    // One line: the text's lines joined with spaces, cut with ….
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let short: String = line.chars().take(48).collect();
    let short = if short.chars().count() < line.chars().count() {
        format!("{short}…")
    } else {
        short
    };
    if short.is_empty() {
        record.kind.label().to_string()
    } else {
        format!(
            "{} \"{}\"",
            record.kind.label(),
            crate::domain::text::inert(&short)
        )
    }
}
