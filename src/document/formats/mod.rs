//! Readers for the formats reports arrive in: plain text, PDF, web pages and
//! Word .docx. Each turns a file's bytes into the same thing, a [`Reading`]:
//! the reading text (one paragraph a line, page furniture left out), where
//! each page starts, the headings the format marks and any title and date it
//! declares. Everything after (structure, indicators, notes) is the same
//! whatever the format.
//!
//! [`read`] picks the reader by content first (`%PDF`, a zip holding
//! `word/document.xml`, an HTML start) and by extension second, and runs the
//! PDF, HTML and Word readers under [`guard::run_guarded`]: a panic in a
//! parser becomes an error and a parser gets [`READ_DEADLINE`] at most.
//! The text is a pure function of the bytes.

mod charset;
mod docx;
mod docx_body;
mod furniture;
mod guard;
mod html;
mod html_text;
mod lines;
pub mod measure;
mod pdf;
mod pdf_lines;
mod pdf_paragraphs;
mod pdf_runs;
mod sniff;

use std::path::Path;
use std::time::Duration;

use serde::Serialize;

use super::decode::{self, DecodeProblem, DecodeWarning};
use crate::error::LoadError;

/// Longest a PDF, HTML or Word parser may run on one file. The largest test
/// PDF (132 pages) reads in about a second; a parser still running after this
/// is looping on a damaged file, and the file is refused.
pub const READ_DEADLINE: Duration = Duration::from_secs(60);

/// The format a report was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    /// Plain text in any supported encoding.
    Text,
    /// A web page.
    Html,
    /// A PDF with a text layer.
    Pdf,
    /// A Word .docx document.
    Docx,
}

impl SourceFormat {
    /// The format's name in messages ("PDF", "Word (.docx)").
    pub fn name(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Html => "web page",
            Self::Pdf => "PDF",
            Self::Docx => "Word (.docx)",
        }
    }
}

/// Where a page starts in the reading text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PageStart {
    /// Char offset of the page's first char in the text.
    pub offset: usize,
    /// The page's number, the first page being 1.
    pub page: u32,
}

/// A line the format marks as a heading (a Word heading style, an HTML h1-h6).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeadingHint {
    /// Char offset of the line's start in the reading text.
    pub offset: usize,
    /// Outline level, 1 for the outermost.
    pub level: u8,
}

/// What a reader makes of a file.
#[derive(Debug, Clone)]
pub struct Reading {
    /// The format read.
    pub format: SourceFormat,
    /// How its text was encoded ("UTF-8", "GB18030", "PDF").
    pub encoding: String,
    /// The reading text, line breaks `\n`.
    pub text: String,
    /// Where each page starts, in order; empty for unpaged formats.
    pub pages: Vec<PageStart>,
    /// The lines the format marks as headings, in order.
    pub headings: Vec<HeadingHint>,
    /// The title the file declares (a web page's `<title>`).
    pub title: Option<String>,
    /// The publication date the file declares, as written.
    pub date: Option<String>,
    /// What the reader should know about how the file was decoded.
    pub warnings: Vec<DecodeWarning>,
}

impl Reading {
    /// A reading of `text` with nothing else known.
    fn new(format: SourceFormat, encoding: &str, text: String) -> Self {
        Self {
            format,
            encoding: encoding.to_string(),
            text,
            pages: Vec::new(),
            headings: Vec::new(),
            title: None,
            date: None,
            warnings: Vec::new(),
        }
    }
}

/// Why a file could not be read, before the file's name is attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatProblem {
    /// Text that could not be decoded.
    Decode(DecodeProblem),
    /// A format ReportLens does not read: what it is, and what to do.
    Unsupported {
        /// What the file is.
        what: String,
        /// What to do instead.
        advice: String,
    },
    /// A PDF that needs a password.
    Encrypted,
    /// A PDF with pages but no text on any (a scan).
    NoText {
        /// How many pages it has.
        pages: usize,
    },
    /// A file of the format that its parser cannot read; why.
    Damaged(String),
    /// The parser ran past [`READ_DEADLINE`].
    TooSlow,
}

impl FormatProblem {
    /// The user-facing error for this problem in the `format` file `path`.
    pub fn into_error(self, path: &Path, format: SourceFormat) -> LoadError {
        let path = path.to_path_buf();
        let format = format.name();
        match self {
            Self::Decode(problem) => problem.into_error(&path),
            Self::Unsupported { what, advice } => LoadError::Unsupported { path, what, advice },
            Self::Encrypted => LoadError::Encrypted { path },
            Self::NoText { pages } => LoadError::NoText { path, pages },
            Self::Damaged(reason) => LoadError::Damaged {
                path,
                format,
                reason,
            },
            Self::TooSlow => LoadError::TooSlow {
                path,
                format,
                seconds: READ_DEADLINE.as_secs(),
            },
        }
    }
}

/// Reads the report in `bytes`, from the file `path` (whose extension is
/// the second clue to its format).
pub fn read(path: &Path, bytes: Vec<u8>) -> Result<Reading, LoadError> {
    let format = sniff::detect(&bytes, path)
        .map_err(|(problem, format)| problem.into_error(path, format))?;
    let reading = match format {
        SourceFormat::Text => read_text(bytes),
        SourceFormat::Html => guard::run_guarded(move || html::read(&bytes)),
        SourceFormat::Pdf => guard::run_guarded(move || pdf::read(&bytes)),
        SourceFormat::Docx => guard::run_guarded(move || docx::read(&bytes)),
    };
    reading.map_err(|problem| problem.into_error(path, format))
}

/// Decodes plain text (taking the bytes over: a UTF-8 file is not copied).
fn read_text(bytes: Vec<u8>) -> Result<Reading, FormatProblem> {
    let decoded = decode::decode_owned(bytes).map_err(FormatProblem::Decode)?;
    Ok(Reading {
        warnings: decoded.warnings,
        ..Reading::new(SourceFormat::Text, decoded.encoding, decoded.text)
    })
}

/// Whether `c` is set a full em wide: Chinese, Japanese and Korean chars,
/// their punctuation and full-width forms.
pub(crate) fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7AF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{20000}'..='\u{3FFFF}'
        | '\u{2014}' | '\u{2018}'..='\u{201F}' | '\u{2026}'
    )
}
