//! Encryption at rest: in builds with the `encryption` feature, a case file
//! can be encrypted and decrypted, and is unreadable without its
//! passphrase; the default build says plainly that it cannot do this.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use assert_cmd::Command;

fn casefile(
    dir: &std::path::Path,
    passphrase: Option<&str>,
    args: &[&str],
) -> std::process::Output {
    let mut command = Command::cargo_bin("casefile").unwrap();
    command
        .env_remove("CASEFILE_DB")
        .env_remove("CASEFILE_PASSPHRASE")
        .env("XDG_DATA_HOME", dir)
        .arg("--db")
        .arg(dir.join("case.db"))
        .args(["--as", "Maria"])
        .args(args);
    if let Some(passphrase) = passphrase {
        command.env("CASEFILE_PASSPHRASE", passphrase);
    }
    command.output().unwrap()
}

fn text(output: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[cfg(feature = "encryption")]
#[test]
fn an_encrypted_case_is_unreadable_without_its_passphrase_and_decrypts_whole() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        casefile(dir.path(), None, &["init", "--patient", "Ana Souza"])
            .status
            .success()
    );
    assert!(
        casefile(dir.path(), None, &["add", "doctor", "--name", "Dr. Secret"])
            .status
            .success()
    );

    let encrypted = casefile(dir.path(), Some("correct horse"), &["encrypt"]);
    assert!(encrypted.status.success(), "{}", text(&encrypted));
    assert!(text(&encrypted).contains("Keep the passphrase safe"));
    let bytes = std::fs::read(dir.path().join("case.db")).unwrap();
    assert_ne!(
        &bytes[..16],
        b"SQLite format 3\0",
        "the file is no longer plain SQLite"
    );
    assert!(
        !bytes.windows(10).any(|w| w == b"Dr. Secret"),
        "the doctor's name is not in the file in clear"
    );

    let wrong = casefile(dir.path(), Some("wrong"), &["list", "doctors"]);
    assert_eq!(wrong.status.code(), Some(1));
    assert!(
        text(&wrong).contains("the passphrase is wrong"),
        "{}",
        text(&wrong)
    );
    assert_eq!(
        text(&wrong).lines().count(),
        1,
        "one line: {}",
        text(&wrong)
    );
    let none = casefile(dir.path(), None, &["list", "doctors"]);
    assert_eq!(
        none.status.code(),
        Some(1),
        "no terminal to ask on: {}",
        text(&none)
    );
    assert!(text(&none).contains("set CASEFILE_PASSPHRASE"));

    let right = casefile(dir.path(), Some("correct horse"), &["list", "doctors"]);
    assert!(text(&right).contains("Dr. Secret"), "{}", text(&right));
    let added = casefile(
        dir.path(),
        Some("correct horse"),
        &["add", "doctor", "--name", "Dr. Later"],
    );
    assert!(
        added.status.success(),
        "an encrypted case is written to as usual"
    );

    let decrypted = casefile(dir.path(), Some("correct horse"), &["decrypt"]);
    assert!(decrypted.status.success(), "{}", text(&decrypted));
    let plain = casefile(dir.path(), None, &["list", "doctors"]);
    assert!(text(&plain).contains("Dr. Secret") && text(&plain).contains("Dr. Later"));
    assert!(casefile(dir.path(), None, &["check"]).status.success());
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(dir.path().join("case.db"))
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600);
}

#[cfg(not(feature = "encryption"))]
#[test]
fn the_default_build_says_it_cannot_encrypt() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        casefile(dir.path(), None, &["init", "--patient", "Ana Souza"])
            .status
            .success()
    );
    let output = casefile(dir.path(), Some("pass"), &["encrypt"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output).contains("built without encryption"),
        "{}",
        text(&output)
    );
    assert!(text(&output).contains("--features encryption"));
}
