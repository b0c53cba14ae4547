//! Steps 6–7: one wrapped line from logical to visual order (UAX #9 rules
//! L1–L4), then alignment.
//!
//! `unicode-bidi` resolves the levels but its per-line API clones the level
//! vector of the whole paragraph for every line (quadratic on a long
//! paragraph) and reverses code points, not grapheme clusters. So L1 and L2
//! are done here on the line's graphemes: reversing whole clusters *is*
//! rule L3 (harakat stay after their letter, as the terminal needs them),
//! and L4 swaps mirrored characters in right-to-left runs.

use std::ops::Range;

use super::mirror::mirrored;
use super::prepare::{Kind, Segment, Subst};
use super::{Direction, VisualCell, VisualLine};

/// The visual line for graphemes `range` of `seg` in a `width` wide column.
pub(crate) fn visual_line(seg: &Segment, range: Range<usize>, width: u16, dir: Direction) -> VisualLine {
    let gs = &seg.graphemes[range.clone()];
    let mut levels: Vec<u8> = Vec::new();
    let order: Vec<usize> = if seg.needs_reorder {
        levels = gs.iter().map(|g| g.level).collect();
        // L1: whitespace and isolate controls at the end of the line go back
        // to the paragraph level (lines never end in spaces, but they can end
        // in an isolate control).
        for (level, g) in levels.iter_mut().zip(gs).rev() {
            if !g.resets {
                break;
            }
            *level = seg.para_level;
        }
        reorder(&levels)
    } else {
        (0..gs.len()).collect()
    };

    let mut cells = Vec::with_capacity(gs.len());
    let mut used: u16 = 0;
    for i in order {
        let g = &gs[i];
        if matches!(g.kind, Kind::Break | Kind::Hidden) {
            continue;
        }
        let rtl = levels.get(i).is_some_and(|l| l % 2 == 1);
        let text = seg.grapheme_text(range.start + i);
        let text = match g.subst {
            Subst::Replacement => "\u{FFFD}".to_string(),
            Subst::DottedCircle => format!("\u{25CC}{text}"),
            Subst::None if rtl => mirror_first(text),
            Subst::None => text.to_string(),
        };
        used = used.saturating_add(u16::from(g.width));
        cells.push(VisualCell {
            text,
            width: g.width,
            logical: g.origin,
        });
    }
    let indent = match dir {
        Direction::Rtl => width.saturating_sub(used),
        Direction::Ltr => 0,
    };
    VisualLine { cells, indent }
}

/// L4: the first character of a cluster in a right-to-left run is drawn as
/// its mirror image (`(` → `)`, `«` → `»`).
fn mirror_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next().and_then(mirrored) {
        Some(m) => {
            let mut s = String::with_capacity(text.len());
            s.push(m);
            s.push_str(chars.as_str());
            s
        }
        None => text.to_string(),
    }
}

/// L2: the visual order of items with these levels, as indices into
/// `levels`. From the highest level down to the lowest odd one, every
/// maximal run at that level or higher is reversed. Linear in the line
/// length times the number of distinct levels (in practice at most 3).
fn reorder(levels: &[u8]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..levels.len()).collect();
    let Some(&max) = levels.iter().max() else {
        return order;
    };
    let min = levels.iter().copied().min().unwrap_or(0);
    let lowest_odd = if min % 2 == 1 { min } else { min + 1 };
    // Levels travel with their items while runs are reversed.
    let mut lv = levels.to_vec();
    let mut level = max;
    while level >= lowest_odd {
        let mut i = 0;
        while i < lv.len() {
            if lv[i] < level {
                i += 1;
                continue;
            }
            let start = i;
            while i < lv.len() && lv[i] >= level {
                i += 1;
            }
            order[start..i].reverse();
            lv[start..i].reverse();
        }
        level -= 1;
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn l2_reverses_odd_runs_and_keeps_even_runs_inside_them() {
        // R R EN EN R at levels 1 1 2 2 1: the number reads left to right.
        assert_eq!(reorder(&[1, 1, 2, 2, 1]), [4, 2, 3, 1, 0]);
        assert_eq!(reorder(&[0, 0, 0]), [0, 1, 2]);
        assert_eq!(reorder(&[0, 1, 1, 0]), [0, 2, 1, 3]);
        assert_eq!(reorder(&[]), Vec::<usize>::new());
    }

    #[test]
    fn mirroring_touches_only_the_first_char() {
        assert_eq!(mirror_first("("), ")");
        assert_eq!(mirror_first("«"), "»");
        assert_eq!(mirror_first("ع"), "ع");
    }
}
