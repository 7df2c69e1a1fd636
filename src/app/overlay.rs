//! What opens over the panes, as one ordered stack: the top one takes the
//! keys and decides whether the mouse reaches what is below; drawing goes
//! from the bottom up. A form opened from a list of a record's parts sits
//! above that list, and Esc closes them in the order they opened.

use super::disc::DiscImport;
use super::form::Form;
use super::search::SearchView;
use super::{AuthorPicker, Confirm, HistoryView, Parts};

/// One thing open over the panes.
#[derive(Debug, Clone)]
pub enum Overlay {
    /// Every key, scrolled this far.
    Help(u16),
    Form(Box<Form>),
    /// A yes/no question before a delete.
    Confirm(Confirm),
    /// Who is writing, asked at start.
    Authors(AuthorPicker),
    Search(Box<SearchView>),
    History(HistoryView),
    /// The records that belong to the selected one.
    Parts(Parts),
    /// The opinion the selected one is compared with, by its place among
    /// the opinion tabs.
    Compare(usize),
    /// An imaging disc being read, or its preview before importing it.
    Disc(Box<DiscImport>),
}

/// The overlays open now, bottom first.
#[derive(Debug, Clone, Default)]
pub struct Overlays(Vec<Overlay>);

/// Writes, for one kind of overlay, the accessors the app uses: the
/// overlay if it is open (wherever it is in the stack), opening it
/// (replacing it where it is, else on top), closing it, and taking it out.
macro_rules! accessors {
    ($($variant:ident($inner:ty) => $get:ident, $get_mut:ident, $open:ident, $close:ident, $take:ident;)+) => {
        impl Overlays {
            $(
                pub fn $get(&self) -> Option<&$inner> {
                    self.0.iter().rev().find_map(|overlay| match overlay {
                        Overlay::$variant(inner) => Some(inner),
                        _ => None,
                    })
                }

                pub fn $get_mut(&mut self) -> Option<&mut $inner> {
                    self.0.iter_mut().rev().find_map(|overlay| match overlay {
                        Overlay::$variant(inner) => Some(inner),
                        _ => None,
                    })
                }

                pub fn $open(&mut self, inner: impl Into<$inner>) {
                    let inner = inner.into();
                    match self.$get_mut() {
                        Some(open) => *open = inner,
                        None => self.0.push(Overlay::$variant(inner)),
                    }
                }

                pub fn $close(&mut self) {
                    self.0.retain(|overlay| !matches!(overlay, Overlay::$variant(_)));
                }

                pub fn $take(&mut self) -> Option<$inner> {
                    let place = self
                        .0
                        .iter()
                        .rposition(|overlay| matches!(overlay, Overlay::$variant(_)))?;
                    match self.0.remove(place) {
                        Overlay::$variant(inner) => Some(inner),
                        other => {
                            self.0.insert(place, other);
                            None
                        }
                    }
                }
            )+
        }
    };
}

accessors! {
    Help(u16) => help, help_mut, open_help, close_help, take_help;
    Form(Box<Form>) => form_box, form_box_mut, open_form_box, close_form, take_form_box;
    Confirm(Confirm) => confirm, confirm_mut, open_confirm, close_confirm, take_confirm;
    Authors(AuthorPicker) => authors, authors_mut, open_authors, close_authors, take_authors;
    Search(Box<SearchView>) => search_box, search_box_mut, open_search_box, close_search, take_search_box;
    History(HistoryView) => history, history_mut, open_history, close_history, take_history;
    Parts(Parts) => parts, parts_mut, open_parts, close_parts, take_parts;
    Compare(usize) => compare, compare_mut, open_compare, close_compare, take_compare;
    Disc(Box<DiscImport>) => disc_box, disc_box_mut, open_disc_box, close_disc, take_disc_box;
}

impl Overlays {
    /// The overlay that takes the keys, if any is open.
    pub fn top(&self) -> Option<&Overlay> {
        self.0.last()
    }

    pub fn top_mut(&mut self) -> Option<&mut Overlay> {
        self.0.last_mut()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The overlays, bottom first: the order they are drawn in.
    pub fn iter(&self) -> impl Iterator<Item = &Overlay> {
        self.0.iter()
    }

    /// Closes the overlay on top.
    pub fn pop(&mut self) -> Option<Overlay> {
        self.0.pop()
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// The open form.
    pub fn form(&self) -> Option<&Form> {
        self.form_box().map(|form| &**form)
    }

    pub fn form_mut(&mut self) -> Option<&mut Form> {
        self.form_box_mut().map(|form| &mut **form)
    }

    /// Opens `form`, in place of the one open, else on top.
    pub fn open_form(&mut self, form: Form) {
        self.open_form_box(Box::new(form));
    }

    pub fn take_form(&mut self) -> Option<Form> {
        self.take_form_box().map(|form| *form)
    }

    /// The disc being imported.
    pub fn disc(&self) -> Option<&DiscImport> {
        self.disc_box().map(|disc| &**disc)
    }

    pub fn disc_mut(&mut self) -> Option<&mut DiscImport> {
        self.disc_box_mut().map(|disc| &mut **disc)
    }

    pub fn open_disc(&mut self, disc: DiscImport) {
        self.open_disc_box(Box::new(disc));
    }

    pub fn take_disc(&mut self) -> Option<DiscImport> {
        self.take_disc_box().map(|disc| *disc)
    }

    /// The open search.
    pub fn search(&self) -> Option<&SearchView> {
        self.search_box().map(|search| &**search)
    }

    pub fn search_mut(&mut self) -> Option<&mut SearchView> {
        self.search_box_mut().map(|search| &mut **search)
    }

    pub fn open_search(&mut self, search: SearchView) {
        self.open_search_box(Box::new(search));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(title: &str) -> Parts {
        Parts {
            title: title.into(),
            records: Vec::new(),
            row: 0,
            reasons: Vec::new(),
        }
    }

    #[test]
    fn the_last_opened_is_on_top_and_opening_again_keeps_its_place() {
        let mut overlays = Overlays::default();
        overlays.open_parts(parts("moves"));
        overlays.open_compare(1usize);
        assert!(matches!(overlays.top(), Some(Overlay::Compare(1))));
        overlays.open_parts(parts("follow-ups"));
        assert!(
            matches!(overlays.top(), Some(Overlay::Compare(1))),
            "parts stay where they were"
        );
        assert_eq!(
            overlays.parts().map(|p| p.title.as_str()),
            Some("follow-ups")
        );
        overlays.close_compare();
        assert!(matches!(overlays.top(), Some(Overlay::Parts(_))));
        assert!(overlays.take_parts().is_some());
        assert!(overlays.is_empty());
    }
}
