//! casefile on a narrow or small terminal: at 80 columns every pane can be
//! reached from the tab bar and the current one is always there,
//! highlighted; a long status message keeps the file it names; a screen
//! too small for a form says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use casefile::app::{Action, Pane, Runtime, TabSpot, tab_bar};
use common::{TempCase, demo_store, screen_sized, type_keys};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;

fn demo_runtime(case: &TempCase) -> Runtime {
    Runtime::new(demo_store(case), case.demo_path())
}

/// The screen with the temporary folder's name replaced, whole or as the
/// end of a path cut short.
fn stable(case: &TempCase, screen: String) -> String {
    let folder = case.dir.path();
    let name = folder
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    screen
        .replace(&folder.display().to_string(), "<tmp>")
        .replace(&name, "<tmp>")
}

/// The text of the tab bar's cells drawn highlighted (reversed).
fn highlighted_tab(runtime: &mut Runtime, width: u16, height: u16) -> String {
    runtime.dispatch(Action::Resize {
        columns: width,
        rows: height,
    });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a terminal");
    terminal
        .draw(|frame| casefile::ui::render(frame, &runtime.app))
        .expect("draws");
    let buffer = terminal.backend().buffer();
    (0..width)
        .filter_map(|x| buffer.cell((x, 1)))
        .filter(|cell| cell.modifier.contains(Modifier::REVERSED))
        .map(|cell| cell.symbol().to_string())
        .collect()
}

#[test]
fn at_80_columns_the_first_pane_is_highlighted_and_more_are_marked() {
    let case = TempCase::new();
    let mut runtime = demo_runtime(&case);
    let screen = stable(&case, screen_sized(&mut runtime, 80, 24));
    // Ten tabs spaced out do not fit in 80 columns: they close up.
    assert_eq!(highlighted_tab(&mut runtime, 80, 24), "1 Overview");
    insta::assert_snapshot!(screen);
}

#[test]
fn at_80_columns_the_ninth_pane_is_highlighted_and_the_ones_before_marked() {
    let case = TempCase::new();
    let mut runtime = demo_runtime(&case);
    type_keys(&mut runtime, "9");
    let screen = stable(&case, screen_sized(&mut runtime, 80, 24));
    assert_eq!(highlighted_tab(&mut runtime, 80, 24), "9 Doctors");
    insta::assert_snapshot!(screen);
}

/// Every pane, at every width from 30 to 130: its tab is drawn whole and
/// highlighted, and every pane left out is marked by ‹ or ›.
#[test]
fn the_current_tab_is_always_drawn_whole() {
    let case = TempCase::new();
    let mut runtime = demo_runtime(&case);
    for width in 30..=130 {
        for pane in Pane::ALL {
            type_keys(&mut runtime, &pane.number_key().to_string());
            let bar = tab_bar(width, pane);
            let drawn = bar
                .iter()
                .find(|place| place.spot == TabSpot::Tab(pane))
                .map(|place| place.text.clone());
            assert_eq!(
                Some(highlighted_tab(&mut runtime, width, 24)),
                drawn,
                "{pane:?} at {width} columns"
            );
            assert!(
                drawn.is_some_and(|text| text.trim() == pane.tab_label().trim()),
                "{pane:?} at {width} columns: its number and title"
            );
            if width >= 120 {
                assert!(
                    !bar.iter()
                        .any(|p| matches!(p.spot, TabSpot::Earlier(_) | TabSpot::Later(_))),
                    "every tab fits at {width} columns"
                );
            }
            let shown: Vec<Pane> = bar
                .iter()
                .filter_map(|place| match place.spot {
                    TabSpot::Tab(pane) => Some(pane),
                    _ => None,
                })
                .collect();
            let first = shown.first().expect("a tab").index();
            let last = shown.last().expect("a tab").index();
            assert_eq!(
                bar.first().map(|p| p.spot),
                Some(if first > 0 {
                    TabSpot::Earlier(Pane::ALL[first - 1])
                } else {
                    TabSpot::Tab(Pane::ALL[0])
                }),
                "{pane:?} at {width}"
            );
            assert_eq!(
                bar.last().map(|p| p.spot),
                Some(if last < Pane::ALL.len() - 1 {
                    TabSpot::Later(Pane::ALL[last + 1])
                } else {
                    TabSpot::Tab(Pane::ALL[Pane::ALL.len() - 1])
                }),
                "{pane:?} at {width}"
            );
            let end = bar.last().map_or(0, |p| {
                p.x + p.width + u16::from(!matches!(p.spot, TabSpot::Later(_)))
            });
            assert!(
                end <= width.max(pane.tab_label().chars().count() as u16 + 5),
                "{pane:?} at {width}: the bar takes {end} columns"
            );
        }
    }
}

/// A click lands on what is drawn where it is: a tab, or ‹ and ›, which
/// go to the nearest pane left out.
#[test]
fn clicks_on_a_shortened_tab_bar_hit_what_is_drawn() {
    let case = TempCase::new();
    let mut runtime = demo_runtime(&case);
    let screen = screen_sized(&mut runtime, 80, 24);
    let bar = screen
        .lines()
        .nth(1)
        .expect("the tab bar")
        .trim_matches('"');
    let column_of = |text: &str| -> u16 {
        let byte = bar
            .find(text)
            .unwrap_or_else(|| panic!("{text:?} in {bar:?}"));
        bar[..byte].chars().count() as u16
    };
    let click = |runtime: &mut Runtime, column: u16| {
        runtime.dispatch(Action::Click { column, row: 1 });
    };
    click(&mut runtime, column_of("5 Imaging") + 2);
    assert_eq!(runtime.app.pane, Pane::Imaging);
    let screen = screen_sized(&mut runtime, 80, 24);
    let bar = screen
        .lines()
        .nth(1)
        .expect("the tab bar")
        .trim_matches('"')
        .to_string();
    let more = bar.chars().position(|c| c == '›').expect("a › mark") as u16;
    let next_left_out = tab_bar(80, Pane::Imaging)
        .iter()
        .find_map(|place| match place.spot {
            TabSpot::Later(pane) => Some(pane),
            _ => None,
        })
        .expect("panes left out after");
    click(&mut runtime, more);
    assert!(bar.contains("│›"), "{bar}");
    assert_eq!(
        runtime.app.pane, next_left_out,
        "› goes to the next pane left out: {bar}"
    );
    type_keys(&mut runtime, "9");
    let screen = screen_sized(&mut runtime, 80, 24);
    let bar = screen
        .lines()
        .nth(1)
        .expect("the tab bar")
        .trim_matches('"')
        .to_string();
    let earlier = bar.chars().position(|c| c == '‹').expect("a ‹ mark") as u16;
    click(&mut runtime, earlier);
    // From Doctors the bar runs from 4 Questions to 0 Decide, the last.
    assert!(bar.starts_with("‹│4 Questions"), "{bar}");
    assert!(bar.trim_end().ends_with("0 Decide│"), "{bar}");
    assert_eq!(
        runtime.app.pane,
        Pane::Conflicts,
        "‹ goes to the pane before: {bar}"
    );
}

/// The packet's file is named in a message longer than the status line:
/// it wraps, and the file's name is on screen.
#[test]
fn a_long_status_message_keeps_the_file_it_names() {
    let case = TempCase::new();
    let mut runtime = demo_runtime(&case);
    type_keys(&mut runtime, "9p");
    let status = runtime.app.status.clone().expect("a message");
    assert!(status.text.contains(".html"), "{}", status.text);
    let screen = stable(&case, screen_sized(&mut runtime, 80, 24));
    let file = std::path::Path::new(status.text.split_whitespace().nth(4).expect("the path"))
        .file_name()
        .expect("a file name")
        .to_string_lossy()
        .trim_end_matches(':')
        .to_string();
    assert!(screen.contains(&file), "{file} not on screen:\n{screen}");
    assert!(
        screen.contains("read or print"),
        "the end of the message:\n{screen}"
    );
    insta::assert_snapshot!(screen);
}

/// 40 × 12 with a form open: the form says the window is too small.
#[test]
fn a_screen_too_small_for_a_form_says_so() {
    let case = TempCase::new();
    let mut runtime = demo_runtime(&case);
    type_keys(&mut runtime, "9a");
    assert!(runtime.app.overlays.form().is_some());
    let screen = stable(&case, screen_sized(&mut runtime, 40, 12));
    assert!(screen.contains("too small"), "{screen}");
    insta::assert_snapshot!(screen);
}
