//! The calendar: every open deadline, appointment and request due date as
//! an RFC 5545 iCalendar file. UIDs are stable, so importing the file again
//! updates the events instead of adding them twice; all-day items use DATE
//! values.

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::dates::offset;
use crate::domain::{AgendaSource, CaseSnapshot, Choice, DeadlineKind};

/// Text as an iCalendar TEXT value: backslash, semicolon, comma and line
/// breaks escaped, and control characters left out.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded at 75 octets as RFC 5545 asks, ending in CRLF.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let size = c.len_utf8();
        if width + size > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += size;
    }
    out.push_str("\r\n");
}

fn day(date: NaiveDate) -> String {
    date.format("%Y%m%d").to_string()
}

/// The calendar of `case`, stamped `now`.
pub fn calendar(case: &CaseSnapshot, today: NaiveDate, now: DateTime<Utc>) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//casefile//casefile//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    let patient = case
        .case
        .as_ref()
        .map(|c| c.patient.clone())
        .unwrap_or_default();
    line(
        &mut out,
        &format!("X-WR-CALNAME:{}", text(&format!("casefile: {patient}"))),
    );
    // The case's own first moment keeps UIDs apart between case files.
    let case_mark = case
        .case
        .as_ref()
        .map_or(0, |c| c.stamp.created_at.timestamp());
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    for entry in case.agenda(today).into_iter().filter(|e| !e.done) {
        let (uid, description, location) = match entry.source {
            AgendaSource::Case => (
                format!("decision-{case_mark}@casefile"),
                case.case
                    .as_ref()
                    .map(|c| c.question.clone())
                    .unwrap_or_default(),
                String::new(),
            ),
            AgendaSource::Deadline(id) => {
                let deadline = case.deadlines.iter().find(|d| d.id == id);
                let location = entry
                    .doctor_id
                    .and_then(|doctor| case.doctor(doctor))
                    .map(|doctor| doctor.institution.clone())
                    .unwrap_or_default();
                (
                    format!("deadline-{id}-{case_mark}@casefile"),
                    deadline.map(|d| d.notes.clone()).unwrap_or_default(),
                    location,
                )
            }
            AgendaSource::Request(id) => {
                let request = case.requests.iter().find(|r| r.id == id);
                (
                    format!("request-{id}-{case_mark}@casefile"),
                    request
                        .map(|r| {
                            format!(
                                "Requested {} ({}): {}",
                                r.requested_on.format("%-d %b %Y"),
                                r.method,
                                r.what
                            )
                        })
                        .unwrap_or_default(),
                    String::new(),
                )
            }
        };
        let mut summary = entry.title.clone();
        if entry.kind == DeadlineKind::Appointment
            && let Some(doctor) = entry.doctor_id.and_then(|d| case.doctor(d))
            && !summary.contains(&doctor.name)
        {
            summary = format!("{summary} ({})", doctor.name);
        }
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{uid}"));
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        line(&mut out, &format!("DTSTART;VALUE=DATE:{}", day(entry.date)));
        line(
            &mut out,
            &format!(
                "DTEND;VALUE=DATE:{}",
                day(offset(entry.date, 1).unwrap_or(entry.date))
            ),
        );
        line(&mut out, &format!("SUMMARY:{}", text(&summary)));
        line(
            &mut out,
            &format!("CATEGORIES:{}", text(entry.kind.label())),
        );
        if !description.trim().is_empty() {
            line(&mut out, &format!("DESCRIPTION:{}", text(&description)));
        }
        if !location.trim().is_empty() {
            line(&mut out, &format!("LOCATION:{}", text(&location)));
        }
        line(&mut out, "TRANSP:TRANSPARENT");
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_values_are_escaped_and_long_lines_folded() {
        assert_eq!(text("a;b,c\\d\ne\u{1b}"), "a\\;b\\,c\\\\d\\ne");
        let mut out = String::new();
        line(&mut out, &format!("SUMMARY:{}", "x".repeat(100)));
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert_eq!(lines[0].len(), 75);
        assert!(lines[1].starts_with(' '));
        assert!(out.ends_with("\r\n"));
    }
}
