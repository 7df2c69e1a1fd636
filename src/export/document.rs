//! A printable document (headings, paragraphs, lists, tables, space for
//! answers) and its two renderings: Markdown and one self-contained HTML
//! page. Every text that came from a person is escaped on the way out.

use crate::domain::text::inert;

/// The format of a printable export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Markdown, for reading or pasting anywhere.
    Md,
    /// One self-contained HTML page, ready to print.
    Html,
}

/// One part of a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading(String),
    /// A heading under a heading.
    Subheading(String),
    Paragraph(String),
    /// Label and value pairs.
    Facts(Vec<(String, String)>),
    Bullets(Vec<String>),
    Table {
        head: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// A question with room to write the answer by hand.
    Question {
        text: String,
        note: String,
    },
}

/// A titled list of blocks.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    pub title: String,
    pub subtitle: String,
    pub blocks: Vec<Block>,
}

impl Document {
    pub fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    pub fn extend(&mut self, blocks: impl IntoIterator<Item = Block>) {
        self.blocks.extend(blocks);
    }

    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Md => self.markdown(),
            Format::Html => self.html(),
        }
    }

    fn markdown(&self) -> String {
        let mut out = format!("# {}\n\n", md(&self.title));
        if !self.subtitle.is_empty() {
            out.push_str(&format!("{}\n\n", md(&self.subtitle)));
        }
        for block in &self.blocks {
            match block {
                Block::Heading(text) => out.push_str(&format!("## {}\n\n", md(text))),
                Block::Subheading(text) => out.push_str(&format!("### {}\n\n", md(text))),
                Block::Paragraph(text) => out.push_str(&format!("{}\n\n", md_lines(text))),
                Block::Facts(facts) => {
                    for (label, value) in facts {
                        out.push_str(&format!("- **{}:** {}\n", md(label), md_lines(value)));
                    }
                    out.push('\n');
                }
                Block::Bullets(items) => {
                    for item in items {
                        out.push_str(&format!("- {}\n", md_lines(item)));
                    }
                    out.push('\n');
                }
                Block::Table { head, rows } => {
                    let cells = |row: &[String]| {
                        // A cell's lines are kept apart with <br>, which
                        // Markdown tables allow; each line is escaped.
                        row.iter()
                            .map(|cell| cell.lines().map(md).collect::<Vec<_>>().join("<br>"))
                            .collect::<Vec<_>>()
                            .join(" | ")
                    };
                    out.push_str(&format!("| {} |\n", cells(head)));
                    out.push_str(&format!("|{}\n", "---|".repeat(head.len())));
                    for row in rows {
                        out.push_str(&format!("| {} |\n", cells(row)));
                    }
                    out.push('\n');
                }
                Block::Question { text, note } => {
                    out.push_str(&format!("- [ ] {}\n", md_lines(text)));
                    if !note.is_empty() {
                        out.push_str(&format!("  *{}*\n", md(note)));
                    }
                    out.push_str("\n  Answer:\n\n  ______________________________________________\n\n  ______________________________________________\n\n");
                }
            }
        }
        out
    }

    fn html(&self) -> String {
        let mut body = format!("<h1>{}</h1>\n", html(&self.title));
        if !self.subtitle.is_empty() {
            body.push_str(&format!(
                "<p class=\"subtitle\">{}</p>\n",
                html(&self.subtitle)
            ));
        }
        for block in &self.blocks {
            match block {
                Block::Heading(text) => body.push_str(&format!("<h2>{}</h2>\n", html(text))),
                Block::Subheading(text) => body.push_str(&format!("<h3>{}</h3>\n", html(text))),
                Block::Paragraph(text) => body.push_str(&format!("<p>{}</p>\n", html_lines(text))),
                Block::Facts(facts) => {
                    body.push_str("<dl>\n");
                    for (label, value) in facts {
                        body.push_str(&format!(
                            "<dt>{}</dt><dd>{}</dd>\n",
                            html(label),
                            html_lines(value)
                        ));
                    }
                    body.push_str("</dl>\n");
                }
                Block::Bullets(items) => {
                    body.push_str("<ul>\n");
                    for item in items {
                        body.push_str(&format!("<li>{}</li>\n", html_lines(item)));
                    }
                    body.push_str("</ul>\n");
                }
                Block::Table { head, rows } => {
                    body.push_str("<table>\n<thead><tr>");
                    for cell in head {
                        body.push_str(&format!("<th>{}</th>", html(cell)));
                    }
                    body.push_str("</tr></thead>\n<tbody>\n");
                    for row in rows {
                        body.push_str("<tr>");
                        for cell in row {
                            body.push_str(&format!("<td>{}</td>", html_lines(cell)));
                        }
                        body.push_str("</tr>\n");
                    }
                    body.push_str("</tbody>\n</table>\n");
                }
                Block::Question { text, note } => {
                    body.push_str(&format!(
                        "<div class=\"question\"><p class=\"ask\">☐ {}</p>",
                        html_lines(text)
                    ));
                    if !note.is_empty() {
                        body.push_str(&format!("<p class=\"note\">{}</p>", html(note)));
                    }
                    body.push_str("<div class=\"answer\">Answer:</div></div>\n");
                }
            }
        }
        format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
            html(&self.title)
        )
    }
}

/// The page's only styling: readable on screen, clean on paper.
const STYLE: &str = "\
body { font-family: Georgia, 'Times New Roman', serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; color: #111; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.2rem; border-bottom: 1px solid #999; margin-top: 1.6rem; }
h3 { font-size: 1rem; margin: 1rem 0 0.3rem; }
.subtitle { color: #444; margin-top: 0; }
dl { display: grid; grid-template-columns: max-content auto; gap: 0.2rem 1rem; }
dt { font-weight: bold; }
dd { margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; }
.question { margin: 0.8rem 0 1.2rem; }
.ask { margin: 0; font-weight: bold; }
.note { margin: 0; color: #444; font-style: italic; }
.answer { border: 1px solid #999; min-height: 5.5rem; margin-top: 0.3rem; padding: 0.2rem 0.4rem; color: #777; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2, h3 { page-break-after: avoid; }
  table, .question, dl { page-break-inside: avoid; }
}
";

/// Text made safe for HTML: every character that HTML treats as markup is
/// written as an entity, and control characters are made visible.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in inert(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Multi-line text for HTML, its line breaks kept.
fn html_lines(text: &str) -> String {
    text.lines().map(html).collect::<Vec<_>>().join("<br>\n")
}

/// Text made safe for Markdown: characters Markdown reads as formatting or
/// as HTML are escaped with a backslash, and so is anything at the start
/// that would turn the line into a heading, a list, a rule or a fence.
pub fn md(text: &str) -> String {
    let text = inert(text);
    let mut out = String::with_capacity(text.len() + 8);
    let indent = text.len() - text.trim_start().len();
    let (lead, rest) = text.split_at(indent);
    out.push_str(lead);
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if matches!(rest.chars().next(), Some('-' | '+' | '=' | ':')) {
        out.push('\\');
    } else if digits > 0 && matches!(rest.chars().nth(digits), Some('.' | ')')) {
        let (number, tail) = rest.split_at(digits);
        out.push_str(number);
        out.push('\\');
        return escape_inline(tail, out);
    }
    escape_inline(rest, out)
}

fn escape_inline(text: &str, mut out: String) -> String {
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '&' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Multi-line text for Markdown, its line breaks kept inside one block.
fn md_lines(text: &str) -> String {
    text.lines().map(md).collect::<Vec<_>>().join("  \n  ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_from_users_is_escaped() {
        assert_eq!(
            html("<script>alert('x')</script> & \"more\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;"
        );
        assert_eq!(md("<b>bold</b> *x*"), "\\<b\\>bold\\</b\\> \\*x\\*");
        assert_eq!(md("---"), "\\---");
        assert_eq!(md("- item"), "\\- item");
        assert_eq!(md("1. first"), "1\\. first");
        assert_eq!(md("~~gone~~"), "\\~\\~gone\\~\\~");
        assert_eq!(md("ER+/PR+/HER2- 1.4 cm"), "ER+/PR+/HER2- 1.4 cm");
    }

    #[test]
    fn the_html_page_is_self_contained_and_printable() {
        let mut document = Document {
            title: "Packet".into(),
            ..Document::default()
        };
        document.push(Block::Paragraph("one\ntwo".into()));
        let page = document.render(Format::Html);
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.contains("@media print"));
        assert!(page.contains("one<br>\ntwo"));
        assert!(!page.contains("<script"));
        assert!(!page.contains("src="));
        assert!(!page.contains("href="));
    }
}
