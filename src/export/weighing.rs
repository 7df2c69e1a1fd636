//! "What the patient is weighing", for the appointment packet: the
//! options, who recommends each and what matters most. A blind packet
//! holds no earlier doctor's conclusion, so there it is only what matters
//! to the patient: the concerns ranked by how much they matter, and the
//! patient's own words that give no doctor's view away. No option is
//! named there, since an option may be one doctor's advice.

use super::document::Block;
use super::packet::Blindness;
use crate::domain::decision::{FactorSide, Source, recommenders, stars, weightiest};
use crate::domain::text::normalize;
use crate::domain::{CaseSnapshot, Factor, RecordId, blind};

/// The section, or nothing while the case holds no options or factors.
pub fn section(case: &CaseSnapshot, doctor_id: RecordId, blindness: Blindness) -> Vec<Block> {
    if case.options.is_empty() && case.factors.is_empty() {
        return Vec::new();
    }
    let mut blocks = vec![Block::Heading("What the patient is weighing".into())];
    match blindness {
        Blindness::Open => blocks.extend(open(case)),
        Blindness::Blind => blocks.extend(blind_part(case, doctor_id)),
    }
    blocks
}

fn side(factor: &Factor) -> &'static str {
    match factor.side {
        FactorSide::Benefit => "for",
        FactorSide::Risk => "against",
        FactorSide::Unknown => "not known yet",
    }
}

/// Every option, who recommends it, and its factors that matter most.
fn open(case: &CaseSnapshot) -> Vec<Block> {
    if case.options.is_empty() {
        return vec![Block::Paragraph("No options written down yet.".into())];
    }
    let rows = case
        .options
        .iter()
        .map(|option| {
            let by = recommenders(case, option);
            let name = if option.not_for_me {
                format!(
                    "{} (set aside: {})",
                    option.name.trim(),
                    option.not_for_me_because.trim()
                )
            } else {
                option.name.trim().to_string()
            };
            let matters: Vec<String> = weightiest(case, option.id)
                .iter()
                .take(3)
                .map(|f| format!("{} ({}): {}", stars(f.weight), side(f), f.text.trim()))
                .collect();
            vec![
                name,
                if by.is_empty() {
                    "—".to_string()
                } else {
                    by.join(", ")
                },
                if matters.is_empty() {
                    "not rated yet".to_string()
                } else {
                    matters.join("\n")
                },
            ]
        })
        .collect();
    vec![Block::Table {
        head: vec![
            "Option".into(),
            "Recommended by".into(),
            "What matters most to the patient".into(),
        ],
        rows,
    }]
}

/// Whether `text` could give an earlier doctor's view away: it names
/// another doctor, quotes another doctor's stance, or names an option
/// that came from a stance.
fn gives_away(case: &CaseSnapshot, doctor_id: RecordId, text: &str) -> bool {
    if !blind::reasons(case, doctor_id, text).is_empty() {
        return true;
    }
    let said = normalize(text);
    case.options
        .iter()
        .filter(|o| !o.stance.trim().is_empty())
        .flat_map(|o| [normalize(&o.name), normalize(&o.stance)])
        .any(|name| !name.is_empty() && said.contains(&name))
}

/// What matters to the patient, with no option named.
fn blind_part(case: &CaseSnapshot, doctor_id: RecordId) -> Vec<Block> {
    let mut blocks = vec![Block::Paragraph(
        "The options the patient is choosing between are left out, as some come from earlier \
         doctors' advice; here is only what matters most to the patient."
            .into(),
    )];
    // Each concern, by the most any factor on it matters.
    let mut concerns: Vec<(i64, String)> = Vec::new();
    for factor in &case.factors {
        let (Some(weight), concern) = (factor.weight, factor.concern.trim()) else {
            continue;
        };
        if concern.is_empty() || gives_away(case, doctor_id, concern) {
            continue;
        }
        match concerns
            .iter_mut()
            .find(|(_, c)| normalize(c) == normalize(concern))
        {
            Some((most, _)) => *most = (*most).max(weight),
            None => concerns.push((weight, concern.to_string())),
        }
    }
    concerns.sort_by_key(|(weight, concern)| (std::cmp::Reverse(*weight), concern.clone()));
    if !concerns.is_empty() {
        blocks.push(Block::Table {
            head: vec!["What it is about".into(), "How much it matters".into()],
            rows: concerns
                .into_iter()
                .map(|(weight, concern)| vec![concern, stars(Some(weight))])
                .collect(),
        });
    }
    // The patient's own words, the weightiest first.
    let mut own: Vec<&Factor> = case
        .factors
        .iter()
        .filter(|f| f.source() == Source::Own && f.weight.unwrap_or(0) > 0)
        .filter(|f| !gives_away(case, doctor_id, &f.text))
        .collect();
    own.sort_by_key(|f| (std::cmp::Reverse(f.weight.unwrap_or(0)), f.id));
    if !own.is_empty() {
        blocks.push(Block::Paragraph("In the patient's own words:".into()));
        blocks.push(Block::Bullets(
            own.iter()
                .take(8)
                .map(|f| format!("{} {}", stars(f.weight), f.text.trim()))
                .collect(),
        ));
    }
    if blocks.len() == 1 {
        blocks.push(Block::Paragraph(
            "The patient has not yet said how much each thing matters.".into(),
        ));
    }
    blocks
}
