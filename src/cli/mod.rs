//! The command line: where the case file is, who is writing, and the
//! commands that work on a case without the TUI.

mod disc;
mod fields;
pub mod files;
mod records;
mod search;
pub mod values;

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{CommandFactory, Parser, Subcommand};

pub use records::{AddCommand, EditCommand, Kind};
pub use values::UsageError;

use crate::demo::write_demo_at_scale;
use crate::domain::{Clock, RecordId};
use crate::export::Format;
use crate::export::packet::Blindness;
use crate::store::{Store, encryption};

/// casefile keeps a patient's second-opinion case in one private file:
/// what each doctor said, where they disagree, where the scans and slides
/// are, the record requests and every deadline. With no command it opens
/// the case in the terminal.
#[derive(Debug, Parser)]
#[command(name = "casefile", version, about, long_about = None)]
pub struct Cli {
    /// The case file to open [default: $CASEFILE_DB, or casefile/case.db
    /// in your data folder]
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Who is writing: recorded on every change [default: your login name]
    #[arg(long = "as", global = true, value_name = "NAME")]
    pub author: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open a demo case (a patient with early-stage breast cancer weighing
    /// three opinions), kept in its own file unless --db names one
    Demo {
        /// Add made-up records on top, this many times over: at 100, 500
        /// opinions, 20,000 questions, 5,000 items and 100,000 notes. For
        /// trying casefile on a case far bigger than any real one; it is
        /// kept in a file of its own (demo-scale-N.db)
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=1000))]
        scale: u16,
    },
    /// Start a case in an empty case file
    Init {
        /// The patient's name
        #[arg(long)]
        patient: String,
        /// The question under review, in the patient's words
        #[arg(long)]
        question: Option<String>,
        /// The decision deadline: 2026-12-01, today, tomorrow, +10d, in 2 weeks
        #[arg(long, allow_hyphen_values = true)]
        decide_by: Option<String>,
    },
    /// Add a record; prints its id alone
    #[command(subcommand)]
    Add(AddCommand),
    /// Change a record's fields; flags left out keep their values
    #[command(subcommand)]
    Edit(EditCommand),
    /// Delete a record, with what belongs to it (an opinion's stances...).
    /// It says what would go and asks first; without a terminal to ask on,
    /// give --yes
    Delete {
        kind: Kind,
        id: RecordId,
        /// Delete without asking first
        #[arg(long, short = 'y')]
        yes: bool,
    },
    /// List every record of a kind
    List {
        kind: Kind,
        /// JSON, stable for scripts (see the README)
        #[arg(long)]
        json: bool,
    },
    /// Show one record
    Show {
        kind: Kind,
        id: RecordId,
        #[arg(long)]
        json: bool,
    },
    /// Search every text in the case: the doctors, opinions, stances,
    /// questions and answers, items and their moves, requests, follow-ups,
    /// deadlines and notes. Results are grouped by kind, best match first,
    /// with what matched [between brackets]
    Search {
        /// The words to look for, all of them; each also finds the words it
        /// begins (`calc` finds "calcifications"; a single letter finds
        /// only itself), and accents do not matter (`resume` finds "résumé")
        #[arg(required = true, value_name = "TEXT")]
        text: Vec<String>,
        /// JSON, stable for scripts (see the README)
        #[arg(long)]
        json: bool,
        /// Show at most this many results
        #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u16).range(1..))]
        limit: u16,
    },
    /// Write the case, a packet for a doctor, a question sheet or the
    /// decision summary
    #[command(subcommand)]
    Export(ExportCommand),
    /// Read a whole case into an empty case file, or file what is on an
    /// imaging disc
    #[command(subcommand)]
    Import(ImportCommand),
    /// Copy the case file safely, even while casefile is open, and check the copy
    Backup {
        /// The new file to write
        file: PathBuf,
    },
    /// Check the case file: SQLite's integrity check and every link
    /// between records
    Check,
    /// Encrypt the case file with a passphrase (builds with the
    /// `encryption` feature). A lost passphrase is a lost case
    Encrypt,
    /// Turn an encrypted case file back into plain SQLite
    Decrypt,
    /// Print shell completions
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print a manual page (roff): casefile's, or a command's, such as
    /// `casefile man add doctor`
    Man {
        /// The command, as words: `export`, `add doctor`...
        command: Vec<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// The whole case: every record, note and change, as JSON
    Json {
        /// Write to this file instead of standard output
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// The appointment packet for a doctor
    Packet {
        /// The doctor's id
        #[arg(long)]
        doctor: RecordId,
        /// Leave out every earlier doctor's diagnosis, recommendation and stances,
        /// and any question that would give one away (see the README)
        #[arg(long)]
        blind: bool,
        #[arg(long, value_enum, default_value = "html")]
        format: Format,
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Every open deadline, appointment and request due date, as an
    /// iCalendar file for any calendar program
    Ics {
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// A printable sheet of a doctor's open questions, with room for answers
    Questions {
        #[arg(long)]
        doctor: RecordId,
        #[arg(long, value_enum, default_value = "html")]
        format: Format,
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// The decision on one printable page, for the family and the
    /// treating doctor: the options and who recommends each, what matters
    /// about each, the views of the people close, the readiness checks
    /// and the decision once made
    Decision {
        #[arg(long, value_enum, default_value = "html")]
        format: Format,
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// A file written by `casefile export json`
    Json { file: PathBuf },
    /// What is on an imaging disc (a CD, DVD or USB stick): its patients
    /// and studies, shown first, then filed as one disc item with a study
    /// record each, in one undo. Only the disc's index and file headers are
    /// read: no image is copied, decoded or sent anywhere
    Disc {
        /// The disc: where it is mounted (/media/you/DISC), a folder copied
        /// from it, its DICOMDIR file or a .zip of it
        path: PathBuf,
        /// The disc's name in the case [default: its kind and where it is
        /// from, such as "MRI disc from Riverside Imaging"]
        #[arg(long)]
        label: Option<String>,
        /// Who has the disc now [default: the patient]
        #[arg(long, value_name = "NAME")]
        held_by: Option<String>,
        /// The disc is a copy (the default)
        #[arg(long, conflicts_with = "original")]
        copy: bool,
        /// The disc is the original
        #[arg(long)]
        original: bool,
        /// A second physical copy of a disc already in the case: recorded
        /// as another copy with the same studies
        #[arg(long)]
        another_copy: bool,
        /// File each study that matches an item typed in earlier (same
        /// date and kind of scan, or same accession number) under that
        /// item, instead of under a new disc item
        #[arg(long)]
        link: bool,
        /// File it although a name on the disc is not the patient's (after
        /// checking the disc): --yes alone does not
        #[arg(long)]
        other_patient: bool,
        /// Import without asking first
        #[arg(long, short = 'y')]
        yes: bool,
    },
}

/// Where casefile keeps its files when no path is given.
fn data_dir() -> Result<PathBuf> {
    let base = directories::BaseDirs::new()
        .context("Could not find your home folder; name a case file with --db PATH")?;
    Ok(base.data_dir().join("casefile"))
}

/// The case file: --db, else $CASEFILE_DB, else the default in the data folder.
pub fn case_path(cli: &Cli) -> Result<PathBuf> {
    if let Some(path) = &cli.db {
        return Ok(path.clone());
    }
    if let Some(path) = std::env::var_os("CASEFILE_DB").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    Ok(data_dir()?.join("case.db"))
}

/// The demo's own file, beside the default case file, never the user's case.
pub fn demo_path() -> Result<PathBuf> {
    Ok(data_dir()?.join("demo.db"))
}

/// The writer's name: --as, else the login name.
pub fn author(cli: &Cli) -> Result<String> {
    let name = cli
        .author
        .clone()
        .or_else(|| std::env::var("USER").ok())
        .or_else(|| std::env::var("LOGNAME").ok())
        .filter(|name| !name.trim().is_empty())
        .or_else(login_name_from_passwd)
        .unwrap_or_default();
    let name = name.trim().to_string();
    if name.is_empty() || name.chars().any(char::is_control) {
        return Err(UsageError(
            "say who is writing with --as NAME (for example --as Maria)".into(),
        )
        .into());
    }
    Ok(name)
}

/// The login name of the user running casefile, from the password file,
/// for shells that set neither USER nor LOGNAME.
fn login_name_from_passwd() -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let uid = std::fs::metadata("/proc/self").ok()?.uid().to_string();
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        (fields.nth(1)? == uid).then(|| name.to_string())
    })
}

/// What the TUI should open.
pub struct Launch {
    pub store: Store,
    pub demo_file: PathBuf,
    /// The writers to choose from at start, when --as was not given and
    /// several people write in this case.
    pub ask_author: Option<Vec<String>>,
}

/// Who to ask about at start: the case's writers, when there are several
/// and nobody was named with --as. Until someone is chosen, the writer is
/// whoever wrote in this case last, so that Esc in the question keeps
/// them. The demo asks once: the writer chosen there is remembered.
fn writers_to_ask(cli: &Cli, store: &mut Store) -> Result<Option<Vec<String>>> {
    if cli.author.is_some() {
        store.remember_writer()?;
        return Ok(None);
    }
    let mut names = store.authors()?;
    let previous = store.previous_writer()?;
    // Someone new chosen last time, who has not written yet, is offered too.
    if let Some(previous) = &previous
        && !names.contains(previous)
    {
        names.push(previous.clone());
    }
    if names.len() < 2 {
        return Ok(None);
    }
    if let Some(previous) = previous {
        store.set_author(&previous);
    }
    let demo_chosen = store.writer_was_chosen()? && store.case()?.is_some_and(|c| c.is_demo);
    Ok((!demo_chosen).then_some(names))
}

/// What `run` leaves for `main` to do.
pub enum Outcome {
    /// The command is done.
    Done,
    /// Open this case in the TUI.
    Tui(Box<Launch>),
}

/// Opens the case file, creating it if it does not exist yet: for the TUI
/// and for the commands that start a case.
fn open(cli: &Cli) -> Result<Store> {
    let path = case_path(cli)?;
    let passphrase = passphrase_for(&path)?;
    Store::open_with(&path, &author(cli)?, Clock::System, passphrase.as_deref())
}

/// The passphrase of an encrypted case file: $CASEFILE_PASSPHRASE, or asked
/// on the terminal. None for a plain file, or in a build without
/// encryption.
fn passphrase_for(path: &Path) -> Result<Option<String>> {
    if !encryption::AVAILABLE || !encryption::looks_encrypted(path) {
        return Ok(None);
    }
    if std::env::var_os("CASEFILE_PASSPHRASE").is_none()
        && !std::io::IsTerminal::is_terminal(&std::io::stdin())
    {
        anyhow::bail!(
            "{} is encrypted, or is not a case file at all: set CASEFILE_PASSPHRASE, or run casefile in a terminal to type the passphrase",
            path.display()
        );
    }
    passphrase("Passphrase for the case file: ").map(Some)
}

/// A passphrase from $CASEFILE_PASSPHRASE, or typed without being shown.
fn passphrase(prompt: &str) -> Result<String> {
    if let Some(given) = std::env::var_os("CASEFILE_PASSPHRASE") {
        return Ok(given.to_string_lossy().into_owned());
    }
    ask_hidden(prompt)
}

/// Reads a line from the terminal without showing what is typed.
fn ask_hidden(prompt: &str) -> Result<String> {
    use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
    use ratatui::crossterm::terminal;
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() {
        return Err(UsageError(
            "the case file is encrypted: set CASEFILE_PASSPHRASE, or run casefile in a terminal to type it".into(),
        )
        .into());
    }
    eprint!("{prompt}");
    terminal::enable_raw_mode()?;
    let mut typed = String::new();
    let result = loop {
        match event::read() {
            Ok(Event::Key(key)) if key.kind != KeyEventKind::Release => match key.code {
                KeyCode::Enter => break Ok(()),
                KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                    break Err(anyhow::anyhow!(
                        "no passphrase was given; nothing was opened"
                    ));
                }
                KeyCode::Char(c) => typed.push(c),
                KeyCode::Backspace => {
                    typed.pop();
                }
                _ => {}
            },
            Ok(_) => {}
            Err(error) => break Err(error.into()),
        }
    };
    let _ = terminal::disable_raw_mode();
    eprintln!();
    result.map(|()| typed)
}

/// Opens a case file that must already exist, so that a mistyped --db
/// never quietly creates an empty one.
fn open_existing(cli: &Cli) -> Result<Store> {
    let path = case_path(cli)?;
    if !path.exists() {
        anyhow::bail!(
            "there is no case file at {}; check --db, or start a case with `casefile init --patient NAME`",
            path.display()
        );
    }
    let passphrase = passphrase_for(&path)?;
    Store::open_with(&path, &author(cli)?, Clock::System, passphrase.as_deref())
}

/// Runs the command the command line names, writing its output to `out`.
pub fn run(cli: &Cli, out: &mut dyn Write) -> Result<Outcome> {
    let Some(command) = &cli.command else {
        // A case file that does not exist is not made until a case is
        // started in it: a mistyped path leaves nothing behind.
        let path = case_path(cli)?;
        let store = if path.exists() {
            open(cli)?
        } else {
            Store::not_yet_created(&path, &author(cli)?, Clock::System)?
        };
        let mut store = store;
        let ask_author = writers_to_ask(cli, &mut store)?;
        return Ok(Outcome::Tui(Box::new(Launch {
            store,
            demo_file: demo_file(cli)?,
            ask_author,
        })));
    };
    match command {
        Command::Demo { scale } => {
            let demo_file = demo_file(cli)?;
            let scaled = match scale {
                1 => demo_file.clone(),
                scale => sibling(&demo_file, &format!("demo-scale-{scale}.db")),
            };
            // Only an explicit --db moves the demo; $CASEFILE_DB names the
            // user's own case, which the demo never writes over.
            let path = cli.db.clone().unwrap_or(scaled);
            let mut store = Store::open(&path, &author(cli)?, Clock::System)?;
            write_demo_at_scale(&mut store, usize::from(*scale))?;
            let ask_author = writers_to_ask(cli, &mut store)?;
            return Ok(Outcome::Tui(Box::new(Launch {
                store,
                demo_file,
                ask_author,
            })));
        }
        Command::Encrypt => {
            let path = case_path(cli)?;
            if encryption::looks_encrypted(&path) {
                anyhow::bail!(
                    "{} is already encrypted (or is not a case file)",
                    path.display()
                );
            }
            let store = open_existing(cli)?;
            let passphrase = passphrase("New passphrase: ")?;
            if std::env::var_os("CASEFILE_PASSPHRASE").is_none()
                && passphrase != ask_hidden("Type it again: ")?
            {
                anyhow::bail!("the two passphrases differ; nothing was changed");
            }
            if passphrase.is_empty() {
                return Err(UsageError(
                    "an empty passphrase would not protect anything; choose one".into(),
                )
                .into());
            }
            let path = store.convert(&passphrase)?;
            eprintln!(
                "Encrypted {}. Keep the passphrase safe: without it nobody can read this case, you included.",
                path.display()
            );
        }
        Command::Decrypt => {
            let path = case_path(cli)?;
            if !encryption::looks_encrypted(&path) {
                anyhow::bail!("{} is not encrypted", path.display());
            }
            let store = open_existing(cli)?;
            let path = store.convert("")?;
            eprintln!(
                "Decrypted {}: it is a plain case file again.",
                path.display()
            );
        }
        Command::Check => {
            let store = open_existing(cli)?;
            let problems = store.check()?;
            if problems.is_empty() {
                writeln!(
                    out,
                    "{}: sound (integrity check and links ok)",
                    store.path().display()
                )?;
            } else {
                for problem in &problems {
                    writeln!(out, "{problem}")?;
                }
                anyhow::bail!(
                    "{} has {} problem(s), listed above; keep it, and restore your latest backup (casefile backup) to a new file",
                    store.path().display(),
                    problems.len()
                );
            }
        }
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "casefile", &mut script);
            files::write_out(None, &String::from_utf8_lossy(&script), out)?;
        }
        Command::Man { command } => {
            let mut page = Vec::new();
            man_page(command)?.render(&mut page)?;
            // On a terminal the page is shown as a page; into a file or a
            // pipe it goes as roff, for `man -l` or a man folder.
            if !std::io::IsTerminal::is_terminal(&std::io::stdout()) || !show_as_page(&page) {
                files::write_out(None, &String::from_utf8_lossy(&page), out)?;
            }
        }
        Command::Backup { file } => {
            let store = open_existing(cli)?;
            let report = store.backup_to(file)?;
            eprintln!(
                "Backed up {} to {} ({} KiB); the copy passed its integrity check.",
                store.path().display(),
                file.display(),
                report.bytes.div_ceil(1024)
            );
        }
        Command::Import(ImportCommand::Disc {
            path,
            label,
            held_by,
            copy: _,
            original,
            another_copy,
            link,
            other_patient,
            yes,
        }) => {
            let mut store = open_existing(cli)?;
            let flags = disc::DiscFlags {
                choices: crate::disc::import::Choices {
                    label: label.clone().unwrap_or_default(),
                    held_by: held_by.clone().unwrap_or_default(),
                    is_original: *original,
                    another_copy: *another_copy,
                    link: *link,
                },
                other_patient: *other_patient,
                yes: *yes,
            };
            disc::import_disc(&mut store, path, &flags, out)?;
        }
        Command::Import(ImportCommand::Json { file }) => {
            // Read and check the whole file before the case file is touched.
            let whole = files::read_export(file)?;
            let path = case_path(cli)?;
            let existed = path.exists();
            let mut store = open(cli)?;
            if let Err(error) = store.restore(&whole) {
                drop(store);
                if !existed {
                    files::remove_case_file(&path);
                }
                return Err(error.context(format!(
                    "{} was not imported, and nothing was written",
                    file.display()
                )));
            }
            eprintln!(
                "Imported {} into {}.",
                file.display(),
                store.path().display()
            );
        }
        Command::Export(export) => {
            let mut store = open_existing(cli)?;
            let (text, output, what) = match export {
                ExportCommand::Json { output } => (
                    files::export_json(&mut store)?,
                    output,
                    "the whole case".to_string(),
                ),
                ExportCommand::Ics { output } => {
                    let case = store.snapshot()?;
                    let clock = store.clock();
                    (
                        crate::export::ics::calendar(&case, clock.today(), clock.now()),
                        output,
                        "the calendar of open deadlines".to_string(),
                    )
                }
                ExportCommand::Packet {
                    doctor,
                    blind,
                    format,
                    output,
                } => {
                    let blindness = if *blind {
                        Blindness::Blind
                    } else {
                        Blindness::Open
                    };
                    let document = files::packet(&mut store, *doctor, blindness)?;
                    if *blind {
                        for line in files::left_out_of_blind(&mut store, *doctor)? {
                            eprintln!("{line}");
                        }
                    }
                    let what = if *blind {
                        format!("the blind {}", lower_first(&document.title))
                    } else {
                        format!("the {}", lower_first(&document.title))
                    };
                    (document.render(*format), output, what)
                }
                ExportCommand::Questions {
                    doctor,
                    format,
                    output,
                } => {
                    let document = files::question_sheet(&mut store, *doctor)?;
                    let what = format!("the sheet of {}", lower_first(&document.title));
                    (document.render(*format), output, what)
                }
                ExportCommand::Decision { format, output } => {
                    let case = store.snapshot()?;
                    let today = store.clock().today();
                    (
                        crate::export::decision::summary(&case, today, *format),
                        output,
                        "the decision summary".to_string(),
                    )
                }
            };
            files::write_out(output.as_deref(), &text, out)?;
            if let Some(path) = output {
                eprintln!(
                    "Wrote {} to {}.",
                    crate::domain::text::inert(&what),
                    files::whole_path(path).display()
                );
            }
        }
        Command::Init {
            patient,
            question,
            decide_by,
        } => {
            let mut store = open(cli)?;
            let today = store.clock().today();
            let mut ctx = records::Context {
                store: &mut store,
                today,
            };
            records::init(&mut ctx, patient, question.as_deref(), decide_by.as_deref())?;
            eprintln!(
                "Started the case of {} in {}.",
                crate::domain::text::inert(patient.trim()),
                store.path().display()
            );
        }
        Command::Add(add) => {
            let mut store = open_existing(cli)?;
            let today = store.clock().today();
            let mut confirm = |ask: &records::Ask| ask_first(ask, false);
            let added = records::add(
                &mut records::Context {
                    store: &mut store,
                    today,
                },
                add,
                &mut confirm,
            )?;
            match added {
                // The id alone on standard output, for scripts; the words
                // for the person, beside it.
                Some((id, said)) => {
                    writeln!(out, "{id}")?;
                    eprintln!("{said}");
                }
                None => eprintln!("Nothing was recorded."),
            }
        }
        Command::Edit(edit) => {
            let mut store = open_existing(cli)?;
            let today = store.clock().today();
            let said = records::edit(
                &mut records::Context {
                    store: &mut store,
                    today,
                },
                edit,
            )?;
            eprintln!("{said}");
        }
        Command::Delete { kind, id, yes } => {
            let mut store = open_existing(cli)?;
            let today = store.clock().today();
            let mut confirm = |report: &records::DeleteReport| ask_before_delete(report, *yes);
            let done = records::delete(
                &mut records::Context {
                    store: &mut store,
                    today,
                },
                *kind,
                *id,
                &mut confirm,
            )?;
            match done {
                Some(report) => {
                    eprintln!("Deleted {}.", report.what);
                    for line in &report.lines {
                        eprintln!("{line}");
                    }
                }
                None => eprintln!("Nothing was deleted."),
            }
        }
        Command::List { kind, json } => {
            let mut store = open_existing(cli)?;
            let today = store.clock().today();
            records::list(
                &mut records::Context {
                    store: &mut store,
                    today,
                },
                *kind,
                *json,
                out,
            )?;
        }
        Command::Search { text, json, limit } => {
            let store = open_existing(cli)?;
            search::search(&store, text, usize::from(*limit), *json, out)?;
        }
        Command::Show { kind, id, json } => {
            let mut store = open_existing(cli)?;
            let today = store.clock().today();
            records::show(
                &mut records::Context {
                    store: &mut store,
                    today,
                },
                *kind,
                *id,
                *json,
                out,
            )?;
        }
    }
    Ok(Outcome::Done)
}

/// Shows a manual page on the terminal with `man -l -`. False, having
/// said why, when there is no `man` to show it.
fn show_as_page(page: &[u8]) -> bool {
    use std::process::{Command as Program, Stdio};
    let shown = Program::new("man")
        .args(["-l", "-"])
        .stdin(Stdio::piped())
        .spawn()
        .and_then(|mut man| {
            if let Some(mut input) = man.stdin.take() {
                // A reader who quits the pager early closes this pipe.
                let _ = input.write_all(page);
            }
            man.wait()
        });
    match shown {
        Ok(status) if status.success() => true,
        _ => {
            eprintln!(
                "casefile: there is no man program here to show the page, so here it is as roff \
                 (save it with `casefile man > casefile.1`)"
            );
            false
        }
    }
}

/// Before a delete: says what would go and asks on the terminal, unless
/// --yes was given. Without a terminal to ask on, and without --yes, the
/// delete is refused.
fn ask_before_delete(report: &records::DeleteReport, yes: bool) -> Result<bool> {
    let with = if report.lines.is_empty() {
        String::new()
    } else {
        format!(" ({})", report.lines.join(" "))
    };
    let ask = records::Ask {
        lines: std::iter::once(format!("This deletes {}.", report.what))
            .chain(report.lines.iter().cloned())
            .collect(),
        question: "Delete it? [y/N] ".into(),
        refusal: format!(
            "nothing was deleted: casefile asks before a delete, and there is no terminal here to ask on; \
             add --yes to delete {}{with}",
            report.what
        ),
    };
    ask_first(&ask, yes)
}

/// Before a write that asks first: says what to know and asks on the
/// terminal, unless --yes was given. Without a terminal to ask on, and
/// without --yes, it is refused (exit 2) in the words of `ask.refusal`.
fn ask_first(ask: &records::Ask, yes: bool) -> Result<bool> {
    use std::io::{BufRead, IsTerminal};
    if yes {
        return Ok(true);
    }
    if !std::io::stdin().is_terminal() {
        return Err(UsageError(ask.refusal.clone()).into());
    }
    for line in &ask.lines {
        eprintln!("{line}");
    }
    eprint!("{}", ask.question);
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(matches!(answer.trim().to_lowercase().as_str(), "y" | "yes"))
}

/// The manual page of casefile, or of one of its commands.
fn man_page(words: &[String]) -> Result<clap_mangen::Man> {
    let mut command = Cli::command();
    let mut name = "casefile".to_string();
    for word in words {
        command = command.find_subcommand(word).cloned().ok_or_else(|| {
            UsageError(format!(
                "there is no command `{name} {word}`; `casefile --help` lists them"
            ))
        })?;
        name = format!("{name}-{word}");
    }
    let command = command.name(name.clone()).bin_name(name.replace('-', " "));
    Ok(clap_mangen::Man::new(command))
}

/// A title in the middle of a sentence: "Appointment packet for Dr. Park"
/// becomes "appointment packet for Dr. Park".
fn lower_first(title: &str) -> String {
    let mut chars = title.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn demo_file(cli: &Cli) -> Result<PathBuf> {
    demo_path().or_else(|_| case_path(cli).map(|p| sibling(&p, "demo.db")))
}

fn sibling(path: &Path, name: &str) -> PathBuf {
    path.with_file_name(name)
}
