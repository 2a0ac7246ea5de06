//! Running a parsed command: load, extract, print (export lives in `export.rs`).

use std::io::Write;
use std::path::Path;

use crate::cli::export::export_notes;
use crate::cli::track::track;
use crate::cli::{exit, Command};
use crate::document::{load, Document, OutlineNode};
use crate::error::LoadError;
use crate::export::{self, Format, IndicatorRecord};
use crate::indicators::Extractor;

/// Runs `command`, writing results to `out` and messages to `err`; returns the exit code.
pub fn run(command: &Command, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let result = match command {
        Command::Extract { files, format } => extract(files, *format, out, err),
        Command::Outline { file, json } => outline(file, *json, out, err),
        Command::Export {
            file,
            format,
            output,
        } => export_notes(file, *format, output.as_deref(), out, err),
        Command::Track(args) => track(args, out, err),
    };
    result.unwrap_or_else(|e| {
        let _ = writeln!(err, "reportlens: cannot write output: {e}");
        exit::FILE_ERROR
    })
}

/// Opens a report, or reads standard input for "-".
pub fn open(path: &Path) -> Result<Document, LoadError> {
    if path.as_os_str() == "-" {
        let bytes = load::read_capped(path, std::io::stdin().lock())?;
        Document::from_bytes("-", &bytes)
    } else {
        Document::open(path)
    }
}

/// Extracts each of `files` in turn and writes its indicators as they are
/// found: only one report and one batch of its indicators are held at a time.
fn extract(
    files: &[std::path::PathBuf],
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let mut code = exit::OK;
    let mut feed = |write: &mut dyn FnMut(&[IndicatorRecord]) -> std::io::Result<()>| {
        for file in files {
            match open(file) {
                Ok(doc) => {
                    warn_about_decoding(file, &doc, err)?;
                    extract_into(&doc, &display_name(file), write)?;
                }
                Err(e) => {
                    writeln!(err, "reportlens: {e}")?;
                    code = exit::FILE_ERROR;
                }
            }
        }
        Ok(())
    };
    match format {
        Format::Json => export::indicators_json(out, &mut feed),
        Format::Csv => export::indicators_csv(out, &mut feed),
        Format::Md => export::indicators_markdown(out, &mut feed),
    }?;
    Ok(code)
}

/// Passes the indicators of `doc`, from the file named `file`, to `write` a batch at a time.
fn extract_into(
    doc: &Document,
    file: &str,
    write: &mut dyn FnMut(&[IndicatorRecord]) -> std::io::Result<()>,
) -> std::io::Result<()> {
    Extractor::shared().extract_each(doc, |batch| {
        let records: Vec<IndicatorRecord> = batch
            .iter()
            .map(|indicator| IndicatorRecord {
                file,
                indicator,
                page: doc.page_at(indicator.span.start),
            })
            .collect();
        write(&records)
    })
}

fn display_name(path: &Path) -> String {
    path.display().to_string()
}

/// Tells on `err` what was not read exactly as the file has it (bad bytes
/// replaced), so that the output is not taken for the whole truth.
fn warn_about_decoding(file: &Path, doc: &Document, err: &mut dyn Write) -> std::io::Result<()> {
    for warning in &doc.warnings {
        writeln!(
            err,
            "reportlens: warning: {}: {warning}",
            display_name(file)
        )?;
    }
    Ok(())
}

fn outline(
    file: &Path,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let doc = match open(file) {
        Ok(doc) => doc,
        Err(e) => {
            writeln!(err, "reportlens: {e}")?;
            return Ok(exit::FILE_ERROR);
        }
    };
    warn_about_decoding(file, &doc, err)?;
    if json {
        let value = serde_json::json!({ "file": display_name(file), "metadata": doc.metadata, "outline": doc.outline });
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&value).map_err(std::io::Error::other)?
        )?;
    } else {
        write_outline_text(&doc, out)?;
    }
    Ok(exit::OK)
}

fn write_outline_text(doc: &Document, out: &mut dyn Write) -> std::io::Result<()> {
    let meta = &doc.metadata;
    writeln!(out, "{}", meta.title.as_deref().unwrap_or(&doc.name))?;
    for (label, value) in [
        ("日期", &meta.date),
        ("发布机构", &meta.issuer),
        ("文号", &meta.doc_number),
    ] {
        if let Some(value) = value {
            writeln!(out, "{label}: {value}")?;
        }
    }
    writeln!(out, "编码: {}", doc.encoding)?;
    writeln!(out)?;
    write_nodes(&doc.outline, 0, out)
}

fn write_nodes(nodes: &[OutlineNode], depth: usize, out: &mut dyn Write) -> std::io::Result<()> {
    for node in nodes {
        writeln!(out, "{}{}", "  ".repeat(depth), node.title)?;
        write_nodes(&node.children, depth + 1, out)?;
    }
    Ok(())
}
