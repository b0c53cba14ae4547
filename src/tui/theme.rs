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

/// The styles of one run, with or without colour.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    color: bool,
}

impl Theme {
    /// A theme; `color == false` drops every colour (NO_COLOR).
    pub fn new(color: bool) -> Self {
        Self { color }
    }

    fn fg(&self, style: Style, c: Color) -> Style {
        if self.color { style.fg(c) } else { style }
    }

    /// A quote by speaker `s` (`None`: unattributed).
    pub fn quote(&self, s: Option<usize>) -> Style {
        let base = Style::new().add_modifier(Modifier::ITALIC);
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
        self.fg(Style::new().add_modifier(Modifier::UNDERLINED), Color::Yellow)
    }

    /// The item last jumped to.
    pub fn current(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// A search hit.
    pub fn hit(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The search hit last moved to.
    pub fn current_hit(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED)
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
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
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
            Style::new().add_modifier(Modifier::REVERSED)
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
