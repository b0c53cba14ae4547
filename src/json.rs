//! The JSON form of an [`Article`], as printed by `rawi extract --format json`.
//!
//! Schema (one object per article; `start`/`end` are UTF-8 byte offsets into
//! the article text — for JSON records, the title, a blank line, the body):
//!
//! ```text
//! { "source": str, "title": str, "lang": str, "direction": "rtl"|"ltr",
//!   "url": str|null, "date": str|null, "boilerplate": [str],
//!   "paragraphs": [{"text", "start", "end", "direction", "role": "title"|"heading"|"body"}],
//!   "sections":   [{"heading": str|null, "heading_paragraph": int|null, "paragraphs": [int]}],
//!   "speakers":   [{"id", "name", "aliases": [str], "role": str|null,
//!                   "kind": "person"|"group"|"organization"|"anonymous"}],
//!   "quotes":     [{"speaker": int|null, "cue": str, "cue_start": int|null, "text",
//!                   "direct": bool, "paragraph", "start", "end"}],
//!   "numbers":    [{"text", "value": number, "kind", "unit": str|null,
//!                   "approximate": bool, "paragraph", "start", "end"}] }
//! ```
//!
//! Indices in `sections[].paragraphs`, `quotes[].paragraph` and
//! `numbers[].paragraph` point into `paragraphs`, which holds the title and
//! the headings as well as the body.

use std::io::{self, Write};

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};
use serde_json::Value;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

use crate::article::{Article, Direction, NumberKind, ParagraphRole, SpeakerKind};

// Every object's fields are declared in alphabetical order: that is the
// order the output has always had (it went through `serde_json::Value`,
// whose map is a `BTreeMap`), and [`write_article`] streams the same bytes
// without that detour.

#[derive(Serialize)]
struct ParagraphJson<'a> {
    direction: Direction,
    end: usize,
    role: ParagraphRole,
    start: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct SectionJson<'a> {
    heading: Option<&'a str>,
    heading_paragraph: Option<usize>,
    paragraphs: &'a [usize],
}

#[derive(Serialize)]
struct SpeakerJson<'a> {
    aliases: &'a [String],
    id: usize,
    kind: SpeakerKind,
    name: &'a str,
    role: Option<&'a str>,
}

#[derive(Serialize)]
struct QuoteJson<'a> {
    cue: &'a str,
    cue_start: Option<usize>,
    direct: bool,
    end: usize,
    paragraph: usize,
    speaker: Option<usize>,
    start: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct NumberJson<'a> {
    approximate: bool,
    end: usize,
    kind: NumberKind,
    paragraph: usize,
    start: usize,
    text: &'a str,
    unit: Option<&'a str>,
    value: Value,
}

/// A list serialized from a fresh iterator, one item at a time: nothing of
/// the list is built in memory.
struct Each<F>(F);

impl<F, I> Serialize for Each<F>
where
    F: Fn() -> I,
    I: IntoIterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}

/// The whole article, its lists made item by item as they are written.
struct ArticleJson<'a>(&'a Article);

impl Serialize for ArticleJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let a = self.0;
        let mut m = s.serialize_struct("Article", 12)?;
        m.serialize_field("boilerplate", &Each(|| a.boilerplate.iter().map(|s| a.slice(*s))))?;
        m.serialize_field("date", &a.date.as_deref())?;
        m.serialize_field("direction", &a.direction)?;
        m.serialize_field("lang", &a.lang)?;
        m.serialize_field(
            "numbers",
            &Each(|| {
                a.numbers.iter().map(|n| NumberJson {
                    approximate: n.approximate,
                    end: n.span.end,
                    kind: n.kind,
                    paragraph: n.paragraph,
                    start: n.span.start,
                    text: a.slice(n.span),
                    unit: n.unit.as_deref(),
                    value: number_value(n.value),
                })
            }),
        )?;
        m.serialize_field(
            "paragraphs",
            &Each(|| {
                a.paragraphs.iter().map(|p| ParagraphJson {
                    direction: p.direction,
                    end: p.span.end,
                    role: p.role,
                    start: p.span.start,
                    text: a.slice(p.span),
                })
            }),
        )?;
        m.serialize_field(
            "quotes",
            &Each(|| {
                a.quotes.iter().map(|q| QuoteJson {
                    cue: q.cue.map(|c| a.slice(c)).unwrap_or(""),
                    cue_start: q.cue.map(|c| c.start),
                    direct: q.direct,
                    end: q.span.end,
                    paragraph: q.paragraph,
                    speaker: q.speaker,
                    start: q.span.start,
                    text: a.slice(q.span),
                })
            }),
        )?;
        m.serialize_field(
            "sections",
            &Each(|| {
                a.sections.iter().map(|s| SectionJson {
                    heading: a.heading(s),
                    heading_paragraph: s.heading,
                    paragraphs: &s.paragraphs,
                })
            }),
        )?;
        m.serialize_field("source", &a.source)?;
        m.serialize_field(
            "speakers",
            &Each(|| {
                a.speakers.iter().enumerate().map(|(id, s)| SpeakerJson {
                    aliases: &s.aliases,
                    id,
                    kind: s.kind,
                    name: &s.name,
                    role: s.role.as_deref(),
                })
            }),
        )?;
        m.serialize_field("title", a.title())?;
        m.serialize_field("url", &a.url.as_deref())?;
        m.end()
    }
}

/// A number as JSON: integral values print without a fraction (`60`, not `60.0`).
pub fn number_value(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        Value::from(v as i64)
    } else {
        serde_json::Number::from_f64(v)
            .map(Value::Number)
            .unwrap_or(Value::Null)
    }
}

/// The article as a JSON value.
pub fn to_value(a: &Article) -> Value {
    serde_json::to_value(ArticleJson(a)).unwrap_or(Value::Null)
}

/// Writes the article's JSON to `out` as [`to_terminal_safe_string`] of
/// [`to_value`] would, byte for byte, but streamed: neither the value tree
/// nor the text is held in memory (for a 100 MB article they took 40 times
/// the input).
pub fn write_article(out: &mut impl Write, a: &Article, pretty: bool) -> io::Result<()> {
    if pretty {
        let mut ser = serde_json::Serializer::with_formatter(out, Safe(PrettyFormatter::new()));
        ArticleJson(a).serialize(&mut ser).map_err(io::Error::from)
    } else {
        let mut ser = serde_json::Serializer::with_formatter(out, Safe(CompactFormatter));
        ArticleJson(a).serialize(&mut ser).map_err(io::Error::from)
    }
}

/// Characters a terminal would obey or reorder by, which serde_json leaves
/// as they are: DEL, C1 controls, bidi marks, embeddings and isolates.
fn needs_escape(c: char) -> bool {
    matches!(c, '\u{7f}'..='\u{9f}' | '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A formatter that writes [`needs_escape`] characters of strings as
/// `\uXXXX`, and leaves the layout to the formatter it wraps.
struct Safe<F>(F);

impl<F: Formatter> Formatter for Safe<F> {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, fragment: &str) -> io::Result<()> {
        let mut rest = fragment;
        while let Some((i, c)) = rest.char_indices().find(|&(_, c)| needs_escape(c)) {
            w.write_all(&rest.as_bytes()[..i])?;
            write!(w, "\\u{:04x}", c as u32)?;
            rest = &rest[i + c.len_utf8()..];
        }
        w.write_all(rest.as_bytes())
    }
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn end_object_key<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_key(w)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Serializes `value` as JSON whose text is safe on a terminal: besides the
/// C0 controls serde_json escapes, DEL, C1 controls and bidi controls (which a
/// terminal would obey or reorder by) are written as `\uXXXX` escapes. The
/// JSON means exactly the same; only its bytes are inert.
pub fn to_terminal_safe_string(value: &Value, pretty: bool) -> String {
    let raw = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    }
    .unwrap_or_default();
    let needs = needs_escape;
    if !raw.chars().any(needs) {
        return raw;
    }
    let mut out = String::with_capacity(raw.len() + 16);
    for c in raw.chars() {
        if needs(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_overrides_are_escaped_and_round_trip() {
        let v = serde_json::json!({"text": "a\u{1b}[2J\u{9b}31m\u{202e}b\u{2067}c\u{7f}"});
        for pretty in [false, true] {
            let s = to_terminal_safe_string(&v, pretty);
            assert!(!s.chars().any(|c| c.is_control() && c != '\n'), "{s:?}");
            assert!(!s.contains('\u{202e}') && !s.contains('\u{2067}'));
            let back: Value = serde_json::from_str(&s).unwrap();
            assert_eq!(back, v);
        }
    }

    #[test]
    fn the_streamed_article_is_the_same_bytes_as_the_value() {
        let text = "Title \u{202e}x\u{202c}\n\n\
                    The minister said that \x1b[2J\u{9b}31m \"prices\" \\ would fall \u{61c}by 60%.\n\n\
                    قال الوزير إن «الحوار مهم» في 60 في المئة من 2.5 مليون.\n";
        let a = crate::analyze(crate::Document::from_text("a\u{7f}.txt", text));
        assert!(!a.quotes.is_empty() && !a.numbers.is_empty());
        for pretty in [true, false] {
            let mut streamed = Vec::new();
            write_article(&mut streamed, &a, pretty).unwrap();
            let whole = to_terminal_safe_string(&to_value(&a), pretty);
            assert_eq!(String::from_utf8(streamed).unwrap(), whole, "pretty: {pretty}");
        }
    }

    #[test]
    fn integral_values_print_without_fraction() {
        assert_eq!(number_value(60.0).to_string(), "60");
        assert_eq!(number_value(0.25).to_string(), "0.25");
        assert_eq!(number_value(8e10).to_string(), "80000000000");
    }
}
