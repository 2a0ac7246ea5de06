//! Time per megabyte of the core pipeline (decode + structure + extract) on
//! pathological inputs of 100 KB, 1 MB and 10 MB: it must stay flat as the
//! input grows. `cargo bench --no-default-features --bench pathological`;
//! figures go in BENCHMARKS.md ("Pathological inputs").

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use reportlens::{Document, Extractor};

/// The input sizes measured, in bytes.
const SIZES: [(&str, usize); 3] = [("100KB", 100_000), ("1MB", 1_000_000), ("10MB", 10_000_000)];

/// Repeated pieces: (name, piece).
const REPEATED: &[(&str, &str)] = &[
    ("growth", "增长7%"),
    ("digits", "1234567890"),
    ("yiyuan", "亿元"),
    ("dunhao", "、"),
    ("first_markers", "第一，"),
    ("numbers_commas", "新增企业12家，投资3.5亿元，"),
    ("numbers_no_punct", "地区生产总值增长7%城镇新增就业1.2万人"),
    ("list", "企业12家、"),
    (
        "blank_runs",
        "新增企业12家          \n\n\n\n    \u{3000}\u{3000}\n",
    ),
];

/// Nested pieces: (name, opener repeated, closer repeated as often).
const NESTED: &[(&str, &str, &str)] = &[
    ("brackets", "（增长7%", "）"),
    ("quotes", "“增长7%", "”"),
    ("unclosed", "《", "”"),
];

/// Every shape, `bytes` long or a little more.
fn shapes(bytes: usize) -> Vec<(&'static str, Vec<u8>)> {
    let repeated = REPEATED
        .iter()
        .map(|&(name, piece)| (name, piece.repeat(bytes / piece.len() + 1)));
    let nested = NESTED.iter().map(|&(name, open, close)| {
        let depth = bytes / (open.len() + close.len());
        (name, open.repeat(depth) + &close.repeat(depth))
    });
    repeated
        .chain(nested)
        .map(|(name, text)| (name, text.into_bytes()))
        .collect()
}

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
                b.iter(|| pipeline(black_box(input)))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench_shapes);
criterion_main!(benches);
