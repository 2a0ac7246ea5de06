//! Scores the extractor on hand-checked labels and lists every miss, false
//! positive and field error: `cargo run --release --example evaluate [DIR]`,
//! where DIR holds the reports and a `labels/` folder (default: tests/fixtures).

use std::path::Path;

use reportlens::evaluation::{load_labels, score_report, Score};

fn main() -> Result<(), String> {
    let fixtures = std::env::args()
        .nth(1)
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"));
    let mut total = Score::default();
    for labels in load_labels(&fixtures)? {
        let file_score = score_report(&fixtures, &labels)?;
        println!(
            "{}: {}",
            labels.fixture,
            file_score.summary().replace('\n', "\n    ")
        );
        total.add(file_score);
    }
    println!("\nALL: {}\n", total.summary());
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
