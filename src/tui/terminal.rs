//! The terminal: entering and leaving the reader's screen, and the loop.
//!
//! Whatever happens — `q`, a panic, SIGTERM, SIGHUP, SIGINT, SIGQUIT,
//! SIGUSR1, SIGUSR2, SIGALRM — the terminal is given back as it was: raw
//! mode off, main screen back, cursor shown, mouse reporting off and
//! terminal bidi back on (`CSI 8 h`, bidi.md §8.2). [`restore`] is
//! idempotent and attempts every step even if one fails, so the guard's
//! `Drop`, the panic hook and the signal path can all call it.
//!
//! Job control works as in less and vim: SIGTSTP or Ctrl-Z (which raw mode
//! delivers as a key, not a signal) gives the terminal back, stops, and on
//! SIGCONT takes the screen again and redraws all of it. A SIGCONT after a
//! stop rawi did not ask for (`kill -STOP`) redraws too: whoever had the
//! terminal meanwhile may have written over it.
//!
//! Nothing is written while nothing changes: the loop draws only after a
//! key, a resize, a finished effect, or news from a background thread.

use std::io::{self, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::app::{Action, BidiMode, Options};
use super::effect::{self, Effect};
use super::shell::{self, OpenPlace, Shell};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseEventKind,
};
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};

/// Turns the terminal's own bidi off: rawi sends visual order (bidi.md §8.2).
const BIDI_OFF: &[u8] = b"\x1b[8l";
/// Turns it back on.
const BIDI_ON: &[u8] = b"\x1b[8h";

/// Set once the terminal has been entered, so the panic hook knows whether
/// there is anything to restore.
static ENTERED: AtomicBool = AtomicBool::new(false);
/// Whether `CSI 8 l` was sent (so `CSI 8 h` is owed).
static BIDI_SENT: AtomicBool = AtomicBool::new(false);

/// Why the reader cannot start: said before touching the terminal.
#[allow(dead_code)]
pub fn check_terminal() -> Result<(), String> {
    check_terminal_for(false)
}

/// [`check_terminal`] when stdin may have been read as an article
/// (`cmd | rawi -`): the keyboard then comes from `/dev/tty` (crossterm
/// opens it when stdin is not a terminal), so that must open.
pub fn check_terminal_for(stdin_read: bool) -> Result<(), String> {
    let keyboard = if stdin_read {
        io::stdin().is_terminal() || std::fs::File::open("/dev/tty").is_ok()
    } else {
        io::stdin().is_terminal()
    };
    if !io::stdout().is_terminal() || !keyboard {
        return Err("the reader needs a terminal; for pipes and scripts use \
                    `rawi extract [--format json|jsonl|markdown] PATH`"
            .into());
    }
    match std::env::var("TERM") {
        Ok(t) if t == "dumb" => Err("TERM=dumb cannot show the reader; \
                                     use `rawi extract --format markdown PATH` instead"
            .into()),
        _ => Ok(()),
    }
}

/// The signals whose default action ends the process: each one ends the
/// reader the way `Q` does, the terminal given back and the place saved.
const FATAL: [i32; 7] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
    signal_hook::consts::SIGUSR1,
    signal_hook::consts::SIGUSR2,
    signal_hook::consts::SIGALRM,
];

/// Gives the terminal back. Idempotent; never panics.
pub fn restore() {
    if !ENTERED.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture);
    let _ = execute!(out, LeaveAlternateScreen, cursor::Show);
    if BIDI_SENT.swap(false, Ordering::SeqCst) {
        let _ = out.write_all(BIDI_ON);
    }
    let _ = out.flush();
    let _ = disable_raw_mode();
}

type Term = Terminal<CrosstermBackend<io::Stdout>>;

/// Owns the terminal while the reader runs; dropping it restores.
struct Guard {
    /// Always `Some` until dropped (see `Drop`).
    terminal: Option<Term>,
}

impl Guard {
    fn enter(opts: &Options) -> io::Result<Self> {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
        take(opts)?;
        Ok(Self {
            terminal: Some(Terminal::new(CrosstermBackend::new(io::stdout()))?),
        })
    }

    fn terminal(&mut self) -> &mut Term {
        self.terminal
            .as_mut()
            .expect("the terminal is there until the guard drops")
    }
}

/// Puts the terminal in the reader's modes: the inverse of [`restore`].
fn take(opts: &Options) -> io::Result<()> {
    ENTERED.store(true, Ordering::SeqCst);
    enable_raw_mode()?;
    let mut out = io::stdout();
    if opts.bidi != BidiMode::Terminal {
        out.write_all(BIDI_OFF)?;
        BIDI_SENT.store(true, Ordering::SeqCst);
    }
    execute!(out, EnterAlternateScreen, cursor::Hide)?;
    if opts.mouse {
        execute!(out, EnableMouseCapture)?;
    }
    out.flush()
}

/// Ctrl-Z or SIGTSTP: gives the terminal back, stops, and when continued
/// takes it again and has the next frame drawn whole.
fn suspend(terminal: &mut Term, opts: &Options) -> io::Result<()> {
    restore();
    // SIGTSTP's handler is rawi's, so its default action is emulated:
    // signal-hook raises SIGSTOP, which stops the process even when its
    // process group is orphaned (where the kernel ignores a SIGTSTP).
    // This returns when someone sends SIGCONT (the shell's `fg`).
    let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP);
    take(opts)?;
    forget_screen(terminal)
}

/// Clears the screen and has ratatui forget what it believes is there, so
/// the next frame is sent whole. Not `Terminal::clear`, which first asks
/// the terminal where its cursor is and fails when no answer comes.
fn forget_screen(terminal: &mut Term) -> io::Result<()> {
    execute!(terminal.backend_mut(), Clear(ClearType::All))?;
    // Both of ratatui's buffers end up blank, as the screen now is.
    terminal.swap_buffers();
    Ok(())
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
        // ratatui's `Terminal` shows the cursor again in its own `Drop` and,
        // when that fails, reports it with `eprintln!`, which panics when
        // stderr is the same hung-up terminal. `restore` has done that
        // work already; if the terminal is gone, the `Terminal` is
        // forgotten (its buffers are left to the exit) instead of dropped.
        if let Some(mut t) = self.terminal.take() {
            if t.show_cursor().is_ok() {
                drop(t);
            } else {
                std::mem::forget(t);
            }
        }
    }
}

/// Runs the library and reader (`shell`, sized here) until the user quits
/// or a signal ends it. Returns the exit status (128 + signal number after
/// a signal). Reading positions are saved on the way out either way.
pub fn run(mut shell: Shell) -> io::Result<i32> {
    let opts = shell.opts;
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in FATAL {
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize)?;
    }
    let job = Job::default();
    signal_hook::flag::register(signal_hook::consts::SIGTSTP, Arc::clone(&job.stop))?;
    signal_hook::flag::register(signal_hook::consts::SIGCONT, Arc::clone(&job.cont))?;
    // On a hung-up terminal crossterm's blocking read sees end of file
    // forever and never returns, so the loop below may never look at the
    // flag again (measured: a closed pty left rawi spinning). A watchdog
    // ends the process if the loop has not within a second of the signal,
    // saving the open article's place as the loop would have: the loop
    // keeps `place` up to date for it (the rest of the reading memory is
    // saved whenever an article is closed, so the file has it).
    let watched = Arc::clone(&signal);
    let place = Arc::new(Mutex::new(shell.open_place()));
    let watched_place = Arc::clone(&place);
    let state_path = shell.state_path.clone();
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(100));
            let s = watched.load(Ordering::Relaxed);
            if s != 0 {
                std::thread::sleep(Duration::from_secs(1));
                restore();
                let open = watched_place.lock().ok().and_then(|p| p.clone());
                if let (Some(path), Some(open)) = (state_path, open) {
                    let mut state = rawi::state::State::load(&path);
                    open.remember_in(&mut state);
                    if let Err(e) = state.save(&path) {
                        say(&format!(
                            "could not save reading positions to {}: {e}",
                            path.display()
                        ));
                    }
                }
                std::process::exit(128 + s as i32);
            }
        }
    });
    let mut guard = Guard::enter(&opts)?;
    let result = event_loop(&mut shell, guard.terminal(), &signal, &job, &place);
    // However the loop ended — `q`, a signal, or a terminal that went away
    // under it (EIO) — the open article's place is saved and the terminal
    // given back.
    shell.finish();
    drop(guard);
    report_save_error(&shell);
    match (result, signal.load(Ordering::Relaxed)) {
        // The kernel fails the writes to a hung-up terminal (EIO) as it
        // sends SIGHUP: when the signal is in, it says what happened.
        (Err(_), s) if s != 0 => Ok(128 + s as i32),
        (result, _) => result,
    }
}

/// Job-control signals, set by their handlers, taken by the loop.
#[derive(Default)]
struct Job {
    /// SIGTSTP arrived: suspend.
    stop: Arc<AtomicBool>,
    /// SIGCONT arrived: the screen may have been written over.
    cont: Arc<AtomicBool>,
}

/// Whether `key` is Ctrl-Z, which raw mode hands over as a key: the
/// terminal's suspend, whatever the reader's keymap says.
fn is_suspend_key(key: &event::KeyEvent) -> bool {
    key.modifiers.contains(event::KeyModifiers::CONTROL)
        && matches!(key.code, event::KeyCode::Char('z' | 'Z'))
}

/// Draws, reads keys and performs effects until the user quits (`Ok(0)`), a
/// signal arrives (`Ok(128 + signal)`) or the terminal fails.
///
/// A frame is drawn only when something may have changed it (`dirty`):
/// ratatui sends no cell that did not change, but every draw still sends
/// its cursor and colour resets, about 25 bytes each time, which an idle
/// reader polling four times a second would send forever.
fn event_loop(
    app: &mut Shell,
    terminal: &mut Term,
    signal: &AtomicUsize,
    job: &Job,
    place: &Mutex<Option<OpenPlace>>,
) -> io::Result<i32> {
    let size = terminal.size()?;
    app.resize(size.width, size.height);
    // Piped commands report here from their threads.
    let (done, outcomes) = std::sync::mpsc::channel();
    let mut dirty = true;
    let mut suspend_key = false;
    loop {
        let s = signal.load(Ordering::Relaxed);
        if s != 0 {
            return Ok(128 + s as i32);
        }
        if app.quit {
            return Ok(0);
        }
        if job.stop.swap(false, Ordering::SeqCst) || std::mem::take(&mut suspend_key) {
            suspend(terminal, &app.opts)?;
            // The SIGCONT that ended the stop is this one's.
            job.cont.store(false, Ordering::SeqCst);
            dirty = true;
            let size = terminal.size()?;
            app.resize(size.width, size.height);
        }
        if job.cont.swap(false, Ordering::SeqCst) {
            // Stopped by someone else: raw mode may have been taken away
            // and the screen written over.
            enable_raw_mode()?;
            forget_screen(terminal)?;
            dirty = true;
        }
        // I/O the reader's last keys asked for: OSC 52 goes through the
        // terminal's own writer, between frames; commands run on their own thread.
        if let Some(open) = app.reader.as_mut() {
            for e in open.app.take_effects() {
                match e {
                    Effect::Pipe { command, input } => effect::spawn_pipe(command, input, done.clone()),
                    e => {
                        let outcome = effect::perform(e, terminal.backend_mut());
                        open.app.finish(outcome);
                    }
                }
                dirty = true;
            }
            while let Ok(outcome) = outcomes.try_recv() {
                open.app.finish(outcome);
                dirty = true;
            }
        }
        if app.quit {
            return Ok(0);
        }
        if app.tick() {
            dirty = true;
        }
        if std::mem::take(&mut dirty) {
            terminal.draw(|frame| shell::render(app, frame))?;
        }
        // Poll so a signal is noticed within a quarter second, and the
        // library's progress shows ten times a second while it loads.
        let wait = if app.catalog.loaded() && !app.analysing() {
            250
        } else {
            100
        };
        if !event::poll(Duration::from_millis(wait))? {
            continue;
        }
        // Take everything already queued before drawing again, so a burst of
        // keys or a resize storm costs one frame.
        dirty = true;
        loop {
            match event::read()? {
                Event::Key(key) if key.kind != KeyEventKind::Release && is_suspend_key(&key) => {
                    suspend_key = true;
                    break;
                }
                Event::Key(key) if key.kind != KeyEventKind::Release => app.key(key),
                Event::Resize(w, h) => app.resize(w, h),
                Event::Mouse(m) => match m.kind {
                    MouseEventKind::ScrollDown => app.mouse(Action::Wheel(m.column, m.row, true)),
                    MouseEventKind::ScrollUp => app.mouse(Action::Wheel(m.column, m.row, false)),
                    MouseEventKind::Down(_) => app.mouse(Action::Click(m.column, m.row)),
                    _ => {}
                },
                _ => {}
            }
            if app.quit || !event::poll(Duration::ZERO)? {
                break;
            }
        }
        // The size the terminal reports wins over what events said.
        let size = terminal.size()?;
        if (size.width, size.height) != app.size {
            app.resize(size.width, size.height);
        }
        // For the watchdog.
        let now = app.open_place();
        if let Ok(mut p) = place.lock()
            && *p != now
        {
            *p = now;
        }
    }
}

/// Says on stderr, once the terminal is back, that the reading positions
/// could not be saved (a full disk, a read-only folder): the save on the way
/// out has no status line to say it in, and a silent loss is worse than a
/// line after the prompt. The exit status stays that of the quit.
fn report_save_error(shell: &Shell) {
    if let Some(e) = &shell.save_error {
        say(e);
    }
}

/// `rawi: message` on stderr, its controls made visible. Not `eprintln!`,
/// which panics when stderr is a hung-up terminal.
fn say(message: &str) {
    let m = rawi::sanitize::for_terminal_line(message, rawi::sanitize::Hidden::Show);
    let _ = writeln!(io::stderr(), "rawi: {m}");
}
