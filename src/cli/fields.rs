//! The flags of each kind of record, for `add` and `edit`, and the field
//! of the kind's form each one fills. The form itself (`app::forms`) has
//! the defaults and the rules, the same as in the TUI; a flag left out of
//! `edit` leaves its field as it was.

use clap::Args;

use crate::domain::{
    CaseDraft, CustodyMoveDraft, DeadlineDraft, DoctorDraft, FollowUpDraft, ItemDraft,
    ItemRecipientDraft, NoteDraft, OpinionDraft, QuestionDraft, RecordKind, RecordRequestDraft,
    RequestItemDraft, StanceDraft, TopicDraft,
};
use crate::store::Table;

/// How a flag's text becomes its field's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reads {
    /// As the field takes it: typed text, a choice by its key or its
    /// words, yes or no.
    AsWritten,
    /// A record of this kind, by id (a topic also by name). `nobody` is
    /// the word that, like an empty value, chooses no record, where the
    /// field allows none.
    Record {
        kind: RecordKind,
        nobody: Option<&'static str>,
    },
    /// What a note is on, as KIND:ID or `case`.
    On,
}

/// One flag of a kind, and the key of the form field it fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flag {
    pub name: &'static str,
    pub key: &'static str,
    pub reads: Reads,
    /// Adding a record on the command line needs it, where the TUI would
    /// take it from what is on screen (the doctor an opinion is from).
    pub needed_to_add: bool,
}

impl Flag {
    const fn new(name: &'static str, key: &'static str) -> Self {
        Flag {
            name,
            key,
            reads: Reads::AsWritten,
            needed_to_add: false,
        }
    }

    /// A flag that names a record of `kind`.
    const fn record(name: &'static str, key: &'static str, kind: RecordKind) -> Self {
        Flag {
            reads: Reads::Record { kind, nobody: None },
            ..Flag::new(name, key)
        }
    }

    /// A flag that names a record, or nobody with `word`.
    const fn record_or(
        name: &'static str,
        key: &'static str,
        kind: RecordKind,
        word: &'static str,
    ) -> Self {
        Flag {
            reads: Reads::Record {
                kind,
                nobody: Some(word),
            },
            ..Flag::new(name, key)
        }
    }

    const fn needed(self) -> Self {
        Flag {
            needed_to_add: true,
            ..self
        }
    }
}

/// What `add` and `edit` need to know of a kind's flags.
pub trait Flags {
    type Draft: Table;
    /// The kind's name on the command line.
    const NAME: &'static str;
    /// Every flag, with its text where it was given.
    fn flags(&self) -> Vec<(Flag, Option<&str>)>;
}

#[derive(Debug, Clone, Args)]
pub struct DoctorFields {
    /// Full name, e.g. "Dr. Helen Park" (required to add)
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long)]
    pub specialty: Option<String>,
    #[arg(long)]
    pub institution: Option<String>,
    /// Where the doctor trained
    #[arg(long)]
    pub trained_at: Option<String>,
    /// Phone, email or address
    #[arg(long)]
    pub contact: Option<String>,
    /// Insurance network
    #[arg(long)]
    pub network: Option<String>,
}

impl Flags for DoctorFields {
    type Draft = DoctorDraft;
    const NAME: &'static str = "doctor";

    fn flags(&self) -> Vec<(Flag, Option<&str>)> {
        vec![
            (Flag::new("--name", "name").needed(), self.name.as_deref()),
            (
                Flag::new("--specialty", "specialty"),
                self.specialty.as_deref(),
            ),
            (
                Flag::new("--institution", "institution"),
                self.institution.as_deref(),
            ),
            (
                Flag::new("--trained-at", "trained_at"),
                self.trained_at.as_deref(),
            ),
            (Flag::new("--contact", "contact"), self.contact.as_deref()),
            (Flag::new("--network", "network"), self.network.as_deref()),
        ]
    }
}

#[derive(Debug, Clone, Args)]
pub struct OpinionFields {
    /// The doctor's id (required to add)
    #[arg(long)]
    pub doctor: Option<String>,
    /// When the opinion was given [default: today]
    #[arg(long, allow_hyphen_values = true)]
    pub date: Option<String>,
    /// visit, remote or records_review [default: visit]
    #[arg(long)]
    pub form: Option<String>,
    #[arg(long)]
    pub diagnosis: Option<String>,
    #[arg(long)]
    pub recommendation: Option<String>,
    /// How long the patient may take, in the doctor's words
    #[arg(long)]
    pub urgency: Option<String>,
    /// Whether the doctor knew the earlier diagnosis: yes or no
    #[arg(long)]
    pub knew_prior: Option<String>,
    /// Whether the doctor saw the original scans and slides: yes or no
    #[arg(long)]
    pub saw_originals: Option<String>,
    #[arg(long)]
    pub cost: Option<String>,
    #[arg(long)]
    pub coverage: Option<String>,
    #[arg(long)]
    pub notes: Option<String>,
}

impl Flags for OpinionFields {
    type Draft = OpinionDraft;
    const NAME: &'static str = "opinion";

    fn flags(&self) -> Vec<(Flag, Option<&str>)> {
        vec![
            (
                Flag::record("--doctor", "doctor", RecordKind::Doctor).needed(),
                self.doctor.as_deref(),
            ),
            (Flag::new("--date", "given_on"), self.date.as_deref()),
            (Flag::new("--form", "form"), self.form.as_deref()),
            (
                Flag::new("--diagnosis", "diagnosis"),
                self.diagnosis.as_deref(),
            ),
            (
                Flag::new("--recommendation", "recommendation"),
                self.recommendation.as_deref(),
            ),
            (Flag::new("--urgency", "urgency"), self.urgency.as_deref()),
            (
                Flag::new("--knew-prior", "knew_prior"),
                self.knew_prior.as_deref(),
            ),
            (
                Flag::new("--saw-originals", "saw_originals"),
                self.saw_originals.as_deref(),
            ),
            (Flag::new("--cost", "cost"), self.cost.as_deref()),
            (
                Flag::new("--coverage", "coverage"),
                self.coverage.as_deref(),
            ),
            (Flag::new("--notes", "notes"), self.notes.as_deref()),
        ]
    }
}

#[derive(Debug, Clone, Args)]
pub struct StanceFields {
    /// The opinion's id (required to add)
    #[arg(long)]
    pub opinion: Option<String>,
    /// The topic's name or id (required to add)
    #[arg(long)]
    pub topic: Option<String>,
    /// A few words that can be compared across opinions (required to add)
    #[arg(long)]
    pub stance: Option<String>,
    #[arg(long)]
    pub detail: Option<String>,
}

impl Flags for StanceFields {
    type Draft = StanceDraft;
    const NAME: &'static str = "stance";

    fn flags(&self) -> Vec<(Flag, Option<&str>)> {
        vec![
            (
                Flag::record("--opinion", "opinion", RecordKind::Opinion).needed(),
                self.opinion.as_deref(),
            ),
            (
                Flag::record("--topic", "topic", RecordKind::Topic).needed(),
                self.topic.as_deref(),
            ),
            (
                Flag::new("--stance", "stance").needed(),
                self.stance.as_deref(),
            ),
            (Flag::new("--detail", "detail"), self.detail.as_deref()),
        ]
    }
}

#[derive(Debug, Clone, Args)]
pub struct TopicFields {
    /// The topic, e.g. "Radiation needed" (required to add)
    #[arg(long)]
    pub name: Option<String>,
    /// Where it sits in the grid, smallest first [default: last]
    #[arg(long)]
    pub order: Option<String>,
}

impl Flags for TopicFields {
    type Draft = TopicDraft;
    const NAME: &'static str = "topic";

    fn flags(&self) -> Vec<(Flag, Option<&str>)> {
        vec![
            (Flag::new("--name", "name").needed(), self.name.as_deref()),
            (Flag::new("--order", "sort_order"), self.order.as_deref()),
        ]
    }
}

#[derive(Debug, Clone, Args)]
pub struct QuestionFields {
    /// The doctor's id, or `any` [default: any]
    #[arg(long)]
    pub doctor: Option<String>,
    /// The question (required to add)
    #[arg(long)]
    pub text: Option<String>,
    /// open, asked, answered or dropped [default: open]
    #[arg(long)]
    pub status: Option<String>,
    /// The doctor's answer: an open or asked question given one is
    /// answered, unless --status names another status
    #[arg(long)]
    pub answer: Option<String>,
    /// The topic it is about, by name or id
    #[arg(long)]
    pub topic: Option<String>,
}

impl Flags for QuestionFields {
    type Draft = QuestionDraft;
    const NAME: &'static str = "question";

    fn flags(&self) -> Vec<(Flag, Option<&str>)> {
        vec![
            (
                Flag::record_or("--doctor", "doctor", RecordKind::Doctor, "any"),
                self.doctor.as_deref(),
            ),
            (Flag::new("--text", "text").needed(), self.text.as_deref()),
            (Flag::new("--status", "status"), self.status.as_deref()),
            (Flag::new("--answer", "answer"), self.answer.as_deref()),
            (
                Flag::record_or("--topic", "topic", RecordKind::Topic, "none"),
                self.topic.as_deref(),
            ),
        ]
    }
}

#[derive(Debug, Clone, Args)]
pub struct ItemFields {
    /// mammogram, mri, ct, pet, xray, ultrasound, slides, block or report (required to add)
    #[arg(long)]
    pub kind: Option<String>,
    /// What it is, e.g. "Breast MRI with contrast" (required to add)
    #[arg(long)]
    pub description: Option<String>,
    /// When the scan was taken or the tissue collected
    #[arg(long, allow_hyphen_values = true)]
    pub date: Option<String>,
    /// Where it was made
    #[arg(long)]
    pub facility: Option<String>,
    /// film, disc, portal, glass, block or paper [default: paper]
    #[arg(long)]
    pub form: Option<String>,
    /// Whether this is the original: yes or no [default: no]
    #[arg(long)]
    pub original: Option<String>,
    /// Who holds it now [default: the facility]
    #[arg(long)]
    pub holder: Option<String>,
}

impl Flags for ItemFields {
    type Draft = ItemDraft;
    const NAME: &'static str = "item";

    fn flags(&self) -> Vec<(Flag, Option<&str>)> {
        vec![
            (Flag::new("--kind", "kind").needed(), self.kind.as_deref()),
            (
                Flag::new("--description", "description").needed(),
                self.description.as_deref(),
            ),
            (Flag::new("--date", "taken_on"), self.date.as_deref()),
            (
                Flag::new("--facility", "facility"),
                self.facility.as_deref(),
            ),
            (Flag::new("--form", "form"), self.form.as_deref()),
            (
                Flag::new("--original", "is_original"),
                self.original.as_deref(),
            ),
            (Flag::new("--holder", "held_by"), self.holder.as_deref()),
        ]
    }
}

#[derive(Debug, Clone, Args)]
pub struct MoveFields {
    /// The item's id (required to add)
    #[arg(long)]
    pub item: Option<String>,
    /// Who had it [default: its holder now]
    #[arg(long)]
    pub from: Option<String>,
    /// Who has it now (required to add)
    #[arg(long)]
    pub to: Option<String>,
    /// When it moved [default: today]
    #[arg(long, allow_hyphen_values = true)]
    pub date: Option<String>,
    /// Courier, post, by hand...
    #[arg(long)]
    pub method: Option<String>,
    #[arg(long)]
    pub tracking: Option<String>,
    /// Sent straight from the lab to the doctor: yes or no [default: no]
    #[arg(long)]
    pub direct: Option<String>,
    #[arg(long)]
    pub note: Option<String>,
}

impl Flags for MoveFields {
    type Draft = CustodyMoveDraft;
    const NAME: &'static str = "move";

    fn flags(&self) -> Vec<(Flag, Option<&str>)> {
        vec![
            (
                Flag::record("--item", "item", RecordKind::Item).needed(),
                self.item.as_deref(),
            ),
            (Flag::new("--from", "from"), self.from.as_deref()),
            (Flag::new("--to", "to").needed(), self.to.as_deref()),
            (Flag::new("--date", "moved_on"), self.date.as_deref()),
            (Flag::new("--method", "method"), self.method.as_deref()),
            (
                Flag::new("--tracking", "tracking"),
                self.tracking.as_deref(),
            ),
            (Flag::new("--direct", "direct"), self.direct.as_deref()),
            (Flag::new("--note", "note"), self.note.as_deref()),
        ]
    }
}

#[derive(Debug, Clone, Args)]
pub struct RecipientFields {
    /// The item's id (required to add)
    #[arg(long)]
    pub item: Option<String>,
    /// The doctor who needs it (required to add)
    #[arg(long)]
    pub doctor: Option<String>,
    /// When the doctor received it, or `none` while they wait
    #[arg(long, allow_hyphen_values = true)]
    pub received: Option<String>,
    /// What reached the doctor: item (the item itself) or report_only
    /// [default: item]
    #[arg(long)]
    pub received_as: Option<String>,
}

impl Flags for RecipientFields {
    type Draft = ItemRecipientDraft;
    const NAME: &'static str = "recipient";

    fn flags(&self) -> Vec<(Flag, Option<&str>)> {
        vec![
            (
                Flag::record("--item", "item", RecordKind::Item).needed(),
                self.item.as_deref(),
            ),
            (
                Flag::record("--doctor", "doctor", RecordKind::Doctor).needed(),
                self.doctor.as_deref(),
            ),
            (
                Flag::new("--received", "received_on"),
                self.received.as_deref(),
            ),
            (
                Flag::new("--received-as", "received_as"),
                self.received_as.as_deref(),
            ),
        ]
    }
}

#[derive(Debug, Clone, Args)]
pub struct RequestFields {
    /// Who the request goes to (required to add)
    #[arg(long)]
    pub to: Option<String>,
    /// What is asked for (required to add)
    #[arg(long)]
    pub what: Option<String>,
    /// When it was sent [default: today]
    #[arg(long, allow_hyphen_values = true)]
    pub requested_on: Option<String>,
    /// Portal, fax, post, in person...
    #[arg(long)]
    pub method: Option<String>,
    /// `patient`, or the id of the doctor it goes straight to [default: patient]
    #[arg(long)]
    pub deliver_to: Option<String>,
    /// draft, sent, acknowledged, extended, received, refused or cancelled [default: sent]
    #[arg(long)]
    pub status: Option<String>,
    /// A shorter limit that applies where the provider is, in days
    #[arg(long)]
    pub local_limit: Option<String>,
    /// When the provider extended in writing, or `none`
    #[arg(long, allow_hyphen_values = true)]
    pub extended_on: Option<String>,
}

impl Flags for RequestFields {
    type Draft = RecordRequestDraft;
    const NAME: &'static str = "request";

    fn flags(&self) -> Vec<(Flag, Option<&str>)> {
        vec![
            (Flag::new("--to", "to_whom").needed(), self.to.as_deref()),
            (Flag::new("--what", "what").needed(), self.what.as_deref()),
            (
                Flag::new("--requested-on", "requested_on"),
                self.requested_on.as_deref(),
            ),
            (Flag::new("--method", "method"), self.method.as_deref()),
            (
                Flag::record_or("--deliver-to", "deliver_to", RecordKind::Doctor, "patient"),
                self.deliver_to.as_deref(),
            ),
            (Flag::new("--status", "status"), self.status.as_deref()),
            (
                Flag::new("--local-limit", "local_limit_days"),
                self.local_limit.as_deref(),
            ),
            (
                Flag::new("--extended-on", "extended_on"),
                self.extended_on.as_deref(),
            ),
        ]
    }
}

#[derive(Debug, Clone, Args)]
pub struct FollowUpFields {
    /// The request's id (required to add)
    #[arg(long)]
    pub request: Option<String>,
    /// When [default: today]
    #[arg(long, allow_hyphen_values = true)]
    pub date: Option<String>,
    /// Who followed up
    #[arg(long)]
    pub by: Option<String>,
    /// What was said (required to add)
    #[arg(long)]
    pub said: Option<String>,
}

impl Flags for FollowUpFields {
    type Draft = FollowUpDraft;
    const NAME: &'static str = "follow-up";

    fn flags(&self) -> Vec<(Flag, Option<&str>)> {
        vec![
            (
                Flag::record("--request", "request", RecordKind::Request).needed(),
                self.request.as_deref(),
            ),
            (Flag::new("--date", "on"), self.date.as_deref()),
            (Flag::new("--by", "by"), self.by.as_deref()),
            (Flag::new("--said", "said").needed(), self.said.as_deref()),
        ]
    }
}

#[derive(Debug, Clone, Args)]
pub struct DeadlineFields {
    /// What is due (required to add)
    #[arg(long)]
    pub title: Option<String>,
    /// When (required to add)
    #[arg(long, allow_hyphen_values = true)]
    pub date: Option<String>,
    /// decision, appointment, insurance, treatment_start or custom [default: appointment]
    #[arg(long)]
    pub kind: Option<String>,
    /// The doctor an appointment is with, or `none`
    #[arg(long)]
    pub doctor: Option<String>,
    /// Whether it is done: yes or no
    #[arg(long)]
    pub done: Option<String>,
    #[arg(long)]
    pub notes: Option<String>,
}

impl Flags for DeadlineFields {
    type Draft = DeadlineDraft;
    const NAME: &'static str = "deadline";

    fn flags(&self) -> Vec<(Flag, Option<&str>)> {
        vec![
            (
                Flag::new("--title", "title").needed(),
                self.title.as_deref(),
            ),
            (Flag::new("--date", "due_on").needed(), self.date.as_deref()),
            (Flag::new("--kind", "kind"), self.kind.as_deref()),
            (
                Flag::record_or("--doctor", "doctor", RecordKind::Doctor, "none"),
                self.doctor.as_deref(),
            ),
            (Flag::new("--done", "done"), self.done.as_deref()),
            (Flag::new("--notes", "notes"), self.notes.as_deref()),
        ]
    }
}

#[derive(Debug, Clone, Args)]
pub struct NoteFields {
    /// The note (required to add)
    #[arg(long)]
    pub text: Option<String>,
    /// What it is on, as KIND:ID (e.g. opinion:3), or `case` [default: case]
    #[arg(long)]
    pub on: Option<String>,
}

impl Flags for NoteFields {
    type Draft = NoteDraft;
    const NAME: &'static str = "note";

    fn flags(&self) -> Vec<(Flag, Option<&str>)> {
        vec![
            (Flag::new("--text", "body").needed(), self.text.as_deref()),
            (
                Flag {
                    reads: Reads::On,
                    ..Flag::new("--on", "on")
                },
                self.on.as_deref(),
            ),
        ]
    }
}

#[derive(Debug, Clone, Args)]
pub struct RequestItemFields {
    /// The request's id (required to add)
    #[arg(long)]
    pub request: Option<String>,
    /// The id of the item it asks for (required to add)
    #[arg(long)]
    pub item: Option<String>,
}

impl Flags for RequestItemFields {
    type Draft = RequestItemDraft;
    const NAME: &'static str = "request-item";

    fn flags(&self) -> Vec<(Flag, Option<&str>)> {
        vec![
            (
                Flag::record("--request", "request", RecordKind::Request).needed(),
                self.request.as_deref(),
            ),
            (
                Flag::record("--item", "item", RecordKind::Item).needed(),
                self.item.as_deref(),
            ),
        ]
    }
}

/// The case itself, for `edit case`: the same fields as the case's form.
#[derive(Debug, Clone, Args)]
pub struct CaseFields {
    /// The patient's name
    #[arg(long)]
    pub patient: Option<String>,
    /// The question under review, in the patient's words
    #[arg(long)]
    pub question: Option<String>,
    /// The decision deadline: 2026-12-01, today, +10d, in 2 weeks; `none`
    /// for no deadline
    #[arg(long, allow_hyphen_values = true)]
    pub decide_by: Option<String>,
    /// Flag an original away from its owner longer than this many days
    /// (1-365; `none` for the usual 30)
    #[arg(long, value_name = "DAYS")]
    pub originals_away_days: Option<String>,
    /// Who besides the patient may record the patient's leaning and
    /// decision, by the name they write as; empty for nobody else. Only
    /// the patient may change it
    #[arg(long, value_name = "NAME")]
    pub decision_writer: Option<String>,
}

impl Flags for CaseFields {
    type Draft = CaseDraft;
    const NAME: &'static str = "case";

    fn flags(&self) -> Vec<(Flag, Option<&str>)> {
        vec![
            (Flag::new("--patient", "patient"), self.patient.as_deref()),
            (
                Flag::new("--question", "question"),
                self.question.as_deref(),
            ),
            (
                Flag::new("--decide-by", "decide_by"),
                self.decide_by.as_deref(),
            ),
            (
                Flag::new("--originals-away-days", "originals_away_days"),
                self.originals_away_days.as_deref(),
            ),
            (
                Flag::new("--decision-writer", "decision_writer"),
                self.decision_writer.as_deref(),
            ),
        ]
    }
}

#[derive(Debug, Clone, Args)]
pub struct OptionFields {
    /// A few words, e.g. "Lumpectomy with radiation" (required to add)
    #[arg(long)]
    pub name: Option<String>,
    /// What it means, in the patient's words
    #[arg(long)]
    pub description: Option<String>,
    /// The stance on Treatment it stands for, as an opinion wrote it: the
    /// opinions with that stance (or one declared the same) recommend
    /// it; `none` for an option of the patient's own [default: none]
    #[arg(long)]
    pub stance: Option<String>,
    /// Whether this is waiting, or doing nothing for now: yes or no
    #[arg(long)]
    pub waits: Option<String>,
    /// Whether the patient has set it aside: yes or no (then say why
    /// with --because)
    #[arg(long)]
    pub not_for_me: Option<String>,
    /// Why it is not for the patient
    #[arg(long)]
    pub because: Option<String>,
}

impl Flags for OptionFields {
    type Draft = crate::domain::OptionDraft;
    const NAME: &'static str = "option";

    fn flags(&self) -> Vec<(Flag, Option<&str>)> {
        // `none` is the picker's empty stance, as the other flags' word
        // for no record.
        let stance = self.stance.as_deref().map(|text| {
            if text.trim().eq_ignore_ascii_case("none") {
                ""
            } else {
                text
            }
        });
        vec![
            (Flag::new("--name", "name").needed(), self.name.as_deref()),
            (
                Flag::new("--description", "description"),
                self.description.as_deref(),
            ),
            (Flag::new("--stance", "stance"), stance),
            (Flag::new("--waits", "waits"), self.waits.as_deref()),
            (
                Flag::new("--not-for-me", "not_for_me"),
                self.not_for_me.as_deref(),
            ),
            (
                Flag::new("--because", "not_for_me_because"),
                self.because.as_deref(),
            ),
        ]
    }
}

#[derive(Debug, Clone, Args)]
pub struct FactorFields {
    /// The option's id (required to add)
    #[arg(long)]
    pub option: Option<String>,
    /// benefit, risk or unknown (not known yet) [default: benefit]
    #[arg(long)]
    pub side: Option<String>,
    /// What it is about: "What it involves", "Recovery", "Chances of the
    /// main outcome", "Side effects", "Cost", or your own
    #[arg(long)]
    pub concern: Option<String>,
    /// What it is, in a sentence (required to add)
    #[arg(long)]
    pub text: Option<String>,
    /// How much it matters to the patient, 0 to 5, or empty for not
    /// rated yet
    #[arg(long)]
    pub weight: Option<String>,
    /// A figure, as "5 in 100 over 10 years": the 5
    #[arg(long)]
    pub chance: Option<String>,
    /// ...the 100
    #[arg(long)]
    pub out_of: Option<String>,
    /// ...and the "10 years"
    #[arg(long)]
    pub over: Option<String>,
    /// Who said it: own, document, opinion:ID or answer:ID (an answered
    /// question) [default: own]
    #[arg(long)]
    pub source: Option<String>,
    /// The document it comes from, with --source document
    #[arg(long)]
    pub document: Option<String>,
}

impl Flags for FactorFields {
    type Draft = crate::domain::FactorDraft;
    const NAME: &'static str = "factor";

    fn flags(&self) -> Vec<(Flag, Option<&str>)> {
        vec![
            (
                Flag::record("--option", "option", RecordKind::DecisionOption).needed(),
                self.option.as_deref(),
            ),
            (Flag::new("--side", "side"), self.side.as_deref()),
            (Flag::new("--concern", "concern"), self.concern.as_deref()),
            (Flag::new("--text", "text").needed(), self.text.as_deref()),
            (Flag::new("--weight", "weight"), self.weight.as_deref()),
            (Flag::new("--chance", "chance"), self.chance.as_deref()),
            (Flag::new("--out-of", "out_of"), self.out_of.as_deref()),
            (Flag::new("--over", "over"), self.over.as_deref()),
            (Flag::new("--source", "source"), self.source.as_deref()),
            (
                Flag::new("--document", "document"),
                self.document.as_deref(),
            ),
        ]
    }
}

#[derive(Debug, Clone, Args)]
pub struct ViewFields {
    /// Whose view it is [default: the writer's own, as --as names them]
    #[arg(long)]
    pub person: Option<String>,
    /// The option they prefer, by id, or `none`
    #[arg(long)]
    pub prefers: Option<String>,
    /// none, feels, puts or both (pressure felt or put on) [default: none]
    #[arg(long)]
    pub pressure: Option<String>,
    /// Whether they can support the patient's choice: yes, unsure or no
    /// [default: unsure]
    #[arg(long)]
    pub supports: Option<String>,
    #[arg(long)]
    pub note: Option<String>,
}

impl Flags for ViewFields {
    type Draft = crate::domain::ViewDraft;
    const NAME: &'static str = "view";

    fn flags(&self) -> Vec<(Flag, Option<&str>)> {
        vec![
            (Flag::new("--person", "person"), self.person.as_deref()),
            (
                Flag::record_or("--prefers", "prefers", RecordKind::DecisionOption, "none"),
                self.prefers.as_deref(),
            ),
            (
                Flag::new("--pressure", "pressure"),
                self.pressure.as_deref(),
            ),
            (
                Flag::new("--supports", "supports"),
                self.supports.as_deref(),
            ),
            (Flag::new("--note", "note"), self.note.as_deref()),
        ]
    }
}

#[derive(Debug, Clone, Args)]
pub struct LeaningFields {
    /// The option the patient leans to now, by id, or `unsure`
    /// [default: unsure]
    #[arg(long)]
    pub option: Option<String>,
    /// Why, for now
    #[arg(long)]
    pub note: Option<String>,
}

impl Flags for LeaningFields {
    type Draft = crate::domain::LeaningDraft;
    const NAME: &'static str = "leaning";

    fn flags(&self) -> Vec<(Flag, Option<&str>)> {
        vec![
            (
                Flag::record_or("--option", "option", RecordKind::DecisionOption, "unsure"),
                self.option.as_deref(),
            ),
            (Flag::new("--note", "note"), self.note.as_deref()),
        ]
    }
}

#[derive(Debug, Clone, Args)]
pub struct CheckFields {
    /// When it was taken [default: today]
    #[arg(long, allow_hyphen_values = true)]
    pub date: Option<String>,
    /// "Do I feel sure which choice is best for me?": yes or no (required to add)
    #[arg(long)]
    pub sure: Option<String>,
    /// "Do I know the benefits and the risks of each option?": yes or no
    /// (required to add)
    #[arg(long)]
    pub knows: Option<String>,
    /// "Am I clear which benefits and risks matter most to me?": yes or no
    /// (required to add)
    #[arg(long)]
    pub values_clear: Option<String>,
    /// "Do I have enough support and advice to choose?": yes or no
    /// (required to add)
    #[arg(long)]
    pub supported: Option<String>,
}

impl Flags for CheckFields {
    type Draft = crate::domain::CheckDraft;
    const NAME: &'static str = "check";

    fn flags(&self) -> Vec<(Flag, Option<&str>)> {
        vec![
            (Flag::new("--date", "taken_on"), self.date.as_deref()),
            (Flag::new("--sure", "sure").needed(), self.sure.as_deref()),
            (
                Flag::new("--knows", "knows").needed(),
                self.knows.as_deref(),
            ),
            (
                Flag::new("--values-clear", "values_clear").needed(),
                self.values_clear.as_deref(),
            ),
            (
                Flag::new("--supported", "supported").needed(),
                self.supported.as_deref(),
            ),
        ]
    }
}

#[derive(Debug, Clone, Args)]
pub struct DecisionFields {
    /// The option chosen, by id [default: the patient's leaning]
    #[arg(long)]
    pub option: Option<String>,
    /// When [default: today]
    #[arg(long, allow_hyphen_values = true)]
    pub date: Option<String>,
    /// Why, in the patient's words [default: the chosen option's factors
    /// that matter most]
    #[arg(long)]
    pub reasons: Option<String>,
    /// What would make the patient look at it again
    #[arg(long)]
    pub look_again_if: Option<String>,
    /// When to look at it again, or `none`
    #[arg(long, allow_hyphen_values = true)]
    pub look_again_on: Option<String>,
}

impl Flags for DecisionFields {
    type Draft = crate::domain::DecisionDraft;
    const NAME: &'static str = "decision";

    fn flags(&self) -> Vec<(Flag, Option<&str>)> {
        vec![
            (
                Flag::record("--option", "option", RecordKind::DecisionOption),
                self.option.as_deref(),
            ),
            (Flag::new("--date", "decided_on"), self.date.as_deref()),
            (Flag::new("--reasons", "reasons"), self.reasons.as_deref()),
            (
                Flag::new("--look-again-if", "look_again_if"),
                self.look_again_if.as_deref(),
            ),
            (
                Flag::new("--look-again-on", "look_again_on"),
                self.look_again_on.as_deref(),
            ),
        ]
    }
}
