//! One form per kind, shared by the TUI and the command line: the same
//! input typed into a form and given as `casefile add` flags stores the
//! same record, and the same mistake gets the same words.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use casefile::app::Runtime;
use casefile::domain::Clock;
use casefile::store::Store;
use clap::CommandFactory;
use common::type_keys;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use serde_json::Value;
use tempfile::TempDir;

/// One kind's input, as a user gives it to the TUI's form and to
/// `casefile add`.
struct Same {
    /// The kind on the command line, and in `list`.
    kind: &'static str,
    list: &'static str,
    /// How the kind's form is opened on the demo case.
    opens: Opens,
    /// Flags the command line needs beyond the form's fields (--yes).
    extra: &'static [&'static str],
    /// What the form was opened on, which the command line names by a
    /// flag: (flag, the field whose opening value it takes). `on` stands
    /// for what a note is written on.
    opened_on: &'static [(&'static str, &'static str)],
    /// What is typed or picked: (field, flag, value).
    input: &'static [(&'static str, &'static str, &'static str)],
    /// A change to the record once added: (field, flag, value).
    change: (&'static str, &'static str, &'static str),
    /// A mistake the form and the flags can both be given; None where
    /// every field is a picker of what is in the case.
    mistake: Option<Mistake>,
}

/// What is typed or picked, (field, flag, value), over the kind's input,
/// and the field it marks, named on the command line by its flag.
struct Mistake {
    input: &'static [(&'static str, &'static str, &'static str)],
    marked: (&'static str, &'static str),
}

/// How a kind's form is opened in the TUI.
enum Opens {
    /// By these keys.
    Keys(&'static str),
    /// As the kind's form opens where no record on screen is its
    /// context, until its pane has a key for it.
    Form(casefile::domain::RecordKind),
}
use Opens::{Form, Keys};

const KINDS: &[Same] = &[
    Same {
        kind: "doctor",
        list: "doctors",
        opens: Keys("9a"),
        extra: &[],
        opened_on: &[],
        input: &[
            ("name", "--name", "Dr. Amira Haddad"),
            ("specialty", "--specialty", "Pathology"),
            ("trained_at", "--trained-at", "  Lakeshore University  "),
        ],
        change: ("contact", "--contact", "555-0199"),
        mistake: Some(Mistake {
            input: &[("name", "--name", "   ")],
            marked: ("name", "--name"),
        }),
    },
    Same {
        kind: "opinion",
        list: "opinions",
        opens: Keys("2a"),
        extra: &[],
        opened_on: &[("--doctor", "doctor")],
        input: &[
            ("given_on", "--date", "in 2 weeks"),
            ("form", "--form", "remote"),
            ("recommendation", "--recommendation", "Lumpectomy"),
            ("knew_prior", "--knew-prior", "yes"),
        ],
        change: ("urgency", "--urgency", "Within 6 weeks"),
        mistake: Some(Mistake {
            input: &[("given_on", "--date", "the 31st")],
            marked: ("given_on", "--date"),
        }),
    },
    Same {
        kind: "stance",
        list: "stances",
        opens: Keys("3jjjjje"),
        extra: &[],
        opened_on: &[("--opinion", "opinion"), ("--topic", "topic")],
        input: &[
            ("stance", "--stance", "Not needed"),
            ("detail", "--detail", "Margins were clear"),
        ],
        change: ("detail", "--detail", "The margins were clear on review"),
        mistake: Some(Mistake {
            input: &[("stance", "--stance", " ")],
            marked: ("stance", "--stance"),
        }),
    },
    Same {
        kind: "topic",
        list: "topics",
        opens: Keys("3a"),
        extra: &[],
        opened_on: &[],
        input: &[("name", "--name", "Fertility")],
        change: ("sort_order", "--order", "0"),
        mistake: Some(Mistake {
            input: &[("sort_order", "--order", "seven")],
            marked: ("sort_order", "--order"),
        }),
    },
    Same {
        kind: "question",
        list: "questions",
        opens: Keys("4a"),
        extra: &[],
        opened_on: &[("--doctor", "doctor"), ("--topic", "topic")],
        input: &[
            ("text", "--text", "Is genetic testing worth doing?"),
            ("answer", "--answer", "Yes, before surgery"),
        ],
        change: ("status", "--status", "dropped"),
        mistake: Some(Mistake {
            input: &[
                ("status", "--status", "answered"),
                ("answer", "--answer", ""),
            ],
            marked: ("answer", "--answer"),
        }),
    },
    Same {
        kind: "item",
        list: "items",
        opens: Keys("5a"),
        extra: &[],
        opened_on: &[],
        input: &[
            ("kind", "--kind", "mri"),
            ("description", "--description", "Breast MRI, second read"),
            ("facility", "--facility", "Northside Imaging"),
            ("form", "--form", "disc"),
        ],
        change: ("held_by", "--holder", "Maria (home file)"),
        mistake: Some(Mistake {
            input: &[("taken_on", "--date", "someday")],
            marked: ("taken_on", "--date"),
        }),
    },
    Same {
        kind: "move",
        list: "moves",
        opens: Keys("5m"),
        extra: &[],
        opened_on: &[("--item", "item")],
        input: &[
            ("to", "--to", "Dr. Samuel Okafor"),
            ("method", "--method", "Courier"),
            ("direct", "--direct", "yes"),
        ],
        change: ("tracking", "--tracking", "1Z999"),
        mistake: Some(Mistake {
            input: &[("moved_on", "--date", "")],
            marked: ("moved_on", "--date"),
        }),
    },
    Same {
        kind: "recipient",
        list: "recipients",
        opens: Keys("5r"),
        extra: &[],
        opened_on: &[("--item", "item"), ("--doctor", "doctor")],
        input: &[("received_as", "--received-as", "report_only")],
        change: ("received_on", "--received", "yesterday"),
        mistake: Some(Mistake {
            input: &[("received_on", "--received", "soonish")],
            marked: ("received_on", "--received"),
        }),
    },
    Same {
        kind: "request",
        list: "requests",
        opens: Keys("6a"),
        extra: &[],
        opened_on: &[],
        input: &[
            ("to_whom", "--to", "Lakeshore pathology"),
            ("what", "--what", "Glass slides"),
            ("method", "--method", "fax"),
            ("requested_on", "--requested-on", "-3d"),
        ],
        change: ("status", "--status", "acknowledged"),
        mistake: Some(Mistake {
            input: &[("local_limit_days", "--local-limit", "400")],
            marked: ("local_limit_days", "--local-limit"),
        }),
    },
    Same {
        kind: "follow-up",
        list: "follow-ups",
        opens: Keys("6f"),
        extra: &[],
        opened_on: &[("--request", "request")],
        input: &[
            ("said", "--said", "Phoned; sent this week"),
            ("by", "--by", "Daniel"),
        ],
        change: ("by", "--by", "Maria"),
        mistake: Some(Mistake {
            input: &[("on", "--date", "whenever")],
            marked: ("on", "--date"),
        }),
    },
    Same {
        kind: "request-item",
        list: "request-items",
        opens: Keys("6i"),
        extra: &[],
        opened_on: &[("--request", "request"), ("--item", "item")],
        input: &[],
        change: ("item", "--item", "2"),
        mistake: None,
    },
    Same {
        kind: "deadline",
        list: "deadlines",
        opens: Keys("7a"),
        extra: &[],
        opened_on: &[],
        input: &[
            ("title", "--title", "Genetics consult"),
            ("due_on", "--date", "in 5 days"),
            ("notes", "--notes", "Bring the family history"),
        ],
        change: ("done", "--done", "yes"),
        mistake: Some(Mistake {
            input: &[("due_on", "--date", "next tuesday")],
            marked: ("due_on", "--date"),
        }),
    },
    Same {
        kind: "note",
        list: "notes",
        opens: Keys("9n"),
        extra: &[],
        opened_on: &[("--on", "on")],
        input: &[("body", "--text", "Asked about parking")],
        change: ("body", "--text", "Asked about parking; it is free after 5"),
        mistake: Some(Mistake {
            input: &[("body", "--text", "  ")],
            marked: ("body", "--text"),
        }),
    },
    Same {
        kind: "option",
        list: "options",
        opens: Form(casefile::domain::RecordKind::DecisionOption),
        extra: &[],
        opened_on: &[],
        input: &[
            ("name", "--name", "Lumpectomy, then radiation"),
            (
                "description",
                "--description",
                "Keeps the breast; five weeks of radiation",
            ),
        ],
        change: (
            "description",
            "--description",
            "Radiation every weekday for three weeks",
        ),
        mistake: Some(Mistake {
            input: &[("not_for_me", "--not-for-me", "yes")],
            marked: ("not_for_me_because", "--because"),
        }),
    },
    Same {
        kind: "factor",
        list: "factors",
        opens: Form(casefile::domain::RecordKind::Factor),
        extra: &[],
        opened_on: &[("--option", "option")],
        input: &[
            ("side", "--side", "risk"),
            ("concern", "--concern", "Side effects"),
            ("text", "--text", "Tiredness for some weeks"),
            ("weight", "--weight", "3"),
            ("chance", "--chance", "5"),
            ("out_of", "--out-of", "100"),
            ("over", "--over", "10 years"),
        ],
        change: ("weight", "--weight", "5"),
        mistake: Some(Mistake {
            input: &[("out_of", "--out-of", "")],
            marked: ("out_of", "--out-of"),
        }),
    },
    Same {
        kind: "view",
        list: "views",
        opens: Form(casefile::domain::RecordKind::View),
        extra: &[],
        opened_on: &[],
        input: &[
            ("person", "--person", "Daniel"),
            ("pressure", "--pressure", "feels"),
            ("supports", "--supports", "yes"),
            ("note", "--note", "Whatever she chooses, I am with her"),
        ],
        change: ("supports", "--supports", "unsure"),
        mistake: Some(Mistake {
            input: &[("person", "--person", "Maria Alvarez")],
            marked: ("person", "--person"),
        }),
    },
    Same {
        kind: "leaning",
        list: "leanings",
        opens: Form(casefile::domain::RecordKind::Leaning),
        extra: &[],
        opened_on: &[],
        input: &[("note", "--note", "Surgery first, for now")],
        change: ("note", "--note", "Less sure since the last visit"),
        mistake: None,
    },
    Same {
        kind: "check",
        list: "checks",
        opens: Form(casefile::domain::RecordKind::ReadinessCheck),
        extra: &[],
        opened_on: &[],
        input: &[
            ("sure", "--sure", "yes"),
            ("knows", "--knows", "no"),
            ("values_clear", "--values-clear", "yes"),
            ("supported", "--supported", "no"),
        ],
        change: ("knows", "--knows", "yes"),
        mistake: Some(Mistake {
            input: &[("taken_on", "--date", "someday")],
            marked: ("taken_on", "--date"),
        }),
    },
    Same {
        kind: "decision",
        list: "decisions",
        opens: Form(casefile::domain::RecordKind::Decision),
        // The demo's doctors still disagree: the command line asks first.
        extra: &["--yes"],
        opened_on: &[("--option", "option")],
        input: &[
            ("reasons", "--reasons", "One operation, and no radiation"),
            (
                "look_again_if",
                "--look-again-if",
                "The genetic test is positive",
            ),
        ],
        change: ("look_again_on", "--look-again-on", "in 2 weeks"),
        mistake: Some(Mistake {
            input: &[("look_again_on", "--look-again-on", "someday")],
            marked: ("look_again_on", "--look-again-on"),
        }),
    },
];

/// Two copies of the demo case on today's date, one for the TUI and one
/// for the command line, which runs on the real clock.
struct Both {
    dir: TempDir,
}

impl Both {
    fn new() -> Self {
        let both = Both {
            dir: tempfile::tempdir().unwrap(),
        };
        for path in [both.tui(), both.cli()] {
            let mut store = Store::open(&path, "Maria", Clock::System).unwrap();
            casefile::demo::write_demo(&mut store).unwrap();
            decision_ready(&mut store);
        }
        both
    }

    fn tui(&self) -> PathBuf {
        self.dir.path().join("tui.db")
    }

    fn cli(&self) -> PathBuf {
        self.dir.path().join("cli.db")
    }

    fn runtime(&self) -> Runtime {
        let store = Store::open(&self.tui(), "Maria", Clock::System).unwrap();
        Runtime::new(store, self.dir.path().join("demo.db"))
    }

    fn casefile(&self, db: &Path, args: &[String]) -> std::process::Output {
        Command::cargo_bin("casefile")
            .unwrap()
            .current_dir(self.dir.path())
            .env_remove("CASEFILE_DB")
            .env("XDG_DATA_HOME", self.dir.path())
            .arg("--db")
            .arg(db)
            .args(["--as", "Maria"])
            .args(args)
            .output()
            .unwrap()
    }

    /// `list KIND --json` of a case file, without the times of writing.
    fn listed(&self, db: &Path, list: &str) -> Value {
        let output = self.casefile(db, &["list".into(), list.into(), "--json".into()]);
        assert!(output.status.success(), "{output:?}");
        let mut records: Value = serde_json::from_slice(&output.stdout).unwrap();
        for record in records.as_array_mut().unwrap() {
            let record = record.as_object_mut().unwrap();
            record.remove("created_at");
            record.remove("updated_at");
        }
        records
    }
}

/// The demo case with what the decision's records need: Maria, who
/// writes, may record the leaning and the decision, and the case holds
/// options to weigh.
fn decision_ready(store: &mut Store) {
    use casefile::domain::{AnyDraft, OptionDraft};
    let case = store.case().unwrap().unwrap();
    if case.decision_writer != "Maria" {
        let mut draft = case.data.clone();
        draft.decision_writer = "Maria".into();
        store
            .save(&AnyDraft::Case(draft), Some((case.id, case.stamp.version)))
            .unwrap();
    }
    let snapshot = store.snapshot().unwrap();
    if snapshot.options.is_empty() {
        let treatment = snapshot
            .topics
            .iter()
            .find(|t| t.name == "Treatment")
            .map(|t| t.id);
        for (name, stance, waits) in [
            ("Mastectomy", "Mastectomy", false),
            ("Wait for the genetic test", "", true),
        ] {
            let option = OptionDraft {
                name: name.into(),
                description: String::new(),
                topic_id: treatment.filter(|_| !stance.is_empty()),
                stance: stance.into(),
                waits,
                not_for_me: false,
                not_for_me_because: String::new(),
            };
            store.save(&AnyDraft::DecisionOption(option), None).unwrap();
        }
    }
}

fn ctrl_s(runtime: &mut Runtime) {
    let event = Event::Key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    if let Some(action) = casefile::app::events::translate(&runtime.app, &event) {
        runtime.dispatch(action);
    }
}

/// Opens the kind's form with its keys, types and picks `input`, and
/// returns the flags that name what the form was opened on.
fn open_and_fill(runtime: &mut Runtime, same: &Same, input: &[(&str, &str, &str)]) -> Vec<String> {
    match same.opens {
        Keys(keys) => type_keys(runtime, keys),
        Form(kind) => {
            let today = runtime.app.today();
            let form = casefile::app::forms::add(kind, &runtime.app.case, today, &[])
                .unwrap_or_else(|| panic!("the demo case has what a {} needs", same.kind));
            runtime.app.overlays.open_form(form);
        }
    }
    let form = runtime
        .app
        .overlays
        .form_mut()
        .unwrap_or_else(|| panic!("the {} form opens", same.kind));
    let mut flags = Vec::new();
    for (flag, key) in same.opened_on {
        let value = if *key == "on" {
            let on = form.belongs_to.expect("the note is on a record");
            format!("{}:{}", casefile::domain::Choice::key(on.kind), on.id)
        } else {
            form.value(key)
        };
        flags.extend([flag.to_string(), value]);
    }
    for (key, flag, value) in input {
        form.field_mut(key)
            .unwrap_or_else(|| panic!("the {} form has a field {key}", same.kind))
            .set_value(value);
        flags.extend([flag.to_string(), value.to_string()]);
    }
    flags
}

fn add(same: &Same, flags: Vec<String>) -> Vec<String> {
    let mut args = vec!["add".to_string(), same.kind.to_string()];
    args.extend(flags);
    args.extend(same.extra.iter().map(|flag| flag.to_string()));
    args
}

#[test]
fn every_kind_casefile_adds_has_its_case_here() {
    let cli = casefile::cli::Cli::command();
    let adds: Vec<&str> = cli
        .find_subcommand("add")
        .expect("casefile add")
        .get_subcommands()
        .map(|command| command.get_name())
        .collect();
    let here: Vec<&str> = KINDS.iter().map(|same| same.kind).collect();
    assert_eq!(adds, here, "one case for each kind `casefile add` takes");
}

#[test]
fn the_same_input_through_the_form_and_the_flags_stores_the_same_record() {
    for same in KINDS {
        let both = Both::new();
        let mut runtime = both.runtime();
        let flags = open_and_fill(&mut runtime, same, same.input);
        ctrl_s(&mut runtime);
        if let Some(form) = runtime.app.overlays.form() {
            let errors: Vec<_> = form.fields.iter().filter_map(|f| f.error.clone()).collect();
            panic!("the {} form did not save: {errors:?}", same.kind);
        }
        drop(runtime);

        let args = add(same, flags);
        let output = both.casefile(&both.cli(), &args);
        assert!(
            output.status.success(),
            "casefile {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );

        let through_the_form = both.listed(&both.tui(), same.list);
        let through_the_flags = both.listed(&both.cli(), same.list);
        assert_eq!(through_the_form, through_the_flags, "{}", same.kind);
    }
}

#[test]
fn the_same_mistake_gets_the_same_words_from_the_form_and_the_flags() {
    for same in KINDS {
        let Some(mistake) = &same.mistake else {
            continue;
        };
        let both = Both::new();
        let mut runtime = both.runtime();
        let mut input: Vec<_> = same
            .input
            .iter()
            .filter(|(field, _, _)| mistake.input.iter().all(|(wrong, _, _)| wrong != field))
            .copied()
            .collect();
        input.extend(mistake.input);
        let flags = open_and_fill(&mut runtime, same, &input);
        ctrl_s(&mut runtime);
        let form = runtime
            .app
            .overlays
            .form()
            .unwrap_or_else(|| panic!("the {} form saved a mistake", same.kind));
        let marked: Vec<(&str, &str)> = form
            .fields
            .iter()
            .filter_map(|f| Some((f.key.as_str(), f.error.as_deref()?)))
            .collect();
        let (field, flag) = mistake.marked;
        let [(marked_field, words)] = marked[..] else {
            panic!("{}: one field is marked, not {marked:?}", same.kind);
        };
        assert_eq!(marked_field, field, "{}", same.kind);

        let output = both.casefile(&both.cli(), &add(same, flags));
        assert_eq!(output.status.code(), Some(1), "{}: {output:?}", same.kind);
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            format!("casefile: {flag}: {words}\n"),
            "{}",
            same.kind
        );
    }
}

#[test]
fn an_item_given_no_holder_is_with_its_facility_in_the_tui_and_on_the_command_line() {
    let both = Both::new();
    let mut runtime = both.runtime();
    type_keys(&mut runtime, "5aCT of the chest");
    let form = runtime.app.overlays.form_mut().unwrap();
    form.field_mut("facility")
        .unwrap()
        .set_value("Northside Imaging");
    ctrl_s(&mut runtime);
    assert!(runtime.app.overlays.form().is_none(), "saved");
    let screen = common::screen(&mut runtime);
    assert!(
        screen.contains("Never moved: still with Northside Imaging."),
        "{screen}"
    );
    drop(runtime);

    let output = both.casefile(
        &both.cli(),
        &[
            "add",
            "item",
            "--kind",
            "report",
            "--description",
            "CT of the chest",
            "--facility",
            "Northside Imaging",
        ]
        .map(String::from),
    );
    assert!(output.status.success(), "{output:?}");
    for db in [both.tui(), both.cli()] {
        let items = both.listed(&db, "items");
        let added = items.as_array().unwrap().last().unwrap();
        assert_eq!(added["description"], "CT of the chest");
        assert_eq!(added["held_by"], "Northside Imaging", "{}", db.display());
        assert_eq!(added["holder"], "Northside Imaging");
    }
}

/// The first question of the demo with this status.
fn question_with(both: &Both, status: &str) -> i64 {
    both.listed(&both.cli(), "questions")
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["status"] == status)
        .and_then(|q| q["id"].as_i64())
        .unwrap()
}

/// Question `id` as a case file holds it.
fn question(both: &Both, db: &Path, id: i64) -> Value {
    both.listed(db, "questions")
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == id)
        .cloned()
        .unwrap()
}

/// The form `e` opens on question `id` in the TUI, with `values` typed or
/// picked, saved with Ctrl-S.
fn change_in_the_tui(both: &Both, id: i64, values: &[(&str, &str)]) {
    let mut runtime = both.runtime();
    let record = casefile::domain::RecordRef {
        kind: casefile::domain::RecordKind::Question,
        id,
    };
    let mut form = casefile::app::forms::edit(record, &runtime.app.case).unwrap();
    for (key, value) in values {
        form.field_mut(key).unwrap().set_value(value);
    }
    runtime.app.overlays.open_form(form);
    ctrl_s(&mut runtime);
    assert!(runtime.app.overlays.form().is_none(), "saved");
}

fn edit_question(both: &Both, id: i64, flags: &[&str]) {
    let mut args = vec!["edit".to_string(), "question".into(), id.to_string()];
    args.extend(flags.iter().map(|f| f.to_string()));
    let output = both.casefile(&both.cli(), &args);
    assert!(output.status.success(), "{output:?}");
}

#[test]
fn an_answer_typed_into_an_open_or_asked_question_marks_it_answered_in_both() {
    let today = chrono::Local::now().date_naive().to_string();
    for status in ["open", "asked"] {
        let both = Both::new();
        let id = question_with(&both, status);
        change_in_the_tui(&both, id, &[("answer", "Not before surgery")]);
        edit_question(&both, id, &["--answer", "Not before surgery"]);
        for db in [both.tui(), both.cli()] {
            let changed = question(&both, &db, id);
            assert_eq!(changed["status"], "answered", "{status}: {}", db.display());
            assert_eq!(changed["answer"], "Not before surgery");
            assert_eq!(changed["answered_on"], today.as_str());
        }
    }
}

#[test]
fn a_status_chosen_with_the_answer_is_kept_in_both() {
    let both = Both::new();
    let id = question_with(&both, "open");
    let asked = question_with(&both, "asked");
    let answer = "Partly: she will say more after the scan";
    change_in_the_tui(&both, id, &[("status", "asked"), ("answer", answer)]);
    edit_question(&both, id, &["--status", "asked", "--answer", answer]);
    for db in [both.tui(), both.cli()] {
        let changed = question(&both, &db, id);
        assert_eq!(changed["status"], "asked", "{}", db.display());
        assert_eq!(changed["answer"], answer);
    }

    // A flag names its status even where it is the one the question has.
    edit_question(&both, asked, &["--status", "asked", "--answer", answer]);
    assert_eq!(question(&both, &both.cli(), asked)["status"], "asked");
}

#[test]
fn the_same_change_through_the_form_and_the_flags_stores_the_same_record() {
    for same in KINDS {
        let both = Both::new();
        let mut runtime = both.runtime();
        let flags = open_and_fill(&mut runtime, same, same.input);
        ctrl_s(&mut runtime);
        assert!(runtime.app.overlays.form().is_none(), "{} added", same.kind);
        let output = both.casefile(&both.cli(), &add(same, flags));
        assert!(output.status.success(), "{}: {output:?}", same.kind);
        let id: i64 = String::from_utf8_lossy(&output.stdout)
            .trim()
            .parse()
            .unwrap();

        // `e` on the record: its form, filled with what it holds. Both
        // files were the same, so the record has the same id in each.
        let kind = <casefile::domain::RecordKind as casefile::domain::Choice>::from_key(
            &same.kind.replace('-', "_"),
        )
        .unwrap();
        let record = casefile::domain::RecordRef { kind, id };
        let (key, flag, value) = same.change;
        let mut form = casefile::app::forms::edit(record, &runtime.app.case).unwrap();
        form.field_mut(key).unwrap().set_value(value);
        runtime.app.overlays.open_form(form);
        ctrl_s(&mut runtime);
        assert!(
            runtime.app.overlays.form().is_none(),
            "{} changed",
            same.kind
        );
        drop(runtime);

        let args: Vec<String> = ["edit", same.kind, &id.to_string(), flag, value]
            .iter()
            .map(|a| a.to_string())
            .collect();
        let output = both.casefile(&both.cli(), &args);
        assert!(output.status.success(), "casefile {args:?}: {output:?}");

        let through_the_form = both.listed(&both.tui(), same.list);
        let through_the_flags = both.listed(&both.cli(), same.list);
        assert_eq!(through_the_form, through_the_flags, "{}", same.kind);
    }
}
