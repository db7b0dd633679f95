//! Gazetteer benchmarks: building and scanning gazetteers of 10k, 100k and 1M synthetic
//! entries, against a leftmost-longest Aho-Corasick automaton over the same names, and the
//! time the default extractor takes to be ready. `make bench` runs them; the build sizes
//! (resident memory growth) are printed to standard error.

use std::hint::black_box;
use std::time::Instant;

use aho_corasick::{AhoCorasick, MatchKind};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use newsparse::{Entry, EntryKind, Extractor, Gazetteer};

const ARTICLE: &str = include_str!("../examples/ukraine-guarantees.txt");
const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

/// A deterministic pseudo-random capitalised word.
fn word(mut x: u64) -> String {
    const SYL: [&str; 16] = [
        "ka", "lo", "mi", "ren", "sto", "va", "dru", "pel", "zan", "tor", "bi", "que", "ny", "sha",
        "gor", "wen",
    ];
    let mut w = String::new();
    for _ in 0..3 {
        w.push_str(SYL[(x & 15) as usize]);
        x >>= 4;
    }
    let mut c = w.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// `n` names of one to three words.
fn names(n: usize) -> Vec<String> {
    (0..n as u64)
        .map(|i| {
            let h = i.wrapping_mul(0x9E37_79B9_7F4A_7C15);
            match i % 3 {
                0 => word(h),
                1 => format!("{} {}", word(h), word(h >> 12)),
                _ => format!("{} {} {}", word(h), word(h >> 12), word(h >> 24)),
            }
        })
        .collect()
}

fn gazetteer(names: &[String]) -> Gazetteer {
    let mut b = Gazetteer::builder();
    for (i, n) in names.iter().enumerate() {
        let kind = [EntryKind::Person, EntryKind::Place, EntryKind::Organization][i % 3];
        b.entry(Entry::new(n.clone(), kind));
    }
    b.build().unwrap()
}

/// About 1 MB of news text with some of the names sprinkled in.
fn text(names: &[String]) -> String {
    let mut t = String::new();
    let mut i = 0;
    while t.len() < 1 << 20 {
        t.push_str(ARTICLE);
        for _ in 0..200 {
            t.push_str(&format!(" Officials met {} on Monday.", names[(i * 7919) % names.len()]));
            i += 1;
        }
    }
    t
}

fn resident_bytes() -> usize {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: usize = statm.split_whitespace().nth(1).and_then(|p| p.parse().ok()).unwrap_or(0);
    pages * 4096
}

fn ready(c: &mut Criterion) {
    let t = Instant::now();
    black_box(Extractor::new());
    eprintln!(
        "default extractor ready (cold, first in process): {:.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    c.bench_function("gazetteer/default_ready_warm", |b| b.iter(Extractor::new));
}

fn build(c: &mut Criterion) {
    let mut group = c.benchmark_group("gazetteer/build");
    group.sample_size(10);
    for n in SIZES {
        let names = names(n);
        let before = resident_bytes();
        let g = gazetteer(&names);
        eprintln!(
            "gazetteer of {n} entries: about {} MB resident",
            (resident_bytes() - before) >> 20
        );
        drop(g);
        group.bench_with_input(BenchmarkId::from_parameter(n), &names, |b, names| {
            b.iter(|| gazetteer(names))
        });
    }
    group.finish();
}

fn scan(c: &mut Criterion) {
    let mut group = c.benchmark_group("gazetteer/scan");
    group.sample_size(10);
    for n in SIZES {
        let names = names(n);
        let g = gazetteer(&names);
        let text = text(&names);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("probe", n), &text, |b, text| {
            b.iter(|| g.find_iter(text).count())
        });
        if n <= 100_000 {
            let ac = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&names)
                .unwrap();
            group.bench_with_input(BenchmarkId::new("aho_corasick", n), &text, |b, text| {
                b.iter(|| ac.find_iter(text.as_str()).count())
            });
        }
    }
    group.finish();
}

criterion_group!(benches, ready, build, scan);
criterion_main!(benches);
