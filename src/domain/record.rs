//! The records of a case: drafts (what a person writes) and stored records
//! (a draft plus its id, authors, times and version).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::Choice;
use super::choice::choice;

/// The id of a stored record. Ids are never reused within a case file.
pub type RecordId = i64;

/// Who wrote a record and when, and how many times it has been saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub created_at: DateTime<Utc>,
    pub created_by: String,
    pub updated_at: DateTime<Utc>,
    pub updated_by: String,
    /// Starts at 1 and goes up by one with every save; a save that names an
    /// older version is refused as stale.
    pub version: i64,
}

/// A family member who has written to the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    pub name: String,
    /// When they first wrote.
    pub first_seen: DateTime<Utc>,
}

/// A draft as it is stored: with its id and stamp.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stored<D> {
    pub id: RecordId,
    #[serde(flatten)]
    pub data: D,
    #[serde(flatten)]
    pub stamp: Stamp,
}

impl<D> std::ops::Deref for Stored<D> {
    type Target = D;
    fn deref(&self) -> &D {
        &self.data
    }
}

super::kinds::kinds!(crate::domain::kinds::declare_kinds);

/// The case itself: whose it is, what is being decided, and by when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseDraft {
    pub patient: String,
    /// The question under review, in the patient's words.
    pub question: String,
    pub decide_by: Option<NaiveDate>,
    /// True for the demo case that `casefile demo` writes.
    pub is_demo: bool,
    /// Originals away from their owner longer than this many days are
    /// flagged (absent from exports written before casefile knew it).
    #[serde(default = "default_originals_away_days")]
    pub originals_away_days: i64,
    /// Someone the patient named who may also record the patient's leaning
    /// and decision (absent from exports written before casefile kept it).
    #[serde(default)]
    pub decision_writer: String,
}

/// Originals away longer than this are flagged, unless the family chose
/// another limit.
pub const DEFAULT_ORIGINALS_AWAY_DAYS: i64 = 30;

fn default_originals_away_days() -> i64 {
    DEFAULT_ORIGINALS_AWAY_DAYS
}

impl Default for CaseDraft {
    fn default() -> Self {
        CaseDraft {
            patient: String::new(),
            question: String::new(),
            decide_by: None,
            is_demo: false,
            originals_away_days: DEFAULT_ORIGINALS_AWAY_DAYS,
            decision_writer: String::new(),
        }
    }
}

choice! {
    /// How a doctor gave an opinion.
    OpinionForm {
        Visit => "visit", "visit";
        Remote => "remote", "remote consultation";
        RecordsReview => "records_review", "records review";
    }
}

/// What one doctor concluded on one date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpinionDraft {
    pub doctor_id: RecordId,
    pub given_on: NaiveDate,
    pub form: OpinionForm,
    pub diagnosis: String,
    pub recommendation: String,
    /// How long the patient may take, in the doctor's words.
    pub urgency: String,
    /// Whether the doctor looked at the original scans and slides rather
    /// than only the reports written about them.
    pub saw_originals: bool,
    /// Whether the doctor knew the earlier diagnosis before giving this one.
    pub knew_prior: bool,
    pub cost: String,
    pub coverage: String,
    pub notes: String,
}

impl OpinionDraft {
    /// A new opinion from `doctor_id` on `given_on`, given at a visit, with
    /// everything else still to be written.
    pub fn new(doctor_id: RecordId, given_on: NaiveDate) -> Self {
        OpinionDraft {
            doctor_id,
            given_on,
            form: OpinionForm::Visit,
            diagnosis: String::new(),
            recommendation: String::new(),
            urgency: String::new(),
            saw_originals: false,
            knew_prior: false,
            cost: String::new(),
            coverage: String::new(),
            notes: String::new(),
        }
    }
}

/// A subject on which opinions take a stance: diagnosis, stage, treatment...
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicDraft {
    pub name: String,
    /// Where the topic sits in the grid, smallest first.
    pub sort_order: i64,
}

/// The topics every new case starts with.
pub const DEFAULT_TOPICS: &[&str] = &[
    "Diagnosis",
    "Stage",
    "Treatment",
    "Surgery needed",
    "Urgency",
    "Prognosis",
];

/// What one opinion says on one topic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StanceDraft {
    pub opinion_id: RecordId,
    pub topic_id: RecordId,
    /// A few words that can be compared across opinions.
    pub stance: String,
    pub detail: String,
}

/// What one opinion says on one topic, as the opinion's form holds it:
/// the stance and detail typed (an empty stance: none), and the stance
/// already stored for that topic, with the version that was read.
#[derive(Debug, Clone, PartialEq)]
pub struct StanceEntry {
    pub topic_id: RecordId,
    pub stance: String,
    pub detail: String,
    pub stored: Option<(RecordId, i64)>,
}

/// An item a record request asks for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequestItemDraft {
    pub request_id: RecordId,
    pub item_id: RecordId,
}

/// Two stances on a topic declared to mean the same thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EquivalenceDraft {
    pub topic_id: RecordId,
    pub stance: String,
    pub same_as: String,
}

/// Where the family has got to with a disagreement on one topic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConflictStateDraft {
    pub topic_id: RecordId,
    pub status: super::ConflictStatus,
    pub resolution: String,
}

choice! {
    /// Where a question stands.
    QuestionStatus {
        Open => "open", "open";
        Asked => "asked", "asked";
        Answered => "answered", "answered";
        Dropped => "dropped", "dropped";
    }
}

impl QuestionStatus {
    /// Open and asked questions still wait for an answer.
    pub fn is_outstanding(self) -> bool {
        matches!(self, Self::Open | Self::Asked)
    }
}

/// Something to ask a doctor (or any doctor), and what they answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionDraft {
    /// None when the question is for whichever doctor is seen next.
    pub doctor_id: Option<RecordId>,
    pub text: String,
    pub status: QuestionStatus,
    pub answer: String,
    pub asked_on: Option<NaiveDate>,
    pub answered_on: Option<NaiveDate>,
    /// The topic (and so the conflict) the question is about, if any.
    pub topic_id: Option<RecordId>,
    /// The question in words that give no doctor's view, for a blind
    /// packet: written by casefile for a question it raised from a
    /// conflict, and dropped once the text is changed (absent from exports
    /// written before casefile kept it).
    #[serde(default)]
    pub blind_text: String,
    /// Who the question was for, when that doctor was removed from the case
    /// after it was asked or answered: it stays their question, not one for
    /// any doctor (absent from exports written before casefile kept it).
    #[serde(default)]
    pub former_doctor: String,
    /// The factor of an option this question was raised from: its answer
    /// is what was not known (absent from exports written before casefile
    /// kept it).
    #[serde(default)]
    pub factor_id: Option<RecordId>,
}

impl QuestionDraft {
    /// For whichever doctor is seen next: no doctor, and none removed.
    pub fn is_for_any_doctor(&self) -> bool {
        self.doctor_id.is_none() && self.former_doctor.is_empty()
    }

    /// The question was put to its doctor, or answered: it keeps the
    /// doctor's name if the doctor is removed.
    pub fn was_put_to_the_doctor(&self) -> bool {
        matches!(
            self.status,
            QuestionStatus::Asked | QuestionStatus::Answered
        ) || self.asked_on.is_some()
            // Raised from a conflict, about what this doctor said: no
            // other doctor can answer it for her.
            || !self.blind_text.trim().is_empty()
            || self.answered_on.is_some()
            || !self.answer.trim().is_empty()
    }

    /// Carries over from the question as it was what a form does not
    /// show: the neutral wording for a blind packet stays while the text is
    /// the one it was written for, and the name of a removed doctor while
    /// no other doctor is chosen.
    pub fn keep_unshown(&mut self, before: &QuestionDraft) {
        self.blind_text = if self.text == before.text {
            before.blind_text.clone()
        } else {
            String::new()
        };
        self.former_doctor = if self.doctor_id.is_none() {
            before.former_doctor.clone()
        } else {
            String::new()
        };
        self.factor_id = before.factor_id;
    }
}

/// What a note is written on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RecordRef {
    pub kind: RecordKind,
    pub id: RecordId,
}

/// A family member's note, on the case or on one record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoteDraft {
    /// None for a note on the case as a whole.
    pub on: Option<RecordRef>,
    pub body: String,
}

/// Which notes the Notes pane shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NotesFilter {
    /// Only this author's notes.
    pub author: Option<String>,
    /// Only the notes on this record; `Some(None)` for notes on the case.
    pub on: Option<Option<RecordRef>>,
}

choice! {
    /// What a change did.
    ChangeAction {
        Added => "added", "added";
        Edited => "edited", "edited";
        Deleted => "deleted", "deleted";
    }
}

/// One change to the case: who, when, which record, before and after.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub id: RecordId,
    /// Changes saved together share a batch, and are undone together.
    pub batch: Option<i64>,
    pub at: DateTime<Utc>,
    pub author: String,
    pub record: RecordRef,
    pub action: ChangeAction,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// The words that name a record, from its fields as the history keeps
/// them: a doctor's name, a question's text, an item's description (its
/// first line).
pub fn words_in(record: &serde_json::Value) -> Option<String> {
    [
        "name",
        "patient",
        "title",
        "text",
        "description",
        "stance",
        "recommendation",
        "to_whom",
        "body",
        "said",
    ]
    .iter()
    .find_map(|key| record.get(*key).and_then(|v| v.as_str()))
    .filter(|title| !title.trim().is_empty())
    // Several lines are one line here, joined by spaces.
    .map(|title| title.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// [`words_in`], cut to 40 characters for a line of a list.
pub fn title_in(record: &serde_json::Value) -> Option<String> {
    words_in(record).map(|line| {
        let short: String = line.chars().take(40).collect();
        if short.chars().count() < line.chars().count() {
            format!("{short}…")
        } else {
            short
        }
    })
}

/// A field of a record, as the history keeps it, in words: `body` is
/// "Text", `doctor_id` "Doctor", `given_on` "Given on".
pub fn field_label(key: &str) -> String {
    let known = match key {
        "body" => "Text",
        "on" => "On",
        "to_whom" => "To",
        "deliver_to_doctor" => "Delivered to doctor",
        "is_original" => "Original",
        "saw_originals" => "Saw the originals",
        "knew_prior" => "Knew the earlier diagnosis",
        "local_limit_days" => "Local limit (days)",
        "originals_away_days" => "Originals away limit (days)",
        "sort_order" => "Order",
        "is_demo" => "Demo case",
        "blind_text" => "Wording for a blind packet",
        "former_doctor" => "Was for (doctor no longer in the case)",
        "decision_writer" => "May also record the decision",
        "waits" => "Waits",
        "not_for_me" => "Not for me",
        "not_for_me_because" => "Not for me, because",
        "out_of" => "Out of",
        "answer_id" => "From the answer",
        "values_clear" => "Clear what matters most",
        "knows" => "Knows the benefits and risks",
        "sure" => "Sure of the best choice",
        "supported" => "Has enough support",
        "look_again_if" => "Would look again if",
        "look_again_on" => "Look again on",
        "uid" => "Study UID",
        "accession" => "Accession number",
        "referring" => "Referring doctor",
        "disc_digest" => "Disc catalogue digest",
        _ => "",
    };
    if !known.is_empty() {
        return known.to_string();
    }
    let words = key.strip_suffix("_id").unwrap_or(key).replace('_', " ");
    super::text::capitalized(&words)
}

/// Which kind of record a field holding an id points at (see
/// [`LINKS`](super::links::LINKS)).
pub fn field_link(key: &str) -> Option<RecordKind> {
    super::links::LINKS
        .iter()
        .find(|link| link.field == key)
        .map(|link| link.parent)
}

/// Every change of a history (newest first) in a few words, each linked
/// record named from the newest change of it.
pub fn describe_all(changes: &[Change]) -> Vec<String> {
    let mut newest: std::collections::HashMap<RecordRef, &serde_json::Value> =
        std::collections::HashMap::new();
    for change in changes {
        if let Some(json) = change.after.as_ref().or(change.before.as_ref()) {
            newest.entry(change.record).or_insert(json);
        }
    }
    let name_of = |record: RecordRef| newest.get(&record).and_then(|json| title_in(json));
    changes
        .iter()
        .map(|change| change.describe_with(&name_of))
        .collect()
}

impl Change {
    /// The change in a few words: "added doctor "Dr. Helen Park"".
    pub fn describe(&self) -> String {
        self.describe_with(&|_| None)
    }

    /// The change in a few words, each linked record named from the
    /// newest change of it in `history` (newest first).
    pub fn describe_among(&self, history: &[Change]) -> String {
        self.describe_with(&|record| {
            history
                .iter()
                .find(|change| change.record == record)
                .and_then(|change| change.after.as_ref().or(change.before.as_ref()))
                .and_then(title_in)
        })
    }

    /// The change in a few words, naming the records it links: "added item
    /// sent to a doctor "Breast MRI" for Dr. Samuel Okafor". `name_of`
    /// gives a linked record's words; one it does not know is named by
    /// its kind and id.
    pub fn describe_with(&self, name_of: &dyn Fn(RecordRef) -> Option<String>) -> String {
        let mut line = format!("{} {}", self.action.label(), self.record.kind.label());
        if let Some(record) = self.after.as_ref().or(self.before.as_ref()) {
            let words = named(self.record.kind, record, name_of);
            if !words.is_empty() {
                line.push(' ');
                line.push_str(&words);
            }
        }
        line
    }
}

/// What names a record of `kind` (as the history keeps it) in a line, its
/// kind aside: its own words and the records it links, as in ""Breast MRI"
/// for Dr. Samuel Okafor". `name_of` gives a linked record's words; one it
/// does not know is named by its kind and id. Made safe to show.
pub fn named(
    kind: RecordKind,
    record: &serde_json::Value,
    name_of: &dyn Fn(RecordRef) -> Option<String>,
) -> String {
    use RecordKind as K;
    let link = |key: &str, kind: RecordKind| -> Option<String> {
        let id = record.get(key)?.as_i64()?;
        Some(name_of(RecordRef { kind, id }).unwrap_or_else(|| format!("{} {id}", kind.label())))
    };
    let quoted = |text: String| format!("\"{text}\"");
    let own = title_in(record).map(quoted);
    let text = |key: &str| {
        record
            .get(key)
            .and_then(|v| v.as_str())
            .filter(|v| !v.trim().is_empty())
            .map(str::to_string)
    };
    let parts: Vec<Option<String>> = match kind {
        K::ItemRecipient => vec![
            link("item_id", K::Item).map(quoted),
            link("doctor_id", K::Doctor).map(|d| format!("for {d}")),
        ],
        K::RequestItem => vec![
            link("item_id", K::Item).map(quoted),
            link("request_id", K::Request).map(|r| format!("in the request to {r}")),
        ],
        K::Study => vec![
            own,
            text("modality"),
            link("item_id", K::Item).map(|i| format!("on \"{i}\"")),
        ],
        K::CustodyMove => vec![
            link("item_id", K::Item).map(|i| format!("of \"{i}\"")),
            text("to").map(|to| format!("to {to}")),
        ],
        K::FollowUp => vec![
            own,
            link("request_id", K::Request).map(|r| format!("on the request to {r}")),
        ],
        K::Opinion => vec![link("doctor_id", K::Doctor).map(|d| format!("of {d}")), own],
        K::Question => vec![
            link("doctor_id", K::Doctor).map(|d| format!("for {d}")),
            own,
        ],
        K::Stance => vec![own, link("topic_id", K::Topic).map(|t| format!("on {t}"))],
        K::Factor => vec![
            own,
            link("option_id", K::DecisionOption).map(|o| format!("of {o}")),
        ],
        K::View => vec![text("person").map(quoted)],
        K::Leaning => vec![link("option_id", K::DecisionOption).map(|o| format!("to {o}"))],
        K::Decision => vec![link("option_id", K::DecisionOption).map(|o| format!("for {o}"))],
        K::ReadinessCheck => vec![text("taken_on").map(|on| format!("taken on {on}"))],
        K::ConflictState => vec![link("topic_id", K::Topic).map(|t| format!("on {t}"))],
        K::Equivalence => vec![
            text("stance").map(quoted),
            text("same_as").map(|same| format!("= \"{same}\"")),
            link("topic_id", K::Topic).map(|t| format!("on {t}")),
        ],
        _ => vec![own],
    };
    let words: Vec<String> = parts.into_iter().flatten().collect();
    super::text::inert(&words.join(" "))
}

/// A stored record with a plain stamp, for the domain's own tests.
#[cfg(test)]
pub(crate) fn test_record<D>(id: RecordId, data: D) -> Stored<D> {
    Stored {
        id,
        data,
        stamp: Stamp {
            created_at: DateTime::default(),
            created_by: "Maria".into(),
            updated_at: DateTime::default(),
            updated_by: "Maria".into(),
            version: 1,
        },
    }
}
