//! A readable Markdown digest of an [`Article`] (`rawi extract --format markdown`).
//!
//! The digest is often printed straight to a terminal, so every piece of
//! article text in it goes through [`clean`] first.

use std::fmt::Write;

use crate::article::{Article, NumberMention, SpeakerKind};
use crate::json::number_value;
use crate::sanitize::{Hidden, for_terminal_line};

/// Article text made safe to print on one line (see [`crate::sanitize`]).
pub fn clean(s: &str) -> String {
    for_terminal_line(s, Hidden::Drop).into_owned()
}

fn cell(s: &str) -> String {
    clean(s).replace('|', "\\|")
}

fn kind_name(k: SpeakerKind) -> &'static str {
    match k {
        SpeakerKind::Person => "person",
        SpeakerKind::Group => "group",
        SpeakerKind::Organization => "organization",
        SpeakerKind::Anonymous => "anonymous",
    }
}

/// One Markdown table row for a number: text, value (`~` when
/// approximate), kind, unit, and a last column the caller chooses.
pub fn number_row(a: &Article, n: &NumberMention, last: &str) -> String {
    let kind = serde_json::to_value(n.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    format!(
        "| {} | {}{} | {} | {} | {} |",
        cell(a.slice(n.span)),
        if n.approximate { "~" } else { "" },
        number_value(n.value),
        kind,
        n.unit.as_deref().map(cell).unwrap_or_default(),
        cell(last)
    )
}

/// The Markdown digest.
pub fn render(a: &Article) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", clean(a.title()));
    let _ = writeln!(
        out,
        "*{} · {} · {} paragraphs*\n",
        clean(&a.source),
        a.lang,
        a.paragraphs.len()
    );
    if !a.sections.is_empty() {
        let _ = writeln!(out, "## Sections\n");
        for (i, s) in a.sections.iter().enumerate() {
            let heading = a.heading(s).map(clean).unwrap_or_else(|| "(lead)".to_string());
            let _ = writeln!(out, "{}. {} — {} paragraphs", i + 1, heading, s.paragraphs.len());
        }
        out.push('\n');
    }
    if !a.speakers.is_empty() {
        let _ = writeln!(out, "## Speakers\n");
        for (id, s) in a.speakers.iter().enumerate() {
            let count = a.quotes.iter().filter(|q| q.speaker == Some(id)).count();
            let mut line = format!("- **{}**", clean(&s.name));
            if let Some(r) = &s.role
                && r != &s.name
            {
                let _ = write!(line, " — {}", clean(r));
            }
            let _ = write!(
                line,
                " ({}, {} quote{})",
                kind_name(s.kind),
                count,
                if count == 1 { "" } else { "s" }
            );
            if !s.aliases.is_empty() {
                let aliases: Vec<String> = s.aliases.iter().map(|x| clean(x)).collect();
                let _ = write!(line, "; also: {}", aliases.join("، "));
            }
            let _ = writeln!(out, "{line}");
        }
        out.push('\n');
    }
    if !a.quotes.is_empty() {
        let _ = writeln!(out, "## Quotes\n");
        for q in &a.quotes {
            let who = q
                .speaker
                .and_then(|i| a.speakers.get(i))
                .map(|s| clean(&s.name))
                .unwrap_or_else(|| "?".into());
            let _ = writeln!(out, "> {}", clean(a.slice(q.span)));
            let cue = q.cue.map(|c| clean(a.slice(c))).unwrap_or_default();
            let how = if q.direct { "direct" } else { "reported" };
            let _ = writeln!(
                out,
                ">\n> — **{who}**{}{} ({how}, ¶{})\n",
                if cue.is_empty() { "" } else { ", " },
                cue,
                q.paragraph
            );
        }
    }
    if !a.numbers.is_empty() {
        let _ = writeln!(out, "## Numbers\n");
        let _ = writeln!(out, "| text | value | kind | unit | ¶ |");
        let _ = writeln!(out, "|---|---|---|---|---|");
        for n in &a.numbers {
            let _ = writeln!(out, "{}", number_row(a, n, &n.paragraph.to_string()));
        }
    }
    out
}
