//! The configuration file: `$XDG_CONFIG_HOME/rawi/config.toml` (or
//! `~/.config/rawi/config.toml`).
//!
//! Every key is optional; a missing file means defaults. A file that is not
//! TOML at all is reported with its line and column, and rawi starts with
//! defaults rather than refusing to open the article the user asked for. An
//! unknown key or a value of the wrong type is reported the same way, each
//! one, and only that key is set aside: the rest of the file applies.
//!
//! ```toml
//! mouse = false              # wheel and click in the panes
//! bidi = "app"               # "app" (rawi reorders), "terminal" (it does), "off"
//! side_width = 40            # width of the side column, in cells (0 = 30% of the screen)
//! side_position = "auto"     # "auto" (left for right-to-left articles), "left", "right"
//!
//! [keys]                     # key → action, on top of the default keymap
//! "ctrl-n" = "next_quote"
//!
//! [theme]                    # colour names or "#rrggbb"; "default" = no colour
//! quote = "speaker"          # "speaker": one colour per speaker
//! number = "yellow"
//! heading = "magenta"
//! search = "green"
//! selection = "blue"
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use crate::sanitize::{Hidden, for_terminal_line};

/// How right-to-left text reaches the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BidiMode {
    /// rawi reorders; the terminal is asked not to (`CSI 8 l`).
    #[default]
    App,
    /// The terminal reorders (it always does); rawi sends logical order.
    Terminal,
    /// No reordering at all (for debugging).
    Off,
}

/// Where the side column goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SidePosition {
    /// Left of right-to-left articles, right of left-to-right ones.
    #[default]
    Auto,
    /// Always left.
    Left,
    /// Always right.
    Right,
}

/// Colours of the reader, as names (`yellow`) or `#rrggbb`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Quotes in the article.
    pub quote: String,
    /// Numbers in the article.
    pub number: String,
    /// Section headings.
    pub heading: String,
    /// Search hits.
    pub search: String,
    /// Selected items.
    pub selection: String,
}

impl Default for Theme {
    fn default() -> Self {
        Self {
            quote: "speaker".into(),
            number: "yellow".into(),
            heading: "default".into(),
            search: "default".into(),
            selection: "default".into(),
        }
    }
}

/// The whole configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Mouse support in the reader.
    pub mouse: bool,
    /// Bidi mode.
    pub bidi: BidiMode,
    /// Side column width in cells; 0 = automatic (30% of the screen, 20–44).
    pub side_width: u16,
    /// Side column position.
    pub side_position: SidePosition,
    /// Extra key bindings: key notation → action name.
    pub keys: BTreeMap<String, String>,
    /// Colours.
    pub theme: Theme,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            mouse: false,
            bidi: BidiMode::App,
            side_width: 0,
            side_position: SidePosition::Auto,
            keys: BTreeMap::new(),
            theme: Theme::default(),
        }
    }
}

/// A configuration file, or one key of it, that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file.
    pub path: PathBuf,
    /// 1-based line of the problem, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    /// What is wrong, safe for a terminal (controls shown as `^[`,
    /// `<U+202E>`: a key may be any string).
    pub message: String,
    /// The key set aside (`side_width`, `theme.quote`, as safe as
    /// `message`); none when the whole file was (not TOML, unreadable) and
    /// the defaults are used.
    pub key: Option<String>,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display().to_string();
        write!(f, "{}", for_terminal_line(&path, Hidden::Show))?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
            if let Some(c) = self.column {
                write!(f, ":{c}")?;
            }
        }
        match self.key {
            Some(_) => write!(f, ": {} (ignored)", self.message),
            None => write!(f, ": {} (using the defaults)", self.message),
        }
    }
}

/// The default path of the configuration file.
pub fn default_path() -> Option<PathBuf> {
    xdg_dir("XDG_CONFIG_HOME", ".config").map(|d| d.join("rawi").join("config.toml"))
}

/// `$VAR` if it is an absolute path, else `$HOME/<fallback>` if `HOME` is
/// absolute, else none: an empty or relative `HOME` would put the files in
/// whatever folder rawi was started from.
pub fn xdg_dir(var: &str, fallback: &str) -> Option<PathBuf> {
    let absolute = |v: std::ffi::OsString| Some(PathBuf::from(v)).filter(|p| p.is_absolute());
    std::env::var_os(var).and_then(absolute).or_else(|| {
        std::env::var_os("HOME")
            .and_then(absolute)
            .map(|h| h.join(fallback))
    })
}

/// 1-based line and column (in characters) of byte `offset` of `text`.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(1, |l| l.chars().count() + 1);
    (line, column)
}

/// Text from the file (a key, a value in a message) made safe to show.
fn shown(s: &str) -> String {
    for_terminal_line(s, Hidden::Show).into_owned()
}

/// Reads the keys of a parsed file into a [`Config`], setting aside and
/// reporting each key it cannot use.
struct Reader<'t> {
    text: &'t str,
    path: &'t Path,
    problems: Vec<ConfigError>,
}

impl Reader<'_> {
    fn report(&mut self, span: Option<Range<usize>>, key: &str, message: &str) {
        let (line, column) = match span {
            Some(s) => {
                let (l, c) = position(self.text, s.start);
                (Some(l), Some(c))
            }
            None => (None, None),
        };
        self.problems.push(ConfigError {
            path: self.path.to_path_buf(),
            line,
            column,
            message: shown(message),
            key: Some(shown(key)),
        });
    }

    fn unknown(&mut self, key: &str, span: Range<usize>) {
        self.report(Some(span), key, &format!("unknown key {key}"));
    }

    /// Sets `into` from `value`, or reports why not and leaves it.
    fn value<'i, T: Deserialize<'i>>(&mut self, key: &str, value: Spanned<DeValue<'i>>, into: &mut T) {
        let span = value.span();
        match T::deserialize(ValueDeserializer::from(value)) {
            Ok(v) => *into = v,
            Err(e) => {
                let at = e.span().unwrap_or(span);
                self.report(Some(at), key, &format!("{key}: {}", e.message().trim()));
            }
        }
    }

    /// The table `value` is, or a report that it is not one.
    fn table<'i>(&mut self, key: &str, value: Spanned<DeValue<'i>>) -> Option<DeTable<'i>> {
        let span = value.span();
        match value.into_inner() {
            DeValue::Table(t) => Some(t),
            other => {
                let message = format!("{key}: invalid type: {}, expected a table", other.type_str());
                self.report(Some(span), key, &message);
                None
            }
        }
    }

    fn config(&mut self, table: DeTable<'_>) -> Config {
        let mut c = Config::default();
        for (key, value) in table {
            let span = key.span();
            let key = key.into_inner();
            match key.as_ref() {
                "mouse" => self.value("mouse", value, &mut c.mouse),
                "bidi" => self.value("bidi", value, &mut c.bidi),
                "side_width" => self.value("side_width", value, &mut c.side_width),
                "side_position" => self.value("side_position", value, &mut c.side_position),
                "keys" => {
                    for (k, v) in self.table("keys", value).into_iter().flatten() {
                        let k = k.into_inner().into_owned();
                        let mut action = String::new();
                        let errors = self.problems.len();
                        self.value(&format!("keys.{k}"), v, &mut action);
                        if self.problems.len() == errors {
                            c.keys.insert(k, action);
                        }
                    }
                }
                "theme" => {
                    for (k, v) in self.table("theme", value).into_iter().flatten() {
                        let k_span = k.span();
                        let k = k.into_inner();
                        let name = format!("theme.{k}");
                        let t = &mut c.theme;
                        let field = match k.as_ref() {
                            "quote" => &mut t.quote,
                            "number" => &mut t.number,
                            "heading" => &mut t.heading,
                            "search" => &mut t.search,
                            "selection" => &mut t.selection,
                            _ => {
                                self.unknown(&name, k_span);
                                continue;
                            }
                        };
                        self.value(&name, v, field);
                    }
                }
                other => self.unknown(other, span),
            }
        }
        c
    }
}

/// Parses configuration text; `path` is only used in messages. Text that is
/// not TOML gives the defaults and one error; otherwise every key that can
/// be used is, and each one that cannot (unknown, or a value of the wrong
/// type) gives an error of its own, in the order of the file.
pub fn parse(text: &str, path: &Path) -> (Config, Vec<ConfigError>) {
    let table = match DeTable::parse(text) {
        Ok(t) => t.into_inner(),
        Err(e) => {
            let (line, column) = match e.span() {
                Some(s) => {
                    let (l, c) = position(text, s.start);
                    (Some(l), Some(c))
                }
                None => (None, None),
            };
            let error = ConfigError {
                path: path.to_path_buf(),
                line,
                column,
                message: shown(e.message().trim()),
                key: None,
            };
            return (Config::default(), vec![error]);
        }
    };
    let mut reader = Reader {
        text,
        path,
        problems: Vec::new(),
    };
    let config = reader.config(table);
    let mut problems = reader.problems;
    problems.sort_by_key(|e| (e.line, e.column));
    (config, problems)
}

/// Loads the configuration at `path`: defaults when there is no file; when
/// the file is broken, what could be used of it and the errors to show.
pub fn load(path: &Path) -> (Config, Vec<ConfigError>) {
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text, path),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), Vec::new()),
        Err(e) => (
            Config::default(),
            vec![ConfigError {
                path: path.to_path_buf(),
                line: None,
                column: None,
                message: shown(&e.to_string()),
                key: None,
            }],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The configuration of `text`, which must hold no problem.
    fn clean(text: &str) -> Config {
        let (c, problems) = parse(text, Path::new("c.toml"));
        assert!(problems.is_empty(), "{problems:?}");
        c
    }

    #[test]
    fn empty_file_is_the_defaults() {
        assert_eq!(clean(""), Config::default());
    }

    #[test]
    fn the_documented_example_parses() {
        let doc = include_str!("config.rs");
        let example: String = doc
            .lines()
            .skip_while(|l| !l.starts_with("//! ```toml"))
            .skip(1)
            .take_while(|l| !l.starts_with("//! ```"))
            .map(|l| l.trim_start_matches("//!").trim_start_matches(' '))
            .collect::<Vec<_>>()
            .join("\n");
        let c = clean(&example);
        assert_eq!(c.keys.get("ctrl-n").map(String::as_str), Some("next_quote"));
        assert_eq!(c.side_width, 40);
        assert_eq!(c.bidi, BidiMode::App);
    }

    #[test]
    fn values_round_trip() {
        let c = clean(
            "mouse = true\nbidi = \"terminal\"\nside_position = \"left\"\n[theme]\nquote = \"#ff8800\"\n",
        );
        assert!(c.mouse);
        assert_eq!(c.bidi, BidiMode::Terminal);
        assert_eq!(c.side_position, SidePosition::Left);
        assert_eq!(c.theme.quote, "#ff8800");
        assert_eq!(c.theme.number, "yellow");
    }

    #[test]
    fn a_file_that_is_not_toml_names_the_line_and_falls_back() {
        let dir = std::env::temp_dir().join(format!("rawi-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("config.toml");
        std::fs::write(&p, "mouse = true\nbidi = [").unwrap();
        let (c, errors) = load(&p);
        assert_eq!(c, Config::default(), "nothing of a broken file is used");
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!((errors[0].line, errors[0].key.as_deref()), (Some(2), None));
        assert!(
            errors[0].to_string().ends_with("(using the defaults)"),
            "{}",
            errors[0]
        );
        let (c, errors) = load(&dir.join("missing.toml"));
        assert_eq!((c, errors), (Config::default(), Vec::new()));
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// Issue 13, defect 6: one bad key used to discard the whole file.
    #[test]
    fn an_unknown_key_is_reported_and_the_rest_applies() {
        let (c, errors) = parse(
            "mouse = true\nfoo = 1\nbidi = \"off\"\n",
            Path::new("/x/config.toml"),
        );
        assert!(c.mouse, "the key before the bad one applies");
        assert_eq!(c.bidi, BidiMode::Off, "the key after it too");
        assert_eq!(errors.len(), 1, "{errors:?}");
        let e = &errors[0];
        assert_eq!(
            (e.line, e.column, e.key.as_deref()),
            (Some(2), Some(1), Some("foo"))
        );
        assert_eq!(e.to_string(), "/x/config.toml:2:1: unknown key foo (ignored)");
    }

    #[test]
    fn each_wrong_type_is_reported_at_its_value_and_the_rest_applies() {
        let text = "side_width = \"wide\"\nmouse = true\nbidi = \"sideways\"\nside_position = \"right\"\n\
                    [keys]\nx = \"next_quote\"\ny = 3\n[theme]\nnumber = \"red\"\ncolour = \"blue\"\nquote = false\n";
        let (c, errors) = parse(text, Path::new("c.toml"));
        assert!(c.mouse);
        assert_eq!(c.side_width, 0, "the default stays where the value was wrong");
        assert_eq!(c.bidi, BidiMode::App);
        assert_eq!(c.side_position, SidePosition::Right);
        assert_eq!(c.keys.len(), 1, "{:?}", c.keys);
        assert_eq!(c.keys["x"], "next_quote");
        assert_eq!(c.theme.number, "red");
        assert_eq!(c.theme.quote, "speaker");
        let at: Vec<_> = errors
            .iter()
            .map(|e| (e.line.unwrap(), e.column.unwrap(), e.key.clone().unwrap()))
            .collect();
        assert_eq!(
            at,
            [
                (1, 14, "side_width".to_string()),
                (3, 8, "bidi".to_string()),
                (7, 5, "keys.y".to_string()),
                (10, 1, "theme.colour".to_string()),
                (11, 9, "theme.quote".to_string()),
            ],
            "{errors:?}"
        );
        assert!(errors[0].message.contains("wide"), "{}", errors[0].message);
        assert!(errors[1].message.contains("sideways"), "{}", errors[1].message);
    }

    #[test]
    fn a_table_where_a_value_belongs_and_the_reverse_are_reported() {
        let (c, errors) = parse(
            "keys = 1\n[mouse]\nx = 1\n[theme]\nheading = \"blue\"\n",
            Path::new("c"),
        );
        assert_eq!(c.theme.heading, "blue");
        assert!(!c.mouse);
        let at: Vec<_> = errors.iter().map(|e| (e.line, e.key.as_deref())).collect();
        assert_eq!(
            at,
            [(Some(1), Some("keys")), (Some(2), Some("mouse"))],
            "{errors:?}"
        );
    }

    #[test]
    fn a_key_with_control_characters_is_reported_with_them_visible() {
        let text = "\"\\u001b]0;PWNED\\u0007\u{202E}\" = 1\n[theme]\n\"q\\u001b[2J\" = \"x\"\nmouse = true\n";
        let (c, errors) = parse(text, Path::new("c"));
        assert_eq!(c, Config::default(), "mouse is under [theme]: unknown there");
        assert_eq!(errors.len(), 3, "{errors:?}");
        for e in &errors {
            let shown = e.to_string();
            assert!(crate::sanitize::is_terminal_safe(&shown), "{shown:?}");
        }
        assert_eq!(
            errors[0].to_string(),
            "c:1:1: unknown key ^[]0;PWNED^G<U+202E> (ignored)"
        );
        assert!(errors[1].message.contains("q^[[2J"), "{}", errors[1].message);
        assert_eq!(errors[2].key.as_deref(), Some("theme.mouse"));
    }
}
