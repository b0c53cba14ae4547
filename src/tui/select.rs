//! Selecting and exporting: marks across panes, visual selection in the
//! article, and the copy / export / pipe prompts.
//!
//! This is a child module of `app` so it can use the reader's private
//! motions (`reveal`, `go_to`, the list panes) without widening them; the
//! state it owns lives in one field, [`App::sel`], so the rest of the
//! reader only learns about it in a few hooks.
//!
//! What is selected is a [`Selection`] of the library's export module:
//! indices of quotes, numbers, sections and speakers, and byte ranges of
//! the article text. A visual selection is an anchor and a cursor, both
//! byte offsets of the *logical* text, so it is right for right-to-left
//! text whatever order the screen shows it in; the rows on screen only
//! decide where line-wise selections start and end.
//!
//! Nothing here does I/O: copying, writing and piping are queued as
//! [`Effect`]s for the loop, whose [`Outcome`]s come back through
//! [`App::finish`].

use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::Style;
use rawi::export::write::Overwrite;
use rawi::export::{self, Format, Selection};
use rawi::sanitize::{Hidden, for_terminal_line};

use super::super::effect::{CLIPBOARD_MAX, Effect, Outcome};
use super::super::prompt::{InputEvent, TextInput};
use super::super::view::{draw_line, one_row};
use super::{Action, App, BidiMode, Focus, Item, Pos, Row, Span, Target};

/// Selection actions (one [`Action::Select`] variant, so `Action` grows by one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `Space` in a list, `x` anywhere: toggle the focused item; in visual
    /// mode, keep the visual range.
    Toggle,
    /// Select every (filtered) item of the focused pane.
    SelectAll,
    /// Clear the whole selection.
    ClearAll,
    /// `v` (false) / `V` (true): visual selection by character / by line.
    Visual(bool),
    /// Copy the selection, or the focused item, with OSC 52.
    Yank,
    /// Copy the whole article.
    YankAll,
    /// Open the export prompt.
    Export,
    /// Open the pipe prompt.
    Pipe,
}

/// A visual selection in progress: byte offsets into the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visual {
    /// Where it started.
    pub anchor: usize,
    /// Where the motions took it (exclusive end when after the anchor).
    pub cursor: usize,
    /// Whole screen rows (`V`) instead of characters (`v`).
    pub line: bool,
}

/// An open prompt of this module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dialog {
    /// `s`: format (Tab cycles) and file name.
    Export {
        /// The chosen format.
        format: Format,
        /// The file name being edited.
        input: TextInput,
    },
    /// The file exists: overwrite it? Only `y` says yes.
    Confirm {
        /// Absolute path.
        path: PathBuf,
        /// The export, already rendered.
        bytes: Vec<u8>,
    },
    /// `|`: the shell command.
    Pipe {
        /// The command being typed.
        input: TextInput,
    },
}

/// Everything this module keeps in the [`App`].
#[derive(Debug, Clone, Default)]
pub struct SelectState {
    /// The marked items and kept ranges.
    pub marks: Selection,
    /// The visual selection in progress.
    pub visual: Option<Visual>,
    /// The open prompt.
    pub dialog: Option<Dialog>,
    /// I/O for the loop to perform, in order.
    pub effects: Vec<Effect>,
    /// A piped command still running (its command line).
    pub running: Option<String>,
}

const FORMATS: [Format; 3] = [Format::Json, Format::Markdown, Format::Text];

fn format_name(f: Format) -> &'static str {
    match f {
        Format::Json => "JSON",
        Format::Markdown => "Markdown",
        Format::Text => "text",
    }
}

fn clean(s: &str) -> String {
    for_terminal_line(s, Hidden::Drop).into_owned()
}

impl App {
    /// Applies a selection action.
    pub fn select_op(&mut self, op: Op) {
        match op {
            Op::Toggle => self.toggle_focused(),
            Op::SelectAll => self.select_all(),
            Op::ClearAll => {
                self.sel.marks = Selection::default();
                self.sel.visual = None;
                self.message = Some("selection cleared".into());
            }
            Op::Visual(line) => self.start_visual(line),
            Op::Yank => match self.effective_selection() {
                Some(sel) => self.copy(export::to_text(&self.article, &sel)),
                None => self.message = Some(NOTHING.into()),
            },
            Op::YankAll => {
                let a = &self.article;
                let all: Vec<&str> = a.paragraphs.iter().map(|p| a.slice(p.span)).collect();
                self.copy(all.join("\n\n"));
            }
            Op::Export => match self.effective_selection() {
                Some(_) => {
                    let name = export::default_file_name(&self.article.source, Format::Json);
                    self.sel.dialog = Some(Dialog::Export {
                        format: Format::Json,
                        input: TextInput::new(name),
                    });
                }
                None => self.message = Some(NOTHING.into()),
            },
            Op::Pipe => match self.effective_selection() {
                Some(_) if self.sel.running.is_some() => {
                    self.message = Some("a command is still running".into());
                }
                Some(_) => {
                    self.sel.dialog = Some(Dialog::Pipe {
                        input: TextInput::default(),
                    });
                }
                None => self.message = Some(NOTHING.into()),
            },
        }
    }

    fn copy(&mut self, text: String) {
        if text.is_empty() {
            self.message = Some("nothing to copy".into());
        } else if text.len() > CLIPBOARD_MAX {
            self.message = Some(format!(
                "{} KB is too much for the clipboard: s exports to a file",
                text.len() >> 10
            ));
        } else {
            self.sel.effects.push(Effect::Clipboard(text));
        }
    }

    // ----- what is selected ---------------------------------------------------

    /// Items and ranges marked, for the status line's counter.
    pub fn selection_count(&self) -> usize {
        let m = &self.sel.marks;
        m.quotes.len() + m.numbers.len() + m.sections.len() + m.speakers.len() + m.ranges.len()
    }

    /// The marks plus the visual range in progress; when both are empty,
    /// the focused item (the list row, or the item last jumped to).
    pub fn effective_selection(&self) -> Option<Selection> {
        let mut sel = self.sel.marks.clone();
        if let Some(r) = self.visual_range().filter(|r| !r.is_empty()) {
            sel.ranges.push(r);
        }
        if !sel.is_empty() {
            return Some(sel);
        }
        let mut sel = Selection::default();
        match self.focus {
            Focus::Article => match self.current? {
                Target::Quote(i) => sel.quotes.push(i),
                Target::Number(i) => sel.numbers.push(i),
                Target::Section(i) => sel.sections.push(i),
            },
            f => match *self.rows(f).get(self.pane(f).selected)? {
                Row::Section(s) => sel.sections.push(s),
                Row::Speaker(s) => sel.speakers.push(s),
                Row::Quote(_, q) => sel.quotes.push(q),
                Row::Number(i) => sel.numbers.push(i),
            },
        }
        Some(sel)
    }

    /// True when a list row is marked.
    pub fn row_marked(&self, row: Row) -> bool {
        let m = &self.sel.marks;
        match row {
            Row::Section(s) => m.sections.contains(&s),
            Row::Speaker(s) => m.speakers.contains(&s),
            Row::Quote(s, q) => m.quotes.contains(&q) || m.speakers.contains(&s),
            Row::Number(i) => m.numbers.contains(&i),
        }
    }

    /// True when paragraph `para` belongs to a marked section (heading included).
    pub fn paragraph_marked(&self, para: usize) -> bool {
        let a = &self.article;
        self.sel.marks.sections.iter().any(|&s| {
            a.sections
                .get(s)
                .is_some_and(|sec| sec.heading == Some(para) || sec.paragraphs.binary_search(&para).is_ok())
        })
    }

    /// Marked spans of the article that may touch bytes `lo..=hi`: marked
    /// quotes (directly or by speaker), numbers, kept ranges and the visual
    /// range. Sections are asked per paragraph ([`Self::paragraph_marked`]).
    pub fn marked_spans(&self, lo: usize, hi: usize) -> Vec<Span> {
        let a = &self.article;
        let m = &self.sel.marks;
        let touches = |s: &Span| s.start <= hi && s.end > lo;
        let mut out: Vec<Span> = m
            .quotes
            .iter()
            .chain(
                m.speakers
                    .iter()
                    .flat_map(|&s| self.speaker_quotes.get(s).into_iter().flatten()),
            )
            .filter_map(|&q| a.quotes.get(q).map(|q| q.span))
            .chain(m.numbers.iter().filter_map(|&n| a.numbers.get(n).map(|n| n.span)))
            .chain(m.ranges.iter().copied())
            .chain(self.visual_range())
            .filter(touches)
            .collect();
        out.sort_by_key(|s| s.start);
        out
    }

    // ----- marking ------------------------------------------------------------

    fn toggle_focused(&mut self) {
        if self.focus == Focus::Article {
            if let Some(r) = self.visual_range() {
                self.sel.visual = None;
                if !r.is_empty() && !self.sel.marks.ranges.contains(&r) {
                    self.sel.marks.ranges.push(r);
                    self.sel.marks.ranges.sort_by_key(|r| (r.start, r.end));
                }
                self.message = Some(format!("kept {} bytes of text", r.end - r.start));
                return;
            }
            let m = &mut self.sel.marks;
            match self.current {
                Some(Target::Quote(i)) => Selection::toggle(&mut m.quotes, i),
                Some(Target::Number(i)) => Selection::toggle(&mut m.numbers, i),
                Some(Target::Section(i)) => Selection::toggle(&mut m.sections, i),
                None => {
                    self.message = Some("jump to an item first (]q ]n ]]), or v/V to select text".into());
                    return;
                }
            }
            return;
        }
        let focus = self.focus;
        let Some(&row) = self.rows(focus).get(self.pane(focus).selected) else {
            return;
        };
        let m = &mut self.sel.marks;
        match row {
            Row::Section(s) => Selection::toggle(&mut m.sections, s),
            Row::Speaker(s) => Selection::toggle(&mut m.speakers, s),
            Row::Quote(_, q) => Selection::toggle(&mut m.quotes, q),
            Row::Number(i) => Selection::toggle(&mut m.numbers, i),
        }
        // Like a file manager's Space: mark and move on, so a run of
        // Spaces marks a run of items.
        self.list_motion(focus, Action::LineDown, 1);
    }

    fn select_all(&mut self) {
        let add = |list: &mut Vec<usize>, i: usize| {
            if !list.contains(&i) {
                list.push(i);
            }
        };
        let before = self.selection_count();
        if self.focus == Focus::Article {
            for i in 0..self.article.quotes.len() {
                add(&mut self.sel.marks.quotes, i);
            }
            for i in 0..self.article.numbers.len() {
                add(&mut self.sel.marks.numbers, i);
            }
        } else {
            for row in self.rows(self.focus) {
                let m = &mut self.sel.marks;
                match row {
                    Row::Section(s) => add(&mut m.sections, s),
                    Row::Speaker(s) => add(&mut m.speakers, s),
                    Row::Number(i) => add(&mut m.numbers, i),
                    // Covered by its speaker.
                    Row::Quote(..) => {}
                }
            }
        }
        let added = self.selection_count() - before;
        self.message = Some(format!("selected {added} more"));
    }

    // ----- visual selection ---------------------------------------------------

    fn start_visual(&mut self, line: bool) {
        self.focus = Focus::Article;
        if let Some(v) = &mut self.sel.visual {
            if v.line == line {
                self.sel.visual = None;
            } else {
                v.line = line;
            }
            return;
        }
        // Start on the emphasised item if it is on screen (`]q v` takes
        // that quote), else at the top row.
        let span = match self.current {
            Some(Target::Quote(i)) => Some(self.article.quotes[i].span),
            Some(Target::Number(i)) => Some(self.article.numbers[i].span),
            _ => None,
        }
        .filter(|s| self.visible(s.start));
        let (anchor, cursor) = match span {
            Some(s) if line => (s.start, s.end.saturating_sub(1).max(s.start)),
            Some(s) => (s.start, s.end),
            None => {
                let top = self.top_offset();
                (top, top)
            }
        };
        self.sel.visual = Some(Visual { anchor, cursor, line });
    }

    /// Byte range of the visual row showing `offset`.
    fn row_bounds(&self, offset: usize) -> Span {
        let pos = self.pos_of_offset(offset);
        let start = self.offset_of_pos(pos);
        let para = &self.article.paragraphs[pos.para];
        let count = self.lines.borrow_mut().count(&self.article, pos.para);
        let end = if pos.row + 1 < count {
            self.offset_of_pos(Pos {
                para: pos.para,
                row: pos.row + 1,
            })
        } else {
            para.span.end
        };
        Span::new(start.min(end), end)
    }

    /// The visual selection as a byte range of the article, logical order.
    pub fn visual_range(&self) -> Option<Span> {
        let v = self.sel.visual?;
        let (lo, hi) = (v.anchor.min(v.cursor), v.anchor.max(v.cursor));
        if self.article.paragraphs.is_empty() {
            return None;
        }
        if !v.line {
            return Some(Span::new(lo, hi));
        }
        let first = self.row_bounds(lo);
        // Line-wise, the cursor's row is taken whole (jumps put the cursor
        // on an item's last byte, see `far_end`).
        let last = self.row_bounds(hi);
        Some(Span::new(first.start, last.end.max(first.end)))
    }

    /// Moves the visual cursor for a scrolling motion; false when not in
    /// visual mode (the motion then scrolls as usual).
    pub(super) fn visual_motion(&mut self, motion: Action, count: usize) -> bool {
        let Some(v) = self.sel.visual else {
            return false;
        };
        let end = self.article.paragraphs.last().map_or(0, |p| p.span.end);
        let page = self.page_height();
        let rows = match motion {
            Action::LineDown | Action::LineUp => 1,
            Action::PageDown | Action::PageUp => page.saturating_sub(2).max(1),
            Action::HalfPageDown | Action::HalfPageUp => (page / 2).max(1),
            _ => 0,
        }
        .saturating_mul(count);
        let pos = self.pos_of_offset(v.cursor);
        let cursor = match motion {
            Action::LineDown | Action::PageDown | Action::HalfPageDown => {
                self.offset_of_pos(self.forward(pos, rows))
            }
            Action::LineUp | Action::PageUp | Action::HalfPageUp => {
                // From inside a row, the first step is to its start.
                let start = self.offset_of_pos(pos);
                let back = if start < v.cursor { rows - 1 } else { rows };
                self.offset_of_pos(self.backward(pos, back))
            }
            Action::Top => 0,
            Action::Bottom => end,
            _ => return false,
        };
        self.set_cursor(cursor);
        true
    }

    fn set_cursor(&mut self, cursor: usize) {
        if let Some(v) = &mut self.sel.visual {
            v.cursor = cursor;
        }
        self.reveal(cursor);
    }

    /// Extends the visual selection with a jump (`]q`, `[n`, `}`, …):
    /// forward to the end of the next item after the cursor, backward to the
    /// start of the one before it. False when not in visual mode.
    pub(super) fn visual_jump(&mut self, item: Item, forward: bool, count: usize) -> bool {
        let Some(v) = self.sel.visual else {
            return false;
        };
        let a = &self.article;
        let n = self.item_count(item);
        let speaker = match item {
            Item::SameSpeaker => self.speaker_for_same(),
            _ => None,
        };
        let span = |i: usize| -> Span {
            match item {
                Item::Quote | Item::SameSpeaker => a.quotes[i].span,
                Item::Number => a.numbers[i].span,
                Item::Paragraph => a.paragraphs[i].span,
                Item::Section => {
                    let s = &a.sections[i];
                    let last = s.paragraphs.last().copied().or(s.heading).unwrap_or(0);
                    Span::new(
                        self.section_start(i),
                        a.paragraphs.get(last).map_or(0, |p| p.span.end),
                    )
                }
            }
        };
        let ok =
            |i: usize| item != Item::SameSpeaker || (speaker.is_some() && a.quotes[i].speaker == speaker);
        // `at` is the cursor as an exclusive end (line-wise, the cursor
        // sits on the last byte of what it took).
        let mut at = if v.line && forward { v.cursor + 1 } else { v.cursor };
        let mut landed = None;
        for _ in 0..count.max(1) {
            let next = if forward {
                (0..n).find(|&i| ok(i) && span(i).end > at)
            } else {
                (0..n).rev().find(|&i| ok(i) && span(i).start < at)
            };
            let Some(i) = next else { break };
            at = if forward { span(i).end } else { span(i).start };
            landed = Some(i);
        }
        let cursor = if forward { self.far_end(at) } else { at };
        let Some(i) = landed else {
            self.message = Some("no further item".into());
            return true;
        };
        let target = match item {
            Item::Quote | Item::SameSpeaker => Some(Target::Quote(i)),
            Item::Number => Some(Target::Number(i)),
            Item::Section => Some(Target::Section(i)),
            Item::Paragraph => None,
        };
        if let Some(t) = target {
            // Emphasise it and move the panes with it, as a jump does.
            self.go_to(t);
        }
        self.set_cursor(cursor);
        true
    }

    /// Where a forward jump puts the cursor: after the item by character
    /// (an exclusive end), on its last byte by line — so an item ending
    /// exactly at a row's end does not drag the next row in.
    fn far_end(&self, end: usize) -> usize {
        match self.sel.visual {
            Some(Visual { line: true, .. }) => end.saturating_sub(1),
            _ => end,
        }
    }

    /// The search hit last moved to, to notice a search moving it.
    pub(super) fn search_hit(&self) -> Option<Span> {
        let s = self.search.as_ref()?;
        s.current.and_then(|i| s.hits.get(i)).copied()
    }

    /// After a key: a search (`/`, `n`, `N`) that moved to another hit
    /// moves the visual cursor to that hit's far side from the anchor.
    pub(super) fn visual_follow(&mut self, before: Option<Span>) {
        let (Some(v), Some(hit)) = (self.sel.visual, self.search_hit()) else {
            return;
        };
        if Some(hit) != before {
            let c = if hit.start >= v.anchor {
                self.far_end(hit.end)
            } else {
                hit.start
            };
            self.set_cursor(c);
        }
    }

    // ----- prompts --------------------------------------------------------------

    /// Gives a key to the open prompt of this module. False when none is
    /// open (the key then goes to the reader).
    pub(super) fn dialog_key(&mut self, key: &KeyEvent) -> bool {
        let Some(dialog) = self.sel.dialog.take() else {
            return false;
        };
        self.message = None;
        let tab = key.code == ratatui::crossterm::event::KeyCode::Tab;
        match dialog {
            Dialog::Confirm { path, bytes } => {
                if matches!(key.code, ratatui::crossterm::event::KeyCode::Char('y' | 'Y')) {
                    self.sel.effects.push(Effect::Write {
                        path,
                        bytes,
                        overwrite: Overwrite::Confirmed,
                    });
                } else {
                    self.message = Some(format!("not overwritten: {}", clean(&path.display().to_string())));
                }
            }
            Dialog::Export {
                mut format,
                mut input,
            } if tab => {
                // Tab cycles the format; a name still ending in the old
                // extension follows it.
                let i = FORMATS.iter().position(|f| *f == format).unwrap_or(0);
                let old = format.extension();
                format = FORMATS[(i + 1) % FORMATS.len()];
                if let Some(stem) = input.text.strip_suffix(&format!(".{old}")) {
                    input.set(format!("{stem}.{}", format.extension()));
                }
                self.sel.dialog = Some(Dialog::Export { format, input });
            }
            Dialog::Export { format, mut input } => match input.handle(key) {
                InputEvent::Edited => self.sel.dialog = Some(Dialog::Export { format, input }),
                InputEvent::Cancel => self.message = Some("export cancelled".into()),
                InputEvent::Submit => {
                    let name = input.text.trim();
                    match self.effective_selection() {
                        _ if name.is_empty() => {
                            self.message = Some("no file name".into());
                            self.sel.dialog = Some(Dialog::Export { format, input });
                        }
                        Some(sel) => {
                            let bytes = export::render(&self.article, &sel, format).into_bytes();
                            self.sel.effects.push(Effect::Write {
                                path: PathBuf::from(name),
                                bytes,
                                overwrite: Overwrite::Never,
                            });
                        }
                        None => self.message = Some(NOTHING.into()),
                    }
                }
            },
            Dialog::Pipe { mut input } => match input.handle(key) {
                InputEvent::Edited => self.sel.dialog = Some(Dialog::Pipe { input }),
                InputEvent::Cancel => self.message = Some("pipe cancelled".into()),
                InputEvent::Submit => {
                    let command = input.text.trim().to_string();
                    match self.effective_selection() {
                        _ if command.is_empty() => self.message = Some("no command".into()),
                        Some(sel) => {
                            let text = export::to_text(&self.article, &sel);
                            self.sel.running = Some(command.clone());
                            self.message = Some(format!("running: {}", clean(&command)));
                            self.sel.effects.push(Effect::Pipe { command, input: text });
                        }
                        None => self.message = Some(NOTHING.into()),
                    }
                }
            },
        }
        true
    }

    /// Takes the outcome of an effect back: status line messages, and the
    /// overwrite confirmation when the file exists.
    pub fn finish(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Copied { bytes, error: None } => {
                self.message = Some(format!("copied {bytes} bytes to the clipboard (OSC 52)"));
            }
            Outcome::Copied { error: Some(e), .. } => {
                self.message = Some(format!("copy failed: {}", clean(&e)));
            }
            Outcome::Written { result: Ok(p), .. } => {
                self.message = Some(format!("exported to {}", clean(&p.display().to_string())));
            }
            Outcome::Written {
                path,
                bytes,
                result: Err(e),
            } => {
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    self.sel.dialog = Some(Dialog::Confirm { path, bytes });
                } else {
                    self.message = Some(format!(
                        "export failed: {}: {}",
                        clean(&path.display().to_string()),
                        clean(&e.to_string())
                    ));
                }
            }
            Outcome::Piped {
                command,
                code,
                output,
            } => {
                self.sel.running = None;
                let status = code.map_or("no exit status".to_string(), |c| format!("exit {c}"));
                let mut m = format!("| {}: {status}", clean(&command));
                if !output.is_empty() {
                    m.push_str(": ");
                    m.push_str(&clean(&output));
                }
                self.message = Some(m);
            }
        }
    }

    /// Takes the queued effects (the loop performs them in order).
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.sel.effects)
    }

    /// A note for the status line: visual mode and the selection counter.
    pub fn selection_note(&self) -> Option<String> {
        let mode = match self.sel.visual {
            Some(Visual { line: true, .. }) => "VISUAL LINE ",
            Some(_) => "VISUAL ",
            None => "",
        };
        let n = self.selection_count();
        match (mode, n) {
            ("", 0) => None,
            (m, 0) => Some(m.trim_end().to_string()),
            (m, n) => Some(format!("{m}✓{n}")),
        }
    }

    /// Draws the open prompt of this module on the status row; false when none.
    pub fn draw_dialog(&self, buf: &mut Buffer, x: u16, y: u16, right: u16, style: Style) -> bool {
        let Some(d) = &self.sel.dialog else {
            return false;
        };
        let put = |buf: &mut Buffer, x: u16, s: &str| -> u16 {
            if x >= right {
                return right;
            }
            buf.set_stringn(x, y, s, usize::from(right - x), style).0
        };
        match d {
            Dialog::Export { format, input } => {
                let x = put(buf, x, &format!(" | export {} (Tab) as: ", format_name(*format)));
                input.draw(buf, x, y, right.saturating_sub(x + 1), style);
            }
            Dialog::Pipe { input } => {
                let x = put(buf, x, " | pipe to: ");
                input.draw(buf, x, y, right.saturating_sub(x + 1), style);
            }
            Dialog::Confirm { path, .. } => {
                let x = put(buf, x, " | exists: ");
                let tail = " overwrite? (y/N)";
                let w = right.saturating_sub(x + tail.len() as u16 + 1);
                let line = one_row(&clean(&path.display().to_string()), w, None);
                let line = rawi::layout::VisualLine { indent: 0, ..line };
                draw_line(buf, Rect::new(x, y, w, 1), y, &line, BidiMode::App, |_| style);
                put(buf, x + line.width(), tail);
            }
        }
        true
    }
}

const NOTHING: &str = "nothing selected: Space/x marks, v/V selects text";

#[cfg(test)]
mod tests {
    use super::super::tests::seed_app;
    use super::*;
    use crate::tui::effect::perform;
    use crate::tui::view;
    use rawi::export::clipboard::{base64, osc52};
    use rawi::{Document, analyze};

    /// Base64 decoding, to read an OSC 52 payload back.
    fn decode64(s: &[u8]) -> Vec<u8> {
        let val = |c: u8| match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            other => panic!("not base64: {other}"),
        };
        let mut out = Vec::new();
        for chunk in s.chunks(4) {
            let digits: Vec<u8> = chunk.iter().filter(|&&c| c != b'=').map(|&c| val(c)).collect();
            let n = digits.iter().fold(0u32, |n, &d| (n << 6) | u32::from(d)) << (6 * (4 - digits.len()));
            out.extend_from_slice(&n.to_be_bytes()[1..digits.len()]);
        }
        out
    }

    fn temp_dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("rawi-select-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    /// Performs what the keys queued, as the loop does; returns the bytes
    /// written to the "terminal".
    fn run_effects(app: &mut App) -> Vec<u8> {
        let mut out = Vec::new();
        for e in app.take_effects() {
            let outcome = perform(e, &mut out);
            app.finish(outcome);
        }
        out
    }

    fn screen(app: &App) -> (Buffer, Vec<String>) {
        let (w, h) = app.size;
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        view::draw(app, area, &mut buf);
        let rows = (0..h)
            .map(|y| (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect())
            .collect();
        (buf, rows)
    }

    #[test]
    fn space_toggles_in_each_side_pane_and_x_in_the_article() {
        let mut app = seed_app(120, 40);
        app.feed("]qx");
        assert_eq!(app.sel.marks.quotes, vec![0]);
        app.feed("x");
        assert!(app.sel.marks.quotes.is_empty(), "x again unselects");
        app.feed("]qx<Tab><Space>");
        assert_eq!(app.sel.marks.sections, vec![0]);
        assert_eq!(app.sections.selected, 1, "Space moves on");
        app.feed("<Tab>g<Space>");
        assert_eq!(app.sel.marks.speakers, vec![0]);
        // An expanded speaker's quote row toggles that quote alone.
        app.feed("g<Down>o<Down><Space>");
        let rows = app.rows(Focus::Speakers);
        let Row::Quote(_, q) = rows[app.speakers.selected - 1] else {
            panic!("a quote row")
        };
        assert!(app.sel.marks.quotes.contains(&q));
        app.feed("<Tab>jx");
        assert_eq!(app.sel.marks.numbers, vec![1]);
        assert_eq!(app.selection_count(), 5);
        // In the article, Space still pages down.
        app.feed("<Tab>");
        let top = app.top;
        app.feed("<Space>");
        assert_ne!(app.top, top);
        assert_eq!(app.selection_count(), 5);
    }

    #[test]
    fn marks_show_without_colour_in_panes_article_and_status() {
        let mut app = seed_app(120, 40);
        app.opts.color = false;
        app.feed("]qx<Tab><Tab>j<Space>");
        let (buf, rows) = screen(&app);
        let all = rows.join("\n");
        assert!(all.contains("✓"), "a mark character in the speakers pane");
        assert!(all.contains("▌"), "a mark in the article's margin");
        assert!(rows[39].contains("✓2"), "counter: {}", rows[39]);
        // The selected quote's cells are bold and underlined, no colour needed.
        let a = app.areas().unwrap();
        let marked = (a.text.y..a.text.bottom())
            .flat_map(|y| (a.text.x..a.text.right()).map(move |x| (x, y)))
            .filter(|&p| {
                let m = buf[p].modifier;
                m.contains(ratatui::style::Modifier::BOLD | ratatui::style::Modifier::UNDERLINED)
            })
            .count();
        assert!(marked > 20, "{marked} marked cells");
    }

    #[test]
    fn visual_selection_spans_logical_bytes_of_rtl_text() {
        let mut app = seed_app(120, 40);
        let q = app.article.quotes.clone();
        // `]q v` takes the quote; `]q` extends to the end of the next one.
        app.feed("]qv");
        assert_eq!(app.visual_range(), Some(q[0].span));
        app.feed("]q");
        assert_eq!(
            app.visual_range(),
            Some(Span::new(q[0].span.start, q[1].span.end))
        );
        assert_eq!(app.current, Some(Target::Quote(1)), "the jump still emphasises");
        app.feed("[q");
        assert_eq!(
            app.visual_range(),
            Some(Span::new(q[0].span.start, q[1].span.start))
        );
        // `}` goes to the end of the paragraph.
        app.feed("}");
        let p = &app.article.paragraphs[q[1].paragraph];
        assert_eq!(app.visual_range(), Some(Span::new(q[0].span.start, p.span.end)));
        // x keeps it; the text is the article's bytes in reading order.
        app.feed("x");
        assert!(app.sel.visual.is_none());
        let r = app.sel.marks.ranges[0];
        let text = export::to_text(&app.article, &app.sel.marks);
        assert_eq!(text, app.article.slice(r));
        assert!(text.starts_with(app.article.slice(q[0].span)));

        // Line-wise: `}` puts paragraph 1 on top; two rows down covers
        // its first three rows.
        let mut app = seed_app(60, 40);
        app.feed("}Vjj");
        assert_eq!(app.sel.visual.map(|v| v.line), Some(true));
        let r = app.visual_range().unwrap();
        let rows = app.lines.borrow_mut().rows(&app.article, 1);
        // The seed's font-size widget, set aside, is shown dimmed above
        // paragraph 1: its own rows start after it.
        let t0 = (0..rows.len()).find(|&i| !rows.is_furniture(i)).unwrap();
        assert_eq!(t0, 2, "one furniture row and its blank row");
        let rows = &rows[t0..];
        assert!(rows.len() > 3, "paragraph 1 wraps to more than three rows");
        let p1 = app.article.paragraphs[1].span;
        assert_eq!(
            r,
            Span::new(
                p1.start,
                p1.start + crate::tui::lines::row_start(&rows[3]).unwrap()
            )
        );
        assert!(app.article.text.is_char_boundary(r.start) && app.article.text.is_char_boundary(r.end));
        // Every cell of those rows, whatever its place on screen (right to
        // left), is inside the range; none of the fourth row is.
        for (i, row) in rows.iter().enumerate().take(4) {
            for c in &row.cells {
                let off = p1.start + c.logical;
                assert_eq!(r.start <= off && off < r.end, i < 3, "row {i}");
            }
        }
        // Search extends it to the hit; Esc leaves visual mode.
        app.feed("/داعش<Enter>");
        let hit = app.search_hit().unwrap();
        assert_eq!(app.visual_range().unwrap().end, app.row_bounds(hit.end - 1).end);
        app.feed("<Esc>");
        assert!(app.sel.visual.is_none());
        assert!(app.search.is_some(), "the first Esc only leaves visual mode");

        // Line-wise jumps move on from quote to quote.
        let mut app = seed_app(120, 40);
        app.feed("]qV]q");
        let q1 = app.article.quotes[1].span;
        assert_eq!(app.sel.visual.unwrap().cursor, q1.end - 1);
        app.feed("]q");
        assert_eq!(app.current, Some(Target::Quote(2)));
        let r = app.visual_range().unwrap();
        assert!(r.start <= app.article.quotes[0].span.start && r.end >= app.article.quotes[2].span.end);
    }

    #[test]
    fn select_all_of_a_pane_and_clear_everything() {
        let mut app = seed_app(120, 40);
        app.feed("<Tab><Tab>A");
        assert_eq!(app.sel.marks.speakers.len(), app.article.speakers.len());
        app.feed("<Tab>A");
        assert_eq!(app.sel.marks.numbers.len(), app.article.numbers.len());
        app.feed("<Tab><Tab>A");
        assert_eq!(app.sel.marks.sections.len(), app.article.sections.len());
        app.feed("X");
        assert_eq!(app.sel.marks, Selection::default());
        // A filtered list selects only what it shows.
        app.feed("<Tab>/حسين<Enter>A");
        assert_eq!(app.sel.marks.speakers.len(), 1);
    }

    #[test]
    fn export_prompt_writes_json_that_parses_back_to_the_selection() {
        let dir = temp_dir("json");
        let mut app = seed_app(120, 40);
        app.feed("]qx]qx<Tab><Tab><Tab>jx");
        app.feed("s");
        let Some(Dialog::Export { format, input }) = &app.sel.dialog else {
            panic!("export prompt open")
        };
        assert_eq!(*format, Format::Json);
        assert_eq!(input.text, "seed-selection.json");
        let path = dir.join("out.json");
        app.feed(&format!("<C-u>{}<Enter>", path.display()));
        assert!(app.sel.dialog.is_none());
        run_effects(&mut app);
        let msg = app.message.clone().unwrap();
        assert_eq!(msg, format!("exported to {}", path.display()));
        let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let quotes = v["quotes"].as_array().unwrap();
        assert_eq!(quotes.len(), 2);
        for (q, i) in quotes.iter().zip([0, 1]) {
            assert_eq!(q["start"], app.article.quotes[i].span.start);
            assert_eq!(q["text"], app.article.slice(app.article.quotes[i].span));
        }
        assert_eq!(v["numbers"].as_array().unwrap().len(), 1);
        assert_eq!(v["numbers"][0]["start"], app.article.numbers[1].span.start);
        assert_eq!(v["source"], "seed");

        // Tab switches to Markdown and the extension follows.
        app.feed(&format!("s<Tab><C-u>{}/out.md<Enter>", dir.display()));
        run_effects(&mut app);
        let md = std::fs::read_to_string(dir.join("out.md")).unwrap();
        assert!(md.contains("## Quotes") && md.contains("| number |"), "{md}");
        assert!(md.contains(&format!("> {}", app.article.slice(app.article.quotes[0].span))));
        app.feed("s<Tab><Tab>");
        let Some(Dialog::Export { format, input }) = &app.sel.dialog else {
            panic!()
        };
        assert_eq!(
            (*format, input.text.as_str()),
            (Format::Text, "seed-selection.txt")
        );
        app.feed("<Esc>");
        assert!(app.sel.dialog.is_none());
    }

    #[test]
    fn an_existing_file_is_kept_unless_the_overwrite_is_confirmed() {
        let dir = temp_dir("exists");
        let path = dir.join("keep.json");
        std::fs::write(&path, b"old bytes").unwrap();
        let mut app = seed_app(120, 40);
        app.feed(&format!("]qs<C-u>{}<Enter>", path.display()));
        run_effects(&mut app);
        assert!(
            matches!(app.sel.dialog, Some(Dialog::Confirm { .. })),
            "asks first"
        );
        let (_, rows) = screen(&app);
        assert!(rows[39].contains("overwrite? (y/N)"), "{}", rows[39]);
        app.feed("<Enter>");
        run_effects(&mut app);
        assert_eq!(std::fs::read(&path).unwrap(), b"old bytes");
        assert!(app.message.as_deref().unwrap().starts_with("not overwritten"));
        app.feed(&format!("s<C-u>{}<Enter>", path.display()));
        run_effects(&mut app);
        app.feed("y");
        run_effects(&mut app);
        let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        assert_eq!(v["quotes"].as_array().unwrap().len(), 1);
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1, "no temporary left");
    }

    #[test]
    fn a_missing_folder_reports_the_full_path_and_keeps_the_selection() {
        let mut app = seed_app(120, 40);
        app.feed("]qx]nx");
        let before = app.sel.marks.clone();
        app.feed("s<C-u>/no/such/rawi-folder/out.json<Enter>");
        run_effects(&mut app);
        let msg = app.message.clone().unwrap();
        assert!(
            msg.starts_with("export failed: /no/such/rawi-folder/out.json: "),
            "{msg}"
        );
        assert_eq!(app.sel.marks, before);
        assert!(!std::path::Path::new("/no/such/rawi-folder").exists());
    }

    #[test]
    fn y_writes_the_exact_osc52_of_the_logical_text() {
        let mut app = seed_app(120, 40);
        app.feed("]qy");
        let text = app.article.slice(app.article.quotes[0].span).to_string();
        assert_eq!(app.sel.effects, vec![Effect::Clipboard(text.clone())]);
        let out = run_effects(&mut app);
        let want = format!("\x1b]52;c;{}\x07", base64(text.as_bytes()));
        assert_eq!(out, want.into_bytes());
        assert!(app.message.as_deref().unwrap().contains("clipboard"));
        // Y: the whole article, paragraphs apart.
        app.feed("Y");
        let Some(Effect::Clipboard(all)) = app.sel.effects.first().cloned() else {
            panic!()
        };
        assert!(all.starts_with(app.article.title()) && all.contains(&text));

        // Escape bytes in the article never reach the payload.
        let article = analyze(Document::from_text(
            "evil.txt",
            "Title\n\nThe minister said that prices\u{1b}]0;pwned\u{7} would \u{9b}1m\u{1b}[2Jfall.",
        ));
        let mut app = App::new(article, (120, 40), super::super::Options::default());
        app.feed("]qy");
        let out = run_effects(&mut app);
        let q = app.article.slice(app.article.quotes[0].span).to_string();
        assert!(q.contains('\u{1b}'), "the quote carries the escapes: {q:?}");
        assert_eq!(out, osc52(&q).into_bytes());
        assert_eq!(
            out.iter().filter(|&&b| b == 0x1b).count(),
            1,
            "only the sequence's ESC"
        );
        assert_eq!(out.iter().filter(|&&b| b == 0x07).count(), 1, "only its BEL");
        let payload = decode64(&out[7..out.len() - 1]);
        assert_eq!(String::from_utf8(payload).unwrap(), "prices would fall.");
    }

    #[test]
    fn pipe_reports_the_exit_status() {
        let mut app = seed_app(120, 40);
        app.feed("]qx]qx");
        let text = export::to_text(&app.article, &app.sel.marks);
        app.feed("|wc -c<Enter>");
        assert_eq!(app.sel.running.as_deref(), Some("wc -c"));
        run_effects(&mut app);
        assert_eq!(
            app.message.as_deref(),
            Some(format!("| wc -c: exit 0: {}", text.len()).as_str())
        );
        assert!(app.sel.running.is_none());
        app.feed("|cat<Enter>");
        run_effects(&mut app);
        let first = text.lines().next().unwrap();
        assert_eq!(
            app.message.as_deref(),
            Some(format!("| cat: exit 0: {first}").as_str())
        );
        app.feed("|false<Enter>");
        run_effects(&mut app);
        assert_eq!(app.message.as_deref(), Some("| false: exit 1"));
        app.feed("|x<Esc>");
        assert_eq!(app.message.as_deref(), Some("pipe cancelled"));
        assert!(app.sel.effects.is_empty());
    }

    #[test]
    fn help_lists_the_selection_keys_from_the_keymap() {
        let mut app = seed_app(120, 40);
        app.feed("?");
        let all = screen(&app).1.join("\n");
        for want in [
            "visual selection by line",
            "select every item of this pane",
            "clear the whole selection",
            "copy the whole article",
            "pipe the selection to a shell command",
            "Space pages here",
            "quit at once",
        ] {
            assert!(all.contains(want), "{want} missing:\n{all}");
        }
        app.feed("q<Tab>?");
        let all = screen(&app).1.join("\n");
        assert!(
            all.contains("<Space> x") && all.contains("select or unselect the item"),
            "{all}"
        );
    }

    #[test]
    fn nothing_selected_and_no_focus_says_so() {
        let mut app = seed_app(120, 40);
        app.feed("y");
        assert!(app.message.as_deref().unwrap().starts_with("nothing selected"));
        app.feed("s");
        assert!(app.sel.dialog.is_none());
        // In a list, the focused row is the item.
        app.feed("<Tab><Tab>y");
        let Some(Effect::Clipboard(t)) = app.sel.effects.first() else {
            panic!()
        };
        let speaker_quotes = &app.speaker_quotes[0];
        assert!(t.starts_with(app.article.slice(app.article.quotes[speaker_quotes[0]].span)));
    }
}
