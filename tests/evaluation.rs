//! Precision and recall of the extractor on the hand-checked labels in
//! tests/fixtures/labels/. Run with `cargo test --test evaluation -- --nocapture`
//! to see the figures; `cargo run --example evaluate` also lists every miss.

use std::path::Path;

use reportlens::evaluation::{load_labels, score, score_report, LabelFile, Score};
use reportlens::{Document, Extractor};

fn fixtures_dir(sub: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(sub)
}

fn label_files() -> Vec<LabelFile> {
    labels_in(&fixtures_dir("tests/fixtures"))
}

fn labels_in(dir: &Path) -> Vec<LabelFile> {
    load_labels(dir).unwrap_or_else(|e| panic!("{e}"))
}

/// Scores every labelled report in `dir` and prints the figures.
fn evaluate(dir: &Path, labels: &[LabelFile]) -> Score {
    let mut total = Score::default();
    for file in labels {
        let file_score = score_report(dir, file).unwrap_or_else(|e| panic!("{e}"));
        println!(
            "{}: {}",
            file.fixture,
            file_score.summary().replace('\n', "\n    ")
        );
        total.add(file_score);
    }
    println!("ALL: {}", total.summary());
    println!(
        "misses: {:#?}\nfalse positives: {:#?}",
        total.misses, total.false_positives
    );
    total
}

#[test]
fn precision_and_recall_on_fixture_labels() {
    let labels = label_files();
    assert_eq!(labels.len(), 5, "one label file per fixture");
    let total = evaluate(&fixtures_dir("tests/fixtures"), &labels);
    assert!(
        total.true_positives >= 400,
        "labels cover at least 400 indicators"
    );
    assert!(
        total.precision() >= 0.90,
        "precision {:.3}",
        total.precision()
    );
    assert!(total.recall() >= 0.90, "recall {:.3}", total.recall());
    let kind_accuracy = total.kind_correct as f64 / total.numeric_matches as f64;
    assert!(kind_accuracy >= 0.90, "kind accuracy {kind_accuracy:.3}");
}

#[test]
fn precision_and_recall_on_held_out_reports() {
    let dir = fixtures_dir("tests/fixtures/heldout");
    let labels = labels_in(&dir);
    assert_eq!(labels.len(), 4);
    let total = evaluate(&dir, &labels);
    assert!(
        total.true_positives >= 200,
        "held-out labels cover at least 200 indicators"
    );
    assert!(
        total.precision() >= 0.90,
        "precision {:.3}",
        total.precision()
    );
    assert!(total.recall() >= 0.90, "recall {:.3}", total.recall());
}

#[test]
fn every_label_points_at_one_place() {
    for (dir, labels) in [
        (fixtures_dir("tests/fixtures"), label_files()),
        (
            fixtures_dir("tests/fixtures/heldout"),
            labels_in(&fixtures_dir("tests/fixtures/heldout")),
        ),
    ] {
        for file in labels {
            let doc = Document::open(&dir.join(&file.fixture)).unwrap_or_else(|e| panic!("{e}"));
            let contexts = file.indicators.iter().map(|l| (&l.context, &l.number));
            let others = file
                .non_indicators
                .iter()
                .chain(&file.ambiguous)
                .map(|l| (&l.context, &l.number));
            for (context, number) in contexts.chain(others) {
                assert_eq!(
                    doc.text.matches(context.as_str()).count(),
                    1,
                    "{}: {context}",
                    file.fixture
                );
                assert!(
                    context.contains(number.as_str()),
                    "{}: {number} not in {context}",
                    file.fixture
                );
            }
        }
    }
}

#[test]
fn labels_meet_the_issue_minimums() {
    let labels = label_files();
    let negatives: usize = labels.iter().map(|l| l.non_indicators.len()).sum();
    let others: usize = labels
        .iter()
        .filter(|l| {
            ["000_", "002_", "004_"]
                .iter()
                .any(|p| l.fixture.starts_with(p))
        })
        .map(|l| l.indicators.len())
        .sum();
    assert!(negatives >= 30, "{negatives} non-indicators");
    assert!(others >= 30, "{others} indicators in 000, 002 and 004");
}

#[test]
fn a_wrong_extraction_lowers_the_score() {
    let fixtures = fixtures_dir("tests/fixtures");
    let file = label_files().remove(1);
    let doc = Document::open(&fixtures.join(&file.fixture)).unwrap_or_else(|e| panic!("{e}"));
    let mut found = Extractor::shared().extract(&doc);
    let honest = score(&doc.text, &found, &file);
    found.remove(0);
    let missing_one = score(&doc.text, &found, &file);
    assert_eq!(missing_one.misses.len(), honest.misses.len() + 1);
}
