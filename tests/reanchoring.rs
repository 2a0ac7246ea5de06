//! Re-anchoring evaluation on edited copies of the real report fixtures:
//! every indicator span and a deterministic choice of sentences are
//! annotated, the text is edited in ways whose effect on each passage is
//! known, and `reanchor_all` must put the annotations back on the right text,
//! or leave them unplaced when their text is gone.
//!
//! Criterion: a placement is right when its span equals the expected span;
//! for a quote edited inside, a span overlapping the expected one with
//! intersection-over-union ≥ 0.9 is right too. Any other placement is wrong.
//! For a deleted quote the right outcome is to stay unplaced.
//! `cargo test --no-default-features --test reanchoring -- --nocapture` prints the figures.

use std::fmt;
use std::ops::Range;

use reportlens::annotations::reanchor::reanchor_all;
use reportlens::annotations::{Anchor, Annotation, Colour};
use reportlens::{Document, Extractor};

const FIXTURES: [&str; 5] = [
    include_str!("fixtures/000_24bebe41ac3f3a2f.txt"),
    include_str!("fixtures/001_0ace6510012baace.txt"),
    include_str!("fixtures/002_75357d4799bd6ebe.txt"),
    include_str!("fixtures/003_8bb3dc6e5684670a.txt"),
    include_str!("fixtures/004_c1005eb52102c714.txt"),
];

/// Sentences of this many chars are candidates for sentence-sized passages.
const SENTENCE_CHARS: Range<usize> = 10..81;
/// One candidate sentence in this many is annotated.
const SENTENCE_STRIDE: usize = 3;
/// One paragraph in this many gets a new paragraph inserted before it, or is deleted.
const PARAGRAPH_STRIDE: usize = 4;
/// Quotes shorter than this are too short for a one-char edit to be "small".
const MIN_EDITED_QUOTE: usize = 4;
/// Lowest intersection-over-union that counts an edited quote as found.
const MIN_IOU: f64 = 0.9;
/// Lowest share of right placements, per edit kind, where the text remains.
const MIN_RIGHT_PERCENT: f64 = 95.0;
/// Highest share of wrong placements, per edit kind.
const MAX_WRONG_PERCENT: f64 = 1.0;

/// The ways the text is edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EditKind {
    ParagraphsInserted,
    ParagraphsDeleted,
    CharChanged,
    CharInserted,
    CharDeleted,
    CharChangedBeside,
    ParagraphMoved,
    QuoteDeleted,
}

impl EditKind {
    const ALL: [EditKind; 8] = [
        EditKind::ParagraphsInserted,
        EditKind::ParagraphsDeleted,
        EditKind::CharChanged,
        EditKind::CharInserted,
        EditKind::CharDeleted,
        EditKind::CharChangedBeside,
        EditKind::ParagraphMoved,
        EditKind::QuoteDeleted,
    ];

    fn label(self) -> &'static str {
        match self {
            Self::ParagraphsInserted => "paragraphs inserted before",
            Self::ParagraphsDeleted => "paragraphs deleted before",
            Self::CharChanged => "char changed in quote",
            Self::CharInserted => "char inserted in quote",
            Self::CharDeleted => "char deleted from quote",
            Self::CharChangedBeside => "char changed next to quote",
            Self::ParagraphMoved => "quote's paragraph moved",
            Self::QuoteDeleted => "quote deleted (unplaced)",
        }
    }

    fn edits_the_quote(self) -> bool {
        matches!(
            self,
            Self::CharChanged | Self::CharInserted | Self::CharDeleted
        )
    }
}

/// What re-anchoring did with one annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// Placed on its text, or unplaced when its text is gone.
    Right,
    /// Placed on other text.
    Wrong,
    /// Unplaced although its text remains.
    Missed,
}

/// The verdicts of one edit kind.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    right: usize,
    wrong: usize,
    missed: usize,
}

impl Tally {
    fn add(&mut self, verdict: Verdict) {
        match verdict {
            Verdict::Right => self.right += 1,
            Verdict::Wrong => self.wrong += 1,
            Verdict::Missed => self.missed += 1,
        }
    }

    fn merge(&mut self, other: Tally) {
        self.right += other.right;
        self.wrong += other.wrong;
        self.missed += other.missed;
    }

    fn total(&self) -> usize {
        self.right + self.wrong + self.missed
    }

    fn percent(&self, part: usize) -> f64 {
        100.0 * part as f64 / self.total().max(1) as f64
    }
}

impl fmt::Display for Tally {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let column = |n: usize| format!("{n:>5} {:>5.1}%", self.percent(n));
        write!(
            f,
            "{:>6}  {}  {}  {}",
            self.total(),
            column(self.right),
            column(self.wrong),
            column(self.missed)
        )
    }
}

/// One replacement in a text: `removed` chars at `at` give way to `inserted`.
#[derive(Debug, Clone)]
struct Edit {
    at: usize,
    removed: usize,
    inserted: Vec<char>,
}

impl Edit {
    fn change(at: usize, to: char) -> Self {
        Self {
            at,
            removed: 1,
            inserted: vec![to],
        }
    }

    fn insert(at: usize, text: &str) -> Self {
        Self {
            at,
            removed: 0,
            inserted: text.chars().collect(),
        }
    }

    fn delete(span: &Range<usize>) -> Self {
        Self {
            at: span.start,
            removed: span.len(),
            inserted: Vec::new(),
        }
    }
}

/// Applies non-overlapping `edits` (in any order) to `text`.
fn apply(text: &[char], edits: &[Edit]) -> Vec<char> {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|edit| std::cmp::Reverse(edit.at));
    let mut edited = text.to_vec();
    for edit in sorted {
        edited.splice(
            edit.at..edit.at + edit.removed,
            edit.inserted.iter().copied(),
        );
    }
    edited
}

/// Where char boundary `position` of the original text lands after `edits`.
/// An insertion exactly at `position` goes before it.
fn shifted(position: usize, edits: &[Edit]) -> usize {
    let growth: isize = edits
        .iter()
        .filter(|edit| edit.at + edit.removed <= position)
        .map(|edit| edit.inserted.len() as isize - edit.removed as isize)
        .sum();
    position.saturating_add_signed(growth)
}

/// True when `span` shares a char with any removed range of `edits`.
fn touched(span: &Range<usize>, edits: &[Edit]) -> bool {
    edits
        .iter()
        .any(|edit| edit.at < span.end && span.start < edit.at + edit.removed)
}

/// A char unlike each of `neighbours`, to put among them.
fn unlike(neighbours: &[char]) -> char {
    ['新', '改', '增']
        .into_iter()
        .find(|c| !neighbours.contains(c))
        .unwrap_or('新')
}

/// A deterministic spread of offsets in `0..len`, different for each `seed`.
fn spread(seed: usize, len: usize) -> usize {
    seed.wrapping_mul(7919) % len.max(1)
}

/// The char ranges of the text's non-empty lines, each with its `\n` if any.
fn paragraphs(text: &[char]) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut start = 0;
    for (at, &c) in text.iter().enumerate() {
        if c == '\n' {
            if at > start {
                found.push(start..at + 1);
            }
            start = at + 1;
        }
    }
    if text.len() > start {
        found.push(start..text.len());
    }
    found
}

/// Sentences (ending at 。；！？ or a line end) of a passage-like length,
/// every [`SENTENCE_STRIDE`]th one.
fn sentences(text: &[char]) -> Vec<Range<usize>> {
    let mut candidates = Vec::new();
    let mut start = 0;
    for (at, &c) in text.iter().enumerate() {
        let end = match c {
            '。' | '；' | '！' | '？' => at + 1,
            '\n' => at,
            _ => continue,
        };
        while start < end && text[start].is_whitespace() {
            start += 1;
        }
        if SENTENCE_CHARS.contains(&(end - start)) {
            candidates.push(start..end);
        }
        start = at + 1;
    }
    candidates.into_iter().step_by(SENTENCE_STRIDE).collect()
}

/// The passages annotated in a fixture: every indicator and some sentences.
fn passages(doc: &Document, text: &[char]) -> Vec<Range<usize>> {
    let mut spans: Vec<Range<usize>> = Extractor::shared()
        .extract(doc)
        .iter()
        .map(|indicator| indicator.span.start..indicator.span.end)
        .collect();
    spans.extend(sentences(text));
    spans
}

/// One annotation to re-anchor, with where it should land (None: nowhere).
struct Case {
    annotation: Annotation,
    expected: Option<Range<usize>>,
}

impl Case {
    fn new(text: &[char], span: &Range<usize>, expected: Option<Range<usize>>) -> Self {
        let anchor = Anchor::capture(text, span.start, span.end);
        Self {
            annotation: Annotation::new(anchor, Colour::Yellow),
            expected,
        }
    }

    fn verdict(&self, placed: &Anchor, overlap_allowed: bool) -> Verdict {
        let span = placed.start()..placed.end();
        match (&self.expected, placed.unplaced) {
            (None, true) => Verdict::Right,
            (Some(_), true) => Verdict::Missed,
            (Some(expected), false) if *expected == span => Verdict::Right,
            (Some(expected), false) if overlap_allowed && iou(expected, &span) >= MIN_IOU => {
                Verdict::Right
            }
            _ => Verdict::Wrong,
        }
    }
}

fn iou(a: &Range<usize>, b: &Range<usize>) -> f64 {
    let common = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    let union = a.end.max(b.end) - a.start.min(b.start);
    common as f64 / union.max(1) as f64
}

/// Re-anchors `cases` on `edited` and tallies the verdicts, checking none is lost.
fn judge(edited: &[char], cases: &[Case], kind: EditKind) -> Tally {
    let mut annotations: Vec<Annotation> = cases.iter().map(|c| c.annotation.clone()).collect();
    let counts = reanchor_all(edited, &mut annotations);
    let counted = counts.exact + counts.moved + counts.fuzzy + counts.unplaced;
    assert_eq!(
        counted,
        cases.len(),
        "{}: an annotation was lost",
        kind.label()
    );
    assert_eq!(annotations.len(), cases.len());
    let mut tally = Tally::default();
    for (case, placed) in cases.iter().zip(&annotations) {
        assert_eq!(placed.id, case.annotation.id);
        tally.add(case.verdict(&placed.anchor, kind.edits_the_quote()));
    }
    tally
}

/// A new paragraph inserted before every [`PARAGRAPH_STRIDE`]th one (the first included).
fn paragraphs_inserted(text: &[char], spans: &[Range<usize>]) -> Tally {
    let edits: Vec<Edit> = paragraphs(text)
        .iter()
        .step_by(PARAGRAPH_STRIDE)
        .enumerate()
        .map(|(n, paragraph)| {
            let added =
                format!("（修订补充第{n}段）各部门要加强统筹协调，确保各项工作落实到位。\n");
            Edit::insert(paragraph.start, &added)
        })
        .collect();
    shifted_cases(text, spans, &edits, EditKind::ParagraphsInserted)
}

/// Every [`PARAGRAPH_STRIDE`]th paragraph (the first included) deleted.
fn paragraphs_deleted(text: &[char], spans: &[Range<usize>]) -> Tally {
    let edits: Vec<Edit> = paragraphs(text)
        .iter()
        .step_by(PARAGRAPH_STRIDE)
        .map(Edit::delete)
        .collect();
    shifted_cases(text, spans, &edits, EditKind::ParagraphsDeleted)
}

/// Judges the passages that `edits` moved without touching them.
fn shifted_cases(text: &[char], spans: &[Range<usize>], edits: &[Edit], kind: EditKind) -> Tally {
    let cases: Vec<Case> = spans
        .iter()
        .filter(|span| !touched(span, edits) && shifted(span.start, edits) != span.start)
        .map(|span| {
            let expected = shifted(span.start, edits)..shifted(span.end, edits);
            Case::new(text, span, Some(expected))
        })
        .collect();
    judge(&apply(text, edits), &cases, kind)
}

/// One edit to a char of each quote (an insertion goes between two of its
/// chars), at a spread of offsets, in a copy of its own.
fn quote_edited(text: &[char], spans: &[Range<usize>], kind: EditKind) -> Tally {
    let mut tally = Tally::default();
    for span in spans.iter().filter(|s| s.len() >= MIN_EDITED_QUOTE) {
        let at = span.start + spread(span.start, span.len());
        let edit = match kind {
            EditKind::CharChanged => Edit::change(at, unlike(&[text[at]])),
            EditKind::CharInserted => {
                let at = at.max(span.start + 1);
                Edit::insert(at, &unlike(&text[at - 1..=at]).to_string())
            }
            _ => Edit::delete(&(at..at + 1)),
        };
        let edits = [edit];
        let expected = span.start..shifted(span.end, &edits);
        let case = Case::new(text, span, Some(expected));
        tally.merge(judge(&apply(text, &edits), &[case], kind));
    }
    tally
}

/// The char just before each quote changed or, when the quote starts a
/// paragraph, the char just after it, in a copy of its own. Quotes that are
/// a whole paragraph have no such char and are skipped.
fn context_edited(text: &[char], spans: &[Range<usize>]) -> Tally {
    let in_paragraph = |at: usize| text.get(at).is_some_and(|&c| c != '\n');
    let mut tally = Tally::default();
    for span in spans {
        let beside = [span.start.checked_sub(1), Some(span.end)]
            .into_iter()
            .flatten()
            .find(|&at| in_paragraph(at));
        let Some(at) = beside else {
            continue;
        };
        let edited = apply(text, &[Edit::change(at, unlike(&[text[at]]))]);
        let case = Case::new(text, span, Some(span.clone()));
        tally.merge(judge(&edited, &[case], EditKind::CharChangedBeside));
    }
    tally
}

/// Each annotated paragraph cut and put back half the document further on.
fn paragraph_moved(text: &[char], spans: &[Range<usize>]) -> Tally {
    let all = paragraphs(text);
    let mut tally = Tally::default();
    for (index, paragraph) in all.iter().enumerate() {
        let inside: Vec<&Range<usize>> = spans
            .iter()
            .filter(|s| paragraph.start <= s.start && s.end <= paragraph.end)
            .collect();
        if inside.is_empty() {
            continue;
        }
        let before = &all[(index + all.len() / 2) % all.len()];
        let moved_to = if before.start > paragraph.start {
            before.start - paragraph.len()
        } else {
            before.start
        };
        let mut edited = text.to_vec();
        let mut cut: Vec<char> = edited.drain(paragraph.clone()).collect();
        if cut.last() != Some(&'\n') {
            cut.push('\n');
        }
        edited.splice(moved_to..moved_to, cut);
        let offset = moved_to as isize - paragraph.start as isize;
        let cases: Vec<Case> = inside
            .into_iter()
            .map(|span| {
                let expected = span.start.saturating_add_signed(offset)
                    ..span.end.saturating_add_signed(offset);
                Case::new(text, span, Some(expected))
            })
            .collect();
        tally.merge(judge(&edited, &cases, EditKind::ParagraphMoved));
    }
    tally
}

/// Each quote deleted, in a copy of its own: it must come out unplaced.
fn quote_deleted(text: &[char], spans: &[Range<usize>]) -> Tally {
    let mut tally = Tally::default();
    for span in spans {
        let edited = apply(text, &[Edit::delete(span)]);
        let case = Case::new(text, span, None);
        tally.merge(judge(&edited, &[case], EditKind::QuoteDeleted));
    }
    tally
}

fn evaluate(text: &[char], spans: &[Range<usize>], kind: EditKind) -> Tally {
    match kind {
        EditKind::ParagraphsInserted => paragraphs_inserted(text, spans),
        EditKind::ParagraphsDeleted => paragraphs_deleted(text, spans),
        EditKind::CharChanged | EditKind::CharInserted | EditKind::CharDeleted => {
            quote_edited(text, spans, kind)
        }
        EditKind::CharChangedBeside => context_edited(text, spans),
        EditKind::ParagraphMoved => paragraph_moved(text, spans),
        EditKind::QuoteDeleted => quote_deleted(text, spans),
    }
}

fn print_table(rows: &[(EditKind, Tally)], text_remains: Tally) {
    println!(
        "\n{:<28} {:>6}  {:>12}  {:>12}  {:>12}",
        "edit", "cases", "right", "wrong", "missed"
    );
    for (kind, tally) in rows {
        println!("{:<28} {tally}", kind.label());
    }
    println!("{:<28} {text_remains}\n", "all where the text remains");
}

#[test]
fn annotations_land_on_their_text_after_edits() {
    let mut rows: Vec<(EditKind, Tally)> = EditKind::ALL
        .iter()
        .map(|&kind| (kind, Tally::default()))
        .collect();
    for (number, fixture) in FIXTURES.iter().enumerate() {
        let doc = Document::from_text(&format!("{number:03}.txt"), fixture);
        let text: Vec<char> = doc.text.chars().collect();
        let spans = passages(&doc, &text);
        for (kind, tally) in rows.iter_mut() {
            tally.merge(evaluate(&text, &spans, *kind));
        }
    }
    let remaining = rows.iter().filter(|(k, _)| *k != EditKind::QuoteDeleted);
    let mut text_remains = Tally::default();
    remaining
        .clone()
        .for_each(|(_, tally)| text_remains.merge(*tally));
    print_table(&rows, text_remains);
    for (kind, tally) in remaining {
        let (right, wrong) = (tally.percent(tally.right), tally.percent(tally.wrong));
        assert!(tally.total() > 100, "{}: too few cases", kind.label());
        assert!(
            right >= MIN_RIGHT_PERCENT,
            "{}: {right:.1}% right",
            kind.label()
        );
        assert!(
            wrong <= MAX_WRONG_PERCENT,
            "{}: {wrong:.1}% wrong",
            kind.label()
        );
    }
    let (_, deleted) = rows[rows.len() - 1];
    assert_eq!(deleted.wrong, 0, "a deleted quote was placed on other text");
}
