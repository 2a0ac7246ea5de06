//! Time per megabyte of the core pipeline (decode + structure + extract) on
//! pathological inputs of 100 KB, 1 MB and 10 MB: it must stay flat as the
//! input grows. `cargo bench --no-default-features --bench pathological`;
//! figures go in BENCHMARKS.md ("Pathological inputs").

use std::hint::black_box;
use std::time::Duration;

#[path = "../tests/support/pathological_shapes.rs"]
mod pathological_shapes;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use pathological_shapes::shapes;
use reportlens::{Document, Extractor};

/// The input sizes measured, in bytes.
const SIZES: [(&str, usize); 3] = [("100KB", 100_000), ("1MB", 1_000_000), ("10MB", 10_000_000)];

/// Decodes, structures and extracts `bytes`; the number of indicators.
fn pipeline(bytes: &[u8]) -> usize {
    match Document::from_bytes("bench.txt", bytes) {
        Ok(doc) => Extractor::shared().extract(&doc).len(),
        Err(_) => 0,
    }
}

fn bench_shapes(c: &mut Criterion) {
    // Build the shared tables before timing.
    pipeline("地区生产总值增长7%".as_bytes());
    for (size_name, bytes) in SIZES {
        let mut group = c.benchmark_group(format!("pathological_{size_name}"));
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(3));
        for (name, input) in shapes(bytes) {
            group.throughput(Throughput::Bytes(input.len() as u64));
            group.bench_with_input(BenchmarkId::from_parameter(name), &input, |b, input| {
                b.iter(|| pipeline(black_box(input.as_bytes())))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench_shapes);
criterion_main!(benches);
