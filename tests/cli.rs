//! The `rawi` binary on real and hostile inputs.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/000_9237d8f2f57de89b.txt");

fn rawi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rawi"))
        .args(args)
        .output()
        .expect("runs")
}

fn rawi_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rawi"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn temp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("rawi-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn extract_json_on_the_seed_follows_the_schema() {
    let out = rawi(&["extract", "--format", "json", SEED]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["direction"], "rtl");
    assert_eq!(v["lang"], "ar");
    let text = std::fs::read_to_string(SEED).unwrap();
    for key in ["paragraphs", "quotes", "numbers"] {
        for item in v[key].as_array().unwrap() {
            let (s, e) = (
                item["start"].as_u64().unwrap() as usize,
                item["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                &text[s..e],
                item["text"].as_str().unwrap(),
                "{key} offsets are byte offsets into the file"
            );
        }
    }
    let speakers = v["speakers"].as_array().unwrap();
    for q in v["quotes"].as_array().unwrap() {
        if let Some(id) = q["speaker"].as_u64() {
            assert_eq!(speakers[id as usize]["id"].as_u64(), Some(id));
        }
    }
    assert_eq!(v["sections"].as_array().unwrap().len(), 4);
}

#[test]
fn many_paths_as_jsonl_keep_input_order() {
    let en = temp(
        "en.txt",
        b"A title\n\nThe minister said that prices would fall.\n",
    );
    let out = rawi(&["extract", "--format", "jsonl", SEED, en.to_str().unwrap(), SEED]);
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["lang"], "ar");
    assert_eq!(lines[1]["lang"], "en");
    assert_eq!(lines[1]["quotes"][0]["text"], "prices would fall.");
    assert_eq!(lines[2]["lang"], "ar");
}

#[test]
fn stdin_and_jsonl_records() {
    let input = "{\"title\":\"T\",\"text\":\"قال الوزير إن الأمر مهم.\",\"url\":\"https://x\"}\n{\"title\":\"U\",\"body\":7}\n";
    // On stdin, objects one per line are recognised as JSONL.
    let out = rawi_stdin(&["extract", "--format", "jsonl", "-"], input.as_bytes());
    assert_eq!(
        out.status.code(),
        Some(2),
        "the record without a text body is reported"
    );
    let v: serde_json::Value =
        serde_json::from_str(String::from_utf8(out.stdout).unwrap().lines().next().unwrap()).unwrap();
    assert_eq!(v["title"], "T");
    assert_eq!(v["quotes"][0]["text"], "الأمر مهم.");
    assert!(String::from_utf8_lossy(&out.stderr).contains("-:2"));
    let p = temp("d.jsonl", input.as_bytes());
    let out = rawi(&["extract", "--format", "jsonl", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "the bad record is reported");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1);
    assert!(stdout.contains("https://x"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("d.jsonl:2"));
}

#[test]
fn a_json_array_on_stdin_is_its_records() {
    // The shape of the SaudiNewsNet dumps: an array of objects with content.
    let input = r#"[{"title": "الأول", "content": "وقال الوزير إن العمل مستمر."},
 {"title": "الثاني", "content": "وأكد المدير أن النتائج جيدة."}]"#;
    let out = rawi_stdin(&["extract", "--format", "jsonl", "-"], input.as_bytes());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let titles: Vec<String> = stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["title"].to_string())
        .collect();
    assert_eq!(titles, ["\"الأول\"", "\"الثاني\""]);
}

#[test]
fn binary_file_and_directory_get_one_line_errors() {
    let bin = temp("x.bin", b"\x7fELF\x00\x01\x02");
    let out = rawi(&["extract", bin.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1);
    assert!(err.contains("not a text file"), "{err}");

    let out = rawi(&["extract", env!("CARGO_MANIFEST_DIR")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is a directory"));

    let out = rawi(&["extract", "/no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn invalid_utf8_warns_and_still_analyses() {
    let p = temp("bad.txt", b"Title\n\nShe said that it was \xff\xfe fine.\n");
    let out = rawi(&["extract", p.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid UTF-8"));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["title"], "Title");
}

#[test]
fn markdown_digest_has_no_control_characters() {
    let p = temp(
        "evil.txt",
        "Title \u{1b}]0;pwned\u{7}\n\nThe minister said that \u{202e}prices\u{1b}[2J would fall.\n"
            .as_bytes(),
    );
    let out = rawi(&["extract", "--format", "markdown", p.to_str().unwrap()]);
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        !s.contains('\u{1b}') && !s.contains('\u{7}') && !s.contains('\u{202e}'),
        "{s:?}"
    );
    assert!(s.contains("## Quotes"));
}

#[test]
fn parameters_of_escape_sequences_are_not_numbers() {
    // OSC 52 (write the clipboard) and a CSI colour in an article: what a
    // reader sees holds one number, and so does the model.
    let p = temp(
        "osc.txt",
        "Ships\n\nThe port said \u{1b}]52;c;aGVsbG8=\u{7}that 7 ships \u{1b}[31mcame in 2015.\n".as_bytes(),
    );
    let out = rawi(&["extract", p.to_str().unwrap()]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let numbers: Vec<_> = v["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(numbers, ["7", "2015"]);
    // Offsets still point into the file as it is.
    let text = std::fs::read_to_string(&p).unwrap();
    let n = &v["numbers"][0];
    let (s, e) = (
        n["start"].as_u64().unwrap() as usize,
        n["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "7");
}

#[test]
fn an_input_with_no_text_is_no_article_and_is_said() {
    // One rule for every mode (README): no record, a message, exit 2, the
    // other inputs still printed.
    let ok = temp("ok.txt", "Title\n\nThe port said that 7 ships came.\n".as_bytes());
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("blank.txt", &b"\n \n\t\n"[..]),
        ("controls.txt", &b"\x1b[2J\n\x07\n"[..]),
        ("blank.jsonl", &b"{\"title\": \" \", \"content\": \"  \"}\n"[..]),
    ] {
        let p = temp(name, bytes);
        let out = rawi(&[
            "extract",
            "--format",
            "jsonl",
            p.to_str().unwrap(),
            ok.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        let records: Vec<serde_json::Value> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(records.len(), 1, "{name}: only the article is printed");
        assert!(records[0]["source"].as_str().unwrap().ends_with("ok.txt"));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains(name) && err.contains("no text (empty or blank)"),
            "{err}"
        );
    }
    let out = rawi_stdin(&["extract", "-"], b"\n\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("no text"));
}

#[test]
fn no_arguments_without_a_terminal_points_to_extract() {
    // `rawi` alone opens the reader on the bundled seed; with no terminal it
    // says what to use instead (the digest is `rawi extract --format markdown`).
    let out = Command::new(env!("CARGO_BIN_EXE_rawi"))
        .current_dir(std::env::temp_dir())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("rawi extract"));
}

/// `rawi` run from the repository root, so paths (and `Source:`) are relative.
fn rawi_here(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rawi"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs")
}

#[test]
fn extract_select_quotes_of_a_speaker_as_markdown_is_the_fixture() {
    let seed = "seeds/000_9237d8f2f57de89b.txt";
    let out = rawi_here(&[
        "extract",
        "--select",
        "quotes",
        "--speaker",
        "الكاظمي",
        "--format",
        "markdown",
        seed,
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let want = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/kadhimi-quotes.md"
    ))
    .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), want);
    // The full name, and the name with harakat, match too.
    let by_name = rawi_here(&[
        "extract",
        "--select",
        "quotes",
        "--speaker",
        "مصطفى الكاظمي",
        "-f",
        "markdown",
        seed,
    ]);
    assert_eq!(String::from_utf8(by_name.stdout).unwrap(), want);
    let marked = rawi_here(&["extract", "--speaker", "الكَاظِمي", "-f", "markdown", seed]);
    assert_eq!(
        String::from_utf8(marked.stdout).unwrap(),
        want,
        "--speaker alone selects quotes"
    );
}

#[test]
fn extract_select_prints_only_those_items_as_json() {
    let text = std::fs::read_to_string(SEED).unwrap();
    let full: serde_json::Value = serde_json::from_slice(&rawi(&["extract", SEED]).stdout).unwrap();
    let out = rawi(&["extract", "--select", "numbers", "--format", "json", SEED]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["numbers"], full["numbers"],
        "every number, as extract gives them"
    );
    assert_eq!(v["quotes"].as_array().unwrap().len(), 0);
    assert!(v.get("paragraphs").is_none());
    assert_eq!(v["source"], SEED);
    for n in v["numbers"].as_array().unwrap() {
        let (s, e) = (
            n["start"].as_u64().unwrap() as usize,
            n["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], n["text"].as_str().unwrap());
    }
    let out = rawi(&["extract", "--select", "quotes", "--speaker", "بدر الزيادي", SEED]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let quotes = v["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 2);
    assert_eq!(v["speakers"].as_array().unwrap().len(), 1);
    assert_eq!(v["speakers"][0]["name"], "بدر الزيادي");
    for q in quotes {
        assert_eq!(q["speaker"], v["speakers"][0]["id"]);
    }
    let out = rawi(&["extract", "--select", "sections", "--speaker", "يحيى رسول", SEED]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sections = v["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 1);
    assert_eq!(sections[0]["heading"], "عملية عسكرية");
}

#[test]
fn extract_select_with_an_unknown_speaker_fails_like_grep() {
    let out = rawi(&["extract", "--select", "quotes", "--speaker", "nobody", SEED]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["quotes"].as_array().unwrap().len(), 0);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no speaker named nobody"));
    let out = rawi(&["extract", "--select", "everything", SEED]);
    assert_eq!(out.status.code(), Some(2), "usage error");
}

#[test]
fn help_version_completions_and_man_come_from_the_cli_definition() {
    let help = rawi(&["--help"]);
    assert!(help.status.success());
    let text = String::from_utf8_lossy(&help.stdout);
    for word in [
        "extract",
        "completions",
        "man",
        "--section",
        "--quote",
        "--bidi",
        "--mouse",
        "--config",
        "+N",
    ] {
        assert!(text.contains(word), "--help lacks {word}:\n{text}");
    }
    let version = rawi(&["--version"]);
    assert!(String::from_utf8_lossy(&version.stdout).starts_with("rawi 0."));
    for shell in ["bash", "zsh", "fish"] {
        let out = rawi(&["completions", shell]);
        assert!(out.status.success() && out.stdout.len() > 500, "{shell}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("extract"));
    }
    let man = rawi(&["man"]);
    let page = String::from_utf8_lossy(&man.stdout);
    assert!(man.status.success(), "{page}");
    assert!(
        page.contains(".TH rawi") && page.contains("completions"),
        "{page}"
    );
}

/// A file name with an escape sequence reaches stderr only with its
/// controls made visible.
#[test]
fn a_file_name_with_an_escape_sequence_never_reaches_stderr_raw() {
    let p = temp("bin\u{1b}]0;PWNED\u{7}.txt", b"T\0");
    let out = rawi(&["extract", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        !out.stderr.contains(&0x1b),
        "{:?}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.stderr.contains(&0x07));
    assert!(String::from_utf8_lossy(&out.stderr).contains("PWNED"));
}

/// Write errors are clean exits: a closed pipe is 0, a full device 2,
/// never a panic (101).
#[test]
fn write_errors_are_clean_exits_not_panics() {
    for _ in 0..10 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_rawi"))
            .args(["completions", "bash"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take()); // the reader of the pipe is gone
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    if std::path::Path::new("/dev/full").exists() {
        let full = || std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_rawi"))
            .args(["completions", "bash"])
            .stdout(full())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let nul = temp("nul.txt", b"T\0");
        let out = Command::new(env!("CARGO_BIN_EXE_rawi"))
            .args(["extract", nul.to_str().unwrap()])
            .stderr(full())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
    }
}

/// Old Mac files: a lone CR ends a line.
#[test]
fn lone_cr_line_ends_make_paragraphs() {
    let p = temp("mac.txt", b"Title\r\rFirst paragraph here.\r\rSecond one.\r");
    let out = rawi(&["extract", "--format", "json", p.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["title"], "Title");
    assert_eq!(v["paragraphs"].as_array().unwrap().len(), 3);
}
