//! The command line, run as a user would run it: every kind of record,
//! the exports, and every way a command can go wrong.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

mod common;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// A case file in a temporary folder, and the commands run on it.
struct Shell {
    dir: TempDir,
}

impl Shell {
    fn new() -> Self {
        Shell {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("case.db")
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `casefile --db <case> --as Tester ARGS`, away from the user's files.
    fn cmd(&self, args: &[&str]) -> Command {
        self.cmd_on(&self.db(), args)
    }

    fn cmd_on(&self, db: &Path, args: &[&str]) -> Command {
        let mut command = Command::cargo_bin("casefile").unwrap();
        command
            .current_dir(self.dir.path())
            .env_remove("CASEFILE_DB")
            .env("XDG_DATA_HOME", self.dir.path())
            .arg("--db")
            .arg(db)
            .args(["--as", "Tester"])
            .args(args);
        command
    }

    /// Runs a command that must succeed; returns its standard output.
    fn ok(&self, args: &[&str]) -> String {
        let output = self.cmd(args).output().unwrap();
        assert!(
            output.status.success(),
            "casefile {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    }

    /// Runs `add`, checks it printed the id alone, and returns the id.
    fn add(&self, args: &[&str]) -> i64 {
        let mut all = vec!["add"];
        all.extend_from_slice(args);
        let out = self.ok(&all);
        assert!(
            out.ends_with('\n') && out.trim().chars().all(|c| c.is_ascii_digit()),
            "{out:?}"
        );
        out.trim().parse().unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }

    /// Runs a command that must fail with `code`; returns its one-line message.
    fn fails(&self, args: &[&str], code: i32) -> String {
        self.fails_on(&self.db(), args, code)
    }

    fn fails_on(&self, db: &Path, args: &[&str], code: i32) -> String {
        let output = self.cmd_on(db, args).output().unwrap();
        assert_eq!(output.status.code(), Some(code), "casefile {args:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "one line on stderr: {stderr:?}");
        assert!(stderr.starts_with("casefile: "), "{stderr}");
        stderr
    }

    fn init(&self) {
        self.ok(&[
            "init",
            "--patient",
            "Ana Souza",
            "--question",
            "Which operation?",
            "--decide-by",
            "in 3 weeks",
        ]);
    }

    /// A small case with a doctor, an opinion, an item and a request.
    fn small_case(&self) -> (i64, i64, i64) {
        self.init();
        let doctor = self.add(&[
            "doctor",
            "--name",
            "Dr. Helen Park",
            "--specialty",
            "Breast surgery",
        ]);
        let opinion = self.add(&[
            "opinion",
            "--doctor",
            &doctor.to_string(),
            "--date",
            "2026-11-01",
            "--recommendation",
            "Mastectomy",
        ]);
        let item = self.add(&[
            "item",
            "--kind",
            "mri",
            "--description",
            "Breast MRI",
            "--facility",
            "Riverside Imaging",
            "--form",
            "disc",
        ]);
        (doctor, opinion, item)
    }
}

/// Runs `casefile --db <case> --as Tester ARGS` on a terminal of its own
/// (util-linux `script`), with `input` typed on it; returns what the
/// terminal showed. None where `script` is missing (a failure under CI).
fn on_a_terminal(shell: &Shell, args: &[&str], input: &str) -> Option<String> {
    use std::io::Write;
    let quote = |word: &str| format!("'{}'", word.replace('\'', "'\\''"));
    let mut words = vec![
        env!("CARGO_BIN_EXE_casefile").to_string(),
        "--db".into(),
        shell.db().display().to_string(),
        "--as".into(),
        "Tester".into(),
    ];
    words.extend(args.iter().map(|a| a.to_string()));
    let line: Vec<String> = words.iter().map(|w| quote(w)).collect();
    let spawned = std::process::Command::new("script")
        .args(["-qec", &line.join(" "), "/dev/null"])
        .env_remove("CASEFILE_DB")
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "80")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(_) if std::env::var_os("CI").is_none() => {
            eprintln!("skipped: util-linux script is not installed");
            return None;
        }
        Err(error) => panic!("script is needed under CI: {error}"),
    };
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input.as_bytes()).unwrap();
    // The answer is typed after the question is on the screen.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    Some(String::from_utf8_lossy(&output.stdout).replace('\r', ""))
}

fn find(records: &Value, id: i64) -> &Value {
    records
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("no record {id} in {records}"))
}

#[test]
fn every_kind_can_be_added_listed_shown_edited_and_deleted() {
    let shell = Shell::new();
    let (doctor, opinion, item) = shell.small_case();
    let d = doctor.to_string();
    let cases: Vec<(&str, i64, &str, &str, &str)> = vec![
        // kind, id, field to edit (flag), JSON key, new value
        ("doctor", doctor, "--contact", "contact", "555-0142"),
        ("opinion", opinion, "--urgency", "urgency", "Within 4 weeks"),
        ("item", item, "--facility", "facility", "Northside Imaging"),
        (
            "stance",
            shell.add(&[
                "stance",
                "--opinion",
                &opinion.to_string(),
                "--topic",
                "Treatment",
                "--stance",
                "Mastectomy",
            ]),
            "--detail",
            "detail",
            "Because of calcifications",
        ),
        (
            "topic",
            shell.add(&["topic", "--name", "Radiation needed"]),
            "--name",
            "name",
            "Radiation",
        ),
        (
            "question",
            shell.add(&["question", "--doctor", &d, "--text", "How soon?"]),
            "--answer",
            "answer",
            "Within a month",
        ),
        (
            "move",
            shell.add(&[
                "move",
                "--item",
                &item.to_string(),
                "--to",
                "Dr. Helen Park",
                "--method",
                "By hand",
            ]),
            "--tracking",
            "tracking",
            "TRK-1",
        ),
        (
            "recipient",
            shell.add(&["recipient", "--item", &item.to_string(), "--doctor", &d]),
            "--received",
            "received_on",
            "2026-11-02",
        ),
        (
            "request",
            shell.add(&[
                "request",
                "--to",
                "Records office",
                "--what",
                "Slides",
                "--requested-on",
                "2026-10-01",
            ]),
            "--status",
            "status",
            "received",
        ),
        (
            "deadline",
            shell.add(&[
                "deadline",
                "--title",
                "Consult",
                "--date",
                "tomorrow",
                "--kind",
                "appointment",
            ]),
            "--done",
            "done",
            "true",
        ),
        (
            "note",
            shell.add(&[
                "note",
                "--text",
                "Bring the disc",
                "--on",
                &format!("doctor:{doctor}"),
            ]),
            "--text",
            "body",
            "Bring both discs",
        ),
    ];
    let follow_up_request = shell.add(&["request", "--to", "Lab", "--what", "Blocks"]);
    let follow_up = shell.add(&[
        "follow-up",
        "--request",
        &follow_up_request.to_string(),
        "--said",
        "Called",
    ]);
    let mut cases = cases;
    cases.push(("follow-up", follow_up, "--by", "by", "Daniel"));

    // Dependents first, so that no delete takes a later record with it.
    for (kind, id, flag, key, value) in cases.into_iter().rev() {
        let listed = shell.json(&["list", kind, "--json"]);
        let record = find(&listed, id);
        assert_eq!(record["created_by"], "Tester", "{kind}");
        assert_eq!(record["version"], 1, "{kind}");

        shell.ok(&["edit", kind, &id.to_string(), flag, value]);
        let shown = shell.json(&["show", kind, &id.to_string(), "--json"]);
        let expected = match value {
            "true" => Value::Bool(true),
            _ => Value::String(value.into()),
        };
        assert_eq!(shown[key], expected, "{kind} {key}");
        assert_eq!(shown["version"], 2, "{kind}");
        let plain = shell.ok(&["show", kind, &id.to_string()]);
        assert!(plain.contains(&format!("id: {id}")), "{plain}");
        assert!(!shell.ok(&["list", kind]).is_empty());

        shell.ok(&["delete", kind, &id.to_string(), "--yes"]);
        let after = shell.json(&["list", kind, "--json"]);
        assert!(
            after.as_array().unwrap().iter().all(|r| r["id"] != id),
            "{kind} deleted"
        );
    }
}

#[test]
fn an_edit_leaves_the_fields_it_does_not_name() {
    let shell = Shell::new();
    let (doctor, _, _) = shell.small_case();
    shell.ok(&[
        "edit",
        "doctor",
        &doctor.to_string(),
        "--institution",
        "Riverside Medical Center",
    ]);
    let shown = shell.json(&["show", "doctor", &doctor.to_string(), "--json"]);
    assert_eq!(shown["name"], "Dr. Helen Park");
    assert_eq!(shown["specialty"], "Breast surgery");
    assert_eq!(shown["institution"], "Riverside Medical Center");
}

#[test]
fn requests_show_their_due_date_and_days_left() {
    let shell = Shell::new();
    shell.init();
    let late = shell.add(&[
        "request",
        "--to",
        "Records office",
        "--what",
        "Notes",
        "--requested-on",
        "-40d",
    ]);
    let fresh = shell.add(&[
        "request",
        "--to",
        "Lab",
        "--what",
        "Slides",
        "--requested-on",
        "today",
    ]);
    let requests = shell.json(&["list", "requests", "--json"]);
    assert_eq!(find(&requests, late)["days_left"], -10);
    assert_eq!(find(&requests, late)["overdue"], true);
    assert_eq!(find(&requests, fresh)["days_left"], 30);
    assert!(find(&requests, fresh)["due_by"].is_string());
}

#[test]
fn an_item_shows_who_holds_it_after_its_latest_move() {
    let shell = Shell::new();
    let (_, _, item) = shell.small_case();
    let shown = shell.json(&["show", "item", &item.to_string(), "--json"]);
    assert_eq!(shown["holder"], "Riverside Imaging");
    shell.add(&[
        "move",
        "--item",
        &item.to_string(),
        "--to",
        "Maria",
        "--date",
        "-3d",
    ]);
    shell.add(&[
        "move",
        "--item",
        &item.to_string(),
        "--to",
        "Dr. Okafor",
        "--date",
        "yesterday",
        "--direct",
        "no",
    ]);
    let shown = shell.json(&["show", "item", &item.to_string(), "--json"]);
    assert_eq!(shown["holder"], "Dr. Okafor");
    let moves = shell.json(&["list", "moves", "--json"]);
    assert_eq!(
        moves[1]["from"], "Maria",
        "a move starts from the holder by default"
    );
}

#[test]
fn conflicts_are_listed_with_topic_and_status() {
    let shell = Shell::new();
    let (first, opinion, _) = shell.small_case();
    let second = shell.add(&["doctor", "--name", "Dr. Okafor"]);
    let other = shell.add(&["opinion", "--doctor", &second.to_string()]);
    shell.add(&[
        "stance",
        "--opinion",
        &opinion.to_string(),
        "--topic",
        "Treatment",
        "--stance",
        "Mastectomy",
    ]);
    shell.add(&[
        "stance",
        "--opinion",
        &other.to_string(),
        "--topic",
        "treatment",
        "--stance",
        "Lumpectomy",
    ]);
    // `position`, the word casefile used before, still works.
    shell.add(&[
        "position",
        "--opinion",
        &opinion.to_string(),
        "--topic",
        "Stage",
        "--stance",
        "Stage IA",
    ]);
    shell.add(&[
        "position",
        "--opinion",
        &other.to_string(),
        "--topic",
        "Stage",
        "--stance",
        " stage ia. ",
    ]);
    let conflicts = shell.json(&["list", "conflicts", "--json"]);
    let conflicts = conflicts.as_array().unwrap();
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    assert_eq!(conflicts[0]["topic"], "Treatment");
    assert_eq!(conflicts[0]["status"], "open");
    assert!(shell.ok(&["list", "conflicts"]).contains("Treatment"));
    let _ = first;
}

#[test]
fn dates_are_read_in_every_documented_form() {
    let shell = Shell::new();
    shell.init();
    let today = chrono::Local::now().date_naive();
    for (typed, days) in [
        ("today", 0),
        ("tomorrow", 1),
        ("+10d", 10),
        ("in 2 weeks", 14),
        ("2026-12-01", -1),
    ] {
        let id = shell.add(&["deadline", "--title", typed, "--date", typed]);
        let shown = shell.json(&["show", "deadline", &id.to_string(), "--json"]);
        let expected = if days < 0 {
            "2026-12-01".to_string()
        } else {
            (today + chrono::Days::new(days as u64)).to_string()
        };
        assert_eq!(shown["due_on"], expected.as_str(), "{typed}");
    }
}

#[test]
fn usage_errors_exit_2_with_one_line() {
    let shell = Shell::new();
    shell.init();
    assert!(
        shell
            .fails(&["list", "wizards"], 2)
            .contains("invalid value 'wizards'")
    );
    assert!(
        shell
            .fails(&["add", "doctor", "--specialty", "Surgery"], 2)
            .contains("needs --name")
    );
    assert!(
        shell
            .fails(&["add", "doctor", "--nme", "x"], 2)
            .contains("--nme")
    );
    assert!(shell.fails(&["show", "doctor"], 2).contains("required"));
    assert!(
        shell
            .fails(&["delete", "conflicts", "1"], 2)
            .contains("cannot be deleted")
    );
    assert!(shell.fails(&["init"], 2).contains("--patient"));
}

#[test]
fn failures_exit_1_with_one_line_that_names_the_fix() {
    let shell = Shell::new();
    let (doctor, _, _) = shell.small_case();
    let d = doctor.to_string();
    let checks: Vec<(Vec<&str>, &str)> = vec![
        (vec!["show", "doctor", "99"], "no doctor with id 99"),
        (
            vec!["edit", "opinion", "99", "--urgency", "x"],
            "no opinion with id 99",
        ),
        (vec!["delete", "item", "99"], "no item with id 99"),
        (
            vec!["add", "opinion", "--doctor", "99"],
            "no doctor with id 99; `casefile list doctors`",
        ),
        (
            vec!["add", "opinion", "--doctor", &d, "--date", "next tuesday"],
            "type it as 2026-12-01",
        ),
        (
            vec!["add", "opinion", "--doctor", &d, "--form", "telepathy"],
            "visit, remote, records_review",
        ),
        (
            vec!["add", "opinion", "--doctor", &d, "--knew-prior", "maybe"],
            "not yes or no",
        ),
        (
            vec![
                "add",
                "stance",
                "--opinion",
                "1",
                "--topic",
                "Astrology",
                "--stance",
                "x",
            ],
            "no topic 'Astrology'",
        ),
        (
            vec!["add", "note", "--text", "x", "--on", "opinion"],
            "KIND:ID",
        ),
        (
            vec!["add", "note", "--text", "x", "--on", "item:42"],
            "no item with id 42",
        ),
        (
            vec![
                "add",
                "deadline",
                "--title",
                "x",
                "--date",
                "tomorrow",
                "--kind",
                "request_due",
            ],
            "add a request instead",
        ),
        (
            vec![
                "add",
                "request",
                "--to",
                "x",
                "--what",
                "y",
                "--local-limit",
                "400",
            ],
            "1 to 365",
        ),
        (
            vec!["init", "--patient", "Someone Else"],
            "already holds a case",
        ),
        (
            vec!["export", "packet", "--doctor", "42"],
            "no doctor with id 42",
        ),
    ];
    for (args, expected) in checks {
        let message = shell.fails(&args, 1);
        assert!(message.contains(expected), "{args:?}: {message}");
    }

    let empty = shell.path("empty.db");
    assert!(
        shell
            .fails_on(&empty, &["add", "doctor", "--name", "x"], 1)
            .contains("casefile init --patient")
    );
}

#[test]
fn a_file_from_a_newer_casefile_is_refused() {
    let shell = Shell::new();
    shell.init();
    let conn = rusqlite::Connection::open(shell.db()).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    assert!(
        shell
            .fails(&["list", "doctors"], 1)
            .contains("newer casefile")
    );
}

#[test]
fn export_then_import_gives_back_the_whole_case_and_the_same_bytes() {
    let shell = Shell::new();
    let demo = shell.path("demo.db");
    let mut store =
        casefile::store::Store::open(&demo, "Maria", casefile::domain::Clock::System).unwrap();
    casefile::demo::write_demo(&mut store).unwrap();
    // The demo's decision is still to be made: make it, so that the case
    // holds every kind of record.
    let option = store.snapshot().unwrap().options[1].id;
    store
        .add(&casefile::domain::DecisionDraft {
            option_id: option,
            decided_on: chrono::Local::now().date_naive(),
            reasons: "Keeps my breast".into(),
            look_again_if: "The margins are not clear".into(),
            look_again_on: None,
        })
        .unwrap();
    drop(store);
    let first = shell.cmd_on(&demo, &["export", "json"]).output().unwrap();
    assert!(first.status.success());

    let exported = shell.path("case.json");
    std::fs::write(&exported, &first.stdout).unwrap();
    let copy = shell.path("copy.db");
    shell
        .cmd_on(&copy, &["import", "json", exported.to_str().unwrap()])
        .assert()
        .success();
    let again = shell.path("again.json");
    shell
        .cmd_on(&copy, &["export", "json", "-o", again.to_str().unwrap()])
        .assert()
        .success();
    assert_eq!(
        std::fs::read(&again).unwrap(),
        first.stdout,
        "byte for byte"
    );
    assert_eq!(
        std::fs::metadata(&again).unwrap().permissions().mode() & 0o777,
        0o600
    );

    // The case read back is the case written: every record of every kind,
    // with its id, fields, stamp and version, every author and change.
    let open = |path: &Path| {
        casefile::store::Store::open(path, "Maria", casefile::domain::Clock::System)
            .unwrap()
            .whole_case()
            .unwrap()
    };
    let (before, after) = (open(&demo), open(&copy));
    for &kind in <casefile::domain::RecordKind as casefile::domain::Choice>::ALL {
        assert!(
            before.records.every_record().iter().any(|r| r.kind == kind),
            "the demo holds a {} to carry across",
            casefile::domain::Choice::label(kind)
        );
    }
    assert_eq!(after.records, before.records);
    assert_eq!(after.authors, before.authors);
    assert_eq!(after.history, before.history);

    let document: Value = serde_json::from_slice(&first.stdout).unwrap();
    assert_eq!(document["format"], "casefile-export");
    for &kind in <casefile::domain::RecordKind as casefile::domain::Choice>::ALL {
        let list = &document[kind.list()];
        assert!(
            list.is_object() || list.as_array().is_some_and(|records| !records.is_empty()),
            "the export holds the {}",
            kind.list()
        );
    }
    assert_eq!(document["version"], 1);
    assert!(!document["history"].as_array().unwrap().is_empty());
    assert_eq!(document["notes"].as_array().unwrap().len(), 6);

    // Importing again, into a file that now holds the case, is refused.
    let message = shell.fails_on(&copy, &["import", "json", exported.to_str().unwrap()], 1);
    assert!(message.contains("empty case file"), "{message}");
}

#[test]
fn a_bad_import_is_refused_and_nothing_is_written() {
    let shell = Shell::new();
    let write = |name: &str, text: &str| {
        let path = shell.path(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let good: Value = {
        let demo = shell.path("demo.db");
        let mut store =
            casefile::store::Store::open(&demo, "Maria", casefile::domain::Clock::System).unwrap();
        casefile::demo::write_demo(&mut store).unwrap();
        drop(store);
        serde_json::from_slice(
            &shell
                .cmd_on(&demo, &["export", "json"])
                .output()
                .unwrap()
                .stdout,
        )
        .unwrap()
    };
    let mut wrong_status = good.clone();
    wrong_status["questions"][2]["status"] = Value::String("pondering".into());
    let mut newer = good.clone();
    newer["version"] = Value::from(2);
    let mut dangling = good.clone();
    dangling["opinions"][0]["doctor_id"] = Value::from(999);
    let mut orphans = good.clone();
    orphans["case"] = Value::Null;
    let mut note_nowhere = good.clone();
    note_nowhere["notes"][0]["on"] = serde_json::json!({"kind": "opinion", "id": 999});
    let mut secret = good.clone();
    secret["doctors"][0]["id"] = Value::String("Private diagnosis text".into());

    let cases = [
        (
            write("broken.json", "{\"format\": \"casefile-export\","),
            "not valid JSON (line 1",
        ),
        (
            write("other.json", "{\"format\": \"recipes\", \"version\": 1}"),
            "not a casefile export",
        ),
        (write("newer.json", &newer.to_string()), "newer casefile"),
        (
            write("status.json", &wrong_status.to_string()),
            "at $.questions[2]: unknown variant `pondering`",
        ),
        (
            write("dangling.json", &dangling.to_string()),
            "nothing was written",
        ),
    ];
    for (file, expected) in cases {
        let target = shell.path("target.db");
        let message = shell.fails_on(&target, &["import", "json", file.to_str().unwrap()], 1);
        assert!(message.contains(expected), "{file:?}: {message}");
        let store =
            casefile::store::Store::open(&target, "Tester", casefile::domain::Clock::System)
                .unwrap();
        assert!(
            store.case().unwrap().is_none(),
            "nothing written for {file:?}"
        );
        assert!(store.history().unwrap().is_empty());
    }
}

#[test]
fn a_backup_is_a_checked_private_copy() {
    let shell = Shell::new();
    shell.small_case();
    let backup = shell.path("backup.db");
    let output = shell
        .cmd(&["backup", backup.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("passed its integrity check"));
    assert_eq!(
        std::fs::metadata(&backup).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let doctors = shell
        .cmd_on(&backup, &["list", "doctors", "--json"])
        .output()
        .unwrap();
    let doctors: Value = serde_json::from_slice(&doctors.stdout).unwrap();
    assert_eq!(doctors[0]["name"], "Dr. Helen Park");
    assert!(
        shell
            .fails(&["backup", backup.to_str().unwrap()], 1)
            .contains("already exists")
    );
}

/// Every earlier doctor's conclusion, as it would be written in `format`.
fn earlier_conclusions(case: &casefile::domain::CaseSnapshot, doctor_id: i64) -> Vec<String> {
    let mut texts = Vec::new();
    for opinion in case.opinions.iter().filter(|o| o.doctor_id != doctor_id) {
        texts.extend([
            opinion.diagnosis.clone(),
            opinion.recommendation.clone(),
            opinion.urgency.clone(),
        ]);
        for position in case.stances.iter().filter(|p| p.opinion_id == opinion.id) {
            texts.extend([position.stance.clone(), position.detail.clone()]);
        }
    }
    // The patient's own question may name the options; it is not a
    // doctor's conclusion.
    let question = case
        .case
        .as_ref()
        .map(|c| c.question.clone())
        .unwrap_or_default();
    texts.retain(|text| text.trim().len() > 3 && !question.contains(text.as_str()));
    texts
}

#[test]
fn a_blind_packet_leaves_out_every_earlier_conclusion() {
    let shell = Shell::new();
    let mut store =
        casefile::store::Store::open(&shell.db(), "Maria", casefile::domain::Clock::System)
            .unwrap();
    casefile::demo::write_demo(&mut store).unwrap();
    let case = store.snapshot().unwrap();
    drop(store);
    let brooks = case
        .doctors
        .iter()
        .find(|d| d.name.contains("Brooks"))
        .unwrap()
        .id;
    let conclusions = earlier_conclusions(&case, brooks);
    assert!(conclusions.len() > 10);

    for (format, escape) in [
        (
            "html",
            casefile::export::document::html as fn(&str) -> String,
        ),
        ("md", casefile::export::document::md as fn(&str) -> String),
    ] {
        let id = brooks.to_string();
        let open = shell.ok(&["export", "packet", "--doctor", &id, "--format", format]);
        let blind = shell.ok(&[
            "export", "packet", "--doctor", &id, "--format", format, "--blind",
        ]);
        let shown_open = conclusions
            .iter()
            .filter(|text| open.contains(&escape(text)))
            .count();
        assert_eq!(
            shown_open,
            conclusions.len(),
            "the open {format} packet carries them all"
        );
        for text in &conclusions {
            assert!(
                !blind.contains(&escape(text)),
                "{format} blind packet shows {text:?}"
            );
        }
        // The facts, items and questions are still there.
        assert!(blind.contains("Maria Alvarez"));
        assert!(blind.contains(&escape("What are the side effects of radiation")));
        assert!(blind.contains(&escape("How long can I safely take to decide?")));
        assert!(blind.contains("Decision deadline"));
    }
}

#[test]
fn markup_in_a_question_comes_out_escaped() {
    let shell = Shell::new();
    let (doctor, _, _) = shell.small_case();
    let d = doctor.to_string();
    shell.add(&[
        "question",
        "--doctor",
        &d,
        "--text",
        "<script>alert('x')</script> & <b>bold</b>?",
    ]);
    for args in [
        vec!["export", "packet", "--doctor", &d, "--format", "html"],
        vec!["export", "questions", "--doctor", &d, "--format", "html"],
    ] {
        let page = shell.ok(&args);
        assert!(!page.contains("<script"), "{args:?}");
        assert!(!page.contains("<b>bold"), "{args:?}");
        assert!(page.contains(
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;?"
        ));
        assert!(page.contains("@media print"));
    }
    let markdown = shell.ok(&["export", "questions", "--doctor", &d, "--format", "md"]);
    assert!(markdown.contains("\\<script\\>"), "{markdown}");
    assert!(markdown.contains("Answer:"));
}

#[test]
fn questions_not_answered_at_one_visit_are_carried_to_the_next_sheet() {
    let shell = Shell::new();
    let (doctor, _, _) = shell.small_case();
    let d = doctor.to_string();
    shell.add(&[
        "question",
        "--doctor",
        &d,
        "--text",
        "Asked, never answered",
        "--status",
        "asked",
    ]);
    shell.add(&[
        "question",
        "--doctor",
        &d,
        "--text",
        "Answered already",
        "--answer",
        "Yes",
    ]);
    shell.add(&[
        "question",
        "--doctor",
        "any",
        "--text",
        "For whoever we see next",
    ]);
    let sheet = shell.ok(&["export", "questions", "--doctor", &d, "--format", "md"]);
    assert!(sheet.contains("Asked, never answered"));
    assert!(sheet.contains("carried forward"));
    assert!(sheet.contains("For whoever we see next"));
    assert!(!sheet.contains("Answered already"));
}

#[test]
fn completions_and_the_man_page_come_from_the_same_definitions() {
    let shell = Shell::new();
    for shell_name in ["bash", "zsh", "fish"] {
        let script = shell.ok(&["completions", shell_name]);
        assert!(script.contains("casefile"), "{shell_name}");
        assert!(script.contains("packet"), "{shell_name}");
    }
    let man = shell.ok(&["man"]);
    assert!(man.contains(".TH casefile"));
    assert!(man.contains("backup"));
}

#[test]
fn nothing_is_ever_written_over_an_existing_file() {
    let shell = Shell::new();
    shell.small_case();
    let db = shell.db().to_str().unwrap().to_string();
    let message = shell.fails(&["export", "json", "-o", &db], 1);
    assert!(message.contains("already exists"), "{message}");
    assert!(
        shell.ok(&["list", "doctors"]).contains("Dr. Helen Park"),
        "the case file is intact"
    );
    let packet = shell.path("packet.html");
    shell.ok(&[
        "export",
        "packet",
        "--doctor",
        "1",
        "-o",
        packet.to_str().unwrap(),
    ]);
    let message = shell.fails(
        &[
            "export",
            "questions",
            "--doctor",
            "1",
            "-o",
            packet.to_str().unwrap(),
        ],
        1,
    );
    assert!(message.contains("choose a new name"), "{message}");
}

#[test]
fn a_mistyped_case_file_is_not_created_by_commands_that_read() {
    let shell = Shell::new();
    let typo = shell.path("typo.db");
    for args in [
        vec!["list", "doctors"],
        vec!["export", "json"],
        vec!["add", "doctor", "--name", "x"],
        vec!["backup", "somewhere.db"],
    ] {
        let message = shell.fails_on(&typo, &args, 1);
        assert!(
            message.contains("there is no case file at"),
            "{args:?}: {message}"
        );
        assert!(!typo.exists(), "{args:?} created the file");
    }
    assert!(!shell.path("somewhere.db").exists());
}

#[test]
fn an_edit_keeps_required_fields_and_needs_a_change() {
    let shell = Shell::new();
    let (doctor, _, _) = shell.small_case();
    let id = doctor.to_string();
    let message = shell.fails(&["edit", "doctor", &id, "--name", "  "], 1);
    assert!(message.contains("--name"), "{message}");
    assert!(
        shell
            .fails(&["edit", "doctor", &id], 2)
            .contains("nothing to change")
    );
    assert!(
        shell
            .fails(&["edit", "doctor", &id, "--name", "Dr. Helen Park"], 2)
            .contains("nothing to change")
    );
    let shown = shell.json(&["show", "doctor", &id, "--json"]);
    assert_eq!(shown["name"], "Dr. Helen Park");
    assert_eq!(shown["version"], 1, "nothing was saved");
    shell.ok(&[
        "edit",
        "doctor",
        &id,
        "--specialty",
        "  Surgical oncology  ",
    ]);
    assert_eq!(
        shell.json(&["show", "doctor", &id, "--json"])["specialty"],
        "Surgical oncology"
    );
}

#[test]
fn a_missing_conflict_is_named_plainly() {
    let shell = Shell::new();
    shell.small_case();
    let message = shell.fails(&["show", "conflicts", "99"], 1);
    assert!(message.contains("no conflict on topic 99"), "{message}");
}

#[test]
fn each_command_has_its_own_manual_page() {
    let shell = Shell::new();
    let page = shell.ok(&["man", "add", "doctor"]);
    assert!(page.contains(".TH casefile-add-doctor"));
    assert!(page.contains("trained\\-at"));
    assert!(shell.ok(&["man", "export", "packet"]).contains("blind"));
    assert!(shell.fails(&["man", "wizard"], 2).contains("no command"));
}

#[test]
fn a_follow_up_packet_carries_the_doctors_own_earlier_opinion() {
    let shell = Shell::new();
    let (doctor, _, _) = shell.small_case();
    let packet = shell.ok(&[
        "export",
        "packet",
        "--doctor",
        &doctor.to_string(),
        "--format",
        "md",
    ]);
    assert!(packet.contains("Your earlier opinion"), "{packet}");
    assert!(packet.contains("Mastectomy"));
}

#[test]
fn check_and_a_file_that_is_not_a_database() {
    let shell = Shell::new();
    shell.small_case();
    assert!(shell.ok(&["check"]).contains("sound"));
    let junk = shell.path("junk.db");
    std::fs::write(
        &junk,
        b"this is not a database, just some notes\n".repeat(200),
    )
    .unwrap();
    let before = std::fs::read(&junk).unwrap();
    let message = shell.fails_on(&junk, &["list", "doctors"], 1);
    assert!(message.contains("not a case"), "{message}");
    assert_eq!(
        std::fs::read(&junk).unwrap(),
        before,
        "the file is left as it was"
    );
    assert!(!shell.path("junk.db-wal").exists());
}

#[test]
fn an_import_that_is_not_utf8_is_refused_clearly() {
    let shell = Shell::new();
    let file = shell.path("latin1.json");
    std::fs::write(
        &file,
        b"{\"format\": \"casefile-export\", \"name\": \"Jos\xe9\"}",
    )
    .unwrap();
    let target = shell.path("target.db");
    let message = shell.fails_on(&target, &["import", "json", file.to_str().unwrap()], 1);
    assert!(message.contains("not UTF-8 text (at byte 42)"), "{message}");
    assert!(!target.exists());
}

#[test]
fn writes_killed_at_random_moments_leave_a_sound_file_with_every_reported_write() {
    use std::process::{Command as Process, Stdio};
    use std::time::Duration;
    let shell = Shell::new();
    shell.init();
    let binary = assert_cmd::cargo::cargo_bin("casefile");
    let mut reported: Vec<i64> = Vec::new();
    // A simple, repeatable scatter of moments, from at once to late.
    let mut moment: u64 = 7;
    for round in 0..40 {
        moment = (moment * 37 + 11) % 23;
        let mut child = Process::new(&binary)
            .env_remove("CASEFILE_DB")
            .env("XDG_DATA_HOME", shell.dir.path())
            .args([
                "--db",
                shell.db().to_str().unwrap(),
                "--as",
                "Tester",
                "add",
                "note",
            ])
            .args(["--text", &format!("note {round}")])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(moment));
        let _ = child.kill(); // SIGKILL, wherever it is
        let output = child.wait_with_output().unwrap();
        let printed = String::from_utf8_lossy(&output.stdout);
        if let Ok(id) = printed.trim().parse::<i64>() {
            reported.push(id);
        }
    }
    println!(
        "{} of 40 killed writes had reported their save",
        reported.len()
    );
    let store =
        casefile::store::Store::open(&shell.db(), "Checker", casefile::domain::Clock::System)
            .unwrap();
    assert!(
        store.check().unwrap().is_empty(),
        "integrity and links hold"
    );
    let notes = store.all::<casefile::domain::NoteDraft>().unwrap();
    for id in &reported {
        assert!(
            notes.iter().any(|n| n.id == *id),
            "note {id} was reported saved, and is there"
        );
    }
    let history = store.history().unwrap();
    for note in &notes {
        assert!(
            history
                .iter()
                .any(|c| c.record.id == note.id
                    && c.record.kind == casefile::domain::RecordKind::Note),
            "every note in the file has its history entry: nothing is half-saved"
        );
    }
}

#[test]
fn a_damaged_case_file_is_reported_plainly() {
    let shell = Shell::new();
    let mut store =
        casefile::store::Store::open(&shell.db(), "Maria", casefile::domain::Clock::System)
            .unwrap();
    casefile::demo::write_demo(&mut store).unwrap();
    drop(store);
    {
        use std::io::{Seek, SeekFrom, Write};
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .open(shell.db())
            .unwrap();
        file.seek(SeekFrom::Start(4096 * 5)).unwrap();
        file.write_all(&[0xff; 4096 * 3]).unwrap();
    }
    for args in [vec!["list", "doctors"], vec!["check"]] {
        let message = shell.fails(&args, 1);
        assert!(
            message.contains("the case file is damaged"),
            "{args:?}: {message}"
        );
        assert!(message.contains("open your latest backup"));
    }
}

#[test]
fn the_tui_on_a_mistyped_path_creates_nothing() {
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("typo.db");
    let output = Command::cargo_bin("casefile")
        .expect("the binary")
        .args(["--db"])
        .arg(&path)
        .args(["--as", "Ana"])
        .write_stdin("")
        .output()
        .expect("runs");
    assert!(!output.status.success(), "no terminal here");
    assert!(!path.exists(), "nothing was created at {}", path.display());
}

#[test]
fn a_reader_that_stops_early_ends_the_command_quietly() {
    use std::io::Read;
    let shell = Shell::new();
    shell.init();
    let mut store =
        casefile::store::Store::open(&shell.db(), "Maria", casefile::domain::Clock::System)
            .unwrap();
    let notes: Vec<casefile::domain::NoteDraft> = (0..2000)
        .map(|n| casefile::domain::NoteDraft {
            on: None,
            body: format!("Note {n}: called the records office again, still in the queue"),
        })
        .collect();
    store.add_all(&notes).unwrap();
    drop(store);
    // As `casefile list notes --json | head -c 100`: the reader takes a
    // little and goes, long before the list is written.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_casefile"))
        .env_remove("CASEFILE_DB")
        .arg("--db")
        .arg(shell.db())
        .args(["--as", "Tester", "list", "notes", "--json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut start = [0u8; 100];
    stdout.read_exact(&mut start).unwrap();
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr, "", "nothing is said about the closed pipe");
    assert!(output.status.success(), "{:?}", output.status);
}

#[test]
fn the_manual_is_a_page_on_a_terminal_and_roff_into_a_pipe() {
    let shell = Shell::new();
    shell.init();
    let piped = shell.ok(&["man"]);
    assert!(
        piped.starts_with(".ie") || piped.contains(".TH casefile"),
        "{piped}"
    );
    let Some(shown) = on_a_terminal(&shell, &["man"], "") else {
        return;
    };
    assert!(!shown.contains(".TH"), "no roff on a terminal: {shown}");
    assert!(!shown.contains("\\fB"), "{shown}");
    assert!(shown.contains("General Commands Manual"), "{shown}");
}

/// Runs a command that must succeed; returns its standard output and error.
fn ok_said(shell: &Shell, args: &[&str]) -> (String, String) {
    let output = shell.cmd(args).output().unwrap();
    assert!(
        output.status.success(),
        "casefile {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// Dr. Park with an opinion, a stance, a note, a deadline, an item sent to
/// her, and three questions: answered, asked, and never asked.
fn park_with_questions(shell: &Shell) -> i64 {
    let (doctor, opinion, item) = shell.small_case();
    let d = doctor.to_string();
    shell.add(&[
        "stance",
        "--opinion",
        &opinion.to_string(),
        "--topic",
        "Treatment",
        "--stance",
        "Mastectomy",
    ]);
    shell.add(&[
        "note",
        "--text",
        "Kind but brisk",
        "--on",
        &format!("doctor:{d}"),
    ]);
    shell.add(&[
        "deadline",
        "--title",
        "Visit",
        "--date",
        "tomorrow",
        "--kind",
        "appointment",
        "--doctor",
        &d,
    ]);
    shell.add(&["recipient", "--item", &item.to_string(), "--doctor", &d]);
    shell.add(&[
        "question",
        "--doctor",
        &d,
        "--text",
        "Why mastectomy?",
        "--answer",
        "The calcifications",
    ]);
    shell.add(&[
        "question",
        "--doctor",
        &d,
        "--text",
        "Reconstruction at once?",
        "--status",
        "asked",
    ]);
    shell.add(&["question", "--doctor", &d, "--text", "Never asked yet"]);
    doctor
}

#[test]
fn deleting_a_doctor_asks_first_says_what_went_and_keeps_her_name_on_her_questions() {
    let shell = Shell::new();
    let doctor = park_with_questions(&shell).to_string();

    // No terminal to ask on, no --yes: refused, and nothing goes.
    let refused = shell.fails(&["delete", "doctor", &doctor], 2);
    assert!(refused.contains("nothing was deleted"), "{refused}");
    assert!(refused.contains("add --yes"), "{refused}");
    assert!(refused.contains("\"Dr. Helen Park\""), "{refused}");
    assert!(shell.ok(&["list", "doctors"]).contains("Dr. Helen Park"));

    let (out, said) = ok_said(&shell, &["delete", "doctor", &doctor, "--yes"]);
    assert_eq!(out, "");
    assert_eq!(
        said.lines().collect::<Vec<_>>(),
        [
            "Deleted doctor 1 \"Dr. Helen Park\".",
            "Removed with it: 1 opinion, 1 item sent to a doctor, 1 note, 1 stance.",
            "Kept, without the link: 1 deadline.",
            "1 question never asked of that doctor is for any doctor now, on the next doctor's packet.",
            "Kept, still for Dr. Helen Park (no longer in the case): 2 questions asked of or \
             answered by that doctor (\"Why mastectomy?\", \"Reconstruction at once?\").",
        ]
    );

    let questions = shell.json(&["list", "questions", "--json"]);
    let by_text = |text: &str| {
        questions
            .as_array()
            .unwrap()
            .iter()
            .find(|q| q["text"] == text)
            .unwrap()
            .clone()
    };
    let answered = by_text("Why mastectomy?");
    assert_eq!(answered["doctor_id"], Value::Null);
    assert_eq!(answered["former_doctor"], "Dr. Helen Park");
    assert_eq!(answered["for"], "Dr. Helen Park (no longer in the case)");
    assert_eq!(answered["answer"], "The calcifications");
    assert_eq!(
        by_text("Reconstruction at once?")["former_doctor"],
        "Dr. Helen Park"
    );
    let never = by_text("Never asked yet");
    assert_eq!(never["former_doctor"], "");
    assert_eq!(never["for"], "any doctor");
    assert!(
        shell
            .ok(&["list", "questions"])
            .contains("Dr. Helen Park (no longer in the case)")
    );

    // Her asked question is not handed to the next doctor as anyone's.
    let next = shell
        .add(&["doctor", "--name", "Dr. Samuel Okafor"])
        .to_string();
    let packet = shell.ok(&["export", "packet", "--doctor", &next, "--format", "md"]);
    assert!(packet.contains("Never asked yet"), "{packet}");
    assert!(!packet.contains("Reconstruction at once?"), "{packet}");
}

#[test]
fn on_a_terminal_a_delete_asks_and_no_keeps_everything() {
    let shell = Shell::new();
    let doctor = park_with_questions(&shell).to_string();
    let Some(shown) = on_a_terminal(&shell, &["delete", "doctor", &doctor], "n\n") else {
        return;
    };
    assert!(
        shown.contains("This deletes doctor 1 \"Dr. Helen Park\"."),
        "{shown}"
    );
    assert!(shown.contains("With it go: 1 opinion"), "{shown}");
    assert!(shown.contains("Delete it? [y/N]"), "{shown}");
    assert!(shown.contains("Nothing was deleted."), "{shown}");
    assert!(shell.ok(&["list", "doctors"]).contains("Dr. Helen Park"));

    let shown = on_a_terminal(&shell, &["delete", "doctor", &doctor], "y\n").unwrap();
    assert!(
        shown.contains("Deleted doctor 1 \"Dr. Helen Park\"."),
        "{shown}"
    );
    assert!(!shell.ok(&["list", "doctors"]).contains("Dr. Helen Park"));
}

#[test]
fn every_write_says_what_it_did_and_add_keeps_the_id_alone_on_stdout() {
    let shell = Shell::new();
    let (doctor, _, item) = shell.small_case();
    let (out, said) = ok_said(&shell, &["add", "doctor", "--name", "Dr. Lena Brooks"]);
    assert_eq!(out, "2\n", "the id alone, for scripts");
    assert_eq!(said, "Added doctor 2 \"Dr. Lena Brooks\".\n");
    let (_, said) = ok_said(
        &shell,
        &[
            "add",
            "recipient",
            "--item",
            &item.to_string(),
            "--doctor",
            "2",
        ],
    );
    assert!(
        said.starts_with("Added recipient 1 \"") && said.ends_with("\" for Dr. Lena Brooks.\n"),
        "{said}"
    );
    let (out, said) = ok_said(
        &shell,
        &[
            "edit",
            "doctor",
            &doctor.to_string(),
            "--contact",
            "555-0142",
            "--network",
            "PPO",
        ],
    );
    assert_eq!(out, "");
    assert_eq!(
        said,
        "Changed doctor 1 \"Dr. Helen Park\": contact, network.\n"
    );
    for (args, what) in [
        (vec!["export", "json"], "the whole case"),
        (vec!["export", "ics"], "the calendar of open deadlines"),
        (
            vec!["export", "packet", "--doctor", "1"],
            "the appointment packet for Dr. Helen Park",
        ),
        (
            vec!["export", "packet", "--doctor", "1", "--blind"],
            "the blind appointment packet for Dr. Helen Park",
        ),
        (
            vec!["export", "questions", "--doctor", "1"],
            "the sheet of questions for Dr. Helen Park",
        ),
    ] {
        let name = format!("{}.out", args.join("-"));
        let mut all = args.clone();
        all.extend(["-o", &name]);
        let (out, said) = ok_said(&shell, &all);
        assert_eq!(out, "", "{args:?}");
        let whole = shell.path(&name);
        assert!(whole.is_absolute() && whole.exists());
        assert_eq!(
            said,
            format!("Wrote {what} to {}.\n", whole.display()),
            "{args:?}"
        );
    }
}

#[test]
fn edit_case_changes_the_patient_the_question_and_the_decision_date() {
    let shell = Shell::new();
    shell.init();
    let (_, said) = ok_said(
        &shell,
        &[
            "edit",
            "case",
            "--patient",
            "Ana M. Souza",
            "--question",
            "Lumpectomy or mastectomy?",
            "--decide-by",
            "2027-01-15",
        ],
    );
    assert_eq!(
        said,
        "Changed case 1 \"Ana M. Souza\": patient, question, decide by.\n"
    );
    let whole = shell.json(&["export", "json"]);
    assert_eq!(whole["case"]["patient"], "Ana M. Souza");
    assert_eq!(whole["case"]["question"], "Lumpectomy or mastectomy?");
    assert_eq!(whole["case"]["decide_by"], "2027-01-15");
    ok_said(&shell, &["edit", "case", "--decide-by", "none"]);
    assert_eq!(
        shell.json(&["export", "json"])["case"]["decide_by"],
        Value::Null
    );
    assert!(
        shell
            .fails(&["edit", "case", "--patient", " "], 1)
            .contains("--patient")
    );
}

/// The demo in the shell's case file, with `r` pressed on every row of
/// the Conflicts grid where the doctors disagree, as a user would.
fn demo_with_questions_raised(shell: &Shell) -> casefile::domain::CaseSnapshot {
    use casefile::app::{Runtime, events};
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let mut store = casefile::store::Store::open(&shell.db(), "Maria", common::clock()).unwrap();
    casefile::demo::write_demo(&mut store).unwrap();
    let before = store.snapshot().unwrap().questions.len();
    let mut runtime = Runtime::new(store, shell.path("demo.db"));
    let press = |runtime: &mut Runtime, c: char| {
        let event = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        if let Some(action) = events::translate(&runtime.app, &event) {
            runtime.dispatch(action);
        }
    };
    let rows = runtime.app.case.grid().rows.len();
    for row in 0..rows {
        // r shows the questions it added: back to the grid each time.
        press(&mut runtime, '3');
        press(&mut runtime, 'g');
        for _ in 0..row {
            press(&mut runtime, 'j');
        }
        press(&mut runtime, 'r');
    }
    drop(runtime);
    let mut store = casefile::store::Store::open(&shell.db(), "Maria", common::clock()).unwrap();
    let case = store.snapshot().unwrap();
    let raised: Vec<_> = case
        .questions
        .iter()
        .filter(|q| !q.blind_text.is_empty())
        .collect();
    assert!(raised.len() >= 3, "r raised questions");
    assert_eq!(case.questions.len() - before, raised.len());
    assert!(
        raised
            .iter()
            .any(|q| q.text.contains("Dr. Helen Park says")),
        "the question itself names the other views"
    );
    case
}

#[test]
fn a_blind_packet_after_r_holds_no_other_doctors_view_anywhere() {
    let shell = Shell::new();
    let case = demo_with_questions_raised(&shell);
    for doctor in &case.doctors {
        let conclusions = earlier_conclusions(&case, doctor.id);
        let others: Vec<&str> = case
            .doctors
            .iter()
            .filter(|d| d.id != doctor.id)
            .map(|d| d.name.as_str())
            .collect();
        let id = doctor.id.to_string();
        for (format, escape) in [
            (
                "html",
                casefile::export::document::html as fn(&str) -> String,
            ),
            ("md", casefile::export::document::md as fn(&str) -> String),
        ] {
            let blind = shell.ok(&[
                "export", "packet", "--doctor", &id, "--format", format, "--blind",
            ]);
            for text in &conclusions {
                assert!(
                    !blind.contains(&escape(text)),
                    "{format} blind packet for {} shows {text:?}",
                    doctor.name
                );
            }
            let questions = &blind[blind.find("Questions for you").unwrap()..];
            for name in &others {
                assert!(
                    !questions.contains(&escape(name)),
                    "{format} blind packet for {} names {name} in a question",
                    doctor.name
                );
            }
            let open = shell.ok(&["export", "packet", "--doctor", &id, "--format", format]);
            if case
                .questions
                .iter()
                .any(|q| q.doctor_id == Some(doctor.id) && !q.blind_text.is_empty())
            {
                assert!(
                    blind.contains("do not all agree"),
                    "{format} blind packet for {} asks neutrally",
                    doctor.name
                );
                assert!(
                    open.contains("says"),
                    "the open packet keeps the question as written"
                );
            }
        }
    }
}

#[test]
fn a_typed_question_that_gives_a_view_away_is_left_out_of_the_blind_packet_with_a_warning() {
    let shell = Shell::new();
    let case = demo_with_questions_raised(&shell);
    let okafor = case
        .doctors
        .iter()
        .find(|d| d.name.contains("Okafor"))
        .unwrap()
        .id
        .to_string();
    let typed = shell.add(&[
        "question",
        "--doctor",
        &okafor,
        "--text",
        "Dr. Park wants a mastectomy: do you agree?",
    ]);
    let kept = shell.add(&[
        "question",
        "--doctor",
        &okafor,
        "--text",
        "Yes or no: can I wait until after the holidays?",
    ]);
    let (blind, warned) = ok_said(
        &shell,
        &[
            "export", "packet", "--doctor", &okafor, "--blind", "--format", "md",
        ],
    );
    assert!(!blind.contains("wants a mastectomy"), "{blind}");
    assert!(
        blind.contains("One question is left out of this packet"),
        "{blind}"
    );
    assert!(
        blind.contains("can I wait until after the holidays?"),
        "a plain yes is no alarm"
    );
    assert_eq!(
        warned,
        format!(
            "Left out of the blind packet: question {typed} \"Dr. Park wants a mastectomy: do you agree?\": \
             it names Dr. Helen Park; it quotes Dr. Helen Park's stance on Treatment, \"Mastectomy\". \
             Reword it (casefile edit question {typed} --text ...) to have it in.\n"
        )
    );
    let open = shell.ok(&["export", "packet", "--doctor", &okafor, "--format", "md"]);
    assert!(
        open.contains("Dr. Park wants a mastectomy"),
        "the open packet has it"
    );
    let _ = kept;

    // Reworded, it is in the packet again.
    shell.ok(&[
        "edit",
        "question",
        &typed.to_string(),
        "--text",
        "Would you advise a mastectomy in my place?",
    ]);
    let (_, warned) = ok_said(
        &shell,
        &[
            "export", "packet", "--doctor", &okafor, "--blind", "--format", "md",
        ],
    );
    assert!(
        warned.contains("quotes Dr. Helen Park's stance"),
        "{warned}"
    );
    shell.ok(&[
        "edit",
        "question",
        &typed.to_string(),
        "--text",
        "What would make you change your advice?",
    ]);
    let (blind, warned) = ok_said(
        &shell,
        &[
            "export", "packet", "--doctor", &okafor, "--blind", "--format", "md",
        ],
    );
    assert_eq!(warned, "");
    assert!(blind.contains("What would make you change your advice?"));
}

#[test]
fn changing_the_text_of_a_raised_question_drops_its_blind_wording() {
    let shell = Shell::new();
    let case = demo_with_questions_raised(&shell);
    let raised = case
        .questions
        .iter()
        .find(|q| !q.blind_text.is_empty())
        .unwrap();
    let id = raised.id.to_string();
    shell.ok(&["edit", "question", &id, "--status", "asked"]);
    assert_eq!(
        shell.json(&["show", "question", &id, "--json"])["blind_text"],
        raised.blind_text.as_str(),
        "the text is the same: the neutral wording stays"
    );
    shell.ok(&["edit", "question", &id, "--text", "Why not wait?"]);
    assert_eq!(
        shell.json(&["show", "question", &id, "--json"])["blind_text"],
        ""
    );
}

#[test]
fn a_question_s_blind_wording_and_former_doctor_go_through_export_and_import() {
    let shell = Shell::new();
    demo_with_questions_raised(&shell);
    shell.ok(&["delete", "doctor", "1", "--yes"]);
    let first = shell.ok(&["export", "json"]);
    let document: Value = serde_json::from_str(&first).unwrap();
    let questions = document["questions"].as_array().unwrap();
    assert!(
        questions
            .iter()
            .any(|q| q["former_doctor"] == "Dr. Helen Park")
    );
    assert!(questions.iter().any(|q| q["blind_text"] != ""));

    let exported = shell.path("case.json");
    std::fs::write(&exported, &first).unwrap();
    let copy = shell.path("copy.db");
    shell
        .cmd_on(&copy, &["import", "json", exported.to_str().unwrap()])
        .assert()
        .success();
    let again = shell.cmd_on(&copy, &["export", "json"]).output().unwrap();
    assert_eq!(
        String::from_utf8(again.stdout).unwrap(),
        first,
        "byte for byte"
    );

    // An export written before casefile kept them still imports.
    let mut older = document.clone();
    for question in older["questions"].as_array_mut().unwrap() {
        let question = question.as_object_mut().unwrap();
        question.remove("blind_text");
        question.remove("former_doctor");
    }
    let older_file = shell.path("older.json");
    std::fs::write(&older_file, serde_json::to_string_pretty(&older).unwrap()).unwrap();
    let older_copy = shell.path("older.db");
    shell
        .cmd_on(
            &older_copy,
            &["import", "json", older_file.to_str().unwrap()],
        )
        .assert()
        .success();
    let read = shell
        .cmd_on(&older_copy, &["list", "questions", "--json"])
        .output()
        .unwrap();
    let read: Value = serde_json::from_slice(&read.stdout).unwrap();
    assert!(
        read.as_array()
            .unwrap()
            .iter()
            .all(|q| q["former_doctor"] == "")
    );
}

#[test]
fn a_packet_lists_the_doctors_items_then_every_other_item_in_the_case() {
    let shell = Shell::new();
    let mut store = casefile::store::Store::open(&shell.db(), "Maria", common::clock()).unwrap();
    casefile::demo::write_demo(&mut store).unwrap();
    let case = store.snapshot().unwrap();
    drop(store);
    assert!(case.items.len() >= 3);
    for doctor in &case.doctors {
        let theirs: Vec<i64> = case
            .item_recipients
            .iter()
            .filter(|r| r.doctor_id == doctor.id)
            .map(|r| r.item_id)
            .collect();
        for blind in [false, true] {
            let mut args = vec!["export", "packet", "--format", "md"];
            let id = doctor.id.to_string();
            args.extend(["--doctor", &id]);
            if blind {
                args.push("--blind");
            }
            let packet = shell.ok(&args);
            let start = packet.find("## Imaging and slides for you").unwrap();
            let (mine, others) = match packet.find("## Other imaging and slides in the case") {
                Some(at) => (&packet[start..at], &packet[at..]),
                None => (&packet[start..], ""),
            };
            let others = &others[..others.find("\n## Earlier").unwrap_or(others.len())];
            for item in &case.items {
                let shown = casefile::export::document::md(&item.description);
                if theirs.contains(&item.id) {
                    assert!(
                        mine.contains(&shown),
                        "{}: {}",
                        doctor.name,
                        item.description
                    );
                    assert!(
                        !others.contains(&shown),
                        "{}: {}",
                        doctor.name,
                        item.description
                    );
                } else {
                    assert!(
                        others.contains(&shown),
                        "{} can ask for {}: {packet}",
                        doctor.name,
                        item.description
                    );
                    assert!(others.contains("Ask the patient for any you would like to see"));
                }
            }
        }
    }
}

/// What the TUI's form for a new `kind` saves, with `values` typed into
/// the fields of those keys.
fn through_the_form(
    shell: &Shell,
    kind: casefile::domain::RecordKind,
    values: &[(&str, &str)],
) -> casefile::domain::AnyDraft {
    use casefile::app::forms;
    let mut store = casefile::store::Store::open(&shell.db(), "Tester", common::clock()).unwrap();
    let case = store.snapshot().unwrap();
    let today = chrono::Local::now().date_naive();
    let mut form = forms::add(kind, &case, today, &[]).unwrap();
    for (key, value) in values {
        form.field_mut(key)
            .unwrap_or_else(|| panic!("the form has a field {key}"))
            .set_value(value);
    }
    match forms::draft(&form, &case, today, "Tester") {
        Ok(forms::Saving::Record(draft)) => draft,
        other => panic!("the form reads a record: {other:?}"),
    }
}

#[test]
fn an_item_given_no_holder_is_with_its_facility_in_the_form_and_on_the_command_line() {
    use casefile::domain::{AnyDraft, RecordKind};
    let shell = Shell::new();
    shell.init();
    let id = shell.add(&[
        "item",
        "--kind",
        "mri",
        "--description",
        "Breast MRI",
        "--facility",
        "St. Mary's Imaging",
    ]);
    let listed = shell.json(&["show", "item", &id.to_string(), "--json"]);
    assert_eq!(listed["held_by"], "St. Mary's Imaging");

    let AnyDraft::Item(item) = through_the_form(
        &shell,
        RecordKind::Item,
        &[
            ("kind", "mri"),
            ("description", "Breast MRI"),
            ("facility", "St. Mary's Imaging"),
        ],
    ) else {
        panic!("an item");
    };
    assert_eq!(item.held_by, "St. Mary's Imaging");
    let stored: casefile::domain::ItemDraft = serde_json::from_value(listed).unwrap();
    assert_eq!(item, stored, "the same item either way");
}

#[test]
fn a_question_given_an_answer_is_answered_in_the_form_and_on_the_command_line() {
    use casefile::domain::{AnyDraft, QuestionStatus, RecordKind};
    let shell = Shell::new();
    shell.init();
    let id = shell.add(&[
        "question",
        "--text",
        "Is radiation needed after a lumpectomy?",
        "--answer",
        "Yes, for about three weeks",
    ]);
    let listed = shell.json(&["show", "question", &id.to_string(), "--json"]);
    assert_eq!(listed["status"], "answered");

    let AnyDraft::Question(question) = through_the_form(
        &shell,
        RecordKind::Question,
        &[
            ("text", "Is radiation needed after a lumpectomy?"),
            ("answer", "Yes, for about three weeks"),
        ],
    ) else {
        panic!("a question");
    };
    assert_eq!(question.status, QuestionStatus::Answered);
    let stored: casefile::domain::QuestionDraft = serde_json::from_value(listed).unwrap();
    assert_eq!(question, stored, "the same question either way");

    // An answer already there does not undo a question put back to asked.
    shell.ok(&["edit", "question", &id.to_string(), "--status", "asked"]);
    let again = shell.json(&["show", "question", &id.to_string(), "--json"]);
    assert_eq!(again["status"], "asked");
}
