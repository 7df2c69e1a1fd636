//! The import of an imaging disc, over the Imaging pane: how far the
//! reading has come, then what the disc holds, its warnings, what
//! importing it will write, and the question before it is written.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use super::theme;
use crate::app::App;
use crate::app::disc::{DiscImport, DiscStep};
use crate::disc::import::Plan;
use crate::domain::text::inert;
use crate::widgets::popup;

pub fn render(frame: &mut Frame, area: Rect, app: &App, import: &DiscImport) {
    let width = area.width.saturating_sub(4).min(100);
    let text_width = usize::from(width.saturating_sub(4)).max(10);
    let mut lines: Vec<Line> = Vec::new();
    // Where the question starts: the lines above it give way when the
    // screen is short, the question never.
    let mut question_at = None;
    let mut add = |text: &str, style: Style, indent: &str| {
        if text.is_empty() {
            lines.push(Line::raw(""));
        }
        for line in super::text::wrap(&inert(text), text_width.saturating_sub(indent.len())) {
            lines.push(Line::styled(format!("{indent}{line}"), style));
        }
        lines.len()
    };
    let (title, border) = match &import.step {
        DiscStep::Reading { done, total } => {
            add(&format!("Reading {}", import.path), Style::default(), " ");
            let so_far = match total {
                Some(total) => format!("{done} files read of {total}"),
                None if *done == 0 => "Looking at what is on the disc...".to_string(),
                None => format!("{done} files read"),
            };
            add(&so_far, theme::heading(), " ");
            add(
                "Nothing is copied or changed on the disc. Esc stops the reading.",
                theme::dim(),
                " ",
            );
            ("Reading the disc", theme::heading())
        }
        DiscStep::Preview {
            preview,
            plan,
            other_names,
            asked_once,
        } => {
            for warning in &preview.warnings {
                add(&format!("! {warning}"), theme::warning(), " ");
            }
            if !preview.warnings.is_empty() {
                add("", Style::default(), "");
            }
            for line in &preview.lines {
                add(line, Style::default(), " ");
            }
            add("", Style::default(), "");
            add("If you import it:", theme::heading(), " ");
            let writes = match &**plan {
                Plan::Write { said, .. } => {
                    for line in said {
                        add(line, Style::default(), "   ");
                    }
                    true
                }
                Plan::Nothing { why } => {
                    add(why, Style::default(), "   ");
                    false
                }
            };
            question_at = Some(add("", Style::default(), ""));
            let patient = app
                .case
                .case
                .as_ref()
                .map(|c| c.patient.clone())
                .unwrap_or_default();
            if !writes {
                add("y or n: close", theme::heading(), " ");
            } else if *asked_once {
                let names = match other_names.as_slice() {
                    [] => "someone else".to_string(),
                    names => names.join(" and "),
                };
                add(
                    &format!(
                        "Are you sure? This disc is for {names}, not {patient}. \
                         Their scans would be filed in {patient}'s case."
                    ),
                    theme::alarm(),
                    " ",
                );
                add(
                    "y: yes, import it anyway     n or Esc: no, do not import it",
                    theme::alarm(),
                    " ",
                );
            } else if preview.no_images {
                add(
                    "y: record the disc as one item anyway     n or Esc: do not import it",
                    theme::heading(),
                    " ",
                );
            } else {
                add(
                    "y: yes, import it     n or Esc: no, do not import it",
                    theme::heading(),
                    " ",
                );
            }
            let border = if preview.warnings.is_empty() {
                theme::heading()
            } else {
                theme::warning()
            };
            ("What is on the disc", border)
        }
    };
    let room = usize::from(area.height.saturating_sub(2));
    if let Some(question_at) = question_at
        && lines.len() > room
    {
        let question = lines.split_off(question_at.saturating_sub(1));
        lines.truncate(room.saturating_sub(question.len() + 1));
        lines.push(Line::styled(
            " ... (more on the disc than fits here: a taller window shows it all)",
            theme::dim(),
        ));
        lines.extend(question);
    }
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    popup::draw(
        frame,
        popup::centered(area, width, height),
        title,
        lines,
        border,
    );
}
