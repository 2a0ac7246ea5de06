//! PDF reader: lopdf parses the file (repairing a broken cross-reference
//! table, decrypting one that needs no password), `pdf_runs` places the text
//! of each page, `pdf_lines` makes visual lines, `furniture` drops running
//! headers, footers and page numbers and `pdf_paragraphs` rejoins the lines
//! into paragraphs, remembering where each page starts.
//!
//! A PDF that needs a password, or that has pages but no text at all (a
//! scan), is refused with an error saying what to do; ReportLens does no OCR.

use super::pdf_lines::{self, Line};
use super::pdf_runs::page_runs;
use super::{furniture, pdf_paragraphs, FormatProblem, Reading, SourceFormat};

/// Reads the text of the PDF in `bytes`.
pub(crate) fn read(bytes: &[u8]) -> Result<Reading, FormatProblem> {
    let doc = load(bytes)?;
    let mut pages = page_lines(&doc)?;
    if pages.iter().all(Vec::is_empty) {
        return Err(FormatProblem::NoText { pages: pages.len() });
    }
    furniture::remove(&mut pages);
    let paged = pdf_paragraphs::paragraphs(&pages);
    Ok(Reading {
        pages: paged.pages,
        ..Reading::new(SourceFormat::Pdf, "PDF", paged.text)
    })
}

/// Parses the file; a password-protected one is [`FormatProblem::Encrypted`].
fn load(bytes: &[u8]) -> Result<lopdf::Document, FormatProblem> {
    match lopdf::Document::load_mem(bytes) {
        Ok(doc) if doc.is_encrypted() => Err(FormatProblem::Encrypted),
        Ok(doc) => Ok(doc),
        Err(lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_)) => {
            Err(FormatProblem::Encrypted)
        }
        Err(error) => Err(FormatProblem::Damaged(error.to_string())),
    }
}

/// The visual lines of every page, page 1 first. A page whose content cannot
/// be read makes the whole file damaged: a report with a page missing would
/// be taken for the whole report.
fn page_lines(doc: &lopdf::Document) -> Result<Vec<Vec<Line>>, FormatProblem> {
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(FormatProblem::Damaged("it has no pages".to_string()));
    }
    pages
        .iter()
        .map(|(number, &id)| {
            let runs = page_runs(doc, id).map_err(|error| {
                FormatProblem::Damaged(format!("page {number} cannot be read: {error}"))
            })?;
            Ok(pdf_lines::lines(runs))
        })
        .collect()
}
