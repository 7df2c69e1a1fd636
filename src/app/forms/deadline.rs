//! The form of a deadline or an appointment: what, when, with whom, and
//! whether it is done.

use chrono::NaiveDate;

use super::picks::{choices, doctors, id_key};
use super::{KindForm, Reader, Saving, new_form, spelled, stored_form};
use crate::app::form::{Field, Form, Pick};
use crate::domain::validate::FieldError;
use crate::domain::{
    AnyDraft, CaseSnapshot, Choice, DeadlineDraft, DeadlineKind, RecordId, RecordKind, RecordRef,
};

pub(super) const FORM: KindForm = KindForm {
    blank,
    stored,
    read,
    not_offered,
};

/// A new deadline is an appointment, today.
fn blank(case: &CaseSnapshot, today: NaiveDate, _: &[RecordRef]) -> Option<Form> {
    let draft = DeadlineDraft {
        title: String::new(),
        kind: DeadlineKind::Appointment,
        due_on: today,
        doctor_id: None,
        done: false,
        notes: String::new(),
    };
    Some(new_form(RecordKind::Deadline, fields(case, &draft)))
}

fn stored(case: &CaseSnapshot, id: RecordId) -> Option<Form> {
    let d = case.deadlines.iter().find(|d| d.id == id)?;
    Some(stored_form(
        RecordKind::Deadline,
        d.id,
        d.stamp.version,
        fields(case, d),
    ))
}

/// A request's due date is the request's own, never typed: its kind is
/// not offered.
fn fields(case: &CaseSnapshot, d: &DeadlineDraft) -> Vec<Field> {
    let kinds: Vec<Pick> = choices::<DeadlineKind>()
        .into_iter()
        .filter(|p| p.key != DeadlineKind::RequestDue.key())
        .collect();
    vec![
        Field::line("title", "What", &d.title).required(),
        Field::date("due_on", "Date", &d.due_on.to_string()).required(),
        Field::choice("kind", "Kind", kinds, d.kind.key()),
        Field::choice(
            "doctor",
            "With",
            doctors(case, Some("no doctor")),
            &id_key(d.doctor_id),
        ),
        Field::toggle("done", "Done", d.done),
        Field::text("notes", "Notes", &d.notes),
    ]
}

fn not_offered(key: &str, typed: &str) -> Option<FieldError> {
    let due = DeadlineKind::RequestDue;
    (key == "kind" && [spelled(due.key()), spelled(due.label())].contains(&spelled(typed))).then(
        || "Request due dates come from the requests themselves: add a request instead".to_string(),
    )
}

fn read(r: &mut Reader<'_>) -> Saving {
    Saving::Record(AnyDraft::Deadline(DeadlineDraft {
        title: r.required("title"),
        kind: r.choice("kind").unwrap_or(DeadlineKind::Custom),
        due_on: r.date("due_on"),
        doctor_id: r.id("doctor"),
        done: r.toggle("done"),
        notes: r.text("notes"),
    }))
}
