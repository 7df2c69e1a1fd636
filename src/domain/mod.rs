//! Plain types and rules of a second-opinion case. Nothing here touches the
//! terminal or the database: the store fills these types and the views read them.

pub mod blind;
mod choice;
pub mod conflict;
pub mod dates;
pub mod decision;
pub mod doctor;
pub mod item;
pub mod kinds;
pub mod links;
pub mod question_bank;
pub mod record;
pub mod request;
pub mod schedule;
pub mod search;
pub mod snapshot;
pub mod text;
pub mod validate;

pub use choice::Choice;
pub use conflict::{Conflict, ConflictStatus, StanceGrid};
pub use dates::Clock;
pub use decision::{
    CheckDraft, DecisionDraft, FactorDraft, FactorSide, LeaningDraft, OptionDraft, Pressure,
    Support, ViewDraft,
};
pub use doctor::{DoctorDraft, independence_warnings};
pub use item::{
    CustodyMoveDraft, ItemDraft, ItemForm, ItemKind, ItemRecipientDraft, ReceivedAs, StudyDraft,
};
pub use kinds::Kind;
pub use record::*;
pub use request::{FollowUpDraft, RecordRequestDraft, RequestStatus};
pub use schedule::{AgendaBucket, AgendaEntry, AgendaSource, DeadlineDraft, DeadlineKind};
pub use search::{SearchHit, match_expression};
pub use snapshot::{CaseCounts, CaseSnapshot, Derived, Fresh};
