//! The two steps of a record request's life that have forms of their own:
//! its written extension, and its answer, each saying first what saving
//! will do.

use chrono::NaiveDate;

use super::reader::Reader;
use super::{refresh, target};
use crate::app::form::{Field, Form, Pick, Purpose};
use crate::domain::validate;
use crate::domain::{CaseSnapshot, RecordId, RecordKind, RecordRequestDraft, RequestStatus};

/// The form of a request's written extension: the day the notice came,
/// and the new due date it gives, shown before it is saved.
pub fn extension(case: &CaseSnapshot, request_id: RecordId, today: NaiveDate) -> Option<Form> {
    let request = case.requests.iter().find(|r| r.id == request_id)?;
    let noticed = request.extended_on.unwrap_or(today);
    let mut form = Form::new(
        format!(
            "The written extension of the request to {}",
            crate::domain::text::inert(&request.to_whom)
        ),
        target(
            RecordKind::Request,
            Some((request.id, request.stamp.version)),
        ),
        vec![
            Field::date(
                "extended_on",
                "The written notice came on",
                &noticed.to_string(),
            )
            .required(),
        ],
    )
    .with_defaults();
    form.purpose = Purpose::Extension;
    refresh(&mut form, case, today);
    Some(form)
}

/// The form of a request answered: the day it came, and for each item it
/// asked for, whether the original came or a new copy.
pub fn receipt(case: &CaseSnapshot, request_id: RecordId, today: NaiveDate) -> Option<Form> {
    let request = case.requests.iter().find(|r| r.id == request_id)?;
    let mut fields = vec![Field::date("received_on", "It came on", &today.to_string()).required()];
    let destination = crate::domain::request::destination(case, request);
    for link in case
        .request_items
        .iter()
        .filter(|l| l.request_id == request.id)
    {
        let Some(item) = case.item(link.item_id) else {
            continue;
        };
        let suggested = match crate::domain::request::likely_arrival(item) {
            crate::domain::request::Arrival::Original => "original",
            _ => "copy",
        };
        let mut field = Field::choice(
            &arrival_key(item.id),
            &format!("{} (now with {})", item.description, case.holder(item)),
            arrival_picks(),
            suggested,
        );
        if fields.len() == 1 {
            field = field.under(&format!(
                "What came, delivered to {destination}: an original moves there; a new copy becomes an item of its own"
            ));
        }
        fields.push(field);
    }
    let mut form = Form::new(
        format!(
            "The answer to the request to {}",
            crate::domain::text::inert(&request.to_whom)
        ),
        target(
            RecordKind::Request,
            Some((request.id, request.stamp.version)),
        ),
        fields,
    )
    .with_defaults();
    form.purpose = Purpose::Receipt;
    refresh(&mut form, case, today);
    Some(form)
}

/// What saving will do, for the forms that say it first.
pub(super) fn preview(form: &Form, case: &CaseSnapshot, today: NaiveDate) -> Vec<String> {
    let Some((id, _)) = form.target.editing else {
        return Vec::new();
    };
    let Some(request) = case.requests.iter().find(|r| r.id == id) else {
        return Vec::new();
    };
    let day = |d: NaiveDate| d.format("%a %-d %b %Y").to_string();
    match form.purpose {
        Purpose::Record | Purpose::DiscImport => Vec::new(),
        Purpose::Extension => {
            let Ok(Some(noticed)) = validate::optional_date(&form.value("extended_on"), today)
            else {
                return vec!["Type the day the notice came to see the new due date".into()];
            };
            let extended = RecordRequestDraft {
                status: RequestStatus::Extended,
                extended_on: Some(noticed),
                ..request.data.clone()
            };
            let mut lines = Vec::new();
            if extended.extension_counts() {
                lines.push(format!(
                    "New due date: {} (60 days after the request of {}, instead of {})",
                    day(extended.due_by()),
                    day(request.requested_on),
                    day(request.first_due_by())
                ));
            } else {
                lines.push(format!(
                    "⚠ This notice came after the provider's 30 days ran out on {}: it is recorded, \
                     but it does not give more time, and the request stays due on {}{}",
                    day(extended.extension_deadline()),
                    day(extended.due_by()),
                    if extended.is_overdue(today) {
                        " (overdue)"
                    } else {
                        ""
                    }
                ));
            }
            let decide_by = case.case.as_ref().and_then(|c| c.decide_by);
            if let Some(decide_by) = decide_by.filter(|_| extended.due_after(decide_by)) {
                lines.push(format!(
                    "⚠ That is after your decision date, {}: ask for the records sooner, or move the decision date",
                    day(decide_by)
                ));
            }
            lines
        }
        Purpose::Receipt => {
            let items = form
                .fields
                .iter()
                .filter(|f| f.key.starts_with("arrival:"))
                .count();
            let copies = form
                .fields
                .iter()
                .filter(|f| f.key.starts_with("arrival:") && f.value() == "copy")
                .count();
            let mut lines = vec![format!(
                "Saving marks the request received and adds a line to its follow-ups{}",
                if items == 0 {
                    ": it asked for no item in the Imaging pane (i links one)".to_string()
                } else {
                    String::new()
                }
            )];
            if copies > 0 {
                lines.push(format!(
                    "{copies} new cop{} will be added to Imaging, held by {}",
                    if copies == 1 { "y" } else { "ies" },
                    crate::domain::request::destination(case, request)
                ));
            }
            lines
        }
    }
}

/// The request with its written extension, noticed on the day typed.
pub(super) fn extension_draft(r: &mut Reader<'_>) -> Option<RecordRequestDraft> {
    let (id, _) = r.form.target.editing?;
    let request = r.case.requests.iter().find(|q| q.id == id)?;
    let noticed = r.past_date("extended_on");
    Some(RecordRequestDraft {
        status: RequestStatus::Extended,
        extended_on: Some(noticed),
        ..request.data.clone()
    })
}

/// The key of the field that says what came of an item.
fn arrival_key(item_id: RecordId) -> String {
    format!("arrival:{item_id}")
}

fn arrival_picks() -> Vec<Pick> {
    vec![
        Pick::new("copy", "a new copy came"),
        Pick::new("original", "the original came"),
        Pick::new("missing", "not in this delivery"),
    ]
}

/// The request answered on the day typed, with what came of each item.
pub(super) fn receipt_draft(
    r: &mut Reader<'_>,
    author: &str,
) -> Option<crate::domain::request::Receipt> {
    use crate::domain::request::Arrival;
    let (id, _) = r.form.target.editing?;
    let case = r.case;
    let request = case.requests.iter().find(|q| q.id == id)?;
    let on = r.past_date("received_on");
    let arrivals: Vec<(RecordId, Arrival)> = case
        .request_items
        .iter()
        .filter(|l| l.request_id == id)
        .filter_map(|l| {
            let arrival = match r.form.value(&arrival_key(l.item_id)).as_str() {
                "original" => Arrival::Original,
                "missing" => Arrival::Missing,
                "copy" => Arrival::NewCopy,
                _ => return None,
            };
            Some((l.item_id, arrival))
        })
        .collect();
    Some(crate::domain::request::receipt(
        case, request, on, author, &arrivals,
    ))
}
