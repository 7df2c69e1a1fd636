//! Importing an imaging disc from the Imaging pane: the form that asks
//! where the disc is, the reading (done off the screen's thread by the
//! runtime, with its progress shown here), the preview of what the disc
//! holds and the question before anything is written. No I/O here: each
//! step returns the effect that does it.

use super::editing::{say, warn};
use super::form::Form;
use super::{App, Effect};
use crate::disc::import::{self, Choices, Plan, Preview};
use crate::disc::{Catalogue, DiscError, Progress};
use crate::domain::{RecordKind, RecordRef};

/// A disc being imported: where it is, what was chosen in the form, and
/// how far the import has come.
#[derive(Debug, Clone)]
pub struct DiscImport {
    pub path: String,
    pub choices: Choices,
    pub step: DiscStep,
}

#[derive(Debug, Clone)]
pub enum DiscStep {
    /// The disc is being read: files read so far, and of how many once known.
    Reading { done: usize, total: Option<usize> },
    /// Read: what it holds and what importing it would write.
    Preview {
        preview: Box<Preview>,
        plan: Box<Plan>,
        /// The names on the disc that are not the case's patient, as people
        /// write them.
        other_names: Vec<String>,
        /// The disc is someone else's and `y` was pressed once: the second
        /// question is on screen.
        asked_once: bool,
    },
}

/// `I` in Imaging: look for the places discs are usually found first.
pub fn start(app: &mut App) -> Effect {
    if app.case.case.is_none() {
        warn(app, "Start your case first: a disc is filed in a case");
        return Effect::None;
    }
    Effect::FindDiscs
}

/// The form that asks where the disc is, offering the places found.
pub fn open_form(app: &mut App, places: Vec<String>) {
    let form = super::forms::disc_import(&places);
    super::editing::open(app, Some(form), "");
}

/// Ctrl-S in the disc's form: read the disc at `path`, showing how far it
/// has come over the form (which stays, with its typing, until the disc
/// is read).
pub fn read(app: &mut App, path: String, choices: Choices) -> Effect {
    app.overlays.open_disc(DiscImport {
        path: path.clone(),
        choices,
        step: DiscStep::Reading {
            done: 0,
            total: None,
        },
    });
    app.status = None;
    Effect::ReadDisc(path.into())
}

pub fn reading(app: &App) -> bool {
    matches!(
        app.overlays.disc(),
        Some(DiscImport {
            step: DiscStep::Reading { .. },
            ..
        })
    )
}

pub fn progress(app: &mut App, progress: Progress) {
    if let Some(DiscImport {
        step: DiscStep::Reading { done, total },
        ..
    }) = app.overlays.disc_mut()
    {
        *done = progress.files_done;
        *total = progress.files_total;
    }
}

/// The reading is over: the preview, or the reason on the path field.
pub fn read_done(app: &mut App, result: Result<Catalogue, DiscError>) {
    let Some(mut import) = app.overlays.take_disc() else {
        // Stopped already; what was read is not wanted.
        return;
    };
    let catalogue = match result {
        Ok(catalogue) => catalogue,
        Err(DiscError::Stopped) => {
            say(app, "Stopped reading the disc; nothing was written");
            return;
        }
        Err(error) => {
            let why = error.to_string();
            if let Some(form) = app.overlays.form_mut() {
                if let Some(field) = form.field_mut("path") {
                    field.error = Some(why.clone());
                }
                form.message = Some(why);
            }
            return;
        }
    };
    let preview = import::preview(&catalogue, &app.case);
    let plan = import::plan(&preview, &app.case, &import.choices);
    let patient = app
        .case
        .case
        .as_ref()
        .map(|c| c.patient.clone())
        .unwrap_or_default();
    let other_names = catalogue
        .patients
        .iter()
        .filter_map(|p| p.name.as_deref())
        .filter(|name| !crate::disc::same_person(&patient, name))
        .map(import::readable_name)
        .collect();
    import.step = DiscStep::Preview {
        preview: Box::new(preview),
        plan: Box::new(plan),
        other_names,
        asked_once: false,
    };
    app.overlays.close_form();
    app.overlays.open_disc(import);
}

/// `y` over the preview: import, after asking a second time when the
/// disc names someone else.
pub fn yes(app: &mut App) -> Effect {
    let Some(import) = app.overlays.disc_mut() else {
        return Effect::None;
    };
    let DiscStep::Preview {
        preview,
        plan,
        asked_once,
        ..
    } = &mut import.step
    else {
        return Effect::None;
    };
    match &**plan {
        Plan::Nothing { why } => {
            let why = why.clone();
            app.overlays.close_disc();
            say(app, why);
            Effect::None
        }
        Plan::Write { .. } if preview.other_patient && !*asked_once => {
            *asked_once = true;
            Effect::None
        }
        Plan::Write { .. } => Effect::ImportDisc(plan.clone()),
    }
}

/// `n` or Esc: stop the reading, or close the preview; nothing is written.
pub fn no(app: &mut App) -> Effect {
    let was_reading = reading(app);
    if app.overlays.take_disc().is_none() {
        return Effect::None;
    }
    if was_reading {
        say(app, "Stopped reading the disc; nothing was written");
        Effect::StopDisc
    } else {
        say(app, "The disc was not imported; nothing was written");
        Effect::None
    }
}

/// The disc was written: the preview closes and the disc's item is selected.
pub fn imported(app: &mut App, written: &import::Written, batch: Option<i64>) -> Effect {
    let plan = match app.overlays.take_disc().map(|d| d.step) {
        Some(DiscStep::Preview { plan, .. }) => plan,
        _ => return Effect::None,
    };
    let studies = written.studies.len();
    let message = match &*plan {
        Plan::Write {
            disc: Some(item), ..
        } => format!(
            "The disc \"{}\" is now in the case, with {}. u takes the whole import back",
            item.description,
            count(studies)
        ),
        _ => format!(
            "{} filed under items already in the case. u takes the whole import back",
            count(studies)
        ),
    };
    let record = written
        .disc
        .map(|id| RecordRef {
            kind: RecordKind::Item,
            id,
        })
        .or_else(|| match &*plan {
            Plan::Write { studies, .. } => studies.iter().find_map(|(under, _)| match under {
                import::Under::Item(id) => Some(RecordRef {
                    kind: RecordKind::Item,
                    id: *id,
                }),
                import::Under::NewDisc => None,
            }),
            Plan::Nothing { .. } => None,
        });
    match record {
        Some(record) => super::editing::saved(app, record, batch, message),
        None => {
            app.undo.extend(batch);
            say(app, message);
            Effect::Load
        }
    }
}

fn count(studies: usize) -> String {
    match studies {
        1 => "1 study".to_string(),
        n => format!("{n} studies"),
    }
}

/// What the form read: where the disc is and what was said of it.
pub fn asked(form: &Form) -> (String, Choices) {
    (
        form.value("path").trim().to_string(),
        Choices {
            label: form.value("label").trim().to_string(),
            held_by: form.value("held_by").trim().to_string(),
            is_original: form.value("original") == "yes",
            another_copy: form.value("another_copy") == "yes",
            link: form.value("link") == "yes",
        },
    )
}
