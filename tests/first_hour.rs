//! What a patient meets in the first hour: writing what each doctor said
//! on each topic, forms that guess right, footers that show the pane's
//! own keys, and an Overview whose lines lead to their records.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use casefile::app::{Pane, Runtime};
use casefile::domain::{CaseDraft, CaseSnapshot, DoctorDraft, RecordKind};
use casefile::store::Store;
use common::{TempCase, clock, demo_store, press, screen, screen_sized, type_keys};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn ctrl(runtime: &mut Runtime, c: char) {
    let event = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    if let Some(action) = casefile::app::events::translate(&runtime.app, &event) {
        runtime.dispatch(action);
    }
}

fn tabs(runtime: &mut Runtime, count: usize) {
    for _ in 0..count {
        press(runtime, &[KeyCode::Tab]);
    }
}

/// The case as another copy of casefile would read it from the file.
fn on_file(case: &TempCase) -> CaseSnapshot {
    let mut store = Store::open(&case.path, "Reader", clock()).expect("opens");
    store.snapshot().expect("reads")
}

/// A case with the default topics and one doctor, nothing else.
fn one_doctor(case: &TempCase) -> Runtime {
    let mut store = case.open("Ana");
    store
        .start_case(&CaseDraft {
            patient: "Ana Souza".into(),
            ..CaseDraft::default()
        })
        .expect("a case");
    store
        .add(&DoctorDraft {
            name: "Dr. Lena Brooks".into(),
            specialty: "Urology".into(),
            ..DoctorDraft::default()
        })
        .expect("a doctor");
    Runtime::new(store, case.demo_path())
}

/// The field of the open form that has the focus.
fn focused(runtime: &Runtime) -> String {
    let form = runtime.app.overlays.form().expect("a form is open");
    form.focused().map(|f| f.key.clone()).unwrap_or_default()
}

#[test]
fn the_opinion_form_has_a_stance_for_each_topic_saved_with_the_opinion() {
    let case = TempCase::new();
    let mut runtime = one_doctor(&case);
    type_keys(&mut runtime, "2a");
    let text = screen(&mut runtime);
    assert!(
        text.contains("What this doctor says on each topic"),
        "the stances are in the form: {text}"
    );
    // Doctor, date, form, diagnosis, recommendation, then a stance and
    // its detail for each topic: Diagnosis, Stage, Treatment...
    tabs(&mut runtime, 9);
    assert_eq!(focused(&runtime), {
        let treatment = runtime
            .app
            .case
            .topics
            .iter()
            .find(|t| t.name == "Treatment")
            .unwrap();
        format!("stance:{}", treatment.id)
    });
    assert!(screen(&mut runtime).contains("▶ Treatment: stance"));
    type_keys(&mut runtime, "Active surveillance");
    tabs(&mut runtime, 1);
    type_keys(&mut runtime, "Low-risk on the biopsy");
    ctrl(&mut runtime, 's');
    assert!(
        runtime.app.overlays.form().is_none(),
        "{:?}",
        runtime.app.overlays.form().map(|f| &f.message)
    );
    assert!(screen(&mut runtime).contains("Saved the opinion and its stances"));

    let file = on_file(&case);
    assert_eq!(file.opinions.len(), 1);
    assert_eq!(file.stances.len(), 1, "only the topic written on");
    let stance = &file.stances[0];
    assert_eq!(stance.stance, "Active surveillance");
    assert_eq!(stance.detail, "Low-risk on the biopsy");
    assert_eq!(stance.opinion_id, file.opinions[0].id);

    // One save: one undo takes back the opinion and its stance.
    type_keys(&mut runtime, "u");
    let file = on_file(&case);
    assert!(file.opinions.is_empty() && file.stances.is_empty());
}

#[test]
fn editing_an_opinion_changes_and_empties_its_stances() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    let park = |file: &CaseSnapshot| {
        let doctor = file
            .doctors
            .iter()
            .find(|d| d.name == "Dr. Helen Park")
            .unwrap()
            .id;
        file.opinions
            .iter()
            .find(|o| o.doctor_id == doctor)
            .unwrap()
            .id
    };
    let before = on_file(&case);
    let opinion = park(&before);
    let stances = |file: &CaseSnapshot| {
        let mut stances: Vec<(String, String)> = file
            .stances
            .iter()
            .filter(|p| p.opinion_id == opinion)
            .map(|p| {
                let topic = file.topic(p.topic_id).unwrap().name.clone();
                (topic, p.stance.clone())
            })
            .collect();
        stances.sort();
        stances
    };
    assert!(stances(&before).contains(&("Diagnosis".into(), "Invasive ductal carcinoma".into())));

    // Dr. Park's opinion is the first tab; its form holds her stances.
    type_keys(&mut runtime, "2e");
    let text = screen_sized(&mut runtime, 120, 60);
    assert!(text.contains("Invasive ductal carcinoma"), "{text}");
    // Diagnosis stance: change it. Stage stance: empty it.
    tabs(&mut runtime, 5);
    ctrl(&mut runtime, 'u');
    type_keys(&mut runtime, "Ductal carcinoma in situ and IDC");
    tabs(&mut runtime, 2);
    ctrl(&mut runtime, 'u');
    tabs(&mut runtime, 1);
    ctrl(&mut runtime, 'u');
    ctrl(&mut runtime, 's');
    assert!(
        runtime.app.overlays.form().is_none(),
        "{:?}",
        runtime.app.overlays.form().map(|f| &f.message)
    );
    let after = stances(&on_file(&case));
    assert!(after.contains(&(
        "Diagnosis".into(),
        "Ductal carcinoma in situ and IDC".into()
    )));
    assert!(
        !after.iter().any(|(topic, _)| topic == "Stage"),
        "an emptied stance is deleted: {after:?}"
    );
    assert_eq!(after.len(), stances(&before).len() - 1);
}

#[test]
fn a_stance_someone_else_changed_meanwhile_is_not_overwritten() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "2e");
    tabs(&mut runtime, 5);
    type_keys(&mut runtime, " (mine)");

    // Daniel changes the same stance in another copy.
    let mut other = Store::open(&case.path, "Daniel", clock()).expect("opens");
    let file = other.snapshot().expect("reads");
    let diagnosis = file
        .stances
        .iter()
        .find(|p| p.stance == "Invasive ductal carcinoma")
        .unwrap();
    let mut theirs = diagnosis.data.clone();
    theirs.stance = "IDC (Daniel)".into();
    other
        .update(diagnosis.id, diagnosis.stamp.version, &theirs)
        .expect("Daniel saves");

    ctrl(&mut runtime, 's');
    let text = screen_sized(&mut runtime, 120, 60);
    assert!(
        runtime.app.overlays.form().is_some(),
        "the form stays open: {text}"
    );
    assert!(text.contains("Daniel saved this record"), "{text}");
    assert!(text.contains("Daniel's: IDC (Daniel)"), "{text}");
    assert_eq!(
        on_file(&case)
            .stances
            .iter()
            .find(|p| p.id == diagnosis.id)
            .unwrap()
            .stance,
        "IDC (Daniel)",
        "nothing was overwritten"
    );
    // Ctrl-K keeps what was typed, over their version.
    ctrl(&mut runtime, 'k');
    assert!(runtime.app.overlays.form().is_none());
    assert_eq!(
        on_file(&case)
            .stances
            .iter()
            .find(|p| p.id == diagnosis.id)
            .unwrap()
            .stance,
        "Invasive ductal carcinoma (mine)"
    );
}

#[test]
fn every_empty_place_for_stances_says_how_to_add_one() {
    let case = TempCase::new();
    let mut runtime = one_doctor(&case);
    type_keys(&mut runtime, "2");
    assert!(screen(&mut runtime).contains("with the doctor's stance on each topic"));
    type_keys(&mut runtime, "a");
    ctrl(&mut runtime, 's');
    let text = screen(&mut runtime);
    assert!(
        text.contains("No stances yet: press e to write what this doctor says"),
        "{text}"
    );
    type_keys(&mut runtime, "3");
    let text = screen(&mut runtime);
    assert!(
        text.contains("No stance here yet: press e to write what this opinion says"),
        "{text}"
    );
}

#[test]
fn a_new_question_says_who_it_is_for_and_is_for_a_doctor_only_when_asked_from_one() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    // The first row of Questions is one of Dr. Park's.
    type_keys(&mut runtime, "4a");
    let form = runtime.app.overlays.form().unwrap();
    assert_eq!(form.fields[0].label, "For", "the first line says who");
    assert_eq!(form.value("doctor"), "", "any doctor, not the row's");
    assert_eq!(focused(&runtime), "text", "the focus is on the question");
    press(&mut runtime, &[KeyCode::Esc]);

    // Q on a doctor: the question is for them.
    type_keys(&mut runtime, "9Q");
    let form = runtime.app.overlays.form().unwrap();
    let doctor = runtime.app.case.doctors[0].id;
    assert_eq!(form.value("doctor"), doctor.to_string());
    assert!(screen(&mut runtime).contains("Add a question for Dr. Helen Park"));
    type_keys(&mut runtime, "Is waiting safe?");
    ctrl(&mut runtime, 's');
    let file = on_file(&case);
    let asked = file
        .questions
        .iter()
        .find(|q| q.text == "Is waiting safe?")
        .unwrap();
    assert_eq!(asked.doctor_id, Some(doctor));

    // Q in a doctor's opinion: the opinion's doctor.
    type_keys(&mut runtime, "2lQ");
    let opinion = casefile::app::lists::opinions(&runtime.app.case)[1].doctor_id;
    assert_eq!(
        runtime.app.overlays.form().unwrap().value("doctor"),
        opinion.to_string()
    );
}

#[test]
fn typing_into_a_default_replaces_it_and_ctrl_u_clears_a_field() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    // A deadline: its date is today until something is typed over it.
    type_keys(&mut runtime, "7a");
    type_keys(&mut runtime, "Biopsy results");
    tabs(&mut runtime, 1);
    assert!(screen(&mut runtime).contains("typing replaces it"));
    type_keys(&mut runtime, "in 2 weeks");
    assert_eq!(
        runtime.app.overlays.form().unwrap().value("due_on"),
        "in 2 weeks"
    );
    // Ctrl-U empties a field; the footer says so.
    tabs(&mut runtime, 4);
    type_keys(&mut runtime, "Ring the lab");
    assert!(screen(&mut runtime).contains("Ctrl-U clear field"));
    ctrl(&mut runtime, 'u');
    assert_eq!(runtime.app.overlays.form().unwrap().value("notes"), "");
    ctrl(&mut runtime, 's');
    let file = on_file(&case);
    let saved = file
        .deadlines
        .iter()
        .find(|d| d.title == "Biopsy results")
        .unwrap();
    assert_eq!(
        saved.due_on,
        casefile::domain::dates::offset(common::today(), 14).unwrap()
    );
    assert_eq!(saved.notes, "");
}

#[test]
fn a_long_choice_opens_a_list_and_a_letter_jumps() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "5a");
    type_keys(&mut runtime, "Prostate MRI");
    tabs(&mut runtime, 1);
    press(&mut runtime, &[KeyCode::Enter]);
    let text = screen(&mut runtime);
    assert!(text.contains("a letter jumps"), "the list is open: {text}");
    assert!(
        text.contains("glass slides") && text.contains("ultrasound"),
        "{text}"
    );
    assert!(
        text.contains("Esc close the list"),
        "the footer says how: {text}"
    );
    type_keys(&mut runtime, "u");
    press(&mut runtime, &[KeyCode::Enter]);
    let form = runtime.app.overlays.form().unwrap();
    assert_eq!(form.choosing, None);
    assert_eq!(form.value("kind"), "ultrasound");
    // Esc in the list closes the list, not the form.
    press(&mut runtime, &[KeyCode::Enter, KeyCode::Esc]);
    assert!(runtime.app.overlays.form().is_some());
    assert_eq!(
        runtime.app.overlays.form().unwrap().value("kind"),
        "ultrasound"
    );
}

#[test]
fn a_form_opened_from_an_item_starts_on_the_field_to_fill() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "5m");
    assert_eq!(focused(&runtime), "to");
    let item = runtime.app.overlays.form().unwrap().value("item");
    // A stray arrow moves in the text, not to another item.
    press(&mut runtime, &[KeyCode::Right, KeyCode::Left]);
    assert_eq!(runtime.app.overlays.form().unwrap().value("item"), item);
    press(&mut runtime, &[KeyCode::Esc]);
    type_keys(&mut runtime, "r");
    assert_eq!(focused(&runtime), "doctor", "the doctor who needs it");
}

#[test]
fn the_footer_shows_the_panes_own_keys_first_and_drops_the_global_ones_first() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    type_keys(&mut runtime, "6");
    let footer = |text: &str| text.lines().last().unwrap().to_string();
    let wide = footer(&screen(&mut runtime));
    assert!(
        wide.trim_start_matches(['"', ' '])
            .starts_with("R received  x extension came  f follow-up  i link an item  a add"),
        "{wide}"
    );
    let narrow = footer(&screen_sized(&mut runtime, 80, 24));
    assert!(narrow.contains("R received"), "{narrow}");
    assert!(
        narrow.contains("? every key"),
        "help always shows: {narrow}"
    );
    assert!(
        !narrow.contains("q quit"),
        "the global keys go first: {narrow}"
    );

    // The Overview offers nothing it cannot do.
    type_keys(&mut runtime, "1");
    let overview = footer(&screen(&mut runtime));
    assert!(!overview.contains("a add"), "{overview}");
    assert!(overview.contains("Enter go there"), "{overview}");
    type_keys(&mut runtime, "a");
    assert!(runtime.app.overlays.form().is_none(), "a adds nothing here");
}

#[test]
fn enter_on_a_line_that_needs_attention_goes_to_its_record() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    // The second line: questions waiting for an answer.
    type_keys(&mut runtime, "j");
    assert!(screen(&mut runtime).contains("▶ ⚠   7 questions waiting"));
    press(&mut runtime, &[KeyCode::Enter]);
    assert_eq!(runtime.app.pane, Pane::Questions);
    let selected = casefile::app::lists::selected(&runtime.app).unwrap();
    assert_eq!(selected.kind, RecordKind::Question);
    let question = runtime
        .app
        .case
        .questions
        .iter()
        .find(|q| q.id == selected.id)
        .unwrap();
    assert!(question.status.is_outstanding());

    // The first line: the open conflict's row in the grid.
    type_keys(&mut runtime, "1k");
    press(&mut runtime, &[KeyCode::Enter]);
    assert_eq!(runtime.app.pane, Pane::Conflicts);
    let topic = casefile::app::lists::selected(&runtime.app).unwrap();
    let conflict = runtime
        .app
        .case
        .conflicts()
        .iter()
        .find(|c| c.needs_attention())
        .unwrap();
    let row = runtime.app.cursor_of(Pane::Conflicts).row;
    assert_eq!(
        runtime.app.case.grid().rows[row].topic_id,
        conflict.topic_id,
        "{topic:?}"
    );
}

#[test]
fn an_empty_case_says_where_to_start() {
    let case = TempCase::new();
    let mut store = case.open("Ana");
    store
        .start_case(&CaseDraft {
            patient: "Ana Souza".into(),
            ..CaseDraft::default()
        })
        .expect("a case");
    let mut runtime = Runtime::new(store, case.demo_path());
    let text = screen(&mut runtime);
    assert!(
        text.contains("press 9, then a, to add the first doctor"),
        "{text}"
    );
}

#[test]
fn a_case_file_that_does_not_exist_is_made_only_when_a_case_is_started_there() {
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("typo.db");
    let demo = dir.path().join("demo.db");
    let open = || {
        Runtime::new(
            Store::not_yet_created(&path, "Ana", clock()).expect("a store"),
            demo.clone(),
        )
    };
    let mut runtime = open();
    let text = screen(&mut runtime);
    assert!(text.contains("There is no case file here yet"), "{text}");
    assert!(text.contains("typo.db"), "the path is shown: {text}");
    assert!(runtime.app.overlays.form().is_none(), "no form until asked");
    assert!(!text.contains("This case file is empty"), "{text}");
    type_keys(&mut runtime, "q");
    assert!(runtime.app.quitting);
    drop(runtime);
    assert!(!path.exists(), "quitting leaves nothing behind");

    let mut runtime = open();
    type_keys(&mut runtime, "s");
    assert!(screen(&mut runtime).contains("Start your case"));
    // What is typed is kept in a file made for it, so that a closed
    // window loses nothing; putting the form away removes it again.
    type_keys(&mut runtime, "Ana");
    runtime.dispatch(casefile::app::Action::Tick);
    assert!(path.exists(), "the typing is kept");
    press(&mut runtime, &[KeyCode::Esc]);
    type_keys(&mut runtime, "y");
    assert!(screen(&mut runtime).contains("There is no case file here yet"));
    assert!(!path.exists(), "a form put away leaves nothing behind");

    type_keys(&mut runtime, "s");
    type_keys(&mut runtime, "Ana Souza");
    ctrl(&mut runtime, 's');
    assert!(path.exists(), "saving the first form makes the file");
    let text = screen(&mut runtime);
    assert!(
        text.contains("Ana Souza") && !text.contains("no case file here"),
        "{text}"
    );
    let mut store = Store::open(&path, "Reader", clock()).expect("opens");
    assert_eq!(
        store
            .snapshot()
            .expect("reads")
            .case
            .map(|c| c.patient.clone()),
        Some("Ana Souza".to_string())
    );
    assert!(!store.authors().expect("reads").is_empty());
}

#[test]
fn who_is_writing_takes_a_new_name_and_esc_keeps_who_wrote_last() {
    let case = TempCase::new();
    let mut store = demo_store(&case);
    store.set_author("Daniel");
    let mut runtime = Runtime::new(store, case.demo_path());
    runtime.ask_author(vec!["Maria".into(), "Daniel".into()]);
    let text = screen(&mut runtime);
    assert!(text.contains("Someone else (type a name)"), "{text}");
    // Esc keeps the one who wrote last, not the login name.
    press(&mut runtime, &[KeyCode::Esc]);
    assert!(runtime.app.overlays.authors().is_none());
    assert_eq!(runtime.app.author, "Daniel");

    // Someone new, without a restart.
    runtime.ask_author(vec!["Maria".into(), "Daniel".into()]);
    type_keys(&mut runtime, "j");
    press(&mut runtime, &[KeyCode::Enter]);
    assert!(screen(&mut runtime).contains("Name:"));
    press(&mut runtime, &[KeyCode::Enter]);
    assert!(
        screen(&mut runtime).contains("Type the name of who is writing"),
        "an empty name is refused"
    );
    type_keys(&mut runtime, "Rosa (sister)");
    press(&mut runtime, &[KeyCode::Enter]);
    assert!(runtime.app.overlays.authors().is_none());
    assert_eq!(runtime.app.author, "Rosa (sister)");
    type_keys(&mut runtime, "8a");
    type_keys(&mut runtime, "Booked the parking");
    ctrl(&mut runtime, 's');
    let file = on_file(&case);
    assert!(
        file.notes
            .iter()
            .any(|n| n.body == "Booked the parking" && n.stamp.created_by == "Rosa (sister)")
    );
    let store = Store::open(&case.path, "someone", clock()).expect("opens");
    assert_eq!(
        store.previous_writer().expect("reads").as_deref(),
        Some("Rosa (sister)"),
        "remembered for the next start"
    );
}

#[test]
fn the_demo_asks_who_is_writing_once_and_remembers() {
    use casefile::cli::{Cli, Outcome, run};
    use clap::Parser;
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("demo.db");
    let launch = |path: &std::path::Path| {
        let cli = Cli::try_parse_from(["casefile", "--db", path.to_str().unwrap(), "demo"])
            .expect("parses");
        match run(&cli, &mut Vec::new()).expect("runs") {
            Outcome::Tui(launch) => launch,
            Outcome::Done => panic!("the demo opens the TUI"),
        }
    };
    let first = launch(&path);
    assert!(first.ask_author.is_some(), "the first time, it asks");
    let mut runtime = Runtime::new(first.store, first.demo_file.clone());
    runtime.ask_author(first.ask_author.unwrap_or_default());
    type_keys(&mut runtime, "j");
    press(&mut runtime, &[KeyCode::Enter]);
    let chosen = runtime.app.author.clone();
    drop(runtime);

    let again = launch(&path);
    assert!(again.ask_author.is_none(), "the second time, it remembers");
    assert_eq!(again.store.author(), chosen);
}

#[test]
fn typing_in_the_form_that_starts_a_case_survives_a_closed_window() {
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("new.db");
    let demo = dir.path().join("demo.db");
    let mut runtime = Runtime::new(
        Store::not_yet_created(&path, "Ana", clock()).expect("a store"),
        demo.clone(),
    );
    type_keys(&mut runtime, "sAna Souza");
    runtime.dispatch(casefile::app::Action::Tick);
    // The window closes: nothing more happens to this copy.
    drop(runtime);
    let mut runtime = Runtime::new(Store::open(&path, "Ana", clock()).expect("opens"), demo);
    let text = screen(&mut runtime);
    assert!(text.contains("Restored what you were typing"), "{text}");
    assert_eq!(
        runtime.app.overlays.form().map(|f| f.value("patient")),
        Some("Ana Souza".to_string())
    );
}

#[test]
fn someone_new_chosen_last_time_is_offered_again_before_they_write() {
    use casefile::cli::{Cli, Outcome, run};
    use clap::Parser;
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("case.db");
    let mut store = Store::open(&path, "Ana", clock()).expect("opens");
    store
        .start_case(&CaseDraft {
            patient: "Ana Souza".into(),
            ..CaseDraft::default()
        })
        .expect("a case");
    store.set_author("Daniel");
    store
        .add(&DoctorDraft {
            name: "Dr. Lena Brooks".into(),
            ..DoctorDraft::default()
        })
        .expect("Daniel writes");
    // Grandma Lu was chosen in the picker, and has not written yet.
    store.set_author("Grandma Lu");
    store.remember_writer().expect("remembered");
    drop(store);
    let cli = Cli::try_parse_from(["casefile", "--db", path.to_str().unwrap()]).expect("parses");
    let Outcome::Tui(launch) = run(&cli, &mut Vec::new()).expect("runs") else {
        panic!("the TUI opens");
    };
    let names = launch.ask_author.clone().expect("it asks");
    assert!(names.contains(&"Grandma Lu".to_string()), "{names:?}");
    assert_eq!(launch.store.author(), "Grandma Lu", "and starts on her");
}

#[test]
fn undoing_several_records_added_at_once_says_how_many() {
    let case = TempCase::new();
    let mut runtime = Runtime::new(demo_store(&case), case.demo_path());
    let before = on_file(&case).questions.len();
    type_keys(&mut runtime, "4b");
    let added = on_file(&case).questions.len() - before;
    assert!(added > 1, "the standard questions were added");
    type_keys(&mut runtime, "u");
    let text = screen(&mut runtime);
    assert!(
        text.contains(&format!("Undid: added {added} questions")),
        "{text}"
    );
    assert_eq!(on_file(&case).questions.len(), before);
}
