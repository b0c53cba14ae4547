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
        // An exclusive end at the start of a row does not take that row.
        let last = self.row_bounds(if hi > lo { hi - 1 } else { hi });
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
        let mut cursor = v.cursor;
        let mut landed = None;
        for _ in 0..count.max(1) {
            let next = if forward {
                (0..n).find(|&i| ok(i) && span(i).end > cursor)
            } else {
                (0..n).rev().find(|&i| ok(i) && span(i).start < cursor)
            };
            let Some(i) = next else { break };
            cursor = if forward { span(i).end } else { span(i).start };
            landed = Some(i);
        }
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
            let c = if hit.start >= v.anchor { hit.end } else { hit.start };
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
                let x = put(
                    buf,
                    x,
                    &format!(" | export {} (Tab: format) file: ", format_name(*format)),
                );
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
