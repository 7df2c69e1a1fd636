//! Reading a form's values through the domain's rules.

use chrono::NaiveDate;

use crate::app::form::Form;
use crate::domain::validate::{self, FieldError};
use crate::domain::{CaseSnapshot, Choice, RecordId};

/// Reads a form's values through the domain's rules, gathering every
/// field's error instead of stopping at the first.
pub(super) struct Reader<'a> {
    pub form: &'a Form,
    pub case: &'a CaseSnapshot,
    pub today: NaiveDate,
    /// Who is writing.
    pub author: &'a str,
    pub errors: Vec<(String, FieldError)>,
}

impl<'a> Reader<'a> {
    pub fn new(form: &'a Form, case: &'a CaseSnapshot, today: NaiveDate, author: &'a str) -> Self {
        Reader {
            form,
            case,
            today,
            author,
            errors: Vec::new(),
        }
    }

    pub fn label(&self, key: &str) -> String {
        self.form
            .fields
            .iter()
            .find(|f| f.key == key)
            .map_or_else(|| key.to_string(), |f| f.label.clone())
    }

    /// Marks the field named `key` with `error`.
    pub fn fail<T: Default>(&mut self, key: &str, error: FieldError) -> T {
        self.errors.push((key.to_string(), error));
        T::default()
    }

    pub fn text(&self, key: &str) -> String {
        self.form.value(key).trim().to_string()
    }

    pub fn required(&mut self, key: &str) -> String {
        match validate::required(&self.label(key), &self.form.value(key)) {
            Ok(text) => text,
            Err(error) => self.fail(key, error),
        }
    }

    pub fn date(&mut self, key: &str) -> NaiveDate {
        match validate::date(&self.label(key), &self.form.value(key), self.today) {
            Ok(date) => date,
            Err(error) => {
                self.errors.push((key.to_string(), error));
                self.today
            }
        }
    }

    pub fn optional_date(&mut self, key: &str) -> Option<NaiveDate> {
        match validate::optional_date(&self.form.value(key), self.today) {
            Ok(date) => date,
            Err(error) => self.fail(key, error),
        }
    }

    /// A date that cannot be later than today (when something came).
    pub fn past_date(&mut self, key: &str) -> NaiveDate {
        let date = self.date(key);
        if date > self.today {
            self.errors.push((
                key.to_string(),
                format!(
                    "{} cannot be after today ({}): type the day it happened",
                    self.label(key),
                    self.today.format("%-d %b %Y")
                ),
            ));
        }
        date
    }

    /// A number of days from 1 to 365, or nothing.
    pub fn optional_days(&mut self, key: &str) -> Option<i64> {
        match validate::optional_days(&self.form.value(key)) {
            Ok(days) => days,
            Err(error) => self.fail(key, error),
        }
    }

    pub fn whole_number(&mut self, key: &str) -> i64 {
        match validate::whole_number(&self.form.value(key)) {
            Ok(number) => number,
            Err(error) => self.fail(key, error),
        }
    }

    pub fn choice<T: Choice>(&self, key: &str) -> Option<T> {
        T::from_key(&self.form.value(key))
    }

    pub fn id(&self, key: &str) -> Option<RecordId> {
        self.form.value(key).parse().ok()
    }

    pub fn required_id(&mut self, key: &str) -> RecordId {
        match self.id(key) {
            Some(id) => id,
            None => {
                let error = format!("{} is required: add one first", self.label(key));
                self.fail(key, error)
            }
        }
    }

    pub fn toggle(&self, key: &str) -> bool {
        self.form.value(key) == "yes"
    }
}
