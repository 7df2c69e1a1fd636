//! The topic's form: a row of the opinion grid, and its place there.

use chrono::NaiveDate;

use super::{KindForm, Reader, Saving, all_offered, new_form, stored_form};
use crate::app::form::{Field, Form};
use crate::domain::{AnyDraft, CaseSnapshot, RecordId, RecordKind, RecordRef, TopicDraft};

pub(super) const FORM: KindForm = KindForm {
    blank,
    stored,
    read,
    not_offered: all_offered,
};

/// A new topic goes last in the grid.
fn blank(case: &CaseSnapshot, _: NaiveDate, _: &[RecordRef]) -> Option<Form> {
    let draft = TopicDraft {
        name: String::new(),
        sort_order: case.topics.iter().map(|t| t.sort_order).max().unwrap_or(-1) + 1,
    };
    Some(new_form(RecordKind::Topic, fields(&draft)))
}

fn stored(case: &CaseSnapshot, id: RecordId) -> Option<Form> {
    let t = case.topics.iter().find(|t| t.id == id)?;
    Some(stored_form(
        RecordKind::Topic,
        t.id,
        t.stamp.version,
        fields(t),
    ))
}

fn fields(t: &TopicDraft) -> Vec<Field> {
    vec![
        Field::line("name", "Topic", &t.name).required(),
        Field::line("sort_order", "Place in the grid", &t.sort_order.to_string()),
    ]
}

fn read(r: &mut Reader<'_>) -> Saving {
    let name = r.required("name");
    let sort_order = r.whole_number("sort_order");
    Saving::Record(AnyDraft::Topic(TopicDraft { name, sort_order }))
}
