//! Saving whichever kind of draft a form holds.

use anyhow::Result;

use super::{Store, Table};
use crate::domain::{AnyDraft, CaseDraft, DEFAULT_TOPICS, RecordId, TopicDraft};

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
            AnyDraft::Doctor(d) => self.save_one(d, editing),
            AnyDraft::Opinion(d) => self.save_one(d, editing),
            AnyDraft::Topic(d) => self.save_one(d, editing),
            AnyDraft::Position(d) => self.save_one(d, editing),
            AnyDraft::ConflictState(d) => self.save_one(d, editing),
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
            AnyDraft::Item(d) => self.save_one(d, editing),
            AnyDraft::CustodyMove(d) => self.save_one(d, editing),
            AnyDraft::ItemRecipient(d) => self.save_one(d, editing),
            AnyDraft::Request(d) => self.save_one(d, editing),
            AnyDraft::FollowUp(d) => self.save_one(d, editing),
            AnyDraft::Deadline(d) => self.save_one(d, editing),
            AnyDraft::Note(d) => self.save_one(d, editing),
            AnyDraft::Equivalence(d) => self.save_one(d, editing),
            AnyDraft::RequestItem(d) => self.save_one(d, editing),
        }
    }

    /// Marks a request received and moves what it asked for, in one
    /// transaction; `version` is the request's version that was read.
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
            Ok(())
        })
    }

    /// Writes as someone else from now on.
    pub fn set_author(&mut self, author: &str) {
        self.author = author.trim().to_string();
    }
}
