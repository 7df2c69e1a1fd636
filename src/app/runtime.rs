//! The runtime: it performs effects against the case file, feeds their
//! results back as actions, and draws when there is nothing left to do.

use std::collections::VecDeque;
use std::path::PathBuf;

use anyhow::Result;
use ratatui::crossterm::event;
use ratatui::{Terminal, backend::Backend};

use super::{Action, App, Effect, events, update};
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
        if let Ok(Some((saved_at, json))) = self.store.left_draft() {
            self.dispatch(Action::DraftFound { saved_at, json });
        }
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

    /// Applies `action` and every action its effects lead to.
    pub fn dispatch(&mut self, action: Action) {
        let mut queue = VecDeque::from([action]);
        while let Some(action) = queue.pop_front() {
            let effect = update(&mut self.app, action);
            if let Some(next) = self.perform(effect) {
                queue.push_back(next);
            }
        }
    }

    fn perform(&mut self, effect: Effect) -> Option<Action> {
        match effect {
            Effect::None => None,
            Effect::KeepDraft(json) => {
                let kept = match json {
                    Some(json) => self.store.keep_draft(&json),
                    None => self.store.clear_draft(),
                };
                // Keeping a draft is not a change to the case: it is not
                // taken for another copy's save.
                let _ = self.store.changed_elsewhere();
                match kept {
                    Ok(()) => None,
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
            Effect::Load => Some(match self.store.snapshot() {
                Ok(case) => Action::Loaded(Box::new(case)),
                Err(error) => Action::Failed(format!("Could not read the case file: {error:#}")),
            }),
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
                self.store
                    .left_draft()
                    .ok()
                    .flatten()
                    .map(|(saved_at, json)| Action::DraftFound { saved_at, json })
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

/// How often the case file is looked at for another copy's changes.
const LOOK_AGAIN: std::time::Duration = std::time::Duration::from_millis(500);

/// Runs the app on a real terminal until the user quits.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    runtime: &mut Runtime,
    stop: &std::sync::atomic::AtomicBool,
) -> Result<()>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let size = terminal.size()?;
    runtime.dispatch(Action::Resize { rows: size.height });
    loop {
        if stop.load(std::sync::atomic::Ordering::Relaxed) {
            // Stopped from outside: keep what is being typed for next time.
            runtime.keep_draft_now();
            break;
        }
        if runtime.app.quitting {
            runtime.forget_draft_if_closed();
            break;
        }
        terminal.draw(|frame| crate::ui::render(frame, &runtime.app))?;
        // Wait for a key, but look at the file twice a second so that
        // another copy's changes show without a restart.
        if !event::poll(LOOK_AGAIN)? {
            runtime.dispatch(Action::Tick);
            continue;
        }
        let event = event::read()?;
        if let Some(action) = events::translate(&runtime.app, &event) {
            runtime.dispatch(action);
        }
    }
    Ok(())
}
