//! Step 5: line breaking in *logical* order, by summed grapheme widths.
//!
//! Wrapping must happen before reordering (UAX #9 §3.4): which words share
//! a line is a property of the text, not of its display. The algorithm is
//! greedy and linear: each grapheme is looked at a bounded number of times,
//! so a 1 MB line without a single space costs the same per byte as prose.
//!
//! Rules:
//! * a line breaks after a run of spaces (or at U+200B); the spaces that
//!   end a line are not part of it (they would only pad the line, and in an
//!   RTL paragraph they would sit at its visual start);
//! * a word wider than the line is broken between graphemes — never inside
//!   one, so a letter never loses its harakat;
//! * spaces at the very start of a hard line are kept as content
//!   (indentation) and broken like a word if they do not fit;
//! * no line is wider than the width. The caller guarantees every grapheme
//!   fits on its own (`prepare` substitutes the ones that do not).

use std::ops::Range;

use super::prepare::{Grapheme, Kind};

/// Line ranges (indices into `gs`) for lines of at most `width` cells.
/// An empty segment gives one empty line, so that a blank line of a
/// paragraph still takes a row.
pub(crate) fn wrap(gs: &[Grapheme], width: u16) -> Vec<Range<usize>> {
    let width = u32::from(width.max(1));
    let n = gs.len();
    let mut lines = Vec::new();
    if n == 0 {
        lines.push(0..0);
        return lines;
    }
    let is_gap = |g: &Grapheme| matches!(g.kind, Kind::Space | Kind::Break);
    let mut start = 0;
    while start < n {
        let mut used = 0u32;
        // Where the line can end at the latest break opportunity:
        // (end of its content, start of the next line).
        let mut candidate: Option<(usize, usize)> = None;
        // A glyph was placed: spaces from here on are break opportunities.
        let mut has_content = false;
        let mut j = start;
        loop {
            if j == n {
                lines.push(start..n);
                start = n;
                break;
            }
            let g = &gs[j];
            if has_content && is_gap(g) {
                let mut k = j;
                let mut run = 0u32;
                while k < n && is_gap(&gs[k]) {
                    run += u32::from(gs[k].width);
                    k += 1;
                }
                if k == n {
                    // Trailing spaces of the segment: not drawn.
                    lines.push(start..j);
                    start = n;
                    break;
                }
                candidate = Some((j, k));
                used = used.saturating_add(run);
                j = k;
                continue;
            }
            let w = u32::from(g.width);
            if used + w <= width {
                used += w;
                has_content |= g.kind == Kind::Glyph;
                j += 1;
            } else if let Some((end, next)) = candidate {
                lines.push(start..end);
                start = next;
                break;
            } else if j > start {
                // One word longer than the line: break it between graphemes.
                lines.push(start..j);
                start = j;
                break;
            } else {
                // Cannot happen (every grapheme fits alone); stay total.
                lines.push(start..j + 1);
                start = j + 1;
                break;
            }
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::super::Direction;
    use super::super::prepare::prepare;
    use super::*;
    use crate::sanitize::Hidden;

    fn lines(text: &str, width: u16) -> Vec<String> {
        let seg = prepare(text, 0, width, Direction::Ltr, Hidden::Drop);
        wrap(&seg.graphemes, width)
            .into_iter()
            .map(|r| r.map(|i| seg.grapheme_text(i)).collect())
            .collect()
    }

    #[test]
    fn breaks_at_spaces_and_drops_them_at_line_ends() {
        assert_eq!(lines("the quick brown fox", 10), ["the quick", "brown fox"]);
        assert_eq!(lines("the quick  brown", 9), ["the quick", "brown"]);
        assert_eq!(lines("ab cd  ", 5), ["ab cd"]);
        assert_eq!(lines("ab cd", 5), ["ab cd"]);
    }

    #[test]
    fn long_words_break_between_graphemes() {
        assert_eq!(lines("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(lines("a bcdefgh", 3), ["a", "bcd", "efg", "h"]);
        // `AlErAqy` العراقي with a kasra on qaf: the mark stays with its letter.
        assert_eq!(lines("العراقِي", 5), ["العرا", "قِي"]);
    }

    #[test]
    fn leading_spaces_are_content() {
        assert_eq!(lines("  ab cd", 5), ["  ab", "cd"]);
        assert_eq!(lines("      ", 4), ["    ", "  "]);
    }

    #[test]
    fn zero_width_space_is_a_break_and_empty_is_one_line() {
        assert_eq!(lines("abc\u{200B}def", 4), ["abc", "def"]);
        assert_eq!(lines("", 4), [""]);
    }

    #[test]
    fn wide_graphemes_count_two() {
        assert_eq!(lines("中文字", 4), ["中文", "字"]);
        assert_eq!(lines("中文字", 5), ["中文", "字"]);
    }
}
