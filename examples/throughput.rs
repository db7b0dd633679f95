//! Throughput of the full pipeline over a JSONL corpus of `{"id", "text"}` lines.
//!
//! ```text
//! cargo run --release --example throughput -- CORPUS.jsonl [ROUNDS]
//! ```
//!
//! Reports MB/s and articles/s on one thread and on two, and peak memory. The last line is
//! JSON, for scripts.

use std::time::{Duration, Instant};

use newsparse::Extractor;
use rayon::prelude::*;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: throughput CORPUS.jsonl [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    let texts = match load(&path) {
        Ok(texts) => texts,
        Err(e) => {
            eprintln!("throughput: {path}: {e}");
            std::process::exit(1);
        }
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let started = Instant::now();
    let extractor = Extractor::new();
    let ready = started.elapsed();
    println!("corpus: {path}: {} articles, {:.2} MB", texts.len(), bytes as f64 / 1e6);
    println!("default extractor ready in {:.1} ms", ready.as_secs_f64() * 1e3);
    let one = best_of(rounds, || run(&extractor, &texts, 1));
    let two = best_of(rounds, || run(&extractor, &texts, 2));
    let mbps = |d: Duration| bytes as f64 / 1e6 / d.as_secs_f64();
    let aps = |d: Duration| texts.len() as f64 / d.as_secs_f64();
    println!("1 thread:  {:8.2} MB/s  {:9.0} articles/s", mbps(one), aps(one));
    println!("2 threads: {:8.2} MB/s  {:9.0} articles/s", mbps(two), aps(two));
    let rss = peak_rss_mb();
    println!("peak RSS: {rss:.1} MB");
    println!(
        "{{\"mb_per_s\": {:.2}, \"threads2_mb_per_s\": {:.2}, \"ready_ms\": {:.2}, \"peak_rss_mb\": {rss:.1}}}",
        mbps(one),
        mbps(two),
        ready.as_secs_f64() * 1e3
    );
}

/// The texts of a JSONL corpus.
fn load(path: &str) -> Result<Vec<String>, String> {
    let data = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let mut texts = Vec::new();
    for (i, line) in data.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("line {}: {e}", i + 1))?;
        let text = value.get("text").and_then(|t| t.as_str());
        texts.push(text.ok_or_else(|| format!("line {}: no \"text\" string", i + 1))?.to_owned());
    }
    Ok(texts)
}

/// Parses every text on `threads` threads and returns the wall time.
fn run(extractor: &Extractor, texts: &[String], threads: usize) -> Duration {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("thread pool");
    let started = Instant::now();
    let quotes: usize = pool.install(|| {
        texts.par_iter().map(|t| extractor.parse(t).map_or(0, |d| d.quotes.len())).sum()
    });
    std::hint::black_box(quotes);
    started.elapsed()
}

fn best_of(rounds: usize, mut f: impl FnMut() -> Duration) -> Duration {
    (0..rounds.max(1)).map(|_| f()).min().unwrap_or_default()
}

/// Peak resident memory of this process (Linux `VmHWM`), in MB; 0 where unknown.
fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}
