//! The form of a record request: to whom, for what, when and how it was
//! sent, where the records go, and where it stands.

use chrono::NaiveDate;

use super::picks::{choices, date_text, doctors, id_key};
use super::{KindForm, Reader, Saving, all_offered, new_form, stored_form};
use crate::app::form::{Field, Form};
use crate::domain::{
    AnyDraft, CaseSnapshot, Choice, RecordId, RecordKind, RecordRef, RecordRequestDraft,
    RequestStatus,
};

pub(super) const FORM: KindForm = KindForm {
    blank,
    stored,
    read,
    not_offered: all_offered,
};

/// A new request was sent today, to be delivered to the patient.
fn blank(case: &CaseSnapshot, today: NaiveDate, _: &[RecordRef]) -> Option<Form> {
    let draft = RecordRequestDraft {
        to_whom: String::new(),
        what: String::new(),
        requested_on: today,
        method: String::new(),
        deliver_to_doctor: None,
        status: RequestStatus::Sent,
        local_limit_days: None,
        extended_on: None,
        received_on: None,
    };
    Some(new_form(RecordKind::Request, fields(case, &draft)))
}

fn stored(case: &CaseSnapshot, id: RecordId) -> Option<Form> {
    let r = case.requests.iter().find(|r| r.id == id)?;
    Some(stored_form(
        RecordKind::Request,
        r.id,
        r.stamp.version,
        fields(case, r),
    ))
}

fn fields(case: &CaseSnapshot, r: &RecordRequestDraft) -> Vec<Field> {
    vec![
        Field::line("to_whom", "To", &r.to_whom).required(),
        Field::text("what", "What is asked for", &r.what).required(),
        Field::date("requested_on", "Requested on", &r.requested_on.to_string()).required(),
        Field::line("method", "Method", &r.method),
        Field::choice(
            "deliver_to",
            "Deliver to",
            doctors(case, Some("the patient")),
            &id_key(r.deliver_to_doctor),
        ),
        Field::choice(
            "status",
            "Status",
            choices::<RequestStatus>(),
            r.status.key(),
        ),
        Field::line(
            "local_limit_days",
            "Shorter local limit, in days",
            &r.local_limit_days
                .map(|d| d.to_string())
                .unwrap_or_default(),
        ),
        Field::date(
            "extended_on",
            "Extended in writing on",
            &date_text(r.extended_on),
        ),
        Field::date(
            "received_on",
            "Received on (empty while waiting)",
            &date_text(r.received_on),
        ),
    ]
}

fn read(r: &mut Reader<'_>) -> Saving {
    let local_limit_days = r.optional_days("local_limit_days");
    Saving::Record(AnyDraft::Request(RecordRequestDraft {
        to_whom: r.required("to_whom"),
        what: r.required("what"),
        requested_on: r.date("requested_on"),
        method: r.text("method"),
        deliver_to_doctor: r.id("deliver_to"),
        status: r.choice("status").unwrap_or(RequestStatus::Sent),
        local_limit_days,
        extended_on: r.optional_date("extended_on"),
        received_on: r.optional_date("received_on"),
    }))
}
