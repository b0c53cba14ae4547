//! A one-line text input with a cursor: the small component behind the
//! export and pipe prompts.
//!
//! It edits a `String` by whole characters (never splitting a UTF-8
//! sequence, so an Arabic file name is safe to edit), understands the few
//! readline keys people reach for (`Ctrl-u`, `Ctrl-w`, `Ctrl-a`/`Ctrl-e`,
//! arrows, `Home`/`End`, `Backspace`/`Delete`) and reports `Enter` and
//! `Esc` to its owner, which decides what they mean. It does no drawing of
//! its own beyond [`TextInput::draw`], which goes through the same bidi
//! layout as the article so typed right-to-left text reads correctly.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::app::BidiMode;
use super::view::{draw_line, one_row};

/// What a key did to the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputEvent {
    /// The text or the cursor changed (or the key was ignored).
    Edited,
    /// `Enter`: the owner takes the text.
    Submit,
    /// `Esc` (or `Ctrl-c`/`Ctrl-g`): the owner closes the prompt.
    Cancel,
}

/// A line of text being typed, with the cursor as a byte offset on a
/// character boundary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    /// What was typed.
    pub text: String,
    /// Byte offset of the cursor in `text`.
    pub cursor: usize,
}

impl TextInput {
    /// An input holding `text`, the cursor at its end.
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        Self {
            cursor: text.len(),
            text,
        }
    }

    /// Replaces the text, cursor at the end.
    pub fn set(&mut self, text: impl Into<String>) {
        *self = Self::new(text);
    }

    fn prev_boundary(&self) -> usize {
        self.text[..self.cursor]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self) -> usize {
        self.text[self.cursor..]
            .chars()
            .next()
            .map_or(self.cursor, |c| self.cursor + c.len_utf8())
    }

    /// Applies one key.
    pub fn handle(&mut self, key: &KeyEvent) -> InputEvent {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Enter => return InputEvent::Submit,
            KeyCode::Esc => return InputEvent::Cancel,
            KeyCode::Char('c' | 'g') if ctrl => return InputEvent::Cancel,
            KeyCode::Char('u') if ctrl => {
                self.text.drain(..self.cursor);
                self.cursor = 0;
            }
            KeyCode::Char('w') if ctrl => {
                let before = &self.text[..self.cursor];
                let trimmed = before.trim_end();
                let start = trimmed
                    .char_indices()
                    .rev()
                    .find(|(_, c)| c.is_whitespace() || *c == '/')
                    .map_or(0, |(i, c)| i + c.len_utf8());
                self.text.drain(start..self.cursor);
                self.cursor = start;
            }
            KeyCode::Char('a') if ctrl => self.cursor = 0,
            KeyCode::Char('e') if ctrl => self.cursor = self.text.len(),
            KeyCode::Char(_) if ctrl => {}
            KeyCode::Char(c) if !c.is_control() => {
                self.text.insert(self.cursor, c);
                self.cursor += c.len_utf8();
            }
            KeyCode::Backspace if self.cursor > 0 => {
                let p = self.prev_boundary();
                self.text.drain(p..self.cursor);
                self.cursor = p;
            }
            KeyCode::Delete if self.cursor < self.text.len() => {
                let n = self.next_boundary();
                self.text.drain(self.cursor..n);
            }
            KeyCode::Left => self.cursor = self.prev_boundary(),
            KeyCode::Right => self.cursor = self.next_boundary(),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = self.text.len(),
            _ => {}
        }
        InputEvent::Edited
    }

    /// Draws the text from `x` on row `y`, at most `max` columns, with the
    /// character at the cursor reversed (or a reversed blank after the end).
    /// Returns the next column.
    pub fn draw(&self, buf: &mut Buffer, x: u16, y: u16, max: u16, style: Style) -> u16 {
        if max == 0 {
            return x;
        }
        // Keep the cursor in view: show the tail when the text is too long.
        let mut start = 0;
        while self.text[start..self.cursor].chars().count() + 1 > usize::from(max) {
            start += self.text[start..].chars().next().map_or(1, char::len_utf8);
        }
        let shown = &self.text[start..];
        let line = one_row(shown, max.saturating_sub(1), None);
        let line = rawi::layout::VisualLine { indent: 0, ..line };
        let rect = Rect::new(x, y, max, 1);
        let cursor = self.cursor - start;
        // The cursor cell is the text's style with reverse video flipped,
        // underlined too so it shows on a monochrome status line.
        let flipped = if style.add_modifier.contains(Modifier::REVERSED) {
            style.remove_modifier(Modifier::REVERSED)
        } else {
            style.add_modifier(Modifier::REVERSED)
        }
        .add_modifier(Modifier::UNDERLINED);
        draw_line(buf, rect, y, &line, BidiMode::App, |logical| {
            if logical == cursor { flipped } else { style }
        });
        let end = x + line.width();
        if self.cursor == self.text.len() && end < x + max {
            buf.set_string(end, y, "_", style);
            return end + 1;
        }
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::event_of;

    fn typed(input: &mut TextInput, keys: &str) -> InputEvent {
        let mut last = InputEvent::Edited;
        for tok in crate::tui::keymap::parse_keys(keys) {
            last = input.handle(&event_of(&tok));
        }
        last
    }

    #[test]
    fn edits_by_characters_and_reports_enter_and_esc() {
        let mut t = TextInput::new("نص.json");
        assert_eq!(t.cursor, t.text.len());
        typed(&mut t, "<Home><Right><Right>_");
        assert_eq!(t.text, "نص_.json");
        typed(&mut t, "<BS><BS>");
        assert_eq!(t.text, "ن.json");
        typed(&mut t, "<C-u>");
        assert_eq!((t.text.as_str(), t.cursor), (".json", 0));
        typed(&mut t, "<C-e>x<Left>y");
        assert_eq!(t.text, ".jsonyx");
        assert_eq!(typed(&mut t, "<Enter>"), InputEvent::Submit);
        assert_eq!(typed(&mut t, "<Esc>"), InputEvent::Cancel);
        let mut t = TextInput::new("/tmp/a b/c.md");
        typed(&mut t, "<C-w>");
        assert_eq!(t.text, "/tmp/a b/");
    }
}
