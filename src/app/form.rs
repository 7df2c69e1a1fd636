//! A form's state: its fields, which one has the focus, and what is wrong.
//! Text goes into ratatui-textarea editors; choices and yes/no fields are
//! pickers. A form never saves itself: `update` turns it into a draft and
//! returns a save effect.

use ratatui_textarea::{CursorMove, Input, Key, TextArea, WrapMode};

use crate::domain::{RecordId, RecordKind};

/// One option of a picker: the key the draft gets, the words shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pick {
    pub key: String,
    pub label: String,
}

impl Pick {
    pub fn new(key: impl Into<String>, label: impl Into<String>) -> Self {
        Pick {
            key: key.into(),
            label: label.into(),
        }
    }
}

/// What kind of input a field takes.
#[derive(Debug, Clone)]
pub enum FieldInput {
    /// One line of text.
    Line,
    /// Several lines, wrapped at words.
    Text,
    /// A date typed in any of the accepted forms.
    Date,
    /// One of a fixed list.
    Choice { picks: Vec<Pick>, selected: usize },
    /// Yes or no.
    Toggle(bool),
}

/// One field of a form.
#[derive(Debug, Clone)]
pub struct Field {
    /// The name the form's draft reads it by.
    pub key: &'static str,
    pub label: &'static str,
    pub input: FieldInput,
    pub editor: TextArea<'static>,
    pub required: bool,
    /// What is wrong with the value, in words.
    pub error: Option<String>,
    /// A hint shown beside the field (e.g. the date that was understood).
    pub hint: Option<String>,
}

impl Field {
    fn with(key: &'static str, label: &'static str, input: FieldInput, text: &str) -> Self {
        let lines: Vec<String> = if text.is_empty() {
            vec![String::new()]
        } else {
            text.lines().map(str::to_string).collect()
        };
        let mut editor = TextArea::new(lines);
        match input {
            FieldInput::Text => {
                editor.set_wrap_mode(WrapMode::WordOrGlyph);
                editor.set_placeholder_text("(several lines; Enter starts a new one)");
            }
            FieldInput::Date => {
                editor.set_placeholder_text("2026-12-01, today, tomorrow, +10d or in 2 weeks")
            }
            _ => editor.set_placeholder_text("…"),
        }
        editor.move_cursor(CursorMove::Bottom);
        editor.move_cursor(CursorMove::End);
        Field {
            key,
            label,
            input,
            editor,
            required: false,
            error: None,
            hint: None,
        }
    }

    pub fn line(key: &'static str, label: &'static str, text: &str) -> Self {
        Field::with(key, label, FieldInput::Line, text)
    }

    pub fn text(key: &'static str, label: &'static str, text: &str) -> Self {
        Field::with(key, label, FieldInput::Text, text)
    }

    pub fn date(key: &'static str, label: &'static str, text: &str) -> Self {
        Field::with(key, label, FieldInput::Date, text)
    }

    /// A picker, starting on the option whose key is `selected`.
    pub fn choice(
        key: &'static str,
        label: &'static str,
        picks: Vec<Pick>,
        selected: &str,
    ) -> Self {
        let selected = picks.iter().position(|p| p.key == selected).unwrap_or(0);
        Field::with(key, label, FieldInput::Choice { picks, selected }, "")
    }

    pub fn toggle(key: &'static str, label: &'static str, on: bool) -> Self {
        Field::with(key, label, FieldInput::Toggle(on), "")
    }

    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }

    /// Grey words shown in the field while it is empty.
    pub fn placeholder(mut self, text: &str) -> Self {
        self.editor.set_placeholder_text(text);
        self
    }

    /// The field's value as text: what was typed, the picked key, or
    /// `yes`/`no`.
    pub fn value(&self) -> String {
        match &self.input {
            FieldInput::Line | FieldInput::Date => self.editor.lines().join(" "),
            FieldInput::Text => self.editor.lines().join("\n"),
            FieldInput::Choice { picks, selected } => picks
                .get(*selected)
                .map(|p| p.key.clone())
                .unwrap_or_default(),
            FieldInput::Toggle(on) => if *on { "yes" } else { "no" }.to_string(),
        }
    }

    /// How many screen lines the field's input takes.
    pub fn height(&self) -> u16 {
        match self.input {
            FieldInput::Text => 4,
            _ => 1,
        }
    }

    /// Puts `value` in the field, as `value()` would give it back.
    pub fn set_value(&mut self, value: &str) {
        match &mut self.input {
            FieldInput::Choice { picks, selected } => {
                if let Some(index) = picks.iter().position(|p| p.key == value) {
                    *selected = index;
                }
            }
            FieldInput::Toggle(on) => *on = value == "yes",
            FieldInput::Line | FieldInput::Date | FieldInput::Text => {
                let lines: Vec<String> = if value.is_empty() {
                    vec![String::new()]
                } else {
                    value.lines().map(str::to_string).collect()
                };
                let mut editor = TextArea::new(lines);
                editor.set_wrap_mode(self.editor.wrap_mode());
                editor.move_cursor(CursorMove::Bottom);
                editor.move_cursor(CursorMove::End);
                self.editor = editor;
            }
        }
    }

    /// Moves a picker or flips a toggle; `by` is +1 or -1.
    fn cycle(&mut self, by: isize) {
        match &mut self.input {
            FieldInput::Choice { picks, selected } if !picks.is_empty() => {
                let count = isize::try_from(picks.len()).unwrap_or(1);
                let next = (isize::try_from(*selected).unwrap_or(0) + by).rem_euclid(count);
                *selected = usize::try_from(next).unwrap_or(0);
            }
            FieldInput::Toggle(on) => *on = !*on,
            _ => {}
        }
    }

    /// Picks the next option whose words start with `c`.
    fn jump_to(&mut self, c: char) {
        if let FieldInput::Choice { picks, selected } = &mut self.input {
            let wanted = c.to_lowercase().to_string();
            let count = picks.len();
            for step in 1..=count {
                let index = (*selected + step) % count;
                if picks[index].label.to_lowercase().starts_with(&wanted) {
                    *selected = index;
                    return;
                }
            }
        }
    }
}

/// Someone else's version of the record a form edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theirs {
    pub by: String,
    /// The version they saved, which a save over it must name.
    pub version: i64,
    /// Their value of each field, by key.
    pub values: Vec<(&'static str, String)>,
}

/// An open form as it is kept in the case file, so that what was typed
/// survives a crash or a closed terminal.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FormDraft {
    pub kind: RecordKind,
    pub editing: Option<(RecordId, i64)>,
    pub belongs_to: Option<crate::domain::RecordRef>,
    pub title: String,
    pub values: Vec<(String, String)>,
}

/// What a form saves to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormTarget {
    pub kind: RecordKind,
    /// The record being changed, and the version that was read; None adds.
    pub editing: Option<(RecordId, i64)>,
}

/// A form on screen.
#[derive(Debug, Clone)]
pub struct Form {
    pub title: String,
    pub target: FormTarget,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// What went wrong with the whole form (a refused save).
    pub message: Option<String>,
    /// Esc was pressed with changes: the form asks before discarding.
    pub confirm_discard: bool,
    /// The values when the form opened, to tell whether anything changed.
    opened_with: Vec<String>,
    /// Someone else's version, when a save was refused because they saved
    /// first.
    pub theirs: Option<Theirs>,
    /// The record the form's record belongs to: what a note is written on
    /// (None for the case), the topic a conflict's status is about.
    pub belongs_to: Option<crate::domain::RecordRef>,
}

impl Form {
    pub fn new(title: impl Into<String>, target: FormTarget, fields: Vec<Field>) -> Self {
        let opened_with = fields.iter().map(Field::value).collect();
        Form {
            title: title.into(),
            target,
            fields,
            focus: 0,
            message: None,
            confirm_discard: false,
            opened_with,
            belongs_to: None,
            theirs: None,
        }
    }

    /// The form as it is kept while open.
    pub fn to_draft(&self) -> FormDraft {
        FormDraft {
            kind: self.target.kind,
            editing: self.target.editing,
            belongs_to: self.belongs_to,
            title: self.title.clone(),
            values: self
                .fields
                .iter()
                .map(|f| (f.key.to_string(), f.value()))
                .collect(),
        }
    }

    /// Puts kept values back into their fields.
    pub fn restore_values(&mut self, values: &[(String, String)]) {
        for field in &mut self.fields {
            if let Some((_, value)) = values.iter().find(|(key, _)| key == field.key) {
                field.set_value(value);
            }
        }
    }

    /// True when something was typed or picked since the form opened.
    pub fn has_changes(&self) -> bool {
        self.fields
            .iter()
            .map(Field::value)
            .ne(self.opened_with.iter().cloned())
    }

    /// The value of the field named `key`.
    pub fn value(&self, key: &str) -> String {
        self.fields
            .iter()
            .find(|field| field.key == key)
            .map(Field::value)
            .unwrap_or_default()
    }

    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    pub fn next_field(&mut self) {
        if !self.fields.is_empty() {
            self.focus = (self.focus + 1) % self.fields.len();
        }
    }

    pub fn previous_field(&mut self) {
        if !self.fields.is_empty() {
            self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
        }
    }

    /// Their value of the field named `key`, when it differs from what the
    /// form holds.
    pub fn theirs_if_different(&self, key: &str) -> Option<&str> {
        let theirs = self.theirs.as_ref()?;
        let value = theirs
            .values
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())?;
        (value != self.value(key)).then_some(value)
    }

    /// Takes their value for every field that was not changed here, and
    /// keeps what was typed in the others.
    pub fn merge_theirs(&mut self) {
        let Some(theirs) = self.theirs.clone() else {
            return;
        };
        for (index, field) in self.fields.iter_mut().enumerate() {
            let untouched = self
                .opened_with
                .get(index)
                .is_some_and(|v| *v == field.value());
            if untouched
                && let Some((_, value)) = theirs.values.iter().find(|(k, _)| *k == field.key)
            {
                field.set_value(value);
            }
        }
        // What the form holds now is based on their version.
        self.opened_with = theirs.values.iter().map(|(_, v)| v.clone()).collect();
        if let Some((id, _)) = self.target.editing {
            self.target.editing = Some((id, theirs.version));
        }
        self.theirs = None;
    }

    /// Marks each field with its error, or clears it.
    pub fn mark(&mut self, errors: &[(&'static str, String)]) {
        for field in &mut self.fields {
            field.error = errors
                .iter()
                .find(|(key, _)| *key == field.key)
                .map(|(_, error)| error.clone());
        }
        if let Some(first) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = first;
        }
    }

    /// Pasted text: into the focused text field, line breaks kept only
    /// where the field takes several lines.
    pub fn paste(&mut self, text: &str) {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        match field.input {
            FieldInput::Text => {
                field
                    .editor
                    .insert_str(text.replace("\r\n", "\n").replace('\r', "\n"));
            }
            FieldInput::Line | FieldInput::Date => {
                let line: Vec<&str> = text.split_whitespace().collect();
                field.editor.insert_str(line.join(" "));
            }
            FieldInput::Choice { .. } | FieldInput::Toggle(_) => return,
        }
        field.error = None;
    }

    /// True when the focused field takes typed text (not a picker).
    pub fn takes_text(&self) -> bool {
        self.focused().is_some_and(|field| {
            matches!(
                field.input,
                FieldInput::Line | FieldInput::Date | FieldInput::Text
            )
        })
    }

    /// Letters typed key after key, put into the focused field as one
    /// insert: the same text as typing them one by one, measured once.
    pub fn type_text(&mut self, text: &str) {
        if !self.takes_text() {
            for c in text.chars() {
                self.input(Input {
                    key: Key::Char(c),
                    ..Input::default()
                });
            }
            return;
        }
        if let Some(field) = self.fields.get_mut(self.focus) {
            field.editor.insert_str(text);
            field.error = None;
        }
    }

    /// A key typed into the form: into the focused editor, or to move a
    /// picker. Enter in a one-line field moves to the next field.
    pub fn input(&mut self, input: Input) {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        match (&field.input, &input.key) {
            (FieldInput::Choice { .. } | FieldInput::Toggle(_), Key::Left | Key::Up) => {
                field.cycle(-1)
            }
            (
                FieldInput::Choice { .. } | FieldInput::Toggle(_),
                Key::Right | Key::Down | Key::Char(' '),
            ) => field.cycle(1),
            (FieldInput::Toggle(on), Key::Char(c)) => {
                let on = *on;
                match c.to_ascii_lowercase() {
                    'y' if !on => field.cycle(1),
                    'n' if on => field.cycle(1),
                    _ => {}
                }
            }
            (FieldInput::Choice { .. }, Key::Char(c)) => field.jump_to(*c),
            (FieldInput::Choice { .. } | FieldInput::Toggle(_), _) => {}
            (FieldInput::Line | FieldInput::Date, Key::Enter) => self.next_field(),
            _ => {
                field.editor.input(input);
                field.error = None;
            }
        }
    }
}
