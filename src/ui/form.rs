//! A form, drawn over the pane: each field with its label, what is wrong
//! with it, and a hint (the date that was understood); what saving will
//! do; and the list of a choice while one is open.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, List, ListItem, ListState, Paragraph, Wrap};

use super::text::{fit, inert, wrap};
use super::theme;
use crate::app::form::{Field, FieldInput, Form};
use crate::widgets::popup;

/// The fewest columns a form's fields are drawn in.
const MIN_WIDTH: u16 = 30;

/// Rows a field's error takes, wrapped to `width`.
fn error_rows(field: &Field, width: u16) -> u16 {
    field.error.as_ref().map_or(0, |error| {
        let chars = error.chars().count() + 4;
        u16::try_from(chars.div_ceil(usize::from(width.max(1)))).unwrap_or(1)
    })
}

/// Rows a field takes: its heading, its label line, its input, and what
/// is wrong.
fn rows(field: &Field, width: u16) -> u16 {
    u16::from(field.heading.is_some()) * 2 + 1 + field.height() + error_rows(field, width)
}

/// A form's field with, when someone else saved first, their value.
fn rows_in(form: &Form, field: &Field, width: u16) -> u16 {
    rows(field, width) + u16::from(form.theirs_if_different(&field.key).is_some())
}

/// The lines at the top of the form: what is wrong or what is asked, then
/// what saving will do, wrapped to `width`.
fn header(form: &Form, width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width.max(10));
    let (text, style) = match (&form.message, form.confirm_discard) {
        (_, true) => ("Discard what you typed? (y/n)".to_string(), theme::alarm()),
        (Some(message), false) => (inert(message), theme::alarm()),
        (None, false) => ("Fields marked * are required.".to_string(), theme::dim()),
    };
    let mut lines: Vec<Line> = wrap(&text, width)
        .into_iter()
        .map(|line| Line::styled(line, style))
        .collect();
    for preview in &form.preview {
        let style = if preview.starts_with('⚠') {
            theme::warning()
        } else {
            theme::good()
        };
        lines.extend(
            wrap(&inert(preview), width)
                .into_iter()
                .map(|line| Line::styled(line, style)),
        );
    }
    lines
}

pub fn render(frame: &mut Frame, area: Rect, form: &Form) {
    let width = area.width.saturating_sub(4).min(100);
    let text_width = width.saturating_sub(7);
    let rows = |field: &Field| rows_in(form, field, text_width);
    let header = header(form, width.saturating_sub(2));
    let header_rows = u16::try_from(header.len()).unwrap_or(2).max(2);
    let wanted: u16 = form.fields.iter().map(rows).sum::<u16>() + header_rows + 5;
    let outer = popup::centered(area, width, wanted.min(area.height.saturating_sub(2)));
    // A column either side is cleared too, so that no letter of the pane
    // behind shows beside the form's border.
    let margin = Rect {
        x: outer.x.saturating_sub(1).max(area.x),
        width: (outer.width + 2).min(area.width),
        ..outer
    };
    frame.render_widget(Clear, margin);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme::heading())
        .title(Span::styled(
            format!(" {} ", inert(&form.title)),
            theme::title(),
        ));
    let inner = block.inner(outer);
    frame.render_widget(block, outer);
    // The message line, then the focused field whole and a row more: on
    // a smaller screen the form says so rather than show a part of it.
    let needed = 3 + form.focused().map_or(1, rows) + 1;
    if inner.height < needed || inner.width < MIN_WIDTH {
        frame.render_widget(
            Paragraph::new(
                "The window is too small for this form: make it bigger to see it. \
                 What you typed is kept; Esc cancels.",
            )
            .style(theme::warning())
            .wrap(ratatui::widgets::Wrap { trim: true }),
            inner,
        );
        return;
    }

    // The message and preview at the top, the fields below them, scrolled
    // so that the focused field is in view.
    let header_rows = header_rows.min(inner.height.saturating_sub(2));
    frame.render_widget(
        Paragraph::new(header),
        Rect {
            height: header_rows,
            ..inner
        },
    );
    let body = Rect {
        y: inner.y + header_rows + 1,
        height: inner.height.saturating_sub(header_rows + 1),
        ..inner
    };
    let focus_top: u16 = form.fields.iter().take(form.focus).map(rows).sum();
    let focus_bottom = focus_top + form.focused().map_or(0, rows);
    let skip = focus_bottom.saturating_sub(body.height);

    let mut focused_input = None;
    let mut y: i32 = i32::from(body.y) - i32::from(skip);
    for (index, field) in form.fields.iter().enumerate() {
        let height = rows(field);
        let top = y;
        y += i32::from(height);
        // A field that starts above the view is left out; one that runs
        // past its bottom is drawn as far as it fits.
        if top < i32::from(body.y) || top + 1 >= i32::from(body.bottom()) {
            continue;
        }
        let top = u16::try_from(top).unwrap_or(body.y);
        let mut area = Rect {
            x: body.x,
            y: top,
            width: body.width,
            height: height.min(body.bottom() - top),
        };
        if let Some(heading) = &field.heading {
            frame.render_widget(
                Line::styled(
                    fit(&inert(heading), usize::from(area.width)),
                    theme::heading(),
                ),
                Rect {
                    y: area.y + 1,
                    height: 1,
                    ..area
                },
            );
            area.y += 2;
            area.height = area.height.saturating_sub(2);
            if area.height == 0 {
                continue;
            }
        }
        let focused = index == form.focus;
        draw_field(frame, area, field, focused);
        if focused {
            focused_input = Some(Rect {
                y: area.y + 1,
                ..area
            });
        }
        if let (Some(theirs), Some(by)) = (
            form.theirs_if_different(&field.key),
            form.theirs.as_ref().map(|t| t.by.as_str()),
        ) {
            let y = area.y + area.height.saturating_sub(1);
            if y < body.bottom() {
                let shown = match &field.input {
                    FieldInput::Choice { picks, .. } => picks
                        .iter()
                        .find(|p| p.key == theirs)
                        .map_or(theirs, |p| p.label.as_str()),
                    _ => theirs.trim(),
                };
                frame.render_widget(
                    Line::styled(
                        format!(
                            "    {}'s: {}",
                            inert(by),
                            fit(&inert(shown), usize::from(area.width.saturating_sub(16)))
                        ),
                        theme::warning(),
                    ),
                    Rect {
                        y,
                        height: 1,
                        ..area
                    },
                );
            }
        }
    }
    if let (Some(highlighted), Some(field), Some(below)) =
        (form.choosing, form.focused(), focused_input)
    {
        choices(frame, inner, below, field, highlighted);
    }
}

/// The list of a choice, open under its field: each option with its first
/// letter marked, since typing it jumps there.
fn choices(frame: &mut Frame, within: Rect, below: Rect, field: &Field, highlighted: usize) {
    let picks = field.picks();
    let width = picks
        .iter()
        .map(|p| p.label.chars().count())
        .max()
        .unwrap_or(10)
        .clamp(20, usize::from(within.width.saturating_sub(8)).max(20));
    let width = u16::try_from(width + 4).unwrap_or(within.width);
    let height = u16::try_from(picks.len() + 3)
        .unwrap_or(u16::MAX)
        .min(within.height.saturating_sub(1).max(3));
    let x = (below.x + 2).min(within.right().saturating_sub(width));
    let y = if below.y + 1 + height <= within.bottom() {
        below.y + 1
    } else {
        within.bottom().saturating_sub(height)
    };
    let area = Rect {
        x,
        y,
        width: width.min(within.width),
        height,
    };
    let items: Vec<ListItem> = picks
        .iter()
        .map(|pick| {
            let label = inert(&pick.label);
            let mut chars = label.chars();
            let first: String = chars.next().map(String::from).unwrap_or_default();
            ListItem::new(Line::from(vec![
                Span::styled(
                    first,
                    Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                ),
                Span::raw(chars.collect::<String>()),
            ]))
        })
        .collect();
    frame.render_widget(Clear, area);
    let list = List::new(items)
        .block(
            Block::bordered()
                .border_type(BorderType::Rounded)
                .border_style(theme::heading())
                .title(Span::styled(
                    " ↑↓ · a letter jumps · Enter picks · Esc ",
                    theme::dim(),
                )),
        )
        .highlight_style(theme::selected())
        .highlight_symbol("▶ ");
    let mut state = ListState::default().with_selected(Some(highlighted));
    frame.render_stateful_widget(list, area, &mut state);
}

fn draw_field(frame: &mut Frame, area: Rect, field: &Field, focused: bool) {
    let marker = if focused { "▶ " } else { "  " };
    let required = if field.required { " *" } else { "" };
    let mut label = vec![Span::styled(
        format!("{marker}{}{required}", inert(&field.label)),
        if focused {
            theme::heading()
        } else {
            theme::label()
        },
    )];
    if let Some(error) = &field.error {
        let below = Rect {
            x: area.x + 4,
            y: area.y + 1 + field.height(),
            width: area.width.saturating_sub(5),
            height: area.height.saturating_sub(1 + field.height()),
        };
        frame.render_widget(
            Paragraph::new(format!("⚠ {}", inert(error)))
                .style(theme::alarm())
                .wrap(Wrap { trim: true }),
            below,
        );
    } else if let Some(hint) = &field.hint {
        label.push(Span::styled(format!("  {}", inert(hint)), theme::good()));
    }
    if focused && field.replaces_on_typing() {
        label.push(Span::styled(
            "  (typing replaces it; → keeps it)",
            theme::dim(),
        ));
    }
    frame.render_widget(Line::from(label), Rect { height: 1, ..area });
    let input = Rect {
        x: area.x + 4,
        y: area.y + 1,
        width: area.width.saturating_sub(5),
        height: field.height().min(area.height.saturating_sub(1)),
    };
    if input.height == 0 {
        return;
    }
    let input_style = if field.error.is_some() {
        theme::alarm()
    } else {
        Style::default()
    };
    match &field.input {
        FieldInput::Choice { picks, selected } => {
            let label = picks
                .get(*selected)
                .map_or(String::new(), |p| inert(&p.label));
            let shown = fit(&label, usize::from(input.width.saturating_sub(6)));
            let text = match (focused, field.is_long_choice()) {
                (true, true) => format!("◀ {shown} ▶   (Enter: the list · ←/→)"),
                (true, false) => format!("◀ {shown} ▶   (←/→ to choose)"),
                (false, _) => shown,
            };
            frame.render_widget(Paragraph::new(text).style(input_style), input);
        }
        FieldInput::Toggle(on) => {
            let text = match (on, focused) {
                (true, true) => "[x] yes   (space to change)",
                (false, true) => "[ ] no    (space to change)",
                (true, false) => "[x] yes",
                (false, false) => "[ ] no",
            };
            frame.render_widget(Paragraph::new(text).style(input_style), input);
        }
        FieldInput::Line | FieldInput::Date | FieldInput::Text => {
            let mut editor = field.editor.clone();
            editor.set_style(input_style);
            editor.set_cursor_line_style(Style::default());
            if focused {
                editor.set_cursor_style(theme::selected());
                editor.set_selection_style(theme::selected());
            } else {
                editor.set_cursor_style(Style::default());
                editor.cancel_selection();
                // A field not being typed in shows its beginning.
                editor.move_cursor(ratatui_textarea::CursorMove::Top);
                editor.move_cursor(ratatui_textarea::CursorMove::Head);
            }
            if matches!(field.input, FieldInput::Text) {
                editor.set_block(Block::default().style(theme::dim()));
            }
            frame.render_widget(&editor, input);
        }
    }
}
