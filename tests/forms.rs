//! Every form, as the user sees it when it opens and when a save is
//! refused for what is missing. Review a changed snapshot as code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use casefile::app::Runtime;
use common::{TempCase, demo_store, press, screen, type_keys};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn ctrl(runtime: &mut Runtime, c: char) {
    let event = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    if let Some(action) = casefile::app::events::translate(&runtime.app, &event) {
        runtime.dispatch(action);
    }
}

/// Types `keys`, a newline standing for Enter.
fn keys_with_enter(runtime: &mut Runtime, keys: &str) {
    for c in keys.chars() {
        if c == '\n' {
            press(runtime, &[KeyCode::Enter]);
        } else {
            type_keys(runtime, &c.to_string());
        }
    }
}

fn stable(case: &TempCase, screen: String) -> String {
    screen.replace(&case.dir.path().display().to_string(), "<tmp>")
}

/// The keys that open each form on the demo case.
const FORMS: &[(&str, &str)] = &[
    ("case", "1e"),
    ("doctor", "9a"),
    ("opinion", "2a"),
    ("topic", "3a"),
    ("stance", "3jjjjje"),
    ("stance_edit", "3jjjjjle"),
    ("question", "4a"),
    ("item", "5a"),
    ("move", "5m"),
    ("recipient", "5r"),
    ("request", "6a"),
    ("follow_up", "6f"),
    ("deadline", "7a"),
    ("note", "8a"),
    ("note_on_a_doctor", "9n"),
    ("conflict", "3jj\n"),
    ("equivalence", "3jj="),
];

#[test]
fn each_form_as_it_opens() {
    for (name, keys) in FORMS {
        let case = TempCase::new();
        let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
        keys_with_enter(&mut runtime, keys);
        assert!(
            runtime.app.overlays.form().is_some(),
            "{keys} opens the {name} form"
        );
        insta::assert_snapshot!(format!("form_{name}"), stable(&case, screen(&mut runtime)));
    }
}

#[test]
fn each_form_marks_what_is_missing() {
    for (name, keys) in FORMS {
        let case = TempCase::new();
        let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
        keys_with_enter(&mut runtime, keys);
        if *name == "case" {
            // The case form opens filled in: empty its one required field.
            for _ in 0..40 {
                press(&mut runtime, &[KeyCode::Backspace]);
            }
        }
        ctrl(&mut runtime, 's');
        let Some(form) = runtime.app.overlays.form() else {
            // Forms whose every field has a sound default save at once.
            assert!(
                [
                    "opinion",
                    "stance_edit",
                    "conflict",
                    "equivalence",
                    "recipient"
                ]
                .contains(name),
                "the {name} form saved with nothing typed"
            );
            continue;
        };
        assert!(form.message.is_some(), "{name}");
        if *name != "recipient" {
            assert!(form.fields.iter().any(|f| f.error.is_some()), "{name}");
        }
        insta::assert_snapshot!(
            format!("form_{name}_refused"),
            stable(&case, screen(&mut runtime))
        );
    }
}

#[test]
fn a_date_that_is_not_understood_is_marked_and_the_typing_stays() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "7aBiopsy results");
    press(&mut runtime, &[KeyCode::Tab]);
    for _ in 0..12 {
        press(&mut runtime, &[KeyCode::Backspace]);
    }
    type_keys(&mut runtime, "next tuesday");
    ctrl(&mut runtime, 's');
    let text = stable(&case, screen(&mut runtime));
    assert!(
        text.contains("'next tuesday' is not a date casefile understands"),
        "{text}"
    );
    assert!(text.contains("Biopsy results"), "what was typed stays");
    insta::assert_snapshot!(text);
}

#[test]
fn the_opinion_form_marks_a_date_it_cannot_read() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "2a");
    press(&mut runtime, &[KeyCode::Tab]);
    for _ in 0..10 {
        press(&mut runtime, &[KeyCode::Backspace]);
    }
    type_keys(&mut runtime, "the 31st");
    ctrl(&mut runtime, 's');
    assert!(runtime.app.overlays.form().is_some(), "not saved");
    insta::assert_snapshot!(stable(&case, screen(&mut runtime)));
}

#[test]
fn a_form_fits_a_small_terminal() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "2a");
    insta::assert_snapshot!(stable(&case, common::screen_sized(&mut runtime, 80, 24)));
}
