//! Analysis throughput: `cargo bench --bench analysis [-- MB]`.
//!
//! Generates a corpus of at least 100 MB (by default) from the seed article
//! — the seed with its numbers varied so no two articles are identical — and
//! analyses every article on one thread, printing MB/s per core. A timed
//! benchmark lives here, never in the test suite.

use std::hint::black_box;
use std::time::Instant;

use rawi::{Document, analyze};

const SEED: &str = include_str!("../seeds/000_9237d8f2f57de89b.txt");

fn main() {
    let mb: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(100);
    let target = mb * 1_000_000;
    let mut docs = Vec::new();
    let mut total = 0usize;
    let mut i = 0usize;
    while total < target {
        // Vary the digits so each article differs; the structure stays real.
        let text = SEED
            .replace("60", &(i % 97).to_string())
            .replace("120", &(i % 1000).to_string());
        total += text.len();
        docs.push(text);
        i += 1;
    }
    // Warm the lexicons once so loading them is not timed.
    black_box(analyze(Document::from_text("warm", SEED)));
    let start = Instant::now();
    let mut quotes = 0usize;
    let mut numbers = 0usize;
    for (k, text) in docs.into_iter().enumerate() {
        let a = analyze(Document::from_text(format!("gen/{k}"), text));
        quotes += a.quotes.len();
        numbers += a.numbers.len();
        black_box(&a);
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "analysis: {} articles, {:.1} MB in {:.2} s on one thread = {:.1} MB/s per core ({} quotes, {} numbers)",
        i,
        total as f64 / 1e6,
        secs,
        total as f64 / 1e6 / secs,
        quotes,
        numbers
    );
}
