//! The reader's state and the one function that changes it.
//!
//! [`App::update`] takes an [`Action`] and does no I/O: tests drive it with
//! key sequences (`app.feed("3]q")`) and read the state, and the view draws
//! whatever the state says. The only interior mutability is the layout
//! cache ([`LineCache`]): drawing a row lays it out, and that work is
//! remembered for the next frame, whoever asked first.

use std::cell::RefCell;
use std::collections::BTreeMap;

use ratatui::crossterm::event::KeyEvent;
use rawi::text::fold;
use rawi::{Article, Span, SpeakerKind};

use super::keymap::{self, Binding, Lookup};
use super::lines::{LineCache, Pos, row_of, row_start};
use super::search;
use super::view::{self, Areas};

// Selecting and exporting (issue 4) lives in its own file; a child module
// so it can use the motions below without widening them.
#[path = "select.rs"]
pub mod select;

/// How the article's right-to-left text reaches the terminal (bidi.md §8.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BidiMode {
    /// rawi reorders (visual order out) and turns the terminal's bidi off.
    #[default]
    App,
    /// Logical order out, right-to-left paragraphs right-aligned: for
    /// terminals that always reorder.
    Terminal,
    /// Logical order, no alignment: for debugging.
    Off,
}

/// Choices made on the command line and in the configuration file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// See [`BidiMode`].
    pub bidi: BidiMode,
    /// Mouse reporting on (it takes over the terminal's own selection).
    pub mouse: bool,
    /// Colours allowed (false under `NO_COLOR`): focus, highlights and
    /// hits must then still show, through reverse, bold and underline.
    pub color: bool,
    /// Width of the side column in cells; 0 = automatic (30%, 20–44).
    pub side_width: u16,
    /// Side column on the left (`Some(true)`), right, or by direction (`None`).
    pub side_left: Option<bool>,
    /// Colours from the configuration.
    pub palette: super::theme::Palette,
    /// Key bindings from the configuration; they win over the defaults.
    pub keys: &'static [Binding],
    /// Show invisible and control characters as placeholders (`<U+202E>`,
    /// `^[`) instead of dropping them, like `less -U` (`--show-hidden`, `U`).
    pub show_hidden: bool,
    /// Hide the lines the analysis set aside (bylines, widgets); shown
    /// dimmed by default, so nothing of the article disappears (`F`).
    pub hide_furniture: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            bidi: BidiMode::App,
            mouse: false,
            color: true,
            side_width: 0,
            side_left: None,
            show_hidden: false,
            hide_furniture: false,
            palette: super::theme::Palette::default(),
            keys: &[],
        }
    }
}

/// The things jumps move between.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// `{` / `}`.
    Paragraph,
    /// `[q` / `]q`.
    Quote,
    /// `[n` / `]n`.
    Number,
    /// `[[` / `]]`.
    Section,
    /// `[s` / `]s`: quotes of the speaker of the current quote.
    SameSpeaker,
}

/// Everything the reader can be asked to do. Keys map to these through
/// [`keymap`]; the meaning of list motions depends on the focused pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Line (article) or item (list) down.
    LineDown,
    /// Line or item up.
    LineUp,
    /// A page down.
    PageDown,
    /// A page up.
    PageUp,
    /// Half a page down.
    HalfPageDown,
    /// Half a page up.
    HalfPageUp,
    /// Start of the article or list.
    Top,
    /// End of the article or list.
    Bottom,
    /// Jump to the next item of a kind.
    Next(Item),
    /// Jump to the previous item of a kind.
    Prev(Item),
    /// `''`: back to before the last jump; again goes forth.
    Return,
    /// `Ctrl-o`: walk the jump list back.
    JumpBack,
    /// `/`: search the article, or filter the focused list.
    Search,
    /// Next search hit (wraps).
    SearchNext,
    /// Previous search hit (wraps).
    SearchPrev,
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Jump the article to the selected list item.
    Activate,
    /// Expand or fold the selected speaker.
    Expand,
    /// Toggle the help overlay.
    Help,
    /// Show or drop invisible and control characters (`less -U`).
    ToggleHidden,
    /// Show or hide the lines set aside as furniture (`F`).
    ToggleFurniture,
    /// Esc: close help, clear search, filter and highlight.
    Clear,
    /// Close help, or quit.
    Quit,
    /// Quit at once.
    QuitNow,
    /// The terminal has a new size.
    Resize(u16, u16),
    /// Mouse wheel at a cell (`true` = down).
    Wheel(u16, u16, bool),
    /// Mouse click at a cell.
    Click(u16, u16),
    /// Selecting, copying and exporting ([`select`]).
    Select(select::Op),
    /// `m{a-z}`: remember the place under a letter.
    SetMark(char),
    /// `'{a-z}`: go to the place of a mark.
    GoMark(char),
}

/// The focusable panes, in `Tab` order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The article text.
    Article,
    /// Table of contents.
    Sections,
    /// Speakers and their quotes.
    Speakers,
    /// Numbers.
    Numbers,
}

impl Focus {
    const ORDER: [Focus; 4] = [Focus::Article, Focus::Sections, Focus::Speakers, Focus::Numbers];

    fn index(self) -> usize {
        Self::ORDER.iter().position(|f| *f == self).unwrap_or(0)
    }

    /// The pane after this one.
    pub fn next(self) -> Self {
        Self::ORDER[(self.index() + 1) % 4]
    }

    /// The pane before this one.
    pub fn prev(self) -> Self {
        Self::ORDER[(self.index() + 3) % 4]
    }

    /// The name the status line and the pane border show.
    pub fn name(self) -> &'static str {
        match self {
            Focus::Article => "Article",
            Focus::Sections => "Sections",
            Focus::Speakers => "Speakers",
            Focus::Numbers => "Numbers",
        }
    }

    /// The key tables in force in this pane, first match wins.
    pub fn tables(self) -> [&'static [Binding]; 2] {
        match self {
            Focus::Article => [keymap::ARTICLE, keymap::GLOBAL],
            _ => [keymap::LIST, keymap::GLOBAL],
        }
    }
}

/// The item the article emphasises: the last one jumped to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A quote, by index.
    Quote(usize),
    /// A number, by index.
    Number(usize),
    /// A section (its heading is emphasised).
    Section(usize),
}

/// One row of a list pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A section.
    Section(usize),
    /// A speaker (collapsed or expanded).
    Speaker(usize),
    /// A quote of an expanded speaker: (speaker, quote).
    Quote(usize, usize),
    /// A number.
    Number(usize),
}

/// Selection, scroll and filter of a list pane.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListPane {
    /// Selected row among the filtered rows.
    pub selected: usize,
    /// First row shown.
    pub offset: usize,
    /// Filter typed after `/` (matched folded).
    pub filter: String,
}

/// A one-line prompt that swallows every key until Enter or Esc.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// Searching the article, or filtering a list.
    pub focus: Focus,
    /// What was typed.
    pub text: String,
}

/// The last search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchState {
    /// The query as typed.
    pub query: String,
    /// Hits in text order.
    pub hits: Vec<Span>,
    /// The hit last moved to.
    pub current: Option<usize>,
}

/// The whole state of the reader.
#[derive(Debug)]
pub struct App {
    /// The analysed article.
    pub article: Article,
    /// Command-line options.
    pub opts: Options,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// Wrapped rows, laid out on demand; see the module docs.
    pub lines: RefCell<LineCache>,
    /// First article row on screen.
    pub top: Pos,
    /// Focused pane.
    pub focus: Focus,
    /// Sections pane.
    pub sections: ListPane,
    /// Speakers pane.
    pub speakers: ListPane,
    /// Numbers pane.
    pub numbers: ListPane,
    /// Which speakers show their quotes.
    pub expanded: Vec<bool>,
    /// Quote indices of each speaker, in text order.
    pub speaker_quotes: Vec<Vec<usize>>,
    /// Section of each paragraph (the heading belongs to its section).
    pub para_section: Vec<usize>,
    /// The emphasised item.
    pub current: Option<Target>,
    /// The last search.
    pub search: Option<SearchState>,
    /// The open prompt.
    pub prompt: Option<Prompt>,
    /// Help overlay shown.
    pub help: bool,
    /// One-line message for the status line (cleared by the next key).
    pub message: Option<String>,
    /// Set when the reader should end.
    pub quit: bool,
    /// Marks, visual selection, export prompts and queued I/O ([`select`]).
    pub sel: select::SelectState,
    /// Set with `quit` by `Q`: leave rawi, not only this article.
    pub quit_now: bool,
    /// Marks `a`–`z`: article byte offsets of the screen top.
    pub marks: BTreeMap<char, usize>,
    /// Keys typed so far of a multi-key binding.
    pending: Vec<String>,
    /// Count typed before a binding (`3]q`).
    count: Option<usize>,
    /// Return points: article byte offsets of the screen top before jumps.
    jumps: Vec<usize>,
}

/// Quote indices of each speaker, in text order.
fn quotes_by_speaker(article: &Article) -> Vec<Vec<usize>> {
    let mut speaker_quotes = vec![Vec::new(); article.speakers.len()];
    for (q, quote) in article.quotes.iter().enumerate() {
        if let Some(list) = quote.speaker.and_then(|s| speaker_quotes.get_mut(s)) {
            list.push(q);
        }
    }
    speaker_quotes
}

impl App {
    /// A reader on `article` for a terminal of `size` (columns, rows).
    pub fn new(article: Article, size: (u16, u16), opts: Options) -> Self {
        let n = article.paragraphs.len();
        // Section of each paragraph; paragraphs in no section (the title)
        // belong to the one before. Linear: huge articles have huge sections.
        let mut para_section = vec![usize::MAX; n];
        for (s, section) in article.sections.iter().enumerate() {
            for p in section.heading.iter().chain(&section.paragraphs) {
                if let Some(slot) = para_section.get_mut(*p) {
                    *slot = s;
                }
            }
        }
        let mut last = 0;
        for s in &mut para_section {
            if *s == usize::MAX {
                *s = last;
            } else {
                last = *s;
            }
        }
        let speaker_quotes = quotes_by_speaker(&article);
        let app = Self {
            expanded: vec![false; article.speakers.len()],
            lines: RefCell::new({
                let mut lines = LineCache::new(n);
                lines.set_hidden(opts.show_hidden);
                lines.set_furniture(!opts.hide_furniture);
                lines
            }),
            article,
            opts,
            size,
            top: Pos::default(),
            focus: Focus::Article,
            sections: ListPane::default(),
            speakers: ListPane::default(),
            numbers: ListPane::default(),
            speaker_quotes,
            para_section,
            current: None,
            search: None,
            prompt: None,
            help: false,
            message: None,
            quit: false,
            sel: select::SelectState::default(),
            quit_now: false,
            marks: BTreeMap::new(),
            pending: Vec::new(),
            count: None,
            jumps: Vec::new(),
        };
        app.sync_width();
        app
    }

    /// Takes the whole analysis of the article shown from its outline
    /// ([`rawi::extract::outline`]): the same text, paragraphs and sections,
    /// now with speakers, quotes and numbers. Where the reader is, its
    /// marks, selection and search stay; the speaker and number panes start
    /// from their tops.
    pub fn complete(&mut self, full: Article) {
        debug_assert_eq!(full.paragraphs, self.article.paragraphs);
        self.speaker_quotes = quotes_by_speaker(&full);
        self.expanded = vec![false; full.speakers.len()];
        self.speakers = ListPane::default();
        self.numbers = ListPane::default();
        self.article = full;
    }

    /// Puts `offset` at the top of the screen and takes `marks`: a place
    /// remembered from an earlier visit.
    pub fn restore(&mut self, offset: usize, marks: BTreeMap<char, usize>) {
        self.marks = marks;
        let offset = offset.min(self.article.text.len());
        self.scroll_to_top(offset);
        // The top may have been the blank row after a paragraph: its
        // offset is the paragraph's end, which no text row starts at.
        let para = self.top.para;
        if let Some(p) = self.article.paragraphs.get(para)
            && offset >= p.span.end
            && p.span.end > p.span.start
            && para + 1 < self.article.paragraphs.len()
        {
            let count = self.lines.borrow_mut().count(&self.article, para);
            self.top = Pos { para, row: count };
            self.clamp_top();
        }
    }

    /// Opens at paragraph `n` (0-based; `rawi +N`): false if there is none.
    pub fn open_paragraph(&mut self, n: usize) -> bool {
        let Some(p) = self.article.paragraphs.get(n) else {
            return false;
        };
        let off = p.span.start;
        self.scroll_to_top(off);
        true
    }

    /// Jumps to the quote that starts at article byte `offset` (or the
    /// first one after it): where the speaker index points.
    pub fn open_quote_at(&mut self, offset: usize) -> bool {
        let qs = &self.article.quotes;
        let i = qs.partition_point(|q| q.span.start < offset);
        if i >= qs.len() {
            return false;
        }
        self.go_to(Target::Quote(i));
        true
    }

    /// Screen areas for the current size (`None`: terminal too small).
    pub fn areas(&self) -> Option<Areas> {
        view::areas_for(self.size, self.article.direction, &self.opts)
    }

    /// Rows of article text on screen.
    pub fn page_height(&self) -> usize {
        self.areas().map_or(1, |a| usize::from(a.text.height).max(1))
    }

    fn sync_width(&self) {
        let width = self.areas().map_or(0, |a| a.text.width);
        self.lines.borrow_mut().set_width(width);
    }

    /// Keys typed so far of an unfinished binding or count, for the status line.
    pub fn pending_keys(&self) -> String {
        let mut s = self.count.map(|c| c.to_string()).unwrap_or_default();
        s.push_str(&self.pending.concat());
        s
    }

    /// Handles one key press. The export and pipe prompts take keys
    /// first; a search that moves to another hit moves a visual selection.
    pub fn key(&mut self, key: KeyEvent) {
        if self.dialog_key(&key) {
            return;
        }
        let hit = self.search_hit();
        self.key_inner(key);
        self.visual_follow(hit);
    }

    /// Handles one key press: prompt editing, counts, multi-key bindings.
    fn key_inner(&mut self, key: KeyEvent) {
        let Some(tok) = keymap::token(&key) else {
            return;
        };
        self.message = None;
        if self.prompt.is_some() {
            self.prompt_key(&tok, &key);
            return;
        }
        if self.help {
            match tok.as_str() {
                "Q" | "<C-c>" => self.quit = true,
                "q" | "<Esc>" | "?" | "<F1>" => self.help = false,
                _ => {}
            }
            return;
        }
        if self.pending.is_empty()
            && let Some(d) = tok.chars().next().and_then(|c| c.to_digit(10))
            && tok.len() == 1
            && (d != 0 || self.count.is_some())
        {
            let c = self
                .count
                .unwrap_or(0)
                .saturating_mul(10)
                .saturating_add(d as usize);
            self.count = Some(c.min(100_000));
            return;
        }
        self.pending.push(tok);
        let [pane, global] = self.focus.tables();
        match keymap::lookup(&[self.opts.keys, pane, global], &self.pending) {
            Lookup::Found(action) => {
                self.pending.clear();
                let n = self.count.take().unwrap_or(1);
                self.update_n(action, n);
            }
            Lookup::Prefix => {}
            Lookup::None => {
                self.pending.clear();
                self.count = None;
            }
        }
    }

    /// Types keys written in help notation (`"3]q/داعش<Enter>"`): tests
    /// and the benchmark drive the reader through the real key handler.
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn feed(&mut self, keys: &str) {
        for tok in keymap::parse_keys(keys) {
            self.key(keymap::event_of(&tok));
        }
    }

    fn prompt_key(&mut self, tok: &str, key: &KeyEvent) {
        let Some(prompt) = self.prompt.as_mut() else {
            return;
        };
        let focus = prompt.focus;
        match tok {
            "<Esc>" => {
                self.prompt = None;
                if focus != Focus::Article {
                    self.pane_mut(focus).filter.clear();
                }
            }
            "<Enter>" => {
                let text = prompt.text.clone();
                self.prompt = None;
                if focus == Focus::Article {
                    self.run_search(&text);
                }
            }
            "<BS>" => {
                prompt.text.pop();
            }
            "<C-c>" => self.quit = true,
            _ => {
                if let ratatui::crossterm::event::KeyCode::Char(c) = key.code
                    && !key
                        .modifiers
                        .contains(ratatui::crossterm::event::KeyModifiers::CONTROL)
                {
                    prompt.text.push(c);
                }
            }
        }
        // Lists filter as you type.
        if let Some(p) = &self.prompt
            && focus != Focus::Article
        {
            let text = p.text.clone();
            let pane = self.pane_mut(focus);
            pane.filter = text;
            pane.selected = 0;
            pane.offset = 0;
        }
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        self.update_n(action, 1);
    }

    /// Applies an action `count` times (as one jump for the return point).
    pub fn update_n(&mut self, action: Action, count: usize) {
        let count = count.max(1);
        match action {
            Action::Resize(w, h) => {
                let off = self.top_offset();
                self.size = (w, h);
                self.sync_width();
                self.top = self.pos_of_offset(off);
                self.clamp_top();
                for f in [Focus::Sections, Focus::Speakers, Focus::Numbers] {
                    self.keep_selection_visible(f);
                }
            }
            Action::FocusNext => {
                for _ in 0..count {
                    self.focus = self.focus.next();
                }
            }
            Action::FocusPrev => {
                for _ in 0..count {
                    self.focus = self.focus.prev();
                }
            }
            Action::Help => self.help = !self.help,
            Action::ToggleHidden => {
                self.opts.show_hidden = !self.opts.show_hidden;
                self.lines.borrow_mut().set_hidden(self.opts.show_hidden);
                self.message = Some(
                    if self.opts.show_hidden {
                        "hidden characters shown"
                    } else {
                        "hidden characters dropped"
                    }
                    .into(),
                );
            }
            Action::ToggleFurniture => {
                let at = self.top_offset();
                self.opts.hide_furniture = !self.opts.hide_furniture;
                self.lines.borrow_mut().set_furniture(!self.opts.hide_furniture);
                self.top = self.pos_of_offset(at);
                let n = self.article.boilerplate.len();
                self.message = Some(if !self.opts.hide_furniture {
                    format!("{n} lines set aside shown (dimmed)")
                } else {
                    format!("{n} lines set aside hidden; F shows them")
                });
            }
            Action::Quit if self.help => self.help = false,
            Action::Quit => self.quit = true,
            Action::QuitNow => {
                self.quit = true;
                self.quit_now = true;
            }
            Action::SetMark(c) => {
                self.marks.insert(c, self.top_offset());
                self.message = Some(format!("mark {c} set"));
            }
            Action::GoMark(c) => match self.marks.get(&c).copied() {
                Some(off) => {
                    self.record_jump();
                    self.scroll_to_top(off);
                    self.message = Some(format!("mark {c}"));
                }
                None => self.message = Some(format!("no mark {c}: m{c} sets it")),
            },
            Action::Clear => self.clear(),
            Action::Return => self.return_point(),
            Action::JumpBack => match self.jumps.pop() {
                Some(off) => self.scroll_to_top(off),
                None => self.message = Some("no earlier position".into()),
            },
            Action::Search => {
                let text = match self.focus {
                    Focus::Article => String::new(),
                    f => self.pane(f).filter.clone(),
                };
                self.prompt = Some(Prompt {
                    focus: self.focus,
                    text,
                });
            }
            Action::SearchNext => self.search_step(true, count),
            Action::SearchPrev => self.search_step(false, count),
            Action::Next(item) => {
                if !self.visual_jump(item, true, count) {
                    self.jump(item, true, count);
                }
            }
            Action::Prev(item) => {
                if !self.visual_jump(item, false, count) {
                    self.jump(item, false, count);
                }
            }
            Action::Select(op) => self.select_op(op),
            Action::Wheel(x, y, down) => self.wheel(x, y, down),
            Action::Click(x, y) => self.click(x, y),
            Action::Activate => self.activate(),
            Action::Expand => self.expand(),
            motion => {
                if self.focus == Focus::Article {
                    if !self.visual_motion(motion, count) {
                        self.scroll(motion, count);
                    }
                } else {
                    self.list_motion(self.focus, motion, count);
                }
            }
        }
    }

    fn clear(&mut self) {
        if self.help {
            self.help = false;
        } else if self.sel.visual.take().is_some() {
            // Esc leaves visual mode first.
        } else if self.focus != Focus::Article && !self.pane(self.focus).filter.is_empty() {
            let pane = self.pane_mut(self.focus);
            pane.filter.clear();
            pane.selected = 0;
            pane.offset = 0;
        } else {
            self.search = None;
            self.current = None;
        }
    }

    // ----- article rows -------------------------------------------------

    fn last_pos(&self) -> Pos {
        let n = self.article.paragraphs.len();
        if n == 0 {
            return Pos::default();
        }
        let h = self.lines.borrow_mut().height(&self.article, n - 1);
        Pos {
            para: n - 1,
            row: h.saturating_sub(1),
        }
    }

    /// The position `k` rows after `pos`, stopping at the last row.
    pub fn forward(&self, mut pos: Pos, mut k: usize) -> Pos {
        let n = self.article.paragraphs.len();
        let mut lines = self.lines.borrow_mut();
        while k > 0 && pos.para < n {
            let h = lines.height(&self.article, pos.para);
            let left = h.saturating_sub(1).saturating_sub(pos.row);
            if k <= left {
                pos.row += k;
                return pos;
            }
            if pos.para + 1 >= n {
                pos.row = h.saturating_sub(1);
                return pos;
            }
            k -= left + 1;
            pos = Pos {
                para: pos.para + 1,
                row: 0,
            };
        }
        pos
    }

    /// The position `k` rows before `pos`, stopping at the first row.
    pub fn backward(&self, mut pos: Pos, mut k: usize) -> Pos {
        let mut lines = self.lines.borrow_mut();
        while k > 0 {
            if k <= pos.row {
                pos.row -= k;
                return pos;
            }
            if pos.para == 0 {
                return Pos::default();
            }
            k -= pos.row + 1;
            let para = pos.para - 1;
            pos = Pos {
                para,
                row: lines.height(&self.article, para).saturating_sub(1),
            };
        }
        pos
    }

    /// The lowest the top may go: the last row at the bottom of the page.
    fn max_top(&self) -> Pos {
        self.backward(self.last_pos(), self.page_height().saturating_sub(1))
    }

    fn clamp_top(&mut self) {
        let max = self.max_top();
        if self.top > max {
            self.top = max;
        }
    }

    /// Rows from `a` down to `b` if `b` is at most `limit` rows after `a`.
    fn rows_between(&self, a: Pos, b: Pos, limit: usize) -> Option<usize> {
        if b < a {
            return None;
        }
        let mut pos = a;
        for k in 0..=limit {
            if pos == b {
                return Some(k);
            }
            let next = self.forward(pos, 1);
            if next == pos {
                return None;
            }
            pos = next;
        }
        None
    }

    /// The article byte offset shown at the start of a row.
    pub fn offset_of_pos(&self, pos: Pos) -> usize {
        let Some(p) = self.article.paragraphs.get(pos.para) else {
            return 0;
        };
        let rows = self.lines.borrow_mut().rows(&self.article, pos.para);
        match rows.get(pos.row).and_then(row_start) {
            Some(off) => p.span.start + off,
            None if pos.row == 0 => p.span.start,
            None => p.span.end,
        }
    }

    /// Article byte offset at the top of the screen.
    pub fn top_offset(&self) -> usize {
        self.offset_of_pos(self.top)
    }

    /// The row showing article byte `offset`.
    pub fn pos_of_offset(&self, offset: usize) -> Pos {
        let paras = &self.article.paragraphs;
        if paras.is_empty() {
            return Pos::default();
        }
        let para = paras
            .partition_point(|p| p.span.start <= offset)
            .saturating_sub(1);
        let span = paras[para].span;
        // A paragraph's end is where its blank separator row starts (what
        // `offset_of_pos` says of that row), so a place saved there comes
        // back to the same row.
        if offset >= span.end && para + 1 < paras.len() {
            let row = self.lines.borrow_mut().count(&self.article, para);
            return Pos { para, row };
        }
        let rel = offset.saturating_sub(span.start);
        let rows = self.lines.borrow_mut().rows(&self.article, para);
        Pos {
            para,
            row: row_of(&rows, rel),
        }
    }

    fn scroll(&mut self, motion: Action, count: usize) {
        let page = self.page_height();
        let half = (page / 2).max(1);
        let page_step = page.saturating_sub(2).max(1);
        self.top = match motion {
            Action::LineDown => self.forward(self.top, count),
            Action::LineUp => self.backward(self.top, count),
            Action::PageDown => self.forward(self.top, page_step.saturating_mul(count)),
            Action::PageUp => self.backward(self.top, page_step.saturating_mul(count)),
            Action::HalfPageDown => self.forward(self.top, half.saturating_mul(count)),
            Action::HalfPageUp => self.backward(self.top, half.saturating_mul(count)),
            Action::Top => Pos::default(),
            Action::Bottom => self.max_top(),
            _ => self.top,
        };
        self.clamp_top();
    }

    /// Moves the screen so the row of `offset` is in view: unchanged if it
    /// already is, else a third of the way down the page.
    fn reveal(&mut self, offset: usize) {
        let pos = self.pos_of_offset(offset);
        let page = self.page_height();
        if self.rows_between(self.top, pos, page.saturating_sub(1)).is_some() {
            return;
        }
        self.top = self.backward(pos, page / 3);
        self.clamp_top();
    }

    /// True when the row of `offset` is on screen.
    fn visible(&self, offset: usize) -> bool {
        let pos = self.pos_of_offset(offset);
        self.rows_between(self.top, pos, self.page_height().saturating_sub(1))
            .is_some()
    }

    fn scroll_to_top(&mut self, offset: usize) {
        self.top = self.pos_of_offset(offset);
        self.clamp_top();
    }

    fn record_jump(&mut self) {
        let off = self.top_offset();
        if self.jumps.last() != Some(&off) {
            self.jumps.push(off);
        }
        if self.jumps.len() > 100 {
            self.jumps.remove(0);
        }
    }

    fn return_point(&mut self) {
        match self.jumps.pop() {
            Some(off) => {
                let here = self.top_offset();
                self.scroll_to_top(off);
                self.jumps.push(here);
            }
            None => self.message = Some("no earlier position".into()),
        }
    }

    /// Section the top of the screen is in.
    pub fn current_section(&self) -> usize {
        self.para_section.get(self.top.para).copied().unwrap_or(0)
    }

    // ----- jumps ----------------------------------------------------------

    fn section_start(&self, s: usize) -> usize {
        let sec = &self.article.sections[s];
        if s == 0 && sec.heading.is_none() {
            // The lead section starts with the article, title included.
            return 0;
        }
        sec.heading
            .or_else(|| sec.paragraphs.first().copied())
            .and_then(|p| self.article.paragraphs.get(p))
            .map_or(0, |p| p.span.start)
    }

    /// Start offsets of the items a jump of `item` moves between, as a
    /// function of the index, and how many there are.
    fn item_start(&self, item: Item, i: usize) -> usize {
        match item {
            Item::Quote | Item::SameSpeaker => self.article.quotes[i].span.start,
            Item::Number => self.article.numbers[i].span.start,
            Item::Section => self.section_start(i),
            Item::Paragraph => self.article.paragraphs[i].span.start,
        }
    }

    fn item_count(&self, item: Item) -> usize {
        match item {
            Item::Quote | Item::SameSpeaker => self.article.quotes.len(),
            Item::Number => self.article.numbers.len(),
            Item::Section => self.article.sections.len(),
            Item::Paragraph => self.article.paragraphs.len(),
        }
    }

    /// The index of the emphasised item of this kind, if it is on screen:
    /// jumps step from it; otherwise they step from the top of the screen.
    fn cursor(&self, item: Item) -> Option<usize> {
        let i = match (item, self.current?) {
            (Item::Quote | Item::SameSpeaker, Target::Quote(i)) => i,
            (Item::Number, Target::Number(i)) => i,
            (Item::Section, Target::Section(i)) => i,
            _ => return None,
        };
        self.visible(self.item_start(item, i)).then_some(i)
    }

    fn speaker_for_same(&self) -> Option<usize> {
        if let Some(Target::Quote(i)) = self.current {
            return self.article.quotes[i].speaker;
        }
        if self.focus == Focus::Speakers
            && let Some(row) = self.rows(Focus::Speakers).get(self.speakers.selected)
        {
            return match *row {
                Row::Speaker(s) | Row::Quote(s, _) => Some(s),
                _ => None,
            };
        }
        let top = self.top_offset();
        self.article
            .quotes
            .iter()
            .find(|q| q.span.start >= top)
            .and_then(|q| q.speaker)
    }

    fn step(&self, item: Item, forward: bool, from: Option<usize>, top: usize) -> Option<usize> {
        let n = self.item_count(item);
        let speaker = match item {
            Item::SameSpeaker => Some(self.speaker_for_same()?),
            _ => None,
        };
        let ok = |i: usize| speaker.is_none() || self.article.quotes[i].speaker == speaker;
        match (from, forward) {
            (Some(i), true) => (i + 1..n).find(|&j| ok(j)),
            (Some(i), false) => (0..i).rev().find(|&j| ok(j)),
            (None, true) => {
                // A section starting at the top of the screen is the one
                // being read, not the next one.
                let from = if item == Item::Section { top + 1 } else { top };
                let first = self.partition(item, n, from);
                (first..n).find(|&j| ok(j))
            }
            (None, false) => {
                let first = self.partition(item, n, top);
                (0..first).rev().find(|&j| ok(j))
            }
        }
    }

    /// First index whose start is at or after `offset` (items are in text order).
    fn partition(&self, item: Item, n: usize, offset: usize) -> usize {
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.item_start(item, mid) < offset {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    fn jump(&mut self, item: Item, forward: bool, count: usize) {
        if item == Item::Paragraph {
            return self.paragraph_step(forward, count);
        }
        let top = self.top_offset();
        let mut at = self.cursor(item);
        let mut moved = false;
        for _ in 0..count {
            match self.step(item, forward, at, top) {
                Some(i) => {
                    at = Some(i);
                    moved = true;
                }
                None => break,
            }
        }
        let (Some(i), true) = (at, moved) else {
            let what = match item {
                Item::Quote => "quote",
                Item::SameSpeaker => "quote by this speaker",
                Item::Number => "number",
                Item::Section => "section",
                Item::Paragraph => "paragraph",
            };
            let dir = if forward { "next" } else { "previous" };
            self.message = Some(format!("no {dir} {what}"));
            return;
        };
        self.go_to(match item {
            Item::Quote | Item::SameSpeaker => Target::Quote(i),
            Item::Number => Target::Number(i),
            _ => Target::Section(i),
        });
    }

    /// Jumps to an item: records the return point, scrolls it into view,
    /// emphasises it and moves the pane selections with it.
    pub fn go_to(&mut self, target: Target) {
        self.record_jump();
        let offset = match target {
            Target::Quote(i) => self.article.quotes[i].span.start,
            Target::Number(i) => self.article.numbers[i].span.start,
            Target::Section(i) => self.section_start(i),
        };
        self.current = Some(target);
        let a = &self.article;
        self.message = Some(match target {
            Target::Quote(i) => {
                let who = a.quotes[i].speaker.map_or("?", |s| a.speakers[s].name.as_str());
                format!("quote {}/{}: {who}", i + 1, a.quotes.len())
            }
            Target::Number(i) => format!("number {}/{}", i + 1, a.numbers.len()),
            Target::Section(i) => format!("section {}/{}", i + 1, a.sections.len()),
        });
        if let Target::Section(_) = target {
            self.scroll_to_top(offset);
        } else {
            self.reveal(offset);
        }
        let want = match target {
            Target::Quote(q) => {
                let s = self.article.quotes[q].speaker;
                (Focus::Speakers, s.map(|s| Row::Quote(s, q)), s.map(Row::Speaker))
            }
            Target::Number(i) => (Focus::Numbers, Some(Row::Number(i)), None),
            Target::Section(i) => (Focus::Sections, Some(Row::Section(i)), None),
        };
        let rows = self.rows(want.0);
        let found = rows
            .iter()
            .position(|r| Some(*r) == want.1)
            .or_else(|| rows.iter().position(|r| Some(*r) == want.2));
        if let Some(row) = found {
            self.pane_mut(want.0).selected = row;
            self.keep_selection_visible(want.0);
        }
    }

    fn paragraph_step(&mut self, forward: bool, count: usize) {
        let n = self.article.paragraphs.len();
        if n == 0 {
            return;
        }
        let mut para = self.top.para;
        for _ in 0..count {
            if forward {
                para = (para + 1).min(n - 1);
            } else if self.top.row > 0 && para == self.top.para {
                // First go back to the start of the paragraph on screen.
            } else {
                para = para.saturating_sub(1);
            }
        }
        self.top = Pos { para, row: 0 };
        self.clamp_top();
    }

    // ----- search -----------------------------------------------------------

    fn run_search(&mut self, query: &str) {
        if fold(query).is_empty() {
            self.search = None;
            return;
        }
        let hits = search::find(&self.article, query);
        if hits.is_empty() {
            self.message = Some(format!("not found: {query}"));
            self.search = Some(SearchState {
                query: query.to_string(),
                hits,
                current: None,
            });
            return;
        }
        let top = self.top_offset();
        let first = hits.partition_point(|h| h.start < top) % hits.len();
        self.search = Some(SearchState {
            query: query.to_string(),
            hits,
            current: None,
        });
        self.move_to_hit(first);
    }

    fn search_step(&mut self, forward: bool, count: usize) {
        let Some(s) = &self.search else {
            self.message = Some("no search yet: / to search".into());
            return;
        };
        let n = s.hits.len();
        if n == 0 {
            self.message = Some(format!("not found: {}", s.query));
            return;
        }
        let top = self.top_offset();
        let base = match s.current {
            Some(i) if self.visible(s.hits[i].start) => i,
            _ => {
                let first = s.hits.partition_point(|h| h.start < top);
                if forward { (first + n - 1) % n } else { first % n }
            }
        };
        let k = count % n;
        let next = if forward {
            (base + k) % n
        } else {
            (base + n - k) % n
        };
        if (forward && next <= base) || (!forward && next >= base) {
            self.message = Some(if forward {
                "search wrapped to the top".into()
            } else {
                "search wrapped to the bottom".into()
            });
        }
        self.move_to_hit(next);
    }

    fn move_to_hit(&mut self, i: usize) {
        let Some(start) = self.search.as_ref().and_then(|s| s.hits.get(i)).map(|h| h.start) else {
            return;
        };
        self.record_jump();
        if let Some(s) = &mut self.search {
            s.current = Some(i);
        }
        self.reveal(start);
    }

    // ----- list panes -------------------------------------------------------

    /// The state of a list pane.
    pub fn pane(&self, focus: Focus) -> &ListPane {
        match focus {
            Focus::Speakers => &self.speakers,
            Focus::Numbers => &self.numbers,
            _ => &self.sections,
        }
    }

    fn pane_mut(&mut self, focus: Focus) -> &mut ListPane {
        match focus {
            Focus::Speakers => &mut self.speakers,
            Focus::Numbers => &mut self.numbers,
            _ => &mut self.sections,
        }
    }

    /// The text a list row is matched against when filtering.
    pub fn row_label(&self, row: Row) -> String {
        let a = &self.article;
        match row {
            Row::Section(s) => a.heading(&a.sections[s]).unwrap_or("(lead)").to_string(),
            Row::Speaker(s) => {
                let sp = &a.speakers[s];
                let mut l = sp.name.clone();
                for alias in &sp.aliases {
                    l.push(' ');
                    l.push_str(alias);
                }
                l
            }
            Row::Quote(_, q) => a.slice(a.quotes[q].span).to_string(),
            Row::Number(i) => {
                let n = &a.numbers[i];
                format!("{} {}", a.slice(n.span), n.unit.as_deref().unwrap_or(""))
            }
        }
    }

    /// The rows a list pane shows, filtered.
    pub fn rows(&self, focus: Focus) -> Vec<Row> {
        let a = &self.article;
        let all: Vec<Row> = match focus {
            Focus::Article => Vec::new(),
            Focus::Sections => (0..a.sections.len()).map(Row::Section).collect(),
            Focus::Numbers => (0..a.numbers.len()).map(Row::Number).collect(),
            Focus::Speakers => {
                let mut rows = Vec::new();
                for s in 0..a.speakers.len() {
                    rows.push(Row::Speaker(s));
                    if self.expanded[s] {
                        rows.extend(self.speaker_quotes[s].iter().map(|&q| Row::Quote(s, q)));
                    }
                }
                rows
            }
        };
        let filter = fold(&self.pane(focus).filter);
        if filter.is_empty() {
            return all;
        }
        all.into_iter()
            .filter(|&r| {
                let r = match r {
                    // A speaker's quotes show with the speaker.
                    Row::Quote(s, _) => Row::Speaker(s),
                    r => r,
                };
                fold(&self.row_label(r)).contains(&filter)
            })
            .collect()
    }

    /// Rows a list pane can show at once.
    pub fn list_height(&self, focus: Focus) -> usize {
        self.areas()
            .map(|a| match focus {
                Focus::Sections => a.sections,
                Focus::Speakers => a.speakers,
                _ => a.numbers,
            })
            .map_or(1, |r| usize::from(r.height.saturating_sub(2)).max(1))
    }

    fn keep_selection_visible(&mut self, focus: Focus) {
        let h = self.list_height(focus);
        let n = self.rows(focus).len();
        let pane = self.pane_mut(focus);
        pane.selected = pane.selected.min(n.saturating_sub(1));
        if pane.selected < pane.offset {
            pane.offset = pane.selected;
        } else if pane.selected >= pane.offset + h {
            pane.offset = pane.selected + 1 - h;
        }
    }

    fn list_motion(&mut self, focus: Focus, motion: Action, count: usize) {
        let n = self.rows(focus).len();
        let page = self.list_height(focus);
        let pane = self.pane_mut(focus);
        let last = n.saturating_sub(1);
        pane.selected = match motion {
            Action::LineDown => pane.selected.saturating_add(count).min(last),
            Action::LineUp => pane.selected.saturating_sub(count),
            Action::PageDown | Action::HalfPageDown => {
                pane.selected.saturating_add(page.saturating_mul(count)).min(last)
            }
            Action::PageUp | Action::HalfPageUp => pane.selected.saturating_sub(page.saturating_mul(count)),
            Action::Top => 0,
            Action::Bottom => last,
            _ => pane.selected,
        };
        self.keep_selection_visible(focus);
    }

    fn activate(&mut self) {
        let Some(&row) = self.rows(self.focus).get(self.pane(self.focus).selected) else {
            return;
        };
        let target = match row {
            Row::Section(s) => Target::Section(s),
            Row::Number(i) => Target::Number(i),
            Row::Quote(_, q) => Target::Quote(q),
            Row::Speaker(s) => match self.speaker_quotes[s].first() {
                Some(&q) => Target::Quote(q),
                None => return,
            },
        };
        let focus = self.focus;
        let selected = self.pane(focus).selected;
        self.go_to(target);
        // Enter on a speaker keeps the speaker row selected.
        if let Row::Speaker(_) = row {
            self.pane_mut(focus).selected = selected;
        }
    }

    fn expand(&mut self) {
        if self.focus != Focus::Speakers {
            return;
        }
        let rows = self.rows(Focus::Speakers);
        let Some(&row) = rows.get(self.speakers.selected) else {
            return;
        };
        let s = match row {
            Row::Speaker(s) | Row::Quote(s, _) => s,
            _ => return,
        };
        self.expanded[s] = !self.expanded[s];
        if let Some(i) = self
            .rows(Focus::Speakers)
            .iter()
            .position(|r| *r == Row::Speaker(s))
        {
            self.speakers.selected = i;
        }
        self.keep_selection_visible(Focus::Speakers);
    }

    /// True for speakers drawn dimmed (not a named person).
    pub fn speaker_dimmed(&self, s: usize) -> bool {
        self.article.speakers[s].kind != SpeakerKind::Person
    }

    // ----- mouse -------------------------------------------------------------

    fn pane_at(&self, x: u16, y: u16) -> Option<(Focus, ratatui::layout::Rect)> {
        let a = self.areas()?;
        let hit = |r: ratatui::layout::Rect| x >= r.x && x < r.right() && y >= r.y && y < r.bottom();
        [
            (Focus::Article, a.article),
            (Focus::Sections, a.sections),
            (Focus::Speakers, a.speakers),
            (Focus::Numbers, a.numbers),
        ]
        .into_iter()
        .find(|(_, r)| r.width > 0 && hit(*r))
    }

    fn wheel(&mut self, x: u16, y: u16, down: bool) {
        let Some((focus, _)) = self.pane_at(x, y) else {
            return;
        };
        let motion = if down { Action::LineDown } else { Action::LineUp };
        if focus == Focus::Article {
            self.scroll(motion, 3);
        } else {
            self.list_motion(focus, motion, 1);
        }
    }

    fn click(&mut self, x: u16, y: u16) {
        let Some((focus, rect)) = self.pane_at(x, y) else {
            return;
        };
        self.focus = focus;
        if focus != Focus::Article && y > rect.y && y + 1 < rect.bottom() {
            let row = self.pane(focus).offset + usize::from(y - rect.y - 1);
            if row < self.rows(focus).len() {
                self.pane_mut(focus).selected = row;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rawi::{Document, NumberKind, NumberMention, analyze};

    pub(crate) fn seed_app(w: u16, h: u16) -> App {
        let text = include_str!("../../seeds/000_9237d8f2f57de89b.txt");
        let article = analyze(Document::from_text("seed", text));
        App::new(article, (w, h), Options::default())
    }

    #[test]
    fn next_quote_three_times_lands_on_the_third_quote() {
        let mut app = seed_app(120, 40);
        app.feed("]q]q]q");
        assert_eq!(app.current, Some(Target::Quote(2)));
        assert_eq!(app.focus, Focus::Article);
    }

    #[test]
    fn a_count_repeats_the_jump_and_records_one_return_point() {
        let mut app = seed_app(120, 40);
        app.feed("3]q");
        assert_eq!(app.current, Some(Target::Quote(2)));
        app.feed("[q");
        assert_eq!(app.current, Some(Target::Quote(1)));
        app.feed("G");
        assert_ne!(app.top, Pos::default());
        app.feed("''");
        assert_eq!(app.top_offset(), 0, "'' goes back to where the jumps started");
    }

    #[test]
    fn a_jump_moves_the_speakers_selection() {
        let mut app = seed_app(120, 40);
        let last_speaker = app.article.speakers.len() - 1;
        let q = app.speaker_quotes[last_speaker][0];
        for _ in 0..=q {
            app.feed("]q");
        }
        assert_eq!(app.current, Some(Target::Quote(q)));
        let rows = app.rows(Focus::Speakers);
        assert_eq!(rows[app.speakers.selected], Row::Speaker(last_speaker));
    }

    #[test]
    fn same_speaker_jumps_skip_other_speakers() {
        let mut app = seed_app(120, 40);
        // الكاظمي's quotes come first; the quotes by بدر الزيادي are apart.
        let s = app
            .article
            .speakers
            .iter()
            .position(|s| s.name.contains("الزيادي"))
            .unwrap();
        let qs = app.speaker_quotes[s].clone();
        assert!(qs.len() >= 2);
        app.go_to(Target::Quote(qs[0]));
        app.feed("]s");
        assert_eq!(app.current, Some(Target::Quote(qs[1])));
        app.feed("[s");
        assert_eq!(app.current, Some(Target::Quote(qs[0])));
    }

    #[test]
    fn section_jumps_put_the_heading_on_top_and_follow_the_toc() {
        let mut app = seed_app(60, 20);
        app.feed("]]");
        assert_eq!(app.current, Some(Target::Section(1)));
        assert_eq!(app.sections.selected, 1);
        assert_eq!(app.current_section(), 1);
        let heading = app.article.sections[1].heading.unwrap();
        assert_eq!(app.top.para, heading);
    }

    #[test]
    fn search_ignores_tatweel_and_counts_hits() {
        let mut app = seed_app(120, 40);
        app.feed("/داعش<Enter>");
        let s = app.search.as_ref().unwrap();
        assert_eq!(s.hits.len(), 2, "داعش and داعـش");
        assert_eq!(s.current, Some(0));
        app.feed("n");
        assert_eq!(app.search.as_ref().unwrap().current, Some(1));
        app.feed("n");
        assert_eq!(app.search.as_ref().unwrap().current, Some(0));
        assert!(app.message.as_deref().unwrap().contains("wrapped"));
        app.feed("<Esc>");
        assert!(app.search.is_none());
    }

    #[test]
    fn paging_stops_at_the_end_and_the_top() {
        let mut app = seed_app(60, 20);
        app.feed("<Space><Space><Space><Space><Space><Space><Space><Space><Space><Space>");
        let end = app.top;
        app.feed("<Space>j");
        assert_eq!(app.top, end);
        app.feed("G");
        assert_eq!(app.top, end);
        app.feed("bbbbbbbbbbbbbbbbbbbbbbbbb");
        assert_eq!(app.top, Pos::default());
    }

    #[test]
    fn panes_take_focus_filter_and_jump() {
        let mut app = seed_app(120, 40);
        app.feed("<Tab><Tab>");
        assert_eq!(app.focus, Focus::Speakers);
        app.feed("/حسين");
        assert_eq!(app.prompt.as_ref().unwrap().text, "حسين");
        assert_eq!(app.rows(Focus::Speakers).len(), 1);
        app.feed("<Enter><Enter>");
        let Some(Target::Quote(q)) = app.current else {
            panic!("Enter jumps to the speaker's first quote")
        };
        let s = app.article.quotes[q].speaker.unwrap();
        assert!(app.article.speakers[s].name.contains("حسين"));
        app.feed("<Esc>");
        assert!(app.speakers.filter.is_empty());
        app.feed("o");
        assert!(app.expanded[0]);
        app.feed("j<Enter>");
        assert_eq!(app.current, Some(Target::Quote(app.speaker_quotes[0][0])));
        app.feed("<S-Tab><S-Tab>");
        assert_eq!(app.focus, Focus::Article);
    }

    #[test]
    fn resizing_keeps_the_text_on_top() {
        let mut app = seed_app(120, 40);
        app.feed("]]");
        let off = app.top_offset();
        app.update(Action::Resize(60, 20));
        let after = app.top_offset();
        assert!(after <= off && off - after < 200, "{after} vs {off}");
        app.update(Action::Resize(20, 5));
        app.feed("jjkG]q");
        app.update(Action::Resize(0, 0));
        app.feed("jjkG]q<Tab>j");
    }

    #[test]
    fn help_and_quit() {
        let mut app = seed_app(120, 40);
        app.feed("?");
        assert!(app.help);
        app.feed("q");
        assert!(!app.help && !app.quit);
        app.feed("q");
        assert!(app.quit);
        let mut app = seed_app(120, 40);
        app.feed("Q");
        assert!(app.quit);
    }

    #[test]
    fn u_shows_hidden_characters_as_placeholders_and_back() {
        let article = analyze(Document::from_text(
            "evil",
            "T\n\nplain \u{202e}txet\u{1b}[2J end\n",
        ));
        let mut app = App::new(article, (80, 24), Options::default());
        let text = |app: &App| -> String {
            let rows = app.lines.borrow_mut().rows(&app.article, 1);
            rows.iter()
                .flat_map(|r| r.cells.iter().map(|c| c.text.clone()))
                .collect()
        };
        let dropped = text(&app);
        assert!(
            !dropped.contains("U+202E") && !dropped.contains('\u{202e}'),
            "{dropped}"
        );
        app.feed("U");
        let shown = text(&app);
        assert!(shown.contains("U+202E") && shown.contains("^["), "{shown}");
        assert!(
            !shown.chars().any(|c| c.is_control() || c == '\u{202e}'),
            "placeholders only"
        );
        app.feed("U");
        assert_eq!(text(&app), dropped);
    }

    #[test]
    fn an_empty_article_takes_every_key() {
        let article = analyze(Document::from_text("empty", ""));
        let mut app = App::new(article, (80, 24), Options::default());
        app.feed("jk<Space>bGg]q[q]n]]]s{}''<C-o>/x<Enter>nN<Tab>j<Enter>o<Tab>j<Enter>");
        assert!(!app.quit);
    }

    /// The seed with numbers filled in by hand (the number extractor is
    /// not part of this branch's base): every `60` a percent, `120` a count.
    fn seed_with_numbers() -> App {
        let mut app = seed_app(120, 40);
        let a = &mut app.article;
        let mut numbers = Vec::new();
        for (needle, kind, value) in [
            ("60", NumberKind::Percent, 60.0),
            ("120", NumberKind::Cardinal, 120.0),
        ] {
            for (at, _) in a.text.match_indices(needle) {
                let paragraph = a
                    .paragraphs
                    .iter()
                    .position(|p| p.span.start <= at && at < p.span.end);
                if let Some(paragraph) = paragraph {
                    numbers.push(NumberMention {
                        span: Span::new(at, at + needle.len()),
                        value,
                        kind,
                        unit: None,
                        approximate: false,
                        paragraph,
                    });
                }
            }
        }
        numbers.sort_by_key(|n| n.span.start);
        a.numbers = numbers;
        app
    }

    #[test]
    fn number_jumps_move_the_numbers_pane() {
        let mut app = seed_with_numbers();
        let n = app.article.numbers.len();
        assert!(n >= 4);
        app.feed("]n");
        assert_eq!(app.current, Some(Target::Number(0)));
        app.feed("2]n");
        assert_eq!(app.current, Some(Target::Number(2)));
        assert_eq!(app.numbers.selected, 2);
        app.feed("G99]n");
        assert_eq!(
            app.current,
            Some(Target::Number(n - 1)),
            "a count stops at the last one"
        );
        app.feed("]n");
        assert!(app.message.as_deref().unwrap().starts_with("no next number"));
        let last = &app.article.numbers[n - 1];
        assert_eq!(crate::tui::panes::value_as_read(last), "120");
        assert!(crate::tui::panes::sentence(&app.article, last).contains("كهفاً"));
        assert_eq!(crate::tui::panes::value_as_read(&app.article.numbers[0]), "60%");
    }

    #[test]
    fn the_mouse_focuses_selects_and_scrolls() {
        let mut app = seed_app(120, 40);
        let a = app.areas().unwrap();
        app.update(Action::Click(a.sections.x + 3, a.sections.y + 3));
        assert_eq!(app.focus, Focus::Sections);
        assert_eq!(app.sections.selected, 2);
        app.update(Action::Wheel(a.article.x + 5, a.article.y + 5, true));
        assert_eq!(app.top, app.forward(Pos::default(), 3));
        app.update(Action::Click(a.article.x + 5, a.article.y + 5));
        assert_eq!(app.focus, Focus::Article);
    }
}
