//! The terminal: taken over on start, given back on quit and on a crash.

use std::io::stdout;

use anyhow::{Context, Result};
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use signal_hook::consts::{SIGHUP, SIGTERM};

use crate::app::{Runtime, run};

/// Runs the TUI on the real terminal and restores it however the run ends.
pub fn run_terminal(runtime: &mut Runtime) -> Result<()> {
    // A closed terminal (SIGHUP) or a polite kill (SIGTERM) ends the run
    // like q does, so the terminal is given back.
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [SIGHUP, SIGTERM] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .context("Could not listen for the terminal closing")?;
    }
    let mut terminal = ratatui::try_init()
        .context("casefile needs an interactive terminal; run it in a terminal window")?;
    install_panic_hook();
    // Mouse capture is optional: a terminal without it still works by keys.
    let _ = execute!(stdout(), EnableMouseCapture, EnableBracketedPaste);
    let result = run(&mut terminal, runtime, &stop);
    restore();
    result
}

/// Gives the terminal back: mouse off, raw mode off, main screen back.
fn restore() {
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
}

/// On a crash: restore the terminal first, then say what happened in
/// plain words, without a stack trace.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        restore();
        let location = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        let payload = info.payload();
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        eprintln!(
            "casefile stopped because of an internal error{location}: {}\n\
             Your case file is safe: every save is either complete or not made at all.\n\
             Please report this error to the casefile developers.",
            crate::ui::text::inert(&what)
        );
    }));
}
