//! The blind packet promises the next doctor no earlier doctor's
//! conclusion anywhere. Questions casefile wrote itself have a neutral
//! wording for it; a question a person typed is looked at for what would
//! give an earlier view away: another doctor's name, or a stance another
//! doctor's opinion took.

use super::text::normalize;
use super::{CaseSnapshot, Choice, Question, RecordId};

/// Words that stand before a doctor's surname: "Dr. Park".
const BEFORE_SURNAME: &[&str] = &["dr", "doctor", "prof", "professor"];

/// Words a name is written with that are not the name itself.
const TITLES: &[&str] = &[
    "dr",
    "doctor",
    "prof",
    "professor",
    "mr",
    "mrs",
    "ms",
    "md",
    "phd",
    "do",
    "frcs",
    "jr",
    "sr",
];

/// Stances that are everyday words as well: a question that says "yes" or
/// "needed" gives nothing away by that alone, and looking for them would
/// keep ordinary questions out of the packet.
const TOO_COMMON: &[&str] = &[
    "yes",
    "no",
    "none",
    "maybe",
    "unknown",
    "unclear",
    "unsure",
    "not sure",
    "n a",
    "na",
    "needed",
    "not needed",
    "required",
    "not required",
    "normal",
    "abnormal",
    "good",
    "poor",
    "fair",
];

/// A text as its words, lower-cased, without punctuation: "Dr. Park's
/// view" is `dr`, `park`, `s`, `view`.
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether `needle`'s words appear, one after another, among `haystack`'s.
fn says(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty()
        && haystack
            .windows(needle.len())
            .any(|window| window == needle)
}

/// Why a question's text may give away an earlier doctor's view in a blind
/// packet for `doctor_id`: each doctor it names, and each stance of
/// another doctor's opinion it quotes. Empty when it gives nothing away.
pub fn reasons(case: &CaseSnapshot, doctor_id: RecordId, text: &str) -> Vec<String> {
    let mut reasons = names(case, doctor_id, text);
    reasons.extend(quoted_stances(case, doctor_id, text));
    reasons
}

/// Each other doctor of the case (or one deleted from it, whose name a
/// question kept) that `text` names.
fn names(case: &CaseSnapshot, doctor_id: RecordId, text: &str) -> Vec<String> {
    let said = words(text);
    // The words written with a capital: a surname alone ("Okafor said")
    // is a name when it is written as one, not "a car park".
    let capitalized: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| word.chars().next().is_some_and(char::is_uppercase))
        .map(str::to_lowercase)
        .collect();
    let mut reasons = Vec::new();
    // The other doctors of the case, and those deleted from it whose name
    // a question kept.
    let mut names: Vec<String> = case
        .doctors
        .iter()
        .filter(|d| d.id != doctor_id)
        .map(|d| d.name.trim().to_string())
        .collect();
    for question in &case.questions {
        let former = question.former_doctor.trim();
        if !former.is_empty() && !names.iter().any(|n| n == former) {
            names.push(former.to_string());
        }
    }
    for full in names {
        let name: Vec<String> = words(&full)
            .into_iter()
            .filter(|word| !TITLES.contains(&word.as_str()))
            .collect();
        let by_surname = name.last().is_some_and(|surname| {
            said.windows(2)
                .any(|pair| BEFORE_SURNAME.contains(&pair[0].as_str()) && pair[1] == *surname)
                || (surname.chars().count() > 2 && capitalized.contains(surname))
        });
        if says(&said, &name) || by_surname {
            reasons.push(format!("it names {full}"));
        }
    }
    reasons
}

/// Each stance of another doctor's opinion that `text` quotes: what a
/// title that only names a doctor ("Follow-up visit, Dr. Park") does not.
pub fn quoted_stances(case: &CaseSnapshot, doctor_id: RecordId, text: &str) -> Vec<String> {
    let said = words(text);
    let mut reasons = Vec::new();
    let own: Vec<String> = case
        .opinions
        .iter()
        .filter(|o| o.doctor_id == doctor_id)
        .flat_map(|o| case.stances.iter().filter(move |p| p.opinion_id == o.id))
        .map(|p| normalize(&p.stance))
        .collect();
    let mut quoted: Vec<String> = Vec::new();
    for opinion in case.opinions.iter().filter(|o| o.doctor_id != doctor_id) {
        for position in case.stances.iter().filter(|p| p.opinion_id == opinion.id) {
            let stance = words(&position.stance);
            let plain = stance.join(" ");
            let letters: usize = stance.iter().map(|w| w.chars().count()).sum();
            if letters < 4
                || TOO_COMMON.contains(&plain.as_str())
                || own.contains(&normalize(&position.stance))
                || quoted.contains(&plain)
                || !says(&said, &stance)
            {
                continue;
            }
            quoted.push(plain);
            let topic = case
                .topic(position.topic_id)
                .map(|t| format!(" on {}", t.name.trim()))
                .unwrap_or_default();
            reasons.push(format!(
                "it quotes {}'s stance{topic}, \"{}\"",
                case.doctor_name(Some(opinion.doctor_id)).trim(),
                position.stance.trim()
            ));
        }
    }
    reasons
}

/// A question left out of a blind packet, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    /// The question, or the deadline whose title is left out.
    pub record: super::RecordRef,
    pub text: String,
    pub reasons: Vec<String>,
}

impl LeftOut {
    /// "question 12 "Is Dr. Park right…": it names Dr. Helen Park".
    pub fn describe(&self) -> String {
        let line = self.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let short: String = line.chars().take(50).collect();
        let short = if short.chars().count() < line.chars().count() {
            format!("{short}…")
        } else {
            short
        };
        super::text::inert(&format!(
            "{} {} \"{short}\": {}",
            self.record.kind.label(),
            self.record.id,
            self.reasons.join("; ")
        ))
    }
}

/// What a blind packet for `doctor_id` prints for a question: its neutral
/// wording when casefile wrote one, its text when that gives nothing
/// away, or why it is left out.
pub fn wording(
    case: &CaseSnapshot,
    doctor_id: RecordId,
    question: &Question,
) -> Result<String, LeftOut> {
    if !question.blind_text.trim().is_empty() {
        return Ok(question.blind_text.clone());
    }
    let reasons = reasons(case, doctor_id, &question.text);
    if reasons.is_empty() {
        Ok(question.text.clone())
    } else {
        Err(LeftOut {
            record: super::RecordRef {
                kind: super::RecordKind::Question,
                id: question.id,
            },
            text: question.text.clone(),
            reasons,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::test_record as stored;
    use crate::domain::{DoctorDraft, OpinionDraft, StanceDraft, TopicDraft};

    fn case() -> CaseSnapshot {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap_or_default();
        let doctor = |id, name: &str| {
            stored(
                id,
                DoctorDraft {
                    name: name.into(),
                    ..Default::default()
                },
            )
        };
        let position = |id, opinion_id, stance: &str| {
            stored(
                id,
                StanceDraft {
                    opinion_id,
                    topic_id: 1,
                    stance: stance.into(),
                    detail: String::new(),
                },
            )
        };
        CaseSnapshot {
            doctors: vec![doctor(1, "Dr. Helen Park"), doctor(2, "Dr. Samuel Okafor")],
            topics: vec![stored(
                1,
                TopicDraft {
                    name: "Treatment".into(),
                    sort_order: 0,
                },
            )],
            opinions: vec![
                stored(1, OpinionDraft::new(1, day)),
                stored(2, OpinionDraft::new(2, day)),
            ],
            stances: vec![
                position(1, 1, "Mastectomy"),
                position(2, 1, "Yes"),
                position(3, 2, "Lumpectomy + radiation"),
            ],
            ..Default::default()
        }
    }

    #[test]
    fn a_question_naming_another_doctor_or_quoting_her_stance_is_caught() {
        let case = case();
        assert_eq!(
            reasons(&case, 2, "Dr. Park thinks otherwise: why?"),
            ["it names Dr. Helen Park"]
        );
        assert_eq!(
            reasons(&case, 2, "What did helen park mean?"),
            ["it names Dr. Helen Park"]
        );
        assert_eq!(
            reasons(&case, 2, "Would a MASTECTOMY be safer?"),
            ["it quotes Dr. Helen Park's stance on Treatment, \"Mastectomy\""]
        );
    }

    #[test]
    fn everyday_words_and_the_doctors_own_stances_are_not_alarms() {
        let case = case();
        assert!(reasons(&case, 2, "Yes or no: do I need surgery?").is_empty());
        assert!(reasons(&case, 2, "Is there a car park near the clinic?").is_empty());
        assert!(
            reasons(&case, 2, "How long is lumpectomy + radiation?").is_empty(),
            "Dr. Okafor's own stance"
        );
        assert!(reasons(&case, 1, "How long is lumpectomy + radiation?").len() == 1);
        assert!(reasons(&case, 2, "Mastectomies: how many a year?").is_empty());
    }

    #[test]
    fn a_surname_alone_is_a_name_when_written_as_one() {
        let case = case();
        assert_eq!(
            reasons(&case, 2, "What does Park think?"),
            ["it names Dr. Helen Park"]
        );
        assert!(reasons(&case, 2, "Where do I park?").is_empty());
    }

    #[test]
    fn a_deleted_doctors_name_kept_on_a_question_is_still_a_name() {
        let mut case = case();
        case.doctors.retain(|d| d.id != 1);
        case.questions.push(stored(
            1,
            crate::domain::QuestionDraft {
                doctor_id: None,
                text: "Could reconstruction be done at once?".into(),
                status: crate::domain::QuestionStatus::Answered,
                answer: "Yes".into(),
                asked_on: None,
                answered_on: None,
                topic_id: None,
                blind_text: String::new(),
                former_doctor: "Dr. Helen Park".into(),
                factor_id: None,
            },
        ));
        assert_eq!(
            reasons(&case, 2, "Dr Park wants surgery in 4 weeks: is that right?"),
            ["it names Dr. Helen Park"]
        );
    }
}
