//! Two opinions side by side, aligned by topic, with every difference
//! marked by a symbol as well as by colour.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Text};
use ratatui::widgets::{Cell, Row, Table};

use super::panel;
use super::text::{inert, short_date, wrap};
use super::theme;
use crate::app::App;
use crate::domain::{Choice, Opinion};

/// One row: what it is about, whether the two differ, and what each says.
struct Compared {
    label: String,
    marker: &'static str,
    left: String,
    right: String,
}

fn yes_no(value: bool) -> String {
    if value { "yes" } else { "no" }.to_string()
}

fn rows(app: &App, left: &Opinion, right: &Opinion) -> Vec<Compared> {
    let case = &app.case;
    let plain = |label: &str, a: String, b: String| Compared {
        label: label.to_string(),
        marker: " ",
        left: a,
        right: b,
    };
    let mut rows = vec![
        plain("Diagnosis", left.diagnosis.clone(), right.diagnosis.clone()),
        plain(
            "Recommendation",
            left.recommendation.clone(),
            right.recommendation.clone(),
        ),
        plain("Urgency", left.urgency.clone(), right.urgency.clone()),
        plain("Form", left.form.label().into(), right.form.label().into()),
        plain(
            "Saw the originals",
            yes_no(left.saw_originals),
            yes_no(right.saw_originals),
        ),
        plain(
            "Knew prior diagnosis",
            yes_no(left.knew_prior),
            yes_no(right.knew_prior),
        ),
    ];
    let grid = case.grid();
    let column = |id| grid.opinion_ids.iter().position(|o| *o == id);
    let (Some(a), Some(b)) = (column(left.id), column(right.id)) else {
        return rows;
    };
    for row in &grid.rows {
        let cell_a = row.cells.get(a).cloned().flatten();
        let cell_b = row.cells.get(b).cloned().flatten();
        let marker = match (&cell_a, &cell_b) {
            (Some(x), Some(y)) if x.group != y.group => "≠",
            (Some(_), Some(_)) => "=",
            (None, None) => continue,
            _ => "·",
        };
        let stance = |cell: Option<crate::domain::conflict::StanceCell>| {
            cell.map_or_else(
                || "— no stance yet (Esc, then e on its tab)".to_string(),
                |c| {
                    if c.detail.trim().is_empty() {
                        c.stance
                    } else {
                        format!("{} ({})", c.stance, c.detail)
                    }
                },
            )
        };
        rows.push(Compared {
            label: row.topic.clone(),
            marker,
            left: stance(cell_a),
            right: stance(cell_b),
        });
    }
    rows
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, left: &Opinion, right: &Opinion) {
    let case = &app.case;
    let title = |o: &Opinion| {
        format!(
            "{} · {}",
            inert(case.doctor_name(Some(o.doctor_id))),
            short_date(o.given_on)
        )
    };
    let label_width = 20u16;
    let column_width = area.width.saturating_sub(label_width + 2 + 2 + 4) / 2;
    let wrapped = |text: &str| -> Vec<String> {
        if text.trim().is_empty() {
            return vec!["—".into()];
        }
        super::text::inert_lines(text.trim_end())
            .iter()
            .flat_map(|line| wrap(line, usize::from(column_width.max(8))))
            .collect()
    };
    let compared = rows(app, left, right);
    let last = compared.len().saturating_sub(1);
    let table_rows: Vec<Row> = compared
        .into_iter()
        .map(|row| {
            let a = wrapped(&row.left);
            let b = wrapped(&row.right);
            let height = u16::try_from(a.len().max(b.len())).unwrap_or(1);
            let style = match row.marker {
                "≠" => theme::alarm(),
                "·" => theme::warning(),
                _ => Style::default(),
            };
            Row::new(vec![
                Cell::from(inert(&row.label)).style(theme::label()),
                Cell::from(row.marker).style(style),
                Cell::from(Text::from(a.into_iter().map(Line::raw).collect::<Vec<_>>()))
                    .style(style),
                Cell::from(Text::from(b.into_iter().map(Line::raw).collect::<Vec<_>>()))
                    .style(style),
            ])
            .height(height)
        })
        .collect();
    let header = Row::new(vec![
        Cell::from(""),
        Cell::from(""),
        Cell::from(title(left)).style(theme::heading()),
        Cell::from(title(right)).style(theme::heading()),
    ]);
    let table = Table::new(
        table_rows,
        [
            Constraint::Length(label_width),
            Constraint::Length(2),
            Constraint::Length(column_width),
            Constraint::Length(column_width),
        ],
    )
    .header(header)
    .column_spacing(1)
    .block(panel::block(
        "Side by side   ≠ differ · = same · · only one says   (h/l: another opinion, j/k: scroll, Esc: close)",
    ));
    let scroll = usize::from(app.cursor_of(crate::app::Pane::Opinions).scroll).min(last);
    let mut state = ratatui::widgets::TableState::default().with_offset(scroll);
    frame.render_stateful_widget(table, area, &mut state);
}
