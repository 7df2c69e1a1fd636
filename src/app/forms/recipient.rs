//! The form of a doctor who needs an item: who, and when it reached them,
//! the item itself or only its report.

use chrono::NaiveDate;

use super::picks::{choices, date_text, doctors, items};
use super::{KindForm, Reader, Saving, all_offered, new_form, opened_from, stored_form};
use crate::app::form::{Field, Form};
use crate::domain::{
    AnyDraft, CaseSnapshot, Choice, ItemRecipientDraft, ReceivedAs, RecordId, RecordKind, RecordRef,
};

pub(super) const FORM: KindForm = KindForm {
    blank,
    stored,
    read,
    not_offered: all_offered,
};

/// A new recipient is of the item it was opened from, else the first
/// item, and the first doctor not yet listed for it.
fn blank(case: &CaseSnapshot, _: NaiveDate, context: &[RecordRef]) -> Option<Form> {
    let item_id = opened_from(context, RecordKind::Item).or(case.items.first().map(|i| i.id))?;
    let listed = |doctor: RecordId| {
        case.item_recipients
            .iter()
            .any(|r| r.item_id == item_id && r.doctor_id == doctor)
    };
    let doctor_id = case
        .doctors
        .iter()
        .map(|d| d.id)
        .find(|id| !listed(*id))
        .or(case.doctors.first().map(|d| d.id))?;
    let draft = ItemRecipientDraft {
        item_id,
        doctor_id,
        received_on: None,
        received_as: ReceivedAs::Item,
    };
    Some(new_form(RecordKind::ItemRecipient, fields(case, &draft)))
}

fn stored(case: &CaseSnapshot, id: RecordId) -> Option<Form> {
    let r = case.item_recipients.iter().find(|r| r.id == id)?;
    Some(stored_form(
        RecordKind::ItemRecipient,
        r.id,
        r.stamp.version,
        fields(case, r),
    ))
}

fn fields(case: &CaseSnapshot, r: &ItemRecipientDraft) -> Vec<Field> {
    vec![
        Field::choice("item", "Item", items(case), &r.item_id.to_string()).context(),
        Field::choice(
            "doctor",
            "Doctor who needs it",
            doctors(case, None),
            &r.doctor_id.to_string(),
        ),
        Field::date(
            "received_on",
            "Received on (empty while waiting)",
            &date_text(r.received_on),
        ),
        Field::choice(
            "received_as",
            "What reached the doctor",
            choices::<ReceivedAs>(),
            r.received_as.key(),
        ),
    ]
}

fn read(r: &mut Reader<'_>) -> Saving {
    Saving::Record(AnyDraft::ItemRecipient(ItemRecipientDraft {
        item_id: r.required_id("item"),
        doctor_id: r.required_id("doctor"),
        received_on: r.optional_date("received_on"),
        received_as: r.choice("received_as").unwrap_or_default(),
    }))
}
