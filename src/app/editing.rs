//! Adding, editing, deleting and undoing from the panes: the state changes
//! and the effects they ask for. No I/O here either.

use super::form::Form;
use super::forms;
use super::lists::{adds, locate, selected, title};
use super::{AfterYes, App, Confirm, Effect, HistoryView, Pane, Status};
use crate::domain::{Choice, RecordKind, RecordRef};
use crate::store::DeletePlan;

pub(crate) fn say(app: &mut App, text: impl Into<String>) {
    app.status = Some(Status {
        text: text.into(),
        is_error: false,
    });
}

pub(crate) fn warn(app: &mut App, text: impl Into<String>) {
    app.status = Some(Status {
        text: text.into(),
        is_error: true,
    });
}

pub(crate) fn open(app: &mut App, form: Option<Form>, missing: &str) {
    match form {
        Some(mut form) => {
            forms::refresh(&mut form, &app.case, app.today());
            app.overlays.open_form(form);
            app.status = None;
        }
        None => warn(app, missing.to_string()),
    }
}

/// `a`: a new record of the kind the pane lists.
pub fn add(app: &mut App) {
    let Some(kind) = adds(app.pane) else {
        say(
            app,
            "The Overview adds nothing itself: press 2-9 for a pane, or e to edit the case",
        );
        return;
    };
    // A question added here is for any doctor unless the form says
    // otherwise: its first line shows who it is for. Q in a doctor's
    // opinion, or on the doctor, starts it for them.
    let form = forms::add(kind, &app.case, app.today(), &[]);
    open(app, form, needs(kind));
}

/// What must exist before a record of `kind` can be added.
pub(crate) fn needs(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Opinion | RecordKind::ItemRecipient => {
            "Add a doctor first, in the Doctors pane (9)"
        }
        RecordKind::Stance => "Add an opinion (2) and a topic (3) first",
        RecordKind::CustodyMove => "Add an item first, in the Imaging pane (5)",
        RecordKind::FollowUp => "Add a record request first",
        RecordKind::RequestItem => {
            "Select a request first, and add the item in the Imaging pane (5)"
        }
        RecordKind::Equivalence => {
            "Select a cell with a stance, on a topic where the opinions differ, then press ="
        }
        _ => "This cannot be added here",
    }
}

/// A record of `kind` that belongs to the selected one.
pub fn add_to(app: &mut App, kind: RecordKind) {
    let context: Vec<RecordRef> = selected(app).into_iter().collect();
    if context.is_empty() {
        warn(app, needs(kind));
        return;
    }
    let form = forms::add(kind, &app.case, app.today(), &context);
    open(app, form, needs(kind));
}

/// `e`: the selected record's form. On an empty cell of the grid, the
/// form for that opinion's stance on that topic.
pub fn edit(app: &mut App) {
    let Some(record) = selected(app) else {
        say(app, "Nothing is selected to edit");
        return;
    };
    let form = forms::edit(record, &app.case);
    open(app, form, "This record cannot be edited here");
}

/// `n`: a note on the selected record (on the case, in the Notes pane).
pub fn note(app: &mut App) {
    let on = match app.pane {
        Pane::Notes | Pane::Overview => Vec::new(),
        _ => selected(app).into_iter().collect(),
    };
    let form = forms::add(RecordKind::Note, &app.case, app.today(), &on);
    open(app, form, "Notes cannot be added here");
}

pub(crate) fn version(app: &App, record: RecordRef) -> Option<i64> {
    app.case.stamp_of(record).map(|stamp| stamp.version)
}

/// `d`: asks the store what would go with the record, then asks the user.
pub fn delete(app: &mut App) -> Effect {
    let Some(target) = selected(app) else {
        say(app, "Nothing is selected to delete");
        return Effect::None;
    };
    if target.kind == RecordKind::Case {
        warn(
            app,
            "The case itself is not deleted from here; to start over, use a new case file (--db)",
        );
        return Effect::None;
    }
    match version(app, target) {
        Some(version) => Effect::PlanDelete { target, version },
        None => {
            warn(app, "That record is no longer in the case");
            Effect::None
        }
    }
}

/// The question before a delete, naming what goes with the record.
pub fn delete_planned(app: &mut App, target: RecordRef, version: i64, plan: &DeletePlan) {
    let mut question = format!("Delete {}?", title(&app.case, target));
    let goes = plan.summary();
    if !goes.is_empty() {
        question.push_str(&format!(" With it go: {goes}."));
    }
    let kept = plan.unlinked_summary();
    if !kept.is_empty() {
        question.push_str(&format!(" Kept, without the link: {kept}."));
    }
    let for_any = plan.for_any_doctor().len();
    if for_any > 0 {
        question.push_str(&format!(
            " {} never asked of this doctor {} for any doctor, on the next doctor's packet.",
            if for_any == 1 {
                "1 question".to_string()
            } else {
                format!("{for_any} questions")
            },
            if for_any == 1 {
                "becomes one"
            } else {
                "become ones"
            }
        ));
    }
    if !plan.keeps_name.is_empty() {
        let name = app
            .case
            .doctor(target.id)
            .map(|doctor| doctor.name.clone())
            .unwrap_or_default();
        let asked: Vec<String> = plan
            .keeps_name
            .iter()
            .map(|question| quoted_title(&app.case, *question))
            .collect();
        question.push_str(&format!(
            " {} asked of or answered by {name} and will still say so: {}.",
            if asked.len() == 1 {
                "This question was"
            } else {
                "These questions were"
            },
            asked.join(", ")
        ));
    }
    question.push_str(" (y/n)");
    app.overlays.open_confirm(Confirm {
        question,
        target,
        version,
        then: AfterYes::Delete,
    });
}

/// A record's words in quotes, cut short: "Why mastectomy rather than…".
fn quoted_title(case: &crate::domain::CaseSnapshot, record: RecordRef) -> String {
    let words = case
        .questions
        .iter()
        .find(|q| q.id == record.id && record.kind == RecordKind::Question)
        .map(|q| q.text.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| format!("{} {}", record.kind.label(), record.id));
    let short: String = words.chars().take(40).collect();
    if short.chars().count() < words.chars().count() {
        format!("\"{short}…\"")
    } else {
        format!("\"{short}\"")
    }
}

/// `y` to a question: delete, or discard a form's changes.
pub fn yes(app: &mut App) -> Effect {
    if let Some(form) = app.overlays.form() {
        if form.confirm_discard {
            app.overlays.close_form();
            say(app, "Discarded the changes");
            // What was kept of the typing goes now, not at the next look.
            app.draft_kept = None;
            return Effect::KeepDraft(None);
        }
        return Effect::None;
    }
    match app.overlays.take_confirm() {
        Some(Confirm {
            then: AfterYes::Delete,
            target,
            version,
            ..
        }) => Effect::Delete { target, version },
        Some(Confirm {
            then: AfterYes::RecordDecision,
            ..
        }) => {
            super::panes::decide::open_decision_form(app);
            Effect::None
        }
        None => Effect::None,
    }
}

/// `n` or Esc to a question.
pub fn no(app: &mut App) {
    if let Some(form) = app.overlays.form_mut() {
        form.confirm_discard = false;
        return;
    }
    match app.overlays.take_confirm().map(|confirm| confirm.then) {
        Some(AfterYes::Delete) => say(app, "Nothing was deleted"),
        Some(AfterYes::RecordDecision) => say(
            app,
            "The decision is not recorded yet: D records it when you are ready",
        ),
        None => {}
    }
}

/// Ctrl-S: the form's draft, checked by the domain, to be saved.
pub fn save_form(app: &mut App) -> Effect {
    let today = app.today();
    let Some(form) = app.overlays.form_mut() else {
        return Effect::None;
    };
    match forms::draft(form, &app.case, today, &app.author) {
        Ok(saving) => {
            form.mark(&[]);
            form.message = None;
            let editing = form.target.editing;
            match saving {
                forms::Saving::Record(draft) => Effect::Save { draft, editing },
                forms::Saving::Opinion { opinion, stances } => Effect::SaveOpinion {
                    opinion,
                    stances,
                    editing,
                },
                forms::Saving::ReadDisc { path, choices } => super::disc::read(app, path, choices),
                forms::Saving::Receipt(receipt) => match editing {
                    Some((request_id, version)) => Effect::Receive {
                        request_id,
                        version,
                        receipt,
                    },
                    None => Effect::None,
                },
            }
        }
        Err(errors) => {
            let count = errors.len();
            form.mark(&errors);
            form.message = Some(match errors.iter().find(|(key, _)| key.is_empty()) {
                Some((_, whole)) => whole.clone(),
                None if count == 1 => "One field needs attention; it is marked below".into(),
                None => format!("{count} fields need attention; they are marked below"),
            });
            Effect::None
        }
    }
}

/// Esc: closes the form, asking first when something was typed.
pub fn cancel_form(app: &mut App) {
    let Some(form) = app.overlays.form_mut() else {
        return;
    };
    if form.confirm_discard {
        form.confirm_discard = false;
    } else if form.has_changes() {
        form.confirm_discard = true;
    } else {
        app.overlays.close_form();
    }
}

/// After a save: the form closes and the saved record is selected.
pub fn saved(app: &mut App, record: RecordRef, batch: Option<i64>, message: String) -> Effect {
    if record.kind == RecordKind::Case {
        // The first save made the case file.
        app.missing_file = false;
    }
    // A note written on a record leaves the user where they were.
    let belongs_to = app.overlays.form().and_then(|form| form.belongs_to);
    let new_opinion = record.kind == RecordKind::Opinion
        && app
            .overlays
            .form()
            .is_some_and(|form| form.target.editing.is_none());
    // A fourth opinion or more: the prompt about it, with the message.
    let opinions = app.case.opinions.len() + 1;
    let message = if new_opinion && opinions >= 4 {
        format!(
            "{message}. {}",
            crate::domain::decision::Prompt::ManyOpinions(opinions).words()
        )
    } else {
        message
    };
    app.overlays.close_form();
    app.overlays.close_parts();
    app.undo.extend(batch);
    app.pending_show = match (record.kind, belongs_to) {
        (RecordKind::Note, Some(on)) => Some(on),
        // A question raised from a factor leaves the user on the factor,
        // which now shows it.
        (RecordKind::Question, Some(on)) if on.kind == RecordKind::Factor => Some(on),
        _ => Some(record),
    };
    say(app, message);
    Effect::Refresh
}

/// A refused save keeps the form, and everything typed in it, open.
pub fn save_failed(app: &mut App, message: String) {
    match app.overlays.form_mut() {
        Some(form) => form.message = Some(message),
        None => warn(app, message),
    }
}

pub fn deleted(app: &mut App, batch: Option<i64>, message: String) -> Effect {
    app.overlays.close_parts();
    app.undo.extend(batch);
    say(app, message);
    Effect::Refresh
}

/// `u`: undoes the newest change of this session.
pub fn undo(app: &mut App) -> Effect {
    match app.undo.pop() {
        Some(batch) => Effect::Undo(batch),
        None if app.undone > 0 => {
            say(
                app,
                "Nothing left to undo: u has gone back through every change made in this session",
            );
            Effect::None
        }
        None => {
            say(
                app,
                "Nothing to undo: no change has been made in this session",
            );
            Effect::None
        }
    }
}

pub fn history_loaded(app: &mut App, changes: Vec<crate::domain::Change>) {
    let described = crate::domain::describe_all(&changes);
    app.overlays.open_history(HistoryView {
        changes,
        described,
        row: 0,
    });
}

/// Selects a record in its pane.
/// Goes to `record` wherever it is shown, closing the search. A note's
/// place in its long list is asked of the file, as the screen holds only
/// the notes in view. A record that is gone is said to be gone when
/// `say_if_gone`, and passed over in silence otherwise (one an undo took
/// away).
pub fn reveal(app: &mut App, record: RecordRef, say_if_gone: bool) -> Effect {
    if record.kind == RecordKind::Note {
        return Effect::LocateNote {
            id: record.id,
            say_if_gone,
        };
    }
    if locate(app, record).is_some() {
        app.overlays.close_search();
        app.overlays.close_parts();
        show(app, record);
    } else if say_if_gone {
        warn(app, "That record is no longer in the case");
    }
    Effect::None
}

pub(crate) fn show(app: &mut App, record: RecordRef) {
    let Some((pane, row, column)) = locate(app, record) else {
        return;
    };
    app.pane = pane;
    let cursor = &mut app.cursors[pane.index()];
    cursor.row = row;
    cursor.column = column;
    cursor.scroll = 0;
    if pane == Pane::Decide {
        super::panes::decide::select(app, record, row, column);
    }
}
