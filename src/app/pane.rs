//! The ten panes, in tab order.

/// A pane of the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Overview,
    Opinions,
    Conflicts,
    Questions,
    Imaging,
    Requests,
    Deadlines,
    Notes,
    Doctors,
    Decide,
}

impl Pane {
    pub const ALL: [Pane; 10] = [
        Pane::Overview,
        Pane::Opinions,
        Pane::Conflicts,
        Pane::Questions,
        Pane::Imaging,
        Pane::Requests,
        Pane::Deadlines,
        Pane::Notes,
        Pane::Doctors,
        Pane::Decide,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Pane::Overview => "Overview",
            Pane::Opinions => "Opinions",
            Pane::Conflicts => "Conflicts",
            Pane::Questions => "Questions",
            Pane::Imaging => "Imaging",
            Pane::Requests => "Requests",
            Pane::Deadlines => "Deadlines",
            Pane::Notes => "Notes",
            Pane::Doctors => "Doctors",
            Pane::Decide => "Decide",
        }
    }

    /// Where the pane sits in the tab bar, from 0.
    pub fn index(self) -> usize {
        Pane::ALL.iter().position(|pane| *pane == self).unwrap_or(0)
    }

    pub fn next(self) -> Pane {
        Pane::ALL[(self.index() + 1) % Pane::ALL.len()]
    }

    pub fn previous(self) -> Pane {
        Pane::ALL[(self.index() + Pane::ALL.len() - 1) % Pane::ALL.len()]
    }

    /// The number key that opens the pane: 1 to 9, then 0 for the tenth.
    pub fn number_key(self) -> usize {
        (self.index() + 1) % 10
    }

    /// The tab's text, as drawn: its number key and its title.
    pub fn tab_label(self) -> String {
        format!(" {} {} ", self.number_key(), self.title())
    }

    /// What is at `column` of the tab bar drawn `width` columns wide with
    /// `current` on screen: the same places [`tab_bar`] draws.
    pub fn tab_at(column: u16, width: u16, current: Pane) -> Option<TabSpot> {
        tab_bar(width, current)
            .into_iter()
            .find(|place| column >= place.x && column < place.x.saturating_add(place.width))
            .map(|place| place.spot)
    }
}

/// What a place in the tab bar shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TabSpot {
    /// A pane's tab.
    Tab(Pane),
    /// ‹: tabs left out before; a click goes to the nearest of them.
    Earlier(Pane),
    /// ›: tabs left out after; a click goes to the nearest of them.
    Later(Pane),
}

/// One place of the tab bar: what it shows, its first column and how many
/// columns it takes (a divider column follows each but ›).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TabPlace {
    pub spot: TabSpot,
    /// What it shows: a tab's number and title, spaced out when every tab
    /// fits that way, else close together.
    pub text: String,
    pub x: u16,
    pub width: u16,
}

impl TabSpot {
    /// The text drawn for it.
    pub fn text(self) -> String {
        match self {
            TabSpot::Tab(pane) => pane.tab_label(),
            TabSpot::Earlier(_) => "‹".into(),
            TabSpot::Later(_) => "›".into(),
        }
    }
}

/// The tab bar `width` columns wide with `current` on screen, from column
/// 0, one divider column after each place but a › at the end. Every tab when they all fit;
/// else as many tabs around the current one as fit, whole, with ‹ where
/// tabs are left out before them and › where after. The current tab is
/// always there.
pub fn tab_bar(width: u16, current: Pane) -> Vec<TabPlace> {
    let spaced: usize = Pane::ALL
        .into_iter()
        .map(|pane| pane.tab_label().chars().count() + 1)
        .sum();
    // Where the spaced-out tabs do not all fit, they close up first, so
    // that every tab shows on a wide screen and more on a narrow one.
    let close = spaced > usize::from(width);
    let label = |pane: Pane| {
        if close {
            format!("{} {}", pane.number_key(), pane.title())
        } else {
            pane.tab_label()
        }
    };
    let columns = |pane: Pane| label(pane).chars().count() + 1;
    let all: usize = Pane::ALL.into_iter().map(columns).sum();
    let last = Pane::ALL.len() - 1;
    let (mut first, mut end) = (current.index(), current.index());
    if all > usize::from(width) {
        let needed = |first: usize, end: usize| {
            Pane::ALL[first..=end]
                .iter()
                .map(|p| columns(*p))
                .sum::<usize>()
                + if first > 0 { 2 } else { 0 }
                + if end < last { 1 } else { 0 }
        };
        loop {
            let mut grew = false;
            if end < last && needed(first, end + 1) <= usize::from(width) {
                end += 1;
                grew = true;
            }
            if first > 0 && needed(first - 1, end) <= usize::from(width) {
                first -= 1;
                grew = true;
            }
            if !grew {
                break;
            }
        }
    } else {
        (first, end) = (0, last);
    }
    let mut spots = Vec::new();
    if first > 0 {
        spots.push(TabSpot::Earlier(Pane::ALL[first - 1]));
    }
    spots.extend(
        Pane::ALL[first..=end]
            .iter()
            .map(|pane| TabSpot::Tab(*pane)),
    );
    if end < last {
        spots.push(TabSpot::Later(Pane::ALL[end + 1]));
    }
    let mut x = 0u16;
    spots
        .into_iter()
        .map(|spot| {
            let text = match spot {
                TabSpot::Tab(pane) => label(pane),
                _ => spot.text(),
            };
            let width = u16::try_from(text.chars().count()).unwrap_or(u16::MAX);
            let place = TabPlace {
                spot,
                text,
                x,
                width,
            };
            x = x.saturating_add(width).saturating_add(1);
            place
        })
        .collect()
}
