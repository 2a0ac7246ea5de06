//! A workspace: the reports read together, what the reader set about each
//! (kind, region, issuer, year), and their decisions on links. Saved as a
//! small JSON file (docs/workspace-format.md) with paths relative to it, so
//! that a folder of reports and its workspace can be shared.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::document::Document;
use crate::error::LoadError;
use crate::indicators::Extractor;
use crate::tracking::link::TrackedReport;
use crate::tracking::report::ReportInfo;

/// The `format` field of a workspace file.
pub const FORMAT: &str = "reportlens-workspace";
/// The version this build writes and the newest it reads.
pub const VERSION: u32 = 1;

/// An indicator named so that the name survives re-extraction: its report's
/// file name, its text and where it started.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct IndicatorKey {
    /// The report's file name.
    pub report: String,
    /// Char offset where the indicator started.
    pub start: usize,
    /// The indicator's text.
    pub text: String,
}

/// What the reader decided about a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The machine's link is right.
    Confirmed,
    /// The machine's link is wrong.
    Rejected,
    /// A link the machine did not find.
    Added,
}

/// One decision on the link between a target and a reported figure.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LinkDecision {
    /// The target.
    pub target: IndicatorKey,
    /// The reported figure.
    pub actual: IndicatorKey,
    /// Confirmed, rejected or added.
    pub verdict: Verdict,
}

/// A report of the workspace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkspaceReport {
    /// The report file, relative to the workspace file when saved. A name
    /// that is not UTF-8 (GBK names from archives made on Chinese Windows)
    /// is kept as its bytes (see docs/workspace-format.md).
    #[serde(with = "crate::tracking::workspace_file::path_serde")]
    pub path: PathBuf,
    /// Kind, region, issuer and year as the reader set them; detected when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub info: Option<ReportInfo>,
}

/// The workspace file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    /// Always [`FORMAT`].
    pub format: String,
    /// The format version.
    pub version: u32,
    /// The reports, in the order they were added.
    pub reports: Vec<WorkspaceReport>,
    /// The reader's decisions on links.
    #[serde(default)]
    pub decisions: Vec<LinkDecision>,
}

impl Default for Workspace {
    fn default() -> Self {
        Self {
            format: FORMAT.into(),
            version: VERSION,
            reports: Vec::new(),
            decisions: Vec::new(),
        }
    }
}

/// Why a workspace file cannot be read or written.
#[derive(Debug, Error)]
pub enum WorkspaceError {
    /// It cannot be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The workspace file.
        path: PathBuf,
        /// What went wrong.
        source: io::Error,
    },
    /// It is not a workspace file of a version this build reads.
    #[error("{path}: not a ReportLens workspace ({reason})")]
    Invalid {
        /// The workspace file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// It names reports outside its own folder, which are read only when allowed.
    #[error("{path} names {} outside its folder ({}), read only when allowed; nothing was read", plural_reports(.reports.len()), list_paths(.reports))]
    OutsideFolder {
        /// The workspace file.
        path: PathBuf,
        /// The reports outside its folder.
        reports: Vec<PathBuf>,
    },
    /// Another program is saving it.
    #[error(transparent)]
    Locked(#[from] crate::files::LockError),
    /// The path to save to is protected (a report, a notes file).
    #[error(transparent)]
    Refused(#[from] crate::files::Refusal),
}

fn plural_reports(count: usize) -> String {
    if count == 1 {
        "a report".into()
    } else {
        format!("{count} reports")
    }
}

fn list_paths(paths: &[PathBuf]) -> String {
    let shown: Vec<String> = paths
        .iter()
        .take(3)
        .map(|p| p.display().to_string())
        .collect();
    let more = paths.len().saturating_sub(shown.len());
    match more {
        0 => shown.join(", "),
        _ => format!("{}, and {more} more", shown.join(", ")),
    }
}

impl Workspace {
    /// A workspace of `paths`, each detected.
    pub fn of(paths: &[PathBuf]) -> Self {
        Self {
            reports: paths
                .iter()
                .map(|path| WorkspaceReport {
                    path: path.clone(),
                    info: None,
                })
                .collect(),
            ..Self::default()
        }
    }

    /// Keeps what the reader set in `previous` (a workspace of the same
    /// reports opened again): the identity of each report with the same path,
    /// and every decision on links.
    pub fn carry_over(&mut self, previous: &Workspace) {
        let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
        for report in &mut self.reports {
            let earlier = previous
                .reports
                .iter()
                .find(|r| absolute(&r.path) == absolute(&report.path));
            if let Some(info) = earlier.and_then(|r| r.info.clone()) {
                report.info.get_or_insert(info);
            }
        }
        for decision in &previous.decisions {
            if !self.decisions.contains(decision) {
                self.decisions.push(decision.clone());
            }
        }
    }

    /// Records `decision`, replacing any earlier one on the same link.
    pub fn decide(&mut self, decision: LinkDecision) {
        self.decisions
            .retain(|d| !(d.target == decision.target && d.actual == decision.actual));
        self.decisions.push(decision);
    }

    /// Opens and extracts every report; the ones that cannot be opened come back as errors.
    pub fn open_reports(&self) -> (Vec<OpenReport>, Vec<LoadError>) {
        let mut opened = Vec::new();
        let mut errors = Vec::new();
        for entry in &self.reports {
            match Document::open(&entry.path) {
                Ok(doc) => {
                    opened.push(OpenReport::new(entry.path.clone(), doc, entry.info.clone()))
                }
                Err(error) => errors.push(error),
            }
        }
        tell_apart_same_names(&mut opened);
        (opened, errors)
    }
}

/// Reports of the same file name in different folders are named with their
/// folder ("2024/政府工作报告.txt"), else with their whole path, so that they
/// are told apart on screen, in exports and in decision keys.
fn tell_apart_same_names(reports: &mut [OpenReport]) {
    let shared = |reports: &[OpenReport], name: &str| {
        reports.iter().filter(|r| r.tracked.name == name).count() > 1
    };
    let with_folder: Vec<Option<String>> = reports
        .iter()
        .map(|r| {
            shared(reports, &r.tracked.name).then(|| {
                let folder = r.path.parent().and_then(|p| p.file_name());
                match folder {
                    Some(folder) => format!("{}/{}", folder.to_string_lossy(), r.tracked.name),
                    None => r.path.display().to_string(),
                }
            })
        })
        .collect();
    for (report, name) in reports.iter_mut().zip(with_folder) {
        if let Some(name) = name {
            report.tracked.name = name;
        }
    }
    let whole_paths: Vec<bool> = reports
        .iter()
        .map(|r| shared(reports, &r.tracked.name))
        .collect();
    for (report, clash) in reports.iter_mut().zip(whole_paths) {
        if clash {
            report.tracked.name = report.path.display().to_string();
        }
    }
}

/// A report of the workspace, opened: where it is and its tracking view
/// (the document itself is not kept: a workspace of many large reports
/// holds only their indicators and blocks).
#[derive(Debug, Clone)]
pub struct OpenReport {
    /// Where it was read from.
    pub path: PathBuf,
    /// Its identity and indicators, for linking.
    pub tracked: TrackedReport,
    /// True when the reader set its identity rather than detection.
    pub edited: bool,
}

impl OpenReport {
    /// Extracts `doc` and detects its identity unless `info` is given.
    pub fn new(path: PathBuf, doc: Document, info: Option<ReportInfo>) -> Self {
        let edited = info.is_some();
        let info = info.unwrap_or_else(|| ReportInfo::detect(&doc));
        let indicators = Extractor::shared().extract(&doc);
        let tracked = TrackedReport::new(&doc.name, info, &doc, indicators);
        Self {
            path,
            tracked,
            edited,
        }
    }
}
