//! Article structure: title, site furniture, headings, body paragraphs.
//!
//! Scraped articles arrive as lines. The first non-empty line is the title.
//! Blank lines separate blocks; a block whose lines all look complete (each
//! ends a sentence, or is short) is split into one paragraph per line, while
//! a hard-wrapped block (long lines that do not end a sentence) is one
//! paragraph. Then general rules — never the words of one article — sort
//! each line into furniture, heading or body:
//!
//! * **furniture**: lines made only of share/print/font-size words, photo
//!   credits, wire markers in parentheses, and the short byline and dateline
//!   lines between the title and the first body paragraph;
//! * **heading**: a short line with no sentence punctuation at its end, with
//!   body text before it and body text right after it;
//! * **body**: everything else.

use crate::article::{Direction, Paragraph, ParagraphRole, Section, Span};
use crate::extract::lexicon::lexicon;
use crate::text::{is_alphanumeric, is_arabic_letter, with_folded};

/// The structure of an article text.
#[derive(Debug, Default)]
pub struct Structure {
    /// Title, headings and body paragraphs.
    pub paragraphs: Vec<Paragraph>,
    /// Furniture lines set aside.
    pub boilerplate: Vec<Span>,
    /// Lead section and one per heading.
    pub sections: Vec<Section>,
}

/// A heading is at most this many words.
const HEADING_MAX_WORDS: usize = 9;
/// The same for a line in Latin script.
const HEADING_MAX_WORDS_LATIN: usize = 12;
/// A line longer than this (in chars) is never a heading or byline.
const HEADING_MAX_CHARS: usize = 80;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Furniture,
    Candidate,
    /// A body line that may be a heading when it stands between two body
    /// lines (a longer English heading, a question); never furniture.
    BodyOrHeading,
    Body,
}

/// Finds the structure of `text`.
pub fn parse(text: &str, default_dir: Direction) -> Structure {
    let units = units(text);
    let mut out = Structure::default();
    let Some((&title, rest)) = units.split_first() else {
        return out;
    };
    out.paragraphs.push(Paragraph {
        span: title,
        role: ParagraphRole::Title,
        direction: direction_of(title.of(text)).unwrap_or(default_dir),
    });
    let kinds: Vec<Kind> = rest.iter().map(|s| classify(s.of(text))).collect();
    // What follows each line, from one backward pass (asking it of the rest
    // of the list at every line is quadratic: minutes on a long list of
    // short lines): `after[i]` = (some body line follows, the next line
    // that is not furniture is body).
    let mut after = vec![(false, false); kinds.len()];
    let (mut body_later, mut next_body) = (false, false);
    for (i, &kind) in kinds.iter().enumerate().rev() {
        after[i] = (body_later, next_body);
        match kind {
            Kind::Body | Kind::BodyOrHeading => (body_later, next_body) = (true, true),
            Kind::Candidate => next_body = false,
            Kind::Furniture => {}
        }
    }
    let mut seen_body = false;
    let mut last_was_body = false;
    let mut sections = vec![Section::default()];
    for (i, (&span, &kind)) in rest.iter().zip(&kinds).enumerate() {
        let (body_later, next_is_body) = after[i];
        let role = match kind {
            Kind::Furniture => None,
            Kind::BodyOrHeading if last_was_body && next_is_body && !is_credit(span.of(text)) => {
                Some(ParagraphRole::Heading)
            }
            // A short line that reads as a sentence (a verse, a subheading,
            // a caption: `ترا الوفا بقلوبنا ما له أسباب`) is text wherever it
            // stands; only bylines, tags and labels are set aside.
            Kind::Candidate
                if !is_credit(span.of(text))
                    && reads_as_text(span.of(text))
                    && !(seen_body && next_is_body) =>
            {
                Some(ParagraphRole::Body)
            }
            // Short lines before any body text are bylines and datelines.
            Kind::Candidate if !seen_body && is_credit_or_short(span.of(text)) && body_later => None,
            Kind::Candidate if seen_body && next_is_body && !is_credit(span.of(text)) => {
                Some(ParagraphRole::Heading)
            }
            // Short lines after the last body text are tags and share labels.
            Kind::Candidate if seen_body && !body_later => None,
            Kind::Candidate if is_credit(span.of(text)) => None,
            _ => Some(ParagraphRole::Body),
        };
        let Some(role) = role else {
            out.boilerplate.push(span);
            last_was_body = false;
            continue;
        };
        last_was_body = role == ParagraphRole::Body;
        let span = if role == ParagraphRole::Heading {
            strip_list_marker(text, span)
        } else {
            span
        };
        let index = out.paragraphs.len();
        out.paragraphs.push(Paragraph {
            span,
            role,
            direction: direction_of(span.of(text)).unwrap_or(default_dir),
        });
        match role {
            ParagraphRole::Heading => sections.push(Section {
                heading: Some(index),
                paragraphs: vec![],
            }),
            _ => {
                seen_body = true;
                if let Some(s) = sections.last_mut() {
                    s.paragraphs.push(index);
                }
            }
        }
    }
    if sections[0].paragraphs.is_empty() && sections.len() > 1 {
        sections.remove(0);
    }
    out.sections = sections;
    out
}

/// Non-blank lines, joined into one unit when a block is hard-wrapped.
fn units(text: &str) -> Vec<Span> {
    let mut units = Vec::new();
    let mut block: Vec<Span> = Vec::new();
    let flush = |block: &mut Vec<Span>, units: &mut Vec<Span>| {
        let wrapped = block.len() > 1
            && block[..block.len() - 1].iter().all(|l| {
                let s = l.of(text);
                s.chars().count() >= 40 && !ends_sentence(s)
            });
        if wrapped {
            push_unit(text, Span::new(block[0].start, block[block.len() - 1].end), units);
        } else {
            for &line in block.iter() {
                push_unit(text, line, units);
            }
        }
        block.clear();
    };
    // Line ends found with the `memchr` crate's vector search: the
    // standard library's byte-at-a-time-or-word search was 3% of the
    // instructions of the whole analysis here.
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1);
    let mut next = 0;
    for end in ends.chain(std::iter::once(text.len())) {
        // (a line ends after a '\n', always a character boundary)
        let start = std::mem::replace(&mut next, end);
        let line = text.get(start..end).unwrap_or("");
        if line.is_empty() {
            continue;
        }
        let body = line.trim_end_matches(['\n', '\r']);
        let lead = body.len() - body.trim_start().len();
        let trimmed = body.trim();
        if trimmed.is_empty() {
            flush(&mut block, &mut units);
        } else {
            let s = start + lead;
            block.push(Span::new(s, s + trimmed.len()));
        }
    }
    flush(&mut block, &mut units);
    units
}

/// A paragraph is at most this many bytes: a longer block (a scrape with no
/// blank line and no sentence end, a megabyte line) is cut into pieces of
/// this size, so that no step that works a paragraph at a time — the
/// tokens of the analysis, the reader's layout — holds more than this at
/// once. No paragraph of a real article comes near it.
pub const MAX_PARAGRAPH: usize = 64 * 1024;

/// Pushes `span`, cut into pieces of at most [`MAX_PARAGRAPH`] bytes: after
/// the last line break, else sentence end, else space in the second half
/// of a piece, else at a character boundary. Whitespace at the cuts is left
/// out of the pieces.
fn push_unit(text: &str, span: Span, units: &mut Vec<Span>) {
    let mut start = span.start;
    while span.end - start > MAX_PARAGRAPH {
        let mut end = start + MAX_PARAGRAPH;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let window = &text[start..end];
        let half = window.len() / 2;
        // just after the character found at `i` (or at it: `keep` false)
        let cut_at = |i: Option<usize>, keep: bool| {
            i.map(|i| {
                i + if keep {
                    window[i..].chars().next().map_or(0, char::len_utf8)
                } else {
                    0
                }
            })
            .filter(|&i| i > half)
        };
        let cut = cut_at(window.rfind('\n'), true)
            .or_else(|| cut_at(window.rfind(['.', '!', '?', '؟']), true))
            .or_else(|| cut_at(window.rfind(char::is_whitespace), false))
            .unwrap_or(window.len());
        let piece = Span::new(start, start + cut);
        let trimmed = piece.of(text).trim_end();
        if !trimmed.is_empty() {
            units.push(Span::new(start, start + trimmed.len()));
        }
        start += cut;
        start += text[start..span.end].len() - text[start..span.end].trim_start().len();
    }
    if start < span.end {
        units.push(Span::new(start, span.end));
    }
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end()
        .ends_with(['.', '!', '?', '؟', ':', '»', '”', '"', '…', '؛', ';'])
}

fn classify(line: &str) -> Kind {
    // Long lines are body text; only short ones need a closer look.
    // (`count` counts characters by their first bytes, many at a time;
    // `nth` decoded each one: 3% of the analysis, on every paragraph)
    if line.len() > HEADING_MAX_CHARS * 4
        || (line.len() > HEADING_MAX_CHARS && line.chars().count() > HEADING_MAX_CHARS)
    {
        return Kind::Body;
    }
    if is_furniture(line) {
        return Kind::Furniture;
    }
    if is_enumerator(line) {
        return Kind::Body;
    }
    let words = line.split_whitespace().count();
    let trimmed = line.trim_end();
    // English headings run longer than Arabic ones (`Almost 1.8 million
    // potholes filled since de Blasio took office`) and may ask a question
    // (`But First: What's a Superbug?`); Arabic body lines often end with no
    // stop at all, so the Arabic bound stays tight and a question stays body
    // (interviews ask them line by line).
    let stops = trimmed.ends_with(['.', '!', '?', '؟', '،', ',', '»', '”', '"', '…', '؛', ';']);
    let latin = !line.chars().any(is_arabic_letter);
    if latin
        && words <= HEADING_MAX_WORDS_LATIN
        && line.chars().count() <= HEADING_MAX_CHARS
        && (words > HEADING_MAX_WORDS && !stops || trimmed.ends_with('?'))
    {
        return Kind::BodyOrHeading;
    }
    if words <= HEADING_MAX_WORDS && line.chars().count() <= HEADING_MAX_CHARS && !stops {
        // (Body, not furniture: its numbers stay.)
        if is_date_line(line) {
            return Kind::Body;
        }
        // `وقال إنه يحق للوافد …`: a sentence opened by a reporting verb
        // is the words of someone, not a heading (and never furniture).
        if opens_with_reporting_verb(line) {
            return Kind::Body;
        }
        Kind::Candidate
    } else {
        Kind::Body
    }
}

/// A dateline: month and weekday names and digits only, with one of each
/// (`Feb. 21, 2019`, `الخميس 21 فبراير 2019م`).
fn is_date_line(line: &str) -> bool {
    let lex = lexicon();
    let (mut digit, mut named) = (false, false);
    for w in line.split(|c: char| c.is_whitespace() || matches!(c, ',' | '،' | '/' | '-' | '.' | ':')) {
        let w = w.trim_matches(|c: char| !is_alphanumeric(c));
        if w.is_empty() {
            continue;
        }
        if w.chars().all(|c| c.is_numeric()) {
            digit = true;
            continue;
        }
        // `2019م`, `1436هـ`: a year with its era letter.
        let bare = w.trim_end_matches(['م', 'ه', 'ـ']);
        if !bare.is_empty() && bare.chars().all(|c| c.is_numeric()) {
            digit = true;
            continue;
        }
        if !with_folded(w, |f| lex.date_words.contains(f)) {
            return false;
        }
        named = true;
    }
    digit && named
}

/// The first word is an Arabic reporting verb with و/ف (`وقال`, `وأكد`,
/// `فأوضح`).
fn opens_with_reporting_verb(line: &str) -> bool {
    let Some(first) = line.split_whitespace().next() else {
        return false;
    };
    let lex = lexicon();
    // Only with و/ف: bare, many are also nouns that open headings (`نقل
    // الجثمان` "the transfer", `صرح مختلف` "a different edifice").
    with_folded_word(first, |f| {
        f.strip_prefix(['و', 'ف'])
            .is_some_and(|bare| lex.ar_verbs.contains(bare) && !lex.ar_verbs.is_marked(bare))
    })
}

/// A line made only of furniture words and symbols, a rule (`___`,
/// `* * *`, `———`), or a wire marker in parentheses (`(رويترز)`, `(AFP)`).
fn is_furniture(line: &str) -> bool {
    let t = line.trim();
    if t.starts_with('(') && t.ends_with(')') && t.split_whitespace().count() <= 4 {
        return true;
    }
    if t.chars().all(|c| c.is_whitespace() || "-–—=_*~·•".contains(c)) {
        return true;
    }
    let lex = lexicon();
    let mut any_word = false;
    for w in t.split(|c: char| c.is_whitespace() || c == '|' || c == '/' || c == '·' || c == '•') {
        let (empty, furniture) = with_folded_word(w, |f| (f.is_empty(), lex.furniture.contains(f)));
        if empty {
            if w.chars().all(|c| "+-–—=|:·•".contains(c)) {
                continue;
            }
            return false;
        }
        any_word = true;
        if !furniture {
            return false;
        }
    }
    any_word
}

/// Calls `f` with the folded form of `w` without the symbols at its edges
/// (every short line asks, word by word).
fn with_folded_word<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    with_folded(w.trim_matches(|c: char| !is_alphanumeric(c)), f)
}

/// A photo credit or embed label: a short line whose last word is a credit
/// word (`Getty Images`, `West Mercia Police`).
fn is_credit(line: &str) -> bool {
    line.split_whitespace()
        .last()
        .map(|w| with_folded_word(w, |f| lexicon().credits.contains(f)))
        .unwrap_or(false)
        || has_credit_label(line)
}

/// A credit label anywhere in a short line: `Photo by Joan Bardeletti`,
/// `Fernando Caudevilla, aka DoctorX. Photo: Joseph Cox`, `تصوير: …`.
fn has_credit_label(line: &str) -> bool {
    let mut words = line.split_whitespace().peekable();
    while let Some(w) = words.next() {
        let w = w.trim_start_matches(['(', '[']);
        let (label, colon) = match w.strip_suffix(':') {
            Some(l) => (l, true),
            None => (w, false),
        };
        let english = ["photo", "photos", "photograph", "image", "illustration", "credit"]
            .iter()
            .any(|l| label.eq_ignore_ascii_case(l));
        let by = words.peek().is_some_and(|n| n.eq_ignore_ascii_case("by"));
        if (english && (colon || by)) || (colon && matches!(label, "تصوير" | "عدسة")) {
            return true;
        }
    }
    false
}

/// The adverbial ordinals that number the items of a list (`أولاً :`,
/// `ثانياً -`): on a line of their own they open an item, they are no
/// heading, and the line before them can be one (`موافقات:` then `أولاً :`).
const ENUMERATORS: [&str; 10] = [
    "اولا",
    "ثانيا",
    "ثالثا",
    "رابعا",
    "خامسا",
    "سادسا",
    "سابعا",
    "ثامنا",
    "تاسعا",
    "عاشرا",
];

/// True for a line that is only an enumerator and its punctuation.
fn is_enumerator(line: &str) -> bool {
    let word = line.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ':' | '：' | '-' | 'ـ' | '–' | '—' | '.' | ')')
    });
    word.len() <= 16 && ENUMERATORS.contains(&crate::text::fold(word).as_str())
}

/// Closed-class words of running text: a line with one of them (or a word
/// joined by و, or a verb-like word) is a sentence or a phrase of one, not a
/// byline (`داليا أبوالعيش – عين اليوم`), a tag line (`سمات الاتصالات
/// الارباح السعودية`) or a label. Checked on 300 random ../shared/snn
/// articles: the 72 short lines set aside before held 2 verses, 2
/// subheadings, a film list and a letter's signature.
const TEXT_WORDS: [&str; 52] = [
    "في", "فى", "من", "على", "علي", "إلى", "الى", "عن", "مع", "ما", "لا", "لم", "لن", "له", "لها", "هو", "هي",
    "أن", "ان", "إن", "كل", "قد", "التي", "الذي", "هذا", "هذه", "بين", "حتى", "بعد", "قبل", "عند", "كان",
    "the", "of", "and", "to", "in", "is", "was", "for", "on", "with", "that", "are", "be", "by", "at", "it",
    "not", "from", "but", "has",
];

/// True when a short line reads as text (see [`TEXT_WORDS`]): three words
/// or more, one of them a closed-class word or a later word joined by و.
fn reads_as_text(line: &str) -> bool {
    let words: Vec<&str> = line
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    // `إخراج: ديفيد لين`: a label and its value are an item of a list.
    let labelled = line
        .split_once([':', '：'])
        .is_some_and(|(a, b)| !a.trim().is_empty() && b.split_whitespace().count() >= 2);
    labelled
        || words.len() >= 3
            && words.iter().enumerate().any(|(i, w)| {
                TEXT_WORDS.iter().any(|t| w.eq_ignore_ascii_case(t))
                    || (i > 0 && w.starts_with('و') && w.chars().count() > 3 && !w.starts_with("وكالة"))
            })
}

/// Bylines and datelines (`الجزيرة - الرياض:`) and credits.
fn is_credit_or_short(line: &str) -> bool {
    is_credit(line) || line.split_whitespace().count() <= 6
}

/// Drops a list marker (`*`, `**`, `-`, `•`, `#`) from the start of a heading.
fn strip_list_marker(text: &str, span: Span) -> Span {
    let s = span.of(text);
    let rest = s
        .trim_start_matches(['*', '-', '•', '#', '–', '—', '·'])
        .trim_start();
    let rest = rest.trim_end_matches(['*', '#']).trim_end();
    if rest.is_empty() {
        return span;
    }
    let start = span.start + (s.len() - s.trim_start_matches(['*', '-', '•', '#', '–', '—', '·']).len());
    let start = start + (text[start..span.end].len() - text[start..span.end].trim_start().len());
    Span::new(start, start + rest.len())
}

/// The direction of the first strong letter, as the bidi algorithm's rule P2
/// would find it (Arabic → right to left, Latin → left to right).
pub fn direction_of(s: &str) -> Option<Direction> {
    s.chars().find_map(|c| {
        if is_arabic_letter(c) || matches!(c, '\u{0590}'..='\u{05FF}') {
            Some(Direction::Rtl)
        } else if c.is_alphabetic() {
            Some(Direction::Ltr)
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests;
