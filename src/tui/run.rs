//! The loop that runs the app on a real terminal: everything that has
//! arrived is handled before the screen is drawn again, once.

use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::Event;

use crate::app::{Action, Runtime, events};

/// What reaches the running app from outside, in the order it came.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Incoming {
    /// A key, a paste, the mouse or a resize, from the terminal.
    Event(Event),
    /// Asked to stop (SIGTERM, SIGINT): the typing is kept for next time.
    Stop,
    /// The terminal is closing (SIGHUP): its last input may still be on
    /// the way, then the typing is kept for next time.
    HangUp,
    /// The terminal is gone: nothing more will come from it.
    Lost,
}

/// How often the case file is looked at for another copy's changes, and
/// the open form's typing kept.
const LOOK_AGAIN: Duration = Duration::from_millis(500);

/// How long the terminal's last input may take to arrive once it closes.
const LAST_INPUT: Duration = Duration::from_millis(200);

/// How a run ends.
enum Ending {
    /// The user quit.
    Quit,
    /// Stopped from outside, or the terminal went: the typing is kept.
    Stopped,
}

/// Runs the app on a real terminal until the user quits, casefile is
/// stopped, or the terminal goes. Everything that has arrived is handled
/// before the screen is drawn again, and the screen is drawn once for it
/// all: a paste typed as thousands of keys is one frame, not thousands.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    runtime: &mut Runtime,
    inputs: &Receiver<Incoming>,
) -> Result<()>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let size = terminal.size()?;
    runtime.dispatch(Action::Resize {
        columns: size.width,
        rows: size.height,
    });
    let mut looked = Instant::now();
    loop {
        if let Err(error) = terminal.draw(|frame| crate::ui::render(frame, &runtime.app)) {
            // The terminal is going: the typing is kept before anything else.
            runtime.keep_draft_now();
            return Err(error).context("Could not draw on the terminal");
        }
        let mut typing = Typing::default();
        let mut ending = match inputs.recv_timeout(LOOK_AGAIN.saturating_sub(looked.elapsed())) {
            Ok(input) => typing.handle(runtime, inputs, input),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => Some(Ending::Stopped),
        };
        while ending.is_none() {
            match inputs.try_recv() {
                Ok(input) => ending = typing.handle(runtime, inputs, input),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => ending = Some(Ending::Stopped),
            }
        }
        typing.put_in(runtime);
        match ending {
            Some(Ending::Quit) => {
                runtime.forget_draft_if_closed();
                return Ok(());
            }
            Some(Ending::Stopped) => {
                runtime.keep_draft_now();
                return Ok(());
            }
            None => {}
        }
        // Look at the file, and keep the typing, twice a second, however
        // fast keys come.
        if looked.elapsed() >= LOOK_AGAIN {
            runtime.dispatch(Action::Tick);
            looked = Instant::now();
        }
    }
}

/// Letters typed into a form's text, gathered while a batch of input is
/// handled and put in as one insert. The editor measures all of its text
/// on every insert, so a long paste that came as keys, put in one key at
/// a time, took minutes.
#[derive(Default)]
struct Typing {
    letters: String,
}

impl Typing {
    /// Handles one input; says how the run ends when it does.
    fn handle(
        &mut self,
        runtime: &mut Runtime,
        inputs: &Receiver<Incoming>,
        input: Incoming,
    ) -> Option<Ending> {
        match input {
            Incoming::Event(event) => {
                self.event(runtime, &event);
                runtime.app.quitting.then_some(Ending::Quit)
            }
            Incoming::Stop => {
                self.finish(runtime, inputs, Duration::ZERO);
                Some(Ending::Stopped)
            }
            Incoming::HangUp => {
                self.finish(runtime, inputs, LAST_INPUT);
                Some(Ending::Stopped)
            }
            Incoming::Lost => {
                self.put_in(runtime);
                Some(Ending::Stopped)
            }
        }
    }

    fn event(&mut self, runtime: &mut Runtime, event: &Event) {
        let Some(action) = events::translate(&runtime.app, event) else {
            return;
        };
        // A letter for the form's text waits for the next one; typing
        // changes nothing of how the keys after it are read.
        if let Action::FormKey(ratatui_textarea::Input {
            key: ratatui_textarea::Key::Char(letter),
            ctrl: false,
            alt: false,
            ..
        }) = action
            && runtime
                .app
                .overlays
                .form()
                .is_some_and(|form| form.takes_text())
        {
            self.letters.push(letter);
            return;
        }
        self.put_in(runtime);
        runtime.dispatch(action);
    }

    /// Puts the letters gathered into the form.
    fn put_in(&mut self, runtime: &mut Runtime) {
        if !self.letters.is_empty() {
            runtime.dispatch(Action::FormText(std::mem::take(&mut self.letters)));
        }
    }

    /// Handles the terminal's input that is already on its way, waiting at
    /// most `wait` for the terminal to say it is gone, so that the typing
    /// kept is everything that was typed.
    fn finish(&mut self, runtime: &mut Runtime, inputs: &Receiver<Incoming>, wait: Duration) {
        let until = Instant::now() + wait;
        loop {
            let input = match inputs.try_recv() {
                Ok(input) => input,
                Err(TryRecvError::Disconnected) => break,
                Err(TryRecvError::Empty) => {
                    match inputs.recv_timeout(until.saturating_duration_since(Instant::now())) {
                        Ok(input) => input,
                        Err(_) => break,
                    }
                }
            };
            match input {
                Incoming::Event(event) if !runtime.app.quitting => self.event(runtime, &event),
                Incoming::Lost => break,
                _ => {}
            }
        }
        self.put_in(runtime);
    }
}
