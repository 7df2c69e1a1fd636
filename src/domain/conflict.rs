//! Conflicts are computed, never typed: a topic on which two or more
//! opinions hold different stances.

use super::choice::choice;
use super::text::normalize;
use super::{ConflictState, Equivalence, Opinion, RecordId, Stance, Topic};

/// Which stances on one topic were declared to mean the same: each stance
/// leads, through the declarations, to one stance that stands for all.
struct Sameness {
    pairs: Vec<(String, String)>,
}

impl Sameness {
    fn of(topic_id: RecordId, equivalences: &[Equivalence]) -> Self {
        Sameness {
            pairs: equivalences
                .iter()
                .filter(|e| e.topic_id == topic_id)
                .map(|e| (normalize(&e.stance), normalize(&e.same_as)))
                .collect(),
        }
    }

    /// The comparable form of `stance`: the smallest of every stance it was
    /// declared the same as, directly or through others.
    fn key(&self, stance: &str) -> String {
        let mut group = vec![normalize(stance)];
        let mut grew = true;
        while grew {
            grew = false;
            for (a, b) in &self.pairs {
                let has_a = group.contains(a);
                let has_b = group.contains(b);
                if has_a != has_b {
                    group.push(if has_a { b.clone() } else { a.clone() });
                    grew = true;
                }
            }
        }
        group.into_iter().min().unwrap_or_default()
    }
}

choice! {
    /// Where the family has got to with a disagreement.
    ConflictStatus {
        Open => "open", "open";
        AskedToConfer => "asked_to_confer", "doctors asked to confer";
        FurtherOpinion => "further_opinion", "further opinion sought";
        Resolved => "resolved", "resolved";
        Accepted => "accepted", "accepted difference";
    }
}

/// The comparable form of `stance` on a topic: stances declared the same
/// there have the same key.
pub fn stance_key(topic_id: RecordId, equivalences: &[Equivalence], stance: &str) -> String {
    Sameness::of(topic_id, equivalences).key(stance)
}

impl ConflictStatus {
    /// Open, asked to confer and further opinion sought still need work.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            Self::Open | Self::AskedToConfer | Self::FurtherOpinion
        )
    }
}

/// One cell of the grid: what one opinion says on one topic.
#[derive(Debug, Clone, PartialEq)]
pub struct StanceCell {
    pub position_id: RecordId,
    pub stance: String,
    pub detail: String,
    /// Which of the row's distinct stances this is: 0 for the first one met
    /// left to right, 1 for the next, and so on. Cells with the same group
    /// say the same thing.
    pub group: usize,
}

/// One topic across every opinion.
#[derive(Debug, Clone, PartialEq)]
pub struct StanceRow {
    pub topic_id: RecordId,
    pub topic: String,
    /// One cell per opinion, in the grid's column order.
    pub cells: Vec<Option<StanceCell>>,
    /// How many different stances the row holds.
    pub distinct: usize,
}

impl StanceRow {
    /// True when two or more opinions on this topic disagree.
    pub fn differs(&self) -> bool {
        self.distinct > 1
    }
}

/// Topics by opinions: the heart of the Conflicts pane.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StanceGrid {
    /// The opinions that make the columns, oldest first.
    pub opinion_ids: Vec<RecordId>,
    pub rows: Vec<StanceRow>,
}

impl StanceGrid {
    /// Lines up every stance by topic (rows, in topic order) and opinion
    /// (columns, by date). Stances declared to mean the same count as one.
    pub fn build(
        topics: &[Topic],
        opinions: &[Opinion],
        stances: &[Stance],
        equivalences: &[Equivalence],
    ) -> Self {
        let mut columns: Vec<&Opinion> = opinions.iter().collect();
        columns.sort_by_key(|opinion| (opinion.given_on, opinion.id));
        let mut ordered_topics: Vec<&Topic> = topics.iter().collect();
        ordered_topics.sort_by_key(|topic| (topic.sort_order, topic.id));
        let by_cell: std::collections::HashMap<(RecordId, RecordId), &Stance> = stances
            .iter()
            .map(|p| ((p.opinion_id, p.topic_id), p))
            .collect();

        let rows = ordered_topics
            .into_iter()
            .map(|topic| {
                let same = Sameness::of(topic.id, equivalences);
                let mut seen: Vec<String> = Vec::new();
                let cells = columns
                    .iter()
                    .map(|opinion| {
                        let position = *by_cell.get(&(opinion.id, topic.id))?;
                        let key = same.key(&position.stance);
                        if key.is_empty() {
                            return None;
                        }
                        let group = match seen.iter().position(|s| *s == key) {
                            Some(group) => group,
                            None => {
                                seen.push(key);
                                seen.len() - 1
                            }
                        };
                        Some(StanceCell {
                            position_id: position.id,
                            stance: position.stance.clone(),
                            detail: position.detail.clone(),
                            group,
                        })
                    })
                    .collect();
                StanceRow {
                    topic_id: topic.id,
                    topic: topic.name.clone(),
                    cells,
                    distinct: seen.len(),
                }
            })
            .collect();
        StanceGrid {
            opinion_ids: columns.iter().map(|opinion| opinion.id).collect(),
            rows,
        }
    }
}

/// A topic that is, or was, in dispute.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub topic_id: RecordId,
    pub topic: String,
    pub status: ConflictStatus,
    pub resolution: String,
    /// How many different stances the opinions now hold.
    pub distinct: usize,
    /// The stances no longer differ (a stance was changed), but the
    /// conflict's status and resolution are kept.
    pub settled: bool,
    /// Marked resolved or accepted, but a stance changed since and the
    /// opinions still differ: it needs looking at again.
    pub changed_since: bool,
}

impl Conflict {
    /// Still needs the family's attention.
    pub fn needs_attention(&self) -> bool {
        !self.settled && (self.status.is_open() || self.changed_since)
    }
}

/// Every topic whose opinions differ, plus every topic that once did and
/// still has a recorded status.
///
/// A conflict marked resolved or accepted opens again when a stance on its
/// topic is changed after it was so marked and the opinions still differ:
/// the new difference is not hidden behind the old decision.
pub fn conflicts(grid: &StanceGrid, states: &[ConflictState], stances: &[Stance]) -> Vec<Conflict> {
    grid.rows
        .iter()
        .filter_map(|row| {
            let state = states.iter().find(|state| state.topic_id == row.topic_id);
            if !row.differs() && state.is_none() {
                return None;
            }
            let changed_since = state.is_some_and(|state| {
                !state.status.is_open()
                    && stances.iter().any(|p| {
                        p.topic_id == row.topic_id && p.stamp.updated_at > state.stamp.updated_at
                    })
            });
            Some(Conflict {
                changed_since: changed_since && row.differs(),
                topic_id: row.topic_id,
                topic: row.topic.clone(),
                status: state.map_or(ConflictStatus::Open, |state| state.status),
                resolution: state
                    .map(|state| state.resolution.clone())
                    .unwrap_or_default(),
                distinct: row.distinct,
                settled: !row.differs(),
            })
        })
        .collect()
}

/// A question for each doctor whose opinion takes part in the disagreement
/// on `topic_id`, naming what the others say: "Dr. Okafor says
/// \"Lumpectomy + radiation\" on Treatment. Why \"Mastectomy\" rather than
/// that?". A doctor who already has an open question on the topic is
/// skipped.
pub fn questions_for(
    case: &super::CaseSnapshot,
    grid: &StanceGrid,
    topic_id: RecordId,
) -> Vec<super::QuestionDraft> {
    let Some(row) = grid.rows.iter().find(|row| row.topic_id == topic_id) else {
        return Vec::new();
    };
    let stances: Vec<(RecordId, &StanceCell)> = row
        .cells
        .iter()
        .zip(&grid.opinion_ids)
        .filter_map(|(cell, opinion_id)| {
            let doctor = case.opinion(*opinion_id)?.doctor_id;
            Some((doctor, cell.as_ref()?))
        })
        .collect();
    let mut drafts = Vec::new();
    let mut asked: Vec<RecordId> = Vec::new();
    for (doctor, cell) in &stances {
        if asked.contains(doctor) {
            continue;
        }
        let already = case.questions.iter().any(|q| {
            q.doctor_id == Some(*doctor)
                && q.topic_id == Some(topic_id)
                && q.status.is_outstanding()
        });
        if already {
            continue;
        }
        let others: Vec<String> = stances
            .iter()
            .filter(|(other, other_cell)| other != doctor && other_cell.group != cell.group)
            .map(|(other, other_cell)| {
                format!(
                    "{} says \"{}\"",
                    case.doctor_name(Some(*other)),
                    other_cell.stance.trim()
                )
            })
            .collect();
        if others.is_empty() {
            continue;
        }
        asked.push(*doctor);
        drafts.push(super::QuestionDraft {
            doctor_id: Some(*doctor),
            text: format!(
                "On {}: {}. Why \"{}\" rather than that?",
                row.topic.trim(),
                others.join("; "),
                cell.stance.trim()
            ),
            status: super::QuestionStatus::Open,
            answer: String::new(),
            asked_on: None,
            answered_on: None,
            topic_id: Some(topic_id),
            blind_text: format!(
                "On {}: the doctors who have looked at this do not all agree. \
                 What are the reasons for your view, and what would change it?",
                row.topic.trim()
            ),
            former_doctor: String::new(),
            factor_id: None,
        });
    }
    drafts
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::{EquivalenceDraft, OpinionDraft, StanceDraft, TopicDraft};

    use crate::domain::record::test_record as stored;

    fn topic(id: RecordId, name: &str) -> Topic {
        stored(
            id,
            TopicDraft {
                name: name.into(),
                sort_order: id,
            },
        )
    }

    fn opinion(id: RecordId, day: u32) -> Opinion {
        let date = NaiveDate::from_ymd_opt(2026, 3, day).unwrap_or_default();
        stored(id, OpinionDraft::new(id, date))
    }

    fn position(id: RecordId, opinion_id: RecordId, topic_id: RecordId, stance: &str) -> Stance {
        stored(
            id,
            StanceDraft {
                opinion_id,
                topic_id,
                stance: stance.into(),
                detail: String::new(),
            },
        )
    }

    fn same(id: RecordId, topic_id: RecordId, stance: &str, same_as: &str) -> Equivalence {
        stored(
            id,
            EquivalenceDraft {
                topic_id,
                stance: stance.into(),
                same_as: same_as.into(),
            },
        )
    }

    #[test]
    fn three_opinions_one_silent_make_one_conflict_and_one_agreement() {
        let topics = [
            topic(1, "Treatment"),
            topic(2, "Stage"),
            topic(3, "Prognosis"),
        ];
        let opinions = [opinion(1, 1), opinion(2, 5), opinion(3, 9)];
        let positions = [
            position(1, 1, 1, "Mastectomy"),
            position(2, 2, 1, "Lumpectomy + radiation"),
            position(3, 3, 1, "lumpectomy + radiation."),
            position(4, 1, 2, "Stage IA"),
            position(5, 2, 2, "  stage ia "),
            position(6, 2, 3, "Excellent"),
        ];
        let grid = StanceGrid::build(&topics, &opinions, &positions, &[]);
        let found = conflicts(&grid, &[], &positions);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].topic, "Treatment");
        assert_eq!(found[0].distinct, 2);
        let treatment = &grid.rows[0];
        let groups: Vec<usize> = treatment.cells.iter().flatten().map(|c| c.group).collect();
        assert_eq!(groups, [0, 1, 1], "the second and third say the same");
        assert!(!grid.rows[1].differs(), "Stage agrees after normalizing");
        assert!(
            !grid.rows[2].differs(),
            "a topic only one opinion addresses is no conflict"
        );
        assert_eq!(
            grid.rows[2].cells[2], None,
            "the third opinion is silent on prognosis"
        );
    }

    #[test]
    fn a_changed_stance_settles_the_conflict_and_keeps_its_status() {
        let topics = [topic(1, "Treatment")];
        let opinions = [opinion(1, 1), opinion(2, 5)];
        let state = stored(
            1,
            crate::domain::ConflictStateDraft {
                topic_id: 1,
                status: ConflictStatus::AskedToConfer,
                resolution: "Tumor board on Friday".into(),
            },
        );
        let positions = [
            position(1, 1, 1, "Mastectomy"),
            position(2, 2, 1, "Lumpectomy"),
        ];
        let open = conflicts(
            &StanceGrid::build(&topics, &opinions, &positions, &[]),
            std::slice::from_ref(&state),
            &positions,
        );
        assert!(open[0].needs_attention());

        let changed = [
            position(1, 1, 1, "Lumpectomy"),
            position(2, 2, 1, "Lumpectomy"),
        ];
        let settled = conflicts(
            &StanceGrid::build(&topics, &opinions, &changed, &[]),
            std::slice::from_ref(&state),
            &changed,
        );
        assert_eq!(settled.len(), 1, "the conflict is kept");
        assert!(settled[0].settled);
        assert_eq!(settled[0].status, ConflictStatus::AskedToConfer);
        assert_eq!(settled[0].resolution, "Tumor board on Friday");
        assert!(!settled[0].needs_attention());
    }

    #[test]
    fn a_resolved_conflict_opens_again_when_a_stance_changes_after_it() {
        let topics = [topic(1, "Treatment")];
        let opinions = [opinion(1, 1), opinion(2, 5), opinion(3, 9)];
        let mut resolved = stored(
            1,
            crate::domain::ConflictStateDraft {
                topic_id: 1,
                status: ConflictStatus::Resolved,
                resolution: "Lumpectomy".into(),
            },
        );
        resolved.stamp.updated_at = chrono::DateTime::from_timestamp(1_000, 0).unwrap_or_default();
        let mut later = position(3, 3, 1, "Watch and wait");
        later.stamp.updated_at = chrono::DateTime::from_timestamp(2_000, 0).unwrap_or_default();
        let positions = [
            position(1, 1, 1, "Mastectomy"),
            position(2, 2, 1, "Lumpectomy"),
            later,
        ];
        let grid = StanceGrid::build(&topics, &opinions, &positions, &[]);
        let found = conflicts(&grid, std::slice::from_ref(&resolved), &positions);
        assert!(found[0].changed_since);
        assert!(
            found[0].needs_attention(),
            "the new difference is not hidden"
        );
        let before = &positions[..2];
        let quiet = conflicts(
            &StanceGrid::build(&topics, &opinions, before, &[]),
            &[resolved],
            before,
        );
        assert!(
            !quiet[0].needs_attention(),
            "nothing changed since it was resolved"
        );
    }

    #[test]
    fn stances_declared_the_same_no_longer_conflict() {
        let topics = [topic(1, "Treatment"), topic(2, "Stage")];
        let opinions = [opinion(1, 1), opinion(2, 5), opinion(3, 9)];
        let positions = [
            position(1, 1, 1, "BCS"),
            position(2, 2, 1, "Lumpectomy"),
            position(3, 3, 1, "breast-conserving surgery"),
            position(4, 1, 2, "BCS"),
            position(5, 2, 2, "Lumpectomy"),
        ];
        let declared = [
            same(1, 1, "bcs.", "lumpectomy"),
            same(2, 1, "Breast-conserving surgery", "BCS"),
        ];
        let grid = StanceGrid::build(&topics, &opinions, &positions, &declared);
        assert!(
            !grid.rows[0].differs(),
            "all three are one stance, through two declarations"
        );
        assert!(
            grid.rows[1].differs(),
            "a declaration holds only on its own topic"
        );
        let without = StanceGrid::build(&topics, &opinions, &positions, &declared[1..]);
        assert_eq!(
            without.rows[0].distinct, 2,
            "taking a declaration back brings the conflict back"
        );
    }

    #[test]
    fn a_conflict_raises_one_question_for_each_doctor_naming_the_others() {
        let mut case = crate::domain::CaseSnapshot {
            doctors: vec![
                stored(
                    1,
                    crate::domain::DoctorDraft {
                        name: "Dr. Park".into(),
                        ..Default::default()
                    },
                ),
                stored(
                    2,
                    crate::domain::DoctorDraft {
                        name: "Dr. Okafor".into(),
                        ..Default::default()
                    },
                ),
            ],
            topics: vec![topic(1, "Treatment")],
            opinions: vec![opinion(1, 1), opinion(2, 5)],
            stances: vec![
                position(1, 1, 1, "Mastectomy"),
                position(2, 2, 1, "Lumpectomy"),
            ],
            ..Default::default()
        };
        let grid = case.grid().clone();
        let drafts = questions_for(&case, &grid, 1);
        let texts: Vec<&str> = drafts.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "On Treatment: Dr. Okafor says \"Lumpectomy\". Why \"Mastectomy\" rather than that?",
                "On Treatment: Dr. Park says \"Mastectomy\". Why \"Lumpectomy\" rather than that?",
            ]
        );
        assert!(drafts.iter().all(|q| q.topic_id == Some(1)));
        // For a blind packet, the same question without anyone's stance.
        for draft in &drafts {
            assert_eq!(
                draft.blind_text,
                "On Treatment: the doctors who have looked at this do not all agree. \
                 What are the reasons for your view, and what would change it?"
            );
        }

        // Asked once, a doctor is not asked again while the question is open.
        case.questions = vec![stored(1, drafts[0].clone())];
        assert_eq!(questions_for(&case, &grid, 1).len(), 1);
    }
}
