//! Running a parsed command: load, extract, print (export lives in `export.rs`).

use std::io::Write;
use std::path::Path;

use crate::cli::export::export_notes;
use crate::cli::track::track;
use crate::cli::{exit, Command};
use crate::document::{load, Document, OutlineNode};
use crate::error::LoadError;
use crate::export::{self, Format, IndicatorRecord};
use crate::indicators::{Extractor, Indicator};

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

fn extract(
    files: &[std::path::PathBuf],
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let mut code = exit::OK;
    let mut loaded: Vec<(String, Vec<Indicator>)> = Vec::new();
    for file in files {
        match open(file) {
            Ok(doc) => loaded.push((display_name(file), Extractor::shared().extract(&doc))),
            Err(e) => {
                writeln!(err, "reportlens: {e}")?;
                code = exit::FILE_ERROR;
            }
        }
    }
    let records: Vec<IndicatorRecord> = loaded
        .iter()
        .flat_map(|(file, list)| {
            list.iter()
                .map(move |indicator| IndicatorRecord { file, indicator })
        })
        .collect();
    write_indicators(&records, format, out)?;
    Ok(code)
}

fn write_indicators(
    records: &[IndicatorRecord],
    format: Format,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => writeln!(
            out,
            "{}",
            export::indicators_json(records).map_err(std::io::Error::other)?
        ),
        Format::Csv => {
            out.write_all(&export::indicators_csv(records).map_err(std::io::Error::other)?)
        }
        Format::Md => write!(out, "{}", export::indicators_markdown(records)),
    }
}

fn display_name(path: &Path) -> String {
    path.display().to_string()
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
