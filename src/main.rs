//! The `rawi` binary: command-line interface over the library.

mod cli;

fn main() {
    std::process::exit(cli::run());
}
