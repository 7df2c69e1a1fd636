//! Doctors: the care team, and their appointment packets.

use crate::app::editing::{say, warn};
use crate::app::keymap::Binding;
use crate::app::keymap::Scope::Doctors;
use crate::app::keymap::{ch, hint};
use crate::app::{Action, App, Effect, Pane, Parts};
use crate::domain::{CaseSnapshot, Doctor, RecordRef};

pub fn doctors(case: &CaseSnapshot) -> Vec<&Doctor> {
    case.doctors.iter().collect()
}

/// A packet was written: say where (the whole path), and keep it for `o`.
pub fn written(
    app: &mut App,
    path: std::path::PathBuf,
    message: String,
    left_out: Vec<(RecordRef, String)>,
) {
    app.written = Some(path);
    if left_out.is_empty() {
        say(app, message);
        return;
    }
    warn(app, message);
    let (records, reasons) = left_out.into_iter().unzip();
    app.overlays.open_parts(Parts {
        title: "Left out of the blind packet: e rewords one to have it in".into(),
        records,
        row: 0,
        reasons,
    });
}

/// `o`: opens the file written last with the desktop's opener.
pub fn open_written(app: &mut App) -> Effect {
    match &app.written {
        Some(path) => Effect::Open(path.clone()),
        None => {
            say(
                app,
                "Nothing has been written in this session to open: p or P in Doctors (9) writes a packet",
            );
            Effect::None
        }
    }
}

/// `p`, `P`: the selected doctor's appointment packet, open or blind.
pub fn write_packet(app: &mut App, blind: bool) -> Effect {
    match doctors(&app.case).get(app.cursor_of(Pane::Doctors).row) {
        Some(doctor) => Effect::WritePacket {
            doctor_id: doctor.id,
            blind,
        },
        None => Effect::None,
    }
}

/// The keys of this pane, a line each.
#[rustfmt::skip]
pub static KEYS: &[Binding] = &[
    hint(Doctors, &[ch('Q')], Action::AskDoctor, "a question for this doctor", "ask this doctor"),
    hint(Doctors, &[ch('p')], Action::WritePacket { blind: false }, "appointment packet (HTML)", "packet"),
    hint(Doctors, &[ch('P')], Action::WritePacket { blind: true }, "blind packet (no earlier conclusions)", "blind packet"),
    hint(Doctors, &[ch('o')], Action::OpenWritten, "open the packet just written", "open it"),
];
