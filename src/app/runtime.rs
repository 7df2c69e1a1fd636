//! The runtime: it performs effects against the case file, feeds their
//! results back as actions, and draws when there is nothing left to do.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use ratatui::{Terminal, backend::Backend};

use super::events::Incoming;
use super::{Action, App, Effect, events, lists, update};
use crate::cli::files;
use crate::demo::{DemoOutcome, write_demo};
use crate::domain::{Choice, RecordRef};
use crate::export::Format;
use crate::export::packet::{Blindness, packet};
use crate::store::Store;

/// The app together with the case file it shows.
pub struct Runtime {
    pub app: App,
    store: Store,
    /// Where the demo case lives, for the welcome screen's demo key.
    demo_file: PathBuf,
}

impl Runtime {
    /// Starts on `store` and reads the case once.
    pub fn new(store: Store, demo_file: PathBuf) -> Self {
        let app = App::new(store.author(), store.path().to_path_buf(), store.clock());
        let mut runtime = Runtime {
            app,
            store,
            demo_file,
        };
        runtime.dispatch(Action::Reload);
        runtime.offer_draft();
        runtime
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Opens again the form this writer left unsaved, if there is one.
    fn offer_draft(&mut self) {
        if let Some(action) = self.draft_action() {
            self.dispatch(action);
        }
    }

    /// The form this writer left unsaved, as the action that restores it.
    /// A note it was changing is read first if the screen does not hold it
    /// (the screen holds only the notes it shows).
    fn draft_action(&mut self) -> Option<Action> {
        let (saved_at, json) = self.store.left_draft().ok().flatten()?;
        if let Ok(draft) = serde_json::from_str::<super::form::FormDraft>(&json)
            && draft.kind == crate::domain::RecordKind::Note
            && let Some((id, _)) = draft.editing
            && !self.app.case.notes.iter().any(|note| note.id == id)
            && let Ok(Some(note)) = self.store.get::<crate::domain::NoteDraft>(id)
        {
            self.run(Action::NoteRead(Box::new(note)));
        }
        Some(Action::DraftFound { saved_at, json })
    }

    /// On a clean quit with no form open, nothing is left to restore.
    pub fn forget_draft_if_closed(&mut self) {
        if self.app.form.is_none() {
            let _ = self.store.clear_draft();
        }
    }

    /// Keeps the open form's typing now: casefile is being stopped.
    pub fn keep_draft_now(&mut self) {
        if let Some(json) = self
            .app
            .form
            .as_ref()
            .filter(|form| form.has_changes())
            .and_then(|form| serde_json::to_string(&form.to_draft()).ok())
        {
            let _ = self.store.keep_draft(&json);
        }
    }

    /// Asks, before anything else, which of `names` is writing; the
    /// current writer is chosen to begin with.
    pub fn ask_author(&mut self, names: Vec<String>) {
        let selected = names
            .iter()
            .position(|n| *n == self.app.author)
            .unwrap_or(0);
        self.app.author_picker = Some(super::AuthorPicker { names, selected });
    }

    /// Applies `action` and every action its effects lead to, then reads
    /// what the screen now needs and has not read yet.
    pub fn dispatch(&mut self, action: Action) {
        self.run(action);
        self.read_visible();
    }

    fn run(&mut self, action: Action) {
        let mut queue = VecDeque::from([action]);
        while let Some(action) = queue.pop_front() {
            let effect = update(&mut self.app, action);
            if let Some(next) = self.perform(effect) {
                queue.push_back(next);
            }
        }
    }

    /// Reads the part of the notes the screen needs, if what was read
    /// before no longer serves.
    fn read_visible(&mut self) {
        if !self.app.loaded {
            return;
        }
        let wanted = lists::notes_wanted(&self.app);
        if lists::notes_read_serve(&self.app, &wanted) {
            return;
        }
        let action = match self.read_notes(wanted) {
            Ok(read) => Action::NotesRead(Box::new(read)),
            Err(error) => Action::Failed(format!("Could not read the notes: {error:#}")),
        };
        self.run(action);
    }

    fn read_notes(&self, wanted: lists::NotesWanted) -> Result<super::NotesRead> {
        let app = &self.app;
        let old = &app.notes_window;
        let same_notes = old.generation == app.notes_generation;
        let (all, authors) = if same_notes {
            (old.all, old.authors.clone())
        } else {
            (
                self.store.notes_count(&Default::default())?,
                self.store.note_authors()?,
            )
        };
        let total = if same_notes && old.filter == wanted.filter {
            old.total
        } else {
            self.store.notes_count(&wanted.filter)?
        };
        // Only the record on screen changed: the window's notes stay.
        let (offset, mut notes) = if lists::window_serves(app, &wanted) {
            let (offset, notes) = lists::notes_read(app);
            (offset, notes.into_iter().cloned().collect())
        } else {
            let offset = wanted
                .row
                .min(total.saturating_sub(1))
                .saturating_sub(lists::NOTES_AROUND);
            let notes = self
                .store
                .notes_page(&wanted.filter, offset, 2 * lists::NOTES_AROUND)?;
            (offset, notes)
        };
        let ids = notes.iter().map(|note| note.id).collect();
        if let Some(on) = wanted.on {
            for note in self.store.notes_on(on)? {
                if !notes.iter().any(|n| n.id == note.id) {
                    notes.push(note);
                }
            }
        }
        Ok(super::NotesRead {
            window: super::NotesWindow {
                filter: wanted.filter,
                offset,
                ids,
                total,
                all,
                authors,
                on: wanted.on,
                generation: app.notes_generation,
            },
            notes,
        })
    }

    fn perform(&mut self, effect: Effect) -> Option<Action> {
        match effect {
            Effect::None => None,
            Effect::KeepDraft(json) => {
                let kept = match json {
                    Some(json) => self.store.keep_draft(&json),
                    None => self.store.clear_draft(),
                };
                match kept {
                    // Keeping a draft is this copy's own write, which SQLite
                    // does not count as a change from elsewhere: another
                    // copy's saves still show while a form is open.
                    Ok(()) => match self.store.changed_elsewhere() {
                        Ok(true) => Some(Action::ChangedElsewhere),
                        _ => None,
                    },
                    Err(error) => Some(Action::Failed(format!(
                        "Could not keep what you are typing safe: {error:#}"
                    ))),
                }
            }
            Effect::LookForChanges => match self.store.changed_elsewhere() {
                Ok(true) => Some(Action::ChangedElsewhere),
                Ok(false) => None,
                Err(error) => Some(Action::Failed(format!(
                    "Could not read the case file: {error:#}"
                ))),
            },
            Effect::Load => Some(self.load()),
            Effect::Refresh => Some(match self.store.changes_since(self.app.case.as_of) {
                Ok(Some((changes, as_of))) => Action::Refreshed { changes, as_of },
                Ok(None) => self.load(),
                Err(error) => Action::Failed(format!("Could not read the case file: {error:#}")),
            }),
            Effect::Search(query) => Some(
                match self.store.search(&query, super::search::MOST_RESULTS) {
                    Ok(hits) => Action::SearchResults { query, hits },
                    Err(error) => Action::Failed(format!("Could not search: {error:#}")),
                },
            ),
            Effect::LocateNote { id, say_if_gone } => {
                let filter = self.app.notes_filter.clone();
                let found = match self.store.note_row(&filter, id) {
                    Ok(Some(row)) => Some((row, filter)),
                    // Not under the filter on screen: show every note.
                    Ok(None) => self
                        .store
                        .note_row(&Default::default(), id)
                        .ok()
                        .flatten()
                        .map(|row| (row, Default::default())),
                    Err(_) => None,
                };
                match found {
                    Some((row, filter)) => Some(Action::NoteLocated { row, filter }),
                    None if say_if_gone => {
                        Some(Action::Failed("That note is no longer in the case".into()))
                    }
                    None => None,
                }
            }
            Effect::Save { draft, editing } => {
                let kind = draft.kind();
                Some(match self.store.save(&draft, editing) {
                    Ok(id) => Action::Saved {
                        record: RecordRef { kind, id },
                        batch: self.store.last_batch(),
                        message: format!("Saved the {}", kind.label()),
                    },
                    Err(error) => {
                        match (error.downcast_ref::<crate::store::StaleRecord>(), editing) {
                            (Some(stale), Some((id, _))) => self.their_version(kind, id, &stale.by),
                            _ => Action::SaveFailed(format!(
                                "Not saved: {error:#}. Everything you typed is still here"
                            )),
                        }
                    }
                })
            }
            Effect::PlanDelete { target, version } => Some(match self.store.delete_plan(target) {
                Ok(plan) => Action::DeletePlanned {
                    target,
                    version,
                    plan,
                },
                Err(error) => Action::Failed(format!("Could not prepare the delete: {error:#}")),
            }),
            Effect::Delete { target, version } => {
                Some(match self.store.delete_record(target, version) {
                    Ok(_) => Action::Deleted {
                        batch: self.store.last_batch(),
                        message: format!("Deleted the {}. Press u to undo", target.kind.label()),
                    },
                    Err(error) => Action::Failed(format!("Not deleted: {error:#}")),
                })
            }
            Effect::Undo(batch) => {
                let record = self.store.batch_record(batch).ok().flatten();
                Some(match self.store.undo(batch) {
                    Ok(message) => Action::Undone { message, record },
                    Err(error) => Action::Failed(format!(
                        "{error:#}. That change stays; u now undoes the one before it"
                    )),
                })
            }
            Effect::Receive {
                request_id,
                version,
                receipt,
            } => Some(match self.store.receive(request_id, version, &receipt) {
                Ok(()) => Action::Saved {
                    record: RecordRef {
                        kind: crate::domain::RecordKind::Request,
                        id: request_id,
                    },
                    batch: self.store.last_batch(),
                    message: match receipt.moves.len() {
                        0 => "Marked received".to_string(),
                        moved => format!(
                            "Marked received, and moved {moved} item{} to {}",
                            if moved == 1 { "" } else { "s" },
                            receipt
                                .moves
                                .first()
                                .map(|m| m.to.as_str())
                                .unwrap_or_default()
                        ),
                    },
                },
                Err(error) => Action::Failed(format!("Not marked received: {error:#}")),
            }),
            Effect::AddQuestions(drafts) => Some(match self.store.add_all(&drafts) {
                Ok(added) => Action::Saved {
                    record: RecordRef {
                        kind: crate::domain::RecordKind::Question,
                        id: added.first().map_or(0, |q| q.id),
                    },
                    batch: self.store.last_batch(),
                    message: format!(
                        "Added {} question{} for {} (Questions pane, 4)",
                        added.len(),
                        if added.len() == 1 { "" } else { "s" },
                        if added
                            .iter()
                            .map(|q| q.doctor_id)
                            .collect::<std::collections::HashSet<_>>()
                            .len()
                            > 1
                        {
                            "each doctor".to_string()
                        } else {
                            self.app
                                .case
                                .doctor_name(added.first().and_then(|q| q.doctor_id))
                                .to_string()
                        }
                    ),
                },
                Err(error) => Action::Failed(format!("Could not add the questions: {error:#}")),
            }),
            Effect::LoadHistory => Some(match self.store.history() {
                Ok(changes) => Action::HistoryLoaded(changes),
                Err(error) => Action::Failed(format!("Could not read the history: {error:#}")),
            }),
            Effect::SetAuthor(name) => {
                self.store.set_author(&name);
                self.draft_action()
            }
            Effect::WritePacket { doctor_id, blind } => {
                Some(match self.write_packet(doctor_id, blind) {
                    Ok(path) => Action::Done(format!(
                        "Wrote the packet to {}: open it in a browser to read or print it",
                        path.display()
                    )),
                    Err(error) => Action::Failed(format!("Could not write the packet: {error:#}")),
                })
            }
            Effect::OpenDemo => Some(match self.open_demo() {
                Ok(action) => action,
                Err(error) => Action::Failed(format!("Could not open the demo case: {error:#}")),
            }),
        }
    }

    /// The whole case, read again.
    fn load(&mut self) -> Action {
        match self.store.snapshot_for_screen() {
            Ok(case) => Action::Loaded(Box::new(case)),
            Err(error) => Action::Failed(format!("Could not read the case file: {error:#}")),
        }
    }

    fn write_packet(&mut self, doctor_id: crate::domain::RecordId, blind: bool) -> Result<PathBuf> {
        let blindness = if blind {
            Blindness::Blind
        } else {
            Blindness::Open
        };
        let case = self.store.snapshot()?;
        let document = packet(&case, doctor_id, blindness, self.store.clock().today())?;
        let path = files::packet_path(&self.store, &document, blindness);
        files::write_out(
            Some(&path),
            &document.render(Format::Html),
            &mut std::io::sink(),
        )?;
        Ok(path)
    }

    /// The record as someone else saved it, for the form to show beside
    /// what was typed.
    fn their_version(
        &mut self,
        kind: crate::domain::RecordKind,
        id: crate::domain::RecordId,
        by: &str,
    ) -> Action {
        let theirs = self
            .store
            .snapshot()
            .ok()
            .and_then(|case| super::forms::edit(RecordRef { kind, id }, &case));
        match theirs.and_then(|form| form.target.editing.map(|(_, version)| (form, version))) {
            Some((form, version)) => Action::SavedElsewhere {
                by: by.to_string(),
                version,
                theirs: form.fields.iter().map(|f| (f.key, f.value())).collect(),
            },
            None => Action::SaveFailed(format!(
                "{by} deleted this record while you had it open. Everything you typed is still here: \
                 Esc, then add it again"
            )),
        }
    }

    fn open_demo(&mut self) -> Result<Action> {
        // Nothing typed in this file's form is carried into the demo's.
        let _ = self.store.clear_draft();
        let mut store = Store::open(&self.demo_file, self.store.author(), self.store.clock())?;
        let outcome = write_demo(&mut store)?;
        self.store = store;
        let note = match outcome {
            DemoOutcome::Written => {
                "This is the demo case, in its own file. Your own case file is untouched."
            }
            DemoOutcome::AlreadyThere => "Reopened the demo case. Your own case file is untouched.",
        };
        Ok(Action::Switched {
            file: self.demo_file.clone(),
            note: note.to_string(),
        })
    }
}

/// How often the case file is looked at for another copy's changes, and
/// the open form's typing kept.
const LOOK_AGAIN: Duration = Duration::from_millis(500);

/// How long the terminal's last input may take to arrive once it closes.
const LAST_INPUT: Duration = Duration::from_millis(200);

/// How a run ends.
enum Ending {
    /// The user quit.
    Quit,
    /// Stopped from outside, or the terminal went: the typing is kept.
    Stopped,
}

/// Runs the app on a real terminal until the user quits, casefile is
/// stopped, or the terminal goes. Everything that has arrived is handled
/// before the screen is drawn again, and the screen is drawn once for it
/// all: a paste typed as thousands of keys is one frame, not thousands.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    runtime: &mut Runtime,
    inputs: &Receiver<Incoming>,
) -> Result<()>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let size = terminal.size()?;
    runtime.dispatch(Action::Resize {
        columns: size.width,
        rows: size.height,
    });
    let mut looked = Instant::now();
    loop {
        if let Err(error) = terminal.draw(|frame| crate::ui::render(frame, &runtime.app)) {
            // The terminal is going: the typing is kept before anything else.
            runtime.keep_draft_now();
            return Err(error).context("Could not draw on the terminal");
        }
        let mut typing = Typing::default();
        let mut ending = match inputs.recv_timeout(LOOK_AGAIN.saturating_sub(looked.elapsed())) {
            Ok(input) => typing.handle(runtime, inputs, input),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => Some(Ending::Stopped),
        };
        while ending.is_none() {
            match inputs.try_recv() {
                Ok(input) => ending = typing.handle(runtime, inputs, input),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => ending = Some(Ending::Stopped),
            }
        }
        typing.put_in(runtime);
        match ending {
            Some(Ending::Quit) => {
                runtime.forget_draft_if_closed();
                return Ok(());
            }
            Some(Ending::Stopped) => {
                runtime.keep_draft_now();
                return Ok(());
            }
            None => {}
        }
        // Look at the file, and keep the typing, twice a second, however
        // fast keys come.
        if looked.elapsed() >= LOOK_AGAIN {
            runtime.dispatch(Action::Tick);
            looked = Instant::now();
        }
    }
}

/// Letters typed into a form's text, gathered while a batch of input is
/// handled and put in as one insert. The editor measures all of its text
/// on every insert, so a long paste that came as keys, put in one key at
/// a time, took minutes.
#[derive(Default)]
struct Typing {
    letters: String,
}

impl Typing {
    /// Handles one input; says how the run ends when it does.
    fn handle(
        &mut self,
        runtime: &mut Runtime,
        inputs: &Receiver<Incoming>,
        input: Incoming,
    ) -> Option<Ending> {
        match input {
            Incoming::Event(event) => {
                self.event(runtime, &event);
                runtime.app.quitting.then_some(Ending::Quit)
            }
            Incoming::Stop => {
                self.finish(runtime, inputs, Duration::ZERO);
                Some(Ending::Stopped)
            }
            Incoming::HangUp => {
                self.finish(runtime, inputs, LAST_INPUT);
                Some(Ending::Stopped)
            }
            Incoming::Lost => {
                self.put_in(runtime);
                Some(Ending::Stopped)
            }
        }
    }

    fn event(&mut self, runtime: &mut Runtime, event: &ratatui::crossterm::event::Event) {
        let Some(action) = events::translate(&runtime.app, event) else {
            return;
        };
        // A letter for the form's text waits for the next one; typing
        // changes nothing of how the keys after it are read.
        if let Action::FormKey(ratatui_textarea::Input {
            key: ratatui_textarea::Key::Char(letter),
            ctrl: false,
            alt: false,
            ..
        }) = action
            && runtime
                .app
                .form
                .as_ref()
                .is_some_and(|form| form.takes_text())
        {
            self.letters.push(letter);
            return;
        }
        self.put_in(runtime);
        runtime.dispatch(action);
    }

    /// Puts the letters gathered into the form.
    fn put_in(&mut self, runtime: &mut Runtime) {
        if !self.letters.is_empty() {
            runtime.dispatch(Action::FormText(std::mem::take(&mut self.letters)));
        }
    }

    /// Handles the terminal's input that is already on its way, waiting at
    /// most `wait` for the terminal to say it is gone, so that the typing
    /// kept is everything that was typed.
    fn finish(&mut self, runtime: &mut Runtime, inputs: &Receiver<Incoming>, wait: Duration) {
        let until = Instant::now() + wait;
        loop {
            let input = match inputs.try_recv() {
                Ok(input) => input,
                Err(TryRecvError::Disconnected) => break,
                Err(TryRecvError::Empty) => {
                    match inputs.recv_timeout(until.saturating_duration_since(Instant::now())) {
                        Ok(input) => input,
                        Err(_) => break,
                    }
                }
            };
            match input {
                Incoming::Event(event) if !runtime.app.quitting => self.event(runtime, &event),
                Incoming::Lost => break,
                _ => {}
            }
        }
        self.put_in(runtime);
    }
}
