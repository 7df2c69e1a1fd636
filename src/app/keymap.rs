//! Every key binding, in one table. The same table dispatches keys, writes
//! the footer's hints and the `?` help, so they can never disagree.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::{Action, Pane};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everywhere on the main screen.
    Global,
    /// In every pane with a list.
    Lists,
    /// In the Opinions pane.
    Opinions,
    /// In the Conflicts pane.
    Conflicts,
    /// In the Doctors pane.
    Doctors,
    /// In the Decide pane.
    Decide,
    /// On the welcome screen of an empty case file.
    Welcome,
    /// While the help is open.
    Help,
    /// The keys that change records, on the main screen.
    Records,
    /// In the Overview.
    Overview,
    /// In the Imaging pane.
    Imaging,
    /// In the Requests pane.
    Requests,
    /// In the Notes pane.
    Notes,
    /// In the Questions pane.
    Questions,
    /// While two opinions are compared.
    Compare,
    /// In a form.
    Form,
    /// In the form that starts a case.
    Setup,
    /// While a yes/no question is asked.
    Confirm,
    /// While the history of changes is open.
    History,
    /// While the writer is chosen at start.
    Authors,
    /// While a record's parts are listed.
    Parts,
    /// While the search is open.
    Search,
    /// While the list of a choice in a form is open.
    Choosing,
    /// While a new writer's name is typed at start.
    NewAuthor,
    /// While an imaging disc is read.
    DiscReading,
    /// Over the preview of an imaging disc's import.
    DiscPreview,
}

impl Scope {
    pub fn title(self) -> &'static str {
        match self {
            Scope::Global => "Everywhere",
            Scope::Lists => "Lists",
            Scope::Opinions => "Opinions pane",
            Scope::Conflicts => "Conflicts pane",
            Scope::Doctors => "Doctors pane",
            Scope::Decide => "Decide pane",
            Scope::Welcome => "Welcome screen",
            Scope::Help => "This help",
            Scope::Records => "Changing records",
            Scope::Overview => "Overview",
            Scope::Imaging => "Imaging pane",
            Scope::Requests => "Requests pane",
            Scope::Notes => "Notes pane",
            Scope::Questions => "Questions pane",
            Scope::Compare => "Comparing two opinions",
            Scope::Form => "In a form",
            Scope::Setup => "Starting a case",
            Scope::Confirm => "When asked yes or no",
            Scope::History => "History of changes",
            Scope::Authors => "Choosing who is writing",
            Scope::Parts => "What belongs to a record",
            Scope::Search => "Searching",
            Scope::Choosing => "Choosing from a list in a form",
            Scope::NewAuthor => "Typing the name of someone new",
            Scope::DiscReading => "While a disc is read",
            Scope::DiscPreview => "Before importing a disc",
        }
    }
}

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

pub(crate) const fn plain(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

pub(crate) const fn ch(c: char) -> Key {
    plain(KeyCode::Char(c))
}

pub(crate) const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

/// One row of the table.
#[derive(Debug)]
pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Key],
    pub action: Action,
    /// What the keys do, in the help.
    pub description: &'static str,
    /// What the keys do in a word or two, in the footer; None for keys
    /// shown in the help only.
    pub footer: Option<&'static str>,
}

/// A binding shown in the help only.
pub(crate) const fn help(
    scope: Scope,
    keys: &'static [Key],
    action: Action,
    description: &'static str,
) -> Binding {
    Binding {
        scope,
        keys,
        action,
        description,
        footer: None,
    }
}

/// A binding shown in the footer, in `footer`'s few words, and in the help.
pub(crate) const fn hint(
    scope: Scope,
    keys: &'static [Key],
    action: Action,
    description: &'static str,
    footer: &'static str,
) -> Binding {
    Binding {
        scope,
        keys,
        action,
        description,
        footer: Some(footer),
    }
}

impl Binding {
    /// How the keys are written in the help: every key, once.
    pub fn label(&self) -> String {
        let mut names: Vec<String> = Vec::new();
        for key in self.keys {
            let name = key.name();
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names.join("/")
    }

    /// How the keys are written in the footer: the first key.
    pub fn short_label(&self) -> String {
        self.keys.first().map(|key| key.name()).unwrap_or_default()
    }
}

impl Key {
    /// The key as the help writes it: `a`, `Ctrl-S`, `Enter`, `↓`.
    pub fn name(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => return "S-Tab".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            other => format!("{other:?}"),
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{}", base.to_uppercase())
        } else {
            base
        }
    }
}

pub(crate) const ENTER: Key = plain(KeyCode::Enter);
pub(crate) const ESC: Key = plain(KeyCode::Esc);
pub(crate) const TAB: Key = plain(KeyCode::Tab);
pub(crate) const BACKTAB: Key = plain(KeyCode::BackTab);
pub(crate) const SHIFT_BACKTAB: Key = Key {
    code: KeyCode::BackTab,
    modifiers: KeyModifiers::SHIFT,
};
pub(crate) const UP: Key = plain(KeyCode::Up);
pub(crate) const DOWN: Key = plain(KeyCode::Down);
pub(crate) const LEFT: Key = plain(KeyCode::Left);
pub(crate) const RIGHT: Key = plain(KeyCode::Right);
pub(crate) const PGUP: Key = plain(KeyCode::PageUp);
pub(crate) const PGDN: Key = plain(KeyCode::PageDown);
pub(crate) const HOME: Key = plain(KeyCode::Home);
pub(crate) const END: Key = plain(KeyCode::End);

use Scope::{
    Authors, Choosing, Compare, Confirm, Conflicts, DiscPreview, DiscReading, Doctors, Form,
    Global, Help, History, Imaging, Lists, NewAuthor, Notes, Opinions, Overview, Parts, Questions,
    Records, Requests, Search, Setup, Welcome,
};

#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    // Global
    hint(Global, &[ch('/')], Action::OpenSearch, "search everything", "search"),
    hint(Global, &[TAB], Action::NextPane, "next pane", "next pane"),
    help(Global, &[BACKTAB, SHIFT_BACKTAB], Action::PreviousPane, "previous pane"),
    help(Global, &[ch('1')], Action::GoTo(Pane::Overview), "Overview"),
    help(Global, &[ch('2')], Action::GoTo(Pane::Opinions), "Opinions"),
    help(Global, &[ch('3')], Action::GoTo(Pane::Conflicts), "Conflicts"),
    help(Global, &[ch('4')], Action::GoTo(Pane::Questions), "Questions"),
    help(Global, &[ch('5')], Action::GoTo(Pane::Imaging), "Imaging and slides"),
    help(Global, &[ch('6')], Action::GoTo(Pane::Requests), "Record requests"),
    help(Global, &[ch('7')], Action::GoTo(Pane::Deadlines), "Deadlines"),
    help(Global, &[ch('8')], Action::GoTo(Pane::Notes), "Notes"),
    help(Global, &[ch('9')], Action::GoTo(Pane::Doctors), "Doctors"),
    help(Global, &[ch('0')], Action::GoTo(Pane::Decide), "Decide: the options, what matters, the decision"),
    help(Global, &[ch('o')], Action::OpenWritten, "open the packet just written (its message says where it is)"),
    hint(Global, &[ch('?')], Action::ToggleHelp, "show every key", "every key"),
    hint(Global, &[ch('q'), ctrl('c')], Action::Quit, "quit", "quit"),
    // Lists
    hint(Lists, &[ch('j'), DOWN], Action::Down, "next row", "next"),
    hint(Lists, &[ch('k'), UP], Action::Up, "previous row", "previous"),
    help(Lists, &[ch('J')], Action::ScrollDetailDown, "scroll the detail down"),
    help(Lists, &[ch('K')], Action::ScrollDetailUp, "scroll the detail up"),
    help(Lists, &[PGDN, ctrl('d')], Action::PageDown, "page down"),
    help(Lists, &[PGUP, ctrl('u')], Action::PageUp, "page up"),
    help(Lists, &[ch('g'), HOME], Action::Top, "first row"),
    help(Lists, &[ch('G'), END], Action::Bottom, "last row"),
    // Records
    hint(Records, &[ch('a')], Action::Add, "add", "add"),
    hint(Records, &[ch('e')], Action::Edit, "edit the selected record", "edit"),
    hint(Records, &[ch('d')], Action::Delete, "delete the selected record (asks first)", "delete"),
    help(Records, &[ch('n')], Action::Note, "add a note on the selected record"),
    help(Records, &[ch('u')], Action::Undo, "undo your last change"),
    // Search
    hint(Search, &[ENTER], Action::Open, "go to the record found", "go to it"),
    hint(Search, &[DOWN], Action::Down, "next result", "next"),
    hint(Search, &[UP], Action::Up, "previous result", "previous"),
    help(Search, &[PGDN], Action::PageDown, "a page of results down"),
    help(Search, &[PGUP], Action::PageUp, "a page of results up"),
    hint(Search, &[ESC, ctrl('c')], Action::CloseSearch, "close the search", "close"),
    // Form
    hint(Form, &[ctrl('s')], Action::SaveForm, "save", "save"),
    hint(Form, &[ctrl('u')], Action::ClearField, "clear this field", "clear field"),
    help(Form, &[ctrl('k')], Action::KeepMine, "after someone else saved: keep yours"),
    help(Form, &[ctrl('t')], Action::TakeTheirs, "after someone else saved: take theirs"),
    help(Form, &[ctrl('g')], Action::MergeTheirs, "after someone else saved: take theirs where you changed nothing"),
    hint(Form, &[TAB], Action::NextField, "next field", "next field"),
    hint(Form, &[BACKTAB, SHIFT_BACKTAB], Action::PreviousField, "previous field", "previous field"),
    hint(Form, &[ESC, ctrl('c')], Action::CancelForm, "cancel (asks first if you typed anything)", "cancel"),
    // Choosing
    hint(Choosing, &[DOWN, ch('j')], Action::ChoiceMove(1), "next option", "next"),
    hint(Choosing, &[UP, ch('k')], Action::ChoiceMove(-1), "previous option", "previous"),
    hint(Choosing, &[ENTER, ch(' ')], Action::ChoicePick, "pick it", "pick"),
    hint(Choosing, &[ESC], Action::ChoiceClose, "close the list (a letter jumps to an option)", "close the list"),
    // Setup
    hint(Setup, &[ctrl('d')], Action::OpenDemo, "open the demo case instead", "the demo instead"),
    // Confirm
    hint(Confirm, &[ch('y'), ch('Y')], Action::Yes, "yes", "yes"),
    hint(Confirm, &[ch('n'), ch('N'), ESC], Action::No, "no", "no"),
    // DiscReading
    hint(DiscReading, &[ESC, ch('n')], Action::No, "stop reading the disc", "stop"),
    // DiscPreview
    hint(DiscPreview, &[ch('y'), ch('Y')], Action::Yes, "import the disc", "import"),
    hint(DiscPreview, &[ch('n'), ch('N'), ESC], Action::No, "do not import it", "do not import"),
    // Welcome
    hint(Welcome, &[ch('s'), ch('S')], Action::StartCase, "start your own case", "start your case"),
    hint(Welcome, &[ch('d'), ch('D')], Action::OpenDemo, "open the demo case (kept in its own file)", "the demo"),
    hint(Welcome, &[ch('q'), ctrl('c')], Action::Quit, "quit", "quit"),
    hint(Welcome, &[ch('?')], Action::ToggleHelp, "show every key", "every key"),
    // Help
    help(Help, &[ch('j'), DOWN], Action::Down, "scroll down"),
    help(Help, &[ch('k'), UP], Action::Up, "scroll up"),
    help(Help, &[PGDN], Action::PageDown, "page down"),
    help(Help, &[PGUP], Action::PageUp, "page up"),
    hint(Help, &[ESC, ch('?'), ch('q')], Action::CloseHelp, "close this help", "close"),
    // History
    hint(History, &[ch('j'), DOWN], Action::Down, "next change", "next"),
    hint(History, &[ch('k'), UP], Action::Up, "previous change", "previous"),
    help(History, &[PGDN], Action::PageDown, "page down"),
    help(History, &[PGUP], Action::PageUp, "page up"),
    help(History, &[ch('g'), HOME], Action::Top, "newest"),
    help(History, &[ch('G'), END], Action::Bottom, "oldest"),
    hint(History, &[ESC, ch('h'), ch('q')], Action::CloseHistory, "close the history", "close"),
    // Authors
    hint(Authors, &[ch('j'), DOWN], Action::Down, "next name", "next"),
    hint(Authors, &[ch('k'), UP], Action::Up, "previous name", "previous"),
    hint(Authors, &[ESC], Action::KeepAuthor, "keep writing as the one who wrote last", "keep writing as now"),
    hint(Authors, &[ch('q'), ctrl('c')], Action::Quit, "quit", "quit"),
    hint(Authors, &[ENTER], Action::Open, "this is me", "this is me"),
    // NewAuthor
    hint(NewAuthor, &[ENTER], Action::Open, "write as this name", "write as this name"),
    hint(NewAuthor, &[ESC], Action::KeepAuthor, "back to the names", "back"),
    // Parts
    hint(Parts, &[ch('j'), DOWN], Action::Down, "next", "next"),
    hint(Parts, &[ch('k'), UP], Action::Up, "previous", "previous"),
    hint(Parts, &[ch('e')], Action::Edit, "edit it", "edit"),
    hint(Parts, &[ch('d')], Action::Delete, "delete it (asks first)", "delete"),
    help(Parts, &[ch('n')], Action::Note, "add a note on it"),
    help(Parts, &[ch('u')], Action::Undo, "undo your last change"),
    hint(Parts, &[ESC, ch('q')], Action::CloseParts, "close this list", "close"),
];

/// The scopes that apply now, the first one winning.
pub fn active_scopes(app: &super::App) -> Vec<Scope> {
    use super::Overlay;
    // What is on top of the stack decides; the panes' keys apply only
    // when nothing is open over them.
    match app.overlays.top() {
        Some(Overlay::Help(_)) => return vec![Help],
        Some(Overlay::Form(form)) if form.confirm_discard => return vec![Confirm],
        Some(Overlay::Form(form)) if form.choosing.is_some() => return vec![Choosing],
        Some(Overlay::Form(_)) if app.case.is_empty() => return vec![Setup, Form],
        Some(Overlay::Form(_)) => return vec![Form],
        Some(Overlay::Confirm(_)) => return vec![Confirm],
        Some(Overlay::Authors(picker)) if picker.new_name.is_some() => return vec![NewAuthor],
        Some(Overlay::Authors(_)) => return vec![Authors],
        Some(Overlay::Search(_)) => return vec![Search],
        Some(Overlay::History(_)) => return vec![History],
        Some(Overlay::Parts(_)) => return vec![Parts],
        Some(Overlay::Compare(_)) => return vec![Compare],
        Some(Overlay::Disc(disc)) => {
            return match disc.step {
                super::disc::DiscStep::Reading { .. } => vec![DiscReading],
                super::disc::DiscStep::Preview { .. } => vec![DiscPreview],
            };
        }
        None => {}
    }
    if app.shows_welcome() {
        return vec![Welcome];
    }
    // The pane's own keys first, then those that change records, then
    // moving through lists, then the keys that work everywhere: the
    // footer shows them in this order and drops from the end.
    let mut scopes = match app.pane {
        Pane::Overview => return vec![Overview, Global],
        Pane::Opinions => vec![Opinions, Records],
        Pane::Conflicts => vec![Conflicts, Records, Lists],
        Pane::Doctors => vec![Doctors, Records, Lists],
        Pane::Imaging => vec![Imaging, Records, Lists],
        Pane::Requests => vec![Requests, Records, Lists],
        Pane::Notes => vec![Notes, Records, Lists],
        Pane::Questions => vec![Questions, Records, Lists],
        Pane::Deadlines => vec![Records, Lists],
        Pane::Decide => vec![Scope::Decide, Records, Lists],
    };
    scopes.push(Global);
    scopes
}

/// Every binding: the keys that work everywhere and in what opens over
/// the panes, here, then each pane's, from the pane's own file.
pub fn bindings() -> impl Iterator<Item = &'static Binding> {
    BINDINGS
        .iter()
        .chain(super::panes::KEYS.iter().flat_map(|keys| keys.iter()))
}

/// The action bound to `key` in the first scope that binds it.
pub fn lookup(scopes: &[Scope], key: Key) -> Option<&'static Binding> {
    scopes.iter().find_map(|scope| {
        bindings().find(|binding| {
            binding.scope == *scope && binding.keys.iter().any(|bound| matches(*bound, key))
        })
    })
}

/// Shift is part of an upper-case letter, so it is not compared for
/// characters.
fn matches(bound: Key, pressed: Key) -> bool {
    match (bound.code, pressed.code) {
        (KeyCode::Char(a), KeyCode::Char(b)) => {
            a == b
                && bound.modifiers.contains(KeyModifiers::CONTROL)
                    == pressed.modifiers.contains(KeyModifiers::CONTROL)
        }
        _ => bound == pressed,
    }
}

/// The footer's hints for the scopes that apply now.
pub fn hints(scopes: &[Scope]) -> Vec<&'static Binding> {
    let mut shown: Vec<&'static Binding> = Vec::new();
    for scope in scopes {
        for binding in bindings().filter(|b| b.scope == *scope && b.footer.is_some()) {
            if !shown
                .iter()
                .any(|s| s.short_label() == binding.short_label())
            {
                shown.push(binding);
            }
        }
    }
    shown
}
