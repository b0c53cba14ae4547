//! The interactive reader (`rawi [PATH]`): a bidi-correct article view with
//! sections, speakers and numbers panes, driven by the keyboard.
//!
//! This lives in the binary, not the library: the library stays free of
//! terminal code (lib.rs), and everything here only *uses* its model
//! ([`rawi::Article`]) and its layout ([`rawi::layout`]).
//!
//! The shape is the synchronous loop of STYLE §3.5: a key becomes an
//! [`Action`] through the [`keymap`] table, [`App::update`] changes the state
//! and does no I/O, and [`view::render`] draws from the state. Geometry
//! ([`view::areas`]) is one pure function used by both, so `update` knows how
//! tall a page is without a frame of lag.
//!
//! The submodules are declared with `#[path]` so that `benches/reader.rs`
//! can compile this same module tree with `#[path = "../src/tui.rs"]` (a
//! bench links only the library, and the reader is not in the library).
//! A module file loaded through `#[path]` owns its directory like a
//! `mod.rs`, so these paths are relative to `src/` from both places.

#[path = "tui/app.rs"]
pub mod app;
#[path = "tui/catalog.rs"]
pub mod catalog;
#[path = "tui/effect.rs"]
pub mod effect;
#[path = "tui/keymap.rs"]
pub mod keymap;
#[path = "tui/library.rs"]
pub mod library;
#[path = "tui/lines.rs"]
pub mod lines;
#[path = "tui/panes.rs"]
pub mod panes;
#[path = "tui/prompt.rs"]
pub mod prompt;
#[path = "tui/search.rs"]
pub mod search;
#[path = "tui/settings.rs"]
pub mod settings;
#[path = "tui/shell.rs"]
pub mod shell;
#[path = "tui/speakers_index.rs"]
pub mod speakers_index;
#[path = "tui/terminal.rs"]
pub mod terminal;
#[path = "tui/theme.rs"]
pub mod theme;
#[path = "tui/view.rs"]
pub mod view;

#[allow(unused_imports)] // the benchmark uses Options
pub use app::{BidiMode, Options};
pub use terminal::run;

#[cfg(test)]
#[path = "tui/frames.rs"]
mod frames;
