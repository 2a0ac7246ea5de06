//! `reportlens track`: reads report files (and a saved workspace), links each
//! target to the figures later reports give on it, and writes the target
//! table as Markdown, CSV, JSON or an XLSX workbook, to standard output or
//! to a file replaced in one step. A report that cannot be opened is named
//! on standard error and the others are still tracked.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::{exit, Stop, TrackArgs};
use crate::export::{self, TargetsFormat};
use crate::tracking::workspace::WorkspaceReport;
use crate::tracking::{link_targets, summary, TrackedReport, Workspace};

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
    let workspace = workspace_of(args)?;
    if let Some(output) = &args.output {
        refuse_overwriting_sources(output, args, &workspace)?;
    }
    if let Some(path) = &args.save_workspace {
        workspace
            .save(path)
            .map_err(|e| Stop::file(e.to_string()))?;
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

/// The saved workspace, if one is given, with `args.files` added to it.
fn workspace_of(args: &TrackArgs) -> Result<Workspace, Stop> {
    let mut workspace = match &args.workspace {
        Some(path) => Workspace::load(path).map_err(|e| Stop::file(e.to_string()))?,
        None => Workspace::default(),
    };
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
    Ok(workspace)
}

/// Stops before `output` replaces a report or a workspace file.
fn refuse_overwriting_sources(
    output: &Path,
    args: &TrackArgs,
    workspace: &Workspace,
) -> Result<(), Stop> {
    let sources: Vec<&PathBuf> = workspace
        .reports
        .iter()
        .map(|r| &r.path)
        .chain(&args.workspace)
        .chain(&args.save_workspace)
        .collect();
    if sources.iter().any(|source| same_file(source, output)) {
        return Err(Stop::usage(format!(
            "will not write the table over {}: it is a report or the workspace",
            output.display()
        )));
    }
    Ok(())
}

/// True when `a` and `b` name the same file: the same path, or the same file once resolved.
fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || matches!(
            (fs::canonicalize(a), fs::canonicalize(b)),
            (Ok(a), Ok(b)) if a == b
        )
}

fn tell(err: &mut dyn Write, message: &str) {
    // A message that cannot be shown must not stop the table being written.
    let _ = writeln!(err, "reportlens: {message}");
}
