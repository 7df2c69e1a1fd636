//! The form of a custody move: an item went from one holder to another,
//! on a day, by some means.

use chrono::NaiveDate;

use super::picks::items;
use super::{KindForm, Reader, Saving, all_offered, new_form, opened_from, stored_form};
use crate::app::form::{Field, Form};
use crate::domain::{AnyDraft, CaseSnapshot, CustodyMoveDraft, RecordId, RecordKind, RecordRef};

pub(super) const FORM: KindForm = KindForm {
    blank,
    stored,
    read,
    not_offered: all_offered,
};

/// A new move is of the item it was opened from, else the first item,
/// from whoever holds it now, today.
fn blank(case: &CaseSnapshot, today: NaiveDate, context: &[RecordRef]) -> Option<Form> {
    let item_id = opened_from(context, RecordKind::Item).or(case.items.first().map(|i| i.id))?;
    let from = case
        .item(item_id)
        .map(|i| case.holder(i).to_string())
        .unwrap_or_default();
    let draft = CustodyMoveDraft {
        item_id,
        from,
        to: String::new(),
        moved_on: today,
        method: String::new(),
        tracking: String::new(),
        direct: false,
        note: String::new(),
    };
    Some(new_form(RecordKind::CustodyMove, fields(case, &draft)))
}

fn stored(case: &CaseSnapshot, id: RecordId) -> Option<Form> {
    let m = case.custody_moves.iter().find(|m| m.id == id)?;
    Some(stored_form(
        RecordKind::CustodyMove,
        m.id,
        m.stamp.version,
        fields(case, m),
    ))
}

fn fields(case: &CaseSnapshot, m: &CustodyMoveDraft) -> Vec<Field> {
    vec![
        Field::choice("item", "Item", items(case), &m.item_id.to_string()).context(),
        Field::line("from", "From", &m.from),
        Field::line("to", "To", &m.to).required(),
        Field::date("moved_on", "Date", &m.moved_on.to_string()).required(),
        Field::line("method", "Method", &m.method),
        Field::line("tracking", "Tracking number", &m.tracking),
        Field::toggle(
            "direct",
            "Sent straight from the lab to the doctor",
            m.direct,
        ),
        Field::text("note", "Note", &m.note),
    ]
}

fn read(r: &mut Reader<'_>) -> Saving {
    Saving::Record(AnyDraft::CustodyMove(CustodyMoveDraft {
        item_id: r.required_id("item"),
        from: r.text("from"),
        to: r.required("to"),
        moved_on: r.date("moved_on"),
        method: r.text("method"),
        tracking: r.text("tracking"),
        direct: r.toggle("direct"),
        note: r.text("note"),
    }))
}
