//! Every kind of record a case holds, named once. The kind enum, the union
//! of drafts, the case's lists, the store's reads and writes of a whole
//! case, the export and its checks and the search headings all follow from
//! the list in [`kinds!`]: a kind added there is handled everywhere, or the
//! build says where it is not.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{CaseSnapshot, RecordId, Stored};

/// Calls `$callback!` (a path) with every kind of record, one a line:
///
/// `Variant: Draft as Stored, "key" | "older key", "label", "heading", list: Holder #[export];`
///
/// - the variant of [`RecordKind`](super::RecordKind) and of
///   [`AnyDraft`](super::AnyDraft), and the draft type;
/// - the name of the stored record (`Stored<Draft>`);
/// - the key kept in the file and in JSON, with the keys it was kept under
///   before, which are still read; the label the patient reads;
/// - the heading a search lists its results under;
/// - the field of [`CaseSnapshot`] (and of the export) that holds them,
///   `Option` for the one case, `Vec` for the rest;
/// - how the export's field is read from older exports.
///
/// Parents come before the records that point at them: an import writes
/// the kinds in this order.
///
/// Whatever is written in parentheses after the callback is passed on to
/// it first.
macro_rules! kinds {
    ($($callback:ident)::+ $(($($pass:tt)*))?) => {
        $($callback)::+! {
            ($($($pass)*)?)
            Case: CaseDraft as Case, "case", "case", "The case", case: Option;
            Doctor: DoctorDraft as Doctor, "doctor", "doctor", "Doctors", doctors: Vec;
            Opinion: OpinionDraft as Opinion, "opinion", "opinion", "Opinions", opinions: Vec;
            Topic: TopicDraft as Topic, "topic", "topic", "Topics", topics: Vec;
            // Exports written before casefile called them stances say "positions".
            Stance: StanceDraft as Stance, "stance" | "position", "stance", "Stances",
                stances: Vec #[serde(alias = "positions")];
            ConflictState: ConflictStateDraft as ConflictState, "conflict", "conflict",
                "Conflicts", conflict_states: Vec;
            Question: QuestionDraft as Question, "question", "question", "Questions",
                questions: Vec;
            Item: ItemDraft as Item, "item", "item", "Items", items: Vec;
            // Absent from exports written before casefile read discs.
            Study: StudyDraft as Study, "study", "study on a disc", "Studies on discs",
                studies: Vec #[serde(default)];
            CustodyMove: CustodyMoveDraft as CustodyMove, "move", "custody move",
                "Custody moves", custody_moves: Vec;
            ItemRecipient: ItemRecipientDraft as ItemRecipient, "recipient",
                "item sent to a doctor", "Items sent to doctors", item_recipients: Vec;
            Request: RecordRequestDraft as RecordRequest, "request", "record request",
                "Record requests", requests: Vec;
            FollowUp: FollowUpDraft as FollowUp, "follow_up", "follow-up", "Follow-ups",
                follow_ups: Vec;
            Deadline: DeadlineDraft as Deadline, "deadline", "deadline", "Deadlines",
                deadlines: Vec;
            Note: NoteDraft as Note, "note", "note", "Notes", notes: Vec;
            // Absent from exports written before casefile knew them.
            Equivalence: EquivalenceDraft as Equivalence, "equivalence",
                "declaration that two stances mean the same", "Stances declared the same",
                equivalences: Vec #[serde(default)];
            RequestItem: RequestItemDraft as RequestItem, "request_item",
                "item asked for in a request", "Items asked for in requests",
                request_items: Vec #[serde(default)];
            DecisionOption: OptionDraft as DecisionOption, "option", "option", "Options",
                options: Vec #[serde(default)];
            Factor: FactorDraft as Factor, "factor", "factor", "Factors", factors: Vec #[serde(default)];
            View: ViewDraft as View, "view", "view of someone close", "Views of the people close",
                views: Vec #[serde(default)];
            Leaning: LeaningDraft as Leaning, "leaning", "leaning", "Leanings",
                leanings: Vec #[serde(default)];
            ReadinessCheck: CheckDraft as ReadinessCheck, "check", "readiness check",
                "Readiness checks", checks: Vec #[serde(default)];
            Decision: DecisionDraft as Decision, "decision", "decision", "The decision",
                decisions: Vec #[serde(default)];
        }
    };
}
pub(crate) use kinds;

/// Runs `$body` with `$draft` standing for the draft type of `$kind`.
macro_rules! with_draft_type {
    ($kind:expr, $draft:ident => $body:expr) => {
        $crate::domain::kinds::kinds!($crate::domain::kinds::with_draft_type_arms(
            $kind, $draft, $body
        ))
    };
}
pub(crate) use with_draft_type;

macro_rules! with_draft_type_arms {
    (($kind:expr, $d:ident, $body:expr)
     $($variant:ident: $draft:ident as $stored:ident, $key:literal $(| $old:literal)*, $label:literal,
       $heading:literal, $field:ident: $holder:ident $(#[$export:meta])*;)+) => {
        match $kind {
            $($crate::domain::RecordKind::$variant => {
                type $d = $crate::domain::$draft;
                $body
            })+
        }
    };
}
pub(crate) use with_draft_type_arms;

/// Runs `$body` with `$draft` bound to the draft `$any` (an
/// [`AnyDraft`](super::AnyDraft)) holds, whatever its kind.
macro_rules! with_draft {
    ($any:expr, $draft:ident => $body:expr) => {
        $crate::domain::kinds::kinds!($crate::domain::kinds::with_draft_arms($any, $draft, $body))
    };
}
pub(crate) use with_draft;

macro_rules! with_draft_arms {
    (($any:expr, $d:ident, $body:expr)
     $($variant:ident: $draft:ident as $stored:ident, $key:literal $(| $old:literal)*, $label:literal,
       $heading:literal, $field:ident: $holder:ident $(#[$export:meta])*;)+) => {
        match $any {
            $($crate::domain::AnyDraft::$variant($d) => $body,)+
        }
    };
}
pub(crate) use with_draft_arms;

/// Runs `$body` once for every kind, in the list's order, with `$draft`
/// standing for its draft type.
macro_rules! each_draft_type {
    ($draft:ident => $body:expr) => {
        $crate::domain::kinds::kinds!($crate::domain::kinds::each_draft_type_runs($draft, $body))
    };
}
pub(crate) use each_draft_type;

macro_rules! each_draft_type_runs {
    (($d:ident, $body:expr)
     $($variant:ident: $draft:ident as $stored:ident, $key:literal $(| $old:literal)*, $label:literal,
       $heading:literal, $field:ident: $holder:ident $(#[$export:meta])*;)+) => {
        $({
            type $d = $crate::domain::$draft;
            $body;
        })+
    };
}
pub(crate) use each_draft_type_runs;

/// A draft of one kind of record, and where a case holds its records.
pub trait Kind: Sized + Clone + PartialEq + std::fmt::Debug + Serialize + DeserializeOwned {
    const KIND: super::RecordKind;
    /// The field of the case (and of the export) that holds them.
    const LIST: &'static str;
    /// The case's records of this kind.
    fn list(case: &CaseSnapshot) -> &[Stored<Self>];
    fn list_mut(case: &mut CaseSnapshot) -> &mut [Stored<Self>];
    /// Replaces the case's records of this kind.
    fn fill(case: &mut CaseSnapshot, records: Vec<Stored<Self>>);
    /// Puts one record in the case, in place of the one with its id.
    fn put(case: &mut CaseSnapshot, record: Stored<Self>);
    /// Takes the record with this id out of the case.
    fn remove(case: &mut CaseSnapshot, id: RecordId);
    /// Where record `index` of this kind is in the export: `$.case`,
    /// `$.doctors[2]`.
    fn place(index: usize) -> String;
    fn into_any(self) -> super::AnyDraft;
    fn into_fresh(record: Stored<Self>) -> super::Fresh;
}

/// How a case holds the records of one kind: the one case, or a list.
pub trait Holder<D>: Default {
    fn records(&self) -> &[Stored<D>];
    fn records_mut(&mut self) -> &mut [Stored<D>];
    fn from_records(records: Vec<Stored<D>>) -> Self;
    fn put(&mut self, record: Stored<D>);
    fn remove(&mut self, id: RecordId);
    fn place(name: &str, index: usize) -> String;
}

impl<D> Holder<D> for Vec<Stored<D>> {
    fn records(&self) -> &[Stored<D>] {
        self
    }
    fn records_mut(&mut self) -> &mut [Stored<D>] {
        self
    }
    fn from_records(records: Vec<Stored<D>>) -> Self {
        records
    }
    fn put(&mut self, record: Stored<D>) {
        match self.iter_mut().find(|r| r.id == record.id) {
            Some(old) => *old = record,
            None => self.push(record),
        }
    }
    fn remove(&mut self, id: RecordId) {
        self.retain(|r| r.id != id);
    }
    fn place(name: &str, index: usize) -> String {
        format!("{name}[{index}]")
    }
}

impl<D> Holder<D> for Option<Stored<D>> {
    fn records(&self) -> &[Stored<D>] {
        self.as_slice()
    }
    fn records_mut(&mut self) -> &mut [Stored<D>] {
        self.as_mut_slice()
    }
    /// A file holds one case: the first.
    fn from_records(records: Vec<Stored<D>>) -> Self {
        records.into_iter().next()
    }
    fn put(&mut self, record: Stored<D>) {
        *self = Some(record);
    }
    fn remove(&mut self, id: RecordId) {
        if self.as_ref().is_some_and(|r| r.id == id) {
            *self = None;
        }
    }
    fn place(name: &str, _: usize) -> String {
        name.to_string()
    }
}

macro_rules! declare_kinds {
    (()
     $($variant:ident: $draft:ident as $stored:ident, $key:literal $(| $old:literal)*, $label:literal,
       $heading:literal, $field:ident: $holder:ident $(#[$export:meta])*;)+) => {
        $crate::domain::choice::choice! {
            /// The kinds of record a note, a history entry or a link can point at.
            RecordKind {
                $($variant => $key $(| $old)*, $label;)+
            }
        }

        impl RecordKind {
            /// What a search lists this kind's results under.
            pub fn heading(self) -> &'static str {
                match self {
                    $(Self::$variant => $heading,)+
                }
            }

            /// The field of the case (and of the export) that holds this
            /// kind's records.
            pub fn list(self) -> &'static str {
                match self {
                    $(Self::$variant => stringify!($field),)+
                }
            }
        }

        $(pub type $stored = Stored<$crate::domain::$draft>;)+

        /// Any draft, with its kind: what a form saves.
        #[derive(Debug, Clone, PartialEq)]
        pub enum AnyDraft {
            $($variant($crate::domain::$draft),)+
        }

        impl AnyDraft {
            pub fn kind(&self) -> RecordKind {
                match self {
                    $(AnyDraft::$variant(_) => RecordKind::$variant,)+
                }
            }
        }

        $(impl $crate::domain::kinds::Kind for $crate::domain::$draft {
            const KIND: RecordKind = RecordKind::$variant;
            const LIST: &'static str = stringify!($field);
            fn list(case: &$crate::domain::CaseSnapshot) -> &[Stored<Self>] {
                $crate::domain::kinds::Holder::records(&case.$field)
            }
            fn list_mut(case: &mut $crate::domain::CaseSnapshot) -> &mut [Stored<Self>] {
                $crate::domain::kinds::Holder::records_mut(&mut case.$field)
            }
            fn fill(case: &mut $crate::domain::CaseSnapshot, records: Vec<Stored<Self>>) {
                case.$field = $crate::domain::kinds::Holder::from_records(records);
            }
            fn put(case: &mut $crate::domain::CaseSnapshot, record: Stored<Self>) {
                $crate::domain::kinds::Holder::put(&mut case.$field, record);
            }
            fn remove(case: &mut $crate::domain::CaseSnapshot, id: RecordId) {
                $crate::domain::kinds::Holder::<Self>::remove(&mut case.$field, id);
            }
            fn place(index: usize) -> String {
                <$holder<Stored<Self>> as $crate::domain::kinds::Holder<Self>>::place(
                    stringify!($field),
                    index,
                )
            }
            fn into_any(self) -> AnyDraft {
                AnyDraft::$variant(self)
            }
            fn into_fresh(record: Stored<Self>) -> $crate::domain::Fresh {
                $crate::domain::Fresh::$variant(record)
            }
        })+
    };
}
pub(crate) use declare_kinds;

macro_rules! declare_snapshot {
    (()
     $($variant:ident: $draft:ident as $stored:ident, $key:literal $(| $old:literal)*, $label:literal,
       $heading:literal, $field:ident: $holder:ident $(#[$export:meta])*;)+) => {
        /// Every record of a case, each kind in the order the file gives it
        /// (see [`CaseSnapshot::keep_in_order`]).
        #[derive(Debug, Clone, Default, PartialEq)]
        pub struct CaseSnapshot {
            $(pub $field: $holder<$crate::domain::$stored>,)+
            /// The newest change in the file's history when this was read: later
            /// changes are read on their own and applied with [`CaseSnapshot::apply`].
            pub as_of: i64,
            /// What follows from the records, worked out once after each change
            /// rather than on every frame.
            pub derived: Derived,
        }

        /// One record as the file now holds it, or word that it is gone:
        /// what a change since the case was read comes to.
        #[derive(Debug, Clone, PartialEq)]
        pub enum Fresh {
            $($variant($crate::domain::$stored),)+
            Gone(RecordRef),
        }

        impl CaseSnapshot {
            /// Brings one record up to date: replaced, added or removed.
            pub fn apply(&mut self, fresh: Fresh) {
                use $crate::domain::kinds::Kind;
                match fresh {
                    $(Fresh::$variant(record) => $crate::domain::$draft::put(self, record),)+
                    Fresh::Gone(gone) => {
                        $crate::domain::kinds::with_draft_type!(gone.kind, D => D::remove(self, gone.id))
                    }
                }
            }
        }
    };
}
pub(crate) use declare_snapshot;

impl CaseSnapshot {
    /// The record of kind `D` with this id.
    pub fn record<D: Kind>(&self, id: RecordId) -> Option<&Stored<D>> {
        D::list(self).iter().find(|r| r.id == id)
    }

    /// Who wrote the record, when, and its version: None when the case
    /// does not hold it.
    pub fn stamp_of(&self, record: super::RecordRef) -> Option<&super::Stamp> {
        with_draft_type!(record.kind, D => self.record::<D>(record.id).map(|r| &r.stamp))
    }

    /// True when the case holds the record.
    pub fn contains(&self, record: super::RecordRef) -> bool {
        self.stamp_of(record).is_some()
    }

    /// Every record of the case, by kind and id.
    pub fn every_record(&self) -> std::collections::HashSet<super::RecordRef> {
        let mut all = std::collections::HashSet::new();
        each_draft_type!(D => all.extend(D::list(self).iter().map(|r| super::RecordRef {
            kind: D::KIND,
            id: r.id,
        })));
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Choice, RecordKind};

    #[test]
    fn every_kind_is_read_back_from_its_key_and_has_a_heading_and_a_list() {
        let mut lists = std::collections::HashSet::new();
        for &kind in RecordKind::ALL {
            assert_eq!(RecordKind::from_key(kind.key()), Some(kind));
            assert!(!kind.label().is_empty() && !kind.heading().is_empty());
            assert!(
                lists.insert(kind.list()),
                "{} has a list of its own",
                kind.key()
            );
            let draft_kind = with_draft_type!(kind, D => <D as Kind>::KIND);
            assert_eq!(draft_kind, kind);
            let list = with_draft_type!(kind, D => D::LIST);
            assert_eq!(list, kind.list());
        }
    }
}
