//! The form of a follow-up on a record request: when, by whom, and what
//! was said.

use chrono::NaiveDate;

use super::picks::requests;
use super::{KindForm, Reader, Saving, all_offered, new_form, opened_from, stored_form};
use crate::app::form::{Field, Form};
use crate::domain::{AnyDraft, CaseSnapshot, FollowUpDraft, RecordId, RecordKind, RecordRef};

pub(super) const FORM: KindForm = KindForm {
    blank,
    stored,
    read,
    not_offered: all_offered,
};

/// A new follow-up is on the request it was opened from, else the first,
/// today.
fn blank(case: &CaseSnapshot, today: NaiveDate, context: &[RecordRef]) -> Option<Form> {
    let draft = FollowUpDraft {
        request_id: opened_from(context, RecordKind::Request)
            .or(case.requests.first().map(|r| r.id))?,
        on: today,
        by: String::new(),
        said: String::new(),
    };
    Some(new_form(RecordKind::FollowUp, fields(case, &draft)))
}

fn stored(case: &CaseSnapshot, id: RecordId) -> Option<Form> {
    let f = case.follow_ups.iter().find(|f| f.id == id)?;
    Some(stored_form(
        RecordKind::FollowUp,
        f.id,
        f.stamp.version,
        fields(case, f),
    ))
}

fn fields(case: &CaseSnapshot, f: &FollowUpDraft) -> Vec<Field> {
    vec![
        Field::text("said", "What was said", &f.said).required(),
        Field::date("on", "Date", &f.on.to_string()).required(),
        Field::line("by", "Who followed up", &f.by),
        Field::choice(
            "request",
            "Request",
            requests(case),
            &f.request_id.to_string(),
        ),
    ]
}

fn read(r: &mut Reader<'_>) -> Saving {
    Saving::Record(AnyDraft::FollowUp(FollowUpDraft {
        request_id: r.required_id("request"),
        on: r.date("on"),
        by: r.text("by"),
        said: r.required("said"),
    }))
}
