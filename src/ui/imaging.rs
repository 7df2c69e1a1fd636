//! Imaging and slides: where each item is, original or copy, who has it,
//! its custody log, and who still needs it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

use super::panel::{self, field, heading};
use super::text::{self, date, inert, or_dash, short_date};
use super::theme;
use crate::app::{App, Pane, lists};
use crate::domain::{Choice, RecordKind};

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let case = &app.case;
    let items = lists::items(case);
    if items.is_empty() {
        panel::empty(
            frame,
            area,
            "Imaging and slides",
            &[
                "No scans, slides or reports recorded yet.",
                "Each MRI disc, set of glass slides or report goes here, with who holds it now,",
                "every move from hand to hand, and which doctors still need to see it.",
                "Press a to add an item.",
            ],
        );
        return;
    }
    if app.seen_grid {
        seen_grid(frame, area, app);
        return;
    }
    let selected = app.cursor_of(Pane::Imaging).row.min(items.len() - 1);
    let (left, right) = panel::list_and_detail(area, 50);
    let row = |n: usize| {
        items.get(n).map(|item| {
            let waiting = case.waiting_for(item);
            let mut spans = vec![
                Span::styled(format!("{:<13}", item.kind.label()), theme::label()),
                Span::styled(
                    format!("{:<9}", if item.is_original { "original" } else { "copy" }),
                    if item.is_original {
                        theme::warning()
                    } else {
                        theme::dim()
                    },
                ),
                Span::raw(text::fit(&inert(case.holder(item)), 28)),
            ];
            if waiting > 0 {
                spans.push(Span::styled(
                    format!("  ⚠ {waiting} waiting"),
                    theme::alarm(),
                ));
            }
            if let Some(days) = case.away_too_long(item, app.today()) {
                spans.push(Span::styled(format!("  ⚠ away {days}d"), theme::alarm()));
            }
            if crate::domain::item::retention_warning(item, app.today()).is_some() {
                spans.push(Span::styled("  ⚠ keeping time", theme::warning()));
            }
            ListItem::new(Line::from(spans))
        })
    };
    let title = "Kind · original or copy · held by";
    panel::long_list(frame, left, title, items.len(), selected, row);

    let item = items[selected];
    let mut lines = vec![
        field("Item", inert(&item.description)),
        field(
            "Kind",
            format!("{} on {}", item.kind.label(), item.form.label()),
        ),
        field(
            "Original",
            if item.is_original {
                "yes: this is the original, and must go back".into()
            } else {
                match item.copy_of.and_then(|id| case.item(id)) {
                    Some(original) => format!(
                        "no, a new copy of \"{}\"",
                        text::fit(&inert(&original.description), 48)
                    ),
                    None => "no, a copy".into(),
                }
            },
        ),
        field("Taken", item.taken_on.map_or_else(|| "—".into(), date)),
        field("Made by", or_dash(&item.facility)),
        field("Held by now", inert(case.holder(item))),
    ];
    if let Some(since) = crate::domain::item::away_since(item, &case.custody_moves) {
        let days = crate::domain::dates::days_between(since, app.today());
        let limit = case.originals_away_days();
        let style = if days > limit {
            theme::alarm()
        } else {
            theme::label()
        };
        lines.push(Line::styled(
            format!(
                "{}Away from {} since {} ({days} days; flagged after {limit})",
                if days > limit { "⚠ " } else { "" },
                inert(crate::domain::item::owner(item)),
                date(since)
            ),
            style,
        ));
    }
    if let Some(ends) = crate::domain::item::retention_ends(item) {
        let near = crate::domain::item::retention_warning(item, app.today()).is_some();
        lines.push(Line::styled(
            format!(
                "{}Labs must keep it until {}{}",
                if near { "⚠ " } else { "" },
                date(ends),
                if near {
                    ": ask for it back, or ask the lab to keep it longer, before then"
                } else {
                    ""
                }
            ),
            if near { theme::warning() } else { theme::dim() },
        ));
    }
    let width = usize::from(right.width.saturating_sub(2));
    lines.extend(study_lines(case, item, width));
    lines.push(heading("Custody log (Enter to edit or delete a move)"));
    let log = case.log_of(item);
    if log.is_empty() {
        let said = if item.held_by.trim().is_empty() {
            "  Never moved; no one is named as holding it (e names who has it).".to_string()
        } else {
            format!("  Never moved: still with {}.", inert(&item.held_by))
        };
        lines.push(Line::styled(said, theme::dim()));
    }
    for step in log {
        let mut spans = vec![
            Span::styled(
                format!("  {:<7}", short_date(step.moved_on)),
                theme::label(),
            ),
            Span::raw(format!("{} → {}", inert(&step.from), inert(&step.to))),
            Span::styled(format!("  {}", or_dash(&step.method)), theme::dim()),
        ];
        if step.direct {
            spans.push(Span::styled("  direct to doctor", theme::good()));
        }
        if !step.tracking.trim().is_empty() {
            spans.push(Span::styled(
                format!("  tracking {}", inert(&step.tracking)),
                theme::dim(),
            ));
        }
        lines.push(Line::from(spans));
    }
    lines.push(heading("Doctors"));
    let recipients: Vec<_> = case
        .item_recipients
        .iter()
        .filter(|r| r.item_id == item.id)
        .collect();
    if recipients.is_empty() {
        lines.push(Line::styled("  No doctor is waiting for it.", theme::dim()));
    }
    for recipient in recipients {
        let name = inert(case.doctor_name(Some(recipient.doctor_id)));
        lines.push(match recipient.received_on {
            Some(on) => Line::from(vec![
                Span::styled("  ✓ ", theme::good()),
                Span::raw(format!(
                    "{name} received {} {}",
                    match recipient.received_as {
                        crate::domain::ReceivedAs::ReportOnly => "its report only,",
                        crate::domain::ReceivedAs::Copy => "a new copy of it",
                        crate::domain::ReceivedAs::Item => "it",
                    },
                    short_date(on)
                )),
            ]),
            None => Line::from(vec![
                Span::styled("  ⚠ ", theme::alarm()),
                Span::styled(format!("{name} still needs it"), theme::alarm()),
            ]),
        });
    }
    lines.extend(panel::notes_and_stamp(
        app,
        RecordKind::Item,
        item.id,
        &item.stamp,
    ));
    panel::detail(
        frame,
        right,
        "Item",
        lines,
        app.cursor_of(Pane::Imaging).scroll,
    );
}

/// Who has seen what: every item by every doctor, received (original,
/// copy or report), still waiting, or not sent.
/// What is on a disc, a study in two lines each fitting `width`: its
/// date, modality and description; its series, images, institution and
/// accession number. Nothing for an item with no studies.
fn study_lines<'a>(
    case: &crate::domain::CaseSnapshot,
    item: &crate::domain::Item,
    width: usize,
) -> Vec<Line<'a>> {
    let studies = crate::domain::item::studies_on(item, &case.studies);
    if studies.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![heading(&format!(
        "On the disc: {} stud{}",
        studies.len(),
        if studies.len() == 1 { "y" } else { "ies" }
    ))];
    for study in studies {
        let on = study
            .taken_on
            .map_or_else(|| "no date".into(), |d| d.format("%-d %b %Y").to_string());
        let lead = format!("  {on:<11} {:<3} ", inert(&study.modality));
        let description = if study.description.trim().is_empty() {
            "no description".to_string()
        } else {
            inert(&study.description)
        };
        let room = width.saturating_sub(text::columns(&lead));
        lines.push(Line::from(vec![
            Span::styled(lead, theme::label()),
            Span::raw(text::fit(&description, room)),
        ]));
        let mut about = vec![format!(
            "{} series, {} image{}",
            study.series,
            study.images,
            if study.images == 1 { "" } else { "s" }
        )];
        if !study.institution.trim().is_empty() {
            about.push(inert(&study.institution));
        }
        if !study.accession.trim().is_empty() {
            about.push(format!("accession {}", inert(&study.accession)));
        }
        lines.push(Line::styled(
            text::fit(&format!("    {}", about.join(" · ")), width),
            theme::dim(),
        ));
    }
    lines
}

fn seen_grid(frame: &mut Frame, area: Rect, app: &App) {
    use crate::widgets::grid::{ComparisonGrid, GridCell};
    let case = &app.case;
    let items = lists::items(case);
    let doctors = lists::doctors(case);
    let cursor = app.cursor_of(Pane::Imaging);
    let inner_width = area.width.saturating_sub(2);
    let doctor_count = u16::try_from(doctors.len().max(1)).unwrap_or(1);
    let heading_width = (inner_width / 3).clamp(24, 44);
    let column_width = (inner_width.saturating_sub(heading_width) / doctor_count).clamp(18, 30);
    let cells = items
        .iter()
        .map(|item| {
            doctors
                .iter()
                .map(|doctor| {
                    let recipient = case
                        .item_recipients
                        .iter()
                        .find(|r| r.item_id == item.id && r.doctor_id == doctor.id);
                    match recipient.map(|r| (r.received_on, r.received_as)) {
                        Some((Some(on), received_as)) => GridCell {
                            marker: "✓ ".into(),
                            text: format!(
                                "{} {}",
                                crate::domain::item::what_was_received(item, received_as),
                                short_date(on)
                            ),
                            style: theme::good(),
                        },
                        Some((None, _)) => GridCell {
                            marker: "⚠ ".into(),
                            text: "waiting".into(),
                            style: theme::alarm(),
                        },
                        None => GridCell {
                            marker: "  ".into(),
                            text: "not sent".into(),
                            style: theme::dim(),
                        },
                    }
                })
                .collect()
        })
        .collect();
    let grid = ComparisonGrid {
        row_headings: items
            .iter()
            .map(|item| match item.copy_of {
                // A copy's row says so, beside its original's.
                Some(_) => (
                    format!("↳ copy: {}", inert(&item.description)),
                    theme::dim(),
                ),
                None => (inert(&item.description), theme::label()),
            })
            .collect(),
        column_headings: doctors.iter().map(|d| inert(&d.name)).collect(),
        cells,
        selected: Some((
            cursor.row.min(items.len().saturating_sub(1)),
            cursor.column.min(doctors.len().saturating_sub(1)),
        )),
        heading_width,
        column_width,
        selected_style: theme::selected(),
        heading_style: theme::heading(),
    };
    let block =
        panel::block("Who has seen what   ✓ received · ⚠ waiting   (w or Esc: back to the list)");
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // Under the grid, what is on each disc, so that a doctor's disc is
    // known study by study.
    let grid_height = u16::try_from(items.len() + 2).unwrap_or(u16::MAX);
    let [grid_area, discs_area] = ratatui::layout::Layout::vertical([
        ratatui::layout::Constraint::Length(grid_height),
        ratatui::layout::Constraint::Min(0),
    ])
    .areas(inner);
    frame.render_widget(&grid, grid_area);
    let width = usize::from(discs_area.width);
    let discs: Vec<Line> = items
        .iter()
        .flat_map(|item| {
            let studies = study_lines(case, item, width);
            let named = (!studies.is_empty())
                .then(|| Line::styled(text::fit(&inert(&item.description), width), theme::label()));
            named.into_iter().chain(studies.into_iter().skip(1))
        })
        .collect();
    if !discs.is_empty() {
        let mut shown = vec![heading("What is on each disc")];
        shown.extend(discs);
        frame.render_widget(ratatui::widgets::Paragraph::new(shown), discs_area);
    }
}
