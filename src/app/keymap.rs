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
}

impl Scope {
    pub fn title(self) -> &'static str {
        match self {
            Scope::Global => "Everywhere",
            Scope::Lists => "Lists",
            Scope::Opinions => "Opinions pane",
            Scope::Conflicts => "Conflicts pane",
            Scope::Doctors => "Doctors pane",
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
        }
    }
}

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

const fn plain(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    plain(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
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
    /// How the keys are written in the help and the footer.
    pub label: &'static str,
    pub action: Action,
    pub description: &'static str,
    /// Shown in the footer as well as in the help.
    pub hint: bool,
}

const fn bind(
    scope: Scope,
    keys: &'static [Key],
    label: &'static str,
    action: Action,
    description: &'static str,
    hint: bool,
) -> Binding {
    Binding {
        scope,
        keys,
        label,
        action,
        description,
        hint,
    }
}

use crate::domain::RecordKind;
use Scope::{
    Authors, Compare, Confirm, Conflicts, Doctors, Form, Global, Help, History, Imaging, Lists,
    Notes, Opinions, Overview, Parts, Questions, Records, Requests, Search, Setup, Welcome,
};

pub static BINDINGS: &[Binding] = &[
    bind(
        Search,
        &[plain(KeyCode::Enter)],
        "Enter",
        Action::Open,
        "go to the record found",
        true,
    ),
    bind(
        Search,
        &[plain(KeyCode::Down)],
        "↓",
        Action::Down,
        "next result",
        true,
    ),
    bind(
        Search,
        &[plain(KeyCode::Up)],
        "↑",
        Action::Up,
        "previous result",
        true,
    ),
    bind(
        Search,
        &[plain(KeyCode::PageDown)],
        "PgDn",
        Action::PageDown,
        "a page of results down",
        false,
    ),
    bind(
        Search,
        &[plain(KeyCode::PageUp)],
        "PgUp",
        Action::PageUp,
        "a page of results up",
        false,
    ),
    bind(
        Search,
        &[plain(KeyCode::Esc), ctrl('c')],
        "Esc",
        Action::CloseSearch,
        "close the search",
        true,
    ),
    bind(
        Global,
        &[ch('/')],
        "/",
        Action::OpenSearch,
        "search everything",
        true,
    ),
    bind(
        Requests,
        &[ch('R')],
        "R",
        Action::MarkReceived,
        "mark received: its items move to where it was delivered",
        false,
    ),
    bind(
        Requests,
        &[ch('x')],
        "x",
        Action::RecordExtension,
        "the provider extended in writing today (60 days)",
        false,
    ),
    bind(
        Requests,
        &[ch('i')],
        "i",
        Action::AddTo(RecordKind::RequestItem),
        "link an item this request asks for",
        false,
    ),
    bind(
        Imaging,
        &[ch('w')],
        "w",
        Action::ToggleSeenGrid,
        "who has seen what: items by doctors, or the list",
        true,
    ),
    bind(
        Imaging,
        &[ch('h'), plain(KeyCode::Left)],
        "h/←",
        Action::Left,
        "previous doctor (who has seen what)",
        false,
    ),
    bind(
        Imaging,
        &[ch('l'), plain(KeyCode::Right)],
        "l/→",
        Action::Right,
        "next doctor (who has seen what)",
        false,
    ),
    bind(
        Opinions,
        &[ch('c')],
        "c",
        Action::Compare,
        "compare side by side",
        true,
    ),
    bind(
        Compare,
        &[ch('h'), plain(KeyCode::Left)],
        "h/←",
        Action::Left,
        "compare with the previous opinion",
        true,
    ),
    bind(
        Compare,
        &[ch('l'), plain(KeyCode::Right)],
        "l/→",
        Action::Right,
        "compare with the next opinion",
        true,
    ),
    bind(
        Compare,
        &[ch('j'), plain(KeyCode::Down)],
        "j/↓",
        Action::Down,
        "scroll down",
        false,
    ),
    bind(
        Compare,
        &[ch('k'), plain(KeyCode::Up)],
        "k/↑",
        Action::Up,
        "scroll up",
        false,
    ),
    bind(
        Compare,
        &[plain(KeyCode::Esc), ch('c'), ch('q')],
        "Esc",
        Action::CloseCompare,
        "close the comparison",
        true,
    ),
    bind(
        Questions,
        &[ch('s')],
        "s",
        Action::MarkAsked,
        "mark it asked today",
        true,
    ),
    bind(
        Questions,
        &[ch('b')],
        "b",
        Action::AddQuestionBank,
        "add the standard questions for this doctor",
        true,
    ),
    bind(
        Parts,
        &[ch('j'), plain(KeyCode::Down)],
        "j/↓",
        Action::Down,
        "next",
        true,
    ),
    bind(
        Parts,
        &[ch('k'), plain(KeyCode::Up)],
        "k/↑",
        Action::Up,
        "previous",
        true,
    ),
    bind(Parts, &[ch('e')], "e", Action::Edit, "edit it", true),
    bind(
        Parts,
        &[ch('d')],
        "d",
        Action::Delete,
        "delete it (asks first)",
        true,
    ),
    bind(
        Parts,
        &[ch('n')],
        "n",
        Action::Note,
        "add a note on it",
        false,
    ),
    bind(
        Parts,
        &[ch('u')],
        "u",
        Action::Undo,
        "undo your last change",
        false,
    ),
    bind(
        Parts,
        &[plain(KeyCode::Esc), ch('q')],
        "Esc",
        Action::CloseParts,
        "close this list",
        true,
    ),
    bind(
        Imaging,
        &[plain(KeyCode::Enter)],
        "Enter",
        Action::Open,
        "its moves and doctors, to edit or delete",
        false,
    ),
    bind(
        Requests,
        &[plain(KeyCode::Enter)],
        "Enter",
        Action::Open,
        "its follow-ups, to edit or delete",
        false,
    ),
    bind(
        Help,
        &[ch('j'), plain(KeyCode::Down)],
        "j/↓",
        Action::Down,
        "scroll down",
        false,
    ),
    bind(
        Help,
        &[ch('k'), plain(KeyCode::Up)],
        "k/↑",
        Action::Up,
        "scroll up",
        false,
    ),
    bind(
        Help,
        &[plain(KeyCode::PageDown)],
        "PgDn",
        Action::PageDown,
        "page down",
        false,
    ),
    bind(
        Help,
        &[plain(KeyCode::PageUp)],
        "PgUp",
        Action::PageUp,
        "page up",
        false,
    ),
    bind(Form, &[ctrl('s')], "Ctrl-S", Action::SaveForm, "save", true),
    bind(
        Form,
        &[ctrl('k')],
        "Ctrl-K",
        Action::KeepMine,
        "after someone else saved: keep yours",
        false,
    ),
    bind(
        Form,
        &[ctrl('t')],
        "Ctrl-T",
        Action::TakeTheirs,
        "after someone else saved: take theirs",
        false,
    ),
    bind(
        Form,
        &[ctrl('g')],
        "Ctrl-G",
        Action::MergeTheirs,
        "after someone else saved: take theirs where you changed nothing",
        false,
    ),
    bind(
        Form,
        &[plain(KeyCode::Tab)],
        "Tab",
        Action::NextField,
        "next field",
        true,
    ),
    bind(
        Form,
        &[
            plain(KeyCode::BackTab),
            Key {
                code: KeyCode::BackTab,
                modifiers: KeyModifiers::SHIFT,
            },
        ],
        "S-Tab",
        Action::PreviousField,
        "previous field",
        true,
    ),
    bind(
        Form,
        &[plain(KeyCode::Esc), ctrl('c')],
        "Esc",
        Action::CancelForm,
        "cancel (asks first if you typed anything)",
        true,
    ),
    bind(
        Setup,
        &[ctrl('d')],
        "Ctrl-D",
        Action::OpenDemo,
        "open the demo case instead",
        true,
    ),
    bind(Confirm, &[ch('y'), ch('Y')], "y", Action::Yes, "yes", true),
    bind(
        Confirm,
        &[ch('n'), ch('N'), plain(KeyCode::Esc)],
        "n",
        Action::No,
        "no",
        true,
    ),
    bind(
        History,
        &[ch('j'), plain(KeyCode::Down)],
        "j/↓",
        Action::Down,
        "next change",
        true,
    ),
    bind(
        History,
        &[ch('k'), plain(KeyCode::Up)],
        "k/↑",
        Action::Up,
        "previous change",
        true,
    ),
    bind(
        History,
        &[plain(KeyCode::PageDown)],
        "PgDn",
        Action::PageDown,
        "page down",
        false,
    ),
    bind(
        History,
        &[plain(KeyCode::PageUp)],
        "PgUp",
        Action::PageUp,
        "page up",
        false,
    ),
    bind(
        History,
        &[ch('g'), plain(KeyCode::Home)],
        "g/Home",
        Action::Top,
        "newest",
        false,
    ),
    bind(
        History,
        &[ch('G'), plain(KeyCode::End)],
        "G/End",
        Action::Bottom,
        "oldest",
        false,
    ),
    bind(
        History,
        &[plain(KeyCode::Esc), ch('h'), ch('q')],
        "Esc",
        Action::CloseHistory,
        "close the history",
        true,
    ),
    bind(
        Authors,
        &[ch('j'), plain(KeyCode::Down)],
        "j/↓",
        Action::Down,
        "next name",
        true,
    ),
    bind(
        Authors,
        &[ch('k'), plain(KeyCode::Up)],
        "k/↑",
        Action::Up,
        "previous name",
        true,
    ),
    bind(
        Authors,
        &[plain(KeyCode::Esc)],
        "Esc",
        Action::KeepAuthor,
        "keep writing as now",
        true,
    ),
    bind(
        Authors,
        &[ch('q'), ctrl('c')],
        "q",
        Action::Quit,
        "quit",
        true,
    ),
    bind(
        Authors,
        &[plain(KeyCode::Enter)],
        "Enter",
        Action::Open,
        "this is me",
        true,
    ),
    bind(Records, &[ch('a')], "a", Action::Add, "add", true),
    bind(
        Records,
        &[ch('e')],
        "e",
        Action::Edit,
        "edit the selected record",
        true,
    ),
    bind(
        Records,
        &[ch('d')],
        "d",
        Action::Delete,
        "delete the selected record (asks first)",
        true,
    ),
    bind(
        Records,
        &[ch('n')],
        "n",
        Action::Note,
        "add a note on the selected record",
        false,
    ),
    bind(
        Records,
        &[ch('u')],
        "u",
        Action::Undo,
        "undo your last change",
        false,
    ),
    bind(
        Overview,
        &[ch('h')],
        "h",
        Action::History,
        "history of every change",
        true,
    ),
    bind(
        Imaging,
        &[ch('m')],
        "m",
        Action::AddTo(RecordKind::CustodyMove),
        "record a move of this item",
        true,
    ),
    bind(
        Imaging,
        &[ch('r')],
        "r",
        Action::AddTo(RecordKind::ItemRecipient),
        "a doctor needs it, or received it",
        false,
    ),
    bind(
        Conflicts,
        &[plain(KeyCode::Enter)],
        "Enter",
        Action::Open,
        "work on the conflict",
        true,
    ),
    bind(
        Conflicts,
        &[ch('=')],
        "=",
        Action::AddTo(RecordKind::Equivalence),
        "this stance means the same as another",
        false,
    ),
    bind(
        Conflicts,
        &[ch('x')],
        "x",
        Action::ListSame,
        "stances declared the same on this topic, to remove one",
        false,
    ),
    bind(
        Conflicts,
        &[ch('r')],
        "r",
        Action::RaiseQuestions,
        "ask each doctor in this conflict about it",
        false,
    ),
    bind(
        Conflicts,
        &[ch('D')],
        "D",
        Action::DeleteTopic,
        "delete the topic of this row (asks first)",
        false,
    ),
    bind(
        Conflicts,
        &[ch('t')],
        "t",
        Action::EditTopic,
        "rename the topic of this row",
        false,
    ),
    bind(
        Requests,
        &[ch('f')],
        "f",
        Action::AddTo(RecordKind::FollowUp),
        "add a follow-up",
        true,
    ),
    bind(
        Notes,
        &[ch('f')],
        "f",
        Action::FilterNotesByAuthor,
        "one author's notes at a time",
        false,
    ),
    bind(
        Notes,
        &[ch('r')],
        "r",
        Action::FilterNotesByRecord,
        "only the notes on this record",
        false,
    ),
    bind(
        Notes,
        &[plain(KeyCode::Enter)],
        "Enter",
        Action::Open,
        "go to the record the note is on",
        true,
    ),
    bind(
        Welcome,
        &[ch('s'), ch('S')],
        "s",
        Action::StartCase,
        "start your own case",
        true,
    ),
    bind(
        Doctors,
        &[ch('p')],
        "p",
        Action::WritePacket { blind: false },
        "appointment packet (HTML)",
        true,
    ),
    bind(
        Doctors,
        &[ch('P')],
        "P",
        Action::WritePacket { blind: true },
        "blind packet (no earlier conclusions)",
        true,
    ),
    bind(
        Doctors,
        &[ch('o')],
        "o",
        Action::OpenWritten,
        "open the packet just written",
        true,
    ),
    bind(
        Welcome,
        &[ch('d'), ch('D')],
        "d",
        Action::OpenDemo,
        "open the demo case (kept in its own file)",
        true,
    ),
    bind(
        Welcome,
        &[ch('q'), ctrl('c')],
        "q",
        Action::Quit,
        "quit",
        true,
    ),
    bind(
        Welcome,
        &[ch('?')],
        "?",
        Action::ToggleHelp,
        "show every key",
        true,
    ),
    bind(
        Help,
        &[plain(KeyCode::Esc), ch('?'), ch('q')],
        "Esc",
        Action::CloseHelp,
        "close this help",
        true,
    ),
    bind(
        Opinions,
        &[ch('h'), plain(KeyCode::Left)],
        "h/←",
        Action::Left,
        "previous opinion",
        true,
    ),
    bind(
        Opinions,
        &[ch('l'), plain(KeyCode::Right)],
        "l/→",
        Action::Right,
        "next opinion",
        true,
    ),
    bind(
        Opinions,
        &[ch('j'), plain(KeyCode::Down)],
        "j/↓",
        Action::Down,
        "scroll down",
        false,
    ),
    bind(
        Opinions,
        &[ch('k'), plain(KeyCode::Up)],
        "k/↑",
        Action::Up,
        "scroll up",
        false,
    ),
    bind(
        Conflicts,
        &[ch('h'), plain(KeyCode::Left)],
        "h/←",
        Action::Left,
        "previous opinion column",
        false,
    ),
    bind(
        Conflicts,
        &[ch('l'), plain(KeyCode::Right)],
        "l/→",
        Action::Right,
        "next opinion column",
        false,
    ),
    bind(
        Lists,
        &[ch('j'), plain(KeyCode::Down)],
        "j/↓",
        Action::Down,
        "next row",
        true,
    ),
    bind(
        Lists,
        &[ch('k'), plain(KeyCode::Up)],
        "k/↑",
        Action::Up,
        "previous row",
        true,
    ),
    bind(
        Lists,
        &[ch('J')],
        "J",
        Action::ScrollDetailDown,
        "scroll the detail down",
        false,
    ),
    bind(
        Lists,
        &[ch('K')],
        "K",
        Action::ScrollDetailUp,
        "scroll the detail up",
        false,
    ),
    bind(
        Lists,
        &[plain(KeyCode::PageDown), ctrl('d')],
        "PgDn",
        Action::PageDown,
        "page down",
        false,
    ),
    bind(
        Lists,
        &[plain(KeyCode::PageUp), ctrl('u')],
        "PgUp",
        Action::PageUp,
        "page up",
        false,
    ),
    bind(
        Lists,
        &[ch('g'), plain(KeyCode::Home)],
        "g/Home",
        Action::Top,
        "first row",
        false,
    ),
    bind(
        Lists,
        &[ch('G'), plain(KeyCode::End)],
        "G/End",
        Action::Bottom,
        "last row",
        false,
    ),
    bind(
        Global,
        &[plain(KeyCode::Tab)],
        "Tab",
        Action::NextPane,
        "next pane",
        true,
    ),
    bind(
        Global,
        &[
            plain(KeyCode::BackTab),
            Key {
                code: KeyCode::BackTab,
                modifiers: KeyModifiers::SHIFT,
            },
        ],
        "S-Tab",
        Action::PreviousPane,
        "previous pane",
        false,
    ),
    bind(
        Global,
        &[ch('1')],
        "1",
        Action::GoTo(Pane::Overview),
        "Overview",
        false,
    ),
    bind(
        Global,
        &[ch('2')],
        "2",
        Action::GoTo(Pane::Opinions),
        "Opinions",
        false,
    ),
    bind(
        Global,
        &[ch('3')],
        "3",
        Action::GoTo(Pane::Conflicts),
        "Conflicts",
        false,
    ),
    bind(
        Global,
        &[ch('4')],
        "4",
        Action::GoTo(Pane::Questions),
        "Questions",
        false,
    ),
    bind(
        Global,
        &[ch('5')],
        "5",
        Action::GoTo(Pane::Imaging),
        "Imaging and slides",
        false,
    ),
    bind(
        Global,
        &[ch('6')],
        "6",
        Action::GoTo(Pane::Requests),
        "Record requests",
        false,
    ),
    bind(
        Global,
        &[ch('7')],
        "7",
        Action::GoTo(Pane::Deadlines),
        "Deadlines",
        false,
    ),
    bind(
        Global,
        &[ch('8')],
        "8",
        Action::GoTo(Pane::Notes),
        "Notes",
        false,
    ),
    bind(
        Global,
        &[ch('9')],
        "9",
        Action::GoTo(Pane::Doctors),
        "Doctors",
        false,
    ),
    bind(
        Global,
        &[ch('o')],
        "o",
        Action::OpenWritten,
        "open the packet just written (its message says where it is)",
        false,
    ),
    bind(
        Global,
        &[ch('?')],
        "?",
        Action::ToggleHelp,
        "show every key",
        true,
    ),
    bind(
        Global,
        &[ch('q'), ctrl('c')],
        "q",
        Action::Quit,
        "quit",
        true,
    ),
];

/// The scopes that apply now, the first one winning.
pub fn active_scopes(app: &super::App) -> Vec<Scope> {
    if app.help_open {
        return vec![Help];
    }
    if let Some(form) = &app.form {
        if form.confirm_discard {
            return vec![Confirm];
        }
        return if app.case.is_empty() {
            vec![Setup, Form]
        } else {
            vec![Form]
        };
    }
    if app.confirm.is_some() {
        return vec![Confirm];
    }
    if app.author_picker.is_some() {
        return vec![Authors];
    }
    if app.search.is_some() {
        return vec![Search];
    }
    if app.history.is_some() {
        return vec![History];
    }
    if app.parts.is_some() {
        return vec![Parts];
    }
    if app.compare.is_some() && app.pane == Pane::Opinions {
        return vec![Compare];
    }
    if app.shows_welcome() {
        return vec![Welcome];
    }
    let mut scopes = match app.pane {
        Pane::Overview => vec![Overview],
        Pane::Opinions => vec![Opinions],
        Pane::Conflicts => vec![Conflicts, Lists],
        Pane::Doctors => vec![Doctors, Lists],
        Pane::Imaging => vec![Imaging, Lists],
        Pane::Requests => vec![Requests, Lists],
        Pane::Notes => vec![Notes, Lists],
        Pane::Questions => vec![Questions, Lists],
        _ => vec![Lists],
    };
    scopes.extend([Records, Global]);
    scopes
}

/// The action bound to `key` in the first scope that binds it.
pub fn lookup(scopes: &[Scope], key: Key) -> Option<&'static Binding> {
    scopes.iter().find_map(|scope| {
        BINDINGS.iter().find(|binding| {
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
        for binding in BINDINGS.iter().filter(|b| b.scope == *scope && b.hint) {
            if !shown.iter().any(|s| s.label == binding.label) {
                shown.push(binding);
            }
        }
    }
    shown
}
