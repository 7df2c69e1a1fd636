//! The nine panes, in tab order.

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
}

impl Pane {
    pub const ALL: [Pane; 9] = [
        Pane::Overview,
        Pane::Opinions,
        Pane::Conflicts,
        Pane::Questions,
        Pane::Imaging,
        Pane::Requests,
        Pane::Deadlines,
        Pane::Notes,
        Pane::Doctors,
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

    /// The tab's text, as drawn: its number key and its title.
    pub fn tab_label(self) -> String {
        format!(" {} {} ", self.index() + 1, self.title())
    }

    /// The tab drawn at `column` of the tab bar, which starts at column 0
    /// and puts one divider column between tabs.
    pub fn tab_at(column: u16) -> Option<Pane> {
        let mut start = 0u16;
        for pane in Pane::ALL {
            let width = u16::try_from(pane.tab_label().chars().count()).unwrap_or(u16::MAX);
            if column >= start && column < start.saturating_add(width) {
                return Some(pane);
            }
            start = start.saturating_add(width).saturating_add(1);
        }
        None
    }
}
