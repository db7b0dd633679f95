//! Throughput of the full pipeline over a JSONL corpus of `{"id", "text"}` lines, beside a
//! bare Aho-Corasick scan of the default gazetteer's names over the same text.
//!
//! ```text
//! cargo run --release --example throughput -- CORPUS.jsonl [ROUNDS]
//! ```
//!
//! Reports the time the default extractor takes to be ready (and to finish a first short
//! parse, which builds the tables the stages share); MB/s and articles/s on one
//! thread and on two (the best of ROUNDS runs, default 3), with the one-thread figure also
//! per second of CPU time (what a busy machine cannot take away), each with `parse` (a new
//! document for each article) and with `parse_into` (one document reused); peak memory after the
//! pipeline runs; and the MB/s of a leftmost-longest Aho-Corasick scan (the `aho-corasick`
//! crate's default automaton) of every name and alias of the default gazetteer over every
//! byte of the corpus, one article at a time. The last line is JSON, for scripts.

use std::time::{Duration, Instant};

use aho_corasick::{AhoCorasick, MatchKind};
use newsparse::{Document, Extractor};

#[path = "support/corpus.rs"]
mod corpus;
use rayon::prelude::*;

/// The default gazetteer's entity files (titles and given names are no entity names).
const NAME_FILES: &[&str] = &[
    include_str!("../crates/newsparse/data/people.tsv"),
    include_str!("../crates/newsparse/data/organizations.tsv"),
    include_str!("../crates/newsparse/data/media.tsv"),
    include_str!("../crates/newsparse/data/countries.tsv"),
    include_str!("../crates/newsparse/data/groups.tsv"),
    include_str!("../crates/newsparse/data/places.tsv"),
];

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: throughput CORPUS.jsonl [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    let texts = match corpus::load(&path, usize::MAX) {
        Ok(texts) => texts,
        Err(e) => {
            eprintln!("throughput: {path}: {e}");
            std::process::exit(1);
        }
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let mbps = |d: Duration| bytes as f64 / 1e6 / d.as_secs_f64();
    let aps = |d: Duration| texts.len() as f64 / d.as_secs_f64();
    let started = Instant::now();
    let extractor = Extractor::new();
    let ready = started.elapsed();
    // the cue, boilerplate and word tables are built on first use
    let _ = extractor.parse(corpus::WARM_UP);
    let first = started.elapsed();
    println!("corpus: {path}: {} articles, {:.2} MB", texts.len(), bytes as f64 / 1e6);
    println!(
        "default extractor ready in {:.1} ms ({:.1} ms to the end of a first short parse)",
        ready.as_secs_f64() * 1e3,
        first.as_secs_f64() * 1e3
    );
    let (one, cpu) = best_pair(rounds, || run_here(&extractor, &texts, Reuse::No));
    let two = best_of(rounds, || run(&extractor, &texts, 2, Reuse::No));
    let (reuse_one, reuse_cpu) = best_pair(rounds, || run_here(&extractor, &texts, Reuse::Yes));
    let reuse_two = best_of(rounds, || run(&extractor, &texts, 2, Reuse::Yes));
    for (how, one, cpu, two) in
        [("parse", one, cpu, two), ("parse_into", reuse_one, reuse_cpu, reuse_two)]
    {
        println!("{how}:");
        println!("  1 thread:  {:8.2} MB/s  {:9.0} articles/s", mbps(one), aps(one));
        println!("             {:8.2} MB per CPU-second", mbps(cpu));
        println!(
            "  2 threads: {:8.2} MB/s  {:9.0} articles/s  ({:.2}x)",
            mbps(two),
            aps(two),
            ratio(one, two)
        );
    }
    let rss = peak_rss_mb();
    println!("peak RSS: {rss:.1} MB");
    let (ac, patterns, built) = gazetteer_automaton();
    let scan = best_of(rounds, || scan_all(&ac, &texts));
    println!(
        "bare scan of the default gazetteer ({patterns} names, built in {:.0} ms): {:8.2} MB/s; pipeline / scan = {:.2}",
        built.as_secs_f64() * 1e3,
        mbps(scan),
        mbps(one) / mbps(scan)
    );
    println!(
        "{{\"mb_per_s\": {:.2}, \"threads2_mb_per_s\": {:.2}, \"scan_mb_per_s\": {:.2}, \"peak_rss_mb\": {rss:.1}, \"cpu_mb_per_s\": {:.2}, \"reuse_mb_per_s\": {:.2}, \"reuse_threads2_mb_per_s\": {:.2}, \"ready_ms\": {:.2}, \"first_parse_ms\": {:.2}}}",
        mbps(one),
        mbps(two),
        mbps(scan),
        mbps(cpu),
        mbps(reuse_one),
        mbps(reuse_two),
        ready.as_secs_f64() * 1e3,
        first.as_secs_f64() * 1e3
    );
}

/// Whether a run parses each text into a new document or into one it reuses.
#[derive(Clone, Copy)]
enum Reuse {
    /// `Extractor::parse`: a new document for each text, dropped after.
    No,
    /// `Extractor::parse_into`: one document, its allocations reused.
    Yes,
}

/// How many quotes `text` has, parsed as `reuse` says (into `doc` when reused).
fn quotes_of(extractor: &Extractor, text: &str, reuse: Reuse, doc: &mut Document) -> usize {
    match reuse {
        Reuse::No => extractor.parse(text).map_or(0, |d| d.quotes.len()),
        Reuse::Yes => extractor.parse_into(text, doc).map_or(0, |()| doc.quotes.len()),
    }
}

/// Parses every text on the calling thread: wall time and this thread's CPU time.
fn run_here(extractor: &Extractor, texts: &[String], reuse: Reuse) -> (Duration, Duration) {
    let (started, cpu) = (Instant::now(), thread_cpu());
    let mut doc = Document::default();
    let quotes: usize = texts.iter().map(|t| quotes_of(extractor, t, reuse, &mut doc)).sum();
    std::hint::black_box(quotes);
    (started.elapsed(), thread_cpu().saturating_sub(cpu))
}

/// Parses every text on `threads` threads and returns the wall time.
fn run(extractor: &Extractor, texts: &[String], threads: usize, reuse: Reuse) -> Duration {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("thread pool");
    let started = Instant::now();
    let quotes: usize = pool.install(|| {
        texts
            .par_iter()
            .map_init(Document::default, |doc, t| quotes_of(extractor, t, reuse, doc))
            .sum()
    });
    std::hint::black_box(quotes);
    started.elapsed()
}

/// A leftmost-longest automaton of every name and alias in the default gazetteer's entity
/// files, how many patterns it has, and its build time.
fn gazetteer_automaton() -> (AhoCorasick, usize, Duration) {
    let mut names = Vec::new();
    for file in NAME_FILES {
        for line in file.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let mut cols = line.split('\t');
            names.extend(cols.next());
            names.extend(
                cols.nth(1).into_iter().flat_map(|a| a.split('|')).filter(|a| !a.is_empty()),
            );
        }
    }
    let started = Instant::now();
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&names)
        .expect("the gazetteer's names build an automaton");
    (ac, names.len(), started.elapsed())
}

/// Scans every text with `ac` and returns the wall time.
fn scan_all(ac: &AhoCorasick, texts: &[String]) -> Duration {
    let started = Instant::now();
    let found: usize = texts.iter().map(|t| ac.find_iter(t.as_str()).count()).sum();
    std::hint::black_box(found);
    started.elapsed()
}

fn ratio(one: Duration, two: Duration) -> f64 {
    one.as_secs_f64() / two.as_secs_f64()
}

fn best_of(rounds: usize, mut f: impl FnMut() -> Duration) -> Duration {
    (0..rounds.max(1)).map(|_| f()).min().unwrap_or_default()
}

/// The best wall time and the best CPU time of `rounds` runs.
fn best_pair(rounds: usize, mut f: impl FnMut() -> (Duration, Duration)) -> (Duration, Duration) {
    let runs: Vec<(Duration, Duration)> = (0..rounds.max(1)).map(|_| f()).collect();
    let wall = runs.iter().map(|r| r.0).min().unwrap_or_default();
    let cpu = runs.iter().map(|r| r.1).min().unwrap_or_default();
    (wall, cpu)
}

/// CPU time of the calling thread (Linux `/proc/thread-self/schedstat`); zero where unknown.
fn thread_cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    let ns = stat.split_whitespace().next().and_then(|n| n.parse().ok()).unwrap_or(0);
    Duration::from_nanos(ns)
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
