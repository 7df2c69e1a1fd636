//! The question's form: who it is for, the question, where it stands and
//! its answer, and the topic it is about.

use chrono::NaiveDate;

use super::picks::{choices, date_text, doctors, id_key, topics};
use super::{KindForm, Reader, Saving, all_offered, new_form, opened_from, stored_form};
use crate::app::form::{Field, Form};
use crate::domain::{
    AnyDraft, CaseSnapshot, Choice, QuestionDraft, QuestionStatus, RecordId, RecordKind, RecordRef,
};

pub(super) const FORM: KindForm = KindForm {
    blank,
    stored,
    read,
    not_offered: all_offered,
};

/// A new question is for the doctor, and about the topic, it was opened
/// from; else for any doctor. Opened from a factor not known yet, it
/// starts with the factor's words and is linked to it.
fn blank(case: &CaseSnapshot, _: NaiveDate, context: &[RecordRef]) -> Option<Form> {
    let factor = opened_from(context, RecordKind::Factor)
        .and_then(|id| case.factors.iter().find(|f| f.id == id));
    let draft = QuestionDraft {
        doctor_id: opened_from(context, RecordKind::Doctor),
        text: factor.map_or_else(String::new, |f| f.text.trim().to_string()),
        status: QuestionStatus::Open,
        answer: String::new(),
        asked_on: None,
        answered_on: None,
        topic_id: opened_from(context, RecordKind::Topic),
        blind_text: String::new(),
        former_doctor: String::new(),
        factor_id: None,
    };
    let mut form = new_form(RecordKind::Question, fields(case, &draft));
    form.belongs_to = factor.map(|f| RecordRef {
        kind: RecordKind::Factor,
        id: f.id,
    });
    Some(form)
}

fn stored(case: &CaseSnapshot, id: RecordId) -> Option<Form> {
    let q = case.questions.iter().find(|q| q.id == id)?;
    Some(stored_form(
        RecordKind::Question,
        q.id,
        q.stamp.version,
        fields(case, q),
    ))
}

fn fields(case: &CaseSnapshot, q: &QuestionDraft) -> Vec<Field> {
    // A question whose doctor was removed stays hers until another doctor
    // is chosen (the store keeps her name).
    let nobody = if q.doctor_id.is_none() {
        case.asked_of(q)
    } else {
        "any doctor".to_string()
    };
    vec![
        Field::choice(
            "doctor",
            "For",
            doctors(case, Some(&nobody)),
            &id_key(q.doctor_id),
        )
        .context(),
        Field::text("text", "Question", &q.text).required(),
        Field::choice(
            "status",
            "Status",
            choices::<QuestionStatus>(),
            q.status.key(),
        ),
        Field::text("answer", "Answer", &q.answer),
        Field::date("asked_on", "Asked on", &date_text(q.asked_on)),
        Field::date("answered_on", "Answered on", &date_text(q.answered_on)),
        Field::choice(
            "topic",
            "About",
            topics(case, Some("no topic")),
            &id_key(q.topic_id),
        ),
    ]
}

/// Typing an answer marks an open or asked question answered, unless its
/// status is chosen in the same form (or given with it on the command
/// line). Asked and answered questions get
/// today's date where none is given, and an answered one needs its answer.
fn read(r: &mut Reader<'_>) -> Saving {
    let answer = r.text("answer");
    let answered_now = !answer.is_empty() && r.form.changed("answer") && !r.form.changed("status");
    let status = match r.choice("status").unwrap_or(QuestionStatus::Open) {
        QuestionStatus::Open | QuestionStatus::Asked if answered_now => QuestionStatus::Answered,
        status => status,
    };
    let mut asked_on = r.optional_date("asked_on");
    let mut answered_on = r.optional_date("answered_on");
    if matches!(status, QuestionStatus::Asked | QuestionStatus::Answered) {
        asked_on = asked_on.or(Some(r.today));
    }
    if status == QuestionStatus::Answered {
        answered_on = answered_on.or(Some(r.today));
        if answer.is_empty() {
            r.errors.push((
                "answer".into(),
                "An answered question needs its answer: write the answer, or choose the status asked"
                    .into(),
            ));
        }
    }
    Saving::Record(AnyDraft::Question(QuestionDraft {
        doctor_id: r.id("doctor"),
        text: r.required("text"),
        status,
        answer,
        asked_on,
        answered_on,
        topic_id: r.id("topic"),
        blind_text: String::new(),
        former_doctor: String::new(),
        // A new question raised from a factor is linked to it; an edit
        // keeps the link the stored question has.
        factor_id: r
            .form
            .belongs_to
            .filter(|on| on.kind == RecordKind::Factor && r.form.target.editing.is_none())
            .map(|on| on.id),
    }))
}
