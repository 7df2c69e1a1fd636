//! Saving whichever kind of draft a form holds.

use anyhow::Result;

use super::errors::StaleRecord;
use super::{Store, Table};
use crate::domain::{
    AnyDraft, CaseDraft, DEFAULT_TOPICS, OpinionDraft, RecordId, RecordKind, RecordRef,
    StanceDraft, StanceEntry, TopicDraft,
};

impl Store {
    /// Starts the case, with the default topics, in one transaction.
    pub fn start_case(&mut self, draft: &CaseDraft) -> Result<RecordId> {
        if self.case()?.is_some() {
            anyhow::bail!(
                "{} already holds a case; choose another file with --db",
                self.path().display()
            );
        }
        self.batch(|batch| {
            let case = batch.add(draft)?;
            for (order, name) in DEFAULT_TOPICS.iter().enumerate() {
                batch.add(&TopicDraft {
                    name: (*name).to_string(),
                    sort_order: i64::try_from(order).unwrap_or_default(),
                })?;
            }
            Ok(case.id)
        })
    }

    fn save_one<D: Table>(
        &mut self,
        draft: &D,
        editing: Option<(RecordId, i64)>,
    ) -> Result<RecordId> {
        match editing {
            Some((id, version)) => Ok(self.update(id, version, draft)?.id),
            None => Ok(self.add(draft)?.id),
        }
    }

    /// Adds the draft, or saves it over the record `editing` names (refused
    /// as stale if that record changed since its version was read).
    pub fn save(&mut self, draft: &AnyDraft, editing: Option<(RecordId, i64)>) -> Result<RecordId> {
        match draft {
            AnyDraft::Case(d) if editing.is_none() => self.start_case(d),
            AnyDraft::Case(d) => {
                // The demo stays the demo: that is not something a form sets.
                let mut d = d.clone();
                d.is_demo = self.case()?.is_some_and(|case| case.is_demo);
                self.save_one(&d, editing)
            }
            AnyDraft::Question(d) => {
                // What the form does not show is carried over from the
                // question as it is (a removed doctor's name).
                let mut d = d.clone();
                if let Some((id, _)) = editing
                    && let Some(before) = self.get::<crate::domain::QuestionDraft>(id)?
                {
                    d.keep_unshown(&before.data);
                }
                self.save_one(&d, editing)
            }
            AnyDraft::Study(d) => {
                // The form does not show the digest of the disc the study
                // was read from: it stays, so that the disc is known again.
                let mut d = d.clone();
                if let Some((id, _)) = editing
                    && let Some(before) = self.get::<crate::domain::StudyDraft>(id)?
                {
                    d.disc_digest = before.data.disc_digest;
                }
                self.save_one(&d, editing)
            }
            // Every other kind is saved as it is.
            other => crate::domain::kinds::with_draft!(other, d => self.save_one(d, editing)),
        }
    }

    /// Adds or saves an opinion together with its stances on each topic,
    /// in one transaction: a stance typed is added or changed, one emptied
    /// is deleted. A stance someone else saved since the form read it
    /// refuses the whole save, as the opinion itself would.
    pub fn save_opinion(
        &mut self,
        opinion: &OpinionDraft,
        editing: Option<(RecordId, i64)>,
        stances: &[StanceEntry],
    ) -> Result<RecordId> {
        self.batch(|batch| {
            let opinion_id = match editing {
                Some((id, version)) => {
                    let stored = batch.get::<OpinionDraft>(id)?.ok_or(super::RecordGone {
                        kind: RecordKind::Opinion,
                        id,
                    })?;
                    if stored.data != *opinion || stored.stamp.version != version {
                        batch.update(id, version, opinion)?;
                    }
                    id
                }
                None => batch.add(opinion)?.id,
            };
            for entry in stances {
                let wanted = StanceDraft {
                    opinion_id,
                    topic_id: entry.topic_id,
                    stance: entry.stance.trim().to_string(),
                    detail: entry.detail.trim().to_string(),
                };
                let now = batch.find_position(opinion_id, entry.topic_id)?;
                match (entry.stored, now) {
                    (Some((id, version)), Some(current)) if current.id == id => {
                        if wanted.stance.is_empty() {
                            batch.delete_record(
                                RecordRef {
                                    kind: RecordKind::Stance,
                                    id,
                                },
                                version,
                            )?;
                        } else if current.data != wanted {
                            batch.update(id, version, &wanted)?;
                        }
                    }
                    // Someone else wrote a stance on this topic since the
                    // form was opened, or took away the one it showed.
                    (_, Some(current))
                        if (!wanted.stance.is_empty() || entry.stored.is_none())
                            && current.data != wanted =>
                    {
                        return Err(StaleRecord {
                            kind: RecordKind::Stance,
                            id: current.id,
                            expected: entry.stored.map_or(0, |(_, v)| v),
                            found: current.stamp.version,
                            by: current.stamp.updated_by.clone(),
                        }
                        .into());
                    }
                    (Some((id, version)), None) if !wanted.stance.is_empty() => {
                        return Err(StaleRecord {
                            kind: RecordKind::Stance,
                            id,
                            expected: version,
                            found: 0,
                            by: "someone else".into(),
                        }
                        .into());
                    }
                    (None, None) if !wanted.stance.is_empty() => {
                        batch.add(&wanted)?;
                    }
                    _ => {}
                }
            }
            Ok(opinion_id)
        })
    }

    /// Marks a request received, in one transaction: the items that came
    /// themselves move, new copies become items of their own, doctors it
    /// went to have them, and the follow-up log says what came.
    /// `version` is the request's version that was read.
    pub fn receive(
        &mut self,
        request_id: RecordId,
        version: i64,
        receipt: &crate::domain::request::Receipt,
    ) -> Result<()> {
        self.batch(|batch| {
            batch.update(request_id, version, &receipt.request)?;
            for step in &receipt.moves {
                batch.add(step)?;
            }
            for (id, version, line) in &receipt.received {
                batch.update(*id, *version, line)?;
            }
            for line in &receipt.new_recipients {
                batch.add(line)?;
            }
            for copy in &receipt.copies {
                let item = batch.add(&copy.item)?;
                if let Some(doctor_id) = copy.for_doctor {
                    batch.add(&crate::domain::ItemRecipientDraft {
                        item_id: item.id,
                        doctor_id,
                        received_on: Some(copy.received_on),
                        received_as: copy.received_as,
                    })?;
                }
            }
            batch.add(&receipt.follow_up)?;
            Ok(())
        })
    }

    /// Writes as someone else from now on.
    pub fn set_author(&mut self, author: &str) {
        self.author = author.trim().to_string();
    }
}
