//! Analysis throughput: `cargo bench --bench analysis [-- MB] [PATH...]`.
//!
//! With paths (text files, JSON arrays, JSONL: anything `rawi` opens), the
//! real articles in them are analysed, each once, on one thread, and MB/s
//! per core is printed for each language apart — the figure that matters,
//! on distinct real articles:
//!
//! ```text
//! cargo bench --bench analysis -- ../shared/snn/*.json ../shared/corpus/en_*.txt
//! ```
//!
//! A language with less than MB megabytes (default 100) of articles is
//! analysed again, whole, until it reaches that much, and the repeat count
//! is printed (six English articles are too few to time otherwise).
//!
//! Without paths (a fresh clone has no corpus), a corpus of MB megabytes is
//! generated from the seed article — the seed with its numbers varied so no
//! two articles are identical: a stable number to compare commits with, not
//! a measure of real text.
//!
//! `breakdown` also times each stage of the analysis on its own (language
//! guess, structure, the shared tokenization, then quotes and numbers each
//! with that tokenization: `+quotes` − `tokens` is the quote rules alone),
//! to see where time goes without a profiler. A timed benchmark lives
//! here, never in the test suite.

use std::hint::black_box;
use std::time::Instant;

use rawi::extract::tokens::Tokens;
use rawi::extract::{numbers, quotes, structure};
use rawi::text::is_mostly_arabic;
use rawi::{Direction, Document, analyze};

const SEED: &str = include_str!("../seeds/000_9237d8f2f57de89b.txt");

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let mb: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(100);
    let breakdown = args.iter().any(|a| a == "breakdown");
    let paths: Vec<&String> = args
        .iter()
        .filter(|a| a.parse::<usize>().is_err() && *a != "breakdown")
        .collect();
    let target = mb * 1_000_000;
    // Warm the lexicons once so loading them is not timed.
    black_box(analyze(Document::from_text("warm", SEED)));
    if paths.is_empty() {
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
        if breakdown {
            stages(&docs, total);
        }
        run("generated from the seed", docs, 1);
        return;
    }
    let (mut ar, mut en) = (Vec::new(), Vec::new());
    for p in paths {
        match rawi::source::load_path(p) {
            Ok(loaded) => {
                for d in loaded.documents {
                    if is_mostly_arabic(&d.text) {
                        &mut ar
                    } else {
                        &mut en
                    }
                    .push(d.text);
                }
            }
            Err(e) => eprintln!("analysis bench: {e}"),
        }
    }
    for (name, docs) in [("Arabic", ar), ("English", en)] {
        let bytes: usize = docs.iter().map(String::len).sum();
        if bytes == 0 {
            continue;
        }
        let repeat = target.div_ceil(bytes).max(1);
        if breakdown {
            stages(&docs, bytes);
        }
        run(name, docs, repeat);
    }
}

/// Analyses `docs` (`repeat` times over) on this thread and prints MB/s.
fn run(name: &str, docs: Vec<String>, repeat: usize) {
    let distinct = docs.len();
    let total: usize = docs.iter().map(String::len).sum::<usize>() * repeat;
    let cpu_start = cpu_time();
    let start = Instant::now();
    let mut quotes = 0usize;
    let mut numbers = 0usize;
    for _ in 0..repeat {
        for (k, text) in docs.iter().enumerate() {
            let a = analyze(Document::from_text(format!("doc/{k}"), text.clone()));
            quotes += a.quotes.len();
            numbers += a.numbers.len();
            black_box(&a);
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "analysis, {name}: {distinct} distinct articles{}, {:.1} MB in {:.2} s on one thread = {:.1} MB/s per core ({} quotes, {} numbers)",
        if repeat > 1 {
            format!(" x{repeat}")
        } else {
            String::new()
        },
        total as f64 / 1e6,
        secs,
        total as f64 / 1e6 / secs,
        quotes,
        numbers
    );
    if let (Some(a), Some(b)) = (cpu_start, cpu_time()) {
        // On a loaded machine the wall clock counts time spent waiting for
        // a core; the thread's own CPU time does not.
        let cpu = b - a;
        println!("  on-CPU     {cpu:6.2} s = {:7.1} MB/s", total as f64 / 1e6 / cpu);
    }
}

/// Times each stage of [`analyze`] over all documents and prints MB/s per
/// stage (each stage alone, so the figures do not add up to the total).
fn stages(docs: &[String], total: usize) {
    let mb = total as f64 / 1e6;
    // Stages are timed on the thread's CPU time when it is known.
    let now = || cpu_time().unwrap_or_else(|| START.with(|s| s.elapsed().as_secs_f64()));
    let report = |name: &str, start: f64| {
        let secs = now() - start;
        println!("  {name:<10} {secs:6.3} s = {:7.1} MB/s", mb / secs);
    };
    let start = now();
    let arabic = docs.iter().filter(|d| is_mostly_arabic(d)).count();
    black_box(arabic);
    report("language", start);
    let start = now();
    let parsed: Vec<_> = docs.iter().map(|d| structure::parse(d, Direction::Rtl)).collect();
    report("structure", start);
    // The quote and number passes share one tokenization per paragraph; it
    // is timed alone, and the two passes each with it.
    let mut tokens = Tokens::default();
    let start = now();
    for (d, s) in docs.iter().zip(&parsed) {
        for p in &s.paragraphs {
            tokens.tokenize(p.span.of(d));
            black_box(&tokens);
        }
    }
    report("tokens", start);
    let start = now();
    for (d, s) in docs.iter().zip(&parsed) {
        black_box(quotes::find_quotes(d, &s.paragraphs));
    }
    report("+quotes", start);
    let start = now();
    let mut out = Vec::new();
    for (d, s) in docs.iter().zip(&parsed) {
        for (i, p) in s.paragraphs.iter().enumerate() {
            tokens.tokenize(p.span.of(d));
            numbers::find_numbers_in(&mut tokens, p.span.of(d), p.span.start, i, &mut out);
        }
        black_box(&out);
        out.clear();
    }
    report("+numbers", start);
}

thread_local! {
    static START: Instant = Instant::now();
}

/// Seconds this thread has run on a CPU (Linux), to compare runs on a busy
/// machine.
fn cpu_time() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}
