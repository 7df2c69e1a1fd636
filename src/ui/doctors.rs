//! Doctors: the care team, with a warning where a second-opinion doctor
//! shares an institution or a training hospital with an earlier one.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

use super::panel::{self, field, heading};
use super::text::{self, inert, or_dash, short_date};
use super::theme;
use crate::app::{App, Pane, lists};
use crate::domain::Choice;
use crate::domain::doctor::SharedGround;

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let case = &app.case;
    let doctors = lists::doctors(case);
    if doctors.is_empty() {
        panel::empty(
            frame,
            area,
            "Doctors",
            &[
                "No doctors yet.",
                "The care team goes here: each doctor's specialty, institution, where they",
                "trained and how to reach them. casefile warns when a second-opinion doctor",
                "shares an institution or a training hospital with an earlier one.",
                "Press a to add a doctor.",
            ],
        );
        return;
    }
    let warnings = case.independence_warnings();
    let selected = app.cursor_of(Pane::Doctors).row.min(doctors.len() - 1);
    let (left, right) = panel::list_and_detail(area, 45);
    let rows = doctors
        .iter()
        .map(|doctor| {
            let mut spans = vec![
                Span::raw(text::pad(&text::fit(&inert(&doctor.name), 19), 20)),
                Span::styled(
                    text::pad(&text::fit(&inert(&doctor.specialty), 17), 18),
                    theme::label(),
                ),
            ];
            if warnings.iter().any(|w| w.doctor_id == doctor.id) {
                spans.push(Span::styled("⚠ same place", theme::warning()));
            }
            ListItem::new(Line::from(spans))
        })
        .collect();
    panel::list(frame, left, "Care team", rows, selected);

    let doctor = doctors[selected];
    let mut lines = vec![
        field("Name", inert(&doctor.name)),
        field("Specialty", or_dash(&doctor.specialty)),
        field("Institution", or_dash(&doctor.institution)),
        field("Trained at", or_dash(&doctor.trained_at)),
        field("Contact", or_dash(&doctor.contact)),
        field("Insurance", or_dash(&doctor.network)),
    ];
    for warning in warnings.iter().filter(|w| w.doctor_id == doctor.id) {
        let earlier = inert(case.doctor_name(Some(warning.earlier_doctor_id)));
        let what = match warning.shared {
            SharedGround::Institution => "works at the same institution as",
            SharedGround::Training => "trained at the same hospital as",
        };
        lines.push(Line::styled(
            format!(
                "⚠ {what} {earlier} ({}), who gave an earlier opinion.",
                inert(&warning.place)
            ),
            theme::warning(),
        ));
        lines.push(Line::styled(
            "  A second opinion is most independent from a different institution, from a doctor trained elsewhere.",
            theme::dim(),
        ));
    }
    lines.push(heading("Opinions"));
    let opinions: Vec<_> = case
        .opinions
        .iter()
        .filter(|o| o.doctor_id == doctor.id)
        .collect();
    if opinions.is_empty() {
        lines.push(Line::styled("  None yet.", theme::dim()));
    }
    for opinion in opinions {
        lines.push(Line::raw(format!(
            "  {} · {} · {}",
            short_date(opinion.given_on),
            opinion.form.label(),
            text::fit(&inert(&opinion.recommendation), 60)
        )));
    }
    let outstanding = case
        .questions_for(Some(doctor.id))
        .into_iter()
        .filter(|q| q.status.is_outstanding())
        .count();
    lines.push(field("Questions waiting", outstanding.to_string()));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        text::stamp(&doctor.stamp, &app.clock),
        theme::dim(),
    ));
    panel::detail(
        frame,
        right,
        "Doctor",
        lines,
        app.cursor_of(Pane::Doctors).scroll,
    );
}
