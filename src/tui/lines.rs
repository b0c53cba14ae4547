//! Wrapped rows of the article, laid out lazily and cached per
//! (paragraph, width).
//!
//! The reader never lays out the whole article: it asks for the rows of
//! the paragraphs it draws or scrolls across, so the first frame of a
//! 100 MB article costs a screenful of layout. Rows are kept per paragraph
//! for the current width; a resize drops the cache (rows at another width
//! are useless). Row *counts* are kept separately, as they are all that
//! scrolling across a paragraph needs, and they are small.

use std::rc::Rc;

use rawi::Article;
use rawi::layout::{Hidden, LayoutOptions, VisualLine, layout_lines};
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

/// The cache; see the module docs.
#[derive(Debug, Default)]
pub struct LineCache {
    width: u16,
    /// Drop or show invisible and control characters.
    hidden: Hidden,
    rows: FxHashMap<usize, Rc<Vec<VisualLine>>>,
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
    pub fn rows(&mut self, article: &Article, p: usize) -> Rc<Vec<VisualLine>> {
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
        let mut rows: Vec<VisualLine> = layout_lines(article.slice(para.span), self.width, options).collect();
        if rows.is_empty() {
            rows.push(VisualLine::default());
        }
        self.laid_out += 1;
        self.counts[p] = u32::try_from(rows.len()).unwrap_or(u32::MAX - 1);
        let rows = Rc::new(rows);
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
