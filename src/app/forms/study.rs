//! The form of a study on a disc: what the disc's index says of one
//! imaging study. Studies are mostly read from a disc (`casefile import
//! disc`); the form lets the family correct one or type one in.

use chrono::NaiveDate;

use super::picks::{date_text, items};
use super::{KindForm, Reader, Saving, all_offered, new_form, opened_from, stored_form};
use crate::app::form::{Field, Form};
use crate::domain::{
    AnyDraft, CaseSnapshot, ItemForm, RecordId, RecordKind, RecordRef, StudyDraft,
};

pub(super) const FORM: KindForm = KindForm {
    blank,
    stored,
    read,
    not_offered: all_offered,
};

/// A new study is on the item it was opened from, else on the first
/// disc, else on the first item.
fn blank(case: &CaseSnapshot, _: NaiveDate, context: &[RecordRef]) -> Option<Form> {
    let item_id = opened_from(context, RecordKind::Item)
        .or_else(|| {
            case.items
                .iter()
                .find(|i| i.form == ItemForm::Disc)
                .map(|i| i.id)
        })
        .or(case.items.first().map(|i| i.id))?;
    let draft = StudyDraft {
        item_id,
        uid: String::new(),
        taken_on: None,
        modality: String::new(),
        description: String::new(),
        accession: String::new(),
        institution: String::new(),
        referring: String::new(),
        series: 0,
        images: 0,
        disc_digest: String::new(),
    };
    Some(new_form(RecordKind::Study, fields(case, &draft)))
}

fn stored(case: &CaseSnapshot, id: RecordId) -> Option<Form> {
    let s = case.studies.iter().find(|s| s.id == id)?;
    Some(stored_form(
        RecordKind::Study,
        s.id,
        s.stamp.version,
        fields(case, s),
    ))
}

fn fields(case: &CaseSnapshot, s: &StudyDraft) -> Vec<Field> {
    vec![
        Field::choice("item", "On the disc", items(case), &s.item_id.to_string()).context(),
        Field::line("description", "Description", &s.description),
        Field::date("taken_on", "Done on", &date_text(s.taken_on)),
        Field::line("modality", "Modality (MR, CT...)", &s.modality),
        Field::line("institution", "Institution", &s.institution),
        Field::line("accession", "Accession number", &s.accession),
        Field::line("referring", "Referring doctor", &s.referring),
        Field::line("series", "Series", &s.series.to_string()),
        Field::line("images", "Images", &s.images.to_string()),
        Field::line("uid", "Study UID", &s.uid),
    ]
}

fn read(r: &mut Reader<'_>) -> Saving {
    Saving::Record(AnyDraft::Study(StudyDraft {
        item_id: r.required_id("item"),
        uid: r.text("uid"),
        taken_on: r.optional_date("taken_on"),
        modality: r.text("modality").to_uppercase(),
        description: r.text("description"),
        accession: r.text("accession"),
        institution: r.text("institution"),
        referring: r.text("referring"),
        series: r.whole_number("series"),
        images: r.whole_number("images"),
        // Kept by the store when a study read from a disc is edited.
        disc_digest: String::new(),
    }))
}
