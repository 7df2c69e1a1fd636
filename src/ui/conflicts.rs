//! Conflicts: the grid of topics by opinions with every disagreement
//! marked, the selected cell's detail, and the list of conflicts.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::panel::{self, field, heading, paragraph};
use super::text::{inert, short_date};
use super::theme;
use crate::app::{App, Pane};
use crate::domain::conflict::StanceGrid;
use crate::domain::{Choice, Conflict};
use crate::widgets::grid::{ComparisonGrid, GridCell};

/// The letter that tells which cells of a row say the same thing.
fn group_letter(group: usize) -> char {
    char::from_u32(u32::from(b'A') + u32::try_from(group % 26).unwrap_or(0)).unwrap_or('?')
}

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let case = &app.case;
    if case.opinions.is_empty() || case.topics.is_empty() {
        panel::empty(
            frame,
            area,
            "Conflicts",
            &[
                "No opinions to compare yet.",
                "Once two doctors have given opinions, this grid lines up what each said",
                "on each topic (diagnosis, stage, treatment...) and marks where they differ.",
                "Add an opinion in the Opinions pane (2, then a), with its stance on each topic;",
                "then press e on a cell here to change what that opinion says.",
            ],
        );
        return;
    }
    let grid = case.grid();
    let conflicts = case.conflicts();
    let cursor = app.cursor_of(Pane::Conflicts);
    let selected = (
        cursor.row.min(grid.rows.len().saturating_sub(1)),
        cursor.column.min(grid.opinion_ids.len().saturating_sub(1)),
    );
    let grid_height = u16::try_from(grid.rows.len() + 3).unwrap_or(u16::MAX);
    let [top, bottom] =
        Layout::vertical([Constraint::Length(grid_height), Constraint::Min(4)]).areas(area);

    let block = panel::block(
        "Topics by opinion   ≠ differs (same letter = same stance) · = all agree · ≡ declared the same",
    );
    let inner = block.inner(top);
    frame.render_widget(block, top);
    frame.render_widget(
        &comparison(app, grid, conflicts, selected, inner.width),
        inner,
    );

    let (left, right) = panel::list_and_detail(bottom, 55);
    panel::detail(frame, left, "Selected", cell_detail(app, grid, selected), 0);
    panel::detail(
        frame,
        right,
        "Conflicts (Enter: work on it)",
        conflict_list(app, conflicts, grid, selected.0),
        0,
    );
}

fn comparison(
    app: &App,
    grid: &StanceGrid,
    conflicts: &[Conflict],
    selected: (usize, usize),
    width: u16,
) -> ComparisonGrid {
    let case = &app.case;
    // Columns share the room beside the topics, between 22 and 40 wide.
    let opinions = u16::try_from(grid.opinion_ids.len().max(1)).unwrap_or(1);
    let column_width = (width.saturating_sub(18) / opinions).clamp(22, 40);
    let column_headings = grid
        .opinion_ids
        .iter()
        .map(|id| match case.opinion(*id) {
            Some(opinion) => format!(
                "{} {}",
                inert(case.doctor_name(Some(opinion.doctor_id))),
                short_date(opinion.given_on)
            ),
            None => String::new(),
        })
        .collect();
    let row_headings = grid
        .rows
        .iter()
        .map(|row| {
            let conflict = conflicts.iter().find(|c| c.topic_id == row.topic_id);
            let declared = case.equivalences.iter().any(|e| e.topic_id == row.topic_id);
            match conflict {
                Some(c) if c.needs_attention() => {
                    (format!("⚠ {}", inert(&row.topic)), theme::alarm())
                }
                _ if declared && !row.differs() => {
                    (format!("≡ {}", inert(&row.topic)), theme::good())
                }
                Some(c) if c.settled => (format!("✓ {}", inert(&row.topic)), theme::good()),
                Some(_) => (format!("• {}", inert(&row.topic)), theme::label()),
                None => (format!("  {}", inert(&row.topic)), theme::label()),
            }
        })
        .collect();
    let cells = grid
        .rows
        .iter()
        .map(|row| {
            let filled = row.cells.iter().flatten().count();
            row.cells
                .iter()
                .map(|cell| match cell {
                    None => GridCell {
                        marker: "  ".into(),
                        text: "—".into(),
                        style: theme::dim(),
                    },
                    Some(cell) if row.differs() => GridCell {
                        marker: format!("≠{} ", group_letter(cell.group)),
                        text: inert(&cell.stance),
                        style: theme::alarm(),
                    },
                    Some(cell) => GridCell {
                        marker: if filled > 1 { "= ".into() } else { "  ".into() },
                        text: inert(&cell.stance),
                        style: ratatui::style::Style::default(),
                    },
                })
                .collect()
        })
        .collect();
    ComparisonGrid {
        row_headings,
        column_headings,
        cells,
        selected: Some(selected),
        heading_width: 18,
        column_width,
        selected_style: theme::selected(),
        heading_style: theme::heading(),
    }
}

fn cell_detail<'a>(app: &App, grid: &StanceGrid, (row, column): (usize, usize)) -> Vec<Line<'a>> {
    let case = &app.case;
    let Some(row) = grid.rows.get(row) else {
        return Vec::new();
    };
    let opinion = grid
        .opinion_ids
        .get(column)
        .and_then(|id| case.opinion(*id));
    let mut lines = vec![field("Topic", inert(&row.topic))];
    let asked: Vec<_> = case
        .questions
        .iter()
        .filter(|q| q.topic_id == Some(row.topic_id))
        .collect();
    for same in case
        .equivalences
        .iter()
        .filter(|e| e.topic_id == row.topic_id)
    {
        lines.push(Line::styled(
            format!(
                "≡ \"{}\" declared the same as \"{}\" by {} (x to remove)",
                inert(&same.stance),
                inert(&same.same_as),
                inert(&same.stamp.created_by)
            ),
            theme::good(),
        ));
    }
    if let Some(opinion) = opinion {
        lines.push(field(
            "Opinion",
            format!(
                "{}, {}",
                inert(case.doctor_name(Some(opinion.doctor_id))),
                short_date(opinion.given_on)
            ),
        ));
    }
    match row.cells.get(column).cloned().flatten() {
        Some(cell) => {
            let mut stance = inert(&cell.stance);
            if row.differs() {
                stance = format!("≠{} {stance}", group_letter(cell.group));
            }
            lines.push(field("Stance", stance));
            lines.push(heading("Detail"));
            lines.extend(paragraph(&cell.detail));
            if let Some(position) = case.stances.iter().find(|p| p.id == cell.position_id) {
                lines.push(Line::styled(
                    super::text::stamp(&position.stamp, &app.clock),
                    theme::dim(),
                ));
            }
        }
        None => lines.push(Line::styled(
            "No stance here yet: press e to write what this opinion says on this topic.",
            theme::warning(),
        )),
    }
    lines.push(heading("Questions about this topic (r asks each doctor)"));
    if asked.is_empty() {
        lines.push(Line::styled("  None yet.", theme::dim()));
    }
    for question in asked {
        lines.extend(super::panel::lines_after(
            vec![
                Span::styled(format!("  [{}] ", question.status.label()), theme::label()),
                Span::raw(format!("{}: ", inert(&case.asked_of(question)))),
            ],
            &question.text,
            6,
            ratatui::style::Style::default(),
        ));
    }
    lines
}

fn conflict_list<'a>(
    app: &App,
    conflicts: &[Conflict],
    grid: &StanceGrid,
    selected_row: usize,
) -> Vec<Line<'a>> {
    let case = &app.case;
    if conflicts.is_empty() {
        return vec![Line::styled(
            "The opinions agree on every topic they address.",
            theme::good(),
        )];
    }
    let selected_topic = grid.rows.get(selected_row).map(|row| row.topic_id);
    let mut lines = Vec::new();
    for conflict in conflicts {
        let (marker, style) = if conflict.settled {
            ("✓ settled", theme::good())
        } else if conflict.changed_since {
            ("⚠ a stance changed since it was marked", theme::alarm())
        } else if conflict.status.is_open() {
            ("⚠", theme::alarm())
        } else {
            ("•", theme::label())
        };
        let pointer = if Some(conflict.topic_id) == selected_topic {
            "▶ "
        } else {
            "  "
        };
        lines.push(Line::from(vec![
            Span::raw(pointer),
            Span::styled(format!("{marker} "), style),
            Span::styled(inert(&conflict.topic), theme::title()),
            Span::raw(format!(
                " · {} · {}",
                conflict.status.label(),
                match conflict.distinct {
                    1 => "1 stance".to_string(),
                    n => format!("{n} stances"),
                }
            )),
        ]));
        if !conflict.resolution.trim().is_empty() {
            lines.extend(super::panel::lines_after(
                vec![Span::raw("    ")],
                &conflict.resolution,
                4,
                theme::dim(),
            ));
        }
        let asked: Vec<_> = case
            .questions
            .iter()
            .filter(|q| q.topic_id == Some(conflict.topic_id))
            .collect();
        if !asked.is_empty() {
            let answered = asked
                .iter()
                .filter(|q| q.status == crate::domain::QuestionStatus::Answered)
                .count();
            lines.push(Line::styled(
                format!(
                    "    {} about it, {answered} answered",
                    match asked.len() {
                        1 => "1 question".to_string(),
                        n => format!("{n} questions"),
                    }
                ),
                theme::label(),
            ));
        }
        for same in case
            .equivalences
            .iter()
            .filter(|e| e.topic_id == conflict.topic_id)
        {
            lines.push(Line::styled(
                format!(
                    "    = \"{}\" is the same as \"{}\" (x to remove)",
                    inert(&same.stance),
                    inert(&same.same_as)
                ),
                theme::label(),
            ));
        }
    }
    lines
}
