//! The terminal: taken over on start, given back on quit and on a crash.

mod input;
mod run;

pub use run::{Incoming, run};

use std::io::{Write, stdout};

use anyhow::{Context, Result};
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;

use crate::app::Runtime;

/// Runs the TUI on the real terminal and restores it however the run ends.
pub fn run_terminal(runtime: &mut Runtime) -> Result<()> {
    // A closed terminal (SIGHUP, or its input ending) or a polite kill
    // (SIGTERM, SIGINT) ends the run like q does, keeping the typing.
    let inputs = input::listen()?;
    let mut terminal = ratatui::try_init()
        .context("casefile needs an interactive terminal; run it in a terminal window")?;
    install_panic_hook();
    // Mouse capture is optional: a terminal without it still works by keys.
    let _ = execute!(stdout(), EnableMouseCapture, EnableBracketedPaste);
    let result = run(&mut terminal, runtime, &inputs);
    restore();
    // ratatui shows the cursor again when its terminal is dropped, and
    // prints to stderr when it cannot: printing to a terminal that is gone
    // panics. The cursor is shown here instead, and a terminal that cannot
    // show it is let go without a word.
    if terminal.show_cursor().is_err() {
        std::mem::forget(terminal);
    }
    result
}

/// Gives the terminal back: mouse off, raw mode off, main screen back. A
/// terminal that is gone cannot be given back, and nothing is said then.
fn restore() {
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
    let _ = ratatui::try_restore();
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
        // Written, not printed: printing to a closed terminal panics.
        let _ = writeln!(
            std::io::stderr(),
            "casefile stopped because of an internal error{location}: {}\n\
             Your case file is safe: every save is either complete or not made at all.\n\
             Please report this error to the casefile developers.",
            crate::ui::text::inert(&what)
        );
    }));
}
