//! The speaker index across the library: every speaker (merged across
//! articles by name and alias, [`rawi::library::SpeakerIndex`]) with the
//! number of articles and quotes; beside it, every quote of the selected
//! speaker grouped by article. `Enter` on a quote opens its article at it,
//! and `J`/`K` in the reader then walk this speaker's quotes.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;
use rawi::SpeakerKind;
use rawi::text::fold;

use super::app::BidiMode;
use super::catalog::Catalog;
use super::theme::Theme;
use super::view::{draw_line, one_row, pane_block};

/// What the speaker list is sorted by (`s` cycles).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerSort {
    /// Most quotes first.
    Quotes,
    /// In most articles first.
    Articles,
    /// By name (folded).
    Name,
}

impl SpeakerSort {
    /// The next sort.
    pub fn next(self) -> Self {
        match self {
            SpeakerSort::Quotes => SpeakerSort::Articles,
            SpeakerSort::Articles => SpeakerSort::Name,
            SpeakerSort::Name => SpeakerSort::Quotes,
        }
    }

    fn name(self) -> &'static str {
        match self {
            SpeakerSort::Quotes => "quotes",
            SpeakerSort::Articles => "articles",
            SpeakerSort::Name => "name",
        }
    }
}

/// One row of the quotes pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteRow {
    /// The article the quotes below come from (entry index).
    Article(usize),
    /// A quote: entry, byte offset in the article, (speaker in the
    /// article's summary, quote number) for the preview.
    Quote {
        /// Entry of the article.
        entry: usize,
        /// Byte offset of the quote in the article text.
        offset: usize,
        /// Speaker index within the article's summary.
        speaker: usize,
        /// Quote index within that speaker.
        k: usize,
    },
}

/// State of the speaker index screen.
#[derive(Debug, Clone)]
pub struct SpeakersView {
    /// Index entries in display order.
    pub rows: Vec<usize>,
    /// Selected speaker row.
    pub selected: usize,
    /// First speaker row on screen.
    pub offset: usize,
    /// Filter on names and aliases (folded).
    pub filter: String,
    /// Sort of the speaker list.
    pub sort: SpeakerSort,
    /// The quotes pane has the focus.
    pub quotes_focus: bool,
    /// Rows of the quotes pane for the selected speaker.
    pub quotes: Vec<QuoteRow>,
    /// Selected quotes row (always a quote).
    pub quote_selected: usize,
    /// First quotes row on screen.
    pub quote_offset: usize,
    built: u64,
    quotes_of: Option<usize>,
}

impl Default for SpeakersView {
    fn default() -> Self {
        Self {
            rows: Vec::new(),
            selected: 0,
            offset: 0,
            filter: String::new(),
            sort: SpeakerSort::Quotes,
            quotes_focus: false,
            quotes: Vec::new(),
            quote_selected: 0,
            quote_offset: 0,
            built: 0,
            quotes_of: None,
        }
    }
}

fn keep(selected: &mut usize, offset: &mut usize, n: usize, height: usize) {
    let h = height.max(1);
    *selected = (*selected).min(n.saturating_sub(1));
    if *selected < *offset {
        *offset = *selected;
    } else if *selected >= *offset + h {
        *offset = *selected + 1 - h;
    }
}

impl SpeakersView {
    /// The index entry under the selection.
    pub fn current(&self) -> Option<usize> {
        self.rows.get(self.selected).copied()
    }

    /// Marks the view stale.
    pub fn invalidate(&mut self) {
        self.built = 0;
    }

    /// Rebuilds the list if the catalog changed, keeping the selection.
    pub fn refresh(&mut self, cat: &Catalog, height: usize) {
        if self.built != cat.version {
            self.built = cat.version;
            let keep_sel = self.current();
            let filter = fold(&self.filter);
            let idx = &cat.index.entries;
            let mut rows: Vec<usize> = (0..idx.len())
                .filter(|&i| {
                    filter.is_empty()
                        || fold(&idx[i].name).contains(&filter)
                        || idx[i].aliases.iter().any(|a| fold(a).contains(&filter))
                })
                .collect();
            match self.sort {
                SpeakerSort::Quotes => rows.sort_by_key(|&i| {
                    (
                        std::cmp::Reverse(idx[i].quotes),
                        std::cmp::Reverse(idx[i].articles()),
                        i,
                    )
                }),
                SpeakerSort::Articles => rows.sort_by_key(|&i| {
                    (
                        std::cmp::Reverse(idx[i].articles()),
                        std::cmp::Reverse(idx[i].quotes),
                        i,
                    )
                }),
                SpeakerSort::Name => rows.sort_by_cached_key(|&i| (fold(&idx[i].name), i)),
            }
            self.rows = rows;
            self.selected = keep_sel
                .and_then(|k| self.rows.iter().position(|&r| r == k))
                .unwrap_or(self.selected);
            keep(&mut self.selected, &mut self.offset, self.rows.len(), height);
            self.quotes_of = None;
        }
        self.refresh_quotes(cat);
    }

    fn refresh_quotes(&mut self, cat: &Catalog) {
        let cur = self.current();
        if self.quotes_of == cur && !self.quotes.is_empty() {
            return;
        }
        let old = self.quotes.get(self.quote_selected).copied();
        self.quotes_of = cur;
        self.quotes.clear();
        let Some(i) = cur else {
            return;
        };
        let entry = &cat.index.entries[i];
        let mut last_article = None;
        for &(article, sid) in &entry.appearances {
            let Some(summary) = cat.entries.get(article).and_then(|e| e.summary.as_ref()) else {
                continue;
            };
            let Some(sp) = summary.speakers.get(sid) else {
                continue;
            };
            if sp.quotes.is_empty() {
                continue;
            }
            if last_article != Some(article) {
                self.quotes.push(QuoteRow::Article(article));
                last_article = Some(article);
            }
            for (k, &offset) in sp.quotes.iter().enumerate() {
                self.quotes.push(QuoteRow::Quote {
                    entry: article,
                    offset,
                    speaker: sid,
                    k,
                });
            }
        }
        self.quote_selected = old
            .and_then(|o| self.quotes.iter().position(|r| *r == o))
            .unwrap_or_else(|| self.first_quote_from(0, 1).unwrap_or(0));
    }

    fn first_quote_from(&self, from: usize, step: isize) -> Option<usize> {
        let mut i = from as isize;
        while i >= 0 && (i as usize) < self.quotes.len() {
            if matches!(self.quotes[i as usize], QuoteRow::Quote { .. }) {
                return Some(i as usize);
            }
            i += step;
        }
        None
    }

    /// The quote under the selection: (entry, byte offset).
    pub fn current_quote(&self) -> Option<(usize, usize)> {
        match self.quotes.get(self.quote_selected)? {
            QuoteRow::Quote { entry, offset, .. } => Some((*entry, *offset)),
            QuoteRow::Article(_) => None,
        }
    }

    /// Moves the selection of the focused pane by `delta` (quote rows only
    /// in the quotes pane).
    pub fn move_by(&mut self, cat: &Catalog, delta: isize, height: usize) {
        if self.quotes_focus {
            let step = delta.signum();
            let mut at = self.quote_selected;
            for _ in 0..delta.unsigned_abs() {
                let from = at as isize + step;
                if from < 0 {
                    break;
                }
                match self.first_quote_from(from as usize, step) {
                    Some(i) => at = i,
                    None => break,
                }
            }
            self.quote_selected = at;
            keep(
                &mut self.quote_selected,
                &mut self.quote_offset,
                self.quotes.len(),
                height,
            );
            // Show the article heading above the first quote of the list.
            if self.first_quote_from(0, 1) == Some(self.quote_selected) {
                self.quote_offset = 0;
            }
        } else {
            let last = self.rows.len().saturating_sub(1);
            self.selected = self.selected.saturating_add_signed(delta).min(last);
            keep(&mut self.selected, &mut self.offset, self.rows.len(), height);
            self.quote_offset = 0;
            self.refresh_quotes(cat);
        }
    }

    /// Moves the quote selection to the next/previous quote (for `J`/`K`
    /// in the reader); false at either end.
    pub fn step_quote(&mut self, forward: bool, height: usize) -> bool {
        let from = self.quote_selected as isize + if forward { 1 } else { -1 };
        if from < 0 {
            return false;
        }
        match self.first_quote_from(from as usize, if forward { 1 } else { -1 }) {
            Some(i) => {
                self.quote_selected = i;
                keep(
                    &mut self.quote_selected,
                    &mut self.quote_offset,
                    self.quotes.len(),
                    height,
                );
                true
            }
            None => false,
        }
    }
}

fn kind_name(k: SpeakerKind) -> &'static str {
    match k {
        SpeakerKind::Person => "person",
        SpeakerKind::Group => "group",
        SpeakerKind::Organization => "org",
        SpeakerKind::Anonymous => "anon",
    }
}

/// Rows of each list that fit in the panes of `area`.
pub fn list_height(area: Rect) -> usize {
    usize::from(area.height.saturating_sub(3)).max(1)
}

/// The two panes: speakers (left) and quotes (right).
pub fn panes(area: Rect) -> (Rect, Rect) {
    let left = (area.width * 2 / 5).max(20).min(area.width);
    (
        Rect::new(area.x, area.y, left, area.height),
        Rect::new(area.x + left, area.y, area.width - left, area.height),
    )
}

/// Draws the speaker index into `area`.
pub fn draw(
    view: &SpeakersView,
    cat: &Catalog,
    editing: bool,
    bidi: BidiMode,
    area: Rect,
    theme: &Theme,
    buf: &mut Buffer,
) {
    let (left, right) = panes(area);
    let idx = &cat.index.entries;
    let mut title = format!("Speakers {} · by {}", view.rows.len(), view.sort.name());
    if !view.filter.is_empty() || editing {
        title.push_str(" · /");
    }
    let block = pane_block(title, !view.quotes_focus, theme);
    let inner = block.inner(left);
    block.render(left, buf);
    if inner.width >= 12 && inner.height >= 2 {
        let num_w = 12u16;
        let name_w = inner.width.saturating_sub(num_w + 2);
        buf.set_stringn(inner.x + 2, inner.y, "name", usize::from(name_w), theme.dim());
        buf.set_stringn(
            inner.x + 2 + name_w,
            inner.y,
            " arts  qts",
            usize::from(num_w),
            theme.dim(),
        );
        if view.rows.is_empty() {
            let msg = if cat.loaded() {
                "(no speakers)"
            } else {
                "(analysing…)"
            };
            buf.set_stringn(inner.x + 2, inner.y + 1, msg, usize::from(name_w), theme.dim());
        }
        let height = usize::from(inner.height - 1);
        for (i, &s) in view.rows.iter().enumerate().skip(view.offset).take(height) {
            let y = inner.y + 1 + (i - view.offset) as u16;
            let e = &idx[s];
            let mut style = if e.kind == SpeakerKind::Person {
                Style::new()
            } else {
                theme.dim()
            };
            if i == view.selected {
                style = style.patch(theme.selected(!view.quotes_focus));
                buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
                buf.set_stringn(inner.x, y, "▸", 1, style);
            }
            let label = if e.kind == SpeakerKind::Person {
                e.name.clone()
            } else {
                format!("{} [{}]", e.name, kind_name(e.kind))
            };
            let line = one_row(&label, name_w, None);
            draw_line(buf, Rect::new(inner.x + 2, y, name_w, 1), y, &line, bidi, |_| {
                style
            });
            buf.set_stringn(
                inner.x + 2 + name_w,
                y,
                format!("{:>5}{:>5}", e.articles(), e.quotes),
                usize::from(num_w),
                style,
            );
        }
    }
    // Quotes of the selected speaker.
    let title = match view.current() {
        Some(s) => {
            let e = &idx[s];
            let n = view
                .quotes
                .iter()
                .filter(|r| matches!(r, QuoteRow::Quote { .. }))
                .count();
            format!("Quotes {n} in {} articles", e.articles())
        }
        None => "Quotes".to_string(),
    };
    let block = pane_block(title, view.quotes_focus, theme);
    let inner = block.inner(right);
    block.render(right, buf);
    if inner.width < 8 || inner.height < 2 {
        return;
    }
    // The speaker's name and other forms, on the first row.
    if let Some(s) = view.current() {
        let e = &idx[s];
        let mut forms = e.name.clone();
        if !e.aliases.is_empty() {
            forms.push_str(" · ");
            forms.push_str(&e.aliases.join(" · "));
        }
        let line = one_row(&forms, inner.width - 1, None);
        draw_line(
            buf,
            Rect::new(inner.x + 1, inner.y, inner.width - 1, 1),
            inner.y,
            &line,
            bidi,
            |_| theme.title(),
        );
    }
    let height = usize::from(inner.height - 1);
    for (i, row) in view
        .quotes
        .iter()
        .enumerate()
        .skip(view.quote_offset)
        .take(height)
    {
        let y = inner.y + 1 + (i - view.quote_offset) as u16;
        let (text, mut style, indent) = match *row {
            QuoteRow::Article(a) => {
                let e = &cat.entries[a];
                (format!("▪ {}", e.title), theme.dim(), 0u16)
            }
            QuoteRow::Quote {
                entry, speaker, k, ..
            } => {
                let preview = cat.entries[entry]
                    .summary
                    .as_ref()
                    .and_then(|s| s.speakers.get(speaker))
                    .and_then(|sp| sp.previews.get(k))
                    .map_or("", String::as_str);
                (format!("« {preview}"), Style::new(), 2)
            }
        };
        if i == view.quote_selected && matches!(row, QuoteRow::Quote { .. }) {
            style = style.patch(theme.selected(view.quotes_focus));
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
        }
        let w = inner.width.saturating_sub(1 + indent);
        let line = one_row(&text, w, None);
        draw_line(
            buf,
            Rect::new(inner.x + 1 + indent, y, w, 1),
            y,
            &line,
            bidi,
            |_| style,
        );
    }
}
