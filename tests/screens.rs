//! What each pane shows on the demo case, at 120 × 36 on a fixed day.
//! Review a changed snapshot as you would review code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use casefile::app::{Pane, Runtime};
use casefile::domain::{CaseDraft, DoctorDraft, NoteDraft};
use common::{TempCase, demo_store, press, screen, type_keys};
use ratatui::crossterm::event::KeyCode;

fn demo_runtime(case: &TempCase) -> Runtime {
    Runtime::new(demo_store(case), case.demo_path())
}

fn pane_screen(pane: Pane) -> String {
    let case = TempCase::new();
    let mut runtime = demo_runtime(&case);
    type_keys(&mut runtime, &pane.number_key().to_string());
    assert_eq!(runtime.app.pane, pane);
    stable(&case, screen(&mut runtime))
}

/// The screen with the temporary folder's name replaced, so that the
/// snapshot is the same on every run.
fn stable(case: &TempCase, screen: String) -> String {
    let folder = case.dir.path().display().to_string();
    screen.replace(&folder, "<tmp>")
}

#[test]
fn overview() {
    insta::assert_snapshot!(pane_screen(Pane::Overview));
}

#[test]
fn opinions() {
    insta::assert_snapshot!(pane_screen(Pane::Opinions));
}

#[test]
fn conflicts() {
    insta::assert_snapshot!(pane_screen(Pane::Conflicts));
}

#[test]
fn questions() {
    insta::assert_snapshot!(pane_screen(Pane::Questions));
}

#[test]
fn imaging() {
    insta::assert_snapshot!(pane_screen(Pane::Imaging));
}

#[test]
fn imaging_shows_a_disc_with_its_studies() {
    let case = TempCase::new();
    let mut runtime = demo_runtime(&case);
    type_keys(&mut runtime, "5j");
    insta::assert_snapshot!(stable(&case, screen(&mut runtime)));
}

#[test]
fn requests() {
    insta::assert_snapshot!(pane_screen(Pane::Requests));
}

#[test]
fn deadlines() {
    insta::assert_snapshot!(pane_screen(Pane::Deadlines));
}

#[test]
fn notes() {
    insta::assert_snapshot!(pane_screen(Pane::Notes));
}

#[test]
fn doctors() {
    insta::assert_snapshot!(pane_screen(Pane::Doctors));
}

#[test]
fn decide() {
    insta::assert_snapshot!(pane_screen(Pane::Decide));
}

/// The demo's decision in progress at 80 × 24, and its option grid.
#[test]
fn decide_at_80_columns_and_its_grid() {
    let case = TempCase::new();
    let mut runtime = demo_runtime(&case);
    type_keys(&mut runtime, "0");
    insta::assert_snapshot!(
        "decide_80x24",
        stable(&case, common::screen_sized(&mut runtime, 80, 24))
    );
    type_keys(&mut runtime, "g");
    insta::assert_snapshot!("decide_grid", stable(&case, screen(&mut runtime)));
}

#[test]
fn second_opinion_tab_with_the_slides_seen() {
    let case = TempCase::new();
    let mut runtime = demo_runtime(&case);
    type_keys(&mut runtime, "2l");
    insta::assert_snapshot!(stable(&case, screen(&mut runtime)));
}

#[test]
fn conflict_cell_selected_in_the_treatment_row() {
    let case = TempCase::new();
    let mut runtime = demo_runtime(&case);
    type_keys(&mut runtime, "3jjl");
    insta::assert_snapshot!(stable(&case, screen(&mut runtime)));
}

#[test]
fn help_lists_every_key() {
    let case = TempCase::new();
    let mut runtime = demo_runtime(&case);
    type_keys(&mut runtime, "?");
    insta::assert_snapshot!(stable(&case, screen(&mut runtime)));
}

/// Every binding of every scope is in the help, paged through to its end,
/// with its keys and its words.
#[test]
fn the_help_holds_every_binding_of_every_scope() {
    use casefile::app::keymap::bindings;
    let case = TempCase::new();
    let mut runtime = demo_runtime(&case);
    type_keys(&mut runtime, "?");
    let mut seen = String::new();
    for _ in 0..40 {
        seen.push_str(&screen(&mut runtime));
        press(&mut runtime, &[KeyCode::PageDown]);
    }
    let lines: Vec<&str> = seen.lines().collect();
    for binding in bindings() {
        let label = binding.label();
        assert!(
            lines
                .iter()
                .any(|line| line.contains(&label) && line.contains(binding.description)),
            "{:?} {label} \"{}\" is not in the help",
            binding.scope,
            binding.description
        );
    }
    for scope in bindings().map(|b| b.scope) {
        assert!(
            seen.contains(scope.title()),
            "{} has no heading",
            scope.title()
        );
    }
}

#[test]
fn welcome_on_an_empty_case_file() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(case.open("Maria"), case.demo_path());
    insta::assert_snapshot!(stable(&case, screen(&mut runtime)));
}

#[test]
fn welcome_after_leaving_the_setup_form() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(case.open("Maria"), case.demo_path());
    press(&mut runtime, &[KeyCode::Esc]);
    insta::assert_snapshot!(stable(&case, screen(&mut runtime)));
}

#[test]
fn an_empty_pane_says_what_belongs_there() {
    let case = TempCase::new();
    let mut store = case.open("Maria");
    store
        .add(&CaseDraft {
            patient: "Ana Souza".into(),
            ..CaseDraft::default()
        })
        .expect("a case");
    let mut runtime = Runtime::new(store, case.demo_path());
    press(&mut runtime, &[KeyCode::Char('6')]);
    insta::assert_snapshot!(stable(&case, screen(&mut runtime)));
}

/// Text pasted from anywhere is drawn inert: no control character or
/// escape sequence reaches the terminal, on any pane.
#[test]
fn control_characters_never_reach_the_terminal() {
    let case = TempCase::new();
    let mut store = demo_store(&case);
    let poison = "\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}[2J\u{9b}1m\r\u{8}\u{202e}";
    store
        .add(&DoctorDraft {
            name: format!("Dr. {poison}"),
            specialty: poison.into(),
            institution: poison.into(),
            ..DoctorDraft::default()
        })
        .expect("a doctor");
    store
        .add(&NoteDraft {
            on: None,
            body: format!("{poison}\nsecond {poison} line"),
        })
        .expect("a note");
    let mut runtime = Runtime::new(store, case.demo_path());
    for pane in Pane::ALL {
        type_keys(&mut runtime, &pane.number_key().to_string());
        type_keys(&mut runtime, "G");
        for symbol in common::drawn_symbols(&mut runtime) {
            assert!(
                !symbol
                    .chars()
                    .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
                "{symbol:?} reached the terminal on {pane:?}"
            );
        }
    }
    type_keys(&mut runtime, "8");
    assert!(screen(&mut runtime).contains("␛]52;c;ZXZpbA==␇␛[2J"));
}

#[test]
fn two_opinions_side_by_side() {
    let case = TempCase::new();
    let mut runtime = demo_runtime(&case);
    type_keys(&mut runtime, "2c");
    insta::assert_snapshot!(stable(&case, screen(&mut runtime)));
}

#[test]
fn who_has_seen_what() {
    let case = TempCase::new();
    let mut runtime = demo_runtime(&case);
    type_keys(&mut runtime, "5w");
    insta::assert_snapshot!(stable(&case, screen(&mut runtime)));
}

/// Huge texts, emoji, combining characters and NULs are drawn inert and
/// keep every border in its column.
#[test]
fn long_and_unusual_text_keeps_the_panes_aligned() {
    let case = TempCase::new();
    let mut store = demo_store(&case);
    let unusual = "Biopsy 🧬🩺 résumé e\u{301}\u{301} 中文字 \u{0}NUL ";
    store
        .add(&NoteDraft {
            on: None,
            body: format!("{}\n{}", unusual.repeat(4), "x".repeat(1_000_000)),
        })
        .expect("a note");
    store
        .add(&DoctorDraft {
            name: format!("Dr. {unusual}"),
            specialty: "🩺".repeat(50),
            ..DoctorDraft::default()
        })
        .expect("a doctor");
    let mut runtime = Runtime::new(store, case.demo_path());
    for pane in [Pane::Notes, Pane::Doctors, Pane::Overview] {
        type_keys(&mut runtime, &pane.number_key().to_string());
        type_keys(&mut runtime, "g");
        let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 36))
            .expect("a terminal");
        terminal
            .draw(|frame| casefile::ui::render(frame, &runtime.app))
            .expect("draws");
        let buffer = terminal.backend().buffer();
        for y in 3..34 {
            let right = buffer.cell((119, y)).expect("a cell").symbol();
            assert!(
                ["│", "╮", "╯", "╭", "╰"].contains(&right),
                "{pane:?}: row {y} ends with {right:?}, not a border"
            );
        }
        assert!(
            !buffer
                .content()
                .iter()
                .any(|c| c.symbol().chars().any(char::is_control))
        );
    }
}

#[test]
fn search_results_grouped_by_kind() {
    let case = TempCase::new();
    let mut runtime = demo_runtime(&case);
    type_keys(&mut runtime, "/calcif");
    insta::assert_snapshot!(stable(&case, screen(&mut runtime)));
}

/// Types `text` into the open form: a line break is Enter.
fn type_lines(runtime: &mut Runtime, text: &str) {
    for line_break in text.split('\n').enumerate() {
        let (index, line) = line_break;
        if index > 0 {
            press(runtime, &[KeyCode::Enter]);
        }
        type_keys(runtime, line);
    }
}

fn save(runtime: &mut Runtime) {
    let event = ratatui::crossterm::event::Event::Key(ratatui::crossterm::event::KeyEvent::new(
        KeyCode::Char('s'),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    ));
    if let Some(action) = casefile::app::events::translate(&runtime.app, &event) {
        runtime.dispatch(action);
    }
}

/// Two more lines of resolution, saved in the conflict's workflow: the
/// Conflicts pane shows each on its own line, not joined by ␊.
#[test]
fn a_two_line_resolution_shows_its_lines() {
    let case = TempCase::new();
    let mut runtime = demo_runtime(&case);
    type_keys(&mut runtime, "3jj");
    press(&mut runtime, &[KeyCode::Enter, KeyCode::Tab]);
    type_lines(
        &mut runtime,
        "\nBoth surgeons agree on a lumpectomy\nif the MRI-guided biopsy is clear.",
    );
    save(&mut runtime);
    assert!(
        runtime.app.overlays.form().is_none(),
        "the resolution was saved"
    );
    let screen = stable(&case, screen(&mut runtime));
    assert!(!screen.contains('␊'), "{screen}");
    insta::assert_snapshot!(screen);
}

/// A note changed from one line to three: the history shows the lines of
/// what it was and what it became.
#[test]
fn the_history_shows_the_lines_of_a_multi_line_note() {
    let case = TempCase::new();
    let mut runtime = demo_runtime(&case);
    type_keys(&mut runtime, "8e");
    press(&mut runtime, &[KeyCode::End]);
    type_lines(&mut runtime, "\nAsk her on Monday.\nBring the MRI disc.");
    save(&mut runtime);
    assert!(runtime.app.overlays.form().is_none(), "the note was saved");
    type_keys(&mut runtime, "1h");
    let screen = stable(&case, screen(&mut runtime));
    assert!(!screen.contains('␊'), "{screen}");
    insta::assert_snapshot!(screen);
}

/// Every text that may hold several lines, in every pane and list: no
/// line break is drawn as ␊ or ␍, and every line is there.
#[test]
fn line_breaks_are_never_drawn_as_symbols() {
    let case = TempCase::new();
    let mut store = demo_store(&case);
    store
        .add(&NoteDraft {
            on: None,
            body: "First line of a note\r\nsecond line\rthird line".into(),
        })
        .expect("a note");
    store
        .add(&DoctorDraft {
            name: "Dr. Two\nLines".into(),
            specialty: "Surgery\r\noncology".into(),
            ..DoctorDraft::default()
        })
        .expect("a doctor");
    let mut runtime = Runtime::new(store, case.demo_path());
    for pane in Pane::ALL {
        for keys in [pane.number_key().to_string(), "G".into(), "g".into()] {
            type_keys(&mut runtime, &keys);
            let screen = screen(&mut runtime);
            assert!(
                !screen.contains(['␊', '␍', '\r']),
                "{pane:?} after {keys}:\n{screen}"
            );
        }
    }
    type_keys(&mut runtime, "8");
    let screen = screen(&mut runtime);
    // Joined in the list, where one line fits; in lines in the detail.
    assert!(
        screen.contains("First line of a note second line third line"),
        "{screen}"
    );
    for line in [
        "│  First line of a note ",
        "│  second line ",
        "│  third line ",
    ] {
        assert!(screen.contains(line), "no {line:?} in:\n{screen}");
    }
}
