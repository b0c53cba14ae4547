//! I/O the reader asks for: the clipboard, files, shell commands.
//!
//! [`App::update`](super::app::App::update) never touches the world; it
//! queues an [`Effect`] and the loop in `terminal.rs` performs it and hands
//! the [`Outcome`] back through `App::finish`. Tests do the same with
//! [`perform`] on a `Vec<u8>`, so every step of "select, copy, export,
//! pipe" is checked without a terminal.
//!
//! Commands run on a thread of their own ([`spawn_pipe`]): the reader keeps
//! drawing and reading keys while `sort | uniq` or a slow network tool
//! works, and a command that would wait for input gets the selection on
//! stdin followed by end-of-file, so it cannot wait forever.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use rawi::export::clipboard;
use rawi::export::write::{Overwrite, write_atomic};

/// Largest text sent through OSC 52. Terminals cap the sequence (often far
/// lower); past this the reader says to export instead of flooding it.
pub const CLIPBOARD_MAX: usize = 8 << 20;

/// How long a piped command may run before it is killed.
pub const PIPE_TIMEOUT: Duration = Duration::from_secs(60);

/// Output of a piped command kept for the status line.
const OUTPUT_KEEP: usize = 64 << 10;

/// Something for the loop to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this (logical) text on the clipboard with OSC 52.
    Clipboard(String),
    /// Write an export file atomically.
    Write {
        /// Where, as typed (relative to the working folder).
        path: PathBuf,
        /// The rendered export.
        bytes: Vec<u8>,
        /// Whether replacing an existing file was confirmed.
        overwrite: Overwrite,
    },
    /// Run `sh -c command` with `input` on its stdin.
    Pipe {
        /// The command line as typed.
        command: String,
        /// The selection's text.
        input: String,
    },
}

/// What came of an [`Effect`].
#[derive(Debug)]
pub enum Outcome {
    /// The clipboard sequence went out (or failed to).
    Copied {
        /// Bytes of text copied.
        bytes: usize,
        /// Error writing to the terminal.
        error: Option<String>,
    },
    /// An export file was written (or not).
    Written {
        /// Absolute path (for the status line and a confirmation retry).
        path: PathBuf,
        /// The bytes, kept so "overwrite? y" does not re-render.
        bytes: Vec<u8>,
        /// The result of [`write_atomic`].
        result: io::Result<PathBuf>,
    },
    /// A piped command ended.
    Piped {
        /// The command line.
        command: String,
        /// Exit code; `None` if killed by a signal or never started.
        code: Option<i32>,
        /// First line of its stdout (or stderr), or why it failed to run.
        output: String,
    },
}

/// The path a typed file name stands for: `~/` is the home folder,
/// relative names are in the working folder.
pub fn resolve(path: &Path) -> PathBuf {
    let p = match path.strip_prefix("~") {
        Ok(rest) => match std::env::var_os("HOME") {
            Some(home) => PathBuf::from(home).join(rest),
            None => path.to_path_buf(),
        },
        Err(_) => path.to_path_buf(),
    };
    if p.is_absolute() {
        p
    } else {
        std::env::current_dir().map_or(p.clone(), |d| d.join(&p))
    }
}

/// Performs an effect synchronously. The clipboard goes to `out` (the
/// terminal); a pipe runs to completion (the loop uses [`spawn_pipe`]).
pub fn perform(effect: Effect, out: &mut impl Write) -> Outcome {
    match effect {
        Effect::Clipboard(text) => Outcome::Copied {
            bytes: text.len(),
            error: clipboard::copy(out, &text).err().map(|e| e.to_string()),
        },
        Effect::Write {
            path,
            bytes,
            overwrite,
        } => {
            let path = resolve(&path);
            let result = write_atomic(&path, &bytes, overwrite);
            Outcome::Written { path, bytes, result }
        }
        Effect::Pipe { command, input } => run_pipe(&command, &input),
    }
}

/// Runs a command on a thread and sends its outcome on `done`.
pub fn spawn_pipe(command: String, input: String, done: Sender<Outcome>) {
    std::thread::spawn(move || {
        let _ = done.send(run_pipe(&command, &input));
    });
}

fn read_capped(mut r: impl Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut kept = Vec::new();
        let mut buf = [0u8; 8192];
        // Read to the end (so the command never blocks on a full pipe), keep the start.
        while let Ok(n) = r.read(&mut buf) {
            if n == 0 {
                break;
            }
            if kept.len() < OUTPUT_KEEP {
                kept.extend_from_slice(&buf[..n.min(OUTPUT_KEEP - kept.len())]);
            }
        }
        kept
    })
}

/// Runs `sh -c command`, `input` on stdin then end-of-file, output captured.
pub fn run_pipe(command: &str, input: &str) -> Outcome {
    let fail = |output: String| Outcome::Piped {
        command: command.to_string(),
        code: None,
        output,
    };
    let mut child = match Command::new("sh")
        .arg("-c")
        .arg(command)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => return fail(format!("cannot run sh: {e}")),
    };
    let (Some(mut stdin), Some(stdout), Some(stderr)) =
        (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        return fail("no pipes".into());
    };
    let input = input.as_bytes().to_vec();
    // A command that never reads its input (`false`) closes the pipe: the
    // write fails with EPIPE (SIGPIPE is ignored in Rust programs), harmlessly.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = read_capped(stdout);
    let err = read_capped(stderr);
    let start = Instant::now();
    let mut killed = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break Some(s),
            Ok(None) if start.elapsed() > PIPE_TIMEOUT => {
                let _ = child.kill();
                killed = true;
                break child.wait().ok();
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(_) => break None,
        }
    };
    let _ = writer.join();
    let out = out.join().unwrap_or_default();
    let err = err.join().unwrap_or_default();
    let shown = if out.iter().any(|b| !b.is_ascii_whitespace()) {
        out
    } else {
        err
    };
    let text = String::from_utf8_lossy(&shown);
    let mut output = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim()
        .to_string();
    if killed {
        output = format!("killed after {} s", PIPE_TIMEOUT.as_secs());
    }
    Outcome::Piped {
        command: command.to_string(),
        code: status.and_then(|s| s.code()),
        output,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pipe_gets_its_input_and_reports_its_status() {
        let Outcome::Piped { code, output, .. } = run_pipe("wc -c", "12345") else {
            panic!()
        };
        assert_eq!((code, output.as_str()), (Some(0), "5"));
        let Outcome::Piped { code, output, .. } = run_pipe("cat", "نص\nثان") else {
            panic!()
        };
        assert_eq!((code, output.as_str()), (Some(0), "نص"));
        let Outcome::Piped { code, .. } = run_pipe("false", "x") else {
            panic!()
        };
        assert_eq!(code, Some(1));
        // Reads stdin to its end: must not hang.
        let Outcome::Piped { code, .. } = run_pipe("read a; read b; exit 3", "one line") else {
            panic!()
        };
        assert_eq!(code, Some(3));
    }

    #[test]
    fn resolve_makes_paths_absolute() {
        assert!(resolve(Path::new("x.json")).is_absolute());
        assert_eq!(resolve(Path::new("/a/b")), PathBuf::from("/a/b"));
    }
}
