//! The form of the patient's leaning: the option the patient leans to
//! now, or unsure. Only the patient (or the writer the patient named)
//! records it.

use chrono::NaiveDate;

use super::picks::options;
use super::{KindForm, Reader, Saving, all_offered, new_form, opened_from, stored_form};
use crate::app::form::{Field, Form};
use crate::domain::decision::{may_decide, not_theirs};
use crate::domain::{AnyDraft, CaseSnapshot, LeaningDraft, RecordId, RecordKind, RecordRef};

pub(super) const FORM: KindForm = KindForm {
    blank,
    stored,
    read,
    not_offered: all_offered,
};

fn blank(case: &CaseSnapshot, _: NaiveDate, context: &[RecordRef]) -> Option<Form> {
    let draft = LeaningDraft {
        option_id: opened_from(context, RecordKind::DecisionOption),
        note: String::new(),
    };
    Some(new_form(RecordKind::Leaning, fields(case, &draft)))
}

fn stored(case: &CaseSnapshot, id: RecordId) -> Option<Form> {
    let l = case.leanings.iter().find(|l| l.id == id)?;
    Some(stored_form(
        RecordKind::Leaning,
        l.id,
        l.stamp.version,
        fields(case, l),
    ))
}

fn fields(case: &CaseSnapshot, l: &LeaningDraft) -> Vec<Field> {
    vec![
        Field::choice(
            "option",
            "I lean to",
            options(case, Some("I am unsure")),
            &super::picks::id_key(l.option_id),
        ),
        Field::text("note", "Why, for now", &l.note),
    ]
}

fn read(r: &mut Reader<'_>) -> Saving {
    if !may_decide(r.case, r.author) {
        r.errors
            .push(("option".into(), not_theirs(r.case, r.author)));
    }
    Saving::Record(AnyDraft::Leaning(LeaningDraft {
        option_id: r.id("option"),
        note: r.text("note"),
    }))
}
