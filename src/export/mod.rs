//! What leaves casefile as a file: the full JSON export, the appointment
//! packet and the question sheet, and (`files`) how a file is written:
//! owner-only, never over another.

pub mod document;
pub mod files;
pub mod ics;
pub mod json;
pub mod packet;

pub use document::{Document, Format};
