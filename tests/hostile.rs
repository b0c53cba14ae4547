//! Hostile inputs through the real binary: each fixture is generated here
//! (no binary blobs in the repo) with the outcome it must have — a clear
//! message or a sensible analysis, never a panic, a hang or a control
//! character on stdout.

use std::path::PathBuf;
use std::process::Command;

struct Fixture {
    name: &'static str,
    bytes: Vec<u8>,
    /// Exit status `rawi extract` must end with.
    code: i32,
    /// Text stderr must contain ("" for none expected).
    stderr: &'static str,
    /// Paragraph count the analysis must find (when it succeeds).
    paragraphs: Option<usize>,
}

fn fixtures() -> Vec<Fixture> {
    let utf16 = {
        let mut b = vec![0xFF, 0xFE];
        for u in "عنوان\n\nقال الوزير إن الوضع مستقر.".encode_utf16() {
            b.extend(u.to_le_bytes());
        }
        b
    };
    let deep_json = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)).into_bytes();
    vec![
        // No text is no article (README): said in one line, exit 2.
        Fixture { name: "empty.txt", bytes: vec![], code: 2, stderr: "empty.txt: no text (empty or blank)", paragraphs: None },
        Fixture { name: "blank.txt", bytes: b" \n\t\n\r\n   \n".to_vec(), code: 2, stderr: "blank.txt: no text (empty or blank)", paragraphs: None },
        Fixture { name: "title-only.txt", bytes: "عنوان بلا نص".as_bytes().to_vec(), code: 0, stderr: "", paragraphs: Some(1) },
        // 1 MB on one line with no space: cut into paragraphs of at most
        // 64 KiB (structure::MAX_PARAGRAPH), the first of them the title.
        Fixture { name: "long-line.txt", bytes: "ا".repeat(500_000).into_bytes(), code: 0, stderr: "", paragraphs: Some(16) },
        Fixture {
            name: "no-blank-lines.txt",
            bytes: "وقال الوزير إن «الحوار مهم» في 60 في المئة من الحالات.\n".repeat(50_000).into_bytes(),
            code: 0,
            stderr: "",
            paragraphs: Some(50_000),
        },
        Fixture { name: "invalid-utf8.txt", bytes: b"T\n\nbad \xC3\x28 bytes\n".to_vec(), code: 0, stderr: "invalid UTF-8", paragraphs: Some(2) },
        Fixture { name: "utf16.txt", bytes: utf16, code: 0, stderr: "", paragraphs: Some(2) },
        Fixture { name: "nul.txt", bytes: b"text\0more".to_vec(), code: 2, stderr: "not a text file", paragraphs: None },
        Fixture { name: "deep.json", bytes: deep_json, code: 2, stderr: "deep.json: not JSON", paragraphs: None },
        Fixture {
            name: "number-body.json",
            bytes: br#"{"title": "T", "text": 42}"#.to_vec(),
            code: 2,
            stderr: "no text body",
            paragraphs: None,
        },
        Fixture {
            name: "escapes.txt",
            bytes: "Title\x1b]0;owned\x07\n\nThe minister said that \x1b[2J\u{202e}prices\u{202c} \u{9b}31m would fall.\n"
                .as_bytes()
                .to_vec(),
            code: 0,
            stderr: "",
            paragraphs: Some(2),
        },
    ]
}

fn dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("rawi-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn every_hostile_fixture_has_its_defined_outcome() {
    let d = dir();
    for f in fixtures() {
        let path = d.join(f.name);
        std::fs::write(&path, &f.bytes).unwrap();
        for format in ["json", "markdown"] {
            let out = Command::new(env!("CARGO_BIN_EXE_rawi"))
                .args(["extract", "--format", format])
                .arg(&path)
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(f.code), "{} ({format}): {stderr}", f.name);
            assert!(stderr.contains(f.stderr), "{}: stderr {stderr:?}", f.name);
            assert!(!stderr.contains("panicked"), "{}: {stderr}", f.name);
            if f.code == 2 {
                assert_eq!(stderr.lines().count(), 1, "{}: one line: {stderr}", f.name);
            }
            let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
            // Nothing from the article reaches a terminal as a control: JSON
            // escapes them, Markdown drops them.
            assert!(
                !stdout.chars().any(|c| (c.is_control() && c != '\n' && c != '\t')
                    || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')),
                "{} ({format}) printed a control character",
                f.name
            );
            if let (Some(n), "json") = (f.paragraphs, format) {
                let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
                assert_eq!(v["paragraphs"].as_array().unwrap().len(), n, "{}", f.name);
            }
        }
    }
    let _ = std::fs::remove_dir_all(&d);
}

#[cfg(unix)]
#[test]
fn unreadable_and_fifo_paths_get_a_message() {
    let d = dir().join("special");
    std::fs::create_dir_all(&d).unwrap();
    let fifo = d.join("pipe");
    if Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
    {
        let out = Command::new(env!("CARGO_BIN_EXE_rawi"))
            .arg("extract")
            .arg(&fifo)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file"));
    }
    let _ = std::fs::remove_dir_all(&d);
}

/// `rawi extract > file` on a full disk: the write past the file-size limit
/// (`ulimit -f`, 512-byte blocks in POSIX sh) fails part-way. rawi must say
/// so and exit 2 — not die of SIGXFSZ, whose default action kills silently.
#[cfg(unix)]
#[test]
fn extract_to_a_full_disk_says_so_and_exits_2() {
    use std::os::unix::process::ExitStatusExt;
    let d = dir().join("full");
    std::fs::create_dir_all(&d).unwrap();
    let out_path = d.join("out.json");
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/000_9237d8f2f57de89b.txt");
    let out = Command::new("sh")
        .args(["-c", "ulimit -f 1; exec \"$0\" \"$@\""])
        .arg(env!("CARGO_BIN_EXE_rawi"))
        .args(["extract", "--format", "json", seed])
        .stdout(std::fs::File::create(&out_path).unwrap())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.signal(), None, "killed by a signal: {:?}", out.status);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("File too large"), "{stderr:?}");
    assert_eq!(stderr.lines().count(), 1, "{stderr:?}");
    // The part that fit was written: the limit bound, not an earlier error.
    assert_eq!(std::fs::metadata(&out_path).unwrap().len(), 512);
    let _ = std::fs::remove_dir_all(&d);
}
