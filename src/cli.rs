//! The command line: where the case file is, who is writing, and what to do.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};

use crate::demo::write_demo;
use crate::domain::Clock;
use crate::store::Store;

/// casefile keeps a patient's second-opinion case in one private file:
/// what each doctor said, where they disagree, where the scans and slides
/// are, the record requests and every deadline.
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
    Demo,
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
        anyhow::bail!("Say who is writing with --as NAME (for example --as Maria)");
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
}

/// Opens the case file the command line names, writing the demo first for
/// `casefile demo`.
pub fn prepare(cli: &Cli) -> Result<Launch> {
    let author = author(cli)?;
    let demo_file = demo_path().or_else(|_| case_path(cli).map(|p| sibling(&p, "demo.db")))?;
    match cli.command {
        None => Ok(Launch {
            store: Store::open(&case_path(cli)?, &author, Clock::System)?,
            demo_file,
        }),
        Some(Command::Demo) => {
            // Only an explicit --db moves the demo; $CASEFILE_DB names the
            // user's own case, which the demo never writes over.
            let path = cli.db.clone().unwrap_or_else(|| demo_file.clone());
            let mut store = Store::open(&path, &author, Clock::System)?;
            write_demo(&mut store)?;
            Ok(Launch { store, demo_file })
        }
    }
}

fn sibling(path: &Path, name: &str) -> PathBuf {
    path.with_file_name(name)
}
