//! One file per table: its columns, and how a draft maps onto them.

mod case_info;
mod conflict_states;
mod custody_moves;
mod deadlines;
mod decisions;
mod doctors;
mod factors;
mod follow_ups;
mod item_recipients;
mod items;
mod leanings;
mod notes;
mod opinions;
mod options;
mod positions;
mod questions;
mod readiness_checks;
mod record_requests;
mod request_items;
mod stance_equivalences;
mod studies;
mod topics;
mod views;
