//! What a real terminal shows, frame after frame, when a record holds
//! text whose width terminals disagree on: a ZWJ sequence (👨‍⚕️), a
//! variation selector (❤️), an emoji modifier (👍🏽). ratatui measures
//! such a sequence as one character; many terminals draw each of its
//! characters at its own width. When the two disagree, what ratatui
//! leaves unchanged between frames is no longer what the terminal shows:
//! a stray letter stays behind.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use casefile::app::{Pane, Runtime};
use casefile::domain::{DoctorDraft, NoteDraft};
use common::{TempCase, demo_store, type_keys};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use unicode_width::UnicodeWidthChar;

const WIDTH: u16 = 120;
const HEIGHT: u16 = 36;

/// A terminal that draws each character at its own width, as xterm and
/// tmux do: the cursor moves on by the sum, whatever sequence the
/// characters make. Writing over part of a wide character blanks the
/// rest of it, as terminals do.
struct CharByChar {
    /// Each cell: what was printed there, or None where a wide character
    /// to its left covers it.
    cells: Vec<Vec<Option<String>>>,
    cursor: (u16, u16),
}

impl CharByChar {
    fn new() -> Self {
        CharByChar {
            cells: vec![vec![Some(" ".to_string()); usize::from(WIDTH)]; usize::from(HEIGHT)],
            cursor: (0, 0),
        }
    }

    /// Blanks the character that covers cell `x` of `row`, all of it.
    fn blank_around(row: &mut [Option<String>], x: usize) {
        let mut lead = x;
        while lead > 0 && row[lead].is_none() {
            lead -= 1;
        }
        row[lead] = Some(" ".into());
        let mut next = lead + 1;
        while next < row.len() && row[next].is_none() {
            row[next] = Some(" ".into());
            next += 1;
        }
    }

    fn print(&mut self, symbol: &str) {
        let (x, y) = (usize::from(self.cursor.0), usize::from(self.cursor.1));
        let width: usize = symbol.chars().map(|c| c.width().unwrap_or(0)).sum();
        let width = width.max(1);
        let row = &mut self.cells[y];
        for covered in x..(x + width).min(row.len()) {
            if row[covered].as_deref() != Some(" ") {
                Self::blank_around(row, covered);
            }
        }
        if x < row.len() {
            row[x] = Some(symbol.to_string());
            for covered in x + 1..(x + width).min(row.len()) {
                row[covered] = None;
            }
        }
        self.cursor.0 = u16::try_from(x + width).unwrap_or(WIDTH).min(WIDTH - 1);
    }

    fn screen(&self) -> String {
        self.cells
            .iter()
            .map(|row| row.iter().flatten().map(String::as_str).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl Backend for CharByChar {
    type Error = std::io::Error;

    /// As ratatui's crossterm backend does: the cursor is moved only when
    /// the next cell is not the one right after the last.
    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut last: Option<(u16, u16)> = None;
        for (x, y, cell) in content {
            if !matches!(last, Some((lx, ly)) if x == lx + 1 && y == ly) {
                self.cursor = (x, y);
            }
            last = Some((x, y));
            self.print(cell.symbol());
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        Ok(Position::new(self.cursor.0, self.cursor.1))
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        let position = position.into();
        self.cursor = (position.x, position.y);
        Ok(())
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        *self = CharByChar::new();
        Ok(())
    }

    fn clear_region(&mut self, _: ClearType) -> Result<(), Self::Error> {
        Ok(())
    }

    fn size(&self) -> Result<Size, Self::Error> {
        Ok(Size::new(WIDTH, HEIGHT))
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        Ok(WindowSize {
            columns_rows: Size::new(WIDTH, HEIGHT),
            pixels: Size::new(0, 0),
        })
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }
}

fn draw(terminal: &mut Terminal<CharByChar>, runtime: &Runtime) {
    terminal
        .draw(|frame| casefile::ui::render(frame, &runtime.app))
        .expect("draws");
}

/// What a fresh terminal shows for the app as it is now.
fn fresh(runtime: &Runtime) -> String {
    let mut terminal = Terminal::new(CharByChar::new()).expect("a terminal");
    draw(&mut terminal, runtime);
    terminal.backend().screen()
}

/// The demo case with doctors and a note whose texts terminals measure
/// differently from ratatui.
fn case_with_emoji(case: &TempCase) -> Runtime {
    let mut store = demo_store(case);
    for (name, specialty) in [
        ("Dr. Aaron Abel", "👨‍⚕️ General practice"),
        ("Dr. Abby Adams", "Cardiology ❤️ and 👍🏽 care"),
    ] {
        store
            .add(&DoctorDraft {
                name: name.into(),
                specialty: specialty.into(),
                institution: "St. Mary's".into(),
                ..DoctorDraft::default()
            })
            .expect("a doctor");
    }
    store
        .add(&NoteDraft {
            on: None,
            body: "Family 👨‍👩‍👧 all came ❤️ 👍🏽 thanks".into(),
        })
        .expect("a note");
    Runtime::new(store, case.demo_path())
}

/// On a terminal that draws 👨‍⚕️ wider than ratatui measures it, moving
/// from that doctor to the next leaves what a fresh screen would show.
#[test]
fn moving_off_an_emoji_doctor_leaves_no_stray_cell() {
    let case = TempCase::new();
    let mut runtime = case_with_emoji(&case);
    type_keys(&mut runtime, "9g");
    assert_eq!(runtime.app.pane, Pane::Doctors);
    let mut terminal = Terminal::new(CharByChar::new()).expect("a terminal");
    draw(&mut terminal, &runtime);
    for key in ["j", "j", "k", "k", "G"] {
        type_keys(&mut runtime, key);
        draw(&mut terminal, &runtime);
        assert_eq!(
            terminal.backend().screen(),
            fresh(&runtime),
            "after {key}, the screen differs from a fresh one"
        );
    }
}

/// The same across every pane: each screen drawn over the one before is
/// what a fresh terminal shows.
#[test]
fn every_pane_drawn_over_another_is_what_a_fresh_screen_shows() {
    let case = TempCase::new();
    let mut runtime = case_with_emoji(&case);
    let mut terminal = Terminal::new(CharByChar::new()).expect("a terminal");
    draw(&mut terminal, &runtime);
    for pane in Pane::ALL {
        for keys in [pane.number_key().to_string(), "g".into(), "j".into()] {
            type_keys(&mut runtime, &keys);
            draw(&mut terminal, &runtime);
            assert_eq!(
                terminal.backend().screen(),
                fresh(&runtime),
                "{pane:?} after {keys}"
            );
        }
    }
}

/// In a form too: the specialty in its editor, then the next field.
#[test]
fn an_emoji_in_a_form_leaves_no_stray_cell() {
    let case = TempCase::new();
    let mut runtime = case_with_emoji(&case);
    type_keys(&mut runtime, "9ge");
    assert!(
        runtime.app.overlays.form().is_some(),
        "the doctor's form is open"
    );
    let mut terminal = Terminal::new(CharByChar::new()).expect("a terminal");
    draw(&mut terminal, &runtime);
    for key in [
        ratatui::crossterm::event::KeyCode::Tab,
        ratatui::crossterm::event::KeyCode::Tab,
        ratatui::crossterm::event::KeyCode::BackTab,
    ] {
        common::press(&mut runtime, &[key]);
        draw(&mut terminal, &runtime);
        assert_eq!(
            terminal.backend().screen(),
            fresh(&runtime),
            "after {key:?}"
        );
    }
    // The stand-in takes the two columns ratatui gave the sequence.
    let screen = fresh(&runtime);
    assert!(
        screen.contains("Specialty: ◌  General practice"),
        "the stand-in is drawn, the words after it in place:\n{screen}"
    );
}
