//! Imaging and slides: each item, its moves and the doctors who need it.

use super::selected;
use crate::app::editing::say;
use crate::app::keymap::Scope::Imaging;
use crate::app::keymap::{Binding, ENTER, ESC, LEFT, RIGHT, ch, help, hint};
use crate::app::lists::title;
use crate::app::{Action, App, Parts};
use crate::domain::{CaseSnapshot, Item, RecordKind, RecordRef};

pub fn items(case: &CaseSnapshot) -> Vec<&Item> {
    case.items.iter().collect()
}

/// Enter on an item: its moves and the doctors who need it, to edit or
/// delete one by one.
pub fn open_parts(app: &mut App) {
    let Some(record) = selected(app).filter(|r| r.kind == RecordKind::Item) else {
        return;
    };
    let case = &app.case;
    let Some(item) = case.item(record.id) else {
        return;
    };
    let mut records: Vec<RecordRef> = crate::domain::item::custody_log(item, &case.custody_moves)
        .into_iter()
        .map(|m| RecordRef {
            kind: RecordKind::CustodyMove,
            id: m.id,
        })
        .collect();
    records.extend(
        case.item_recipients
            .iter()
            .filter(|r| r.item_id == item.id)
            .map(|r| RecordRef {
                kind: RecordKind::ItemRecipient,
                id: r.id,
            }),
    );
    if records.is_empty() {
        say(
            app,
            "No moves or doctors recorded for this item yet: m records a move, r a doctor who needs it",
        );
        return;
    }
    app.overlays.open_parts(Parts {
        title: format!("What belongs to the {}", title(case, record)),
        records,
        row: 0,
        reasons: Vec::new(),
    });
}

/// The keys of this pane, a line each.
#[rustfmt::skip]
pub static KEYS: &[Binding] = &[
    hint(Imaging, &[ch('w')], Action::ToggleSeenGrid, "who has seen what: items by doctors, or the list", "who has seen what"),
    help(Imaging, &[ch('h'), LEFT], Action::Left, "previous doctor (who has seen what)"),
    help(Imaging, &[ch('l'), RIGHT], Action::Right, "next doctor (who has seen what)"),
    help(Imaging, &[ENTER], Action::Open, "its moves and doctors, to edit or delete"),
    help(Imaging, &[ESC], Action::CloseSeenGrid, "back to the list (from who has seen what)"),
    hint(Imaging, &[ch('m')], Action::AddTo(RecordKind::CustodyMove), "record a move of this item", "record a move"),
    hint(Imaging, &[ch('r')], Action::AddTo(RecordKind::ItemRecipient), "a doctor needs it, or received it", "a doctor needs it"),
    hint(Imaging, &[ch('I')], Action::ImportDisc, "import an imaging disc (CD, DVD, USB stick or .zip)", "import a disc"),
];
