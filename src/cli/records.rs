//! `init`, `add`, `edit`, `delete`, `list` and `show`: the records of a
//! case from the shell, written through the same store calls as the TUI.

use std::io::Write;

use anyhow::{Result, anyhow, bail};
use chrono::NaiveDate;
use clap::{Subcommand, ValueEnum};
use serde::Serialize;
use serde_json::{Value, json};

use super::fields::*;
use super::values::{self, UsageError};
use crate::app::form::Form;
use crate::app::forms::{self, Saving};
use crate::domain::decision;
use crate::domain::kinds::with_draft_type;
use crate::domain::text::inert;
use crate::domain::{
    CaseDraft, CaseSnapshot, Choice, Kind as _, RecordId, RecordKind, RecordRef, Stored,
};
use crate::store::{Store, Table};

/// `add KIND --field value ...`
#[derive(Debug, Subcommand)]
pub enum AddCommand {
    /// A doctor on the care team
    Doctor(DoctorFields),
    /// What one doctor concluded on one date
    Opinion(OpinionFields),
    /// What one opinion says on one topic: a stance in a few words, and
    /// its detail
    #[command(alias = "position")]
    Stance(StanceFields),
    /// A topic for the opinion grid
    Topic(TopicFields),
    /// A question for a doctor, or for any doctor
    Question(QuestionFields),
    /// A scan, set of slides, tissue block or report
    Item(ItemFields),
    /// A custody move: an item went from one holder to another
    Move(MoveFields),
    /// A doctor who needs an item, and when they received it
    Recipient(RecipientFields),
    /// A request for records
    Request(RequestFields),
    /// A follow-up on a record request
    FollowUp(FollowUpFields),
    /// An item a record request asks for
    RequestItem(RequestItemFields),
    /// A deadline or an appointment
    Deadline(DeadlineFields),
    /// A note on the case or on any record
    Note(NoteFields),
    /// One way forward the patient may take; the opinions whose
    /// Treatment stance it is recommend it
    #[command(name = "option")]
    DecisionOption(OptionFields),
    /// A benefit, a risk or something not known yet about one option,
    /// and how much it matters to the patient
    Factor(FactorFields),
    /// What someone close to the patient thinks: the writer's own view,
    /// unless --person names whose it is
    View(ViewFields),
    /// The option the patient leans to now (the patient only)
    Leaning(LeaningFields),
    /// The readiness check: four questions, each answered yes or no
    Check(CheckFields),
    /// The patient's decision (the patient only). It names what is still
    /// open and asks first; without a terminal to ask on, give --yes
    Decision(AddDecision),
}

/// `add decision`: the decision's fields, and --yes.
#[derive(Debug, clap::Args)]
pub struct AddDecision {
    #[command(flatten)]
    pub fields: DecisionFields,
    /// Record it without asking first, even with something still open
    #[arg(long, short = 'y')]
    pub yes: bool,
}

/// `edit KIND ID --field value ...`: flags left out keep their values.
#[derive(Debug, Subcommand)]
pub enum EditCommand {
    /// The case itself: the patient, the question, the decision date
    Case {
        #[command(flatten)]
        fields: CaseFields,
    },
    Doctor {
        id: RecordId,
        #[command(flatten)]
        fields: DoctorFields,
    },
    Opinion {
        id: RecordId,
        #[command(flatten)]
        fields: OpinionFields,
    },
    #[command(alias = "position")]
    Stance {
        id: RecordId,
        #[command(flatten)]
        fields: StanceFields,
    },
    Topic {
        id: RecordId,
        #[command(flatten)]
        fields: TopicFields,
    },
    Question {
        id: RecordId,
        #[command(flatten)]
        fields: QuestionFields,
    },
    Item {
        id: RecordId,
        #[command(flatten)]
        fields: ItemFields,
    },
    Move {
        id: RecordId,
        #[command(flatten)]
        fields: MoveFields,
    },
    Recipient {
        id: RecordId,
        #[command(flatten)]
        fields: RecipientFields,
    },
    Request {
        id: RecordId,
        #[command(flatten)]
        fields: RequestFields,
    },
    FollowUp {
        id: RecordId,
        #[command(flatten)]
        fields: FollowUpFields,
    },
    RequestItem {
        id: RecordId,
        #[command(flatten)]
        fields: RequestItemFields,
    },
    Deadline {
        id: RecordId,
        #[command(flatten)]
        fields: DeadlineFields,
    },
    Note {
        id: RecordId,
        #[command(flatten)]
        fields: NoteFields,
    },
    #[command(name = "option")]
    DecisionOption {
        id: RecordId,
        #[command(flatten)]
        fields: OptionFields,
    },
    Factor {
        id: RecordId,
        #[command(flatten)]
        fields: FactorFields,
    },
    View {
        id: RecordId,
        #[command(flatten)]
        fields: ViewFields,
    },
    Leaning {
        id: RecordId,
        #[command(flatten)]
        fields: LeaningFields,
    },
    Check {
        id: RecordId,
        #[command(flatten)]
        fields: CheckFields,
    },
    /// Revise the decision; the history keeps the earlier version
    Decision {
        /// The decision's id [default: the case's decision]
        id: Option<RecordId>,
        #[command(flatten)]
        fields: DecisionFields,
    },
}

/// The kinds of record `show`, `delete` and `list` take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    #[value(alias = "doctors")]
    Doctor,
    #[value(alias = "opinions")]
    Opinion,
    #[value(alias = "stances", alias = "position", alias = "positions")]
    Stance,
    #[value(alias = "topics")]
    Topic,
    #[value(alias = "questions")]
    Question,
    #[value(alias = "items")]
    Item,
    #[value(alias = "studies")]
    Study,
    #[value(alias = "moves")]
    Move,
    #[value(alias = "recipients")]
    Recipient,
    #[value(alias = "requests")]
    Request,
    #[value(name = "follow-up", alias = "follow-ups")]
    FollowUp,
    #[value(name = "request-item", alias = "request-items")]
    RequestItem,
    #[value(alias = "deadlines")]
    Deadline,
    #[value(alias = "notes")]
    Note,
    #[value(name = "option", alias = "options")]
    DecisionOption,
    #[value(alias = "factors")]
    Factor,
    #[value(alias = "views")]
    View,
    #[value(alias = "leanings")]
    Leaning,
    #[value(alias = "checks")]
    Check,
    #[value(alias = "decisions")]
    Decision,
    /// Computed from the stances: topics where opinions differ
    #[value(alias = "conflict")]
    Conflicts,
}

impl Kind {
    /// The kind of record this is, or None for the conflicts, which are
    /// worked out rather than stored.
    fn record_kind(self) -> Option<RecordKind> {
        Some(match self {
            Kind::Doctor => RecordKind::Doctor,
            Kind::Opinion => RecordKind::Opinion,
            Kind::Stance => RecordKind::Stance,
            Kind::Topic => RecordKind::Topic,
            Kind::Question => RecordKind::Question,
            Kind::Item => RecordKind::Item,
            Kind::Study => RecordKind::Study,
            Kind::Move => RecordKind::CustodyMove,
            Kind::Recipient => RecordKind::ItemRecipient,
            Kind::Request => RecordKind::Request,
            Kind::FollowUp => RecordKind::FollowUp,
            Kind::RequestItem => RecordKind::RequestItem,
            Kind::Deadline => RecordKind::Deadline,
            Kind::Note => RecordKind::Note,
            Kind::DecisionOption => RecordKind::DecisionOption,
            Kind::Factor => RecordKind::Factor,
            Kind::View => RecordKind::View,
            Kind::Leaning => RecordKind::Leaning,
            Kind::Check => RecordKind::ReadinessCheck,
            Kind::Decision => RecordKind::Decision,
            Kind::Conflicts => return None,
        })
    }

    /// The kind as it is typed: `follow-up`.
    fn name(self) -> String {
        self.to_possible_value()
            .map(|v| v.get_name().to_string())
            .unwrap_or_default()
    }
}

/// What every command here needs.
pub struct Context<'a> {
    pub store: &'a mut Store,
    pub today: NaiveDate,
}

impl Context<'_> {
    fn case(&mut self) -> Result<CaseSnapshot> {
        let case = self.store.snapshot()?;
        if case.case.is_none() {
            bail!(
                "{} holds no case yet; start one with `casefile init --patient NAME`",
                self.store.path().display()
            );
        }
        Ok(case)
    }
}

/// `init`: starts a case, with the default topics, in an empty file.
pub fn init(
    ctx: &mut Context<'_>,
    patient: &str,
    question: Option<&str>,
    decide_by: Option<&str>,
) -> Result<RecordId> {
    if patient.trim().is_empty() {
        return Err(UsageError("--patient needs the patient's name".into()).into());
    }
    if ctx.store.case()?.is_some() {
        bail!(
            "{} already holds a case; choose another file with --db",
            ctx.store.path().display()
        );
    }
    let draft = CaseDraft {
        patient: patient.trim().to_string(),
        question: question.unwrap_or_default().trim().to_string(),
        decide_by: decide_by
            .map(|text| values::date("--decide-by", text, ctx.today))
            .transpose()?,
        is_demo: false,
        originals_away_days: crate::domain::DEFAULT_ORIGINALS_AWAY_DAYS,
        decision_writer: String::new(),
    };
    ctx.store.start_case(&draft)
}

/// A record of `kind` in words for a message: "doctor 3 "Dr. Lena
/// Brooks"", "recipient 4 "Breast MRI" for Dr. Samuel Okafor".
fn in_words<D: Serialize>(
    case: &CaseSnapshot,
    name: &str,
    kind: crate::domain::RecordKind,
    id: RecordId,
    data: &D,
) -> String {
    let words = serde_json::to_value(data)
        .map(|json| crate::domain::named(kind, &json, &|record| case.words_of(record)))
        .unwrap_or_default();
    if words.is_empty() {
        format!("{name} {id}")
    } else {
        format!("{name} {id} {words}")
    }
}

/// The field errors of a form as one line, each named by its flag: the
/// form's own words, as the TUI shows them beside the field.
fn refused(form: &Form, flags: &[(Flag, Option<&str>)], errors: &[(String, String)]) -> String {
    errors
        .iter()
        .map(|(key, error)| {
            let name = flags
                .iter()
                .find(|(flag, _)| flag.key == key)
                .map(|(flag, _)| flag.name.to_string())
                .or_else(|| {
                    form.fields
                        .iter()
                        .find(|field| field.key == *key)
                        .map(|field| field.label.clone())
                });
            match name {
                Some(name) => format!("{name}: {error}"),
                None => error.clone(),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Fills the form's fields from the flags given, as the TUI's form would
/// be filled by typing and picking.
fn fill(form: &mut Form, given: &[values::Given]) -> Result<()> {
    for given in given {
        match given.flag.reads {
            Reads::On => form.belongs_to = given.names,
            _ => forms::fill(form, given.flag.key, &given.value)
                .map_err(|error| anyhow!("{}: {error}", given.flag.name))?,
        }
    }
    Ok(())
}

/// What the form saves, read with the form's rules.
fn read(
    ctx: &Context<'_>,
    form: &Form,
    case: &CaseSnapshot,
    flags: &[(Flag, Option<&str>)],
) -> Result<Saving> {
    forms::draft(form, case, ctx.today, ctx.store.author())
        .map_err(|errors| anyhow!("{}", refused(form, flags, &errors)))
}

/// Saves what a form read, through the same store calls as the TUI.
fn save(store: &mut Store, saving: &Saving, editing: Option<(RecordId, i64)>) -> Result<RecordId> {
    match saving {
        Saving::Record(draft) => store.save(draft, editing),
        Saving::Opinion { opinion, stances } => store.save_opinion(opinion, editing, stances),
        Saving::Receipt(_) => bail!("a request's answer is recorded with R in the Requests pane"),
        Saving::ReadDisc { .. } => bail!("a disc is imported with: casefile import disc PATH"),
    }
}

/// `add`: the kind's form, opened from the records the flags name as the
/// TUI opens it from the records on screen, filled from the flags and
/// read with the form's rules.
fn add_one<F: Flags>(ctx: &mut Context<'_>, fields: &F) -> Result<Option<(RecordId, String)>> {
    add_asking(ctx, fields, &mut |_| Ok(true))
}

/// `add`, asking `go_on` with the case once the form has read what the
/// flags say and before anything is written: None when the answer is no.
fn add_asking<F: Flags>(
    ctx: &mut Context<'_>,
    fields: &F,
    go_on: &mut dyn FnMut(&CaseSnapshot) -> Result<bool>,
) -> Result<Option<(RecordId, String)>> {
    let case = ctx.case()?;
    let flags = fields.flags();
    // A flag left out is a usage error; one given empty is the form's to
    // refuse, in its own words.
    if let Some((flag, _)) = flags
        .iter()
        .find(|(flag, text)| flag.needed_to_add && text.is_none())
    {
        return Err(UsageError(format!(
            "adding a {name} needs {} (see casefile add {name} --help)",
            flag.name,
            name = F::NAME
        ))
        .into());
    }
    let given = values::given(&case, &flags)?;
    let opened_from: Vec<RecordRef> = given.iter().filter_map(|g| g.names).collect();
    let mut form =
        forms::add(F::Draft::KIND, &case, ctx.today, &opened_from).ok_or_else(|| {
            anyhow!(
                "this case holds nothing a {name} could be added to yet (see casefile add {name} --help)",
                name = F::NAME
            )
        })?;
    fill(&mut form, &given)?;
    let saving = read(ctx, &form, &case, &flags)?;
    if !go_on(&case)? {
        return Ok(None);
    }
    let id = save(ctx.store, &saving, None)?;
    let added = ctx
        .store
        .get::<F::Draft>(id)?
        .ok_or_else(|| missing(F::NAME, id))?;
    let said = format!(
        "Added {}.",
        in_words(&case, F::NAME, F::Draft::KIND, id, &added.data)
    );
    Ok(Some((id, said)))
}

/// A question asked before a write, on the terminal: what to know first,
/// the question, and the words of the refusal when there is no terminal
/// to ask on and no --yes.
pub struct Ask {
    pub lines: Vec<String>,
    pub question: String,
    pub refusal: String,
}

/// `add decision`: one a case. What is still open (conflicts, questions
/// without an answer) is named first, and `confirm` asked whether to go
/// on.
fn add_decision(
    ctx: &mut Context<'_>,
    add: &AddDecision,
    confirm: &mut dyn FnMut(&Ask) -> Result<bool>,
) -> Result<Option<(RecordId, String)>> {
    let case = ctx.case()?;
    if let Some(decision) = crate::domain::decision::decision(&case) {
        bail!(
            "this case already holds its decision (decision {}); revise it with `casefile edit decision`, and the history keeps the earlier version",
            decision.id
        );
    }
    add_asking(ctx, &add.fields, &mut |case| {
        let open = crate::domain::decision::still_open(case);
        if open.is_empty() || add.yes {
            return Ok(true);
        }
        let lines: Vec<String> = open.iter().map(|line| format!("- {line}.")).collect();
        confirm(&Ask {
            lines: std::iter::once("Still open:".to_string())
                .chain(lines)
                .collect(),
            question: "Record the decision anyway? [y/N] ".into(),
            refusal: format!(
                "no decision was recorded: casefile asks first while something is still open ({}), \
                 and there is no terminal here to ask on; add --yes to record it",
                open.iter()
                    .map(|line| lower_first(line))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        })
    })
}

/// A line in the middle of a sentence: its first letter small.
fn lower_first(line: &str) -> String {
    let mut chars = line.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `add`: the new record's id, and what was added in words; None when
/// the user, asked first, said no.
pub fn add(
    ctx: &mut Context<'_>,
    command: &AddCommand,
    confirm: &mut dyn FnMut(&Ask) -> Result<bool>,
) -> Result<Option<(RecordId, String)>> {
    match command {
        AddCommand::Doctor(f) => add_one(ctx, f),
        AddCommand::Opinion(f) => add_one(ctx, f),
        AddCommand::Stance(f) => add_one(ctx, f),
        AddCommand::Topic(f) => add_one(ctx, f),
        AddCommand::Question(f) => add_one(ctx, f),
        AddCommand::Item(f) => add_one(ctx, f),
        AddCommand::Move(f) => add_one(ctx, f),
        AddCommand::Recipient(f) => add_one(ctx, f),
        AddCommand::Request(f) => add_one(ctx, f),
        AddCommand::FollowUp(f) => add_one(ctx, f),
        AddCommand::RequestItem(f) => add_one(ctx, f),
        AddCommand::Deadline(f) => add_one(ctx, f),
        AddCommand::Note(f) => add_one(ctx, f),
        AddCommand::DecisionOption(f) => add_one(ctx, f),
        AddCommand::Factor(f) => add_one(ctx, f),
        AddCommand::View(f) => add_one(ctx, f),
        AddCommand::Leaning(f) => add_one(ctx, f),
        AddCommand::Check(f) => add_one(ctx, f),
        AddCommand::Decision(d) => add_decision(ctx, d, confirm),
    }
}

fn missing(kind: &str, id: RecordId) -> anyhow::Error {
    if kind == "conflicts" {
        return anyhow!("there is no conflict on topic {id}; `casefile list conflicts` shows them");
    }
    anyhow!("there is no {kind} with id {id}; `casefile list {kind}s` shows their ids")
}

/// The fields that differ between two versions of a record, in words:
/// "answer, status, asked on".
fn changed_fields<D: Serialize>(before: &D, after: &D) -> String {
    let (Ok(Value::Object(before)), Ok(Value::Object(after))) =
        (serde_json::to_value(before), serde_json::to_value(after))
    else {
        return String::new();
    };
    after
        .iter()
        .filter(|(key, value)| before.get(*key) != Some(*value))
        .map(|(key, _)| crate::domain::field_label(key).to_lowercase())
        .collect::<Vec<_>>()
        .join(", ")
}

/// `edit`: the record's form, as the TUI opens it, with the fields whose
/// flags were given changed, read with the form's rules.
fn edit_one<F: Flags>(ctx: &mut Context<'_>, id: RecordId, fields: &F) -> Result<String> {
    let case = ctx.case()?;
    let record = RecordRef {
        kind: F::Draft::KIND,
        id,
    };
    let before = ctx
        .store
        .get::<F::Draft>(id)?
        .ok_or_else(|| missing(F::NAME, id))?;
    let opened = forms::edit(record, &case).ok_or_else(|| missing(F::NAME, id))?;
    let flags = fields.flags();
    let given = values::given(&case, &flags)?;
    let mut form = opened.clone();
    fill(&mut form, &given)?;
    let saving = read(ctx, &form, &case, &flags)?;
    let unchanged = forms::draft(&opened, &case, ctx.today, ctx.store.author()).ok();
    if unchanged.as_ref() == Some(&saving) {
        return Err(UsageError(format!(
            "nothing to change: give at least one flag with a new value (see casefile edit {} --help)",
            F::NAME
        ))
        .into());
    }
    save(ctx.store, &saving, form.target.editing)?;
    let after = ctx
        .store
        .get::<F::Draft>(id)?
        .ok_or_else(|| missing(F::NAME, id))?;
    Ok(format!(
        "Changed {}: {}.",
        in_words(&case, F::NAME, F::Draft::KIND, id, &after.data),
        changed_fields(&before.data, &after.data)
    ))
}

/// `edit`: what was changed, in words.
pub fn edit(ctx: &mut Context<'_>, command: &EditCommand) -> Result<String> {
    match command {
        EditCommand::Case { fields } => {
            let id = ctx.case()?.case.map(|case| case.id).unwrap_or_default();
            edit_one(ctx, id, fields)
        }
        EditCommand::Doctor { id, fields } => edit_one(ctx, *id, fields),
        EditCommand::Opinion { id, fields } => edit_one(ctx, *id, fields),
        EditCommand::Stance { id, fields } => edit_one(ctx, *id, fields),
        EditCommand::Topic { id, fields } => edit_one(ctx, *id, fields),
        EditCommand::Question { id, fields } => edit_one(ctx, *id, fields),
        EditCommand::Item { id, fields } => edit_one(ctx, *id, fields),
        EditCommand::Move { id, fields } => edit_one(ctx, *id, fields),
        EditCommand::Recipient { id, fields } => edit_one(ctx, *id, fields),
        EditCommand::Request { id, fields } => edit_one(ctx, *id, fields),
        EditCommand::FollowUp { id, fields } => edit_one(ctx, *id, fields),
        EditCommand::RequestItem { id, fields } => edit_one(ctx, *id, fields),
        EditCommand::Deadline { id, fields } => edit_one(ctx, *id, fields),
        EditCommand::Note { id, fields } => edit_one(ctx, *id, fields),
        EditCommand::DecisionOption { id, fields } => edit_one(ctx, *id, fields),
        EditCommand::Factor { id, fields } => edit_one(ctx, *id, fields),
        EditCommand::View { id, fields } => edit_one(ctx, *id, fields),
        EditCommand::Leaning { id, fields } => edit_one(ctx, *id, fields),
        EditCommand::Check { id, fields } => edit_one(ctx, *id, fields),
        EditCommand::Decision { id, fields } => {
            let id = match id {
                Some(id) => *id,
                None => crate::domain::decision::decision(&ctx.case()?)
                    .map(|d| d.id)
                    .ok_or_else(|| {
                        anyhow!(
                            "this case holds no decision yet; record it with `casefile add decision`"
                        )
                    })?,
            };
            edit_one(ctx, id, fields)
        }
    }
}

/// What a delete is about to do, or did, in one line per kind.
pub struct DeleteReport {
    /// The record, in words: `doctor 1 "Dr. Helen Park"`.
    pub what: String,
    /// One line for each kind of what goes with it and what stays.
    pub lines: Vec<String>,
}

impl DeleteReport {
    fn of(
        case: &CaseSnapshot,
        what: String,
        target: crate::domain::RecordRef,
        plan: &crate::store::DeletePlan,
        done: bool,
    ) -> Self {
        let mut lines = Vec::new();
        let goes = plan.summary();
        if !goes.is_empty() {
            lines.push(if done {
                format!("Removed with it: {goes}.")
            } else {
                format!("With it go: {goes}.")
            });
        }
        let kept = plan.unlinked_summary();
        if !kept.is_empty() {
            lines.push(format!("Kept, without the link: {kept}."));
        }
        let for_any = plan.for_any_doctor().len();
        if for_any > 0 {
            lines.push(format!(
                "{} never asked of that doctor {} for any doctor now, on the next doctor's packet.",
                if for_any == 1 {
                    "1 question".to_string()
                } else {
                    format!("{for_any} questions")
                },
                if for_any == 1 { "is" } else { "are" }
            ));
        }
        if !plan.keeps_name.is_empty() {
            let doctor = case.words_of(target).unwrap_or_default();
            let questions: Vec<String> = plan
                .keeps_name
                .iter()
                .map(|q| {
                    let text = case.words_of(*q).unwrap_or_default();
                    let short: String = text.chars().take(40).collect();
                    if short.chars().count() < text.chars().count() {
                        format!("\"{short}…\"")
                    } else {
                        format!("\"{short}\"")
                    }
                })
                .collect();
            let count = match questions.len() {
                1 => "1 question".to_string(),
                n => format!("{n} questions"),
            };
            lines.push(format!(
                "Kept, still for {} (no longer in the case): {count} asked of or answered by that doctor ({}).",
                inert(&doctor),
                inert(&questions.join(", "))
            ));
        }
        DeleteReport { what, lines }
    }
}

fn delete_one<D: Table>(
    ctx: &mut Context<'_>,
    name: &str,
    id: RecordId,
    confirm: &mut dyn FnMut(&DeleteReport) -> Result<bool>,
) -> Result<Option<DeleteReport>> {
    let case = ctx.case()?;
    let record = ctx.store.get::<D>(id)?.ok_or_else(|| missing(name, id))?;
    let target = crate::domain::RecordRef { kind: D::KIND, id };
    let what = in_words(&case, name, D::KIND, id, &record.data);
    let plan = ctx.store.delete_plan(target)?;
    if !confirm(&DeleteReport::of(&case, what.clone(), target, &plan, false))? {
        return Ok(None);
    }
    let done = ctx.store.delete_record(target, record.stamp.version)?;
    Ok(Some(DeleteReport::of(&case, what, target, &done, true)))
}

/// `delete`: asks `confirm` with what would go, then deletes; what went,
/// or None when the answer was no.
pub fn delete(
    ctx: &mut Context<'_>,
    kind: Kind,
    id: RecordId,
    confirm: &mut dyn FnMut(&DeleteReport) -> Result<bool>,
) -> Result<Option<DeleteReport>> {
    let Some(record_kind) = kind.record_kind() else {
        return Err(UsageError(
            "conflicts are worked out from the stances and cannot be deleted; change a stance instead".into(),
        )
        .into());
    };
    let name = kind.name();
    with_draft_type!(record_kind, D => delete_one::<D>(ctx, &name, id, confirm))
}

fn to_json<T: Serialize>(value: &T) -> Result<Value> {
    Ok(serde_json::to_value(value)?)
}

/// Every record of a kind as JSON objects, with what is worked out from
/// them: a request's `due_by` and `days_left`, an item's `holder`.
fn json_records(case: &CaseSnapshot, kind: Kind, today: NaiveDate) -> Result<Vec<Value>> {
    fn each<D: Serialize>(records: &[Stored<D>]) -> Result<Vec<Value>> {
        records.iter().map(to_json).collect()
    }
    let Some(record_kind) = kind.record_kind() else {
        return Ok(conflicts_json(case));
    };
    Ok(match record_kind {
        RecordKind::Question => case
            .questions
            .iter()
            .map(|question| {
                let mut value = to_json(question)?;
                value["for"] = json!(case.asked_of(question));
                Ok(value)
            })
            .collect::<Result<_>>()?,
        RecordKind::Item => case
            .items
            .iter()
            .map(|item| {
                let mut value = to_json(item)?;
                value["holder"] = json!(case.holder(item));
                Ok(value)
            })
            .collect::<Result<_>>()?,
        RecordKind::Request => case
            .requests
            .iter()
            .map(|request| {
                let mut value = to_json(request)?;
                value["due_by"] = json!(request.due_by());
                value["days_left"] = json!(request.days_left(today));
                value["overdue"] = json!(request.is_overdue(today));
                Ok(value)
            })
            .collect::<Result<_>>()?,
        // Who recommends an option is worked out from the stances each
        // time, never stored.
        RecordKind::DecisionOption => case
            .options
            .iter()
            .map(|option| {
                let mut value = to_json(option)?;
                value["recommended_by"] = json!(decision::recommenders(case, option));
                Ok(value)
            })
            .collect::<Result<_>>()?,
        RecordKind::Factor => case
            .factors
            .iter()
            .map(|factor| {
                let mut value = to_json(factor)?;
                value["option"] = json!(option_name(case, Some(factor.option_id)));
                value["figure"] = json!(factor.figure());
                value["said_by"] = json!(decision::source_words(case, factor));
                value["stars"] = json!(decision::stars(factor.weight));
                Ok(value)
            })
            .collect::<Result<_>>()?,
        RecordKind::View => case
            .views
            .iter()
            .map(|view| {
                let mut value = to_json(view)?;
                value["prefers_option"] = json!(option_name(case, view.prefers));
                Ok(value)
            })
            .collect::<Result<_>>()?,
        RecordKind::Leaning => case
            .leanings
            .iter()
            .map(|leaning| {
                let mut value = to_json(leaning)?;
                value["option"] = json!(option_name(case, leaning.option_id));
                value["now"] =
                    json!(decision::leaning(case).is_some_and(|now| now.id == leaning.id));
                Ok(value)
            })
            .collect::<Result<_>>()?,
        RecordKind::ReadinessCheck => case
            .checks
            .iter()
            .map(|check| {
                let mut value = to_json(check)?;
                value["score"] = json!(check.score());
                value["next_steps"] = json!(
                    decision::next_steps(case, check)
                        .iter()
                        .map(|step| step.words())
                        .collect::<Vec<_>>()
                );
                Ok(value)
            })
            .collect::<Result<_>>()?,
        RecordKind::Decision => case
            .decisions
            .iter()
            .map(|chosen| {
                let mut value = to_json(chosen)?;
                let (follows, against) = decision::follows_and_against(case, chosen.option_id);
                let doctors = |opinions: Vec<&crate::domain::Opinion>| -> Vec<String> {
                    let mut names: Vec<String> = opinions
                        .iter()
                        .map(|o| case.doctor_name(Some(o.doctor_id)).to_string())
                        .collect();
                    names.dedup();
                    names
                };
                value["option"] = json!(option_name(case, Some(chosen.option_id)));
                value["follows"] = json!(doctors(follows));
                value["goes_against"] = json!(doctors(against));
                Ok(value)
            })
            .collect::<Result<_>>()?,
        // The rest are their records as the file holds them.
        other => with_draft_type!(other, D => each(D::list(case))?),
    })
}

/// The name of an option, for the records that point at one.
fn option_name(case: &CaseSnapshot, id: Option<RecordId>) -> Option<String> {
    let id = id?;
    case.options
        .iter()
        .find(|o| o.id == id)
        .map(|o| o.name.clone())
}

/// The conflicts, worked out from the stances, as JSON objects.
fn conflicts_json(case: &CaseSnapshot) -> Vec<Value> {
    case.conflicts()
        .iter()
        .map(|conflict| {
            let grid = case.grid();
            let stances: Vec<Value> = grid
                .rows
                .iter()
                .find(|row| row.topic_id == conflict.topic_id)
                .map(|row| {
                    row.cells
                        .iter()
                        .zip(&grid.opinion_ids)
                        .filter_map(|(cell, opinion_id)| {
                            let cell = cell.as_ref()?;
                            let doctor_id = case.opinion(*opinion_id)?.doctor_id;
                            Some(json!({
                                "opinion_id": opinion_id,
                                "doctor": case.doctor_name(Some(doctor_id)),
                                "stance": cell.stance,
                                "group": cell.group,
                            }))
                        })
                        .collect()
                })
                .unwrap_or_default();
            let same_as: Vec<Value> = case
                .equivalences
                .iter()
                .filter(|e| e.topic_id == conflict.topic_id)
                .map(|e| json!({"id": e.id, "stance": e.stance, "same_as": e.same_as}))
                .collect();
            let questions: Vec<i64> = case
                .questions
                .iter()
                .filter(|q| q.topic_id == Some(conflict.topic_id))
                .map(|q| q.id)
                .collect();
            json!({
                "topic_id": conflict.topic_id,
                "topic": conflict.topic,
                "status": conflict.status.key(),
                "resolution": conflict.resolution,
                "settled": conflict.settled,
                "changed_since": conflict.changed_since,
                "needs_attention": conflict.needs_attention(),
                "distinct_stances": conflict.distinct,
                "stances": stances,
                "same_as": same_as,
                "questions": questions,
            })
        })
        .collect()
}

/// The columns `list` prints for a kind, without `--json`.
fn columns(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Doctor => &["id", "name", "specialty", "institution"],
        Kind::Opinion => &["id", "given_on", "doctor_id", "form", "recommendation"],
        Kind::Stance => &["id", "opinion_id", "topic_id", "stance"],
        Kind::Topic => &["id", "sort_order", "name"],
        Kind::Question => &["id", "status", "for", "text"],
        Kind::Item => &["id", "kind", "is_original", "holder", "description"],
        Kind::Study => &[
            "id",
            "item_id",
            "taken_on",
            "modality",
            "images",
            "description",
        ],
        Kind::Move => &["id", "item_id", "moved_on", "from", "to"],
        Kind::Recipient => &["id", "item_id", "doctor_id", "received_on"],
        Kind::Request => &["id", "status", "due_by", "days_left", "to_whom"],
        Kind::FollowUp => &["id", "request_id", "on", "by", "said"],
        Kind::RequestItem => &["id", "request_id", "item_id"],
        Kind::Deadline => &["id", "due_on", "kind", "done", "title"],
        Kind::Note => &["id", "created_at", "created_by", "body"],
        Kind::DecisionOption => &["id", "name", "recommended_by", "not_for_me"],
        Kind::Factor => &["id", "option", "side", "concern", "stars", "text"],
        Kind::View => &["id", "person", "prefers_option", "supports", "pressure"],
        Kind::Leaning => &["id", "created_at", "created_by", "now", "option"],
        Kind::Check => &["id", "taken_on", "created_by", "score"],
        Kind::Decision => &["id", "decided_on", "option", "look_again_on"],
        Kind::Conflicts => &[
            "topic_id",
            "topic",
            "status",
            "distinct_stances",
            "settled",
            "resolution",
        ],
    }
}

/// A JSON value as one short line of plain text.
fn plain(value: &Value) -> String {
    let text = match value {
        Value::Null => "—".to_string(),
        Value::String(text) => text.clone(),
        Value::Bool(true) => "yes".into(),
        Value::Bool(false) => "no".into(),
        Value::Array(values) if values.is_empty() => "—".to_string(),
        Value::Array(values) => values
            .iter()
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    };
    // The lines join with a space; a long one is cut with … below.
    let line = inert(text.trim());
    if line.chars().count() > 60 {
        format!("{}…", line.chars().take(59).collect::<String>())
    } else {
        line
    }
}

pub fn list(ctx: &mut Context<'_>, kind: Kind, as_json: bool, out: &mut dyn Write) -> Result<()> {
    let case = ctx.case()?;
    let records = json_records(&case, kind, ctx.today)?;
    if as_json {
        writeln!(out, "{}", serde_json::to_string_pretty(&records)?)?;
        return Ok(());
    }
    let columns = columns(kind);
    let rows: Vec<Vec<String>> = records
        .iter()
        .map(|record| columns.iter().map(|c| plain(&record[*c])).collect())
        .collect();
    let widths: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain([c.len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: Vec<String>| {
        cells
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    writeln!(
        out,
        "{}",
        line(columns.iter().map(|c| c.to_string()).collect())
    )?;
    for row in rows {
        writeln!(out, "{}", line(row))?;
    }
    Ok(())
}

pub fn show(
    ctx: &mut Context<'_>,
    kind: Kind,
    id: RecordId,
    as_json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let case = ctx.case()?;
    let key = if kind == Kind::Conflicts {
        "topic_id"
    } else {
        "id"
    };
    let record = json_records(&case, kind, ctx.today)?
        .into_iter()
        .find(|record| record[key] == json!(id))
        .ok_or_else(|| missing(&kind.name(), id))?;
    if as_json {
        writeln!(out, "{}", serde_json::to_string_pretty(&record)?)?;
        return Ok(());
    }
    if let Value::Object(fields) = &record {
        for (field, value) in fields {
            let text = match value {
                Value::String(text) => text.lines().map(inert).collect::<Vec<_>>().join("\n    "),
                Value::Array(values) if values.iter().all(Value::is_string) => inert(
                    &values
                        .iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                Value::Object(_) | Value::Array(_) => inert(&value.to_string()),
                other => plain(other),
            };
            writeln!(out, "{field}: {text}")?;
        }
    }
    Ok(())
}
