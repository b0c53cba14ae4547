//! Tests of the loaders: encodings, JSON records, limits and hostile bytes.

use super::*;

#[test]
fn a_lone_surrogate_escape_keeps_every_record() {
    let data =
        r#"[{"title":"One","content":"a \ud800 b"},{"title":"Two","content":"ok \ud83d\ude00 \\ud800"}]"#;
    let l = load_bytes("a.json", data.as_bytes()).unwrap();
    assert!(l.errors.is_empty(), "{:?}", l.errors);
    assert_eq!(l.documents.len(), 2);
    assert!(l.documents[0].text.contains("a \u{FFFD} b"));
    // A real pair and an escaped backslash are left alone.
    assert!(l.documents[1].text.contains("ok \u{1F600} \\ud800"));
    assert_eq!(l.warnings.len(), 1, "{:?}", l.warnings);
}

#[test]
fn lone_cr_line_ends_are_line_breaks() {
    let l = load_bytes("mac.txt", b"Title\r\rFirst paragraph here.\r\rSecond one.\r").unwrap();
    let a = crate::analyze(l.documents.into_iter().next().unwrap());
    let paragraphs: Vec<&str> = a.paragraphs.iter().map(|p| a.slice(p.span)).collect();
    assert_eq!(paragraphs, ["Title", "First paragraph here.", "Second one."]);
    // CRLF stays as it is.
    let l = load_bytes("dos.txt", b"Title\r\n\r\nBody.\r\n").unwrap();
    assert_eq!(l.documents[0].text, "Title\r\n\r\nBody.\r\n");
}

#[test]
fn plain_text_is_one_document() {
    let l = load_bytes("a.txt", "عنوان\n\nنص".as_bytes()).unwrap();
    assert_eq!(l.documents.len(), 1);
    assert_eq!(l.documents[0].text, "عنوان\n\nنص");
}

#[test]
fn nul_byte_is_refused() {
    let e = load_bytes("x.bin", b"abc\0def").unwrap_err();
    assert!(e.to_string().contains("not a text file"), "{e}");
}

#[test]
fn invalid_utf8_is_lossy_with_warning() {
    let l = load_bytes("x.txt", b"ok \xff\xfe bad").unwrap();
    assert!(l.documents[0].text.contains('\u{FFFD}'));
    assert_eq!(l.warnings.len(), 1);
}

#[test]
fn utf16_with_bom_is_decoded() {
    let mut bytes = vec![0xFF, 0xFE];
    for u in "قال".encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    let l = load_bytes("x.txt", &bytes).unwrap();
    assert_eq!(l.documents[0].text, "قال");
}

#[test]
fn jsonl_records_with_title_and_body() {
    let data = "{\"title\":\"T1\",\"text\":\"Body one.\",\"url\":\"u\"}\n\n{\"headline\":\"T2\",\"content\":\"Body two.\"}\n{\"title\":\"bad\",\"body\":3}\n";
    let l = load_bytes("d.jsonl", data.as_bytes()).unwrap();
    assert_eq!(l.documents.len(), 2);
    assert_eq!(l.documents[0].text, "T1\n\nBody one.");
    assert_eq!(l.documents[0].url.as_deref(), Some("u"));
    assert_eq!(l.documents[1].source, "d.jsonl:3");
    assert_eq!(l.errors.len(), 1);
    assert!(l.errors[0].to_string().contains("d.jsonl:4"));
}

#[test]
fn a_jsonl_record_reads_again_from_its_line_alone() {
    let rec = |t: &str| serde_json::json!({"title": t, "text": "Body."}).to_string();
    let arr = serde_json::json!([{"title": "A1", "text": "x"}, {"title": "A2", "text": "y"}]).to_string();
    let data = format!("{}\r\n\n{}\n{arr}\n{}", rec("One"), rec("Two"), rec("Three"));
    let path = std::env::temp_dir().join(format!("rawi-origin-{}.jsonl", std::process::id()));
    std::fs::write(&path, &data).unwrap();
    let p = path.display().to_string();
    let loaded = load_path(&p).unwrap();
    // An array line holds two records: no origin for them.
    let origins: Vec<bool> = loaded.documents.iter().map(|d| d.origin.is_some()).collect();
    assert_eq!(origins, [true, true, false, false, true]);
    for doc in loaded.documents.iter().filter(|d| d.origin.is_some()) {
        let again = load_record(&p, &doc.source, doc.origin.unwrap()).unwrap();
        assert_eq!(&again, doc);
    }
    // Lossy UTF-8: offsets into the text are not offsets into the file.
    let lossy = load_bytes("x.jsonl", b"{\"title\":\"a\xff\",\"text\":\"b\"}\n").unwrap();
    assert_eq!(lossy.documents[0].origin, None);
    let _ = std::fs::remove_file(&path);
}

#[test]
fn deep_json_is_an_error_not_a_crash() {
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    let l = load_bytes("deep.json", deep.as_bytes()).unwrap();
    assert!(l.documents.is_empty());
    assert_eq!(l.errors.len(), 1);
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_blocking() {
    let dir = std::env::temp_dir().join(format!("rawi-fifo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fifo = dir.join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if made {
        let e = load_path(fifo.to_str().unwrap()).unwrap_err();
        assert!(matches!(e, InputError::NotAFile(_)), "{e}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Endless NUL bytes, counting how many were asked for.
struct Zeros(u64);

impl Read for Zeros {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        buf.fill(0);
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
}

#[test]
fn a_binary_input_is_refused_after_its_first_bytes() {
    let mut zeros = Zeros(0);
    let e = read_input("zeros", &mut zeros).unwrap_err();
    assert!(matches!(e, InputError::Binary { offset: 0, .. }), "{e}");
    assert!(zeros.0 <= READ_CHUNK as u64, "read {} bytes", zeros.0);
    // A NUL after some text is found where it is, and no later.
    let mut late = b"plain text\n".repeat(20_000);
    late.push(0);
    let mut reader = late.as_slice().chain(Zeros(0));
    let e = read_input("late", &mut reader).unwrap_err();
    assert!(matches!(e, InputError::Binary { offset: 220_000, .. }), "{e}");
}

#[test]
fn a_sparse_file_of_the_largest_size_is_refused_without_reading_it() {
    let dir = std::env::temp_dir().join(format!("rawi-sparse-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("sparse.txt");
    std::fs::File::create(&p).unwrap().set_len(MAX_INPUT).unwrap();
    let file = open_regular(&p, "sparse.txt").unwrap();
    let mut counted = CountingReader(file, 0);
    let e = read_input("sparse.txt", &mut counted).unwrap_err();
    assert!(matches!(e, InputError::Binary { offset: 0, .. }), "{e}");
    assert!(counted.1 <= READ_CHUNK as u64, "read {} bytes", counted.1);
    let _ = std::fs::remove_dir_all(&dir);
}

struct CountingReader<R>(R, u64);

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.0.read(buf)?;
        self.1 += n as u64;
        Ok(n)
    }
}

#[test]
fn a_missing_file_is_an_io_error() {
    let e = load_path("/no/such/rawi/file.txt").unwrap_err();
    assert!(e.to_string().starts_with("/no/such/rawi/file.txt: "), "{e}");
}

#[test]
fn a_directory_is_refused() {
    let e = load_path(env!("CARGO_MANIFEST_DIR")).unwrap_err();
    assert!(matches!(e, InputError::Directory(_)));
}

#[test]
fn a_json_array_is_told_by_its_content_not_its_name() {
    let data = r#"[{"title": "الخبر الأول", "content": "قال الوزير إن العمل مستمر."},
                  {"title": "Second", "content": "She said it works."}]"#;
    for source in ["-", "articles.txt", "noext"] {
        let loaded = load_bytes(source, data.as_bytes()).unwrap();
        assert_eq!(loaded.documents.len(), 2, "{source}");
        assert_eq!(loaded.documents[0].source, format!("{source}[0]"));
        assert!(loaded.documents[1].text.starts_with("Second\n\n"));
        assert!(loaded.errors.is_empty());
    }
}

#[test]
fn text_that_only_starts_with_a_bracket_stays_text() {
    for text in ["[1] The first note.\n\nBody.", "[\"a\", \"b\"]", "[ broken {"] {
        let loaded = load_bytes("-", text.as_bytes()).unwrap();
        assert_eq!(loaded.documents.len(), 1, "{text}");
        assert_eq!(loaded.documents[0].text, text);
        assert!(loaded.errors.is_empty() && loaded.warnings.is_empty());
    }
}
