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
/// A casefile it ran that outlives it (as one that does not notice its
/// terminal going would) is killed too.
struct Tmux {
    socket: String,
    socket_path: Option<PathBuf>,
    data_home: PathBuf,
}

impl Tmux {
    /// Starts a detached 120x36 session running a plain shell, with
    /// `XDG_DATA_HOME` pointing at `data_home`.
    fn start(data_home: &Path) -> Tmux {
        Tmux::start_sized(data_home, 120, 36)
    }

    /// The same, `columns` wide and `rows` high.
    fn start_sized(data_home: &Path, columns: u16, rows: u16) -> Tmux {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let mut tmux = Tmux {
            socket: format!("casefile-e2e-{}-{nanos}", std::process::id()),
            socket_path: None,
            data_home: data_home.to_path_buf(),
        };
        let output = tmux
            .command()
            .args(["new-session", "-d", "-s", SESSION])
            .args(["-x", &columns.to_string(), "-y", &rows.to_string()])
            .arg("-c")
            .arg(data_home)
            .arg("sh")
            .env("XDG_DATA_HOME", data_home)
            // Packets go to the documents folder, else home: never the
            // real one.
            .env("HOME", data_home)
            .env("XDG_CONFIG_HOME", data_home.join("config"))
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

    /// Pastes `text` as a terminal without bracketed paste does: as plain
    /// keys, one after another (`paste-buffer` without `-p`).
    fn paste_as_keys(&self, text: &str, dir: &Path) {
        let file = dir.join("pasted.txt");
        fs::write(&file, text).expect("write the text to paste");
        self.run(&["load-buffer", &file.display().to_string()]);
        self.run(&["paste-buffer", "-t", SESSION]);
    }

    /// Starts `command` in a window of its own, which becomes the one on
    /// screen; it closes when the command ends.
    fn open_window(&self, name: &str, command: &str) {
        self.run(&["new-window", "-t", SESSION, "-n", name, command]);
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
        for _ in 0..10 {
            if casefile_pid(&self.data_home).is_none() {
                return;
            }
            sleep(STEP);
        }
        for _ in 0..50 {
            let Some(pid) = casefile_pid(&self.data_home) else {
                return;
            };
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
            sleep(Duration::from_millis(20));
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

/// The casefile process whose command line names `case`.
fn casefile_pid(case: &Path) -> Option<u32> {
    let wanted = case.display().to_string();
    fs::read_dir("/proc")
        .expect("/proc")
        .filter_map(|entry| entry.ok())
        .find_map(|entry| {
            let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
            let cmdline = fs::read(entry.path().join("cmdline")).ok()?;
            let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
            (cmdline.contains(&wanted)
                && cmdline.contains("casefile")
                && !cmdline.starts_with("sh ")
                && running(pid))
            .then_some(pid)
        })
}

/// Waits until casefile is running on `case`.
fn wait_for_casefile(case: &Path) -> u32 {
    for _ in 0..TRIES {
        if let Some(pid) = casefile_pid(case) {
            return pid;
        }
        sleep(STEP);
    }
    panic!("casefile never started on {}", case.display());
}

/// Whether process `pid` is still running: not gone, and not a zombie
/// waiting for its parent.
fn running(pid: u32) -> bool {
    fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        // The state follows the command name, which is in parentheses.
        let state = stat.rsplit(')').next().unwrap_or_default().trim_start();
        !state.starts_with('Z') && !state.starts_with('X')
    })
}

/// Waits up to `limit` for process `pid` to end; how long it took, or
/// None when it is still running.
fn gone_within(pid: u32, limit: Duration) -> Option<Duration> {
    let started = std::time::Instant::now();
    while started.elapsed() < limit {
        if !running(pid) {
            return Some(started.elapsed());
        }
        sleep(Duration::from_millis(20));
    }
    None
}

/// Sends `signal` (TERM, STOP, CONT...) to process `pid`.
fn signal(pid: u32, signal: &str) {
    let sent = Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success(), "kill -{signal} {pid}");
}

/// What `author` left typing in an unsaved form of the case file, as
/// casefile keeps it for the next start.
fn left_draft(case: &Path, author: &str) -> Option<String> {
    let store = casefile::store::Store::open(case, author, casefile::domain::Clock::System)
        .expect("the case file opens");
    store
        .left_draft()
        .expect("the drafts can be read")
        .map(|(_, json)| json)
}

/// Ends a test whose casefile would not stop: it is killed, so that no
/// test leaves one running.
struct KillOnDrop(u32);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if running(self.0) {
            let _ = Command::new("kill")
                .args(["-KILL", &self.0.to_string()])
                .status();
        }
    }
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
    let pid = casefile_pid(&case).expect("casefile is running");
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

/// The command that starts casefile on `case` as Tester, then says how it
/// ended.
fn casefile_on(case: &Path, first: &str) -> String {
    format!(
        "{} {first} --db {} --as Tester; echo \"EXIT=$?\"",
        quoted(Path::new(env!("CARGO_BIN_EXE_casefile"))),
        quoted(case),
    )
}

/// A long paste, as a terminal without bracketed paste sends it: 20,000
/// plain keys. All of it is in the note on screen and in the file within
/// seconds, with no other key pressed; then Ctrl-S saves it whole.
#[test]
fn a_paste_that_comes_as_keys_arrives_whole_without_another_key() {
    if !have_tmux() {
        return;
    }
    let data_home = tempfile::tempdir().expect("temp dir");
    let case = data_home.path().join("pasted.db");
    let tmux = Tmux::start(data_home.path());
    tmux.type_line(&casefile_on(&case, "demo"));
    tmux.wait_for_text("days left to decide");
    tmux.send("8");
    tmux.send("n");
    tmux.wait_for_text("Add a note on the case");

    // Words, a line break every 50 of them, and a mark at the very end.
    let mut pasted = String::new();
    let mut word = 0;
    while pasted.chars().count() < 20_000 - 12 {
        word += 1;
        pasted.push_str(&format!("word{word:05}"));
        pasted.push(if word % 50 == 0 { '\n' } else { ' ' });
    }
    pasted.push_str("END-OF-PASTE");
    assert!(pasted.chars().count() >= 20_000);
    let started = std::time::Instant::now();
    tmux.paste_as_keys(&pasted, data_home.path());
    tmux.wait_for_text("END-OF-PASTE");
    // Kept in the file as it is typed, twice a second.
    let mut kept = None;
    while started.elapsed() < Duration::from_secs(10) {
        kept = left_draft(&case, "Tester");
        if kept
            .as_deref()
            .is_some_and(|json| json.contains("END-OF-PASTE"))
        {
            break;
        }
        sleep(STEP);
    }
    let kept = kept.expect("the typing is kept in the file");
    let form: serde_json::Value = serde_json::from_str(&kept).expect("a kept form");
    assert_eq!(
        form["values"][0][1].as_str(),
        Some(pasted.as_str()),
        "the note kept is not the whole paste"
    );

    tmux.send("C-s");
    tmux.wait_for_text("Saved the note");
    tmux.send("q");
    tmux.wait_for("the shell again", |screen| has_line(screen, "EXIT=0"));
    let listed = Command::new(env!("CARGO_BIN_EXE_casefile"))
        .args(["list", "notes", "--json", "--db"])
        .arg(&case)
        .output()
        .expect("casefile list runs");
    check(&listed, "casefile list notes");
    let notes: serde_json::Value = serde_json::from_slice(&listed.stdout).expect("JSON");
    assert!(
        notes
            .as_array()
            .expect("an array")
            .iter()
            .any(|note| note["body"].as_str() == Some(pasted.as_str())),
        "no note holds the whole paste"
    );
}

/// Typing, then closing the window at once: casefile keeps everything
/// typed, leaves, and offers it back on the next start.
#[test]
fn closing_the_window_right_after_typing_keeps_all_of_it() {
    if !have_tmux() {
        return;
    }
    let data_home = tempfile::tempdir().expect("temp dir");
    let case = data_home.path().join("closed.db");
    let tmux = Tmux::start(data_home.path());
    // First write the demo, and quit.
    tmux.type_line(&casefile_on(&case, "demo"));
    tmux.wait_for_text("days left to decide");
    tmux.send("q");
    tmux.wait_for("the shell again", |screen| has_line(screen, "EXIT=0"));

    // casefile in a window of its own, closed right after typing.
    tmux.open_window("casefile", &casefile_on(&case, ""));
    tmux.wait_for_text("days left to decide");
    let pid = wait_for_casefile(&case);
    let _guard = KillOnDrop(pid);
    tmux.send("9");
    tmux.send("a");
    tmux.wait_for_text("Add a doctor");
    tmux.type_text("Dr. Typed Before A Pause");
    tmux.wait_for_text("Dr. Typed Before A Pause");
    sleep(Duration::from_millis(700));
    tmux.type_text(" And Right Before The Close");
    sleep(Duration::from_millis(50));
    tmux.run(&["kill-window", "-t", &format!("{SESSION}:casefile")]);
    assert!(
        gone_within(pid, Duration::from_secs(2)).is_some(),
        "casefile still runs after its window closed"
    );

    // Started again in the first window, it offers all of it back.
    tmux.type_line("clear");
    tmux.wait_for("a clear screen", |screen| !screen.contains("EXIT=0"));
    tmux.type_line(&casefile_on(&case, ""));
    let screen = tmux.wait_for_text("Restored what you were typing");
    assert!(
        screen.contains("Dr. Typed Before A Pause And Right Before The Close"),
        "{screen}"
    );
    tmux.send("Escape");
    tmux.wait_for_text("Discard what you typed? (y/n)");
    tmux.send("y");
    tmux.wait_for("the form put away", |screen| {
        !screen.contains("Add a doctor")
    });
    tmux.send("q");
    tmux.wait_for("the shell again", |screen| has_line(screen, "EXIT=0"));
}

/// The terminal goes away (its tmux server killed, as when an SSH
/// connection drops): casefile keeps the typing and leaves at once,
/// rather than running on with no terminal.
#[test]
fn casefile_does_not_outlive_its_terminal() {
    if !have_tmux() {
        return;
    }
    let data_home = tempfile::tempdir().expect("temp dir");
    let case = data_home.path().join("orphan.db");
    let tmux = Tmux::start(data_home.path());
    tmux.type_line(&casefile_on(&case, "demo"));
    tmux.wait_for_text("days left to decide");
    let pid = wait_for_casefile(&case);
    let _guard = KillOnDrop(pid);
    tmux.send("9");
    tmux.send("a");
    tmux.wait_for_text("Add a doctor");
    tmux.type_text("Dr. Typed Before The Server Died");
    sleep(Duration::from_millis(50));
    tmux.run(&["kill-server"]);
    let took = gone_within(pid, Duration::from_secs(2));
    assert!(took.is_some(), "casefile still runs with no terminal");
    let kept = left_draft(&case, "Tester").expect("the typing is kept");
    assert!(
        kept.contains("Dr. Typed Before The Server Died"),
        "kept: {kept}"
    );
}

/// SIGTERM ends casefile whose terminal is gone, and keeps the typing:
/// here casefile is stopped while its terminal goes, and the SIGTERM is
/// waiting for it when it runs again.
#[test]
fn a_polite_kill_ends_casefile_whose_terminal_is_gone() {
    if !have_tmux() {
        return;
    }
    let data_home = tempfile::tempdir().expect("temp dir");
    let case = data_home.path().join("stopped.db");
    let tmux = Tmux::start(data_home.path());
    tmux.type_line(&casefile_on(&case, "demo"));
    tmux.wait_for_text("days left to decide");
    let pid = wait_for_casefile(&case);
    let _guard = KillOnDrop(pid);
    tmux.send("9");
    tmux.send("a");
    tmux.wait_for_text("Add a doctor");
    tmux.type_text("Dr. Typed Before The Stop");
    tmux.wait_for_text("Dr. Typed Before The Stop");
    signal(pid, "STOP");
    tmux.run(&["kill-server"]);
    sleep(Duration::from_millis(200));
    signal(pid, "TERM");
    signal(pid, "CONT");
    assert!(
        gone_within(pid, Duration::from_secs(1)).is_some(),
        "casefile still runs a second after SIGTERM"
    );
    let kept = left_draft(&case, "Tester").expect("the typing is kept");
    assert!(kept.contains("Dr. Typed Before The Stop"), "kept: {kept}");
}

/// At 80 columns: the tab bar keeps the current pane whole and marks the
/// ones left out, and a long message keeps the file it names on screen.
#[test]
fn eighty_columns_keep_the_current_tab_and_the_file_names() {
    if !have_tmux() {
        return;
    }
    let data_home = tempfile::tempdir().expect("temp dir");
    let case = data_home.path().join("narrow.db");
    let tmux = Tmux::start_sized(data_home.path(), 80, 24);
    tmux.type_line(&casefile_on(&case, "demo"));
    let screen = tmux.wait_for_text("days left to decide");
    let bar = screen.lines().nth(1).unwrap_or_default().to_string();
    assert!(
        bar.starts_with("1 Overview│") && bar.trim_end().ends_with('›'),
        "{bar}"
    );
    tmux.send("9");
    let screen = tmux.wait_for_text("Care team");
    let bar = screen.lines().nth(1).unwrap_or_default().to_string();
    assert!(bar.starts_with('‹') && bar.contains("9 Doctors│"), "{bar}");
    // The current tab is drawn highlighted (reversed).
    let drawn = tmux.run(&["capture-pane", "-e", "-p", "-t", SESSION]);
    let tab = drawn.find("9 Doctors").expect("the tab");
    let before = &drawn[drawn[..tab].rfind('\n').map_or(0, |n| n + 1)..tab];
    // The styles set since the divider before the tab.
    let styles = before.rsplit('│').next().unwrap_or_default();
    assert!(
        ["[7m", ";7m", "[7;", ";7;"]
            .iter()
            .any(|reverse| styles.contains(reverse)),
        "9 Doctors is not reversed: {before:?}"
    );
    // p writes the appointment packet; its file is named in full.
    tmux.send("p");
    let screen = tmux.wait_for_text("read or print");
    let packet = fs::read_dir(data_home.path())
        .expect("the folder")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .find(|name| name.ends_with(".html"))
        .expect("the packet was written");
    assert!(
        screen.contains(&packet),
        "{packet} not on screen:\n{screen}"
    );
    tmux.send("q");
    tmux.wait_for("the shell again", |screen| has_line(screen, "EXIT=0"));
}

/// `I` in Imaging imports a fixture disc from the real binary: the path
/// typed, the preview, `y`, and the disc with its study on screen.
#[test]
fn a_disc_imported_from_imaging_shows_its_study() {
    if !have_tmux() {
        return;
    }
    let data_home = tempfile::tempdir().expect("temp dir");
    let case = data_home.path().join("disc.db");
    let tmux = Tmux::start(data_home.path());
    tmux.type_line(&casefile_on(&case, ""));
    tmux.wait_for_text("There is no case file here yet");
    tmux.send("s");
    tmux.wait_for_text("Start your case");
    tmux.type_text("Maria Alvarez");
    tmux.send("C-s");
    tmux.wait_for_text("Saved the case");

    tmux.send("5");
    tmux.send("I");
    tmux.wait_for_text("Import an imaging disc");
    tmux.send("C-u");
    let disc = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/discs/normal");
    tmux.type_text(&disc.display().to_string());
    tmux.send("C-s");
    let preview = tmux.wait_for_text("What is on the disc");
    assert!(preview.contains("MRI BREAST BILATERAL"), "{preview}");
    tmux.send("y");
    let screen = tmux.wait_for_text("is now in the case");
    assert!(
        screen.contains("Imaging disc from Riverside Imaging"),
        "{screen}"
    );
    assert!(screen.contains("MRI BREAST BILATERAL"), "{screen}");
    tmux.send("q");
    tmux.wait_for("the shell again", |screen| has_line(screen, "EXIT=0"));
}
