//! Wrapped rows of the article, laid out lazily and cached per
//! (paragraph, width).
//!
//! The reader never lays out the whole article: it asks for the rows of
//! the paragraphs it draws or scrolls across, so the first frame of a
//! 100 MB article costs a screenful of layout. Rows are kept per paragraph
//! for the current width; a resize drops the cache (rows at another width
//! are useless). Row *counts* are kept separately, as they are all that
//! scrolling across a paragraph needs, and they are small.
//!
//! Lines the analysis set aside as furniture (bylines, share widgets, tag
//! lines) are never lost from view: shown (the default; `F` toggles), each
//! one is laid out with the paragraph that follows it, as dimmed rows above
//! its text — those after the last paragraph go below it. Furniture rows
//! carry no offsets of their own: every cell of a row above the text says
//! 0, below it the paragraph's length, so jumps, highlights and selections,
//! which work on paragraph offsets, never land on them.

use std::ops::{Deref, Range};
use std::rc::Rc;

use rawi::layout::{Hidden, LayoutOptions, VisualLine, layout_lines};
use rawi::{Article, Span};
use rustc_hash::FxHashMap;

/// Paragraphs whose rows are kept at once; past this the cache starts over.
/// A screen shows a few dozen; scrolling through a huge article must not
/// keep the whole layout in memory.
const MAX_CACHED: usize = 2048;

/// A position in the article's rows: row `row` of paragraph `para`.
/// `row == rows(para)` is the blank row that separates it from the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    /// Paragraph index.
    pub para: usize,
    /// Row within the paragraph (its blank separator row included).
    pub row: usize,
}

/// The rows of one paragraph: its text, and the furniture shown with it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rows {
    lines: Vec<VisualLine>,
    /// Which of `lines` are the paragraph's own text.
    text: Range<usize>,
}

impl Rows {
    /// True for a row of furniture (or the blank row that sets it off).
    pub fn is_furniture(&self, row: usize) -> bool {
        row < self.lines.len() && !self.text.contains(&row)
    }
}

impl Deref for Rows {
    type Target = [VisualLine];
    fn deref(&self) -> &[VisualLine] {
        &self.lines
    }
}

/// The cache; see the module docs.
#[derive(Debug, Default)]
pub struct LineCache {
    width: u16,
    /// Drop or show invisible and control characters.
    hidden: Hidden,
    /// Hide the lines set aside as furniture (`F`).
    hide_furniture: bool,
    rows: FxHashMap<usize, Rc<Rows>>,
    /// Visual rows of each paragraph at `width`; `u32::MAX` when not known yet.
    counts: Vec<u32>,
    /// Paragraphs laid out since the cache was made (for tests and benches).
    pub laid_out: usize,
}

impl LineCache {
    /// An empty cache for an article of `paragraphs` paragraphs.
    pub fn new(paragraphs: usize) -> Self {
        Self {
            width: 0,
            hidden: Hidden::Drop,
            hide_furniture: false,
            rows: FxHashMap::default(),
            counts: vec![u32::MAX; paragraphs],
            laid_out: 0,
        }
    }

    /// Shows or drops hidden characters; the cached rows are laid out again.
    pub fn set_hidden(&mut self, show: bool) {
        let hidden = if show { Hidden::Show } else { Hidden::Drop };
        if hidden != self.hidden {
            self.hidden = hidden;
            self.rows.clear();
            self.counts.iter_mut().for_each(|c| *c = u32::MAX);
        }
    }

    /// Shows or hides the furniture rows; the cached rows are laid out again.
    pub fn set_furniture(&mut self, show: bool) {
        if show == self.hide_furniture {
            self.hide_furniture = !show;
            self.rows.clear();
            self.counts.iter_mut().for_each(|c| *c = u32::MAX);
        }
    }

    /// Sets the text width; a change drops everything laid out.
    pub fn set_width(&mut self, width: u16) {
        if width != self.width {
            self.width = width;
            self.rows.clear();
            self.counts.iter_mut().for_each(|c| *c = u32::MAX);
        }
    }

    /// The rows of paragraph `p` (at least one: an empty paragraph is one
    /// blank row).
    pub fn rows(&mut self, article: &Article, p: usize) -> Rc<Rows> {
        if let Some(r) = self.rows.get(&p) {
            return Rc::clone(r);
        }
        if self.rows.len() >= MAX_CACHED {
            self.rows.clear();
        }
        let para = &article.paragraphs[p];
        let options = LayoutOptions {
            base_dir: Some(para.direction),
            hidden: self.hidden,
        };
        let (before, after) = if self.hide_furniture {
            (&[][..], &[][..])
        } else {
            furniture_of(article, p)
        };
        let furniture = |span: Span, at: usize, lines: &mut Vec<VisualLine>| {
            lines.extend(
                layout_lines(article.slice(span), self.width, options).map(|mut l| {
                    l.cells.iter_mut().for_each(|c| c.logical = at);
                    l
                }),
            );
        };
        let mut lines = Vec::new();
        for &span in before {
            furniture(span, 0, &mut lines);
            lines.push(VisualLine::default());
        }
        let start = lines.len();
        lines.extend(layout_lines(article.slice(para.span), self.width, options));
        if lines.len() == start {
            lines.push(VisualLine::default());
        }
        let text = start..lines.len();
        for &span in after {
            lines.push(VisualLine::default());
            furniture(span, para.span.end - para.span.start, &mut lines);
        }
        self.laid_out += 1;
        self.counts[p] = u32::try_from(lines.len()).unwrap_or(u32::MAX - 1);
        let rows = Rc::new(Rows { lines, text });
        self.rows.insert(p, Rc::clone(&rows));
        rows
    }

    /// Number of text rows of paragraph `p` (separator not included).
    pub fn count(&mut self, article: &Article, p: usize) -> usize {
        match self.counts.get(p) {
            Some(&c) if c != u32::MAX => c as usize,
            _ => self.rows(article, p).len(),
        }
    }

    /// Rows paragraph `p` takes on screen: its text rows plus the blank
    /// separator row, which the last paragraph does not have.
    pub fn height(&mut self, article: &Article, p: usize) -> usize {
        self.count(article, p) + usize::from(p + 1 < article.paragraphs.len())
    }
}

/// The furniture shown with paragraph `p`: the lines set aside between
/// the paragraph before it and it, and after the last paragraph, those
/// after it. (`boilerplate` is in text order.)
fn furniture_of(article: &Article, p: usize) -> (&[Span], &[Span]) {
    let all = &article.boilerplate[..];
    let para = article.paragraphs[p].span;
    let from = p.checked_sub(1).map_or(0, |q| article.paragraphs[q].span.end);
    let lo = all.partition_point(|s| s.start < from);
    let hi = all.partition_point(|s| s.start < para.start);
    let after = if p + 1 == article.paragraphs.len() {
        &all[all.partition_point(|s| s.start < para.end)..]
    } else {
        &[]
    };
    (&all[lo..hi.max(lo)], after)
}

/// Row index within `rows` of the row showing paragraph byte `offset`: the
/// last row whose first logical byte is at or before it.
pub fn row_of(rows: &[VisualLine], offset: usize) -> usize {
    let mut found = 0;
    for (i, row) in rows.iter().enumerate() {
        match row.cells.iter().map(|c| c.logical).min() {
            Some(start) if start <= offset => found = i,
            Some(_) => break,
            None => {}
        }
    }
    found
}

/// First logical byte a row shows (in the paragraph), if it shows any.
pub fn row_start(row: &VisualLine) -> Option<usize> {
    row.cells.iter().map(|c| c.logical).min()
}
