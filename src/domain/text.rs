//! Comparing what people typed, and showing it safely.

/// `text` with its first letter in upper case, for the start of a line.
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Names joined as a sentence says them: "A", "A and B", "A, B and C".
pub fn listed<S: AsRef<str>>(names: &[S]) -> String {
    match names {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [rest @ .., last] => format!(
            "{} and {}",
            rest.iter()
                .map(|name| name.as_ref())
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref()
        ),
    }
}

/// The comparable form of a short text: trimmed, lower-cased, inner runs of
/// whitespace made single, and trailing punctuation dropped, so that
/// `"  Mastectomy. "` and `"mastectomy"` compare equal.
pub fn normalize(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let joined = words.join(" ").to_lowercase();
    // Trailing punctuation and the spaces between it go together, so
    // that normalizing twice changes nothing more.
    joined
        .trim_end_matches(|c: char| {
            (c.is_ascii_punctuation() && c != ')' && c != '%') || c.is_whitespace()
        })
        .to_string()
}

/// True when both texts say something, and say the same after [`normalize`].
pub fn same_words(a: &str, b: &str) -> bool {
    let a = normalize(a);
    !a.is_empty() && a == normalize(b)
}

/// `text` with every control character and escape sequence made visible
/// and harmless: C0 controls become their Unicode control pictures (ESC
/// shows as ␛), DEL and C1 controls become �, and a tab becomes a space.
/// Line breaks are flattened too; use [`inert_lines`] to keep them.
pub fn inert(text: &str) -> String {
    text.chars().map(inert_char).collect()
}

fn inert_char(c: char) -> char {
    match c {
        '\t' => ' ',
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        // C1 controls, and the invisible marks that reorder text on screen.
        '\u{80}'..='\u{9f}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}' => '\u{fffd}',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizing_ignores_case_spaces_and_trailing_punctuation() {
        assert_eq!(normalize("  Mastectomy. "), "mastectomy");
        assert_eq!(
            normalize("Lumpectomy  +\tradiation!"),
            "lumpectomy + radiation"
        );
        assert_eq!(normalize("Stage I (T1c)"), "stage i (t1c)");
    }

    #[test]
    fn empty_texts_are_never_the_same() {
        assert!(!same_words("", "  "));
        assert!(same_words("Mercy Hospital", "mercy hospital."));
    }
}
