//! Questions: grouped by doctor, outstanding first, with the answers.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

use super::panel::{self, field, heading, paragraph};
use super::text::{self, date, inert};
use super::theme;
use crate::app::{App, Pane, lists};
use crate::domain::snapshot::AskedOf;
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

    // Rows: a heading for each doctor, then their questions. Only the rows
    // in view are drawn.
    enum Row {
        /// The group's first question, and how many are outstanding.
        Heading(usize, usize),
        Question(usize),
    }
    let mut rows = Vec::with_capacity(questions.len() + case.doctors.len() + 1);
    let mut selected_row = 0;
    let mut group_row = 0;
    for (index, question) in questions.iter().enumerate() {
        let heads_group = index == 0 || AskedOf::of(questions[index - 1]) != AskedOf::of(question);
        if heads_group {
            group_row = rows.len();
            rows.push(Row::Heading(index, 0));
        }
        if question.status.is_outstanding()
            && let Some(Row::Heading(_, outstanding)) = rows.get_mut(group_row)
        {
            *outstanding += 1;
        }
        if index == selected {
            selected_row = rows.len();
        }
        rows.push(Row::Question(index));
    }
    // The room a question's text has in its row, after the highlight
    // mark, the borders and its status.
    let room = usize::from(left.width.saturating_sub(4)).saturating_sub(11);
    let row = |n: usize| {
        Some(match rows.get(n)? {
            Row::Heading(first, outstanding) => ListItem::new(Line::from(vec![
                Span::styled(inert(&case.asked_of(questions[*first])), theme::heading()),
                Span::styled(format!("  {outstanding} outstanding"), theme::dim()),
            ])),
            Row::Question(index) => {
                let question = questions[*index];
                let style = match question.status {
                    QuestionStatus::Open | QuestionStatus::Asked => theme::warning(),
                    QuestionStatus::Answered => theme::good(),
                    QuestionStatus::Dropped => theme::dim(),
                };
                ListItem::new(Line::from(vec![
                    Span::styled(format!("  {:<9}", question.status.label()), style),
                    Span::raw(super::text::fit(&inert(&question.text), room)),
                ]))
            }
        })
    };
    let title = "Questions by doctor, outstanding first";
    panel::long_list(frame, left, title, rows.len(), selected_row, row);

    let question = questions[selected];
    let mut lines = vec![
        field("For", inert(&case.asked_of(question))),
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
    if !question.blind_text.is_empty() {
        lines.push(heading("In a blind packet, without anyone's view"));
        lines.extend(paragraph(&question.blind_text));
    }
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
