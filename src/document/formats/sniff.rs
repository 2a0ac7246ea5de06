//! Which reader a file needs, by content first and extension second: a PDF
//! starts with `%PDF-` (within its first KiB, as readers allow), a Word file
//! is a zip holding `word/document.xml`, a web page starts (after blanks,
//! comments and a BOM) with a doctype or an `<html>`, `<head>`, `<meta>` or
//! `<body>` tag. An old Word or WPS file (an OLE compound file) is refused
//! with what to do. A file named `.pdf` or `.docx` that is not one is
//! refused as damaged, saying what it holds instead (a server's HTML error
//! page saved as `report.pdf` is not the report); any other file is text.

use std::path::Path;

use super::{FormatProblem, SourceFormat};

/// How far into a file `%PDF-` may start.
const PDF_MAGIC_WITHIN: usize = 1024;
/// How far into a file the start of a web page is looked for.
const HTML_SNIFF_BYTES: usize = 1024;

const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// The file's format, or why it cannot be read (with the format it claims).
pub(crate) fn detect(
    bytes: &[u8],
    path: &Path,
) -> Result<SourceFormat, (FormatProblem, SourceFormat)> {
    let extension = extension(path);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(SourceFormat::Text); // decoding says it is empty
    }
    if bytes.starts_with(OLE_MAGIC) {
        return Err((old_office(), SourceFormat::Text));
    }
    let found = by_content(bytes);
    match (claimed(&extension), found) {
        (Some(claim), Some(found)) if claim != found => Err((mislabelled(claim, found), claim)),
        (Some(claim), None) => Err((mislabelled(claim, SourceFormat::Text), claim)),
        (claim, found) => Ok(found.or(claim).unwrap_or(SourceFormat::Text)),
    }
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

/// The format the extension names, for the binary formats whose content
/// must match it.
fn claimed(extension: &str) -> Option<SourceFormat> {
    match extension {
        "pdf" => Some(SourceFormat::Pdf),
        "docx" => Some(SourceFormat::Docx),
        _ => None,
    }
}

/// The format the content shows, when it shows one.
fn by_content(bytes: &[u8]) -> Option<SourceFormat> {
    let head = &bytes[..bytes.len().min(PDF_MAGIC_WITHIN)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Some(SourceFormat::Pdf);
    }
    if bytes.starts_with(ZIP_MAGIC) {
        return is_word(bytes).then_some(SourceFormat::Docx);
    }
    is_html(bytes).then_some(SourceFormat::Html)
}

/// Whether a zip names `word/document.xml` in one of its entries (the Word
/// reader then finds out whether the zip is whole).
fn is_word(bytes: &[u8]) -> bool {
    let name = b"word/document.xml";
    bytes.windows(name.len()).any(|w| w == name)
}

/// Whether the bytes start like a web page: after a BOM, blanks and
/// comments, a doctype or an html, head, meta or body tag (any case).
fn is_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(HTML_SNIFF_BYTES)];
    let mut rest = head
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .unwrap_or(head);
    loop {
        rest = rest.trim_ascii_start();
        let Some(after) = rest.strip_prefix(b"<!--".as_slice()) else {
            break;
        };
        match after.windows(3).position(|w| w == b"-->") {
            Some(end) => rest = &after[end + 3..],
            None => return false,
        }
    }
    let lower = rest.get(..14).unwrap_or(rest).to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<meta", "<body"]
        .iter()
        .any(|start| lower.starts_with(start.as_bytes()))
}

fn old_office() -> FormatProblem {
    FormatProblem::Unsupported {
        what: "an old Word (.doc) or WPS file, or a password-protected Office file".to_string(),
        advice: "save it as .docx without a password (or as a PDF with text) and open that"
            .to_string(),
    }
}

fn mislabelled(claim: SourceFormat, found: SourceFormat) -> FormatProblem {
    let holds = match found {
        SourceFormat::Text => "other data",
        SourceFormat::Html => "a web page",
        SourceFormat::Pdf => "a PDF",
        SourceFormat::Docx => "a Word document",
    };
    FormatProblem::Damaged(format!(
        "it is named as {} but is not one (it holds {holds})",
        claim.name()
    ))
}
