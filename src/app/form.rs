//! A form's state: its fields, which one has the focus, and what is wrong.
//! Text goes into ratatui-textarea editors; choices and yes/no fields are
//! pickers. A form never saves itself: `update` turns it into a draft and
//! returns a save effect.

use ratatui_textarea::{CursorMove, Input, Key, TextArea, WrapMode};

use crate::domain::{RecordId, RecordKind, RecordRef};

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

/// A choice with more options than this opens a list to pick from.
pub const SHORT_CHOICE: usize = 3;

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
    pub key: String,
    pub label: String,
    pub input: FieldInput,
    pub editor: TextArea<'static>,
    pub required: bool,
    /// What is wrong with the value, in words.
    pub error: Option<String>,
    /// A hint shown beside the field (e.g. the date that was understood).
    pub hint: Option<String>,
    /// A heading drawn above the field, starting a group of fields (the
    /// stances of an opinion).
    pub heading: Option<String>,
    /// A choice already made by where the form was opened (the item a
    /// move is for): the focus starts after it, so that a stray arrow
    /// does not change it.
    pub from_context: bool,
}

impl Field {
    fn with(key: &str, label: &str, input: FieldInput, text: &str) -> Self {
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
            key: key.to_string(),
            label: label.to_string(),
            input,
            editor,
            required: false,
            error: None,
            hint: None,
            heading: None,
            from_context: false,
        }
    }

    pub fn line(key: &str, label: &str, text: &str) -> Self {
        Field::with(key, label, FieldInput::Line, text)
    }

    pub fn text(key: &str, label: &str, text: &str) -> Self {
        Field::with(key, label, FieldInput::Text, text)
    }

    pub fn date(key: &str, label: &str, text: &str) -> Self {
        Field::with(key, label, FieldInput::Date, text)
    }

    /// A picker, starting on the option whose key is `selected`.
    pub fn choice(key: &str, label: &str, picks: Vec<Pick>, selected: &str) -> Self {
        let selected = picks.iter().position(|p| p.key == selected).unwrap_or(0);
        Field::with(key, label, FieldInput::Choice { picks, selected }, "")
    }

    pub fn toggle(key: &str, label: &str, on: bool) -> Self {
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

    /// Marks a choice made by where the form was opened.
    pub fn context(mut self) -> Self {
        self.from_context = true;
        self
    }

    /// Starts a group of fields under `heading`.
    pub fn under(mut self, heading: &str) -> Self {
        self.heading = Some(heading.to_string());
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

    /// True for a field typed into (text, a date), false for a picker.
    pub fn is_typed(&self) -> bool {
        matches!(
            self.input,
            FieldInput::Line | FieldInput::Text | FieldInput::Date
        )
    }

    /// True for a choice long enough to be picked from a list.
    pub fn is_long_choice(&self) -> bool {
        matches!(&self.input, FieldInput::Choice { picks, .. } if picks.len() > SHORT_CHOICE)
    }

    /// True when the field holds nothing.
    pub fn is_empty(&self) -> bool {
        self.is_typed() && self.value().trim().is_empty()
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
                editor.set_placeholder_text(self.editor.placeholder_text());
                editor.move_cursor(CursorMove::Bottom);
                editor.move_cursor(CursorMove::End);
                self.editor = editor;
            }
        }
    }

    /// Empties a typed field, or puts a picker back on its first option.
    pub fn clear(&mut self) {
        match &mut self.input {
            FieldInput::Choice { selected, .. } => *selected = 0,
            FieldInput::Toggle(on) => *on = false,
            _ => self.set_value(""),
        }
        self.error = None;
    }

    /// Marks the whole value as chosen, so that the first key typed
    /// replaces it, as in a spreadsheet.
    fn choose_all(&mut self) {
        if self.is_typed() && !self.is_empty() {
            self.editor.select_all();
        }
    }

    /// True while the whole value is chosen and the next key replaces it.
    pub fn replaces_on_typing(&self) -> bool {
        self.is_typed() && self.editor.is_selecting()
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

    /// The options of a picker, if the field is one.
    pub fn picks(&self) -> &[Pick] {
        match &self.input {
            FieldInput::Choice { picks, .. } => picks,
            _ => &[],
        }
    }

    /// Picks option `index` of a picker.
    fn pick(&mut self, index: usize) {
        if let FieldInput::Choice { picks, selected } = &mut self.input
            && index < picks.len()
        {
            *selected = index;
        }
    }

    /// The place of the selected option of a picker.
    pub fn selected(&self) -> usize {
        match &self.input {
            FieldInput::Choice { selected, .. } => *selected,
            _ => 0,
        }
    }
}

/// Where the focus starts: the first required field still empty, else the
/// first field, passing over the choices made by where the form was
/// opened.
fn first_to_fill(fields: &[Field]) -> usize {
    fields
        .iter()
        .position(|f| f.required && f.is_empty() && !f.from_context)
        .or_else(|| fields.iter().position(|f| !f.from_context))
        .unwrap_or(0)
}

/// The option after `from` whose words start with `c`, going round. A
/// title before a name does not count: `o` finds "Dr. Samuel Okafor" by
/// his surname as well as `s` by his first name.
pub fn jump(picks: &[Pick], from: usize, c: char) -> Option<usize> {
    let wanted = c.to_lowercase().to_string();
    let count = picks.len();
    let starts = |label: &str| {
        let label = label.to_lowercase();
        let name = label
            .strip_prefix("dr.")
            .or_else(|| label.strip_prefix("dr "))
            .or_else(|| label.strip_prefix("prof."))
            .map(str::trim_start);
        match name {
            Some(name) => name
                .split_whitespace()
                .any(|word| word.starts_with(&wanted)),
            None => label.starts_with(&wanted),
        }
    };
    (1..=count)
        .map(|step| (from + step) % count)
        .find(|&index| starts(&picks[index].label))
}

/// A record the form changes besides its own (the stances of an
/// opinion), with the version that was read, so that someone else's
/// change to it is caught as well.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Linked {
    /// What the form calls it: for an opinion's stance, its topic's id.
    pub key: String,
    pub record: RecordRef,
    pub version: i64,
}

/// Someone else's version of the record a form edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theirs {
    pub by: String,
    /// The version they saved, which a save over it must name.
    pub version: i64,
    /// Their value of each field, by key.
    pub values: Vec<(String, String)>,
    /// The records the form changes besides, as they saved them.
    pub linked: Vec<Linked>,
}

/// What saving a form does: write the record it shows, or one step of a
/// record's life that reads only a few of its fields.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Purpose {
    /// Add or change the record.
    #[default]
    Record,
    /// A record request's written extension: when the notice came.
    Extension,
    /// A record request answered: when, and what came for each item.
    Receipt,
    /// Where an imaging disc is, to read it and preview its import.
    DiscImport,
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
    #[serde(default)]
    pub purpose: Purpose,
    #[serde(default)]
    pub linked: Vec<Linked>,
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
    pub purpose: Purpose,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// What went wrong with the whole form (a refused save).
    pub message: Option<String>,
    /// What saving will do, worked out as the fields change (the new due
    /// date of an extended request).
    pub preview: Vec<String>,
    /// Esc was pressed with changes: the form asks before discarding.
    pub confirm_discard: bool,
    /// The option highlighted in the list of the focused choice, while
    /// that list is open.
    pub choosing: Option<usize>,
    /// The values when the form opened, to tell whether anything changed.
    opened_with: Vec<String>,
    /// The fields given a value from outside (a flag of the command line),
    /// which count as chosen even where it is the value they opened with.
    given: Vec<String>,
    /// Someone else's version, when a save was refused because they saved
    /// first.
    pub theirs: Option<Theirs>,
    /// The record the form's record belongs to: what a note is written on
    /// (None for the case), the topic a conflict's status is about.
    pub belongs_to: Option<crate::domain::RecordRef>,
    /// The other records the form changes, with the versions read.
    pub linked: Vec<Linked>,
}

impl Form {
    pub fn new(title: impl Into<String>, target: FormTarget, fields: Vec<Field>) -> Self {
        let opened_with = fields.iter().map(Field::value).collect();
        let focus = first_to_fill(&fields);
        Form {
            title: title.into(),
            target,
            purpose: Purpose::Record,
            fields,
            focus,
            message: None,
            preview: Vec::new(),
            confirm_discard: false,
            choosing: None,
            opened_with,
            given: Vec::new(),
            belongs_to: None,
            theirs: None,
            linked: Vec::new(),
        }
    }

    /// A new record's form: the values it was opened with are defaults,
    /// which the first key typed replaces.
    pub fn with_defaults(mut self) -> Self {
        for field in &mut self.fields {
            field.choose_all();
        }
        self
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
                .map(|f| (f.key.clone(), f.value()))
                .collect(),
            purpose: self.purpose,
            linked: self.linked.clone(),
        }
    }

    /// Puts kept values back into their fields.
    pub fn restore_values(&mut self, values: &[(String, String)]) {
        for field in &mut self.fields {
            if let Some((_, value)) = values.iter().find(|(key, _)| *key == field.key)
                && *value != field.value()
            {
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

    /// True when the field named `key` was typed in or picked since the
    /// form opened, or given a value from outside.
    pub fn changed(&self, key: &str) -> bool {
        self.given.iter().any(|given| given == key)
            || self
                .fields
                .iter()
                .zip(&self.opened_with)
                .any(|(field, opened)| field.key == key && field.value() != *opened)
    }

    /// Puts `value` in the field named `key`, as chosen from outside the
    /// form; false when there is no such field.
    pub fn give(&mut self, key: &str, value: &str) -> bool {
        let Some(field) = self.field_mut(key) else {
            return false;
        };
        field.set_value(value);
        self.given.push(key.to_string());
        true
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

    pub fn field_mut(&mut self, key: &str) -> Option<&mut Field> {
        self.fields.iter_mut().find(|field| field.key == key)
    }

    pub fn next_field(&mut self) {
        self.choosing = None;
        if !self.fields.is_empty() {
            self.focus = (self.focus + 1) % self.fields.len();
        }
    }

    pub fn previous_field(&mut self) {
        self.choosing = None;
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
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())?;
        (value != self.value(key)).then_some(value)
    }

    /// Saves what was typed over their version: the save names the
    /// versions they saved.
    pub fn keep_mine(&mut self) {
        let Some(theirs) = self.theirs.take() else {
            return;
        };
        if let Some((id, _)) = self.target.editing {
            self.target.editing = Some((id, theirs.version));
        }
        self.linked = theirs.linked;
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
        self.opened_with = self
            .fields
            .iter()
            .map(|field| {
                theirs
                    .values
                    .iter()
                    .find(|(k, _)| *k == field.key)
                    .map_or_else(|| field.value(), |(_, v)| v.clone())
            })
            .collect();
        self.keep_mine();
    }

    /// Marks each field with its error, or clears it.
    pub fn mark(&mut self, errors: &[(String, String)]) {
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

    /// Empties the focused field.
    pub fn clear_field(&mut self) {
        if let Some(field) = self.fields.get_mut(self.focus) {
            field.clear();
        }
    }

    /// Opens the list of the focused choice, on its selected option.
    pub fn open_choices(&mut self) {
        if let Some(field) = self.fields.get(self.focus)
            && matches!(field.input, FieldInput::Choice { .. })
        {
            self.choosing = Some(field.selected());
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

    /// Moves the highlight in the open list of a choice, going round.
    pub fn choice_move(&mut self, by: isize) {
        let (Some(highlighted), Some(field)) = (self.choosing, self.fields.get(self.focus)) else {
            return;
        };
        let count = isize::try_from(field.picks().len()).unwrap_or(0);
        if count == 0 {
            self.choosing = None;
            return;
        }
        let next = (isize::try_from(highlighted).unwrap_or(0) + by).rem_euclid(count);
        self.choosing = usize::try_from(next).ok();
    }

    /// Picks the highlighted option of the open list, and closes it.
    pub fn choice_pick(&mut self) {
        if let (Some(highlighted), Some(field)) =
            (self.choosing.take(), self.fields.get_mut(self.focus))
        {
            field.pick(highlighted);
        }
    }

    /// Closes the open list of a choice, keeping what was picked before.
    pub fn choice_close(&mut self) {
        self.choosing = None;
    }

    /// A key while the list of a choice is open: move, jump by letter,
    /// pick with Enter or space, close with Esc.
    fn input_choosing(&mut self, highlighted: usize, input: &Input) {
        match &input.key {
            Key::Up => self.choice_move(-1),
            Key::Down => self.choice_move(1),
            Key::Enter | Key::Char(' ') => self.choice_pick(),
            Key::Esc => self.choice_close(),
            Key::Char(c) => {
                if let Some(field) = self.fields.get(self.focus)
                    && let Some(index) = jump(field.picks(), highlighted, *c)
                {
                    self.choosing = Some(index);
                }
            }
            _ => {}
        }
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
        if !self.takes_text() || self.choosing.is_some() {
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
    /// picker. Enter in a one-line field moves to the next field; on a
    /// long choice it opens its list.
    pub fn input(&mut self, input: Input) {
        if let Some(highlighted) = self.choosing {
            self.input_choosing(highlighted, &input);
            return;
        }
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        match (&field.input, &input.key) {
            (FieldInput::Choice { .. }, Key::Enter) if field.is_long_choice() => {
                self.open_choices();
            }
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
            (FieldInput::Choice { picks, selected }, Key::Char(c)) => {
                if let Some(index) = jump(picks, *selected, *c) {
                    field.pick(index);
                }
            }
            (FieldInput::Choice { .. } | FieldInput::Toggle(_), _) => {}
            (FieldInput::Line | FieldInput::Date, Key::Enter) => self.next_field(),
            // An arrow, Home or End on a chosen default keeps it to edit,
            // with the cursor where the key says.
            (_, Key::Left | Key::Right | Key::Up | Key::Down | Key::Home | Key::End)
                if field.replaces_on_typing() =>
            {
                field.editor.cancel_selection();
                if matches!(input.key, Key::Left | Key::Home | Key::Up) {
                    field.editor.input(input);
                }
            }
            _ => {
                field.editor.input(input);
                field.error = None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(c: char) -> Input {
        Input {
            key: Key::Char(c),
            ..Input::default()
        }
    }

    fn form(fields: Vec<Field>) -> Form {
        Form::new(
            "Test",
            FormTarget {
                kind: RecordKind::Note,
                editing: None,
            },
            fields,
        )
    }

    #[test]
    fn typing_into_a_default_replaces_it_and_an_arrow_keeps_it() {
        let mut replaced = form(vec![Field::date("on", "Date", "2026-03-02")]).with_defaults();
        for c in "today".chars() {
            replaced.input(typed(c));
        }
        assert_eq!(replaced.value("on"), "today");

        let mut kept = form(vec![Field::date("on", "Date", "2026-03-02")]).with_defaults();
        kept.input(Input {
            key: Key::End,
            ..Input::default()
        });
        kept.input(Input {
            key: Key::Backspace,
            ..Input::default()
        });
        kept.input(typed('3'));
        assert_eq!(kept.value("on"), "2026-03-03");

        // The arrow the form names, →, keeps it too.
        let mut right = form(vec![Field::line("to", "To", "Riverside")]).with_defaults();
        right.input(Input {
            key: Key::Right,
            ..Input::default()
        });
        assert!(!right.fields[0].replaces_on_typing());
        right.input(typed('!'));
        assert_eq!(right.value("to"), "Riverside!");
    }

    #[test]
    fn an_edited_record_keeps_its_values_when_typed_into() {
        let mut edit = form(vec![Field::line("name", "Name", "Dr. Park")]);
        edit.input(typed('!'));
        assert_eq!(edit.value("name"), "Dr. Park!");
    }

    #[test]
    fn a_long_choice_opens_a_list_that_jumps_by_letter() {
        let picks: Vec<Pick> = ["Alpha", "Bravo", "Charlie", "Delta", "Echo"]
            .iter()
            .map(|name| Pick::new(name.to_lowercase(), *name))
            .collect();
        let mut f = form(vec![Field::choice("pick", "Pick", picks, "alpha")]);
        f.input(Input {
            key: Key::Enter,
            ..Input::default()
        });
        assert_eq!(f.choosing, Some(0), "Enter opens the list");
        f.input(typed('d'));
        assert_eq!(f.choosing, Some(3), "d jumps to Delta");
        assert_eq!(f.value("pick"), "alpha", "nothing is picked yet");
        f.input(Input {
            key: Key::Enter,
            ..Input::default()
        });
        assert_eq!(f.choosing, None);
        assert_eq!(f.value("pick"), "delta");
    }

    #[test]
    fn the_focus_starts_on_the_first_field_to_fill() {
        let picks = vec![Pick::new("1", "Breast MRI"), Pick::new("2", "Biopsy")];
        let f = form(vec![
            Field::choice("item", "Item", picks, "1").context(),
            Field::line("from", "From", "Riverside"),
            Field::line("to", "To", "").required(),
        ])
        .with_defaults();
        assert_eq!(f.focused().map(|field| field.key.as_str()), Some("to"));
    }
}
