//! `update` turns an action into a new state and, where the file must be
//! read or written, an effect. It does no I/O.

use super::lists::{column_count, row_count};
use super::{Action, App, Effect, Overlay, Pane, Status};
use super::{editing, panes, search};
use crate::domain::RecordKind;

/// Rows of the screen above a pane's list: title, tabs, and the pane's
/// border and heading.
const CHROME_ROWS: u16 = 6;

pub fn update(app: &mut App, action: Action) -> Effect {
    // What is open over the panes takes the keys that move and open first:
    // the one on top, and only it.
    let action = match on_top(app, action) {
        Ok(effect) => return effect,
        Err(action) => action,
    };
    match action {
        Action::Quit => app.quitting = true,
        Action::ToggleHelp => match app.overlays.help() {
            Some(_) => app.overlays.close_help(),
            None => app.overlays.open_help(0u16),
        },
        Action::CloseHelp => app.overlays.close_help(),
        Action::OpenSearch => search::open(app),
        Action::CloseSearch => app.overlays.close_search(),
        Action::SearchKey(input) => return search::key(app, input),
        Action::SearchResults { query, hits } => search::found(app, query, hits),
        Action::NextPane => go_to(app, app.pane.next()),
        Action::PreviousPane => go_to(app, app.pane.previous()),
        Action::GoTo(pane) => go_to(app, pane),
        Action::CloseParts => app.overlays.close_parts(),
        Action::Up => move_rows(app, -1),
        Action::Down => move_rows(app, 1),
        Action::PageUp => move_rows(app, -page(app)),
        Action::PageDown => move_rows(app, page(app)),
        Action::Top => move_rows(app, isize::MIN / 2),
        Action::Bottom => move_rows(app, isize::MAX / 2),
        Action::ScrollDetailDown => scroll_detail(app, 3),
        Action::ScrollDetailUp => scroll_detail(app, -3),
        Action::Left => move_columns(app, -1),
        Action::Right => move_columns(app, 1),
        Action::Compare => panes::opinions::compare(app),
        Action::CloseCompare => app.overlays.close_compare(),
        Action::ToggleSeenGrid => app.seen_grid = !app.seen_grid,
        Action::CloseSeenGrid => app.seen_grid = false,
        Action::OpenDemo => {
            app.status = Some(info("Opening the demo case..."));
            return Effect::OpenDemo;
        }
        Action::Click { column, row } => click(app, column, row),
        Action::Resize { columns, rows } => {
            app.page_rows = usize::from(rows.saturating_sub(CHROME_ROWS + 4)).max(1);
            app.columns = columns;
        }
        Action::Reload => return Effect::Load,
        Action::Settle => return panes::notes::settle(app),
        Action::Tick if super::disc::reading(app) => return Effect::PollDisc,
        Action::ImportDisc => return super::disc::start(app),
        Action::DiscPlaces(places) => super::disc::open_form(app, places),
        Action::DiscProgress(progress) => super::disc::progress(app, progress),
        Action::DiscRead(result) => super::disc::read_done(app, *result),
        Action::DiscImported { written, batch } => {
            return super::disc::imported(app, &written, batch);
        }
        Action::Tick => {
            // Keep what is being typed; forget it once the form is gone.
            let now = app
                .overlays
                .form()
                .filter(|form| form.has_changes())
                .and_then(|form| serde_json::to_string(&form.to_draft()).ok());
            if now != app.draft_kept {
                app.draft_kept = now.clone();
                return Effect::KeepDraft(now);
            }
            return Effect::LookForChanges;
        }
        Action::DraftFound { saved_at, json } => {
            let today = app.today();
            let draft: Option<super::form::FormDraft> = serde_json::from_str(&json).ok();
            match draft.and_then(|draft| super::forms::restore(&draft, &app.case, today)) {
                Some(mut form) => {
                    let when = app.clock.local(saved_at).format("%-d %b %H:%M");
                    form.message = Some(format!(
                        "Restored what you were typing when casefile stopped ({when}). \
                         Ctrl-S saves it; Esc puts it away (it asks first)"
                    ));
                    app.overlays.open_form(form);
                    app.draft_kept = Some(json);
                }
                None => {
                    app.status = Some(info(
                        "A form left unsaved last time could not be opened again: its record is gone",
                    ));
                    return Effect::KeepDraft(None);
                }
            }
        }
        Action::ChangedElsewhere => {
            app.status = Some(info(
                "Updated with changes saved by another copy of casefile",
            ));
            return Effect::Refresh;
        }
        Action::Loaded(case) => {
            let first_load = !app.loaded;
            app.case = *case;
            app.loaded = true;
            app.notes_generation += 1;
            clamp_cursors(app);
            // A file that does not exist yet first says so, and waits for
            // the user to start a case there.
            if first_load && app.case.is_empty() && !app.missing_file {
                start_case(app);
            }
            return show_pending(app);
        }
        Action::Refreshed { changes, as_of } => {
            let notes_changed = changes.iter().any(|fresh| match fresh {
                crate::domain::Fresh::Note(_) => true,
                crate::domain::Fresh::Gone(gone) => gone.kind == crate::domain::RecordKind::Note,
                _ => false,
            });
            app.case.apply_all(changes, as_of);
            if notes_changed {
                app.notes_generation += 1;
            }
            clamp_cursors(app);
            return show_pending(app);
        }
        Action::NotesRead(read) => {
            let read = *read;
            app.case.notes = read.notes;
            app.notes_window = read.window;
            let cursor = &mut app.cursors[Pane::Notes.index()];
            cursor.row = cursor.row.min(app.notes_window.total.saturating_sub(1));
        }
        Action::NoteRead(note) => {
            if !app.case.notes.iter().any(|n| n.id == note.id) {
                app.case.notes.push(*note);
            }
        }
        Action::NoteLocated { row, filter } => {
            app.overlays.close_search();
            app.notes_filter = filter;
            app.pane = Pane::Notes;
            let cursor = &mut app.cursors[Pane::Notes.index()];
            cursor.row = row;
            cursor.scroll = 0;
        }
        Action::Switched { file, note } => {
            app.missing_file = false;
            app.file = file;
            app.overlays.close_form();
            app.draft_kept = None;
            app.cursors = Default::default();
            app.pane = Pane::Overview;
            app.status = Some(info(&note));
            return Effect::Load;
        }
        Action::WritePacket { blind } => return panes::doctors::write_packet(app, blind),
        Action::WriteSummary => return Effect::WriteSummary,
        Action::Done(message) => app.status = Some(info(&message)),
        Action::Written {
            path,
            message,
            left_out,
        } => panes::doctors::written(app, path, message, left_out),
        Action::OpenWritten => return panes::doctors::open_written(app),
        Action::Add => editing::add(app),
        Action::AddTo(kind) => editing::add_to(app, kind),
        Action::Edit => editing::edit(app),
        Action::EditStance => panes::conflicts::edit_cell(app),
        Action::DeleteStance => return panes::conflicts::delete_cell(app),
        Action::EditTopic => panes::conflicts::edit_topic(app),
        Action::DeleteTopic => return panes::conflicts::delete_topic(app),
        Action::RaiseQuestions => return panes::conflicts::raise_questions(app),
        Action::ListSame => panes::conflicts::list_equivalences(app),
        Action::OfferOptions => return panes::decide::offer_options(app),
        Action::AddFactor => panes::decide::add_factor(app),
        Action::AskAboutFactor => panes::decide::ask_about_factor(app),
        Action::ToggleOptionGrid => panes::decide::toggle_grid(app),
        Action::AddHere(kind) => panes::decide::add_here(app, kind),
        Action::RecordDecision => panes::decide::record_decision(app),
        Action::AddQuestionBank => return panes::questions::add_question_bank(app),
        Action::MarkAsked => return panes::questions::mark_asked(app),
        Action::MarkReceived => panes::requests::mark_received(app),
        Action::RecordExtension => panes::requests::record_extension(app),
        Action::Delete => return editing::delete(app),
        Action::Note => editing::note(app),
        Action::Undo => return editing::undo(app),
        Action::History => return Effect::LoadHistory,
        Action::CloseHistory => app.overlays.close_history(),
        Action::StartCase => start_case(app),
        Action::FormKey(input) => {
            let today = app.today();
            if let Some(form) = app.overlays.form_mut() {
                form.input(input);
                super::forms::refresh(form, &app.case, today);
            }
        }
        Action::Paste(text) if app.overlays.authors().is_some() => {
            if let Some(name) = app
                .overlays
                .authors_mut()
                .and_then(|picker| picker.new_name.as_mut())
            {
                let line = text.lines().next().unwrap_or_default();
                name.extend(line.chars().filter(|c| !c.is_control()).take(60));
            }
        }
        Action::FormText(text) => {
            let today = app.today();
            if let Some(form) = app.overlays.form_mut() {
                form.type_text(&text);
                super::forms::refresh(form, &app.case, today);
            }
        }
        Action::Paste(text) if app.overlays.form().is_none() => return search::paste(app, &text),
        Action::Paste(text) => {
            let today = app.today();
            if let Some(form) = app.overlays.form_mut() {
                form.paste(&text);
                super::forms::refresh(form, &app.case, today);
            }
        }
        Action::NextField => {
            if let Some(form) = app.overlays.form_mut() {
                form.next_field();
            }
        }
        Action::PreviousField => {
            if let Some(form) = app.overlays.form_mut() {
                form.previous_field();
            }
        }
        Action::ClearField => {
            let today = app.today();
            if let Some(form) = app.overlays.form_mut() {
                form.clear_field();
                super::forms::refresh(form, &app.case, today);
            }
        }
        Action::ChoiceMove(by) => {
            if let Some(form) = app.overlays.form_mut() {
                form.choice_move(by);
            }
        }
        Action::ChoicePick => {
            let today = app.today();
            if let Some(form) = app.overlays.form_mut() {
                form.choice_pick();
                super::forms::refresh(form, &app.case, today);
            }
        }
        Action::ChoiceClose => {
            if let Some(form) = app.overlays.form_mut() {
                form.choice_close();
            }
        }
        Action::AskDoctor => panes::questions::ask_doctor(app),
        Action::SaveForm => return editing::save_form(app),
        Action::CancelForm => editing::cancel_form(app),
        Action::Yes => return editing::yes(app),
        Action::No => editing::no(app),
        Action::Open => panes::open(app),
        Action::FilterNotesByAuthor => panes::notes::filter_notes_by_author(app),
        Action::FilterNotesByRecord => panes::notes::filter_notes_by_record(app),
        Action::Saved {
            record,
            batch,
            message,
        } => return editing::saved(app, record, batch, message),
        Action::SaveFailed(message) => editing::save_failed(app, message),
        Action::SavedElsewhere {
            by,
            version,
            theirs,
            linked,
        } => {
            if let Some(form) = app.overlays.form_mut() {
                form.message = Some(format!(
                    "{by} saved this record while you had it open; nothing was overwritten. \
                     Their values are shown under yours. Ctrl-K: keep yours · Ctrl-T: take theirs · \
                     Ctrl-G: take theirs where you changed nothing"
                ));
                form.theirs = Some(super::form::Theirs {
                    by,
                    version,
                    values: theirs,
                    linked,
                });
            }
        }
        Action::KeepMine => {
            if let Some(form) = app.overlays.form_mut()
                && form.theirs.is_some()
            {
                form.keep_mine();
                return editing::save_form(app);
            }
        }
        Action::TakeTheirs => {
            if app.overlays.form().is_some_and(|f| f.theirs.is_some()) {
                app.overlays.close_form();
                app.status = Some(info("Took their version; what you typed was dropped"));
                return Effect::Refresh;
            }
        }
        Action::MergeTheirs => {
            if let Some(form) = app.overlays.form_mut()
                && form.theirs.is_some()
            {
                form.merge_theirs();
                form.message = Some(
                    "Merged: their changes where you had changed nothing. Review, then Ctrl-S saves".into(),
                );
            }
        }
        Action::DeletePlanned {
            target,
            version,
            plan,
        } => editing::delete_planned(app, target, version, &plan),
        Action::Deleted { batch, message } => return editing::deleted(app, batch, message),
        Action::Undone { message, record } => {
            app.undone += 1;
            app.status = Some(info(&format!("Undid: {message}")));
            app.overlays.close_parts();
            app.pending_show = record;
            return Effect::Refresh;
        }
        Action::HistoryLoaded(changes) => editing::history_loaded(app, changes),
        Action::KeepAuthor => {
            if let Some(picker) = app.overlays.authors_mut()
                && picker.new_name.is_some()
            {
                picker.new_name = None;
                picker.error = None;
            } else {
                app.overlays.close_authors();
                app.status = Some(info(&format!("Writing as {}", app.author)));
            }
        }
        Action::AuthorNameKey(input) => {
            if let Some(picker) = app.overlays.authors_mut()
                && let Some(name) = &mut picker.new_name
            {
                match input.key {
                    ratatui_textarea::Key::Char(c)
                        if !c.is_control() && !input.ctrl && name.chars().count() < 60 =>
                    {
                        name.push(c);
                    }
                    ratatui_textarea::Key::Backspace => {
                        name.pop();
                    }
                    _ => {}
                }
                picker.error = None;
            }
        }
        Action::AuthorChosen(name) => {
            app.overlays.close_authors();
            app.author = name.clone();
            app.status = Some(info(&format!("Writing as {name}")));
            return Effect::SetAuthor(name);
        }
        Action::Show(record) => return editing::reveal(app, record, false),
        Action::Failed(message) => {
            app.status = Some(Status {
                text: message,
                is_error: true,
            });
        }
    }
    Effect::None
}

/// The moving and opening keys, taken by the overlay on top: `Ok` with
/// what they lead to, or the action back when nothing is open over the
/// panes or the overlay on top does not take it.
fn on_top(app: &mut App, action: Action) -> Result<Effect, Action> {
    let by = match action {
        Action::Up | Action::Left => -1,
        Action::Down | Action::Right => 1,
        Action::PageUp => -page(app),
        Action::PageDown => page(app),
        Action::Top => isize::MIN / 2,
        Action::Bottom => isize::MAX / 2,
        _ => 0,
    };
    let moving = matches!(
        action,
        Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom
    );
    let sideways = matches!(action, Action::Left | Action::Right);
    let open = matches!(action, Action::Open);
    match app.overlays.top_mut() {
        Some(Overlay::Help(scroll)) if moving => {
            let moved = i64::from(*scroll) + i64::try_from(by).unwrap_or(0);
            *scroll = u16::try_from(moved.clamp(0, 200)).unwrap_or(0);
        }
        Some(Overlay::History(history)) if moving => {
            history.row = step(history.row, by, history.changes.len());
        }
        Some(Overlay::Parts(parts)) if moving => {
            parts.row = step(parts.row, by, parts.records.len());
        }
        Some(Overlay::Search(_)) if moving => search::move_selection(app, by),
        Some(Overlay::Search(_)) if open => return Ok(search::go(app)),
        Some(Overlay::Authors(_)) if moving => move_picker(app, by),
        Some(Overlay::Authors(_)) if open => return Ok(choose_author(app)),
        Some(Overlay::Compare(_)) if sideways => panes::opinions::move_compared(app, by),
        Some(Overlay::Disc(_)) if matches!(action, Action::Yes) => {
            return Ok(super::disc::yes(app));
        }
        Some(Overlay::Disc(_)) if matches!(action, Action::No) => return Ok(super::disc::no(app)),
        _ => return Err(action),
    }
    Ok(Effect::None)
}

/// The case setup form, for an empty case file.
fn start_case(app: &mut App) {
    if let Some(mut form) = super::forms::add(RecordKind::Case, &app.case, app.today(), &[]) {
        form.title = "Start your case".into();
        app.overlays.open_form(form);
    }
}

fn move_picker(app: &mut App, by: isize) {
    if let Some(picker) = app.overlays.authors_mut()
        && picker.new_name.is_none()
    {
        // The names, then "someone else".
        picker.selected = step(picker.selected, by, picker.names.len() + 1);
    }
}

/// Enter in the question of who is writing: a name, or someone new
/// whose name is then typed.
fn choose_author(app: &mut App) -> Effect {
    let Some(picker) = app.overlays.authors_mut() else {
        return Effect::None;
    };
    let name = match &picker.new_name {
        Some(typed) => {
            let typed = typed.trim().to_string();
            if typed.is_empty() {
                picker.error = Some("Type the name of who is writing, then Enter".into());
                return Effect::None;
            }
            typed
        }
        None => match picker.names.get(picker.selected) {
            Some(name) => name.clone(),
            None => {
                picker.new_name = Some(String::new());
                return Effect::None;
            }
        },
    };
    update(app, Action::AuthorChosen(name))
}

fn info(text: &str) -> Status {
    Status {
        text: text.to_string(),
        is_error: false,
    }
}

fn go_to(app: &mut App, pane: Pane) {
    if app.shows_welcome() {
        return;
    }
    app.pane = pane;
}

fn page(app: &App) -> isize {
    isize::try_from(app.page_rows.max(1)).unwrap_or(1)
}

fn step(position: usize, by: isize, count: usize) -> usize {
    if count == 0 {
        return 0;
    }
    let moved = isize::try_from(position)
        .unwrap_or(0)
        .saturating_add(by)
        .clamp(0, isize::try_from(count - 1).unwrap_or(0));
    usize::try_from(moved).unwrap_or(0)
}

fn move_rows(app: &mut App, by: isize) {
    if app.pane == Pane::Decide {
        panes::decide::move_rows(app, by);
        return;
    }
    if app.pane == Pane::Opinions {
        let cursor = app.cursor_mut();
        let scrolled = i64::from(cursor.scroll) + i64::try_from(by).unwrap_or(0);
        cursor.scroll = u16::try_from(scrolled.clamp(0, MAX_SCROLL)).unwrap_or(0);
        return;
    }
    let count = row_count(app, app.pane);
    let cursor = app.cursor_mut();
    let moved = step(cursor.row, by, count);
    if moved != cursor.row {
        cursor.row = moved;
        cursor.scroll = 0;
    }
}

/// The furthest a detail scrolls; the view stops at its last line anyway.
const MAX_SCROLL: i64 = 500;

fn scroll_detail(app: &mut App, by: i64) {
    let cursor = app.cursor_mut();
    let scrolled = (i64::from(cursor.scroll) + by).clamp(0, MAX_SCROLL);
    cursor.scroll = u16::try_from(scrolled).unwrap_or(0);
}

fn move_columns(app: &mut App, by: isize) {
    if app.pane == Pane::Decide {
        panes::decide::move_sideways(app, by);
        return;
    }
    let count = column_count(app, app.pane);
    let cursor = app.cursor_mut();
    let moved = step(cursor.column, by, count);
    if moved != cursor.column {
        cursor.column = moved;
        cursor.scroll = 0;
    }
}

fn click(app: &mut App, column: u16, row: u16) {
    // The tab bar is the second line of the screen; a click reaches it
    // only when nothing is open over the panes.
    if row == 1
        && app.overlays.is_empty()
        && let Some(spot) = Pane::tab_at(column, app.columns, app.pane)
    {
        let (super::TabSpot::Tab(pane)
        | super::TabSpot::Earlier(pane)
        | super::TabSpot::Later(pane)) = spot;
        go_to(app, pane);
    }
}

/// Keeps every cursor on a row that exists after the case was read again.
/// Selects the record waiting to be shown, now that the case is read. A
/// note's place in its long list is asked of the file.
fn show_pending(app: &mut App) -> Effect {
    match app.pending_show.take() {
        Some(record) => editing::reveal(app, record, false),
        None => Effect::None,
    }
}

fn clamp_cursors(app: &mut App) {
    for pane in Pane::ALL {
        let rows = row_count(app, pane);
        let columns = column_count(app, pane);
        let cursor = &mut app.cursors[pane.index()];
        cursor.row = cursor.row.min(rows.saturating_sub(1));
        cursor.column = cursor.column.min(columns.saturating_sub(1));
    }
    panes::decide::clamp(app);
}
