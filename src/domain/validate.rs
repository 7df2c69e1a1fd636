//! The rules a form's fields must meet, with the words that say what is
//! expected. Forms and the command line both use them.

use chrono::NaiveDate;

use super::dates::parse_date;

/// What was wrong with a field, in words for the person who typed it.
pub type FieldError = String;

/// A text that must not be empty, without surrounding spaces.
pub fn required(label: &str, text: &str) -> Result<String, FieldError> {
    let text = text.trim();
    if text.is_empty() {
        Err(format!("{label} is required"))
    } else {
        Ok(text.to_string())
    }
}

/// A date that must be given.
pub fn date(label: &str, text: &str, today: NaiveDate) -> Result<NaiveDate, FieldError> {
    if text.trim().is_empty() {
        return Err(format!(
            "{label} is required: type a date such as 2026-12-01, today or in 2 weeks"
        ));
    }
    parse_date(text, today).map_err(|error| error.to_string())
}

/// True for a value left empty, or written as `none`.
fn left_empty(text: &str) -> bool {
    text.trim().is_empty() || text.trim().eq_ignore_ascii_case("none")
}

/// A date that may be left empty (or be `none`).
pub fn optional_date(text: &str, today: NaiveDate) -> Result<Option<NaiveDate>, FieldError> {
    if left_empty(text) {
        return Ok(None);
    }
    parse_date(text, today)
        .map(Some)
        .map_err(|error| error.to_string())
}

/// A number of days from 1 to 365, or nothing (empty, or `none`).
pub fn optional_days(text: &str) -> Result<Option<i64>, FieldError> {
    if left_empty(text) {
        return Ok(None);
    }
    let text = text.trim();
    match text.parse::<i64>() {
        Ok(days) if (1..=365).contains(&days) => Ok(Some(days)),
        _ => Err(format!("'{text}' is not a number of days from 1 to 365")),
    }
}

/// A whole number, such as a topic's place in the grid.
pub fn whole_number(text: &str) -> Result<i64, FieldError> {
    text.trim()
        .parse::<i64>()
        .map_err(|_| format!("'{}' is not a whole number", text.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap_or_default()
    }

    #[test]
    fn a_required_text_is_trimmed_and_an_empty_one_says_it_is_required() {
        assert_eq!(required("Name", "  Dr. Park "), Ok("Dr. Park".to_string()));
        assert_eq!(required("Name", "   "), Err("Name is required".to_string()));
    }

    #[test]
    fn a_required_date_says_how_to_type_one() {
        let error = date("Date", "", today()).expect_err("required");
        assert!(error.contains("Date is required"));
        assert!(
            date("Date", "soonish", today())
                .expect_err("bad")
                .contains("in 2 weeks")
        );
        assert_eq!(
            date("Date", "+10d", today()),
            Ok(NaiveDate::from_ymd_opt(2026, 3, 12).unwrap_or_default())
        );
    }

    #[test]
    fn an_optional_date_may_be_empty() {
        assert_eq!(optional_date("  ", today()), Ok(None));
        assert_eq!(optional_date("None", today()), Ok(None));
        assert!(optional_date("never", today()).is_err());
    }

    #[test]
    fn days_and_numbers_are_checked() {
        assert_eq!(optional_days(""), Ok(None));
        assert_eq!(optional_days("none"), Ok(None));
        assert_eq!(optional_days("15"), Ok(Some(15)));
        assert!(optional_days("0").is_err());
        assert!(optional_days("400").is_err());
        assert_eq!(whole_number(" 7 "), Ok(7));
        assert!(whole_number("seven").is_err());
    }
}
