//! What leaves casefile as a file: the full JSON export, the appointment
//! packet and the question sheet. Nothing here writes to disk or to the
//! terminal; the command line decides where the text goes.

pub mod document;
pub mod ics;
pub mod json;
pub mod packet;

pub use document::{Document, Format};
