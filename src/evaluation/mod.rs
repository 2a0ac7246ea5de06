//! Measuring the extractor against hand-checked labels (the JSON files in
//! `tests/fixtures/labels/`): precision, recall, and field accuracy.
//!
//! A label points at one number in a fixture either by a context string that
//! occurs once and the number inside it (the fixtures' labels), or by char
//! offsets `start..end` of the figure with its unit (labels of texts that are
//! not in the repository, which must not quote them). An extracted indicator
//! matches a context label when its span covers the number and its value is
//! the labelled value, and an offset label when its span overlaps the label's. In a
//! *complete* label file every number is labelled, so an extracted indicator
//! that matches no label is a false positive; in a partial file only
//! indicators on labelled non-indicators count against precision.

pub mod pairs;

use std::path::Path;

use serde::Deserialize;

use crate::indicators::normalize::normalize;
use crate::indicators::{Extractor, Indicator};
use crate::Document;

/// A label file.
#[derive(Debug, Clone, Deserialize)]
pub struct LabelFile {
    /// File name of the fixture.
    #[serde(alias = "file")]
    pub fixture: String,
    /// True when every number in the fixture is labelled.
    #[serde(default)]
    pub complete: bool,
    /// What the report is, where the label says so.
    #[serde(default)]
    pub identity: Option<IdentityLabel>,
    /// Numbers that are indicators.
    pub indicators: Vec<PositiveLabel>,
    /// Numbers that are not indicators.
    pub non_indicators: Vec<NegativeLabel>,
    /// Numbers left out of the scoring.
    #[serde(default)]
    pub ambiguous: Vec<NegativeLabel>,
    /// Goals stated without a number ("城镇居民人均可支配收入增长高于经济增长").
    #[serde(default)]
    pub qualitative_targets: Vec<QualitativeLabel>,
}

/// A report's hand-checked identity: kind, region and year, None where the text does not say.
#[derive(Debug, Clone, Deserialize)]
pub struct IdentityLabel {
    /// `work_report`, `plan`, `execution`, `news_digest` or `other`.
    pub kind: String,
    /// The region as written in full ("江苏省"), None when the text does not name it.
    pub region: Option<String>,
    /// The report's year, None when the text does not give it.
    pub year: Option<i32>,
}

/// A hand-checked goal statement without a number.
#[derive(Debug, Clone, Deserialize)]
pub struct QualitativeLabel {
    /// A string that occurs once in the fixture and contains the statement.
    pub context: String,
    /// Expected metric.
    pub metric: String,
}

/// A hand-checked indicator.
#[derive(Debug, Clone, Deserialize)]
pub struct PositiveLabel {
    /// A string that occurs once in the fixture and contains the number (or empty, with `start`).
    #[serde(default)]
    pub context: String,
    /// Char offset of the figure, when the label points by offsets.
    #[serde(default)]
    pub start: Option<usize>,
    /// Char offset just after the figure's unit, with `start`.
    #[serde(default)]
    pub end: Option<usize>,
    /// The number as written; its first occurrence in `context` is the one meant.
    pub number: String,
    /// Expected metric.
    pub metric: String,
    /// Expected value as written.
    pub value: String,
    /// Expected unit as written.
    pub unit: String,
    /// Expected qualifier.
    pub qualifier: Option<String>,
    /// Expected kind ("target", "actual", "growth", "completion").
    pub kind: String,
}

/// A number that must not be extracted (or is left out of scoring).
#[derive(Debug, Clone, Deserialize)]
pub struct NegativeLabel {
    /// A string that occurs once in the fixture and contains the number (or empty, with `start`).
    #[serde(default)]
    pub context: String,
    /// Char offset of the number, when the label points by offsets.
    #[serde(default)]
    pub start: Option<usize>,
    /// The number as written; its first occurrence in `context` is the one meant.
    pub number: String,
    /// Why it is not an indicator.
    #[serde(default)]
    pub why: String,
}

/// What the evaluation of one or more fixtures found.
#[derive(Debug, Clone, Default)]
pub struct Score {
    /// Labelled indicators found.
    pub true_positives: usize,
    /// Extracted indicators that are not indicators.
    pub false_positives: Vec<String>,
    /// Labelled indicators missed.
    pub misses: Vec<String>,
    /// Found indicators whose unit, metric, kind or qualifier differ from the label.
    pub field_errors: Vec<String>,
    /// Matches of numeric labels (the denominator of the field accuracies).
    pub numeric_matches: usize,
    /// Matches with the right kind.
    pub kind_correct: usize,
    /// Matches with the right metric (equal, or one contains the other).
    pub metric_correct: usize,
    /// Matches with the right unit.
    pub unit_correct: usize,
    /// Matches with the right qualifier.
    pub qualifier_correct: usize,
}

impl Score {
    /// TP / (TP + FP).
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives.len(),
        )
    }

    /// TP / (TP + FN).
    pub fn recall(&self) -> f64 {
        ratio(self.true_positives, self.true_positives + self.misses.len())
    }

    /// Adds another fixture's score.
    pub fn add(&mut self, other: Score) {
        self.true_positives += other.true_positives;
        self.numeric_matches += other.numeric_matches;
        self.false_positives.extend(other.false_positives);
        self.misses.extend(other.misses);
        self.field_errors.extend(other.field_errors);
        self.kind_correct += other.kind_correct;
        self.metric_correct += other.metric_correct;
        self.unit_correct += other.unit_correct;
        self.qualifier_correct += other.qualifier_correct;
    }

    /// A short report of the figures.
    pub fn summary(&self) -> String {
        let of_found = |n: usize| {
            format!(
                "{n}/{} ({:.3})",
                self.numeric_matches,
                ratio(n, self.numeric_matches)
            )
        };
        format!(
            "precision {:.3}  recall {:.3}  (TP {}, FP {}, FN {})\nfield accuracy on numeric matches: kind {}, metric {}, unit {}, qualifier {}",
            self.precision(),
            self.recall(),
            self.true_positives,
            self.false_positives.len(),
            self.misses.len(),
            of_found(self.kind_correct),
            of_found(self.metric_correct),
            of_found(self.unit_correct),
            of_found(self.qualifier_correct),
        )
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// The label files in `dir/labels`, sorted by file name. Errors name the file.
pub fn load_labels(dir: &Path) -> Result<Vec<LabelFile>, String> {
    load_labels_in(&dir.join("labels"))
}

/// The label files in `folder` (every `.json` but `pairs.json`), sorted by file name.
pub fn load_labels_in(folder: &Path) -> Result<Vec<LabelFile>, String> {
    let entries = std::fs::read_dir(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    let mut paths: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter(|p| p.file_name().is_some_and(|n| n != "pairs.json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
        })
        .collect()
}

/// Opens the report of `labels` in `dir`, extracts it and scores it.
pub fn score_report(dir: &Path, labels: &LabelFile) -> Result<Score, String> {
    let doc = Document::open(&dir.join(&labels.fixture)).map_err(|e| e.to_string())?;
    let found = Extractor::shared().extract(&doc);
    Ok(score(&doc.text, &found, labels))
}

/// Char offset of the labelled number in `text`, if the context is found.
pub fn locate(text: &str, context: &str, number: &str) -> Option<usize> {
    let at = text.find(context)?;
    let inner = context.find(number)?;
    Some(text[..at + inner].chars().count())
}

/// Scores `found` (the extractor's output on `text`) against `labels`.
pub fn score(text: &str, found: &[Indicator], labels: &LabelFile) -> Score {
    let mut score = Score::default();
    let mut claimed = vec![false; found.len()];
    for label in &labels.indicators {
        let Some(at) = label
            .start
            .or_else(|| locate(text, &label.context, &label.number))
        else {
            score.misses.push(format!(
                "{}: label context not found: {}",
                labels.fixture, label.context
            ));
            continue;
        };
        let hit = found.iter().enumerate().position(|(i, f)| {
            !claimed[i]
                && match (label.start, label.end) {
                    (Some(start), Some(end)) => overlaps(f, start, end),
                    _ => covers(f, at, &label.value),
                }
        });
        match hit {
            Some(index) => {
                claimed[index] = true;
                score.true_positives += 1;
                score.numeric_matches += 1;
                compare_fields(&found[index], label, &labels.fixture, &mut score);
            }
            None => score
                .misses
                .push(format!("{}: {}", labels.fixture, label_name(text, label))),
        }
    }
    score_goals(text, found, labels, &mut claimed, &mut score);
    let negatives = labels.non_indicators.iter().chain(&labels.ambiguous);
    for negative in negatives {
        let Some(at) = negative
            .start
            .or_else(|| locate(text, &negative.context, &negative.number))
        else {
            continue;
        };
        for (index, indicator) in found.iter().enumerate() {
            if !claimed[index] && indicator.span.contains(at) {
                claimed[index] = true;
                if labels
                    .non_indicators
                    .iter()
                    .any(|n| std::ptr::eq(n, negative))
                {
                    score.false_positives.push(format!(
                        "{}: {} (label: {} — {})",
                        labels.fixture, indicator.text, negative.context, negative.why
                    ));
                }
            }
        }
    }
    if labels.complete {
        for (indicator, _) in found.iter().zip(&claimed).filter(|(_, c)| !**c) {
            score.false_positives.push(format!(
                "{}: {} (unlabelled)",
                labels.fixture, indicator.text
            ));
        }
    }
    score
}

/// Matches goals without a number (empty normalised value) to their labels;
/// a goal that matches no label is a false positive in any file.
fn score_goals(
    text: &str,
    found: &[Indicator],
    labels: &LabelFile,
    claimed: &mut [bool],
    score: &mut Score,
) {
    let is_goal = |i: &Indicator| i.normalized_value.is_none();
    for label in &labels.qualitative_targets {
        let Some(start) = locate(text, &label.context, &label.context) else {
            continue;
        };
        let end = start + label.context.chars().count();
        let hit = found
            .iter()
            .enumerate()
            .find(|(i, g)| !claimed[*i] && is_goal(g) && g.span.start < end && start < g.span.end);
        match hit {
            Some((index, goal)) => {
                claimed[index] = true;
                score.true_positives += 1;
                if !metrics_agree(&goal.metric, &label.metric) {
                    score.field_errors.push(format!(
                        "{}: goal metric {:?}/{:?}",
                        labels.fixture, goal.metric, label.metric
                    ));
                }
            }
            None => score
                .misses
                .push(format!("{}: {} (goal)", labels.fixture, label.context)),
        }
    }
    for (goal, claim) in found
        .iter()
        .zip(claimed.iter_mut())
        .filter(|(g, c)| !**c && is_goal(g))
    {
        *claim = true;
        score.false_positives.push(format!(
            "{}: {} (goal without label)",
            labels.fixture, goal.text
        ));
    }
}

/// How a label is named in the lists of misses and errors: its context, or
/// for an offset label the figure and the few chars before it.
fn label_name(text: &str, label: &PositiveLabel) -> String {
    match label.start {
        Some(start) if label.context.is_empty() => {
            let from = start.saturating_sub(8);
            let to = label.end.unwrap_or(start + 1);
            let shown: String = text
                .chars()
                .skip(from)
                .take(to.saturating_sub(from))
                .collect();
            format!("@{start} {shown}")
        }
        _ => label.context.clone(),
    }
}

fn overlaps(indicator: &Indicator, start: usize, end: usize) -> bool {
    indicator.value_start < end && start < indicator.span.end
}

fn covers(indicator: &Indicator, at: usize, value: &str) -> bool {
    indicator.span.start <= at
        && at < indicator.span.end
        && normalize(&indicator.value) == normalize(value)
}

fn compare_fields(found: &Indicator, label: &PositiveLabel, fixture: &str, score: &mut Score) {
    let kind_ok = found.kind.as_str() == label.kind;
    let metric_ok = metrics_agree(&found.metric, &label.metric);
    let unit_ok = normalize(&found.unit) == normalize(&label.unit);
    let qualifier_ok = found.qualifier == label.qualifier;
    score.kind_correct += usize::from(kind_ok);
    score.metric_correct += usize::from(metric_ok);
    score.unit_correct += usize::from(unit_ok);
    score.qualifier_correct += usize::from(qualifier_ok);
    if !(kind_ok && metric_ok && unit_ok && qualifier_ok) {
        score.field_errors.push(format!(
            "{fixture}: {} → metric {:?}/{:?} unit {:?}/{:?} kind {}/{} qualifier {:?}/{:?}",
            if label.context.is_empty() {
                &found.text
            } else {
                &label.context
            },
            found.metric,
            label.metric,
            found.unit,
            label.unit,
            found.kind.as_str(),
            label.kind,
            found.qualifier,
            label.qualifier
        ));
    }
}

/// Metrics agree when equal after normalisation or when one contains the other.
/// Metrics agree when one contains the other and the shorter is at least a
/// third of the longer: "投资" does not pass for "全社会固定资产投资".
fn metrics_agree(found: &str, expected: &str) -> bool {
    let (found, expected) = (normalize(found), normalize(expected));
    let (short, long) = if found.len() <= expected.len() {
        (&found, &expected)
    } else {
        (&expected, &found)
    };
    !short.is_empty()
        && long.contains(short.as_str())
        && short.chars().count() * 3 >= long.chars().count()
}
