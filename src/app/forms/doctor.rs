//! The doctor's form: who they are, where they work and trained, and how
//! to reach them.

use chrono::NaiveDate;

use super::{KindForm, Reader, Saving, all_offered, new_form, stored_form};
use crate::app::form::{Field, Form};
use crate::domain::{AnyDraft, CaseSnapshot, DoctorDraft, RecordId, RecordKind, RecordRef};

pub(super) const FORM: KindForm = KindForm {
    blank,
    stored,
    read,
    not_offered: all_offered,
};

fn blank(_: &CaseSnapshot, _: NaiveDate, _: &[RecordRef]) -> Option<Form> {
    Some(new_form(
        RecordKind::Doctor,
        fields(&DoctorDraft::default()),
    ))
}

fn stored(case: &CaseSnapshot, id: RecordId) -> Option<Form> {
    let d = case.doctors.iter().find(|d| d.id == id)?;
    Some(stored_form(
        RecordKind::Doctor,
        d.id,
        d.stamp.version,
        fields(d),
    ))
}

fn fields(d: &DoctorDraft) -> Vec<Field> {
    vec![
        Field::line("name", "Name", &d.name)
            .required()
            .placeholder("e.g. Dr. Helen Park"),
        Field::line("specialty", "Specialty", &d.specialty),
        Field::line("institution", "Institution", &d.institution),
        Field::line("trained_at", "Trained at", &d.trained_at),
        Field::line("contact", "Contact", &d.contact),
        Field::line("network", "Insurance network", &d.network),
    ]
}

fn read(r: &mut Reader<'_>) -> Saving {
    Saving::Record(AnyDraft::Doctor(DoctorDraft {
        name: r.required("name"),
        specialty: r.text("specialty"),
        institution: r.text("institution"),
        trained_at: r.text("trained_at"),
        contact: r.text("contact"),
        network: r.text("network"),
    }))
}
