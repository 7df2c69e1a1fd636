//! The case's form: the patient, the question under review, the decision
//! date, and how long an original may be away before it is flagged.

use chrono::NaiveDate;

use super::picks::date_text;
use super::{KindForm, Reader, Saving, all_offered, new_form, stored_form};
use crate::app::form::{Field, Form};
use crate::domain::{AnyDraft, CaseDraft, CaseSnapshot, RecordId, RecordKind, RecordRef};

pub(super) const FORM: KindForm = KindForm {
    blank,
    stored,
    read,
    not_offered: all_offered,
};

fn blank(_: &CaseSnapshot, _: NaiveDate, _: &[RecordRef]) -> Option<Form> {
    // A case being started has no one to name yet besides its patient.
    let mut fields = fields(&CaseDraft::default());
    fields.retain(|f| f.key != "decision_writer");
    Some(new_form(RecordKind::Case, fields))
}

fn stored(case: &CaseSnapshot, id: RecordId) -> Option<Form> {
    let c = case.case.as_ref().filter(|c| c.id == id)?;
    Some(stored_form(
        RecordKind::Case,
        c.id,
        c.stamp.version,
        fields(c),
    ))
}

fn fields(c: &CaseDraft) -> Vec<Field> {
    vec![
        Field::line("patient", "Patient", &c.patient)
            .required()
            .placeholder("the patient's full name"),
        Field::text("question", "Question under review", &c.question),
        Field::date("decide_by", "Decide by", &date_text(c.decide_by)),
        Field::line(
            "originals_away_days",
            "Flag originals away from their owner longer than (days)",
            &c.originals_away_days.to_string(),
        ),
        Field::line(
            "decision_writer",
            "Besides the patient, may record the decision",
            &c.decision_writer,
        )
        .placeholder("nobody else"),
    ]
}

/// Only the patient names who else may record the decision.
fn read(r: &mut Reader<'_>) -> Saving {
    let decision_writer = r.text("decision_writer");
    let before = r.case.case.as_ref().map(|c| c.decision_writer.clone());
    if before.is_some_and(|before| before != decision_writer)
        && !crate::domain::decision::may_decide(r.case, r.author)
    {
        r.errors.push((
            "decision_writer".into(),
            crate::domain::decision::not_theirs(r.case, r.author),
        ));
    }
    Saving::Record(AnyDraft::Case(CaseDraft {
        patient: r.required("patient"),
        question: r.text("question"),
        decide_by: r.optional_date("decide_by"),
        // Whether the case is the demo is kept by the store, not typed.
        is_demo: false,
        originals_away_days: r
            .optional_days("originals_away_days")
            .unwrap_or(crate::domain::DEFAULT_ORIGINALS_AWAY_DAYS),
        decision_writer,
    }))
}
