//! casefile: parse the command line, run a command or the TUI, and report
//! any error in one line.

use std::process::ExitCode;

use clap::Parser;

use casefile::app::Runtime;
use casefile::cli::{Cli, Outcome, UsageError, run};
use casefile::tui::run_terminal;
use casefile::ui::text::inert;
use casefile::ui::theme;

/// Exit status for a command line that cannot work as typed.
const USAGE: u8 = 2;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) if !error.use_stderr() => {
            // --help and --version: clap prints them as usual.
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        Err(error) => {
            say(&format!(
                "casefile: {}",
                one_line(&error.render().to_string())
            ));
            return ExitCode::from(USAGE);
        }
    };
    theme::use_plain(std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()));
    let mut stdout = std::io::stdout().lock();
    let result = run(&cli, &mut stdout).and_then(|outcome| match outcome {
        Outcome::Done => Ok(()),
        Outcome::Tui(launch) => {
            drop(stdout);
            let mut runtime = Runtime::new(launch.store, launch.demo_file);
            if let Some(folder) = casefile::cli::files::documents_folder() {
                runtime = runtime.with_documents(folder);
            }
            if let Some(names) = launch.ask_author {
                runtime.ask_author(names);
            }
            run_terminal(&mut runtime)
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that stopped early (`| head`) ends the command quietly,
        // as it does any other command-line tool.
        Err(error) if broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            let message = inert(&damaged(&error).unwrap_or_else(|| format!("{error:#}")));
            say(&format!("casefile: {message}"));
            if error.downcast_ref::<UsageError>().is_some() {
                ExitCode::from(USAGE)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

/// One line on stderr. Written, not printed: printing to a terminal that
/// is gone panics, and nobody is there to read it then.
fn say(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// Clap's usage message, which spans several lines, as one line that
/// still names the problem and the fix.
fn one_line(message: &str) -> String {
    let parts: Vec<&str> = message
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("For more information"))
        .map(|line| line.strip_prefix("error: ").unwrap_or(line))
        .collect();
    format!("{} (see casefile --help)", parts.join(" "))
}

/// The output's reader has gone: standard output is a pipe closed early.
fn broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// A damaged case file, in words that say what to do, whatever was being
/// read when the damage showed.
fn damaged(error: &anyhow::Error) -> Option<String> {
    let corrupt = error.chain().any(|cause| {
        matches!(
            cause.downcast_ref::<rusqlite::Error>(),
            Some(rusqlite::Error::SqliteFailure(failure, _))
                if failure.code == rusqlite::ErrorCode::DatabaseCorrupt
        )
    });
    corrupt.then(|| {
        "the case file is damaged (SQLite finds it malformed). Nothing was changed: keep it as it is, \
         and open your latest backup instead (casefile --db BACKUP); casefile check says more"
            .to_string()
    })
}
