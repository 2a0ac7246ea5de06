//! Scores the extractor on hand-checked labels and lists every miss, false
//! positive and field error: `cargo run --release --example evaluate [DIR]`,
//! where DIR holds the reports and a `labels/` folder (default: tests/fixtures).

use std::path::Path;

use reportlens::evaluation::{score, LabelFile, Score};
use reportlens::{Document, Extractor};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let fixtures = std::env::args()
        .nth(1)
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"));
    let mut total = Score::default();
    let mut entries: Vec<_> =
        std::fs::read_dir(fixtures.join("labels"))?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let labels: LabelFile = serde_json::from_str(&std::fs::read_to_string(entry.path())?)?;
        let doc = Document::open(&fixtures.join(&labels.fixture))?;
        let found = Extractor::shared().extract(&doc);
        let file_score = score(&doc.text, &found, &labels);
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
