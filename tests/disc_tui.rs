//! Importing an imaging disc from the TUI, driven by keys as a user would:
//! `I` in Imaging, the path of a fixture disc, the preview, `y`, and `u`
//! taking it all back; the second question for another patient's disc; a
//! mistyped path; Esc during a slow scan; and snapshots of the preview.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use casefile::app::disc::DiscStep;
use casefile::app::{Action, Overlay, Runtime, events};
use casefile::disc::{Catalogue, DiscError, Flow, Progress};
use casefile::domain::{CaseDraft, ItemForm, RecordKind};
use common::{TempCase, press, screen, screen_sized, type_keys};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// A case for Maria Alvarez, the patient of the fixture discs, with
/// nothing else in it.
fn marias_case(case: &TempCase) -> Runtime {
    let mut store = case.open("Maria");
    store
        .start_case(&CaseDraft {
            patient: "Maria Alvarez".into(),
            ..CaseDraft::default()
        })
        .unwrap();
    Runtime::new(store, case.demo_path())
}

/// The case as the file holds it now.
fn in_file(case: &TempCase) -> casefile::domain::CaseSnapshot {
    case.open("Maria").snapshot().unwrap()
}

/// The screen with the temporary folder's name replaced, so that the
/// snapshot is the same on every run.
fn stable(case: &TempCase, screen: String) -> String {
    screen.replace(&case.dir.path().display().to_string(), "<tmp>")
}

/// A fixture disc, as a path relative to the crate (so that snapshots
/// do not hold the folder the tests run in).
fn disc(name: &str) -> String {
    format!("tests/fixtures/discs/{name}")
}

fn ctrl(runtime: &mut Runtime, c: char) {
    let event = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    if let Some(action) = events::translate(&runtime.app, &event) {
        runtime.dispatch(action);
    }
}

/// Waits, as the screen's loop does twice a second, for the reading to end.
fn wait_for_reading(runtime: &mut Runtime) {
    let until = Instant::now() + Duration::from_secs(20);
    while runtime.reading_disc() {
        assert!(Instant::now() < until, "the disc is read within 20 s");
        std::thread::sleep(Duration::from_millis(20));
        runtime.dispatch(Action::Tick);
    }
}

/// `5`, `I`, the path typed, Ctrl-S, and the reading done.
fn open_disc(runtime: &mut Runtime, path: &str) {
    type_keys(runtime, "5I");
    let form = runtime.app.overlays.form().expect("the disc's form opens");
    assert_eq!(form.title, "Import an imaging disc");
    ctrl(runtime, 'u');
    type_keys(runtime, path);
    ctrl(runtime, 's');
    wait_for_reading(runtime);
}

fn previewing(runtime: &Runtime) -> bool {
    matches!(
        runtime.app.overlays.top(),
        Some(Overlay::Disc(d)) if matches!(d.step, DiscStep::Preview { .. })
    )
}

#[test]
fn a_disc_is_imported_from_imaging_and_u_takes_it_all_back() {
    let case = TempCase::new();
    let mut runtime = marias_case(&case);
    open_disc(&mut runtime, &disc("normal"));
    assert!(previewing(&runtime), "the preview is open");
    let text = screen(&mut runtime);
    assert!(text.contains("What is on the disc"), "{text}");
    assert!(text.contains("If you import it:"), "{text}");
    assert!(text.contains("y: yes, import it"), "{text}");
    assert!(
        in_file(&case).items.is_empty(),
        "nothing is written before y"
    );

    type_keys(&mut runtime, "y");
    let case_now = in_file(&case);
    assert_eq!(case_now.items.len(), 1, "one item for the disc");
    let item = &case_now.items[0];
    assert_eq!(item.form, ItemForm::Disc);
    assert!(!case_now.studies.is_empty(), "its studies are in the case");
    assert!(case_now.studies.iter().all(|s| s.item_id == item.id));
    assert!(runtime.app.overlays.is_empty(), "the preview closed");
    let status = runtime
        .app
        .status
        .as_ref()
        .expect("it says what was written");
    assert!(
        status.text.contains("is now in the case"),
        "{}",
        status.text
    );
    let selected = casefile::app::lists::selected(&runtime.app).expect("a selection");
    assert_eq!(
        (selected.kind, selected.id),
        (RecordKind::Item, item.id),
        "the new disc is selected"
    );
    let study = &case_now.studies[0].description;
    assert!(screen(&mut runtime).contains(study.as_str()));

    type_keys(&mut runtime, "u");
    let case_now = in_file(&case);
    assert!(case_now.items.is_empty(), "u takes the disc back");
    assert!(case_now.studies.is_empty(), "and its studies with it");
}

#[test]
fn another_patients_disc_asks_twice_naming_the_name_on_it() {
    let case = TempCase::new();
    let mut runtime = marias_case(&case);
    open_disc(&mut runtime, &disc("wrong_patient"));
    let text = screen(&mut runtime);
    assert!(text.contains("! "), "a warning is shown: {text}");
    type_keys(&mut runtime, "y");
    assert!(previewing(&runtime), "the first y asks again");
    let text = screen(&mut runtime);
    assert!(text.contains("Are you sure?"), "{text}");
    assert!(text.contains("James Holloway"), "{text}");
    assert!(in_file(&case).items.is_empty());
    type_keys(&mut runtime, "y");
    assert_eq!(in_file(&case).items.len(), 1);
}

#[test]
fn n_at_the_second_question_writes_nothing() {
    let case = TempCase::new();
    let mut runtime = marias_case(&case);
    open_disc(&mut runtime, &disc("wrong_patient"));
    type_keys(&mut runtime, "yn");
    assert!(runtime.app.overlays.is_empty());
    assert!(in_file(&case).items.is_empty());
}

#[test]
fn a_mistyped_path_keeps_the_typing_and_says_why_on_the_field() {
    let case = TempCase::new();
    let mut runtime = marias_case(&case);
    open_disc(&mut runtime, "/no/such/disc");
    let form = runtime.app.overlays.form().expect("the form stays open");
    assert_eq!(form.value("path"), "/no/such/disc", "the typing stays");
    let field = form.fields.iter().find(|f| f.key == "path").unwrap();
    let error = field
        .error
        .as_deref()
        .expect("the field says what is wrong");
    assert!(error.contains("Could not open /no/such/disc"), "{error}");
    assert!(screen(&mut runtime).contains("Could not open /no/such/disc"));
}

#[test]
fn a_disc_with_no_dicom_is_offered_as_one_item() {
    let case = TempCase::new();
    let mut runtime = marias_case(&case);
    open_disc(&mut runtime, &disc("viewer_only"));
    let text = screen(&mut runtime);
    assert!(
        text.contains("record the disc as one item anyway"),
        "{text}"
    );
    type_keys(&mut runtime, "y");
    let case_now = in_file(&case);
    assert_eq!(case_now.items.len(), 1);
    assert!(case_now.studies.is_empty());
}

static TOLD_TO_STOP: AtomicBool = AtomicBool::new(false);

/// A disc that takes long to read: a thousand files, 10 ms each.
fn slow_disc(_: &Path, progress: &mut dyn FnMut(Progress) -> Flow) -> Result<Catalogue, DiscError> {
    for done in 0..1000 {
        let now = Progress {
            files_done: done,
            files_total: Some(1000),
        };
        if progress(now) == Flow::Stop {
            TOLD_TO_STOP.store(true, Ordering::SeqCst);
            return Err(DiscError::Stopped);
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    Ok(Catalogue::default())
}

#[test]
fn esc_stops_a_slow_scan_and_nothing_is_written() {
    let case = TempCase::new();
    let mut runtime = marias_case(&case).with_disc_reader(slow_disc);
    type_keys(&mut runtime, "5I");
    ctrl(&mut runtime, 'u');
    type_keys(&mut runtime, "/media/big/folder");
    ctrl(&mut runtime, 's');
    assert!(
        runtime.reading_disc(),
        "the reading goes on off the screen's thread"
    );
    std::thread::sleep(Duration::from_millis(100));
    runtime.dispatch(Action::Tick);
    let text = screen(&mut runtime);
    assert!(text.contains("Reading the disc"), "{text}");
    assert!(text.contains("files read of 1000"), "{text}");
    press(&mut runtime, &[KeyCode::Esc]);
    assert!(!runtime.reading_disc());
    let status = runtime.app.status.as_ref().unwrap();
    assert!(
        status.text.contains("Stopped reading the disc"),
        "{}",
        status.text
    );
    let until = Instant::now() + Duration::from_secs(5);
    while !TOLD_TO_STOP.load(Ordering::SeqCst) {
        assert!(Instant::now() < until, "the reader is told to stop");
        std::thread::sleep(Duration::from_millis(10));
    }
    let form = runtime
        .app
        .overlays
        .form()
        .expect("the form is back, typing kept");
    assert_eq!(form.value("path"), "/media/big/folder");
    assert!(in_file(&case).items.is_empty());
}

#[test]
fn the_preview_of_a_disc_on_a_wide_and_a_small_screen() {
    let case = TempCase::new();
    let mut runtime = marias_case(&case);
    open_disc(&mut runtime, &disc("normal"));
    let wide = screen_sized(&mut runtime, 120, 36);
    insta::assert_snapshot!("disc_preview_120x36", stable(&case, wide));
    let small = screen_sized(&mut runtime, 80, 24);
    insta::assert_snapshot!("disc_preview_80x24", stable(&case, small));
}

#[test]
fn the_second_question_for_another_patients_disc() {
    let case = TempCase::new();
    let mut runtime = marias_case(&case);
    open_disc(&mut runtime, &disc("wrong_patient"));
    type_keys(&mut runtime, "y");
    let small = screen_sized(&mut runtime, 80, 24);
    insta::assert_snapshot!("disc_other_patient_80x24", stable(&case, small));
}
