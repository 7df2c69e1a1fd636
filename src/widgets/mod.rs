//! Pieces of screen that know nothing of casefile's records.

pub mod grid;
pub mod popup;
