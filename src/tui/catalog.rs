//! The articles of a library, loaded in the background.
//!
//! Opening a folder of 10,000 articles must show the list at once, so the
//! work is split in three: the main thread walks the folders and lists one
//! row per input (titled by its file name); a "peek" thread reads the first
//! non-empty line of each plain-text file (a few KB each) so real titles
//! arrive within moments; analysis threads load each input, analyse its
//! articles one at a time and send back only a [`Summary`] (the full
//! analysis is dropped at once: memory stays bounded by the summaries).
//! The UI thread drains the channel between frames ([`Catalog::pump`]) and
//! never blocks on it.
//!
//! Entries are never removed or moved: their index is their identity (the
//! speaker index refers to articles by it). A JSONL file starts as one row
//! and grows a row per record when its analysis arrives; a file that turns
//! out to hold no article is marked dead and hidden.

use std::io::Read;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::time::{Duration, Instant};

use rawi::library::{SpeakerIndex, Summary, summarize};
use rawi::source::{self, Document, InputError};
use rawi::{Article, analyze};

/// One input of the library: a file, or an article already in memory
/// (stdin, the bundled seeds: they cannot be read again).
#[derive(Debug, Clone)]
pub enum Unit {
    /// A path (its records are analysed in order).
    File(String),
    /// A document held in memory.
    Memory(Arc<Document>),
}

impl Unit {
    fn label(&self) -> String {
        match self {
            Unit::File(p) => Path::new(p)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.clone()),
            Unit::Memory(d) => d.source.clone(),
        }
    }
}

/// One article of the library.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Index of its input in [`Catalog::units`].
    pub unit: usize,
    /// Its record within the input (0 for plain text).
    pub record: usize,
    /// Title: the file name, then the first line, then the analysed title.
    pub title: String,
    /// The title folded for filtering ([`rawi::text::fold`]).
    pub folded: String,
    /// The analysis summary, once it has arrived.
    pub summary: Option<Summary>,
    /// Length of the article text in bytes (for reading progress).
    pub len: usize,
    /// The input turned out to hold no article at this place.
    pub dead: bool,
    /// Where its JSONL line is in the file, to read it alone again.
    pub origin: Option<source::Origin>,
}

/// What the background threads send.
#[derive(Debug)]
enum Msg {
    /// The first non-empty line of a plain-text input.
    Title(usize, String),
    /// Analysed records of an input, from record `first` on.
    Records {
        unit: usize,
        first: usize,
        items: Vec<(Summary, usize, Option<source::Origin>)>,
    },
    /// An input is finished: how many records it had, and what went wrong.
    Done {
        unit: usize,
        records: usize,
        errors: Vec<String>,
    },
}

/// Every article of the library and the loading in progress.
#[derive(Debug)]
pub struct Catalog {
    /// The inputs, in the order given (folders expanded).
    pub units: Vec<Unit>,
    /// The articles; see the module docs.
    pub entries: Vec<Entry>,
    /// The entry of each unit's first record.
    first_entry: Vec<usize>,
    /// Problems, each reported once: `path: message`.
    pub errors: Vec<String>,
    /// Inputs fully analysed.
    pub done: usize,
    /// Speakers across every analysed article.
    pub index: SpeakerIndex,
    /// Articles analysed but not yet in [`Self::index`], by (unit,
    /// record) → entry. The index merges speakers greedily, so it is fed
    /// in input order, never in the order threads finish: the same folder
    /// gives the same index on every run (issue 13, defect 18).
    unindexed: std::collections::BTreeMap<(usize, usize), usize>,
    /// The next (unit, record) the index takes.
    index_at: (usize, usize),
    /// Records of each unit, once it is done.
    unit_records: Vec<Option<usize>>,
    /// Bumped whenever entries change, so views know to rebuild.
    pub version: u64,
    /// When loading started, and how long it took once done.
    pub started: Instant,
    /// Time from start to the last input analysed.
    pub finished: Option<Duration>,
    rx: Option<Receiver<Msg>>,
    stop: Arc<AtomicBool>,
}

/// Titles read before the first frame (the rest come from the peek thread).
const PEEK_FIRST: usize = 64;
/// Records sent per message from a big JSONL input.
const CHUNK: usize = 32;

/// The first non-empty line of a plain-text file, read cheaply.
pub fn peek_title(path: &str) -> Option<String> {
    let lower = path.to_ascii_lowercase();
    if [".json", ".jsonl", ".ndjson"].iter().any(|e| lower.ends_with(e)) {
        return None;
    }
    let mut buf = vec![0u8; 4096];
    // Never `File::open`: a FIFO among the files would block the peek.
    let file = source::open_regular(Path::new(path), path).ok()?;
    let n = file.take(4096).read(&mut buf).ok()?;
    buf.truncate(n);
    if buf.contains(&0) || buf.starts_with(b"{") {
        return None;
    }
    let text = String::from_utf8_lossy(&buf);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    // The last line may be cut mid-character by the 4 KB read.
    Some(line.trim_end_matches('\u{fffd}').chars().take(200).collect())
}

fn first_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .chars()
        .take(200)
        .collect()
}

impl Catalog {
    /// A catalog of `units`, loading in background threads (`threads`
    /// analysis threads; 0 = one per core).
    pub fn start(units: Vec<Unit>, threads: usize) -> Self {
        let mut entries = Vec::with_capacity(units.len());
        for (i, u) in units.iter().enumerate() {
            let title = match u {
                Unit::File(p) if i < PEEK_FIRST => peek_title(p).unwrap_or_else(|| u.label()),
                Unit::Memory(d) => {
                    let t = first_line(&d.text);
                    if t.is_empty() { u.label() } else { t }
                }
                _ => u.label(),
            };
            entries.push(Entry {
                unit: i,
                record: 0,
                folded: rawi::text::fold(&title),
                title,
                summary: None,
                len: 0,
                dead: false,
                origin: None,
            });
        }
        let (tx, rx) = channel();
        let stop = Arc::new(AtomicBool::new(false));
        let shared: Arc<Vec<Unit>> = Arc::new(units.clone());
        // Peek thread: titles of the plain-text files after the first screen.
        {
            let (tx, units, stop) = (tx.clone(), Arc::clone(&shared), Arc::clone(&stop));
            std::thread::spawn(move || {
                for (i, u) in units.iter().enumerate().skip(PEEK_FIRST) {
                    if stop.load(Ordering::Relaxed) {
                        return;
                    }
                    if let Unit::File(p) = u
                        && let Some(t) = peek_title(p)
                        && tx.send(Msg::Title(i, t)).is_err()
                    {
                        return;
                    }
                }
            });
        }
        let threads = if threads == 0 {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        } else {
            threads
        }
        .min(units.len().max(1));
        let next = Arc::new(AtomicUsize::new(0));
        for _ in 0..threads {
            let (tx, units, stop, next) = (
                tx.clone(),
                Arc::clone(&shared),
                Arc::clone(&stop),
                Arc::clone(&next),
            );
            std::thread::spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= units.len() || stop.load(Ordering::Relaxed) {
                        return;
                    }
                    if !analyse_unit(i, &units[i], &tx, &stop) {
                        return;
                    }
                }
            });
        }
        let units_len = units.len();
        Self {
            first_entry: (0..units.len()).collect(),
            units,
            entries,
            errors: Vec::new(),
            done: 0,
            index: SpeakerIndex::default(),
            unindexed: std::collections::BTreeMap::new(),
            index_at: (0, 0),
            unit_records: vec![None; units_len],
            version: 1,
            started: Instant::now(),
            finished: None,
            rx: Some(rx),
            stop,
        }
    }

    /// True once every input has been analysed.
    pub fn loaded(&self) -> bool {
        self.done >= self.units.len()
    }

    /// Takes what the background threads sent, for at most `budget`.
    /// Returns true when something changed.
    pub fn pump(&mut self, budget: Duration) -> bool {
        let Some(rx) = &self.rx else {
            return false;
        };
        let start = Instant::now();
        let mut msgs = Vec::new();
        loop {
            match rx.try_recv() {
                Ok(m) => msgs.push(m),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    self.rx = None;
                    break;
                }
            }
            if start.elapsed() > budget {
                break;
            }
        }
        let changed = !msgs.is_empty();
        for m in msgs {
            self.apply(m);
        }
        if changed {
            self.version += 1;
        }
        changed
    }

    /// Blocks until every input is analysed (tests, benchmarks).
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn wait(&mut self) {
        while !self.loaded() {
            let Some(rx) = &self.rx else {
                return;
            };
            match rx.recv_timeout(Duration::from_millis(50)) {
                Ok(m) => {
                    self.apply(m);
                    self.version += 1;
                }
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
                Err(_) => {
                    self.rx = None;
                    return;
                }
            }
        }
    }

    /// Adds to the index every analysed article whose turn has come, in
    /// input order (see [`Self::unindexed`]).
    fn index_in_order(&mut self) {
        loop {
            let (unit, record) = self.index_at;
            if unit >= self.unit_records.len() {
                return;
            }
            if let Some(e) = self.unindexed.remove(&(unit, record)) {
                if let Some(summary) = &self.entries[e].summary {
                    self.index.add(e, summary);
                }
                self.index_at.1 += 1;
            } else if self.unit_records[unit].is_some_and(|n| record >= n) {
                self.index_at = (unit + 1, 0);
            } else {
                return;
            }
        }
    }

    fn set_title(&mut self, e: usize, title: String) {
        let entry = &mut self.entries[e];
        entry.folded = rawi::text::fold(&title);
        entry.title = title;
    }

    fn apply(&mut self, m: Msg) {
        match m {
            Msg::Title(unit, title) => {
                let e = self.first_entry[unit];
                if self.entries[e].summary.is_none() {
                    self.set_title(e, title);
                }
            }
            Msg::Records { unit, first, items } => {
                for (k, (summary, len, origin)) in items.into_iter().enumerate() {
                    let record = first + k;
                    let e = if record == 0 {
                        self.first_entry[unit]
                    } else {
                        self.entries.push(Entry {
                            unit,
                            record,
                            title: String::new(),
                            folded: String::new(),
                            summary: None,
                            len: 0,
                            dead: false,
                            origin: None,
                        });
                        self.entries.len() - 1
                    };
                    let title = if summary.title.trim().is_empty() {
                        format!("{} #{}", self.units[unit].label(), record + 1)
                    } else {
                        summary.title.chars().take(300).collect()
                    };
                    self.set_title(e, title);
                    self.unindexed.insert((unit, record), e);
                    let entry = &mut self.entries[e];
                    entry.summary = Some(summary);
                    entry.len = len;
                    entry.origin = origin;
                }
                self.index_in_order();
            }
            Msg::Done {
                unit,
                records,
                errors,
            } => {
                if records == 0 {
                    self.entries[self.first_entry[unit]].dead = true;
                }
                self.unit_records[unit] = Some(records);
                self.index_in_order();
                self.errors.extend(errors);
                self.done += 1;
                if self.loaded() {
                    self.finished = Some(self.started.elapsed());
                }
            }
        }
    }

    /// Loads the full article of entry `e` (read and analysed again: the
    /// catalog keeps only summaries). A JSONL record is read alone from its
    /// line when the line still holds the same article, so `J`/`K` through
    /// a large file cost one record each.
    pub fn article(&self, e: usize) -> Result<Article, String> {
        let entry = self.entries.get(e).ok_or("no such article")?;
        if let (Unit::File(p), Some(origin), Some(summary)) =
            (&self.units[entry.unit], entry.origin, &entry.summary)
            && let Ok(doc) = source::load_record(p, &summary.source, origin)
            && rawi::library::content_hash(doc.text.as_bytes()) == summary.hash
        {
            return Ok(analyze(doc));
        }
        let doc = match &self.units[entry.unit] {
            Unit::Memory(d) => (**d).clone(),
            Unit::File(p) => {
                let loaded = source::load_path(p).map_err(|e| e.to_string())?;
                loaded
                    .documents
                    .into_iter()
                    .filter(|d| !d.text.trim().is_empty())
                    .nth(entry.record)
                    .ok_or_else(|| format!("{p}: record {} is gone", entry.record + 1))?
            }
        };
        Ok(analyze(doc))
    }
}

impl Drop for Catalog {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Loads and analyses one input, sending summaries as it goes. Returns
/// false when the receiver is gone.
fn analyse_unit(i: usize, unit: &Unit, tx: &Sender<Msg>, stop: &AtomicBool) -> bool {
    let mut errors = Vec::new();
    let docs: Vec<Document> = match unit {
        Unit::Memory(d) => vec![(**d).clone()],
        Unit::File(p) => match source::load_path(p) {
            Ok(loaded) => {
                errors.extend(loaded.errors.iter().map(InputError::to_string));
                errors.extend(loaded.warnings.iter().map(|w| format!("warning: {w}")));
                loaded.documents
            }
            Err(e) => {
                errors.push(e.to_string());
                Vec::new()
            }
        },
    };
    let mut records = 0;
    let mut batch = Vec::new();
    // Sends a batch of records, numbered on from those sent before.
    let send = |records: &mut usize, items: Vec<_>| {
        let first = *records;
        *records += items.len();
        tx.send(Msg::Records {
            unit: i,
            first,
            items,
        })
        .is_ok()
    };
    for doc in docs {
        if stop.load(Ordering::Relaxed) {
            return false;
        }
        let origin = doc.origin;
        let article = analyze(doc);
        batch.push((summarize(&article), article.text.len(), origin));
        drop(article);
        if batch.len() >= CHUNK && !send(&mut records, std::mem::take(&mut batch)) {
            return false;
        }
    }
    if !batch.is_empty() && !send(&mut records, batch) {
        return false;
    }
    tx.send(Msg::Done {
        unit: i,
        records,
        errors,
    })
    .is_ok()
}

/// Turns command-line paths into units: folders walked, `-` read from
/// stdin at once (it cannot be read twice), files kept. Folder errors go
/// to `errors`.
pub fn units_of(paths: &[String], errors: &mut Vec<String>) -> Vec<Unit> {
    let (files, errs) = rawi::library::discover(paths);
    errors.extend(errs.iter().map(InputError::to_string));
    let mut units = Vec::new();
    for f in files {
        if f == "-" {
            match source::load_path("-") {
                Ok(loaded) => {
                    errors.extend(loaded.errors.iter().map(InputError::to_string));
                    for d in loaded.documents {
                        units.push(Unit::Memory(Arc::new(d)));
                    }
                }
                Err(e) => errors.push(e.to_string()),
            }
        } else {
            units.push(Unit::File(f));
        }
    }
    units
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../seeds/000_9237d8f2f57de89b.txt");

    /// A folder as scrapers leave them: nested, mixed formats, and the
    /// inputs that go wrong (unreadable, empty, binary, a broken record).
    fn messy_folder(tag: &str) -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!("rawi-catalog-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(d.join("2021/03/deep")).unwrap();
        std::fs::write(d.join("a.txt"), SEED).unwrap();
        std::fs::write(
            d.join("2021/b.txt"),
            "A minister speaks\n\nThe minister John Smith said that the talks were useful.\n",
        )
        .unwrap();
        let rec =
            |t: &str, b: &str| serde_json::json!({"title": t, "text": b, "date": "2021-03-04", "lang": "en"});
        std::fs::write(
            d.join("2021/03/c.json"),
            rec("One record", "He said that it was fine.").to_string(),
        )
        .unwrap();
        let jsonl = [
            rec("First line record", "Body one.").to_string(),
            "{ not json".to_string(),
            rec("Third line record", "Body three.").to_string(),
        ]
        .join("\n");
        std::fs::write(d.join("2021/03/deep/d.jsonl"), jsonl).unwrap();
        std::fs::write(d.join("empty.txt"), "").unwrap();
        std::fs::write(d.join("binary.txt"), b"\x7fELF\x00\x01\x02").unwrap();
        std::fs::write(d.join("notes.md"), "not an article file").unwrap();
        let locked = d.join("locked.txt");
        std::fs::write(&locked, "Locked title\n\nBody.\n").unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        d
    }

    #[test]
    fn a_messy_folder_lists_every_article_and_reports_every_bad_input_once() {
        let d = messy_folder("messy");
        // Root reads a chmod 000 file anyway: then it is an article.
        let locked_readable = std::fs::read(d.join("locked.txt")).is_ok();
        let mut errors = Vec::new();
        let units = units_of(&[d.display().to_string()], &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(units.len(), 7, "every .txt/.json/.jsonl, not notes.md");
        let mut cat = Catalog::start(units, 2);
        cat.wait();
        assert!(cat.loaded());
        let mut titles: Vec<&str> = cat
            .entries
            .iter()
            .filter(|e| !e.dead)
            .map(|e| e.title.as_str())
            .collect();
        titles.sort();
        let mut want = vec![
            "A minister speaks",
            "First line record",
            "One record",
            "Third line record",
            rawi::analyze(Document::from_text("s", SEED))
                .title()
                .to_string()
                .leak(),
        ];
        if locked_readable {
            want.push("Locked title");
        }
        want.sort();
        assert_eq!(titles, want);
        assert!(cat.entries.iter().all(|e| e.dead || e.summary.is_some()));
        // Bad inputs: each named once.
        let count = |needle: &str| cat.errors.iter().filter(|e| e.contains(needle)).count();
        assert_eq!(count("empty.txt"), 1, "{:?}", cat.errors);
        assert_eq!(count("binary.txt"), 1, "{:?}", cat.errors);
        assert_eq!(count("d.jsonl:2"), 1, "{:?}", cat.errors);
        assert_eq!(
            count("locked.txt"),
            usize::from(!locked_readable),
            "{:?}",
            cat.errors
        );
        assert_eq!(
            cat.errors.len(),
            3 + usize::from(!locked_readable),
            "{:?}",
            cat.errors
        );
        // The JSONL records are rows of their own and open again.
        let third = cat
            .entries
            .iter()
            .position(|e| e.title == "Third line record")
            .unwrap();
        assert_eq!(cat.entries[third].record, 1);
        assert_eq!(cat.article(third).unwrap().title(), "Third line record");
        assert_eq!(
            cat.entries[third].summary.as_ref().unwrap().date.as_deref(),
            Some("2021-03-04")
        );
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn a_jsonl_record_opens_from_its_own_line() {
        let d = std::env::temp_dir().join(format!("rawi-catalog-line-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        let path = d.join("news.jsonl");
        let rec = |t: &str, b: &str| serde_json::json!({"title": t, "text": b}).to_string();
        let lines = [
            rec("First", "Body one."),
            rec("Second", "He said that it was fine."),
            rec("Third", "Body three."),
        ];
        std::fs::write(&path, lines.join("\r\n")).unwrap();
        let mut cat = Catalog::start(vec![Unit::File(path.display().to_string())], 1);
        cat.wait();
        let third = cat.entries.iter().position(|e| e.title == "Third").unwrap();
        assert!(cat.entries[third].origin.is_some());
        // The line before it stops being a record: reading the whole file
        // again would now find "Third" as the second record and open the
        // wrong one; its own line still holds it.
        let shifted = lines[0].clone() + "\r\n" + &"x".repeat(lines[1].len()) + "\r\n" + &lines[2];
        std::fs::write(&path, &shifted).unwrap();
        let a = cat.article(third).unwrap();
        assert_eq!(a.title(), "Third");
        assert_eq!(a.source, format!("{}:3", path.display()));
        // Its own line changed: the whole file is read again.
        let edited = [
            lines[0].clone(),
            lines[1].clone(),
            rec("Third", "Body three, edited."),
        ]
        .join("\r\n");
        std::fs::write(&path, &edited).unwrap();
        let a = cat.article(third).unwrap();
        assert!(a.text.contains("edited"), "{}", a.text);
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn titles_come_first_from_a_cheap_peek() {
        let d = messy_folder("peek");
        assert_eq!(
            peek_title(&d.join("2021/b.txt").display().to_string()).as_deref(),
            Some("A minister speaks")
        );
        assert_eq!(peek_title(&d.join("binary.txt").display().to_string()), None);
        assert_eq!(peek_title(&d.join("2021/03/c.json").display().to_string()), None);
        let units = vec![Unit::File(d.join("2021/b.txt").display().to_string())];
        // Before any analysis arrives, the row already has its title.
        let cat = Catalog::start(units, 1);
        assert_eq!(cat.entries[0].title, "A minister speaks");
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn the_speaker_index_is_the_same_whichever_thread_finishes_first() {
        // The index merges greedily: «فؤاد محمد حسين» then «فؤاد حسين» are
        // two entries until an article holding both forms joins them, so
        // the order articles are added in decides the count. The first
        // article is long, so with two threads the others arrive before it.
        let long = format!(
            "عنوان أول\n\nوقال وزير الخارجية فؤاد محمد حسين إن الحوار مهم.\n\nوأكد فؤاد حسين أن العلاقات جيدة.\n\n{}",
            "وجرى اللقاء في مقر الوزارة بحضور عدد من المسؤولين.\n\n".repeat(20_000)
        );
        let docs = [
            long,
            "عنوان ثان\n\nوقال وزير الخارجية فؤاد محمد حسين إن الحوار مهم.\n".to_string(),
            "عنوان ثالث\n\nوقال فؤاد حسين إن الزيارة ناجحة.\n".to_string(),
        ];
        let index = |threads| {
            let units = docs
                .iter()
                .enumerate()
                .map(|(i, t)| Unit::Memory(Arc::new(Document::from_text(format!("m{i}"), t.clone()))))
                .collect();
            let mut cat = Catalog::start(units, threads);
            cat.wait();
            cat.index
                .entries
                .iter()
                .map(|e| (e.name.clone(), e.articles(), e.quotes))
                .collect::<Vec<_>>()
        };
        let one = index(1);
        assert_eq!(one, [("فؤاد محمد حسين".to_string(), 3, 4)]);
        for _ in 0..3 {
            assert_eq!(index(2), one);
        }
    }

    #[test]
    fn the_speaker_index_fills_in_as_articles_arrive() {
        let docs = [
            "عنوان أول\n\nوقال وزير الخارجية العراقي فؤاد حسين إن الحوار مهم.\n",
            "عنوان ثان\n\nوأكد فؤاد حسين أن العلاقات جيدة.\n\nوقال فؤاد حسين إن الزيارة ناجحة.\n",
        ];
        let units = docs
            .iter()
            .enumerate()
            .map(|(i, t)| Unit::Memory(Arc::new(Document::from_text(format!("m{i}"), *t))))
            .collect();
        let mut cat = Catalog::start(units, 2);
        cat.wait();
        let e = cat
            .index
            .entries
            .iter()
            .find(|e| e.name.contains("فؤاد حسين"))
            .unwrap();
        assert_eq!((e.articles(), e.quotes), (2, 3));
    }
}
