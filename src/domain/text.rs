//! Comparing what people typed.

/// The comparable form of a short text: trimmed, lower-cased, inner runs of
/// whitespace made single, and trailing punctuation dropped, so that
/// `"  Mastectomy. "` and `"mastectomy"` compare equal.
pub fn normalize(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let joined = words.join(" ").to_lowercase();
    joined
        .trim_end_matches(|c: char| c.is_ascii_punctuation() && c != ')' && c != '%')
        .trim_end()
        .to_string()
}

/// True when both texts say something, and say the same after [`normalize`].
pub fn same_words(a: &str, b: &str) -> bool {
    let a = normalize(a);
    !a.is_empty() && a == normalize(b)
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
