//! The decision's form: the option chosen, the day, the reasons (the
//! factors that weighed most are offered), and what would make the patient
//! look again, and when. A case holds one decision: recording it again
//! revises it, and the history keeps every earlier version.

use chrono::NaiveDate;

use super::picks::{date_text, options};
use super::{KindForm, Reader, Saving, all_offered, new_form, opened_from, stored_form};
use crate::app::form::{Field, Form};
use crate::domain::decision::{may_decide, not_theirs, offered_reasons};
use crate::domain::{AnyDraft, CaseSnapshot, DecisionDraft, RecordId, RecordKind, RecordRef};

pub(super) const FORM: KindForm = KindForm {
    blank,
    stored,
    read,
    not_offered: all_offered,
};

/// The decision for the option it was opened from (or the patient's
/// leaning), today, with the reasons that option's weightiest factors
/// give. Once a decision is recorded, its form, to revise it.
fn blank(case: &CaseSnapshot, today: NaiveDate, context: &[RecordRef]) -> Option<Form> {
    if let Some(decision) = crate::domain::decision::decision(case) {
        return stored(case, decision.id);
    }
    let option_id = opened_from(context, RecordKind::DecisionOption)
        .or_else(|| crate::domain::decision::leaning(case).and_then(|l| l.option_id))
        .or_else(|| case.options.iter().find(|o| !o.not_for_me).map(|o| o.id))?;
    let draft = DecisionDraft {
        option_id,
        decided_on: today,
        reasons: offered_reasons(case, option_id),
        look_again_if: String::new(),
        look_again_on: None,
    };
    let mut form = new_form(RecordKind::Decision, fields(case, &draft));
    form.title = "Record my decision".into();
    Some(form)
}

fn stored(case: &CaseSnapshot, id: RecordId) -> Option<Form> {
    let d = case.decisions.iter().find(|d| d.id == id)?;
    let mut form = stored_form(RecordKind::Decision, d.id, d.stamp.version, fields(case, d));
    form.title = "Revise my decision (the earlier one stays in the history)".into();
    Some(form)
}

fn fields(case: &CaseSnapshot, d: &DecisionDraft) -> Vec<Field> {
    vec![
        Field::choice(
            "option",
            "I choose",
            options(case, None),
            &d.option_id.to_string(),
        )
        .context(),
        Field::date("decided_on", "On", &d.decided_on.to_string()),
        Field::text("reasons", "Because", &d.reasons),
        Field::text("look_again_if", "I would look again if", &d.look_again_if),
        Field::date(
            "look_again_on",
            "Look again on",
            &date_text(d.look_again_on),
        ),
    ]
}

fn read(r: &mut Reader<'_>) -> Saving {
    if !may_decide(r.case, r.author) {
        r.errors
            .push(("option".into(), not_theirs(r.case, r.author)));
    }
    Saving::Record(AnyDraft::Decision(DecisionDraft {
        option_id: r.required_id("option"),
        decided_on: r.date("decided_on"),
        reasons: r.text("reasons"),
        look_again_if: r.text("look_again_if"),
        look_again_on: r.optional_date("look_again_on"),
    }))
}
