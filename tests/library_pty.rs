//! End-to-end for many articles: the real binary in a pseudo-terminal on a
//! folder, on stdin, with a broken configuration, and twice in a row to
//! check that the reading position survives (XDG folders point at
//! per-test temporary folders). Every step polls the parsed screen.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::pty::Session;
const SEED: &str = include_str!("../seeds/000_9237d8f2f57de89b.txt");

fn home(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("rawi-libpty-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

impl Session {
    /// Runs `program args` at 30×110 with the XDG folders under `home`.
    fn start(program: &str, args: &[&str], home: &Path) -> Session {
        let env = [
            ("XDG_STATE_HOME", home.join("state")),
            ("XDG_CONFIG_HOME", home.join("config")),
        ];
        Session::spawn(
            program,
            args,
            30,
            110,
            Path::new(env!("CARGO_MANIFEST_DIR")),
            &env,
        )
    }

    fn rawi(args: &[&str], home: &Path) -> Session {
        Self::start(env!("CARGO_BIN_EXE_rawi"), args, home)
    }

    /// The rows above the status line.
    fn body(&mut self) -> Vec<String> {
        let s = self.screen_text();
        let mut rows: Vec<String> = s.lines().map(str::to_string).collect();
        rows.pop();
        rows
    }
}

#[test]
fn the_reading_position_survives_quitting_and_reopening() {
    let home = home("state");
    let mut s = Session::rawi(&[], &home);
    s.wait_text("Speakers 6");
    let first = s.body();
    s.type_keys("]]]]");
    s.wait_text("section 3/");
    std::thread::sleep(Duration::from_millis(150));
    let before = s.body();
    assert_ne!(before, first, "the jumps moved the text");
    s.type_keys("q");
    assert!(s.wait_exit().success());
    assert!(
        home.join("state/rawi/state.json").exists(),
        "state saved under XDG_STATE_HOME"
    );
    let mut s = Session::rawi(&[], &home);
    s.wait_text("Speakers 6");
    std::thread::sleep(Duration::from_millis(150));
    // Same text on screen; the section pane follows the place too.
    let after = s.body();
    assert_eq!(after, before, "reopened where it was left");
    s.type_keys("q");
    assert!(s.wait_exit().success());
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn a_folder_opens_the_library_and_enter_reads_an_article() {
    let home = home("folder");
    let dir = home.join("news");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("a.txt"), SEED).unwrap();
    std::fs::write(
        dir.join("sub/b.txt"),
        "Talks in Washington\n\nJohn Smith said that the talks went well.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("sub/c.jsonl"),
        "{\"title\": \"Record one\", \"text\": \"Body.\"}\n{\"title\": \"Record two\", \"text\": \"Body.\"}\n",
    )
    .unwrap();
    std::fs::write(dir.join("bad.txt"), b"\x00\x01binary").unwrap();
    // No text is no article, said as `rawi extract` says it.
    std::fs::write(dir.join("empty.txt"), b"\n \n").unwrap();
    let mut s = Session::rawi(&[dir.to_str().unwrap()], &home);
    s.wait_text("Library 4");
    s.wait_text("2 not read (e)");
    s.type_keys("e");
    s.wait_text("bad.txt: not a text file");
    s.wait_text("empty.txt: no text (empty or blank)");
    s.type_keys("q/Talks\r\r");
    s.wait_text("Speakers 1");
    s.type_keys("q");
    s.wait_text("Library 1 of 4");
    s.type_keys("\x1b");
    s.wait_text("Library 4 ");
    s.type_keys("\t");
    s.wait_text("Speakers 7");
    s.type_keys("qq");
    assert!(s.wait_exit().success());
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn stdin_is_read_and_the_keyboard_comes_from_the_terminal() {
    let home = home("stdin");
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/000_9237d8f2f57de89b.txt");
    let script = format!("cat '{seed}' | '{}' -", env!("CARGO_BIN_EXE_rawi"));
    let mut s = Session::start("sh", &["-c", &script], &home);
    s.wait_text("Speakers 6");
    s.type_keys("]q");
    s.wait_text("quote 1/");
    s.type_keys("q");
    assert!(s.wait_exit().success());
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn a_broken_config_is_named_in_the_status_line_and_the_defaults_run() {
    let home = home("config");
    std::fs::create_dir_all(home.join("config/rawi")).unwrap();
    // Not TOML (an unterminated string): nothing of it is used.
    std::fs::write(
        home.join("config/rawi/config.toml"),
        "mouse = false\nside_width = \"wide\n",
    )
    .unwrap();
    let mut s = Session::rawi(&[], &home);
    s.wait_text("config.toml:2");
    s.wait_text("Speakers 6");
    s.type_keys("q");
    assert!(s.wait_exit().success());
    let _ = std::fs::remove_dir_all(&home);
}

/// Issue 13, defect 6: one unknown key or one wrong type used to discard
/// the whole file. Now each is named with its line and column, and the keys
/// before and after them apply: the mouse is on (the terminal is asked for
/// mouse reports) and the key binding works.
#[test]
fn a_bad_key_in_the_config_is_named_and_the_keys_around_it_apply() {
    let home = home("config-bad-key");
    std::fs::create_dir_all(home.join("config/rawi")).unwrap();
    std::fs::write(
        home.join("config/rawi/config.toml"),
        "mouse = true\nfoo = 1\nside_width = \"wide\"\n[keys]\n\"x\" = \"next_quote\"\n",
    )
    .unwrap();
    let env = [
        ("XDG_STATE_HOME", home.join("state")),
        ("XDG_CONFIG_HOME", home.join("config")),
    ];
    let cwd = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut s = Session::spawn(env!("CARGO_BIN_EXE_rawi"), &[], 30, 220, cwd, &env);
    s.wait_text("Speakers 6");
    s.wait_text("config.toml:2:1: ");
    assert!(
        common::pty::find(&s.raw(), b"\x1b[?1000h").is_some(),
        "mouse = true (before the bad keys) applies"
    );
    s.wait_text("config.toml:2:1: unknown key foo (ignored)");
    s.wait_text("config.toml:3:14: side_width: invalid type");
    s.type_keys("xx");
    s.wait_text("quote 2/");
    s.type_keys("q");
    assert!(s.wait_exit().success());
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn a_configured_key_binding_works_in_the_real_binary() {
    let home = home("keys");
    std::fs::create_dir_all(home.join("config/rawi")).unwrap();
    std::fs::write(
        home.join("config/rawi/config.toml"),
        "[keys]\n\"x\" = \"next_quote\"\n",
    )
    .unwrap();
    let mut s = Session::rawi(&[], &home);
    s.wait_text("Speakers 6");
    s.type_keys("xx");
    s.wait_text("quote 2/");
    s.type_keys("q");
    assert!(s.wait_exit().success());
    let _ = std::fs::remove_dir_all(&home);
}

/// A FIFO among the files (in a folder, or given by name) is reported as
/// not a regular file; it never holds up the first frame or the others.
#[cfg(unix)]
#[test]
fn a_fifo_in_a_folder_or_among_the_paths_never_stalls_the_others() {
    let home = home("fifo");
    let dir = home.join("news");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("a.txt"),
        "Alpha title\n\nJohn Smith said the talks went well.\n",
    )
    .unwrap();
    std::fs::write(dir.join("b.txt"), "Beta title\n\nBody.\n").unwrap();
    let fifo = dir.join("f.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let mut s = Session::rawi(&[dir.to_str().unwrap()], &home);
    s.wait_text("Library 2");
    s.wait_text("1 not read (e)");
    s.type_keys("e");
    s.wait_text("f.txt: not a regular file");
    s.type_keys("qq");
    assert!(s.wait_exit().success());
    let a = dir.join("a.txt");
    let b = dir.join("b.txt");
    let paths = [fifo.to_str().unwrap(), a.to_str().unwrap(), b.to_str().unwrap()];
    let mut s = Session::rawi(&paths, &home);
    s.wait_text("Library 2");
    s.wait_text("Alpha title");
    s.type_keys("qq");
    assert!(s.wait_exit().success());
    let _ = std::fs::remove_dir_all(&home);
}
