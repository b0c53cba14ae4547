//! Reader speed: `cargo bench --bench reader [-- MB...]`.
//!
//! For generated articles of 10 KB, 10 MB and 100 MB (the seed article
//! repeated with its numbers varied), measures what a person waits for:
//! the first frame after the article is analysed (App built, first screen
//! laid out and drawn into a `TestBackend` of 120×40), a page down, and the
//! jump to the end. Analysis time is printed too, apart: it is the
//! library's cost (see `benches/analysis.rs`), not the reader's.
//!
//! The reader is not in the library, so its module tree is compiled here
//! from the binary's sources (see the note in `src/tui.rs`).

// `cargo bench` builds with `cfg(test)`, so the reader's test modules come
// along unused; and the bench uses only part of the reader.
#[allow(dead_code, unused_imports)]
#[path = "../src/tui.rs"]
mod tui;

use std::hint::black_box;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rawi::{Document, analyze};

const SEED: &str = include_str!("../seeds/000_9237d8f2f57de89b.txt");

fn article_of(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + SEED.len());
    let mut i = 0usize;
    while text.len() < bytes {
        if i > 0 {
            text.push_str("\n\n");
        }
        text.push_str(
            &SEED
                .replace("60", &(i % 97).to_string())
                .replace("120", &(i % 1000).to_string()),
        );
        i += 1;
    }
    text
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

fn main() {
    let sizes: Vec<usize> = {
        let args: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
        if args.is_empty() {
            vec![10_000, 10_000_000, 100_000_000]
        } else {
            args.into_iter().map(|mb| mb * 1_000_000).collect()
        }
    };
    // Warm the lexicons so loading them is not timed.
    black_box(analyze(Document::from_text("warm", SEED)));
    println!(
        "{:>10} {:>14} {:>14} {:>14} {:>14} {:>9}",
        "size", "analysis", "first frame", "page down", "end (G)", "laid out"
    );
    for size in sizes {
        let text = article_of(size);
        let len = text.len();
        let t = Instant::now();
        let article = analyze(Document::from_text("gen", text));
        let analysis = t.elapsed();

        let t = Instant::now();
        let mut app = tui::app::App::new(article, (120, 40), tui::Options::default());
        let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
        term.draw(|f| tui::view::render(&app, f)).unwrap();
        let first = t.elapsed();

        let pages = 200;
        let t = Instant::now();
        for _ in 0..pages {
            app.feed("<Space>");
            term.draw(|f| tui::view::render(&app, f)).unwrap();
        }
        let page = t.elapsed() / pages;

        let t = Instant::now();
        app.feed("G");
        term.draw(|f| tui::view::render(&app, f)).unwrap();
        let end = t.elapsed();
        let laid_out = app.lines.borrow().laid_out;
        println!(
            "{:>10} {:>14} {:>14} {:>14} {:>14} {:>9}",
            if len < 1_000_000 {
                format!("{:.0} KB", len as f64 / 1e3)
            } else {
                format!("{:.0} MB", len as f64 / 1e6)
            },
            ms(analysis),
            ms(first),
            ms(page),
            ms(end),
            laid_out
        );
        black_box(&app);
    }
}
