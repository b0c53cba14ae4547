//! What users run, end to end: `rawi extract --format jsonl` to a file.
//!
//! ```text
//! cargo bench --bench extract -- ../shared/snn/*.json     # real articles
//! cargo bench --bench extract                             # a fresh clone
//! cargo bench --bench extract -- 40 en                    # 40 MB, English mix
//! ```
//!
//! The in-process bench (`benches/analysis.rs`) times the analysis alone;
//! this one times the binary a user starts: loading, analysis on every
//! core, JSON serialisation and writing, each article distinct. It reports
//! wall time, CPU time (user + system of the child, from `getrusage`), MB/s
//! per core of CPU — the figure that does not depend on how many cores the
//! machine lends — and the child's peak resident memory.
//!
//! JSON dumps and folders are read as they are (best: the SaudiNewsNet
//! dumps, 31,004 real Arabic articles). Text files — or, on a fresh clone,
//! the bundled seed — are too few to time: they are written out again as a
//! folder of MB megabytes (default 30) of distinct articles, each with its
//! digits shifted and its number in the title, so no two files are alike
//! (`-- ../shared/corpus/en_*.txt` gives an English figure).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SEED: &str = include_str!("../seeds/000_9237d8f2f57de89b.txt");

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let mb: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(30);
    let given: Vec<PathBuf> = args
        .iter()
        .filter(|a| a.parse::<usize>().is_err())
        .map(PathBuf::from)
        .collect();
    let scratch = std::env::temp_dir().join(format!("rawi-bench-extract-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("a scratch folder");
    let as_is = !given.is_empty()
        && given
            .iter()
            .all(|p| p.is_dir() || p.extension().is_some_and(|e| e != "txt"));
    let paths = if as_is {
        given
    } else {
        let texts: Vec<String> = if given.is_empty() {
            vec![SEED.to_string()]
        } else {
            given
                .iter()
                .map(|p| std::fs::read_to_string(p).expect("a text article"))
                .collect()
        };
        let dir = scratch.join("articles");
        let n = generate(&texts, mb * 1_000_000, &dir);
        println!("input: {n} distinct articles varied from {} text(s)", texts.len());
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("the article folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        files.sort();
        files
    };
    let bytes: u64 = paths.iter().map(|p| size_of(p)).sum();
    let out = scratch.join("out.jsonl");
    let cpu_before = children_cpu();
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_rawi"))
        .args(["extract", "--format", "jsonl"])
        .args(&paths)
        .stdout(std::fs::File::create(&out).expect("the output file"))
        .stderr(Stdio::null())
        .spawn()
        .expect("rawi runs");
    // The peak resident size is read while the child runs (VmHWM only
    // grows); the last reading is at most one poll before its exit.
    let mut peak_kb = 0u64;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for rawi") {
            break status;
        }
        peak_kb = peak_kb.max(vm_hwm_kb(child.id()));
        std::thread::sleep(Duration::from_millis(5));
    };
    let wall = start.elapsed().as_secs_f64();
    let cpu = children_cpu() - cpu_before;
    let written = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
    let _ = std::fs::remove_dir_all(&scratch);
    let mbytes = bytes as f64 / 1e6;
    println!(
        "rawi extract --format jsonl: {mbytes:.1} MB in, {:.1} MB out, exit {}",
        written as f64 / 1e6,
        status.code().map_or("by signal".to_string(), |c| c.to_string())
    );
    println!("  wall {wall:.2} s  ({:.1} MB/s)", mbytes / wall);
    println!("  cpu  {cpu:.2} s  ({:.1} MB/s per core)", mbytes / cpu.max(0.01));
    println!("  peak memory {:.0} MB", peak_kb as f64 / 1024.0);
}

/// Writes distinct variants of `texts` into `dir` until `target` bytes;
/// returns how many.
fn generate(texts: &[String], target: usize, dir: &Path) -> usize {
    std::fs::create_dir_all(dir).expect("the article folder");
    let mut total = 0;
    let mut n = 0usize;
    while total < target {
        let text = vary(&texts[n % texts.len()], n);
        total += text.len();
        std::fs::write(dir.join(format!("{n:06}.txt")), text).expect("an article file");
        n += 1;
    }
    n
}

/// The seed with every ASCII digit shifted by `n` and the article numbered
/// in its title, so caches and branch predictors meet distinct text.
fn vary(seed: &str, n: usize) -> String {
    let shift = (n % 9 + 1) as u8;
    let mut out = format!("{n} ");
    out.extend(seed.chars().map(|c| match c {
        '0'..='9' => (b'0' + (c as u8 - b'0' + shift) % 10) as char,
        c => c,
    }));
    out
}

fn size_of(path: &Path) -> u64 {
    let Ok(meta) = std::fs::metadata(path) else {
        return 0;
    };
    if !meta.is_dir() {
        return meta.len();
    }
    std::fs::read_dir(path)
        .map(|entries| entries.filter_map(|e| e.ok()).map(|e| size_of(&e.path())).sum())
        .unwrap_or(0)
}

/// User + system CPU seconds of the waited-for children so far
/// (`cutime` and `cstime` of /proc/self/stat: the crate forbids the
/// `unsafe` a `getrusage` call needs).
fn children_cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The command name may hold spaces; the fields after it start at ')',
    // with field 3 (state) first, so field k is at index k - 3.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = [16 - 3, 17 - 3]
        .iter()
        .filter_map(|&i| fields.get(i).and_then(|f| f.parse::<f64>().ok()))
        .sum();
    ticks / 100.0 // USER_HZ, 100 on every Linux
}

fn vm_hwm_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}
