//! Linking each target to the figures later reports give on it: same region,
//! a later report that covers the target's year, and the same metric (as
//! written, through the synonym lexicon, restated in the same line, or by a
//! close name with the same unit). Each link carries its evidence and how
//! sure the match is; the reader's own decisions override the machine's.
//! Each target looks only at the candidates `tracking::index` finds for it, so that
//! linking grows with the number of indicators, not with its square.

use std::cmp::Reverse;
use std::collections::HashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::indicators::normalize::{normalize, normalize_char};
use crate::indicators::{Indicator, Kind};
use crate::tracking::compare::{compare, elapsed_in, is_cap, Comparison, TargetStatus};
use crate::tracking::report::{opening_lines, ReportInfo, ReportKind};
use crate::tracking::workspace::{IndicatorKey, LinkDecision, Verdict};

use crate::tracking::index::{self, ReportIndex, Resolver, WorkspaceIndex};
pub use crate::tracking::index::{LINE_WINDOW, MAX_CLOSE, MAX_NAMED};

/// One report of a workspace, ready to link.
#[derive(Debug, Clone)]
pub struct TrackedReport {
    /// File name, as shown and as decisions name it.
    pub name: String,
    /// Kind, region, issuer and year (detected or set by the reader).
    pub info: ReportInfo,
    /// The report's indicators, in document order; shared, so that cloning
    /// a tracked report (to link it beside the open document) copies none.
    pub indicators: Arc<Vec<Indicator>>,
    /// The block (line) of each indicator.
    pub blocks: Arc<Vec<usize>>,
    /// The page of each indicator, for a report with pages (PDF); all `None` otherwise.
    pub pages: Arc<Vec<Option<u32>>>,
    /// Share of its year the report covers when no period says (上半年: 0.5).
    pub coverage: f64,
}

/// An indicator of a workspace: report index and indicator index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct IndicatorRef {
    /// Index of the report.
    pub report: usize,
    /// Index of the indicator in the report.
    pub indicator: usize,
}

/// How the figure was matched to the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Added by the reader.
    Manual,
    /// The same metric name.
    Exact,
    /// The same metric through the synonym lexicon.
    Synonym,
    /// In the line where the later report restates the target.
    Restated,
    /// A close metric name with the same unit.
    Fuzzy,
}

impl Confidence {
    /// Chinese name.
    pub fn chinese(self) -> &'static str {
        match self {
            Self::Manual => "手动",
            Self::Exact => "同名",
            Self::Synonym => "同义",
            Self::Restated => "同句重述",
            Self::Fuzzy => "近似",
        }
    }
}

/// A figure reported on a target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    /// The reported figure.
    pub actual: IndicatorRef,
    /// How it was matched.
    pub confidence: Confidence,
    /// How it compares with the target.
    pub comparison: Comparison,
    /// Share of the target's year gone when it was reported.
    pub elapsed: f64,
    /// True when the reader confirmed it.
    pub confirmed: bool,
}

/// A target with what later reports say about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetRow {
    /// The target.
    pub target: IndicatorRef,
    /// The year it is for.
    pub year: Option<i32>,
    /// Figures reported on it, the deciding one first.
    pub links: Vec<Link>,
    /// Where it stands.
    pub status: TargetStatus,
    /// Share of the target reached, from the deciding link, if a share applies.
    pub completion: Option<f64>,
    /// The completion the later report states, if it states one.
    pub stated_completion: Option<f64>,
}

impl TrackedReport {
    /// The report `name` with `info`, its indicators, and the block of each.
    pub fn new(
        name: &str,
        info: ReportInfo,
        doc: &crate::document::Document,
        indicators: Vec<Indicator>,
    ) -> Self {
        let blocks: Vec<usize> = indicators
            .iter()
            .map(|i| doc.blocks.partition_point(|b| b.span.end <= i.span.start))
            .collect();
        let pages = indicators
            .iter()
            .map(|i| doc.page_at(i.span.start))
            .collect();
        let coverage = if info.kind == ReportKind::Execution {
            coverage_of(doc)
        } else {
            1.0
        };
        Self {
            name: name.to_string(),
            info,
            indicators: Arc::new(indicators),
            blocks: Arc::new(blocks),
            pages: Arc::new(pages),
            coverage,
        }
    }
}

/// How much of its year an execution report covers, from its title or the
/// opening lines that name the execution (一、上半年计划执行情况); a whole year
/// when they do not say. Other opening lines ("一季度经济开局良好") do not count.
fn coverage_of(doc: &crate::document::Document) -> f64 {
    let title = doc.metadata.title.clone().unwrap_or_default();
    let lines = opening_lines(doc);
    std::iter::once(title)
        .chain(lines)
        .map(|line| normalize(&line))
        .filter(|line| line.contains("执行") || line.contains("完成情况"))
        .find_map(|line| elapsed_in(&line))
        .unwrap_or(1.0)
}

/// Links every target of `reports`, applying the reader's `decisions`.
pub fn link_targets(reports: &[TrackedReport], decisions: &[LinkDecision]) -> Vec<TargetRow> {
    let index = WorkspaceIndex::new(reports);
    let mut rows: Vec<TargetRow> = targets(&index)
        .into_iter()
        .map(|target| {
            let year = target_year(reports, target).or_else(|| inferred_year(&index, target));
            let links = year.map_or_else(Vec::new, |y| machine_links(&index, target, y));
            TargetRow {
                target,
                year,
                links,
                status: TargetStatus::NotReported,
                completion: None,
                stated_completion: None,
            }
        })
        .collect();
    apply_decisions(reports, &mut rows, decisions);
    for row in &mut rows {
        settle(reports, row);
    }
    rows
}

/// Every target, except restatements in an execution report of a target
/// another report of the same region set for the same year.
fn targets(index: &WorkspaceIndex) -> Vec<IndicatorRef> {
    index
        .reports
        .iter()
        .enumerate()
        .flat_map(|(r, report)| {
            report
                .indicators
                .iter()
                .enumerate()
                .filter(|(_, i)| i.kind == Kind::Target)
                .map(move |(i, _)| IndicatorRef {
                    report: r,
                    indicator: i,
                })
        })
        .filter(|&t| !is_restatement(index, t))
        .collect()
}

/// True when `target`, in an execution report, restates a target that a
/// report of its region other than an execution report set for its year.
fn is_restatement(index: &WorkspaceIndex, target: IndicatorRef) -> bool {
    let reports = index.reports;
    if reports[target.report].info.kind != ReportKind::Execution {
        return false;
    }
    let year = target_year(reports, target);
    let restatement = indicator(reports, target);
    index
        .peers(target.report)
        .iter()
        .filter(|&&r| r != target.report && reports[r].info.kind != ReportKind::Execution)
        .any(|&r| {
            let tables = index.report(r);
            let close = tables.close(restatement);
            tables
                .named(restatement)
                .into_iter()
                .chain(close)
                .map(|i| IndicatorRef {
                    report: r,
                    indicator: i,
                })
                .any(|other| {
                    let goal = indicator(reports, other);
                    goal.kind == Kind::Target
                        && target_year(reports, other) == year
                        && restates(goal, restatement)
                })
        })
}

fn indicator(reports: &[TrackedReport], at: IndicatorRef) -> &Indicator {
    &reports[at.report].indicators[at.indicator]
}

/// The year a target is for: the year in its period, else its report's year;
/// none for a multi-year period (十四五).
fn target_year(reports: &[TrackedReport], target: IndicatorRef) -> Option<i32> {
    let period = indicator(reports, target).period.as_deref().unwrap_or("");
    if let Some(year) = year_in(period) {
        return Some(year);
    }
    if period.contains('五') && period.starts_with('十') {
        return None;
    }
    reports[target.report].info.year
}

/// The year of a target whose report names no year and whose period names
/// none either: the year the later reports of its region look back on (a
/// work report, plan or digest of Y on Y-1, an execution report or bulletin
/// on its own year), the earliest if they differ. `None` for a multi-year
/// period (十四五) or when no later report names its year.
fn inferred_year(index: &WorkspaceIndex, target: IndicatorRef) -> Option<i32> {
    let reports = index.reports;
    let period = indicator(reports, target).period.as_deref().unwrap_or("");
    if reports[target.report].info.year.is_some() || period.starts_with('十') {
        return None;
    }
    index
        .peers(target.report)
        .iter()
        .filter(|&&r| r > target.report)
        .filter_map(|&r| {
            let info = &reports[r].info;
            let year = info.year?;
            Some(match info.kind {
                ReportKind::Execution | ReportKind::Other => year,
                ReportKind::WorkReport | ReportKind::Plan | ReportKind::NewsDigest => year - 1,
            })
        })
        .min()
}

/// The first four-digit year followed by 年 (or a space and 年) in `text`.
pub fn year_in(text: &str) -> Option<i32> {
    let chars: Vec<char> = text.chars().filter(|&c| c != ' ').collect();
    chars.windows(5).find_map(|w| {
        (w[..4].iter().all(char::is_ascii_digit) && w[4] == '年')
            .then(|| w[..4].iter().collect::<String>().parse().ok())
            .flatten()
    })
}

/// True when `later`, of the target's region, can report on year `year` of
/// the target: an execution report or a news report of that year or the
/// next (a digest of the next year's work report reviews the year), a work
/// report or plan of the next year, a bulletin of that year.
fn reports_on(later: &ReportInfo, year: i32) -> bool {
    match later.kind {
        ReportKind::Execution | ReportKind::NewsDigest => {
            later.year == Some(year) || later.year == Some(year + 1)
        }
        ReportKind::WorkReport | ReportKind::Plan => later.year == Some(year + 1),
        ReportKind::Other => later.year == Some(year),
    }
}

/// The links the machine finds for `target` in the later reports.
fn machine_links(index: &WorkspaceIndex, target: IndicatorRef, year: i32) -> Vec<Link> {
    let reports = index.reports;
    index
        .peers(target.report)
        .iter()
        .filter(|&&r| r != target.report && reports_on(&reports[r].info, year))
        .flat_map(|&r| links_in(index, target, r, year))
        .collect()
}

/// The links for `target` in the later report `r`, in document order. Close
/// names are only a guess: they are looked for only when the report names
/// the metric nowhere precisely (exact, synonym or restated).
fn links_in(index: &WorkspaceIndex, target: IndicatorRef, r: usize, year: i32) -> Vec<Link> {
    let goal = indicator(index.reports, target);
    let tables = index.report(r);
    let (named, close) = (tables.named(goal), tables.close(goal));
    let restated = restated_figures(tables, goal, &named, &close);
    let seen = index::sorted_union(named, restated.clone());
    let precise: Vec<Link> = figure_links(index.reports, goal, r, &seen, &restated, year);
    if precise.iter().any(|l| l.confidence != Confidence::Fuzzy) {
        return precise
            .into_iter()
            .filter(|l| l.confidence != Confidence::Fuzzy)
            .collect();
    }
    let close: Vec<usize> = close
        .into_iter()
        .filter(|i| seen.binary_search(i).is_err())
        .collect();
    let mut links = precise;
    links.extend(figure_links(
        index.reports,
        goal,
        r,
        &close,
        &restated,
        year,
    ));
    links.sort_by_key(|l| l.actual);
    links
}

/// The links of `goal` to the `candidates` of report `r` that match it;
/// `restated` are the figures of `r` that belong to a restatement of it.
fn figure_links(
    reports: &[TrackedReport],
    goal: &Indicator,
    r: usize,
    candidates: &[usize],
    restated: &[usize],
    year: i32,
) -> Vec<Link> {
    let later = &reports[r].info;
    candidates
        .iter()
        .filter_map(|&i| {
            let figure = &reports[r].indicators[i];
            let restatement = restated.binary_search(&i).is_ok();
            let confidence = figure_confidence(goal, figure, later, restatement, year)?;
            let actual = IndicatorRef {
                report: r,
                indicator: i,
            };
            Some(machine_link(reports, goal, actual, confidence, year))
        })
        .collect()
}

/// How `figure`, of the later report `later`, matches `goal` for `year`, if
/// it does; `restated` when it belongs to a restatement of the goal.
fn figure_confidence(
    goal: &Indicator,
    figure: &Indicator,
    later: &ReportInfo,
    restated: bool,
    year: i32,
) -> Option<Confidence> {
    let restatement = restated.then_some(Confidence::Restated);
    if figure.kind == Kind::Target {
        let its_year = figure.period.as_deref().and_then(year_in).or(later.year);
        restatement.filter(|_| its_year == Some(year))
    } else if reports_year(figure, year, names_year_only(later, year)) {
        metric_match(goal, figure).or(restatement)
    } else {
        None
    }
}

fn machine_link(
    reports: &[TrackedReport],
    goal: &Indicator,
    actual: IndicatorRef,
    confidence: Confidence,
    year: i32,
) -> Link {
    let later = &reports[actual.report];
    let figure = indicator(reports, actual);
    let comparison = if figure.kind == Kind::Target {
        Comparison::NotComparable
    } else {
        compare(goal, figure)
    };
    let elapsed =
        figure
            .period
            .as_deref()
            .and_then(elapsed_in)
            .unwrap_or(if later.info.year == Some(year) {
                later.coverage
            } else {
                1.0
            });
    Link {
        actual,
        confidence,
        comparison,
        elapsed,
        confirmed: false,
    }
}

/// True when only figures that name `year` count: in an execution report of
/// the following year (a work report or plan of the following year reviews
/// the past year without naming it: "过去一年，地区生产总值增长6%").
fn names_year_only(later: &ReportInfo, year: i32) -> bool {
    later.kind == ReportKind::Execution && later.year != Some(year)
}

/// True when `figure` is a reported figure about `year`: not a target,
/// no other year in its period (and `year` itself when `named` is needed, as
/// in an execution report of the next year), not a growth on another base year.
fn reports_year(figure: &Indicator, year: i32, named: bool) -> bool {
    let period_year = figure.period.as_deref().and_then(year_in);
    figure.kind != Kind::Target
        && period_year.map_or(!named, |y| y == year)
        && !compares_with_other_base(&figure.text, year)
}

/// "较2019年同期增长4.9%" measures growth over 2019, not over the year before.
fn compares_with_other_base(text: &str, year: i32) -> bool {
    ["较", "比", "与"].iter().any(|word| {
        text.split(word)
            .skip(1)
            .any(|after| year_in(after).is_some_and(|base| base != year - 1))
    })
}

/// How `goal`'s metric matches `figure`'s, if it does.
pub(crate) fn metric_match(goal: &Indicator, figure: &Indicator) -> Option<Confidence> {
    if goal.metric_key.is_empty() || figure.metric_key.is_empty() {
        return None;
    }
    if same_name(&goal.metric, &figure.metric) {
        return Some(Confidence::Exact);
    }
    if goal.metric_key == figure.metric_key {
        return Some(Confidence::Synonym);
    }
    let same_unit = goal.normalized_unit == figure.normalized_unit;
    (same_unit && close_names(&goal.metric_key, &figure.metric_key)).then_some(Confidence::Fuzzy)
}

/// True when `a` and `b` are the same once normalised (as [`normalize`] gives).
fn same_name(a: &str, b: &str) -> bool {
    a.chars()
        .map(normalize_char)
        .eq(b.chars().map(normalize_char))
}

/// One name inside the other (3 chars at least), or most of their char pairs shared.
fn close_names(a: &str, b: &str) -> bool {
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    if short.chars().count() >= 3 && long.contains(short) {
        return true;
    }
    dice(a, b) >= 0.6
}

fn dice(a: &str, b: &str) -> f64 {
    let pairs = |s: &str| -> Vec<(char, char)> {
        let chars: Vec<char> = s.chars().collect();
        chars.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let (x, y) = (pairs(a), pairs(b));
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    let shared = x.iter().filter(|p| y.contains(p)).count();
    2.0 * shared as f64 / (x.len() + y.len()) as f64
}

/// True when `restatement` says the same target as `goal`: the same metric
/// and the same value (or both without a number).
fn restates(goal: &Indicator, restatement: &Indicator) -> bool {
    let same_value = match (goal.normalized_value, restatement.normalized_value) {
        (Some(a), Some(b)) => (a - b).abs() <= a.abs() * 1e-9,
        (None, None) => true,
        _ => false,
    };
    same_value && metric_match(goal, restatement).is_some()
}

/// Indices of the figures of the later report (its `tables`) that belong
/// to a restatement of `goal` in the same line, ascending, among the
/// restatements `named` or `close` finds, the first [`MAX_NAMED`]; a restatement
/// without figures is itself returned for a goal without a number, as
/// evidence that the report speaks of it.
fn restated_figures(
    tables: &ReportIndex,
    goal: &Indicator,
    named: &[usize],
    close: &[usize],
) -> Vec<usize> {
    let indicators = tables.indicators();
    let found: Vec<usize> = named
        .iter()
        .chain(close)
        .copied()
        .filter(|&r| indicators[r].kind == Kind::Target && restates(goal, &indicators[r]))
        .flat_map(|r| {
            let owned = tables.owned(r);
            if owned.is_empty() && goal.normalized_value.is_none() {
                vec![r]
            } else {
                owned.to_vec()
            }
        })
        .collect();
    let mut found = index::sorted_union(found, Vec::new());
    found.truncate(MAX_NAMED);
    found
}

/// Applies the reader's confirmations, rejections and added links.
fn apply_decisions(reports: &[TrackedReport], rows: &mut [TargetRow], decisions: &[LinkDecision]) {
    let resolver = Resolver::new(reports);
    let row_of: HashMap<IndicatorRef, usize> = rows
        .iter()
        .enumerate()
        .map(|(at, row)| (row.target, at))
        .collect();
    for decision in decisions {
        let (Some(target), Some(actual)) = (
            resolver.resolve(&decision.target),
            resolver.resolve(&decision.actual),
        ) else {
            continue;
        };
        let Some(&at) = row_of.get(&target) else {
            continue;
        };
        apply_decision(reports, &mut rows[at], actual, decision.verdict);
    }
}

/// Applies the reader's `verdict` on the link of `row`'s target to `actual`.
fn apply_decision(
    reports: &[TrackedReport],
    row: &mut TargetRow,
    actual: IndicatorRef,
    verdict: Verdict,
) {
    let existing = row.links.iter().position(|l| l.actual == actual);
    match (verdict, existing) {
        (Verdict::Rejected, Some(at)) => {
            row.links.remove(at);
        }
        (Verdict::Confirmed | Verdict::Added, Some(at)) => row.links[at].confirmed = true,
        // A confirmed link the machine no longer proposes stays, as if added.
        (Verdict::Added | Verdict::Confirmed, None) => {
            let year = row.year.or(reports[actual.report].info.year).unwrap_or(0);
            let goal = indicator(reports, row.target);
            let mut link = machine_link(reports, goal, actual, Confidence::Manual, year);
            link.confirmed = true;
            row.links.push(link);
        }
        _ => {}
    }
}

/// The indicator a saved key names now: same report and text, nearest position.
pub fn resolve(reports: &[TrackedReport], key: &IndicatorKey) -> Option<IndicatorRef> {
    Resolver::new(reports).resolve(key)
}

/// Orders the links (deciding one first) and sets the status and completion.
fn settle(reports: &[TrackedReport], row: &mut TargetRow) {
    row.links.sort_by_key(|link| {
        let year = reports[link.actual.report].info.year.unwrap_or(0);
        (
            link.comparison == Comparison::NotComparable,
            !link.confirmed,
            Reverse(year),
            Reverse((link.elapsed * 1000.0) as i64),
            matches!(link.comparison, Comparison::Stated { .. }),
            link.confidence,
            link.actual,
        )
    });
    let goal = indicator(reports, row.target);
    row.stated_completion = row.links.iter().find_map(|l| match l.comparison {
        Comparison::Stated { share } => Some(share),
        _ => None,
    });
    row.status = match row.links.first() {
        None => TargetStatus::NotReported,
        Some(deciding) => deciding.comparison.status(deciding.elapsed, is_cap(goal)),
    };
    row.completion = row.links.first().and_then(|l| l.comparison.share());
}

/// "6 targets: 2 met, 3 on track, 1 behind".
pub fn summary(rows: &[TargetRow]) -> String {
    let counts: Vec<String> = TargetStatus::ALL
        .iter()
        .filter_map(|status| {
            let count = rows.iter().filter(|r| r.status == *status).count();
            (count > 0).then(|| format!("{count} {}", status.english()))
        })
        .collect();
    format!("{} targets: {}", rows.len(), counts.join(", "))
}

impl TargetRow {
    /// The key of the target, for decisions.
    pub fn target_key(&self, reports: &[TrackedReport]) -> IndicatorKey {
        IndicatorKey::of(reports, self.target)
    }
}

impl Link {
    /// True when the figure is a target restated, not a reported figure.
    pub fn is_restatement(&self, reports: &[TrackedReport]) -> bool {
        indicator(reports, self.actual).kind == Kind::Target
    }
}

impl IndicatorKey {
    /// The key naming the indicator `at`.
    pub fn of(reports: &[TrackedReport], at: IndicatorRef) -> Self {
        let found = indicator(reports, at);
        Self {
            report: reports[at.report].name.clone(),
            start: found.span.start,
            text: found.text.clone(),
        }
    }
}
