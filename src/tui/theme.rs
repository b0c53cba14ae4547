//! Styles. Colour is never the only signal: every highlight also carries
//! a modifier (reverse, bold, underline, italic), so it shows under
//! `NO_COLOR` and in snapshot tests, which do not record colour.

use ratatui::style::{Color, Modifier, Style};

/// Colours of quotes, one per speaker (cycled).
const SPEAKER_COLORS: [Color; 6] = [
    Color::Cyan,
    Color::Green,
    Color::Magenta,
    Color::Blue,
    Color::LightRed,
    Color::LightYellow,
];

/// Colours chosen in the configuration (`[theme]`); `None` keeps the
/// built-in look. Modifiers stay whatever the colours, so nothing depends
/// on colour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Palette {
    /// Every quote in this colour (default: one colour per speaker).
    pub quote: Option<Color>,
    /// Numbers in the text.
    pub number: Option<Color>,
    /// Section headings.
    pub heading: Option<Color>,
    /// Search hits.
    pub search: Option<Color>,
    /// The selected row of a list.
    pub selection: Option<Color>,
}

/// The styles of one run, with or without colour.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    color: bool,
    palette: Palette,
}

impl Theme {
    /// A theme; `color == false` drops every colour (NO_COLOR).
    #[allow(dead_code)]
    pub fn new(color: bool) -> Self {
        Self::with_palette(color, Palette::default())
    }

    /// A theme with the configured colours.
    pub fn with_palette(color: bool, palette: Palette) -> Self {
        Self { color, palette }
    }

    fn opt(&self, style: Style, c: Option<Color>) -> Style {
        match c {
            Some(c) => self.fg(style, c),
            None => style,
        }
    }

    fn fg(&self, style: Style, c: Color) -> Style {
        if self.color { style.fg(c) } else { style }
    }

    /// A quote by speaker `s` (`None`: unattributed).
    pub fn quote(&self, s: Option<usize>) -> Style {
        let base = Style::new().add_modifier(Modifier::ITALIC);
        if let Some(c) = self.palette.quote {
            return self.fg(base, c);
        }
        match s {
            Some(s) => self.fg(base, SPEAKER_COLORS[s % SPEAKER_COLORS.len()]),
            None => base,
        }
    }

    /// The colour swatch of a speaker in the speakers pane.
    pub fn speaker(&self, s: usize) -> Style {
        self.fg(Style::new(), SPEAKER_COLORS[s % SPEAKER_COLORS.len()])
    }

    /// A number in the text.
    pub fn number(&self) -> Style {
        let c = self.palette.number.unwrap_or(Color::Yellow);
        self.fg(Style::new().add_modifier(Modifier::UNDERLINED), c)
    }

    /// The item last jumped to.
    pub fn current(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// A search hit.
    pub fn hit(&self) -> Style {
        self.opt(Style::new().add_modifier(Modifier::REVERSED), self.palette.search)
    }

    /// The search hit last moved to.
    pub fn current_hit(&self) -> Style {
        let s = Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED);
        self.opt(s, self.palette.search)
    }

    /// Selected text and items (select.rs): bold and underlined, so the
    /// mark shows without colour; a background when colour is allowed.
    pub fn marked(&self) -> Style {
        let s = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        if self.color { s.bg(Color::DarkGray) } else { s }
    }

    /// The cursor of a visual selection.
    pub fn visual_cursor(&self) -> Style {
        self.marked().add_modifier(Modifier::REVERSED)
    }

    /// The headline.
    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// A section heading.
    pub fn heading(&self) -> Style {
        self.opt(
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            self.palette.heading,
        )
    }

    /// Border of the focused pane (it is also drawn thick and marked).
    pub fn focused_border(&self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::BOLD), Color::Yellow)
    }

    /// Border of the other panes.
    pub fn border(&self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }

    /// The selected row of a list (reverse when its pane is focused).
    pub fn selected(&self, focused: bool) -> Style {
        if focused {
            self.opt(
                Style::new().add_modifier(Modifier::REVERSED),
                self.palette.selection,
            )
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// Speakers that are not named people, and other secondary text.
    pub fn dim(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    /// The status line.
    pub fn status(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
}
