//! The library view: one row per article with its title (right-to-left
//! titles laid out by [`rawi::layout`]), language, date, counts and reading
//! progress; sorted by a key that `s` cycles, filtered as you type after `/`.
//!
//! The view is a list of entry indices into the [`Catalog`], rebuilt only
//! when the catalog, the filter or the sort changes; drawing builds the
//! rows on screen and nothing else, so 10,000 articles cost one screen.

use std::cmp::Ordering;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;
use rawi::state::State;
use rawi::text::fold;

use super::app::BidiMode;
use super::catalog::{Catalog, Entry};
use super::theme::Theme;
use super::view::{draw_line, one_row, pane_block};

/// What the list is sorted by; `s` goes to the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// The order of the inputs (folders walked in name order).
    Source,
    /// Title, folded (Arabic letters without their variants).
    Title,
    /// Date, newest first; articles without one last.
    Date,
    /// Quotes, most first.
    Quotes,
    /// Speakers, most first.
    Speakers,
    /// Numbers, most first.
    Numbers,
    /// Sections, most first.
    Sections,
    /// Reading progress, most read first.
    Progress,
}

impl SortKey {
    const ALL: [SortKey; 8] = [
        SortKey::Source,
        SortKey::Title,
        SortKey::Date,
        SortKey::Quotes,
        SortKey::Speakers,
        SortKey::Numbers,
        SortKey::Sections,
        SortKey::Progress,
    ];

    /// The next key in the cycle.
    pub fn next(self) -> Self {
        let i = Self::ALL.iter().position(|k| *k == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }

    /// Its name in the title bar.
    pub fn name(self) -> &'static str {
        match self {
            SortKey::Source => "source order",
            SortKey::Title => "title",
            SortKey::Date => "date",
            SortKey::Quotes => "quotes",
            SortKey::Speakers => "speakers",
            SortKey::Numbers => "numbers",
            SortKey::Sections => "sections",
            SortKey::Progress => "progress",
        }
    }
}

/// Selection, scroll, filter and sort of the article list.
#[derive(Debug, Clone)]
pub struct ArticlesView {
    /// Entry indices in display order (filtered, sorted).
    pub rows: Vec<usize>,
    /// Selected row.
    pub selected: usize,
    /// First row on screen.
    pub offset: usize,
    /// The filter (matched folded against titles and sources).
    pub filter: String,
    /// The sort key.
    pub sort: SortKey,
    /// Sort the other way round.
    pub reverse: bool,
    built: u64,
}

impl Default for ArticlesView {
    fn default() -> Self {
        Self {
            rows: Vec::new(),
            selected: 0,
            offset: 0,
            filter: String::new(),
            sort: SortKey::Source,
            reverse: false,
            built: 0,
        }
    }
}

/// Reading progress of an entry in percent, if it was ever opened.
pub fn progress(entry: &Entry, state: &State) -> Option<u16> {
    let s = entry.summary.as_ref()?;
    let place = state.place(s.hash)?;
    if entry.len == 0 {
        return Some(100);
    }
    Some((place.offset.saturating_mul(100) / entry.len).min(100) as u16)
}

fn count(e: &Entry, key: SortKey) -> usize {
    let Some(s) = &e.summary else { return 0 };
    match key {
        SortKey::Quotes => s.quotes,
        SortKey::Speakers => s.speakers.len(),
        SortKey::Numbers => s.numbers,
        SortKey::Sections => s.sections,
        _ => 0,
    }
}

impl ArticlesView {
    /// The entry under the selection.
    pub fn current(&self) -> Option<usize> {
        self.rows.get(self.selected).copied()
    }

    /// Marks the view stale (filter or sort changed).
    pub fn invalidate(&mut self) {
        self.built = 0;
    }

    /// Rebuilds the rows if the catalog changed, keeping the selected entry.
    pub fn refresh(&mut self, cat: &Catalog, state: &State, height: usize) {
        if self.built == cat.version {
            return;
        }
        self.built = cat.version;
        let keep = self.current();
        let filter = fold(&self.filter);
        let mut rows: Vec<usize> = (0..cat.entries.len())
            .filter(|&i| {
                let e = &cat.entries[i];
                !e.dead && (filter.is_empty() || e.folded.contains(&filter))
            })
            .collect();
        let source = |i: usize| (cat.entries[i].unit, cat.entries[i].record);
        let key = self.sort;
        let cmp = |a: &usize, b: &usize| -> Ordering {
            let (ea, eb) = (&cat.entries[*a], &cat.entries[*b]);
            let primary = match key {
                SortKey::Source => Ordering::Equal,
                SortKey::Title => ea.folded.cmp(&eb.folded),
                SortKey::Date => {
                    let da = ea.summary.as_ref().and_then(|s| s.date.as_deref());
                    let db = eb.summary.as_ref().and_then(|s| s.date.as_deref());
                    match (da, db) {
                        (Some(x), Some(y)) => y.cmp(x),
                        (Some(_), None) => Ordering::Less,
                        (None, Some(_)) => Ordering::Greater,
                        (None, None) => Ordering::Equal,
                    }
                }
                SortKey::Progress => progress(eb, state).cmp(&progress(ea, state)),
                k => count(eb, k).cmp(&count(ea, k)),
            };
            primary.then_with(|| source(*a).cmp(&source(*b)))
        };
        rows.sort_by(cmp);
        if self.reverse {
            rows.reverse();
        }
        self.rows = rows;
        self.selected = keep
            .and_then(|k| self.rows.iter().position(|&r| r == k))
            .unwrap_or(self.selected)
            .min(self.rows.len().saturating_sub(1));
        self.keep_visible(height);
    }

    /// Scrolls so the selection is on screen.
    pub fn keep_visible(&mut self, height: usize) {
        let h = height.max(1);
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + h {
            self.offset = self.selected + 1 - h;
        }
    }

    /// Moves the selection by `delta` rows (clamped).
    pub fn move_by(&mut self, delta: isize, height: usize) {
        let last = self.rows.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        self.keep_visible(height);
    }
}

/// Column widths right of the title.
const COLS: [(&str, u16); 7] = [
    ("lang", 5),
    ("date", 11),
    ("sect", 5),
    ("spkr", 5),
    ("quote", 6),
    ("nums", 5),
    ("read", 5),
];

/// Rows of the list that fit in `area` (inside the border, below the header).
pub fn list_height(area: Rect) -> usize {
    usize::from(area.height.saturating_sub(3)).max(1)
}

fn cell(buf: &mut Buffer, x: u16, y: u16, w: u16, right: u16, s: &str, style: Style) {
    if x >= right {
        return;
    }
    let w = w.min(right - x);
    // Right-aligned numbers, one column of gap.
    let s: String = s.chars().take(usize::from(w.saturating_sub(1))).collect();
    let pad = w.saturating_sub(1).saturating_sub(s.chars().count() as u16);
    buf.set_stringn(x + pad, y, &s, usize::from(w), style);
}

/// Draws the article list into `area`.
#[allow(clippy::too_many_arguments)]
pub fn draw(
    view: &ArticlesView,
    cat: &Catalog,
    state: &State,
    editing: bool,
    bidi: BidiMode,
    area: Rect,
    theme: &Theme,
    buf: &mut Buffer,
) {
    let shown = view.rows.len();
    let mut title = format!("Library {shown}");
    if shown != cat.entries.iter().filter(|e| !e.dead).count() {
        title.push_str(&format!(" of {}", cat.entries.iter().filter(|e| !e.dead).count()));
    }
    title.push_str(&format!(
        " · by {}{}",
        view.sort.name(),
        if view.reverse { " (reversed)" } else { "" }
    ));
    if !view.filter.is_empty() || editing {
        title.push_str(" · /");
    }
    let block = pane_block(title, true, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.width < 8 || inner.height < 2 {
        return;
    }
    let cols_w: u16 = COLS.iter().map(|c| c.1).sum();
    // Narrow terminals drop the columns, keep the titles.
    let show_cols = inner.width >= cols_w + 20;
    let title_x = inner.x + 2;
    let title_w = if show_cols {
        inner.width - cols_w - 3
    } else {
        inner.width - 3
    };
    let right = inner.right();
    // Header.
    buf.set_stringn(title_x, inner.y, "title", usize::from(title_w), theme.dim());
    if show_cols {
        let mut x = title_x + title_w + 1;
        for (name, w) in COLS {
            cell(buf, x, inner.y, w, right, name, theme.dim());
            x += w;
        }
    }
    if view.rows.is_empty() {
        let msg = if cat.loaded() {
            if view.filter.is_empty() {
                "(no articles)"
            } else {
                "(no title matches the filter; Esc clears it)"
            }
        } else {
            "(loading…)"
        };
        buf.set_stringn(title_x, inner.y + 1, msg, usize::from(title_w), theme.dim());
        return;
    }
    let height = usize::from(inner.height - 1);
    for (i, &e) in view.rows.iter().enumerate().skip(view.offset).take(height) {
        let y = inner.y + 1 + (i - view.offset) as u16;
        let entry = &cat.entries[e];
        let selected = i == view.selected;
        let mut style = if entry.summary.is_some() {
            Style::new()
        } else {
            theme.dim()
        };
        if selected {
            style = style.patch(theme.selected(true));
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
            buf.set_stringn(inner.x, y, "▸", 1, style);
        }
        let line = one_row(&entry.title, title_w, None);
        draw_line(buf, Rect::new(title_x, y, title_w, 1), y, &line, bidi, |_| style);
        if !show_cols {
            continue;
        }
        let mut x = title_x + title_w + 1;
        let na = "·".to_string();
        let vals: [String; 7] = match &entry.summary {
            Some(s) => [
                s.lang.chars().take(4).collect(),
                s.date
                    .as_deref()
                    .map(|d| d.chars().take(10).collect())
                    .unwrap_or_else(|| na.clone()),
                s.sections.to_string(),
                s.speakers.len().to_string(),
                s.quotes.to_string(),
                s.numbers.to_string(),
                progress(entry, state).map_or(na.clone(), |p| format!("{p}%")),
            ],
            None => std::array::from_fn(|_| "…".to_string()),
        };
        for ((_, w), v) in COLS.iter().zip(vals.iter()) {
            // Dates and languages come from the input: keep them to safe ASCII.
            let v: String = v
                .chars()
                .map(|c| {
                    if c.is_ascii_graphic() || c == '…' || c == '·' {
                        c
                    } else {
                        '?'
                    }
                })
                .collect();
            cell(buf, x, y, *w, right, &v, style);
            x += w;
        }
    }
}
