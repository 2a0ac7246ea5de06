//! `reportlens track`: reads report files (and a saved workspace), links each
//! target to the figures later reports give on it, and writes the target
//! table as Markdown, CSV, JSON or an XLSX workbook, to standard output or
//! to a file replaced in one step. A report that cannot be opened is named
//! on standard error and the others are still tracked.

use std::io::Write;
use std::path::Path;

use crate::cli::{exit, Stop, TrackArgs};
use crate::export::{self, TargetsFormat};
use crate::files::protect::same_file;
use crate::files::Protected;
use crate::tracking::workspace::WorkspaceReport;
use crate::tracking::{
    link_targets, summary, OutsideFolder, TrackedReport, Workspace, WorkspaceError,
};

/// Runs `reportlens track`, writing the table to `args.output` (or `out`)
/// and messages to `err`. Returns the exit code.
pub fn track(args: &TrackArgs, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<u8> {
    match try_track(args, out, err) {
        Ok(code) => Ok(code),
        Err(stop) => {
            writeln!(err, "reportlens: {}", stop.message)?;
            Ok(stop.code)
        }
    }
}

fn try_track(args: &TrackArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, Stop> {
    check_arguments(args)?;
    let (workspace, loaded) = workspace_of(args)?;
    check_outputs(args, &workspace)?;
    if let Some(path) = &args.save_workspace {
        save_workspace(&workspace, path, args, loaded.as_ref(), err)?;
    }
    let (reports, errors) = workspace.open_reports();
    for error in &errors {
        tell(err, &error.to_string());
    }
    if reports.is_empty() {
        return Err(Stop::file("none of the reports could be opened".into()));
    }
    let tracked: Vec<TrackedReport> = reports.iter().map(|r| r.tracked.clone()).collect();
    let rows = link_targets(&tracked, &workspace.decisions);
    let bytes = export::targets_bytes(&reports, &rows, args.format)
        .map_err(|e| Stop::file(format!("cannot write the target table: {e}")))?;
    match &args.output {
        Some(path) => {
            export::write_replacing(path, &bytes)
                .map_err(|e| Stop::file(format!("cannot write {}: {e}", path.display())))?;
            tell(err, &format!("{} → {}", summary(&rows), path.display()));
        }
        None => out
            .write_all(&bytes)
            .map_err(|e| Stop::file(format!("cannot write output: {e}")))?,
    }
    Ok(if errors.is_empty() {
        exit::OK
    } else {
        exit::FILE_ERROR
    })
}

/// Stops on arguments that cannot work before anything is read.
fn check_arguments(args: &TrackArgs) -> Result<(), Stop> {
    if args.format == TargetsFormat::Xlsx && args.output.is_none() {
        return Err(Stop::usage(
            "xlsx is a binary workbook and is not written to standard output: name a file with -o, e.g. -o targets.xlsx"
                .into(),
        ));
    }
    if args.files.iter().any(|file| file.as_os_str() == "-") {
        return Err(Stop::usage(
            "track reads report files, not standard input: a workspace names its reports by path"
                .into(),
        ));
    }
    Ok(())
}

/// The saved workspace, if one is given, with `args.files` added to it,
/// and the workspace as read (the base its save merges against).
fn workspace_of(args: &TrackArgs) -> Result<(Workspace, Option<Workspace>), Stop> {
    let outside = if args.allow_outside {
        OutsideFolder::Allow
    } else {
        OutsideFolder::Refuse
    };
    let loaded = match &args.workspace {
        Some(path) => Some(Workspace::load(path, outside).map_err(|e| match e {
            WorkspaceError::OutsideFolder { .. } => {
                Stop::file(format!("{e}: pass --allow-outside to read them"))
            }
            e => Stop::file(e.to_string()),
        })?),
        None => None,
    };
    let mut workspace = loaded.clone().unwrap_or_default();
    for file in &args.files {
        if !workspace.reports.iter().any(|r| same_file(&r.path, file)) {
            workspace.reports.push(WorkspaceReport {
                path: file.clone(),
                info: None,
            });
        }
    }
    if workspace.reports.is_empty() {
        return Err(Stop::usage(
            "no reports to track: name report files, or a workspace that lists some".into(),
        ));
    }
    Ok((workspace, loaded))
}

/// Stops, before anything is written, when an output would replace a
/// report, the workspace read, the other output, or a notes file.
fn check_outputs(args: &TrackArgs, workspace: &Workspace) -> Result<(), Stop> {
    let mut inputs = Protected::new();
    for report in &workspace.reports {
        inputs.add(&report.path, "a report read by this command");
    }
    if let Some(output) = &args.output {
        let mut protected = inputs.clone();
        if let Some(path) = &args.workspace {
            protected.add(path, "the workspace file read by this command");
        }
        if let Some(path) = &args.save_workspace {
            protected.add(path, "the workspace file this command saves");
        }
        protected
            .check(output)
            .map_err(|e| Stop::usage(e.to_string()))?;
    }
    if let Some(path) = &args.save_workspace {
        inputs.check(path).map_err(|e| Stop::usage(e.to_string()))?;
    }
    Ok(())
}

/// Saves the workspace to `path`, merged with what is already there, and
/// says so when the file held reports or decisions this run did not have.
fn save_workspace(
    workspace: &Workspace,
    path: &Path,
    args: &TrackArgs,
    loaded: Option<&Workspace>,
    err: &mut dyn Write,
) -> Result<(), Stop> {
    let base = loaded.filter(|_| {
        args.workspace
            .as_deref()
            .is_some_and(|w| same_file(w, path))
    });
    let saved = workspace
        .save(path, base)
        .map_err(|e| Stop::file(format!("cannot save the workspace: {e}")))?;
    let kept_reports = saved.reports.len() - workspace.reports.len();
    let kept_decisions = saved.decisions.len() - workspace.decisions.len();
    if kept_reports + kept_decisions > 0 {
        tell(
            err,
            &format!(
                "{} already held {kept_reports} other report(s) and {kept_decisions} other decision(s); they were kept",
                path.display()
            ),
        );
    }
    Ok(())
}

fn tell(err: &mut dyn Write, message: &str) {
    // A message that cannot be shown must not stop the table being written.
    let _ = writeln!(err, "reportlens: {message}");
}
