//! The configuration file applied to the reader: key bindings by action
//! name ([`ACTIONS`] is the one table of names), colours, mouse, bidi and
//! the side column. Problems are collected as messages for the status
//! line; none stops rawi.

use ratatui::style::Color;
use rawi::config::{self, Config, SidePosition};

use super::app::{Action, BidiMode, Item, Options};
use super::keymap::{self, Binding};
use super::shell::LibAction;

/// What a named action is: a reader action or one of the library's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    /// An action of the reader ([`Action`]).
    Reader(Action),
    /// An action of the library screens (and `J`/`K` in the reader).
    Shell(LibAction),
}

/// Every action name the configuration may bind, and what it does.
pub const ACTIONS: &[(&str, Named)] = &[
    ("line_down", Named::Reader(Action::LineDown)),
    ("line_up", Named::Reader(Action::LineUp)),
    ("page_down", Named::Reader(Action::PageDown)),
    ("page_up", Named::Reader(Action::PageUp)),
    ("half_page_down", Named::Reader(Action::HalfPageDown)),
    ("half_page_up", Named::Reader(Action::HalfPageUp)),
    ("top", Named::Reader(Action::Top)),
    ("bottom", Named::Reader(Action::Bottom)),
    ("next_paragraph", Named::Reader(Action::Next(Item::Paragraph))),
    ("prev_paragraph", Named::Reader(Action::Prev(Item::Paragraph))),
    ("next_quote", Named::Reader(Action::Next(Item::Quote))),
    ("prev_quote", Named::Reader(Action::Prev(Item::Quote))),
    ("next_number", Named::Reader(Action::Next(Item::Number))),
    ("prev_number", Named::Reader(Action::Prev(Item::Number))),
    ("next_section", Named::Reader(Action::Next(Item::Section))),
    ("prev_section", Named::Reader(Action::Prev(Item::Section))),
    (
        "next_same_speaker",
        Named::Reader(Action::Next(Item::SameSpeaker)),
    ),
    (
        "prev_same_speaker",
        Named::Reader(Action::Prev(Item::SameSpeaker)),
    ),
    ("return", Named::Reader(Action::Return)),
    ("jump_back", Named::Reader(Action::JumpBack)),
    ("search", Named::Reader(Action::Search)),
    ("search_next", Named::Reader(Action::SearchNext)),
    ("search_prev", Named::Reader(Action::SearchPrev)),
    ("focus_next", Named::Reader(Action::FocusNext)),
    ("focus_prev", Named::Reader(Action::FocusPrev)),
    ("activate", Named::Reader(Action::Activate)),
    ("expand", Named::Reader(Action::Expand)),
    ("help", Named::Reader(Action::Help)),
    ("toggle_hidden", Named::Reader(Action::ToggleHidden)),
    ("clear", Named::Reader(Action::Clear)),
    ("quit", Named::Reader(Action::Quit)),
    ("quit_now", Named::Reader(Action::QuitNow)),
    ("next_article", Named::Shell(LibAction::NextArticle)),
    ("prev_article", Named::Shell(LibAction::PrevArticle)),
    ("back", Named::Shell(LibAction::Back)),
    ("speaker_index", Named::Shell(LibAction::Switch)),
    ("sort", Named::Shell(LibAction::Sort)),
    ("sort_reverse", Named::Shell(LibAction::SortReverse)),
    ("errors", Named::Shell(LibAction::Errors)),
];

/// The action a name stands for.
pub fn action_named(name: &str) -> Option<Named> {
    let name = name.trim().to_ascii_lowercase().replace('-', "_");
    ACTIONS.iter().find(|(n, _)| *n == name).map(|(_, a)| *a)
}

/// Key names the configuration accepts, and their tokens.
const NAMED_KEYS: &[(&str, &str)] = &[
    ("space", "<Space>"),
    ("enter", "<Enter>"),
    ("return", "<Enter>"),
    ("esc", "<Esc>"),
    ("escape", "<Esc>"),
    ("tab", "<Tab>"),
    ("shift-tab", "<S-Tab>"),
    ("backtab", "<S-Tab>"),
    ("backspace", "<BS>"),
    ("up", "<Up>"),
    ("down", "<Down>"),
    ("left", "<Left>"),
    ("right", "<Right>"),
    ("pageup", "<PgUp>"),
    ("pagedown", "<PgDn>"),
    ("pgup", "<PgUp>"),
    ("pgdn", "<PgDn>"),
    ("home", "<Home>"),
    ("end", "<End>"),
];

/// The tokens of a key as the configuration writes it: `"ctrl-n"`,
/// `"space"`, `"f2"`, `"x"`, or a sequence in help notation (`"]x"`,
/// `"<C-n>"`).
pub fn key_tokens(key: &str) -> Result<Vec<String>, String> {
    let lower = key.trim().to_ascii_lowercase();
    if let Some((_, t)) = NAMED_KEYS.iter().find(|(n, _)| *n == lower) {
        return Ok(vec![t.to_string()]);
    }
    if let Some(c) = lower.strip_prefix("ctrl-").or_else(|| lower.strip_prefix("c-"))
        && c.chars().count() == 1
        && c.chars().all(|c| c.is_ascii_alphabetic())
    {
        return Ok(vec![format!("<C-{c}>")]);
    }
    if let Some(n) = lower.strip_prefix('f')
        && let Ok(n) = n.parse::<u8>()
        && (1..=12).contains(&n)
    {
        return Ok(vec![format!("<F{n}>")]);
    }
    let tokens = keymap::parse_keys(key.trim());
    if tokens.is_empty() || tokens.len() > 3 {
        return Err(format!(
            "key {key:?}: use a key (\"x\", \"ctrl-n\", \"space\") or up to 3 in a row"
        ));
    }
    Ok(tokens)
}

/// A key binding of the library screens from the configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShellKey {
    /// Its tokens.
    pub keys: Vec<String>,
    /// What it does.
    pub action: LibAction,
}

/// The configuration made ready for the reader.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Reader options (colour is decided by `NO_COLOR`, not here).
    pub opts: Options,
    /// Bindings for the library screens and `J`/`K`-like keys in the reader.
    pub shell_keys: Vec<ShellKey>,
    /// What could not be used, for the status line.
    pub problems: Vec<String>,
}

fn color(name: &str, field: &str, problems: &mut Vec<String>) -> Option<Color> {
    match name.trim().to_ascii_lowercase().as_str() {
        "" | "default" | "none" | "speaker" => None,
        n => match n.parse::<Color>() {
            Ok(c) => Some(c),
            Err(_) => {
                problems.push(format!("theme.{field}: unknown colour {name:?}"));
                None
            }
        },
    }
}

/// Applies a configuration to the default options.
pub fn from_config(cfg: &Config) -> Settings {
    let mut problems = Vec::new();
    let mut opts = Options {
        mouse: cfg.mouse,
        bidi: match cfg.bidi {
            config::BidiMode::App => BidiMode::App,
            config::BidiMode::Terminal => BidiMode::Terminal,
            config::BidiMode::Off => BidiMode::Off,
        },
        side_width: cfg.side_width,
        side_left: match cfg.side_position {
            SidePosition::Auto => None,
            SidePosition::Left => Some(true),
            SidePosition::Right => Some(false),
        },
        ..Options::default()
    };
    if cfg.theme.quote.trim().eq_ignore_ascii_case("speaker") || cfg.theme.quote.trim().is_empty() {
        opts.palette.quote = None;
    } else {
        opts.palette.quote = color(&cfg.theme.quote, "quote", &mut problems);
    }
    opts.palette.number = color(&cfg.theme.number, "number", &mut problems);
    opts.palette.heading = color(&cfg.theme.heading, "heading", &mut problems);
    opts.palette.search = color(&cfg.theme.search, "search", &mut problems);
    opts.palette.selection = color(&cfg.theme.selection, "selection", &mut problems);
    let mut reader = Vec::new();
    let mut shell_keys = Vec::new();
    for (key, name) in &cfg.keys {
        let tokens = match key_tokens(key) {
            Ok(t) => t,
            Err(e) => {
                problems.push(e);
                continue;
            }
        };
        match action_named(name) {
            Some(Named::Reader(action)) => {
                let keys: Vec<&'static str> = tokens
                    .into_iter()
                    .map(|t| &*Box::leak(t.into_boxed_str()))
                    .collect();
                reader.push(Binding {
                    keys: Box::leak(keys.into_boxed_slice()),
                    action,
                    help: Box::leak(format!("{name} (config)").into_boxed_str()),
                    hint: false,
                });
            }
            Some(Named::Shell(action)) => shell_keys.push(ShellKey { keys: tokens, action }),
            None => problems.push(format!("keys: unknown action {name:?} for {key:?}")),
        }
    }
    // Leaked once per run: the keymap tables are `'static`.
    opts.keys = Box::leak(reader.into_boxed_slice());
    Settings {
        opts,
        shell_keys,
        problems,
    }
}

/// Loads the configuration file (`path`, or the default one) and applies
/// it; each key that cannot be used gives a message naming its line and
/// column, and a file that is not TOML gives the defaults and one message.
pub fn load(path: Option<&std::path::Path>) -> Settings {
    let path = path.map(|p| p.to_path_buf()).or_else(config::default_path);
    let (cfg, errors) = match &path {
        Some(p) => config::load(p),
        None => (Config::default(), Vec::new()),
    };
    let mut s = from_config(&cfg);
    let found: Vec<String> = errors
        .iter()
        .map(|e| {
            // Short enough for the status line: the file's name, line, column.
            let name = e.path.file_name().map_or_else(
                || e.path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let name = rawi::sanitize::for_terminal_line(&name, rawi::sanitize::Hidden::Show);
            let at = match (e.line, e.column) {
                (Some(l), Some(c)) => format!(":{l}:{c}"),
                (Some(l), None) => format!(":{l}"),
                _ => String::new(),
            };
            let outcome = if e.key.is_some() {
                "ignored"
            } else {
                "defaults used"
            };
            format!("{name}{at}: {} ({outcome})", e.message)
        })
        .collect();
    s.problems.splice(0..0, found);
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn every_name_is_unique_and_found() {
        for (i, (n, a)) in ACTIONS.iter().enumerate() {
            assert!(!ACTIONS[i + 1..].iter().any(|(m, _)| m == n), "{n} twice");
            assert_eq!(action_named(n), Some(*a));
        }
        assert_eq!(
            action_named("Next-Quote"),
            Some(Named::Reader(Action::Next(Item::Quote)))
        );
    }

    #[test]
    fn keys_are_read_in_several_notations() {
        assert_eq!(key_tokens("ctrl-n").unwrap(), ["<C-n>"]);
        assert_eq!(key_tokens("Space").unwrap(), ["<Space>"]);
        assert_eq!(key_tokens("f2").unwrap(), ["<F2>"]);
        assert_eq!(key_tokens("]x").unwrap(), ["]", "x"]);
        assert_eq!(key_tokens("<C-n>").unwrap(), ["<C-n>"]);
        assert_eq!(key_tokens("-").unwrap(), ["-"]);
        assert!(key_tokens("").is_err());
    }

    #[test]
    fn a_config_becomes_options_and_reports_what_it_cannot_use() {
        let cfg = config::parse(
            "mouse = true\nside_width = 30\nside_position = \"right\"\n[keys]\n\"ctrl-n\" = \"next_quote\"\nx = \"fly\"\n\"ctrl-j\" = \"next_article\"\n[theme]\nnumber = \"#ff0000\"\nsearch = \"mauve\"\n",
            Path::new("c"),
        )
        .0;
        let s = from_config(&cfg);
        assert!(s.opts.mouse);
        assert_eq!((s.opts.side_width, s.opts.side_left), (30, Some(false)));
        assert_eq!(s.opts.palette.number, Some(Color::Rgb(255, 0, 0)));
        assert_eq!(s.opts.keys.len(), 1);
        assert_eq!(s.opts.keys[0].keys, ["<C-n>"]);
        assert_eq!(s.shell_keys[0].action, LibAction::NextArticle);
        assert_eq!(s.problems.len(), 2, "{:?}", s.problems);
        assert!(s.problems.iter().any(|p| p.contains("fly")));
        assert!(s.problems.iter().any(|p| p.contains("mauve")));
    }

    #[test]
    fn defaults_keep_the_built_in_look() {
        let s = from_config(&Config::default());
        assert_eq!(s.opts, Options::default().with_palette_check());
        assert!(s.problems.is_empty());
    }

    #[test]
    fn a_broken_file_gives_defaults_and_a_message_with_its_line() {
        let dir = std::env::temp_dir().join(format!("rawi-settings-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("config.toml");
        std::fs::write(&p, "mouse = true\nbidi = [\n").unwrap();
        let s = load(Some(&p));
        assert!(!s.opts.mouse);
        assert!(s.problems[0].starts_with("config.toml:2:"), "{:?}", s.problems);
        assert!(s.problems[0].ends_with("(defaults used)"), "{:?}", s.problems);
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// Issue 13, defect 6: a wrong value no longer discards the file.
    #[test]
    fn a_bad_key_is_named_with_its_line_and_column_and_the_rest_applies() {
        let dir = std::env::temp_dir().join(format!("rawi-settings-key-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("config.toml");
        std::fs::write(
            &p,
            "mouse = true\nbidi = \"sideways\"\n[theme]\nsearch = \"mauve\"\n",
        )
        .unwrap();
        let s = load(Some(&p));
        assert!(s.opts.mouse);
        assert_eq!(s.problems.len(), 2, "{:?}", s.problems);
        assert!(
            s.problems[0].starts_with("config.toml:2:8: bidi: "),
            "{:?}",
            s.problems
        );
        assert!(s.problems[0].ends_with("(ignored)"), "{:?}", s.problems);
        assert!(s.problems[1].contains("mauve"), "{:?}", s.problems);
        let _ = std::fs::remove_dir_all(&dir);
    }

    impl Options {
        /// The defaults with the palette the default config gives (yellow
        /// numbers are the built-in colour).
        fn with_palette_check(mut self) -> Self {
            self.palette.number = Some(Color::Yellow);
            self
        }
    }
}
