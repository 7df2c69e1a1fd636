//! The decision summary: one printable page for the family and the
//! treating doctor. The question, the options and who recommends each,
//! the options side by side, what matters about each, the views of the
//! people close, how ready the patient has felt, and the decision once
//! made. Who recommends what is worked out from the stances, as
//! everywhere else.

use chrono::NaiveDate;

use super::document::{Block, Document, Format};
use crate::domain::decision::{
    self, FactorSide, OptionGrid, READINESS, Source, checks_newest_first, follows_and_against,
    next_steps, recommenders, source_words, stars, still_open,
};
use crate::domain::{CaseSnapshot, Choice, DecisionOption, Factor, RecordId};

fn date(day: NaiveDate) -> String {
    day.format("%a %-d %b %Y").to_string()
}

/// The decision summary of `case` on `today`, in `format`.
pub fn summary(case: &CaseSnapshot, today: NaiveDate, format: Format) -> String {
    document(case, today).render(format)
}

/// The decision summary as a document, for any rendering.
pub fn document(case: &CaseSnapshot, today: NaiveDate) -> Document {
    let patient = case
        .case
        .as_ref()
        .map_or_else(String::new, |c| c.patient.trim().to_string());
    let mut document = Document {
        title: if patient.is_empty() {
            "Decision summary".to_string()
        } else {
            format!("Decision summary: {patient}")
        },
        subtitle: format!("Prepared {}", date(today)),
        blocks: Vec::new(),
    };
    document.push(Block::Heading("The question".into()));
    document.push(Block::Facts(question_facts(case, today)));

    document.push(Block::Heading("The options".into()));
    document.push(options(case));

    document.extend(side_by_side(case));

    document.push(Block::Heading("What matters about each option".into()));
    document.extend(factors(case));

    document.push(Block::Heading(
        "The people close, and the patient's leaning".into(),
    ));
    document.extend(people(case));

    document.push(Block::Heading("Ready to decide?".into()));
    document.extend(readiness(case));

    document.push(Block::Heading("The decision".into()));
    document.extend(the_decision(case));
    document
}

fn question_facts(case: &CaseSnapshot, today: NaiveDate) -> Vec<(String, String)> {
    let mut facts = Vec::new();
    if let Some(info) = &case.case {
        facts.push(("Patient".to_string(), info.patient.clone()));
        facts.push((
            "Question under review".to_string(),
            if info.question.trim().is_empty() {
                "not written down yet".to_string()
            } else {
                info.question.clone()
            },
        ));
        if let Some(decide_by) = info.decide_by {
            let left = match case.days_to_decision(today).unwrap_or_default() {
                d if d < 0 => format!("passed {} days ago", -d),
                0 => "today".to_string(),
                1 => "tomorrow".to_string(),
                d => format!("in {d} days"),
            };
            facts.push((
                "Decision deadline".to_string(),
                format!("{} ({left})", date(decide_by)),
            ));
        }
    }
    facts.push((
        "Opinions".to_string(),
        match case.opinions.len() {
            0 => "none yet".to_string(),
            1 => "1 opinion".to_string(),
            n => format!("{n} opinions"),
        },
    ));
    facts
}

fn option_name(case: &CaseSnapshot, id: Option<RecordId>) -> String {
    id.and_then(|id| case.options.iter().find(|o| o.id == id))
        .map_or_else(
            || "an option no longer in the case".into(),
            |o| o.name.clone(),
        )
}

fn options(case: &CaseSnapshot) -> Block {
    if case.options.is_empty() {
        return Block::Paragraph("No options written down yet.".into());
    }
    let rows = case
        .options
        .iter()
        .map(|option| {
            let by = recommenders(case, option);
            let recommended = if by.is_empty() {
                if option.stance.trim().is_empty() {
                    "no doctor: an option of the patient's own".to_string()
                } else {
                    "no doctor now".to_string()
                }
            } else {
                by.join(", ")
            };
            let mut about = Vec::new();
            if !option.description.trim().is_empty() {
                about.push(option.description.trim().to_string());
            }
            if option.waits {
                about.push("Waiting, or doing nothing for now.".to_string());
            }
            if option.not_for_me {
                about.push(format!(
                    "Set aside: not for me, because {}",
                    option.not_for_me_because.trim()
                ));
            }
            vec![option_label(option), recommended, about.join("\n")]
        })
        .collect();
    Block::Table {
        head: vec![
            "Option".into(),
            "Recommended by".into(),
            "What it means".into(),
        ],
        rows,
    }
}

/// An option's name, marked when the patient has set it aside.
fn option_label(option: &DecisionOption) -> String {
    if option.not_for_me {
        format!("{} (not for me)", option.name.trim())
    } else {
        option.name.trim().to_string()
    }
}

/// Where a factor comes from, for paper: who said it and when.
fn said_by(case: &CaseSnapshot, factor: &Factor) -> String {
    match factor.source() {
        Source::Own => "the patient's own".to_string(),
        _ => source_words(case, factor),
    }
}

fn side_words(side: FactorSide) -> &'static str {
    match side {
        FactorSide::Benefit => "For",
        FactorSide::Risk => "Against",
        FactorSide::Unknown => "Not known yet",
    }
}

/// The factor in one line: "Against: Numbness, 5 in 100 over 10 years".
fn factor_line(factor: &Factor) -> String {
    let figure = factor
        .figure()
        .map(|f| format!(", {f}"))
        .unwrap_or_default();
    format!(
        "{}: {}{figure}",
        side_words(factor.side),
        factor.text.trim()
    )
}

/// The option grid: concerns by options, each cell what was said, by
/// whom and when; a cell where the sources differ says so first. Only the
/// concerns something was said on.
fn side_by_side(case: &CaseSnapshot) -> Vec<Block> {
    let grid = OptionGrid::build(case);
    if grid.option_ids.len() < 2 {
        return Vec::new();
    }
    let mut head = vec!["".to_string()];
    head.extend(
        grid.option_ids
            .iter()
            .filter_map(|id| case.options.iter().find(|o| o.id == *id))
            .map(option_label),
    );
    let mut differs = false;
    let rows: Vec<Vec<String>> = grid
        .concerns
        .iter()
        .zip(&grid.cells)
        .filter(|(_, cells)| cells.iter().any(|cell| !cell.factor_ids.is_empty()))
        .map(|(concern, cells)| {
            let mut row = vec![concern.clone()];
            for cell in cells {
                let mut lines: Vec<String> = Vec::new();
                if cell.differs {
                    differs = true;
                    lines.push("≠ The sources differ here.".to_string());
                }
                for id in &cell.factor_ids {
                    if let Some(factor) = case.factors.iter().find(|f| f.id == *id) {
                        lines.push(format!(
                            "{} — {}",
                            factor_line(factor),
                            said_by(case, factor)
                        ));
                    }
                }
                row.push(if lines.is_empty() {
                    "—".to_string()
                } else {
                    lines.join("\n")
                });
            }
            row
        })
        .collect();
    if rows.is_empty() {
        return Vec::new();
    }
    let mut blocks = vec![
        Block::Heading("The options side by side".into()),
        Block::Table { head, rows },
    ];
    if differs {
        blocks.push(Block::Paragraph(
            "≠ marks a cell where two doctors said different things: worth asking about.".into(),
        ));
    }
    blocks
}

/// For each option, its factors, the ones that matter most first.
fn factors(case: &CaseSnapshot) -> Vec<Block> {
    if case.factors.is_empty() {
        return vec![Block::Paragraph("No factors written down yet.".into())];
    }
    let mut blocks = Vec::new();
    for option in &case.options {
        let mut factors: Vec<&Factor> = case
            .factors
            .iter()
            .filter(|f| f.option_id == option.id)
            .collect();
        if factors.is_empty() {
            continue;
        }
        factors.sort_by_key(|f| (std::cmp::Reverse(f.weight.map_or(-1, |w| w)), f.id));
        blocks.push(Block::Subheading(option_label(option)));
        blocks.push(Block::Table {
            head: vec![
                "".into(),
                "What".into(),
                "How much it matters".into(),
                "Figure".into(),
                "Who said it".into(),
            ],
            rows: factors
                .iter()
                .map(|f| {
                    let concern = f.concern.trim();
                    vec![
                        side_words(f.side).to_string(),
                        if concern.is_empty() {
                            f.text.trim().to_string()
                        } else {
                            format!("{concern}: {}", f.text.trim())
                        },
                        stars(f.weight),
                        f.figure().unwrap_or_default(),
                        said_by(case, f),
                    ]
                })
                .collect(),
        });
    }
    blocks
}

fn people(case: &CaseSnapshot) -> Vec<Block> {
    let mut blocks = Vec::new();
    if case.views.is_empty() {
        blocks.push(Block::Paragraph("No views written down yet.".into()));
    } else {
        blocks.push(Block::Table {
            head: vec![
                "Who".into(),
                "Prefers".into(),
                "Pressure".into(),
                "The patient's choice".into(),
                "Note".into(),
            ],
            rows: case
                .views
                .iter()
                .map(|view| {
                    let who = if view.stamp.created_by.trim() == view.person.trim() {
                        view.person.trim().to_string()
                    } else {
                        format!(
                            "{} (written by {})",
                            view.person.trim(),
                            view.stamp.created_by.trim()
                        )
                    };
                    vec![
                        who,
                        match view.prefers {
                            Some(id) => option_name(case, Some(id)),
                            None => "no option".to_string(),
                        },
                        view.pressure.label().to_string(),
                        view.supports.label().to_string(),
                        view.note.trim().to_string(),
                    ]
                })
                .collect(),
        });
    }
    let leaning = match decision::leaning(case) {
        None => "not written down yet".to_string(),
        Some(leaning) => {
            let to = match leaning.option_id {
                Some(id) => option_name(case, Some(id)),
                None => "unsure".to_string(),
            };
            let note = if leaning.note.trim().is_empty() {
                String::new()
            } else {
                format!(": {}", leaning.note.trim())
            };
            format!(
                "{to}{note} (since {})",
                date(leaning.stamp.updated_at.date_naive())
            )
        }
    };
    blocks.push(Block::Facts(vec![("The patient leans to".into(), leaning)]));
    blocks
}

/// Words for paper: the next steps without the keys of the screen
/// ("(Q on the factor)").
fn for_paper(words: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in words.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn readiness(case: &CaseSnapshot) -> Vec<Block> {
    let checks = checks_newest_first(case);
    let Some(newest) = checks.first() else {
        return vec![Block::Paragraph(
            "The readiness check has not been taken yet.".into(),
        )];
    };
    let yes_no = |yes: bool| if yes { "yes" } else { "no" }.to_string();
    let mut blocks = vec![Block::Facts(
        READINESS
            .iter()
            .enumerate()
            .map(|(n, (_, question))| ((n + 1).to_string(), question.to_string()))
            .collect(),
    )];
    blocks.push(Block::Table {
        head: vec![
            "Taken on".into(),
            "By".into(),
            "1".into(),
            "2".into(),
            "3".into(),
            "4".into(),
            "Score".into(),
        ],
        rows: checks
            .iter()
            .map(|check| {
                let mut row = vec![date(check.taken_on), check.stamp.created_by.clone()];
                row.extend(check.answers().map(yes_no));
                row.push(check.score());
                row
            })
            .collect(),
    });
    let steps = next_steps(case, newest);
    if steps.is_empty() {
        blocks.push(Block::Paragraph(format!(
            "The latest check, of {}, was yes to all four questions.",
            date(newest.taken_on)
        )));
    } else {
        blocks.push(Block::Paragraph(format!(
            "Next steps, from the latest check ({}):",
            date(newest.taken_on)
        )));
        blocks.push(Block::Bullets(
            steps.iter().map(|step| for_paper(&step.words())).collect(),
        ));
    }
    blocks
}

fn doctors(case: &CaseSnapshot, opinions: &[&crate::domain::Opinion]) -> String {
    let mut names: Vec<String> = opinions
        .iter()
        .map(|o| case.doctor_name(Some(o.doctor_id)).to_string())
        .collect();
    names.dedup();
    if names.is_empty() {
        "no doctor".to_string()
    } else {
        names.join(", ")
    }
}

fn the_decision(case: &CaseSnapshot) -> Vec<Block> {
    let Some(chosen) = decision::decision(case) else {
        let mut blocks = vec![Block::Paragraph("Not made yet.".into())];
        let open = still_open(case);
        if !open.is_empty() {
            blocks.push(Block::Paragraph("Still open:".into()));
            blocks.push(Block::Bullets(open));
        }
        return blocks;
    };
    let (follows, against) = follows_and_against(case, chosen.option_id);
    let mut facts = vec![
        (
            "Chosen".to_string(),
            option_name(case, Some(chosen.option_id)),
        ),
        ("On".to_string(), date(chosen.decided_on)),
    ];
    if !chosen.reasons.trim().is_empty() {
        facts.push(("Because".to_string(), chosen.reasons.trim().to_string()));
    }
    facts.push(("Follows the advice of".to_string(), doctors(case, &follows)));
    if !against.is_empty() {
        facts.push((
            "Goes against the advice of".to_string(),
            doctors(case, &against),
        ));
    }
    if !chosen.look_again_if.trim().is_empty() {
        facts.push((
            "Look again if".to_string(),
            chosen.look_again_if.trim().to_string(),
        ));
    }
    if let Some(on) = chosen.look_again_on {
        facts.push(("Look again on".to_string(), date(on)));
    }
    if chosen.stamp.version > 1 {
        facts.push((
            "Revised".to_string(),
            format!(
                "{} (the earlier version stays in the case's history)",
                date(chosen.stamp.updated_at.date_naive())
            ),
        ));
    }
    vec![Block::Facts(facts)]
}

#[cfg(test)]
mod tests {
    use super::for_paper;

    #[test]
    fn the_keys_of_the_screen_stay_off_paper() {
        assert_eq!(
            for_paper("2 things are not known yet: ask a doctor about each (Q on the factor)"),
            "2 things are not known yet: ask a doctor about each"
        );
    }
}
