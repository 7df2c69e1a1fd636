//! From a record's kind to its draft type, for the operations that work on
//! whichever kind a history entry or a delete names.

/// Runs `$body` with `$draft` standing for the draft type of `$kind`.
macro_rules! with_draft_type {
    ($kind:expr, $draft:ident => $body:expr) => {{
        use crate::domain::RecordKind;
        match $kind {
            RecordKind::Case => {
                type $draft = crate::domain::CaseDraft;
                $body
            }
            RecordKind::Doctor => {
                type $draft = crate::domain::DoctorDraft;
                $body
            }
            RecordKind::Opinion => {
                type $draft = crate::domain::OpinionDraft;
                $body
            }
            RecordKind::Topic => {
                type $draft = crate::domain::TopicDraft;
                $body
            }
            RecordKind::Stance => {
                type $draft = crate::domain::StanceDraft;
                $body
            }
            RecordKind::ConflictState => {
                type $draft = crate::domain::ConflictStateDraft;
                $body
            }
            RecordKind::Question => {
                type $draft = crate::domain::QuestionDraft;
                $body
            }
            RecordKind::Item => {
                type $draft = crate::domain::ItemDraft;
                $body
            }
            RecordKind::CustodyMove => {
                type $draft = crate::domain::CustodyMoveDraft;
                $body
            }
            RecordKind::ItemRecipient => {
                type $draft = crate::domain::ItemRecipientDraft;
                $body
            }
            RecordKind::Request => {
                type $draft = crate::domain::RecordRequestDraft;
                $body
            }
            RecordKind::FollowUp => {
                type $draft = crate::domain::FollowUpDraft;
                $body
            }
            RecordKind::Deadline => {
                type $draft = crate::domain::DeadlineDraft;
                $body
            }
            RecordKind::Note => {
                type $draft = crate::domain::NoteDraft;
                $body
            }
            RecordKind::Equivalence => {
                type $draft = crate::domain::EquivalenceDraft;
                $body
            }
            RecordKind::RequestItem => {
                type $draft = crate::domain::RequestItemDraft;
                $body
            }
        }
    }};
}
pub(crate) use with_draft_type;

/// The table that holds records of `kind`.
pub fn table(kind: crate::domain::RecordKind) -> &'static str {
    use super::Table;
    with_draft_type!(kind, D => D::TABLE)
}
