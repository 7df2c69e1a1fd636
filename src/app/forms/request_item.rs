//! The form that links an item to the record request that asks for it.

use chrono::NaiveDate;

use super::picks::{items, requests};
use super::{KindForm, Reader, Saving, all_offered, new_form, opened_from, stored_form};
use crate::app::form::{Field, Form};
use crate::domain::{AnyDraft, CaseSnapshot, RecordId, RecordKind, RecordRef, RequestItemDraft};

pub(super) const FORM: KindForm = KindForm {
    blank,
    stored,
    read,
    not_offered: all_offered,
};

/// Opened from a request, on the first item.
fn blank(case: &CaseSnapshot, _: NaiveDate, context: &[RecordRef]) -> Option<Form> {
    let draft = RequestItemDraft {
        request_id: opened_from(context, RecordKind::Request)?,
        item_id: opened_from(context, RecordKind::Item).or(case.items.first().map(|i| i.id))?,
    };
    Some(new_form(RecordKind::RequestItem, fields(case, &draft)))
}

fn stored(case: &CaseSnapshot, id: RecordId) -> Option<Form> {
    let r = case.request_items.iter().find(|r| r.id == id)?;
    Some(stored_form(
        RecordKind::RequestItem,
        r.id,
        r.stamp.version,
        fields(case, r),
    ))
}

fn fields(case: &CaseSnapshot, r: &RequestItemDraft) -> Vec<Field> {
    vec![
        Field::choice(
            "item",
            "Item asked for",
            items(case),
            &r.item_id.to_string(),
        ),
        Field::choice(
            "request",
            "Request",
            requests(case),
            &r.request_id.to_string(),
        ),
    ]
}

fn read(r: &mut Reader<'_>) -> Saving {
    Saving::Record(AnyDraft::RequestItem(RequestItemDraft {
        request_id: r.required_id("request"),
        item_id: r.required_id("item"),
    }))
}
