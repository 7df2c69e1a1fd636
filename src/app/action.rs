//! Everything that can happen to the app, whether from a key, a mouse, the
//! store, or a test.

use super::Pane;
use crate::domain::CaseSnapshot;

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Quit,
    ToggleHelp,
    CloseHelp,
    NextPane,
    PreviousPane,
    GoTo(Pane),
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Left,
    Right,
    /// Scrolls the selected record's detail, when it is longer than its box.
    ScrollDetailDown,
    ScrollDetailUp,
    /// Writes the selected doctor's appointment packet beside the case file.
    WritePacket {
        blind: bool,
    },
    /// Something finished; the text says what.
    Done(String),
    /// Opens the separate demo case file from the welcome screen.
    OpenDemo,
    /// A mouse click at a screen position.
    Click {
        column: u16,
        row: u16,
    },
    /// The terminal changed size; `rows` is its new height.
    Resize {
        rows: u16,
    },
    /// Read the case file again.
    Reload,
    /// The case as read from the file.
    Loaded(Box<CaseSnapshot>),
    /// A different case file is now open.
    Switched {
        file: std::path::PathBuf,
        note: String,
    },
    /// Something went wrong; the text says what and what to do.
    Failed(String),
}
