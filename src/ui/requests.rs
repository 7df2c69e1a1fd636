//! Record requests: to whom, what, the days left on the clock or how long
//! overdue, and the follow-ups.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

use super::panel::{self, field, heading, paragraph};
use super::text::{date, inert, or_dash, short_date};
use super::theme;
use crate::app::{App, Pane, lists};
use crate::domain::{Choice, RecordKind, RecordRequest};

/// The clock of a request in a few words, and how loudly to show it.
fn clock_words(
    request: &RecordRequest,
    today: chrono::NaiveDate,
) -> (String, ratatui::style::Style) {
    match request.days_left(today) {
        Some(days) if days < 0 => (format!("⚠ OVERDUE {} days", -days), theme::alarm()),
        Some(0) => ("due today".into(), theme::alarm()),
        Some(days) => (format!("{days} days left"), theme::warning()),
        None => (request.status.label().into(), theme::dim()),
    }
}

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let case = &app.case;
    let today = app.today();
    let requests = lists::requests(case, today);
    if requests.is_empty() {
        panel::empty(
            frame,
            area,
            "Record requests",
            &[
                "No record requests yet.",
                "Each request for records (to a hospital, a lab or a doctor's office) goes here.",
                "A provider has 30 days to answer; overdue requests are marked.",
                "Press a to add a request.",
            ],
        );
        return;
    }
    let decide_by = case.case.as_ref().and_then(|c| c.decide_by);
    let selected = app.cursor_of(Pane::Requests).row.min(requests.len() - 1);
    let (left, right) = panel::list_and_detail(area, 55);
    let row = |n: usize| {
        requests.get(n).map(|request| {
            let (words, style) = clock_words(request, today);
            let mut spans = vec![
                Span::styled(format!("{:<18}", words), style),
                Span::styled(format!("{:<13}", request.status.label()), theme::label()),
            ];
            let mut room = usize::from(left.width.saturating_sub(4)).saturating_sub(31);
            if request.due_after(decide_by) {
                spans.push(Span::styled("⚠ after decision · ", theme::warning()));
                room = room.saturating_sub(19);
            }
            spans.push(Span::raw(super::text::fit(&inert(&request.to_whom), room)));
            ListItem::new(Line::from(spans))
        })
    };
    let title = "Clock · status · to whom";
    panel::long_list(frame, left, title, requests.len(), selected, row);

    let request = requests[selected];
    let (words, style) = clock_words(request, today);
    let deliver_to = match request.deliver_to_doctor {
        Some(id) => format!("directly to {}", inert(case.doctor_name(Some(id)))),
        None => "to the patient".into(),
    };
    let mut lines = vec![
        field("To", inert(&request.to_whom)),
        field("Status", request.status.label().into()),
        field(
            "Requested",
            format!(
                "{} by {}",
                date(request.requested_on),
                or_dash(&request.method)
            ),
        ),
        field("Due by", date(request.due_by())),
        Line::from(vec![
            Span::styled("Clock: ", theme::label()),
            Span::styled(words, style),
        ]),
    ];
    if let Some(noticed) = request.extended_on {
        lines.push(if request.extension_counts() {
            field(
                "Extended",
                format!(
                    "written notice came {}: 60 days from the request",
                    date(noticed)
                ),
            )
        } else {
            Line::styled(
                format!(
                    "⚠ Extended: the notice came {}, after the 30 days ran out on {}, so it gives no more time",
                    date(noticed),
                    date(request.extension_deadline())
                ),
                theme::alarm(),
            )
        });
    }
    if let Some(decide_by) = decide_by.filter(|_| request.due_after(decide_by)) {
        lines.push(Line::styled(
            format!(
                "⚠ Due after your decision date ({}): ask for it sooner, or move the decision date",
                date(decide_by)
            ),
            theme::warning(),
        ));
    }
    if let Some(received) = request.received_on {
        lines.push(field("Received", date(received)));
    }
    lines.extend([field("Deliver", deliver_to), heading("What was asked for")]);
    lines.extend(paragraph(&request.what));
    for link in case
        .request_items
        .iter()
        .filter(|l| l.request_id == request.id)
    {
        if let Some(item) = case.item(link.item_id) {
            lines.push(Line::styled(
                format!(
                    "  Asks for: {} (now with {})",
                    inert(&item.description),
                    inert(case.holder(item))
                ),
                theme::label(),
            ));
        }
    }
    lines.push(heading("Follow-ups"));
    let follow_ups: Vec<_> = case
        .follow_ups
        .iter()
        .filter(|f| f.request_id == request.id)
        .collect();
    if follow_ups.is_empty() {
        lines.push(Line::styled("  None yet.", theme::dim()));
    }
    for follow_up in follow_ups {
        lines.extend(panel::lines_after(
            vec![
                Span::styled(format!("  {:<7}", short_date(follow_up.on)), theme::label()),
                Span::styled(format!("{}: ", or_dash(&follow_up.by)), theme::label()),
            ],
            &follow_up.said,
            4,
            ratatui::style::Style::default(),
        ));
    }
    lines.extend(panel::notes_and_stamp(
        app,
        RecordKind::Request,
        request.id,
        &request.stamp,
    ));
    panel::detail(
        frame,
        right,
        "Request",
        lines,
        app.cursor_of(Pane::Requests).scroll,
    );
}
