//! The flags of each kind of record, for `add` and `edit`, and how they
//! become a draft. Every value goes through the same domain types as the
//! TUI; a flag left out of `edit` leaves that field as it was.

use anyhow::Result;
use chrono::NaiveDate;
use clap::Args;

use super::values::{self, required};
use crate::domain::{
    CaseSnapshot, CustodyMoveDraft, DeadlineDraft, DeadlineKind, DoctorDraft, FollowUpDraft,
    ItemDraft, ItemForm, ItemKind, ItemRecipientDraft, NoteDraft, OpinionDraft, QuestionDraft,
    QuestionStatus, RecordRequestDraft, RequestStatus, StanceDraft, TopicDraft,
};
use crate::store::Table;

/// What `add` and `edit` need to know of a kind's flags.
pub trait Fields {
    type Draft: Table;
    /// The kind's name on the command line.
    const NAME: &'static str;
    /// A new draft from the flags: required flags must be there.
    fn create(&self, case: &CaseSnapshot, today: NaiveDate) -> Result<Self::Draft>;
    /// Changes the fields whose flags were given.
    fn apply(&self, draft: &mut Self::Draft, case: &CaseSnapshot, today: NaiveDate) -> Result<()>;
}

/// Sets a field whose flag was given, without surrounding spaces.
fn set(target: &mut String, value: &Option<String>) {
    if let Some(value) = value {
        *target = value.trim().to_string();
    }
}

/// Sets a field that a record cannot be without: an empty value is refused.
fn set_required(target: &mut String, value: &Option<String>, flag: &str, kind: &str) -> Result<()> {
    if let Some(value) = value {
        if value.trim().is_empty() {
            anyhow::bail!("{flag}: a {kind} cannot be saved with this empty; give a value");
        }
        *target = value.trim().to_string();
    }
    Ok(())
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

impl Fields for DoctorFields {
    type Draft = DoctorDraft;
    const NAME: &'static str = "doctor";

    fn create(&self, case: &CaseSnapshot, today: NaiveDate) -> Result<DoctorDraft> {
        let mut draft = DoctorDraft {
            name: required(&self.name, "--name", Self::NAME)?.to_string(),
            ..DoctorDraft::default()
        };
        self.apply(&mut draft, case, today)?;
        Ok(draft)
    }

    fn apply(&self, draft: &mut DoctorDraft, _: &CaseSnapshot, _: NaiveDate) -> Result<()> {
        set_required(&mut draft.name, &self.name, "--name", Self::NAME)?;
        set(&mut draft.specialty, &self.specialty);
        set(&mut draft.institution, &self.institution);
        set(&mut draft.trained_at, &self.trained_at);
        set(&mut draft.contact, &self.contact);
        set(&mut draft.network, &self.network);
        Ok(())
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

impl Fields for OpinionFields {
    type Draft = OpinionDraft;
    const NAME: &'static str = "opinion";

    fn create(&self, case: &CaseSnapshot, today: NaiveDate) -> Result<OpinionDraft> {
        let mut draft = OpinionDraft {
            doctor_id: values::doctor(
                case,
                "--doctor",
                required(&self.doctor, "--doctor", Self::NAME)?,
            )?,
            ..OpinionDraft::new(0, today)
        };
        self.apply(&mut draft, case, today)?;
        Ok(draft)
    }

    fn apply(&self, draft: &mut OpinionDraft, case: &CaseSnapshot, today: NaiveDate) -> Result<()> {
        if let Some(text) = &self.doctor {
            draft.doctor_id = values::doctor(case, "--doctor", text)?;
        }
        if let Some(text) = &self.date {
            draft.given_on = values::date("--date", text, today)?;
        }
        if let Some(text) = &self.form {
            draft.form = values::choice("--form", text)?;
        }
        if let Some(text) = &self.knew_prior {
            draft.knew_prior = values::yes_no("--knew-prior", text)?;
        }
        if let Some(text) = &self.saw_originals {
            draft.saw_originals = values::yes_no("--saw-originals", text)?;
        }
        set(&mut draft.diagnosis, &self.diagnosis);
        set(&mut draft.recommendation, &self.recommendation);
        set(&mut draft.urgency, &self.urgency);
        set(&mut draft.cost, &self.cost);
        set(&mut draft.coverage, &self.coverage);
        set(&mut draft.notes, &self.notes);
        Ok(())
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

fn opinion_id(case: &CaseSnapshot, text: &str) -> Result<i64> {
    let id = values::id("--opinion", text)?;
    case.opinion(id).map(|o| o.id).ok_or_else(|| {
        anyhow::anyhow!(
            "--opinion: there is no opinion with id {id}; `casefile list opinions` shows their ids"
        )
    })
}

impl Fields for StanceFields {
    type Draft = StanceDraft;
    const NAME: &'static str = "stance";

    fn create(&self, case: &CaseSnapshot, today: NaiveDate) -> Result<StanceDraft> {
        let mut draft = StanceDraft {
            opinion_id: opinion_id(case, required(&self.opinion, "--opinion", Self::NAME)?)?,
            topic_id: values::topic(
                case,
                "--topic",
                required(&self.topic, "--topic", Self::NAME)?,
            )?,
            stance: required(&self.stance, "--stance", Self::NAME)?.to_string(),
            detail: String::new(),
        };
        self.apply(&mut draft, case, today)?;
        Ok(draft)
    }

    fn apply(&self, draft: &mut StanceDraft, case: &CaseSnapshot, _: NaiveDate) -> Result<()> {
        if let Some(text) = &self.opinion {
            draft.opinion_id = opinion_id(case, text)?;
        }
        if let Some(text) = &self.topic {
            draft.topic_id = values::topic(case, "--topic", text)?;
        }
        set_required(&mut draft.stance, &self.stance, "--stance", Self::NAME)?;
        set(&mut draft.detail, &self.detail);
        Ok(())
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

impl Fields for TopicFields {
    type Draft = TopicDraft;
    const NAME: &'static str = "topic";

    fn create(&self, case: &CaseSnapshot, today: NaiveDate) -> Result<TopicDraft> {
        let last = case.topics.iter().map(|t| t.sort_order).max().unwrap_or(-1);
        let mut draft = TopicDraft {
            name: required(&self.name, "--name", Self::NAME)?.to_string(),
            sort_order: last + 1,
        };
        self.apply(&mut draft, case, today)?;
        Ok(draft)
    }

    fn apply(&self, draft: &mut TopicDraft, _: &CaseSnapshot, _: NaiveDate) -> Result<()> {
        set_required(&mut draft.name, &self.name, "--name", Self::NAME)?;
        if let Some(text) = &self.order {
            draft.sort_order = text
                .trim()
                .parse()
                .map_err(|_| anyhow::anyhow!("--order: '{}' is not a whole number", text.trim()))?;
        }
        Ok(())
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
    #[arg(long)]
    pub answer: Option<String>,
    /// The topic it is about, by name or id
    #[arg(long)]
    pub topic: Option<String>,
}

impl Fields for QuestionFields {
    type Draft = QuestionDraft;
    const NAME: &'static str = "question";

    fn create(&self, case: &CaseSnapshot, today: NaiveDate) -> Result<QuestionDraft> {
        let mut draft = QuestionDraft {
            doctor_id: None,
            text: required(&self.text, "--text", Self::NAME)?.to_string(),
            status: QuestionStatus::Open,
            answer: String::new(),
            asked_on: None,
            answered_on: None,
            topic_id: None,
            blind_text: String::new(),
            former_doctor: String::new(),
        };
        self.apply(&mut draft, case, today)?;
        Ok(draft)
    }

    fn apply(
        &self,
        draft: &mut QuestionDraft,
        case: &CaseSnapshot,
        today: NaiveDate,
    ) -> Result<()> {
        let before = draft.clone();
        if let Some(text) = &self.doctor {
            draft.doctor_id = values::doctor_or_any(case, "--doctor", text)?;
        }
        if let Some(text) = &self.topic {
            draft.topic_id = if text.trim().is_empty() {
                None
            } else {
                Some(values::topic(case, "--topic", text)?)
            };
        }
        set_required(&mut draft.text, &self.text, "--text", Self::NAME)?;
        draft.keep_unshown(&before);
        set(&mut draft.answer, &self.answer);
        if let Some(text) = &self.status {
            draft.status = values::choice("--status", text)?;
        }
        draft.settle(&before.answer, today);
        if draft.status == QuestionStatus::Answered && draft.answer.trim().is_empty() {
            anyhow::bail!(
                "--answer: an answered question needs its answer; give --answer, or --status asked"
            );
        }
        Ok(())
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

impl Fields for ItemFields {
    type Draft = ItemDraft;
    const NAME: &'static str = "item";

    fn create(&self, case: &CaseSnapshot, today: NaiveDate) -> Result<ItemDraft> {
        let mut draft = ItemDraft {
            kind: values::choice::<ItemKind>(
                "--kind",
                required(&self.kind, "--kind", Self::NAME)?,
            )?,
            description: required(&self.description, "--description", Self::NAME)?.to_string(),
            taken_on: None,
            facility: String::new(),
            form: ItemForm::Paper,
            is_original: false,
            held_by: String::new(),
            copy_of: None,
        };
        self.apply(&mut draft, case, today)?;
        Ok(draft)
    }

    fn apply(&self, draft: &mut ItemDraft, _: &CaseSnapshot, today: NaiveDate) -> Result<()> {
        if let Some(text) = &self.kind {
            draft.kind = values::choice("--kind", text)?;
        }
        if let Some(text) = &self.date {
            draft.taken_on = values::optional_date("--date", text, today)?;
        }
        if let Some(text) = &self.form {
            draft.form = values::choice("--form", text)?;
        }
        if let Some(text) = &self.original {
            draft.is_original = values::yes_no("--original", text)?;
        }
        set_required(
            &mut draft.description,
            &self.description,
            "--description",
            Self::NAME,
        )?;
        set(&mut draft.facility, &self.facility);
        set(&mut draft.held_by, &self.holder);
        draft.settle();
        Ok(())
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

fn item_id(case: &CaseSnapshot, text: &str) -> Result<i64> {
    let id = values::id("--item", text)?;
    case.item(id).map(|i| i.id).ok_or_else(|| {
        anyhow::anyhow!(
            "--item: there is no item with id {id}; `casefile list items` shows their ids"
        )
    })
}

impl Fields for MoveFields {
    type Draft = CustodyMoveDraft;
    const NAME: &'static str = "move";

    fn create(&self, case: &CaseSnapshot, today: NaiveDate) -> Result<CustodyMoveDraft> {
        let item_id = item_id(case, required(&self.item, "--item", Self::NAME)?)?;
        let holder = case
            .item(item_id)
            .map(|item| case.holder(item).to_string())
            .unwrap_or_default();
        let mut draft = CustodyMoveDraft {
            item_id,
            from: holder,
            to: required(&self.to, "--to", Self::NAME)?.to_string(),
            moved_on: today,
            method: String::new(),
            tracking: String::new(),
            direct: false,
            note: String::new(),
        };
        self.apply(&mut draft, case, today)?;
        Ok(draft)
    }

    fn apply(
        &self,
        draft: &mut CustodyMoveDraft,
        case: &CaseSnapshot,
        today: NaiveDate,
    ) -> Result<()> {
        if let Some(text) = &self.item {
            draft.item_id = item_id(case, text)?;
        }
        if let Some(text) = &self.date {
            draft.moved_on = values::date("--date", text, today)?;
        }
        if let Some(text) = &self.direct {
            draft.direct = values::yes_no("--direct", text)?;
        }
        set(&mut draft.from, &self.from);
        set_required(&mut draft.to, &self.to, "--to", Self::NAME)?;
        set(&mut draft.method, &self.method);
        set(&mut draft.tracking, &self.tracking);
        set(&mut draft.note, &self.note);
        Ok(())
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

impl Fields for RecipientFields {
    type Draft = ItemRecipientDraft;
    const NAME: &'static str = "recipient";

    fn create(&self, case: &CaseSnapshot, today: NaiveDate) -> Result<ItemRecipientDraft> {
        let mut draft = ItemRecipientDraft {
            item_id: item_id(case, required(&self.item, "--item", Self::NAME)?)?,
            doctor_id: values::doctor(
                case,
                "--doctor",
                required(&self.doctor, "--doctor", Self::NAME)?,
            )?,
            received_on: None,
            received_as: crate::domain::ReceivedAs::Item,
        };
        self.apply(&mut draft, case, today)?;
        Ok(draft)
    }

    fn apply(
        &self,
        draft: &mut ItemRecipientDraft,
        case: &CaseSnapshot,
        today: NaiveDate,
    ) -> Result<()> {
        if let Some(text) = &self.item {
            draft.item_id = item_id(case, text)?;
        }
        if let Some(text) = &self.doctor {
            draft.doctor_id = values::doctor(case, "--doctor", text)?;
        }
        if let Some(text) = &self.received {
            draft.received_on = values::optional_date("--received", text, today)?;
        }
        if let Some(text) = &self.received_as {
            draft.received_as = values::choice("--received-as", text)?;
        }
        Ok(())
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

impl Fields for RequestFields {
    type Draft = RecordRequestDraft;
    const NAME: &'static str = "request";

    fn create(&self, case: &CaseSnapshot, today: NaiveDate) -> Result<RecordRequestDraft> {
        let mut draft = RecordRequestDraft {
            to_whom: required(&self.to, "--to", Self::NAME)?.to_string(),
            what: required(&self.what, "--what", Self::NAME)?.to_string(),
            requested_on: today,
            method: String::new(),
            deliver_to_doctor: None,
            status: RequestStatus::Sent,
            local_limit_days: None,
            extended_on: None,
            received_on: None,
        };
        self.apply(&mut draft, case, today)?;
        Ok(draft)
    }

    fn apply(
        &self,
        draft: &mut RecordRequestDraft,
        case: &CaseSnapshot,
        today: NaiveDate,
    ) -> Result<()> {
        set_required(&mut draft.to_whom, &self.to, "--to", Self::NAME)?;
        set_required(&mut draft.what, &self.what, "--what", Self::NAME)?;
        set(&mut draft.method, &self.method);
        if let Some(text) = &self.requested_on {
            draft.requested_on = values::date("--requested-on", text, today)?;
        }
        if let Some(text) = &self.deliver_to {
            draft.deliver_to_doctor = if text.trim().eq_ignore_ascii_case("patient") {
                None
            } else {
                Some(values::doctor(case, "--deliver-to", text)?)
            };
        }
        if let Some(text) = &self.status {
            draft.status = values::choice("--status", text)?;
        }
        if let Some(text) = &self.local_limit {
            draft.local_limit_days = values::days("--local-limit", text)?;
        }
        if let Some(text) = &self.extended_on {
            draft.extended_on = values::optional_date("--extended-on", text, today)?;
        }
        Ok(())
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

fn request_id(case: &CaseSnapshot, text: &str) -> Result<i64> {
    let id = values::id("--request", text)?;
    case.requests.iter().find(|r| r.id == id).map(|r| r.id).ok_or_else(|| {
        anyhow::anyhow!("--request: there is no request with id {id}; `casefile list requests` shows their ids")
    })
}

impl Fields for FollowUpFields {
    type Draft = FollowUpDraft;
    const NAME: &'static str = "follow-up";

    fn create(&self, case: &CaseSnapshot, today: NaiveDate) -> Result<FollowUpDraft> {
        let mut draft = FollowUpDraft {
            request_id: request_id(case, required(&self.request, "--request", Self::NAME)?)?,
            on: today,
            by: String::new(),
            said: required(&self.said, "--said", Self::NAME)?.to_string(),
        };
        self.apply(&mut draft, case, today)?;
        Ok(draft)
    }

    fn apply(
        &self,
        draft: &mut FollowUpDraft,
        case: &CaseSnapshot,
        today: NaiveDate,
    ) -> Result<()> {
        if let Some(text) = &self.request {
            draft.request_id = request_id(case, text)?;
        }
        if let Some(text) = &self.date {
            draft.on = values::date("--date", text, today)?;
        }
        set(&mut draft.by, &self.by);
        set_required(&mut draft.said, &self.said, "--said", Self::NAME)?;
        Ok(())
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
    /// decision, appointment, insurance, treatment_start or custom [default: custom]
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

impl Fields for DeadlineFields {
    type Draft = DeadlineDraft;
    const NAME: &'static str = "deadline";

    fn create(&self, case: &CaseSnapshot, today: NaiveDate) -> Result<DeadlineDraft> {
        let mut draft = DeadlineDraft {
            title: required(&self.title, "--title", Self::NAME)?.to_string(),
            kind: DeadlineKind::Custom,
            due_on: values::date("--date", required(&self.date, "--date", Self::NAME)?, today)?,
            doctor_id: None,
            done: false,
            notes: String::new(),
        };
        self.apply(&mut draft, case, today)?;
        Ok(draft)
    }

    fn apply(
        &self,
        draft: &mut DeadlineDraft,
        case: &CaseSnapshot,
        today: NaiveDate,
    ) -> Result<()> {
        set_required(&mut draft.title, &self.title, "--title", Self::NAME)?;
        set(&mut draft.notes, &self.notes);
        if let Some(text) = &self.date {
            draft.due_on = values::date("--date", text, today)?;
        }
        if let Some(text) = &self.kind {
            let kind: DeadlineKind = values::choice("--kind", text)?;
            if kind == DeadlineKind::RequestDue {
                anyhow::bail!(
                    "--kind: request due dates come from the requests themselves; add a request instead"
                );
            }
            draft.kind = kind;
        }
        if let Some(text) = &self.doctor {
            draft.doctor_id = if text.trim().eq_ignore_ascii_case("none") {
                None
            } else {
                Some(values::doctor(case, "--doctor", text)?)
            };
        }
        if let Some(text) = &self.done {
            draft.done = values::yes_no("--done", text)?;
        }
        Ok(())
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

impl Fields for NoteFields {
    type Draft = NoteDraft;
    const NAME: &'static str = "note";

    fn create(&self, case: &CaseSnapshot, today: NaiveDate) -> Result<NoteDraft> {
        let mut draft = NoteDraft {
            on: None,
            body: required(&self.text, "--text", Self::NAME)?.to_string(),
        };
        self.apply(&mut draft, case, today)?;
        Ok(draft)
    }

    fn apply(&self, draft: &mut NoteDraft, case: &CaseSnapshot, _: NaiveDate) -> Result<()> {
        set_required(&mut draft.body, &self.text, "--text", Self::NAME)?;
        if let Some(text) = &self.on {
            draft.on = values::record_ref(case, "--on", text)?;
        }
        Ok(())
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

impl Fields for RequestItemFields {
    type Draft = crate::domain::RequestItemDraft;
    const NAME: &'static str = "request-item";

    fn create(&self, case: &CaseSnapshot, today: NaiveDate) -> Result<Self::Draft> {
        let mut draft = crate::domain::RequestItemDraft {
            request_id: request_id(case, required(&self.request, "--request", Self::NAME)?)?,
            item_id: item_id(case, required(&self.item, "--item", Self::NAME)?)?,
        };
        self.apply(&mut draft, case, today)?;
        Ok(draft)
    }

    fn apply(&self, draft: &mut Self::Draft, case: &CaseSnapshot, _: NaiveDate) -> Result<()> {
        if let Some(text) = &self.request {
            draft.request_id = request_id(case, text)?;
        }
        if let Some(text) = &self.item {
            draft.item_id = item_id(case, text)?;
        }
        Ok(())
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
}

impl Fields for CaseFields {
    type Draft = crate::domain::CaseDraft;
    const NAME: &'static str = "case";

    fn create(&self, _: &CaseSnapshot, _: NaiveDate) -> Result<Self::Draft> {
        Err(values::UsageError(
            "a case is started with `casefile init --patient NAME`, not added".into(),
        )
        .into())
    }

    fn apply(&self, draft: &mut Self::Draft, _: &CaseSnapshot, today: NaiveDate) -> Result<()> {
        set_required(&mut draft.patient, &self.patient, "--patient", Self::NAME)?;
        set(&mut draft.question, &self.question);
        if let Some(text) = &self.decide_by {
            draft.decide_by = values::optional_date("--decide-by", text, today)?;
        }
        if let Some(text) = &self.originals_away_days {
            draft.originals_away_days = values::days("--originals-away-days", text)?
                .unwrap_or(crate::domain::DEFAULT_ORIGINALS_AWAY_DAYS);
        }
        Ok(())
    }
}
