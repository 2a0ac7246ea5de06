//! Throughput of the core pipeline (decode + structure + extract) on the real
//! fixtures and on a ~5 MB concatenation of them:
//! `cargo bench --bench extract`. Figures go in BENCHMARKS.md.

use std::hint::black_box;

mod common;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use reportlens::{Document, Extractor};

fn fixtures() -> Vec<(String, Vec<u8>)> {
    common::fixture_paths()
        .iter()
        .filter_map(|p| {
            let name: String = p.file_name()?.to_string_lossy().chars().take(3).collect();
            Some((name, std::fs::read(p).ok()?))
        })
        .collect()
}

/// About 5 MB of report text: every fixture repeated, blank line between copies.
fn five_megabytes(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut all = Vec::new();
    while all.len() < 5_000_000 {
        for (_, bytes) in files {
            all.extend_from_slice(bytes);
            all.extend_from_slice(b"\n\n");
        }
    }
    all
}

/// About 1 MB on one line, as web and PDF dumps come: one block with no line breaks.
fn one_line_megabyte(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut line: Vec<u8> = Vec::new();
    while line.len() < 1_000_000 {
        for (_, bytes) in files {
            line.extend(bytes.iter().filter(|&&b| b != b'\n' && b != b'\r'));
        }
    }
    line
}

fn pipeline(bytes: &[u8]) -> usize {
    match Document::from_bytes("bench.txt", bytes) {
        Ok(doc) => Extractor::shared().extract(&doc).len(),
        Err(_) => 0,
    }
}

fn bench_pipeline(c: &mut Criterion) {
    let files = fixtures();
    let mut group = c.benchmark_group("load_structure_extract");
    for (name, bytes) in &files {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), bytes, |b, bytes| {
            b.iter(|| pipeline(black_box(bytes)))
        });
    }
    let big = five_megabytes(&files);
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.sample_size(10);
    group.bench_function("5MB", |b| b.iter(|| pipeline(black_box(&big))));
    let line = one_line_megabyte(&files);
    group.throughput(Throughput::Bytes(line.len() as u64));
    group.bench_function("one_line_1MB", |b| b.iter(|| pipeline(black_box(&line))));
    group.finish();
}

fn bench_stages(c: &mut Criterion) {
    let big = five_megabytes(&fixtures());
    let doc = Document::from_bytes("bench.txt", &big).unwrap_or_else(|e| panic!("{e}"));
    let mut group = c.benchmark_group("stages_5MB");
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.sample_size(10);
    group.bench_function("decode", |b| {
        b.iter(|| reportlens::document::decode::decode(black_box(&big)).map(|d| d.text.len()))
    });
    group.bench_function("structure", |b| {
        b.iter(|| {
            Document::from_text("bench.txt", black_box(&doc.text))
                .blocks
                .len()
        })
    });
    group.bench_function("extract", |b| {
        b.iter(|| Extractor::shared().extract(black_box(&doc)).len())
    });
    group.finish();
}

criterion_group!(benches, bench_pipeline, bench_stages);
criterion_main!(benches);
