//! The questions patients are advised to ask before a decision, for any
//! doctor, added in one step.

/// The standard questions, in the order a visit usually takes them.
pub const STANDARD_QUESTIONS: &[&str] = &[
    "How sure are you of the diagnosis, and what else could it be?",
    "What tests or reviews would make the diagnosis more certain?",
    "What are the alternatives to surgery?",
    "What are the benefits and the risks of each option?",
    "What is the success rate of the treatment you recommend, here and in general?",
    "How will my life change after the treatment?",
    "How long is the recovery, and how long would I stay in hospital?",
    "How much pain should I expect, and how is it managed?",
    "What anaesthesia would be used, and what are its risks for me?",
    "What will it cost, and what does my insurance cover?",
    "How soon must the treatment happen?",
    "How long can I safely take to decide?",
];

/// The standard questions not yet on the list for `doctor_id` (or for any
/// doctor, when it is None), compared without regard to case or spacing.
pub fn missing<'a>(
    questions: &[super::Question],
    doctor_id: Option<super::RecordId>,
) -> Vec<&'a str> {
    STANDARD_QUESTIONS
        .iter()
        .copied()
        .filter(|standard| {
            !questions.iter().any(|q| {
                (q.doctor_id == doctor_id || q.is_for_any_doctor())
                    && super::text::normalize(&q.text) == super::text::normalize(standard)
            })
        })
        .collect()
}
