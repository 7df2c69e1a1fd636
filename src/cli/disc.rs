//! `casefile import disc PATH`: reads what is on an imaging disc, shows
//! it, asks, and files it as a disc item with its studies.

use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::Result;

use super::records::Ask;
use super::{UsageError, ask_first};
use crate::disc::import::{self, Choices, Plan};
use crate::disc::{Flow, Progress};
use crate::store::Store;

/// What `import disc` was told, besides the path.
#[derive(Debug, Clone, Default)]
pub struct DiscFlags {
    pub choices: Choices,
    /// The family has checked: the disc is theirs to file although a name
    /// on it is not the patient's.
    pub other_patient: bool,
    pub yes: bool,
}

/// Reads the disc at `path`, prints its preview to `out` (the warnings
/// also on standard error), asks, and writes it as one undo batch.
pub fn import_disc(
    store: &mut Store,
    path: &Path,
    flags: &DiscFlags,
    out: &mut dyn Write,
) -> Result<()> {
    if !path.exists() {
        anyhow::bail!(
            "there is nothing at {}: give the folder where the disc is (such as /media/{}/DISC), \
             its DICOMDIR file or a .zip of it",
            path.display(),
            std::env::var("USER").unwrap_or_else(|_| "you".into())
        );
    }
    if path.is_file() && !is_dicomdir_or_zip(path) {
        anyhow::bail!(
            "{} is not a disc: give the folder where the disc is, its DICOMDIR file or a .zip of it",
            path.display()
        );
    }
    let case = store.snapshot()?;
    let Some(patient) = case.case.as_ref().map(|c| c.patient.clone()) else {
        anyhow::bail!(
            "this case file holds no case yet: start one with `casefile init --patient NAME`"
        );
    };
    let on_terminal = std::io::stderr().is_terminal();
    let mut shown = false;
    let mut progress = |p: Progress| {
        if on_terminal {
            match p.files_total {
                Some(total) => eprint!("\rReading the disc: {} of {total} files", p.files_done),
                None => eprint!("\rReading the disc: {} files", p.files_done),
            }
            shown = true;
        }
        Flow::Continue
    };
    let read = crate::disc::read(path, &mut progress);
    if shown {
        eprintln!();
    }
    let catalogue = read.map_err(|error| anyhow::anyhow!("{error} Nothing was written."))?;
    let preview = import::preview(&catalogue, &case);
    writeln!(out, "The disc at {}:", path.display())?;
    for line in &preview.lines {
        writeln!(out, "{line}")?;
    }
    for warning in &preview.warnings {
        writeln!(out, "{warning}")?;
        eprintln!("casefile: {warning}");
    }
    let plan = import::plan(&preview, &case, &flags.choices);
    let said = match &plan {
        Plan::Nothing { why } => {
            eprintln!("{why}");
            return Ok(());
        }
        Plan::Write { said, .. } => said.clone(),
    };
    for line in &said {
        writeln!(out, "{line}")?;
    }
    let (question, what) = if preview.no_images {
        (
            "Record the disc as one item anyway? [y/N] ",
            "record the disc as one item",
        )
    } else {
        ("Import it? [y/N] ", "import the disc")
    };
    let ask = Ask {
        lines: Vec::new(),
        question: question.into(),
        refusal: format!(
            "nothing was written: casefile asks before it files a disc, and there is no terminal here \
             to ask on; add --yes to {what}"
        ),
    };
    if !ask_first(&ask, flags.yes)? {
        eprintln!("Nothing was written.");
        return Ok(());
    }
    if preview.other_patient && !flags.other_patient {
        // Asked a second time: --yes alone does not answer it.
        let again = Ask {
            lines: vec![format!(
                "This disc holds another patient's scans, and this is {patient}'s case."
            )],
            question: format!("File it in {patient}'s case all the same? [y/N] "),
            refusal: format!(
                "nothing was written: this disc holds another patient's scans, and --yes alone does not \
                 file them in {patient}'s case; check the disc, and if it belongs here add --other-patient"
            ),
        };
        if !std::io::stdin().is_terminal() {
            return Err(UsageError(again.refusal).into());
        }
        if !ask_first(&again, false)? {
            eprintln!("Nothing was written.");
            return Ok(());
        }
    }
    let written = import::write(store, &plan)?;
    let studies = written.studies.len();
    let studies = format!("{studies} stud{}", if studies == 1 { "y" } else { "ies" });
    match written.disc {
        Some(id) => eprintln!(
            "Recorded the disc as item {id}, with {studies}. One undo (u in casefile) takes it all back."
        ),
        None => eprintln!(
            "Filed {studies} under the items typed in earlier. One undo (u in casefile) takes it all back."
        ),
    }
    Ok(())
}

/// Whether a file is a disc's DICOMDIR (in any case, with or without an
/// ending) or a .zip, the only files that stand for a disc.
fn is_dicomdir_or_zip(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    name == "dicomdir" || name.starts_with("dicomdir.") || name.ends_with(".zip")
}
