//! The screens around the reader: the library list, the speaker index,
//! and the reader itself, with what moves between them (`Enter` opens,
//! `Esc`/`Backspace`/`q` come back, `J`/`K` go to the next/previous
//! article) and the reading memory (the place in each article is saved
//! when it is left and restored when it is opened again).
//!
//! Same shape as the reader: a key becomes a [`LibAction`] through the
//! tables below (or an [`super::app::Action`] through the reader's own
//! keymap when the reader is open), [`Shell::key`] changes the state, and
//! [`render`] draws it. Loading happens in the [`Catalog`]'s threads; the
//! terminal loop calls [`Shell::tick`] between frames to take their work.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::Style;
use rawi::Article;
use rawi::library::content_hash;
use rawi::state::State;

use super::app::{Action, App, Focus, Options, Target};
use super::catalog::Catalog;
use super::keymap;
use super::library::{self, ArticlesView};
use super::settings::ShellKey;
use super::speakers_index::{self, SpeakersView};
use super::theme::Theme;
use super::view::{self, MIN_SIZE};

/// What the library screens can be asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LibAction {
    /// Next row.
    Down,
    /// Previous row.
    Up,
    /// A page down.
    PageDown,
    /// A page up.
    PageUp,
    /// First row.
    Top,
    /// Last row.
    Bottom,
    /// Open the article (or, on a speaker, go to their quotes).
    Open,
    /// Filter the list as you type.
    Filter,
    /// Next sort key.
    Sort,
    /// Reverse the sort.
    SortReverse,
    /// Library ↔ speaker index.
    Switch,
    /// Speakers ↔ their quotes (speaker index).
    FocusOther,
    /// Show the inputs that could not be read.
    Errors,
    /// Help overlay.
    Help,
    /// Clear the filter, close what is open.
    Clear,
    /// Back one level; quit from the library.
    Back,
    /// Quit at once.
    QuitNow,
    /// In the reader: the next article of the list it was opened from.
    NextArticle,
    /// In the reader: the previous one.
    PrevArticle,
}

/// One binding of the library screens.
#[derive(Debug, Clone, Copy)]
pub struct LibBinding {
    /// Key tokens (reader notation).
    pub keys: &'static [&'static str],
    /// The action.
    pub action: LibAction,
    /// What help says.
    pub help: &'static str,
}

const fn k(keys: &'static [&'static str], action: LibAction, help: &'static str) -> LibBinding {
    LibBinding { keys, action, help }
}

/// Motions shared by both library screens.
const MOTIONS: [LibBinding; 14] = [
    k(&["j"], LibAction::Down, "next row"),
    k(&["<Down>"], LibAction::Down, "next row"),
    k(&["k"], LibAction::Up, "previous row"),
    k(&["<Up>"], LibAction::Up, "previous row"),
    k(&["<PgDn>"], LibAction::PageDown, "page down"),
    k(&["<Space>"], LibAction::PageDown, "page down"),
    k(&["f"], LibAction::PageDown, "page down"),
    k(&["<PgUp>"], LibAction::PageUp, "page up"),
    k(&["b"], LibAction::PageUp, "page up"),
    k(&["g"], LibAction::Top, "first row"),
    k(&["<Home>"], LibAction::Top, "first row"),
    k(&["G"], LibAction::Bottom, "last row"),
    k(&["<End>"], LibAction::Bottom, "last row"),
    k(&["?"], LibAction::Help, "help"),
];

/// Keys of the article list.
pub const ARTICLES: &[LibBinding] = &[
    k(&["<Enter>"], LibAction::Open, "open the article"),
    k(&["l"], LibAction::Open, "open the article"),
    k(
        &["/"],
        LibAction::Filter,
        "filter titles as you type (Arabic folded)",
    ),
    k(
        &["s"],
        LibAction::Sort,
        "sort by the next key (title, date, counts…)",
    ),
    k(&["S"], LibAction::SortReverse, "reverse the sort"),
    k(&["<Tab>"], LibAction::Switch, "speaker index"),
    k(&["i"], LibAction::Switch, "speaker index"),
    k(&["e"], LibAction::Errors, "inputs that could not be read"),
    k(&["<F1>"], LibAction::Help, "help"),
    k(&["<Esc>"], LibAction::Clear, "clear the filter"),
    k(&["q"], LibAction::Back, "quit"),
    k(&["Q"], LibAction::QuitNow, "quit at once"),
    k(&["<C-c>"], LibAction::QuitNow, "quit at once"),
];

/// Keys of the speaker index.
pub const SPEAKERS: &[LibBinding] = &[
    k(
        &["<Enter>"],
        LibAction::Open,
        "speaker: show their quotes; quote: open the article at it",
    ),
    k(
        &["l"],
        LibAction::Open,
        "speaker: show their quotes; quote: open it",
    ),
    k(&["<Tab>"], LibAction::FocusOther, "speakers ↔ quotes"),
    k(&["<S-Tab>"], LibAction::FocusOther, "speakers ↔ quotes"),
    k(&["/"], LibAction::Filter, "filter speakers by name or alias"),
    k(&["s"], LibAction::Sort, "sort by quotes, articles, name"),
    k(&["i"], LibAction::Switch, "back to the article list"),
    k(&["e"], LibAction::Errors, "inputs that could not be read"),
    k(&["<F1>"], LibAction::Help, "help"),
    k(
        &["<Esc>"],
        LibAction::Clear,
        "clear filter / back to the speakers",
    ),
    k(&["<BS>"], LibAction::Back, "back to the article list"),
    k(&["q"], LibAction::Back, "back to the article list"),
    k(&["Q"], LibAction::QuitNow, "quit at once"),
    k(&["<C-c>"], LibAction::QuitNow, "quit at once"),
];

/// Keys the library adds to the reader (when it was opened from a list).
pub const READER: &[LibBinding] = &[
    k(
        &["J"],
        LibAction::NextArticle,
        "next article (or next quote of the speaker)",
    ),
    k(
        &["K"],
        LibAction::PrevArticle,
        "previous article (or quote of the speaker)",
    ),
    k(
        &["<Esc>"],
        LibAction::Back,
        "back to the list (once search, highlight and filter are cleared)",
    ),
    k(&["<BS>"], LibAction::Back, "back to the list"),
    k(&["q"], LibAction::Back, "back to the list"),
];

/// Which screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The article list.
    Articles,
    /// The speaker index.
    Speakers,
    /// An article in the reader.
    Reader,
}

/// Where to open an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    /// Where it was left last time (or the top).
    Saved,
    /// Paragraph `n` (0-based).
    Paragraph(usize),
    /// Section `n` (0-based).
    Section(usize),
    /// Quote `n` (0-based).
    Quote(usize),
    /// The quote starting at this byte offset (the speaker index).
    QuoteOffset(usize),
}

/// Goes to `at` in a reader just opened.
fn go(app: &mut App, at: At) {
    let missing = |what: &str, n: usize| format!("no {what} {}: opened where you left it", n + 1);
    match at {
        At::Saved => {}
        At::Paragraph(n) => {
            if !app.open_paragraph(n) {
                app.message = Some(missing("paragraph", n));
            }
        }
        At::Section(n) => {
            if n < app.article.sections.len() {
                app.go_to(Target::Section(n));
            } else {
                app.message = Some(missing("section", n));
            }
        }
        At::Quote(n) => {
            if n < app.article.quotes.len() {
                app.go_to(Target::Quote(n));
            } else {
                app.message = Some(missing("quote", n));
            }
        }
        At::QuoteOffset(off) => {
            app.open_quote_at(off);
        }
    }
}

/// The open article.
#[derive(Debug)]
pub struct Open {
    /// The reader.
    pub app: App,
    /// Its entry in the catalog (`None`: opened on its own).
    pub entry: Option<usize>,
    /// Content hash, the key of its reading memory.
    pub hash: u64,
}

/// Where the open article is, as its reading memory keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenPlace {
    /// Content hash of the article.
    pub hash: u64,
    /// Paragraph at the top of the screen.
    pub paragraph: usize,
    /// Byte offset at the top of the screen.
    pub offset: usize,
    /// Its marks.
    pub marks: BTreeMap<char, usize>,
}

impl OpenPlace {
    /// Puts this place in `state`.
    pub fn remember_in(&self, state: &mut State) {
        state.remember_at(self.hash, self.paragraph, self.offset, &self.marks);
    }
}

/// Everything on screen and between screens.
#[derive(Debug)]
pub struct Shell {
    /// The library's articles.
    pub catalog: Catalog,
    /// The article list.
    pub articles: ArticlesView,
    /// The speaker index.
    pub speakers: SpeakersView,
    /// The open article.
    pub reader: Option<Open>,
    /// The screen showing.
    pub screen: Screen,
    /// The screen the reader goes back to.
    pub from: Screen,
    /// Opened straight into one article: leaving it quits.
    pub single: bool,
    /// Reader options.
    pub opts: Options,
    /// Library key bindings from the configuration.
    pub shell_keys: Vec<ShellKey>,
    /// Reading memory.
    pub state: State,
    /// Where it is saved (`None`: nowhere, e.g. no HOME).
    pub state_path: Option<PathBuf>,
    /// Why the last save of the reading memory failed (cleared by one that
    /// succeeds). The status line says it while rawi runs; the save on the
    /// way out has no status line left, so the terminal loop prints this on
    /// stderr once the terminal is restored.
    pub save_error: Option<String>,
    /// Terminal size.
    pub size: (u16, u16),
    /// Status-line message (cleared by the next key).
    pub message: Option<String>,
    /// The filter prompt of the list screen is open.
    pub prompt: bool,
    /// Help overlay.
    pub help: bool,
    /// Errors overlay.
    pub show_errors: bool,
    /// Set when rawi should end.
    pub quit: bool,
    pending: Vec<String>,
    /// The whole analysis of the open article, coming from a thread while
    /// the reader shows its outline, and where to go once it is there.
    analysis: Option<(Receiver<Article>, At)>,
}

impl Shell {
    /// A shell on a library, showing the list.
    pub fn library(catalog: Catalog, opts: Options, size: (u16, u16)) -> Self {
        let mut s = Self {
            catalog,
            articles: ArticlesView::default(),
            speakers: SpeakersView::default(),
            reader: None,
            screen: Screen::Articles,
            from: Screen::Articles,
            single: false,
            opts,
            shell_keys: Vec::new(),
            state: State::default(),
            state_path: None,
            save_error: None,
            size,
            message: None,
            prompt: false,
            help: false,
            show_errors: false,
            quit: false,
            pending: Vec::new(),
            analysis: None,
        };
        s.refresh();
        s
    }

    /// A shell opened straight into one article.
    pub fn single(article: Article, opts: Options, size: (u16, u16), state: State, at: At) -> Self {
        let mut s = Self::library(Catalog::start(Vec::new(), 1), opts, size);
        s.single = true;
        s.state = state;
        s.show(article, None, at);
        s
    }

    /// A shell opened straight into one huge article, shown from its
    /// outline (paragraphs and sections, a tenth of the analysis) while a
    /// thread finds its speakers, quotes and numbers: the first frame does
    /// not wait for the whole analysis. Going to a quote waits for it.
    pub fn single_outline(outline: Article, opts: Options, size: (u16, u16), state: State, at: At) -> Self {
        let (tx, rx) = std::sync::mpsc::channel();
        let copy = outline.clone();
        std::thread::spawn(move || {
            let _ = tx.send(rawi::extract::complete(copy));
        });
        let now = match at {
            At::Quote(_) | At::QuoteOffset(_) => At::Saved,
            at => at,
        };
        let mut s = Self::single(outline, opts, size, state, now);
        s.analysis = Some((rx, at));
        s.say("finding speakers, quotes and numbers…".into());
        s
    }

    /// True while the open article's analysis is still running.
    pub fn analysing(&self) -> bool {
        self.analysis.is_some()
    }

    /// Takes the open article's analysis when its thread has sent it.
    fn take_analysis(&mut self) -> bool {
        let Some((rx, at)) = &self.analysis else {
            return false;
        };
        let at = *at;
        let full = match rx.try_recv() {
            Ok(full) => full,
            Err(TryRecvError::Empty) => return false,
            Err(TryRecvError::Disconnected) => {
                self.analysis = None;
                self.say("the analysis stopped: no speakers, quotes or numbers".into());
                return true;
            }
        };
        self.analysis = None;
        if let Some(o) = &mut self.reader {
            o.app.complete(full);
            if o.app.message.as_deref() == Some("finding speakers, quotes and numbers…") {
                o.app.message = None;
            }
            go(&mut o.app, at);
        }
        true
    }

    /// Loads the reading memory from `path` (and saves there).
    pub fn with_state(mut self, path: Option<PathBuf>) -> Self {
        if let Some(p) = &path {
            let (state, said) = State::load_reporting(p);
            self.state = state;
            if let Some(m) = said {
                self.say(m);
            }
        }
        self.state_path = path;
        self
    }

    /// Shows a message in the status line of whatever screen is up.
    pub fn say(&mut self, msg: String) {
        match &mut self.reader {
            Some(o) if self.screen == Screen::Reader => o.app.message = Some(msg),
            _ => self.message = Some(msg),
        }
    }

    fn main_area(&self) -> Rect {
        Rect::new(0, 0, self.size.0, self.size.1.saturating_sub(1))
    }

    fn list_height(&self) -> usize {
        match self.screen {
            Screen::Speakers => speakers_index::list_height(self.main_area()),
            _ => library::list_height(self.main_area()),
        }
    }

    fn refresh(&mut self) {
        let h = library::list_height(self.main_area());
        self.articles.refresh(&self.catalog, &self.state, h);
        if self.screen == Screen::Speakers || self.from == Screen::Speakers {
            self.speakers
                .refresh(&self.catalog, speakers_index::list_height(self.main_area()));
        }
    }

    /// Takes the background threads' work (at most a few milliseconds);
    /// true when the screen should be drawn again.
    pub fn tick(&mut self) -> bool {
        let analysed = self.take_analysis();
        let changed = self.catalog.pump(Duration::from_millis(15));
        if changed {
            self.refresh();
        }
        changed || analysed
    }

    /// The terminal has a new size.
    pub fn resize(&mut self, w: u16, h: u16) {
        self.size = (w, h);
        if let Some(o) = &mut self.reader {
            o.app.update(Action::Resize(w, h));
        }
        let hh = self.list_height();
        self.articles.keep_visible(library::list_height(self.main_area()));
        self.speakers.move_by(&self.catalog, 0, hh);
    }

    /// Mouse wheel and clicks: to the reader, or the wheel moves the list.
    pub fn mouse(&mut self, action: Action) {
        if self.screen == Screen::Reader {
            if let Some(o) = &mut self.reader {
                o.app.update(action);
            }
            return;
        }
        if let Action::Wheel(_, _, down) = action {
            self.lib_action(if down { LibAction::Down } else { LibAction::Up });
        }
    }

    /// Types keys in help notation (tests).
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn feed(&mut self, keys: &str) {
        for tok in keymap::parse_keys(keys) {
            self.key(keymap::event_of(&tok));
        }
    }

    /// Handles one key press.
    pub fn key(&mut self, key: KeyEvent) {
        let Some(tok) = keymap::token(&key) else {
            return;
        };
        if self.screen == Screen::Reader {
            self.reader_key(&tok, key);
            return;
        }
        self.message = None;
        if self.prompt {
            self.prompt_key(&tok, key);
            return;
        }
        if self.help || self.show_errors {
            match tok.as_str() {
                "Q" | "<C-c>" => self.quit = true,
                "q" | "<Esc>" | "?" | "<F1>" | "e" | "<BS>" => {
                    self.help = false;
                    self.show_errors = false;
                }
                _ => {}
            }
            return;
        }
        self.pending.push(tok);
        let table = if self.screen == Screen::Speakers {
            SPEAKERS
        } else {
            ARTICLES
        };
        match self.lookup(table) {
            Some(Ok(action)) => {
                self.pending.clear();
                self.lib_action(action);
            }
            Some(Err(())) => {}
            None => self.pending.clear(),
        }
    }

    /// The pending keys against the configured keys, then `table` and the
    /// motions: an action, `Err` for "a prefix, wait", `None` for nothing.
    fn lookup(&self, table: &[LibBinding]) -> Option<Result<LibAction, ()>> {
        let p = &self.pending;
        let mut prefix = false;
        for sk in &self.shell_keys {
            if sk.keys == *p {
                return Some(Ok(sk.action));
            }
            prefix |= sk.keys.len() > p.len() && sk.keys[..p.len()] == p[..];
        }
        for b in table.iter().chain(MOTIONS.iter()) {
            if b.keys.len() == p.len() && b.keys.iter().zip(p).all(|(k, t)| *k == t) {
                return Some(Ok(b.action));
            }
            prefix |= b.keys.len() > p.len() && b.keys.iter().zip(p).all(|(k, t)| *k == t);
        }
        if prefix { Some(Err(())) } else { None }
    }

    fn prompt_key(&mut self, tok: &str, key: KeyEvent) {
        let filter = match self.screen {
            Screen::Speakers => &mut self.speakers.filter,
            _ => &mut self.articles.filter,
        };
        match tok {
            "<Enter>" => self.prompt = false,
            "<Esc>" => {
                self.prompt = false;
                filter.clear();
            }
            "<BS>" => {
                filter.pop();
            }
            "<C-c>" => self.quit = true,
            _ => {
                if let KeyCode::Char(c) = key.code
                    && !key.modifiers.contains(KeyModifiers::CONTROL)
                {
                    filter.push(c);
                }
            }
        }
        self.filter_changed();
    }

    fn filter_changed(&mut self) {
        match self.screen {
            Screen::Speakers => {
                self.speakers.invalidate();
                self.speakers.selected = 0;
                self.speakers.offset = 0;
                self.speakers.quotes_focus = false;
            }
            _ => {
                self.articles.invalidate();
                self.articles.selected = 0;
                self.articles.offset = 0;
            }
        }
        self.refresh();
    }

    fn reader_key(&mut self, tok: &str, key: KeyEvent) {
        let Some(open) = &mut self.reader else {
            self.screen = self.from;
            return;
        };
        let app = &mut open.app;
        // An export or pipe prompt takes every key (a file name may hold `J`).
        let idle =
            app.prompt.is_none() && app.sel.dialog.is_none() && !app.help && app.pending_keys().is_empty();
        if idle && !self.single {
            let configured = self
                .shell_keys
                .iter()
                .find(|sk| sk.keys.len() == 1 && sk.keys[0] == tok)
                .map(|sk| sk.action);
            let action = configured.or_else(|| {
                READER
                    .iter()
                    .find(|b| b.keys.len() == 1 && b.keys[0] == tok)
                    .map(|b| b.action)
            });
            // Esc clears first (search, highlight, a pane's filter); only an
            // Esc with nothing left to clear goes back.
            let clear_first = matches!(tok, "<Esc>" | "<BS>")
                && (app.search.is_some()
                    || app.sel.visual.is_some()
                    || app.current.is_some()
                    || (app.focus != Focus::Article && !app.pane(app.focus).filter.is_empty()));
            match action {
                Some(LibAction::Back) if !clear_first => return self.close_reader(),
                Some(LibAction::NextArticle) => return self.step_article(true),
                Some(LibAction::PrevArticle) => return self.step_article(false),
                _ => {}
            }
        }
        app.key(key);
        if app.quit {
            if app.quit_now || self.single {
                self.close_reader();
                self.quit = true;
            } else {
                self.close_reader();
            }
        }
    }

    fn lib_action(&mut self, action: LibAction) {
        let h = self.list_height();
        let page = h.max(1) as isize;
        let motion = match action {
            LibAction::Down => Some(1),
            LibAction::Up => Some(-1),
            LibAction::PageDown => Some(page),
            LibAction::PageUp => Some(-page),
            LibAction::Top => Some(isize::MIN / 2),
            LibAction::Bottom => Some(isize::MAX / 2),
            _ => None,
        };
        if let Some(d) = motion {
            match self.screen {
                Screen::Speakers => self.speakers.move_by(&self.catalog, d, h),
                _ => self.articles.move_by(d, h),
            }
            return;
        }
        match action {
            LibAction::Open => self.open_selected(),
            LibAction::Filter => self.prompt = true,
            LibAction::Sort | LibAction::SortReverse => {
                match (self.screen, action) {
                    (Screen::Speakers, _) => {
                        self.speakers.sort = self.speakers.sort.next();
                        self.speakers.invalidate();
                    }
                    (_, LibAction::Sort) => {
                        self.articles.sort = self.articles.sort.next();
                        self.articles.invalidate();
                    }
                    _ => {
                        self.articles.reverse = !self.articles.reverse;
                        self.articles.invalidate();
                    }
                }
                self.refresh();
            }
            LibAction::Switch => {
                self.screen = match self.screen {
                    Screen::Articles => Screen::Speakers,
                    _ => Screen::Articles,
                };
                self.refresh();
            }
            LibAction::FocusOther if self.screen == Screen::Speakers => {
                self.speakers.quotes_focus = !self.speakers.quotes_focus && !self.speakers.quotes.is_empty();
            }
            LibAction::Errors => {
                self.show_errors = true;
            }
            LibAction::Help => self.help = true,
            LibAction::Clear => match self.screen {
                Screen::Speakers if self.speakers.quotes_focus => self.speakers.quotes_focus = false,
                Screen::Speakers if !self.speakers.filter.is_empty() => {
                    self.speakers.filter.clear();
                    self.filter_changed();
                }
                Screen::Articles if !self.articles.filter.is_empty() => {
                    self.articles.filter.clear();
                    self.filter_changed();
                }
                _ => {}
            },
            LibAction::Back => match self.screen {
                Screen::Speakers => self.screen = Screen::Articles,
                _ => self.quit = true,
            },
            LibAction::QuitNow => self.quit = true,
            _ => {}
        }
    }

    fn open_selected(&mut self) {
        match self.screen {
            Screen::Articles => {
                if let Some(e) = self.articles.current() {
                    self.from = Screen::Articles;
                    self.open_entry(e, At::Saved);
                }
            }
            Screen::Speakers => {
                if !self.speakers.quotes_focus {
                    self.speakers.quotes_focus = !self.speakers.quotes.is_empty();
                } else if let Some((e, off)) = self.speakers.current_quote() {
                    self.from = Screen::Speakers;
                    self.open_entry(e, At::QuoteOffset(off));
                }
            }
            Screen::Reader => {}
        }
    }

    /// Opens entry `e` of the catalog in the reader.
    pub fn open_entry(&mut self, e: usize, at: At) {
        match self.catalog.article(e) {
            Ok(article) => self.show(article, Some(e), at),
            Err(why) => self.message = Some(why),
        }
    }

    /// Shows `article` in the reader at `at`.
    pub fn show(&mut self, article: Article, entry: Option<usize>, at: At) {
        let hash = content_hash(article.text.as_bytes());
        let mut app = App::new(article, self.size, self.opts);
        if let Some(place) = self.state.place(hash) {
            app.restore(place.offset, place.marks.clone());
        }
        go(&mut app, at);
        if let Some(m) = self.message.take() {
            app.message.get_or_insert(m);
        }
        self.reader = Some(Open { app, entry, hash });
        self.screen = Screen::Reader;
    }

    /// The place of the open article, if one is open.
    pub fn open_place(&self) -> Option<OpenPlace> {
        self.reader.as_ref().map(|o| OpenPlace {
            hash: o.hash,
            paragraph: o.app.top.para,
            offset: o.app.top_offset(),
            marks: o.app.marks.clone(),
        })
    }

    /// Saves the open article's place and closes it.
    pub fn close_reader(&mut self) {
        if let Some(place) = self.open_place() {
            self.reader = None;
            place.remember_in(&mut self.state);
            self.save_state();
        }
        self.screen = self.from;
        if self.articles.sort == library::SortKey::Progress {
            self.articles.invalidate();
        }
        self.refresh();
    }

    fn save_state(&mut self) {
        let Some(p) = &self.state_path else { return };
        self.save_error = self
            .state
            .save(p)
            .err()
            .map(|e| format!("could not save reading positions to {}: {e}", p.display()));
        if let Some(e) = &self.save_error {
            self.message = Some(e.clone());
        }
    }

    /// `J`/`K` in the reader: the next/previous article of the list the
    /// article was opened from, or the next/previous quote of the speaker.
    fn step_article(&mut self, forward: bool) {
        let h = self.list_height();
        match self.from {
            Screen::Speakers => {
                if !self
                    .speakers
                    .step_quote(forward, speakers_index::list_height(self.main_area()))
                {
                    return self.say(format!(
                        "no {} quote of this speaker",
                        if forward { "next" } else { "previous" }
                    ));
                }
                let Some((e, off)) = self.speakers.current_quote() else {
                    return;
                };
                let same = self.reader.as_ref().and_then(|o| o.entry) == Some(e);
                if same {
                    if let Some(o) = &mut self.reader {
                        o.app.open_quote_at(off);
                    }
                } else {
                    self.close_reader();
                    self.open_entry(e, At::QuoteOffset(off));
                }
            }
            _ => {
                let before = self.articles.selected;
                self.articles.move_by(if forward { 1 } else { -1 }, h);
                if self.articles.selected == before {
                    return self.say(format!(
                        "no {} article",
                        if forward { "next" } else { "previous" }
                    ));
                }
                let Some(e) = self.articles.current() else {
                    return;
                };
                self.close_reader();
                self.open_entry(e, At::Saved);
            }
        }
        if let Some(o) = &mut self.reader
            && o.app.message.is_none()
        {
            let n = self.articles.rows.len();
            o.app.message = Some(format!(
                "article {}/{n}: {}",
                self.articles.selected + 1,
                o.app.article.title().chars().take(60).collect::<String>()
            ));
        }
    }

    /// Saves the place of the open article (on quit or a signal).
    pub fn finish(&mut self) {
        if self.reader.is_some() {
            let from = self.from;
            self.close_reader();
            self.from = from;
        }
    }
}

/// Draws the shell.
pub fn render(shell: &Shell, frame: &mut Frame) {
    let area = frame.area();
    draw(shell, area, frame.buffer_mut());
}

/// Draws the shell into `buf`.
pub fn draw(shell: &Shell, area: Rect, buf: &mut Buffer) {
    if shell.screen == Screen::Reader
        && let Some(o) = &shell.reader
    {
        view::draw(&o.app, area, buf);
        return;
    }
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        let lines = [
            "Terminal too small".to_string(),
            format!("need {}x{}", MIN_SIZE.0, MIN_SIZE.1),
        ];
        for (i, l) in lines.iter().enumerate() {
            if (i as u16) < area.height {
                buf.set_stringn(
                    area.x,
                    area.y + i as u16,
                    l,
                    usize::from(area.width),
                    Style::new(),
                );
            }
        }
        return;
    }
    let theme = Theme::with_palette(shell.opts.color, shell.opts.palette);
    let main = Rect::new(area.x, area.y, area.width, area.height - 1);
    match shell.screen {
        Screen::Speakers => speakers_index::draw(
            &shell.speakers,
            &shell.catalog,
            shell.prompt,
            shell.opts.bidi,
            main,
            &theme,
            buf,
        ),
        _ => library::draw(
            &shell.articles,
            &shell.catalog,
            &shell.state,
            shell.prompt,
            shell.opts.bidi,
            main,
            &theme,
            buf,
        ),
    }
    draw_status(
        shell,
        Rect::new(area.x, area.bottom() - 1, area.width, 1),
        &theme,
        buf,
    );
    if shell.help {
        let table = if shell.screen == Screen::Speakers {
            SPEAKERS
        } else {
            ARTICLES
        };
        let mut lines = help_lines(table);
        lines.push("-- in the reader, opened from here --".into());
        lines.extend(help_lines(READER));
        overlay(
            &format!(
                " Keys: {} (q closes) ",
                if shell.screen == Screen::Speakers {
                    "Speaker index"
                } else {
                    "Library"
                }
            ),
            &lines,
            area,
            buf,
        );
    } else if shell.show_errors {
        let lines = if shell.catalog.errors.is_empty() {
            vec!["(none)".to_string()]
        } else {
            shell.catalog.errors.clone()
        };
        overlay(
            &format!(" {} inputs not read (q closes) ", shell.catalog.errors.len()),
            &lines,
            area,
            buf,
        );
    }
}

/// Help lines of a table: each action once with all its keys.
pub fn help_lines(table: &[LibBinding]) -> Vec<String> {
    let mut seen: Vec<(&str, Vec<String>)> = Vec::new();
    for b in table.iter().chain(if std::ptr::eq(table, READER) {
        [].iter()
    } else {
        MOTIONS.iter()
    }) {
        let keys = b.keys.concat();
        match seen.iter_mut().find(|(h, _)| *h == b.help) {
            Some((_, ks)) => ks.push(keys),
            None => seen.push((b.help, vec![keys])),
        }
    }
    seen.into_iter()
        .map(|(h, ks)| format!("{:<20} {h}", ks.join(" ")))
        .collect()
}

fn overlay(title: &str, lines: &[String], area: Rect, buf: &mut Buffer) {
    let w = area.width.saturating_sub(4).min(90);
    let h = area.height.saturating_sub(2).min(lines.len() as u16 + 2);
    let inner = view::overlay_box(title, w, h, area, buf);
    for (i, l) in lines.iter().take(usize::from(inner.height)).enumerate() {
        // Error messages carry paths and input text: lay them out safely.
        let line = view::one_row(
            l,
            inner.width.saturating_sub(1),
            Some(rawi::layout::Direction::Ltr),
        );
        let y = inner.y + i as u16;
        let rect = Rect::new(inner.x + 1, y, inner.width.saturating_sub(1), 1);
        view::draw_line(buf, rect, y, &line, super::app::BidiMode::App, |_| Style::new());
    }
}

fn draw_status(shell: &Shell, r: Rect, theme: &Theme, buf: &mut Buffer) {
    let style = theme.status();
    buf.set_style(r, style);
    let right = r.right();
    let mut x = r.x + 1;
    let put = |buf: &mut Buffer, x: u16, s: &str| -> u16 {
        if x >= right {
            return right;
        }
        buf.set_stringn(x, r.y, s, usize::from(right - x), style).0
    };
    let cat = &shell.catalog;
    let total = cat.units.len();
    if !cat.loaded() {
        let frac = if total == 0 {
            1.0
        } else {
            cat.done as f64 / total as f64
        };
        let width = 20usize;
        let filled = (frac * width as f64).round() as usize;
        let bar = format!(
            "analysing {}/{} [{}{}] ",
            cat.done,
            total,
            "█".repeat(filled),
            "░".repeat(width - filled)
        );
        x = put(buf, x, &bar);
    } else if let Some(t) = cat.finished {
        x = put(
            buf,
            x,
            &format!(
                "{} articles, {} speakers ({:.1} s) ",
                cat.entries.iter().filter(|e| !e.dead).count(),
                cat.index.entries.len(),
                t.as_secs_f64()
            ),
        );
    }
    if !cat.errors.is_empty() {
        x = put(buf, x, &format!("| {} not read (e) ", cat.errors.len()));
    }
    if shell.prompt {
        let filter = match shell.screen {
            Screen::Speakers => &shell.speakers.filter,
            _ => &shell.articles.filter,
        };
        x = put(buf, x, "| filter /");
        let line = view::one_row(filter, right.saturating_sub(x + 1), None);
        let line = rawi::layout::VisualLine { indent: 0, ..line };
        view::draw_line(
            buf,
            Rect::new(x, r.y, right.saturating_sub(x), 1),
            r.y,
            &line,
            super::app::BidiMode::App,
            |_| style,
        );
        put(buf, x + line.width(), "_");
        return;
    }
    if let Some(m) = &shell.message {
        x = put(buf, x, "| ");
        let line = view::one_row(m, right.saturating_sub(x), None);
        let line = rawi::layout::VisualLine { indent: 0, ..line };
        view::draw_line(
            buf,
            Rect::new(x, r.y, right.saturating_sub(x), 1),
            r.y,
            &line,
            super::app::BidiMode::App,
            |_| style,
        );
        x += line.width();
    }
    let hints = match shell.screen {
        Screen::Speakers => "Enter:quotes/open Tab:pane /:filter s:sort q:back ?:help",
        _ => "Enter:open /:filter s:sort Tab:speakers q:quit ?:help",
    };
    let hw = hints.chars().count() as u16;
    if x + 2 + hw <= right {
        put(buf, right - hw - 1, hints);
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use rawi::Document;

    use super::super::catalog::Unit;
    use super::*;

    const SEED: &str = include_str!("../../seeds/000_9237d8f2f57de89b.txt");

    /// Three articles: the seed (Arabic), an Arabic one that quotes a
    /// speaker of the seed again, and an English one.
    pub(crate) fn library_shell(w: u16, h: u16) -> Shell {
        let docs = [
            ("seed.txt", SEED.to_string()),
            (
                "second.txt",
                "زيارة الكاظمي إلى واشنطن\n\nوقال رئيس الوزراء العراقي مصطفى الكاظمي إن الحوار الاستراتيجي مهم.\n\nوأكد مصطفى الكاظمي أن الانسحاب سيتم في موعده.\n".to_string(),
            ),
            (
                "english.txt",
                "Talks in Washington\n\nThe minister John Smith said that the talks were useful.\n".to_string(),
            ),
        ];
        let units = docs
            .into_iter()
            .map(|(n, t)| Unit::Memory(Arc::new(Document::from_text(n, t))))
            .collect();
        let mut cat = Catalog::start(units, 2);
        cat.wait();
        let mut s = Shell::library(cat, Options::default(), (w, h));
        s.refresh();
        s
    }

    #[test]
    fn an_article_shown_from_its_outline_takes_its_analysis_and_then_goes_to_its_quote() {
        let full = rawi::analyze(Document::from_text("seed", SEED));
        let outline = rawi::extract::outline(Document::from_text("seed", SEED));
        assert!(outline.quotes.is_empty() && outline.speakers.is_empty() && outline.numbers.is_empty());
        assert_eq!(outline.paragraphs, full.paragraphs);
        assert_eq!(outline.sections, full.sections);
        let mut s = Shell::single_outline(
            outline,
            Options::default(),
            (120, 40),
            State::default(),
            At::Quote(2),
        );
        assert!(s.analysing());
        let started = std::time::Instant::now();
        while s.analysing() && started.elapsed() < Duration::from_secs(30) {
            s.tick();
        }
        assert!(!s.analysing(), "the analysis never arrived");
        let app = &s.reader.as_ref().unwrap().app;
        assert_eq!(app.article, full);
        assert_eq!(app.speaker_quotes.len(), full.speakers.len());
        assert_eq!(
            app.current,
            Some(Target::Quote(2)),
            "the quote asked for, once there is one"
        );
        assert!(screen(&s).iter().any(|l| l.contains("Speakers 6")));
    }

    fn screen(s: &Shell) -> Vec<String> {
        let (w, h) = s.size;
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| render(s, f)).unwrap();
        let buf = t.backend().buffer().clone();
        (0..h)
            .map(|y| {
                let mut row = String::new();
                let mut skip = 0;
                for x in 0..w {
                    if skip > 0 {
                        skip -= 1;
                        continue;
                    }
                    let sym = buf[(x, y)].symbol();
                    skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
                    row.push_str(sym);
                }
                row
            })
            .collect()
    }

    fn title_of(s: &Shell) -> String {
        s.reader.as_ref().unwrap().app.article.title().to_string()
    }

    #[test]
    fn an_export_prompt_keeps_library_keys_and_esc_leaves_visual_first() {
        let mut s = library_shell(100, 30);
        s.feed("<Enter>");
        let title = title_of(&s);
        // Typing a file name with `J`, `K` and `q` stays in the prompt.
        s.feed("]qxsJKq");
        assert_eq!(title_of(&s), title);
        assert_eq!(s.screen, Screen::Reader);
        assert!(s.reader.as_ref().unwrap().app.sel.dialog.is_some());
        s.feed("<Esc>");
        assert!(s.reader.as_ref().unwrap().app.sel.dialog.is_none());
        // Esc ends visual mode before it leaves the article.
        s.feed("v<Esc>");
        assert_eq!(s.screen, Screen::Reader);
        assert!(s.reader.as_ref().unwrap().app.sel.visual.is_none());
    }

    #[test]
    fn enter_opens_q_returns_and_j_k_walk_the_list() {
        let mut s = library_shell(100, 30);
        assert_eq!(s.articles.rows.len(), 3);
        assert_eq!(s.screen, Screen::Articles);
        s.feed("<Enter>");
        assert_eq!(s.screen, Screen::Reader);
        assert!(title_of(&s).contains("التحالف"));
        s.feed("J");
        assert_eq!(title_of(&s), "زيارة الكاظمي إلى واشنطن");
        s.feed("J");
        assert_eq!(title_of(&s), "Talks in Washington");
        s.feed("J");
        assert_eq!(title_of(&s), "Talks in Washington", "stays at the last");
        assert!(
            s.reader
                .as_ref()
                .unwrap()
                .app
                .message
                .as_deref()
                .unwrap()
                .contains("no next article")
        );
        s.feed("K");
        assert_eq!(title_of(&s), "زيارة الكاظمي إلى واشنطن");
        // Esc clears the highlight first, then goes back.
        s.feed("]q");
        assert!(s.reader.as_ref().unwrap().app.current.is_some());
        s.feed("<Esc>");
        assert_eq!(s.screen, Screen::Reader);
        s.feed("<Esc>");
        assert_eq!(s.screen, Screen::Articles);
        assert_eq!(s.articles.selected, 1, "the list follows J/K");
        s.feed("<Enter><BS>");
        assert_eq!(s.screen, Screen::Articles);
        s.feed("<Enter>q");
        assert_eq!(s.screen, Screen::Articles);
        assert!(!s.quit);
        s.feed("<Enter>Q");
        assert!(s.quit, "Q in the reader quits rawi");
    }

    #[test]
    fn the_filter_folds_arabic_and_sorting_cycles() {
        let mut s = library_shell(100, 30);
        // Typed with an alef variant and a tatweel: folded like the titles.
        s.feed("/واشـنطن");
        assert!(s.prompt);
        assert_eq!(s.articles.rows.len(), 1);
        s.feed("<Enter>");
        assert!(!s.prompt);
        s.feed("<Enter>");
        assert_eq!(title_of(&s), "زيارة الكاظمي إلى واشنطن");
        s.feed("q<Esc>");
        assert_eq!(s.articles.rows.len(), 3, "Esc clears the filter");
        s.feed("s");
        assert_eq!(s.articles.sort, library::SortKey::Title);
        let folded: Vec<&str> = s
            .articles
            .rows
            .iter()
            .map(|&e| s.catalog.entries[e].folded.as_str())
            .collect();
        assert!(folded.windows(2).all(|w| w[0] <= w[1]), "{folded:?}");
        s.feed("ss");
        assert_eq!(s.articles.sort, library::SortKey::Quotes);
        let quotes: Vec<usize> = s
            .articles
            .rows
            .iter()
            .map(|&e| s.catalog.entries[e].summary.as_ref().unwrap().quotes)
            .collect();
        assert!(quotes.windows(2).all(|w| w[0] >= w[1]), "{quotes:?}");
        s.feed("S");
        assert!(s.articles.reverse);
        s.feed("/nothing like this");
        assert!(screen(&s).join("\n").contains("no title matches"));
    }

    #[test]
    fn the_speaker_index_lists_quotes_across_articles_and_opens_at_one() {
        let mut s = library_shell(120, 30);
        s.feed("<Tab>");
        assert_eq!(s.screen, Screen::Speakers);
        s.feed("/الكاظمي");
        s.feed("<Enter>");
        let e = s.speakers.current().unwrap();
        let entry = &s.catalog.index.entries[e];
        assert!(entry.name.contains("الكاظمي"));
        assert_eq!(
            entry.articles(),
            2,
            "merged across the seed and the second article"
        );
        let n_quotes = entry.quotes;
        assert!(n_quotes >= 3);
        let rows = screen(&s).join("\n");
        assert!(
            rows.contains(&format!("Quotes {n_quotes} in 2 articles")),
            "{rows}"
        );
        s.feed("<Enter>");
        assert!(s.speakers.quotes_focus);
        s.feed("G");
        let (last_entry, off) = s.speakers.current_quote().unwrap();
        s.feed("<Enter>");
        assert_eq!(s.screen, Screen::Reader);
        let app = &s.reader.as_ref().unwrap().app;
        let Some(Target::Quote(q)) = app.current else {
            panic!("opened at a quote")
        };
        assert_eq!(app.article.quotes[q].span.start, off);
        assert_eq!(s.reader.as_ref().unwrap().entry, Some(last_entry));
        // K walks back through this speaker's quotes, across articles.
        for _ in 0..n_quotes - 1 {
            s.feed("K");
        }
        let app = &s.reader.as_ref().unwrap().app;
        let Some(Target::Quote(q)) = app.current else {
            panic!("at a quote")
        };
        let sp = app.article.quotes[q].speaker.unwrap();
        assert!(app.article.speakers[sp].name.contains("الكاظمي"));
        s.feed("K");
        assert!(
            s.reader
                .as_ref()
                .unwrap()
                .app
                .message
                .as_deref()
                .unwrap()
                .contains("no previous quote")
        );
        s.feed("<Esc><Esc>");
        assert_eq!(s.screen, Screen::Speakers, "back where it was opened from");
        s.feed("<Esc><Esc>q");
        assert_eq!(s.screen, Screen::Articles);
    }

    #[test]
    fn places_and_marks_are_remembered_per_article() {
        let mut s = library_shell(100, 20);
        s.feed("<Enter>");
        s.feed("5jma");
        let top = s.reader.as_ref().unwrap().app.top_offset();
        assert!(top > 0);
        s.feed("G'a");
        assert_eq!(
            s.reader.as_ref().unwrap().app.top_offset(),
            top,
            "'a goes to mark a"
        );
        s.feed("''");
        let left_at = s.reader.as_ref().unwrap().app.top_offset();
        assert!(left_at > top, "'' still returns (to the bottom)");
        s.feed("q");
        // Progress shows in the list.
        assert!(screen(&s).join("\n").contains('%'));
        s.feed("j<Enter>");
        assert_eq!(s.reader.as_ref().unwrap().app.top_offset(), 0);
        s.feed("qk<Enter>");
        let app = &s.reader.as_ref().unwrap().app;
        assert_eq!(app.top_offset(), left_at, "the place comes back");
        assert_eq!(app.marks.get(&'a'), Some(&top), "and the marks");
    }

    #[test]
    fn a_configured_key_works_and_config_problems_show() {
        let cfg = rawi::config::parse(
            "[keys]\n\"ctrl-n\" = \"next_quote\"\nx = \"next_article\"\nz = \"warp\"\n",
            std::path::Path::new("c.toml"),
        )
        .0;
        let settings = super::super::settings::from_config(&cfg);
        let mut s = library_shell(100, 30);
        s.opts = settings.opts;
        s.shell_keys = settings.shell_keys;
        s.say(settings.problems.join("; "));
        assert!(screen(&s).last().unwrap().contains("unknown action \"warp\""));
        s.feed("<Enter><C-n>");
        let app = &s.reader.as_ref().unwrap().app;
        assert_eq!(app.current, Some(Target::Quote(0)), "ctrl-n is next_quote");
        s.feed("x");
        assert_eq!(title_of(&s), "زيارة الكاظمي إلى واشنطن", "x is next_article");
    }

    #[test]
    fn a_broken_config_shows_its_line_and_rawi_runs_on_defaults() {
        let dir = std::env::temp_dir().join(format!("rawi-shell-cfg-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("config.toml");
        // Not TOML (an unterminated string): nothing of it is used.
        std::fs::write(&p, "mouse = true\nside_width = \"wide\n").unwrap();
        let settings = super::super::settings::load(Some(&p));
        let mut s = library_shell(120, 30);
        s.opts = settings.opts;
        s.say(settings.problems.join("; "));
        let status = screen(&s).last().unwrap().clone();
        assert!(status.contains("config.toml:2"), "{status}");
        assert!(!s.opts.mouse, "defaults");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn library_frame_with_a_right_to_left_title() {
        let mut s = library_shell(100, 8);
        s.catalog.finished = Some(Duration::from_millis(1234));
        let rows = screen(&s);
        let path = format!(
            "{}/src/tui/testdata/library_100x8.txt",
            env!("CARGO_MANIFEST_DIR")
        );
        let got = rows.join("\n") + "\n";
        if std::env::var_os("RAWI_BLESS").is_some() {
            std::fs::write(&path, &got).unwrap();
        }
        let want = std::fs::read_to_string(&path).unwrap();
        assert_eq!(got, want);
        // The Arabic title is in visual order (its first word at the right
        // end of the title column), right-aligned against the columns.
        let row = &rows[3];
        let title = "زيارة الكاظمي إلى واشنطن";
        let visual: String = {
            let line = view::one_row(title, 80, None);
            line.text()
        };
        assert!(row.contains(visual.trim()), "{row}\n{visual}");
        let end = row.find(visual.trim()).unwrap() + visual.trim().len();
        let gap = row[end..].len() - row[end..].trim_start().len();
        assert!(
            row[end..].trim_start().starts_with("ar") && gap <= 4,
            "right-aligned: {row}"
        );
        assert!(rows[2].starts_with("┃▸"), "the first row is selected");
        assert!(rows[7].contains("3 articles"));
    }

    #[test]
    fn a_single_article_reopens_on_the_same_row() {
        let art = || rawi::analyze(Document::from_text("seed", SEED));
        for keys in ["]]]]", "jjjjj", "G", "<Space>"] {
            let mut s = Shell::single(art(), Options::default(), (110, 30), State::default(), At::Saved);
            s.feed(keys);
            let (top, off) = {
                let app = &s.reader.as_ref().unwrap().app;
                (app.top, app.top_offset())
            };
            s.feed("q");
            assert!(s.quit);
            let again = Shell::single(art(), Options::default(), (110, 30), s.state.clone(), At::Saved);
            let app = &again.reader.as_ref().unwrap().app;
            assert_eq!((app.top, app.top_offset()), (top, off), "after {keys}");
        }
    }

    #[test]
    fn tiny_and_empty_screens_do_not_panic() {
        let mut s = library_shell(100, 30);
        for (w, h) in [(10, 3), (0, 0), (24, 6), (300, 4)] {
            s.resize(w, h);
            s.feed("jG<Tab>jG<Enter><Enter>q<Tab>?");
            screen(&s);
            s.feed("q");
        }
        let mut empty = Shell::library(Catalog::start(Vec::new(), 1), Options::default(), (80, 24));
        empty.feed("jkG<Enter>/x<Enter><Tab><Enter>e");
        assert!(screen(&empty).join("\n").contains("inputs not read"));
    }
}
