//! The app driven by keys over a real case file, as a user would.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use casefile::app::{Action, Pane, Runtime};
use common::{TempCase, demo_store, press, screen, type_keys};
use ratatui::crossterm::event::KeyCode;

#[test]
fn number_keys_and_tab_switch_panes() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    assert_eq!(runtime.app.pane, Pane::Overview);
    for pane in Pane::ALL {
        type_keys(&mut runtime, &pane.number_key().to_string());
        assert_eq!(runtime.app.pane, pane);
        assert!(screen(&mut runtime).contains(&format!("{} {}", pane.number_key(), pane.title())));
    }
    press(&mut runtime, &[KeyCode::Tab]);
    assert_eq!(runtime.app.pane, Pane::Overview, "Tab wraps round");
    press(&mut runtime, &[KeyCode::BackTab]);
    assert_eq!(runtime.app.pane, Pane::Decide);
}

#[test]
fn clicking_a_tab_opens_its_pane() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    let text = screen(&mut runtime);
    let tab_row = text.lines().nth(1).expect("a tab bar");
    let column = tab_row.find("Requests").expect("a Requests tab");
    let column = tab_row[..column].chars().count();
    runtime.dispatch(Action::Click {
        column: u16::try_from(column).expect("fits"),
        row: 1,
    });
    assert_eq!(runtime.app.pane, Pane::Requests);
}

#[test]
fn moving_down_selects_the_next_record_and_stops_at_the_end() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "9");
    assert!(screen(&mut runtime).contains("Name: Dr. Helen Park"));
    press(&mut runtime, &[KeyCode::Down]);
    assert!(screen(&mut runtime).contains("Name: Dr. Lena Brooks"));
    type_keys(&mut runtime, "jjjjjjjj");
    assert!(screen(&mut runtime).contains("Name: Dr. Samuel Okafor"));
    type_keys(&mut runtime, "g");
    assert!(screen(&mut runtime).contains("Name: Dr. Helen Park"));
}

#[test]
fn the_overdue_request_is_first_and_marked() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "6");
    let text = screen(&mut runtime);
    let first_row = text.lines().nth(3).expect("a first row");
    assert!(first_row.contains("OVERDUE 4 days"), "{first_row}");
    assert!(first_row.contains("Riverside Medical Center"));
}

#[test]
fn the_welcome_screen_opens_the_demo_in_its_own_file() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(case.open("Maria"), case.demo_path());
    let text = screen(&mut runtime);
    assert!(
        text.contains("Start your case"),
        "the setup form opens at once"
    );
    assert!(text.contains("Ctrl-D the demo instead"));
    press(&mut runtime, &[KeyCode::Esc]);
    assert!(screen(&mut runtime).contains("Welcome to casefile"));
    type_keys(&mut runtime, "3");
    assert!(
        runtime.app.shows_welcome(),
        "panes wait until there is a case"
    );

    type_keys(&mut runtime, "d");
    assert!(!runtime.app.shows_welcome());
    assert_eq!(runtime.app.file, case.demo_path());
    let text = screen(&mut runtime);
    assert!(text.contains("Maria Alvarez"));
    assert!(text.contains("Your own case file is untouched"));

    let own = case.open("Maria");
    assert!(
        own.case().expect("reads").is_none(),
        "the user's file stays empty"
    );
}

#[test]
fn help_opens_and_closes() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "?");
    assert!(screen(&mut runtime).contains("Every key"));
    type_keys(&mut runtime, "3");
    assert_eq!(
        runtime.app.pane,
        Pane::Overview,
        "keys go to the help while it is open"
    );
    press(&mut runtime, &[KeyCode::Esc]);
    assert!(!screen(&mut runtime).contains("Every key"));
    type_keys(&mut runtime, "q");
    assert!(runtime.app.quitting);
}

#[test]
fn the_grid_scrolls_sideways_to_keep_the_selected_opinion_in_view() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "3");
    let narrow = common::screen_sized(&mut runtime, 80, 36);
    assert!(narrow.contains("Dr. Helen Park"));
    assert!(narrow.contains("more ▶"));
    type_keys(&mut runtime, "ll");
    let narrow = common::screen_sized(&mut runtime, 80, 36);
    assert!(narrow.contains("Dr. Priya Raman"));
    assert!(!narrow.contains("Dr. Helen Park 2"));
    assert!(narrow.contains("◀ more"));
}

#[test]
fn a_long_detail_scrolls_and_starts_at_the_top_for_the_next_record() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "6");
    assert!(screen(&mut runtime).contains("To: Riverside Medical Center"));
    type_keys(&mut runtime, "J");
    let scrolled = screen(&mut runtime);
    assert!(!scrolled.contains("To: Riverside Medical Center"));
    assert!(scrolled.contains("Due by"));
    type_keys(&mut runtime, "JJJJJJJJJJJJJJJJJJJJ");
    assert!(
        screen(&mut runtime).contains("Added by Daniel"),
        "scrolling stops at the last line, never past it"
    );
    type_keys(&mut runtime, "j");
    assert!(screen(&mut runtime).contains("To: Lakeshore Cancer Institute"));
}

#[test]
fn the_opinion_tabs_scroll_to_keep_the_selected_one_in_view() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "2");
    let tab_row = |text: &str| text.lines().nth(2).unwrap_or_default().to_string();
    let narrow = tab_row(&common::screen_sized(&mut runtime, 60, 30));
    assert!(narrow.contains("Dr. Helen Park"), "{narrow}");
    assert!(narrow.contains('▶'), "{narrow}");
    type_keys(&mut runtime, "ll");
    let narrow = tab_row(&common::screen_sized(&mut runtime, 60, 30));
    assert!(narrow.contains("Dr. Priya Raman"), "{narrow}");
    assert!(narrow.contains('◀'), "{narrow}");
}

/// The files in `folder` whose names end in `.html`.
fn pages_in(folder: &std::path::Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|path| path.extension().is_some_and(|ext| ext == "html"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn p_on_a_doctor_writes_their_packet_to_the_documents_folder_and_says_where() {
    let case = TempCase::new();
    let documents = case.dir.path().join("Documents");
    std::fs::create_dir(&documents).expect("a documents folder");
    let mut runtime =
        Runtime::new(demo_store(&case), case.demo_path()).with_documents(documents.clone());
    type_keys(&mut runtime, "9jjj");
    assert!(screen(&mut runtime).contains("Name: Dr. Samuel Okafor"));
    type_keys(&mut runtime, "P");
    let written = pages_in(&documents);
    assert_eq!(written.len(), 1, "{written:?}");
    assert!(
        pages_in(case.dir.path()).is_empty(),
        "nothing beside the case file"
    );
    let status = runtime.app.status.clone().expect("a message").text;
    assert_eq!(
        status,
        format!(
            "Wrote the blind packet to {}: o opens it, to read or print",
            written[0].display()
        ),
        "the whole path"
    );
    let name = written[0]
        .file_name()
        .expect("a name")
        .to_string_lossy()
        .to_string();
    assert_eq!(
        name,
        "appointment-packet-for-dr-samuel-okafor-blind-2026-03-02.html"
    );
    let page = std::fs::read_to_string(&written[0]).expect("readable");
    assert!(page.contains("Appointment packet for Dr. Samuel Okafor"));
    assert!(
        !page.contains("Mastectomy with sentinel lymph node biopsy"),
        "blind"
    );

    type_keys(&mut runtime, "p");
    assert_eq!(
        pages_in(&documents).len(),
        2,
        "a second packet never writes over the first"
    );
}

#[test]
fn o_opens_the_packet_just_written_with_the_desktops_opener() {
    use std::os::unix::fs::PermissionsExt;
    let case = TempCase::new();
    let documents = case.dir.path().join("Documents");
    std::fs::create_dir(&documents).expect("a documents folder");
    // An opener that notes what it was asked to open.
    let opened = case.dir.path().join("opened.txt");
    let opener = case.dir.path().join("xdg-open");
    std::fs::write(
        &opener,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", opened.display()),
    )
    .expect("the opener");
    std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).expect("runs");
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path())
        .with_documents(documents.clone())
        .with_opener(Some(opener));

    type_keys(&mut runtime, "9o");
    let status = runtime.app.status.clone().expect("a message").text;
    assert!(
        status.starts_with("Nothing has been written in this session to open"),
        "{status}"
    );
    type_keys(&mut runtime, "?");
    let help = common::screen_sized(&mut runtime, 160, 120);
    assert!(help.contains("open the packet just written"), "{help}");
    type_keys(&mut runtime, "?");

    type_keys(&mut runtime, "p");
    let packet = pages_in(&documents).pop().expect("a packet");
    // On the message, from another pane too.
    type_keys(&mut runtime, "1o");
    let status = runtime.app.status.clone().expect("a message").text;
    assert_eq!(status, format!("Opened {} with xdg-open", packet.display()));
    let mut seen = String::new();
    for _ in 0..50 {
        seen = std::fs::read_to_string(&opened).unwrap_or_default();
        if !seen.is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert_eq!(seen, packet.display().to_string());
}

#[test]
fn without_an_opener_o_says_so_and_where_the_packet_is() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path())
        .with_documents(case.dir.path().to_path_buf())
        .with_opener(None);
    type_keys(&mut runtime, "9po");
    let packet = pages_in(case.dir.path()).pop().expect("a packet");
    let status = runtime.app.status.clone().expect("a message");
    assert!(status.is_error);
    assert_eq!(
        status.text,
        format!(
            "There is no program here to open files with (casefile looks for xdg-open on your PATH): \
             open {} yourself, in a browser",
            packet.display()
        )
    );
}

#[test]
fn the_comparison_scrolls_and_changes_the_other_opinion() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "2c");
    let text = screen(&mut runtime);
    assert!(text.contains("Side by side"), "{text}");
    assert!(text.contains("Dr. Samuel Okafor · 21 Feb"));
    type_keys(&mut runtime, "j");
    assert!(
        !screen(&mut runtime).contains("Invasive ductal carcinoma of the left breast"),
        "scrolled past the first row"
    );
    type_keys(&mut runtime, "kl");
    assert!(screen(&mut runtime).contains("Dr. Priya Raman · 26 Feb"));
    press(&mut runtime, &[KeyCode::Esc]);
    assert!(!screen(&mut runtime).contains("Side by side"));
}

#[test]
fn an_original_away_too_long_and_a_block_near_its_keeping_time_are_flagged() {
    use casefile::domain::{CustodyMoveDraft, ItemDraft, ItemForm, ItemKind};
    let case = TempCase::new();
    let mut store = demo_store(&case);
    let day = |days: i64| casefile::domain::dates::offset(common::today(), days).expect("a day");
    let block = store
        .add(&ItemDraft {
            kind: ItemKind::Block,
            description: "Tissue block A1".into(),
            taken_on: Some(day(-(730 - 60))),
            facility: "Northside Pathology Lab".into(),
            form: ItemForm::Block,
            is_original: true,
            held_by: "Northside Pathology Lab".into(),
            copy_of: None,
        })
        .expect("a block");
    store
        .add(&CustodyMoveDraft {
            item_id: block.id,
            from: "Northside Pathology Lab".into(),
            to: "Lakeshore pathology".into(),
            moved_on: day(-40),
            method: "Courier".into(),
            tracking: String::new(),
            direct: true,
            note: String::new(),
        })
        .expect("a move");
    let mut runtime = Runtime::new(store, case.demo_path());
    let text = screen(&mut runtime);
    assert!(
        text.contains("1 original away from its owner over 30 days"),
        "{text}"
    );
    assert!(
        text.contains("1 block or slide set near the end of the lab's"),
        "{text}"
    );
    type_keys(&mut runtime, "5G");
    let text = screen(&mut runtime);
    assert!(text.contains("⚠ away 40d"), "{text}");
    assert!(
        text.contains("⚠ Away from Northside Pathology Lab since"),
        "{text}"
    );
    assert!(text.contains("Labs must keep it until"), "{text}");
}

fn ctrl(runtime: &mut Runtime, c: char) {
    let event = ratatui::crossterm::event::Event::Key(ratatui::crossterm::event::KeyEvent::new(
        KeyCode::Char(c),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    ));
    if let Some(action) = casefile::app::events::translate(&runtime.app, &event) {
        runtime.dispatch(action);
    }
}

/// The demo with its Lakeshore request (second in the list, straight to
/// Dr. Raman, who still waits for the MRI disc) asking for the disc.
fn lakeshore_asks_for_the_mri(case: &TempCase) -> Runtime {
    let mut runtime = Runtime::new(demo_store(case), case.demo_path());
    type_keys(&mut runtime, "6ji");
    assert!(screen(&mut runtime).contains("an item this request asks for"));
    press(&mut runtime, &[KeyCode::Right]);
    ctrl(&mut runtime, 's');
    assert!(screen(&mut runtime).contains("Asks for: Bilateral breast MRI"));
    runtime
}

#[test]
fn receiving_a_request_asks_when_and_moves_an_original_that_came() {
    let case = TempCase::new();
    let mut runtime = lakeshore_asks_for_the_mri(&case);

    type_keys(&mut runtime, "R");
    let text = screen(&mut runtime);
    assert!(
        text.contains("The answer to the request to Lakeshore"),
        "{text}"
    );
    assert!(text.contains("It came on"), "{text}");
    assert!(
        text.contains("a new copy came"),
        "a records office sends copies: {text}"
    );
    // The day it came replaces today's date as it is typed.
    type_keys(&mut runtime, "yesterday");
    press(&mut runtime, &[KeyCode::Tab, KeyCode::Right]);
    assert!(screen(&mut runtime).contains("the original came"));
    ctrl(&mut runtime, 's');
    let text = screen(&mut runtime);
    assert!(
        text.contains("Marked received on 1 Mar: 1 original moved to Dr. Priya Raman"),
        "{text}"
    );
    let mut store =
        casefile::store::Store::open(&case.path, "Reader", common::clock()).expect("opens");
    let file = store.snapshot().expect("reads");
    let yesterday = casefile::domain::dates::offset(common::today(), -1).expect("a day");
    let mri = file
        .items
        .iter()
        .find(|i| i.description.starts_with("Bilateral"))
        .expect("the MRI");
    assert_eq!(file.holder(mri), "Dr. Priya Raman");
    let raman = file
        .doctors
        .iter()
        .find(|d| d.name == "Dr. Priya Raman")
        .expect("Dr. Raman");
    let line = file
        .item_recipients
        .iter()
        .find(|r| r.item_id == mri.id && r.doctor_id == raman.id)
        .expect("her line");
    assert_eq!(line.received_on, Some(yesterday), "she has it since then");
    let request = file
        .requests
        .iter()
        .find(|r| r.to_whom.starts_with("Lakeshore"))
        .expect("the request");
    assert_eq!(request.received_on, Some(yesterday));
    let said: Vec<&str> = file
        .follow_ups
        .iter()
        .filter(|f| f.request_id == request.id)
        .map(|f| f.said.as_str())
        .collect();
    assert!(
        said.iter()
            .any(|s| s.contains("Bilateral breast MRI") && s.contains("(the original)")),
        "the follow-up log says what came: {said:?}"
    );

    // One undo takes back the whole receipt.
    type_keys(&mut runtime, "u");
    let file = store.snapshot().expect("reads");
    assert_eq!(file.holder(mri), "Dr. Samuel Okafor");
    assert!(
        file.follow_ups
            .iter()
            .all(|f| f.request_id != request.id || !f.said.contains("(the original)"))
    );
}

#[test]
fn receiving_a_new_copy_adds_an_item_held_where_it_was_delivered() {
    let case = TempCase::new();
    let mut runtime = lakeshore_asks_for_the_mri(&case);
    type_keys(&mut runtime, "R");
    assert!(
        screen(&mut runtime)
            .contains("1 new copy will be added to Imaging, held by Dr. Priya Raman")
    );
    ctrl(&mut runtime, 's');
    let text = screen(&mut runtime);
    assert!(
        text.contains("1 new copy added to Imaging, held by Dr. Priya Raman"),
        "{text}"
    );
    let mut store =
        casefile::store::Store::open(&case.path, "Reader", common::clock()).expect("opens");
    let file = store.snapshot().expect("reads");
    let mri = file
        .items
        .iter()
        .find(|i| i.description.starts_with("Bilateral") && i.copy_of.is_none())
        .expect("the MRI");
    assert_eq!(
        file.holder(mri),
        "Dr. Samuel Okafor",
        "the disc itself did not move"
    );
    let copy = file
        .items
        .iter()
        .find(|i| i.copy_of == Some(mri.id))
        .expect("the new copy");
    assert!(!copy.is_original);
    assert_eq!(file.holder(copy), "Dr. Priya Raman");
    let raman = file
        .doctors
        .iter()
        .find(|d| d.name == "Dr. Priya Raman")
        .expect("Dr. Raman");
    let line = file
        .item_recipients
        .iter()
        .find(|r| r.item_id == mri.id && r.doctor_id == raman.id)
        .expect("her line for the MRI");
    assert_eq!(line.received_on, Some(common::today()), "she has it now");
    assert_eq!(
        line.received_as,
        casefile::domain::ReceivedAs::Copy,
        "as a new copy"
    );
    assert!(
        !file.item_recipients.iter().any(|r| r.item_id == copy.id),
        "the copy is not a second item she waits for"
    );
    type_keys(&mut runtime, "1");
    assert!(
        screen(&mut runtime).contains("0 scans or slide sets not yet with the doctors"),
        "nobody waits for the MRI any more"
    );
    // The copy says what it copies, and keeps saying so once edited.
    type_keys(&mut runtime, "5G");
    assert!(screen(&mut runtime).contains("no, a new copy of \"Bilateral breast MRI"));
    type_keys(&mut runtime, "e (disc)");
    ctrl(&mut runtime, 's');
    let file = store.snapshot().expect("reads");
    let edited = file
        .items
        .iter()
        .find(|i| i.id == copy.id)
        .expect("the copy");
    assert!(edited.description.ends_with("(disc)"));
    assert_eq!(edited.copy_of, Some(mri.id));

    // The request keeps the day it was received once edited.
    type_keys(&mut runtime, "6g");
    let row = casefile::app::lists::requests(&runtime.app.case, common::today())
        .iter()
        .position(|r| r.to_whom.starts_with("Lakeshore"))
        .expect("listed");
    for _ in 0..row {
        type_keys(&mut runtime, "j");
    }
    type_keys(&mut runtime, "e.");
    ctrl(&mut runtime, 's');
    let file = store.snapshot().expect("reads");
    let request = file
        .requests
        .iter()
        .find(|r| r.to_whom.starts_with("Lakeshore"))
        .expect("the request");
    assert!(
        request.to_whom.ends_with('.'),
        "edited: {}",
        request.to_whom
    );
    assert_eq!(request.received_on, Some(common::today()));
}

#[test]
fn a_written_extension_asks_when_the_notice_came_and_shows_the_new_due_date() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "6");
    assert!(screen(&mut runtime).contains("OVERDUE 4 days"));
    type_keys(&mut runtime, "x");
    let text = screen(&mut runtime);
    assert!(text.contains("The written notice came on"), "{text}");
    // Today is 34 days after the request: too late to count.
    assert!(
        text.contains("after the provider's 30 days ran out"),
        "the form says so before saving: {text}"
    );
    // Noticed ten days ago, on day 24: in time.
    type_keys(&mut runtime, "-10d");
    let text = screen(&mut runtime);
    assert!(text.contains("New due date: Sat 28 Mar 2026"), "{text}");
    assert!(
        text.contains("That is after your decision date, Mon 23 Mar 2026"),
        "{text}"
    );
    ctrl(&mut runtime, 's');
    let text = screen(&mut runtime);
    assert!(text.contains("26 days left"), "{text}");
    assert!(
        text.contains("⚠ after decision"),
        "flagged in the list: {text}"
    );
    assert!(
        text.contains("Due after your decision date"),
        "and on the request: {text}"
    );
    type_keys(&mut runtime, "1");
    let text = screen(&mut runtime);
    assert!(
        text.contains("2 record requests due after the decision date"),
        "and in the Overview: {text}"
    );
    type_keys(&mut runtime, "6x");
    assert!(screen(&mut runtime).contains("already extended"));
}

#[test]
fn an_extension_noticed_too_late_is_kept_and_the_request_stays_overdue() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "6x");
    ctrl(&mut runtime, 's');
    let text = screen(&mut runtime);
    assert!(text.contains("OVERDUE 4 days"), "{text}");
    assert!(
        text.contains("⚠ Extended: the notice came Mon 2 Mar 2026"),
        "{text}"
    );
    assert!(
        text.contains("the 30 days ran out on Thu 26 Feb 2026"),
        "{text}"
    );
    let mut store =
        casefile::store::Store::open(&case.path, "Reader", common::clock()).expect("opens");
    let file = store.snapshot().expect("reads");
    assert!(
        file.requests
            .iter()
            .any(|r| r.extended_on == Some(common::today()))
    );
}

#[test]
fn another_copys_changes_show_without_a_restart() {
    use casefile::app::Action;
    use casefile::domain::DoctorDraft;
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "9");
    runtime.dispatch(Action::Tick);
    assert!(
        !screen(&mut runtime).contains("another copy"),
        "nothing changed yet"
    );

    let mut daniel =
        casefile::store::Store::open(&case.path, "Daniel", common::clock()).expect("opens");
    daniel
        .add(&DoctorDraft {
            name: "Dr. Added Elsewhere".into(),
            ..DoctorDraft::default()
        })
        .expect("Daniel adds a doctor");
    runtime.dispatch(Action::Tick);
    let text = screen(&mut runtime);
    assert!(text.contains("Dr. Added Elsewhere"), "{text}");
    assert!(
        text.contains("Updated with changes saved by another copy"),
        "{text}"
    );

    // Its own saves are not taken for someone else's.
    type_keys(&mut runtime, "aDr. Mine");
    let event = ratatui::crossterm::event::Event::Key(ratatui::crossterm::event::KeyEvent::new(
        KeyCode::Char('s'),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    ));
    if let Some(action) = casefile::app::events::translate(&runtime.app, &event) {
        runtime.dispatch(action);
    }
    runtime.dispatch(Action::Tick);
    assert!(screen(&mut runtime).contains("Saved the doctor"));
}

#[test]
fn the_demo_opened_from_the_first_run_is_ready_for_keys() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(case.open("Ana"), case.demo_path());
    assert!(runtime.app.overlays.form().is_some(), "the setup form");
    let event = ratatui::crossterm::event::Event::Key(ratatui::crossterm::event::KeyEvent::new(
        KeyCode::Char('d'),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    ));
    if let Some(action) = casefile::app::events::translate(&runtime.app, &event) {
        runtime.dispatch(action);
    }
    assert!(
        runtime.app.overlays.form().is_none(),
        "the setup form is put away"
    );
    type_keys(&mut runtime, "q");
    assert!(runtime.app.quitting, "q quits, as everywhere");
}

#[test]
fn raising_questions_says_how_many_each_doctor_got_and_undo_says_when_all_is_undone() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    // Urgency, the fifth row: Dr. Park against Dr. Okafor and Dr. Raman.
    type_keys(&mut runtime, "3ggjjjjr");
    let text = common::screen_sized(&mut runtime, 200, 36);
    assert!(
        text.contains(
            "Added one question for each of Dr. Helen Park, Dr. Samuel Okafor and Dr. Priya Raman"
        ),
        "{text}"
    );
    type_keys(&mut runtime, "u");
    assert!(screen(&mut runtime).contains("Undid: added"));
    type_keys(&mut runtime, "u");
    let text = screen(&mut runtime);
    assert!(
        text.contains(
            "Nothing left to undo: u has gone back through every change made in this session"
        ),
        "{text}"
    );
    assert!(!text.contains("no change has been made"), "{text}");
}

#[test]
fn a_blind_packet_from_p_says_which_typed_questions_it_left_out_and_why() {
    let case = TempCase::new();
    let mut store = demo_store(&case);
    let okafor = store
        .snapshot()
        .unwrap()
        .doctors
        .iter()
        .find(|d| d.name.contains("Okafor"))
        .unwrap()
        .id;
    let typed = store
        .add(&casefile::domain::QuestionDraft {
            doctor_id: Some(okafor),
            text: "Dr. Park wants a mastectomy: do you agree?".into(),
            status: casefile::domain::QuestionStatus::Open,
            answer: String::new(),
            asked_on: None,
            answered_on: None,
            topic_id: None,
            blind_text: String::new(),
            former_doctor: String::new(),
            factor_id: None,
        })
        .unwrap();
    let mut runtime = Runtime::new(store, case.demo_path());
    type_keys(&mut runtime, "9jjj");
    assert!(screen(&mut runtime).contains("Name: Dr. Samuel Okafor"));
    type_keys(&mut runtime, "P");
    let status = runtime.app.status.clone().expect("a message");
    assert!(status.is_error, "a warning, not a plain note");
    assert!(
        status
            .text
            .contains("It leaves out one text that may give an earlier doctor's view away"),
        "{}",
        status.text
    );
    // What it left out is listed, with why, and e rewords it.
    let parts = runtime
        .app
        .overlays
        .parts()
        .cloned()
        .expect("the list of what was left out");
    assert_eq!(
        parts.records,
        [casefile::domain::RecordRef {
            kind: casefile::domain::RecordKind::Question,
            id: typed.id
        }]
    );
    assert_eq!(
        parts.reasons,
        ["it names Dr. Helen Park; it quotes Dr. Helen Park's stance on Treatment, \"Mastectomy\""]
    );
    let text = screen(&mut runtime);
    assert!(text.contains("Dr. Park wants a mastectomy"), "{text}");
    type_keys(&mut runtime, "e");
    assert_eq!(
        runtime.app.overlays.form().map(|f| f.value("text")),
        Some("Dr. Park wants a mastectomy: do you agree?".to_string())
    );
    press(&mut runtime, &[KeyCode::Esc]);
    type_keys(&mut runtime, "q");
    // The open packet leaves nothing out, and says nothing of it.
    type_keys(&mut runtime, "p");
    let status = runtime.app.status.clone().expect("a message");
    assert!(
        !status.is_error && !status.text.contains("leaves out"),
        "{}",
        status.text
    );
}
