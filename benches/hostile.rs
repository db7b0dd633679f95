//! Hostile inputs must cost about what news costs per byte: compare these groups' MB/s with
//! `parse/example_article`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[path = "hostile_inputs.rs"]
mod hostile_inputs;

fn hostile(c: &mut Criterion) {
    let extractor = newsparse::Extractor::new();
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    for (name, text) in hostile_inputs::inputs(1 << 20) {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| extractor.parse(&text).unwrap()));
    }
    group.finish();
}

criterion_group!(benches, hostile);
criterion_main!(benches);
