//! Reading memory: where each article was left and its marks, saved in
//! `$XDG_STATE_HOME/rawi/state.json` (or `~/.local/state/rawi/state.json`).
//!
//! Articles are keyed by [`crate::library::content_hash`], so a renamed or
//! moved file keeps its place. The file is written atomically; a broken or
//! missing file means a fresh start, never an error that stops the reader.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::export::write::{Overwrite, write_atomic};

/// At most this many articles are remembered; the least recently read go first.
pub const MAX_ARTICLES: usize = 10_000;

/// What is remembered of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Place {
    /// Paragraph at the top of the screen.
    pub paragraph: usize,
    /// Byte offset (article text) at the top of the screen: the exact
    /// place, where `paragraph` is a coarse one for older files.
    pub offset: usize,
    /// Marks `a`–`z` → byte offset of the top of the screen when set.
    pub marks: BTreeMap<char, usize>,
    /// Ordinal of the last visit, for eviction.
    pub seen: u64,
}

/// Every article's place.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    /// Format version.
    pub version: u32,
    /// Places by content hash (hex).
    pub articles: BTreeMap<String, Place>,
    /// Visit counter.
    pub clock: u64,
}

/// The default path of the state file.
pub fn default_path() -> Option<PathBuf> {
    crate::config::xdg_dir("XDG_STATE_HOME", ".local/state").map(|d| d.join("rawi").join("state.json"))
}

fn key(hash: u64) -> String {
    format!("{hash:016x}")
}

impl State {
    /// Reads the state file; anything unreadable is a fresh state.
    pub fn load(path: &Path) -> Self {
        std::fs::read(path)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    /// The place of an article, if remembered.
    pub fn place(&self, hash: u64) -> Option<&Place> {
        self.articles.get(&key(hash))
    }

    /// Remembers the place of an article.
    pub fn remember(&mut self, hash: u64, paragraph: usize, marks: &BTreeMap<char, usize>) {
        self.remember_at(hash, paragraph, 0, marks);
    }

    /// Remembers the place of an article down to the byte offset at the top
    /// of the screen.
    pub fn remember_at(&mut self, hash: u64, paragraph: usize, offset: usize, marks: &BTreeMap<char, usize>) {
        self.clock += 1;
        let place = Place {
            paragraph,
            offset,
            marks: marks.clone(),
            seen: self.clock,
        };
        self.articles.insert(key(hash), place);
        if self.articles.len() > MAX_ARTICLES {
            let mut by_age: Vec<(u64, String)> =
                self.articles.iter().map(|(k, p)| (p.seen, k.clone())).collect();
            by_age.sort();
            for (_, k) in by_age.into_iter().take(self.articles.len() - MAX_ARTICLES) {
                self.articles.remove(&k);
            }
        }
    }

    /// Writes the state file atomically, creating its folder.
    pub fn save(&self, path: &Path) -> io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut s = self.clone();
        s.version = 1;
        let bytes = serde_json::to_vec_pretty(&s).map_err(io::Error::other)?;
        write_atomic(path, &bytes, Overwrite::Confirmed).map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_survive_a_save_and_load() {
        let dir = std::env::temp_dir().join(format!("rawi-state-{}", std::process::id()));
        let path = dir.join("nested/state.json");
        let mut s = State::default();
        let marks: BTreeMap<char, usize> = [('a', 3), ('z', 9)].into_iter().collect();
        s.remember(0xdead_beef, 7, &marks);
        s.save(&path).unwrap();
        let back = State::load(&path);
        let p = back.place(0xdead_beef).unwrap();
        assert_eq!((p.paragraph, p.marks.clone()), (7, marks));
        assert!(back.place(1).is_none());
        std::fs::write(&path, b"{ broken").unwrap();
        assert_eq!(State::load(&path), State::default());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_oldest_places_are_forgotten_first() {
        let mut s = State::default();
        for h in 0..(MAX_ARTICLES as u64 + 5) {
            s.remember(h, 1, &BTreeMap::new());
        }
        assert_eq!(s.articles.len(), MAX_ARTICLES);
        assert!(s.place(0).is_none() && s.place(4).is_none());
        assert!(s.place(5).is_some());
    }
}
