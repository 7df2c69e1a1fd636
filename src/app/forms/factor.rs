//! The factor's form: a benefit, a risk or something not known yet about
//! one option, how much it matters, a figure as "x in N over T", and who
//! said it.

use chrono::NaiveDate;

use super::{KindForm, Reader, Saving, new_form, opened_from, stored_form};
use crate::app::form::{Field, Form, Pick};
use crate::app::forms::picks::{choices, options};
use crate::domain::decision::{CONCERNS, MOST_WEIGHT, same_scale, stars};
use crate::domain::validate::FieldError;
use crate::domain::{
    AnyDraft, CaseSnapshot, Choice, FactorDraft, FactorSide, QuestionStatus, RecordId, RecordKind,
    RecordRef,
};

pub(super) const FORM: KindForm = KindForm {
    blank,
    stored,
    read,
    not_offered,
};

/// A new factor is on the option it was opened from (or the first one),
/// for the concern it was opened on; a figure for that concern starts on
/// the N and T the other options use.
fn blank(case: &CaseSnapshot, _: NaiveDate, context: &[RecordRef]) -> Option<Form> {
    let option_id = opened_from(context, RecordKind::DecisionOption)
        .or_else(|| case.options.first().map(|o| o.id))?;
    let draft = FactorDraft {
        option_id,
        side: FactorSide::Benefit,
        concern: String::new(),
        text: String::new(),
        weight: None,
        chance: None,
        out_of: None,
        over: String::new(),
        opinion_id: None,
        answer_id: None,
        document: String::new(),
    };
    Some(new_form(RecordKind::Factor, fields(case, &draft)))
}

/// The form of a new factor on `option_id` for `concern`, as the option
/// grid opens it.
pub fn for_concern(case: &CaseSnapshot, option_id: RecordId, concern: &str) -> Option<Form> {
    case.options.iter().find(|o| o.id == option_id)?;
    let (out_of, over) = same_scale(case, concern, option_id).unwrap_or_default();
    let draft = FactorDraft {
        option_id,
        side: FactorSide::Benefit,
        concern: concern.to_string(),
        text: String::new(),
        weight: None,
        chance: None,
        out_of: (out_of > 0).then_some(out_of),
        over,
        opinion_id: None,
        answer_id: None,
        document: String::new(),
    };
    Some(new_form(RecordKind::Factor, fields(case, &draft)))
}

fn stored(case: &CaseSnapshot, id: RecordId) -> Option<Form> {
    let f = case.factors.iter().find(|f| f.id == id)?;
    Some(stored_form(
        RecordKind::Factor,
        f.id,
        f.stamp.version,
        fields(case, f),
    ))
}

/// The key of a factor's source in its picker.
fn source_key(f: &FactorDraft) -> String {
    match f.source() {
        crate::domain::decision::Source::Opinion(id) => format!("opinion:{id}"),
        crate::domain::decision::Source::Answer(id) => format!("answer:{id}"),
        crate::domain::decision::Source::Document => "document".into(),
        crate::domain::decision::Source::Own => "own".into(),
    }
}

fn sources(case: &CaseSnapshot) -> Vec<Pick> {
    let mut picks = vec![
        Pick::new("own", "my own"),
        Pick::new("document", "a document (name it below)"),
    ];
    for o in &case.opinions {
        picks.push(Pick::new(
            format!("opinion:{}", o.id),
            format!(
                "{}'s opinion of {}",
                case.doctor_name(Some(o.doctor_id)),
                o.given_on.format("%-d %b %Y")
            ),
        ));
    }
    for q in case
        .questions
        .iter()
        .filter(|q| q.status == QuestionStatus::Answered)
    {
        let text: String = q.text.chars().take(40).collect();
        picks.push(Pick::new(
            format!("answer:{}", q.id),
            format!("{}'s answer to \"{text}\"", case.asked_of(q)),
        ));
    }
    picks
}

fn weights() -> Vec<Pick> {
    let mut picks = vec![Pick::new("", "not rated yet")];
    picks.extend((0..=MOST_WEIGHT).map(|w| Pick::new(w.to_string(), stars(Some(w)))));
    picks
}

fn fields(case: &CaseSnapshot, f: &FactorDraft) -> Vec<Field> {
    let number = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    vec![
        Field::choice(
            "option",
            "Option",
            options(case, None),
            &f.option_id.to_string(),
        )
        .context(),
        Field::choice("side", "It is", choices::<FactorSide>(), f.side.key()),
        Field::line("concern", "About", &f.concern)
            .placeholder(&format!("{}, or your own", CONCERNS.join(", "))),
        Field::text("text", "What", &f.text).required(),
        Field::choice(
            "weight",
            "How much it matters to me",
            weights(),
            &number(f.weight),
        ),
        Field::line("chance", "Figure: how many", &number(f.chance))
            .under("A figure, as \"5 in 100 over 10 years\"")
            .placeholder("5"),
        Field::line("out_of", "in how many", &number(f.out_of)).placeholder("100"),
        Field::line("over", "over", &f.over).placeholder("10 years"),
        Field::choice("source", "Who said it", sources(case), &source_key(f)),
        Field::line("document", "The document", &f.document)
            .placeholder("the pathology report of 3 Nov"),
    ]
}

/// An opinion or answer named on the command line that the case does not
/// hold.
fn not_offered(key: &str, typed: &str) -> Option<FieldError> {
    (key == "source").then(|| {
        format!(
            "'{}' is not a source: write own, document, opinion:ID or answer:ID \
             (an answered question's id)",
            typed.trim()
        )
    })
}

/// A figure needs both numbers, and cannot be more than its whole.
fn read(r: &mut Reader<'_>) -> Saving {
    let number = |r: &mut Reader<'_>, key: &str| -> Option<i64> {
        let text = r.text(key);
        if text.is_empty() {
            return None;
        }
        match text.parse::<i64>() {
            Ok(n) if n >= 0 => Some(n),
            _ => r.fail(
                key,
                format!("'{text}' is not a whole number: type digits, as 5 or 100"),
            ),
        }
    };
    let chance = number(r, "chance");
    let out_of = number(r, "out_of");
    let over = r.text("over");
    match (chance, out_of) {
        (Some(_), None) => r.errors.push((
            "out_of".into(),
            "Say in how many: 5 in 100 is written 5, then 100".into(),
        )),
        (None, Some(_)) => r.errors.push((
            "chance".into(),
            "Say how many of them: 5 in 100 is written 5, then 100".into(),
        )),
        (Some(c), Some(n)) if n == 0 || c > n => r.errors.push((
            "chance".into(),
            format!("{c} in {n} cannot be: the first number is part of the second"),
        )),
        _ => {}
    }
    let source = r.text("source");
    let document = r.text("document");
    let (mut opinion_id, mut answer_id) = (None, None);
    match source.split_once(':') {
        Some(("opinion", id)) => opinion_id = id.parse().ok(),
        Some(("answer", id)) => answer_id = id.parse().ok(),
        _ => {}
    }
    if source == "document" && document.is_empty() {
        r.errors.push((
            "document".into(),
            "Name the document it comes from, or choose another source".into(),
        ));
    }
    Saving::Record(AnyDraft::Factor(FactorDraft {
        option_id: r.required_id("option"),
        side: r.choice("side").unwrap_or(FactorSide::Benefit),
        concern: r.text("concern"),
        text: r.required("text"),
        weight: r.id("weight"),
        chance,
        out_of,
        over,
        opinion_id,
        answer_id,
        document: if source == "document" {
            document
        } else {
            String::new()
        },
    }))
}
