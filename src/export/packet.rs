//! The appointment packet: what the next doctor needs, in one printable
//! page, with or without the earlier doctors' conclusions; and the sheet
//! of a doctor's open questions with room for the answers.

use anyhow::{Result, anyhow};
use chrono::NaiveDate;

use super::document::{Block, Document};
use crate::domain::blind;
use crate::domain::dates::days_between;
use crate::domain::item::custody_log;
use crate::domain::{CaseSnapshot, Choice, Doctor, Question, RecordId};

/// Whether the packet carries the earlier doctors' conclusions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blindness {
    /// Earlier diagnoses, recommendations and stances are included.
    Open,
    /// Only facts, items and questions, for a doctor who prefers to form
    /// their own view first.
    Blind,
}

fn date(day: NaiveDate) -> String {
    day.format("%a %-d %b %Y").to_string()
}

fn find_doctor(case: &CaseSnapshot, id: RecordId) -> Result<&Doctor> {
    case.doctor(id).ok_or_else(|| {
        anyhow!("there is no doctor with id {id}; `casefile list doctors` shows their ids")
    })
}

fn doctor_line(doctor: &Doctor) -> String {
    let mut parts = vec![doctor.name.clone()];
    if !doctor.specialty.trim().is_empty() {
        parts.push(doctor.specialty.clone());
    }
    if !doctor.institution.trim().is_empty() {
        parts.push(doctor.institution.clone());
    }
    parts.join(", ")
}

/// The questions the doctor is to answer: theirs and those for any
/// doctor, still open or asked but unanswered, oldest first.
fn open_questions(case: &CaseSnapshot, doctor_id: RecordId) -> Vec<&Question> {
    let mut questions: Vec<&Question> = case
        .questions
        .iter()
        .filter(|q| q.status.is_outstanding())
        .filter(|q| q.doctor_id == Some(doctor_id) || q.is_for_any_doctor())
        .collect();
    questions.sort_by_key(|q| (q.doctor_id.is_none(), q.id));
    questions
}

fn question_note(question: &Question) -> String {
    let mut notes = Vec::new();
    if let Some(asked) = question.asked_on {
        notes.push(format!(
            "carried forward: asked {} and not yet answered",
            date(asked)
        ));
    }
    if question.is_for_any_doctor() {
        notes.push("for any doctor".into());
    }
    notes.join("; ")
}

fn case_facts(case: &CaseSnapshot, today: NaiveDate) -> Vec<(String, String)> {
    let mut facts = Vec::new();
    if let Some(info) = &case.case {
        facts.push(("Patient".into(), info.patient.clone()));
        if !info.question.trim().is_empty() {
            facts.push(("Question under review".into(), info.question.clone()));
        }
        if let Some(decide_by) = info.decide_by {
            let days = days_between(today, decide_by);
            let left = match days {
                d if d < 0 => format!("passed {} days ago", -d),
                0 => "today".into(),
                1 => "1 day from now".into(),
                d => format!("{d} days from now"),
            };
            facts.push((
                "Decision deadline".into(),
                format!("{} ({left})", date(decide_by)),
            ));
        }
    }
    facts
}

/// The appointment packet for one doctor.
pub fn packet(
    case: &CaseSnapshot,
    doctor_id: RecordId,
    blindness: Blindness,
    today: NaiveDate,
) -> Result<Document> {
    let doctor = find_doctor(case, doctor_id)?;
    let mut document = Document {
        title: format!("Appointment packet for {}", doctor.name),
        subtitle: format!(
            "Prepared {}{}",
            date(today),
            if blindness == Blindness::Blind {
                " · blind: earlier doctors' conclusions are left out so that you can form your own view"
            } else {
                ""
            }
        ),
        blocks: Vec::new(),
    };
    document.push(Block::Heading("The case".into()));
    document.push(Block::Facts(case_facts(case, today)));

    document.push(Block::Heading("Timeline".into()));
    document.push(timeline(case, doctor_id, today, blindness));

    document.push(Block::Heading("Imaging and slides for you".into()));
    document.push(items_for(case, doctor_id));
    document.extend(studies_for(case, doctor_id));
    document.extend(other_items(case, doctor_id));

    let given: Vec<_> = case
        .opinions
        .iter()
        .filter(|opinion| opinion.given_on <= today)
        .collect();
    let earlier: Vec<_> = given
        .iter()
        .filter(|opinion| opinion.doctor_id != doctor_id)
        .collect();
    match blindness {
        Blindness::Blind => {
            document.push(Block::Heading("Earlier consultations".into()));
            document.push(if earlier.is_empty() {
                Block::Paragraph("None.".into())
            } else {
                Block::Paragraph(format!(
                    "Other doctors have given {} earlier opinion(s). Their conclusions are left out \
                     of this packet on purpose; ask the patient if you would like them.",
                    earlier.len()
                ))
            });
        }
        Blindness::Open => {
            document.push(Block::Heading("Earlier opinions".into()));
            if given.is_empty() {
                document.push(Block::Paragraph("None yet.".into()));
            }
            for opinion in &given {
                let who = if opinion.doctor_id == doctor_id {
                    "Your earlier opinion".to_string()
                } else {
                    case.doctor(opinion.doctor_id)
                        .map_or_else(|| "A doctor".to_string(), doctor_line)
                };
                document.push(Block::Paragraph(format!(
                    "{who}: {} ({})",
                    date(opinion.given_on),
                    opinion.form.label()
                )));
                let mut facts = vec![
                    ("Diagnosis".to_string(), opinion.diagnosis.clone()),
                    ("Recommendation".to_string(), opinion.recommendation.clone()),
                    ("Urgency".to_string(), opinion.urgency.clone()),
                    (
                        "Saw the originals".to_string(),
                        if opinion.saw_originals {
                            "yes"
                        } else {
                            "no, reports only"
                        }
                        .to_string(),
                    ),
                ];
                facts.retain(|(_, value)| !value.trim().is_empty());
                document.push(Block::Facts(facts));
                let mut positions: Vec<_> = case
                    .stances
                    .iter()
                    .filter(|p| p.opinion_id == opinion.id)
                    .filter_map(|p| Some((case.topic(p.topic_id)?, p)))
                    .collect();
                positions.sort_by_key(|(topic, _)| (topic.sort_order, topic.id));
                if !positions.is_empty() {
                    document.push(Block::Table {
                        head: vec!["Topic".into(), "Stance".into(), "Detail".into()],
                        rows: positions
                            .into_iter()
                            .map(|(topic, p)| {
                                vec![topic.name.clone(), p.stance.clone(), p.detail.clone()]
                            })
                            .collect(),
                    });
                }
            }
        }
    }

    document.extend(super::weighing::section(case, doctor_id, blindness));

    document.push(Block::Heading("Questions for you".into()));
    let questions = open_questions(case, doctor_id);
    if questions.is_empty() {
        document.push(Block::Paragraph("No open questions.".into()));
    }
    let mut left_out = 0;
    for question in questions {
        let text = match blindness {
            Blindness::Open => question.text.clone(),
            Blindness::Blind => match blind::wording(case, doctor_id, question) {
                Ok(text) => text,
                Err(_) => {
                    left_out += 1;
                    continue;
                }
            },
        };
        document.push(Block::Question {
            text,
            note: question_note(question),
        });
    }
    if left_out > 0 {
        document.push(Block::Paragraph(format!(
            "{} left out of this packet because {} wording may give an earlier doctor's view \
             away; ask the patient about {} after you have formed your own.",
            if left_out == 1 {
                "One question is".to_string()
            } else {
                format!("{left_out} questions are")
            },
            if left_out == 1 { "its" } else { "their" },
            if left_out == 1 { "it" } else { "them" },
        )));
    }
    Ok(document)
}

/// What a blind packet for `doctor_id` leaves out, and why: a question a
/// person typed that names another doctor of the case, or quotes a stance
/// another doctor's opinion took; and the title of a deadline that does.
pub fn left_out_of_blind(
    case: &CaseSnapshot,
    doctor_id: RecordId,
    today: NaiveDate,
) -> Vec<blind::LeftOut> {
    let mut left_out: Vec<blind::LeftOut> = open_questions(case, doctor_id)
        .into_iter()
        .filter_map(|question| blind::wording(case, doctor_id, question).err())
        .collect();
    left_out.extend(
        upcoming(case, today)
            .into_iter()
            .filter_map(|deadline| blind_title(case, doctor_id, deadline)),
    );
    left_out
}

/// The deadlines still to come, which the timeline lists.
fn upcoming(case: &CaseSnapshot, today: NaiveDate) -> Vec<&crate::domain::Deadline> {
    case.deadlines
        .iter()
        .filter(|d| !d.done && d.due_on >= today)
        .collect()
}

/// A deadline whose title may give an earlier doctor's view away in a
/// blind packet ("Pre-op for the mastectomy Dr. Park advised"), and why.
fn blind_title(
    case: &CaseSnapshot,
    doctor_id: RecordId,
    deadline: &crate::domain::Deadline,
) -> Option<blind::LeftOut> {
    let reasons = blind::quoted_stances(case, doctor_id, &deadline.title);
    (!reasons.is_empty()).then(|| blind::LeftOut {
        record: crate::domain::RecordRef {
            kind: crate::domain::RecordKind::Deadline,
            id: deadline.id,
        },
        text: deadline.title.clone(),
        reasons,
    })
}

/// Dated facts, oldest first: scans and slides made, consultations held,
/// moves of the items this doctor needs, and what is coming up.
fn timeline(
    case: &CaseSnapshot,
    doctor_id: RecordId,
    today: NaiveDate,
    blindness: Blindness,
) -> Block {
    let mut events: Vec<(NaiveDate, String)> = Vec::new();
    for item in &case.items {
        if let Some(taken) = item.taken_on {
            let at = if item.facility.trim().is_empty() {
                String::new()
            } else {
                format!(", {}", item.facility)
            };
            let what = format!(
                "{}: {}{at}",
                crate::domain::text::capitalized(item.kind.label()),
                item.description
            );
            events.push((taken, what));
        }
    }
    for opinion in &case.opinions {
        let who = if opinion.doctor_id == doctor_id {
            "Earlier visit with you".to_string()
        } else {
            format!(
                "Consultation with {}",
                case.doctor_name(Some(opinion.doctor_id))
            )
        };
        events.push((
            opinion.given_on,
            format!("{who} ({})", opinion.form.label()),
        ));
    }
    let needed: Vec<RecordId> = case
        .item_recipients
        .iter()
        .filter(|r| r.doctor_id == doctor_id)
        .map(|r| r.item_id)
        .collect();
    for item in case.items.iter().filter(|item| needed.contains(&item.id)) {
        for step in custody_log(item, &case.custody_moves) {
            events.push((
                step.moved_on,
                format!(
                    "{} sent from {} to {}",
                    item.description, step.from, step.to
                ),
            ));
        }
    }
    for deadline in upcoming(case, today) {
        let title = match (blindness, blind_title(case, doctor_id, deadline)) {
            (Blindness::Blind, Some(_)) => {
                "(its title is left out: it may give an earlier doctor's view away)".to_string()
            }
            _ => deadline.title.clone(),
        };
        events.push((
            deadline.due_on,
            format!("{title} ({})", deadline.kind.label()),
        ));
    }
    if let Some(decide_by) = case.case.as_ref().and_then(|c| c.decide_by) {
        events.push((decide_by, "Decision deadline".into()));
    }
    events.sort();
    if events.is_empty() {
        return Block::Paragraph("Nothing dated yet.".into());
    }
    Block::Table {
        head: vec!["Date".into(), "What".into()],
        rows: events
            .into_iter()
            .map(|(day, what)| vec![date(day), what])
            .collect(),
    }
}

fn items_for(case: &CaseSnapshot, doctor_id: RecordId) -> Block {
    let rows: Vec<Vec<String>> = case
        .item_recipients
        .iter()
        .filter(|r| r.doctor_id == doctor_id)
        .filter_map(|r| {
            let item = case.item(r.item_id)?;
            Some(vec![
                item.description.clone(),
                format!(
                    "{}, {}",
                    crate::domain::text::capitalized(item.kind.label()),
                    item.form.label()
                ),
                if item.is_original { "original" } else { "copy" }.to_string(),
                match (r.received_on, r.received_as) {
                    (Some(on), crate::domain::ReceivedAs::Copy) => {
                        format!("a new copy received {}", date(on))
                    }
                    (Some(on), crate::domain::ReceivedAs::ReportOnly) => {
                        format!("its report only, received {}", date(on))
                    }
                    (Some(on), _) => format!("received {}", date(on)),
                    (None, _) => format!("to come; now with {}", case.holder(item)),
                },
            ])
        })
        .collect();
    if rows.is_empty() {
        return Block::Paragraph("None recorded for you.".into());
    }
    Block::Table {
        head: vec![
            "Item".into(),
            "Kind".into(),
            "Original or copy".into(),
            "Status".into(),
        ],
        rows,
    }
}

/// What is on each disc this doctor has or is to receive, study by study,
/// so that they know exactly what the disc holds. Nothing when none of
/// their items has studies.
fn studies_for(case: &CaseSnapshot, doctor_id: RecordId) -> Vec<Block> {
    let mut blocks = Vec::new();
    for recipient in case
        .item_recipients
        .iter()
        .filter(|r| r.doctor_id == doctor_id)
    {
        let Some(item) = case.item(recipient.item_id) else {
            continue;
        };
        let studies = crate::domain::item::studies_on(item, &case.studies);
        if studies.is_empty() {
            continue;
        }
        blocks.push(Block::Subheading(format!(
            "On \"{}\": {} stud{}",
            item.description,
            studies.len(),
            if studies.len() == 1 { "y" } else { "ies" }
        )));
        blocks.push(Block::Bullets(
            studies
                .iter()
                .map(|s| {
                    if s.accession.is_empty() {
                        s.line()
                    } else {
                        format!("{} · accession {}", s.line(), s.accession)
                    }
                })
                .collect(),
        ));
    }
    blocks
}

/// The scans, slides and reports in the case that this doctor has not
/// received and is not to receive, so that they can ask for them. Nothing
/// when every item is theirs.
fn other_items(case: &CaseSnapshot, doctor_id: RecordId) -> Vec<Block> {
    let theirs: Vec<RecordId> = case
        .item_recipients
        .iter()
        .filter(|r| r.doctor_id == doctor_id)
        .map(|r| r.item_id)
        .collect();
    let mut others: Vec<_> = case
        .items
        .iter()
        .filter(|item| !theirs.contains(&item.id))
        .collect();
    // Oldest first, as the timeline; undated ones last.
    others.sort_by_key(|item| (item.taken_on.is_none(), item.taken_on, item.id));
    let rows: Vec<Vec<String>> = others
        .into_iter()
        .map(|item| {
            vec![
                item.description.clone(),
                format!(
                    "{}, {}",
                    crate::domain::text::capitalized(item.kind.label()),
                    item.form.label()
                ),
                if item.is_original { "original" } else { "copy" }.to_string(),
                item.taken_on.map(date).unwrap_or_default(),
                case.holder(item).to_string(),
            ]
        })
        .collect();
    if rows.is_empty() {
        return Vec::new();
    }
    vec![
        Block::Heading("Other imaging and slides in the case".into()),
        Block::Paragraph(
            "These have not been sent to you. Ask the patient for any you would like to see."
                .into(),
        ),
        Block::Table {
            head: vec![
                "Item".into(),
                "Kind".into(),
                "Original or copy".into(),
                "Dated".into(),
                "Now with".into(),
            ],
            rows,
        },
    ]
}

/// A printable sheet of one doctor's open questions, with room for answers.
pub fn question_sheet(
    case: &CaseSnapshot,
    doctor_id: RecordId,
    today: NaiveDate,
) -> Result<Document> {
    let doctor = find_doctor(case, doctor_id)?;
    let mut document = Document {
        title: format!("Questions for {}", doctor.name),
        subtitle: format!("Prepared {}", date(today)),
        blocks: Vec::new(),
    };
    document.push(Block::Facts(case_facts(case, today)));
    let questions = open_questions(case, doctor_id);
    if questions.is_empty() {
        document.push(Block::Paragraph("No open questions.".into()));
    }
    for question in questions {
        document.push(Block::Question {
            text: question.text.clone(),
            note: question_note(question),
        });
    }
    Ok(document)
}
