//! A stress case: the demo, then a hundred times more of everything a long
//! case gathers, for the benchmark and for trying casefile on a big file.
//! The records are made up from a fixed seed, so every build makes the same
//! case.

use anyhow::Result;
use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::dates::offset;
use crate::domain::{
    Choice, CustodyMoveDraft, DoctorDraft, ItemDraft, ItemForm, ItemKind, NoteDraft, OpinionDraft,
    OpinionForm, QuestionDraft, QuestionStatus, RecordId, RecordKind, RecordRef,
    RecordRequestDraft, RequestStatus, StanceDraft, TopicDraft,
};
use crate::store::Batch;

/// How many records of each kind one step of scale adds. At scale 100:
/// 500 opinions with 5,000 stances, 20,000 questions, 5,000 items with
/// 20,000 custody moves, 2,000 requests and 100,000 notes.
pub struct PerScale;

impl PerScale {
    pub const DOCTORS: usize = 1;
    pub const OPINIONS: usize = 5;
    /// Stances per opinion: one on each topic.
    pub const POSITIONS_PER_OPINION: usize = 10;
    pub const QUESTIONS: usize = 200;
    pub const ITEMS: usize = 50;
    pub const MOVES_PER_ITEM: usize = 4;
    pub const REQUESTS: usize = 20;
    pub const NOTES: usize = 1_000;
}

/// Topics beyond the standard ones, so that each opinion can take ten
/// stances.
const MORE_TOPICS: [&str; 4] = [
    "Radiation",
    "Chemotherapy",
    "Reconstruction",
    "Follow-up imaging",
];

const WRITERS: [&str; 3] = [super::PATIENT, super::PARTNER, "Ana"];

const STANCES: [&str; 5] = [
    "Agrees with the first surgeon",
    "Recommends waiting for more imaging",
    "Recommends surgery soon",
    "Not needed",
    "Needs the original slides first",
];

const WORDS: [&str; 24] = [
    "margin",
    "calcifications",
    "lumpectomy",
    "radiation",
    "insurance",
    "appointment",
    "slides",
    "pathology",
    "oncotype",
    "lymph",
    "reconstruction",
    "copay",
    "waiting",
    "portal",
    "courier",
    "biopsy",
    "tamoxifen",
    "fatigue",
    "parking",
    "referral",
    "ultrasound",
    "schedule",
    "nurse",
    "results",
];

/// A small, fixed random sequence: the same case every time.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        // Knuth's MMIX linear congruential generator.
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next()).unwrap_or_default() % n.max(1)
    }

    fn pick<'a, T>(&mut self, from: &'a [T]) -> &'a T {
        &from[self.below(from.len())]
    }

    fn sentence(&mut self, words: usize) -> String {
        let mut text = String::new();
        for n in 0..words {
            if n > 0 {
                text.push(' ');
            }
            text.push_str(WORDS[self.below(WORDS.len())]);
        }
        text
    }
}

/// Adds `scale` steps of made-up records to the demo case in `batch`.
pub fn add_stress(
    batch: &mut Batch<'_>,
    today: NaiveDate,
    topics: &[RecordId],
    scale: usize,
) -> Result<()> {
    let mut stress = Stress {
        batch,
        today,
        dice: Dice(2026),
    };
    stress.write(topics, scale)
}

struct Stress<'b, 'c> {
    batch: &'b mut Batch<'c>,
    today: NaiveDate,
    dice: Dice,
}

impl Stress<'_, '_> {
    fn day(&self, days_ago: usize) -> NaiveDate {
        offset(self.today, -i64::try_from(days_ago).unwrap_or_default()).unwrap_or(self.today)
    }

    /// Writes as one of the family, on a day up to a year back.
    fn as_someone(&mut self) -> Result<NaiveDate> {
        let author = *self.dice.pick(&WRITERS);
        // From yesterday back: nothing is written later than now.
        let days_ago = 1 + self.dice.below(365);
        let day = self.day(days_ago);
        let hour = u32::try_from(self.dice.below(24)).unwrap_or_default();
        let at: DateTime<Utc> = day.and_hms_opt(hour, 0, 0).unwrap_or_default().and_utc();
        self.batch.write_as(author, at)?;
        Ok(day)
    }

    fn write(&mut self, demo_topics: &[RecordId], scale: usize) -> Result<()> {
        let mut topics = demo_topics.to_vec();
        for (order, name) in MORE_TOPICS.iter().enumerate() {
            self.as_someone()?;
            let topic = self.batch.add(&TopicDraft {
                name: (*name).to_string(),
                sort_order: i64::try_from(100 + order).unwrap_or_default(),
            })?;
            topics.push(topic.id);
        }
        let doctors = self.doctors(scale)?;
        let opinions = self.opinions(&doctors, &topics, scale)?;
        self.questions(&doctors, &topics, scale)?;
        let items = self.items(scale)?;
        self.requests(&doctors, scale)?;
        self.notes(&opinions, &items, scale)
    }

    fn doctors(&mut self, scale: usize) -> Result<Vec<RecordId>> {
        let mut ids = Vec::new();
        for n in 0..scale * PerScale::DOCTORS {
            self.as_someone()?;
            let doctor = self.batch.add(&DoctorDraft {
                name: format!("Dr. Example {n:04}"),
                specialty: (*self.dice.pick(&[
                    "Breast surgery",
                    "Medical oncology",
                    "Radiation oncology",
                    "Pathology",
                ]))
                .to_string(),
                institution: format!("Hospital {}", n % 37),
                trained_at: format!("University {}", n % 23),
                contact: format!("555-{:04}", n),
                network: "In network".into(),
            })?;
            ids.push(doctor.id);
        }
        Ok(ids)
    }

    fn opinions(
        &mut self,
        doctors: &[RecordId],
        topics: &[RecordId],
        scale: usize,
    ) -> Result<Vec<RecordId>> {
        let mut ids = Vec::new();
        for n in 0..scale * PerScale::OPINIONS {
            let given_on = self.as_someone()?;
            let opinion = self.batch.add(&OpinionDraft {
                doctor_id: doctors[n % doctors.len().max(1)],
                given_on,
                form: *self.dice.pick(OpinionForm::ALL),
                diagnosis: self.dice.sentence(14),
                recommendation: self.dice.sentence(18),
                urgency: "Within 6 weeks".into(),
                saw_originals: self.dice.below(2) == 0,
                knew_prior: self.dice.below(2) == 0,
                cost: "$60 copay".into(),
                coverage: "In network".into(),
                notes: self.dice.sentence(10),
            })?;
            for topic in topics.iter().take(PerScale::POSITIONS_PER_OPINION) {
                let stance = (*self.dice.pick(&STANCES)).to_string();
                self.batch.add(&StanceDraft {
                    opinion_id: opinion.id,
                    topic_id: *topic,
                    stance,
                    detail: self.dice.sentence(6),
                })?;
            }
            ids.push(opinion.id);
        }
        Ok(ids)
    }

    fn questions(&mut self, doctors: &[RecordId], topics: &[RecordId], scale: usize) -> Result<()> {
        for _ in 0..scale * PerScale::QUESTIONS {
            let day = self.as_someone()?;
            let status = *self.dice.pick(QuestionStatus::ALL);
            let asked = !matches!(status, QuestionStatus::Open);
            self.batch.add(&QuestionDraft {
                doctor_id: Some(*self.dice.pick(doctors)),
                text: format!("What about the {}?", self.dice.sentence(5)),
                status,
                answer: if status == QuestionStatus::Answered {
                    self.dice.sentence(12)
                } else {
                    String::new()
                },
                asked_on: asked.then_some(day),
                answered_on: (status == QuestionStatus::Answered).then_some(day),
                topic_id: Some(*self.dice.pick(topics)),
                blind_text: String::new(),
                former_doctor: String::new(),
                factor_id: None,
            })?;
        }
        Ok(())
    }

    fn items(&mut self, scale: usize) -> Result<Vec<RecordId>> {
        let places = [
            "Riverside Medical Center",
            "Home",
            "Lakeshore Cancer Institute",
            "Courier",
        ];
        let mut ids = Vec::new();
        for n in 0..scale * PerScale::ITEMS {
            let taken = self.as_someone()?;
            let kind = *self.dice.pick(ItemKind::ALL);
            let item = self.batch.add(&ItemDraft {
                kind,
                description: format!("{} {n}: {}", kind.label(), self.dice.sentence(4)),
                taken_on: Some(taken),
                facility: (*self.dice.pick(&places)).to_string(),
                form: *self.dice.pick(ItemForm::ALL),
                is_original: self.dice.below(3) == 0,
                held_by: places[0].to_string(),
                copy_of: None,
            })?;
            let mut from = places[0];
            for step in 0..PerScale::MOVES_PER_ITEM {
                let to = places[(step + 1) % places.len()];
                self.as_someone()?;
                self.batch.add(&CustodyMoveDraft {
                    item_id: item.id,
                    from: from.to_string(),
                    to: to.to_string(),
                    moved_on: offset(taken, i64::try_from(step * 3).unwrap_or_default())
                        .unwrap_or(taken)
                        .min(self.today),
                    method: "Courier".into(),
                    tracking: format!("TRK{n:05}{step}"),
                    direct: step % 2 == 0,
                    note: String::new(),
                })?;
                from = to;
            }
            ids.push(item.id);
        }
        Ok(ids)
    }

    fn requests(&mut self, doctors: &[RecordId], scale: usize) -> Result<()> {
        for n in 0..scale * PerScale::REQUESTS {
            let requested_on = self.as_someone()?;
            self.batch.add(&RecordRequestDraft {
                to_whom: format!("Records office {}", n % 41),
                what: format!("The {}", self.dice.sentence(4)),
                requested_on,
                method: "Portal".into(),
                deliver_to_doctor: Some(*self.dice.pick(doctors)),
                status: *self.dice.pick(RequestStatus::ALL),
                local_limit_days: None,
                extended_on: None,
                received_on: None,
            })?;
        }
        Ok(())
    }

    fn notes(&mut self, opinions: &[RecordId], items: &[RecordId], scale: usize) -> Result<()> {
        for _ in 0..scale * PerScale::NOTES {
            self.as_someone()?;
            let on = match self.dice.below(4) {
                0 => Some(RecordRef {
                    kind: RecordKind::Opinion,
                    id: *self.dice.pick(opinions),
                }),
                1 => Some(RecordRef {
                    kind: RecordKind::Item,
                    id: *self.dice.pick(items),
                }),
                _ => None,
            };
            let words = 8 + self.dice.below(30);
            self.batch.add(&NoteDraft {
                on,
                body: self.dice.sentence(words),
            })?;
        }
        Ok(())
    }
}
