//! The real `rawi` binary in a pseudo-terminal, its output parsed by a
//! terminal emulator (`vt100`): the harness of the end-to-end tests. Every
//! wait polls the parsed screen with a generous deadline, never a fixed sleep.
#![allow(dead_code)] // each test file uses part of it

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const DEADLINE: Duration = Duration::from_secs(30);

pub struct Session {
    pub master: Box<dyn MasterPty + Send>,
    pub writer: Box<dyn Write + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    /// Every byte the program wrote, in order.
    pub bytes: Arc<Mutex<Vec<u8>>>,
    pub parser: vt100::Parser,
    pub fed: usize,
}

impl Session {
    /// Runs `program args` in a new pty of `rows`×`cols`, in `cwd`, with
    /// `TERM=xterm-256color`, no `NO_COLOR`, and the extra `env`.
    pub fn spawn(
        program: &str,
        args: &[&str],
        rows: u16,
        cols: u16,
        cwd: &Path,
        env: &[(&str, PathBuf)],
    ) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(cwd);
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn rawi");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
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
            master: pty.master,
            writer,
            child,
            bytes,
            parser: vt100::Parser::new(nz(rows), nz(cols), 0),
            fed: 0,
        }
    }

    /// Feeds what arrived since the last call to the emulator.
    pub fn pump(&mut self) {
        let bytes = self.bytes.lock().unwrap();
        if bytes.len() > self.fed {
            self.parser.process(&bytes[self.fed..]);
            self.fed = bytes.len();
        }
    }

    pub fn screen_text(&mut self) -> String {
        self.pump();
        self.parser.screen().contents()
    }

    /// Waits until the screen satisfies `ok`; panics with the screen if not.
    pub fn wait_for(&mut self, what: &str, ok: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        loop {
            self.pump();
            if ok(self.parser.screen()) {
                return;
            }
            if start.elapsed() > DEADLINE {
                panic!(
                    "timed out waiting for {what}; screen:\n{}",
                    self.parser.screen().contents()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn wait_text(&mut self, text: &str) {
        let t = text.to_string();
        self.wait_for(text, move |s| s.contents().contains(&t));
    }

    pub fn type_keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Resizes the emulator first, then the pty: the program draws for the
    /// new size as soon as it hears of it, and those bytes must meet an
    /// emulator of that size. (The program is idle here: the previous step
    /// waited for its frame.)
    pub fn resize(&mut self, rows: u16, cols: u16) {
        self.pump();
        self.parser.screen_mut().set_size(nz(rows), nz(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread collect the last bytes.
                std::thread::sleep(Duration::from_millis(100));
                self.pump();
                return status;
            }
            if start.elapsed() > DEADLINE {
                let _ = self.child.kill();
                panic!("rawi did not exit; screen:\n{}", self.screen_text());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn raw(&self) -> Vec<u8> {
        self.bytes.lock().unwrap().clone()
    }
}

/// The terminal was handed back: bidi off before the alternate screen,
/// alternate screen left, bidi back on after it, and nothing drawn after.
pub fn assert_restored(s: &mut Session) {
    let raw = s.raw();
    let bidi_off = find(&raw, b"\x1b[8l").expect("CSI 8 l sent");
    let alt_on = find(&raw, b"\x1b[?1049h").expect("alternate screen entered");
    let alt_off = rfind(&raw, b"\x1b[?1049l").expect("alternate screen left");
    let bidi_on = rfind(&raw, b"\x1b[8h").expect("CSI 8 h sent");
    assert!(
        bidi_off < alt_on && alt_on < alt_off && alt_off < bidi_on,
        "order of terminal modes"
    );
    s.pump();
    assert!(!s.parser.screen().alternate_screen(), "main screen back");
    assert!(!s.parser.screen().hide_cursor(), "cursor shown");
}

pub fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a terminal size is not zero")
}

pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

pub fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}
