//! Steps 1–4 of the pipeline for one hard line ("segment") of a paragraph:
//! sanitize, NFC, split into grapheme clusters with their cell widths, and
//! resolve bidi levels for the whole segment.
//!
//! Everything after this works on [`Grapheme`]s, never on bytes or chars:
//! a cell is one grapheme, widths are summed per grapheme (never measured on
//! a whole string, which gets lam-alef wrong — bidi.md §0.5), and the bidi
//! reversal moves whole graphemes, so harakat stay on their letters.

use std::borrow::Cow;

use unicode_bidi::{BidiClass, Level, ParagraphBidiInfo};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::Direction;
use crate::sanitize::{self, Hidden, Policy};

/// What a grapheme is for wrapping and drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Drawn, and not a break opportunity.
    Glyph,
    /// A breaking space (tab included): a break opportunity, dropped at line ends.
    Space,
    /// U+200B: a zero-width break opportunity, never drawn.
    Break,
    /// A bidi isolate or mark: input to the bidi algorithm, never drawn.
    Hidden,
}

/// How the drawn text of a grapheme differs from the text itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Subst {
    /// Drawn as it is.
    None,
    /// Zero width on its own (a combining mark with no base, at the start of
    /// a line or after an isolate): drawn on U+25CC DOTTED CIRCLE, the
    /// conventional base for a lone mark, so that every cell is at least one
    /// column wide and the terminal cannot merge it into a neighbour.
    DottedCircle,
    /// Wider than the whole line (a wide CJK character at width 1): drawn as
    /// U+FFFD so that no line is ever wider than asked.
    Replacement,
}

/// One grapheme cluster of a prepared segment.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Grapheme {
    /// Byte offset in [`Segment::text`].
    pub start: usize,
    /// Byte offset of its first character in the paragraph as given.
    pub origin: usize,
    /// Cells it takes when drawn; 0 for [`Kind::Break`] and [`Kind::Hidden`].
    pub width: u8,
    /// Resolved bidi level (before the per-line rule L1).
    pub level: u8,
    /// True for whitespace and isolate controls, which rule L1 resets to
    /// the paragraph level at the end of a line.
    pub resets: bool,
    /// Wrapping and drawing role.
    pub kind: Kind,
    /// Drawing substitution.
    pub subst: Subst,
}

/// One hard line of a paragraph, ready to wrap and reorder.
#[derive(Debug)]
pub(crate) struct Segment {
    /// Sanitized (for the bidi algorithm), NFC text; tabs are spaces.
    pub text: String,
    /// Its grapheme clusters in logical order.
    pub graphemes: Vec<Grapheme>,
    /// The paragraph embedding level (0 or 1).
    pub para_level: u8,
    /// False when every level is 0: lines are drawn in logical order.
    pub needs_reorder: bool,
}

impl Segment {
    /// The text of grapheme `i`.
    pub(crate) fn grapheme_text(&self, i: usize) -> &str {
        let start = self.graphemes[i].start;
        let end = self.graphemes.get(i + 1).map_or(self.text.len(), |g| g.start);
        &self.text[start..end]
    }
}

/// Prepares `raw`, which starts at byte `origin` of the paragraph, for a
/// line `width` cells wide (`width >= 1`).
pub(crate) fn prepare(raw: &str, origin: usize, width: u16, dir: Direction, hidden: Hidden) -> Segment {
    let (clean, origins) = sanitize::sanitize_with_origins(raw, Policy::bidi(hidden));
    let mut text = String::with_capacity(clean.len());
    let mut graphemes = Vec::new();
    let mut char_index = 0;
    for (offset, g) in clean.grapheme_indices(true) {
        let source = match &origins {
            // Sanitizing changed nothing: offsets are the identity.
            None => origin + offset,
            Some(o) => origin + o.get(char_index).copied().unwrap_or(0),
        };
        if origins.is_some() {
            char_index += g.chars().count();
        }
        let start = text.len();
        let g = nfc(g);
        let (kind, width, subst) = classify(&g, width);
        if g == "\t" {
            text.push(' ');
        } else {
            text.push_str(&g);
        }
        graphemes.push(Grapheme {
            start,
            origin: source,
            width,
            level: 0,
            resets: false,
            kind,
            subst,
        });
    }
    let mut segment = Segment {
        text,
        graphemes,
        para_level: u8::from(dir == Direction::Rtl),
        needs_reorder: dir == Direction::Rtl,
    };
    resolve_levels(&mut segment);
    segment
}

/// NFC per grapheme: canonical order of harakat (shadda before fatha…) and
/// composed letters, so cells compare and render consistently. Done per
/// cluster rather than on the whole text so that each cell keeps the offset
/// of the source grapheme it came from.
fn nfc(g: &str) -> Cow<'_, str> {
    if g.is_ascii() || is_nfc_quick(g.chars()) == IsNormalized::Yes {
        Cow::Borrowed(g)
    } else {
        Cow::Owned(g.nfc().collect())
    }
}

/// Kind, cell width and substitution of one grapheme for a `line` wide line.
fn classify(g: &str, line: u16) -> (Kind, u8, Subst) {
    let mut chars = g.chars();
    let first = chars.next().unwrap_or(' ');
    let single = chars.next().is_none();
    if single && first == '\u{200B}' {
        return (Kind::Break, 0, Subst::None);
    }
    if single && sanitize::is_bidi_isolate_or_mark(first) {
        return (Kind::Hidden, 0, Subst::None);
    }
    // One byte is one cell (what ratatui's buffer does too); otherwise the
    // width of this grapheme alone.
    let w = if g.len() == 1 { 1 } else { g.width() };
    let kind = if single && is_breaking_space(first) && w > 0 {
        Kind::Space
    } else {
        Kind::Glyph
    };
    match w {
        0 => (kind, 1, Subst::DottedCircle),
        w if w > usize::from(line) || w > usize::from(u8::MAX) => (kind, 1, Subst::Replacement),
        // `w <= 255` was checked just above.
        w => (kind, w as u8, Subst::None),
    }
}

/// Whitespace where a line may break. No-break spaces (U+00A0, U+2007,
/// U+202F — the last one is common between a number and its unit) are not.
fn is_breaking_space(c: char) -> bool {
    c == '\t' || (c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{2007}' | '\u{202F}'))
}

/// Step 4: levels for the whole segment at once. Running the algorithm per
/// wrapped line instead is the classic terminal bug (bidi.md §1): weak types
/// and brackets look across line ends.
fn resolve_levels(seg: &mut Segment) {
    let para_level = if seg.para_level == 1 {
        Level::rtl()
    } else {
        Level::ltr()
    };
    // Plain ASCII in a left-to-right paragraph has only level 0.
    if seg.para_level == 0 && seg.text.is_ascii() {
        return;
    }
    let info = ParagraphBidiInfo::new(&seg.text, Some(para_level));
    if seg.para_level == 0 && !info.has_rtl() {
        return;
    }
    seg.needs_reorder = true;
    for g in &mut seg.graphemes {
        // A grapheme is moved as a unit; its level is its first byte's
        // (marks take their base's level anyway, rule W1).
        g.level = info.levels.get(g.start).map_or(seg.para_level, |l| l.number());
        g.resets = info.original_classes.get(g.start).is_some_and(|c| {
            matches!(
                c,
                BidiClass::WS
                    | BidiClass::S
                    | BidiClass::B
                    | BidiClass::BN
                    | BidiClass::FSI
                    | BidiClass::LRI
                    | BidiClass::RLI
                    | BidiClass::PDI
                    | BidiClass::LRE
                    | BidiClass::RLE
                    | BidiClass::LRO
                    | BidiClass::RLO
                    | BidiClass::PDF
            )
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(seg: &Segment) -> Vec<&str> {
        (0..seg.graphemes.len()).map(|i| seg.grapheme_text(i)).collect()
    }

    #[test]
    fn harakat_stay_in_their_cluster() {
        // `EunSrAF` عُنصراً: 5 clusters, the damma on ain, the tanwin on alef.
        let seg = prepare("عُنصراً", 0, 40, Direction::Rtl, Hidden::Drop);
        assert_eq!(texts(&seg), ["عُ", "ن", "ص", "ر", "اً"]);
        assert!(seg.graphemes.iter().all(|g| g.width == 1 && g.level == 1));
    }

    #[test]
    fn lam_alef_is_two_cells() {
        // `lA` لا: unicode-width says 1 for the string, terminals draw 2.
        let seg = prepare("لا", 0, 40, Direction::Rtl, Hidden::Drop);
        let w: u32 = seg.graphemes.iter().map(|g| u32::from(g.width)).sum();
        assert_eq!(w, 2);
    }

    #[test]
    fn origins_survive_sanitizing_and_nfc() {
        // e + combining acute becomes é (NFC) and keeps the offset of `e`.
        let raw = "\x1b[31ma\u{202E}e\u{301}b";
        let seg = prepare(raw, 100, 40, Direction::Ltr, Hidden::Drop);
        assert_eq!(texts(&seg), ["a", "\u{e9}", "b"]);
        let origins: Vec<usize> = seg.graphemes.iter().map(|g| g.origin).collect();
        assert_eq!(origins, [105, 109, 112]);
    }

    #[test]
    fn kinds() {
        let seg = prepare("a\tb\u{200B}c\u{2067}\u{A0}", 0, 40, Direction::Ltr, Hidden::Drop);
        let kinds: Vec<Kind> = seg.graphemes.iter().map(|g| g.kind).collect();
        use Kind::{Break, Glyph, Space};
        assert_eq!(kinds, [Glyph, Space, Glyph, Break, Glyph, Kind::Hidden, Glyph]);
        assert_eq!(seg.grapheme_text(1), " ");
    }

    #[test]
    fn lone_marks_and_too_wide_graphemes() {
        let seg = prepare("\u{64F}中", 0, 1, Direction::Ltr, Hidden::Drop);
        assert_eq!(seg.graphemes[0].subst, Subst::DottedCircle);
        assert_eq!(seg.graphemes[1].subst, Subst::Replacement);
        assert!(seg.graphemes.iter().all(|g| g.width == 1));
    }
}
