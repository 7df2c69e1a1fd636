//! Opinions: a tab per opinion, each with what the doctor concluded, their
//! stance on each topic, the questions for them, what they have seen, and
//! the family's notes.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::panel::{self, field, heading, paragraph};
use super::text::{self, date, inert, or_dash, short_date};
use super::theme;
use crate::app::{App, Pane, lists};
use crate::domain::{Choice, Opinion, RecordKind};

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let case = &app.case;
    let opinions = lists::opinions(case);
    if opinions.is_empty() {
        panel::empty(
            frame,
            area,
            "Opinions",
            &[
                "No opinions yet.",
                "Each doctor's opinion goes here: the diagnosis, what they recommend,",
                "how long you may take, and whether they saw the original scans and slides.",
                "Press a to add one, with the doctor's stance on each topic (add the doctor first, in the Doctors pane).",
            ],
        );
        return;
    }
    let cursor = app.cursor_of(Pane::Opinions);
    let selected = cursor.column.min(opinions.len() - 1);
    let [tabs, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);

    let labels: Vec<String> = opinions
        .iter()
        .map(|opinion| {
            format!(
                " {} · {} ",
                inert(case.doctor_name(Some(opinion.doctor_id))),
                short_date(opinion.given_on)
            )
        })
        .collect();
    // Start the strip late enough that the selected tab fits, leaving room
    // for the arrows that say more tabs lie to either side.
    let room = usize::from(tabs.width.saturating_sub(4));
    let width = |range: std::ops::RangeInclusive<usize>| -> usize {
        labels[range].iter().map(|l| l.chars().count() + 1).sum()
    };
    let mut first = 0;
    while first < selected && width(first..=selected) > room {
        first += 1;
    }
    let mut spans = Vec::new();
    if first > 0 {
        spans.push(Span::styled("◀ ", theme::heading()));
    }
    let mut used = 0;

    for (index, label) in labels.iter().enumerate().skip(first) {
        used += label.chars().count() + 1;
        if index > selected && used > room {
            spans.push(Span::styled("▶", theme::heading()));
            break;
        }

        let style = if index == selected {
            theme::active_tab()
        } else if app.overlays.compare() == Some(&index) {
            theme::heading()
        } else {
            theme::label()
        };
        spans.push(Span::styled(label.clone(), style));
        spans.push(Span::raw(" "));
    }
    frame.render_widget(Line::from(spans), tabs);

    if let Some(other) = app.overlays.compare().and_then(|i| opinions.get(*i)) {
        super::compare::render(frame, body, app, opinions[selected], other);
        return;
    }
    let (left, right) = panel::list_and_detail(body, 55);
    let opinion = opinions[selected];
    panel::detail(frame, left, "Opinion", summary(app, opinion), cursor.scroll);
    panel::detail(
        frame,
        right,
        "Questions, items seen, notes",
        context(app, opinion),
        0,
    );
}

fn yes_no(value: bool) -> &'static str {
    if value { "yes" } else { "no" }
}

fn summary<'a>(app: &App, opinion: &Opinion) -> Vec<Line<'a>> {
    let case = &app.case;
    let doctor = case.doctor(opinion.doctor_id);
    let mut lines = vec![
        field("Doctor", inert(case.doctor_name(Some(opinion.doctor_id)))),
        field(
            "Where",
            doctor.map_or_else(String::new, |d| {
                format!("{}, {}", or_dash(&d.specialty), or_dash(&d.institution))
            }),
        ),
        field(
            "Given",
            format!("{} · {}", date(opinion.given_on), opinion.form.label()),
        ),
        field("Urgency", or_dash(&opinion.urgency)),
        field(
            "Saw",
            if opinion.saw_originals {
                "the original scans and slides".into()
            } else {
                "reports only, not the originals".into()
            },
        ),
        field(
            "Knew the earlier diagnosis",
            yes_no(opinion.knew_prior).into(),
        ),
        field(
            "Cost",
            format!(
                "{} · {}",
                or_dash(&opinion.cost),
                or_dash(&opinion.coverage)
            ),
        ),
    ];
    lines.extend(warnings(app, opinion));
    lines.push(heading("Diagnosis"));
    lines.extend(paragraph(&opinion.diagnosis));
    lines.push(heading("Recommendation"));
    lines.extend(paragraph(&opinion.recommendation));
    lines.push(heading("Stances, topic by topic (e writes them)"));
    let mut positions: Vec<_> = case
        .stances
        .iter()
        .filter(|position| position.opinion_id == opinion.id)
        .filter_map(|position| Some((case.topic(position.topic_id)?, position)))
        .collect();
    positions.sort_by_key(|(topic, _)| (topic.sort_order, topic.id));
    if positions.is_empty() {
        lines.push(Line::styled(
            "  No stances yet: press e to write what this doctor says on each topic.",
            theme::warning(),
        ));
    }
    for (topic, position) in positions {
        let mut spans = vec![
            Span::styled(
                format!("  {}", text::pad(&text::fit(&inert(&topic.name), 15), 16)),
                theme::label(),
            ),
            Span::raw(inert(&position.stance)),
        ];
        if !position.detail.trim().is_empty() {
            spans.push(Span::styled(
                format!(" ({})", inert(&position.detail)),
                theme::dim(),
            ));
        }
        lines.push(Line::from(spans));
    }
    if !opinion.notes.trim().is_empty() {
        lines.push(heading("Doctor's remarks"));
        lines.extend(paragraph(&opinion.notes));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        text::stamp(&opinion.stamp, &app.clock),
        theme::dim(),
    ));
    lines
}

/// What may weaken this opinion: a doctor who shares an institution or a
/// training hospital with an earlier one, or who gave it without the
/// scans and slides behind it.
fn warnings<'a>(app: &App, opinion: &Opinion) -> Vec<Line<'a>> {
    let case = &app.case;
    let mut lines = Vec::new();
    for warning in case
        .independence_warnings()
        .iter()
        .filter(|w| w.doctor_id == opinion.doctor_id)
    {
        let what = match warning.shared {
            crate::domain::doctor::SharedGround::Institution => "works at the same institution as",
            crate::domain::doctor::SharedGround::Training => "trained at the same hospital as",
        };
        lines.push(Line::styled(
            format!(
                "⚠ Not independent: {what} {} ({}), who gave an earlier opinion. A second opinion is most \
                 useful from a different institution, from a doctor trained elsewhere.",
                inert(case.doctor_name(Some(warning.earlier_doctor_id))),
                inert(&warning.place)
            ),
            theme::warning(),
        ));
    }
    // Items the doctor needed: any not received by the day of the opinion.
    let needed: Vec<_> = case
        .item_recipients
        .iter()
        .filter(|r| r.doctor_id == opinion.doctor_id)
        .filter_map(|r| Some((case.item(r.item_id)?, r.received_on)))
        .collect();
    for (item, received) in &needed {
        let when = match received {
            None => "still waiting for it".to_string(),
            Some(on) if *on > opinion.given_on => format!("it arrived later, {}", short_date(*on)),
            Some(_) => continue,
        };
        lines.push(Line::styled(
            format!("⚠ Given without {}: {when}.", inert(&item.description)),
            theme::warning(),
        ));
    }
    let before: Vec<_> = needed
        .iter()
        .filter(|(_, on)| on.is_some_and(|on| on <= opinion.given_on))
        .collect();
    if needed.is_empty() {
        lines.push(Line::styled(
            "⚠ No scan, slide or report is recorded as sent to this doctor.",
            theme::warning(),
        ));
    } else if opinion.saw_originals && !before.iter().any(|(item, _)| item.is_original) {
        lines.push(Line::styled(
            "⚠ Marked as having seen the originals, but no original was recorded as sent to this doctor.",
            theme::warning(),
        ));
    }
    lines
}

fn context<'a>(app: &App, opinion: &Opinion) -> Vec<Line<'a>> {
    let case = &app.case;
    let mut lines = vec![heading("Questions for this doctor")];
    let questions = case.questions_for(Some(opinion.doctor_id));
    if questions.is_empty() {
        lines.push(Line::styled("  None yet.", theme::dim()));
    }
    for question in questions {
        let style = if question.status.is_outstanding() {
            theme::warning()
        } else {
            theme::label()
        };
        lines.extend(super::panel::lines_after(
            vec![Span::styled(
                format!("  [{}] ", question.status.label()),
                style,
            )],
            &question.text,
            4,
            ratatui::style::Style::default(),
        ));
        if !question.answer.trim().is_empty() {
            lines.extend(super::panel::lines_after(
                vec![Span::styled("      → ", theme::dim())],
                &question.answer,
                8,
                theme::dim(),
            ));
        }
    }
    lines.push(heading("Items this doctor has received"));
    let received = case.items_received_by(opinion.doctor_id);
    if received.is_empty() {
        lines.push(Line::styled("  None recorded.", theme::dim()));
    }
    for (item, on, received_as) in received {
        let form = crate::domain::item::what_was_received(item, received_as);
        lines.push(Line::from(vec![
            Span::styled(format!("  {:<9}", form), theme::label()),
            Span::raw(inert(&item.description)),
            Span::styled(format!(" ({})", short_date(on)), theme::dim()),
        ]));
    }
    lines.push(heading("Notes"));
    let notes = case.notes_on(RecordKind::Opinion, opinion.id);
    if notes.is_empty() {
        lines.push(Line::styled("  None yet.", theme::dim()));
    }
    for note in notes {
        let when = app
            .clock
            .local(note.stamp.created_at)
            .format("%-d %b %H:%M");
        lines.push(Line::styled(
            format!("  {} · {when}", inert(&note.stamp.created_by)),
            theme::label(),
        ));
        lines.extend(paragraph(&note.body));
    }
    lines
}
