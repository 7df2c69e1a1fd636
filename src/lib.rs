//! casefile keeps a patient's second-opinion case in one local SQLite file
//! and shows it in a terminal: who said what, where the doctors disagree,
//! where the scans and slides are, and what is due when.

pub mod app;
pub mod cli;
pub mod demo;
pub mod disc;
pub mod domain;
pub mod export;
pub mod store;
pub mod tui;
pub mod ui;
pub mod widgets;
