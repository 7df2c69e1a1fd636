//! The form that says two stances on a topic mean the same, so that the
//! grid stops counting them as a disagreement.

use chrono::NaiveDate;

use super::picks::topics;
use super::{KindForm, Reader, Saving, all_offered, new_form, opened_from, stored_form};
use crate::app::form::{Field, Form, Pick};
use crate::domain::text::normalize;
use crate::domain::{AnyDraft, CaseSnapshot, EquivalenceDraft, RecordId, RecordKind, RecordRef};

pub(super) const FORM: KindForm = KindForm {
    blank,
    stored,
    read,
    not_offered: all_offered,
};

/// Opened from a stance, as the same as another stance on its topic.
fn blank(case: &CaseSnapshot, _: NaiveDate, context: &[RecordRef]) -> Option<Form> {
    let position = opened_from(context, RecordKind::Stance)
        .and_then(|id| case.stances.iter().find(|p| p.id == id))?;
    let stances = row_stances(case, position.topic_id);
    let other = stances.iter().find(|s| **s != position.stance).cloned()?;
    let draft = EquivalenceDraft {
        topic_id: position.topic_id,
        stance: position.stance.clone(),
        same_as: other,
    };
    Some(new_form(RecordKind::Equivalence, fields(case, &draft)))
}

fn stored(case: &CaseSnapshot, id: RecordId) -> Option<Form> {
    let e = case.equivalences.iter().find(|e| e.id == id)?;
    Some(stored_form(
        RecordKind::Equivalence,
        e.id,
        e.stamp.version,
        fields(case, e),
    ))
}

/// The different stances the opinions take on a topic, one for each way of
/// saying it, in the grid's order.
fn row_stances(case: &CaseSnapshot, topic_id: RecordId) -> Vec<String> {
    let mut stances: Vec<String> = Vec::new();
    let grid = crate::domain::conflict::StanceGrid::build(
        &case.topics,
        &case.opinions,
        &case.stances,
        &[],
    );
    if let Some(row) = grid.rows.iter().find(|r| r.topic_id == topic_id) {
        for cell in row.cells.iter().flatten() {
            if !stances
                .iter()
                .any(|s| normalize(s) == normalize(&cell.stance))
            {
                stances.push(cell.stance.clone());
            }
        }
    }
    stances
}

fn fields(case: &CaseSnapshot, e: &EquivalenceDraft) -> Vec<Field> {
    let mut stances = row_stances(case, e.topic_id);
    for stance in [&e.stance, &e.same_as] {
        if !stances.contains(stance) {
            stances.push(stance.clone());
        }
    }
    let picks: Vec<Pick> = stances
        .iter()
        .map(|s| Pick::new(s.clone(), s.clone()))
        .collect();
    let topic: Vec<Pick> = topics(case, None)
        .into_iter()
        .filter(|p| p.key == e.topic_id.to_string())
        .collect();
    vec![
        Field::choice("stance", "This stance", picks.clone(), &e.stance),
        Field::choice("same_as", "means the same as", picks, &e.same_as),
        Field::choice("topic", "On the topic", topic, &e.topic_id.to_string()),
    ]
}

fn read(r: &mut Reader<'_>) -> Saving {
    let stance = r.text("stance");
    let same_as = r.text("same_as");
    if normalize(&stance) == normalize(&same_as) {
        r.errors.push((
            "same_as".into(),
            "Choose a different stance: these two are already the same".into(),
        ));
    }
    Saving::Record(AnyDraft::Equivalence(EquivalenceDraft {
        topic_id: r.required_id("topic"),
        stance,
        same_as,
    }))
}
