//! The lookup tables that keep linking near-linear in the number of
//! indicators: the reports of each region, each report's indicators by
//! normalised name, by metric key and by unit and char pair of the key, the
//! figures each restated target owns in its line, and saved indicator keys
//! by report and text. A target looks at a bounded set of candidates in each
//! later report instead of at every indicator. The bounds sit well above what
//! real reports reach (measured on the fixtures and the 60 reports of the
//! development corpus), so on them the candidates are every indicator the
//! all-pairs search matched, and the links are the same.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hasher};

use crate::indicators::normalize::normalize_char;
use crate::indicators::{Indicator, Kind};
use crate::tracking::workspace::IndicatorKey;

use crate::tracking::link::{metric_match, IndicatorRef, TrackedReport};

/// Most indicators of one report a target considers under its own name, as
/// many under its metric key, and most figures of its restatements it takes
/// there: real reports name one metric at most 12 times. With [`MAX_CLOSE`]
/// (close names are looked for only when nothing else matched), this bounds
/// the links of a target to one report.
pub const MAX_NAMED: usize = 64;

/// Most indicators of one report considered for a close name with the same
/// unit, taken from the rarest char pairs of the key first (a close name
/// shares at least one pair): real reports reach 66.
pub const MAX_CLOSE: usize = 256;

/// Most indicators looked at before a figure, in its line, for the restated
/// target it reports on: the longest line of the real reports holds 57.
pub const LINE_WINDOW: usize = 128;

/// The tables of every report of a workspace, built once per linking.
pub struct WorkspaceIndex<'a> {
    /// The reports.
    pub reports: &'a [TrackedReport],
    /// The tables of each report, made when first asked.
    tables: Vec<OnceCell<ReportIndex<'a>>>,
    /// The reports of each known region, ascending.
    regions: Vec<Vec<usize>>,
    /// The position in `regions` of each report's region; None when unknown.
    region_of: Vec<Option<usize>>,
}

impl<'a> WorkspaceIndex<'a> {
    /// Indexes `reports`.
    pub fn new(reports: &'a [TrackedReport]) -> Self {
        let mut positions: HashMap<String, usize> = HashMap::new();
        let mut regions: Vec<Vec<usize>> = Vec::new();
        let mut region_of = Vec::with_capacity(reports.len());
        for (r, report) in reports.iter().enumerate() {
            let key = report.info.region_key();
            if key.is_empty() {
                region_of.push(None);
                continue;
            }
            let at = *positions.entry(key).or_insert_with(|| {
                regions.push(Vec::new());
                regions.len() - 1
            });
            regions[at].push(r);
            region_of.push(Some(at));
        }
        join_unknown_regions(&mut regions, &mut region_of);
        Self {
            reports,
            tables: reports.iter().map(|_| OnceCell::new()).collect(),
            regions,
            region_of,
        }
    }

    /// The reports of report `r`'s region, `r` included, ascending; none
    /// when its region is unknown (and the workspace holds several).
    pub fn peers(&self, r: usize) -> &[usize] {
        self.region_of[r].map_or(&[], |at| &self.regions[at])
    }

    /// The tables of report `r`, made on first use: a report no target
    /// looks into is never indexed.
    pub fn report(&self, r: usize) -> &ReportIndex<'a> {
        self.tables[r].get_or_init(|| ReportIndex::new(&self.reports[r]))
    }
}

/// Reports that do not say their region (an excerpt that starts "今年我区…")
/// are taken to be of the workspace's one region when the others share one,
/// and of one region together when no report names any. With several known
/// regions they stay unknown: a guess could link one province's target to
/// another's figure.
fn join_unknown_regions(regions: &mut Vec<Vec<usize>>, region_of: &mut [Option<usize>]) {
    if regions.len() > 1 {
        return;
    }
    if regions.is_empty() {
        regions.push(Vec::new());
    }
    for (r, region) in region_of.iter_mut().enumerate() {
        if region.is_none() {
            *region = Some(0);
            regions[0].push(r);
        }
    }
    regions[0].sort_unstable();
}

/// The tables of one report.
pub struct ReportIndex<'a> {
    /// The report's indicators.
    indicators: &'a [Indicator],
    /// The block (line) of each indicator.
    blocks: &'a [usize],
    /// Indicators with a metric key, by a hash of the normalised metric name.
    by_name: HashMap<u64, Vec<usize>>,
    /// Indicators with a metric key, by key.
    by_key: HashMap<&'a str, Vec<usize>>,
    /// Indicators by normalised unit and each distinct char pair of the key.
    by_pair: HashMap<(&'a str, char, char), Vec<usize>>,
    /// The figures each restated target owns in its line, made when first asked.
    owned: OnceCell<HashMap<usize, Vec<usize>>>,
}

impl<'a> ReportIndex<'a> {
    /// Indexes the indicators of `report`.
    fn new(report: &'a TrackedReport) -> Self {
        let mut index = Self {
            indicators: &report.indicators,
            blocks: &report.blocks,
            by_name: HashMap::new(),
            by_key: HashMap::new(),
            by_pair: HashMap::new(),
            owned: OnceCell::new(),
        };
        for (i, indicator) in report.indicators.iter().enumerate() {
            if !indicator.metric_key.is_empty() {
                index.add(i, indicator);
            }
        }
        index
    }

    /// Files indicator `i` under its name, key and char pairs.
    fn add(&mut self, i: usize, indicator: &'a Indicator) {
        let name = name_hash(&indicator.metric);
        self.by_name.entry(name).or_default().push(i);
        let key = indicator.metric_key.as_str();
        self.by_key.entry(key).or_default().push(i);
        for (a, b) in distinct_pairs(key) {
            let unit = indicator.normalized_unit.as_str();
            self.by_pair.entry((unit, a, b)).or_default().push(i);
        }
    }

    /// The indicators that may share `goal`'s metric name or key: the first
    /// [`MAX_NAMED`] of each, ascending.
    pub fn named(&self, goal: &Indicator) -> Vec<usize> {
        if goal.metric_key.is_empty() {
            return Vec::new();
        }
        let by_name = self.by_name.get(&name_hash(&goal.metric));
        let by_key = self.by_key.get(goal.metric_key.as_str());
        let firsts = |list: Option<&'_ Vec<usize>>| {
            list.into_iter()
                .flatten()
                .take(MAX_NAMED)
                .copied()
                .collect::<Vec<_>>()
        };
        sorted_union(firsts(by_name), firsts(by_key))
    }

    /// The indicators with `goal`'s unit whose key shares a char pair with
    /// its key, rarest pairs first, at most [`MAX_CLOSE`], ascending: every
    /// close name is among them unless the cap cut them off.
    pub fn close(&self, goal: &Indicator) -> Vec<usize> {
        let unit = goal.normalized_unit.as_str();
        let mut lists: Vec<&Vec<usize>> = distinct_pairs(&goal.metric_key)
            .filter_map(|(a, b)| self.by_pair.get(&(unit, a, b)))
            .collect();
        lists.sort_by_key(|list| list.len());
        let found: Vec<usize> = lists
            .into_iter()
            .flatten()
            .copied()
            .take(MAX_CLOSE)
            .collect();
        sorted_union(found, Vec::new())
    }

    /// The report's indicators.
    pub fn indicators(&self) -> &'a [Indicator] {
        self.indicators
    }

    /// The figures of the line that report on the restated target `r`.
    pub fn owned(&self, r: usize) -> &[usize] {
        let owned = self.owned.get_or_init(|| self.owned_by_target());
        owned.get(&r).map_or(&[], Vec::as_slice)
    }

    /// The figures each restated target owns, from the owner of every
    /// indicator in document order (a stated completion takes its figure's).
    fn owned_by_target(&self) -> HashMap<usize, Vec<usize>> {
        let mut owners: Vec<Option<usize>> = Vec::with_capacity(self.indicators.len());
        let mut owned: HashMap<usize, Vec<usize>> = HashMap::new();
        for i in 0..self.indicators.len() {
            let owner = self.owner(i, &owners);
            if let Some(target) = owner {
                owned.entry(target).or_default().push(i);
            }
            owners.push(owner);
        }
        owned
    }

    /// The restated target in the same line that figure `i` reports on,
    /// given the owner of each indicator before it: the nearest one before it
    /// with the same metric and unit, else the same unit, else the same
    /// metric, else the nearest; a stated completion follows the figure
    /// before it. Looks back [`LINE_WINDOW`] indicators at most.
    fn owner(&self, i: usize, owners: &[Option<usize>]) -> Option<usize> {
        let figure = &self.indicators[i];
        if figure.kind == Kind::Target {
            return None;
        }
        let before: Vec<usize> = (i.saturating_sub(LINE_WINDOW)..i)
            .rev()
            .take_while(|&k| self.blocks[k] == self.blocks[i])
            .collect();
        let is_target = |k: usize| self.indicators[k].kind == Kind::Target;
        if figure.kind == Kind::Completion {
            if let Some(&previous) = before.iter().find(|&&k| !is_target(k)) {
                return owners[previous];
            }
        }
        let restatements: Vec<usize> = before.into_iter().filter(|&k| is_target(k)).collect();
        let unit = |k: usize| self.indicators[k].normalized_unit == figure.normalized_unit;
        let metric = |k: usize| metric_match(&self.indicators[k], figure).is_some();
        restatements
            .iter()
            .find(|&&k| unit(k) && metric(k))
            .or_else(|| restatements.iter().find(|&&k| unit(k)))
            .or_else(|| restatements.iter().find(|&&k| metric(k)))
            .or_else(|| restatements.first())
            .copied()
    }
}

/// A hash of `metric` as [`crate::indicators::normalize::normalize`] gives it, without making that string
/// (names that collide only add candidates).
fn name_hash(metric: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    metric
        .chars()
        .map(normalize_char)
        .for_each(|c| hasher.write_u32(c as u32));
    hasher.finish()
}

/// The distinct pairs of neighbouring chars of `key`.
fn distinct_pairs(key: &str) -> impl Iterator<Item = (char, char)> {
    let mut pairs: Vec<(char, char)> = key.chars().zip(key.chars().skip(1)).collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs.into_iter()
}

/// `a` and `b` merged, ascending, without repeats.
pub fn sorted_union(mut a: Vec<usize>, b: Vec<usize>) -> Vec<usize> {
    a.extend(b);
    a.sort_unstable();
    a.dedup();
    a
}

/// Saved indicator keys to indicators: reports by name, and each report's
/// indicators by text, indexed when first asked.
pub struct Resolver<'a> {
    /// The reports.
    reports: &'a [TrackedReport],
    /// The first report of each name.
    by_name: HashMap<&'a str, usize>,
    /// Each report's indicators by text, ascending.
    by_text: Vec<OnceCell<HashMap<&'a str, Vec<usize>>>>,
}

impl<'a> Resolver<'a> {
    /// A resolver over `reports`.
    pub fn new(reports: &'a [TrackedReport]) -> Self {
        let mut by_name = HashMap::new();
        for (r, report) in reports.iter().enumerate() {
            by_name.entry(report.name.as_str()).or_insert(r);
        }
        Self {
            reports,
            by_name,
            by_text: reports.iter().map(|_| OnceCell::new()).collect(),
        }
    }

    /// The indicator `key` names now: same report and text, nearest position.
    pub fn resolve(&self, key: &IndicatorKey) -> Option<IndicatorRef> {
        let report = *self.by_name.get(key.report.as_str())?;
        let reports: &'a [TrackedReport] = self.reports;
        let indicators: &'a [Indicator] = &reports[report].indicators;
        let texts = self.by_text[report].get_or_init(|| {
            let mut texts: HashMap<&str, Vec<usize>> = HashMap::new();
            for (i, indicator) in indicators.iter().enumerate() {
                texts.entry(indicator.text.as_str()).or_default().push(i);
            }
            texts
        });
        let indicator = *texts
            .get(key.text.as_str())?
            .iter()
            .min_by_key(|&&i| indicators[i].span.start.abs_diff(key.start))?;
        Some(IndicatorRef { report, indicator })
    }
}
