//! A full disk: the save is refused in one line, nothing is half-saved, and
//! the case file stays sound. Needs a small filesystem to fill, mounted
//! here as root (`.ci/run` runs as root); where mounting is not allowed
//! the test says it is skipped, except on CI, where that is a failure.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use std::process::Command;

/// A tmpfs of `size` at a new folder, unmounted when dropped.
struct Tiny {
    dir: tempfile::TempDir,
}

impl Tiny {
    fn mount(size: &str) -> Option<Tiny> {
        let dir = tempfile::tempdir().ok()?;
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .output()
            .ok()?;
        mounted.status.success().then_some(Tiny { dir })
    }
}

impl Tiny {
    /// `casefile --db <tiny>/case.db --as Maria ARGS`.
    fn casefile(&self, args: &[&str]) -> std::process::Output {
        assert_cmd::Command::cargo_bin("casefile")
            .unwrap()
            .env_remove("CASEFILE_DB")
            .env("XDG_DATA_HOME", self.dir.path())
            .arg("--db")
            .arg(self.dir.path().join("case.db"))
            .args(["--as", "Maria"])
            .args(args)
            .output()
            .unwrap()
    }
}

impl Drop for Tiny {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

/// Without a small filesystem to fill the test cannot run: it says it is
/// skipped, and on CI, where it must run, it fails.
fn skipped() {
    assert!(
        std::env::var_os("CI").is_none(),
        "this test needs to mount a small tmpfs (as root) and could not; on CI it must run"
    );
    println!("skipped: this machine does not allow mounting a small filesystem");
}

#[test]
fn a_full_disk_refuses_the_save_and_keeps_the_file_sound() {
    let Some(tiny) = Tiny::mount("1m") else {
        return skipped();
    };
    let casefile = |args: &[&str]| tiny.casefile(args);
    assert!(
        casefile(&["init", "--patient", "Ana Souza"])
            .status
            .success()
    );
    assert!(
        casefile(&["add", "note", "--text", "Before the disk filled"])
            .status
            .success()
    );

    // Notes of 100 kB each, until the disk is full (bounded).
    let big = "x".repeat(100_000);
    let mut saved = 1;
    let mut refusal = None;
    for _ in 0..20 {
        let output = casefile(&["add", "note", "--text", &big]);
        if output.status.success() {
            saved += 1;
        } else {
            refusal = Some(output);
            break;
        }
    }
    let output = refusal.expect("the disk filled up");
    assert_eq!(output.status.code(), Some(1), "the save fails");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("the disk is full, so nothing was saved"),
        "{stderr}"
    );

    let listed = casefile(&["list", "notes", "--json"]);
    let notes: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(
        notes.as_array().unwrap().len(),
        saved,
        "every note saved, none half-saved"
    );
    assert!(casefile(&["check"]).status.success(), "the file is sound");
}

#[test]
fn a_read_only_place_is_reported_and_nothing_is_changed() {
    let Some(tiny) = Tiny::mount("2m") else {
        return skipped();
    };
    let db = tiny.dir.path().join("case.db");
    let casefile = |args: &[&str]| tiny.casefile(args);
    assert!(
        casefile(&["init", "--patient", "Ana Souza"])
            .status
            .success()
    );
    let before = std::fs::read(&db).unwrap();
    let remounted = Command::new("mount")
        .args(["-o", "remount,ro"])
        .arg(tiny.dir.path())
        .status()
        .unwrap();
    assert!(remounted.success());
    for args in [
        vec!["list", "doctors"],
        vec!["add", "doctor", "--name", "Dr. Park"],
    ] {
        let output = casefile(&args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains("read-only"), "{args:?}: {stderr}");
    }
    let _ = Command::new("mount")
        .args(["-o", "remount,rw"])
        .arg(tiny.dir.path())
        .status();
    assert_eq!(std::fs::read(&db).unwrap(), before, "nothing was changed");
}
