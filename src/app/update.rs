//! `update` turns an action into a new state and, where the file must be
//! read or written, an effect. It does no I/O.

use super::lists::{column_count, row_count};
use super::{Action, App, Effect, Pane, Status};

/// Rows of the screen above a pane's list: title, tabs, and the pane's
/// border and heading.
const CHROME_ROWS: u16 = 6;

pub fn update(app: &mut App, action: Action) -> Effect {
    match action {
        Action::Quit => app.quitting = true,
        Action::ToggleHelp => app.help_open = !app.help_open,
        Action::CloseHelp => app.help_open = false,
        Action::NextPane => go_to(app, app.pane.next()),
        Action::PreviousPane => go_to(app, app.pane.previous()),
        Action::GoTo(pane) => go_to(app, pane),
        Action::Up => move_rows(app, -1),
        Action::Down => move_rows(app, 1),
        Action::PageUp => move_rows(app, -page(app)),
        Action::PageDown => move_rows(app, page(app)),
        Action::Top => move_rows(app, isize::MIN / 2),
        Action::Bottom => move_rows(app, isize::MAX / 2),
        Action::ScrollDetailDown => scroll_detail(app, 3),
        Action::ScrollDetailUp => scroll_detail(app, -3),
        Action::Left => move_columns(app, -1),
        Action::Right => move_columns(app, 1),
        Action::OpenDemo => {
            app.status = Some(info("Opening the demo case..."));
            return Effect::OpenDemo;
        }
        Action::Click { column, row } => click(app, column, row),
        Action::Resize { rows } => {
            app.page_rows = usize::from(rows.saturating_sub(CHROME_ROWS + 4)).max(1);
        }
        Action::Reload => return Effect::Load,
        Action::Loaded(case) => {
            app.case = *case;
            app.loaded = true;
            clamp_cursors(app);
        }
        Action::Switched { file, note } => {
            app.file = file;
            app.cursors = Default::default();
            app.pane = Pane::Overview;
            app.status = Some(info(&note));
            return Effect::Load;
        }
        Action::WritePacket { blind } => {
            let doctors = super::lists::doctors(&app.case);
            if let Some(doctor) = doctors.get(app.cursor_of(Pane::Doctors).row) {
                return Effect::WritePacket {
                    doctor_id: doctor.id,
                    blind,
                };
            }
        }
        Action::Done(message) => app.status = Some(info(&message)),
        Action::Failed(message) => {
            app.status = Some(Status {
                text: message,
                is_error: true,
            });
        }
    }
    Effect::None
}

fn info(text: &str) -> Status {
    Status {
        text: text.to_string(),
        is_error: false,
    }
}

fn go_to(app: &mut App, pane: Pane) {
    if app.shows_welcome() {
        return;
    }
    app.pane = pane;
}

fn page(app: &App) -> isize {
    isize::try_from(app.page_rows.max(1)).unwrap_or(1)
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

fn move_rows(app: &mut App, by: isize) {
    if app.pane == Pane::Opinions {
        let cursor = app.cursor_mut();
        let scrolled = i64::from(cursor.scroll) + i64::try_from(by).unwrap_or(0);
        cursor.scroll = u16::try_from(scrolled.clamp(0, MAX_SCROLL)).unwrap_or(0);
        return;
    }
    let count = row_count(app, app.pane);
    let cursor = app.cursor_mut();
    let moved = step(cursor.row, by, count);
    if moved != cursor.row {
        cursor.row = moved;
        cursor.scroll = 0;
    }
}

/// The furthest a detail scrolls; the view stops at its last line anyway.
const MAX_SCROLL: i64 = 500;

fn scroll_detail(app: &mut App, by: i64) {
    let cursor = app.cursor_mut();
    let scrolled = (i64::from(cursor.scroll) + by).clamp(0, MAX_SCROLL);
    cursor.scroll = u16::try_from(scrolled).unwrap_or(0);
}

fn move_columns(app: &mut App, by: isize) {
    let count = column_count(app, app.pane);
    let cursor = app.cursor_mut();
    let moved = step(cursor.column, by, count);
    if moved != cursor.column {
        cursor.column = moved;
        cursor.scroll = 0;
    }
}

fn click(app: &mut App, column: u16, row: u16) {
    // The tab bar is the second line of the screen.
    if row == 1
        && !app.help_open
        && let Some(pane) = Pane::tab_at(column)
    {
        go_to(app, pane);
    }
}

/// Keeps every cursor on a row that exists after the case was read again.
fn clamp_cursors(app: &mut App) {
    for pane in Pane::ALL {
        let rows = row_count(app, pane);
        let columns = column_count(app, pane);
        let cursor = &mut app.cursors[pane.index()];
        cursor.row = cursor.row.min(rows.saturating_sub(1));
        cursor.column = cursor.column.min(columns.saturating_sub(1));
    }
}
