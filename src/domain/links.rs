//! How records hang together: which records go with a record when it is
//! deleted, and which only lose their link to it.

use super::RecordKind;

/// What happens to a linked record when the record it points at goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnDelete {
    /// It goes too (an opinion's stances).
    Goes,
    /// It stays, without the link (a deadline with a doctor who is removed
    /// keeps its date and title).
    Unlinked,
    /// It stays without the link, and a question asked of or answered by
    /// the doctor who is removed keeps her name: it is still her question
    /// and her answer. One never asked becomes a question for any doctor.
    UnlinkedKeepingName,
}

/// A record of kind `child` points at one of kind `parent` through `field`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub child: RecordKind,
    pub field: &'static str,
    pub parent: RecordKind,
    pub on_delete: OnDelete,
}

const fn link(
    child: RecordKind,
    field: &'static str,
    parent: RecordKind,
    on_delete: OnDelete,
) -> Link {
    Link {
        child,
        field,
        parent,
        on_delete,
    }
}

use OnDelete::{Goes, Unlinked, UnlinkedKeepingName};
use RecordKind::*;

/// Every link between records. Notes on a record always go with it.
pub const LINKS: &[Link] = &[
    link(Opinion, "doctor_id", Doctor, Goes),
    link(ItemRecipient, "doctor_id", Doctor, Goes),
    link(Question, "doctor_id", Doctor, UnlinkedKeepingName),
    link(Request, "deliver_to_doctor", Doctor, Unlinked),
    link(Deadline, "doctor_id", Doctor, Unlinked),
    link(Stance, "opinion_id", Opinion, Goes),
    link(Stance, "topic_id", Topic, Goes),
    link(ConflictState, "topic_id", Topic, Goes),
    link(Equivalence, "topic_id", Topic, Goes),
    link(Question, "topic_id", Topic, Unlinked),
    link(CustodyMove, "item_id", Item, Goes),
    link(ItemRecipient, "item_id", Item, Goes),
    link(FollowUp, "request_id", Request, Goes),
    link(RequestItem, "request_id", Request, Goes),
    link(RequestItem, "item_id", Item, Goes),
    link(Item, "copy_of", Item, Unlinked),
    link(Study, "item_id", Item, Goes),
    link(DecisionOption, "topic_id", Topic, Unlinked),
    link(Factor, "option_id", DecisionOption, Goes),
    link(Factor, "opinion_id", Opinion, Unlinked),
    link(Factor, "answer_id", Question, Unlinked),
    link(Question, "factor_id", Factor, Unlinked),
    link(View, "prefers", DecisionOption, Unlinked),
    link(Leaning, "option_id", DecisionOption, Unlinked),
    link(Decision, "option_id", DecisionOption, Goes),
];

/// The links that point at records of `parent`.
pub fn links_to(parent: RecordKind) -> impl Iterator<Item = &'static Link> {
    LINKS.iter().filter(move |link| link.parent == parent)
}
