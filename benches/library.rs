//! Library at scale: `cargo bench --bench library [-- N]` (default 10,000).
//!
//! Generates a folder of N articles of about 10 KB each (the seed article
//! twice over, with names, numbers and titles varied; nested 100 to a
//! folder) under the target directory, once, and then measures what a
//! person waits for when opening it with `rawi DIR`:
//!
//! - first frame: walk the folders, start the background analysis, draw
//!   the list (titles of the first screen read cheaply) into a 120×40
//!   `TestBackend`;
//! - the interface while it loads: one key and one frame every 50 ms, the
//!   slowest of them (key + taking the threads' work + drawing);
//! - time to the full index (every article analysed and summarised, the
//!   speaker index merged);
//! - a filter keystroke, the speaker index, opening an article;
//! - peak memory of the process (VmHWM).

#[allow(dead_code, unused_imports)]
#[path = "../src/tui.rs"]
mod tui;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SEED: &str = include_str!("../seeds/000_9237d8f2f57de89b.txt");
const FIRST: [&str; 6] = ["محمد", "علي", "حسن", "أحمد", "سعد", "خالد"];
const LAST: [&str; 6] = ["الكاظمي", "الجبوري", "العبيدي", "الحسيني", "الزيدي", "الربيعي"];

fn article(i: usize) -> String {
    let name = format!("{} {}", FIRST[i % 6], LAST[(i / 6) % 6]);
    let mut s = String::with_capacity(11_000);
    for half in 0..2 {
        let body = SEED
            .replace("مصطفى الكاظمي", &name)
            .replace("60", &(i % 97).to_string())
            .replace("120", &(i % 1000 + half).to_string());
        if half == 0 {
            s.push_str(&format!("{} ({i})", body.lines().next().unwrap_or("")));
            s.push_str(&body[body.find('\n').unwrap_or(0)..]);
        } else {
            s.push_str("\n\n");
            s.push_str(&body[body.find('\n').unwrap_or(0)..]);
        }
    }
    s
}

fn corpus(n: usize) -> (PathBuf, u64) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("library-{n}"));
    let done = dir.join(".complete");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        for i in 0..n {
            let sub = dir.join(format!("{:03}", i / 100));
            if i % 100 == 0 {
                std::fs::create_dir_all(&sub).unwrap();
            }
            std::fs::write(sub.join(format!("{i:05}.txt")), article(i)).unwrap();
        }
        std::fs::write(&done, b"").unwrap();
    }
    let mut bytes = 0;
    for d in std::fs::read_dir(&dir).unwrap().flatten() {
        if d.path().is_dir() {
            for f in std::fs::read_dir(d.path()).unwrap().flatten() {
                bytes += f.metadata().map_or(0, |m| m.len());
            }
        }
    }
    (dir, bytes)
}

fn status(field: &str) -> String {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(field))
        .map(|l| l[field.len()..].trim().to_string())
        .unwrap_or_else(|| "?".into())
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000);
    let (dir, bytes) = corpus(n);
    println!(
        "corpus: {n} articles, {:.0} MB, in {}",
        bytes as f64 / 1e6,
        dir.display()
    );
    println!("before opening: VmHWM {}", status("VmHWM:"));
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();

    let t0 = Instant::now();
    let mut errors = Vec::new();
    let units = tui::catalog::units_of(&[dir.display().to_string()], &mut errors);
    let walked = t0.elapsed();
    let catalog = tui::catalog::Catalog::start(units, 0);
    let mut shell = tui::shell::Shell::library(catalog, tui::Options::default(), (120, 40));
    term.draw(|f| tui::shell::render(&shell, f)).unwrap();
    let first = t0.elapsed();
    println!("walk {}: {}", n, ms(walked));
    println!("first frame (walk + start + list drawn): {}", ms(first));

    let mut worst = Duration::ZERO;
    let mut frames = 0u32;
    let mut titled_at = None;
    while !shell.catalog.loaded() {
        std::thread::sleep(Duration::from_millis(50));
        let t = Instant::now();
        shell.feed("j");
        shell.tick();
        term.draw(|f| tui::shell::render(&shell, f)).unwrap();
        worst = worst.max(t.elapsed());
        frames += 1;
        if titled_at.is_none() && shell.catalog.entries.iter().all(|e| !e.title.ends_with(".txt")) {
            titled_at = Some(t0.elapsed());
        }
    }
    let full = t0.elapsed();
    println!(
        "every title shown: {}",
        titled_at.map_or("(before the first tick)".into(), ms)
    );
    println!(
        "full index: {} ({} articles, {} speakers, {} errors)",
        ms(full),
        shell.catalog.entries.len(),
        shell.catalog.index.entries.len(),
        shell.catalog.errors.len()
    );
    println!(
        "while loading: {frames} frames, slowest key+tick+frame {}",
        ms(worst)
    );

    let t = Instant::now();
    shell.feed("/التحالف");
    term.draw(|f| tui::shell::render(&shell, f)).unwrap();
    println!(
        "filter as you type, 8 keys over {n} titles: {} ({} match)",
        ms(t.elapsed()),
        shell.articles.rows.len()
    );
    shell.feed("<Esc><Esc>s");
    let t = Instant::now();
    shell.feed("<Tab>");
    term.draw(|f| tui::shell::render(&shell, f)).unwrap();
    println!("speaker index shown: {}", ms(t.elapsed()));
    let t = Instant::now();
    shell.feed("<Enter><Enter>");
    term.draw(|f| tui::shell::render(&shell, f)).unwrap();
    println!("open an article at a quote from the index: {}", ms(t.elapsed()));
    println!(
        "peak memory (VmHWM): {}; now (VmRSS): {}",
        status("VmHWM:"),
        status("VmRSS:")
    );
}
