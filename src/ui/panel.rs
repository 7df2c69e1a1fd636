//! The shapes most panes share: a list on the left, the selected record's
//! detail on the right, and a sentence where a pane has nothing yet.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, List, ListItem, ListState, Paragraph, Wrap};

use super::theme;

/// Splits a pane into its list and its detail.
pub fn list_and_detail(area: Rect, list_percent: u16) -> (Rect, Rect) {
    let [list, detail] = Layout::horizontal([
        Constraint::Percentage(list_percent),
        Constraint::Percentage(100 - list_percent),
    ])
    .areas(area);
    (list, detail)
}

pub fn block(title: &str) -> Block<'static> {
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme::border())
        .title(Span::styled(format!(" {title} "), theme::heading()))
}

/// A list with one selected row, kept in view.
pub fn list(frame: &mut Frame, area: Rect, title: &str, rows: Vec<ListItem<'_>>, selected: usize) {
    let mut state = ListState::default().with_selected(Some(selected));
    let list = List::new(rows)
        .block(block(title))
        .highlight_style(theme::selected())
        .highlight_symbol("▶ ");
    frame.render_stateful_widget(list, area, &mut state);
}

/// A long list, drawn a screenful at a time: `row(n)` makes row `n` of
/// `total`, and is asked only for the rows in view (None where a row has
/// not been read). The selected row is kept in view the way a full list
/// keeps it: at the bottom once the list has scrolled down to it.
pub fn long_list<'a>(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    total: usize,
    selected: usize,
    mut row: impl FnMut(usize) -> Option<ListItem<'a>>,
) {
    let height = usize::from(area.height.saturating_sub(2));
    let selected = selected.min(total.saturating_sub(1));
    let mut rows = std::collections::VecDeque::new();
    let mut used = 0;
    let mut first = selected + 1;
    while first > 0 {
        let Some(item) = row(first - 1) else { break };
        if used + item.height() > height && !rows.is_empty() {
            break;
        }
        used += item.height();
        rows.push_front(item);
        first -= 1;
    }
    let mut next = selected + 1;
    while next < total && used < height {
        let Some(item) = row(next) else { break };
        used += item.height();
        rows.push_back(item);
        next += 1;
    }
    list(
        frame,
        area,
        title,
        rows.into(),
        selected - first.min(selected),
    );
}

/// Wrapped lines in a titled box, scrolled down by `scroll` lines.
pub fn detail(frame: &mut Frame, area: Rect, title: &str, lines: Vec<Line<'_>>, scroll: u16) {
    // Never scroll past the last line into an empty box.
    let last = u16::try_from(lines.len().saturating_sub(1)).unwrap_or(u16::MAX);
    let scroll = scroll.min(last);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block(title))
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        area,
    );
}

/// What a pane shows before it has any records: what belongs there.
pub fn empty(frame: &mut Frame, area: Rect, title: &str, explanation: &[&str]) {
    let mut lines = vec![Line::raw("")];
    lines.extend(
        explanation
            .iter()
            .map(|line| Line::styled(format!("  {line}"), theme::label())),
    );
    detail(frame, area, title, lines, 0);
}

/// `label: value` on one line.
pub fn field<'a>(label: &str, value: String) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("{label}: "), theme::label()),
        Span::raw(value),
    ])
}

/// A field whose value may have several lines: the first beside the
/// label, the others below it, indented.
pub fn field_lines<'a>(label: &str, value: &str) -> Vec<Line<'a>> {
    let lead = vec![Span::styled(format!("{label}: "), theme::label())];
    if value.trim().is_empty() {
        let mut lead = lead;
        lead.push(Span::raw("—"));
        return vec![Line::from(lead)];
    }
    lines_after(lead, value, 2, ratatui::style::Style::default())
}

/// `text` in its lines, made inert: the first after `lead`, the others
/// below it, indented by `indent` columns, all in `style`.
pub fn lines_after<'a>(
    mut lead: Vec<Span<'a>>,
    text: &str,
    indent: usize,
    style: ratatui::style::Style,
) -> Vec<Line<'a>> {
    let mut lines = super::text::inert_lines(text.trim_end()).into_iter();
    lead.push(Span::styled(lines.next().unwrap_or_default(), style));
    let mut shown = vec![Line::from(lead)];
    shown.extend(lines.map(|line| Line::styled(format!("{}{line}", " ".repeat(indent)), style)));
    shown
}

/// A section heading inside a detail.
pub fn heading<'a>(text: &str) -> Line<'a> {
    Line::styled(text.to_string(), theme::heading())
}

/// Multi-line text, indented, each line made inert.
pub fn paragraph<'a>(text: &str) -> Vec<Line<'a>> {
    if text.trim().is_empty() {
        return vec![Line::styled("  —", theme::dim())];
    }
    super::text::inert_lines(text)
        .into_iter()
        .map(|line| Line::raw(format!("  {line}")))
        .collect()
}

/// The notes written on a record, then who added and changed it.
pub fn notes_and_stamp<'a>(
    app: &crate::app::App,
    kind: crate::domain::RecordKind,
    id: crate::domain::RecordId,
    stamp: &crate::domain::Stamp,
) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    let notes = app.case.notes_on(kind, id);
    if !notes.is_empty() {
        lines.push(heading("Notes"));
        for note in notes {
            lines.push(Line::styled(
                format!("  {}:", super::text::inert(&note.stamp.created_by)),
                theme::label(),
            ));
            lines.extend(paragraph(&note.body));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        super::text::stamp(stamp, &app.clock),
        theme::dim(),
    ));
    lines
}
