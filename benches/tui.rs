//! casefile on a case a hundred times bigger than any real one, driven
//! headless on a 200×50 screen: how long from opening the file to the first
//! frame, from a key to its frame, to save, to search, and how much memory
//! it takes. Run it with `cargo bench --bench tui`; `CASEFILE_BENCH_SCALE`
//! sets another scale, and `CASEFILE_BENCH_FILE` measures a copy of a stress
//! case written before. The last line printed is one JSON object.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use casefile::app::{Pane, Runtime, events};
use casefile::demo::write_demo_at_scale;
use casefile::domain::Clock;
use casefile::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

const WIDTH: u16 = 200;
const HEIGHT: u16 = 50;

fn main() -> Result<()> {
    let scale: usize = std::env::var("CASEFILE_BENCH_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100);
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("stress.db");
    let started = Instant::now();
    match std::env::var_os("CASEFILE_BENCH_FILE") {
        // A stress case written before, to measure again without waiting.
        Some(file) => {
            std::fs::copy(&file, &path)?;
            println!("Measuring a copy of {}", Path::new(&file).display());
        }
        None => {
            let mut store = Store::open(&path, "Bench", Clock::System)?;
            write_demo_at_scale(&mut store, scale)?;
            println!(
                "Wrote the stress case at scale {scale} in {:.1} s ({} MB)",
                started.elapsed().as_secs_f64(),
                std::fs::metadata(&path)?.len() / 1_000_000
            );
        }
    }
    // The case is on the disk before anything is timed, so that a save
    // measured waits for its own writing, not for the stress case's.
    std::fs::File::open(&path)?.sync_all()?;
    // Peak memory is counted from here: writing the case is not casefile
    // at work on it.
    reset_peak_memory();

    let mut bench = Bench::open(&path, dir.path())?;
    bench.run()?;
    bench.report();
    Ok(())
}

struct Bench {
    runtime: Runtime,
    screen: Terminal<TestBackend>,
    /// The same screen drawn again from memory, for the baseline.
    baseline_screen: Terminal<TestBackend>,
    first_frame: Duration,
    keys: Vec<(&'static str, Duration)>,
    baseline: Vec<Duration>,
    saves: Vec<Duration>,
    searches: Vec<Duration>,
}

impl Bench {
    fn open(path: &Path, dir: &Path) -> Result<Bench> {
        let started = Instant::now();
        let store = Store::open(path, "Bench", Clock::System)?;
        let mut runtime = Runtime::new(store, dir.join("demo.db"));
        runtime.dispatch(casefile::app::Action::Resize {
            columns: WIDTH,
            rows: HEIGHT,
        });
        let mut screen = Terminal::new(TestBackend::new(WIDTH, HEIGHT))?;
        screen.draw(|frame| casefile::ui::render(frame, &runtime.app))?;
        let first_frame = started.elapsed();
        let mut baseline_screen = Terminal::new(TestBackend::new(WIDTH, HEIGHT))?;
        baseline_screen.draw(|frame| casefile::ui::render(frame, &runtime.app))?;
        Ok(Bench {
            runtime,
            screen,
            baseline_screen,
            first_frame,
            keys: Vec::new(),
            baseline: Vec::new(),
            saves: Vec::new(),
            searches: Vec::new(),
        })
    }

    /// Presses `code`, and draws the frame that follows: the time it took.
    fn press_with(&mut self, code: KeyCode, modifiers: KeyModifiers) -> Result<Duration> {
        let started = Instant::now();
        let event = Event::Key(KeyEvent::new(code, modifiers));
        if let Some(action) = events::translate(&self.runtime.app, &event) {
            self.runtime.dispatch(action);
        }
        let app = &self.runtime.app;
        self.screen.draw(|frame| casefile::ui::render(frame, app))?;
        let took = started.elapsed();
        // The baseline: the same frame drawn from memory, with no key to
        // handle and no case file behind it.
        let started = Instant::now();
        self.baseline_screen
            .draw(|frame| casefile::ui::render(frame, app))?;
        self.baseline.push(started.elapsed());
        Ok(took)
    }

    fn press(&mut self, code: KeyCode) -> Result<Duration> {
        self.press_with(code, KeyModifiers::NONE)
    }

    /// A key whose time counts towards key to frame.
    fn timed(&mut self, what: &'static str, code: KeyCode) -> Result<()> {
        let took = self.press(code)?;
        self.keys.push((what, took));
        Ok(())
    }

    fn type_text(&mut self, text: &str) -> Result<Duration> {
        let mut last = Duration::ZERO;
        for c in text.chars() {
            last = self.press(KeyCode::Char(c))?;
        }
        Ok(last)
    }

    fn go_to(&mut self, pane: Pane) -> Result<()> {
        let key = char::from_digit(u32::try_from(pane.index() + 1)?, 10).context("pane key")?;
        self.timed("switch pane", KeyCode::Char(key))
    }

    fn run(&mut self) -> Result<()> {
        for _ in 0..3 {
            for pane in Pane::ALL {
                self.go_to(pane)?;
            }
        }
        let lists = [
            Pane::Questions,
            Pane::Imaging,
            Pane::Requests,
            Pane::Notes,
            Pane::Deadlines,
            Pane::Doctors,
            Pane::Opinions,
        ];
        for pane in lists {
            self.go_to(pane)?;
            for _ in 0..20 {
                self.timed("move one row", KeyCode::Char('j'))?;
            }
            for _ in 0..10 {
                self.timed("page down", KeyCode::PageDown)?;
            }
            for _ in 0..5 {
                self.timed("page up", KeyCode::PageUp)?;
            }
            self.timed("open a form", KeyCode::Char('e'))?;
            self.press(KeyCode::Esc)?;
        }
        for pane in [Pane::Imaging, Pane::Requests] {
            self.go_to(pane)?;
            for _ in 0..5 {
                self.timed("open a record", KeyCode::Enter)?;
                self.press(KeyCode::Esc)?;
                self.press(KeyCode::Char('j'))?;
            }
        }
        for _ in 0..5 {
            self.go_to(Pane::Notes)?;
            self.press(KeyCode::Char('j'))?;
            self.timed("open a record", KeyCode::Enter)?;
        }
        self.go_to(Pane::Notes)?;
        for n in 0..10 {
            self.timed("open a form", KeyCode::Char('a'))?;
            self.type_text(&format!("A note written by the benchmark, number {n}"))?;
            let took = self.press_with(KeyCode::Char('s'), KeyModifiers::CONTROL)?;
            self.saves.push(took);
        }
        // Saving a question: the Questions pane's lists are worked out again.
        self.go_to(Pane::Questions)?;
        for n in 0..5 {
            self.timed("open a form", KeyCode::Char('e'))?;
            self.type_text(&format!(" (checked {n})"))?;
            let took = self.press_with(KeyCode::Char('s'), KeyModifiers::CONTROL)?;
            self.saves.push(took);
            self.press(KeyCode::Char('j'))?;
        }
        for query in [
            "calcifications",
            "oncotype",
            "courier",
            "parking lot",
            "margin",
        ] {
            self.press(KeyCode::Char('/'))?;
            // Every key typed runs the search again: the time counted is
            // the last one's, the whole query.
            let took = self.type_text(query)?;
            self.searches.push(took);
            self.timed("open a record", KeyCode::Enter)?;
        }
        Ok(())
    }

    fn report(&self) {
        let mut rows: Vec<(&str, Vec<Duration>)> = Vec::new();
        for (what, took) in &self.keys {
            match rows.iter_mut().find(|(name, _)| name == what) {
                Some((_, list)) => list.push(*took),
                None => rows.push((what, vec![*took])),
            }
        }
        rows.push(("save a record", self.saves.clone()));
        rows.push(("search", self.searches.clone()));
        rows.push(("baseline: the frame alone", self.baseline.clone()));
        println!();
        println!(
            "{:<28} {:>7} {:>10} {:>10} {:>10}",
            "on a 200×50 screen", "samples", "median ms", "p90 ms", "max ms"
        );
        for (what, list) in &rows {
            println!(
                "{:<28} {:>7} {:>10.2} {:>10.2} {:>10.2}",
                what,
                list.len(),
                ms(percentile(list, 50)),
                ms(percentile(list, 90)),
                ms(percentile(list, 100)),
            );
        }
        let all_keys: Vec<Duration> = self.keys.iter().map(|(_, took)| *took).collect();
        let peak = peak_memory_mb();
        println!();
        println!(
            "first frame after opening the file: {:.1} ms",
            ms(self.first_frame)
        );
        println!("peak memory: {peak:.1} MB");
        println!(
            "{{\"first_frame_ms\": {:.2}, \"key_median_ms\": {:.3}, \"key_max_ms\": {:.3}, \
             \"save_ms\": {:.3}, \"search_ms\": {:.3}, \"peak_rss_mb\": {:.1}, \
             \"render_baseline_median_ms\": {:.3}}}",
            ms(self.first_frame),
            ms(percentile(&all_keys, 50)),
            ms(percentile(&all_keys, 100)),
            ms(percentile(&self.saves, 50)),
            ms(percentile(&self.searches, 50)),
            peak,
            ms(percentile(&self.baseline, 50)),
        );
    }
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1_000.0
}

/// The `p`th percentile (nearest rank) of `samples`.
fn percentile(samples: &[Duration], p: usize) -> Duration {
    let mut sorted = samples.to_vec();
    sorted.sort();
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = (p * sorted.len()).div_ceil(100).clamp(1, sorted.len());
    sorted[rank - 1]
}

/// Starts counting peak memory again from what is in use now (Linux).
fn reset_peak_memory() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// The most memory this process has held at once, in MB (Linux's VmHWM).
fn peak_memory_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| {
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<f64>()
                .ok()
        })
        .map_or(0.0, |kb| kb / 1_000.0)
}
