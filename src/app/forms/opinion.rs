//! The opinion's form: what one doctor concluded on one date, then a
//! stance and its detail for every topic of the case, saved together.

use chrono::NaiveDate;

use super::picks::{choices, doctors};
use super::{KindForm, Reader, Saving, all_offered, new_form, opened_from, stored_form};
use crate::app::form::{Field, Form, Linked};
use crate::domain::{
    CaseSnapshot, Choice, OpinionDraft, OpinionForm, RecordId, RecordKind, RecordRef, StanceEntry,
};

pub(super) const FORM: KindForm = KindForm {
    blank,
    stored,
    read,
    not_offered: all_offered,
};

/// A new opinion is the doctor's it was opened from, else the first
/// doctor's, given today.
fn blank(case: &CaseSnapshot, today: NaiveDate, context: &[RecordRef]) -> Option<Form> {
    let doctor_id =
        opened_from(context, RecordKind::Doctor).or(case.doctors.first().map(|d| d.id))?;
    let draft = OpinionDraft::new(doctor_id, today);
    Some(new_form(RecordKind::Opinion, fields(case, &draft, None)))
}

fn stored(case: &CaseSnapshot, id: RecordId) -> Option<Form> {
    let o = case.opinions.iter().find(|o| o.id == id)?;
    let mut form = stored_form(
        RecordKind::Opinion,
        o.id,
        o.stamp.version,
        fields(case, o, Some(o.id)),
    );
    form.linked = stance_versions(case, o.id);
    Some(form)
}

/// The key of the stance field of a topic, and of its detail.
fn stance_key(topic_id: RecordId) -> String {
    format!("stance:{topic_id}")
}

fn detail_key(topic_id: RecordId) -> String {
    format!("detail:{topic_id}")
}

/// The stances an opinion holds, with the versions read, for a save over
/// them to catch someone else's change.
fn stance_versions(case: &CaseSnapshot, opinion_id: RecordId) -> Vec<Linked> {
    case.stances
        .iter()
        .filter(|p| p.opinion_id == opinion_id)
        .map(|p| Linked {
            key: p.topic_id.to_string(),
            record: RecordRef {
                kind: RecordKind::Stance,
                id: p.id,
            },
            version: p.stamp.version,
        })
        .collect()
}

/// The opinion's own fields, then a stance and its detail for every topic
/// of the case: what this doctor says on each, in a few words that the
/// grid compares. `stored` is the opinion being changed, whose stances
/// fill them.
fn fields(case: &CaseSnapshot, o: &OpinionDraft, stored: Option<RecordId>) -> Vec<Field> {
    let mut fields = vec![
        Field::choice(
            "doctor",
            "Doctor",
            doctors(case, None),
            &o.doctor_id.to_string(),
        )
        .required(),
        Field::date("given_on", "Date", &o.given_on.to_string()).required(),
        Field::choice("form", "Form", choices::<OpinionForm>(), o.form.key()),
        Field::text("diagnosis", "Diagnosis", &o.diagnosis),
        Field::text("recommendation", "Recommendation", &o.recommendation),
    ];
    for (n, topic) in case.topics.iter().enumerate() {
        let held = stored.and_then(|opinion_id| {
            case.stances
                .iter()
                .find(|p| p.opinion_id == opinion_id && p.topic_id == topic.id)
        });
        let mut stance = Field::line(
            &stance_key(topic.id),
            &format!("{}: stance", topic.name),
            held.map_or("", |p| p.stance.as_str()),
        )
        .placeholder("a few words, compared with the other doctors' (empty: none)");
        if n == 0 {
            stance = stance.under(
                "What this doctor says on each topic: the Conflicts grid (3) lines these up",
            );
        }
        fields.push(stance);
        fields.push(
            Field::line(
                &detail_key(topic.id),
                &format!("{}: why, or more detail", topic.name),
                held.map_or("", |p| p.detail.as_str()),
            )
            .placeholder("optional"),
        );
    }
    fields.extend([
        Field::line("urgency", "Urgency", &o.urgency),
        Field::toggle(
            "saw_originals",
            "Saw the original scans and slides",
            o.saw_originals,
        ),
        Field::toggle("knew_prior", "Knew the earlier diagnosis", o.knew_prior),
        Field::line("cost", "Cost", &o.cost),
        Field::line("coverage", "Coverage", &o.coverage),
        Field::text("notes", "Doctor's remarks", &o.notes),
    ]);
    fields
}

fn read(r: &mut Reader<'_>) -> Saving {
    let opinion = OpinionDraft {
        doctor_id: r.required_id("doctor"),
        given_on: r.date("given_on"),
        form: r.choice("form").unwrap_or(OpinionForm::Visit),
        diagnosis: r.text("diagnosis"),
        recommendation: r.text("recommendation"),
        urgency: r.text("urgency"),
        saw_originals: r.toggle("saw_originals"),
        knew_prior: r.toggle("knew_prior"),
        cost: r.text("cost"),
        coverage: r.text("coverage"),
        notes: r.text("notes"),
    };
    let stances = stance_entries(r);
    Saving::Opinion { opinion, stances }
}

/// The stance typed for each topic, with the stored one it changes.
fn stance_entries(r: &mut Reader<'_>) -> Vec<StanceEntry> {
    let mut entries = Vec::new();
    for topic in &r.case.topics {
        let stance_key = stance_key(topic.id);
        if !r.form.fields.iter().any(|f| f.key == stance_key) {
            // A topic added since the form opened has no field here.
            continue;
        }
        let stance = r.text(&stance_key);
        let detail = r.text(&detail_key(topic.id));
        if stance.is_empty() && !detail.is_empty() {
            r.errors.push((
                stance_key.clone(),
                "Write the stance in a few words first (the detail explains it), or empty the detail"
                    .into(),
            ));
        }
        let stored = r
            .form
            .linked
            .iter()
            .find(|l| l.key == topic.id.to_string() && l.record.kind == RecordKind::Stance)
            .map(|l| (l.record.id, l.version));
        entries.push(StanceEntry {
            topic_id: topic.id,
            stance,
            detail,
            stored,
        });
    }
    entries
}
