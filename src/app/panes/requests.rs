//! Record requests: the clock, the answer, the written extension, the follow-ups.

use chrono::NaiveDate;

use super::selected;
use crate::app::editing::{open, say};
use crate::app::forms;
use crate::app::keymap::Scope::Requests;
use crate::app::keymap::{Binding, ENTER, ch, help, hint};
use crate::app::lists::title;
use crate::app::{Action, App, Parts};
use crate::domain::{CaseSnapshot, Choice, RecordKind, RecordRef, RecordRequest};

/// Overdue requests first, then those waiting by due date, then the rest
/// (answered, drafts, closed) newest first.
pub fn requests(case: &CaseSnapshot, today: NaiveDate) -> Vec<&RecordRequest> {
    case.requests_in_order(today)
}

/// The request selected in the Requests pane.
fn selected_request(app: &App) -> Option<&crate::domain::RecordRequest> {
    let record = selected(app).filter(|r| r.kind == RecordKind::Request)?;
    app.case.requests.iter().find(|r| r.id == record.id)
}

/// `R` in Requests: the request was answered. A form asks when, and for
/// each item it asked for whether the original came or a new copy.
pub fn mark_received(app: &mut App) {
    let today = app.today();
    let Some(request) = selected_request(app) else {
        return;
    };
    if request.status == crate::domain::RequestStatus::Received {
        say(
            app,
            match request.received_on {
                Some(on) => format!(
                    "This request is already marked received, on {}",
                    on.format("%-d %b %Y")
                ),
                None => "This request is already marked received".to_string(),
            },
        );
        return;
    }
    let form = forms::receipt(&app.case, request.id, today);
    open(app, form, "This request cannot be marked received here");
}

/// `x` in Requests: the provider sent a written extension. A form asks
/// when the notice came, and shows the new due date before saving.
pub fn record_extension(app: &mut App) {
    let today = app.today();
    let Some(request) = selected_request(app) else {
        return;
    };
    if request.extended_on.is_some() {
        say(
            app,
            "This request was already extended: the law allows one extension (e changes its date)",
        );
        return;
    }
    if !request.status.is_waiting() {
        say(
            app,
            format!(
                "This request is {}: there is no clock to extend",
                request.status.label()
            ),
        );
        return;
    }
    let form = forms::extension(&app.case, request.id, today);
    open(app, form, "This request cannot be extended here");
}

/// Enter on a request: the items it asks for and its follow-ups, to edit
/// or delete one by one.
pub fn open_parts(app: &mut App) {
    let Some(record) = selected(app).filter(|r| r.kind == RecordKind::Request) else {
        return;
    };
    let case = &app.case;
    let records: Vec<RecordRef> = case
        .request_items
        .iter()
        .filter(|r| r.request_id == record.id)
        .map(|r| RecordRef {
            kind: RecordKind::RequestItem,
            id: r.id,
        })
        .chain(
            case.follow_ups
                .iter()
                .filter(|f| f.request_id == record.id)
                .map(|f| RecordRef {
                    kind: RecordKind::FollowUp,
                    id: f.id,
                }),
        )
        .collect();
    if records.is_empty() {
        say(
            app,
            "No items or follow-ups on this request yet: i links an item it asks for, f adds a follow-up",
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
    hint(Requests, &[ch('R')], Action::MarkReceived, "mark received: when, and whether originals or new copies came", "received"),
    hint(Requests, &[ch('x')], Action::RecordExtension, "a written extension came: when (60 days, if in time)", "extension came"),
    hint(Requests, &[ch('f')], Action::AddTo(RecordKind::FollowUp), "add a follow-up", "follow-up"),
    hint(Requests, &[ch('i')], Action::AddTo(RecordKind::RequestItem), "link an item this request asks for", "link an item"),
    help(Requests, &[ENTER], Action::Open, "its follow-ups, to edit or delete"),
];
