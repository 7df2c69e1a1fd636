//! `casefile import disc`, run as a user would run it on the test discs
//! in tests/fixtures/discs: the preview, the questions it asks, and what
//! it files.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use std::path::PathBuf;
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

fn disc(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/discs")
        .join(name)
        .display()
        .to_string()
}

/// A case of Maria Alvarez's in a temporary folder.
struct Shell {
    dir: TempDir,
}

impl Shell {
    fn new() -> Self {
        let shell = Shell {
            dir: tempfile::tempdir().unwrap(),
        };
        let out = shell.run(&["init", "--patient", "Maria Alvarez"]);
        assert!(out.status.success());
        shell
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::cargo_bin("casefile")
            .unwrap()
            .current_dir(self.dir.path())
            .env_remove("CASEFILE_DB")
            .env("XDG_DATA_HOME", self.dir.path())
            .arg("--db")
            .arg(self.dir.path().join("case.db"))
            .args(["--as", "Maria"])
            .args(args)
            .output()
            .unwrap()
    }

    fn list(&self, kind: &str) -> Vec<Value> {
        let out = self.run(&["list", kind, "--json"]);
        assert!(out.status.success());
        match serde_json::from_slice(&out.stdout).unwrap() {
            Value::Array(records) => records,
            other => panic!("{other}"),
        }
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_disc_is_previewed_then_filed_with_yes_and_not_twice() {
    let shell = Shell::new();
    let normal = disc("normal");

    // No terminal to ask on, and no --yes: refused, nothing written.
    let out = shell.run(&["import", "disc", &normal]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let preview = text(&out.stdout);
    assert!(
        preview.contains("Read from the disc's index (its DICOMDIR)."),
        "{preview}"
    );
    assert!(
        preview.contains("Patient: Maria Alvarez, born 14 Mar 1972"),
        "{preview}"
    );
    assert!(text(&out.stderr).contains("add --yes to import the disc"));
    assert!(shell.list("items").is_empty());

    let out = shell.run(&[
        "import",
        "disc",
        &normal,
        "--yes",
        "--label",
        "MRI disc, copy 2",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("Recorded the disc as item 1"));
    let items = shell.list("items");
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["description"], "MRI disc, copy 2");
    assert_eq!(items[0]["form"], "disc");
    let studies = shell.list("studies");
    assert!(!studies.is_empty());
    assert!(studies.iter().all(|s| s["item_id"] == 1));

    // The same disc again: nothing changes, and it says so.
    let out = shell.run(&["import", "disc", &normal, "--yes"]);
    assert!(out.status.success());
    assert!(
        text(&out.stderr).contains("already in the case as \"MRI disc, copy 2\" (item 1)"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(shell.list("items").len(), 1);
    assert_eq!(shell.list("studies").len(), studies.len());

    // Its lowercased copy, read from a Linux mount, is the same disc.
    let out = shell.run(&["import", "disc", &disc("lower"), "--yes"]);
    assert!(out.status.success());
    assert!(
        text(&out.stderr).contains("already in the case"),
        "{}",
        text(&out.stderr)
    );

    // A second physical copy, when the family says so.
    let out = shell.run(&[
        "import",
        "disc",
        &normal,
        "--yes",
        "--another-copy",
        "--held-by",
        "Dr. Raman",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let items = shell.list("items");
    assert_eq!(items.len(), 2);
    assert_eq!(items[1]["copy_of"], 1);
    assert_eq!(shell.list("studies").len(), 2 * studies.len());
}

#[test]
fn another_patients_disc_needs_other_patient_and_yes_alone_is_refused() {
    let shell = Shell::new();
    let wrong = disc("wrong_patient");
    let out = shell.run(&["import", "disc", &wrong, "--yes"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("casefile: NOT THIS PATIENT"), "{stderr}");
    assert!(stderr.contains("add --other-patient"), "{stderr}");
    assert!(text(&out.stdout).contains("NOT THIS PATIENT"));
    assert!(shell.list("items").is_empty(), "nothing written");

    let out = shell.run(&["import", "disc", &wrong, "--yes", "--other-patient"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(shell.list("items").len(), 1);
}

#[test]
fn a_disc_with_no_dicom_is_recorded_as_one_item_when_asked() {
    let shell = Shell::new();
    let viewer = disc("viewer_only");
    let out = shell.run(&["import", "disc", &viewer]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stdout).contains("No DICOM images found ("),
        "{}",
        text(&out.stdout)
    );
    assert!(text(&out.stderr).contains("add --yes to record the disc as one item"));

    let out = shell.run(&["import", "disc", &viewer, "--yes", "--label", "Viewer disc"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let items = shell.list("items");
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["kind"], "several");
    assert!(shell.list("studies").is_empty());
}

#[test]
fn a_mixed_ct_and_mr_disc_is_of_several_kinds() {
    let shell = Shell::new();
    let out = shell.run(&["import", "disc", &disc("mixed"), "--yes", "--other-patient"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(shell.list("items")[0]["kind"], "several");
}

#[test]
fn a_path_that_is_not_there_is_one_clear_sentence() {
    let shell = Shell::new();
    let out = shell.run(&["import", "disc", "/no/such/disc"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("casefile: there is nothing at /no/such/disc"),
        "{stderr}"
    );
}

#[test]
fn a_file_that_is_not_a_disc_is_one_clear_sentence() {
    let shell = Shell::new();
    let letter = shell.dir.path().join("letter.txt");
    std::fs::write(&letter, "Dear Dr. Park").unwrap();
    let out = shell.run(&["import", "disc", &letter.display().to_string(), "--yes"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("casefile: "), "{stderr}");
    assert!(shell.list("items").is_empty());
}

#[test]
fn the_packet_lists_the_studies_on_each_disc_the_doctor_has() {
    let shell = Shell::new();
    let out = shell.run(&[
        "import",
        "disc",
        &disc("normal"),
        "--yes",
        "--label",
        "MRI disc",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = shell.run(&["add", "doctor", "--name", "Dr. Priya Raman"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let doctor = text(&out.stdout).trim().to_string();
    let out = shell.run(&["add", "recipient", "--item", "1", "--doctor", &doctor]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = shell.run(&["export", "packet", "--doctor", &doctor, "--format", "md"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let packet = text(&out.stdout);
    let studies = shell.list("studies");
    assert!(packet.contains("On \"MRI disc\": "), "{packet}");
    for study in &studies {
        let description = study["description"].as_str().unwrap();
        assert!(packet.contains(description), "{description} in {packet}");
    }
}
