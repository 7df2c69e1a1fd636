//! End to end: the real binary in a real terminal (tmux), from the demo
//! case through a few keys to quitting, and the terminal and the case file
//! as it leaves them.
//!
//! Needs tmux. Without it the test is skipped, unless `CI` is set, where a
//! missing tmux is a failure.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// How long to wait between looks at the screen.
const STEP: Duration = Duration::from_millis(100);
/// How many looks before giving up (10 seconds in all).
const TRIES: u32 = 100;

const SESSION: &str = "e2e";
const MARKER: &str = "BEFORE-CASEFILE";

/// A tmux server on its own socket, never the user's; killed when dropped,
/// so a failing test leaves nothing running, and its socket file removed.
struct Tmux {
    socket: String,
    socket_path: Option<PathBuf>,
}

impl Tmux {
    /// Starts a detached 120x36 session running a plain shell, with
    /// `XDG_DATA_HOME` pointing at `data_home`.
    fn start(data_home: &Path) -> Tmux {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let mut tmux = Tmux {
            socket: format!("casefile-e2e-{}-{nanos}", std::process::id()),
            socket_path: None,
        };
        let output = tmux
            .command()
            .args(["new-session", "-d", "-x", "120", "-y", "36", "-s", SESSION])
            .arg("-c")
            .arg(data_home)
            .arg("sh")
            .env("XDG_DATA_HOME", data_home)
            .env_remove("TMUX")
            .output()
            .expect("run tmux new-session");
        check(&output, "tmux new-session");
        tmux.socket_path = Some(PathBuf::from(tmux.format("#{socket_path}")));
        tmux
    }

    /// A tmux command on this server, without the user's configuration.
    fn command(&self) -> Command {
        let mut command = Command::new("tmux");
        command.args(["-L", &self.socket, "-f", "/dev/null"]);
        command
    }

    fn run(&self, args: &[&str]) -> String {
        let output = self.command().args(args).output().expect("run tmux");
        check(&output, &format!("tmux {}", args.join(" ")));
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Types `text` literally, without pressing Enter.
    fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", SESSION, "-l", text]);
    }

    /// Types a shell command and presses Enter.
    fn type_line(&self, line: &str) {
        self.type_text(line);
        self.send("Enter");
    }

    /// Presses one key, named as tmux names keys ("Tab", "Escape", "q").
    fn send(&self, key: &str) {
        self.run(&["send-keys", "-t", SESSION, key]);
    }

    /// What the pane shows now.
    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", SESSION])
    }

    /// A tmux format for the pane, such as `#{alternate_on}`.
    fn format(&self, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", SESSION, format])
            .trim()
            .to_string()
    }

    /// Looks at the screen until `ready` accepts it, and returns it; fails
    /// with the last screen after `TRIES` looks.
    fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let mut screen = String::new();
        for _ in 0..TRIES {
            screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            sleep(STEP);
        }
        panic!("the screen never showed {what}; last screen:\n{screen}");
    }

    /// Waits until the screen shows `text`.
    fn wait_for_text(&self, text: &str) -> String {
        self.wait_for(&format!("{text:?}"), |screen| screen.contains(text))
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.command().arg("kill-server").output();
        if let Some(path) = &self.socket_path {
            let _ = fs::remove_file(path);
        }
    }
}

fn check(output: &Output, what: &str) {
    assert!(
        output.status.success(),
        "{what} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Whether tmux can run here; without it the test is skipped, except on CI.
fn have_tmux() -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|output| output.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux is required on CI for the end-to-end test; install it"
        );
        println!("skipped: the end-to-end test needs tmux, which is not installed");
    }
    found
}

/// A whole line of the screen equal to `text`, not just the command that
/// printed it.
fn has_line(screen: &str, text: &str) -> bool {
    screen.lines().any(|line| without_prompt(line) == text)
}

/// A screen line without the shell's prompt, which typed-ahead input can
/// leave in front of a command's output.
fn without_prompt(line: &str) -> &str {
    let line = line.trim();
    line.strip_prefix("# ")
        .or_else(|| line.strip_prefix("$ "))
        .unwrap_or(line)
        .trim()
}

/// Single-quoted for the shell.
fn quoted(path: &Path) -> String {
    format!("'{}'", path.display().to_string().replace('\'', r"'\''"))
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn demo_in_a_real_terminal() {
    if !have_tmux() {
        return;
    }
    // Declared before the tmux guard, so tmux is killed before the folder
    // is removed.
    let data_home = tempfile::tempdir().expect("temp dir");
    let dir = data_home.path().join("sub");
    let case = dir.join("case.db");
    let tmux = Tmux::start(data_home.path());

    tmux.type_line("umask 000");
    tmux.type_line(&format!("echo {MARKER}"));
    tmux.wait_for(MARKER, |screen| has_line(screen, MARKER));
    tmux.type_line(&format!(
        "{} demo --db {} --as Tester; echo \"EXIT=$?\"",
        quoted(Path::new(env!("CARGO_BIN_EXE_casefile"))),
        quoted(&case),
    ));

    // The Overview of the demo case.
    tmux.wait_for_text("days left to decide");

    // 3: the Conflicts grid.
    tmux.send("3");
    let screen = tmux.wait_for_text("Topics by opinion");
    assert!(
        screen.contains('≠'),
        "no ≠ in the Conflicts grid:\n{screen}"
    );

    // 2: the Opinions pane, which has no grid.
    tmux.send("2");
    tmux.wait_for("the Opinions pane", |screen| {
        screen.contains("Dr. Helen Park") && !screen.contains("Topics by opinion")
    });

    // ?: the help; Escape closes it.
    tmux.send("?");
    tmux.wait_for_text("Every key");
    tmux.send("Escape");
    tmux.wait_for("the help closed", |screen| !screen.contains("Every key"));

    // Tab: from Opinions to the next pane, Conflicts.
    tmux.send("Tab");
    tmux.wait_for_text("Topics by opinion");

    // /: search every text; Enter goes to the note found, in Notes.
    tmux.send("/");
    tmux.wait_for_text("Search everything");
    tmux.type_text("privacy offi");
    tmux.wait_for_text("Found in 1 record");
    tmux.send("Enter");
    tmux.wait_for("the note found, in the Notes pane", |screen| {
        !screen.contains("Search everything") && screen.contains("write to the privacy officer")
    });

    // q: quit, and the terminal is given back.
    tmux.send("q");
    let screen = tmux.wait_for("the shell again, with EXIT=", |screen| {
        screen
            .lines()
            .any(|line| without_prompt(line).starts_with("EXIT="))
    });
    assert!(
        has_line(&screen, "EXIT=0"),
        "casefile did not exit cleanly:\n{screen}"
    );
    assert!(
        has_line(&screen, MARKER),
        "the main screen was not restored:\n{screen}"
    );
    assert_eq!(
        tmux.format("#{alternate_on}"),
        "0",
        "still on the alternate screen"
    );
    assert_eq!(
        tmux.format("#{mouse_any_flag}"),
        "0",
        "mouse capture still on"
    );

    // The case file and its folder are owner-only, whatever the umask.
    assert!(case.exists(), "no case file at {}", case.display());
    assert_eq!(mode(&case), 0o600, "mode of the case file");
    assert_eq!(mode(&dir), 0o700, "mode of its folder");
    for suffix in ["-wal", "-shm"] {
        // SQLite may remove these when it closes the file.
        let sidecar = dir.join(format!("case.db{suffix}"));
        if sidecar.exists() {
            assert_eq!(mode(&sidecar), 0o600, "mode of {}", sidecar.display());
        }
    }
}

#[test]
fn a_doctor_and_an_opinion_added_in_the_terminal_are_there_after_a_restart() {
    if !have_tmux() {
        return;
    }
    let data_home = tempfile::tempdir().expect("temp dir");
    let case = data_home.path().join("own.db");
    let tmux = Tmux::start(data_home.path());
    let start = format!(
        "{} --db {} --as Ana; echo \"EXIT=$?\"",
        quoted(Path::new(env!("CARGO_BIN_EXE_casefile"))),
        quoted(&case),
    );
    tmux.type_line(&start);

    // No file yet: casefile says so, and s starts a case there.
    tmux.wait_for_text("There is no case file here yet");
    tmux.send("s");
    tmux.wait_for_text("Start your case");
    tmux.type_text("Ana Souza");
    tmux.send("C-s");
    tmux.wait_for_text("Saved the case");

    // The Doctors pane: add a doctor.
    tmux.send("9");
    tmux.send("a");
    tmux.wait_for_text("Add a doctor");
    tmux.type_text("Dr. Lena Brooks");
    tmux.send("Tab");
    tmux.type_text("Radiation oncology");
    tmux.send("C-s");
    tmux.wait_for_text("Saved the doctor");

    // The Opinions pane: add her opinion, with a recommendation.
    tmux.send("2");
    tmux.send("a");
    tmux.wait_for_text("Add an opinion");
    for _ in 0..4 {
        tmux.send("Tab");
    }
    tmux.type_text("Radiation after lumpectomy");
    tmux.send("C-s");
    tmux.wait_for_text("Saved the opinion");

    tmux.send("q");
    tmux.wait_for("the shell again", |screen| has_line(screen, "EXIT=0"));
    tmux.type_line("clear");
    tmux.wait_for("a clear screen", |screen| !screen.contains("EXIT=0"));

    // Start again: both are there, written by Ana.
    tmux.type_line(&start);
    tmux.wait_for_text("Ana Souza");
    tmux.send("2");
    let screen = tmux.wait_for_text("Radiation after lumpectomy");
    assert!(screen.contains("Dr. Lena Brooks"), "{screen}");
    assert!(screen.contains("Added by Ana"), "{screen}");
    tmux.send("q");
    tmux.wait_for("the shell again", |screen| has_line(screen, "EXIT=0"));
}

#[test]
fn a_polite_kill_gives_the_terminal_back() {
    if !have_tmux() {
        return;
    }
    let data_home = tempfile::tempdir().expect("temp dir");
    let case = data_home.path().join("killed.db");
    let tmux = Tmux::start(data_home.path());
    tmux.type_line(&format!(
        "{} demo --db {} --as Tester; echo \"EXIT=$?\"",
        quoted(Path::new(env!("CARGO_BIN_EXE_casefile"))),
        quoted(&case),
    ));
    tmux.wait_for_text("days left to decide");
    // Something half typed in a form when the kill comes.
    tmux.send("9");
    tmux.send("a");
    tmux.wait_for_text("Add a doctor");
    tmux.type_text("Dr. Typed Before The Kill");
    tmux.wait_for_text("Dr. Typed Before The Kill");
    // The casefile process is the one whose command line names this file.
    let wanted = case.display().to_string();
    let pid = fs::read_dir("/proc")
        .expect("/proc")
        .filter_map(|entry| entry.ok())
        .find_map(|entry| {
            let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
            let cmdline = fs::read(entry.path().join("cmdline")).ok()?;
            let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
            (cmdline.contains(&wanted)
                && cmdline.contains("casefile")
                && !cmdline.starts_with("sh "))
            .then_some(pid)
        })
        .expect("casefile is running");
    let killed = Command::new("sh")
        .args(["-c", &format!("kill -TERM {pid}")])
        .status()
        .expect("sh runs");
    assert!(killed.success(), "the signal was sent");
    let screen = tmux.wait_for("the shell again", |screen| {
        screen
            .lines()
            .any(|line| without_prompt(line).starts_with("EXIT="))
    });
    assert!(has_line(&screen, "EXIT=0"), "{screen}");
    assert_eq!(
        tmux.format("#{alternate_on}"),
        "0",
        "still on the alternate screen"
    );
    assert_eq!(
        tmux.format("#{mouse_any_flag}"),
        "0",
        "mouse capture still on"
    );

    // Started again, the typing is offered back.
    tmux.type_line("clear");
    tmux.wait_for("a clear screen", |screen| !screen.contains("EXIT=0"));
    tmux.type_line(&format!(
        "{} --db {} --as Tester; echo \"EXIT=$?\"",
        quoted(Path::new(env!("CARGO_BIN_EXE_casefile"))),
        quoted(&case),
    ));
    let screen = tmux.wait_for_text("Restored what you were typing");
    assert!(screen.contains("Dr. Typed Before The Kill"), "{screen}");
    // Put it away, as a person would: Esc, wait for the question, y.
    tmux.send("Escape");
    tmux.wait_for_text("Discard what you typed? (y/n)");
    tmux.send("y");
    tmux.wait_for("the form put away", |screen| {
        !screen.contains("Add a doctor")
    });
    tmux.send("q");
    tmux.wait_for("the shell again", |screen| has_line(screen, "EXIT=0"));
}
