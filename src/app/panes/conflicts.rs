//! Conflicts: the grid of topics by opinions, and the work on each disagreement.

use super::selected;
use crate::app::editing::{needs, open, say, version};
use crate::app::forms;
use crate::app::keymap::Scope::Conflicts;
use crate::app::keymap::{Binding, ENTER, LEFT, RIGHT, ch, help, hint};
use crate::app::{Action, App, Effect, Parts};
use crate::domain::{RecordKind, RecordRef};

/// Enter in the grid: the workflow of the selected row's conflict, its
/// status and resolution.
pub fn open_conflict(app: &mut App) {
    let grid = app.case.grid();
    let Some(row) = grid.rows.get(app.cursor().row) else {
        return;
    };
    let state = app
        .case
        .conflict_states
        .iter()
        .find(|s| s.topic_id == row.topic_id);
    if state.is_none() && !row.differs() {
        say(
            app,
            format!(
                "The opinions do not disagree on {}",
                crate::domain::text::inert(&row.topic)
            ),
        );
        return;
    }
    let topic = RecordRef {
        kind: RecordKind::Topic,
        id: row.topic_id,
    };
    let form = match state {
        Some(state) => forms::edit(
            RecordRef {
                kind: RecordKind::ConflictState,
                id: state.id,
            },
            &app.case,
        ),
        None => forms::add(RecordKind::ConflictState, &app.case, app.today(), &[topic]),
    };
    let title = format!("Conflict on {}", crate::domain::text::inert(&row.topic));
    open(
        app,
        form.map(|mut f| {
            f.title = title;
            f
        }),
        "This conflict cannot be opened",
    );
}

/// `t` in the grid: the form of the selected row's topic.
pub fn edit_topic(app: &mut App) {
    let Some(row) = app.case.grid().rows.get(app.cursor().row).cloned() else {
        say(app, "Add a topic first (a)");
        return;
    };
    let form = forms::edit(
        RecordRef {
            kind: RecordKind::Topic,
            id: row.topic_id,
        },
        &app.case,
    );
    open(app, form, "This topic cannot be edited here");
}

/// `D` in the grid: deletes the selected row's topic, after asking.
pub fn delete_topic(app: &mut App) -> Effect {
    let Some(row) = app.case.grid().rows.get(app.cursor().row).cloned() else {
        return Effect::None;
    };
    let target = RecordRef {
        kind: RecordKind::Topic,
        id: row.topic_id,
    };
    match version(app, target) {
        Some(version) => Effect::PlanDelete { target, version },
        None => Effect::None,
    }
}

/// `r` in the grid: a question for each doctor whose opinion takes part in
/// the selected row's disagreement, linked to its topic.
pub fn raise_questions(app: &mut App) -> Effect {
    let grid = app.case.grid();
    let Some(row) = grid.rows.get(app.cursor().row) else {
        return Effect::None;
    };
    if !row.differs() {
        say(
            app,
            "The opinions agree on this topic: there is nothing to ask about",
        );
        return Effect::None;
    }
    let drafts = crate::domain::conflict::questions_for(&app.case, grid, row.topic_id);
    if drafts.is_empty() {
        say(
            app,
            "Each doctor already has an open question about this conflict",
        );
        return Effect::None;
    }
    Effect::AddQuestions(drafts)
}

/// `x` in the grid: the declarations on the row's topic, to remove one.
pub fn list_equivalences(app: &mut App) {
    let grid = app.case.grid();
    let Some(row) = grid.rows.get(app.cursor().row) else {
        return;
    };
    let records: Vec<RecordRef> = app
        .case
        .equivalences
        .iter()
        .filter(|e| e.topic_id == row.topic_id)
        .map(|e| RecordRef {
            kind: RecordKind::Equivalence,
            id: e.id,
        })
        .collect();
    if records.is_empty() {
        say(
            app,
            "No stances on this topic have been declared the same (= declares two the same)",
        );
        return;
    }
    app.overlays.open_parts(Parts {
        reasons: Vec::new(),
        title: format!(
            "Stances declared the same on {}",
            crate::domain::text::inert(&row.topic)
        ),
        records,
        row: 0,
    });
}

/// `e` on a cell of the grid: its stance's form, or on an empty cell the
/// form for that opinion's stance on that topic.
pub fn edit_cell(app: &mut App) {
    let Some(record) = selected(app) else {
        say(app, "Add a topic first (a)");
        return;
    };
    if record.kind != RecordKind::Topic {
        crate::app::editing::edit(app);
        return;
    }
    let opinion = app
        .case
        .grid()
        .opinion_ids
        .get(app.cursor().column)
        .copied();
    let mut context = vec![record];
    context.extend(opinion.map(|id| RecordRef {
        kind: RecordKind::Opinion,
        id,
    }));
    let form = forms::add(RecordKind::Stance, &app.case, app.today(), &context);
    open(app, form, needs(RecordKind::Stance));
}

/// `d` on a cell of the grid: deletes its stance, after asking; an empty
/// cell has nothing to delete.
pub fn delete_cell(app: &mut App) -> Effect {
    if selected(app).is_some_and(|record| record.kind == RecordKind::Topic) {
        crate::app::editing::warn(
            app,
            "This cell is empty: nothing to delete here. D deletes the whole topic (asks first)",
        );
        return Effect::None;
    }
    crate::app::editing::delete(app)
}

/// The keys of this pane, a line each.
#[rustfmt::skip]
pub static KEYS: &[Binding] = &[
    hint(Conflicts, &[ENTER], Action::Open, "work on the conflict", "the conflict"),
    help(Conflicts, &[ch('e')], Action::EditStance, "the stance in this cell, or write one in an empty cell"),
    help(Conflicts, &[ch('d')], Action::DeleteStance, "delete the stance in this cell (asks first)"),
    hint(Conflicts, &[ch('r')], Action::RaiseQuestions, "ask each doctor in this conflict about it", "ask the doctors"),
    hint(Conflicts, &[ch('=')], Action::AddTo(RecordKind::Equivalence), "this stance means the same as another", "same as"),
    hint(Conflicts, &[ch('x')], Action::ListSame, "stances declared the same on this topic, to remove one", "declared same"),
    hint(Conflicts, &[ch('t')], Action::EditTopic, "rename the topic of this row", "rename topic"),
    help(Conflicts, &[ch('D')], Action::DeleteTopic, "delete the topic of this row (asks first)"),
    help(Conflicts, &[ch('h'), LEFT], Action::Left, "previous opinion column"),
    help(Conflicts, &[ch('l'), RIGHT], Action::Right, "next opinion column"),
];
