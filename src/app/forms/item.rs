//! The form of an item (a scan, a set of slides, a tissue block, a
//! report): what it is, who made it, and who held it before any move.

use chrono::NaiveDate;

use super::picks::{choices, date_text, id_key, items};
use super::{KindForm, Reader, Saving, all_offered, new_form, stored_form};
use crate::app::form::{Field, Form, Pick};
use crate::domain::{
    AnyDraft, CaseSnapshot, Choice, ItemDraft, ItemForm, ItemKind, RecordId, RecordKind, RecordRef,
};

pub(super) const FORM: KindForm = KindForm {
    blank,
    stored,
    read,
    not_offered: all_offered,
};

fn blank(case: &CaseSnapshot, _: NaiveDate, _: &[RecordRef]) -> Option<Form> {
    let draft = ItemDraft {
        kind: ItemKind::Report,
        description: String::new(),
        taken_on: None,
        facility: String::new(),
        form: ItemForm::Paper,
        is_original: false,
        held_by: String::new(),
        copy_of: None,
    };
    Some(new_form(RecordKind::Item, fields(case, &draft, None)))
}

fn stored(case: &CaseSnapshot, id: RecordId) -> Option<Form> {
    let i = case.items.iter().find(|i| i.id == id)?;
    Some(stored_form(
        RecordKind::Item,
        i.id,
        i.stamp.version,
        fields(case, i, Some(i.id)),
    ))
}

/// `editing` is the item being changed, which cannot be a copy of itself.
fn fields(case: &CaseSnapshot, i: &ItemDraft, editing: Option<RecordId>) -> Vec<Field> {
    let mut copies: Vec<Pick> = vec![Pick::new("", "nothing: it is not a copy of another item")];
    copies.extend(
        items(case)
            .into_iter()
            .filter(|p| Some(p.key.as_str()) != editing.map(|id| id.to_string()).as_deref()),
    );
    vec![
        Field::line("description", "Description", &i.description).required(),
        Field::choice("kind", "Kind", choices::<ItemKind>(), i.kind.key()),
        Field::choice("form", "Form", choices::<ItemForm>(), i.form.key()),
        Field::toggle("is_original", "Original (not a copy)", i.is_original),
        Field::date("taken_on", "Taken on", &date_text(i.taken_on)),
        Field::line("facility", "Made by (facility)", &i.facility),
        Field::line("held_by", "Held by, before any move", &i.held_by),
        Field::choice("copy_of", "A copy of", copies, &id_key(i.copy_of)),
    ]
}

/// An item nobody is named as holding is with the facility that made it.
fn read(r: &mut Reader<'_>) -> Saving {
    let facility = r.text("facility");
    let held_by = match r.text("held_by") {
        holder if holder.is_empty() => facility.clone(),
        holder => holder,
    };
    Saving::Record(AnyDraft::Item(ItemDraft {
        kind: r.choice("kind").unwrap_or(ItemKind::Report),
        description: r.required("description"),
        taken_on: r.optional_date("taken_on"),
        facility,
        form: r.choice("form").unwrap_or(ItemForm::Paper),
        is_original: r.toggle("is_original"),
        held_by,
        copy_of: r.id("copy_of"),
    }))
}
