//! The form of a view of someone close to the patient: whose it is, the
//! option they prefer, pressure felt or put on, and whether they can
//! support the patient's choice.

use chrono::NaiveDate;

use super::picks::{choices, options};
use super::{KindForm, Reader, Saving, all_offered, new_form, stored_form};
use crate::app::form::{Field, Form};
use crate::domain::text::normalize;
use crate::domain::{
    AnyDraft, CaseSnapshot, Choice, Pressure, RecordId, RecordKind, RecordRef, Support, ViewDraft,
};

pub(super) const FORM: KindForm = KindForm {
    blank,
    stored,
    read,
    not_offered: all_offered,
};

fn blank(case: &CaseSnapshot, _: NaiveDate, _: &[RecordRef]) -> Option<Form> {
    let draft = ViewDraft {
        person: String::new(),
        prefers: None,
        pressure: Pressure::None,
        supports: Support::Unsure,
        note: String::new(),
    };
    Some(new_form(RecordKind::View, fields(case, &draft)))
}

fn stored(case: &CaseSnapshot, id: RecordId) -> Option<Form> {
    let v = case.views.iter().find(|v| v.id == id)?;
    Some(stored_form(
        RecordKind::View,
        v.id,
        v.stamp.version,
        fields(case, v),
    ))
}

fn fields(case: &CaseSnapshot, v: &ViewDraft) -> Vec<Field> {
    vec![
        Field::line("person", "Whose view", &v.person).placeholder("yours, if left empty"),
        Field::choice(
            "prefers",
            "Prefers",
            options(case, Some("no option")),
            &super::picks::id_key(v.prefers),
        ),
        Field::choice(
            "pressure",
            "Pressure",
            choices::<Pressure>(),
            v.pressure.key(),
        ),
        Field::choice(
            "supports",
            "The patient's choice",
            choices::<Support>(),
            v.supports.key(),
        ),
        Field::text("note", "Note", &v.note),
    ]
}

/// A view left without a name is the writer's own. The patient's own
/// leaning is kept apart.
fn read(r: &mut Reader<'_>) -> Saving {
    let typed = r.text("person");
    let person = if typed.is_empty() {
        r.author.trim().to_string()
    } else {
        typed
    };
    let patient = r.case.case.as_ref().map(|c| c.patient.clone());
    if patient.is_some_and(|p| normalize(&p) == normalize(&person)) {
        r.errors.push((
            "person".into(),
            "The patient's own leaning is kept apart from the views of others: \
             use \"My leaning\" (L) instead"
                .into(),
        ));
    }
    Saving::Record(AnyDraft::View(ViewDraft {
        person,
        prefers: r.id("prefers"),
        pressure: r.choice("pressure").unwrap_or(Pressure::None),
        supports: r.choice("supports").unwrap_or(Support::Unsure),
        note: r.text("note"),
    }))
}
