//! End-to-end: the real `rawi` binary in a pseudo-terminal, its output
//! parsed by a terminal emulator (`vt100`). Keys are typed, the screen is
//! read back, and the bytes are checked for a restored terminal.
//!
//! No fixed sleeps: every step polls the parsed screen for what it expects,
//! with a generous deadline, so a slow CI machine only makes it slower.

mod common;

use std::path::Path;
use std::time::Duration;

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

use common::pty::{Session, assert_restored, find};

/// The reader's sessions: the repository as working folder, and XDG folders
/// of their own so no saved position or configuration of the machine (or of
/// a parallel test) moves the seed.
impl Session {
    fn start(args: &[&str], rows: u16, cols: u16) -> Session {
        Self::start_in(args, rows, cols, Path::new(env!("CARGO_MANIFEST_DIR")))
    }

    /// Like [`Session::start`], with `cwd` as the working folder (where
    /// exports with a relative name land).
    fn start_in(args: &[&str], rows: u16, cols: u16, cwd: &Path) -> Session {
        static SESSIONS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = SESSIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let home = std::env::temp_dir().join(format!("rawi-pty-home-{}", std::process::id()));
        let env = [
            ("XDG_STATE_HOME", home.join(format!("state-{n}"))),
            ("XDG_CONFIG_HOME", home.join("config")),
        ];
        Session::spawn(env!("CARGO_BIN_EXE_rawi"), args, rows, cols, cwd, &env)
    }
}

#[test]
fn read_jump_search_resize_and_quit_in_a_real_terminal() {
    let mut s = Session::start(&[], 40, 120);
    s.wait_text("Speakers 6");
    let screen = s.screen_text();
    // `60` and `120` are in the seed as digits; they must read in order.
    assert!(screen.contains("60 "), "{screen}");
    s.type_keys("]q]q]q");
    s.wait_text("quote 3/");
    s.type_keys("/داعش\r");
    s.wait_text("[1/2]");
    s.type_keys("n");
    s.wait_text("[2/2]");
    // The hit is on screen: a reversed cell in the article pane.
    s.wait_for("a highlighted hit", |screen| {
        (0..39).any(|r| (36..120).any(|c| screen.cell(r, c).is_some_and(|cell| cell.inverse())))
    });
    let before = s.screen_text();
    assert!(before.contains("120"), "the hit's paragraph shows 120:\n{before}");
    s.resize(20, 60);
    s.wait_for("the 60-column layout", |screen| {
        screen
            .contents()
            .lines()
            .next()
            .is_some_and(|l| l.starts_with("┌ Sections 4 ──────┐┏"))
    });
    s.resize(5, 20);
    s.wait_text("Terminal too small");
    s.resize(40, 120);
    s.wait_text("Speakers 6");
    s.type_keys("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    assert_restored(&mut s);
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut s = Session::start(&[], 24, 80);
    s.wait_text("Speakers 6");
    send(&s, "TERM");
    let status = s.wait_exit();
    assert!(!status.success(), "a signal ends with a failure status");
    assert_restored(&mut s);
}

#[test]
fn bidi_terminal_mode_leaves_terminal_bidi_alone() {
    let mut s = Session::start(&["--bidi", "terminal"], 24, 80);
    s.wait_text("Speakers 6");
    s.type_keys("Q");
    assert!(s.wait_exit().success());
    let raw = s.raw();
    assert!(find(&raw, b"\x1b[8l").is_none() && find(&raw, b"\x1b[8h").is_none());
    assert!(!s.parser.screen().alternate_screen());
}

#[test]
fn without_a_terminal_the_reader_points_to_extract() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rawi"))
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("rawi extract"), "{err}");
}

#[test]
fn a_dumb_terminal_is_refused_with_a_message() {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_rawi"));
    cmd.env("TERM", "dumb");
    let pty = native_pty_system().openpty(PtySize::default()).unwrap();
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let status = child.wait().unwrap();
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    // The child is gone; read what it wrote (EIO ends the read on Linux).
    while let Ok(n) = reader.read(&mut buf) {
        if n == 0 {
            break;
        }
        out.extend_from_slice(&buf[..n]);
    }
    assert_eq!(status.exit_code(), 2);
    let text = String::from_utf8_lossy(&out);
    assert!(text.contains("TERM=dumb"), "{text}");
    assert!(find(&out, b"\x1b[?1049h").is_none(), "nothing drawn");
}

/// An article full of escape sequences and bidi overrides: none of its
/// controls reaches the terminal, checked on the raw bytes rawi wrote.
#[test]
fn hostile_article_sends_no_control_of_its_own_to_the_terminal() {
    let dir = std::env::temp_dir().join(format!("rawi-pty-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("evil.txt");
    let article = "Evil \x1b]0;TITLEPWN\x07 headline\n\n\
        The minister said that \x1b]52;c;Q0xJUFBXTg==\x07 prices \u{202e}gnirts desrever\u{202c} would fall.\n\n\
        A second \x1b[2J\x1b[31mparagraph\x1b[0m with \u{9b}31m C1 and \u{2067}isolate\u{2069} SAFEMARKER here.\n";
    std::fs::write(&path, article).unwrap();
    let mut s = Session::start(&[path.to_str().unwrap()], 24, 100);
    s.wait_text("SAFEMARKER");
    s.type_keys("q");
    let status = s.wait_exit();
    assert!(status.success());
    let raw = s.raw();
    // rawi itself never writes OSC; any OSC would come from the article.
    assert!(
        find(&raw, b"\x1b]").is_none(),
        "an OSC sequence reached the terminal"
    );
    assert!(find(&raw, b"TITLEPWN").is_none() && find(&raw, b"Q0xJUFBXTg").is_none());
    for forbidden in ["\u{202e}", "\u{202c}", "\u{2067}", "\u{2069}", "\u{9b}"] {
        assert!(
            find(&raw, forbidden.as_bytes()).is_none(),
            "{forbidden:?} reached the terminal"
        );
    }
    // The visible words are there, without the article's colours.
    assert!(find(&raw, b"\x1b[31mparagraph").is_none());
    assert_restored(&mut s);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn shown_hidden_characters_are_placeholders_and_no_isolate_reorders_a_number() {
    let dir = std::env::temp_dir().join(format!("rawi-pty-isolate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("transfer.txt");
    let article =
        "Transfer\n\nTransfer to account \u{2067}1111 2222 3333\u{2069} now, \u{200F}mark\u{200B}here.\n";
    std::fs::write(&path, article).unwrap();
    let mut s = Session::start(&["--show-hidden", path.to_str().unwrap()], 24, 100);
    s.wait_text("account <U+2067>1111 2222 3333<U+2069> now,");
    s.wait_text("<U+200F>mark<U+200B>here.");
    // `U` drops them again: the isolate is applied, and never written.
    s.type_keys("U");
    s.wait_text("account 3333 2222 1111 now, markhere.");
    s.type_keys("q");
    assert!(s.wait_exit().success());
    let raw = s.raw();
    for forbidden in ["\u{2067}", "\u{2069}", "\u{200F}", "\u{200B}"] {
        assert!(
            find(&raw, forbidden.as_bytes()).is_none(),
            "{forbidden:?} reached the terminal"
        );
    }
    assert_restored(&mut s);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn select_two_quotes_copy_with_osc52_and_export_json() {
    let dir = std::env::temp_dir().join(format!("rawi-pty-export-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut s = Session::start_in(&[], 40, 120, &dir);
    s.wait_text("Speakers 6");
    s.type_keys("]qx");
    s.wait_text("✓1");
    s.type_keys("]qx");
    s.wait_text("✓2");
    s.type_keys("y");
    s.wait_text("copied");
    // The exact OSC 52 of the two quotes' logical text, as the library builds it.
    let name = "seeds/000_9237d8f2f57de89b.txt";
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_9237d8f2f57de89b.txt"
    ))
    .unwrap();
    let a = rawi::analyze(rawi::Document::from_text(name, &text));
    let sel = rawi::export::Selection {
        quotes: vec![0, 1],
        ..Default::default()
    };
    let want = rawi::export::clipboard::osc52(&rawi::export::to_text(&a, &sel));
    assert!(
        find(&s.raw(), want.as_bytes()).is_some(),
        "OSC 52 sequence written"
    );
    // Export with the default name, in the working folder.
    s.type_keys("s");
    s.wait_text("000_9237d8f2f57de89b-selection.json");
    s.type_keys("\r");
    s.wait_text("exported to");
    let path = dir.join("000_9237d8f2f57de89b-selection.json");
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let quotes = v["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 2);
    for (q, i) in quotes.iter().zip([0, 1]) {
        assert_eq!(q["text"], a.slice(a.quotes[i].span));
        assert_eq!(q["start"], a.quotes[i].span.start);
    }
    assert_eq!(v["source"], name);
    // Again: the file exists, so the reader asks; Enter says no.
    s.type_keys("s\r");
    s.wait_text("overwrite? (y/N)");
    let before = std::fs::read(&path).unwrap();
    s.type_keys("\r");
    s.wait_text("not overwritten");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    s.type_keys("q");
    assert!(s.wait_exit().success());
    assert_restored(&mut s);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A resize storm, through sizes down to 1×1, leaves a working reader.
#[test]
fn a_resize_storm_leaves_a_working_reader() {
    let mut s = Session::start(&[], 30, 100);
    s.wait_text("Speakers 6");
    for i in 0..60u16 {
        let (rows, cols) = match i % 5 {
            0 => (1, 1),
            1 => (5, 20),
            2 => (2 + i % 40, 10 + (i * 7) % 150),
            3 => (40, 200),
            _ => (24, 80),
        };
        s.resize(rows, cols);
    }
    s.resize(30, 100);
    // Frames drawn for the passing sizes reach the emulator after it has
    // moved on, so the screen is not compared here; what must hold is that
    // rawi survived, still answers keys and hands the terminal back.
    std::thread::sleep(Duration::from_millis(500));
    assert!(s.child.try_wait().unwrap().is_none(), "rawi died in the storm");
    s.type_keys("]q]nq");
    assert!(s.wait_exit().success());
    assert_restored(&mut s);
}

/// Issue 13, defect 9: SIGQUIT, SIGUSR1 (and the other signals whose
/// default action ends a process) left the alternate screen, raw mode and
/// a hidden cursor behind. Each now ends the reader as SIGTERM does.
#[test]
fn every_fatal_signal_restores_the_terminal() {
    for sig in ["QUIT", "USR1", "USR2", "ALRM"] {
        let mut s = Session::start(&[], 24, 80);
        s.wait_text("Speakers 6");
        send(&s, sig);
        let status = s.wait_exit();
        assert!(!status.success(), "SIG{sig} ends with a failure status");
        assert_restored(&mut s);
    }
}

/// Issue 13, defect 9: SIGTSTP and Ctrl-Z give the terminal back and stop,
/// SIGCONT takes it again and redraws it whole, as less and vim do; a
/// SIGCONT after someone else's SIGSTOP redraws too.
#[test]
fn suspend_gives_the_terminal_back_and_continue_redraws_it() {
    let mut s = Session::start(&[], 24, 80);
    s.wait_text("Speakers 6");
    for what in ["SIGTSTP", "Ctrl-Z"] {
        let mark = s.raw().len();
        if what == "Ctrl-Z" {
            s.type_keys("\x1a");
        } else {
            send(&s, "TSTP");
        }
        wait_stopped(&s, what);
        let after = s.raw()[mark..].to_vec();
        let left = find(&after, b"\x1b[?1049l").unwrap_or_else(|| panic!("{what}: main screen"));
        let bidi = find(&after, b"\x1b[8h").unwrap_or_else(|| panic!("{what}: bidi back on"));
        assert!(left < bidi, "{what}: bidi on after the alternate screen is left");
        s.pump();
        assert!(!s.parser.screen().alternate_screen(), "{what}: main screen back");
        assert!(!s.parser.screen().hide_cursor(), "{what}: cursor shown");
        let mark = s.raw().len();
        send(&s, "CONT");
        s.wait_for("the reader back after SIGCONT", |screen| {
            screen.alternate_screen() && screen.contents().contains("Speakers 6")
        });
        let back = s.raw()[mark..].to_vec();
        let off = find(&back, b"\x1b[8l").unwrap_or_else(|| panic!("{what}: bidi off again"));
        let alt = find(&back, b"\x1b[?1049h").unwrap_or_else(|| panic!("{what}: alt screen"));
        assert!(off < alt, "{what}: bidi off before the alternate screen");
    }
    // Stopped by someone else: the screen is drawn again in full.
    send(&s, "STOP");
    wait_stopped(&s, "SIGSTOP");
    let mark = s.raw().len();
    send(&s, "CONT");
    let start = std::time::Instant::now();
    while find(&s.raw()[mark..], "Speakers 6".as_bytes()).is_none() {
        assert!(start.elapsed() < common::pty::DEADLINE, "no redraw after SIGCONT");
        std::thread::sleep(Duration::from_millis(20));
    }
    s.type_keys("q");
    assert!(s.wait_exit().success());
    assert_restored(&mut s);
}

/// Issue 13, defect 17: an idle reader wrote about 25 bytes every 250 ms
/// (cursor and colour resets of frames with nothing new). It now writes
/// nothing until something changes: within 10 s of the first frame there
/// is a full second without a byte, and a key still draws at once.
#[test]
fn an_idle_reader_writes_nothing() {
    let mut s = Session::start(&[], 24, 80);
    s.wait_text("Speakers 6");
    let start = std::time::Instant::now();
    let (mut len, mut since) = (s.raw().len(), std::time::Instant::now());
    loop {
        std::thread::sleep(Duration::from_millis(50));
        let now = s.raw().len();
        if now != len {
            (len, since) = (now, std::time::Instant::now());
        } else if since.elapsed() >= Duration::from_secs(1) {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the idle reader keeps writing: {:?}",
            String::from_utf8_lossy(&s.raw()[len.saturating_sub(60)..])
        );
    }
    s.type_keys("]q");
    s.wait_text("quote 1/");
    s.type_keys("q");
    assert!(s.wait_exit().success());
    assert_restored(&mut s);
}

/// `kill -SIG pid` on the session's program.
fn send(s: &Session, sig: &str) {
    let pid = s.child.process_id().expect("pid");
    let ok = std::process::Command::new("kill")
        .args([&format!("-{sig}"), &pid.to_string()])
        .status()
        .unwrap();
    assert!(ok.success(), "kill -{sig}");
}

/// Waits until the program is stopped (state `T` in /proc).
fn wait_stopped(s: &Session, what: &str) {
    let pid = s.child.process_id().expect("pid");
    let start = std::time::Instant::now();
    loop {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let state = stat.rsplit_once(')').map(|(_, r)| r.trim_start().chars().next());
        if state == Some(Some('T')) {
            return;
        }
        assert!(
            start.elapsed() < common::pty::DEADLINE,
            "{what}: rawi did not stop"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}
