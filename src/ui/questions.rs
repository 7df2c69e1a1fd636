//! Questions: grouped by doctor, outstanding first, with the answers.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

use super::panel::{self, field, heading, paragraph};
use super::text::{self, date, inert};
use super::theme;
use crate::app::{App, Pane, lists};
use crate::domain::{Choice, QuestionStatus};

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let case = &app.case;
    let questions = lists::questions(case);
    if questions.is_empty() {
        panel::empty(
            frame,
            area,
            "Questions",
            &[
                "No questions yet.",
                "Questions for each doctor go here, so nothing is forgotten at the visit:",
                "what was asked, what they answered, and what is still open for next time.",
                "Press a to add a question.",
            ],
        );
        return;
    }
    let selected = app.cursor_of(Pane::Questions).row.min(questions.len() - 1);
    let (left, right) = panel::list_and_detail(area, 55);

    let mut rows = Vec::new();
    let mut selected_row = 0;
    let mut group = None;
    for (index, question) in questions.iter().enumerate() {
        if group != Some(question.doctor_id) {
            group = Some(question.doctor_id);
            let outstanding = questions
                .iter()
                .filter(|q| q.doctor_id == question.doctor_id && q.status.is_outstanding())
                .count();
            rows.push(ListItem::new(Line::from(vec![
                Span::styled(
                    inert(case.doctor_name(question.doctor_id)),
                    theme::heading(),
                ),
                Span::styled(format!("  {outstanding} outstanding"), theme::dim()),
            ])));
        }
        if index == selected {
            selected_row = rows.len();
        }
        let style = match question.status {
            QuestionStatus::Open | QuestionStatus::Asked => theme::warning(),
            QuestionStatus::Answered => theme::good(),
            QuestionStatus::Dropped => theme::dim(),
        };
        rows.push(ListItem::new(Line::from(vec![
            Span::styled(format!("  {:<9}", question.status.label()), style),
            Span::raw(inert(&question.text)),
        ])));
    }
    panel::list(
        frame,
        left,
        "Questions by doctor, outstanding first",
        rows,
        selected_row,
    );

    let question = questions[selected];
    let mut lines = vec![
        field("For", inert(case.doctor_name(question.doctor_id))),
        field("Status", question.status.label().into()),
    ];
    if let Some(on) = question.asked_on {
        lines.push(field("Asked", date(on)));
    }
    if let Some(on) = question.answered_on {
        lines.push(field("Answered", date(on)));
    }
    if let Some(topic) = question.topic_id.and_then(|id| case.topic(id)) {
        lines.push(field("About", inert(&topic.name)));
    }
    if question.status == crate::domain::QuestionStatus::Asked {
        let next = question
            .doctor_id
            .and_then(|id| case.next_appointment(id, app.today()));
        lines.push(Line::styled(
            match next {
                Some(day) => format!(
                    "Carried forward: not answered yet, on the sheet for the visit on {}",
                    date(day)
                ),
                None => {
                    "Carried forward: not answered yet, on the sheet for the next visit".to_string()
                }
            },
            theme::warning(),
        ));
    }
    lines.push(heading("Question"));
    lines.extend(paragraph(&question.text));
    lines.push(heading("Answer"));
    lines.extend(paragraph(&question.answer));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        text::stamp(&question.stamp, &app.clock),
        theme::dim(),
    ));
    panel::detail(
        frame,
        right,
        "Question",
        lines,
        app.cursor_of(Pane::Questions).scroll,
    );
}
