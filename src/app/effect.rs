//! What `update` asks the runtime to do, and doing it: effects are the
//! only way the app reaches the case file, the disk and the desktop.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, TryRecvError};
use std::time::{Duration, Instant};

use anyhow::Result;

use super::{Action, Runtime, lists};
use crate::demo::{DemoOutcome, write_demo};
use crate::disc::import;
use crate::disc::{DiscError, Flow, Progress};
use crate::domain::{AnyDraft, Choice, RecordId, RecordRef};
use crate::export::Format;
use crate::export::files;
use crate::export::packet::{Blindness, packet};
use crate::store::Store;

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Save a form's draft: add it, or save it over `editing`.
    Save {
        draft: AnyDraft,
        editing: Option<(RecordId, i64)>,
    },
    /// Save an opinion's form: the opinion and its stance on each topic.
    SaveOpinion {
        opinion: crate::domain::OpinionDraft,
        stances: Vec<crate::domain::StanceEntry>,
        editing: Option<(RecordId, i64)>,
    },
    /// Work out what deleting a record would take with it.
    PlanDelete {
        target: RecordRef,
        version: i64,
    },
    /// Delete a record with what belongs to it.
    Delete {
        target: RecordRef,
        version: i64,
    },
    /// Undo the changes of one batch.
    Undo(i64),
    /// Mark a request received and move what it asked for.
    Receive {
        request_id: RecordId,
        version: i64,
        receipt: Box<crate::domain::request::Receipt>,
    },
    /// Add several questions in one transaction.
    AddQuestions(Vec<crate::domain::QuestionDraft>),
    /// Add several options of the decision in one transaction (one undo).
    AddOptions(Vec<crate::domain::OptionDraft>),
    /// Read the history of changes.
    LoadHistory,
    /// Write as someone else from now on.
    SetAuthor(String),
    None,
    /// Read the whole case from the file.
    Load,
    /// Read the notes the screen needs: a window of the Notes pane's list
    /// and the notes on the record on screen.
    ReadNotes(lists::NotesWanted),
    /// Read the records changed since the case was read.
    Refresh,
    /// Search every text in the case for what was typed.
    Search(String),
    /// Find where a note is in the Notes pane's list, to select it; if it
    /// is gone, say so when `say_if_gone` (a search result), else nothing
    /// (a note an undo just took away).
    LocateNote {
        id: RecordId,
        say_if_gone: bool,
    },
    /// See whether another copy of casefile has saved since the last look.
    LookForChanges,
    /// Keep the open form's typing in the case file, then look for changes.
    KeepDraft(Option<String>),
    /// Open (writing it first if needed) the separate demo case file.
    OpenDemo,
    /// Write a doctor's appointment packet as an HTML file.
    WritePacket {
        doctor_id: crate::domain::RecordId,
        blind: bool,
    },
    /// Write the decision summary as an HTML file.
    WriteSummary,
    /// Open a file with the desktop's opener (xdg-open, open).
    Open(std::path::PathBuf),
    /// Look for the places discs are mounted, for the disc's form.
    FindDiscs,
    /// Start reading the imaging disc at this path, off the screen's thread.
    ReadDisc(PathBuf),
    /// See how far the reading of the disc has come.
    PollDisc,
    /// Stop reading the disc.
    StopDisc,
    /// Write a disc's import, in one undo batch.
    ImportDisc(Box<crate::disc::import::Plan>),
}

impl Runtime {
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

    pub(super) fn perform(&mut self, effect: Effect) -> Option<Action> {
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
            Effect::ReadNotes(wanted) => Some(match self.read_notes(wanted) {
                Ok(read) => Action::NotesRead(Box::new(read)),
                Err(error) => Action::Failed(format!("Could not read the notes: {error:#}")),
            }),
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
                    Ok(Some(row)) => Ok(Some((row, filter))),
                    // Not under the filter on screen: show every note.
                    Ok(None) => self
                        .store
                        .note_row(&Default::default(), id)
                        .map(|row| row.map(|row| (row, Default::default()))),
                    Err(error) => Err(error),
                };
                match found {
                    Ok(Some((row, filter))) => Some(Action::NoteLocated { row, filter }),
                    Ok(None) if say_if_gone => {
                        Some(Action::Failed("That note is no longer in the case".into()))
                    }
                    Ok(None) => None,
                    Err(error) => Some(Action::Failed(format!(
                        "Could not find the note in the list: {error:#}"
                    ))),
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
            Effect::SaveOpinion {
                opinion,
                stances,
                editing,
            } => Some(match self.store.save_opinion(&opinion, editing, &stances) {
                Ok(id) => Action::Saved {
                    record: RecordRef {
                        kind: crate::domain::RecordKind::Opinion,
                        id,
                    },
                    batch: self.store.last_batch(),
                    message: "Saved the opinion and its stances".to_string(),
                },
                Err(error) => match (error.downcast_ref::<crate::store::StaleRecord>(), editing) {
                    (Some(stale), Some((id, _))) => {
                        self.their_version(crate::domain::RecordKind::Opinion, id, &stale.by)
                    }
                    _ => Action::SaveFailed(format!(
                        "Not saved: {error:#}. Everything you typed is still here"
                    )),
                },
            }),
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
                    message: received_message(&receipt),
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
                    message: questions_added(&self.app.case, &added),
                },
                Err(error) => Action::Failed(format!("Could not add the questions: {error:#}")),
            }),
            Effect::AddOptions(drafts) => Some(match self.store.add_all(&drafts) {
                Ok(added) => Action::Saved {
                    record: RecordRef {
                        kind: crate::domain::RecordKind::DecisionOption,
                        id: added.first().map_or(0, |o| o.id),
                    },
                    batch: self.store.last_batch(),
                    message: options_added(&added),
                },
                Err(error) => Action::Failed(format!("Could not add the options: {error:#}")),
            }),
            Effect::LoadHistory => Some(match self.store.history() {
                Ok(changes) => Action::HistoryLoaded(changes),
                Err(error) => Action::Failed(format!("Could not read the history: {error:#}")),
            }),
            Effect::SetAuthor(name) => {
                self.store.set_author(&name);
                if let Err(error) = self.store.remember_writer() {
                    return Some(Action::Failed(format!(
                        "Writing as {name}, but could not remember it for next time: {error:#}"
                    )));
                }
                self.draft_action()
            }
            Effect::WritePacket { doctor_id, blind } => {
                Some(match self.write_packet(doctor_id, blind) {
                    Ok((path, left_out)) if left_out.is_empty() => Action::Written {
                        message: format!(
                            "Wrote the {}packet to {}: o opens it, to read or print",
                            if blind { "blind " } else { "" },
                            path.display()
                        ),
                        path,
                        left_out: Vec::new(),
                    },
                    Ok((path, left_out)) => Action::Written {
                        message: format!(
                            "Wrote the blind packet to {} (o opens it). It leaves out {} that may give an \
                             earlier doctor's view away, listed here: e rewords one to have it in",
                            path.display(),
                            match left_out.len() {
                                1 => "one text".to_string(),
                                n => format!("{n} texts"),
                            },
                        ),
                        path,
                        left_out: left_out
                            .iter()
                            .map(|left| (left.record, left.reasons.join("; ")))
                            .collect(),
                    },
                    Err(error) => Action::Failed(format!("Could not write the packet: {error:#}")),
                })
            }
            Effect::WriteSummary => Some(match self.write_summary() {
                Ok(path) => Action::Written {
                    message: format!(
                        "Wrote the decision summary to {}: O opens it, to read, print or give \
                         to the family and the doctor",
                        path.display()
                    ),
                    path,
                    left_out: Vec::new(),
                },
                Err(error) => {
                    Action::Failed(format!("Could not write the decision summary: {error:#}"))
                }
            }),
            Effect::Open(path) => Some(match &self.opener {
                Some(opener) => match open_with(opener, &path) {
                    Ok(()) => Action::Done(format!(
                        "Opened {} with {}",
                        path.display(),
                        opener
                            .file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default()
                    )),
                    Err(error) => Action::Failed(format!(
                        "Could not open {} with {}: {error}. Open it yourself, in a browser",
                        path.display(),
                        opener.display()
                    )),
                },
                None => Action::Failed(format!(
                    "There is no program here to open files with (casefile looks for {OPENER} on your PATH): \
                     open {} yourself, in a browser",
                    path.display()
                )),
            }),
            Effect::FindDiscs => Some(Action::DiscPlaces(disc_places())),
            Effect::ReadDisc(path) => {
                self.start_reading(path);
                // A small disc is read at once; a big one shows its progress.
                self.poll_disc(Duration::from_millis(300))
            }
            Effect::PollDisc => self.poll_disc(Duration::ZERO),
            Effect::StopDisc => {
                if let Some(reading) = self.disc.take() {
                    reading.stop.store(true, Ordering::Relaxed);
                }
                None
            }
            Effect::ImportDisc(plan) => Some(match import::write(&mut self.store, &plan) {
                Ok(written) => Action::DiscImported {
                    written,
                    batch: self.store.last_batch(),
                },
                Err(error) => Action::Failed(format!(
                    "Could not import the disc; nothing was written: {error:#}"
                )),
            }),
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

    /// Writes the packet; where it went, and the questions a blind one
    /// left out.
    fn write_packet(
        &mut self,
        doctor_id: crate::domain::RecordId,
        blind: bool,
    ) -> Result<(PathBuf, Vec<crate::domain::blind::LeftOut>)> {
        let blindness = if blind {
            Blindness::Blind
        } else {
            Blindness::Open
        };
        let case = self.store.snapshot()?;
        let document = packet(&case, doctor_id, blindness, self.store.clock().today())?;
        let path = files::packet_path(
            &self.documents,
            self.store.clock().today(),
            &document,
            blindness,
        );
        files::write_out(
            Some(&path),
            &document.render(Format::Html),
            &mut std::io::sink(),
        )?;
        let left_out = match blindness {
            Blindness::Blind => crate::export::packet::left_out_of_blind(
                &case,
                doctor_id,
                self.store.clock().today(),
            ),
            Blindness::Open => Vec::new(),
        };
        Ok((path, left_out))
    }

    /// Writes the decision summary into the documents folder, never over
    /// an earlier one; returns where.
    fn write_summary(&mut self) -> Result<PathBuf> {
        let case = self.store.snapshot()?;
        let today = self.store.clock().today();
        let document = crate::export::decision::document(&case, today);
        let path = files::packet_path(&self.documents, today, &document, Blindness::Open);
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
        let case = match self.store.snapshot() {
            Ok(case) => case,
            // Their version could not be read: say so, not that they
            // deleted it.
            Err(error) => {
                return Action::SaveFailed(format!(
                    "Not saved: {by} saved this record while you had it open, and their version \
                     could not be read ({error:#}). Everything you typed is still here; try Ctrl-S again"
                ));
            }
        };
        let theirs = super::forms::edit(RecordRef { kind, id }, &case);
        match theirs.and_then(|form| form.target.editing.map(|(_, version)| (form, version))) {
            Some((form, version)) => Action::SavedElsewhere {
                by: by.to_string(),
                version,
                theirs: form
                    .fields
                    .iter()
                    .map(|f| (f.key.clone(), f.value()))
                    .collect(),
                linked: form.linked.clone(),
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

/// What marking a request received did, in one sentence.
fn received_message(receipt: &crate::domain::request::Receipt) -> String {
    let mut parts = Vec::new();
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let to = receipt
        .moves
        .first()
        .map(|m| m.to.clone())
        .or_else(|| receipt.copies.first().map(|c| c.item.held_by.clone()))
        .unwrap_or_default();
    if !receipt.moves.is_empty() {
        parts.push(format!(
            "{} moved to {to}",
            plural(receipt.moves.len(), "original", "originals")
        ));
    }
    if !receipt.copies.is_empty() {
        parts.push(format!(
            "{} added to Imaging, held by {to}",
            plural(receipt.copies.len(), "new copy", "new copies")
        ));
    }
    let on = receipt
        .request
        .received_on
        .map(|d| d.format(" on %-d %b").to_string())
        .unwrap_or_default();
    if parts.is_empty() {
        format!("Marked received{on}; the follow-ups say so")
    } else {
        format!("Marked received{on}: {}", parts.join(", "))
    }
}

/// What adding several questions at once did, doctor by doctor: "Added
/// one question for each of Dr. A, Dr. B and Dr. C", "Added 11 questions
/// for Dr. A".
fn questions_added(
    case: &crate::domain::CaseSnapshot,
    added: &[crate::domain::Question],
) -> String {
    let mut per_doctor: Vec<(Option<crate::domain::RecordId>, usize)> = Vec::new();
    for question in added {
        match per_doctor
            .iter_mut()
            .find(|(d, _)| *d == question.doctor_id)
        {
            Some((_, count)) => *count += 1,
            None => per_doctor.push((question.doctor_id, 1)),
        }
    }
    let name = |doctor| crate::domain::text::inert(case.doctor_name(doctor));
    let questions = |count: usize| match count {
        1 => "1 question".to_string(),
        n => format!("{n} questions"),
    };
    let said = match per_doctor.as_slice() {
        [] => "Added no question".to_string(),
        [(doctor, count)] => format!("Added {} for {}", questions(*count), name(*doctor)),
        many if many.iter().all(|(_, count)| *count == 1) => format!(
            "Added one question for each of {}",
            crate::domain::text::listed(&many.iter().map(|(d, _)| name(*d)).collect::<Vec<_>>())
        ),
        many => format!(
            "Added {}: {}",
            questions(added.len()),
            many.iter()
                .map(|(d, count)| format!("{count} for {}", name(*d)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    format!("{said} (Questions pane, 4)")
}

/// What `o` in Decide added, by name.
fn options_added(added: &[crate::domain::DecisionOption]) -> String {
    let names: Vec<String> = added
        .iter()
        .map(|o| format!("\"{}\"", crate::domain::text::inert(&o.name)))
        .collect();
    let count = match added.len() {
        1 => "1 option".to_string(),
        n => format!("{n} options"),
    };
    format!(
        "Added {count}: {}. f adds what matters about each",
        crate::domain::text::listed(&names)
    )
}

/// The desktop's program that opens a file with the program chosen for
/// it.
const OPENER: &str = if cfg!(target_os = "macos") {
    "open"
} else {
    "xdg-open"
};

/// The opener on the PATH, if there is one.
/// A disc being read on its own thread: what it says, and the flag that
/// stops it.
pub(super) struct DiscReading {
    news: Receiver<DiscNews>,
    stop: Arc<AtomicBool>,
}

enum DiscNews {
    Progress(Progress),
    Done(Result<crate::disc::Catalogue, DiscError>),
}

impl Runtime {
    /// Reads the disc at `path` on a thread of its own, so that the screen
    /// keeps answering (and Esc can stop a long scan).
    fn start_reading(&mut self, path: PathBuf) {
        if let Some(old) = self.disc.take() {
            old.stop.store(true, Ordering::Relaxed);
        }
        let (tell, news) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let reader = self.disc_reader;
        std::thread::spawn(move || {
            let result = reader(&path, &mut |progress| {
                let _ = tell.send(DiscNews::Progress(progress));
                if stopped.load(Ordering::Relaxed) {
                    Flow::Stop
                } else {
                    Flow::Continue
                }
            });
            let _ = tell.send(DiscNews::Done(result));
        });
        self.disc = Some(DiscReading { news, stop });
    }

    /// What the reading has said since the last look, waiting at most
    /// `wait` for it to finish: the catalogue when it is done, else how far
    /// it has come.
    fn poll_disc(&mut self, wait: Duration) -> Option<Action> {
        let reading = self.disc.as_ref()?;
        let until = Instant::now() + wait;
        let mut last = None;
        loop {
            let left = until.saturating_duration_since(Instant::now());
            let news = if left.is_zero() {
                reading.news.try_recv().map_err(|e| match e {
                    TryRecvError::Empty => false,
                    TryRecvError::Disconnected => true,
                })
            } else {
                reading.news.recv_timeout(left).map_err(|e| match e {
                    RecvTimeoutError::Timeout => false,
                    RecvTimeoutError::Disconnected => true,
                })
            };
            match news {
                Ok(DiscNews::Progress(progress)) => last = Some(progress),
                Ok(DiscNews::Done(result)) => {
                    self.disc = None;
                    return Some(Action::DiscRead(Box::new(result)));
                }
                Err(false) => break,
                Err(true) => {
                    self.disc = None;
                    return Some(Action::DiscRead(Box::new(Err(DiscError::NotFound {
                        path: PathBuf::new(),
                        why: "the reading ended without finishing; try again".into(),
                    }))));
                }
            }
        }
        last.map(Action::DiscProgress)
    }
}

/// The places a disc is usually mounted that hold something now:
/// `/media/$USER/*`, `/run/media/$USER/*`, `/Volumes/*`.
fn disc_places() -> Vec<String> {
    let user = std::env::var("USER").unwrap_or_default();
    let mut roots = vec![PathBuf::from("/Volumes")];
    if !user.is_empty() {
        roots.insert(0, Path::new("/run/media").join(&user));
        roots.insert(0, Path::new("/media").join(&user));
    }
    let mut places = Vec::new();
    for root in roots {
        let Ok(entries) = std::fs::read_dir(&root) else {
            continue;
        };
        let mut found: Vec<String> = entries
            .filter_map(|entry| entry.ok())
            .filter(|entry| entry.path().is_dir())
            .map(|entry| entry.path().display().to_string())
            .collect();
        found.sort();
        places.extend(found);
    }
    places
}

pub(super) fn find_opener() -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|folder| folder.join(OPENER))
        .find(|candidate| {
            std::fs::metadata(candidate)
                .is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
        })
}

/// Starts `opener` on `path`, detached from casefile and its terminal: no
/// input, its output thrown away, in a process group of its own; it is
/// waited for in the background so that it leaves nothing behind.
fn open_with(opener: &Path, path: &Path) -> std::io::Result<()> {
    use std::os::unix::process::CommandExt;
    use std::process::{Command, Stdio};
    let mut child = Command::new(opener)
        .arg(path)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()?;
    std::thread::spawn(move || child.wait());
    Ok(())
}
