//! Properties that hold for any input: what a person may type or paste, or
//! what a file may hold, never panics, and the rules keep their shape.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use casefile::domain::dates::parse_date;
use casefile::domain::text::{inert, normalize};
use casefile::export::json::ExportDocument;
use chrono::NaiveDate;
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

proptest! {
    #[test]
    fn any_typed_date_is_understood_or_refused_in_words(text in ".{0,40}") {
        match parse_date(&text, today()) {
            Ok(_) => {}
            Err(error) => prop_assert!(error.to_string().contains("in 2 weeks")),
        }
    }

    #[test]
    fn relative_dates_count_days_exactly(days in 0i64..5000) {
        let expected = today() + chrono::Days::new(days as u64);
        prop_assert_eq!(parse_date(&format!("+{days}d"), today()), Ok(expected));
        prop_assert_eq!(parse_date(&format!("in {days} days"), today()), Ok(expected));
    }

    #[test]
    fn iso_dates_read_back_as_written(days in 0i64..40000) {
        let date = NaiveDate::from_ymd_opt(1950, 1, 1).unwrap() + chrono::Days::new(days as u64);
        prop_assert_eq!(parse_date(&date.to_string(), today()), Ok(date));
    }

    #[test]
    fn inert_text_holds_no_control_character(text in "\\PC*|[\\x00-\\x1f\\x7f-\\x9f\u{202a}-\u{202e}a-z]{0,64}") {
        let shown = inert(&text);
        prop_assert!(!shown.chars().any(|c| c.is_control()));
        let reorders = |c: char| ('\u{202a}'..='\u{202e}').contains(&c);
        prop_assert!(!shown.chars().any(reorders), "no bidi override is left");
        // One symbol for each character; a line break (\r\n is one) is
        // one space, and a last one none.
        let breaks = ['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'];
        let one_break = text.replace("\r\n", "\n");
        let expected = one_break.chars().count() - usize::from(one_break.ends_with(breaks));
        prop_assert_eq!(shown.chars().count(), expected, "one symbol for each character");
        prop_assert!(!shown.contains(['\r', '\n', '␊', '␍']), "line breaks are spaces");
    }

    #[test]
    fn normalizing_is_stable_and_ignores_case_and_spacing(text in "[ a-zA-Z.!]{0,30}") {
        let once = normalize(&text);
        prop_assert_eq!(normalize(&once), once.clone());
        prop_assert_eq!(normalize(&format!("  {}  ", text.to_uppercase())), once);
    }

    #[test]
    fn any_import_text_is_read_or_refused_in_words(text in ".{0,200}") {
        if let Err(error) = ExportDocument::from_json(&text) {
            prop_assert!(!error.to_string().is_empty());
        }
    }

    #[test]
    fn a_damaged_export_is_refused_not_panicked_on(cut in 0usize..4000, byte in any::<u8>()) {
        let good = include_str!("fixtures/small-export.json");
        let mut bytes = good.as_bytes().to_vec();
        let at = cut % bytes.len();
        bytes[at] = byte;
        if let Ok(text) = String::from_utf8(bytes) {
            let _ = ExportDocument::from_json(&text);
        }
    }
}

mod conflicts {
    use casefile::domain::conflict::StanceGrid;
    use casefile::domain::{OpinionDraft, Stamp, StanceDraft, Stored, TopicDraft};
    use proptest::prelude::*;

    fn stored<D>(id: i64, data: D) -> Stored<D> {
        Stored {
            id,
            data,
            stamp: Stamp {
                created_at: chrono::DateTime::default(),
                created_by: "Maria".into(),
                updated_at: chrono::DateTime::default(),
                updated_by: "Maria".into(),
                version: 1,
            },
        }
    }

    proptest! {
        #[test]
        fn a_row_differs_exactly_when_two_stances_differ(
            stances in proptest::collection::vec(proptest::option::of("(Mastectomy|lumpectomy|Lumpectomy\\.| mastectomy )"), 1..6)
        ) {
            let topics = [stored(1, TopicDraft { name: "Treatment".into(), sort_order: 0 })];
            let date = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
            let opinions: Vec<_> = (1..=stances.len() as i64)
                .map(|id| stored(id, OpinionDraft::new(id, date)))
                .collect();
            let positions: Vec<_> = stances
                .iter()
                .enumerate()
                .filter_map(|(i, stance)| {
                    let stance = stance.clone()?;
                    Some(stored(i as i64 + 1, StanceDraft {
                        opinion_id: i as i64 + 1,
                        topic_id: 1,
                        stance,
                        detail: String::new(),
                    }))
                })
                .collect();
            let grid = StanceGrid::build(&topics, &opinions, &positions, &[]);
            let mut kinds: Vec<String> = stances
                .iter()
                .flatten()
                .map(|s| casefile::domain::text::normalize(s))
                .collect();
            kinds.sort();
            kinds.dedup();
            prop_assert_eq!(grid.rows[0].differs(), kinds.len() > 1);
            prop_assert_eq!(grid.rows[0].distinct, kinds.len());
        }
    }
}
