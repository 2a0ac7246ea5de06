//! Measuring tracking against hand-checked pairs (`pairs.json` beside the
//! label files): each pair names a report with targets and a later report
//! with results, and for each target the figure that reports on it (by char
//! offsets) and its status, or that nothing does. A reported target is right
//! when its deciding link is to the labelled figure with the labelled status;
//! an unreported one is right when it is given no link at all.

use std::path::Path;

use serde::Deserialize;

use crate::tracking::{link_targets, TargetRow, TargetStatus, TrackedReport, Workspace};

/// The pairs of a corpus.
#[derive(Debug, Deserialize)]
pub struct PairsFile {
    /// Each (targets, results) pair.
    pub pairs: Vec<PairLabel>,
}

/// One pair of reports and what links an analyst gives between them.
#[derive(Debug, Deserialize)]
pub struct PairLabel {
    /// Short name ("P1").
    pub pair: String,
    /// File holding the targets.
    pub targets: String,
    /// Later file holding the results.
    pub results: String,
    /// Each target and its result.
    pub links: Vec<LinkLabel>,
}

/// A target and the figure that reports on it.
#[derive(Debug, Deserialize)]
pub struct LinkLabel {
    /// The target figure.
    pub target: FigureLabel,
    /// The figure reporting on it, if the later report has one.
    pub result: Option<FigureLabel>,
    /// Where the target stands.
    pub status: TargetStatus,
}

/// A figure by char offsets of its value and unit.
#[derive(Debug, Deserialize)]
pub struct FigureLabel {
    /// First char.
    pub start: usize,
    /// Char after the last.
    pub end: usize,
}

/// Tracking accuracy over pairs.
#[derive(Debug, Default)]
pub struct PairScore {
    /// Reported targets linked to the right figure with the right status.
    pub linked_right: usize,
    /// Reported targets.
    pub reported: usize,
    /// Unreported targets given no link.
    pub silent_right: usize,
    /// Unreported targets.
    pub unreported: usize,
    /// One line per target that went wrong.
    pub errors: Vec<String>,
}

impl PairScore {
    /// The two figures on one line.
    pub fn summary(&self) -> String {
        format!(
            "reported targets linked right {} of {}; unreported targets left unlinked {} of {}",
            self.linked_right, self.reported, self.silent_right, self.unreported
        )
    }
}

/// Scores tracking on the pairs in `labels_folder/pairs.json`, reading the
/// reports from `reports`; `Ok(None)` when there is no pairs file.
pub fn score_pairs(reports: &Path, labels_folder: &Path) -> Result<Option<PairScore>, String> {
    let path = labels_folder.join("pairs.json");
    if !path.exists() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let file: PairsFile =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut score = PairScore::default();
    for pair in &file.pairs {
        score_pair(reports, pair, &mut score)?;
    }
    Ok(Some(score))
}

fn score_pair(reports: &Path, pair: &PairLabel, score: &mut PairScore) -> Result<(), String> {
    let workspace = Workspace::of(&[reports.join(&pair.targets), reports.join(&pair.results)]);
    let (opened, errors) = workspace.open_reports();
    if let Some(error) = errors.first() {
        return Err(error.to_string());
    }
    let tracked: Vec<TrackedReport> = opened.into_iter().map(|r| r.tracked).collect();
    let rows = link_targets(&tracked, &[]);
    for label in &pair.links {
        let row = rows.iter().find(|row| {
            row.target.report == 0 && covers(&tracked[0], row.target.indicator, &label.target)
        });
        match &label.result {
            Some(result) => {
                score.reported += 1;
                match judge_reported(&tracked, row, result, label.status) {
                    Ok(()) => score.linked_right += 1,
                    Err(why) => score
                        .errors
                        .push(format!("{} @{}: {why}", pair.pair, label.target.start)),
                }
            }
            None => {
                score.unreported += 1;
                match row.filter(|r| !r.links.is_empty()) {
                    None => score.silent_right += 1,
                    Some(r) => score.errors.push(format!(
                        "{} @{}: unreported, but linked ({:?})",
                        pair.pair, label.target.start, r.status
                    )),
                }
            }
        }
    }
    Ok(())
}

/// `Ok` when `row` exists and its deciding link is to `result` with `status`.
fn judge_reported(
    tracked: &[TrackedReport],
    row: Option<&TargetRow>,
    result: &FigureLabel,
    status: TargetStatus,
) -> Result<(), String> {
    let row = row.ok_or("the target was not found as a target")?;
    let link = row
        .links
        .first()
        .ok_or(format!("no link (status {:?})", row.status))?;
    let report = tracked
        .get(link.actual.report)
        .ok_or("link to a missing report")?;
    if link.actual.report == 0 || !covers(report, link.actual.indicator, result) {
        let linked = report
            .indicators
            .get(link.actual.indicator)
            .map(|i| i.text.clone());
        return Err(format!("linked to another figure: {linked:?}"));
    }
    if row.status != status {
        return Err(format!("status {:?}, labelled {status:?}", row.status));
    }
    Ok(())
}

/// True when indicator `index` of `report` overlaps the labelled figure.
fn covers(report: &TrackedReport, index: usize, figure: &FigureLabel) -> bool {
    report
        .indicators
        .get(index)
        .is_some_and(|i| i.value_start < figure.end && figure.start < i.span.end)
}
