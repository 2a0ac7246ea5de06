//! Linking targets across a workspace of 100 reports: the five fixtures
//! copied into 20 districts (the region of each copy set as a reader would),
//! so that every plan has its execution report to link to and 95 others to
//! rule out. Extraction happens once, outside the timed loop, for
//! `link_targets/100_reports`; `open_extract_link/100_reports` times the
//! whole of decode, structure, extract and link for information.
//! `link_targets_scale` links a synthetic plan of 5,000 or 20,000 targets
//! against its execution report of as many figures (10k and 40k indicators,
//! every metric a different name, every tenth figure after its restated
//! target), per indicator, to show that linking grows linearly; the first
//! run of each is timed once and printed, for code too slow to sample.
//! `cargo bench --no-default-features --bench track`. Figures go in BENCHMARKS.md.

#[path = "../tests/support/rate_indicator.rs"]
mod rate_indicator;

use rate_indicator::rate_indicator;

use std::hint::black_box;
use std::path::PathBuf;
use std::sync::LazyLock;
use std::time::Instant;

mod common;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use reportlens::indicators::normalize::normalize_char;
use reportlens::indicators::Kind;
use reportlens::tracking::{link_targets, OpenReport, ReportInfo, ReportKind, TrackedReport};
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

/// Targets in the synthetic plan, and figures in its execution report.
const SCALES: [usize; 2] = [5_000, 20_000];

/// 300 CJK chars that normalising leaves as they are.
static CHARS: LazyLock<Vec<char>> = LazyLock::new(|| {
    ('\u{4E00}'..='\u{9FFF}')
        .filter(|&c| normalize_char(c) == c)
        .take(300)
        .collect()
});

/// Metric name `n`: two chars of two sets of 150, so that no two names
/// match or are close.
fn metric_name(n: usize) -> String {
    format!("{}{}", CHARS[n / 150 % 150], CHARS[150 + n % 150])
}

/// A 2021 report of `kind` whose line `n` holds the indicators `line(n)`
/// gives (kind, metric, text, value), joined by "，".
fn synthetic_report(
    kind: ReportKind,
    lines: usize,
    line: impl Fn(usize) -> Vec<(Kind, String, String, f64)>,
) -> TrackedReport {
    let (mut text, mut chars, mut indicators) = (String::new(), 0, Vec::new());
    for n in 0..lines {
        for (at, (kind, metric, written, value)) in line(n).into_iter().enumerate() {
            let joint = if at == 0 { "" } else { "，" };
            text.push_str(joint);
            chars += joint.chars().count();
            indicators.push(rate_indicator(kind, &metric, &written, chars, value));
            text.push_str(&written);
            chars += written.chars().count();
        }
        text.push_str("。\n");
        chars += 2;
    }
    let name = format!("{kind:?}.txt");
    let info = ReportInfo {
        kind,
        region: "武汉市武昌区".into(),
        issuer: String::new(),
        year: Some(2021),
    };
    TrackedReport::new(&name, info, &Document::from_text(&name, &text), indicators)
}

/// A plan of `size` targets and its mid-year execution report of `size`
/// figures, every tenth after its target restated.
fn synthetic_pair(size: usize) -> Vec<TrackedReport> {
    let plan = synthetic_report(ReportKind::Plan, size, |n| {
        let metric = metric_name(n);
        vec![(Kind::Target, metric.clone(), format!("{metric}增长7%"), 7.0)]
    });
    let execution = synthetic_report(ReportKind::Execution, size, |n| {
        let metric = metric_name(n);
        let figure = (
            Kind::Growth,
            metric.clone(),
            format!("{metric}同比增长8%"),
            8.0,
        );
        if n % 10 != 0 {
            return vec![figure];
        }
        let target = format!("{metric}预期目标增长7%");
        let unnamed = (Kind::Growth, String::new(), "上半年增长8%".to_string(), 8.0);
        vec![(Kind::Target, metric, target, 7.0), unnamed]
    });
    vec![plan, execution]
}

fn bench_scale(c: &mut Criterion) {
    let mut group = c.benchmark_group("link_targets_scale");
    group.sample_size(10);
    for size in SCALES {
        let reports = synthetic_pair(size);
        let indicators: usize = reports.iter().map(|r| r.indicators.len()).sum();
        let started = Instant::now();
        let rows = link_targets(&reports, &[]);
        let first = started.elapsed();
        eprintln!(
            "{indicators} indicators, {} targets: first run {first:.2?}, {:.3} µs per indicator",
            rows.len(),
            first.as_secs_f64() * 1e6 / indicators as f64
        );
        group.throughput(Throughput::Elements(indicators as u64));
        group.bench_function(format!("{}k_indicators", indicators / 1000), |b| {
            b.iter(|| link_targets(black_box(&reports), &[]).len())
        });
    }
    group.finish();
}

criterion_group!(benches, bench_linking, bench_scale);
criterion_main!(benches);
