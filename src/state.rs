//! Reading memory: where each article was left and its marks, saved in
//! `$XDG_STATE_HOME/rawi/state.json` (or `~/.local/state/rawi/state.json`).
//!
//! Articles are keyed by [`crate::library::content_hash`], so a renamed or
//! moved file keeps its place. The file is written atomically; a missing
//! file means a fresh start, never an error that stops the reader, and a
//! broken one is kept aside (`state.json.broken-<time>`) before that, so
//! nothing saved is lost without a word.
//!
//! Several readers may run at once (two terminals, a library and a single
//! article): each save re-reads the file under a lock and merges it per
//! article by the time of the visit, so one reader's quitting never erases
//! what another saved.

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
    /// Ordinal of the last visit in the saving reader (older files).
    pub seen: u64,
    /// When the place was taken, in milliseconds since the Unix epoch: what
    /// merges the saves of readers that ran at the same time.
    pub at: u64,
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

/// The present time in milliseconds since the Unix epoch.
fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

impl State {
    /// Reads the state file; anything unreadable is a fresh state (see
    /// [`State::load_reporting`] for what becomes of a broken file).
    pub fn load(path: &Path) -> Self {
        Self::load_reporting(path).0
    }

    /// Reads the state file. A file that exists but cannot be understood
    /// is renamed `state.json.broken-<unix time>` (so its positions can
    /// still be recovered by hand) and a fresh state is returned with a
    /// message saying so; the next start finds no broken file and says
    /// nothing.
    pub fn load_reporting(path: &Path) -> (Self, Option<String>) {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return (Self::default(), None),
            Err(e) => {
                let msg = format!("could not read reading positions from {}: {e}", path.display());
                return (Self::default(), Some(msg));
            }
        };
        match serde_json::from_slice(&bytes) {
            Ok(state) => (state, None),
            Err(_) => (Self::default(), Some(set_aside(path))),
        }
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
        // Never earlier than the place it replaces, whatever the clock does.
        let at = now_ms().max(self.place(hash).map_or(0, |p| p.at + 1));
        let place = Place {
            paragraph,
            offset,
            marks: marks.clone(),
            seen: self.clock,
            at,
        };
        self.articles.insert(key(hash), place);
        self.evict();
    }

    /// Forgets the least recently read articles beyond [`MAX_ARTICLES`].
    fn evict(&mut self) {
        if self.articles.len() > MAX_ARTICLES {
            let mut by_age: Vec<(u64, u64, String)> = self
                .articles
                .iter()
                .map(|(k, p)| (p.at, p.seen, k.clone()))
                .collect();
            by_age.sort();
            for (.., k) in by_age.into_iter().take(self.articles.len() - MAX_ARTICLES) {
                self.articles.remove(&k);
            }
        }
    }

    /// Takes in `other`'s places: per article, the later visit wins (this
    /// state's on a tie).
    fn merge(&mut self, other: State) {
        for (k, theirs) in other.articles {
            match self.articles.get(&k) {
                Some(ours) if ours.at >= theirs.at => {}
                _ => {
                    self.articles.insert(k, theirs);
                }
            }
        }
        self.clock = self.clock.max(other.clock);
        self.evict();
    }

    /// Writes the state file atomically, creating its folder. Under a lock
    /// on `state.json.lock`, the file is read again and merged in first
    /// (this state then holds the merged places, other readers' included).
    pub fn save(&mut self, path: &Path) -> io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(lock_path(path))?;
        lock.lock()?;
        let disk = match std::fs::read(path) {
            Ok(bytes) => serde_json::from_slice::<State>(&bytes).unwrap_or_else(|_| {
                // Broken since it was loaded: kept aside, not overwritten.
                set_aside(path);
                State::default()
            }),
            Err(_) => State::default(),
        };
        self.merge(disk);
        self.version = 1;
        let bytes = serde_json::to_vec_pretty(&*self).map_err(io::Error::other)?;
        let written = write_atomic(path, &bytes, Overwrite::Confirmed).map(|_| ());
        drop(lock);
        written
    }
}

/// `state.json.lock` beside `state.json`: the file is replaced by a rename
/// at every save, so the lock must live on a name that stays.
fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    path.with_file_name(name)
}

/// Renames a state file that cannot be understood to
/// `NAME.broken-<unix seconds>` and says what was done.
fn set_aside(path: &Path) -> String {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".broken-{}", now_ms() / 1000));
    let aside = path.with_file_name(name);
    match std::fs::rename(path, &aside) {
        // The kept file comes first: a status line cuts long messages, and
        // the name is what the user needs to find it again.
        Ok(()) => format!(
            "reading positions unreadable, kept as {}; starting afresh",
            aside.display()
        ),
        Err(e) => format!(
            "reading positions in {} unreadable and not kept aside ({e}); starting afresh",
            path.display()
        ),
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
        let _ = std::fs::remove_dir_all(&dir);
    }

    fn temp(tag: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("rawi-state-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_broken_state_file_is_kept_aside_and_said_once() {
        let dir = temp("broken");
        let path = dir.join("state.json");
        std::fs::write(&path, b"{ broken").unwrap();
        let (state, said) = State::load_reporting(&path);
        assert_eq!(state, State::default());
        let said = said.expect("a message");
        let aside: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().contains("state.json.broken-"))
            .collect();
        assert_eq!(aside.len(), 1, "{said}");
        assert_eq!(std::fs::read(&aside[0]).unwrap(), b"{ broken");
        assert!(said.contains(&*aside[0].to_string_lossy()), "{said}");
        assert!(!path.exists());
        assert_eq!(State::load_reporting(&path), (State::default(), None));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn two_readers_saving_one_after_the_other_keep_both_articles() {
        let dir = temp("two");
        let path = dir.join("state.json");
        let mut first = State::load(&path);
        let mut second = State::load(&path);
        first.remember(1, 10, &BTreeMap::new());
        second.remember(2, 20, &[('a', 5)].into_iter().collect());
        first.save(&path).unwrap();
        second.save(&path).unwrap();
        let back = State::load(&path);
        assert_eq!(back.place(1).map(|p| p.paragraph), Some(10));
        assert_eq!(back.place(2).map(|p| p.marks.get(&'a').copied()), Some(Some(5)));
        // The later visit of one article wins, whoever saves last.
        let mut early = State::load(&path);
        let mut late = State::load(&path);
        late.remember(1, 99, &BTreeMap::new());
        late.save(&path).unwrap();
        early.save(&path).unwrap();
        assert_eq!(State::load(&path).place(1).map(|p| p.paragraph), Some(99));
        assert_eq!(
            early.place(1).map(|p| p.paragraph),
            Some(99),
            "a save takes in the others"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn eight_readers_saving_at_once_keep_all_eight() {
        let dir = temp("eight");
        let path = dir.join("state.json");
        let handles: Vec<_> = (0..8u64)
            .map(|h| {
                let path = path.clone();
                std::thread::spawn(move || {
                    let mut s = State::load(&path);
                    s.remember(h, h as usize, &BTreeMap::new());
                    s.save(&path).unwrap();
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
        let back = State::load(&path);
        for h in 0..8 {
            assert_eq!(
                back.place(h).map(|p| p.paragraph),
                Some(h as usize),
                "article {h}"
            );
        }
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
