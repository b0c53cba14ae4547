//! End-to-end for many articles: the real binary in a pseudo-terminal on a
//! folder, on stdin, with a broken configuration, and twice in a row to
//! check that the reading position survives (XDG folders point at
//! per-test temporary folders). Every step polls the parsed screen.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

const DEADLINE: Duration = Duration::from_secs(30);
const SEED: &str = include_str!("../seeds/000_9237d8f2f57de89b.txt");

struct Session {
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    bytes: Arc<Mutex<Vec<u8>>>,
    parser: vt100::Parser,
    fed: usize,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

fn home(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("rawi-libpty-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

impl Session {
    /// Runs `program args` with the XDG folders under `home`.
    fn start(program: &str, args: &[&str], home: &Path) -> Session {
        let (rows, cols) = (30u16, 110u16);
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        cmd.env("XDG_STATE_HOME", home.join("state"));
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let bytes = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&bytes);
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Session {
            writer,
            child,
            bytes,
            parser: vt100::Parser::new(rows.try_into().unwrap(), cols.try_into().unwrap(), 0),
            fed: 0,
            _master: pty.master,
        }
    }

    fn rawi(args: &[&str], home: &Path) -> Session {
        Self::start(env!("CARGO_BIN_EXE_rawi"), args, home)
    }

    fn screen(&mut self) -> String {
        let bytes = self.bytes.lock().unwrap();
        if bytes.len() > self.fed {
            self.parser.process(&bytes[self.fed..]);
            self.fed = bytes.len();
        }
        self.parser.screen().contents()
    }

    fn wait_text(&mut self, text: &str) {
        let start = Instant::now();
        loop {
            if self.screen().contains(text) {
                return;
            }
            if start.elapsed() > DEADLINE {
                panic!("timed out waiting for {text:?}; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                std::thread::sleep(Duration::from_millis(100));
                self.screen();
                return status;
            }
            if start.elapsed() > DEADLINE {
                let _ = self.child.kill();
                panic!("rawi did not exit; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The rows above the status line.
    fn body(&mut self) -> Vec<String> {
        let s = self.screen();
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
    s.keys("]]]]");
    s.wait_text("section 3/");
    std::thread::sleep(Duration::from_millis(150));
    let before = s.body();
    assert_ne!(before, first, "the jumps moved the text");
    s.keys("q");
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
    s.keys("q");
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
    let mut s = Session::rawi(&[dir.to_str().unwrap()], &home);
    s.wait_text("Library 4");
    s.wait_text("1 not read (e)");
    s.keys("e");
    s.wait_text("bad.txt: not a text file");
    s.keys("q/Talks\r\r");
    s.wait_text("Speakers 1");
    s.keys("q");
    s.wait_text("Library 1 of 4");
    s.keys("\x1b");
    s.wait_text("Library 4 ");
    s.keys("\t");
    s.wait_text("Speakers 7");
    s.keys("qq");
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
    s.keys("]q");
    s.wait_text("quote 1/");
    s.keys("q");
    assert!(s.wait_exit().success());
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn a_broken_config_is_named_in_the_status_line_and_the_defaults_run() {
    let home = home("config");
    std::fs::create_dir_all(home.join("config/rawi")).unwrap();
    std::fs::write(
        home.join("config/rawi/config.toml"),
        "mouse = false\nside_width = \"wide\"\n",
    )
    .unwrap();
    let mut s = Session::rawi(&[], &home);
    s.wait_text("config.toml:2");
    s.wait_text("Speakers 6");
    s.keys("q");
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
    s.keys("xx");
    s.wait_text("quote 2/");
    s.keys("q");
    assert!(s.wait_exit().success());
    let _ = std::fs::remove_dir_all(&home);
}
