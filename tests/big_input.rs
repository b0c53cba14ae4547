//! 100 MB of article without a blank line: 980,393 copies of the hostile
//! fixture's line, each opened by its own Latin word (`aaaaa`, `aaaab`, …)
//! so that pages differ, and each ending a sentence, so as many one-line
//! paragraphs, each with a quote and a number. `rawi extract --format json`
//! must stream the analysis out in memory bounded by a small multiple of
//! the input, and the reader must show it and page through it.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::pty::Session;

const LINE: &str = "وقال الوزير إن «الحوار مهم» في 60 في المئة من الحالات.";
/// The same line not ending a sentence: a block of such long lines is one
/// hard-wrapped paragraph of 100 MB, which the analysis cuts into pieces of
/// at most `rawi::extract::structure::MAX_PARAGRAPH` bytes.
const WRAPPED: &str = "وقال الوزير إن «الحوار مهم» في 60 في المئة من الحالات و";
/// Size of the article.
const SIZE: usize = 100_000_000;
/// Address-space cap for `extract` (`ulimit -v`, KiB in POSIX sh): five
/// times the input. Measured peak of the release build: 335 MB of address
/// space, 294 MB resident. (Through a `serde_json::Value`, as before the
/// JSON was streamed, it needed 4 GB and fails here.)
const CAP_KIB: usize = 500_000;

/// Removes the folder of the article when the test ends, passed or not:
/// 100 MB is too much to leave in the temporary folder after a failure.
struct Cleanup(PathBuf);

impl Drop for Cleanup {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Writes the article of `line`s; returns its path and its number of lines.
fn big_file(tag: &str, text: &str) -> (PathBuf, usize) {
    let d = std::env::temp_dir().join(format!("rawi-big-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    let path = d.join("no-blank-lines.txt");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    let (mut written, mut lines) = (0, 0);
    while written < SIZE {
        let mut word = [b'a'; 5];
        let mut n = lines;
        for c in word.iter_mut().rev() {
            *c = b'a' + (n % 26) as u8;
            n /= 26;
        }
        let line = format!("{} {text}\n", std::str::from_utf8(&word).unwrap());
        out.write_all(line.as_bytes()).unwrap();
        written += line.len();
        lines += 1;
    }
    out.flush().unwrap();
    (path, lines)
}

#[test]
fn extract_json_of_100_mb_without_a_blank_line_streams_in_bounded_memory() {
    let (path, lines) = big_file("extract", LINE);
    let _cleanup = Cleanup(path.parent().unwrap().to_path_buf());
    let (paragraphs, ..) = extract_streams(&path);
    assert_eq!(paragraphs, lines, "one paragraph per line");
}

#[test]
fn extract_json_of_one_100_mb_paragraph_cuts_it_in_bounded_pieces() {
    let (path, _) = big_file("extract-wrapped", WRAPPED);
    let _cleanup = Cleanup(path.parent().unwrap().to_path_buf());
    let (paragraphs, ..) = extract_streams(&path);
    // Pieces end at a line break in the second half of each 64 KiB window.
    let max = rawi::extract::structure::MAX_PARAGRAPH;
    assert!(
        (SIZE / max..=2 * SIZE / max + 2).contains(&paragraphs),
        "{paragraphs} paragraphs"
    );
}

/// Runs `rawi extract --format json` on `path` under the memory cap and
/// reads its output as a stream: (paragraphs, quotes, numbers).
fn extract_streams(path: &std::path::Path) -> (usize, usize, usize) {
    let start = Instant::now();
    let mut child = Command::new("sh")
        .args(["-c", &format!("ulimit -v {CAP_KIB}; exec \"$0\" \"$@\"")])
        .arg(env!("CARGO_BIN_EXE_rawi"))
        .args(["extract", "--format", "json"])
        .arg(path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read the JSON as it comes, one line at a time, without keeping it:
    // strings never hold a raw newline, so each field is on a line of its
    // own, and each object of the top-level lists has one "start".
    let mut stdout = BufReader::with_capacity(1 << 20, child.stdout.take().unwrap());
    let mut bytes = 0usize;
    let mut list = Vec::new();
    let (mut paragraphs, mut quotes, mut numbers) = (0usize, 0usize, 0usize);
    let mut line = Vec::new();
    let mut last = Vec::new();
    while stdout.read_until(b'\n', &mut line).unwrap() > 0 {
        bytes += line.len();
        if line.starts_with(b"  \"") {
            list = line.clone();
        } else if line.trim_ascii_start().starts_with(b"\"start\": ") {
            match &list[..] {
                l if l.starts_with(b"  \"paragraphs\"") => paragraphs += 1,
                l if l.starts_with(b"  \"quotes\"") => quotes += 1,
                l if l.starts_with(b"  \"numbers\"") => numbers += 1,
                _ => {}
            }
        }
        std::mem::swap(&mut line, &mut last);
        line.clear();
    }
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    let status = child.wait().unwrap();
    let took = start.elapsed();
    assert!(
        status.success(),
        "{status:?} (over {CAP_KIB} KiB of memory?): {stderr}"
    );
    assert!(stderr.is_empty(), "{stderr}");
    assert_eq!(last, b"}\n", "the JSON is complete");
    assert!(quotes > 0 && numbers > 0, "{quotes} quotes, {numbers} numbers");
    eprintln!(
        "extract --format json: {bytes} bytes, {paragraphs} paragraphs, {quotes} quotes, \
         {numbers} numbers in {took:?} under ulimit -v {CAP_KIB}"
    );
    (paragraphs, quotes, numbers)
}

/// Peak resident memory of a running process, in KiB.
fn vm_hwm(pid: u32) -> Option<usize> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn the_reader_opens_100_mb_without_a_blank_line_and_pages() {
    reader_pages("reader", LINE);
}

#[test]
fn the_reader_opens_one_100_mb_paragraph_and_pages() {
    reader_pages("reader-wrapped", WRAPPED);
}

fn reader_pages(tag: &str, line: &str) {
    let (path, _) = big_file(tag, line);
    let home = path.parent().unwrap().to_path_buf();
    let _cleanup = Cleanup(home.clone());
    let env = [
        ("XDG_STATE_HOME", home.join("state")),
        ("XDG_CONFIG_HOME", home.join("config")),
    ];
    let start = Instant::now();
    let mut s = Session::spawn(
        env!("CARGO_BIN_EXE_rawi"),
        &[path.to_str().unwrap()],
        40,
        120,
        &home,
        &env,
    );
    s.wait_text("| 0% |");
    let first = start.elapsed();
    let top = s.screen_text();
    assert!(top.contains("aaaaa") && top.contains("aaaab"), "{top}");
    let t = Instant::now();
    s.type_keys("   ");
    s.wait_for("three pages down", |screen| screen.contents() != top);
    let page = t.elapsed();
    let t = Instant::now();
    s.type_keys("G");
    s.wait_text("| 100% |");
    let end = t.elapsed();
    let t = Instant::now();
    s.type_keys("g");
    s.wait_text("| 0% |");
    let back = t.elapsed();
    let pid = s.child.process_id().unwrap();
    let rss = vm_hwm(pid);
    s.type_keys("q");
    assert!(s.wait_exit().success());
    eprintln!("reader: first frame {first:?}, 3 pages {page:?}, G {end:?}, g {back:?}, peak RSS {rss:?} KiB");
    assert!(first < Duration::from_secs(30));
}
