//! The form of each kind of record, one file a kind: the form a new record
//! opens with, where it was opened from; the form of a stored record,
//! filled with what it holds; and the draft read back from it with the
//! domain's rules (`domain::validate`). The TUI shows these forms, and the
//! command line fills the same ones from its flags, so both give the same
//! defaults, the same records and the same messages.

mod case;
mod check;
mod conflict_state;
mod custody_move;
mod deadline;
mod decision;
mod disc_import;
mod doctor;
mod equivalence;
mod factor;
mod follow_up;
mod item;
mod leaning;
mod note;
mod opinion;
mod option;
mod picks;
mod question;
mod reader;
mod recipient;
mod request;
mod request_item;
mod request_steps;
mod stance;
mod study;
mod topic;
mod view;

use chrono::NaiveDate;

use super::form::{FieldInput, Form, FormTarget, Purpose};
use crate::domain::validate::{self, FieldError};
use crate::domain::{
    AnyDraft, CaseSnapshot, Choice, OpinionDraft, RecordId, RecordKind, RecordRef, StanceEntry,
};
pub use disc_import::form as disc_import;
pub use factor::for_concern;
use reader::Reader;
pub use request_steps::{extension, receipt};

/// What one kind's form does. The kinds are told apart by a `RecordKind`
/// while casefile runs, so each file gives its form as these functions.
struct KindForm {
    /// The form of a new record, with what it was opened from (the item a
    /// move is for, the request a follow-up is about); None when the case
    /// does not hold what such a record needs (an opinion needs a doctor).
    blank: fn(&CaseSnapshot, NaiveDate, &[RecordRef]) -> Option<Form>,
    /// The form of the stored record with this id, filled with what it
    /// holds.
    stored: fn(&CaseSnapshot, RecordId) -> Option<Form>,
    /// What the filled form saves; what is wrong goes into the reader.
    read: fn(&mut Reader<'_>) -> Saving,
    /// Why a value written out (on the command line) is not among a
    /// choice's options, where the form leaves one out on purpose.
    not_offered: fn(key: &str, typed: &str) -> Option<FieldError>,
}

/// The form of each kind.
fn of(kind: RecordKind) -> KindForm {
    match kind {
        RecordKind::Case => case::FORM,
        RecordKind::Doctor => doctor::FORM,
        RecordKind::Opinion => opinion::FORM,
        RecordKind::Topic => topic::FORM,
        RecordKind::Stance => stance::FORM,
        RecordKind::ConflictState => conflict_state::FORM,
        RecordKind::Question => question::FORM,
        RecordKind::Item => item::FORM,
        RecordKind::Study => study::FORM,
        RecordKind::CustodyMove => custody_move::FORM,
        RecordKind::ItemRecipient => recipient::FORM,
        RecordKind::Request => request::FORM,
        RecordKind::FollowUp => follow_up::FORM,
        RecordKind::Deadline => deadline::FORM,
        RecordKind::Note => note::FORM,
        RecordKind::Equivalence => equivalence::FORM,
        RecordKind::RequestItem => request_item::FORM,
        RecordKind::DecisionOption => option::FORM,
        RecordKind::Factor => factor::FORM,
        RecordKind::View => view::FORM,
        RecordKind::Leaning => leaning::FORM,
        RecordKind::ReadinessCheck => check::FORM,
        RecordKind::Decision => decision::FORM,
    }
}

/// For the forms whose choices offer every value there is.
fn all_offered(_: &str, _: &str) -> Option<FieldError> {
    None
}

/// The record of `kind` a form was opened from, if it was.
fn opened_from(context: &[RecordRef], kind: RecordKind) -> Option<RecordId> {
    context.iter().find(|r| r.kind == kind).map(|r| r.id)
}

fn target(kind: RecordKind, editing: Option<(RecordId, i64)>) -> FormTarget {
    FormTarget { kind, editing }
}

fn title(kind: RecordKind, editing: bool) -> String {
    let verb = if editing { "Edit" } else { "Add" };
    let what = match kind {
        RecordKind::Case => return format!("{verb} the case"),
        RecordKind::CustodyMove => "custody move",
        RecordKind::Study => "study on a disc",
        RecordKind::ItemRecipient => return "A doctor who needs this item".into(),
        RecordKind::ConflictState => return "The conflict: status and resolution".into(),
        RecordKind::Equivalence => return format!("{verb}: two stances that mean the same"),
        RecordKind::RequestItem => return format!("{verb}: an item this request asks for"),
        RecordKind::View => return format!("{verb} the view of someone close to the patient"),
        RecordKind::Leaning => return format!("{verb}: which option I lean to now"),
        RecordKind::ReadinessCheck => return format!("{verb}: am I ready to decide?"),
        other => other.label(),
    };
    if editing {
        format!("{verb} the {what}")
    } else {
        let article = if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        format!("{verb} {article} {what}")
    }
}

/// A new record's form: what it opens with are defaults, which the first
/// key typed in a field replaces.
fn new_form(kind: RecordKind, fields: Vec<super::form::Field>) -> Form {
    Form::new(title(kind, false), target(kind, None), fields).with_defaults()
}

/// The form of a stored record, at the version that was read.
fn stored_form(
    kind: RecordKind,
    id: RecordId,
    version: i64,
    fields: Vec<super::form::Field>,
) -> Form {
    Form::new(title(kind, true), target(kind, Some((id, version))), fields)
}

/// The form for a new record of `kind`. `context` is the record it belongs
/// to, where it has one (the item a move is for, the request a follow-up
/// is about, the opinion and topic of a stance).
pub fn add(
    kind: RecordKind,
    case: &CaseSnapshot,
    today: NaiveDate,
    context: &[RecordRef],
) -> Option<Form> {
    (of(kind).blank)(case, today, context)
}

/// The form for changing an existing record, filled with what it holds.
pub fn edit(record: RecordRef, case: &CaseSnapshot) -> Option<Form> {
    (of(record.kind).stored)(case, record.id)
}

/// What saving a form writes.
#[derive(Debug, Clone, PartialEq)]
pub enum Saving {
    /// One record, added or saved over the one the form edits.
    Record(AnyDraft),
    /// An opinion with its stance on each topic, in one save.
    Opinion {
        opinion: OpinionDraft,
        stances: Vec<StanceEntry>,
    },
    /// A record request answered, and what came of each item.
    Receipt(Box<crate::domain::request::Receipt>),
    /// Read the imaging disc at `path`, to preview its import.
    ReadDisc {
        path: String,
        choices: crate::disc::import::Choices,
    },
}

/// What a form saves, or every field's error. `author` is who is writing,
/// for the records a form writes in their name (a receipt's follow-up).
pub fn draft(
    form: &Form,
    case: &CaseSnapshot,
    today: NaiveDate,
    author: &str,
) -> Result<Saving, Vec<(String, FieldError)>> {
    let mut r = Reader::new(form, case, today, author);
    let saving = match form.purpose {
        Purpose::Record => (of(form.target.kind).read)(&mut r),
        Purpose::Extension => match request_steps::extension_draft(&mut r) {
            Some(draft) => Saving::Record(AnyDraft::Request(draft)),
            None => return Err(gone()),
        },
        Purpose::Receipt => match request_steps::receipt_draft(&mut r, author) {
            Some(receipt) => Saving::Receipt(Box::new(receipt)),
            None => return Err(gone()),
        },
        Purpose::DiscImport => {
            let _ = r.required("path");
            let (path, choices) = crate::app::disc::asked(form);
            Saving::ReadDisc { path, choices }
        }
    };
    if r.errors.is_empty() {
        Ok(saving)
    } else {
        Err(r.errors)
    }
}

/// The error of a form whose record is no longer in the case.
fn gone() -> Vec<(String, FieldError)> {
    vec![(
        String::new(),
        "This record is no longer in the case: Esc closes the form".into(),
    )]
}

/// A choice's key or words as the command line writes them: any case,
/// with `-` or a space for `_`.
fn spelled(text: &str) -> String {
    text.trim().to_lowercase().replace(['-', ' '], "_")
}

/// Puts a value written out as text, as the command line gives it, in
/// the field named `key`: a choice by its key or its words, yes or no for
/// a toggle, and what is typed as it is (the form's read checks it).
pub fn fill(form: &mut Form, key: &str, text: &str) -> Result<(), FieldError> {
    let not_offered = of(form.target.kind).not_offered;
    let Some(field) = form.fields.iter().find(|field| field.key == key) else {
        return Err(format!("this form has no field '{key}'"));
    };
    let value = match &field.input {
        FieldInput::Choice { picks, .. } => {
            let wanted = spelled(text);
            let pick = picks.iter().find(|p| {
                p.key == text.trim() || spelled(&p.key) == wanted || spelled(&p.label) == wanted
            });
            match pick {
                Some(pick) => pick.key.clone(),
                None => {
                    return Err(not_offered(key, text).unwrap_or_else(|| {
                        let keys: Vec<&str> = picks
                            .iter()
                            .map(|p| p.key.as_str())
                            .filter(|k| !k.is_empty())
                            .collect();
                        format!("'{}' is not one of {}", text.trim(), keys.join(", "))
                    }));
                }
            }
        }
        FieldInput::Toggle(_) => match text.trim().to_lowercase().as_str() {
            "yes" | "y" | "true" | "1" => "yes".to_string(),
            "no" | "n" | "false" | "0" => "no".to_string(),
            _ => return Err(format!("'{}' is not yes or no", text.trim())),
        },
        FieldInput::Line | FieldInput::Text | FieldInput::Date => text.to_string(),
    };
    form.give(key, &value);
    Ok(())
}

/// Works out again what the form shows beside its fields: the dates
/// understood, and what saving will do.
pub fn refresh(form: &mut Form, case: &CaseSnapshot, today: NaiveDate) {
    date_hints(form, today);
    form.preview = request_steps::preview(form, case, today);
}

/// What each date field was understood as, for the hint beside it.
pub fn date_hints(form: &mut Form, today: NaiveDate) {
    for field in &mut form.fields {
        if matches!(field.input, FieldInput::Date) {
            field.hint = match validate::optional_date(&field.value(), today) {
                Ok(Some(date)) => Some(format!("= {}", date.format("%a %-d %b %Y"))),
                Ok(None) => None,
                Err(_) => Some("not a date yet".to_string()),
            };
        }
    }
}

/// A form kept when casefile stopped, opened again with what was typed.
/// An edit keeps the version it was opened on, so a change someone else
/// saved since is still caught.
pub fn restore(
    draft: &super::form::FormDraft,
    case: &CaseSnapshot,
    today: NaiveDate,
) -> Option<Form> {
    let mut form = match (draft.purpose, draft.editing) {
        (Purpose::Extension, Some((id, _))) => extension(case, id, today)?,
        (Purpose::Receipt, Some((id, _))) => receipt(case, id, today)?,
        (Purpose::Extension | Purpose::Receipt, None) => return None,
        (Purpose::DiscImport, _) => disc_import::form(&[]),
        (Purpose::Record, Some((id, _))) => edit(
            RecordRef {
                kind: draft.kind,
                id,
            },
            case,
        )?,
        (Purpose::Record, None) => add(
            draft.kind,
            case,
            today,
            &draft.belongs_to.into_iter().collect::<Vec<_>>(),
        )?,
    };
    // An edit keeps the versions it was opened on.
    if let Some((id, version)) = draft.editing {
        form.target.editing = Some((id, version));
        form.linked = draft.linked.clone();
    }
    form.belongs_to = draft.belongs_to;
    form.title = draft.title.clone();
    form.restore_values(&draft.values);
    refresh(&mut form, case, today);
    Some(form)
}
