//! A workspace: the reports read together, what the reader set about each
//! (kind, region, issuer, year), and their decisions on links. Saved as a
//! small JSON file (docs/workspace-format.md) with paths relative to it, so
//! that a folder of reports and its workspace can be shared.

use std::fs;
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
    /// The report file, relative to the workspace file when saved.
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

/// Why a workspace file cannot be used.
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

    /// Reads a workspace file; report paths come back relative to the current folder.
    pub fn load(path: &Path) -> Result<Self, WorkspaceError> {
        let bytes = fs::read(path).map_err(|source| WorkspaceError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let invalid = |reason: String| WorkspaceError::Invalid {
            path: path.to_path_buf(),
            reason,
        };
        let mut workspace: Workspace =
            serde_json::from_slice(&bytes).map_err(|e| invalid(e.to_string()))?;
        if workspace.format != FORMAT {
            return Err(invalid(format!("format is {:?}", workspace.format)));
        }
        if workspace.version > VERSION {
            return Err(invalid(format!(
                "version {} is newer than {VERSION}",
                workspace.version
            )));
        }
        let folder = path.parent().unwrap_or(Path::new(""));
        for report in &mut workspace.reports {
            report.path = folder.join(&report.path);
        }
        Ok(workspace)
    }

    /// Writes the workspace to `path` (all or nothing), report paths relative to it.
    pub fn save(&self, path: &Path) -> Result<(), WorkspaceError> {
        // A bare file name lies in the current folder: "" would make every path absolute.
        let folder = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let mut relative = self.clone();
        for report in &mut relative.reports {
            report.path = relative_to(&report.path, folder);
        }
        let mut bytes = serde_json::to_vec_pretty(&relative).unwrap_or_default();
        bytes.push(b'\n');
        crate::atomic_file::write_replacing(path, &bytes).map_err(|source| WorkspaceError::Io {
            path: path.to_path_buf(),
            source,
        })
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

/// A report of the workspace, opened: where it is, its document and its tracking view.
#[derive(Debug, Clone)]
pub struct OpenReport {
    /// Where it was read from.
    pub path: PathBuf,
    /// The document.
    pub doc: Document,
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
            doc,
            tracked,
            edited,
        }
    }
}

/// `path` relative to `folder` when it lies inside it, else as it is (made absolute if possible).
fn relative_to(path: &Path, folder: &Path) -> PathBuf {
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (path, folder) = (absolute(path), absolute(folder));
    path.strip_prefix(&folder)
        .map_or(path.clone(), Path::to_path_buf)
}
