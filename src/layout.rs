//! Text layout for the reader: bidi-correct wrapping and reordering of one
//! paragraph into rows of terminal cells.
//!
//! A full-screen app cannot leave bidi to the terminal (terminals that do
//! it reorder per screen row and know nothing of the app's layout), so rawi
//! hands the terminal *visual* order and switches terminal bidi off
//! (`docs/bidi.md` §0). The pipeline, per paragraph (bidi.md §8.1):
//!
//! 1. **sanitize** ([`crate::sanitize::for_bidi`]): escape sequences,
//!    controls, embeddings and overrides go; isolates and marks stay for step 4;
//! 2. **NFC**, per grapheme cluster;
//! 3. **paragraph direction**: given by the caller (HTML `dir`, the
//!    article's direction) or from the first strong character (P2/P3);
//! 4. **bidi levels for the whole paragraph** (`unicode-bidi`), never per
//!    wrapped line;
//! 5. **wrap in logical order** by summed per-grapheme widths;
//! 6. **reorder each line**: L1/L2, right-to-left runs reversed *by grapheme
//!    cluster* (harakat stay on their letters), mirrored characters swapped;
//! 7. **align**: right-to-left paragraphs are right-aligned through
//!    [`VisualLine::indent`].
//!
//! The output is a plain data type, not ratatui's: the reader turns a
//! [`VisualLine`] plus its highlights into a styled line, a plain-text
//! renderer can print it, and tests can check it without a terminal.
//!
//! # Guarantees
//!
//! For every line produced, whatever the input:
//! * the widths of its cells plus `indent` never exceed `width`;
//! * every cell is one grapheme cluster of the sanitized NFC text, at least
//!   one column wide, and passes [`crate::sanitize::is_terminal_safe`]
//!   with no `\t` or `\n` in it (no control, no bidi control in any cell);
//! * [`VisualCell::logical`] is the byte offset, in the text as passed in,
//!   of the first character of the grapheme the cell shows — a char
//!   boundary of that text;
//! * the cells of a line are exactly the drawable graphemes of one
//!   contiguous stretch of the paragraph, permuted;
//! * nothing panics, and the work is linear in the text length.
//!
//! # Defined edge cases
//!
//! * `width == 0`: no lines at all (there is nowhere to draw).
//! * A grapheme wider than `width` (a wide CJK character at width 1) is
//!   drawn as U+FFFD, one column. A grapheme with no width of its own (a
//!   combining mark with nothing to sit on) is drawn on U+25CC `◌`.
//! * `\n`, U+2028 and U+2029 are hard line breaks; each hard line is its own
//!   bidi paragraph (as UAX #9 says) but all share the paragraph's
//!   direction and alignment. An empty hard line is an empty row; a final
//!   line break does not add one (like [`str::lines`]); empty text gives no
//!   rows.
//! * A tab is one space. Line-end spaces are not drawn.
//! * With [`Hidden::Show`], hidden characters become visible placeholders
//!   (`^[`, `<U+202E>`) whose cells all carry the hidden character's offset;
//!   isolates and marks are then shown instead of applied.
//!
//! # Laying out only what is on screen
//!
//! [`layout_lines`] returns an iterator that works one hard line at a time
//! and reorders each row only when it is asked for; `nth`/`skip` over rows
//! of the current hard line build no cells. A reader can take the rows of
//! the first screen without laying out the rest of a huge paragraph.

mod mirror;
mod prepare;
mod reorder;
mod wrap;

#[cfg(test)]
mod tests;

use std::ops::{ControlFlow, Range};

use unicode_bidi::BidiClass;

pub use crate::article::Direction;
pub use crate::sanitize::Hidden;
use crate::sanitize::{self, Policy};
use prepare::Segment;

/// One screen row of a paragraph, in visual (left-to-right cell) order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VisualLine {
    /// Graphemes in display order, mirrored where the bidi algorithm says so.
    pub cells: Vec<VisualCell>,
    /// Blank columns to draw before the first cell: right-alignment padding
    /// for right-to-left paragraphs, 0 for left-to-right ones.
    pub indent: u16,
}

/// One grapheme cluster in a [`VisualLine`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualCell {
    /// One grapheme cluster, sanitized and NFC (mirrored in RTL runs).
    pub text: String,
    /// Columns it takes: the `unicode-width` of `text` alone, and at least
    /// 1 — so 1 for Arabic letters with their harakat, 2 for wide CJK and
    /// emoji. Line widths are sums of these, never the width of a whole
    /// string: `unicode-width` counts lam-alef `لا` as one column at string
    /// level, terminals (and ratatui's buffer) draw two. Draw each cell with
    /// this width; do not re-measure joined cells.
    pub width: u8,
    /// Byte offset, in the paragraph text as passed in, of the grapheme this
    /// cell shows. Highlights (quotes, numbers, search hits: byte spans into
    /// the paragraph) are mapped onto cells with it: a cell is highlighted
    /// when `span.start <= logical && logical < span.end`.
    pub logical: usize,
}

impl VisualLine {
    /// Columns taken by the cells (the indent not included).
    pub fn width(&self) -> u16 {
        self.cells
            .iter()
            .fold(0u16, |w, c| w.saturating_add(u16::from(c.width)))
    }

    /// The cells' text in visual order, without the indent: what a plain
    /// renderer prints after `indent` spaces.
    pub fn text(&self) -> String {
        self.cells.iter().map(|c| c.text.as_str()).collect()
    }
}

/// Options of [`layout_lines`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LayoutOptions {
    /// Paragraph direction; `None` takes it from the first strong character
    /// and falls back to left-to-right (pass the article's direction for
    /// paragraphs with no letters, like a line of numbers).
    pub base_dir: Option<Direction>,
    /// Drop hidden characters or show placeholders for them.
    pub hidden: Hidden,
}

/// Lays out a whole paragraph into rows at most `width` columns wide.
/// See the [module docs](self) for the guarantees and edge cases.
pub fn layout_paragraph(text: &str, width: u16, base_dir: Option<Direction>) -> Vec<VisualLine> {
    layout_lines(
        text,
        width,
        LayoutOptions {
            base_dir,
            hidden: Hidden::Drop,
        },
    )
    .collect()
}

/// The rows of a paragraph, laid out lazily: one hard line (up to a `\n`)
/// is prepared when its first row is needed, and each row is reordered only
/// when it is yielded.
pub fn layout_lines(text: &str, width: u16, options: LayoutOptions) -> VisualLines<'_> {
    let dir = options
        .base_dir
        .unwrap_or_else(|| paragraph_direction(text).unwrap_or(Direction::Ltr));
    VisualLines {
        text,
        pos: 0,
        width,
        dir,
        hidden: options.hidden,
        current: None,
    }
}

/// The direction of `text` by its first strong character outside isolates
/// (UAX #9 rules P2/P3), looking at the sanitized text so that the inside
/// of an escape sequence does not count. `None` when there is no strong
/// character (digits and punctuation only). Stops at the first strong
/// character, so it is cheap on long text.
pub fn paragraph_direction(text: &str) -> Option<Direction> {
    let mut found = None;
    let mut depth = 0usize;
    sanitize::scan(text, Policy::bidi(Hidden::Drop), |_, c| {
        match unicode_bidi::bidi_class(c) {
            BidiClass::LRI | BidiClass::RLI | BidiClass::FSI => depth += 1,
            BidiClass::PDI => depth = depth.saturating_sub(1),
            // A paragraph separator ends all isolates.
            BidiClass::B => depth = 0,
            BidiClass::L if depth == 0 => found = Some(Direction::Ltr),
            BidiClass::R | BidiClass::AL if depth == 0 => found = Some(Direction::Rtl),
            _ => {}
        }
        if found.is_some() {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    found
}

/// Iterator over the [`VisualLine`]s of a paragraph; see [`layout_lines`].
#[derive(Debug)]
pub struct VisualLines<'a> {
    text: &'a str,
    /// Start of the next hard line not prepared yet.
    pos: usize,
    width: u16,
    dir: Direction,
    hidden: Hidden,
    current: Option<Current>,
}

/// The prepared hard line the iterator is in.
#[derive(Debug)]
struct Current {
    segment: Segment,
    lines: Vec<Range<usize>>,
    next: usize,
}

impl VisualLines<'_> {
    /// The paragraph direction used (given, or detected).
    pub fn direction(&self) -> Direction {
        self.dir
    }

    /// Prepares the next hard line; false when there is none.
    fn advance_segment(&mut self) -> bool {
        if self.width == 0 || self.pos >= self.text.len() {
            return false;
        }
        let rest = &self.text[self.pos..];
        let (raw, consumed) = match rest.char_indices().find(|&(_, c)| is_hard_break(c)) {
            Some((i, c)) => (&rest[..i], i + c.len_utf8()),
            None => (rest, rest.len()),
        };
        let segment = prepare::prepare(raw, self.pos, self.width, self.dir, self.hidden);
        let lines = wrap::wrap(&segment.graphemes, self.width);
        self.pos += consumed;
        self.current = Some(Current {
            segment,
            lines,
            next: 0,
        });
        true
    }
}

fn is_hard_break(c: char) -> bool {
    matches!(c, '\n' | '\u{2028}' | '\u{2029}')
}

impl Iterator for VisualLines<'_> {
    type Item = VisualLine;

    fn next(&mut self) -> Option<VisualLine> {
        loop {
            if let Some(cur) = &mut self.current
                && let Some(range) = cur.lines.get(cur.next).cloned()
            {
                cur.next += 1;
                return Some(reorder::visual_line(&cur.segment, range, self.width, self.dir));
            }
            self.current = None;
            if !self.advance_segment() {
                return None;
            }
        }
    }

    /// Skips rows without building their cells.
    fn nth(&mut self, mut n: usize) -> Option<VisualLine> {
        loop {
            if let Some(cur) = &mut self.current {
                let left = cur.lines.len() - cur.next;
                if n < left {
                    cur.next += n;
                    return self.next();
                }
                n -= left;
                cur.next = cur.lines.len();
            }
            self.current = None;
            if !self.advance_segment() {
                return None;
            }
        }
    }
}

impl std::iter::FusedIterator for VisualLines<'_> {}
