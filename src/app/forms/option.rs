//! The option's form: its name and description, the stance on Treatment
//! it stands for (whose opinions then recommend it), whether it is the
//! option to wait, and whether the patient has set it aside.

use chrono::NaiveDate;

use super::{KindForm, Reader, Saving, all_offered, new_form, stored_form};
use crate::app::form::{Field, Form, Pick};
use crate::domain::decision::treatment_topic;
use crate::domain::{AnyDraft, CaseSnapshot, OptionDraft, RecordId, RecordKind, RecordRef};

pub(super) const FORM: KindForm = KindForm {
    blank,
    stored,
    read,
    not_offered: all_offered,
};

fn blank(case: &CaseSnapshot, _: NaiveDate, _: &[RecordRef]) -> Option<Form> {
    let draft = OptionDraft {
        name: String::new(),
        description: String::new(),
        topic_id: treatment_topic(case),
        stance: String::new(),
        waits: false,
        not_for_me: false,
        not_for_me_because: String::new(),
    };
    Some(new_form(RecordKind::DecisionOption, fields(case, &draft)))
}

fn stored(case: &CaseSnapshot, id: RecordId) -> Option<Form> {
    let o = case.options.iter().find(|o| o.id == id)?;
    Some(stored_form(
        RecordKind::DecisionOption,
        o.id,
        o.stamp.version,
        fields(case, o),
    ))
}

/// The different stances the opinions take on Treatment, one for each
/// way of saying it (stances declared the same are one), and the option's
/// own stance.
fn stances(case: &CaseSnapshot, o: &OptionDraft) -> Vec<Pick> {
    let mut picks = vec![Pick::new("", "none: an option of my own")];
    let Some(topic_id) = o.topic_id.or_else(|| treatment_topic(case)) else {
        return picks;
    };
    let key = |s: &str| crate::domain::conflict::stance_key(topic_id, &case.equivalences, s);
    let mut seen: Vec<String> = Vec::new();
    let mut add = |stance: &str, picks: &mut Vec<Pick>| {
        let k = key(stance);
        if !stance.trim().is_empty() && !seen.contains(&k) {
            seen.push(k);
            picks.push(Pick::new(stance.trim(), stance.trim()));
        }
    };
    add(&o.stance, &mut picks);
    for stance in case.stances.iter().filter(|s| s.topic_id == topic_id) {
        add(&stance.stance, &mut picks);
    }
    picks
}

fn fields(case: &CaseSnapshot, o: &OptionDraft) -> Vec<Field> {
    vec![
        Field::line("name", "Option", &o.name)
            .required()
            .placeholder("a few words: Lumpectomy with radiation"),
        Field::text("description", "What it means", &o.description),
        Field::choice(
            "stance",
            "Recommended by the opinions whose Treatment stance is",
            stances(case, o),
            &o.stance,
        ),
        Field::toggle(
            "waits",
            "This is waiting, or doing nothing for now",
            o.waits,
        ),
        Field::toggle("not_for_me", "Not for me", o.not_for_me),
        Field::text(
            "not_for_me_because",
            "Not for me, because",
            &o.not_for_me_because,
        ),
    ]
}

fn read(r: &mut Reader<'_>) -> Saving {
    let stance = r.text("stance");
    let not_for_me = r.toggle("not_for_me");
    let because = r.text("not_for_me_because");
    if not_for_me && because.is_empty() {
        r.errors.push((
            "not_for_me_because".into(),
            "Say why it is not for you: the reason stays with the option, for later".into(),
        ));
    }
    let topic_id = if stance.is_empty() {
        None
    } else {
        treatment_topic(r.case)
    };
    Saving::Record(AnyDraft::DecisionOption(OptionDraft {
        name: r.required("name"),
        description: r.text("description"),
        topic_id,
        stance,
        waits: r.toggle("waits"),
        not_for_me,
        not_for_me_because: because,
    }))
}
