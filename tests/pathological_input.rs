//! Pathological inputs: text without punctuation, deep brackets and quotes,
//! endless digits, a million "、", long runs of blanks. Each shape must be
//! read to the end with sane output, the output must grow in proportion to
//! the input, and — what makes extraction linear — a figure must be read
//! from the text near it only: text changed far away (here, more than
//! [`REACH`] chars) must not change it. The old extractor read whole
//! clauses, so a "、" a thousand chars back changed a metric, and every
//! number of an unpunctuated block re-read the block. Timing is left to
//! `benches/pathological.rs`.

#[path = "support/pathological_shapes.rs"]
mod pathological_shapes;

use pathological_shapes::{shapes, NESTED, REPEATED};
use proptest::prelude::*;
use reportlens::{Document, Extractor, Indicator};

/// Chars beyond which text must not change how a figure is read: more than
/// every window the extractor reads around a number.
const REACH: usize = 1000;

/// Bytes of each shape in the completion test.
const SHAPE_BYTES: usize = 200_000;

fn extract(text: &str) -> (Document, Vec<Indicator>) {
    let doc = Document::from_text("p.txt", text);
    let found = Extractor::shared().extract(&doc);
    (doc, found)
}

/// Spans inside the text and in order, each figure inside its span, and no
/// indicator text or metric longer than a reader would write.
fn assert_sane(name: &str, doc: &Document, found: &[Indicator]) {
    let chars = doc.char_count();
    let mut previous_end = 0;
    for indicator in found {
        let span = indicator.span;
        assert!(
            span.start >= previous_end && span.end <= chars,
            "{name}: {span:?}"
        );
        assert!(
            span.contains(indicator.value_start),
            "{name}: {indicator:?}"
        );
        assert!(
            span.len() <= REACH,
            "{name}: {} chars: {indicator:?}",
            span.len()
        );
        assert!(
            indicator.metric.chars().count() <= 64,
            "{name}: {}",
            indicator.metric
        );
        previous_end = span.end;
    }
}

#[test]
fn every_shape_is_read_to_the_end() {
    for (name, text) in shapes(SHAPE_BYTES) {
        let (doc, found) = extract(&text);
        assert_sane(name, &doc, &found);
    }
}

#[test]
fn output_grows_in_proportion_to_input() {
    let sizes = (SHAPE_BYTES / 8, SHAPE_BYTES / 2);
    for ((name, small), (_, large)) in shapes(sizes.0).into_iter().zip(shapes(sizes.1)) {
        let (small_doc, small_found) = extract(&small);
        let (large_doc, large_found) = extract(&large);
        let blocks = (small_doc.blocks.len(), large_doc.blocks.len());
        assert!(blocks.1 <= 4 * blocks.0 + 4, "{name}: blocks {blocks:?}");
        let (few, many) = (small_found.len(), large_found.len());
        assert!(
            many <= 4 * few + 4 && many + 4 >= 3 * few,
            "{name}: {few} then {many}"
        );
    }
}

/// The indicator whose value is `value`, as read in `text`, with its offsets
/// made relative to the value so that texts of different lengths compare.
fn probe(text: &str, value: &str) -> Option<Indicator> {
    let (_, found) = extract(text);
    let mut indicator = found.into_iter().find(|i| i.value == value)?;
    let at = indicator.value_start;
    indicator.span.start = at - indicator.span.start;
    indicator.span.end -= at;
    indicator.value_start = 0;
    Some(indicator)
}

/// A figure in a clause without punctuation, as long as the padding allows.
const PROBE: &str = "全社会固定资产投资增长10%重点项目";

/// Filler without punctuation, digits or tense cues.
fn filler(chars: usize) -> String {
    "推进".repeat(chars / 2)
}

#[test]
fn far_text_does_not_change_a_figure() {
    let plain = format!("{0}{PROBE}{0}", filler(2 * REACH));
    let expected = probe(&plain, "10");
    assert!(expected
        .as_ref()
        .is_some_and(|i| i.metric == "全社会固定资产投资"));
    for far in ["、", "中", "等", "（", "“", "的"] {
        let before = format!("{far}{plain}");
        let after = format!("{plain}{far}");
        assert_eq!(probe(&before, "10"), expected, "{far} far before");
        assert_eq!(probe(&after, "10"), expected, "{far} far after");
    }
}

/// One of the pathological pieces, or a char that changes a clause.
fn piece() -> impl Strategy<Value = String> {
    let repeated = REPEATED.iter().map(|&(_, piece)| piece.to_string());
    let nested = NESTED
        .iter()
        .flat_map(|&(_, open, close)| [open.to_string(), close.to_string()]);
    let all: Vec<String> = repeated.chain(nested).collect();
    (prop::sample::select(all), 1..100usize).prop_map(|(piece, times)| piece.repeat(times))
}

/// Up to 5 × 99 pieces of at most 22 chars: with the figure and its filler the
/// text stays within one piece of the extractor (16,384 chars) around the figure.
fn padding() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..6).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Random concatenations of the shapes around a figure, kept more than
    /// [`REACH`] chars away from it: the figure reads the same whatever they are.
    #[test]
    fn shapes_far_away_do_not_change_a_figure(before in padding(), after in padding()) {
        let near = filler(2 * REACH);
        let expected = probe(&format!("{near}{PROBE}{near}"), "10");
        let padded = format!("{before}{near}{PROBE}{near}{after}");
        let found = probe(&padded, "10");
        prop_assert_eq!(found.as_ref().map(|i| &i.metric), expected.as_ref().map(|i| &i.metric));
        prop_assert_eq!(found.map(|i| i.span), expected.map(|i| i.span));
        let (doc, all) = extract(&padded);
        assert_sane("random shapes", &doc, &all);
    }
}
