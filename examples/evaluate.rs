//! Scores the extractor and report detection on hand-checked labels and
//! lists every miss, false positive and field error:
//!
//! ```text
//! cargo run --release --example evaluate [DIR [LABELS]]
//! ```
//!
//! DIR holds the reports (default: tests/fixtures); LABELS the label files
//! (default: DIR/labels). Labels that give a report's identity (kind,
//! region, year) are scored for report detection too, e.g. the development
//! corpus: `evaluate ../shared/corpus-dev tests/fixtures/corpus-dev-labels`.
//! A `pairs.json` among the labels scores tracking on its pairs of reports.

use std::path::{Path, PathBuf};

use reportlens::evaluation::pairs::score_pairs;
use reportlens::evaluation::{load_labels_in, score_report, IdentityLabel, LabelFile, Score};
use reportlens::tracking::ReportInfo;
use reportlens::Document;

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1).map(PathBuf::from);
    let reports = args
        .next()
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"));
    let labels_folder = args.next().unwrap_or_else(|| reports.join("labels"));
    let mut total = Score::default();
    let mut identities = Vec::new();
    for labels in load_labels_in(&labels_folder)? {
        let file_score = score_report(&reports, &labels)?;
        println!(
            "{}: {}",
            labels.fixture,
            file_score.summary().replace('\n', "\n    ")
        );
        total.add(file_score);
        if let Some(identity) = &labels.identity {
            identities.push(identity_line(&reports, &labels, identity)?);
        }
    }
    println!("\nALL: {}\n", total.summary());
    print_identities(&identities);
    if let Some(pairs) = score_pairs(&reports, &labels_folder)? {
        println!("TRACKING: {}", pairs.summary());
        pairs.errors.iter().for_each(|line| println!("  {line}"));
        println!();
    }
    for (title, lines) in [
        ("MISSES", &total.misses),
        ("FALSE POSITIVES", &total.false_positives),
        ("FIELD ERRORS", &total.field_errors),
    ] {
        println!("{title} ({}):", lines.len());
        lines.iter().for_each(|line| println!("  {line}"));
    }
    Ok(())
}

/// Whether detection got the report's identity right, and a line saying what it found.
fn identity_line(
    reports: &Path,
    labels: &LabelFile,
    expected: &IdentityLabel,
) -> Result<(bool, String), String> {
    let doc = Document::open(&reports.join(&labels.fixture)).map_err(|e| e.to_string())?;
    let found = ReportInfo::detect(&doc);
    let kind = serde_json::to_value(found.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let region = (!found.region.is_empty()).then(|| found.region.clone());
    let right = kind == expected.kind
        && same_region(region.as_deref(), expected.region.as_deref())
        && found.year == expected.year;
    let line = format!(
        "{} {}: found {kind} {:?} {:?}, labelled {} {:?} {:?}",
        if right { "ok  " } else { "MISS" },
        labels.fixture,
        region,
        found.year,
        expected.kind,
        expected.region,
        expected.year
    );
    Ok((right, line))
}

/// Regions agree when both are unknown, or when one names the other
/// ("江苏" and "江苏省", "雁塔区" and "西安市雁塔区").
fn same_region(found: Option<&str>, expected: Option<&str>) -> bool {
    match (found, expected) {
        (None, None) => true,
        (Some(found), Some(expected)) => {
            let strip = |r: &str| r.trim_end_matches(['省', '市', '区', '县']).to_string();
            let (found, expected) = (strip(found), strip(expected));
            !found.is_empty() && (found.contains(&expected) || expected.contains(&found))
        }
        _ => false,
    }
}

fn print_identities(identities: &[(bool, String)]) {
    if identities.is_empty() {
        return;
    }
    let right = identities.iter().filter(|(ok, _)| *ok).count();
    println!(
        "REPORT IDENTITY (kind, region, year): {right} of {} right",
        identities.len()
    );
    identities.iter().for_each(|(_, line)| println!("  {line}"));
    println!();
}
