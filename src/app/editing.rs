//! Adding, editing, deleting and undoing from the panes: the state changes
//! and the effects they ask for. No I/O here either.

use super::form::Form;
use super::forms;
use super::lists::{self, adds, locate, selected, title};
use super::{App, Confirm, Effect, HistoryView, Pane, Status};
use crate::domain::{Choice, RecordKind, RecordRef};
use crate::store::DeletePlan;

fn say(app: &mut App, text: impl Into<String>) {
    app.status = Some(Status {
        text: text.into(),
        is_error: false,
    });
}

fn warn(app: &mut App, text: impl Into<String>) {
    app.status = Some(Status {
        text: text.into(),
        is_error: true,
    });
}

fn open(app: &mut App, form: Option<Form>, missing: &str) {
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

/// `Q` in Opinions or Doctors: a question for the doctor on screen.
pub fn ask_doctor(app: &mut App) {
    let doctor = match selected(app) {
        Some(RecordRef {
            kind: RecordKind::Doctor,
            id,
        }) => Some(id),
        Some(RecordRef {
            kind: RecordKind::Opinion,
            id,
        }) => app.case.opinion(id).map(|o| o.doctor_id),
        _ => None,
    };
    let Some(doctor) = doctor else {
        warn(app, "Select a doctor, or a doctor's opinion, first");
        return;
    };
    let mut form = forms::add(
        RecordKind::Question,
        &app.case,
        app.today(),
        &[RecordRef {
            kind: RecordKind::Doctor,
            id: doctor,
        }],
    );
    if let Some(form) = &mut form {
        form.title = format!(
            "Add a question for {}",
            crate::domain::text::inert(app.case.doctor_name(Some(doctor)))
        );
    }
    open(app, form, "Questions cannot be added here");
}

/// Enter on a line of the Overview's "Needs attention": its pane, on the
/// first record it counts.
fn open_attention(app: &mut App) {
    let lines = lists::attention_lines(&app.case, app.today());
    let Some(line) = lines.get(app.cursor().row) else {
        return;
    };
    let (pane, first) = (line.pane, line.first);
    match first {
        Some(record) if locate(app, record).is_some() => show(app, record),
        _ => app.pane = pane,
    }
}

/// What must exist before a record of `kind` can be added.
fn needs(kind: RecordKind) -> &'static str {
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
    if app.pane == Pane::Conflicts && record.kind == RecordKind::Topic {
        let opinion = app
            .case
            .grid()
            .opinion_ids
            .get(app.cursor().column)
            .copied();
        let mut context = vec![record];
        context.extend(opinion.map(|id| RecordRef {
            kind: RecordKind::Opinion,
            id,
        }));
        let form = forms::add(RecordKind::Stance, &app.case, app.today(), &context);
        open(app, form, needs(RecordKind::Stance));
        return;
    }
    let form = forms::edit(record, &app.case);
    open(app, form, "This record cannot be edited here");
}

/// `D` in the grid: deletes the selected row's topic, after asking.
pub fn delete_topic(app: &mut App) -> Effect {
    let Some(row) = app.case.grid().rows.get(app.cursor().row).cloned() else {
        return Effect::None;
    };
    let target = RecordRef {
        kind: RecordKind::Topic,
        id: row.topic_id,
    };
    match version(app, target) {
        Some(version) => Effect::PlanDelete { target, version },
        None => Effect::None,
    }
}

/// `t` in the grid: the form of the selected row's topic.
pub fn edit_topic(app: &mut App) {
    let Some(row) = app.case.grid().rows.get(app.cursor().row).cloned() else {
        say(app, "Add a topic first (a)");
        return;
    };
    let form = forms::edit(
        RecordRef {
            kind: RecordKind::Topic,
            id: row.topic_id,
        },
        &app.case,
    );
    open(app, form, "This topic cannot be edited here");
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

fn version(app: &App, record: RecordRef) -> Option<i64> {
    let case = &app.case;
    let id = record.id;
    macro_rules! of {
        ($list:expr) => {
            $list.iter().find(|r| r.id == id).map(|r| r.stamp.version)
        };
    }
    match record.kind {
        RecordKind::Case => case.case.as_ref().map(|c| c.stamp.version),
        RecordKind::Doctor => of!(case.doctors),
        RecordKind::Opinion => of!(case.opinions),
        RecordKind::Topic => of!(case.topics),
        RecordKind::Stance => of!(case.stances),
        RecordKind::ConflictState => of!(case.conflict_states),
        RecordKind::Question => of!(case.questions),
        RecordKind::Item => of!(case.items),
        RecordKind::CustodyMove => of!(case.custody_moves),
        RecordKind::ItemRecipient => of!(case.item_recipients),
        RecordKind::Request => of!(case.requests),
        RecordKind::FollowUp => of!(case.follow_ups),
        RecordKind::Deadline => of!(case.deadlines),
        RecordKind::Note => of!(case.notes),
        RecordKind::Equivalence => of!(case.equivalences),
        RecordKind::RequestItem => of!(case.request_items),
    }
}

/// `d`: asks the store what would go with the record, then asks the user.
pub fn delete(app: &mut App) -> Effect {
    let Some(target) = selected(app) else {
        say(app, "Nothing is selected to delete");
        return Effect::None;
    };
    if app.pane == Pane::Conflicts && target.kind == RecordKind::Topic {
        warn(
            app,
            "This cell is empty: nothing to delete here. D deletes the whole topic (asks first)",
        );
        return Effect::None;
    }
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
        Some(confirm) => Effect::Delete {
            target: confirm.target,
            version: confirm.version,
        },
        None => Effect::None,
    }
}

/// `n` or Esc to a question.
pub fn no(app: &mut App) {
    if let Some(form) = app.overlays.form_mut() {
        form.confirm_discard = false;
        return;
    }
    if app.overlays.take_confirm().is_some() {
        say(app, "Nothing was deleted");
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
    app.overlays.close_form();
    app.overlays.close_parts();
    app.undo.extend(batch);
    app.pending_show = match (record.kind, belongs_to) {
        (RecordKind::Note, Some(on)) => Some(on),
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

pub fn show(app: &mut App, record: RecordRef) {
    let Some((pane, row, column)) = locate(app, record) else {
        return;
    };
    app.pane = pane;
    let cursor = &mut app.cursors[pane.index()];
    cursor.row = row;
    cursor.column = column;
    cursor.scroll = 0;
}

/// Enter in the grid: the workflow of the selected row's conflict, its
/// status and resolution.
fn open_conflict(app: &mut App) {
    let grid = app.case.grid();
    let Some(row) = grid.rows.get(app.cursor().row) else {
        return;
    };
    let state = app
        .case
        .conflict_states
        .iter()
        .find(|s| s.topic_id == row.topic_id);
    if state.is_none() && !row.differs() {
        say(
            app,
            format!(
                "The opinions do not disagree on {}",
                crate::domain::text::inert(&row.topic)
            ),
        );
        return;
    }
    let topic = RecordRef {
        kind: RecordKind::Topic,
        id: row.topic_id,
    };
    let form = match state {
        Some(state) => forms::edit(
            RecordRef {
                kind: RecordKind::ConflictState,
                id: state.id,
            },
            &app.case,
        ),
        None => forms::add(RecordKind::ConflictState, &app.case, app.today(), &[topic]),
    };
    let title = format!("Conflict on {}", crate::domain::text::inert(&row.topic));
    open(
        app,
        form.map(|mut f| {
            f.title = title;
            f
        }),
        "This conflict cannot be opened",
    );
}

/// The doctor the selected question is for, in the Questions pane.
fn question_doctor(app: &App) -> Option<crate::domain::RecordId> {
    selected(app)
        .and_then(|q| app.case.questions.iter().find(|x| x.id == q.id))
        .and_then(|q| q.doctor_id)
}

/// `b` in Questions: the standard questions not yet on the list, for the
/// selected question's doctor (or for any doctor), in one step.
pub fn add_question_bank(app: &mut App) -> Effect {
    let doctor_id = question_doctor(app);
    let missing = crate::domain::question_bank::missing(&app.case.questions, doctor_id);
    if missing.is_empty() {
        say(app, "Every standard question is already on the list");
        return Effect::None;
    }
    let who = app.case.doctor_name(doctor_id).to_string();
    say(app, format!("Adding the standard questions for {who}"));
    let drafts = missing
        .into_iter()
        .map(|text| crate::domain::QuestionDraft {
            doctor_id,
            text: text.to_string(),
            status: crate::domain::QuestionStatus::Open,
            answer: String::new(),
            asked_on: None,
            answered_on: None,
            topic_id: None,
            blind_text: String::new(),
            former_doctor: String::new(),
        })
        .collect();
    Effect::AddQuestions(drafts)
}

/// `s` in Questions: marks the selected question asked, today.
pub fn mark_asked(app: &mut App) -> Effect {
    let today = app.today();
    let Some(record) = selected(app).filter(|r| r.kind == RecordKind::Question) else {
        return Effect::None;
    };
    let Some(question) = app.case.questions.iter().find(|q| q.id == record.id) else {
        return Effect::None;
    };
    if question.status != crate::domain::QuestionStatus::Open {
        say(
            app,
            format!(
                "This question is already {}; e changes it",
                question.status.label()
            ),
        );
        return Effect::None;
    }
    let mut draft = question.data.clone();
    draft.status = crate::domain::QuestionStatus::Asked;
    draft.asked_on = Some(today);
    Effect::Save {
        draft: crate::domain::AnyDraft::Question(draft),
        editing: Some((question.id, question.stamp.version)),
    }
}

/// The request selected in the Requests pane.
fn selected_request(app: &App) -> Option<&crate::domain::RecordRequest> {
    let record = selected(app).filter(|r| r.kind == RecordKind::Request)?;
    app.case.requests.iter().find(|r| r.id == record.id)
}

/// `R` in Requests: the request was answered. A form asks when, and for
/// each item it asked for whether the original came or a new copy.
pub fn mark_received(app: &mut App) {
    let today = app.today();
    let Some(request) = selected_request(app) else {
        return;
    };
    if request.status == crate::domain::RequestStatus::Received {
        say(
            app,
            match request.received_on {
                Some(on) => format!(
                    "This request is already marked received, on {}",
                    on.format("%-d %b %Y")
                ),
                None => "This request is already marked received".to_string(),
            },
        );
        return;
    }
    let form = forms::receipt(&app.case, request.id, today);
    open(app, form, "This request cannot be marked received here");
}

/// `x` in Requests: the provider sent a written extension. A form asks
/// when the notice came, and shows the new due date before saving.
pub fn record_extension(app: &mut App) {
    let today = app.today();
    let Some(request) = selected_request(app) else {
        return;
    };
    if request.extended_on.is_some() {
        say(
            app,
            "This request was already extended: the law allows one extension (e changes its date)",
        );
        return;
    }
    if !request.status.is_waiting() {
        say(
            app,
            format!(
                "This request is {}: there is no clock to extend",
                request.status.label()
            ),
        );
        return;
    }
    let form = forms::extension(&app.case, request.id, today);
    open(app, form, "This request cannot be extended here");
}

/// `x` in the grid: the declarations on the row's topic, to remove one.
pub fn list_equivalences(app: &mut App) {
    let grid = app.case.grid();
    let Some(row) = grid.rows.get(app.cursor().row) else {
        return;
    };
    let records: Vec<RecordRef> = app
        .case
        .equivalences
        .iter()
        .filter(|e| e.topic_id == row.topic_id)
        .map(|e| RecordRef {
            kind: RecordKind::Equivalence,
            id: e.id,
        })
        .collect();
    if records.is_empty() {
        say(
            app,
            "No stances on this topic have been declared the same (= declares two the same)",
        );
        return;
    }
    app.overlays.open_parts(super::Parts {
        reasons: Vec::new(),
        title: format!(
            "Stances declared the same on {}",
            crate::domain::text::inert(&row.topic)
        ),
        records,
        row: 0,
    });
}

/// `r` in the grid: a question for each doctor whose opinion takes part in
/// the selected row's disagreement, linked to its topic.
pub fn raise_questions(app: &mut App) -> Effect {
    let grid = app.case.grid();
    let Some(row) = grid.rows.get(app.cursor().row) else {
        return Effect::None;
    };
    if !row.differs() {
        say(
            app,
            "The opinions agree on this topic: there is nothing to ask about",
        );
        return Effect::None;
    }
    let drafts = crate::domain::conflict::questions_for(&app.case, grid, row.topic_id);
    if drafts.is_empty() {
        say(
            app,
            "Each doctor already has an open question about this conflict",
        );
        return Effect::None;
    }
    Effect::AddQuestions(drafts)
}

/// Enter on an item or a request: the records that belong to it, to edit
/// or delete one by one.
fn open_parts(app: &mut App) {
    let Some(record) = selected(app) else {
        return;
    };
    let case = &app.case;
    let (records, empty): (Vec<RecordRef>, &str) = match record.kind {
        RecordKind::Item => {
            let Some(item) = case.item(record.id) else {
                return;
            };
            let mut records: Vec<RecordRef> =
                crate::domain::item::custody_log(item, &case.custody_moves)
                    .into_iter()
                    .map(|m| RecordRef {
                        kind: RecordKind::CustodyMove,
                        id: m.id,
                    })
                    .collect();
            records.extend(
                case.item_recipients
                    .iter()
                    .filter(|r| r.item_id == item.id)
                    .map(|r| RecordRef {
                        kind: RecordKind::ItemRecipient,
                        id: r.id,
                    }),
            );
            (
                records,
                "No moves or doctors recorded for this item yet: m records a move, r a doctor who needs it",
            )
        }
        RecordKind::Request => (
            case.request_items
                .iter()
                .filter(|r| r.request_id == record.id)
                .map(|r| RecordRef {
                    kind: RecordKind::RequestItem,
                    id: r.id,
                })
                .chain(
                    case.follow_ups
                        .iter()
                        .filter(|f| f.request_id == record.id)
                        .map(|f| RecordRef {
                            kind: RecordKind::FollowUp,
                            id: f.id,
                        }),
                )
                .collect(),
            "No items or follow-ups on this request yet: i links an item it asks for, f adds a follow-up",
        ),
        _ => return,
    };
    if records.is_empty() {
        say(app, empty);
        return;
    }
    app.overlays.open_parts(super::Parts {
        reasons: Vec::new(),
        title: format!("What belongs to the {}", title(case, record)),
        records,
        row: 0,
    });
}

/// Enter: in Notes, go to the record the note is on; on an item or a
/// request, list what belongs to it.
pub fn open_selected(app: &mut App) {
    if app.pane == Pane::Overview {
        open_attention(app);
        return;
    }
    if matches!(app.pane, Pane::Imaging | Pane::Requests) && app.overlays.parts().is_none() {
        open_parts(app);
        return;
    }
    if app.pane == Pane::Conflicts {
        open_conflict(app);
        return;
    }
    if app.pane != Pane::Notes {
        return;
    }
    let Some(note) = lists::note_at(app, app.cursor().row) else {
        return;
    };
    match note.on {
        Some(on) if locate(app, on).is_some() => show(app, on),
        Some(on) => say(
            app,
            format!(
                "The {} this note is on is no longer in the case",
                on.kind.label()
            ),
        ),
        None => show(
            app,
            RecordRef {
                kind: RecordKind::Case,
                id: app.case.case.as_ref().map_or(0, |c| c.id),
            },
        ),
    }
}

/// `f` in Notes: everyone's notes, then each author's in turn.
pub fn filter_notes_by_author(app: &mut App) {
    let authors = app.notes_window.authors.clone();
    let next = match &app.notes_filter.author {
        None => authors.first().cloned(),
        Some(current) => authors
            .iter()
            .position(|a| a == current)
            .and_then(|i| authors.get(i + 1).cloned()),
    };
    app.notes_filter.author = next;
    app.cursors[Pane::Notes.index()] = Default::default();
    say(
        app,
        match &app.notes_filter.author {
            Some(author) => format!("Showing {author}'s notes (f for the next author)"),
            None => "Showing everyone's notes".into(),
        },
    );
}

/// `r` in Notes: only the notes on the selected note's record, or all.
pub fn filter_notes_by_record(app: &mut App) {
    if app.notes_filter.on.is_some() {
        app.notes_filter.on = None;
        say(app, "Showing notes on every record");
    } else {
        let Some(note) = lists::note_at(app, app.cursor().row) else {
            return;
        };
        let on = note.on;
        app.notes_filter.on = Some(on);
        let what = match on {
            Some(on) => title(&app.case, on),
            None => "the case".into(),
        };
        say(app, format!("Showing only the notes on {what} (r for all)"));
    }
    app.cursors[Pane::Notes.index()] = Default::default();
}

/// A packet was written: say where (the whole path), and keep it for `o`.
pub fn written(
    app: &mut App,
    path: std::path::PathBuf,
    message: String,
    left_out: Vec<(RecordRef, String)>,
) {
    app.written = Some(path);
    if left_out.is_empty() {
        say(app, message);
        return;
    }
    warn(app, message);
    let (records, reasons) = left_out.into_iter().unzip();
    app.overlays.open_parts(super::Parts {
        title: "Left out of the blind packet: e rewords one to have it in".into(),
        records,
        row: 0,
        reasons,
    });
}

/// `o`: opens the file written last with the desktop's opener.
pub fn open_written(app: &mut App) -> Effect {
    match &app.written {
        Some(path) => Effect::Open(path.clone()),
        None => {
            say(
                app,
                "Nothing has been written in this session to open: p or P in Doctors (9) writes a packet",
            );
            Effect::None
        }
    }
}
