//! Drawing: the article pane, the status line, the help overlay and the
//! too-small message. Reads the state, changes nothing but the layout cache.
//!
//! Article text is drawn cell by cell from [`VisualLine`]s, never through
//! ratatui's wrapping or `Line::width()`: those measure whole strings, which
//! is wrong for Arabic (`لا` is one column to `unicode-width`, two on
//! screen) and would reorder nothing. Everything untrusted — the article,
//! titles, names, what the user typed — goes through the layout, which
//! sanitizes it and puts it in visual order; only our own ASCII chrome is
//! written as plain strings.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, BorderType, Clear, Widget};
use rawi::layout::{Direction, LayoutOptions, VisualCell, VisualLine, layout_lines};
use rawi::{ParagraphRole, Span};

use super::app::{App, BidiMode, Focus, Target};
use super::keymap::{self, Binding};
use super::panes;
use super::theme::Theme;

/// Smallest terminal the reader draws in; below it a short message shows.
pub const MIN_SIZE: (u16, u16) = (24, 6);

/// Where everything goes, for a terminal size. Shared by the view and by
/// [`App`]'s update (page height, text width, mouse hits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The article pane, border included.
    pub article: Rect,
    /// Where article text goes (inside the border and a column of margin).
    pub text: Rect,
    /// Sections pane (zero-sized when the terminal is too narrow for panes).
    pub sections: Rect,
    /// Speakers pane.
    pub speakers: Rect,
    /// Numbers pane.
    pub numbers: Rect,
    /// The status line.
    pub status: Rect,
}

/// Lays the screen out: article pane and side column (on the left for a
/// right-to-left article), status line at the bottom. `None` when the
/// terminal is smaller than [`MIN_SIZE`].
#[allow(dead_code)] // tests and the benchmark
pub fn areas(size: (u16, u16), dir: Direction) -> Option<Areas> {
    areas_for(size, dir, &super::app::Options::default())
}

/// [`areas`] with the side column's width and place from the options
/// (configuration `side_width`, `side_position`).
pub fn areas_for(size: (u16, u16), dir: Direction, opts: &super::app::Options) -> Option<Areas> {
    let (w, h) = size;
    if w < MIN_SIZE.0 || h < MIN_SIZE.1 {
        return None;
    }
    let main_h = h - 1;
    let side_w = match (w >= 60, opts.side_width) {
        (false, _) => 0,
        (true, 0) => (w * 3 / 10).clamp(20, 44),
        (true, n) => n.clamp(16, w / 2),
    };
    let article_w = w - side_w;
    let left = opts.side_left.unwrap_or(dir == Direction::Rtl);
    let (article_x, side_x) = if left { (side_w, 0) } else { (0, article_w) };
    let article = Rect::new(article_x, 0, article_w, main_h);
    let text = Rect::new(
        article.x + 2,
        article.y + 1,
        article.width.saturating_sub(4),
        article.height.saturating_sub(2),
    );
    let third = main_h / 3;
    let side = |i: u16| {
        if side_w == 0 {
            return Rect::default();
        }
        let y = third * i;
        let height = if i == 2 { main_h - y } else { third };
        Rect::new(side_x, y, side_w, height)
    };
    Some(Areas {
        article,
        text,
        sections: side(0),
        speakers: side(1),
        numbers: side(2),
        status: Rect::new(0, h - 1, w, 1),
    })
}

/// Draws the whole reader.
#[allow(dead_code)] // tests and the benchmark; the shell draws through draw
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    draw(app, area, frame.buffer_mut());
}

/// Draws the reader into `buf` (what [`render`] does, without a `Frame`).
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(a) = areas_for((area.width, area.height), app.article.direction, &app.opts) else {
        too_small(area, buf);
        return;
    };
    let theme = Theme::with_palette(app.opts.color, app.opts.palette);
    draw_article(app, &a, &theme, buf);
    for focus in [Focus::Sections, Focus::Speakers, Focus::Numbers] {
        let rect = match focus {
            Focus::Sections => a.sections,
            Focus::Speakers => a.speakers,
            _ => a.numbers,
        };
        if rect.width > 0 {
            panes::draw(app, focus, rect, &theme, buf);
        }
    }
    draw_status(app, a.status, &theme, buf);
    if app.help {
        draw_help(app, area, buf);
    }
}

fn too_small(area: Rect, buf: &mut Buffer) {
    let lines = [
        "Terminal too small".to_string(),
        format!("need {}x{}", MIN_SIZE.0, MIN_SIZE.1),
        "Q quits".to_string(),
    ];
    for (i, l) in lines.iter().enumerate() {
        let y = area.y + i as u16;
        if y >= area.bottom() {
            break;
        }
        buf.set_stringn(area.x, y, l, usize::from(area.width), Style::new());
    }
}

/// A bordered pane; the focused one is thick, bold and marked `▶`, so
/// focus shows without colour.
pub fn pane_block(title: String, focused: bool, theme: &Theme) -> Block<'static> {
    let (marker, kind, style) = if focused {
        ("▶ ", BorderType::Thick, theme.focused_border())
    } else {
        ("", BorderType::Plain, theme.border())
    };
    Block::bordered()
        .border_type(kind)
        .border_style(style)
        .title(format!(" {marker}{title} "))
}

/// Puts one visual cell at (x, y); a wide cell blanks the column it covers.
fn put(buf: &mut Buffer, x: u16, y: u16, right: u16, cell: &VisualCell, style: Style) -> u16 {
    let w = u16::from(cell.width.max(1));
    if x + w > right {
        return right;
    }
    buf[(x, y)].set_symbol(&cell.text).set_style(style);
    for k in 1..w {
        buf[(x + k, y)].reset();
    }
    x + w
}

/// Draws a visual line at row `y` of `rect`, styling each cell by its
/// logical offset.
pub fn draw_line(
    buf: &mut Buffer,
    rect: Rect,
    y: u16,
    line: &VisualLine,
    mode: BidiMode,
    mut style_of: impl FnMut(usize) -> Style,
) {
    let right = rect.right();
    let logical_order;
    let (cells, indent): (&[VisualCell], u16) = match mode {
        BidiMode::App => (&line.cells, line.indent),
        // The terminal reorders: hand it logical order, still aligned.
        BidiMode::Terminal | BidiMode::Off => {
            let mut c = line.cells.clone();
            c.sort_by_key(|c| c.logical);
            logical_order = c;
            let indent = if mode == BidiMode::Terminal {
                line.indent
            } else {
                0
            };
            (&logical_order, indent)
        }
    };
    let mut x = rect.x.saturating_add(indent);
    for cell in cells {
        if x >= right {
            break;
        }
        x = put(buf, x, y, right, cell, style_of(cell.logical));
    }
}

/// Lays `text` out on one row of `width` columns (its logical beginning,
/// in visual order) with direction `dir`.
pub fn one_row(text: &str, width: u16, dir: Option<Direction>) -> VisualLine {
    layout_lines(
        text,
        width,
        LayoutOptions {
            base_dir: dir,
            ..LayoutOptions::default()
        },
    )
    .next()
    .unwrap_or_default()
}

/// Spans of `list` (sorted by start, not overlapping) that may touch
/// `lo..=hi`.
fn near<T>(list: &[T], span: impl Fn(&T) -> Span, lo: usize, hi: usize) -> &[T] {
    let end = list.partition_point(|t| span(t).start <= hi);
    let start = list[..end].partition_point(|t| span(t).end <= lo);
    // Tolerate overlapping spans: look a little further back.
    &list[start.saturating_sub(2)..end]
}

fn draw_article(app: &App, a: &super::view::Areas, theme: &Theme, buf: &mut Buffer) {
    let focused = app.focus == Focus::Article;
    let title = match &app.search {
        Some(s) => format!("Article /{}", s.hits.len()),
        None => "Article".to_string(),
    };
    pane_block(title, focused, theme).render(a.article, buf);
    let art = &app.article;
    if art.paragraphs.is_empty() {
        buf.set_stringn(
            a.text.x,
            a.text.y,
            "(empty article)",
            usize::from(a.text.width),
            theme.dim(),
        );
        return;
    }
    let current: Option<Span> = app.current.map(|t| match t {
        Target::Quote(i) => art.quotes[i].span,
        Target::Number(i) => art.numbers[i].span,
        Target::Section(s) => {
            let sec = &art.sections[s];
            sec.heading.map_or(Span::default(), |h| art.paragraphs[h].span)
        }
    });
    let hits: &[Span] = app.search.as_ref().map_or(&[], |s| &s.hits);
    let current_hit = app
        .search
        .as_ref()
        .and_then(|s| s.current)
        .and_then(|i| hits.get(i))
        .copied();
    let mut pos = app.top;
    for dy in 0..a.text.height {
        let Some(para) = art.paragraphs.get(pos.para) else {
            break;
        };
        let rows = app.lines.borrow_mut().rows(art, pos.para);
        if rows.is_furniture(pos.row) {
            // Set aside by the analysis: shown in place, dimmed, with no
            // highlight (it holds no quote or number of the model).
            let line = &rows[pos.row];
            draw_line(buf, a.text, a.text.y + dy, line, app.opts.bidi, |_| theme.dim());
        } else if let Some(line) = rows.get(pos.row) {
            let base = para.span.start;
            let lo = base + line.cells.iter().map(|c| c.logical).min().unwrap_or(0);
            let hi = base + line.cells.iter().map(|c| c.logical).max().unwrap_or(0);
            let quotes = near(&art.quotes, |q| q.span, lo, hi);
            let numbers = near(&art.numbers, |n| n.span, lo, hi);
            let row_hits = near(hits, |h| *h, lo, hi);
            let base_style = match para.role {
                ParagraphRole::Title => theme.title(),
                ParagraphRole::Heading => theme.heading(),
                ParagraphRole::Body => Style::new(),
            };
            let inside = |s: Span, off: usize| s.start <= off && off < s.end;
            // Selection (select.rs): marked cells, and a mark in the margin.
            let marked = app.marked_spans(lo, hi);
            let para_marked = app.paragraph_marked(pos.para);
            let cursor = app.sel.visual.map(|v| v.cursor);
            let mut row_marked = false;
            draw_line(buf, a.text, a.text.y + dy, line, app.opts.bidi, |logical| {
                let off = base + logical;
                let mut style = base_style;
                if para_marked || marked.iter().any(|s| inside(*s, off)) {
                    style = style.patch(theme.marked());
                    row_marked = true;
                }
                if cursor == Some(off) {
                    style = style.patch(theme.visual_cursor());
                }
                if let Some(q) = quotes.iter().find(|q| inside(q.span, off)) {
                    style = style.patch(theme.quote(q.speaker));
                }
                if numbers.iter().any(|n| inside(n.span, off)) {
                    style = style.patch(theme.number());
                }
                if current.is_some_and(|c| inside(c, off)) {
                    style = style.patch(theme.current());
                }
                if current_hit.is_some_and(|h| inside(h, off)) {
                    style = style.patch(theme.current_hit());
                } else if row_hits.iter().any(|h| inside(*h, off)) {
                    style = style.patch(theme.hit());
                }
                style
            });
            if row_marked {
                mark_margin(buf, a, para.direction, a.text.y + dy, theme);
            }
        }
        let next = app.forward(pos, 1);
        if next == pos {
            break;
        }
        pos = next;
    }
}

/// The selection mark beside a row, in the margin where its reading starts.
fn mark_margin(buf: &mut Buffer, a: &Areas, dir: Direction, y: u16, theme: &Theme) {
    let x = match dir {
        Direction::Ltr => a.text.x.saturating_sub(1),
        Direction::Rtl => a.text.right(),
    };
    if x > a.article.x && x + 1 < a.article.right() {
        buf[(x, y)].set_symbol("▌").set_style(theme.marked());
    }
}

/// Percentage of the article read: the end of the last row on screen.
pub fn percent(app: &App) -> u16 {
    let total = app.article.paragraphs.last().map_or(0, |p| p.span.end);
    if total == 0 {
        return 100;
    }
    let page = app.page_height();
    let bottom = app.forward(app.top, page.saturating_sub(1));
    let after = app.forward(bottom, 1);
    if after == bottom {
        return 100;
    }
    let off = app.offset_of_pos(after);
    (off.saturating_mul(100) / total).min(100) as u16
}

/// Draws ASCII chrome; returns the next column.
fn chrome(buf: &mut Buffer, x: u16, y: u16, right: u16, s: &str, style: Style) -> u16 {
    if x >= right {
        return right;
    }
    buf.set_stringn(x, y, s, usize::from(right - x), style).0
}

/// Draws untrusted or right-to-left text on one row from `x`, at most
/// `max` columns; returns the next column.
fn bidi_text(buf: &mut Buffer, x: u16, y: u16, max: u16, s: &str, style: Style) -> u16 {
    let line = one_row(s, max, None);
    let rect = Rect::new(x, y, max, 1);
    // Left-aligned whatever the direction: the status line reads left to right.
    let line = VisualLine { indent: 0, ..line };
    draw_line(buf, rect, y, &line, BidiMode::App, |_| style);
    x + line.width()
}

fn draw_status(app: &App, r: Rect, theme: &Theme, buf: &mut Buffer) {
    let style = theme.status();
    buf.set_style(r, style);
    let right = r.right();
    let y = r.y;
    let mut title_w = (r.width / 3).clamp(8, 40);
    if app.sel.dialog.is_some() {
        // Room for a file name or a command being typed.
        title_w = title_w.min(12);
    }
    let mut x = bidi_text(buf, r.x + 1, y, title_w, app.article.title(), style);
    x = chrome(
        buf,
        x,
        y,
        right,
        &format!(" | {}% | {}", percent(app), app.focus.name()),
        style,
    );
    if let Some(note) = app.selection_note() {
        x = chrome(buf, x, y, right, &format!(" | {note}"), style);
    }
    if app.draw_dialog(buf, x, y, right, style) {
        return;
    }
    if let Some(p) = &app.prompt {
        let label = if p.focus == Focus::Article {
            " | /"
        } else {
            " | filter /"
        };
        x = chrome(buf, x, y, right, label, style);
        x = bidi_text(buf, x, y, right.saturating_sub(x + 1), &p.text, style);
        chrome(buf, x, y, right, "_", style);
        return;
    }
    if let Some(m) = &app.message {
        x = chrome(buf, x, y, right, " | ", style);
        x = bidi_text(buf, x, y, right.saturating_sub(x), m, style);
    } else if let Some(s) = &app.search {
        let counter = match s.current {
            Some(i) => format!(" | [{}/{}] /", i + 1, s.hits.len()),
            None => format!(" | [0/{}] /", s.hits.len()),
        };
        x = chrome(buf, x, y, right, &counter, style);
        x = bidi_text(buf, x, y, right.saturating_sub(x).min(20), &s.query, style);
    }
    let pending = app.pending_keys();
    if !pending.is_empty() {
        x = chrome(buf, x, y, right, &format!(" | {pending}"), style);
    }
    let hints = hints(app.focus);
    let hw = hints.chars().count() as u16;
    if x + 2 + hw <= right {
        chrome(buf, right - hw - 1, y, right, &hints, style);
    }
}

/// Key hints for the status line, from the focused pane's table.
pub fn hints(focus: Focus) -> String {
    let mut out = Vec::new();
    for table in focus.tables() {
        for b in table.iter().filter(|b| b.hint) {
            let word = b
                .help
                .split([' ', '('])
                .find(|w| !w.is_empty() && !matches!(*w, "the" | "next" | "for"));
            let word = match b.help {
                h if h.starts_with("next pane") => "pane",
                h if h.starts_with("help") => "help",
                h if h.starts_with("jump the") => "jump",
                _ => word.unwrap_or(""),
            };
            out.push(format!("{}:{}", keymap::keys_label(b), word));
        }
    }
    out.join(" ")
}

/// Help lines for a pane: each action once, with all its keys.
pub fn help_lines(focus: Focus) -> Vec<String> {
    let mut lines = Vec::new();
    for (t, table) in focus.tables().iter().enumerate() {
        if t == 1 {
            lines.push("-- every pane --".to_string());
        }
        let mut seen: Vec<(&str, Vec<String>)> = Vec::new();
        for b in table.iter() {
            let b: &Binding = b;
            match seen.iter_mut().find(|(h, _)| *h == b.help) {
                Some((_, keys)) => keys.push(keymap::keys_label(b)),
                None => seen.push((b.help, vec![keymap::keys_label(b)])),
            }
        }
        for (help, keys) in seen {
            lines.push(format!("{:<17} {help}", keys.join(" ")));
        }
    }
    if focus == Focus::Article {
        lines.push("counts: 3]q, 5j".to_string());
        lines.push("Space pages here; select: x, or v/V + motions".to_string());
    }
    lines
}

fn draw_help(app: &App, area: Rect, buf: &mut Buffer) {
    let lines = help_lines(app.focus);
    // Two columns when one would not fit the height (the selection keys
    // made the article's list longer than 40 rows).
    let fits = usize::from(area.height.saturating_sub(4));
    let columns: u16 = if lines.len() > fits && area.width >= 100 {
        2
    } else {
        1
    };
    let per_column = lines.len().div_ceil(usize::from(columns));
    let w = area.width.saturating_sub(4).min(72 * columns);
    let h = area.height.saturating_sub(2).min(per_column as u16 + 2);
    let inner = overlay_box(
        &format!(" Keys: {} (q closes) ", app.focus.name()),
        w,
        h,
        area,
        buf,
    );
    let col_w = inner.width / columns;
    for (c, chunk) in lines.chunks(per_column.max(1)).enumerate() {
        let x = inner.x + col_w * c as u16;
        for (i, l) in chunk.iter().take(usize::from(inner.height)).enumerate() {
            buf.set_stringn(
                x + 1,
                inner.y + i as u16,
                l,
                usize::from(col_w.saturating_sub(1)),
                Style::new(),
            );
        }
    }
}

/// Clears a `w`×`h` box centred in `area`, draws its double border with
/// `title`, and returns the inside: the frame of every overlay (help, the
/// library's messages).
pub fn overlay_box(title: &str, w: u16, h: u16, area: Rect, buf: &mut Buffer) -> Rect {
    let r = Rect::new(
        area.x + (area.width.saturating_sub(w)) / 2,
        area.y + (area.height.saturating_sub(h)) / 2,
        w,
        h,
    );
    Clear.render(r, buf);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .title(title.to_string());
    let inner = block.inner(r);
    block.render(r, buf);
    inner
}
