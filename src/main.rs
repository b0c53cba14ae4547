//! The `rawi` binary: command-line interface over the library.

mod cli;
// `#[path]` so benches/reader.rs can load the same tree (see tui.rs).
#[path = "tui.rs"]
mod tui;

fn main() {
    // A write past the file-size limit (RLIMIT_FSIZE, `ulimit -f`) raises
    // SIGXFSZ, whose default action kills the process on the spot: the
    // terminal would stay raw and the failed export or state save would go
    // unreported. With a handler installed the write fails with EFBIG
    // instead and the normal error path runs (status line, stderr, exit
    // status), like any other full disk. A handler, not SIG_IGN, so that
    // commands run by `|` start with the default action again.
    // Done first, before anything is written.
    let _ = signal_hook::flag::register(
        signal_hook::consts::SIGXFSZ,
        std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
    );
    std::process::exit(cli::run());
}
