//! The configuration file: `$XDG_CONFIG_HOME/rawi/config.toml` (or
//! `~/.config/rawi/config.toml`).
//!
//! Every key is optional; a missing file means defaults. A broken file is
//! reported with its line and column, and rawi starts with defaults rather
//! than refusing to open the article the user asked for.
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
use std::path::{Path, PathBuf};

use serde::Deserialize;

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
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
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
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
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

/// A configuration file that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file.
    pub path: PathBuf,
    /// 1-based line of the problem, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
            if let Some(c) = self.column {
                write!(f, ":{c}")?;
            }
        }
        write!(f, ": {} (using the defaults)", self.message)
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

/// Parses configuration text; `path` is only used in messages.
pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
    toml::from_str::<Config>(text).map_err(|e| {
        let (line, column) = match e.span() {
            Some(span) => {
                let before = text.get(..span.start).unwrap_or("");
                let line = before.matches('\n').count() + 1;
                let column = before
                    .rsplit('\n')
                    .next()
                    .map(|l| l.chars().count() + 1)
                    .unwrap_or(1);
                (Some(line), Some(column))
            }
            None => (None, None),
        };
        ConfigError {
            path: path.to_path_buf(),
            line,
            column,
            message: e.message().trim().to_string(),
        }
    })
}

/// Loads the configuration at `path`: defaults when there is no file, the
/// defaults and an error to show when the file is broken.
pub fn load(path: &Path) -> (Config, Option<ConfigError>) {
    match std::fs::read_to_string(path) {
        Ok(text) => match parse(&text, path) {
            Ok(c) => (c, None),
            Err(e) => (Config::default(), Some(e)),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), None),
        Err(e) => (
            Config::default(),
            Some(ConfigError {
                path: path.to_path_buf(),
                line: None,
                column: None,
                message: e.to_string(),
            }),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_file_is_the_defaults() {
        assert_eq!(parse("", Path::new("c.toml")).unwrap(), Config::default());
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
        let c = parse(&example, Path::new("c.toml")).unwrap();
        assert_eq!(c.keys.get("ctrl-n").map(String::as_str), Some("next_quote"));
        assert_eq!(c.side_width, 40);
        assert_eq!(c.bidi, BidiMode::App);
    }

    #[test]
    fn values_round_trip() {
        let c = parse(
            "mouse = true\nbidi = \"terminal\"\nside_position = \"left\"\n[theme]\nquote = \"#ff8800\"\n",
            Path::new("c"),
        )
        .unwrap();
        assert!(c.mouse);
        assert_eq!(c.bidi, BidiMode::Terminal);
        assert_eq!(c.side_position, SidePosition::Left);
        assert_eq!(c.theme.quote, "#ff8800");
        assert_eq!(c.theme.number, "yellow");
    }

    #[test]
    fn a_broken_file_names_the_line_and_falls_back() {
        let text = "mouse = true\nside_width = \"wide\"\n";
        let e = parse(text, Path::new("/x/config.toml")).unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.to_string().starts_with("/x/config.toml:2:"), "{e}");
        let e = parse("mouse = true\nmousse = 1\n", Path::new("c")).unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("mousse"), "{}", e.message);
        let dir = std::env::temp_dir().join(format!("rawi-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("config.toml");
        std::fs::write(&p, "bidi = [").unwrap();
        let (c, err) = load(&p);
        assert_eq!(c, Config::default());
        assert!(err.is_some());
        let (c, err) = load(&dir.join("missing.toml"));
        assert_eq!((c, err), (Config::default(), None));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
