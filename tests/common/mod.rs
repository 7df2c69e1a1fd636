//! Helpers shared by the integration tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly
#![allow(dead_code)] // each test file uses some of the helpers

use std::path::PathBuf;

use casefile::app::{Action, Runtime, events};
use casefile::domain::Clock;
use casefile::store::Store;
use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tempfile::TempDir;

/// The day every test pretends it is.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).expect("a real date")
}

pub fn clock() -> Clock {
    Clock::fixed(today())
}

/// A case file in its own temporary folder, removed when dropped.
pub struct TempCase {
    pub dir: TempDir,
    pub path: PathBuf,
}

impl TempCase {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("case.db");
        TempCase { dir, path }
    }

    pub fn open(&self, author: &str) -> Store {
        Store::open(&self.path, author, clock()).expect("the case file opens")
    }

    pub fn demo_path(&self) -> PathBuf {
        self.dir.path().join("demo.db")
    }
}

/// The demo case, written on the fixed day, in a temporary file.
pub fn demo_store(case: &TempCase) -> Store {
    let mut store = case.open("Maria");
    casefile::demo::write_demo(&mut store).expect("the demo is written");
    store
}

pub fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Presses keys one after another, as a user would.
pub fn press(runtime: &mut Runtime, keys: &[KeyCode]) {
    for code in keys {
        if let Some(action) = events::translate(&runtime.app, &key(*code)) {
            runtime.dispatch(action);
        }
    }
}

/// Types each character as a key press.
pub fn type_keys(runtime: &mut Runtime, text: &str) {
    let keys: Vec<KeyCode> = text.chars().map(KeyCode::Char).collect();
    press(runtime, &keys);
}

/// The screen as the user would see it, at 120 × 36.
pub fn screen(runtime: &mut Runtime) -> String {
    screen_sized(runtime, 120, 36)
}

pub fn screen_sized(runtime: &mut Runtime, width: u16, height: u16) -> String {
    runtime.dispatch(Action::Resize {
        columns: width,
        rows: height,
    });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| casefile::ui::render(frame, &runtime.app))
        .expect("the screen draws");
    terminal.backend().to_string()
}

/// Every symbol drawn on the screen, for checks on what reaches the terminal.
pub fn drawn_symbols(runtime: &mut Runtime) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(120, 36)).expect("a test terminal");
    terminal
        .draw(|frame| casefile::ui::render(frame, &runtime.app))
        .expect("the screen draws");
    terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|cell| cell.symbol().to_string())
        .collect()
}
