//! The form of one stance: what one opinion says on one topic, in a few
//! words the grid compares, and its detail.

use chrono::NaiveDate;

use super::picks::{opinions, topics};
use super::{KindForm, Reader, Saving, all_offered, new_form, opened_from, stored_form};
use crate::app::form::{Field, Form};
use crate::domain::{AnyDraft, CaseSnapshot, RecordId, RecordKind, RecordRef, StanceDraft};

pub(super) const FORM: KindForm = KindForm {
    blank,
    stored,
    read,
    not_offered: all_offered,
};

/// A new stance is on the opinion and topic it was opened from, else the
/// first of each.
fn blank(case: &CaseSnapshot, _: NaiveDate, context: &[RecordRef]) -> Option<Form> {
    let draft = StanceDraft {
        opinion_id: opened_from(context, RecordKind::Opinion)
            .or(case.opinions.first().map(|o| o.id))?,
        topic_id: opened_from(context, RecordKind::Topic).or(case.topics.first().map(|t| t.id))?,
        stance: String::new(),
        detail: String::new(),
    };
    Some(new_form(RecordKind::Stance, fields(case, &draft)))
}

fn stored(case: &CaseSnapshot, id: RecordId) -> Option<Form> {
    let p = case.stances.iter().find(|p| p.id == id)?;
    Some(stored_form(
        RecordKind::Stance,
        p.id,
        p.stamp.version,
        fields(case, p),
    ))
}

fn fields(case: &CaseSnapshot, p: &StanceDraft) -> Vec<Field> {
    vec![
        Field::line("stance", "Stance (a few words)", &p.stance).required(),
        Field::text("detail", "Detail", &p.detail),
        Field::choice(
            "opinion",
            "Opinion",
            opinions(case),
            &p.opinion_id.to_string(),
        ),
        Field::choice(
            "topic",
            "Topic",
            topics(case, None),
            &p.topic_id.to_string(),
        ),
    ]
}

fn read(r: &mut Reader<'_>) -> Saving {
    Saving::Record(AnyDraft::Stance(StanceDraft {
        opinion_id: r.required_id("opinion"),
        topic_id: r.required_id("topic"),
        stance: r.required("stance"),
        detail: r.text("detail"),
    }))
}
