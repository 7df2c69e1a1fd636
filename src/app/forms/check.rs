//! The readiness check's form: four questions, each answered yes or no,
//! on the day it is taken.

use chrono::NaiveDate;

use super::picks::date_text;
use super::{KindForm, Reader, Saving, all_offered, new_form, stored_form};
use crate::app::form::{Field, Form, Pick};
use crate::domain::decision::READINESS;
use crate::domain::{AnyDraft, CaseSnapshot, CheckDraft, RecordId, RecordKind, RecordRef};

pub(super) const FORM: KindForm = KindForm {
    blank,
    stored,
    read,
    not_offered: all_offered,
};

/// A new check is taken today, with no question answered yet: each
/// answer is the patient's to give.
fn blank(_: &CaseSnapshot, today: NaiveDate, _: &[RecordRef]) -> Option<Form> {
    Some(new_form(
        RecordKind::ReadinessCheck,
        fields(Some(today), [None; 4]),
    ))
}

fn stored(case: &CaseSnapshot, id: RecordId) -> Option<Form> {
    let c = case.checks.iter().find(|c| c.id == id)?;
    Some(stored_form(
        RecordKind::ReadinessCheck,
        c.id,
        c.stamp.version,
        fields(Some(c.taken_on), c.answers().map(Some)),
    ))
}

fn fields(taken_on: Option<NaiveDate>, answers: [Option<bool>; 4]) -> Vec<Field> {
    let mut fields = vec![Field::date("taken_on", "Taken on", &date_text(taken_on))];
    for ((key, question), answer) in READINESS.iter().zip(answers) {
        let picks = vec![
            Pick::new("", "not answered"),
            Pick::new("yes", "Yes"),
            Pick::new("no", "No"),
        ];
        let selected = match answer {
            Some(true) => "yes",
            Some(false) => "no",
            None => "",
        };
        fields.push(Field::choice(key, question, picks, selected).required());
    }
    fields
}

fn read(r: &mut Reader<'_>) -> Saving {
    let mut answer = |key: &str| match r.text(key).as_str() {
        "yes" => true,
        "no" => false,
        _ => r.fail(key, "Answer yes or no".to_string()),
    };
    let sure = answer("sure");
    let knows = answer("knows");
    let values_clear = answer("values_clear");
    let supported = answer("supported");
    Saving::Record(AnyDraft::ReadinessCheck(CheckDraft {
        taken_on: r.date("taken_on"),
        sure,
        knows,
        values_clear,
        supported,
    }))
}
