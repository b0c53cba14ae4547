//! The real `rawi` binary in a pseudo-terminal, its output parsed by a
//! terminal emulator (`vt100`): the harness of the end-to-end tests. Every
//! wait polls the parsed screen with a generous deadline, never a fixed sleep.
#![allow(dead_code)] // each test file uses part of it

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};
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
    /// Asks the reader thread to stop after its current read.
    stop: Arc<AtomicBool>,
    /// Told when the reader thread has ended (and closed its fd).
    reader_done: Receiver<()>,
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
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let (done, reader_done) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
                if stopped.load(Ordering::SeqCst) {
                    break;
                }
            }
            drop(reader);
            let _ = done.send(());
        });
        Session {
            master: pty.master,
            writer,
            child,
            bytes,
            parser: vt100::Parser::new(nz(rows), nz(cols), 0),
            fed: 0,
            stop,
            reader_done,
        }
    }

    /// Closes the terminal under the program, as closing a terminal window
    /// does: every master-side fd is closed, so the kernel hangs the pty up
    /// (SIGHUP to the program; its reads then return end of file, its
    /// writes EIO). The reader thread holds a clone of the master and blocks
    /// in `read`: it is told to stop, and a resize makes the program draw so
    /// that the read returns. After `settle` (time for the program to finish
    /// that frame and go idle; zero: hang up while it is still drawing) the
    /// writer and the master are dropped (dropping the writer sends the
    /// pty's end of file, `\n` then `Ctrl-d`, as portable-pty does). Returns
    /// the child, to watch it end.
    pub fn hang_up(self, settle: Duration) -> Box<dyn Child + Send + Sync> {
        let Session {
            master,
            writer,
            child,
            stop,
            reader_done,
            parser,
            ..
        } = self;
        stop.store(true, Ordering::SeqCst);
        let (rows, cols) = parser.screen().size();
        master
            .resize(PtySize {
                rows: rows.get().saturating_add(1),
                cols: cols.get().saturating_add(1),
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        if reader_done.recv_timeout(DEADLINE).is_err() {
            panic!("the reader thread did not let go of the pty");
        }
        std::thread::sleep(settle);
        drop(writer);
        drop(master);
        child
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
