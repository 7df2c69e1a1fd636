//! The Decide pane (0): the options and who recommends each, what matters
//! about them, the option grid, the people involved, the readiness checks
//! and the decision, driven by keys as the patient would, and drawn at
//! 120 × 36 and 80 × 24.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use casefile::app::panes::decide::Section;
use casefile::app::{Pane, Runtime};
use casefile::domain::{
    AgendaBucket, AgendaSource, CaseDraft, CaseSnapshot, CheckDraft, DecisionDraft, DoctorDraft,
    FactorDraft, FactorSide, LeaningDraft, OpinionDraft, OptionDraft, Pressure, QuestionStatus,
    RecordId, StanceDraft, Support, TopicDraft, ViewDraft,
};
use casefile::store::Store;
use chrono::Days;
use common::{TempCase, clock, press, screen, screen_sized, today, type_keys};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn ctrl(runtime: &mut Runtime, c: char) {
    let event = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    if let Some(action) = casefile::app::events::translate(&runtime.app, &event) {
        runtime.dispatch(action);
    }
}

fn on_file(case: &TempCase) -> CaseSnapshot {
    Store::open(&case.path, "Reader", clock())
        .unwrap()
        .snapshot()
        .unwrap()
}

fn days_ago(days: u64) -> chrono::NaiveDate {
    today().checked_sub_days(Days::new(days)).unwrap()
}

/// The ids the fixture's records were given.
struct Ids {
    lee: RecordId,
    okafor: RecordId,
    lee_opinion: RecordId,
    okafor_opinion: RecordId,
}

/// Maria's case, written as Maria: a decision due in 12 days, and two
/// doctors whose opinions disagree on Treatment (an open conflict).
fn treatment_conflict(store: &mut Store) -> Ids {
    store
        .add(&CaseDraft {
            patient: "Maria".into(),
            question: "Which treatment for the tumour in my left breast?".into(),
            decide_by: today().checked_add_days(Days::new(12)),
            ..CaseDraft::default()
        })
        .unwrap();
    let treatment = store
        .add(&TopicDraft {
            name: "Treatment".into(),
            sort_order: 0,
        })
        .unwrap()
        .id;
    let doctor = |store: &mut Store, name: &str| {
        store
            .add(&DoctorDraft {
                name: name.into(),
                ..Default::default()
            })
            .unwrap()
            .id
    };
    let lee = doctor(store, "Dr. Lee");
    let okafor = doctor(store, "Dr. Okafor");
    let opinion = |store: &mut Store, doctor, on, urgency: &str, stance: &str| {
        let id = store
            .add(&OpinionDraft {
                urgency: urgency.into(),
                ..OpinionDraft::new(doctor, on)
            })
            .unwrap()
            .id;
        store
            .add(&StanceDraft {
                opinion_id: id,
                topic_id: treatment,
                stance: stance.into(),
                detail: String::new(),
            })
            .unwrap();
        id
    };
    let lee_opinion = opinion(
        store,
        lee,
        days_ago(20),
        "Within 6 weeks",
        "Lumpectomy with radiation",
    );
    let okafor_opinion = opinion(
        store,
        okafor,
        days_ago(6),
        "No rush: 2 to 3 months",
        "Mastectomy",
    );
    Ids {
        lee,
        okafor,
        lee_opinion,
        okafor_opinion,
    }
}

fn factor(option_id: RecordId, side: FactorSide, concern: &str, text: &str) -> FactorDraft {
    FactorDraft {
        option_id,
        side,
        concern: concern.into(),
        text: text.into(),
        weight: None,
        chance: None,
        out_of: None,
        over: String::new(),
        opinion_id: None,
        answer_id: None,
        document: String::new(),
    }
}

fn option(name: &str, stance: &str, topic: RecordId) -> OptionDraft {
    OptionDraft {
        name: name.into(),
        description: String::new(),
        topic_id: Some(topic),
        stance: stance.into(),
        waits: false,
        not_for_me: false,
        not_for_me_because: String::new(),
    }
}

/// The options of the conflict with their factors, Daniel's view, the
/// patient's leaning and two readiness checks; the decision too when
/// `decided`.
fn decision_in_progress(store: &mut Store, ids: &Ids, decided: bool) {
    let topic = store.snapshot().unwrap().topics[0].id;
    let lumpectomy = store
        .add(&option(
            "Lumpectomy with radiation",
            "Lumpectomy with radiation",
            topic,
        ))
        .unwrap()
        .id;
    let mastectomy = store
        .add(&option("Mastectomy", "Mastectomy", topic))
        .unwrap()
        .id;
    store
        .add(&OptionDraft {
            not_for_me: true,
            not_for_me_because: "I cannot wait with this in me".into(),
            ..casefile::domain::decision::wait_option()
        })
        .unwrap();
    let with = |f: FactorDraft, weight, opinion| FactorDraft {
        weight,
        opinion_id: opinion,
        ..f
    };
    for draft in [
        FactorDraft {
            chance: Some(5),
            out_of: Some(100),
            over: "10 years".into(),
            ..with(
                factor(
                    lumpectomy,
                    FactorSide::Risk,
                    "Chances of the main outcome",
                    "The cancer comes back in the same breast",
                ),
                Some(5),
                Some(ids.lee_opinion),
            )
        },
        with(
            factor(
                lumpectomy,
                FactorSide::Benefit,
                "What it involves",
                "I keep my breast",
            ),
            Some(4),
            None,
        ),
        with(
            factor(
                lumpectomy,
                FactorSide::Risk,
                "Side effects",
                "Six weeks of radiation, every weekday",
            ),
            Some(3),
            Some(ids.lee_opinion),
        ),
        with(
            factor(
                lumpectomy,
                FactorSide::Unknown,
                "Recovery",
                "How tired will the radiation make me at work?",
            ),
            None,
            None,
        ),
        FactorDraft {
            chance: Some(3),
            out_of: Some(100),
            over: "10 years".into(),
            ..with(
                factor(
                    mastectomy,
                    FactorSide::Benefit,
                    "Chances of the main outcome",
                    "Fewer come back in the chest wall",
                ),
                Some(5),
                Some(ids.okafor_opinion),
            )
        },
        // Dr. Okafor gives the same outcome another figure: the cell differs.
        FactorDraft {
            chance: Some(8),
            out_of: Some(100),
            over: "10 years".into(),
            ..with(
                factor(
                    lumpectomy,
                    FactorSide::Risk,
                    "Chances of the main outcome",
                    "The cancer comes back in the same breast",
                ),
                Some(4),
                Some(ids.okafor_opinion),
            )
        },
        with(
            factor(
                mastectomy,
                FactorSide::Risk,
                "Recovery",
                "Four to six weeks off work",
            ),
            Some(2),
            Some(ids.okafor_opinion),
        ),
    ] {
        store.add(&draft).unwrap();
    }
    store
        .add(&ViewDraft {
            person: "Daniel".into(),
            prefers: Some(mastectomy),
            pressure: Pressure::Feels,
            supports: Support::Yes,
            note: "Wants it gone, but will stand by what Maria chooses".into(),
        })
        .unwrap();
    store
        .add(&LeaningDraft {
            option_id: Some(lumpectomy),
            note: "Keeping my breast matters to me".into(),
        })
        .unwrap();
    store
        .add(&CheckDraft {
            taken_on: days_ago(5),
            sure: false,
            knows: false,
            values_clear: false,
            supported: true,
        })
        .unwrap();
    store
        .add(&CheckDraft {
            taken_on: days_ago(1),
            sure: false,
            knows: false,
            values_clear: true,
            supported: true,
        })
        .unwrap();
    if decided {
        store
            .add(&DecisionDraft {
                option_id: lumpectomy,
                decided_on: today(),
                reasons: "For: I keep my breast (★★★★☆ 4/5)\nThe chance it comes back is small"
                    .into(),
                look_again_if: "The margins are not clear after surgery".into(),
                look_again_on: today().checked_add_days(Days::new(30)),
            })
            .unwrap();
    }
}

fn decide_runtime(case: &TempCase, decided: bool) -> Runtime {
    let mut store = case.open("Maria");
    let ids = treatment_conflict(&mut store);
    decision_in_progress(&mut store, &ids, decided);
    let mut runtime = Runtime::new(store, case.demo_path());
    type_keys(&mut runtime, "0");
    assert_eq!(runtime.app.pane, Pane::Decide);
    runtime
}

fn stable(case: &TempCase, screen: String) -> String {
    let folder = case.dir.path().display().to_string();
    screen.replace(&folder, "<tmp>")
}

#[test]
fn the_options_and_what_matters_about_the_selected_one() {
    let case = TempCase::new();
    let mut runtime = decide_runtime(&case, false);
    insta::assert_snapshot!("options_120x36", stable(&case, screen(&mut runtime)));
    insta::assert_snapshot!(
        "options_80x24",
        stable(&case, screen_sized(&mut runtime, 80, 24))
    );
}

#[test]
fn the_option_grid_marks_what_is_not_known_yet_and_where_doctors_differ() {
    let case = TempCase::new();
    let mut runtime = decide_runtime(&case, false);
    // The cell where the two doctors give different figures.
    type_keys(&mut runtime, "gjj");
    assert!(runtime.app.decide.grid);
    insta::assert_snapshot!("grid_120x36", stable(&case, screen(&mut runtime)));
    insta::assert_snapshot!(
        "grid_80x24",
        stable(&case, screen_sized(&mut runtime, 80, 24))
    );
}

#[test]
fn the_readiness_checks_newest_first_with_the_next_steps_under_the_newest() {
    let case = TempCase::new();
    let mut runtime = decide_runtime(&case, false);
    type_keys(&mut runtime, "lll");
    assert_eq!(runtime.app.decide.section, Section::Readiness);
    insta::assert_snapshot!("readiness_120x36", stable(&case, screen(&mut runtime)));
    // G: the oldest check, at the bottom of the history.
    type_keys(&mut runtime, "G");
    assert!(matches!(
        casefile::app::panes::decide::selected_here(&runtime.app),
        Some(record) if record.id == runtime.app.case.checks[0].id
    ));
    insta::assert_snapshot!(
        "readiness_80x24",
        stable(&case, screen_sized(&mut runtime, 80, 24))
    );
}

#[test]
fn the_decision_recorded_with_its_reasons_and_the_opinions_it_follows() {
    let case = TempCase::new();
    let mut runtime = decide_runtime(&case, true);
    type_keys(&mut runtime, "llll");
    assert_eq!(runtime.app.decide.section, Section::Decision);
    insta::assert_snapshot!("decided_120x36", stable(&case, screen(&mut runtime)));
    insta::assert_snapshot!(
        "decided_80x24",
        stable(&case, screen_sized(&mut runtime, 80, 24))
    );
    // The Overview: the decision where the days left were.
    type_keys(&mut runtime, "1");
    let overview = stable(&case, screen(&mut runtime));
    assert!(!overview.contains("days left to decide"), "{overview}");
    insta::assert_snapshot!("overview_decided", overview);
}

fn factor_named<'a>(case: &'a CaseSnapshot, text: &str) -> &'a casefile::domain::Factor {
    case.factors
        .iter()
        .find(|f| f.text.contains(text))
        .unwrap_or_else(|| panic!("no factor says {text}"))
}

/// From two opinions that disagree on Treatment to a decision recorded,
/// by keys: the options offered from the stances, factors added, the
/// readiness check taken, its next step followed to the unknown factor, a
/// question raised from it and answered, the check taken again, and the
/// decision recorded after seeing what is still open.
#[test]
fn from_a_conflict_on_treatment_to_a_decision_recorded_by_keys() {
    let case = TempCase::new();
    let mut store = case.open("Maria");
    let ids = treatment_conflict(&mut store);
    let mut runtime = Runtime::new(store, case.demo_path());
    type_keys(&mut runtime, "0");
    assert_eq!(runtime.app.pane, Pane::Decide);
    assert!(screen(&mut runtime).contains("No options yet"));

    // o: the stances on Treatment and waiting, in one go.
    type_keys(&mut runtime, "o");
    let status = runtime.app.status.clone().unwrap().text;
    assert!(status.starts_with("Added 3 options"), "{status}");
    assert!(status.contains("Mastectomy"), "{status}");
    let names: Vec<String> = on_file(&case)
        .options
        .iter()
        .map(|o| o.name.clone())
        .collect();
    assert_eq!(
        names,
        [
            "Lumpectomy with radiation",
            "Mastectomy",
            casefile::domain::decision::WAIT_NAME
        ]
    );
    let shown = screen(&mut runtime);
    assert!(shown.contains("recommended by Dr. Lee"), "{shown}");
    assert!(shown.contains("recommended by Dr. Okafor"), "{shown}");
    assert!(!shown.contains("No option to wait"), "{shown}");
    // Nothing more to offer: it says so and adds nothing.
    type_keys(&mut runtime, "o");
    let status = runtime.app.status.clone().unwrap().text;
    assert!(
        status.contains("Every option the doctors recommend is in the list"),
        "{status}"
    );
    assert_eq!(on_file(&case).options.len(), 3);

    // f on the first option: a benefit, rated 4 of 5.
    type_keys(&mut runtime, "f");
    type_keys(&mut runtime, "I keep my breast");
    press(&mut runtime, &[KeyCode::Tab]);
    for _ in 0..5 {
        press(&mut runtime, &[KeyCode::Right]);
    }
    ctrl(&mut runtime, 's');
    assert!(
        runtime.app.overlays.form().is_none(),
        "the factor was saved"
    );
    // f again: something not known yet.
    type_keys(&mut runtime, "f");
    type_keys(
        &mut runtime,
        "How tired will the radiation make me at work?",
    );
    press(&mut runtime, &[KeyCode::BackTab, KeyCode::BackTab]);
    type_keys(&mut runtime, "n");
    ctrl(&mut runtime, 's');
    let file = on_file(&case);
    let lumpectomy = file.options[0].id;
    assert_eq!(factor_named(&file, "keep my breast").weight, Some(4));
    let unknown = factor_named(&file, "How tired").clone();
    assert_eq!(unknown.side, FactorSide::Unknown);
    assert_eq!(unknown.option_id, lumpectomy);
    let shown = screen(&mut runtime);
    assert!(shown.contains("★★★★☆ 4/5"), "{shown}");
    assert!(shown.contains("not asked yet: Q asks a doctor"), "{shown}");

    // c: the readiness check, with a no on knowing the benefits and risks.
    // It opens on the day it is taken; the four answers follow.
    type_keys(&mut runtime, "c");
    press(&mut runtime, &[KeyCode::Tab]);
    type_keys(&mut runtime, "y");
    press(&mut runtime, &[KeyCode::Tab]);
    type_keys(&mut runtime, "n");
    press(&mut runtime, &[KeyCode::Tab]);
    type_keys(&mut runtime, "y");
    press(&mut runtime, &[KeyCode::Tab]);
    type_keys(&mut runtime, "y");
    ctrl(&mut runtime, 's');
    let file = on_file(&case);
    assert_eq!(file.checks.len(), 1);
    assert!(!file.checks[0].knows && file.checks[0].sure);
    assert_eq!(runtime.app.decide.section, Section::Readiness);
    let shown = screen(&mut runtime);
    assert!(shown.contains("3 of 4 yes"), "{shown}");
    assert!(shown.contains("1 thing is not known yet"), "{shown}");

    // Its next step, under it: Enter goes to the unknown factor.
    type_keys(&mut runtime, "j");
    press(&mut runtime, &[KeyCode::Enter]);
    assert_eq!(runtime.app.decide.section, Section::Factors);
    assert_eq!(
        casefile::app::panes::decide::selected_here(&runtime.app),
        Some(casefile::domain::RecordRef {
            kind: casefile::domain::RecordKind::Factor,
            id: unknown.id
        })
    );
    // Q: a question for Dr. Okafor, in the factor's words, linked to it.
    type_keys(&mut runtime, "Q");
    let form = runtime
        .app
        .overlays
        .form()
        .expect("the question form opens");
    assert_eq!(form.value("text"), unknown.text);
    press(&mut runtime, &[KeyCode::BackTab]);
    type_keys(&mut runtime, "o");
    ctrl(&mut runtime, 's');
    let file = on_file(&case);
    let question = file
        .questions
        .iter()
        .find(|q| q.factor_id == Some(unknown.id));
    let question = question
        .expect("the question is linked to the factor")
        .clone();
    assert_eq!(question.doctor_id, Some(ids.okafor));
    assert_eq!(
        runtime.app.pane,
        Pane::Decide,
        "saving leaves us on the factor"
    );
    let shown = screen(&mut runtime);
    assert!(shown.contains("asked of Dr. Okafor (open)"), "{shown}");
    // Q again: it is already asked.
    type_keys(&mut runtime, "Q");
    assert!(!runtime.app.quitting);
    assert!(
        runtime
            .app
            .status
            .clone()
            .unwrap()
            .text
            .starts_with("Already asked of Dr. Okafor")
    );

    // The answer, written in the Questions pane.
    type_keys(&mut runtime, "4");
    let row = casefile::app::lists::questions(&runtime.app.case)
        .iter()
        .position(|q| q.id == question.id)
        .unwrap();
    for _ in 0..row {
        type_keys(&mut runtime, "j");
    }
    type_keys(&mut runtime, "e");
    press(&mut runtime, &[KeyCode::Tab, KeyCode::Tab]);
    type_keys(&mut runtime, "Most people feel tired by the third week");
    ctrl(&mut runtime, 's');
    let file = on_file(&case);
    let answered = file.questions.iter().find(|q| q.id == question.id).unwrap();
    assert_eq!(answered.status, QuestionStatus::Answered);
    assert_eq!(
        answered.factor_id,
        Some(unknown.id),
        "the edit keeps the link"
    );
    type_keys(&mut runtime, "0");
    let shown = screen(&mut runtime);
    assert!(shown.contains("Most people feel tired"), "{shown}");
    assert!(shown.contains("asked of Dr. Okafor (answered)"), "{shown}");

    // The check again, all yes.
    type_keys(&mut runtime, "c");
    for _ in 0..4 {
        press(&mut runtime, &[KeyCode::Tab]);
        type_keys(&mut runtime, "y");
    }
    ctrl(&mut runtime, 's');
    let shown = screen(&mut runtime);
    assert!(shown.contains("4 of 4 yes"), "{shown}");
    assert!(shown.contains("All four yes"), "{shown}");

    // D: what is still open first, then the form, then saved.
    type_keys(&mut runtime, "D");
    let shown = screen(&mut runtime);
    assert!(shown.contains("Before you record your decision"), "{shown}");
    assert!(
        shown.contains("The doctors still disagree on Treatment"),
        "{shown}"
    );
    type_keys(&mut runtime, "y");
    let form = runtime
        .app
        .overlays
        .form()
        .expect("the decision form opens");
    assert_eq!(form.value("option"), lumpectomy.to_string());
    assert!(form.value("reasons").contains("I keep my breast"));
    ctrl(&mut runtime, 's');
    assert!(
        runtime.app.overlays.form().is_none(),
        "the decision was saved"
    );
    let file = on_file(&case);
    let decision = casefile::domain::decision::decision(&file).expect("a decision");
    assert_eq!(decision.option_id, lumpectomy);
    assert_eq!(decision.decided_on, today());
    let shown = screen(&mut runtime);
    assert!(
        shown.contains("I chose Lumpectomy with radiation"),
        "{shown}"
    );
    assert!(shown.contains("It follows: Dr. Lee"), "{shown}");
    assert!(shown.contains("It goes against: Dr. Okafor"), "{shown}");

    // The Overview shows the decision instead of the days left.
    type_keys(&mut runtime, "1");
    let shown = screen(&mut runtime);
    assert!(
        shown.contains("Decided: Lumpectomy with radiation, on Mon 2 Mar 2026"),
        "{shown}"
    );
    assert!(!shown.contains("days left to decide"), "{shown}");
    // The agenda has the decision deadline done.
    let agenda = casefile::app::lists::agenda(&runtime.app.case, today());
    let deadline = agenda
        .iter()
        .find(|e| e.source == AgendaSource::Case)
        .expect("the decision deadline is in the agenda");
    assert_eq!(deadline.bucket(today()), AgendaBucket::Done);
}

/// Only the patient (or whom the patient named) records the decision:
/// anyone else is told why in the form, and what they typed stays.
#[test]
fn a_writer_who_is_not_the_patient_cannot_record_the_decision() {
    let case = TempCase::new();
    let mut store = case.open("Maria");
    let ids = treatment_conflict(&mut store);
    decision_in_progress(&mut store, &ids, false);
    drop(store);
    let mut runtime = Runtime::new(case.open("Daniel"), case.demo_path());
    type_keys(&mut runtime, "0D");
    // The conflict is still open: asked first.
    assert!(runtime.app.overlays.form().is_none());
    type_keys(&mut runtime, "y");
    assert!(runtime.app.overlays.form().is_some());
    press(&mut runtime, &[KeyCode::Tab]);
    type_keys(&mut runtime, " Daniel wrote this");
    ctrl(&mut runtime, 's');
    let form = runtime
        .app
        .overlays
        .form()
        .expect("the form stays open with what was typed");
    assert!(form.value("reasons").contains("Daniel wrote this"));
    let shown = screen(&mut runtime);
    assert!(
        shown.contains("Only Maria can record this"),
        "the form says why: {shown}"
    );
    assert!(on_file(&case).decisions.is_empty());
    // Saying no to the question records nothing either.
    ctrl(&mut runtime, 'c');
    type_keys(&mut runtime, "y");
    type_keys(&mut runtime, "Dn");
    assert!(runtime.app.overlays.is_empty());
    assert!(
        runtime
            .app
            .status
            .clone()
            .unwrap()
            .text
            .contains("not recorded yet")
    );
}

/// A search hit on a factor opens the Decide pane on it, with its option
/// selected; the history of changes goes there too.
#[test]
fn a_search_hit_on_a_factor_opens_the_decide_pane_on_it() {
    let case = TempCase::new();
    let mut runtime = decide_runtime(&case, false);
    type_keys(&mut runtime, "1/Four to six");
    press(&mut runtime, &[KeyCode::Enter]);
    assert_eq!(runtime.app.pane, Pane::Decide);
    assert_eq!(runtime.app.decide.section, Section::Factors);
    let factor = factor_named(&runtime.app.case, "Four to six").clone();
    assert_eq!(
        casefile::app::panes::decide::selected_here(&runtime.app),
        Some(casefile::domain::RecordRef {
            kind: casefile::domain::RecordKind::Factor,
            id: factor.id
        })
    );
    let shown = screen(&mut runtime);
    assert!(shown.contains("What matters: Mastectomy"), "{shown}");
    // Every kind of the decision is found where it is shown.
    for (kind, section) in [
        (
            casefile::domain::RecordKind::DecisionOption,
            Section::Options,
        ),
        (casefile::domain::RecordKind::View, Section::Involved),
        (casefile::domain::RecordKind::Leaning, Section::Involved),
        (
            casefile::domain::RecordKind::ReadinessCheck,
            Section::Readiness,
        ),
    ] {
        let file = &runtime.app.case;
        let id = match kind {
            casefile::domain::RecordKind::DecisionOption => file.options[1].id,
            casefile::domain::RecordKind::View => file.views[0].id,
            casefile::domain::RecordKind::Leaning => file.leanings[0].id,
            _ => file.checks[0].id,
        };
        let record = casefile::domain::RecordRef { kind, id };
        let (pane, _, column) = casefile::app::lists::locate(&runtime.app, record).unwrap();
        assert_eq!((pane, column), (Pane::Decide, section.index()), "{kind:?}");
    }
}

/// `o` adds the options as one change: one `u` takes them all away.
#[test]
fn the_options_offered_in_one_go_are_undone_in_one_go() {
    let case = TempCase::new();
    let mut store = case.open("Maria");
    treatment_conflict(&mut store);
    let mut runtime = Runtime::new(store, case.demo_path());
    type_keys(&mut runtime, "0o");
    assert_eq!(on_file(&case).options.len(), 3);
    type_keys(&mut runtime, "u");
    assert!(on_file(&case).options.is_empty());
    let shown = screen(&mut runtime);
    assert!(shown.contains("No options yet"), "{shown}");
}

/// The fourth opinion on the same question brings the prompt about it,
/// in the status line and at the top of the Decide pane.
#[test]
fn a_fourth_opinion_brings_the_prompt_about_many_opinions() {
    let case = TempCase::new();
    let mut store = case.open("Maria");
    let ids = treatment_conflict(&mut store);
    store.add(&OpinionDraft::new(ids.lee, days_ago(3))).unwrap();
    let mut runtime = Runtime::new(store, case.demo_path());
    type_keys(&mut runtime, "2a");
    ctrl(&mut runtime, 's');
    assert_eq!(on_file(&case).opinions.len(), 4);
    let status = runtime.app.status.clone().unwrap().text;
    assert!(
        status.contains("This case now holds 4 opinions on the same question"),
        "{status}"
    );
    type_keys(&mut runtime, "0");
    let shown = screen(&mut runtime);
    assert!(
        shown.contains("◆ This case now holds 4 opinions"),
        "{shown}"
    );
    type_keys(&mut runtime, "1");
    let shown = screen(&mut runtime);
    assert!(
        shown.contains("◆ This case now holds 4 opinions"),
        "{shown}"
    );
}

/// Enter on a cell of the option grid opens a factor for that option and
/// concern, on the scale the other options' figures use.
#[test]
fn enter_on_a_grid_cell_adds_a_factor_on_the_same_scale() {
    let case = TempCase::new();
    let mut runtime = decide_runtime(&case, false);
    // Chances of the main outcome, for waiting (the third option).
    type_keys(&mut runtime, "gjjll");
    press(&mut runtime, &[KeyCode::Enter]);
    let waiting = runtime.app.case.options[2].id;
    let form = runtime.app.overlays.form().expect("the factor form opens");
    assert_eq!(form.value("option"), waiting.to_string());
    assert_eq!(form.value("concern"), "Chances of the main outcome");
    assert_eq!(form.value("out_of"), "100");
    assert_eq!(form.value("over"), "10 years");
    type_keys(&mut runtime, "Nobody knows yet");
    // The figure: how many of the 100.
    press(&mut runtime, &[KeyCode::Tab, KeyCode::Tab]);
    type_keys(&mut runtime, "4");
    ctrl(&mut runtime, 's');
    let file = on_file(&case);
    let added = factor_named(&file, "Nobody knows yet");
    assert_eq!(added.option_id, waiting);
    assert_eq!(added.figure().as_deref(), Some("4 in 100 over 10 years"));
    assert!(runtime.app.decide.grid, "the grid stays on screen");
    assert!(screen(&mut runtime).contains("my own: Nobody knows yet"));
}

/// Q asks about what is not known yet; on another factor, or outside the
/// factors, it says why it does nothing. It never quits: q does that.
#[test]
fn capital_q_asks_only_about_a_factor_not_known_yet() {
    let case = TempCase::new();
    let mut runtime = decide_runtime(&case, false);
    // What matters: the first factor is a benefit.
    type_keys(&mut runtime, "lQ");
    assert!(runtime.app.overlays.form().is_none());
    assert!(!runtime.app.quitting);
    let status = runtime.app.status.clone().unwrap().text;
    assert!(status.contains("this factor is a benefit"), "{status}");
    // Back in Options, Q says where to go.
    type_keys(&mut runtime, "hQ");
    assert!(!runtime.app.quitting);
    let status = runtime.app.status.clone().unwrap().text;
    assert!(status.contains("go to What matters"), "{status}");
}

/// S writes the decision summary into the documents folder, never beside
/// the case file, and says where; what was typed is escaped in it.
#[test]
fn s_writes_the_decision_summary_to_the_documents_folder_and_says_where() {
    let case = TempCase::new();
    let documents = case.dir.path().join("Documents");
    std::fs::create_dir(&documents).expect("a documents folder");
    let mut store = case.open("Maria");
    let ids = treatment_conflict(&mut store);
    decision_in_progress(&mut store, &ids, false);
    let option = store.snapshot().expect("reads").options[0].clone();
    let mut changed = option.data.clone();
    changed.description = "<script>alert('x')</script> & more".into();
    store
        .update(option.id, option.stamp.version, &changed)
        .expect("saves");
    let mut runtime = Runtime::new(store, case.demo_path()).with_documents(documents.clone());
    type_keys(&mut runtime, "0S");
    let written: Vec<std::path::PathBuf> = std::fs::read_dir(&documents)
        .expect("the folder")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    let status = runtime.app.status.clone().expect("a message").text;
    assert!(
        status.starts_with(&format!(
            "Wrote the decision summary to {}: O opens it",
            written[0].display()
        )),
        "{status}"
    );
    let page = std::fs::read_to_string(&written[0]).expect("reads");
    assert!(page.contains("Decision summary"), "a page for people");
    assert!(!page.contains("<script>"), "escaped");
    assert!(page.contains("&lt;script&gt;"), "shown as typed");
    // A second S writes a second file, not over the first.
    type_keys(&mut runtime, "S");
    assert_eq!(
        std::fs::read_dir(&documents).expect("the folder").count(),
        2
    );
}
