//! What reaches casefile from outside while the TUI runs: the terminal's
//! keys, pastes, mouse and resizes, the signals that stop it, and the
//! terminal going away. Each is read on a thread of its own and sent, in
//! the order it came, to the one loop that handles them (`app::run`). That
//! loop never waits on the terminal itself, so a terminal that hangs up or
//! stops answering cannot keep casefile from keeping the typing and
//! leaving.

use std::io::IsTerminal;
use std::os::fd::{AsFd, OwnedFd};
use std::sync::Once;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

use anyhow::{Context, Result};
use ratatui::crossterm::event::{self, Event};
use ratatui::crossterm::terminal;
use rustix::event::{PollFd, PollFlags, Timespec, poll};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGWINCH};
use signal_hook::iterator::Signals;

use super::Incoming;

/// How long the loop has, once told to stop, to keep the typing and give
/// the terminal back before the process ends anyway.
const GRACE: Duration = Duration::from_millis(800);

/// How long crossterm may wait for the rest of what the terminal sent.
const REST: Duration = Duration::from_millis(1);

/// How long the reader waits on a quiet terminal before asking crossterm
/// again anyway. crossterm reads the terminal a kilobyte at a time and
/// keeps the keys it has read but not yet handed over; when its short wait
/// (`REST`) is over before it looks at them, as happens on a busy machine,
/// they stay with it while the terminal itself has nothing more to say. A
/// long paste then stopped a few words from its end until another key
/// came. Asking again after this long hands them over.
const ASK_AGAIN: Duration = Duration::from_millis(100);

/// Starts listening to the terminal and to the signals; what they say
/// arrives on the receiver.
pub fn listen() -> Result<Receiver<Incoming>> {
    let (sender, receiver) = mpsc::channel();
    let signals = Signals::new([SIGHUP, SIGTERM, SIGINT, SIGWINCH])
        .context("Could not listen for the terminal closing")?;
    let tty = terminal_input()
        .context("casefile needs an interactive terminal; run it in a terminal window")?;
    // crossterm reads the terminal from here on; asking once now sets up
    // its reader, which also follows the window's size.
    let _ = event::poll(Duration::ZERO);
    let to_loop = sender.clone();
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || follow_signals(signals, &to_loop))
        .context("Could not listen for the terminal closing")?;
    std::thread::Builder::new()
        .name("terminal".into())
        .spawn(move || read_terminal(&tty, &sender))
        .context("Could not read the terminal")?;
    Ok(receiver)
}

/// The terminal crossterm reads: standard input when it is one, else the
/// process's terminal. Its own descriptor, to wait on.
fn terminal_input() -> std::io::Result<OwnedFd> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        stdin.as_fd().try_clone_to_owned()
    } else {
        Ok(std::fs::File::open("/dev/tty")?.into())
    }
}

fn follow_signals(mut signals: Signals, sender: &Sender<Incoming>) {
    for signal in signals.forever() {
        let input = match signal {
            SIGWINCH => match terminal::size() {
                Ok((columns, rows)) => Incoming::Event(Event::Resize(columns, rows)),
                Err(_) => continue,
            },
            SIGHUP => Incoming::HangUp,
            _ => Incoming::Stop,
        };
        let stopping = !matches!(input, Incoming::Event(_));
        if sender.send(input).is_err() {
            return;
        }
        if stopping {
            leave_anyway_after(GRACE);
        }
    }
}

/// Sends everything the terminal sends, as it arrives, until it goes away.
/// Waiting is left to the kernel (`poll`), which says at once when the
/// terminal hangs up: crossterm alone would read the closed terminal
/// again and again, for ever.
fn read_terminal(tty: &OwnedFd, sender: &Sender<Incoming>) {
    loop {
        let Some(waiting) = wait_for_input(tty, ASK_AGAIN) else {
            return lost(sender);
        };
        // Asked after every wait, even a quiet one: see `ASK_AGAIN`.
        let Some(any) = hand_over(sender) else {
            return;
        };
        if waiting.contains(PollFlags::IN) && !any {
            // Bytes that made no event (a broken sequence): never turn
            // them into a busy loop.
            std::thread::sleep(Duration::from_millis(10));
        }
        if waiting.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
            return lost(sender);
        }
    }
}

/// Sends every event crossterm has ready; says whether there was any, or
/// None when the terminal or the loop has gone.
fn hand_over(sender: &Sender<Incoming>) -> Option<bool> {
    let mut any = false;
    loop {
        match event::poll(REST) {
            Ok(true) => match event::read() {
                Ok(event) => {
                    any = true;
                    sender.send(Incoming::Event(event)).ok()?;
                }
                Err(_) => {
                    lost(sender);
                    return None;
                }
            },
            Ok(false) => return Some(any),
            Err(_) => {
                lost(sender);
                return None;
            }
        }
    }
}

/// Waits, at most `longest`, until the terminal has something to read or
/// has gone: what `poll` says of it (nothing, when the time ran out), or
/// None when it cannot be waited on.
fn wait_for_input(tty: &OwnedFd, longest: Duration) -> Option<PollFlags> {
    let timeout = Timespec::try_from(longest).ok()?;
    loop {
        let mut fds = [PollFd::new(tty, PollFlags::IN)];
        match poll(&mut fds, Some(&timeout)) {
            Ok(_) => return Some(fds[0].revents()),
            Err(rustix::io::Errno::INTR) => continue,
            Err(_) => return None,
        }
    }
}

fn lost(sender: &Sender<Incoming>) {
    let _ = sender.send(Incoming::Lost);
    leave_anyway_after(GRACE);
}

/// Ends the process after `delay` if it is still running by then: a stop
/// always ends casefile, even when the file or the terminal hold it up.
fn leave_anyway_after(delay: Duration) {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let _ = std::thread::Builder::new()
            .name("leaving".into())
            .spawn(move || {
                std::thread::sleep(delay);
                super::restore();
                std::process::exit(1);
            });
    });
}
