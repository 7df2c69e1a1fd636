//! The decision: the options before the patient, what matters about each,
//! what the people close to the patient think, how ready the patient
//! feels, and the choice itself. Who recommends an option is worked out
//! from the opinions' stances, never copied; the option grid is the
//! factors seen another way, never a second copy.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::choice::choice;
use super::text::normalize;
use super::{CaseSnapshot, Factor, Opinion, RecordId};

/// One way forward the patient may take.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OptionDraft {
    /// A few words: "Lumpectomy with radiation".
    pub name: String,
    pub description: String,
    /// The topic whose stance this option is (Treatment), if it came from
    /// the opinions.
    pub topic_id: Option<RecordId>,
    /// The stance the recommending opinions take on that topic; empty for
    /// an option the family wrote in itself.
    pub stance: String,
    /// Waiting, or doing nothing for now: watchful waiting, active
    /// surveillance, waiting for a result.
    pub waits: bool,
    /// The patient has set it aside; it stays in the list, dimmed.
    pub not_for_me: bool,
    pub not_for_me_because: String,
}

choice! {
    /// What a factor says of an option.
    FactorSide {
        Benefit => "benefit", "a benefit";
        Risk => "risk", "a risk";
        Unknown => "unknown", "not known yet";
    }
}

/// What the patient asks of every option: the grid's rows, besides any
/// the family adds.
pub const CONCERNS: &[&str] = &[
    "What it involves",
    "Recovery",
    "Chances of the main outcome",
    "Side effects",
    "Cost",
];

/// The most a factor can matter.
pub const MOST_WEIGHT: i64 = 5;

/// One thing about one option that may matter to the patient.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactorDraft {
    pub option_id: RecordId,
    pub side: FactorSide,
    /// The grid's row it answers: one of [`CONCERNS`] or the family's own.
    pub concern: String,
    pub text: String,
    /// How much it matters to the patient, 0 (not at all) to 5; None
    /// until the patient says.
    pub weight: Option<i64>,
    /// "x in N over T": how many people of `out_of` it happens to...
    pub chance: Option<i64>,
    pub out_of: Option<i64>,
    /// ...and over what time ("10 years").
    pub over: String,
    /// Where it was said: a doctor's opinion, a doctor's answer to a
    /// question, a document; none of them: the patient's own.
    pub opinion_id: Option<RecordId>,
    pub answer_id: Option<RecordId>,
    pub document: String,
}

/// Where a factor comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Opinion(RecordId),
    Answer(RecordId),
    Document,
    Own,
}

impl FactorDraft {
    pub fn source(&self) -> Source {
        match (self.opinion_id, self.answer_id) {
            (Some(id), _) => Source::Opinion(id),
            (None, Some(id)) => Source::Answer(id),
            (None, None) if !self.document.trim().is_empty() => Source::Document,
            (None, None) => Source::Own,
        }
    }

    /// "5 in 100 over 10 years", when a figure is given.
    pub fn figure(&self) -> Option<String> {
        let (chance, out_of) = (self.chance?, self.out_of?);
        let over = self.over.trim();
        Some(if over.is_empty() {
            format!("{chance} in {out_of}")
        } else {
            format!("{chance} in {out_of} over {over}")
        })
    }
}

/// How much a factor matters, as stars with the number beside them, so
/// that a screen reader and a terminal without colour read the same.
pub fn stars(weight: Option<i64>) -> String {
    match weight {
        None => "not rated".to_string(),
        Some(weight) => {
            let weight = weight.clamp(0, MOST_WEIGHT);
            let full = "★".repeat(weight as usize);
            let empty = "☆".repeat((MOST_WEIGHT - weight) as usize);
            format!("{full}{empty} {weight}/{MOST_WEIGHT}")
        }
    }
}

choice! {
    /// Whether a person close to the patient feels pressure, or puts it on.
    Pressure {
        None => "none", "no pressure";
        Feels => "feels", "feels pressure";
        Puts => "puts", "puts pressure on";
        Both => "both", "feels and puts pressure";
    }
}

choice! {
    /// Whether someone can stand behind the patient's choice.
    Support {
        Yes => "yes", "can support it";
        Unsure => "unsure", "not sure yet";
        No => "no", "cannot support it";
    }
}

/// What someone close to the patient thinks of the options.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ViewDraft {
    /// Whose view it is (the writer's own unless someone else's is
    /// written down for them).
    pub person: String,
    /// The option they prefer; None for none.
    pub prefers: Option<RecordId>,
    pub pressure: Pressure,
    pub supports: Support,
    pub note: String,
}

/// Which option the patient leans to now; a new one each time it changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeaningDraft {
    /// None while the patient is unsure.
    pub option_id: Option<RecordId>,
    pub note: String,
}

/// The four questions of the readiness check, in casefile's words: the key
/// each answer is kept under, and the question.
pub const READINESS: [(&str, &str); 4] = [
    ("sure", "Do I feel sure which choice is best for me?"),
    (
        "knows",
        "Do I know the benefits and the risks of each option?",
    ),
    (
        "values_clear",
        "Am I clear which benefits and risks matter most to me?",
    ),
    (
        "supported",
        "Do I have enough support and advice to choose?",
    ),
];

/// One taking of the readiness check: yes or no to each question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckDraft {
    pub taken_on: NaiveDate,
    pub sure: bool,
    pub knows: bool,
    pub values_clear: bool,
    pub supported: bool,
}

impl CheckDraft {
    pub fn answers(&self) -> [bool; 4] {
        [self.sure, self.knows, self.values_clear, self.supported]
    }

    pub fn noes(&self) -> usize {
        self.answers().iter().filter(|yes| !**yes).count()
    }

    /// "3 of 4 yes".
    pub fn score(&self) -> String {
        format!("{} of 4 yes", 4 - self.noes())
    }
}

/// The choice the patient made, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionDraft {
    pub option_id: RecordId,
    pub decided_on: NaiveDate,
    /// Why, in the patient's words; the factors that weighed most are
    /// offered.
    pub reasons: String,
    /// What would make the patient look at it again.
    pub look_again_if: String,
    pub look_again_on: Option<NaiveDate>,
}

/// The opinions that recommend `option`: those whose stance on its topic
/// is its stance, or one declared the same. Worked out every time, so a
/// stance changed later changes the list.
pub fn recommended_by<'a>(case: &'a CaseSnapshot, option: &OptionDraft) -> Vec<&'a Opinion> {
    let Some(topic_id) = option.topic_id else {
        return Vec::new();
    };
    if option.stance.trim().is_empty() {
        return Vec::new();
    }
    let key = super::conflict::stance_key(topic_id, &case.equivalences, &option.stance);
    let mut opinions: Vec<&Opinion> = case
        .stances
        .iter()
        .filter(|s| {
            s.topic_id == topic_id
                && super::conflict::stance_key(topic_id, &case.equivalences, &s.stance) == key
        })
        .filter_map(|s| case.opinion(s.opinion_id))
        .collect();
    opinions.sort_by_key(|o| (o.given_on, o.id));
    opinions.dedup_by_key(|o| o.id);
    opinions
}

/// The names of the doctors whose opinions recommend `option`.
pub fn recommenders(case: &CaseSnapshot, option: &OptionDraft) -> Vec<String> {
    let mut names: Vec<String> = recommended_by(case, option)
        .iter()
        .map(|o| case.doctor_name(Some(o.doctor_id)).to_string())
        .collect();
    names.dedup();
    names
}

/// The topic options are offered from: the one named Treatment.
pub fn treatment_topic(case: &CaseSnapshot) -> Option<RecordId> {
    case.topics
        .iter()
        .find(|t| normalize(&t.name) == normalize("Treatment"))
        .map(|t| t.id)
}

/// The words of the option to wait, offered in every case.
pub const WAIT_NAME: &str = "Wait, or do nothing for now";
pub const WAIT_DESCRIPTION: &str = "Watchful waiting or active surveillance: no treatment yet, \
     with check-ups, or waiting for a result before choosing.";

/// The options the opinions' stances on Treatment give that the case does
/// not hold yet (one for each different stance, equivalences counted as
/// one), and the option to wait when there is none.
pub fn offered_options(case: &CaseSnapshot) -> Vec<OptionDraft> {
    let mut offered = Vec::new();
    if let Some(topic_id) = treatment_topic(case) {
        let key = |stance: &str| super::conflict::stance_key(topic_id, &case.equivalences, stance);
        let held: Vec<String> = case
            .options
            .iter()
            .filter(|o| o.topic_id == Some(topic_id))
            .map(|o| key(&o.stance))
            .collect();
        let mut seen = held;
        let mut stances: Vec<&super::Stance> = case
            .stances
            .iter()
            .filter(|s| s.topic_id == topic_id && !s.stance.trim().is_empty())
            .collect();
        stances.sort_by_key(|s| {
            case.opinion(s.opinion_id)
                .map(|o| (o.given_on, o.id))
                .unwrap_or_default()
        });
        for stance in stances {
            let k = key(&stance.stance);
            if seen.contains(&k) {
                continue;
            }
            seen.push(k);
            offered.push(OptionDraft {
                name: stance.stance.trim().to_string(),
                description: stance.detail.trim().to_string(),
                topic_id: Some(topic_id),
                stance: stance.stance.trim().to_string(),
                waits: false,
                not_for_me: false,
                not_for_me_because: String::new(),
            });
        }
    }
    if !has_wait(case) {
        offered.push(wait_option());
    }
    offered
}

pub fn wait_option() -> OptionDraft {
    OptionDraft {
        name: WAIT_NAME.to_string(),
        description: WAIT_DESCRIPTION.to_string(),
        topic_id: None,
        stance: String::new(),
        waits: true,
        not_for_me: false,
        not_for_me_because: String::new(),
    }
}

/// Whether the case holds an option to wait.
pub fn has_wait(case: &CaseSnapshot) -> bool {
    case.options.iter().any(|o| o.waits)
}

/// One cell of the option grid: what the factors of one option say on one
/// concern.
#[derive(Debug, Clone, PartialEq)]
pub struct GridCell {
    pub factor_ids: Vec<RecordId>,
    /// True when two sources said different things here.
    pub differs: bool,
}

/// Options as columns, concerns as rows: the factors, pivoted.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionGrid {
    pub option_ids: Vec<RecordId>,
    pub concerns: Vec<String>,
    /// One row per concern, one cell per option.
    pub cells: Vec<Vec<GridCell>>,
}

impl OptionGrid {
    pub fn build(case: &CaseSnapshot) -> Self {
        let option_ids: Vec<RecordId> = case.options.iter().map(|o| o.id).collect();
        let mut concerns: Vec<String> = CONCERNS.iter().map(|c| c.to_string()).collect();
        for factor in &case.factors {
            let concern = factor.concern.trim();
            if !concern.is_empty() && !concerns.iter().any(|c| normalize(c) == normalize(concern)) {
                concerns.push(concern.to_string());
            }
        }
        let cells = concerns
            .iter()
            .map(|concern| {
                option_ids
                    .iter()
                    .map(|&option_id| {
                        let factors: Vec<&Factor> = case
                            .factors
                            .iter()
                            .filter(|f| {
                                f.option_id == option_id
                                    && normalize(&f.concern) == normalize(concern)
                            })
                            .collect();
                        GridCell {
                            factor_ids: factors.iter().map(|f| f.id).collect(),
                            differs: sources_differ(case, &factors),
                        }
                    })
                    .collect()
            })
            .collect();
        OptionGrid {
            option_ids,
            concerns,
            cells,
        }
    }
}

/// Whether two doctors said different things among `factors`.
fn sources_differ(case: &CaseSnapshot, factors: &[&Factor]) -> bool {
    let said: Vec<(Option<RecordId>, String, Option<String>)> = factors
        .iter()
        .filter(|f| f.side != FactorSide::Unknown)
        .map(|f| (who_said(case, f), normalize(&f.text), f.figure()))
        .filter(|(doctor, _, _)| doctor.is_some())
        .collect();
    said.iter().any(|(doctor, text, figure)| {
        said.iter()
            .any(|(d, t, fig)| d != doctor && (t != text || fig != figure))
    })
}

/// The doctor behind a factor, through the opinion or the answer it came
/// from.
pub fn who_said(case: &CaseSnapshot, factor: &FactorDraft) -> Option<RecordId> {
    match factor.source() {
        Source::Opinion(id) => case.opinion(id).map(|o| o.doctor_id),
        Source::Answer(id) => case
            .questions
            .iter()
            .find(|q| q.id == id)
            .and_then(|q| q.doctor_id),
        Source::Document | Source::Own => None,
    }
}

/// Where a factor comes from, in words: "Dr. Lee's opinion of 3 Nov",
/// "Dr. Lee's answer", "the pathology report", "my own".
pub fn source_words(case: &CaseSnapshot, factor: &FactorDraft) -> String {
    match factor.source() {
        Source::Opinion(id) => match case.opinion(id) {
            Some(o) => format!(
                "{}, opinion of {}",
                case.doctor_name(Some(o.doctor_id)),
                o.given_on.format("%-d %b %Y")
            ),
            None => "an opinion no longer in the case".to_string(),
        },
        Source::Answer(id) => match case.questions.iter().find(|q| q.id == id) {
            Some(q) => match q.answered_on {
                Some(on) => format!("{}, answer of {}", case.asked_of(q), on.format("%-d %b %Y")),
                None => format!("{}, answer", case.asked_of(q)),
            },
            None => "an answer no longer in the case".to_string(),
        },
        Source::Document => factor.document.trim().to_string(),
        Source::Own => "my own".to_string(),
    }
}

/// The figure other options give for the same concern: its N and T, so
/// that the chances of one outcome are told the same way across options.
pub fn same_scale(
    case: &CaseSnapshot,
    concern: &str,
    option_id: RecordId,
) -> Option<(i64, String)> {
    case.factors
        .iter()
        .filter(|f| normalize(&f.concern) == normalize(concern) && f.option_id != option_id)
        .find_map(|f| Some((f.out_of?, f.over.clone())))
}

/// The question raised from an unknown factor, if one was.
pub fn question_of(case: &CaseSnapshot, factor_id: RecordId) -> Option<&super::Question> {
    case.questions
        .iter()
        .filter(|q| q.factor_id == Some(factor_id))
        .max_by_key(|q| (q.status == super::QuestionStatus::Answered, q.id))
}

/// Who may record the patient's leaning and the decision: the patient
/// (the case's patient name as the writer, whole or the first name alone,
/// as the family writes it), or the writer the patient named for it.
pub fn may_decide(case: &CaseSnapshot, writer: &str) -> bool {
    let Some(info) = case.case.as_ref() else {
        return false;
    };
    let same = |a: &str, b: &str| !a.trim().is_empty() && normalize(a) == normalize(b);
    let first_name = info.patient.split_whitespace().next().unwrap_or_default();
    same(&info.patient, writer) || same(first_name, writer) || same(&info.decision_writer, writer)
}

/// Why a writer may not record the decision, in words for them.
pub fn not_theirs(case: &CaseSnapshot, writer: &str) -> String {
    let patient = case
        .case
        .as_ref()
        .map_or("the patient", |c| c.patient.as_str());
    format!(
        "Only {} can record this: it is the patient's own choice. You are writing as {}; \
         your own view goes with the views of the people close to the patient \
         (v in the Decide pane, or casefile add view)",
        super::text::inert(patient),
        super::text::inert(writer)
    )
}

/// A next step after a "no" in the readiness check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextStep {
    /// Not knowing the benefits and risks: the unknown factors, and
    /// questions to raise from them.
    AskAboutUnknowns { unknown: usize },
    /// Not clear what matters most: rate the factors.
    RateFactors { unrated: usize },
    /// Not enough support: the family's views, and the appointment packet.
    GetSupport,
    /// Not sure: the conflicts still open, the deadline, and the time the
    /// doctors said there is.
    LookAtWhatIsOpen { conflicts: usize },
}

impl NextStep {
    pub fn words(self) -> String {
        match self {
            NextStep::AskAboutUnknowns { unknown: 0 } => {
                "Write down what you do not know about each option as a factor \"not known yet\", \
                 then ask a doctor (Q on the factor)"
                    .to_string()
            }
            NextStep::AskAboutUnknowns { unknown } => format!(
                "{unknown} thing{} not known yet: ask a doctor about each (Q on the factor)",
                if unknown == 1 { " is" } else { "s are" }
            ),
            NextStep::RateFactors { unrated: 0 } => {
                "Look again at how much each factor matters to you (0 to 5 stars)".to_string()
            }
            NextStep::RateFactors { unrated } => format!(
                "{unrated} factor{} not rated: say how much each matters to you (0 to 5 stars)",
                if unrated == 1 { " is" } else { "s are" }
            ),
            NextStep::GetSupport => {
                "Talk it over with the people close to you (v records each view), and take \
                 your questions to a doctor (p in the Doctors pane writes the appointment packet)"
                    .to_string()
            }
            NextStep::LookAtWhatIsOpen { conflicts: 0 } => {
                "See how much time the doctors said you have, and the decision deadline".to_string()
            }
            NextStep::LookAtWhatIsOpen { conflicts } => format!(
                "{conflicts} disagreement{} between the doctors {} still open: ask them to talk to \
                 each other, or get a further opinion (3 shows the conflicts)",
                if conflicts == 1 { "" } else { "s" },
                if conflicts == 1 { "is" } else { "are" }
            ),
        }
    }
}

/// What each "no" of `check` leads to, in the order of the questions.
pub fn next_steps(case: &CaseSnapshot, check: &CheckDraft) -> Vec<NextStep> {
    let mut steps = Vec::new();
    if !check.sure {
        steps.push(NextStep::LookAtWhatIsOpen {
            conflicts: open_conflicts(case),
        });
    }
    if !check.knows {
        steps.push(NextStep::AskAboutUnknowns {
            unknown: case
                .factors
                .iter()
                .filter(|f| f.side == FactorSide::Unknown && !is_answered(case, f.id))
                .count(),
        });
    }
    if !check.values_clear {
        steps.push(NextStep::RateFactors {
            unrated: case.factors.iter().filter(|f| f.weight.is_none()).count(),
        });
    }
    if !check.supported {
        steps.push(NextStep::GetSupport);
    }
    steps
}

fn is_answered(case: &CaseSnapshot, factor_id: RecordId) -> bool {
    question_of(case, factor_id).is_some_and(|q| q.status == super::QuestionStatus::Answered)
}

/// How many of the doctors' disagreements are still open.
pub fn open_conflicts(case: &CaseSnapshot) -> usize {
    case.conflicts()
        .iter()
        .filter(|c| c.status.is_open())
        .count()
}

/// What the doctors said of how much time there is, each by name.
pub fn time_said(case: &CaseSnapshot) -> Vec<(String, String)> {
    case.opinions
        .iter()
        .filter(|o| !o.urgency.trim().is_empty())
        .map(|o| {
            (
                case.doctor_name(Some(o.doctor_id)).to_string(),
                o.urgency.trim().to_string(),
            )
        })
        .collect()
}

/// The readiness checks, newest first.
pub fn checks_newest_first(case: &CaseSnapshot) -> Vec<&super::ReadinessCheck> {
    let mut checks: Vec<&super::ReadinessCheck> = case.checks.iter().collect();
    checks.sort_by_key(|c| std::cmp::Reverse((c.taken_on, c.id)));
    checks
}

/// The patient's leaning now: the newest one recorded.
pub fn leaning(case: &CaseSnapshot) -> Option<&super::Leaning> {
    case.leanings
        .iter()
        .max_by_key(|l| (l.stamp.updated_at, l.id))
}

/// The decision, once made (a case holds one; a revision saves over it).
pub fn decision(case: &CaseSnapshot) -> Option<&super::Decision> {
    case.decisions.iter().max_by_key(|d| d.id)
}

/// The options ranked for the decision's reasons: the factors of
/// `option_id` that matter most, by stars, most first.
pub fn weightiest(case: &CaseSnapshot, option_id: RecordId) -> Vec<&Factor> {
    let mut factors: Vec<&Factor> = case
        .factors
        .iter()
        .filter(|f| f.option_id == option_id && f.side != FactorSide::Unknown)
        .filter(|f| f.weight.unwrap_or(0) > 0)
        .collect();
    factors.sort_by_key(|f| (std::cmp::Reverse(f.weight.unwrap_or(0)), f.id));
    factors
}

/// The reasons a decision form starts with: the weightiest factors, one a
/// line.
pub fn offered_reasons(case: &CaseSnapshot, option_id: RecordId) -> String {
    weightiest(case, option_id)
        .iter()
        .take(4)
        .map(|f| {
            let side = match f.side {
                FactorSide::Benefit => "For",
                FactorSide::Risk => "Against",
                FactorSide::Unknown => "Unknown",
            };
            format!("{side}: {} ({})", f.text.trim(), stars(f.weight))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The opinions a choice of `option_id` follows, and those it goes
/// against (an opinion that recommends another option).
pub fn follows_and_against(
    case: &CaseSnapshot,
    option_id: RecordId,
) -> (Vec<&Opinion>, Vec<&Opinion>) {
    let Some(chosen) = case.options.iter().find(|o| o.id == option_id) else {
        return (Vec::new(), Vec::new());
    };
    let follows = recommended_by(case, chosen);
    let mut against: Vec<&Opinion> = Vec::new();
    for other in case.options.iter().filter(|o| o.id != option_id) {
        for opinion in recommended_by(case, other) {
            if !follows.iter().any(|f| f.id == opinion.id)
                && !against.iter().any(|a| a.id == opinion.id)
            {
                against.push(opinion);
            }
        }
    }
    (follows, against)
}

/// What is still open when a decision is recorded: the conflicts and the
/// questions not yet answered, in words, for the patient to see before
/// going on.
pub fn still_open(case: &CaseSnapshot) -> Vec<String> {
    let mut open = Vec::new();
    for conflict in case.conflicts().iter().filter(|c| c.status.is_open()) {
        let topic = case
            .topic(conflict.topic_id)
            .map_or("a topic", |t| t.name.as_str());
        open.push(format!(
            "The doctors still disagree on {}",
            super::text::inert(topic)
        ));
    }
    let unanswered = case
        .questions
        .iter()
        .filter(|q| q.status.is_outstanding())
        .count();
    if unanswered > 0 {
        open.push(format!(
            "{unanswered} question{} still without an answer",
            if unanswered == 1 { " is" } else { "s are" }
        ));
    }
    open
}

/// A gentle prompt from the patient guides, in casefile's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prompt {
    /// A fourth or later opinion on the same question.
    ManyOpinions(usize),
    /// The deadline is within a week and the doctors still disagree.
    DeadlineNearWithConflicts { days: i64, conflicts: usize },
    /// A "no" in a readiness check taken within three days of the
    /// deadline.
    NotReadyNearDeadline { days: i64 },
}

impl Prompt {
    pub fn words(&self) -> String {
        match self {
            Prompt::ManyOpinions(n) => format!(
                "This case now holds {n} opinions on the same question. Another opinion can \
                 help, and so can asking: am I still looking for the answer, or for a doctor \
                 who agrees with me?"
            ),
            Prompt::DeadlineNearWithConflicts { days, conflicts } => format!(
                "{} and the doctors still disagree on {conflicts} topic{}. You could ask them \
                 to talk to each other, or seek a further opinion, and then trust your own \
                 judgement.",
                days_words(*days),
                if *conflicts == 1 { "" } else { "s" }
            ),
            Prompt::NotReadyNearDeadline { days } => format!(
                "{} and your last readiness check had a \"no\". Its next steps are below; \
                 you may also ask your doctors whether the date can move.",
                days_words(*days)
            ),
        }
    }
}

fn days_words(days: i64) -> String {
    match days {
        d if d < 0 => format!(
            "The decision deadline passed {} day{} ago",
            -d,
            if d == -1 { "" } else { "s" }
        ),
        0 => "The decision is due today".to_string(),
        1 => "The decision is due tomorrow".to_string(),
        d => format!("The decision is due in {d} days"),
    }
}

/// The prompts that apply to the case today. None once the decision is
/// made, except the one about many opinions, which is about the search
/// itself.
pub fn prompts(case: &CaseSnapshot, today: NaiveDate) -> Vec<Prompt> {
    let mut prompts = Vec::new();
    let opinions = case.opinions.len();
    if opinions >= 4 {
        prompts.push(Prompt::ManyOpinions(opinions));
    }
    if decision(case).is_some() {
        return prompts;
    }
    if let Some(days) = case.days_to_decision(today) {
        let conflicts = open_conflicts(case);
        if days <= 7 && conflicts > 0 {
            prompts.push(Prompt::DeadlineNearWithConflicts { days, conflicts });
        }
        if let (Some(check), Some(decide_by)) = (
            checks_newest_first(case).first(),
            case.case.as_ref().and_then(|c| c.decide_by),
        ) {
            let before = super::dates::days_between(check.taken_on, decide_by);
            if check.noes() > 0 && (0..=3).contains(&before) {
                prompts.push(Prompt::NotReadyNearDeadline { days });
            }
        }
    }
    prompts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::test_record as stored;
    use crate::domain::{
        CaseDraft, EquivalenceDraft, OpinionDraft, QuestionDraft, QuestionStatus, StanceDraft,
        TopicDraft,
    };

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap_or_default()
    }

    /// Three opinions on Treatment: two say surgery in different words,
    /// one says to wait.
    fn case() -> CaseSnapshot {
        let mut case = CaseSnapshot {
            case: Some(stored(
                1,
                CaseDraft {
                    patient: "Maria".into(),
                    decide_by: Some(day(20)),
                    ..CaseDraft::default()
                },
            )),
            ..CaseSnapshot::default()
        };
        case.topics = vec![stored(
            1,
            TopicDraft {
                name: "Treatment".into(),
                sort_order: 1,
            },
        )];
        for (id, given) in [(10, 1), (11, 2), (12, 3)] {
            case.opinions
                .push(stored(id, OpinionDraft::new(id - 9, day(given))));
        }
        for (id, opinion, stance) in [
            (20, 10, "Mastectomy"),
            (21, 11, "Total mastectomy"),
            (22, 12, "Watch and wait"),
        ] {
            case.stances.push(stored(
                id,
                StanceDraft {
                    opinion_id: opinion,
                    topic_id: 1,
                    stance: stance.into(),
                    detail: String::new(),
                },
            ));
        }
        case
    }

    fn option(id: RecordId, stance: &str) -> crate::domain::DecisionOption {
        stored(
            id,
            OptionDraft {
                name: stance.into(),
                description: String::new(),
                topic_id: Some(1),
                stance: stance.into(),
                waits: false,
                not_for_me: false,
                not_for_me_because: String::new(),
            },
        )
    }

    fn factor(id: RecordId, option_id: RecordId, concern: &str, text: &str) -> Factor {
        stored(
            id,
            FactorDraft {
                option_id,
                side: FactorSide::Benefit,
                concern: concern.into(),
                text: text.into(),
                weight: None,
                chance: None,
                out_of: None,
                over: String::new(),
                opinion_id: None,
                answer_id: None,
                document: String::new(),
            },
        )
    }

    #[test]
    fn the_recommending_doctors_follow_the_stances_and_their_equivalences() {
        let mut case = case();
        let mastectomy = option(30, "Mastectomy");
        let ids = |case: &CaseSnapshot, o: &OptionDraft| -> Vec<RecordId> {
            recommended_by(case, o).iter().map(|o| o.id).collect()
        };
        assert_eq!(ids(&case, &mastectomy), [10]);
        case.equivalences.push(stored(
            40,
            EquivalenceDraft {
                topic_id: 1,
                stance: "Total mastectomy".into(),
                same_as: "mastectomy".into(),
            },
        ));
        assert_eq!(ids(&case, &mastectomy), [10, 11]);
        // A stance changed later changes who recommends the option.
        case.stances[2].data.stance = "MASTECTOMY".into();
        assert_eq!(ids(&case, &mastectomy), [10, 11, 12]);
    }

    #[test]
    fn the_offered_options_are_the_stances_not_yet_held_and_always_the_option_to_wait() {
        let mut case = case();
        let names = |case: &CaseSnapshot| -> Vec<String> {
            offered_options(case).into_iter().map(|o| o.name).collect()
        };
        assert_eq!(
            names(&case),
            [
                "Mastectomy",
                "Total mastectomy",
                "Watch and wait",
                WAIT_NAME
            ]
        );
        case.equivalences.push(stored(
            40,
            EquivalenceDraft {
                topic_id: 1,
                stance: "Total mastectomy".into(),
                same_as: "Mastectomy".into(),
            },
        ));
        case.options.push(option(30, "Mastectomy"));
        assert_eq!(names(&case), ["Watch and wait", WAIT_NAME]);
        let mut wait = option(31, "");
        wait.data = wait_option();
        case.options.push(wait);
        assert_eq!(names(&case), ["Watch and wait"]);
    }

    #[test]
    fn the_grid_pivots_the_factors_and_marks_where_doctors_differ() {
        let mut case = case();
        case.options = vec![option(30, "Mastectomy"), option(31, "Watch and wait")];
        let mut a = factor(50, 30, "Recovery", "Four to six weeks");
        a.data.opinion_id = Some(10);
        let mut b = factor(51, 30, "recovery", "Two weeks");
        b.data.opinion_id = Some(11);
        let c = factor(52, 31, "Peace of mind", "I would worry every day");
        case.factors = vec![a, b, c];
        let grid = OptionGrid::build(&case);
        assert_eq!(grid.option_ids, [30, 31]);
        assert_eq!(grid.concerns.len(), CONCERNS.len() + 1);
        assert_eq!(
            grid.concerns.last().map(String::as_str),
            Some("Peace of mind")
        );
        let recovery = &grid.cells[1];
        assert_eq!(recovery[0].factor_ids, [50, 51]);
        assert!(recovery[0].differs, "two doctors, two answers");
        assert!(recovery[1].factor_ids.is_empty());
        let own = &grid.cells[CONCERNS.len()];
        assert_eq!(own[1].factor_ids, [52]);
        assert!(
            !own[1].differs,
            "the patient's own words differ from nobody"
        );
        // The same doctor saying the same thing twice is no difference.
        case.factors[1].data.opinion_id = Some(10);
        case.factors[1].data.text = "four to six weeks".into();
        assert!(!OptionGrid::build(&case).cells[1][0].differs);
    }

    #[test]
    fn each_no_leads_to_its_next_step() {
        let mut case = case();
        case.options = vec![option(30, "Mastectomy")];
        let mut unknown = factor(50, 30, "Recovery", "How long off work?");
        unknown.data.side = FactorSide::Unknown;
        case.factors = vec![unknown, factor(51, 30, "Cost", "Covered")];
        let check = CheckDraft {
            taken_on: day(5),
            sure: false,
            knows: false,
            values_clear: false,
            supported: false,
        };
        let steps = next_steps(&case, &check);
        assert_eq!(
            steps,
            [
                NextStep::LookAtWhatIsOpen { conflicts: 1 },
                NextStep::AskAboutUnknowns { unknown: 1 },
                NextStep::RateFactors { unrated: 2 },
                NextStep::GetSupport,
            ]
        );
        // An unknown whose question was answered is known now.
        case.questions.push(stored(
            60,
            QuestionDraft {
                doctor_id: Some(1),
                text: "How long off work?".into(),
                status: QuestionStatus::Answered,
                answer: "Three weeks".into(),
                asked_on: Some(day(6)),
                answered_on: Some(day(7)),
                topic_id: None,
                blind_text: String::new(),
                former_doctor: String::new(),
                factor_id: Some(50),
            },
        ));
        let all_yes = CheckDraft {
            sure: true,
            knows: true,
            values_clear: true,
            supported: true,
            ..check.clone()
        };
        assert!(next_steps(&case, &all_yes).is_empty());
        assert_eq!(
            next_steps(
                &case,
                &CheckDraft {
                    knows: false,
                    ..all_yes
                }
            ),
            [NextStep::AskAboutUnknowns { unknown: 0 }]
        );
    }

    #[test]
    fn only_the_patient_or_the_writer_she_named_may_decide() {
        let mut case = case();
        assert!(may_decide(&case, "Maria"));
        assert!(may_decide(&case, " maria "));
        assert!(!may_decide(&case, "Daniel"));
        if let Some(info) = case.case.as_mut() {
            info.data.patient = "Maria Alvarez".into();
        }
        assert!(may_decide(&case, "Maria Alvarez"));
        assert!(
            may_decide(&case, "Maria"),
            "her first name, as the family writes it"
        );
        assert!(!may_decide(&case, "Alvarez"));
        if let Some(info) = case.case.as_mut() {
            info.data.decision_writer = "Daniel".into();
        }
        assert!(may_decide(&case, "Daniel"));
        assert!(!may_decide(&case, ""));
    }

    #[test]
    fn the_prompts_come_when_their_conditions_hold() {
        let mut case = case();
        // Three opinions, the deadline 10 days away, a conflict open.
        assert!(prompts(&case, day(10)).is_empty());
        // A week away, with the doctors still disagreeing.
        assert_eq!(
            prompts(&case, day(13)),
            [Prompt::DeadlineNearWithConflicts {
                days: 7,
                conflicts: 1
            }]
        );
        // A fourth opinion.
        case.opinions.push(stored(13, OpinionDraft::new(4, day(4))));
        assert_eq!(prompts(&case, day(10)), [Prompt::ManyOpinions(4)]);
        case.opinions.pop();
        // A "no" four days before the deadline is not yet near it; three is.
        let check = |id, on| {
            stored(
                id,
                CheckDraft {
                    taken_on: on,
                    sure: true,
                    knows: false,
                    values_clear: true,
                    supported: true,
                },
            )
        };
        case.checks = vec![check(70, day(16))];
        assert!(
            !prompts(&case, day(16))
                .iter()
                .any(|p| matches!(p, Prompt::NotReadyNearDeadline { .. }))
        );
        case.checks.push(check(71, day(17)));
        assert!(prompts(&case, day(17)).contains(&Prompt::NotReadyNearDeadline { days: 3 }));
    }

    #[test]
    fn stars_carry_their_number() {
        assert_eq!(stars(Some(3)), "★★★☆☆ 3/5");
        assert_eq!(stars(Some(0)), "☆☆☆☆☆ 0/5");
        assert_eq!(stars(None), "not rated");
    }
}
