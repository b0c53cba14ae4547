//! Many articles: finding them under folders, summarising each one, and the
//! speaker index across the whole library.
//!
//! A library of thousands of articles must not keep every full analysis in
//! memory: each article is analysed once and reduced to a [`Summary`]
//! (title, counts, its speakers and their quotes' positions) that the
//! library view and the [`SpeakerIndex`] need; the reader analyses an
//! article again when it is opened.

use std::path::{Path, PathBuf};

use crate::article::{Article, Direction, SpeakerKind};
use crate::source::InputError;
use crate::text::fold;

/// File extensions read as articles when a folder is opened.
pub const ARTICLE_EXTENSIONS: [&str; 4] = ["txt", "json", "jsonl", "ndjson"];

/// Expands `paths`: folders are walked recursively for article files
/// (sorted, hidden entries skipped); files are kept as given, whatever their
/// extension; `-` stays stdin. Unreadable folders are reported, not fatal.
pub fn discover(paths: &[String]) -> (Vec<String>, Vec<InputError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        let path = Path::new(p);
        if p != "-" && path.is_dir() {
            walk(path, &mut files, &mut errors);
        } else {
            files.push(p.clone());
        }
    }
    (files, errors)
}

fn walk(dir: &Path, files: &mut Vec<String>, errors: &mut Vec<InputError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(error) => {
            errors.push(InputError::Io {
                source: dir.display().to_string(),
                error,
            });
            return;
        }
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        // Symlinked folders are not followed: a loop must not hang the walk.
        let is_dir = std::fs::symlink_metadata(&path)
            .map(|m| m.is_dir())
            .unwrap_or(false);
        if is_dir {
            walk(&path, files, errors);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            files.push(path.display().to_string());
        }
    }
}

/// A speaker as the library keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerSummary {
    /// Name as in the article.
    pub name: String,
    /// Other forms.
    pub aliases: Vec<String>,
    /// Role, if known.
    pub role: Option<String>,
    /// Person, group, organization or anonymous.
    pub kind: SpeakerKind,
    /// Byte offsets (article text) of the starts of their quotes.
    pub quotes: Vec<usize>,
    /// The first words of each quote, for lists.
    pub previews: Vec<String>,
}

/// What the library remembers of one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Where it came from.
    pub source: String,
    /// Its title.
    pub title: String,
    /// Language code.
    pub lang: String,
    /// Direction.
    pub direction: Direction,
    /// Date from the record, if any.
    pub date: Option<String>,
    /// Content hash of the text (see [`content_hash`]).
    pub hash: u64,
    /// Number of headed sections.
    pub sections: usize,
    /// Number of quotes.
    pub quotes: usize,
    /// Number of numbers.
    pub numbers: usize,
    /// Its speakers with their quotes.
    pub speakers: Vec<SpeakerSummary>,
}

/// Longest quote preview kept per quote, in characters.
const PREVIEW_CHARS: usize = 80;

/// Reduces an analysed article to what the library needs.
pub fn summarize(a: &Article) -> Summary {
    let speakers = a
        .speakers
        .iter()
        .enumerate()
        .map(|(id, s)| {
            let quotes: Vec<&crate::article::Quote> =
                a.quotes.iter().filter(|q| q.speaker == Some(id)).collect();
            SpeakerSummary {
                name: s.name.clone(),
                aliases: s.aliases.clone(),
                role: s.role.clone(),
                kind: s.kind,
                quotes: quotes.iter().map(|q| q.span.start).collect(),
                previews: quotes
                    .iter()
                    .map(|q| a.slice(q.span).chars().take(PREVIEW_CHARS).collect())
                    .collect(),
            }
        })
        .collect();
    Summary {
        source: a.source.clone(),
        title: a.title().to_string(),
        lang: a.lang.clone(),
        direction: a.direction,
        date: a.date.clone(),
        hash: content_hash(a.text.as_bytes()),
        sections: a.sections.iter().filter(|s| s.heading.is_some()).count(),
        quotes: a.quotes.len(),
        numbers: a.numbers.len(),
        speakers,
    }
}

/// A stable 64-bit hash of an article's bytes (FNV-1a). Reading positions
/// are saved under it, so it must never change between versions of rawi —
/// hence a fixed, written-out algorithm rather than a library hasher.
pub fn content_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// One speaker across the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexEntry {
    /// The longest name seen.
    pub name: String,
    /// Every other form seen.
    pub aliases: Vec<String>,
    /// Kind (people merge only with people).
    pub kind: SpeakerKind,
    /// (article index, speaker index in that article's summary).
    pub appearances: Vec<(usize, usize)>,
    /// Total quotes.
    pub quotes: usize,
    keys: Vec<String>,
}

impl IndexEntry {
    /// Number of distinct articles.
    pub fn articles(&self) -> usize {
        let mut a: Vec<usize> = self.appearances.iter().map(|x| x.0).collect();
        a.dedup();
        a.len()
    }
}

/// Every speaker of the library, merged across articles by name and alias.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpeakerIndex {
    /// Entries in order of first appearance.
    pub entries: Vec<IndexEntry>,
    /// (kind, folded form) → first entry holding that form: adding an
    /// article costs a few lookups, not a scan of every entry (a library of
    /// 10,000 articles has tens of thousands of speakers).
    by_key: rustc_hash::FxHashMap<(SpeakerKind, String), usize>,
    /// (kind, first folded form of the entry) → first such entry.
    by_first: rustc_hash::FxHashMap<(SpeakerKind, String), usize>,
}

impl SpeakerIndex {
    /// Adds the speakers of article `article`.
    pub fn add(&mut self, article: usize, summary: &Summary) {
        for (sid, s) in summary.speakers.iter().enumerate() {
            let mut keys: Vec<String> = std::iter::once(&s.name)
                .chain(&s.aliases)
                .map(|n| fold(n))
                .collect();
            keys.retain(|k| k.chars().count() >= 3);
            // A one-word alias (`الكاظمي`) alone is too weak to merge two
            // articles' speakers; full names and multi-word forms are not.
            let strong: Vec<&String> = keys.iter().filter(|k| k.contains(' ')).collect();
            // The first entry (in order of appearance) that shares a strong
            // form, or whose first form is this speaker's first form.
            let strong_hit = strong
                .iter()
                .filter_map(|k| self.by_key.get(&(s.kind, (*k).clone())).copied())
                .min();
            let first_hit = keys
                .first()
                .and_then(|k| self.by_first.get(&(s.kind, k.clone())).copied());
            // A given name alone (`محمد`, `سلمان`, `عبدالله`: over
            // ../shared/snn such entries gathered the quotes of 57, 39 and
            // 17 articles) is someone else in each article: it neither
            // merges nor is merged into.
            let lone_given = s.kind == SpeakerKind::Person
                && strong.is_empty()
                && keys
                    .first()
                    .is_some_and(|k| crate::extract::lexicon::lexicon().first_names.contains(k));
            let found = match (strong_hit, first_hit) {
                _ if lone_given => None,
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            let id = match found {
                Some(i) => i,
                None => {
                    self.entries.push(IndexEntry {
                        name: s.name.clone(),
                        aliases: vec![],
                        kind: s.kind,
                        appearances: vec![],
                        quotes: 0,
                        keys: vec![],
                    });
                    self.entries.len() - 1
                }
            };
            let e = &mut self.entries[id];
            for form in std::iter::once(&s.name).chain(&s.aliases) {
                if *form != e.name && !e.aliases.contains(form) {
                    e.aliases.push(form.clone());
                }
            }
            if s.name.chars().count() > e.name.chars().count() && s.name.contains(' ') {
                let old = std::mem::replace(&mut e.name, s.name.clone());
                e.aliases.retain(|a| *a != e.name);
                if !e.aliases.contains(&old) {
                    e.aliases.push(old);
                }
            }
            for k in keys {
                if lone_given {
                    break;
                }
                if !e.keys.contains(&k) {
                    if e.keys.is_empty() {
                        self.by_first.entry((s.kind, k.clone())).or_insert(id);
                    }
                    self.by_key.entry((s.kind, k.clone())).or_insert(id);
                    e.keys.push(k);
                }
            }
            e.appearances.push((article, sid));
            e.quotes += s.quotes.len();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, analyze};

    fn art(source: &str, body: &str) -> Summary {
        summarize(&analyze(Document::from_text(source, format!("عنوان\n\n{body}"))))
    }

    #[test]
    fn speakers_merge_across_articles_by_name_and_alias() {
        let a = art(
            "a",
            "وقال رئيس الوزراء العراقي مصطفى الكاظمي إن الحوار مهم.\n\nوأكد الكاظمي أن الأمن أولوية.",
        );
        let b = art(
            "b",
            "أعلن مصطفى الكاظمي أن الانتخابات في موعدها.\n\nوقال وزير الخارجية فؤاد حسين إن العلاقات جيدة.",
        );
        let mut idx = SpeakerIndex::default();
        idx.add(0, &a);
        idx.add(1, &b);
        let k = idx.entries.iter().find(|e| e.name == "مصطفى الكاظمي").unwrap();
        assert_eq!(k.articles(), 2);
        assert_eq!(k.quotes, 3);
        assert!(k.aliases.contains(&"الكاظمي".to_string()));
        assert_eq!(idx.entries.len(), 2);
    }

    #[test]
    fn a_given_name_alone_is_someone_else_in_each_article() {
        let a = art("a", "وقال محمد إن المحل أغلق أبوابه.");
        let b = art("b", "وأكد محمد أن المباراة تأجلت.");
        let c = art(
            "c",
            "وقال كارتر إن المحادثات مستمرة.\n\nوأضاف كارتر أن الاتفاق قريب.",
        );
        let d = art("d", "وقال كارتر إن القوات انسحبت.");
        for x in [&a, &b] {
            assert_eq!(x.speakers.first().map(|s| s.name.as_str()), Some("محمد"), "{x:?}");
        }
        let mut idx = SpeakerIndex::default();
        for (i, x) in [a, b, c, d].iter().enumerate() {
            idx.add(i, x);
        }
        let names: Vec<(&str, usize)> = idx
            .entries
            .iter()
            .map(|e| (e.name.as_str(), e.articles()))
            .collect();
        // A family name alone still merges: it is the same public figure.
        assert_eq!(names, [("محمد", 1), ("محمد", 1), ("كارتر", 2)]);
    }

    #[test]
    fn discover_walks_folders_and_keeps_given_files() {
        let d = std::env::temp_dir().join(format!("rawi-lib-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(d.join("sub/deeper")).unwrap();
        std::fs::create_dir_all(d.join(".hidden")).unwrap();
        for f in [
            "a.txt",
            "sub/b.jsonl",
            "sub/deeper/c.json",
            "notes.md",
            ".hidden/x.txt",
        ] {
            std::fs::write(d.join(f), "x").unwrap();
        }
        let (files, errors) = discover(&[d.display().to_string(), d.join("notes.md").display().to_string()]);
        let names: Vec<String> = files
            .iter()
            .map(|f| f.trim_start_matches(&d.display().to_string()).to_string())
            .collect();
        assert_eq!(
            names,
            ["/a.txt", "/sub/b.jsonl", "/sub/deeper/c.json", "/notes.md"]
        );
        assert!(errors.is_empty());
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn content_hash_is_stable() {
        assert_eq!(content_hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(content_hash(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
