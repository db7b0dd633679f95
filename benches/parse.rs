//! Benchmarks of the full pipeline. `make bench` runs them.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsparse::Extractor;

const ARTICLE: &str = include_str!("../examples/ukraine-guarantees.txt");

fn parse_article(c: &mut Criterion) {
    let extractor = Extractor::new();
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(ARTICLE.len() as u64));
    group.bench_function("example_article", |b| b.iter(|| extractor.parse(ARTICLE).unwrap()));
    group.finish();
}

fn build_default(c: &mut Criterion) {
    c.bench_function("extractor/default_build", |b| b.iter(Extractor::new));
}

criterion_group!(benches, parse_article, build_default);
criterion_main!(benches);
