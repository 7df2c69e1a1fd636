//! A comparison grid: row headings down the left, column headings across
//! the top, one short text per cell, a marker on cells that differ, and
//! sideways scrolling that keeps the selected column in view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// One cell's text, the marker drawn before it, and its style.
#[derive(Debug, Clone, Default)]
pub struct GridCell {
    pub marker: String,
    pub text: String,
    pub style: Style,
}

/// The grid to draw. Texts must already be safe to print.
#[derive(Debug, Clone, Default)]
pub struct ComparisonGrid {
    pub row_headings: Vec<(String, Style)>,
    pub column_headings: Vec<String>,
    /// `cells[row][column]`.
    pub cells: Vec<Vec<GridCell>>,
    pub selected: Option<(usize, usize)>,
    pub heading_width: u16,
    pub column_width: u16,
    pub selected_style: Style,
    pub heading_style: Style,
}

impl ComparisonGrid {
    /// How many columns fit beside the row headings in `width`.
    pub fn visible_columns(&self, width: u16) -> usize {
        let room = width.saturating_sub(self.heading_width);
        usize::from((room / self.column_width.max(1)).max(1))
    }

    /// The first column drawn, so that the selected one is visible.
    pub fn first_column(&self, width: u16) -> usize {
        let visible = self.visible_columns(width);
        let selected = self.selected.map_or(0, |(_, column)| column);
        selected.saturating_sub(visible - 1)
    }
}

fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let kept: String = text.chars().take(width.saturating_sub(1)).collect();
    format!("{kept}…")
}

impl Widget for &ComparisonGrid {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 || area.width == 0 {
            return;
        }
        let first = self.first_column(area.width);
        let visible = self.visible_columns(area.width);
        let last = (first + visible).min(self.column_headings.len());
        let column_width = usize::from(self.column_width);
        let heading_width = usize::from(self.heading_width);

        // Whether more columns lie off either side is told in the corner
        // above the row headings, where there is always room.
        let more_left = first > 0;
        let more_right = last < self.column_headings.len();
        let corner = match (more_left, more_right) {
            (true, true) => "◀ more ▶",
            (true, false) => "◀ more",
            (false, true) => "more ▶",
            (false, false) => "",
        };
        let mut header = vec![Span::styled(
            format!("{corner:<heading_width$}"),
            self.heading_style,
        )];
        for heading in &self.column_headings[first.min(last)..last] {
            header.push(Span::styled(
                format!("{:<column_width$}", fit(heading, column_width - 1)),
                self.heading_style,
            ));
        }
        buf.set_line(area.x, area.y, &Line::from(header), area.width);

        for (index, (heading, heading_style)) in self.row_headings.iter().enumerate() {
            let y = area.y + 1 + u16::try_from(index).unwrap_or(u16::MAX);
            if y >= area.bottom() {
                break;
            }
            let mut spans = vec![Span::styled(
                format!("{:<heading_width$}", fit(heading, heading_width - 1)),
                *heading_style,
            )];
            let row = self.cells.get(index);
            for column in first.min(last)..last {
                let cell = row
                    .and_then(|cells| cells.get(column))
                    .cloned()
                    .unwrap_or_default();
                let text = fit(&format!("{}{}", cell.marker, cell.text), column_width - 1);
                let mut style = cell.style;
                if self.selected == Some((index, column)) {
                    style = style.patch(self.selected_style);
                }
                spans.push(Span::styled(
                    format!("{text:<width$}", width = column_width - 1),
                    style,
                ));
                spans.push(Span::raw(" "));
            }
            buf.set_line(area.x, y, &Line::from(spans), area.width);
        }
    }
}
