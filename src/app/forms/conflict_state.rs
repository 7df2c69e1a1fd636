//! The form of a conflict's status: where a disagreement between the
//! doctors stands, and how it was resolved.

use chrono::NaiveDate;

use super::picks::choices;
use super::{KindForm, Reader, Saving, all_offered, new_form, opened_from, stored_form};
use crate::app::form::{Field, Form};
use crate::domain::{
    AnyDraft, CaseSnapshot, Choice, ConflictStateDraft, ConflictStatus, RecordId, RecordKind,
    RecordRef,
};

pub(super) const FORM: KindForm = KindForm {
    blank,
    stored,
    read,
    not_offered: all_offered,
};

/// Opened from the topic the doctors disagree on.
fn blank(_: &CaseSnapshot, _: NaiveDate, context: &[RecordRef]) -> Option<Form> {
    let topic_id = opened_from(context, RecordKind::Topic)?;
    let mut form = new_form(
        RecordKind::ConflictState,
        fields(&ConflictStateDraft {
            topic_id,
            status: ConflictStatus::Open,
            resolution: String::new(),
        }),
    );
    form.belongs_to = Some(RecordRef {
        kind: RecordKind::Topic,
        id: topic_id,
    });
    Some(form)
}

fn stored(case: &CaseSnapshot, id: RecordId) -> Option<Form> {
    let c = case.conflict_states.iter().find(|c| c.id == id)?;
    let mut form = stored_form(RecordKind::ConflictState, c.id, c.stamp.version, fields(c));
    form.belongs_to = Some(RecordRef {
        kind: RecordKind::Topic,
        id: c.topic_id,
    });
    Some(form)
}

fn fields(c: &ConflictStateDraft) -> Vec<Field> {
    vec![
        Field::choice(
            "status",
            "Status",
            choices::<ConflictStatus>(),
            c.status.key(),
        ),
        Field::text(
            "resolution",
            "Resolution: what was decided, or what is being done",
            &c.resolution,
        ),
    ]
}

fn read(r: &mut Reader<'_>) -> Saving {
    Saving::Record(AnyDraft::ConflictState(ConflictStateDraft {
        topic_id: r.form.belongs_to.map_or(0, |topic| topic.id),
        status: r.choice("status").unwrap_or(ConflictStatus::Open),
        resolution: r.text("resolution"),
    }))
}
