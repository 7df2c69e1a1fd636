//! The patient's decision from the command line: the options and who
//! recommends each, the factors, the views of the people close, the
//! leaning, the readiness checks and the decision itself; the decision
//! summary; and what the doctor's packet says of them, blind or not.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

const PATIENT: &str = "Ana Souza";

/// A case file in a temporary folder, written to as `PATIENT` unless a
/// command says who.
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

    fn cmd_as(&self, writer: &str, args: &[&str]) -> Command {
        let mut command = Command::cargo_bin("casefile").unwrap();
        command
            .current_dir(self.dir.path())
            .env_remove("CASEFILE_DB")
            .env("XDG_DATA_HOME", self.dir.path())
            .arg("--db")
            .arg(self.db())
            .args(["--as", writer])
            .args(args);
        command
    }

    fn ok_as(&self, writer: &str, args: &[&str]) -> String {
        let output = self.cmd_as(writer, args).output().unwrap();
        assert!(
            output.status.success(),
            "casefile {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        self.ok_as(PATIENT, args)
    }

    /// What a command that succeeds says to the person, on stderr.
    fn said(&self, args: &[&str]) -> String {
        let output = self.cmd_as(PATIENT, args).output().unwrap();
        assert!(output.status.success(), "{output:?}");
        String::from_utf8(output.stderr).unwrap()
    }

    /// `add`, as `writer`: the id it printed alone.
    fn add_as(&self, writer: &str, args: &[&str]) -> String {
        let mut all = vec!["add"];
        all.extend_from_slice(args);
        let out = self.ok_as(writer, &all);
        let id = out.trim().to_string();
        assert!(id.chars().all(|c| c.is_ascii_digit()), "{out:?}");
        id
    }

    fn add(&self, args: &[&str]) -> String {
        self.add_as(PATIENT, args)
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }

    /// A command that must fail with `code`: its one line on stderr.
    fn fails_as(&self, writer: &str, args: &[&str], code: i32) -> String {
        let output = self.cmd_as(writer, args).output().unwrap();
        assert_eq!(output.status.code(), Some(code), "casefile {args:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr:?}");
        assert!(stderr.starts_with("casefile: "), "{stderr}");
        assert!(output.stdout.is_empty(), "no id: nothing was added");
        stderr
    }

    fn fails(&self, args: &[&str], code: i32) -> String {
        self.fails_as(PATIENT, args, code)
    }

    /// Every record of `kind`, as `list KIND --json` gives them.
    fn list(&self, kind: &str) -> Vec<Value> {
        self.json(&["list", kind, "--json"])
            .as_array()
            .unwrap()
            .clone()
    }
}

/// Ana's case: Dr. Park says mastectomy, Dr. Okafor lumpectomy with
/// radiation, and there is an option from each stance. Returns the
/// ids of (Park, Okafor, Okafor's stance, the mastectomy option, the
/// lumpectomy option).
struct Case {
    park: String,
    okafor: String,
    okafor_stance: String,
    mastectomy: String,
    lumpectomy: String,
}

fn two_opinions(shell: &Shell) -> Case {
    shell.ok(&[
        "init",
        "--patient",
        PATIENT,
        "--question",
        "Which operation, and when?",
        "--decide-by",
        "in 3 weeks",
    ]);
    let park = shell.add(&["doctor", "--name", "Dr. Helen Park"]);
    let okafor = shell.add(&["doctor", "--name", "Dr. Samuel Okafor"]);
    let park_opinion = shell.add(&["opinion", "--doctor", &park, "--date", "2026-11-01"]);
    let okafor_opinion = shell.add(&["opinion", "--doctor", &okafor, "--date", "2026-11-10"]);
    shell.add(&[
        "stance",
        "--opinion",
        &park_opinion,
        "--topic",
        "Treatment",
        "--stance",
        "Mastectomy",
    ]);
    let okafor_stance = shell.add(&[
        "stance",
        "--opinion",
        &okafor_opinion,
        "--topic",
        "Treatment",
        "--stance",
        "Lumpectomy with radiation",
    ]);
    let mastectomy = shell.add(&[
        "option",
        "--name",
        "Remove the whole breast",
        "--stance",
        "Mastectomy",
    ]);
    let lumpectomy = shell.add(&[
        "option",
        "--name",
        "Keep the breast, then radiotherapy",
        "--stance",
        "Lumpectomy with radiation",
    ]);
    Case {
        park,
        okafor,
        okafor_stance,
        mastectomy,
        lumpectomy,
    }
}

fn find<'a>(records: &'a [Value], id: &str) -> &'a Value {
    records
        .iter()
        .find(|r| r["id"] == id.parse::<i64>().unwrap())
        .unwrap_or_else(|| panic!("no record {id} in {records:?}"))
}

fn recommended_by(shell: &Shell, option: &str) -> Vec<String> {
    find(&shell.list("options"), option)["recommended_by"]
        .as_array()
        .unwrap()
        .iter()
        .map(|name| name.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn each_part_of_the_decision_can_be_added_listed_shown_edited_and_deleted() {
    let shell = Shell::new();
    let case = two_opinions(&shell);
    let factor = shell.add(&[
        "factor",
        "--option",
        &case.mastectomy,
        "--side",
        "risk",
        "--concern",
        "Side effects",
        "--text",
        "Numbness under the arm",
        "--weight",
        "4",
        "--chance",
        "5",
        "--out-of",
        "100",
        "--over",
        "10 years",
        "--source",
        "opinion:1",
    ]);
    let view = shell.add_as(
        "Daniel",
        &["view", "--prefers", &case.lumpectomy, "--supports", "yes"],
    );
    let leaning = shell.add(&["leaning", "--option", &case.lumpectomy]);
    let check = shell.add(&[
        "check",
        "--sure",
        "no",
        "--knows",
        "yes",
        "--values-clear",
        "yes",
        "--supported",
        "no",
    ]);
    let decision = shell.add(&["decision", "--option", &case.lumpectomy, "--yes"]);

    // What each holds, and what is worked out from it.
    let factors = shell.list("factors");
    let added = find(&factors, &factor);
    assert_eq!(added["side"], "risk");
    assert_eq!(added["weight"], 4);
    assert_eq!(added["figure"], "5 in 100 over 10 years");
    assert_eq!(added["said_by"], "Dr. Helen Park, opinion of 1 Nov 2026");
    assert_eq!(added["stars"], "★★★★☆ 4/5");
    let checks = shell.list("checks");
    assert_eq!(find(&checks, &check)["score"], "2 of 4 yes");
    assert_eq!(
        find(&checks, &check)["next_steps"]
            .as_array()
            .unwrap()
            .len(),
        2,
        "one next step for each no"
    );
    let decisions = shell.list("decisions");
    let chosen = find(&decisions, &decision);
    assert_eq!(chosen["option"], "Keep the breast, then radiotherapy");
    assert_eq!(chosen["follows"], serde_json::json!(["Dr. Samuel Okafor"]));
    assert_eq!(
        chosen["goes_against"],
        serde_json::json!(["Dr. Helen Park"])
    );
    // The plain list reads as words.
    let options = shell.ok(&["list", "options"]);
    assert!(options.contains("recommended_by"), "{options}");
    let line = options
        .lines()
        .find(|line| line.contains("Remove the whole breast"))
        .unwrap();
    assert!(line.contains("Dr. Helen Park"), "{options}");
    assert_eq!(find(&shell.list("views"), &view)["person"], "Daniel");

    // kind, id, flag, JSON key, new value, as JSON
    let edits: Vec<(&str, &str, &str, &str, Value)> = vec![
        (
            "decision",
            &decision,
            "--look-again-if",
            "look_again_if",
            "The margins are not clear".into(),
        ),
        ("check", &check, "--supported", "supported", true.into()),
        ("leaning", &leaning, "--note", "note", "Less surgery".into()),
        ("view", &view, "--pressure", "pressure", "feels".into()),
        ("factor", &factor, "--weight", "weight", 2.into()),
        (
            "option",
            &case.mastectomy,
            "--description",
            "description",
            "The whole breast, with or without reconstruction".into(),
        ),
    ];
    for (kind, id, flag, key, value) in edits {
        let text = match &value {
            Value::String(text) => text.clone(),
            Value::Bool(true) => "yes".into(),
            other => other.to_string(),
        };
        let said = shell.said(&["edit", kind, id, flag, &text]);
        assert!(said.starts_with(&format!("Changed {kind} {id}")), "{said}");
        let shown = shell.json(&["show", kind, id, "--json"]);
        assert_eq!(shown[key], value, "{kind} {key}");
        assert_eq!(shown["version"], 2, "{kind}");
        let plain = shell.ok(&["show", kind, id]);
        assert!(plain.contains(&format!("id: {id}")), "{plain}");
        assert!(plain.contains(&format!("{key}: ")), "{plain}");

        shell.ok(&["delete", kind, id, "--yes"]);
        assert!(
            shell
                .list(kind)
                .iter()
                .all(|r| r["id"] != id.parse::<i64>().unwrap()),
            "{kind} {id} deleted"
        );
    }
}

#[test]
fn who_recommends_an_option_follows_the_stances_as_they_change() {
    let shell = Shell::new();
    let case = two_opinions(&shell);
    assert_eq!(recommended_by(&shell, &case.mastectomy), ["Dr. Helen Park"]);
    assert_eq!(
        recommended_by(&shell, &case.lumpectomy),
        ["Dr. Samuel Okafor"]
    );

    // Dr. Okafor changes her mind after the second read of the slides.
    shell.ok(&[
        "edit",
        "stance",
        &case.okafor_stance,
        "--stance",
        "mastectomy",
    ]);
    assert_eq!(
        recommended_by(&shell, &case.mastectomy),
        ["Dr. Helen Park", "Dr. Samuel Okafor"]
    );
    assert!(recommended_by(&shell, &case.lumpectomy).is_empty());
    let plain = shell.ok(&["list", "options"]);
    assert!(
        plain.contains("Dr. Helen Park, Dr. Samuel Okafor"),
        "{plain}"
    );

    // An option the family wrote in itself is recommended by nobody.
    let own = shell.add(&["option", "--name", "A trial", "--stance", "none"]);
    assert!(recommended_by(&shell, &own).is_empty());
    // A stance that no opinion takes is not offered.
    let message = shell.fails(&["add", "option", "--name", "X", "--stance", "Chemo"], 1);
    assert!(message.contains("'Chemo' is not one of"), "{message}");
    let _ = (case.park, case.okafor);
}

#[test]
fn a_family_member_records_their_own_view_and_not_the_patients_choice() {
    let shell = Shell::new();
    let case = two_opinions(&shell);
    let view = shell.add_as(
        "Daniel",
        &[
            "view",
            "--prefers",
            &case.mastectomy,
            "--pressure",
            "feels",
            "--supports",
            "yes",
            "--note",
            "Whatever she chooses",
        ],
    );
    let views = shell.list("views");
    let daniel = find(&views, &view);
    assert_eq!(daniel["person"], "Daniel", "the writer's own view");
    assert_eq!(daniel["created_by"], "Daniel");
    assert_eq!(daniel["prefers_option"], "Remove the whole breast");
    assert!(shell.ok(&["list", "views"]).contains("Daniel"));

    let refused = format!(
        "Only {PATIENT} can record this: it is the patient's own choice. You are writing as Daniel"
    );
    for args in [
        &["add", "decision", "--option", &case.mastectomy, "--yes"][..],
        &["add", "leaning", "--option", &case.mastectomy],
    ] {
        let message = shell.fails_as("Daniel", args, 1);
        assert!(message.contains(&refused), "{args:?}: {message}");
    }
    assert!(shell.list("decisions").is_empty());
    assert!(shell.list("leanings").is_empty());
    // Nor may Daniel name himself the one who may.
    let message = shell.fails_as(
        "Daniel",
        &["edit", "case", "--decision-writer", "Daniel"],
        1,
    );
    assert!(message.contains("--decision-writer: Only"), "{message}");

    // The patient's own view is her leaning, kept apart.
    let message = shell.fails(&["add", "view", "--person", "ana souza"], 1);
    assert!(
        message.contains("--person: The patient's own leaning"),
        "{message}"
    );

    // Once the patient names him, Daniel may write it down for her.
    shell.ok(&["edit", "case", "--decision-writer", "Daniel"]);
    shell.add_as("Daniel", &["leaning", "--option", &case.mastectomy]);
    assert_eq!(shell.list("leanings")[0]["created_by"], "Daniel");
}

/// Runs casefile as the patient on a terminal of its own (util-linux
/// `script`), with `input` typed on it; what the terminal showed. None
/// where `script` is missing (a failure under CI).
fn on_a_terminal(shell: &Shell, args: &[&str], input: &str) -> Option<String> {
    use std::io::Write;
    let quote = |word: &str| format!("'{}'", word.replace('\'', "'\\''"));
    let mut words = vec![
        env!("CARGO_BIN_EXE_casefile").to_string(),
        "--db".into(),
        shell.db().display().to_string(),
        "--as".into(),
        PATIENT.into(),
    ];
    words.extend(args.iter().map(|a| a.to_string()));
    let line: Vec<String> = words.iter().map(|w| quote(w)).collect();
    let spawned = std::process::Command::new("script")
        .args(["-qec", &line.join(" "), "/dev/null"])
        .env_remove("CASEFILE_DB")
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

#[test]
fn the_decision_names_what_is_still_open_and_asks_first() {
    let shell = Shell::new();
    let case = two_opinions(&shell);
    shell.add(&[
        "question",
        "--doctor",
        &case.park,
        "--text",
        "How long is recovery?",
    ]);
    let decide = ["add", "decision", "--option", &case.lumpectomy];

    // No terminal to ask on, no --yes: refused as a delete is, exit 2.
    let message = shell.fails(&decide, 2);
    assert!(
        message.contains(
            "no decision was recorded: casefile asks first while something is still open \
             (the doctors still disagree on Treatment; 1 question is still without an answer)"
        ),
        "{message}"
    );
    assert!(message.contains("add --yes"), "{message}");
    assert!(shell.list("decisions").is_empty());

    if let Some(shown) = on_a_terminal(&shell, &decide, "n\n") {
        assert!(shown.contains("Still open:"), "{shown}");
        assert!(
            shown.contains("- The doctors still disagree on Treatment."),
            "{shown}"
        );
        assert!(
            shown.contains("- 1 question is still without an answer."),
            "{shown}"
        );
        assert!(
            shown.contains("Record the decision anyway? [y/N]"),
            "{shown}"
        );
        assert!(shown.contains("Nothing was recorded."), "{shown}");
        assert!(shell.list("decisions").is_empty(), "no keeps everything");

        let shown = on_a_terminal(&shell, &decide, "y\n").unwrap();
        assert!(shown.contains("Added decision"), "{shown}");
        assert_eq!(shell.list("decisions").len(), 1);
        shell.ok(&["delete", "decision", "1", "--yes"]);
    }

    let id = shell.add(&[
        "decision",
        "--option",
        &case.lumpectomy,
        "--reasons",
        "Home the same day",
        "--yes",
    ]);
    // One decision a case: a second is a revision, and edit makes it.
    let message = shell.fails(&["add", "decision", "--yes"], 1);
    assert!(
        message.contains(&format!(
            "this case already holds its decision (decision {id}); revise it with `casefile edit decision`"
        )),
        "{message}"
    );
    shell.ok(&["edit", "decision", "--reasons", "Fewer weeks of treatment"]);
    let decisions = shell.list("decisions");
    assert_eq!(decisions.len(), 1);
    assert_eq!(decisions[0]["reasons"], "Fewer weeks of treatment");
    // The history keeps the earlier version.
    let whole = shell.json(&["export", "json"]);
    let earlier = whole["history"]
        .as_array()
        .unwrap()
        .iter()
        .find(|change| change["record"]["kind"] == "decision" && change["action"] == "edited")
        .unwrap();
    assert_eq!(earlier["before"]["reasons"], "Home the same day");
}

#[test]
fn with_nothing_open_the_decision_is_recorded_without_a_question() {
    let shell = Shell::new();
    shell.ok(&["init", "--patient", PATIENT]);
    let option = shell.add(&["option", "--name", "Wait for the scan", "--waits", "yes"]);
    let id = shell.add(&["decision", "--option", &option]);
    assert_eq!(shell.list("decisions")[0]["id"].to_string(), id);
}

/// A case whose option and factor hold markup, with a view, a leaning, two
/// checks and the decision.
fn with_markup(shell: &Shell) -> Case {
    let case = two_opinions(shell);
    shell.ok(&[
        "edit",
        "option",
        &case.mastectomy,
        "--name",
        "<script>alert('option')</script> surgery",
    ]);
    for (option, side, concern, text, weight, source) in [
        (
            &case.mastectomy,
            "risk",
            "Side effects",
            "<script>alert('factor')</script> & numbness",
            "4",
            "opinion:1",
        ),
        (
            &case.mastectomy,
            "risk",
            "Side effects",
            "Numbness, rarely",
            "4",
            "opinion:2",
        ),
        (
            &case.lumpectomy,
            "benefit",
            "Recovery",
            "Home the same day",
            "5",
            "opinion:2",
        ),
        (
            &case.lumpectomy,
            "risk",
            "Peace of mind",
            "I would worry about it coming back",
            "5",
            "own",
        ),
    ] {
        shell.add(&[
            "factor",
            "--option",
            option,
            "--side",
            side,
            "--concern",
            concern,
            "--text",
            text,
            "--weight",
            weight,
            "--source",
            source,
        ]);
    }
    shell.add_as(
        "Daniel",
        &["view", "--prefers", &case.lumpectomy, "--supports", "yes"],
    );
    shell.add(&["leaning", "--option", &case.lumpectomy]);
    for (date, sure) in [("2026-11-20", "no"), ("2026-11-25", "yes")] {
        shell.add(&[
            "check",
            "--date",
            date,
            "--sure",
            sure,
            "--knows",
            "no",
            "--values-clear",
            "yes",
            "--supported",
            "yes",
        ]);
    }
    shell.add(&[
        "decision",
        "--option",
        &case.lumpectomy,
        "--reasons",
        "Home the same day",
        "--look-again-if",
        "The genetic test is positive",
        "--yes",
    ]);
    case
}

#[test]
fn the_decision_summary_escapes_what_was_typed_in_html_and_in_markdown() {
    let shell = Shell::new();
    with_markup(&shell);
    let page = shell.ok(&["export", "decision", "--format", "html"]);
    assert!(page.starts_with("<!DOCTYPE html>"), "{page}");
    assert!(!page.contains("<script"), "{page}");
    assert!(
        page.contains("&lt;script&gt;alert(&#39;option&#39;)&lt;/script&gt; surgery"),
        "{page}"
    );
    assert!(
        page.contains("&lt;script&gt;alert(&#39;factor&#39;)&lt;/script&gt; &amp; numbness"),
        "{page}"
    );
    for part in [
        "<h2>The question</h2>",
        "Which operation, and when?",
        "<h2>The options</h2>",
        "Dr. Helen Park",
        "<h2>The options side by side</h2>",
        "≠ The sources differ here.",
        "★★★★☆ 4/5",
        "Dr. Samuel Okafor, opinion of 10 Nov 2026",
        "the patient&#39;s own",
        "Daniel",
        "<h2>Ready to decide?</h2>",
        "Wed 25 Nov 2026",
        "3 of 4 yes",
        "Next steps, from the latest check (Wed 25 Nov 2026)",
        "<dt>Chosen</dt><dd>Keep the breast, then radiotherapy</dd>",
        "<dt>Follows the advice of</dt><dd>Dr. Samuel Okafor</dd>",
        "<dt>Goes against the advice of</dt><dd>Dr. Helen Park</dd>",
        "<dt>Look again if</dt><dd>The genetic test is positive</dd>",
    ] {
        assert!(page.contains(part), "the page shows {part:?}:\n{page}");
    }
    // The next steps are for paper: no keys of the screen.
    assert!(page.contains("then ask a doctor</li>"), "{page}");
    assert!(!page.contains("(q on the factor)"), "{page}");

    let markdown = shell.ok(&["export", "decision", "--format", "md"]);
    assert!(
        markdown.starts_with("# Decision summary: Ana Souza\n"),
        "{markdown}"
    );
    assert!(markdown.contains("\n## The options\n"), "{markdown}");
    assert!(
        markdown.contains("\n### Keep the breast, then radiotherapy\n"),
        "{markdown}"
    );
    assert!(markdown.contains("|---|"), "tables: {markdown}");
    // Every < typed is escaped; the only markup is the <br> of a cell's lines.
    assert!(
        !markdown
            .replace("\\<", "")
            .replace("<br>", "")
            .contains('<'),
        "{markdown}"
    );
    assert!(
        markdown.contains("\\<script\\>alert('factor')\\</script\\> \\& numbness"),
        "{markdown}"
    );
    assert!(!markdown.contains("<h2>"), "{markdown}");
}

#[test]
fn the_decision_summary_goes_to_a_new_private_file() {
    let shell = Shell::new();
    with_markup(&shell);
    let file = shell.dir.path().join("decision.html");
    let said = shell.said(&["export", "decision", "-o", file.to_str().unwrap()]);
    assert!(said.starts_with("Wrote the decision summary to "), "{said}");
    let mode = std::fs::metadata(&file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "owner-only");
    assert!(std::fs::read_to_string(&file).unwrap().contains("<h1>"));
    let message = shell.fails(&["export", "decision", "-o", file.to_str().unwrap()], 1);
    assert!(message.contains("already exists"), "{message}");
}

#[test]
fn the_packet_says_what_the_patient_is_weighing_and_a_blind_one_gives_no_conclusion_away() {
    let shell = Shell::new();
    let case = with_markup(&shell);
    // The packet for a third doctor, who has seen nothing yet.
    let next = shell.add(&["doctor", "--name", "Dr. Lena Brooks"]);
    let export = |blind: bool| {
        let mut args = vec!["export", "packet", "--doctor", &next, "--format", "md"];
        if blind {
            args.push("--blind");
        }
        shell.ok(&args)
    };
    let open = export(false);
    let section = |packet: &str| -> String {
        let start = packet
            .find("## What the patient is weighing")
            .unwrap_or_else(|| panic!("{packet}"));
        let end = packet[start..].find("## Questions for you").unwrap() + start;
        packet[start..end].to_string()
    };
    let weighing = section(&open);
    assert!(
        weighing.contains("Keep the breast, then radiotherapy"),
        "{weighing}"
    );
    assert!(weighing.contains("Dr. Samuel Okafor"), "{weighing}");
    assert!(
        weighing.contains("★★★★★ 5/5 (for): Home the same day"),
        "{weighing}"
    );

    let blind = export(true);
    let weighing = section(&blind);
    // What matters to the patient is there...
    assert!(
        weighing.contains("| Peace of mind | ★★★★★ 5/5 |"),
        "{weighing}"
    );
    assert!(
        weighing.contains("★★★★★ 5/5 I would worry about it coming back"),
        "{weighing}"
    );
    // ...and no earlier doctor's conclusion: no option from a stance, no
    // stance, no doctor, nobody recommending anything.
    for given_away in [
        "Keep the breast, then radiotherapy",
        "Remove the whole breast",
        "alert(",
        "Mastectomy",
        "Lumpectomy",
        "Home the same day",
        "Numbness",
    ] {
        assert!(
            !blind.contains(given_away),
            "the blind packet gives {given_away:?} away:\n{blind}"
        );
    }
    // The timeline names the doctors seen; this section names none.
    for given_away in ["Park", "Okafor", "Recommended by", "surgery"] {
        assert!(
            !weighing.contains(given_away),
            "the blind section gives {given_away:?} away:\n{weighing}"
        );
    }
    let _ = case;
}
