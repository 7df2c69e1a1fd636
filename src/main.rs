//! casefile: parse the command line, open the case file, run the TUI.

use std::process::ExitCode;

use clap::Parser;

use casefile::app::Runtime;
use casefile::cli::{Cli, prepare};
use casefile::tui::run_terminal;
use casefile::ui::text::inert;
use casefile::ui::theme;

fn main() -> ExitCode {
    let cli = Cli::parse();
    theme::use_plain(std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()));
    let result = prepare(&cli).and_then(|launch| {
        let mut runtime = Runtime::new(launch.store, launch.demo_file);
        run_terminal(&mut runtime)
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("casefile: {}", inert(&format!("{error:#}")));
            ExitCode::FAILURE
        }
    }
}
