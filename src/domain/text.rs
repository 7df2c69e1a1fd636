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

/// `text` on one line, with every control character and escape sequence
/// made visible and harmless: C0 controls become their Unicode control
/// pictures (ESC shows as ␛), DEL and C1 controls become �, and a tab
/// becomes a space. Its lines join with a space; use [`inert_lines`] where
/// they can show as lines.
pub fn inert(text: &str) -> String {
    inert_lines(text).join(" ")
}

/// Multi-line text as its lines, each made inert as by [`inert`]. A line
/// ends at a line feed, a carriage return (alone or before a line feed),
/// a next-line (U+0085) or a line or paragraph separator; none of them
/// reaches the terminal.
pub fn inert_lines(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                lines.push(std::mem::take(&mut line));
            }
            c => line.push(inert_char(c)),
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
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
    fn line_breaks_join_with_a_space_and_show_as_lines_where_they_can() {
        assert_eq!(inert("one\ntwo\r\nthree\rfour"), "one two three four");
        assert_eq!(
            inert_lines("one\ntwo\r\nthree\rfour\u{2028}five\n"),
            ["one", "two", "three", "four", "five"]
        );
        assert_eq!(inert_lines(""), [""]);
        assert_eq!(inert_lines("a\n\nb"), ["a", "", "b"]);
        // Other controls stay visible.
        assert_eq!(inert("a\u{b}b\u{c}c\u{1b}"), "a␋b␌c␛");
        assert!(!inert("x\r\ny\rz").contains(['\r', '\n', '␍', '␊']));
    }

    #[test]
    fn empty_texts_are_never_the_same() {
        assert!(!same_words("", "  "));
        assert!(same_words("Mercy Hospital", "mercy hospital."));
    }
}
