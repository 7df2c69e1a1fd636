//! Today's date, and dates as people type them.

use chrono::{DateTime, Days, FixedOffset, Local, NaiveDate, NaiveDateTime, Utc};

/// Where "now" comes from: the system clock, or a fixed moment in a fixed
/// zone so that tests and screenshots do not depend on the day they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    System,
    Fixed {
        now: DateTime<Utc>,
        zone: FixedOffset,
    },
}

impl Clock {
    /// A clock stopped at `today` 09:00 UTC, shown in UTC.
    pub fn fixed(today: NaiveDate) -> Self {
        let now = today.and_hms_opt(9, 0, 0).unwrap_or_default().and_utc();
        Clock::Fixed {
            now,
            zone: FixedOffset::east_opt(0).unwrap_or_else(|| Utc.fix()),
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::Fixed { now, .. } => *now,
        }
    }

    /// Today's calendar date where the user is.
    pub fn today(&self) -> NaiveDate {
        self.local(self.now()).date()
    }

    /// A stored moment in the user's local time.
    pub fn local(&self, at: DateTime<Utc>) -> NaiveDateTime {
        match self {
            Clock::System => at.with_timezone(&Local).naive_local(),
            Clock::Fixed { zone, .. } => at.with_timezone(zone).naive_local(),
        }
    }
}

use chrono::Offset;

/// What was wrong with a typed date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(pub String);

impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "'{}' is not a date casefile understands; type it as 2026-12-01, today, tomorrow, +10d or in 2 weeks",
            self.0
        )
    }
}

impl std::error::Error for DateError {}

/// Reads a date typed as `2026-12-01`, `today`, `tomorrow`, `yesterday`,
/// `+10d`, `-3d`, `+2w`, `in 3 days` or `in 2 weeks`.
pub fn parse_date(text: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    let words = text.trim().to_lowercase();
    let fail = || DateError(text.trim().to_string());
    match words.as_str() {
        "today" => return Ok(today),
        "tomorrow" => return offset(today, 1).ok_or_else(fail),
        "yesterday" => return offset(today, -1).ok_or_else(fail),
        _ => {}
    }
    if let Ok(date) = NaiveDate::parse_from_str(&words, "%Y-%m-%d") {
        return Ok(date);
    }
    let (sign, rest) = if let Some(rest) = words.strip_prefix('+') {
        (1, rest.trim())
    } else if let Some(rest) = words.strip_prefix('-') {
        (-1, rest.trim())
    } else if let Some(rest) = words.strip_prefix("in ") {
        (1, rest.trim())
    } else {
        return Err(fail());
    };
    let split = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let (count, unit) = rest.split_at(split);
    let count: i64 = count.parse().map_err(|_| fail())?;
    let per_unit = match unit.trim() {
        "d" | "day" | "days" => 1,
        "w" | "week" | "weeks" => 7,
        _ => return Err(fail()),
    };
    offset(today, sign * count * per_unit).ok_or_else(fail)
}

/// `date` moved by `days` (negative goes back), if it stays a real date.
pub fn offset(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        date.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

/// Whole days from `from` to `to`: negative when `to` is earlier.
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    #[test]
    fn typed_dates_are_understood() {
        let today = day("2026-02-27");
        assert_eq!(parse_date("2026-12-01", today), Ok(day("2026-12-01")));
        assert_eq!(parse_date(" Today ", today), Ok(today));
        assert_eq!(parse_date("tomorrow", today), Ok(day("2026-02-28")));
        assert_eq!(parse_date("+10d", today), Ok(day("2026-03-09")));
        assert_eq!(parse_date("in 2 weeks", today), Ok(day("2026-03-13")));
        assert_eq!(parse_date("-3d", today), Ok(day("2026-02-24")));
    }

    #[test]
    fn a_date_that_is_not_understood_says_how_to_type_one() {
        let error = parse_date("next tuesday", day("2026-02-27")).expect_err("not a date");
        assert!(
            error
                .to_string()
                .contains("2026-12-01, today, tomorrow, +10d or in 2 weeks")
        );
        assert!(parse_date("2026-02-30", day("2026-02-27")).is_err());
    }
}
