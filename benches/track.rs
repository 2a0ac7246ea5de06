//! Linking targets across a workspace of 100 reports: the five fixtures
//! copied into 20 districts (the region of each copy set as a reader would),
//! so that every plan has its execution report to link to and 95 others to
//! rule out. Extraction happens once, outside the timed loop, for
//! `link_targets/100_reports`; `open_extract_link/100_reports` times the
//! whole of decode, structure, extract and link for information:
//! `cargo bench --no-default-features --bench track`. Figures go in BENCHMARKS.md.

use std::hint::black_box;
use std::path::PathBuf;

mod common;

use criterion::{criterion_group, criterion_main, Criterion};
use reportlens::tracking::{link_targets, OpenReport, ReportInfo, TrackedReport};
use reportlens::Document;

/// The districts the fixtures are copied into.
const DISTRICTS: [&str; 20] = [
    "江岸区",
    "江汉区",
    "硚口区",
    "汉阳区",
    "武昌区",
    "青山区",
    "洪山区",
    "东西湖区",
    "汉南区",
    "蔡甸区",
    "江夏区",
    "黄陂区",
    "新洲区",
    "东湖区",
    "沌口区",
    "光谷区",
    "白沙区",
    "南湖区",
    "北湖区",
    "西湖区",
];

/// The five fixture reports: file name and bytes.
fn fixtures() -> Vec<(String, Vec<u8>)> {
    common::fixture_paths()
        .iter()
        .filter_map(|p| {
            let name = p.file_name()?.to_string_lossy().into_owned();
            Some((name, std::fs::read(p).ok()?))
        })
        .collect()
}

/// Every fixture opened and extracted once, in each district: 100 reports.
fn open_in_every_district(files: &[(String, Vec<u8>)]) -> Vec<OpenReport> {
    DISTRICTS
        .iter()
        .flat_map(|district| {
            files.iter().filter_map(move |(name, bytes)| {
                let name = format!("{district}-{name}");
                let doc = Document::from_bytes(&name, bytes).ok()?;
                let info = ReportInfo {
                    region: format!("武汉市{district}"),
                    ..ReportInfo::detect(&doc)
                };
                Some(OpenReport::new(PathBuf::from(&name), doc, Some(info)))
            })
        })
        .collect()
}

fn tracked(reports: &[OpenReport]) -> Vec<TrackedReport> {
    reports.iter().map(|r| r.tracked.clone()).collect()
}

fn bench_linking(c: &mut Criterion) {
    let files = fixtures();
    let reports = tracked(&open_in_every_district(&files));
    let rows = link_targets(&reports, &[]);
    let links: usize = rows.iter().map(|r| r.links.len()).sum();
    let indicators: usize = reports.iter().map(|r| r.indicators.len()).sum();
    eprintln!(
        "{} reports, {indicators} indicators, {} targets, {links} links",
        reports.len(),
        rows.len()
    );
    let mut group = c.benchmark_group("link_targets");
    group.sample_size(20);
    group.bench_function("100_reports", |b| {
        b.iter(|| link_targets(black_box(&reports), &[]).len())
    });
    group.finish();

    let mut group = c.benchmark_group("open_extract_link");
    group.sample_size(10);
    group.bench_function("100_reports", |b| {
        b.iter(|| {
            let reports = tracked(&open_in_every_district(black_box(&files)));
            link_targets(&reports, &[]).len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_linking);
criterion_main!(benches);
