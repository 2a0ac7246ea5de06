//! The open workspace as the window holds it: the reports, their links, the
//! filters of the targets table and the targets chosen for the chart; the
//! reader's edits (report identity, link decisions) are saved to the
//! workspace file at once.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::gui::targets::loader::OpenedWorkspace;
use crate::gui::Language;
use crate::indicators::{Category, Indicator};
use crate::tracking::{
    link_targets, IndicatorKey, IndicatorRef, LinkDecision, OpenReport, OutsideFolder, ReportInfo,
    TargetRow, TargetStatus, TrackedReport, Verdict, Workspace,
};

/// The targets table's filters.
#[derive(Default)]
pub struct TargetsFilter {
    /// Only this status, if set.
    pub status: Option<TargetStatus>,
    /// Only this category, if set.
    pub category: Option<Category>,
    /// Only targets set by this report (index), if set.
    pub report: Option<usize>,
}

/// A column the targets table can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TargetSort {
    /// Source report, then position in it.
    #[default]
    Source,
    /// Metric name.
    Metric,
    /// Completion share.
    Completion,
    /// Status, best first.
    Status,
}

/// The workspace shown in the targets view.
pub struct TargetsState {
    /// The workspace file's contents.
    pub workspace: Workspace,
    /// Where the workspace is saved.
    pub file: PathBuf,
    /// The workspace file as last read or written: what a save merges against.
    pub(crate) on_disk: Option<Workspace>,
    /// The reports that could be opened.
    pub reports: Vec<OpenReport>,
    tracked: Vec<TrackedReport>,
    /// One row per target.
    pub rows: Vec<TargetRow>,
    /// Reports that could not be opened, and failed saves.
    pub problems: Vec<String>,
    /// The table's filters.
    pub filter: TargetsFilter,
    /// The sort column, and true for descending.
    pub sort: (TargetSort, bool),
    /// Targets drawn in the chart.
    pub charted: BTreeSet<IndicatorRef>,
    /// The target whose "add link" list is open, and its search text.
    pub adding: Option<(IndicatorRef, String)>,
}

impl TargetsState {
    /// The state of a freshly opened workspace, linked.
    pub fn new(opened: OpenedWorkspace) -> Self {
        let tracked = opened.reports.iter().map(|r| r.tracked.clone()).collect();
        let mut state = Self {
            workspace: opened.workspace,
            on_disk: opened.on_disk,
            file: opened.file,
            reports: opened.reports,
            tracked,
            rows: Vec::new(),
            problems: opened.errors.iter().map(ToString::to_string).collect(),
            filter: TargetsFilter::default(),
            sort: (TargetSort::Source, false),
            charted: BTreeSet::new(),
            adding: None,
        };
        state.relink();
        state
    }

    /// The reports as linked.
    pub fn tracked(&self) -> &[TrackedReport] {
        &self.tracked
    }

    /// The indicator `at`.
    pub fn indicator(&self, at: IndicatorRef) -> &Indicator {
        &self.tracked[at.report].indicators[at.indicator]
    }

    /// Indices of the rows the filters keep, in the sort order.
    pub fn visible_rows(&self) -> Vec<usize> {
        let mut visible = self.filtered_rows();
        let (column, descending) = self.sort;
        visible.sort_by(|&a, &b| {
            let (x, y) = (&self.rows[a], &self.rows[b]);
            let order = match column {
                TargetSort::Source => x.target.cmp(&y.target),
                TargetSort::Metric => self
                    .indicator(x.target)
                    .metric
                    .cmp(&self.indicator(y.target).metric),
                TargetSort::Completion => x
                    .completion
                    .unwrap_or(-1.0)
                    .total_cmp(&y.completion.unwrap_or(-1.0)),
                TargetSort::Status => x.status.cmp(&y.status),
            };
            if descending {
                order.reverse()
            } else {
                order
            }
        });
        visible
    }

    fn filtered_rows(&self) -> Vec<usize> {
        (0..self.rows.len())
            .filter(|&i| {
                let row = &self.rows[i];
                let target = self.indicator(row.target);
                self.filter.status.is_none_or(|s| row.status == s)
                    && self.filter.category.is_none_or(|c| target.category == c)
                    && self.filter.report.is_none_or(|r| row.target.report == r)
            })
            .collect()
    }

    /// Where the target at char `start` of the report at `path` stands
    /// ("进度正常 · 63.53%"); None when it is not a target of the workspace.
    pub fn progress_of(&self, path: &Path, start: usize, language: Language) -> Option<String> {
        let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
        let path = absolute(path);
        let report = self
            .reports
            .iter()
            .position(|r| absolute(&r.path) == path)?;
        let row = self.rows.iter().find(|row| {
            row.target.report == report && self.indicator(row.target).span.start == start
        })?;
        let status = language.target_status(row.status);
        Some(match row.completion.or(row.stated_completion) {
            Some(share) => format!("{status} · {:.2}%", share * 100.0),
            None => status.to_string(),
        })
    }

    /// Sets what report `index` is, relinks and saves.
    pub fn set_info(&mut self, index: usize, info: ReportInfo) {
        let Some(report) = self.reports.get_mut(index) else {
            return;
        };
        report.tracked.info = info.clone();
        report.edited = true;
        if let Some(entry) = self
            .workspace
            .reports
            .iter_mut()
            .find(|e| e.path == report.path)
        {
            entry.info = Some(info.clone());
        }
        self.tracked[index].info = info;
        self.relink();
        self.save();
    }

    /// Records the reader's verdict on the link from `target` to `actual`, relinks and saves.
    pub fn decide(&mut self, target: IndicatorRef, actual: IndicatorRef, verdict: Verdict) {
        self.workspace.decide(LinkDecision {
            target: IndicatorKey::of(&self.tracked, target),
            actual: IndicatorKey::of(&self.tracked, actual),
            verdict,
        });
        self.relink();
        self.save();
    }

    /// Writes the workspace file, keeping what another program saved in it
    /// meanwhile (and taking it in); a failure is listed among the problems.
    pub fn save(&mut self) {
        if let Some(folder) = self.file.parent() {
            // A failure to create it shows as the save's own error just below.
            let _ = std::fs::create_dir_all(folder);
        }
        match self.workspace.save(&self.file, self.on_disk.as_ref()) {
            Ok(saved) => {
                let changed_elsewhere = saved != self.workspace;
                self.on_disk = Some(saved.clone());
                if changed_elsewhere {
                    self.workspace = saved;
                    self.relink();
                }
            }
            Err(error) => self.problems.push(error.to_string()),
        }
    }

    /// Saves the workspace to `file` from now on, replacing what is there.
    pub fn save_as(&mut self, file: PathBuf) {
        self.on_disk = Workspace::load(&file, OutsideFolder::Allow).ok();
        self.file = file;
        self.save();
    }

    fn relink(&mut self) {
        self.rows = link_targets(&self.tracked, &self.workspace.decisions);
        let rows = &self.rows;
        self.charted.retain(|t| rows.iter().any(|r| r.target == *t));
    }
}
