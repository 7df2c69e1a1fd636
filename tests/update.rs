//! `update` alone, with no store: a state and an action in, the effect
//! and the state out, for the main actions of every pane. The state is
//! the demo case as read once from its file; nothing after that touches
//! the file, since update does no I/O.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use casefile::app::form::Purpose;
use casefile::app::{Action, App, Effect, Overlay, Pane, lists, update};
use casefile::domain::{AnyDraft, QuestionStatus, RecordKind, RecordRef, RequestStatus};
use common::{TempCase, clock, demo_store};

/// The demo case, read into an app, 120 columns by 36 rows.
fn demo_app() -> App {
    let case = TempCase::new();
    let mut store = demo_store(&case);
    let snapshot = store.snapshot_for_screen().expect("reads");
    let mut app = App::new("Maria", case.path.clone(), clock());
    update(&mut app, Action::Loaded(Box::new(snapshot)));
    update(
        &mut app,
        Action::Resize {
            columns: 120,
            rows: 36,
        },
    );
    app
}

/// Puts the cursor of `pane` on `row` and shows that pane.
fn at(app: &mut App, pane: Pane, row: usize) {
    app.pane = pane;
    app.cursors[pane.index()].row = row;
}

/// The row of the first record of `pane`'s list that `wanted` accepts.
fn row_where(app: &App, pane: Pane, wanted: impl Fn(RecordRef) -> bool) -> usize {
    let mut probe = app.clone();
    (0..200)
        .find(|&row| {
            at(&mut probe, pane, row);
            lists::selected(&probe).is_some_and(&wanted)
        })
        .expect("a row")
}

fn top(app: &App) -> Option<&Overlay> {
    app.overlays.top()
}

/// One row of the table: where the app is, the action, and what must be
/// true of the effect and the state after it.
struct Row {
    what: &'static str,
    set_up: fn(&mut App),
    action: fn(&App) -> Action,
    then: fn(&Effect, &App) -> bool,
}

fn nothing(_: &mut App) {}

const ROWS: &[Row] = &[
    Row {
        what: "q quits",
        set_up: nothing,
        action: |_| Action::Quit,
        then: |effect, app| *effect == Effect::None && app.quitting,
    },
    Row {
        what: "a number goes to its pane",
        set_up: nothing,
        action: |_| Action::GoTo(Pane::Requests),
        then: |effect, app| *effect == Effect::None && app.pane == Pane::Requests,
    },
    Row {
        what: "Overview: h reads the history",
        set_up: nothing,
        action: |_| Action::History,
        then: |effect, _| *effect == Effect::LoadHistory,
    },
    Row {
        what: "Overview: e opens the case's form",
        set_up: nothing,
        action: |_| Action::Edit,
        then: |effect, app| {
            *effect == Effect::None
                && matches!(top(app), Some(Overlay::Form(form)) if form.target.kind == RecordKind::Case)
        },
    },
    Row {
        what: "Overview: Enter on the first line goes to the open conflict",
        set_up: |app| at(app, Pane::Overview, 0),
        action: |_| Action::Open,
        then: |_, app| app.pane == Pane::Conflicts,
    },
    Row {
        what: "Opinions: c compares with the next opinion",
        set_up: |app| app.pane = Pane::Opinions,
        action: |_| Action::Compare,
        then: |_, app| matches!(top(app), Some(Overlay::Compare(1))),
    },
    Row {
        what: "Opinions: Q asks this opinion's doctor",
        set_up: |app| app.pane = Pane::Opinions,
        action: |_| Action::AskDoctor,
        then: |_, app| {
            let doctor = lists::opinions(&app.case)[0].doctor_id;
            app.overlays.form().is_some_and(|form| {
                form.target.kind == RecordKind::Question
                    && form.value("doctor") == doctor.to_string()
            })
        },
    },
    Row {
        what: "Conflicts: r raises a question for each doctor in the conflict",
        set_up: |app| {
            let row = row_where(app, Pane::Conflicts, |r| {
                r.kind == RecordKind::Topic || r.kind == RecordKind::Stance
            }) + 2;
            at(app, Pane::Conflicts, row)
        },
        action: |_| Action::RaiseQuestions,
        then: |effect, _| matches!(effect, Effect::AddQuestions(drafts) if !drafts.is_empty()),
    },
    Row {
        what: "Conflicts: D asks the store what goes with the topic",
        set_up: |app| at(app, Pane::Conflicts, 0),
        action: |_| Action::DeleteTopic,
        then: |effect, _| matches!(effect, Effect::PlanDelete { target, .. } if target.kind == RecordKind::Topic),
    },
    Row {
        what: "Questions: s marks an open question asked today",
        set_up: |app| {
            let row = row_where(app, Pane::Questions, |r| r.kind == RecordKind::Question);
            let open = (row..200)
                .find(|&n| {
                    let mut probe = app.clone();
                    at(&mut probe, Pane::Questions, n);
                    lists::selected(&probe)
                        .and_then(|r| probe.case.questions.iter().find(|q| q.id == r.id).cloned())
                        .is_some_and(|q| q.status == QuestionStatus::Open)
                })
                .expect("an open question");
            at(app, Pane::Questions, open);
        },
        action: |_| Action::MarkAsked,
        then: |effect, app| {
            matches!(effect, Effect::Save { draft: AnyDraft::Question(q), editing: Some(_) }
                if q.status == QuestionStatus::Asked && q.asked_on == Some(app.today()))
        },
    },
    Row {
        what: "Questions: b adds the standard questions in one step",
        set_up: |app| app.pane = Pane::Questions,
        action: |_| Action::AddQuestionBank,
        then: |effect, _| matches!(effect, Effect::AddQuestions(drafts) if drafts.len() > 1),
    },
    Row {
        what: "Imaging: Enter lists an item's moves and doctors",
        set_up: |app| at(app, Pane::Imaging, 1),
        action: |_| Action::Open,
        then: |_, app| matches!(top(app), Some(Overlay::Parts(parts)) if !parts.records.is_empty()),
    },
    Row {
        what: "Imaging: w shows who has seen what",
        set_up: |app| app.pane = Pane::Imaging,
        action: |_| Action::ToggleSeenGrid,
        then: |_, app| app.seen_grid,
    },
    Row {
        what: "Requests: R asks when the answer came",
        set_up: |app| at(app, Pane::Requests, 0),
        action: |_| Action::MarkReceived,
        then: |effect, app| {
            *effect == Effect::None
                && app
                    .overlays
                    .form()
                    .is_some_and(|f| f.purpose == Purpose::Receipt)
        },
    },
    Row {
        what: "Requests: Ctrl-S on R's form marks it received",
        set_up: |app| {
            at(app, Pane::Requests, 0);
            update(app, Action::MarkReceived);
        },
        action: |_| Action::SaveForm,
        then: |effect, _| {
            matches!(effect, Effect::Receive { receipt, .. }
                if receipt.request.status == RequestStatus::Received)
        },
    },
    Row {
        what: "Requests: Ctrl-S on x's form records the extension",
        set_up: |app| {
            at(app, Pane::Requests, 0);
            update(app, Action::RecordExtension);
        },
        action: |_| Action::SaveForm,
        then: |effect, app| {
            matches!(effect, Effect::Save { draft: AnyDraft::Request(r), editing: Some(_) }
                if r.status == RequestStatus::Extended && r.extended_on == Some(app.today()))
        },
    },
    Row {
        what: "Deadlines: a opens a new deadline's form",
        set_up: |app| app.pane = Pane::Deadlines,
        action: |_| Action::Add,
        then: |_, app| {
            app.overlays
                .form()
                .is_some_and(|f| f.target.kind == RecordKind::Deadline)
        },
    },
    Row {
        what: "Notes: the notes in view are asked for once the actions are done",
        set_up: |app| app.pane = Pane::Notes,
        action: |_| Action::Settle,
        then: |effect, _| matches!(effect, Effect::ReadNotes(_)),
    },
    Row {
        what: "Doctors: P writes the selected doctor's blind packet",
        set_up: |app| at(app, Pane::Doctors, 0),
        action: |_| Action::WritePacket { blind: true },
        then: |effect, app| {
            *effect
                == Effect::WritePacket {
                    doctor_id: app.case.doctors[0].id,
                    blind: true,
                }
        },
    },
    Row {
        what: "Doctors: o with nothing written says so",
        set_up: |app| app.pane = Pane::Doctors,
        action: |_| Action::OpenWritten,
        then: |effect, app| *effect == Effect::None && app.status.is_some(),
    },
    Row {
        what: "d asks the store what goes with the record first",
        set_up: |app| at(app, Pane::Doctors, 0),
        action: |_| Action::Delete,
        then: |effect, _| matches!(effect, Effect::PlanDelete { target, .. } if target.kind == RecordKind::Doctor),
    },
    Row {
        what: "u with nothing done says there is nothing to undo",
        set_up: nothing,
        action: |_| Action::Undo,
        then: |effect, app| *effect == Effect::None && app.status.is_some(),
    },
    Row {
        what: "/ then a letter searches",
        set_up: |app| {
            update(app, Action::OpenSearch);
        },
        action: |_| {
            Action::SearchKey(ratatui_textarea::Input {
                key: ratatui_textarea::Key::Char('c'),
                ..Default::default()
            })
        },
        then: |effect, _| *effect == Effect::Search("c".into()),
    },
    Row {
        what: "a form with typing in it is kept at the next tick",
        set_up: |app| {
            app.pane = Pane::Doctors;
            update(app, Action::Add);
            update(app, Action::FormText("Dr. New".into()));
        },
        action: |_| Action::Tick,
        then: |effect, _| matches!(effect, Effect::KeepDraft(Some(json)) if json.contains("Dr. New")),
    },
    Row {
        what: "Ctrl-S on a new doctor's form saves the doctor",
        set_up: |app| {
            app.pane = Pane::Doctors;
            update(app, Action::Add);
            update(app, Action::FormText("Dr. New".into()));
        },
        action: |_| Action::SaveForm,
        then: |effect, _| matches!(effect, Effect::Save { draft: AnyDraft::Doctor(d), editing: None } if d.name == "Dr. New"),
    },
    Row {
        what: "Ctrl-S on a form missing what it needs saves nothing and marks it",
        set_up: |app| {
            app.pane = Pane::Doctors;
            update(app, Action::Add);
        },
        action: |_| Action::SaveForm,
        then: |effect, app| {
            *effect == Effect::None
                && app
                    .overlays
                    .form()
                    .is_some_and(|f| f.fields.iter().any(|field| field.error.is_some()))
        },
    },
];

#[test]
fn each_action_gives_its_effect_and_state() {
    let fixture = demo_app();
    for row in ROWS {
        let mut app = fixture.clone();
        (row.set_up)(&mut app);
        let action = (row.action)(&app);
        let effect = update(&mut app, action);
        assert!((row.then)(&effect, &app), "{}: {effect:?}", row.what);
    }
}
