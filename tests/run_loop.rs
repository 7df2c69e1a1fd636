//! The loop that runs the app on a terminal (`app::run`), fed here as the
//! terminal and the signals feed it: input that has arrived is handled
//! before the screen is drawn, and drawn once; a stop, a closing terminal
//! and a terminal that cannot be drawn on each keep what was typed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use std::sync::mpsc;

use casefile::app::Runtime;
use casefile::tui::{Incoming, run};
use common::{TempCase, demo_store, key};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Size};

fn keys(text: &str) -> impl Iterator<Item = Incoming> + '_ {
    text.chars().map(|c| {
        Incoming::Event(match c {
            '\n' => key(KeyCode::Enter),
            c => key(KeyCode::Char(c)),
        })
    })
}

fn ctrl(c: char) -> Incoming {
    Incoming::Event(Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )))
}

/// Runs the demo case on a 120 × 36 test terminal with `inputs` already
/// arrived; the runtime, and how many frames were drawn.
fn run_with(case: &TempCase, inputs: Vec<Incoming>) -> (Runtime, usize) {
    let mut runtime = Runtime::new(demo_store(case), case.demo_path());
    let (sender, receiver) = mpsc::channel();
    for input in inputs {
        sender.send(input).expect("queued");
    }
    drop(sender);
    let mut terminal = Terminal::new(TestBackend::new(120, 36)).expect("a test terminal");
    run(&mut terminal, &mut runtime, &receiver).expect("the run ends well");
    let mut frames = 0;
    terminal
        .draw(|frame| frames = frame.count())
        .expect("draws");
    (runtime, frames)
}

fn note_bodies(case: &TempCase) -> Vec<String> {
    case.open("Maria")
        .snapshot()
        .expect("the case reads")
        .notes
        .iter()
        .map(|note| note.body.clone())
        .collect()
}

fn kept_typing(runtime: &Runtime) -> String {
    runtime
        .store()
        .left_draft()
        .expect("the drafts read")
        .map(|(_, json)| json)
        .unwrap_or_default()
}

/// A paste that came as 20,000 keys, with Ctrl-S and q after it: all of it
/// is handled before the next frame, and the note is saved whole.
#[test]
fn keys_that_arrived_together_are_handled_before_one_frame() {
    let case = TempCase::new();
    let pasted: String = (0..2_000)
        .map(|i| format!("word{i:05}{}", if i % 40 == 39 { '\n' } else { ' ' }))
        .collect();
    assert_eq!(pasted.chars().count(), 20_000);
    let inputs = keys("8n")
        .chain(keys(&pasted))
        .chain([ctrl('s')])
        .chain(keys("q"))
        .collect();
    let (_, frames) = run_with(&case, inputs);
    // The first frame, then the one drawn above.
    assert_eq!(frames, 1, "frames drawn before the last");
    let notes = note_bodies(&case);
    assert!(
        notes.contains(&pasted.trim_end().to_string()) || notes.contains(&pasted),
        "the note saved is not the whole paste"
    );
}

/// Letters gathered into one insert are the same as typed one by one,
/// in a picker too, and a key bound in the form still does its work.
#[test]
fn letters_typed_together_land_where_single_keys_would() {
    let case = TempCase::new();
    // In the doctor form: a name, Tab, a specialty, then q, which in a
    // form is a letter, not quit.
    let inputs = keys("9a")
        .chain(keys("Dr. Quinn"))
        .chain([Incoming::Event(key(KeyCode::Tab))])
        .chain(keys("Oncology q"))
        .chain([ctrl('s')])
        .chain(keys("q"))
        .collect();
    run_with(&case, inputs);
    let doctors = case
        .open("Maria")
        .snapshot()
        .expect("the case reads")
        .doctors;
    let quinn = doctors
        .iter()
        .find(|doctor| doctor.name == "Dr. Quinn")
        .expect("the doctor was saved");
    assert_eq!(quinn.specialty, "Oncology q");
}

/// SIGTERM: what was typed is kept for the next start, with the keys
/// that had already arrived when it came.
#[test]
fn a_stop_keeps_everything_typed() {
    let case = TempCase::new();
    let inputs = keys("9aDr. Typed Before The Stop")
        .chain([Incoming::Stop])
        .chain(keys(" and with it"))
        .collect();
    let (runtime, _) = run_with(&case, inputs);
    let kept = kept_typing(&runtime);
    assert!(
        kept.contains("\"Dr. Typed Before The Stop and with it\""),
        "{kept}"
    );
}

/// SIGHUP comes as the terminal closes, sometimes before its last keys:
/// those are waited for, until the terminal says it is gone.
#[test]
fn a_closing_terminal_keeps_the_keys_still_on_their_way() {
    let case = TempCase::new();
    let inputs = keys("9aDr. Typed")
        .chain([Incoming::HangUp])
        .chain(keys(" Right Before The Close"))
        .chain([Incoming::Lost])
        .collect();
    let (runtime, _) = run_with(&case, inputs);
    let kept = kept_typing(&runtime);
    assert!(
        kept.contains("\"Dr. Typed Right Before The Close\""),
        "{kept}"
    );
}

/// A terminal that has gone away, seen only when drawing on it fails: the
/// typing is kept before the error is said.
#[test]
fn a_terminal_that_cannot_be_drawn_on_keeps_the_typing() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    let (sender, receiver) = mpsc::channel();
    for input in keys("9aDr. Typed Before The Terminal Went") {
        sender.send(input).expect("queued");
    }
    let mut terminal = Terminal::new(GoneAfter {
        frames: 1,
        screen: TestBackend::new(120, 36),
    })
    .expect("a test terminal");
    let result = run(&mut terminal, &mut runtime, &receiver);
    assert!(result.is_err(), "a terminal that is gone is an error");
    let kept = kept_typing(&runtime);
    assert!(
        kept.contains("\"Dr. Typed Before The Terminal Went\""),
        "{kept}"
    );
}

/// A test terminal that goes away after `frames` frames: drawing on it
/// fails as on a terminal that has hung up.
struct GoneAfter {
    frames: usize,
    screen: TestBackend,
}

fn gone() -> std::io::Error {
    std::io::Error::from_raw_os_error(5) // EIO
}

impl Backend for GoneAfter {
    type Error = std::io::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        if self.frames == 0 {
            return Err(gone());
        }
        self.frames -= 1;
        self.screen.draw(content).map_err(|never| match never {})
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        Ok(Position::ORIGIN)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, _: P) -> Result<(), Self::Error> {
        Ok(())
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }

    fn clear_region(&mut self, _: ClearType) -> Result<(), Self::Error> {
        Ok(())
    }

    fn size(&self) -> Result<Size, Self::Error> {
        Ok(Size::new(120, 36))
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.screen.window_size().map_err(|never| match never {})
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }
}
