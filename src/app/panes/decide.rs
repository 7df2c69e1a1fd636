//! Decide: the options and who recommends each, the factors of the
//! selected one (or the option grid), the people close to the patient,
//! the readiness checks with their next steps, and the decision.
//!
//! The pane is in sections; ←/→ (h/l) move between them and j/k within
//! one. `g` shows the option grid in their place, where ←/→ move between
//! options instead.

use super::selected;
use crate::app::editing::{open, say, show, warn};
use crate::app::forms;
use crate::app::keymap::Scope::Decide;
use crate::app::keymap::{Binding, ENTER, LEFT, RIGHT, ch, help, hint};
use crate::app::{Action, AfterYes, App, Confirm, Effect, Pane};
use crate::domain::decision::{
    NextStep, OptionGrid, checks_newest_first, next_steps, offered_options, question_of, still_open,
};
use crate::domain::text::inert;
use crate::domain::{
    CaseSnapshot, Choice, DecisionOption, Factor, FactorSide, QuestionStatus, RecordId, RecordKind,
    RecordRef,
};

/// A part of the Decide pane that the cursor moves in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Section {
    #[default]
    Options,
    Factors,
    Involved,
    Readiness,
    Decision,
}

impl Section {
    pub const ALL: [Section; 5] = [
        Section::Options,
        Section::Factors,
        Section::Involved,
        Section::Readiness,
        Section::Decision,
    ];

    /// Its place, from 0, left to right.
    pub fn index(self) -> usize {
        Section::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// Its heading on screen.
    pub fn title(self) -> &'static str {
        match self {
            Section::Options => "Options",
            Section::Factors => "What matters",
            Section::Involved => "Who else is involved",
            Section::Readiness => "Am I ready?",
            Section::Decision => "My decision",
        }
    }
}

/// Where the Decide pane is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DecideView {
    /// The section the cursor is in.
    pub section: Section,
    /// The selected row of each section, by [`Section::index`].
    pub rows: [usize; 5],
    /// The option grid is shown instead of the sections.
    pub grid: bool,
    /// The grid's selected cell: the concern's row and the option's column.
    pub cell: (usize, usize),
}

/// One row of the readiness section: a check, or one of the next steps of
/// the newest check, listed under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadinessRow {
    Check(RecordId),
    Step(NextStep),
}

/// The options, in the order they were added.
pub fn options(case: &CaseSnapshot) -> Vec<&DecisionOption> {
    case.options.iter().collect()
}

/// The factors of one option: benefits, then risks, then what is not
/// known yet, each in the order added.
pub fn factors_of(case: &CaseSnapshot, option_id: RecordId) -> Vec<&Factor> {
    let mut factors: Vec<&Factor> = case
        .factors
        .iter()
        .filter(|f| f.option_id == option_id)
        .collect();
    let rank = |side: FactorSide| match side {
        FactorSide::Benefit => 0,
        FactorSide::Risk => 1,
        FactorSide::Unknown => 2,
    };
    factors.sort_by_key(|f| (rank(f.side), f.id));
    factors
}

/// The rows of the section about the people involved: each view, then the
/// patient's own leaning.
pub fn involved_rows(case: &CaseSnapshot) -> Vec<RecordRef> {
    let mut rows: Vec<RecordRef> = case
        .views
        .iter()
        .map(|v| reference(RecordKind::View, v.id))
        .collect();
    if let Some(leaning) = crate::domain::decision::leaning(case) {
        rows.push(reference(RecordKind::Leaning, leaning.id));
    }
    rows
}

/// The checks, newest first, with the newest one's next steps under it.
pub fn readiness_rows(case: &CaseSnapshot) -> Vec<ReadinessRow> {
    let mut rows = Vec::new();
    for (n, check) in checks_newest_first(case).into_iter().enumerate() {
        rows.push(ReadinessRow::Check(check.id));
        if n == 0 {
            rows.extend(next_steps(case, check).into_iter().map(ReadinessRow::Step));
        }
    }
    rows
}

fn reference(kind: RecordKind, id: RecordId) -> RecordRef {
    RecordRef { kind, id }
}

/// The option whose factors are shown: the one selected in Options.
pub fn selected_option(app: &App) -> Option<&DecisionOption> {
    let row = app.decide.rows[Section::Options.index()];
    options(&app.case).get(row).copied()
}

/// How many rows `section` has.
pub fn section_rows(app: &App, section: Section) -> usize {
    let case = &app.case;
    match section {
        Section::Options => case.options.len(),
        Section::Factors => selected_option(app).map_or(0, |o| factors_of(case, o.id).len()),
        Section::Involved => involved_rows(case).len(),
        Section::Readiness => readiness_rows(case).len(),
        Section::Decision => usize::from(crate::domain::decision::decision(case).is_some()),
    }
}

/// How many rows the cursor moves over now.
pub fn row_count(app: &App) -> usize {
    if app.decide.grid {
        OptionGrid::build(&app.case).concerns.len()
    } else {
        section_rows(app, app.decide.section)
    }
}

/// The record the cursor is on.
pub fn selected_here(app: &App) -> Option<RecordRef> {
    let case = &app.case;
    let view = &app.decide;
    if view.grid {
        let grid = OptionGrid::build(case);
        let (row, column) = view.cell;
        let option = *grid.option_ids.get(column)?;
        return Some(
            match grid
                .cells
                .get(row)
                .and_then(|cells| cells.get(column))
                .and_then(|cell| cell.factor_ids.first())
            {
                Some(factor) => reference(RecordKind::Factor, *factor),
                None => reference(RecordKind::DecisionOption, option),
            },
        );
    }
    let row = view.rows[view.section.index()];
    match view.section {
        Section::Options => options(case)
            .get(row)
            .map(|o| reference(RecordKind::DecisionOption, o.id)),
        Section::Factors => {
            let option = selected_option(app)?;
            factors_of(case, option.id)
                .get(row)
                .map(|f| reference(RecordKind::Factor, f.id))
        }
        Section::Involved => involved_rows(case).get(row).copied(),
        Section::Readiness => match readiness_rows(case).get(row)? {
            ReadinessRow::Check(id) => Some(reference(RecordKind::ReadinessCheck, *id)),
            ReadinessRow::Step(_) => checks_newest_first(case)
                .first()
                .map(|c| reference(RecordKind::ReadinessCheck, c.id)),
        },
        Section::Decision => {
            crate::domain::decision::decision(case).map(|d| reference(RecordKind::Decision, d.id))
        }
    }
}

/// Where a record of the decision is shown: the row in its section, and
/// the section's index as the column.
pub fn locate(app: &App, record: RecordRef) -> Option<(Pane, usize, usize)> {
    let case = &app.case;
    let id = record.id;
    let (row, section) = match record.kind {
        RecordKind::DecisionOption => (
            options(case).iter().position(|o| o.id == id)?,
            Section::Options,
        ),
        RecordKind::Factor => {
            let factor = case.factors.iter().find(|f| f.id == id)?;
            (
                factors_of(case, factor.option_id)
                    .iter()
                    .position(|f| f.id == id)?,
                Section::Factors,
            )
        }
        RecordKind::View => (
            involved_rows(case).iter().position(|r| *r == record)?,
            Section::Involved,
        ),
        // Every leaning is shown as the one now.
        RecordKind::Leaning => {
            case.leanings.iter().find(|l| l.id == id)?;
            (
                involved_rows(case)
                    .iter()
                    .position(|r| r.kind == RecordKind::Leaning)
                    .unwrap_or(0),
                Section::Involved,
            )
        }
        RecordKind::ReadinessCheck => (
            readiness_rows(case)
                .iter()
                .position(|r| *r == ReadinessRow::Check(id))?,
            Section::Readiness,
        ),
        RecordKind::Decision => {
            case.decisions.iter().find(|d| d.id == id)?;
            (0, Section::Decision)
        }
        _ => return None,
    };
    Some((Pane::Decide, row, section.index()))
}

/// Selects `record` at the place [`locate`] found: its section and row,
/// and for a factor its option; in the grid, a factor's cell.
pub fn select(app: &mut App, record: RecordRef, row: usize, column: usize) {
    let section = Section::ALL
        .get(column)
        .copied()
        .unwrap_or(Section::Options);
    if record.kind == RecordKind::Factor
        && let Some(option) = app
            .case
            .factors
            .iter()
            .find(|f| f.id == record.id)
            .map(|f| f.option_id)
        && let Some(place) = options(&app.case).iter().position(|o| o.id == option)
    {
        app.decide.rows[Section::Options.index()] = place;
    }
    // A factor shown while the grid is on screen is selected in the grid.
    if app.decide.grid && record.kind == RecordKind::Factor {
        let grid = OptionGrid::build(&app.case);
        let cell = grid.cells.iter().enumerate().find_map(|(row, cells)| {
            cells
                .iter()
                .position(|cell| cell.factor_ids.contains(&record.id))
                .map(|column| (row, column))
        });
        if let Some(cell) = cell {
            app.decide.cell = cell;
            return;
        }
    }
    app.decide.grid = false;
    app.decide.section = section;
    app.decide.rows[section.index()] = row;
}

/// Keeps every row of the pane on one that exists.
pub fn clamp(app: &mut App) {
    for section in Section::ALL {
        let rows = section_rows(app, section);
        let row = &mut app.decide.rows[section.index()];
        *row = (*row).min(rows.saturating_sub(1));
    }
    let grid = OptionGrid::build(&app.case);
    let (row, column) = app.decide.cell;
    app.decide.cell = (
        row.min(grid.concerns.len().saturating_sub(1)),
        column.min(grid.option_ids.len().saturating_sub(1)),
    );
}

fn step(position: usize, by: isize, count: usize) -> usize {
    if count == 0 {
        return 0;
    }
    let moved = isize::try_from(position)
        .unwrap_or(0)
        .saturating_add(by)
        .clamp(0, isize::try_from(count - 1).unwrap_or(0));
    usize::try_from(moved).unwrap_or(0)
}

/// j/k and the arrows up and down: within the section, or the grid's rows.
pub fn move_rows(app: &mut App, by: isize) {
    let count = row_count(app);
    if app.decide.grid {
        app.decide.cell.0 = step(app.decide.cell.0, by, count);
        return;
    }
    let section = app.decide.section.index();
    app.decide.rows[section] = step(app.decide.rows[section], by, count);
    // Another option: its factors from the first.
    if app.decide.section == Section::Options {
        app.decide.rows[Section::Factors.index()] = 0;
    }
}

/// ←/→: the next section, or in the grid the next option.
pub fn move_sideways(app: &mut App, by: isize) {
    if app.decide.grid {
        let count = app.case.options.len();
        app.decide.cell.1 = step(app.decide.cell.1, by, count);
        return;
    }
    let index = step(app.decide.section.index(), by, Section::ALL.len());
    app.decide.section = Section::ALL[index];
}

/// `g`: the option grid, or back to the sections.
pub fn toggle_grid(app: &mut App) {
    app.decide.grid = !app.decide.grid;
    if app.decide.grid {
        // The grid opens on the option selected in the list.
        app.decide.cell.1 = app.decide.rows[Section::Options.index()];
        clamp(app);
    }
}

/// Enter: on a next step, goes to what it asks for; on an option, its
/// factors; in the grid, a factor for the cell; else the record's form.
pub fn open_selected(app: &mut App) {
    if app.decide.grid {
        add_factor(app);
        return;
    }
    match app.decide.section {
        Section::Options if !app.case.options.is_empty() => {
            app.decide.section = Section::Factors;
            app.decide.rows[Section::Factors.index()] = 0;
        }
        Section::Readiness => {
            let row = app.decide.rows[Section::Readiness.index()];
            match readiness_rows(&app.case).get(row).copied() {
                Some(ReadinessRow::Step(next)) => follow(app, next),
                Some(ReadinessRow::Check(_)) => crate::app::editing::edit(app),
                None => say(app, "Take the readiness check first: c"),
            }
        }
        _ => crate::app::editing::edit(app),
    }
}

/// Goes where a next step of the readiness check leads.
fn follow(app: &mut App, next: NextStep) {
    let case = &app.case;
    match next {
        NextStep::AskAboutUnknowns { .. } => {
            let unanswered = |f: &&Factor| {
                f.side == FactorSide::Unknown
                    && !question_of(case, f.id)
                        .is_some_and(|q| q.status == QuestionStatus::Answered)
            };
            let first = options(case)
                .iter()
                .flat_map(|o| factors_of(case, o.id))
                .find(unanswered)
                .map(|f| f.id);
            match first {
                Some(id) => {
                    show(app, reference(RecordKind::Factor, id));
                    say(
                        app,
                        "This is not known yet: Q asks a doctor about it, and the answer shows here",
                    );
                }
                None => {
                    app.decide.section = Section::Factors;
                    say(
                        app,
                        "Nothing is marked \"not known yet\": f adds what you do not know about an option, \
                         with It is: not known yet",
                    );
                }
            }
        }
        NextStep::RateFactors { .. } => {
            let first = options(case)
                .iter()
                .flat_map(|o| factors_of(case, o.id))
                .find(|f| f.weight.is_none())
                .map(|f| f.id);
            match first {
                Some(id) => {
                    let record = reference(RecordKind::Factor, id);
                    show(app, record);
                    let form = forms::edit(record, &app.case);
                    open(app, form, "This factor cannot be edited here");
                }
                None => {
                    app.decide.section = Section::Factors;
                    say(
                        app,
                        "Every factor is rated: e on one changes how much it matters to you",
                    );
                }
            }
        }
        NextStep::GetSupport => {
            app.decide.section = Section::Involved;
            say(
                app,
                "v records what each person close to you thinks. To take your questions to a doctor, \
                 press 9 for Doctors, then p on the doctor writes the appointment packet",
            );
        }
        NextStep::LookAtWhatIsOpen { conflicts } => {
            let days = match case.days_to_decision(app.today()) {
                Some(d) if d < 0 => format!("the decision date passed {} days ago", -d),
                Some(0) => "the decision is due today".to_string(),
                Some(d) => format!("{d} days left to decide"),
                None => "no decision date set".to_string(),
            };
            say(
                app,
                format!(
                    "{} · {days}. The Conflicts pane (3) shows where the doctors disagree",
                    match conflicts {
                        1 => "1 disagreement still open".to_string(),
                        n => format!("{n} disagreements still open"),
                    }
                ),
            );
            app.pane = Pane::Conflicts;
        }
    }
}

/// `o`: every option the opinions' stances on Treatment offer that the
/// case does not hold yet, and waiting, added in one go.
pub fn offer_options(app: &mut App) -> Effect {
    let offered = offered_options(&app.case);
    if offered.is_empty() {
        say(
            app,
            "Every option the doctors recommend is in the list, and so is waiting: a adds another by hand",
        );
        return Effect::None;
    }
    Effect::AddOptions(offered)
}

/// `f`: a factor of the selected option; in the grid, one for the
/// selected option and concern, on the same scale as the other options.
pub fn add_factor(app: &mut App) {
    if app.case.options.is_empty() {
        warn(
            app,
            "Add the options first: o adds those the doctors recommend, a adds one by hand",
        );
        return;
    }
    let form = if app.decide.grid {
        let grid = OptionGrid::build(&app.case);
        let (row, column) = app.decide.cell;
        match (grid.option_ids.get(column), grid.concerns.get(row)) {
            (Some(option), Some(concern)) => forms::for_concern(&app.case, *option, concern),
            _ => None,
        }
    } else {
        let context: Vec<RecordRef> = selected_option(app)
            .map(|o| reference(RecordKind::DecisionOption, o.id))
            .into_iter()
            .collect();
        forms::add(RecordKind::Factor, &app.case, app.today(), &context)
    };
    open(app, form, "Select an option first");
}

/// `Q`: on a factor not known yet, the question form for a doctor, with
/// the factor's words and linked to it (as `Q` is a question for the doctor
/// in Opinions and Doctors). Elsewhere it says what it needs.
pub fn ask_about_factor(app: &mut App) {
    let on_factors = app.decide.grid || app.decide.section == Section::Factors;
    let factor = match selected(app) {
        Some(record) if record.kind == RecordKind::Factor => {
            app.case.factors.iter().find(|f| f.id == record.id)
        }
        _ => None,
    };
    let Some(factor) = factor else {
        let words = if on_factors {
            "Select a factor \"not known yet\" first: Q asks a doctor about it"
        } else {
            "Q asks a doctor about a factor not known yet: go to What matters (l) and select one"
        };
        say(app, words);
        return;
    };
    if factor.side != FactorSide::Unknown {
        say(
            app,
            format!(
                "Q asks about what is not known yet; this factor is {}. e changes what it is",
                factor.side.label()
            ),
        );
        return;
    }
    if let Some(question) = question_of(&app.case, factor.id) {
        say(
            app,
            format!(
                "Already asked of {}: \"{}\" ({}). The Questions pane (4) has it",
                inert(&app.case.asked_of(question)),
                inert(&short(&question.text, 40)),
                question.status.label()
            ),
        );
        return;
    }
    let mut context = vec![reference(RecordKind::Factor, factor.id)];
    if let Some(doctor) = crate::domain::decision::who_said(&app.case, factor) {
        context.push(reference(RecordKind::Doctor, doctor));
    }
    let form = forms::add(RecordKind::Question, &app.case, app.today(), &context);
    let form = form.map(|mut form| {
        form.title = "Ask a doctor what is not known yet".into();
        form
    });
    open(app, form, "The question cannot be written here");
}

/// `text` on one line, cut to `most` characters with ….
fn short(text: &str, most: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= most {
        return line;
    }
    let kept: String = line.chars().take(most.saturating_sub(1)).collect();
    format!("{kept}…")
}

/// `v`, `L`, `c`: the form of a view, the leaning or a check, opened from
/// the selected option where it is one.
pub fn add_here(app: &mut App, kind: RecordKind) {
    let context: Vec<RecordRef> = selected_option(app)
        .map(|o| reference(RecordKind::DecisionOption, o.id))
        .into_iter()
        .collect();
    let form = forms::add(kind, &app.case, app.today(), &context);
    open(
        app,
        form,
        "Add the options first: o adds those the doctors recommend, a adds one by hand",
    );
}

/// `D`: the decision's form; first, when conflicts or questions are still
/// open, what they are, and whether to go on.
pub fn record_decision(app: &mut App) {
    if app.case.options.is_empty() {
        warn(
            app,
            "Add the options first: o adds those the doctors recommend, a adds one by hand",
        );
        return;
    }
    let open_now = still_open(&app.case);
    if open_now.is_empty() {
        open_decision_form(app);
        return;
    }
    let question = format!(
        "Still open: {}. You can record your decision now and revise it later, or wait \
         until these are settled. Go on to record it? (y/n)",
        open_now.join("; ")
    );
    app.overlays.open_confirm(Confirm {
        question,
        target: reference(RecordKind::Decision, 0),
        version: 0,
        then: AfterYes::RecordDecision,
    });
}

/// The decision's form (to revise it, once recorded), for the option
/// selected in Options.
pub fn open_decision_form(app: &mut App) {
    let context: Vec<RecordRef> = match app.decide.section {
        Section::Options => selected_option(app)
            .map(|o| reference(RecordKind::DecisionOption, o.id))
            .into_iter()
            .collect(),
        _ => Vec::new(),
    };
    let form = forms::add(RecordKind::Decision, &app.case, app.today(), &context);
    open(
        app,
        form,
        "Add the options first: o adds those the doctors recommend, a adds one by hand",
    );
}

/// The keys of this pane, a line each.
#[rustfmt::skip]
pub static KEYS: &[Binding] = &[
    hint(Decide, &[ch('l'), RIGHT], Action::Right, "next section (in the grid: next option)", "sections"),
    help(Decide, &[ch('h'), LEFT], Action::Left, "previous section (in the grid: previous option)"),
    hint(Decide, &[ENTER], Action::Open, "go to the next step, option or grid cell selected", "go to it"),
    hint(Decide, &[ch('o')], Action::OfferOptions, "add the options the doctors recommend, and waiting", "offer options"),
    hint(Decide, &[ch('f')], Action::AddFactor, "add a factor to the option (in the grid: to the cell)", "factor"),
    hint(Decide, &[ch('Q')], Action::AskAboutFactor, "ask a doctor about a factor not known yet", "ask a doctor"),
    hint(Decide, &[ch('g')], Action::ToggleOptionGrid, "the option grid: options by what matters, or the lists", "grid"),
    hint(Decide, &[ch('c')], Action::AddHere(RecordKind::ReadinessCheck), "take the readiness check", "check"),
    hint(Decide, &[ch('v')], Action::AddHere(RecordKind::View), "write down the view of someone close to you", "view"),
    help(Decide, &[ch('L')], Action::AddHere(RecordKind::Leaning), "say which option you lean to now"),
    hint(Decide, &[ch('D')], Action::RecordDecision, "record your decision or revise it (shows what is open)", "decide"),
    hint(Decide, &[ch('S')], Action::WriteSummary, "write the decision summary (HTML) for the family and the doctor", "summary"),
    help(Decide, &[ch('O')], Action::OpenWritten, "open the summary just written"),
];
