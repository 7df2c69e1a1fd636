//! One file per table: its columns, and how a draft maps onto them.

mod case_info;
mod conflict_states;
mod custody_moves;
mod deadlines;
mod doctors;
mod follow_ups;
mod item_recipients;
mod items;
mod notes;
mod opinions;
mod positions;
mod questions;
mod record_requests;
mod request_items;
mod stance_equivalences;
mod topics;
