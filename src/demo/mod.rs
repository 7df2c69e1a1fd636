//! The demo case: a patient with early-stage breast cancer deciding on
//! surgery, with three opinions that do not agree. Every date is counted
//! from today, so the demo never goes stale.

use anyhow::{Result, bail};
use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::dates::offset;
use crate::domain::{
    CaseDraft, ConflictStateDraft, ConflictStatus, CustodyMoveDraft, DEFAULT_TOPICS, DeadlineDraft,
    DeadlineKind, DoctorDraft, FollowUpDraft, ItemDraft, ItemForm, ItemKind, ItemRecipientDraft,
    NoteDraft, OpinionDraft, OpinionForm, QuestionDraft, QuestionStatus, RecordId, RecordKind,
    RecordRef, RecordRequestDraft, RequestStatus, StanceDraft, TopicDraft,
};
use crate::domain::{
    CheckDraft, FactorDraft, FactorSide, LeaningDraft, OptionDraft, Pressure, Support, ViewDraft,
};
use crate::store::{Batch, Store};

mod stress;
pub use stress::PerScale;

/// The family members who write the demo case.
pub const PATIENT: &str = "Maria";
pub const PARTNER: &str = "Daniel";

/// What [`write_demo`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoOutcome {
    Written,
    /// The file already held the demo case; it was left as it was.
    AlreadyThere,
}

/// Writes the demo case into an empty case file, in one transaction.
/// A file that already holds the demo is left alone; a file that holds
/// someone's own case is refused.
pub fn write_demo(store: &mut Store) -> Result<DemoOutcome> {
    write_demo_at_scale(store, 1)
}

/// Writes the demo case and, above scale 1, `scale` steps of made-up
/// records on top of it (see [`PerScale`]), all in one transaction: a
/// case far bigger than any real one, to measure casefile against.
pub fn write_demo_at_scale(store: &mut Store, scale: usize) -> Result<DemoOutcome> {
    if let Some(case) = store.case()? {
        // The patient's name stays out of the message: it may be printed.
        if case.is_demo {
            return Ok(DemoOutcome::AlreadyThere);
        }
        bail!(
            "{} already holds someone's own case, so the demo was not written into it. \
             Run casefile demo without --db to use the separate demo file",
            store.path().display()
        );
    }
    let today = store.clock().today();
    store.batch(|batch| {
        let topics = Demo { batch, today }.write()?;
        if scale > 1 {
            stress::add_stress(batch, today, &topics, scale)?;
        }
        Ok(())
    })?;
    Ok(DemoOutcome::Written)
}

struct Demo<'b, 'c> {
    batch: &'b mut Batch<'c>,
    today: NaiveDate,
}

impl Demo<'_, '_> {
    /// The date `days` from today (negative: in the past).
    fn day(&self, days: i64) -> NaiveDate {
        offset(self.today, days).unwrap_or(self.today)
    }

    /// Writes what follows as `author`, `days_ago` days before today, at `hour`.
    fn as_of(&mut self, author: &str, days_ago: i64, hour: u32) -> Result<()> {
        let at: DateTime<Utc> = self
            .day(-days_ago)
            .and_hms_opt(hour, 0, 0)
            .unwrap_or_default()
            .and_utc();
        self.batch.write_as(author, at)
    }

    /// Writes the case; returns its topics.
    fn write(mut self) -> Result<Vec<RecordId>> {
        self.as_of(PATIENT, 30, 18)?;
        self.batch.add(&CaseDraft {
            patient: "Maria Alvarez".into(),
            question: "Mastectomy, or lumpectomy with radiation, for early-stage cancer of the left breast?".into(),
            decide_by: Some(self.day(21)),
            is_demo: true,
            originals_away_days: crate::domain::DEFAULT_ORIGINALS_AWAY_DAYS,
            decision_writer: String::new(),
        })?;
        let mut topics = Vec::new();
        for (order, name) in DEFAULT_TOPICS.iter().enumerate() {
            let topic = self.batch.add(&TopicDraft {
                name: (*name).to_string(),
                sort_order: i64::try_from(order).unwrap_or_default(),
            })?;
            topics.push(topic.id);
        }
        let doctors = self.doctors()?;
        let opinions = self.opinions(&doctors)?;
        self.stances(&opinions, &topics)?;
        self.questions(&doctors, &topics)?;
        let items = self.items(&doctors)?;
        let requests = self.requests(&doctors, &items)?;
        self.deadlines(&doctors)?;
        self.notes(&opinions, &items, &requests)?;
        self.decision(&doctors, &opinions, topics.get(2).copied())?;
        Ok(topics)
    }

    fn doctors(&mut self) -> Result<Doctors> {
        self.as_of(PATIENT, 29, 19)?;
        let mut add = |draft: DoctorDraft| self.batch.add(&draft).map(|doctor| doctor.id);
        Ok(Doctors {
            park: add(DoctorDraft {
                name: "Dr. Helen Park".into(),
                specialty: "Breast surgery".into(),
                institution: "Riverside Medical Center".into(),
                trained_at: "Riverside University Hospital".into(),
                contact: "Surgery clinic, 555-0142".into(),
                network: "In network".into(),
            })?,
            okafor: add(DoctorDraft {
                name: "Dr. Samuel Okafor".into(),
                specialty: "Breast surgery".into(),
                institution: "Lakeshore Cancer Institute".into(),
                trained_at: "Northgate University Hospital".into(),
                contact: "New patients, 555-0187".into(),
                network: "In network".into(),
            })?,
            raman: add(DoctorDraft {
                name: "Dr. Priya Raman".into(),
                specialty: "Medical oncology".into(),
                institution: "Riverside Medical Center".into(),
                trained_at: "Harbor General Hospital".into(),
                contact: "Oncology nurse line, 555-0160".into(),
                network: "In network".into(),
            })?,
            brooks: add(DoctorDraft {
                name: "Dr. Lena Brooks".into(),
                specialty: "Radiation oncology".into(),
                institution: "Lakeshore Cancer Institute".into(),
                trained_at: "St. Columba's Hospital".into(),
                contact: "Radiation oncology desk, 555-0199".into(),
                network: "Out of network: ask for a single-case agreement".into(),
            })?,
        })
    }

    fn opinions(&mut self, doctors: &Doctors) -> Result<Opinions> {
        self.as_of(PATIENT, 20, 17)?;
        let park = self.batch.add(&OpinionDraft {
            doctor_id: doctors.park,
            given_on: self.day(-20),
            form: OpinionForm::Visit,
            diagnosis: "Invasive ductal carcinoma of the left breast, 1.4 cm, grade 2, \
                        ER+/PR+/HER2-. Calcifications on the mammogram extend beyond the mass."
                .into(),
            recommendation: "Mastectomy with sentinel lymph node biopsy; reconstruction \
                             can be discussed with plastic surgery."
                .into(),
            urgency: "Surgery within 4 weeks".into(),
            saw_originals: false,
            knew_prior: false,
            cost: "$60 copay".into(),
            coverage: "In network".into(),
            notes: "Worried the calcifications mean a wider area than the MRI shows.".into(),
        })?;
        self.as_of(PATIENT, 9, 16)?;
        let okafor = self.batch.add(&OpinionDraft {
            doctor_id: doctors.okafor,
            given_on: self.day(-9),
            form: OpinionForm::Visit,
            diagnosis: "Invasive ductal carcinoma, 1.4 cm, grade 2, ER+/PR+/HER2-, \
                        confirmed on review of the original slides. Calcifications \
                        are benign-appearing on the MRI."
                .into(),
            recommendation: "Lumpectomy with sentinel node biopsy, followed by radiation. \
                             Survival is the same as with mastectomy at this stage."
                .into(),
            urgency: "Surgery within 6 weeks is safe".into(),
            saw_originals: true,
            knew_prior: true,
            cost: "$60 copay; slide review billed separately".into(),
            coverage: "In network".into(),
            notes: String::new(),
        })?;
        self.as_of(PARTNER, 4, 20)?;
        let raman = self.batch.add(&OpinionDraft {
            doctor_id: doctors.raman,
            given_on: self.day(-4),
            form: OpinionForm::RecordsReview,
            diagnosis: "Early-stage hormone-receptor-positive breast cancer.".into(),
            recommendation: "Either operation is reasonable. Lumpectomy with radiation if \
                             margins can be cleared; decide on chemotherapy after surgery \
                             from the Oncotype DX score."
                .into(),
            urgency: "Within 6 weeks".into(),
            saw_originals: false,
            knew_prior: true,
            cost: "No charge for records review".into(),
            coverage: "In network".into(),
            notes: "Has not seen the MRI disc yet.".into(),
        })?;
        Ok(Opinions {
            park: park.id,
            okafor: okafor.id,
            raman: raman.id,
        })
    }

    fn stances(&mut self, opinions: &Opinions, topics: &[RecordId]) -> Result<()> {
        let topic = |index: usize| topics.get(index).copied().unwrap_or_default();
        let stances: [(RecordId, usize, &str, &str); 14] = [
            (
                opinions.park,
                0,
                "Invasive ductal carcinoma",
                "1.4 cm, grade 2",
            ),
            (
                opinions.park,
                1,
                "Stage IA",
                "Node status unknown until surgery",
            ),
            (
                opinions.park,
                2,
                "Mastectomy",
                "Because of the calcifications",
            ),
            (opinions.park, 3, "Yes", ""),
            (opinions.park, 4, "Within 4 weeks", ""),
            (
                opinions.okafor,
                0,
                "Invasive ductal carcinoma.",
                "Confirmed on the original slides",
            ),
            (opinions.okafor, 1, "Stage IA", ""),
            (
                opinions.okafor,
                2,
                "Lumpectomy + radiation",
                "Breast-conserving surgery, then 3-4 weeks of radiation",
            ),
            (opinions.okafor, 3, "Yes", ""),
            (
                opinions.okafor,
                4,
                "Within 6 weeks",
                "No harm in taking time to decide",
            ),
            (opinions.okafor, 5, "Excellent", "Over 90% at 10 years"),
            (opinions.raman, 0, "invasive ductal carcinoma", ""),
            (
                opinions.raman,
                2,
                "Lumpectomy + radiation",
                "If margins can be cleared",
            ),
            (opinions.raman, 4, "Within 6 weeks", ""),
        ];
        for (opinion_id, index, stance, detail) in stances {
            self.batch.add(&StanceDraft {
                opinion_id,
                topic_id: topic(index),
                stance: stance.into(),
                detail: detail.into(),
            })?;
        }
        // The pathology reports write the diagnosis short.
        self.batch.add(&crate::domain::EquivalenceDraft {
            topic_id: topic(0),
            stance: "IDC".into(),
            same_as: "Invasive ductal carcinoma".into(),
        })?;
        self.as_of(PARTNER, 3, 21)?;
        self.batch.add(&ConflictStateDraft {
            topic_id: topic(2),
            status: ConflictStatus::AskedToConfer,
            resolution: "Asked Dr. Park and Dr. Okafor to discuss the calcifications \
                         at the Lakeshore tumor board."
                .into(),
        })?;
        Ok(())
    }

    fn questions(&mut self, doctors: &Doctors, topics: &[RecordId]) -> Result<()> {
        use QuestionStatus::{Answered, Asked, Open};
        let treatment = topics.get(2).copied();
        let urgency = topics.get(4).copied();
        let questions = [
            (
                Some(doctors.park),
                "Why mastectomy rather than lumpectomy with radiation for a 1.4 cm tumour?",
                Answered,
                "The calcifications may mean disease beyond the mass; clear margins would be hard to get with a lumpectomy.",
                Some(-20),
                treatment,
            ),
            (
                Some(doctors.park),
                "Could reconstruction be done in the same operation?",
                Asked,
                "",
                Some(-20),
                None,
            ),
            (
                Some(doctors.park),
                "Would an MRI-guided biopsy of the calcifications change your advice?",
                Open,
                "",
                None,
                treatment,
            ),
            (
                Some(doctors.okafor),
                "What is the chance of needing a second operation to clear the margins?",
                Answered,
                "About 1 in 5. A second lumpectomy is usually enough.",
                Some(-9),
                treatment,
            ),
            (
                Some(doctors.okafor),
                "How many weeks of radiation, and can it be done closer to home?",
                Open,
                "",
                None,
                None,
            ),
            (
                Some(doctors.raman),
                "Will I need chemotherapy whichever operation I choose?",
                Answered,
                "That depends on the Oncotype DX score, which is done after surgery.",
                Some(-4),
                None,
            ),
            (
                Some(doctors.raman),
                "Should the Oncotype test be run on the biopsy before surgery?",
                Open,
                "",
                None,
                None,
            ),
            (
                Some(doctors.brooks),
                "What are the side effects of radiation, and how long do they last?",
                Open,
                "",
                None,
                None,
            ),
            (
                None,
                "How long can I safely take to decide?",
                Open,
                "",
                None,
                urgency,
            ),
        ];
        self.as_of(PATIENT, 21, 20)?;
        for (doctor_id, text, status, answer, asked, topic_id) in questions {
            let asked_on = asked.map(|days| self.day(days));
            self.batch.add(&QuestionDraft {
                doctor_id,
                text: text.into(),
                status,
                answer: answer.into(),
                asked_on,
                answered_on: (status == Answered).then_some(asked_on).flatten(),
                topic_id,
                blind_text: String::new(),
                former_doctor: String::new(),
                factor_id: None,
            })?;
        }
        Ok(())
    }

    fn items(&mut self, doctors: &Doctors) -> Result<Items> {
        self.as_of(PARTNER, 25, 12)?;
        let mammogram = self.batch.add(&ItemDraft {
            kind: ItemKind::Mammogram,
            description: "Diagnostic mammogram report, left breast".into(),
            taken_on: Some(self.day(-40)),
            facility: "Riverside Imaging".into(),
            form: ItemForm::Paper,
            is_original: false,
            held_by: "Maria (home file)".into(),
            copy_of: None,
        })?;
        let mri = self.batch.add(&ItemDraft {
            kind: ItemKind::Mri,
            description: "Bilateral breast MRI with contrast, images and report".into(),
            taken_on: Some(self.day(-32)),
            facility: "Riverside Imaging".into(),
            form: ItemForm::Disc,
            is_original: false,
            held_by: "Riverside Imaging".into(),
            copy_of: None,
        })?;
        let slides = self.batch.add(&ItemDraft {
            kind: ItemKind::Slides,
            description: "Core needle biopsy glass slides (6), left breast 2 o'clock".into(),
            taken_on: Some(self.day(-35)),
            facility: "Northside Pathology Lab".into(),
            form: ItemForm::Glass,
            is_original: true,
            held_by: "Northside Pathology Lab".into(),
            copy_of: None,
        })?;
        // What the MRI disc holds, as `casefile import disc` reads it: the
        // MRI itself and last year's screening MRI, kept as a prior.
        let on_disc = [
            (
                "1.2.826.0.1.3680043.10.543.1",
                -32,
                "MRI breast bilateral with and without contrast",
                "RIV-26-04417",
                7,
                1184,
            ),
            (
                "1.2.826.0.1.3680043.10.543.2",
                -400,
                "MRI breast screening (prior for comparison)",
                "RIV-25-00982",
                5,
                640,
            ),
        ];
        for (uid, days, description, accession, series, images) in on_disc {
            self.batch.add(&crate::domain::StudyDraft {
                item_id: mri.id,
                uid: uid.into(),
                taken_on: Some(self.day(days)),
                modality: "MR".into(),
                description: description.into(),
                accession: accession.into(),
                institution: "Riverside Imaging".into(),
                referring: "Helen Park".into(),
                series,
                images,
                disc_digest: "3b1f6c0d9a2e4875".into(),
            })?;
        }
        let moves = [
            (
                mri.id,
                "Riverside Imaging",
                "Maria",
                -18,
                "Picked up at the front desk",
                "",
                false,
            ),
            (
                mri.id,
                "Maria",
                "Dr. Samuel Okafor",
                -9,
                "By hand at the visit",
                "",
                false,
            ),
            (
                slides.id,
                "Northside Pathology Lab",
                "Lakeshore Cancer Institute pathology",
                -12,
                "Courier",
                "1Z 999 AA1 0123 4567 84",
                true,
            ),
        ];
        for (item_id, from, to, days, method, tracking, direct) in moves {
            self.batch.add(&CustodyMoveDraft {
                item_id,
                from: from.into(),
                to: to.into(),
                moved_on: self.day(days),
                method: method.into(),
                tracking: tracking.into(),
                direct,
                note: String::new(),
            })?;
        }
        let received = [
            (mammogram.id, doctors.park, Some(-20)),
            (mammogram.id, doctors.okafor, Some(-9)),
            (mammogram.id, doctors.raman, Some(-4)),
            (mri.id, doctors.okafor, Some(-9)),
            (mri.id, doctors.raman, None),
            (slides.id, doctors.okafor, Some(-10)),
        ];
        for (item_id, doctor_id, days) in received {
            self.batch.add(&ItemRecipientDraft {
                item_id,
                doctor_id,
                received_on: days.map(|days| self.day(days)),
                received_as: crate::domain::ReceivedAs::Item,
            })?;
        }
        Ok(Items {
            mri: mri.id,
            slides: slides.id,
        })
    }

    fn requests(&mut self, doctors: &Doctors, items: &Items) -> Result<Requests> {
        self.as_of(PARTNER, 34, 10)?;
        let requests = [
            (
                "Riverside Imaging",
                "Breast MRI images on disc and the report",
                -25,
                "In person",
                None,
                RequestStatus::Received,
            ),
            (
                "Northside Pathology Lab",
                "Core biopsy glass slides, sent directly to Lakeshore pathology",
                -20,
                "Fax",
                Some(doctors.okafor),
                RequestStatus::Received,
            ),
            (
                "Riverside Medical Center records office",
                "Dr. Park's consultation notes and the full surgical work-up",
                -34,
                "Patient portal",
                None,
                RequestStatus::Sent,
            ),
            (
                "Lakeshore Cancer Institute records office",
                "Dr. Okafor's consultation note",
                -6,
                "Email",
                Some(doctors.raman),
                RequestStatus::Acknowledged,
            ),
        ];
        let mut ids = Vec::new();
        for (to_whom, what, days, method, deliver_to_doctor, status) in requests {
            let request = self.batch.add(&RecordRequestDraft {
                to_whom: to_whom.into(),
                what: what.into(),
                requested_on: self.day(days),
                method: method.into(),
                deliver_to_doctor,
                status,
                local_limit_days: None,
                extended_on: None,
                received_on: None,
            })?;
            ids.push(request.id);
        }
        // The first two requests asked for the MRI disc and the slides.
        for (request, item_id) in ids.iter().zip([items.mri, items.slides]) {
            self.batch.add(&crate::domain::RequestItemDraft {
                request_id: *request,
                item_id,
            })?;
        }
        let overdue = ids.get(2).copied().unwrap_or_default();
        self.as_of(PARTNER, 10, 15)?;
        self.batch.add(&FollowUpDraft {
            request_id: overdue,
            on: self.day(-10),
            by: PARTNER.into(),
            said: "Phoned. Told the request is in the queue.".into(),
        })?;
        self.as_of(PARTNER, 2, 15)?;
        self.batch.add(&FollowUpDraft {
            request_id: overdue,
            on: self.day(-2),
            by: PARTNER.into(),
            said: "Asked for the supervisor; promised a call back by Friday.".into(),
        })?;
        Ok(Requests { overdue })
    }

    fn deadlines(&mut self, doctors: &Doctors) -> Result<()> {
        self.as_of(PATIENT, 21, 21)?;
        let deadlines = [
            (
                "First consultation, Dr. Park",
                DeadlineKind::Appointment,
                -20,
                Some(doctors.park),
                true,
            ),
            (
                "Bring the MRI disc to Dr. Raman's office",
                DeadlineKind::Custom,
                2,
                Some(doctors.raman),
                false,
            ),
            (
                "Radiation oncology consultation, Dr. Brooks",
                DeadlineKind::Appointment,
                5,
                Some(doctors.brooks),
                false,
            ),
            (
                "Follow-up visit, Dr. Park",
                DeadlineKind::Appointment,
                9,
                Some(doctors.park),
                false,
            ),
            (
                "Surgery pre-authorization filed with the insurer",
                DeadlineKind::Insurance,
                14,
                None,
                false,
            ),
            (
                "Latest safe start of treatment",
                DeadlineKind::TreatmentStart,
                35,
                None,
                false,
            ),
        ];
        for (title, kind, days, doctor_id, done) in deadlines {
            self.batch.add(&DeadlineDraft {
                title: title.into(),
                kind,
                due_on: self.day(days),
                doctor_id,
                done,
                notes: String::new(),
            })?;
        }
        Ok(())
    }

    fn notes(&mut self, opinions: &Opinions, items: &Items, requests: &Requests) -> Result<()> {
        let on = |kind: RecordKind, id: RecordId| Some(RecordRef { kind, id });
        let notes = [
            (
                PARTNER,
                19,
                None,
                "Called the insurer: second opinions are covered at 80% in network.\nLakeshore is in network; Dr. Brooks is not.",
            ),
            (
                PATIENT,
                20,
                on(RecordKind::Opinion, opinions.park),
                "Dr. Park was kind but brisk. She wants to move fast.\nShe did not look at the MRI herself, only the report.",
            ),
            (
                PATIENT,
                9,
                on(RecordKind::Opinion, opinions.okafor),
                "Dr. Okafor drew the tumour and the margins for us.\nHe said survival is the same either way at my stage.",
            ),
            (
                PARTNER,
                12,
                on(RecordKind::Item, items.slides),
                "The lab wants the slides back within 30 days of sending.",
            ),
            (
                PARTNER,
                2,
                on(RecordKind::Request, requests.overdue),
                "If nothing arrives by Friday, write to the privacy officer.",
            ),
            (
                PATIENT,
                1,
                None,
                "Leaning towards lumpectomy, but want Dr. Park's answer on the calcifications first.",
            ),
        ];
        for (author, days_ago, on, body) in notes {
            self.as_of(author, days_ago, 21)?;
            self.batch.add(&NoteDraft {
                on,
                body: body.into(),
            })?;
        }
        Ok(())
    }
}

impl Demo<'_, '_> {
    /// A decision in progress: three options (the two operations the
    /// doctors recommend, and waiting for the tumor board), what matters
    /// about each with the figures the doctors gave, Daniel's view, Maria's
    /// leaning, and two readiness checks a week apart; no choice yet.
    fn decision(
        &mut self,
        doctors: &Doctors,
        opinions: &Opinions,
        treatment: Option<RecordId>,
    ) -> Result<()> {
        self.as_of(PATIENT, 8, 20)?;
        let mut option = |name: &str, description: &str, stance: &str, waits: bool| {
            self.batch
                .add(&OptionDraft {
                    name: name.into(),
                    description: description.into(),
                    topic_id: treatment.filter(|_| !stance.is_empty()),
                    stance: stance.into(),
                    waits,
                    not_for_me: false,
                    not_for_me_because: String::new(),
                })
                .map(|o| o.id)
        };
        let mastectomy = option(
            "Mastectomy",
            "The whole breast removed, with sentinel node biopsy; reconstruction can be \
             discussed with plastic surgery.",
            "Mastectomy",
            false,
        )?;
        let lumpectomy = option(
            "Lumpectomy with radiation",
            "Breast-conserving surgery with sentinel node biopsy, then 3-4 weeks of radiation.",
            "Lumpectomy + radiation",
            false,
        )?;
        let wait = option(
            "Wait for the tumor board",
            "Decide nothing until Dr. Park and Dr. Okafor have discussed the \
             calcifications; surgery within 6 weeks is still safe.",
            "",
            true,
        )?;
        use FactorSide::{Benefit, Risk, Unknown};
        let (park, okafor, raman) = (
            Some(opinions.park),
            Some(opinions.okafor),
            Some(opinions.raman),
        );
        type Figure = Option<(i64, i64, &'static str)>;
        type Said = (
            RecordId,
            FactorSide,
            &'static str,
            &'static str,
            Option<i64>,
            Figure,
            Option<RecordId>,
        );
        #[rustfmt::skip]
        let factors: [Said; 13] = [
            (mastectomy, Benefit, "What it involves", "Removes the whole area of calcifications", Some(4), None, park),
            (mastectomy, Risk, "Recovery", "Four to six weeks before normal activity", Some(3), None, park),
            (mastectomy, Benefit, "Chances of the main outcome", "Less chance of the cancer coming back in the same area", Some(5), Some((2, 100, "10 years")), park),
            (mastectomy, Risk, "Side effects", "Reconstruction may need more than one operation", Some(4), None, None),
            (mastectomy, Unknown, "Recovery", "How long would I be off work?", None, None, None),
            (lumpectomy, Benefit, "What it involves", "Keeps my breast", Some(5), None, None),
            (lumpectomy, Benefit, "Recovery", "One to two weeks, then radiation on weekdays for 3-4 weeks", Some(3), None, okafor),
            (lumpectomy, Risk, "Chances of the main outcome", "The cancer may come back in the same breast", Some(5), Some((4, 100, "10 years")), okafor),
            (lumpectomy, Risk, "Chances of the main outcome", "More likely with calcifications this wide", Some(5), Some((8, 100, "10 years")), park),
            (lumpectomy, Risk, "What it involves", "A second operation if the margins are not clear", Some(4), Some((15, 100, "the first month")), raman),
            (lumpectomy, Risk, "Side effects", "Tiredness and skin changes from radiation", Some(2), None, okafor),
            (wait, Benefit, "What it involves", "Both surgeons will have looked at the calcifications together", Some(4), None, None),
            (wait, Unknown, "Chances of the main outcome", "Does waiting two more weeks change anything?", None, None, None),
        ];
        let mut off_work = None;
        for (option_id, side, concern, text, weight, figure, opinion_id) in factors {
            let factor = self.batch.add(&FactorDraft {
                option_id,
                side,
                concern: concern.into(),
                text: text.into(),
                weight,
                chance: figure.map(|f| f.0),
                out_of: figure.map(|f| f.1),
                over: figure.map(|f| f.2).unwrap_or_default().into(),
                opinion_id,
                answer_id: None,
                document: String::new(),
            })?;
            if text.starts_with("How long would I be off work") {
                off_work = Some(factor.id);
            }
        }
        // What is not known about the time off work went to Dr. Park as a
        // question.
        self.batch.add(&QuestionDraft {
            doctor_id: Some(doctors.park),
            text: "How long would I be off work after a mastectomy?".into(),
            status: QuestionStatus::Asked,
            answer: String::new(),
            asked_on: Some(self.day(-7)),
            answered_on: None,
            topic_id: None,
            blind_text: String::new(),
            former_doctor: String::new(),
            factor_id: off_work,
        })?;
        self.as_of(PATIENT, 8, 21)?;
        self.batch.add(&CheckDraft {
            taken_on: self.day(-8),
            sure: false,
            knows: false,
            values_clear: true,
            supported: true,
        })?;
        self.as_of(PARTNER, 3, 22)?;
        self.batch.add(&ViewDraft {
            person: PARTNER.into(),
            prefers: Some(lumpectomy),
            pressure: Pressure::Feels,
            supports: Support::Yes,
            note: "I will stand behind whatever Maria chooses. I worry about a long \
                   recovery, and I feel my mother pushing for the bigger operation."
                .into(),
        })?;
        self.as_of(PATIENT, 1, 21)?;
        self.batch.add(&LeaningDraft {
            option_id: Some(lumpectomy),
            note: "Leaning this way, but I want the tumor board's answer on the \
                   calcifications first."
                .into(),
        })?;
        self.batch.add(&CheckDraft {
            taken_on: self.day(-1),
            sure: false,
            knows: true,
            values_clear: true,
            supported: true,
        })?;
        Ok(())
    }
}

struct Doctors {
    park: RecordId,
    okafor: RecordId,
    raman: RecordId,
    brooks: RecordId,
}

struct Opinions {
    park: RecordId,
    okafor: RecordId,
    raman: RecordId,
}

struct Items {
    mri: RecordId,
    slides: RecordId,
}

struct Requests {
    overdue: RecordId,
}
