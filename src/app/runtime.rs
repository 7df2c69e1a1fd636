//! The runtime: the app and its case file together. It runs each action
//! through `update`, performs the effect that comes back (in `effect.rs`,
//! the only place that touches the store) and feeds the result back, until
//! nothing is left to do.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use super::{Action, App, update};
use crate::store::Store;

/// The app together with the case file it shows.
pub struct Runtime {
    pub app: App,
    pub(super) store: Store,
    /// Where the demo case lives, for the welcome screen's demo key.
    pub(super) demo_file: PathBuf,
    /// Where packets written from the TUI go: the user's documents folder,
    /// set by `main`; beside the case file until then.
    pub(super) documents: PathBuf,
    /// The desktop's program for opening a file (xdg-open, open), if
    /// there is one.
    pub(super) opener: Option<PathBuf>,
    /// The disc being read on its own thread, if one is.
    pub(super) disc: Option<super::effect::DiscReading>,
    /// What reads a disc: `crate::disc::read`, or a stand-in in tests.
    pub(super) disc_reader: DiscReader,
}

/// Reads the catalogue of a disc, saying how far it has come.
pub type DiscReader = fn(
    &Path,
    &mut dyn FnMut(crate::disc::Progress) -> crate::disc::Flow,
) -> Result<crate::disc::Catalogue, crate::disc::DiscError>;

impl Runtime {
    /// Starts on `store` and reads the case once.
    pub fn new(store: Store, demo_file: PathBuf) -> Self {
        let mut app = App::new(store.author(), store.path().to_path_buf(), store.clock());
        app.missing_file = !store.exists();
        let documents = store
            .path()
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let mut runtime = Runtime {
            app,
            store,
            demo_file,
            documents,
            opener: super::effect::find_opener(),
            disc: None,
            disc_reader: crate::disc::read,
        };
        runtime.dispatch(Action::Reload);
        runtime.offer_draft();
        runtime
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Packets written from the TUI go to `folder` (the documents folder).
    pub fn with_documents(mut self, folder: PathBuf) -> Self {
        self.documents = folder;
        self
    }

    /// Files are opened with `opener` (None: there is none here).
    pub fn with_opener(mut self, opener: Option<PathBuf>) -> Self {
        self.opener = opener;
        self
    }

    /// Discs are read with `reader` (a stand-in for a slow disc, in tests).
    pub fn with_disc_reader(mut self, reader: DiscReader) -> Self {
        self.disc_reader = reader;
        self
    }

    /// Whether a disc is being read on its own thread now.
    pub fn reading_disc(&self) -> bool {
        self.disc.is_some()
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
    pub(super) fn draft_action(&mut self) -> Option<Action> {
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
        if self.app.overlays.form().is_none() {
            let _ = self.store.clear_draft();
        }
    }

    /// Keeps the open form's typing now: casefile is being stopped.
    pub fn keep_draft_now(&mut self) {
        if let Some(json) = self
            .app
            .overlays
            .form()
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
        self.app.overlays.open_authors(super::AuthorPicker {
            names,
            selected,
            new_name: None,
            error: None,
        });
    }

    /// Applies `action` and every action its effects lead to, then reads
    /// what the screen now needs and has not read yet.
    pub fn dispatch(&mut self, action: Action) {
        self.run(action);
        // What the screen now needs read (the notes in view) is asked for
        // through update, like every other read.
        self.run(Action::Settle);
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
}
