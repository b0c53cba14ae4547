//! Faults under the real binary in a pseudo-terminal: a disk that fills up
//! during an export or the save of the reading positions, and a terminal
//! that goes away under a running reader.
//!
//! The full disk is a file-size limit: `sh -c 'ulimit -f N; exec rawi …'`
//! (in POSIX sh and dash, `ulimit -f` counts 512-byte blocks). A write past
//! the limit writes what fits, then fails with EFBIG — the same path as
//! ENOSPC, and it works as root, where a read-only folder does not bind.

mod common;

use std::path::{Path, PathBuf};

use std::time::{Duration, Instant};

use common::pty::{Session, assert_restored, find, rfind};

const SEED: &str = include_str!("../seeds/000_9237d8f2f57de89b.txt");
const SEED_NAME: &str = "seeds/000_9237d8f2f57de89b.txt";
/// `ulimit -f` block size in POSIX sh.
const BLOCK: usize = 512;

fn fresh(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("rawi-faults-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// rawi on the bundled seed at 40×200, in `cwd`, with its state under
/// `home`, and files limited to `blocks` × 512 bytes.
fn limited(blocks: usize, cwd: &Path, home: &Path) -> Session {
    let script = format!("ulimit -f {blocks}; exec \"$0\" \"$@\"");
    let env = [
        ("XDG_STATE_HOME", home.join("state")),
        ("XDG_CONFIG_HOME", home.join("config")),
    ];
    Session::spawn(
        "sh",
        &["-c", &script, env!("CARGO_BIN_EXE_rawi")],
        40,
        200,
        cwd,
        &env,
    )
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn an_export_that_fills_the_disk_fails_and_loses_nothing() {
    let dir = fresh("export");
    let home = fresh("export-home");
    let keep = b"another file, already there\n".repeat(100);
    let old = b"{\"an\": \"older export\"}\n";
    std::fs::write(dir.join("keep.txt"), &keep).unwrap();
    std::fs::write(dir.join("old.json"), old).unwrap();
    // What the export of the first two quotes weighs: more than twice the
    // limit, so the write fails part-way (the limit lets 512 bytes in).
    let a = rawi::analyze(rawi::Document::from_text(SEED_NAME, SEED));
    let sel = rawi::export::Selection {
        quotes: vec![0, 1],
        ..Default::default()
    };
    let export = rawi::export::render(&a, &sel, rawi::export::Format::Json);
    assert!(
        export.len() > 2 * BLOCK,
        "the export ({} bytes) exceeds the limit",
        export.len()
    );

    let mut s = limited(1, &dir, &home);
    s.wait_text("Speakers 6");
    s.type_keys("]qx");
    s.wait_text("✓1");
    s.type_keys("]qx");
    s.wait_text("✓2");
    // A new file: the default name.
    s.type_keys("s");
    s.wait_text("000_9237d8f2f57de89b-selection.json");
    s.type_keys("\r");
    s.wait_text("export failed");
    s.wait_text("File too large");
    assert_eq!(
        names(&dir),
        ["keep.txt", "old.json"],
        "no destination, no temporary file"
    );
    assert_eq!(std::fs::read(dir.join("keep.txt")).unwrap(), keep);
    // Over an existing file, confirmed: the old bytes stay.
    s.type_keys("s\x15old.json\r");
    s.wait_text("overwrite? (y/N)");
    s.type_keys("y");
    s.wait_text("export failed");
    assert!(s.screen_text().contains("old.json"), "{}", s.screen_text());
    assert_eq!(names(&dir), ["keep.txt", "old.json"], "no temporary file");
    assert_eq!(std::fs::read(dir.join("old.json")).unwrap(), old);
    assert_eq!(std::fs::read(dir.join("keep.txt")).unwrap(), keep);
    // rawi is alive and well: it answers keys and quits cleanly.
    s.type_keys("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    assert_restored(&mut s);
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn a_state_save_that_fills_the_disk_keeps_the_old_file_and_says_so() {
    let dir = fresh("state");
    let home = fresh("state-home");
    // An existing reading memory of many articles, larger than the limit:
    // the new one (the same plus this article) cannot fit.
    let path = home.join("state/rawi/state.json");
    let mut state = rawi::state::State::default();
    for h in 0..300u64 {
        state.remember_at(h, 3, 120, &[('a', 7)].into_iter().collect());
    }
    state.save(&path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let blocks = 4;
    assert!(
        before.len() > 2 * blocks * BLOCK,
        "state file of {} bytes",
        before.len()
    );

    let mut s = limited(blocks, &dir, &home);
    s.wait_text("Speakers 6");
    s.type_keys("]]]]");
    s.wait_text("section 3/");
    s.type_keys("q");
    let status = s.wait_exit();
    assert!(status.success(), "the reader quits as asked: {status:?}");
    assert_restored(&mut s);
    assert_eq!(std::fs::read(&path).unwrap(), before, "old state byte-identical");
    // The lock file stays by design: the state file is replaced by a rename
    // at every save, so the lock lives on a name that does not move.
    assert_eq!(
        names(path.parent().unwrap()),
        ["state.json", "state.json.lock"],
        "no temporary file"
    );
    // Said on stderr, after the terminal was given back.
    let raw = s.raw();
    let said = find(&raw, b"rawi: could not save reading positions to ")
        .unwrap_or_else(|| panic!("no message about the failed save:\n{}", s.screen_text()));
    assert!(
        said > rfind(&raw, b"\x1b[?1049l").unwrap(),
        "printed after the alternate screen"
    );
    assert!(
        said > rfind(&raw, b"\x1b[8h").unwrap(),
        "printed after the bidi mode came back"
    );
    let screen = s.screen_text();
    assert!(screen.contains("File too large"), "{screen}");
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&home);
}

/// Issue 13, defect 11: `kill -9` during an export's write or fsync left
/// its hidden temporary for ever. The next export to that folder removes
/// the temporaries of processes that are gone, and keeps those of a live
/// one (this test's own pid) and every file not named like one.
#[cfg(target_os = "linux")]
#[test]
fn an_export_removes_the_temporaries_of_dead_processes() {
    let dir = fresh("stale-temp");
    let home = fresh("stale-temp-home");
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    assert!(!Path::new(&format!("/proc/{dead}")).exists());
    let live = std::process::id();
    let stale = format!(".000_9237d8f2f57de89b-selection.json.rawi-tmp-{dead}-0");
    let alive = format!(".000_9237d8f2f57de89b-selection.json.rawi-tmp-{live}-0");
    let other = format!("notes.rawi-tmp-{dead}-0");
    // Left an hour ago, as by a writer killed then.
    let then = std::time::SystemTime::now() - Duration::from_secs(3600);
    for n in [&stale, &alive, &other] {
        std::fs::write(dir.join(n), b"half an exp").unwrap();
        let f = std::fs::OpenOptions::new().write(true).open(dir.join(n)).unwrap();
        f.set_modified(then).unwrap();
    }
    let env = [
        ("XDG_STATE_HOME", home.join("state")),
        ("XDG_CONFIG_HOME", home.join("config")),
    ];
    let mut s = Session::spawn(env!("CARGO_BIN_EXE_rawi"), &[], 40, 200, &dir, &env);
    s.wait_text("Speakers 6");
    s.type_keys("]qx");
    s.wait_text("✓1");
    s.type_keys("s");
    s.wait_text("000_9237d8f2f57de89b-selection.json");
    s.type_keys("\r");
    s.wait_text("exported to");
    let mut want = vec![
        "000_9237d8f2f57de89b-selection.json".to_string(),
        alive.clone(),
        other.clone(),
    ];
    want.sort();
    assert_eq!(names(&dir), want, "the dead process's temporary is gone");
    assert_eq!(std::fs::read(dir.join(&alive)).unwrap(), b"half an exp");
    let export = std::fs::read_to_string(dir.join("000_9237d8f2f57de89b-selection.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&export).unwrap();
    assert_eq!(
        v["quotes"].as_array().map(Vec::len),
        Some(1),
        "the export is done"
    );
    s.type_keys("q");
    assert!(s.wait_exit().success());
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&home);
}

/// Waits up to 10 s for `child` to end; kills it and fails if it does not.
fn ends_within(
    mut child: Box<dyn portable_pty::Child + Send + Sync>,
    what: &str,
) -> (portable_pty::ExitStatus, Duration) {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return (status, start.elapsed());
        }
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("rawi still running 10 s after {what}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Closing the terminal of an idle reader: the kernel sends SIGHUP, and
/// every read of the pty returns end of file from then on. crossterm reads
/// the terminal in a loop that only ends on an event or EWOULDBLOCK, so it
/// spins on `read() == 0` and never hands control back to rawi's loop,
/// which would see the signal; the watchdog of `terminal.rs` ends rawi a
/// second after the signal, saving the open article's place first. Without
/// it this test fails: rawi is still running (spinning) after 10 s.
#[test]
fn closing_the_terminal_ends_an_idle_reader_within_seconds() {
    let dir = fresh("hangup");
    let env = [
        ("XDG_STATE_HOME", dir.join("state")),
        ("XDG_CONFIG_HOME", dir.join("config")),
    ];
    let mut s = Session::spawn(env!("CARGO_BIN_EXE_rawi"), &[], 24, 80, &dir, &env);
    s.wait_text("Speakers 6");
    s.type_keys("]]]]");
    s.wait_text("section 3/");
    // 300 ms for rawi to finish the frame the hang-up provokes and wait
    // for keys again: the case the watchdog is for.
    let child = s.hang_up(Duration::from_millis(300));
    let (status, took) = ends_within(child, "its terminal was closed");
    assert_eq!(status.exit_code(), 128 + 1, "ended by SIGHUP: {status:?}");
    assert!(took < Duration::from_secs(5), "took {took:?}");
    // The place in the article was saved on the way out all the same.
    let state = rawi::state::State::load(&dir.join("state/rawi/state.json"));
    let places: Vec<_> = state.articles.values().collect();
    assert!(
        places.len() == 1 && places[0].paragraph > 0,
        "the place at section 3 is remembered: {places:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Closing the terminal while rawi draws: its writes fail with EIO. It must
/// still end by itself, without a panic (`eprintln!` panics when stderr is
/// the hung-up terminal, and ratatui's `Terminal` prints from its `Drop`),
/// and save the reading position on the way out when its loop gets the
/// error, or end through the watchdog when crossterm got the hang-up first.
#[test]
fn closing_the_terminal_while_rawi_draws_ends_it_without_a_panic() {
    for round in 0..3 {
        let dir = fresh(&format!("hangup-draw-{round}"));
        let env = [
            ("XDG_STATE_HOME", dir.join("state")),
            ("XDG_CONFIG_HOME", dir.join("config")),
        ];
        let mut s = Session::spawn(env!("CARGO_BIN_EXE_rawi"), &[], 60, 220, &dir, &env);
        s.wait_text("Speakers 6");
        // No settle: the master goes as soon as the first bytes of the
        // frame for the new size arrive, while the rest is being written.
        let child = s.hang_up(Duration::ZERO);
        let (status, took) = ends_within(child, "its terminal was closed");
        assert_ne!(status.exit_code(), 101, "round {round}: rawi panicked");
        assert!(
            [2, 128 + 1].contains(&status.exit_code()),
            "round {round}: an I/O error (2) or SIGHUP (129): {status:?}"
        );
        assert!(took < Duration::from_secs(5), "took {took:?}");
        // The watchdog waits a second after the signal: ending sooner means
        // the loop saw the error, and then the place was saved on the way out.
        if took < Duration::from_millis(900) {
            assert!(
                dir.join("state/rawi/state.json").exists(),
                "round {round}: ended by the error after {took:?} without saving the place"
            );
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// With an empty `HOME` and no XDG variables, rawi reads no config and
/// writes no state (not into the folder it was started from), and says so.
#[test]
fn an_empty_home_means_no_state_file_and_a_warning() {
    let dir = fresh("empty-home");
    let env = [
        ("HOME", std::path::PathBuf::new()),
        ("XDG_STATE_HOME", std::path::PathBuf::new()),
        ("XDG_CONFIG_HOME", std::path::PathBuf::new()),
    ];
    let mut s = Session::spawn(env!("CARGO_BIN_EXE_rawi"), &[], 24, 80, &dir, &env);
    s.wait_text("Speakers 6");
    s.type_keys("]]q");
    s.wait_exit();
    let raw = String::from_utf8_lossy(&s.raw()).into_owned();
    assert!(raw.contains("positions and marks are not saved"), "{raw:?}");
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert!(
        left.is_empty(),
        "nothing is written in the start folder: {left:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A state file that cannot be read is kept aside under a new name, the
/// reader says so in its status line, and the next save starts a new file.
#[test]
fn a_broken_state_file_is_kept_aside_and_named() {
    let dir = fresh("broken-state");
    let state = dir.join("state/rawi");
    std::fs::create_dir_all(&state).unwrap();
    std::fs::write(state.join("state.json"), b"{\"articles\": {\"00ff\": tr").unwrap();
    let env = [
        ("XDG_STATE_HOME", dir.join("state")),
        ("XDG_CONFIG_HOME", dir.join("config")),
    ];
    let mut s = Session::spawn(env!("CARGO_BIN_EXE_rawi"), &[], 30, 200, &dir, &env);
    s.wait_text("Speakers 6");
    s.wait_text("state.json.broken-");
    s.type_keys("]]q");
    assert!(s.wait_exit().success());
    let kept: Vec<String> = names(&state)
        .into_iter()
        .filter(|n| n.starts_with("state.json.broken-"))
        .collect();
    assert_eq!(kept.len(), 1, "{:?}", names(&state));
    let old = std::fs::read(state.join(&kept[0])).unwrap();
    assert_eq!(old, b"{\"articles\": {\"00ff\": tr");
    let new = std::fs::read_to_string(state.join("state.json")).unwrap();
    assert!(new.contains("\"articles\""), "{new}");
    let _ = std::fs::remove_dir_all(&dir);
}
