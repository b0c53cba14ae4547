//! Default key bindings: one table per pane, the only place keys are named.
//!
//! The key handler, the status-line hints and the help overlay all read
//! these tables, so a binding cannot change without its help changing.
//! Keys are written as tokens in the notation the help prints (`j`, `]q`
//! is `["]", "q"]`, `<C-o>`, `<PgDn>`); a key event becomes one token
//! ([`token`]) and a binding fires when the pending tokens equal its keys.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::select::Op;
use super::app::{Action, Item};

/// One binding: a key sequence, what it does, and how help names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    /// Key tokens in order (`["]", "q"]`).
    pub keys: &'static [&'static str],
    /// The action it triggers.
    pub action: Action,
    /// What help says it does.
    pub help: &'static str,
    /// Shown in the status line's key hints.
    pub hint: bool,
}

const fn b(keys: &'static [&'static str], action: Action, help: &'static str) -> Binding {
    Binding {
        keys,
        action,
        help,
        hint: false,
    }
}

const fn h(keys: &'static [&'static str], action: Action, help: &'static str) -> Binding {
    Binding {
        keys,
        action,
        help,
        hint: true,
    }
}

/// Keys of the article pane (counts like `3]q` apply to motions and jumps).
pub const ARTICLE: &[Binding] = &[
    b(&["j"], Action::LineDown, "line down"),
    b(&["<Down>"], Action::LineDown, "line down"),
    b(&["k"], Action::LineUp, "line up"),
    b(&["<Up>"], Action::LineUp, "line up"),
    b(&["<Space>"], Action::PageDown, "page down"),
    b(&["f"], Action::PageDown, "page down"),
    b(&["<PgDn>"], Action::PageDown, "page down"),
    b(&["b"], Action::PageUp, "page up"),
    b(&["<PgUp>"], Action::PageUp, "page up"),
    b(&["d"], Action::HalfPageDown, "half page down"),
    b(&["<C-d>"], Action::HalfPageDown, "half page down"),
    b(&["u"], Action::HalfPageUp, "half page up"),
    b(&["<C-u>"], Action::HalfPageUp, "half page up"),
    b(&["g"], Action::Top, "top"),
    b(&["<Home>"], Action::Top, "top"),
    b(&["G"], Action::Bottom, "bottom"),
    b(&["<End>"], Action::Bottom, "bottom"),
    b(&["}"], Action::Next(Item::Paragraph), "next paragraph"),
    b(&["{"], Action::Prev(Item::Paragraph), "previous paragraph"),
    h(&["]", "q"], Action::Next(Item::Quote), "next quote"),
    b(&["[", "q"], Action::Prev(Item::Quote), "previous quote"),
    h(&["]", "n"], Action::Next(Item::Number), "next number"),
    b(&["[", "n"], Action::Prev(Item::Number), "previous number"),
    b(&["]", "]"], Action::Next(Item::Section), "next section"),
    b(&["[", "["], Action::Prev(Item::Section), "previous section"),
    b(
        &["]", "s"],
        Action::Next(Item::SameSpeaker),
        "next quote of the same speaker",
    ),
    b(
        &["[", "s"],
        Action::Prev(Item::SameSpeaker),
        "previous quote of the same speaker",
    ),
    b(
        &["'", "'"],
        Action::Return,
        "back to before the last jump (again: forth)",
    ),
    b(&["<C-o>"], Action::JumpBack, "jump list back"),
    b(&["m", ANY_LETTER], Action::SetMark('a'), "set mark a-z here"),
    b(&["'", ANY_LETTER], Action::GoMark('a'), "go to mark a-z"),
    h(
        &["/"],
        Action::Search,
        "search (ignores harakat, tatweel, alef forms)",
    ),
    b(&["n"], Action::SearchNext, "next search hit"),
    b(&["N"], Action::SearchPrev, "previous search hit"),
    // Selecting (select.rs). Space pages down here, as in less.
    b(
        &["x"],
        Action::Select(Op::Toggle),
        "select item jumped to / visual text",
    ),
    b(
        &["v"],
        Action::Select(Op::Visual(false)),
        "visual selection by character",
    ),
    b(
        &["V"],
        Action::Select(Op::Visual(true)),
        "visual selection by line",
    ),
];

/// Keys of the list panes (sections, speakers, numbers).
pub const LIST: &[Binding] = &[
    h(&["j"], Action::LineDown, "next item"),
    b(&["<Down>"], Action::LineDown, "next item"),
    b(&["k"], Action::LineUp, "previous item"),
    b(&["<Up>"], Action::LineUp, "previous item"),
    b(&["<PgDn>"], Action::PageDown, "page down"),
    b(&["<PgUp>"], Action::PageUp, "page up"),
    b(&["g"], Action::Top, "first item"),
    b(&["<Home>"], Action::Top, "first item"),
    b(&["G"], Action::Bottom, "last item"),
    b(&["<End>"], Action::Bottom, "last item"),
    h(&["<Enter>"], Action::Activate, "jump the article to the item"),
    b(&["o"], Action::Expand, "expand or fold a speaker's quotes"),
    b(&["<Right>"], Action::Expand, "expand or fold a speaker's quotes"),
    b(&["<Left>"], Action::Expand, "expand or fold a speaker's quotes"),
    h(&["/"], Action::Search, "filter the list"),
    b(&["'", "'"], Action::Return, "back to before the last jump"),
    b(&["<C-o>"], Action::JumpBack, "jump list back"),
    // Selecting (select.rs).
    b(
        &["<Space>"],
        Action::Select(Op::Toggle),
        "select or unselect the item, move on",
    ),
    b(
        &["x"],
        Action::Select(Op::Toggle),
        "select or unselect the item, move on",
    ),
];

/// Keys that work in every pane.
pub const GLOBAL: &[Binding] = &[
    h(&["<Tab>"], Action::FocusNext, "next pane"),
    b(&["<S-Tab>"], Action::FocusPrev, "previous pane"),
    h(&["?"], Action::Help, "help for this pane"),
    b(&["<F1>"], Action::Help, "help for this pane"),
    b(
        &["U"],
        Action::ToggleHidden,
        "show/drop invisible and control characters",
    ),
    b(
        &["F"],
        Action::ToggleFurniture,
        "show/hide the lines set aside (bylines, widgets), dimmed",
    ),
    b(
        &["<Esc>"],
        Action::Clear,
        "clear search, filter or highlight; close help",
    ),
    h(&["q"], Action::Quit, "quit (or close help)"),
    b(&["Q"], Action::QuitNow, "quit at once"),
    b(&["<C-c>"], Action::QuitNow, "quit at once"),
    // Selecting and exporting (select.rs).
    b(
        &["A"],
        Action::Select(Op::SelectAll),
        "select every item of this pane",
    ),
    b(&["X"], Action::Select(Op::ClearAll), "clear the whole selection"),
    b(
        &["y"],
        Action::Select(Op::Yank),
        "copy selection or focused item (OSC 52)",
    ),
    b(&["Y"], Action::Select(Op::YankAll), "copy the whole article"),
    b(
        &["s"],
        Action::Select(Op::Export),
        "export selection: JSON, Markdown, text",
    ),
    b(
        &["|"],
        Action::Select(Op::Pipe),
        "pipe the selection to a shell command",
    ),
];

/// The token of a key event, in the notation of the tables.
pub fn token(key: &KeyEvent) -> Option<String> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let named = |s: &str| Some(s.to_string());
    match key.code {
        KeyCode::Char(' ') => named("<Space>"),
        KeyCode::Char(c) if ctrl => Some(format!("<C-{}>", c.to_ascii_lowercase())),
        KeyCode::Char(c) => Some(c.to_string()),
        KeyCode::Enter => named("<Enter>"),
        KeyCode::Esc => named("<Esc>"),
        KeyCode::Tab => named("<Tab>"),
        KeyCode::BackTab => named("<S-Tab>"),
        KeyCode::Backspace => named("<BS>"),
        KeyCode::Up => named("<Up>"),
        KeyCode::Down => named("<Down>"),
        KeyCode::Left => named("<Left>"),
        KeyCode::Right => named("<Right>"),
        KeyCode::PageUp => named("<PgUp>"),
        KeyCode::PageDown => named("<PgDn>"),
        KeyCode::Home => named("<Home>"),
        KeyCode::End => named("<End>"),
        KeyCode::F(n) => Some(format!("<F{n}>")),
        _ => None,
    }
}

/// What the pending tokens mean against a set of tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    /// A binding matches exactly.
    Found(Action),
    /// Some binding starts with these tokens: wait for more keys.
    Prefix,
    /// Nothing starts with them.
    None,
}

/// A key token that matches any lowercase letter `a`–`z` (marks).
pub const ANY_LETTER: &str = "{a-z}";

fn is_letter(p: &str) -> bool {
    p.len() == 1 && p.as_bytes()[0].is_ascii_lowercase()
}

/// The action with the letter typed for an [`ANY_LETTER`] key filled in.
fn with_letter(action: Action, keys: &[&str], pending: &[String]) -> Action {
    let letter = keys
        .iter()
        .zip(pending)
        .find(|(k, _)| **k == ANY_LETTER)
        .and_then(|(_, p)| p.chars().next());
    match (action, letter) {
        (Action::SetMark(_), Some(c)) => Action::SetMark(c),
        (Action::GoMark(_), Some(c)) => Action::GoMark(c),
        (a, _) => a,
    }
}

/// Looks the pending tokens up in `tables`, in order (the first table wins).
pub fn lookup(tables: &[&[Binding]], pending: &[String]) -> Lookup {
    let mut prefix = false;
    for table in tables {
        for binding in table.iter() {
            if binding.keys.len() < pending.len() {
                continue;
            }
            if binding
                .keys
                .iter()
                .zip(pending)
                .all(|(k, p)| *k == p || (*k == ANY_LETTER && is_letter(p)))
            {
                if binding.keys.len() == pending.len() {
                    return Lookup::Found(with_letter(binding.action, binding.keys, pending));
                }
                prefix = true;
            }
        }
    }
    if prefix { Lookup::Prefix } else { Lookup::None }
}

/// Parses help notation (`"3]q<Tab>"`) into tokens, for tests that drive
/// the app the way a person types.
pub fn parse_keys(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '<' && chars.peek().is_some_and(|n| n.is_ascii_alphabetic()) {
            let mut name = String::from("<");
            for n in chars.by_ref() {
                name.push(n);
                if n == '>' {
                    break;
                }
            }
            out.push(name);
        } else {
            out.push(c.to_string());
        }
    }
    out
}

/// The keys of one binding as help prints them.
pub fn keys_label(binding: &Binding) -> String {
    binding.keys.concat()
}

/// The key event a token stands for: the inverse of [`token`], so tests
/// can type `"3]q/داعش<Enter>"` through the real key handler.
#[cfg_attr(not(test), allow(dead_code))]
pub fn event_of(token: &str) -> KeyEvent {
    let code = match token {
        "<Space>" => KeyCode::Char(' '),
        "<Enter>" => KeyCode::Enter,
        "<Esc>" => KeyCode::Esc,
        "<Tab>" => KeyCode::Tab,
        "<S-Tab>" => KeyCode::BackTab,
        "<BS>" => KeyCode::Backspace,
        "<Up>" => KeyCode::Up,
        "<Down>" => KeyCode::Down,
        "<Left>" => KeyCode::Left,
        "<Right>" => KeyCode::Right,
        "<PgUp>" => KeyCode::PageUp,
        "<PgDn>" => KeyCode::PageDown,
        "<Home>" => KeyCode::Home,
        "<End>" => KeyCode::End,
        t if t.starts_with("<C-") && t.len() == 5 => {
            let c = t.chars().nth(3).unwrap_or('c');
            return KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        }
        t if t.starts_with("<F") && t.ends_with('>') => KeyCode::F(t[2..t.len() - 1].parse().unwrap_or(1)),
        t => KeyCode::Char(t.chars().next().unwrap_or(' ')),
    };
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_bindings_of_a_pane_share_keys() {
        for table in [ARTICLE, LIST] {
            let all: Vec<_> = table.iter().chain(GLOBAL).map(|b| b.keys).collect();
            for (i, k) in all.iter().enumerate() {
                assert!(!all[i + 1..].contains(k), "{k:?} bound twice");
            }
        }
    }

    #[test]
    fn sequences_wait_for_their_second_key() {
        let t = [ARTICLE, GLOBAL];
        assert_eq!(lookup(&t, &parse_keys("]")), Lookup::Prefix);
        assert_eq!(
            lookup(&t, &parse_keys("]q")),
            Lookup::Found(Action::Next(Item::Quote))
        );
        assert_eq!(lookup(&t, &parse_keys("]x")), Lookup::None);
        assert_eq!(lookup(&t, &parse_keys("<C-o>")), Lookup::Found(Action::JumpBack));
    }
}
