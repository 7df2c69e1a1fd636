//! From a record's kind to its table, for the operations that work on
//! whichever kind a history entry or a delete names.

pub(crate) use crate::domain::kinds::{each_draft_type, with_draft_type};

/// The table that holds records of `kind`.
pub fn table(kind: crate::domain::RecordKind) -> &'static str {
    use super::Table;
    with_draft_type!(kind, D => D::TABLE)
}
