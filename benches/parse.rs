//! Benchmarks of the pipeline: the full `parse` of the example article, and `parse_into` a
//! document reused; each stage on its own (structure, segments, entities, cue scan, quote
//! finders, attribution); and, when `NEWSPARSE_CORPUS` names a JSONL file of `{"text": …}`
//! lines (such as `../shared/eval/polnear-dev.jsonl`), the same over that corpus plus
//! `parse_many` on one and two threads. `make bench` runs them; `examples/throughput.rs` gives the corpus
//! figures in one run.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use newsparse::{Document, Extractor, Stages};

const ARTICLE: &str = include_str!("../examples/ukraine-guarantees.txt");

/// The texts to bench: the corpus named by `NEWSPARSE_CORPUS`, else the example article.
fn texts() -> (String, Vec<String>) {
    let Ok(path) = std::env::var("NEWSPARSE_CORPUS") else {
        return ("example_article".to_owned(), vec![ARTICLE.to_owned()]);
    };
    let data = std::fs::read_to_string(&path).expect("NEWSPARSE_CORPUS is readable");
    let texts = data
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| Some(v.get("text")?.as_str()?.to_owned()))
        .collect();
    ("corpus".to_owned(), texts)
}

fn bytes(texts: &[String]) -> u64 {
    texts.iter().map(String::len).sum::<usize>() as u64
}

fn parse(c: &mut Criterion) {
    let extractor = Extractor::new();
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(ARTICLE.len() as u64));
    group.bench_function("example_article", |b| b.iter(|| extractor.parse(ARTICLE).unwrap()));
    let mut doc = Document::default();
    group.bench_function("example_article_into", |b| {
        b.iter(|| extractor.parse_into(ARTICLE, &mut doc).map(|()| doc.quotes.len()))
    });
    let (name, texts) = texts();
    if name == "corpus" {
        group.sample_size(10);
        group.throughput(Throughput::Bytes(bytes(&texts)));
        group.bench_function("corpus", |b| {
            b.iter(|| texts.iter().map(|t| extractor.parse(t).unwrap().quotes.len()).sum::<usize>())
        });
        group.bench_function("corpus_into", |b| {
            b.iter(|| {
                let mut quotes = 0;
                for t in &texts {
                    extractor.parse_into(t, &mut doc).unwrap();
                    quotes += doc.quotes.len();
                }
                quotes
            })
        });
        for threads in [1, 2] {
            group.bench_with_input(BenchmarkId::new("parse_many", threads), &texts, |b, texts| {
                b.iter(|| extractor.parse_many(texts, Some(threads)).len())
            });
        }
    }
    group.finish();
}

/// One stage run over one text's earlier results.
type Stage = fn(&Stages<'_>) -> usize;

/// Each stage on its own, on the intermediate results of the stages before it.
fn stages(c: &mut Criterion) {
    let extractor = Extractor::new();
    let (name, texts) = texts();
    let stages: Vec<Stages<'_>> = texts.iter().map(|t| Stages::new(&extractor, t)).collect();
    let mut group = c.benchmark_group(format!("stage/{name}"));
    group.throughput(Throughput::Bytes(bytes(&texts)));
    if name == "corpus" {
        group.sample_size(10);
    }
    let runs: [(&str, Stage); 6] = [
        ("structure", |s| s.structure()),
        ("segment", |s| s.segment()),
        ("entities", |s| s.entities()),
        ("cues", |s| s.cues()),
        ("quotes", |s| s.quotes()),
        ("attribution", |s| s.attribution()),
    ];
    for (stage, run) in runs {
        group.bench_function(stage, |b| b.iter(|| stages.iter().map(run).sum::<usize>()));
    }
    group.finish();
}

fn build_default(c: &mut Criterion) {
    c.bench_function("extractor/default_build", |b| b.iter(Extractor::new));
}

criterion_group!(benches, parse, stages, build_default);
criterion_main!(benches);
