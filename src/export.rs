//! Taking a selection out of an article: JSON, Markdown, plain text, the
//! clipboard (OSC 52), and files written atomically without clobbering.
//!
//! A [`Selection`] names items of the model (quotes, numbers, sections,
//! speakers) and text ranges; every export is built from the logical text,
//! never from what is on screen, so right-to-left text comes out in reading
//! order whatever order the terminal drew it in.

pub mod clipboard;
pub mod write;

use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::article::{Article, Span};
use crate::json::to_value;
use crate::sanitize::{Hidden, for_terminal, for_terminal_line};

/// What the reader selected in one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Indices into [`Article::quotes`].
    pub quotes: Vec<usize>,
    /// Indices into [`Article::numbers`].
    pub numbers: Vec<usize>,
    /// Indices into [`Article::sections`].
    pub sections: Vec<usize>,
    /// Indices into [`Article::speakers`]: all of their quotes.
    pub speakers: Vec<usize>,
    /// Text ranges of a visual selection, in logical order.
    pub ranges: Vec<Span>,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The `rawi extract` schema restricted to the selection.
    Json,
    /// Quotes as block quotes, numbers as a table.
    Markdown,
    /// The selected text, one item per paragraph.
    Text,
}

impl Format {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Markdown => "md",
            Self::Text => "txt",
        }
    }
}

impl Selection {
    /// True when nothing is selected.
    pub fn is_empty(&self) -> bool {
        self.quotes.is_empty()
            && self.numbers.is_empty()
            && self.sections.is_empty()
            && self.speakers.is_empty()
            && self.ranges.is_empty()
    }

    /// Adds `i` to `list` or removes it if it is there (the `Space` toggle).
    pub fn toggle(list: &mut Vec<usize>, i: usize) {
        match list.iter().position(|&x| x == i) {
            Some(p) => {
                list.remove(p);
            }
            None => list.push(i),
        }
    }

    /// The quotes selected, directly or through their speaker or section,
    /// in text order without repeats.
    pub fn quote_indices(&self, a: &Article) -> Vec<usize> {
        let mut out: Vec<usize> = (0..a.quotes.len())
            .filter(|&i| {
                let q = &a.quotes[i];
                self.quotes.contains(&i)
                    || q.speaker.is_some_and(|s| self.speakers.contains(&s))
                    || self.sections.iter().any(|&s| {
                        a.sections
                            .get(s)
                            .is_some_and(|s| s.paragraphs.contains(&q.paragraph))
                    })
            })
            .collect();
        out.dedup();
        out
    }

    /// The numbers selected, directly or through their section.
    pub fn number_indices(&self, a: &Article) -> Vec<usize> {
        (0..a.numbers.len())
            .filter(|&i| {
                self.numbers.contains(&i)
                    || self.sections.iter().any(|&s| {
                        a.sections
                            .get(s)
                            .is_some_and(|s| s.paragraphs.contains(&a.numbers[i].paragraph))
                    })
            })
            .collect()
    }
}

/// The heading of the section holding paragraph `p`, if any.
fn section_of(a: &Article, p: usize) -> Option<&str> {
    a.sections
        .iter()
        .find(|s| s.paragraphs.contains(&p))
        .and_then(|s| a.heading(s))
}

/// The selection as JSON: the `rawi extract` schema with only the selected
/// speakers, quotes, numbers and sections, plus `source` and `selection`
/// (the visual text ranges with their text).
pub fn to_json(a: &Article, sel: &Selection) -> Value {
    let mut v = to_value(a);
    let quotes = sel.quote_indices(a);
    let numbers = sel.number_indices(a);
    let mut speakers: Vec<usize> = sel.speakers.clone();
    speakers.extend(quotes.iter().filter_map(|&q| a.quotes[q].speaker));
    speakers.sort_unstable();
    speakers.dedup();
    let pick = |key: &str, keep: &[usize]| -> Value {
        let all = v[key].as_array().cloned().unwrap_or_default();
        Value::Array(keep.iter().filter_map(|&i| all.get(i).cloned()).collect())
    };
    let mut sections = sel.sections.clone();
    sections.sort_unstable();
    sections.dedup();
    let picked = json!({
        "speakers": pick("speakers", &speakers),
        "quotes": pick("quotes", &quotes),
        "numbers": pick("numbers", &numbers),
        "sections": pick("sections", &sections),
    });
    if let Some(obj) = v.as_object_mut() {
        for key in ["speakers", "quotes", "numbers", "sections"] {
            obj.insert(key.to_string(), picked[key].clone());
        }
        obj.remove("paragraphs");
        obj.remove("boilerplate");
        obj.insert(
            "selection".to_string(),
            Value::Array(
                sel.ranges
                    .iter()
                    .map(|r| json!({"start": r.start, "end": r.end, "text": a.slice(*r)}))
                    .collect(),
            ),
        );
    }
    v
}

/// The selection as Markdown: quotes as block quotes with speaker, role and
/// section; numbers as a table; text ranges as block quotes.
pub fn to_markdown(a: &Article, sel: &Selection) -> String {
    let clean = |s: &str| for_terminal_line(s, Hidden::Drop).into_owned();
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", clean(a.title()));
    let _ = writeln!(out, "Source: {}\n", clean(&a.source));
    let quotes = sel.quote_indices(a);
    if !quotes.is_empty() {
        let _ = writeln!(out, "## Quotes\n");
        for &i in &quotes {
            let q = &a.quotes[i];
            let _ = writeln!(out, "> {}\n>", clean(a.slice(q.span)));
            let mut who = String::from("> —");
            match q.speaker.and_then(|s| a.speakers.get(s)) {
                Some(s) => {
                    let _ = write!(who, " **{}**", clean(&s.name));
                    if let Some(r) = s.role.as_deref().filter(|r| *r != s.name) {
                        let _ = write!(who, ", {}", clean(r));
                    }
                }
                None => who.push_str(" (unattributed)"),
            }
            if let Some(h) = section_of(a, q.paragraph) {
                let _ = write!(who, " · {}", clean(h));
            }
            let _ = writeln!(out, "{who} ({})\n", if q.direct { "direct" } else { "reported" });
        }
    }
    let numbers = sel.number_indices(a);
    if !numbers.is_empty() {
        let _ = writeln!(out, "## Numbers\n");
        let _ = writeln!(out, "| number | value | kind | unit | section |");
        let _ = writeln!(out, "|---|---|---|---|---|");
        for &i in &numbers {
            let n = &a.numbers[i];
            let section = section_of(a, n.paragraph).unwrap_or("");
            let _ = writeln!(out, "{}", crate::markdown::number_row(a, n, section));
        }
        out.push('\n');
    }
    if !sel.ranges.is_empty() {
        let _ = writeln!(out, "## Passages\n");
        for r in &sel.ranges {
            for line in for_terminal(a.slice(*r), Hidden::Drop).lines() {
                let _ = writeln!(out, "> {line}");
            }
            out.push('\n');
        }
    }
    out
}

/// The selection as plain text: each selected item's text, logical order.
/// A selected section gives its heading and paragraphs; an item inside
/// text already given (a quote of a selected section, a number inside a
/// kept range) is not repeated.
pub fn to_text(a: &Article, sel: &Selection) -> String {
    let mut parts: Vec<Span> = Vec::new();
    for &s in &sel.sections {
        if let Some(sec) = a.sections.get(s) {
            for &p in sec.heading.iter().chain(&sec.paragraphs) {
                if let Some(p) = a.paragraphs.get(p) {
                    parts.push(p.span);
                }
            }
        }
    }
    for &i in &sel.quote_indices(a) {
        parts.push(a.quotes[i].span);
    }
    for &i in &sel.number_indices(a) {
        parts.push(a.numbers[i].span);
    }
    parts.extend(sel.ranges.iter().copied());
    // Longest first at each start, so what it contains can be dropped.
    parts.sort_by_key(|p| (p.start, std::cmp::Reverse(p.end)));
    let mut kept: Vec<Span> = Vec::new();
    for p in parts {
        if kept.last().is_some_and(|k| k.start <= p.start && p.end <= k.end) {
            continue;
        }
        kept.push(p);
    }
    let joined: Vec<&str> = kept.iter().map(|p| a.slice(*p)).collect();
    for_terminal(&joined.join("\n\n"), Hidden::Drop).into_owned()
}

/// The selection in `format`.
pub fn render(a: &Article, sel: &Selection, format: Format) -> String {
    match format {
        Format::Json => crate::json::to_terminal_safe_string(&to_json(a, sel), true) + "\n",
        Format::Markdown => to_markdown(a, sel),
        Format::Text => to_text(a, sel) + "\n",
    }
}

/// The default file name for an export of `source`: `<stem>-selection.<ext>`.
pub fn default_file_name(source: &str, format: Format) -> String {
    let stem = std::path::Path::new(source)
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| !s.is_empty() && *s != "-")
        .unwrap_or("article");
    let stem: String = stem
        .chars()
        .filter(|&c| !crate::sanitize::is_unsafe_in_file_name(c))
        .map(|c| if c == '/' { '_' } else { c })
        .collect();
    let stem = if stem.trim().is_empty() { "article" } else { &stem };
    format!("{stem}-selection.{}", format.extension())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, analyze};

    const SEED: &str = include_str!("../seeds/000_9237d8f2f57de89b.txt");

    fn seed() -> Article {
        analyze(Document::from_text("seeds/000_9237d8f2f57de89b.txt", SEED))
    }

    #[test]
    fn markdown_of_the_kadhimi_quotes_is_exact() {
        let a = seed();
        let kadhimi = a.speakers.iter().position(|s| s.name == "مصطفى الكاظمي").unwrap();
        let sel = Selection {
            speakers: vec![kadhimi],
            ..Selection::default()
        };
        let md = to_markdown(&a, &sel);
        let expected = include_str!("../tests/fixtures/kadhimi-quotes.md");
        assert_eq!(md, expected);
    }

    #[test]
    fn json_export_parses_back_to_the_selection() {
        let a = seed();
        let sel = Selection {
            quotes: vec![0, 3],
            numbers: vec![1],
            sections: vec![2],
            ranges: vec![a.quotes[5].span],
            ..Selection::default()
        };
        let v: Value = serde_json::from_str(&render(&a, &sel, Format::Json)).unwrap();
        let quotes = v["quotes"].as_array().unwrap();
        // quotes 0 and 3 plus the quotes of section 2 (محاور عدة: one paragraph).
        let expected = sel.quote_indices(&a);
        assert_eq!(quotes.len(), expected.len());
        for (q, &i) in quotes.iter().zip(&expected) {
            assert_eq!(q["text"], a.slice(a.quotes[i].span));
            assert_eq!(q["start"], a.quotes[i].span.start);
        }
        assert_eq!(v["sections"].as_array().unwrap().len(), 1);
        assert_eq!(v["sections"][0]["heading"], "محاور عدة");
        assert_eq!(v["selection"][0]["text"], a.slice(a.quotes[5].span));
        assert_eq!(v["source"], "seeds/000_9237d8f2f57de89b.txt");
        for q in quotes {
            let id = q["speaker"].as_u64().unwrap();
            assert!(
                v["speakers"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|s| s["id"].as_u64() == Some(id))
            );
        }
    }

    #[test]
    fn text_export_is_logical_order_without_controls() {
        let a = analyze(Document::from_text(
            "x",
            "T\n\nThe minister said that \u{202e}prices\u{1b}[2J would fall.",
        ));
        let sel = Selection {
            quotes: vec![0],
            ..Selection::default()
        };
        assert_eq!(to_text(&a, &sel), "prices would fall.");
    }

    #[test]
    fn text_of_a_section_is_its_paragraphs_once() {
        let a = seed();
        let sel = Selection {
            sections: vec![2],
            quotes: a
                .quotes
                .iter()
                .enumerate()
                .filter(|(_, q)| a.sections[2].paragraphs.contains(&q.paragraph))
                .map(|(i, _)| i)
                .collect(),
            ..Selection::default()
        };
        let text = to_text(&a, &sel);
        let sec = &a.sections[2];
        let mut want: Vec<&str> = vec![a.slice(a.paragraphs[sec.heading.unwrap()].span)];
        want.extend(sec.paragraphs.iter().map(|&p| a.slice(a.paragraphs[p].span)));
        assert_eq!(text, want.join("\n\n"));
    }

    #[test]
    fn default_names() {
        assert_eq!(
            default_file_name("seeds/000_9237d8f2f57de89b.txt", Format::Json),
            "000_9237d8f2f57de89b-selection.json"
        );
        assert_eq!(default_file_name("-", Format::Markdown), "article-selection.md");
    }

    #[test]
    fn default_names_hold_no_control_or_bidi_control() {
        // `evil\u{202E}txt.exe` would show as `evilexe.txt` reversed.
        let name = default_file_name("in/evil\u{202E}gpj\u{2066}x\u{200F}\u{1b}[31m.txt", Format::Json);
        assert_eq!(name, "evilgpjx[31m-selection.json");
        assert!(!name.chars().any(crate::sanitize::is_unsafe_in_file_name));
        assert_eq!(
            default_file_name("\u{202E}\u{200B}.txt", Format::Text),
            "article-selection.txt"
        );
    }
}
