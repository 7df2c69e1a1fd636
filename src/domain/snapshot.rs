//! The whole case as read at one moment, with what follows from it.

use std::collections::HashMap;
use std::sync::OnceLock as OnceCell;

use chrono::{Datelike, NaiveDate};

use super::conflict::{self, Conflict, StanceGrid};
use super::item::still_needed;
use super::schedule::{self, AgendaEntry};
use super::{
    CustodyMove, Doctor, Item, Note, Opinion, Question, RecordId, RecordKind, RecordRef,
    RecordRequest, Topic,
};

super::kinds::kinds!(crate::domain::kinds::declare_snapshot);

/// Lists and lookups that follow from the records. Each is worked out the
/// first time it is asked for and kept until the case changes.
#[derive(Debug, Clone, Default)]
pub struct Derived {
    grid: OnceCell<StanceGrid>,
    conflicts: OnceCell<Vec<Conflict>>,
    /// Each item's custody log, oldest first, as places in `custody_moves`.
    moves_by_item: OnceCell<HashMap<RecordId, Vec<usize>>>,
    /// Each doctor's questions, outstanding first, then in the order
    /// written, as places in `questions`.
    questions_by_doctor: OnceCell<HashMap<AskedOf, Vec<usize>>>,
    /// Every question in the Questions pane's order: grouped by doctor
    /// (doctors by name, then questions for any doctor), as places in
    /// `questions`.
    question_list: OnceCell<Vec<usize>>,
    /// Doctors still waiting for each item, counted.
    waiting_by_item: OnceCell<HashMap<RecordId, usize>>,
    /// Worked out for one day: the first day asked for.
    counts: ForDay<CaseCounts>,
    agenda: ForDay<Vec<AgendaEntry>>,
    independence: OnceCell<Vec<super::doctor::IndependenceWarning>>,
    /// The Requests pane's order, as places in `requests`, for one day.
    request_order: ForDay<Vec<usize>>,
}

/// Who a question is for: the group it is listed in.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AskedOf {
    Doctor(RecordId),
    /// A doctor no longer in the case, by name.
    Former(String),
    Any,
}

impl AskedOf {
    pub fn of(question: &super::QuestionDraft) -> Self {
        match question.doctor_id {
            Some(id) => AskedOf::Doctor(id),
            None if !question.former_doctor.is_empty() => {
                AskedOf::Former(question.former_doctor.clone())
            }
            None => AskedOf::Any,
        }
    }
}

/// What is worked out for one day (counts and orders that depend on what
/// is overdue), kept until the case changes or the day does.
#[derive(Debug, Default)]
struct ForDay<T>(std::sync::Mutex<Option<(NaiveDate, T)>>);

impl<T: Clone> ForDay<T> {
    fn get(&self, today: NaiveDate, work: impl FnOnce() -> T) -> T {
        let mut kept = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match &*kept {
            Some((day, value)) if *day == today => value.clone(),
            _ => {
                let value = work();
                *kept = Some((today, value.clone()));
                value
            }
        }
    }
}

impl<T: Clone> Clone for ForDay<T> {
    fn clone(&self) -> Self {
        let kept = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        ForDay(std::sync::Mutex::new(kept.clone()))
    }
}

/// Two cases are the same when their records are: what was worked out
/// from them does not count.
impl PartialEq for Derived {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl CaseSnapshot {
    /// Brings the case up to date with the records changed since it was
    /// read, as of change `as_of`, keeping each list in the file's order.
    /// Notes are only brought up to date where they are held.
    pub fn apply_all(&mut self, changes: Vec<Fresh>, as_of: i64) {
        // Nothing worked out from the records depends on the notes.
        let only_notes = changes.iter().all(|fresh| match fresh {
            Fresh::Note(_) => true,
            Fresh::Gone(gone) => gone.kind == RecordKind::Note,
            _ => false,
        });
        for fresh in changes {
            // The screen holds only the notes it shows; a note it does not
            // hold is read when it comes into view.
            if let Fresh::Note(note) = &fresh
                && !self.notes.iter().any(|n| n.id == note.id)
            {
                continue;
            }
            self.apply(fresh);
        }
        self.keep_in_order();
        self.as_of = as_of;
        if !only_notes {
            self.derived = Derived::default();
        }
    }

    /// Each list in the order the file gives it (see the store's tables):
    /// by id, but for the lists below.
    pub fn keep_in_order(&mut self) {
        use super::kinds::{Kind, each_draft_type};
        // The lists sorted otherwise below; sorting them by id first would
        // only scramble them for the next sort.
        const ORDERED_OTHERWISE: [RecordKind; 8] = [
            RecordKind::Doctor,
            RecordKind::Opinion,
            RecordKind::Topic,
            RecordKind::CustodyMove,
            RecordKind::Request,
            RecordKind::FollowUp,
            RecordKind::Deadline,
            RecordKind::Note,
        ];
        each_draft_type!(D => if !ORDERED_OTHERWISE.contains(&D::KIND) {
            D::list_mut(self).sort_by_key(|r| r.id)
        });
        self.doctors
            .sort_by_cached_key(|d| (d.name.to_ascii_lowercase(), d.id));
        // Oldest first.
        self.opinions.sort_by_key(|o| (o.given_on, o.id));
        self.topics.sort_by_key(|t| (t.sort_order, t.id));
        self.custody_moves.sort_by_key(|m| (m.moved_on, m.id));
        self.requests.sort_by_key(|r| (r.requested_on, r.id));
        self.follow_ups.sort_by_key(|f| (f.on, f.id));
        self.deadlines.sort_by_key(|d| (d.due_on, d.id));
        // Newest first.
        self.notes
            .sort_by_key(|n| std::cmp::Reverse((n.stamp.created_at, n.id)));
    }
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

    /// The words that name a record that others link to: a doctor's name,
    /// an item's description, whom a request went to, a topic's name.
    pub fn words_of(&self, record: RecordRef) -> Option<String> {
        let id = record.id;
        match record.kind {
            RecordKind::Doctor => self.doctor(id).map(|d| d.name.clone()),
            RecordKind::Item => self.item(id).map(|i| i.description.clone()),
            RecordKind::Request => self
                .requests
                .iter()
                .find(|r| r.id == id)
                .map(|r| r.to_whom.clone()),
            RecordKind::Topic => self.topic(id).map(|t| t.name.clone()),
            RecordKind::Question => self
                .questions
                .iter()
                .find(|q| q.id == id)
                .map(|q| q.text.clone()),
            _ => None,
        }
        .map(|words| words.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    /// Who a question is for, in words: the doctor's name, "Dr. Helen Park
    /// (no longer in the case)", or "any doctor".
    pub fn asked_of(&self, question: &super::QuestionDraft) -> String {
        match question.doctor_id {
            Some(id) => self.doctor_name(Some(id)).to_string(),
            None if !question.former_doctor.is_empty() => {
                format!("{} (no longer in the case)", question.former_doctor)
            }
            None => "any doctor".to_string(),
        }
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

    pub fn grid(&self) -> &StanceGrid {
        self.derived.grid.get_or_init(|| {
            StanceGrid::build(
                &self.topics,
                &self.opinions,
                &self.stances,
                &self.equivalences,
            )
        })
    }

    pub fn conflicts(&self) -> &[Conflict] {
        self.derived
            .conflicts
            .get_or_init(|| conflict::conflicts(self.grid(), &self.conflict_states, &self.stances))
    }

    pub fn agenda(&self, today: NaiveDate) -> Vec<AgendaEntry> {
        let decided = super::decision::decision(self).map(|d| d.decided_on);
        let work = || {
            schedule::agenda(
                self.case.as_ref(),
                &self.deadlines,
                &self.requests,
                decided,
                today,
            )
        };
        self.derived.agenda.get(today, work)
    }

    /// Overdue requests first, then those waiting by due date, then the
    /// rest (answered, drafts, closed) newest first.
    pub fn requests_in_order(&self, today: NaiveDate) -> Vec<&RecordRequest> {
        let work = || {
            let mut order: Vec<usize> = (0..self.requests.len()).collect();
            order.sort_by_cached_key(|&n| {
                let request = &self.requests[n];
                match request.days_left(today) {
                    Some(days) => (0, days, request.id),
                    None => (
                        1,
                        -i64::from(request.requested_on.num_days_from_ce()),
                        request.id,
                    ),
                }
            });
            order
        };
        let order = self.derived.request_order.get(today, work);
        order.iter().map(|&n| &self.requests[n]).collect()
    }

    /// Doctors whose opinion may not be independent of an earlier one.
    pub fn independence_warnings(&self) -> &[super::doctor::IndependenceWarning] {
        self.derived
            .independence
            .get_or_init(|| super::independence_warnings(&self.doctors, &self.opinions))
    }

    /// An item's custody log, oldest first.
    pub fn log_of(&self, item: &Item) -> Vec<&CustodyMove> {
        let by_item = self.derived.moves_by_item.get_or_init(|| {
            let mut by_item: HashMap<RecordId, Vec<usize>> = HashMap::new();
            let mut order: Vec<usize> = (0..self.custody_moves.len()).collect();
            order.sort_by_key(|&n| (self.custody_moves[n].moved_on, self.custody_moves[n].id));
            for n in order {
                by_item
                    .entry(self.custody_moves[n].item_id)
                    .or_default()
                    .push(n);
            }
            by_item
        });
        by_item
            .get(&item.id)
            .map(|places| places.iter().map(|&n| &self.custody_moves[n]).collect())
            .unwrap_or_default()
    }

    pub fn holder<'a>(&'a self, item: &'a Item) -> &'a str {
        super::item::holder_after(item, &self.log_of(item))
    }

    /// How many doctors need `item` and do not have it yet.
    pub fn waiting_for(&self, item: &Item) -> usize {
        let waiting = self.derived.waiting_by_item.get_or_init(|| {
            let mut waiting: HashMap<RecordId, usize> = HashMap::new();
            for recipient in self
                .item_recipients
                .iter()
                .filter(|r| r.received_on.is_none())
            {
                *waiting.entry(recipient.item_id).or_default() += 1;
            }
            waiting
        });
        waiting.get(&item.id).copied().unwrap_or_default()
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

    /// A doctor's questions (None: those for any doctor), outstanding
    /// first, then in the order written.
    pub fn questions_for(&self, doctor_id: Option<RecordId>) -> Vec<&Question> {
        let group = match doctor_id {
            Some(id) => AskedOf::Doctor(id),
            None => AskedOf::Any,
        };
        self.question_places()
            .get(&group)
            .map(|places| places.iter().map(|&n| &self.questions[n]).collect())
            .unwrap_or_default()
    }

    /// Each doctor's questions, outstanding first, as places in `questions`.
    fn question_places(&self) -> &HashMap<AskedOf, Vec<usize>> {
        self.derived.questions_by_doctor.get_or_init(|| {
            let mut by_doctor: HashMap<AskedOf, Vec<usize>> = HashMap::new();
            for (n, question) in self.questions.iter().enumerate() {
                by_doctor.entry(AskedOf::of(question)).or_default().push(n);
            }
            for places in by_doctor.values_mut() {
                places.sort_by_key(|&n| {
                    let question = &self.questions[n];
                    (!question.status.is_outstanding(), question.id)
                });
            }
            by_doctor
        })
    }

    /// Every question, grouped by doctor (doctors by name, then doctors no
    /// longer in the case, then questions for any doctor), outstanding
    /// first within each group.
    pub fn questions_by_doctor(&self) -> Vec<&Question> {
        let list = self.derived.question_list.get_or_init(|| {
            let by_doctor = self.question_places();
            let mut former: Vec<&AskedOf> = by_doctor
                .keys()
                .filter(|group| matches!(group, AskedOf::Former(_)))
                .collect();
            former.sort();
            self.doctors
                .iter()
                .map(|doctor| AskedOf::Doctor(doctor.id))
                .chain(former.into_iter().cloned())
                .chain([AskedOf::Any])
                .filter_map(|group| by_doctor.get(&group))
                .flatten()
                .copied()
                .collect()
        });
        list.iter().map(|&n| &self.questions[n]).collect()
    }

    /// The questions still waiting for `doctor_id` that were already on the
    /// sheet at an earlier appointment (asked, not answered), oldest first:
    /// they carry forward to the next one. Questions for any doctor count.
    pub fn carried_forward(&self, doctor_id: RecordId) -> Vec<&Question> {
        let mut questions: Vec<&Question> = self
            .questions
            .iter()
            .filter(|q| q.doctor_id == Some(doctor_id) || q.is_for_any_doctor())
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
        self.derived.counts.get(today, || self.count(today))
    }

    fn count(&self, today: NaiveDate) -> CaseCounts {
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
        let since = super::item::away_since_log(item, &self.log_of(item))?;
        let days = super::dates::days_between(since, today);
        (days > self.originals_away_days()).then_some(days)
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
                blind_text: String::new(),
                former_doctor: String::new(),
                factor_id: None,
            },
        )
    }

    fn doctor(id: RecordId, name: &str) -> Doctor {
        stored(
            id,
            crate::domain::DoctorDraft {
                name: name.into(),
                ..Default::default()
            },
        )
    }

    #[test]
    fn changes_are_applied_in_the_files_order_and_what_follows_is_worked_out_again() {
        let mut case = CaseSnapshot {
            doctors: vec![doctor(1, "Dr. Brooks"), doctor(2, "dr. Okafor")],
            questions: vec![question(1, Some(1), QuestionStatus::Open, None)],
            ..CaseSnapshot::default()
        };
        assert_eq!(case.questions_for(Some(1)).len(), 1);
        case.apply_all(
            vec![
                Fresh::Doctor(doctor(3, "Dr. Adams")),
                Fresh::Doctor(doctor(2, "Dr. Zhou")),
                Fresh::Question(question(2, Some(1), QuestionStatus::Asked, Some(1))),
                Fresh::Gone(RecordRef {
                    kind: RecordKind::Question,
                    id: 1,
                }),
            ],
            42,
        );
        let names: Vec<&str> = case.doctors.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(
            names,
            ["Dr. Adams", "Dr. Brooks", "Dr. Zhou"],
            "by name, as the file orders them"
        );
        let questions: Vec<RecordId> = case.questions_for(Some(1)).iter().map(|q| q.id).collect();
        assert_eq!(
            questions,
            [2],
            "the kept list of a doctor's questions is worked out again"
        );
        assert_eq!(case.as_of, 42);
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
