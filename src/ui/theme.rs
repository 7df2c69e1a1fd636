//! Colours and emphasis. Every colour also has a symbol or a word beside
//! it, so nothing depends on colour alone; NO_COLOR turns colour off.

use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::style::{Color, Modifier, Style};

static PLAIN: AtomicBool = AtomicBool::new(false);

/// Turns colour off, as the NO_COLOR convention asks.
pub fn use_plain(plain: bool) {
    PLAIN.store(plain, Ordering::Relaxed);
}

fn colour(color: Color) -> Style {
    if PLAIN.load(Ordering::Relaxed) {
        Style::default()
    } else {
        Style::default().fg(color)
    }
}

pub fn title() -> Style {
    Style::default().add_modifier(Modifier::BOLD)
}

pub fn heading() -> Style {
    colour(Color::Cyan).add_modifier(Modifier::BOLD)
}

pub fn label() -> Style {
    colour(Color::Gray)
}

pub fn dim() -> Style {
    colour(Color::DarkGray).add_modifier(Modifier::DIM)
}

pub fn selected() -> Style {
    Style::default().add_modifier(Modifier::REVERSED)
}

pub fn active_tab() -> Style {
    colour(Color::Yellow).add_modifier(Modifier::BOLD | Modifier::REVERSED)
}

/// Overdue, a conflict, a warning: needs attention now.
pub fn alarm() -> Style {
    colour(Color::Red).add_modifier(Modifier::BOLD)
}

pub fn warning() -> Style {
    colour(Color::Yellow)
}

pub fn good() -> Style {
    colour(Color::Green)
}

pub fn border() -> Style {
    colour(Color::DarkGray)
}

/// The words a search matched: underlined, so they show without colour.
pub fn matched() -> Style {
    colour(Color::Yellow).add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}
