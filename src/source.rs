//! Reading articles: plain text, JSON and JSONL records, stdin.
//!
//! Article files come from scrapers and dataset dumps, so nothing about
//! them is trusted: the bytes are checked for NUL (a binary file is refused
//! with a clear message rather than shown as garbage), UTF-16 with a BOM is
//! decoded, invalid UTF-8 is decoded lossily with a warning, and a JSON
//! record without a text body is an error for that record only.

use std::fmt;
use std::io::Read;
use std::path::Path;

use serde_json::Value;

/// One article's text before analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Where it came from: a path, `-`, or `PATH:LINE` for a JSONL record.
    pub source: String,
    /// The article text. For JSON records: the title, a blank line, the body.
    pub text: String,
    /// The record's `url`.
    pub url: Option<String>,
    /// The record's `date`.
    pub date: Option<String>,
    /// The record's `lang`.
    pub lang: Option<String>,
    /// For the one record of a JSONL line: where the line is in its file
    /// ([`load_record`] reads it again without the rest of the file).
    pub origin: Option<Origin>,
}

/// Where a JSONL line lies in its file, in bytes (without its line break).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    /// Offset of the line's first byte.
    pub offset: u64,
    /// Length of the line.
    pub len: u64,
}

impl Document {
    /// A plain-text document from a string.
    pub fn from_text(source: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            source: source.into(),
            text: lone_cr_to_lf(text.into()),
            url: None,
            date: None,
            lang: None,
            origin: None,
        }
    }
}

/// Old Mac files end their lines with a lone CR: each becomes a LF (one
/// byte for one, so every offset into the text stays the same); CRLF is
/// left as it is.
fn lone_cr_to_lf(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(if c == '\r' && chars.peek() != Some(&'\n') {
            '\n'
        } else {
            c
        });
    }
    out
}

/// Parses JSON; one lone surrogate escape (`"\ud800"`) does not reject the
/// whole text: it becomes U+FFFD, with a warning.
fn parse_json(source: &str, text: &str, warnings: &mut Vec<String>) -> serde_json::Result<Value> {
    serde_json::from_str::<Value>(text).or_else(|e| match replace_lone_surrogates(text) {
        Some((fixed, n)) => {
            warnings.push(format!(
                "{source}: {n} lone surrogate escape{} decoded as U+FFFD",
                if n == 1 { "" } else { "s" }
            ));
            serde_json::from_str::<Value>(&fixed)
        }
        None => Err(e),
    })
}

/// JSON text with every lone UTF-16 surrogate escape (`\ud800` without its
/// pair, or a stray `\udc00`) replaced by `\ufffd`, and how many there were;
/// `None` when there is none. (serde_json rejects the whole document for one.)
fn replace_lone_surrogates(json: &str) -> Option<(String, usize)> {
    let b = json.as_bytes();
    let hex_at = |i: usize| -> Option<u16> {
        let h = b.get(i + 2..i + 6)?;
        u16::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()
    };
    let escape_at = |i: usize| b.get(i) == Some(&b'\\') && b.get(i + 1) == Some(&b'u');
    let mut out = String::with_capacity(json.len());
    let (mut n, mut copied, mut i, mut backslashes) = (0, 0, 0, 0usize);
    while i < b.len() {
        if b[i] == b'\\'
            && backslashes % 2 == 0
            && escape_at(i)
            && let Some(u) = hex_at(i)
        {
            let high = (0xD800..0xDC00).contains(&u);
            let low = (0xDC00..0xE000).contains(&u);
            let paired =
                high && escape_at(i + 6) && hex_at(i + 6).is_some_and(|v| (0xDC00..0xE000).contains(&v));
            if paired {
                i += 12;
                backslashes = 0;
                continue;
            }
            if high || low {
                out.push_str(&json[copied..i]);
                out.push_str("\\ufffd");
                n += 1;
                i += 6;
                copied = i;
                backslashes = 0;
                continue;
            }
        }
        backslashes = if b[i] == b'\\' { backslashes + 1 } else { 0 };
        i += 1;
    }
    (n > 0).then(|| {
        out.push_str(&json[copied..]);
        (out, n)
    })
}

/// Why an input could not be read.
#[derive(Debug)]
pub enum InputError {
    /// The file holds a NUL byte: it is not text.
    Binary {
        /// The path.
        source: String,
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// A directory was given where a file was expected.
    Directory(String),
    /// A FIFO, socket or device: reading it could block or never end.
    NotAFile(String),
    /// Over [`MAX_INPUT`] bytes.
    TooLarge {
        /// The path.
        source: String,
        /// Its size, or how much was read before giving up.
        size: u64,
    },
    /// The file could not be read.
    Io {
        /// The path.
        source: String,
        /// The cause.
        error: std::io::Error,
    },
    /// An input, or a record, with no text: empty, blank, or only
    /// characters a reader never sees. The one rule of every mode: it is
    /// no article, it is said, the other inputs go on.
    Empty(String),
    /// A JSON or JSONL record that is not an article.
    Record {
        /// The path and line.
        source: String,
        /// What is wrong with it.
        reason: String,
    },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Binary { source, offset } => {
                write!(f, "{source}: not a text file (NUL byte at offset {offset})")
            }
            Self::Directory(source) => write!(f, "{source}: is a directory, not an article file"),
            Self::NotAFile(source) => write!(f, "{source}: not a regular file (a FIFO, socket or device)"),
            Self::TooLarge { source, size } => {
                write!(
                    f,
                    "{source}: {size} bytes is over the {} MiB limit for one input",
                    MAX_INPUT >> 20
                )
            }
            Self::Io { source, error } => write!(f, "{source}: {error}"),
            Self::Empty(source) => write!(f, "{source}: no text (empty or blank)"),
            Self::Record { source, reason } => write!(f, "{source}: {reason}"),
        }
    }
}

impl std::error::Error for InputError {}

/// The largest input read, so a runaway pipe or a huge file cannot take
/// all memory: 1 GiB, far above any article or news dump one reads.
pub const MAX_INPUT: u64 = 1 << 30;

/// What reading one input produced: its articles (a JSONL file has many),
/// the records that failed, and warnings worth telling the user.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Articles in input order.
    pub documents: Vec<Document>,
    /// Records that were not articles; the rest of the file is still read.
    pub errors: Vec<InputError>,
    /// Non-fatal notes such as lossy UTF-8 decoding.
    pub warnings: Vec<String>,
}

/// Reads a path (`-` is stdin) and splits it into documents.
pub fn load_path(path: &str) -> Result<Loaded, InputError> {
    let bytes = if path == "-" {
        read_input(path, std::io::stdin().lock())?
    } else {
        let file = open_regular(Path::new(path), path)?;
        read_input(path, file)?
    };
    load_bytes(path, &bytes)
}

/// Opens `path` for reading only if it is a regular file.
///
/// A FIFO, socket or device could block in `open` itself (a FIFO waits
/// for a writer) or never end, and one such entry in a folder must not
/// stall the others: the type is checked before opening, the open does not
/// block, and the type is checked again on the opened file, so a file
/// swapped in between is caught too.
pub fn open_regular(path: &Path, source: &str) -> Result<std::fs::File, InputError> {
    let io = |error| InputError::Io {
        source: source.to_string(),
        error,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(InputError::Directory(source.to_string()));
    }
    if !meta.is_file() {
        return Err(InputError::NotAFile(source.to_string()));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(InputError::NotAFile(source.to_string()));
    }
    if meta.len() > MAX_INPUT {
        return Err(InputError::TooLarge {
            source: source.to_string(),
            size: meta.len(),
        });
    }
    Ok(file)
}

/// Bytes read per step of [`read_input`].
const READ_CHUNK: usize = 64 * 1024;

/// Reads a whole input of at most [`MAX_INPUT`] bytes, in steps, and stops
/// at the first step that shows it is binary (a NUL byte outside UTF-16):
/// a 1 GiB sparse file or an endless binary pipe costs one step, not its
/// size.
fn read_input(source: &str, mut reader: impl Read) -> Result<Vec<u8>, InputError> {
    let mut buf = Vec::new();
    let mut checked = 0;
    loop {
        let at = buf.len();
        buf.resize(at + READ_CHUNK, 0);
        let n = loop {
            match reader.read(&mut buf[at..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(error) => {
                    return Err(InputError::Io {
                        source: source.to_string(),
                        error,
                    });
                }
            }
        };
        buf.truncate(at + n);
        if buf.len() as u64 > MAX_INPUT {
            return Err(InputError::TooLarge {
                source: source.to_string(),
                size: buf.len() as u64,
            });
        }
        // UTF-16 holds NUL bytes as halves of its units; `decode` checks it.
        let utf16 = buf.starts_with(&[0xFF, 0xFE]) || buf.starts_with(&[0xFE, 0xFF]);
        if !utf16 && buf.len() >= 2 {
            if let Some(i) = memchr::memchr(0, &buf[checked..]) {
                return Err(InputError::Binary {
                    source: source.to_string(),
                    offset: checked + i,
                });
            }
            checked = buf.len();
        }
        if n == 0 {
            return Ok(buf);
        }
    }
}

/// True when a reader would see no text at all in `text`.
fn is_blank(text: &str) -> bool {
    crate::sanitize::for_analysis(text).trim().is_empty()
}

/// Splits raw bytes from `source` into documents.
pub fn load_bytes(source: &str, bytes: &[u8]) -> Result<Loaded, InputError> {
    let mut loaded = Loaded::default();
    let text = decode(source, bytes, &mut loaded.warnings)?;
    let lower = source.to_ascii_lowercase();
    let trimmed = text.trim_start();
    // Without a telling extension (stdin, `.txt`), text that starts with a
    // JSON object is a record; several objects one per line are JSONL.
    let first_line_is_object = trimmed.starts_with('{')
        && trimmed
            .lines()
            .next()
            .is_some_and(|l| serde_json::from_str::<Value>(l).is_ok_and(|v| v.is_object()));
    let jsonl = lower.ends_with(".jsonl")
        || lower.ends_with(".ndjson")
        || (!lower.ends_with(".json")
            && first_line_is_object
            && trimmed.lines().filter(|l| !l.trim().is_empty()).count() > 1);
    let json = !jsonl && (lower.ends_with(".json") || trimmed.starts_with('{'));
    if jsonl {
        // Offsets into the file hold only when the text is its bytes as
        // they are (no BOM, no UTF-16, nothing replaced).
        let same_bytes = text.as_bytes() == bytes;
        let mut offset = 0u64;
        for (i, raw) in text.split_inclusive('\n').enumerate() {
            let line_at = offset;
            offset += raw.len() as u64;
            let line = raw.strip_suffix('\n').unwrap_or(raw);
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() {
                continue;
            }
            let at = format!("{source}:{}", i + 1);
            match parse_json(&at, line, &mut loaded.warnings) {
                Ok(v) => {
                    let before = loaded.documents.len();
                    records(&at, &v, &mut loaded);
                    if same_bytes && loaded.documents.len() == before + 1 {
                        loaded.documents[before].origin = Some(Origin {
                            offset: line_at,
                            len: line.len() as u64,
                        });
                    }
                }
                Err(e) => loaded.errors.push(InputError::Record {
                    source: at,
                    reason: format!("not JSON: {e}"),
                }),
            }
        }
    } else if json {
        match parse_json(source, &text, &mut loaded.warnings) {
            Ok(v) => records(source, &v, &mut loaded),
            Err(e) => loaded.errors.push(InputError::Record {
                source: source.to_string(),
                reason: format!("not JSON: {e}"),
            }),
        }
    } else if let Some(array) = array_of_records(source, trimmed, &mut loaded.warnings) {
        records(source, &array, &mut loaded);
    } else if is_blank(&text) {
        loaded.errors.push(InputError::Empty(source.to_string()));
    } else {
        loaded.documents.push(Document::from_text(source, text));
    }
    Ok(loaded)
}

/// Text without a telling extension (stdin, `.txt`) that is a JSON array
/// holding at least one object is a list of records, as a `.json` file
/// would be: `cat articles.json | rawi -` must not open one article titled
/// "[". Anything else that merely starts with `[` (a footnote mark, a
/// bracketed dateline) stays text, and so do the warnings of the attempt.
fn array_of_records(source: &str, trimmed: &str, warnings: &mut Vec<String>) -> Option<Value> {
    if !trimmed.starts_with('[') {
        return None;
    }
    let mut notes = Vec::new();
    let value = parse_json(source, trimmed, &mut notes).ok()?;
    let Value::Array(items) = &value else {
        return None;
    };
    if !items.iter().any(Value::is_object) {
        return None;
    }
    warnings.append(&mut notes);
    Some(value)
}

/// Decodes bytes to text: UTF-16 with a BOM, UTF-8 (BOM dropped), or lossy
/// UTF-8 with a warning. A NUL byte outside UTF-16 means a binary file.
fn decode(source: &str, bytes: &[u8], warnings: &mut Vec<String>) -> Result<String, InputError> {
    let utf16 = |le: bool| {
        let units = bytes[2..].chunks(2).map(|c| {
            let pair = [c[0], c.get(1).copied().unwrap_or(0)];
            if le {
                u16::from_le_bytes(pair)
            } else {
                u16::from_be_bytes(pair)
            }
        });
        char::decode_utf16(units)
            .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect::<String>()
    };
    let text = match bytes {
        [0xFF, 0xFE, ..] => utf16(true),
        [0xFE, 0xFF, ..] => utf16(false),
        _ => {
            if let Some(offset) = bytes.iter().position(|&b| b == 0) {
                return Err(InputError::Binary {
                    source: source.to_string(),
                    offset,
                });
            }
            let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            match std::str::from_utf8(body) {
                Ok(s) => s.to_string(),
                Err(e) => {
                    warnings.push(format!(
                        "{source}: invalid UTF-8 at byte {}; undecodable bytes are shown as U+FFFD",
                        e.valid_up_to()
                    ));
                    String::from_utf8_lossy(body).into_owned()
                }
            }
        }
    };
    if text.contains('\0') {
        let offset = text.find('\0').unwrap_or(0);
        return Err(InputError::Binary {
            source: source.to_string(),
            offset,
        });
    }
    Ok(text)
}

/// Field names news datasets use for an article's body, in order of preference.
const BODY_FIELDS: [&str; 4] = ["text", "body", "content", "article"];
const TITLE_FIELDS: [&str; 3] = ["title", "headline", "name"];

fn records(source: &str, value: &Value, loaded: &mut Loaded) {
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                record(&format!("{source}[{i}]"), item, loaded);
            }
        }
        _ => record(source, value, loaded),
    }
}

fn record(source: &str, value: &Value, loaded: &mut Loaded) {
    let Value::Object(map) = value else {
        loaded.errors.push(InputError::Record {
            source: source.to_string(),
            reason: "not a JSON object".into(),
        });
        return;
    };
    let string = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| map.get(*k).and_then(Value::as_str))
            .map(str::to_string)
    };
    let Some(body) = string(&BODY_FIELDS) else {
        loaded.errors.push(InputError::Record {
            source: source.to_string(),
            reason: "no text body (expected a string field text, body, content or article)".into(),
        });
        return;
    };
    let title = string(&TITLE_FIELDS).unwrap_or_default();
    let text = if title.trim().is_empty() {
        body
    } else {
        format!("{}\n\n{body}", title.trim())
    };
    if text.contains('\0') {
        loaded.errors.push(InputError::Record {
            source: source.to_string(),
            reason: "NUL character in text".into(),
        });
        return;
    }
    if is_blank(&text) {
        loaded.errors.push(InputError::Empty(source.to_string()));
        return;
    }
    loaded.documents.push(Document {
        source: source.to_string(),
        text,
        url: string(&["url", "link"]),
        date: string(&["date", "published", "published_at"]),
        lang: string(&["lang", "language"]),
        origin: None,
    });
}

/// The record of the JSONL line at `origin` of `path`, read again on its
/// own (labelled `source`, as when the file was read whole): opening one
/// article of a large JSONL file costs its line, not the file.
pub fn load_record(path: &str, source: &str, origin: Origin) -> Result<Document, InputError> {
    use std::io::{Seek, SeekFrom};
    let io = |error| InputError::Io {
        source: path.to_string(),
        error,
    };
    if origin.len > MAX_INPUT {
        return Err(InputError::TooLarge {
            source: path.to_string(),
            size: origin.len,
        });
    }
    let mut file = open_regular(Path::new(path), path)?;
    file.seek(SeekFrom::Start(origin.offset)).map_err(io)?;
    let mut buf = Vec::new();
    file.take(origin.len).read_to_end(&mut buf).map_err(io)?;
    let gone = |reason: &str| InputError::Record {
        source: source.to_string(),
        reason: reason.to_string(),
    };
    let line = std::str::from_utf8(&buf).map_err(|_| gone("changed since it was read"))?;
    let value = serde_json::from_str::<Value>(line).map_err(|_| gone("changed since it was read"))?;
    let mut loaded = Loaded::default();
    records(source, &value, &mut loaded);
    match (loaded.documents.pop(), loaded.documents.is_empty()) {
        (Some(mut doc), true) => {
            doc.origin = Some(origin);
            Ok(doc)
        }
        _ => Err(gone("changed since it was read")),
    }
}

#[cfg(test)]
mod tests;
