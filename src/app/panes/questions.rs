//! Questions: grouped by doctor, outstanding first; asked, answered, and the standard ones.

use super::selected;
use crate::app::editing::{open, say, warn};
use crate::app::forms;
use crate::app::keymap::Scope::Questions;
use crate::app::keymap::{Binding, ch, hint};
use crate::app::{Action, App, Effect};
use crate::domain::{CaseSnapshot, Choice, Question, RecordKind, RecordRef};

/// Questions grouped by doctor (doctors by name, then questions for any
/// doctor), outstanding first within each group.
pub fn questions(case: &CaseSnapshot) -> Vec<&Question> {
    case.questions_by_doctor()
}

/// `Q` in Opinions or Doctors: a question for the doctor on screen.
pub fn ask_doctor(app: &mut App) {
    let doctor = match selected(app) {
        Some(RecordRef {
            kind: RecordKind::Doctor,
            id,
        }) => Some(id),
        Some(RecordRef {
            kind: RecordKind::Opinion,
            id,
        }) => app.case.opinion(id).map(|o| o.doctor_id),
        _ => None,
    };
    let Some(doctor) = doctor else {
        warn(app, "Select a doctor, or a doctor's opinion, first");
        return;
    };
    let mut form = forms::add(
        RecordKind::Question,
        &app.case,
        app.today(),
        &[RecordRef {
            kind: RecordKind::Doctor,
            id: doctor,
        }],
    );
    if let Some(form) = &mut form {
        form.title = format!(
            "Add a question for {}",
            crate::domain::text::inert(app.case.doctor_name(Some(doctor)))
        );
    }
    open(app, form, "Questions cannot be added here");
}

/// The doctor the selected question is for, in the Questions pane.
fn question_doctor(app: &App) -> Option<crate::domain::RecordId> {
    selected(app)
        .and_then(|q| app.case.questions.iter().find(|x| x.id == q.id))
        .and_then(|q| q.doctor_id)
}

/// `b` in Questions: the standard questions not yet on the list, for the
/// selected question's doctor (or for any doctor), in one step.
pub fn add_question_bank(app: &mut App) -> Effect {
    let doctor_id = question_doctor(app);
    let missing = crate::domain::question_bank::missing(&app.case.questions, doctor_id);
    if missing.is_empty() {
        say(app, "Every standard question is already on the list");
        return Effect::None;
    }
    let who = app.case.doctor_name(doctor_id).to_string();
    say(app, format!("Adding the standard questions for {who}"));
    let drafts = missing
        .into_iter()
        .map(|text| crate::domain::QuestionDraft {
            doctor_id,
            text: text.to_string(),
            status: crate::domain::QuestionStatus::Open,
            answer: String::new(),
            asked_on: None,
            answered_on: None,
            topic_id: None,
            blind_text: String::new(),
            former_doctor: String::new(),
            factor_id: None,
        })
        .collect();
    Effect::AddQuestions(drafts)
}

/// `s` in Questions: marks the selected question asked, today.
pub fn mark_asked(app: &mut App) -> Effect {
    let today = app.today();
    let Some(record) = selected(app).filter(|r| r.kind == RecordKind::Question) else {
        return Effect::None;
    };
    let Some(question) = app.case.questions.iter().find(|q| q.id == record.id) else {
        return Effect::None;
    };
    if question.status != crate::domain::QuestionStatus::Open {
        say(
            app,
            format!(
                "This question is already {}; e changes it",
                question.status.label()
            ),
        );
        return Effect::None;
    }
    let mut draft = question.data.clone();
    draft.status = crate::domain::QuestionStatus::Asked;
    draft.asked_on = Some(today);
    Effect::Save {
        draft: crate::domain::AnyDraft::Question(draft),
        editing: Some((question.id, question.stamp.version)),
    }
}

/// The keys of this pane, a line each.
#[rustfmt::skip]
pub static KEYS: &[Binding] = &[
    hint(Questions, &[ch('s')], Action::MarkAsked, "mark it asked today", "asked today"),
    hint(Questions, &[ch('b')], Action::AddQuestionBank, "add the standard questions for this doctor", "standard questions"),
];
