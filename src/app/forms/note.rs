//! The note's form: what the family wrote, on the case or on the record
//! the note was opened from.

use chrono::NaiveDate;

use super::{KindForm, Reader, Saving, all_offered, new_form, stored_form};
use crate::app::form::{Field, Form};
use crate::domain::{AnyDraft, CaseSnapshot, Choice, NoteDraft, RecordId, RecordKind, RecordRef};

pub(super) const FORM: KindForm = KindForm {
    blank,
    stored,
    read,
    not_offered: all_offered,
};

/// A new note is on the record it was opened from, or on the case.
fn blank(_: &CaseSnapshot, _: NaiveDate, context: &[RecordRef]) -> Option<Form> {
    let mut form = new_form(
        RecordKind::Note,
        fields(&NoteDraft {
            on: None,
            body: String::new(),
        }),
    );
    form.belongs_to = context.first().copied();
    form.title = match form.belongs_to {
        Some(on) => format!("Add a note on this {}", on.kind.label()),
        None => "Add a note on the case".into(),
    };
    Some(form)
}

fn stored(case: &CaseSnapshot, id: RecordId) -> Option<Form> {
    let n = case.notes.iter().find(|n| n.id == id)?;
    let mut form = stored_form(RecordKind::Note, n.id, n.stamp.version, fields(n));
    form.belongs_to = n.on;
    Some(form)
}

fn fields(n: &NoteDraft) -> Vec<Field> {
    vec![Field::text("body", "Note", &n.body).required()]
}

fn read(r: &mut Reader<'_>) -> Saving {
    Saving::Record(AnyDraft::Note(NoteDraft {
        on: r.form.belongs_to,
        body: r.required("body"),
    }))
}
