//! The whole case as read at one moment, with what follows from it.

use chrono::NaiveDate;

use super::conflict::{self, Conflict, StanceGrid};
use super::item::{current_holder, still_needed};
use super::schedule::{self, AgendaEntry};
use super::{
    Case, ConflictState, CustodyMove, Deadline, Doctor, Equivalence, FollowUp, Item, ItemRecipient,
    Note, Opinion, Position, Question, RecordId, RecordRequest, RequestItem, Topic,
};

/// Every record of a case.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CaseSnapshot {
    pub case: Option<Case>,
    pub doctors: Vec<Doctor>,
    /// Oldest first.
    pub opinions: Vec<Opinion>,
    pub topics: Vec<Topic>,
    pub positions: Vec<Position>,
    pub conflict_states: Vec<ConflictState>,
    pub questions: Vec<Question>,
    pub items: Vec<Item>,
    pub custody_moves: Vec<CustodyMove>,
    pub item_recipients: Vec<ItemRecipient>,
    pub requests: Vec<RecordRequest>,
    pub follow_ups: Vec<FollowUp>,
    pub deadlines: Vec<Deadline>,
    /// Newest first.
    pub notes: Vec<Note>,
    pub equivalences: Vec<Equivalence>,
    pub request_items: Vec<RequestItem>,
}

/// The numbers the Overview leads with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CaseCounts {
    pub open_conflicts: usize,
    pub open_questions: usize,
    pub overdue_requests: usize,
    /// Item-and-doctor pairs where the doctor needs the item and does not
    /// have it yet.
    pub items_not_with_doctor: usize,
    /// Originals away from their owner longer than the case's limit.
    pub originals_away: usize,
    /// Blocks and slides near (or past) the end of the lab's keeping time.
    pub retention_near: usize,
}

impl CaseSnapshot {
    /// An empty file: no case has been started.
    pub fn is_empty(&self) -> bool {
        self.case.is_none()
    }

    pub fn doctor(&self, id: RecordId) -> Option<&Doctor> {
        self.doctors.iter().find(|doctor| doctor.id == id)
    }

    pub fn doctor_name(&self, id: Option<RecordId>) -> &str {
        id.and_then(|id| self.doctor(id))
            .map_or("any doctor", |doctor| doctor.name.as_str())
    }

    pub fn opinion(&self, id: RecordId) -> Option<&Opinion> {
        self.opinions.iter().find(|opinion| opinion.id == id)
    }

    pub fn topic(&self, id: RecordId) -> Option<&Topic> {
        self.topics.iter().find(|topic| topic.id == id)
    }

    pub fn item(&self, id: RecordId) -> Option<&Item> {
        self.items.iter().find(|item| item.id == id)
    }

    pub fn grid(&self) -> StanceGrid {
        StanceGrid::build(
            &self.topics,
            &self.opinions,
            &self.positions,
            &self.equivalences,
        )
    }

    pub fn conflicts(&self) -> Vec<Conflict> {
        conflict::conflicts(&self.grid(), &self.conflict_states, &self.positions)
    }

    pub fn agenda(&self, today: NaiveDate) -> Vec<AgendaEntry> {
        schedule::agenda(self.case.as_ref(), &self.deadlines, &self.requests, today)
    }

    pub fn holder<'a>(&'a self, item: &'a Item) -> &'a str {
        current_holder(item, &self.custody_moves)
    }

    /// The doctors who need `item` and do not have it yet.
    pub fn still_needed_by(&self, item: &Item) -> Vec<&Doctor> {
        still_needed(item, &self.item_recipients)
            .filter_map(|recipient| self.doctor(recipient.doctor_id))
            .collect()
    }

    /// The items a doctor has received, oldest first.
    pub fn items_received_by(
        &self,
        doctor_id: RecordId,
    ) -> Vec<(&Item, NaiveDate, super::ReceivedAs)> {
        self.item_recipients
            .iter()
            .filter(|r| r.doctor_id == doctor_id)
            .filter_map(|r| Some((self.item(r.item_id)?, r.received_on?, r.received_as)))
            .collect()
    }

    /// A doctor's questions, outstanding first, then in the order written.
    pub fn questions_for(&self, doctor_id: Option<RecordId>) -> Vec<&Question> {
        let mut questions: Vec<&Question> = self
            .questions
            .iter()
            .filter(|question| question.doctor_id == doctor_id)
            .collect();
        questions.sort_by_key(|question| (!question.status.is_outstanding(), question.id));
        questions
    }

    /// The questions still waiting for `doctor_id` that were already on the
    /// sheet at an earlier appointment (asked, not answered), oldest first:
    /// they carry forward to the next one. Questions for any doctor count.
    pub fn carried_forward(&self, doctor_id: RecordId) -> Vec<&Question> {
        let mut questions: Vec<&Question> = self
            .questions
            .iter()
            .filter(|q| q.doctor_id.is_none_or(|id| id == doctor_id))
            .filter(|q| q.status.is_outstanding() && q.asked_on.is_some())
            .collect();
        questions.sort_by_key(|q| (q.asked_on, q.id));
        questions
    }

    /// The doctor's next appointment on or after `today`, if one is set.
    pub fn next_appointment(&self, doctor_id: RecordId, today: NaiveDate) -> Option<NaiveDate> {
        self.deadlines
            .iter()
            .filter(|d| d.doctor_id == Some(doctor_id) && !d.done && d.due_on >= today)
            .filter(|d| d.kind == super::DeadlineKind::Appointment)
            .map(|d| d.due_on)
            .min()
    }

    /// Notes written on one record, newest first.
    pub fn notes_on(&self, kind: super::RecordKind, id: RecordId) -> Vec<&Note> {
        self.notes
            .iter()
            .filter(|note| note.on.is_some_and(|on| on.kind == kind && on.id == id))
            .collect()
    }

    pub fn counts(&self, today: NaiveDate) -> CaseCounts {
        CaseCounts {
            open_conflicts: self
                .conflicts()
                .iter()
                .filter(|conflict| conflict.needs_attention())
                .count(),
            open_questions: self
                .questions
                .iter()
                .filter(|question| question.status.is_outstanding())
                .count(),
            overdue_requests: self
                .requests
                .iter()
                .filter(|request| request.is_overdue(today))
                .count(),
            items_not_with_doctor: self
                .item_recipients
                .iter()
                .filter(|recipient| recipient.received_on.is_none())
                .count(),
            originals_away: self
                .items
                .iter()
                .filter(|item| self.away_too_long(item, today).is_some())
                .count(),
            retention_near: self
                .items
                .iter()
                .filter(|item| super::item::retention_warning(item, today).is_some())
                .count(),
        }
    }

    /// The case's limit for originals away from their owner, in days.
    pub fn originals_away_days(&self) -> i64 {
        self.case
            .as_ref()
            .map_or(super::DEFAULT_ORIGINALS_AWAY_DAYS, |c| {
                c.originals_away_days
            })
    }

    /// How many days an original has been away, when that is past the limit.
    pub fn away_too_long(&self, item: &Item, today: NaiveDate) -> Option<i64> {
        super::item::away_too_long(item, &self.custody_moves, today, self.originals_away_days())
    }

    /// Days from `today` to the decision deadline: negative once past.
    pub fn days_to_decision(&self, today: NaiveDate) -> Option<i64> {
        let decide_by = self.case.as_ref()?.decide_by?;
        Some(super::dates::days_between(today, decide_by))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{DeadlineDraft, DeadlineKind, QuestionDraft, QuestionStatus};

    use crate::domain::record::test_record as stored;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap_or_default()
    }

    fn question(
        id: RecordId,
        doctor: Option<RecordId>,
        status: QuestionStatus,
        asked: Option<u32>,
    ) -> Question {
        stored(
            id,
            QuestionDraft {
                doctor_id: doctor,
                text: format!("question {id}"),
                status,
                answer: String::new(),
                asked_on: asked.map(day),
                answered_on: None,
                topic_id: None,
            },
        )
    }

    #[test]
    fn questions_unanswered_at_one_visit_carry_forward_to_the_next() {
        let mut case = CaseSnapshot {
            questions: vec![
                question(1, Some(7), QuestionStatus::Asked, Some(3)),
                question(2, Some(7), QuestionStatus::Answered, Some(2)),
                question(3, Some(7), QuestionStatus::Open, None),
                question(4, None, QuestionStatus::Asked, Some(1)),
                question(5, Some(8), QuestionStatus::Asked, Some(1)),
                question(6, Some(7), QuestionStatus::Dropped, Some(1)),
            ],
            ..CaseSnapshot::default()
        };
        let carried: Vec<RecordId> = case.carried_forward(7).iter().map(|q| q.id).collect();
        assert_eq!(
            carried,
            [4, 1],
            "asked and unanswered, oldest first, for this doctor or any"
        );

        case.deadlines = vec![
            stored(
                1,
                DeadlineDraft {
                    title: "Visit".into(),
                    kind: DeadlineKind::Appointment,
                    due_on: day(20),
                    doctor_id: Some(7),
                    done: false,
                    notes: String::new(),
                },
            ),
            stored(
                2,
                DeadlineDraft {
                    title: "Visit".into(),
                    kind: DeadlineKind::Appointment,
                    due_on: day(12),
                    doctor_id: Some(7),
                    done: false,
                    notes: String::new(),
                },
            ),
            stored(
                3,
                DeadlineDraft {
                    title: "Old".into(),
                    kind: DeadlineKind::Appointment,
                    due_on: day(2),
                    doctor_id: Some(7),
                    done: true,
                    notes: String::new(),
                },
            ),
        ];
        assert_eq!(case.next_appointment(7, day(10)), Some(day(12)));
        assert_eq!(case.next_appointment(8, day(10)), None);
    }
}
