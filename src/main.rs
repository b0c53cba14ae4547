//! The `rawi` binary: command-line interface over the library.

mod cli;
// `#[path]` so benches/reader.rs can load the same tree (see tui.rs).
#[path = "tui.rs"]
mod tui;

fn main() {
    std::process::exit(cli::run());
}
