//! What leaves casefile as a file: the full JSON export, the appointment
//! packet, the question sheet and the decision summary, and (`files`) how a file is written:
//! owner-only, never over another.

pub mod decision;
pub mod document;
pub mod files;
pub mod ics;
pub mod json;
pub mod packet;
pub mod weighing;

pub use document::{Document, Format};
