//! Decide: the prompts, then the sections (the options, what matters about
//! the selected one, who else is involved, the readiness checks, the
//! decision), or the option grid in their place.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{BorderType, Paragraph};

use super::panel;
use super::text::{columns, date, fit, from_today, inert, inert_lines, short_date, wrap};
use super::theme;
use crate::app::App;
use crate::app::panes::decide::{
    ReadinessRow, Section, factors_of, involved_rows, options, readiness_rows, selected_option,
};
use crate::domain::decision::{
    NextStep, OptionGrid, READINESS, Source, checks_newest_first, follows_and_against, has_wait,
    offered_options, prompts, question_of, recommenders, source_words, stars, time_said, who_said,
};
use crate::domain::{CaseSnapshot, Choice, Factor, FactorSide, QuestionStatus, RecordKind};
use crate::widgets::grid::{ComparisonGrid, GridCell};

/// The lines of one section: each belongs to a row the cursor selects, or
/// to none (a heading, a hint).
#[derive(Default)]
struct Listing {
    lines: Vec<(Option<usize>, Line<'static>)>,
    /// Columns the text may take.
    width: usize,
}

impl Listing {
    fn new(area: Rect) -> Self {
        Listing {
            lines: Vec::new(),
            // Borders and the pointer's two columns.
            width: usize::from(area.width.saturating_sub(4)).max(8),
        }
    }

    fn line(&mut self, row: Option<usize>, line: Line<'static>) {
        self.lines.push((row, line));
    }

    /// `text` from the case file, made inert and broken to the width:
    /// `lead` before its first line, the others indented.
    fn text(&mut self, row: Option<usize>, lead: &str, text: &str, style: Style) {
        const INDENT: &str = "    ";
        let rest_room = self.width.saturating_sub(INDENT.len()).max(4);
        for (n, source) in inert_lines(text.trim_end()).into_iter().enumerate() {
            let prefix = if n == 0 { lead } else { INDENT };
            let first_room = self.width.saturating_sub(columns(prefix)).max(4);
            let mut pieces = wrap(&source, first_room).into_iter();
            let first = pieces.next().unwrap_or_default();
            self.lines
                .push((row, Line::styled(format!("{prefix}{first}"), style)));
            let rest = pieces.collect::<Vec<_>>().join(" ");
            if rest.is_empty() {
                continue;
            }
            for piece in wrap(&rest, rest_room) {
                self.lines
                    .push((row, Line::styled(format!("{INDENT}{piece}"), style)));
            }
        }
    }

    fn hint(&mut self, text: &str) {
        for piece in wrap(text, self.width) {
            self.lines.push((None, Line::styled(piece, theme::label())));
        }
    }
}

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let case = &app.case;
    let width = usize::from(area.width.saturating_sub(4)).max(10);
    let mut prompt_lines: Vec<Line> = Vec::new();
    for prompt in prompts(case, app.today()) {
        for (n, piece) in wrap(&prompt.words(), width).into_iter().enumerate() {
            let lead = if n == 0 { "◆ " } else { "  " };
            prompt_lines.push(Line::styled(format!("{lead}{piece}"), theme::warning()));
        }
    }
    prompt_lines.truncate(usize::from(area.height / 4));
    let prompt_height = u16::try_from(prompt_lines.len()).unwrap_or(0);
    let [prompt_area, bar, body] = Layout::vertical([
        Constraint::Length(prompt_height),
        Constraint::Length(1),
        Constraint::Min(3),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(prompt_lines), prompt_area);
    section_bar(frame, bar, app);
    if app.decide.grid {
        render_grid(frame, body, app);
        return;
    }
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(body);
    let options_lines = options_listing(app, left).lines.len() + 2;
    let options_height = u16::try_from(options_lines)
        .unwrap_or(u16::MAX)
        .clamp(4, (left.height / 2).max(4));
    let [options_area, factors_area] =
        Layout::vertical([Constraint::Length(options_height), Constraint::Min(4)]).areas(left);
    // The section the cursor is in takes the most room on the right;
    // else a recorded decision does, or the readiness checks.
    let shares = match app.decide.section {
        Section::Involved => [50, 25, 25],
        Section::Readiness => [20, 55, 25],
        Section::Decision => [20, 25, 55],
        _ if crate::domain::decision::decision(case).is_some() => [25, 30, 45],
        _ => [30, 45, 25],
    };
    let [involved_area, readiness_area, decision_area] =
        Layout::vertical(shares.map(Constraint::Percentage)).areas(right);
    let option_title = match selected_option(app) {
        Some(option) => format!("What matters: {}", fit(&inert(&option.name), 40)),
        None => Section::Factors.title().to_string(),
    };
    section(
        frame,
        options_area,
        app,
        Section::Options,
        Section::Options.title(),
        options_listing(app, options_area),
    );
    section(
        frame,
        factors_area,
        app,
        Section::Factors,
        &option_title,
        factors_listing(app, factors_area),
    );
    section(
        frame,
        involved_area,
        app,
        Section::Involved,
        Section::Involved.title(),
        involved_listing(app, involved_area),
    );
    section(
        frame,
        readiness_area,
        app,
        Section::Readiness,
        Section::Readiness.title(),
        readiness_listing(app, readiness_area),
    );
    section(
        frame,
        decision_area,
        app,
        Section::Decision,
        Section::Decision.title(),
        decision_listing(app, decision_area),
    );
}

/// The sections in a line, the one the cursor is in marked, and how to
/// move between them.
fn section_bar(frame: &mut Frame, area: Rect, app: &App) {
    let mut spans = Vec::new();
    if app.decide.grid {
        spans.push(Span::styled(" Option grid ", theme::active_tab()));
        spans.push(Span::styled(
            "  options by what matters · ←/→ options, j/k concerns · g back to the lists",
            theme::label(),
        ));
    } else {
        for (n, section) in Section::ALL.into_iter().enumerate() {
            if n > 0 {
                spans.push(Span::styled("·", theme::border()));
            }
            let style = if section == app.decide.section {
                theme::active_tab()
            } else {
                theme::label()
            };
            spans.push(Span::styled(format!(" {} ", section.title()), style));
        }
        spans.push(Span::styled("  ←/→ sections · g grid", theme::dim()));
    }
    frame.render_widget(Line::from(spans), area);
}

/// One section's box, its selected row marked when the cursor is in it,
/// scrolled to keep that row in view.
fn section(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    which: Section,
    title: &str,
    listing: Listing,
) {
    let focused = app.decide.section == which;
    let selected = app.decide.rows[which.index()];
    let block = if focused {
        ratatui::widgets::Block::bordered()
            .border_type(BorderType::Thick)
            .border_style(theme::heading())
            .title(Span::styled(format!(" {title} "), theme::active_tab()))
    } else {
        panel::block(title)
    };
    let height = usize::from(area.height.saturating_sub(2));
    let first_selected = listing
        .lines
        .iter()
        .position(|(row, _)| *row == Some(selected));
    let last_selected = listing
        .lines
        .iter()
        .rposition(|(row, _)| *row == Some(selected));
    let scroll = match (focused, first_selected, last_selected) {
        (true, Some(first), Some(last)) if last >= height => {
            (last + 1).saturating_sub(height).min(first)
        }
        _ => 0,
    };
    let mut shown_first = None;
    let lines: Vec<Line> = listing
        .lines
        .into_iter()
        .map(|(row, line)| {
            let on = focused && row.is_some() && row == Some(selected);
            let pointer = if on && shown_first.is_none() {
                shown_first = Some(());
                "▶ "
            } else {
                "  "
            };
            let mut spans = vec![Span::raw(pointer)];
            spans.extend(line.spans);
            let line = Line::from(spans).style(line.style);
            if on {
                line.patch_style(theme::selected())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((u16::try_from(scroll).unwrap_or(0), 0)),
        area,
    );
}

fn options_listing(app: &App, area: Rect) -> Listing {
    let case = &app.case;
    let mut listing = Listing::new(area);
    if case.options.is_empty() {
        listing.hint("No options yet. o adds every option the doctors recommend, and waiting; a adds one by hand.");
        return listing;
    }
    for (row, option) in options(case).into_iter().enumerate() {
        let who = recommenders(case, option);
        let said = if !who.is_empty() {
            format!(
                "recommended by {}",
                crate::domain::text::listed(&who.iter().map(|n| inert(n)).collect::<Vec<_>>())
            )
        } else if option.waits {
            "waiting: no treatment for now".to_string()
        } else {
            "no doctor recommends it".to_string()
        };
        let factors = case
            .factors
            .iter()
            .filter(|f| f.option_id == option.id)
            .count();
        let counted = match factors {
            0 => "nothing written yet".to_string(),
            1 => "1 factor".to_string(),
            n => format!("{n} factors"),
        };
        if option.not_for_me {
            listing.text(
                Some(row),
                "",
                &format!("{} · not for me", option.name),
                theme::dim(),
            );
            let because = if option.not_for_me_because.trim().is_empty() {
                "no reason written".to_string()
            } else {
                option.not_for_me_because.clone()
            };
            listing.text(Some(row), "    because: ", &because, theme::dim());
        } else {
            listing.text(Some(row), "", &option.name, theme::title());
            listing.text(
                Some(row),
                "    ",
                &format!("{said} · {counted}"),
                theme::label(),
            );
        }
    }
    let more = offered_options(case).iter().filter(|o| !o.waits).count();
    if !has_wait(case) {
        listing.line(
            None,
            Line::styled(
                "No option to wait is in the list: o adds it",
                theme::warning(),
            ),
        );
    }
    if more > 0 {
        listing.line(
            None,
            Line::styled(
                format!(
                    "{more} more recommended by a doctor: o adds {}",
                    if more == 1 { "it" } else { "them" }
                ),
                theme::warning(),
            ),
        );
    }
    listing
}

/// A factor's short source for tight places: the doctor and the date.
fn short_source(case: &CaseSnapshot, factor: &Factor) -> String {
    match factor.source() {
        Source::Opinion(id) => case.opinion(id).map_or_else(String::new, |o| {
            format!(
                "{} {}",
                inert(case.doctor_name(Some(o.doctor_id))),
                short_date(o.given_on)
            )
        }),
        Source::Answer(id) => {
            case.questions
                .iter()
                .find(|q| q.id == id)
                .map_or_else(String::new, |q| {
                    let when = q.answered_on.map(short_date).unwrap_or_default();
                    format!("{} {when}", inert(&case.asked_of(q)))
                        .trim_end()
                        .to_string()
                })
        }
        Source::Document => inert(factor.document.trim()),
        Source::Own => "my own".to_string(),
    }
}

/// A factor's stars, figure and source on one line.
fn factor_facts(case: &CaseSnapshot, factor: &Factor) -> String {
    let mut facts = vec![stars(factor.weight)];
    if let Some(figure) = factor.figure() {
        facts.push(inert(&figure));
    }
    facts.push(format!("said by: {}", inert(&source_words(case, factor))));
    facts.join(" · ")
}

/// What was asked about a factor not known yet, and the answer.
fn asked_lines(listing: &mut Listing, case: &CaseSnapshot, factor: &Factor, row: Option<usize>) {
    match question_of(case, factor.id) {
        None => listing.line(
            row,
            Line::styled("    not asked yet: Q asks a doctor", theme::warning()),
        ),
        Some(question) => {
            listing.text(
                row,
                &format!(
                    "    asked of {} ({}): ",
                    inert(&case.asked_of(question)),
                    question.status.label()
                ),
                &question.text,
                theme::label(),
            );
            if question.status == QuestionStatus::Answered {
                let when = question
                    .answered_on
                    .map(|d| format!(" {}", short_date(d)))
                    .unwrap_or_default();
                listing.text(
                    row,
                    &format!("    answer{when}: "),
                    &question.answer,
                    theme::good(),
                );
            }
        }
    }
}

fn factors_listing(app: &App, area: Rect) -> Listing {
    let case = &app.case;
    let mut listing = Listing::new(area);
    let Some(option) = selected_option(app) else {
        listing.hint("Once there are options, what matters about the selected one shows here.");
        return listing;
    };
    let factors = factors_of(case, option.id);
    if factors.is_empty() {
        listing.hint(
            "Nothing written about this option yet: f adds a benefit, a risk, or something not known yet.",
        );
        return listing;
    }
    let mut side = None;
    for (row, factor) in factors.into_iter().enumerate() {
        if side != Some(factor.side) {
            side = Some(factor.side);
            let heading = match factor.side {
                FactorSide::Benefit => "Benefits",
                FactorSide::Risk => "Risks",
                FactorSide::Unknown => "Not known yet",
            };
            listing.line(None, panel::heading(heading));
        }
        let lead = if factor.concern.trim().is_empty() {
            String::new()
        } else {
            format!("{}: ", inert(factor.concern.trim()))
        };
        listing.text(Some(row), &lead, &factor.text, Style::default());
        listing.text(
            Some(row),
            "    ",
            &factor_facts(case, factor),
            theme::label(),
        );
        if factor.side == FactorSide::Unknown {
            asked_lines(&mut listing, case, factor, Some(row));
        }
    }
    listing
}

fn involved_listing(app: &App, area: Rect) -> Listing {
    let case = &app.case;
    let mut listing = Listing::new(area);
    let option_name = |id: Option<i64>| {
        id.and_then(|id| case.options.iter().find(|o| o.id == id))
            .map(|o| inert(&o.name))
    };
    let rows = involved_rows(case);
    if !rows.iter().any(|r| r.kind == RecordKind::View) {
        listing.hint("No views written down yet: v writes what someone close to you thinks.");
    }
    for (row, record) in rows.iter().enumerate() {
        if record.kind == RecordKind::View {
            let Some(view) = case.views.iter().find(|v| v.id == record.id) else {
                continue;
            };
            let prefers = option_name(view.prefers).map_or_else(
                || "prefers no option".to_string(),
                |n| format!("prefers {n}"),
            );
            listing.text(
                Some(row),
                "",
                &format!(
                    "{}: {prefers} · {} · {}",
                    view.person,
                    view.pressure.label(),
                    view.supports.label()
                ),
                Style::default(),
            );
            if !view.note.trim().is_empty() {
                listing.text(Some(row), "    ", &view.note, theme::label());
            }
            listing.line(
                Some(row),
                Line::styled(
                    format!("    written by {}", inert(&view.stamp.created_by)),
                    theme::dim(),
                ),
            );
        }
    }
    listing.line(None, panel::heading("My own leaning"));
    match crate::domain::decision::leaning(case) {
        Some(leaning) => {
            let row = rows.iter().position(|r| r.kind == RecordKind::Leaning);
            let words = match option_name(leaning.option_id) {
                Some(name) => format!("I lean to {name}"),
                None => "I am unsure for now".to_string(),
            };
            listing.line(row, Line::styled(words, theme::title()));
            if !leaning.note.trim().is_empty() {
                listing.text(row, "    ", &leaning.note, theme::label());
            }
            listing.line(
                row,
                Line::styled("    L says it again when it changes", theme::dim()),
            );
        }
        None => listing.hint("Not said yet: L says which option you lean to now."),
    }
    listing
}

/// The four answers of a check in short words.
fn answers_words(answers: [bool; 4]) -> String {
    let short = [
        "sure",
        "knows the benefits and risks",
        "clear what matters",
        "enough support",
    ];
    READINESS
        .iter()
        .zip(short)
        .zip(answers)
        .map(|((_, words), yes)| format!("{words}: {}", if yes { "yes" } else { "no" }))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn readiness_listing(app: &App, area: Rect) -> Listing {
    let case = &app.case;
    let mut listing = Listing::new(area);
    let rows = readiness_rows(case);
    if rows.is_empty() {
        listing.hint(
            "Not taken yet: c asks four yes-or-no questions to see whether you feel ready to decide.",
        );
        return listing;
    }
    let checks = checks_newest_first(case);
    for (row, entry) in rows.into_iter().enumerate() {
        match entry {
            ReadinessRow::Check(id) => {
                let Some(check) = checks.iter().find(|c| c.id == id) else {
                    continue;
                };
                if checks.first().is_some_and(|c| c.id != id)
                    && checks.get(1).is_some_and(|c| c.id == id)
                {
                    listing.line(None, panel::heading("Earlier checks"));
                }
                let style = if check.noes() == 0 {
                    theme::good()
                } else {
                    theme::warning()
                };
                listing.line(
                    Some(row),
                    Line::from(vec![
                        Span::styled(short_date(check.taken_on), theme::title()),
                        Span::styled(
                            format!(" · by {} · ", inert(&check.stamp.created_by)),
                            theme::label(),
                        ),
                        Span::styled(check.score(), style),
                    ]),
                );
                listing.text(
                    Some(row),
                    "    ",
                    &answers_words(check.answers()),
                    theme::label(),
                );
                if checks.first().is_some_and(|c| c.id == id) && check.noes() == 0 {
                    listing.line(
                        None,
                        Line::styled(
                            "    All four yes: you may be ready to decide (D)",
                            theme::good(),
                        ),
                    );
                } else if checks.first().is_some_and(|c| c.id == id) {
                    listing.line(None, panel::heading("Next steps (Enter goes to one)"));
                }
            }
            ReadinessRow::Step(next) => {
                listing.text(Some(row), "→ ", &next.words(), Style::default());
                if let NextStep::LookAtWhatIsOpen { .. } = next {
                    if let Some(decide_by) = case.case.as_ref().and_then(|c| c.decide_by) {
                        listing.text(
                            Some(row),
                            "    ",
                            &format!(
                                "decision deadline: {} ({})",
                                date(decide_by),
                                from_today(decide_by, app.today())
                            ),
                            theme::label(),
                        );
                    }
                    for (doctor, said) in time_said(case) {
                        listing.text(
                            Some(row),
                            &format!("    {} said: ", inert(&doctor)),
                            &said,
                            theme::label(),
                        );
                    }
                }
            }
        }
    }
    listing
}

fn decision_listing(app: &App, area: Rect) -> Listing {
    let case = &app.case;
    let mut listing = Listing::new(area);
    let Some(decision) = crate::domain::decision::decision(case) else {
        listing.hint(
            "Not recorded yet. When you are ready, D records your decision; you can revise it later.",
        );
        return listing;
    };
    let row = Some(0);
    let option = case
        .options
        .iter()
        .find(|o| o.id == decision.option_id)
        .map_or_else(
            || "an option no longer in the list".to_string(),
            |o| inert(&o.name),
        );
    listing.text(
        row,
        "✓ ",
        &format!("I chose {option} on {}", date(decision.decided_on)),
        theme::good(),
    );
    if !decision.reasons.trim().is_empty() {
        listing.line(row, Line::styled("  Because:", theme::label()));
        listing.text(row, "    ", &decision.reasons, Style::default());
    }
    let (follows, against) = follows_and_against(case, decision.option_id);
    let named = |opinions: &[&crate::domain::Opinion]| {
        opinions
            .iter()
            .map(|o| {
                format!(
                    "{} ({})",
                    inert(case.doctor_name(Some(o.doctor_id))),
                    short_date(o.given_on)
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !follows.is_empty() {
        listing.text(row, "  It follows: ", &named(&follows), theme::label());
    }
    if !against.is_empty() {
        listing.text(
            row,
            "  It goes against: ",
            &named(&against),
            theme::warning(),
        );
    }
    if !decision.look_again_if.trim().is_empty() {
        listing.text(
            row,
            "  I would look again if: ",
            &decision.look_again_if,
            theme::label(),
        );
    }
    if let Some(on) = decision.look_again_on {
        listing.line(
            row,
            Line::styled(format!("  Look again on {}", date(on)), theme::label()),
        );
    }
    let revised = match decision.stamp.version - 1 {
        0 => "not revised".to_string(),
        1 => "revised once".to_string(),
        n => format!("revised {n} times"),
    };
    listing.line(
        row,
        Line::styled(
            format!(
                "  Recorded by {} · {revised}",
                inert(&decision.stamp.created_by)
            ),
            theme::dim(),
        ),
    );
    listing
}

/// The option grid: options across, concerns down, each cell the first
/// answer with who gave it and when; below it, the selected cell in full.
fn render_grid(frame: &mut Frame, area: Rect, app: &App) {
    let case = &app.case;
    if case.options.is_empty() {
        panel::empty(
            frame,
            area,
            "Option grid",
            &["No options yet: g goes back, where o adds the options the doctors recommend."],
        );
        return;
    }
    let grid = OptionGrid::build(case);
    let (row, column) = app.decide.cell;
    let grid_height = u16::try_from(grid.concerns.len() + 3)
        .unwrap_or(u16::MAX)
        .min(area.height.saturating_sub(5).max(4));
    let [top, bottom] =
        Layout::vertical([Constraint::Length(grid_height), Constraint::Min(3)]).areas(area);
    let block = panel::block("Options by what matters   ≠ the doctors differ · — nothing yet");
    let inner = block.inner(top);
    frame.render_widget(block, top);
    let count = u16::try_from(grid.option_ids.len().max(1)).unwrap_or(1);
    let heading_width = 30u16.min(inner.width / 4).max(12);
    let column_width = (inner.width.saturating_sub(heading_width) / count).clamp(18, 40);
    let option_of = |id| case.options.iter().find(|o| o.id == id);
    let cells = grid
        .cells
        .iter()
        .map(|cells| {
            cells
                .iter()
                .map(|cell| {
                    let factors: Vec<&Factor> = cell
                        .factor_ids
                        .iter()
                        .filter_map(|id| case.factors.iter().find(|f| f.id == *id))
                        .collect();
                    match factors.first() {
                        None => GridCell {
                            marker: "  ".into(),
                            text: "—".into(),
                            style: theme::dim(),
                        },
                        Some(first) => {
                            let more = if factors.len() > 1 {
                                format!(" (+{})", factors.len() - 1)
                            } else {
                                String::new()
                            };
                            // Who said it and when first, so that a
                            // narrow column still shows them.
                            let text = format!(
                                "{}: {}{more}",
                                short_source(case, first),
                                inert(&first.text.split_whitespace().collect::<Vec<_>>().join(" ")),
                            );
                            GridCell {
                                marker: if cell.differs {
                                    "≠ ".into()
                                } else {
                                    "  ".into()
                                },
                                text,
                                style: if cell.differs {
                                    theme::alarm()
                                } else {
                                    Style::default()
                                },
                            }
                        }
                    }
                })
                .collect()
        })
        .collect();
    let comparison = ComparisonGrid {
        row_headings: grid
            .concerns
            .iter()
            .map(|c| (inert(c), theme::label()))
            .collect(),
        column_headings: grid
            .option_ids
            .iter()
            .map(|id| {
                option_of(*id).map_or_else(String::new, |o| {
                    if o.not_for_me {
                        format!("{} (not for me)", inert(&o.name))
                    } else {
                        inert(&o.name)
                    }
                })
            })
            .collect(),
        cells,
        selected: Some((row, column)),
        heading_width,
        column_width,
        selected_style: theme::selected(),
        heading_style: theme::heading(),
    };
    frame.render_widget(&comparison, inner);

    let mut listing = Listing::new(bottom);
    let concern = grid.concerns.get(row).cloned().unwrap_or_default();
    let option = grid.option_ids.get(column).and_then(|id| option_of(*id));
    let title = format!(
        "{} · {}",
        fit(&inert(&concern), 30),
        option.map_or_else(String::new, |o| fit(&inert(&o.name), 40))
    );
    let factors: Vec<&Factor> = grid
        .cells
        .get(row)
        .and_then(|cells| cells.get(column))
        .map(|cell| {
            cell.factor_ids
                .iter()
                .filter_map(|id| case.factors.iter().find(|f| f.id == *id))
                .collect()
        })
        .unwrap_or_default();
    if factors.is_empty() {
        listing.hint("Nothing yet for this option on this concern: Enter or f adds it.");
    }
    let doctors: Vec<_> = factors.iter().filter_map(|f| who_said(case, f)).collect();
    for factor in factors {
        listing.text(
            None,
            &format!("{}: ", factor.side.label()),
            &factor.text,
            Style::default(),
        );
        listing.text(None, "    ", &factor_facts(case, factor), theme::label());
        if factor.side == FactorSide::Unknown {
            asked_lines(&mut listing, case, factor, None);
        }
    }
    if grid
        .cells
        .get(row)
        .and_then(|cells| cells.get(column))
        .is_some_and(|cell| cell.differs)
        && doctors.len() > 1
    {
        listing.line(
            None,
            Line::styled(
                "≠ The doctors gave different answers here: worth asking each of them why (4, Questions)",
                theme::alarm(),
            ),
        );
    }
    let lines: Vec<Line> = listing.lines.into_iter().map(|(_, line)| line).collect();
    panel::detail(frame, bottom, &title, lines, 0);
}
