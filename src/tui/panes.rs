//! The side panes: sections, speakers, numbers.
//!
//! Each row is built as a logical string and laid out like article text
//! (base direction = the article's), so Arabic names and headings read
//! correctly and right-to-left rows are right-aligned. Only the rows on
//! screen are built: an article with 100,000 numbers lists them at the cost
//! of one pane of rows.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;
use rawi::layout::Direction;
use rawi::{Article, NumberKind, NumberMention};

use super::app::{App, BidiMode, Focus, Row, Target};
use super::theme::Theme;
use super::view::{draw_line, one_row, pane_block};

/// Draws one list pane into `rect`.
pub fn draw(app: &App, focus: Focus, rect: Rect, theme: &Theme, buf: &mut Buffer) {
    let pane = app.pane(focus);
    let focused = app.focus == focus;
    let rows = app.rows(focus);
    let editing = app.prompt.as_ref().is_some_and(|p| p.focus == focus);
    // Count items, not rows: a speaker's expanded quotes are not speakers.
    let items = rows.iter().filter(|r| !matches!(r, Row::Quote(..))).count();
    let mut title = format!("{} {items}", focus.name());
    if !pane.filter.is_empty() || editing {
        title.push_str(" /");
    }
    let block = pane_block(title, focused, theme);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let dir = app.article.direction;
    let current_section = app.current_section();
    for (i, row) in rows
        .iter()
        .enumerate()
        .skip(pane.offset)
        .take(usize::from(inner.height))
    {
        let y = inner.y + (i - pane.offset) as u16;
        let (mut label, mut style) = row_text(app, *row, dir, current_section, theme);
        // Selected items carry a mark character and bold/underline (select.rs).
        if app.row_marked(*row) {
            label.insert(0, '✓');
            style = style.patch(theme.marked());
        }
        if i == pane.selected {
            style = style.patch(if focused {
                theme.selected(true)
            } else {
                Style::new().add_modifier(Modifier::UNDERLINED)
            });
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
        }
        let line = one_row(&label, inner.width, Some(dir));
        draw_line(buf, inner, y, &line, BidiMode::App, |_| style);
    }
}

/// Marker pointing into the text: at the start of a row in reading order.
fn marker(dir: Direction, on: bool) -> &'static str {
    match (on, dir) {
        (false, _) => "  ",
        (true, Direction::Ltr) => "▸ ",
        (true, Direction::Rtl) => "◂ ",
    }
}

fn row_text(app: &App, row: Row, dir: Direction, current_section: usize, theme: &Theme) -> (String, Style) {
    let a = &app.article;
    match row {
        Row::Section(s) => {
            let sec = &a.sections[s];
            let name = a.heading(sec).unwrap_or("(lead)");
            // Size in paragraphs: known without reading the text, so a
            // section of a 100 MB article costs nothing to list.
            let size = sec.paragraphs.len();
            let here = s == current_section;
            let style = if here { theme.title() } else { Style::new() };
            // Isolated (LRI … PDI) so `5¶` keeps its order in a right-to-left row;
            // the layout applies isolates and never draws them.
            (
                format!("{}{name} \u{2066}{size}¶\u{2069}", marker(dir, here)),
                style,
            )
        }
        Row::Speaker(s) => {
            let sp = &a.speakers[s];
            let open = if app.expanded[s] {
                "▾ "
            } else {
                marker(dir, true)
            };
            let n = app.speaker_quotes[s].len();
            let mut style = theme.speaker(s);
            if app.speaker_dimmed(s) {
                style = style.patch(theme.dim());
            }
            if let Some(Target::Quote(q)) = app.current
                && a.quotes[q].speaker == Some(s)
            {
                style = style.add_modifier(Modifier::BOLD);
            }
            (format!("{open}{} ({n})", sp.name), style)
        }
        Row::Quote(_, q) => {
            let quote = &a.quotes[q];
            let mark = if quote.direct { "«" } else { "~" };
            let text: String = a.slice(quote.span).chars().take(200).collect();
            let style = if app.current == Some(Target::Quote(q)) {
                theme.title()
            } else {
                Style::new()
            };
            (format!("    {mark} {text}"), style)
        }
        Row::Number(i) => {
            let n = &a.numbers[i];
            let style = if app.current == Some(Target::Number(i)) {
                theme.title()
            } else {
                Style::new()
            };
            // `60%` already says percent; other units are the counted noun.
            let unit = n
                .unit
                .as_deref()
                .filter(|u| *u != kind_name(n.kind) && *u != "percent")
                .map(|u| format!(" {u}"))
                .unwrap_or_default();
            (
                format!(
                    "{} {}{unit} · {}",
                    value_as_read(n),
                    kind_name(n.kind),
                    sentence(a, n)
                ),
                style,
            )
        }
    }
}

/// The value as a reader says it: `60%`, `120`, `2`, `~60%` when approximate.
pub fn value_as_read(n: &NumberMention) -> String {
    let v = n.value;
    let mut s = if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    };
    if n.kind == NumberKind::Percent {
        s.push('%');
    }
    if n.approximate {
        s.insert(0, '~');
    }
    s
}

fn kind_name(k: NumberKind) -> &'static str {
    match k {
        NumberKind::Cardinal => "count",
        NumberKind::Ordinal => "ordinal",
        NumberKind::Percent => "percent",
        NumberKind::Money => "money",
        NumberKind::Year => "year",
        NumberKind::Date => "date",
        NumberKind::CountWord => "count-word",
    }
}

/// The sentence around a number (at most a few hundred bytes each way).
pub fn sentence<'a>(a: &'a Article, n: &NumberMention) -> &'a str {
    let Some(p) = a.paragraphs.get(n.paragraph) else {
        return "";
    };
    let text = a.slice(p.span);
    let (s, e) = (
        n.span.start.saturating_sub(p.span.start).min(text.len()),
        n.span.end.saturating_sub(p.span.start).min(text.len()),
    );
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '؟' | '\n' | '؛');
    let mut start = s;
    for (i, c) in text[..s].char_indices().rev() {
        if is_end(c) || s - i > 300 {
            break;
        }
        start = i;
    }
    let mut end = e;
    for (i, c) in text[e..].char_indices() {
        end = e + i + c.len_utf8();
        if is_end(c) || i > 300 {
            break;
        }
    }
    text.get(start..end).unwrap_or("").trim()
}
