//! What `update` asks the runtime to do. Effects are the only way the app
//! reaches the case file.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    /// Read the whole case from the file.
    Load,
    /// Open (writing it first if needed) the separate demo case file.
    OpenDemo,
    /// Write a doctor's appointment packet as an HTML file.
    WritePacket {
        doctor_id: crate::domain::RecordId,
        blind: bool,
    },
}
