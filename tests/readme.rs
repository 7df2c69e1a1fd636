//! The README's command-line examples run as written, so the documentation
//! stays true.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use std::process::Command;

#[test]
fn every_command_line_example_in_the_readme_works() {
    let readme = include_str!("../README.md");
    let section = &readme[readme.find("## The command line").expect("the section")..];
    let start = section.find("```sh\n").expect("an example block") + 6;
    let examples = &section[start..start + section[start..].find("```").expect("its end")];

    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().display().to_string();
    // Paths in the examples that point into the user's home go to the
    // temporary folder instead.
    let examples = examples
        .replace("~/", &format!("{home}/"))
        .replace("--db new.db", &format!("--db {home}/new.db"));
    let script = format!(
        "set -e\ncd '{home}'\n\
         casefile() {{ '{}' \"$@\"; }}\n{examples}",
        env!("CARGO_BIN_EXE_casefile")
    );
    let output = Command::new("bash")
        .arg("-c")
        .arg(&script)
        .env("CASEFILE_DB", dir.path().join("case.db"))
        .env("XDG_DATA_HOME", dir.path())
        .env("USER", "Tester")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "the README examples failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    for written in ["case.json", "packet.html", "questions.html", "casefile.1"] {
        assert!(dir.path().join(written).exists(), "{written}");
    }
}

#[test]
fn the_first_run_key_for_the_demo_is_the_one_the_form_takes() {
    use casefile::app::Action;
    use casefile::app::keymap::{BINDINGS, Scope};
    let readme = include_str!("../README.md");
    let binding = BINDINGS
        .iter()
        .find(|b| b.scope == Scope::Setup && matches!(b.action, Action::OpenDemo))
        .expect("the form that starts a case opens the demo");
    let said = format!("offers the demo with one key, `{}`", binding.label());
    assert!(
        readme.replace('\n', " ").contains(&said),
        "the README should say: {said}"
    );
}
