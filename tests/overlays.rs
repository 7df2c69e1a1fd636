//! What opens over the panes is one stack: the top takes the keys and the
//! mouse, drawing goes from the bottom up, and Esc closes them in the
//! order they opened.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use casefile::app::{Action, Overlay, Pane, Runtime};
use common::{TempCase, demo_store, press, screen, type_keys};
use ratatui::crossterm::event::{Event, KeyCode, MouseButton, MouseEvent, MouseEventKind};

fn click(runtime: &mut Runtime, column: u16, row: u16) {
    let event = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: ratatui::crossterm::event::KeyModifiers::NONE,
    });
    if let Some(action) = casefile::app::events::translate(&runtime.app, &event) {
        runtime.dispatch(action);
    }
}

/// The kinds of overlay open, bottom first.
fn stack(runtime: &Runtime) -> Vec<&'static str> {
    runtime
        .app
        .overlays
        .iter()
        .map(|overlay| match overlay {
            Overlay::Help(_) => "help",
            Overlay::Form(_) => "form",
            Overlay::Confirm(_) => "confirm",
            Overlay::Authors(_) => "authors",
            Overlay::Search(_) => "search",
            Overlay::History(_) => "history",
            Overlay::Parts(_) => "parts",
            Overlay::Compare(_) => "compare",
            Overlay::Disc(_) => "disc",
        })
        .collect()
}

#[test]
fn with_search_open_a_click_on_the_tab_bar_does_not_change_the_pane() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    screen(&mut runtime);
    type_keys(&mut runtime, "/");
    assert_eq!(stack(&runtime), ["search"]);
    // "4 Questions" on the tab bar, the second line.
    let text = screen(&mut runtime);
    let tabs = text.lines().nth(1).unwrap();
    let column = tabs.find("4 Questions").unwrap() as u16;
    click(&mut runtime, column, 1);
    assert_eq!(runtime.app.pane, Pane::Overview, "the pane behind stays");
    assert_eq!(stack(&runtime), ["search"]);
    // With nothing open, the same click opens the pane.
    press(&mut runtime, &[KeyCode::Esc]);
    click(&mut runtime, column, 1);
    assert_eq!(runtime.app.pane, Pane::Questions);
}

#[test]
fn the_wheel_moves_in_the_list_on_top_not_in_the_pane_behind() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "1h");
    assert_eq!(stack(&runtime), ["history"]);
    let event = Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 10,
        row: 10,
        modifiers: ratatui::crossterm::event::KeyModifiers::NONE,
    });
    let action = casefile::app::events::translate(&runtime.app, &event).unwrap();
    runtime.dispatch(action);
    assert_eq!(runtime.app.overlays.history().unwrap().row, 1);
    assert_eq!(runtime.app.cursor_of(Pane::Overview).row, 0, "not the pane");
}

#[test]
fn every_overlay_closes_with_esc_in_the_order_it_opened() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    // An item's parts, a move's form over them.
    type_keys(&mut runtime, "5jj");
    press(&mut runtime, &[KeyCode::Enter]);
    assert_eq!(stack(&runtime), ["parts"]);
    type_keys(&mut runtime, "e");
    assert_eq!(stack(&runtime), ["parts", "form"]);
    let text = screen(&mut runtime);
    assert!(
        text.contains("Edit the custody move"),
        "the form is drawn over the list: {text}"
    );
    press(&mut runtime, &[KeyCode::Esc]);
    assert_eq!(stack(&runtime), ["parts"], "the form first");
    // A delete's question over the parts.
    type_keys(&mut runtime, "d");
    assert_eq!(stack(&runtime), ["parts", "confirm"]);
    press(&mut runtime, &[KeyCode::Esc]);
    assert_eq!(stack(&runtime), ["parts"], "then the question");
    press(&mut runtime, &[KeyCode::Esc]);
    assert!(stack(&runtime).is_empty(), "then the list");

    // The comparison, the history, the help and the search, each on its own.
    for (keys, name) in [
        ("2c", "compare"),
        ("1h", "history"),
        ("?", "help"),
        ("/", "search"),
    ] {
        type_keys(&mut runtime, keys);
        assert_eq!(stack(&runtime), [name], "{keys}");
        press(&mut runtime, &[KeyCode::Esc]);
        assert!(stack(&runtime).is_empty(), "Esc closes the {name}");
    }

    // The question of who is writing, over a form left unsaved.
    type_keys(&mut runtime, "9a");
    type_keys(&mut runtime, "Dr. Half Typed");
    runtime.ask_author(vec!["Maria".into(), "Daniel".into()]);
    assert_eq!(stack(&runtime), ["form", "authors"]);
    // The keys go to the question on top, not into the form below.
    type_keys(&mut runtime, "j");
    assert_eq!(
        runtime.app.overlays.form().unwrap().value("name"),
        "Dr. Half Typed"
    );
    press(&mut runtime, &[KeyCode::Esc]);
    assert_eq!(stack(&runtime), ["form"]);
    runtime.dispatch(Action::CancelForm);
    type_keys(&mut runtime, "y");
    assert!(stack(&runtime).is_empty());
}
