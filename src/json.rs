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

use serde::Serialize;
use serde_json::Value;

use crate::article::{Article, Direction, NumberKind, ParagraphRole, SpeakerKind};

#[derive(Serialize)]
struct ParagraphJson<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    direction: Direction,
    role: ParagraphRole,
}

#[derive(Serialize)]
struct SectionJson<'a> {
    heading: Option<&'a str>,
    heading_paragraph: Option<usize>,
    paragraphs: &'a [usize],
}

#[derive(Serialize)]
struct SpeakerJson<'a> {
    id: usize,
    name: &'a str,
    aliases: &'a [String],
    role: Option<&'a str>,
    kind: SpeakerKind,
}

#[derive(Serialize)]
struct QuoteJson<'a> {
    speaker: Option<usize>,
    cue: &'a str,
    cue_start: Option<usize>,
    text: &'a str,
    direct: bool,
    paragraph: usize,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct NumberJson<'a> {
    text: &'a str,
    value: Value,
    kind: NumberKind,
    unit: Option<&'a str>,
    approximate: bool,
    paragraph: usize,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct ArticleJson<'a> {
    source: &'a str,
    title: &'a str,
    lang: &'a str,
    direction: Direction,
    url: Option<&'a str>,
    date: Option<&'a str>,
    boilerplate: Vec<&'a str>,
    paragraphs: Vec<ParagraphJson<'a>>,
    sections: Vec<SectionJson<'a>>,
    speakers: Vec<SpeakerJson<'a>>,
    quotes: Vec<QuoteJson<'a>>,
    numbers: Vec<NumberJson<'a>>,
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
    let j = ArticleJson {
        source: &a.source,
        title: a.title(),
        lang: &a.lang,
        direction: a.direction,
        url: a.url.as_deref(),
        date: a.date.as_deref(),
        boilerplate: a.boilerplate.iter().map(|s| a.slice(*s)).collect(),
        paragraphs: a
            .paragraphs
            .iter()
            .map(|p| ParagraphJson {
                text: a.slice(p.span),
                start: p.span.start,
                end: p.span.end,
                direction: p.direction,
                role: p.role,
            })
            .collect(),
        sections: a
            .sections
            .iter()
            .map(|s| SectionJson {
                heading: a.heading(s),
                heading_paragraph: s.heading,
                paragraphs: &s.paragraphs,
            })
            .collect(),
        speakers: a
            .speakers
            .iter()
            .enumerate()
            .map(|(id, s)| SpeakerJson {
                id,
                name: &s.name,
                aliases: &s.aliases,
                role: s.role.as_deref(),
                kind: s.kind,
            })
            .collect(),
        quotes: a
            .quotes
            .iter()
            .map(|q| QuoteJson {
                speaker: q.speaker,
                cue: q.cue.map(|c| a.slice(c)).unwrap_or(""),
                cue_start: q.cue.map(|c| c.start),
                text: a.slice(q.span),
                direct: q.direct,
                paragraph: q.paragraph,
                start: q.span.start,
                end: q.span.end,
            })
            .collect(),
        numbers: a
            .numbers
            .iter()
            .map(|n| NumberJson {
                text: a.slice(n.span),
                value: number_value(n.value),
                kind: n.kind,
                unit: n.unit.as_deref(),
                approximate: n.approximate,
                paragraph: n.paragraph,
                start: n.span.start,
                end: n.span.end,
            })
            .collect(),
    };
    serde_json::to_value(j).unwrap_or(Value::Null)
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
    let needs = |c: char| matches!(c, '\u{7f}'..='\u{9f}' | '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
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
    fn integral_values_print_without_fraction() {
        assert_eq!(number_value(60.0).to_string(), "60");
        assert_eq!(number_value(0.25).to_string(), "0.25");
        assert_eq!(number_value(8e10).to_string(), "80000000000");
    }
}
