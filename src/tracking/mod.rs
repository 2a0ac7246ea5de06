//! Tracking targets across reports: what each report is ([`report`]), the
//! workspace of reports read together ([`workspace`]) and its file
//! ([`workspace_file`]), linking each target
//! to the figures later reports give on it ([`link`]) and comparing them
//! ([`compare`]). Nothing here knows about the window.

pub mod compare;
mod index;
pub mod link;
pub mod report;
pub mod workspace;
pub mod workspace_file;

pub use compare::{Comparison, TargetStatus};
pub use link::{link_targets, summary, Confidence, IndicatorRef, Link, TargetRow, TrackedReport};
pub use report::{ReportInfo, ReportKind};
pub use workspace::{IndicatorKey, LinkDecision, OpenReport, Verdict, Workspace, WorkspaceError};
pub use workspace_file::OutsideFolder;
