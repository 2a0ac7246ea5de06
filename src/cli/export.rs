//! `reportlens export`: a report's notes, read from its sidecar, written as
//! Markdown, CSV or JSON to standard output or to a file that is replaced in
//! one step. The sidecar is only read, never written.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::annotations::notes_file::beside;
use crate::annotations::{data_dir, Annotation, Loaded, NotesFile, PlacementCounts};
use crate::cli::commands::open;
use crate::cli::{exit, Stop};
use crate::export::{self, Format};
use crate::files::Protected;

/// Exports the notes of the report `file` to `output` (or `out`); messages go
/// to `err`. Returns the exit code.
pub fn export_notes(
    file: &Path,
    format: Format,
    output: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    match try_export(file, format, output, out, err) {
        Ok(()) => Ok(exit::OK),
        Err(stop) => {
            writeln!(err, "reportlens: {}", stop.message)?;
            Ok(stop.code)
        }
    }
}

fn try_export(
    file: &Path,
    format: Format,
    output: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Stop> {
    if file.as_os_str() == "-" {
        return Err(Stop::usage(
            "export needs a report file: notes are kept beside the file, so standard input has none"
                .into(),
        ));
    }
    let doc = open(file).map_err(|e| Stop::file(e.to_string()))?;
    // Absolute, so that the sidecar's folder is never "" (recovery files are looked up in it).
    let report = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
    if let Some(output) = output {
        refuse_overwriting_sources(output, &report)?;
    }
    let loaded = NotesFile::open(Some(&report), &doc, &data_dir());
    let annotations = usable_annotations(&report, loaded, err)?;
    let bytes = export::notes_bytes(&doc, &annotations, format)
        .map_err(|e| Stop::file(format!("cannot write the export: {e}")))?;
    match output {
        Some(path) => export::write_replacing(path, &bytes)
            .map_err(|e| Stop::file(format!("cannot write {}: {e}", path.display()))),
        None => out
            .write_all(&bytes)
            .map_err(|e| Stop::file(format!("cannot write output: {e}"))),
    }
}

/// The loaded annotations of the report at `report`, or why there are none
/// to export. Notes kept in a recovery file (because the sidecar is
/// unusable) are exported with a warning.
fn usable_annotations(
    report: &Path,
    loaded: Loaded,
    err: &mut dyn Write,
) -> Result<Vec<Annotation>, Stop> {
    let Loaded {
        notes,
        annotations,
        placement,
    } = loaded;
    let source = notes_source(report, &notes);
    if let Some(diversion) = notes.diversion() {
        let sidecar = source.unwrap_or_else(|| notes.location().path.clone());
        let problem = format!(
            "cannot use the notes in {}: {}; the file was left untouched",
            sidecar.display(),
            diversion.reason
        );
        if !diversion.recovery.exists() {
            return Err(Stop::file(problem));
        }
        warn(
            err,
            &format!(
                "{problem}; exporting the notes saved instead in {}",
                diversion.recovery.display()
            ),
        );
    } else if source.is_none() {
        return Err(Stop::file(format!(
            "no notes for {}: no sidecar at {}",
            report.display(),
            looked_at(report, &notes)
        )));
    }
    if let Some(counts) = placement {
        warn(err, &placement_summary(counts));
    }
    Ok(annotations)
}

/// The sidecar [`NotesFile::open`] read: the one at its location, or one
/// beside a report whose folder cannot be written.
fn notes_source(file: &Path, notes: &NotesFile) -> Option<PathBuf> {
    let location = notes.location();
    if location.path.exists() {
        return Some(location.path.clone());
    }
    beside(file).filter(|path| !location.beside_report && path.exists())
}

/// Where the sidecar was looked for, for the "no notes" message.
fn looked_at(file: &Path, notes: &NotesFile) -> String {
    let location = notes.location();
    match beside(file).filter(|_| !location.beside_report) {
        Some(next_to_report) => format!(
            "{} or {}",
            location.path.display(),
            next_to_report.display()
        ),
        None => location.path.display().to_string(),
    }
}

fn placement_summary(counts: PlacementCounts) -> String {
    format!(
        "the report changed since its notes were saved: {} in place, {} moved, {} matched approximately, {} could not be placed",
        counts.exact, counts.moved, counts.fuzzy, counts.unplaced
    )
}

fn warn(err: &mut dyn Write, message: &str) {
    // A warning that cannot be shown must not stop the export.
    let _ = writeln!(err, "reportlens: warning: {message}");
}

/// Stops before `output` replaces the report or any notes file (its
/// sidecar, the sidecar's backup, a recovery copy the notes may be read from).
fn refuse_overwriting_sources(output: &Path, report: &Path) -> Result<(), Stop> {
    let mut protected = Protected::new();
    protected.add(report, "the report whose notes are exported");
    protected
        .check(output)
        .map_err(|refusal| Stop::usage(refusal.to_string()))
}
