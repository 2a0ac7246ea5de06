//! A report as ReportLens sees it: the reading text plus its structure
//! (blocks, headings, outline, metadata) and, for paged formats, where each
//! page starts. Built once per file (by the reader in `formats` its content
//! calls for); read-only after.

pub mod decode;
pub mod formats;
pub mod load;
pub mod structure;

use std::path::Path;

use serde::Serialize;

use crate::error::LoadError;
use crate::span::Span;

pub use decode::{BytePosition, DecodeWarning};
pub use formats::{PageStart, SourceFormat};

/// What a block (one line of the report) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// The report's title line.
    Title,
    /// A metadata line: date, issuing body, document number (文号), meeting line.
    Meta,
    /// A heading; level 1 is the outermost (一、), deeper levels nest inside.
    Heading {
        /// Nesting depth, starting at 1.
        level: u8,
    },
    /// Body text.
    Paragraph,
    /// Web-page debris (navigation, share buttons, footers): kept, but hideable.
    Debris,
}

/// One non-empty line of the report with its kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    /// Char span of the line, without its line break and surrounding blanks.
    pub span: Span,
    /// What the line is.
    pub kind: BlockKind,
    /// The page the line starts on (1 for the first), for paged formats (PDF).
    pub page: Option<u32>,
}

/// A heading in the outline tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutlineNode {
    /// The heading text as written.
    pub title: String,
    /// Nesting depth, starting at 1.
    pub level: u8,
    /// Index of the heading's block in [`Document::blocks`].
    pub block: usize,
    /// Char span of the heading line.
    pub span: Span,
    /// Headings nested under this one, in document order.
    pub children: Vec<OutlineNode>,
}

/// Title and metadata found at the top of a report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Metadata {
    /// The report's title.
    pub title: Option<String>,
    /// Publication or meeting date as written ("2021年06月02日").
    pub date: Option<String>,
    /// Issuing body ("区发改局").
    pub issuer: Option<String>,
    /// Document number (文号), e.g. "2021(004)" or "武昌发〔2021〕5号".
    pub doc_number: Option<String>,
    /// The year the report is about (2021 for "武昌区2021年国民经济和社会发展计划").
    pub year: Option<i32>,
}

/// A decoded, structured report.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// File name (or "-" for standard input), for messages and exports.
    pub name: String,
    /// The format the report was read from.
    pub format: SourceFormat,
    /// The encoding the bytes were decoded from: "UTF-8", "UTF-8 (BOM)", "UTF-16LE",
    /// "UTF-16BE", "GB18030" or "Big5" (for a web page, any encoding it
    /// declares); "PDF" or "DOCX" for those formats.
    pub encoding: String,
    /// The text as the reader sees it; every offset in the crate indexes its chars.
    pub text: String,
    /// The report's non-empty lines, in order.
    pub blocks: Vec<Block>,
    /// Where each page starts in the text, in order; empty for unpaged formats.
    pub pages: Vec<PageStart>,
    /// The heading tree.
    pub outline: Vec<OutlineNode>,
    /// Title and metadata lines.
    pub metadata: Metadata,
    /// What the reader should know about how the file was decoded (bytes
    /// that were not UTF-8, shown as U+FFFD, and where); empty for a clean file.
    pub warnings: Vec<DecodeWarning>,
}

/// The file extensions of the reports ReportLens reads, for open dialogs
/// and for picking the reports out of a folder (the format itself is told
/// from the content).
pub const REPORT_EXTENSIONS: [&str; 7] = ["txt", "text", "md", "pdf", "html", "htm", "docx"];

impl Document {
    /// Reads, decodes and structures the report at `path`, with the reader
    /// its content (or else its extension) calls for.
    pub fn open(path: &Path) -> Result<Self, LoadError> {
        let bytes = load::read_report_bytes(path)?;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        // The bytes become the text (UTF-8) or are freed once read, before structuring.
        let reading = formats::read(path, bytes)?;
        Ok(Self::from_reading(&name, reading))
    }

    /// Reads and structures `bytes` (any supported format and encoding).
    /// Errors name `name` as the file; its extension is the second clue to the format.
    pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<Self, LoadError> {
        let reading = formats::read(Path::new(name), bytes.to_vec())?;
        Ok(Self::from_reading(name, reading))
    }

    /// Structures what a reader made of a file; the title and date it
    /// declares stand before those found in the text.
    fn from_reading(name: &str, reading: formats::Reading) -> Self {
        let mut doc = Self::structure(name, reading.text, &reading.headings);
        doc.metadata.title = reading.title.or(doc.metadata.title.take());
        doc.metadata.date = reading.date.or(doc.metadata.date.take());
        doc.format = reading.format;
        doc.encoding = reading.encoding;
        doc.warnings = reading.warnings;
        doc.set_pages(reading.pages);
        doc
    }

    /// Records where pages start and which page each block is on.
    fn set_pages(&mut self, pages: Vec<PageStart>) {
        self.pages = pages;
        for i in 0..self.blocks.len() {
            let page = self.page_at(self.blocks[i].span.start);
            self.blocks[i].page = page;
        }
    }

    /// The page char `offset` is on (1 for the first), or `None` for a
    /// report without pages (text, web page, Word file).
    pub fn page_at(&self, offset: usize) -> Option<u32> {
        let after = self.pages.partition_point(|start| start.offset <= offset);
        after.checked_sub(1).map(|i| self.pages[i].page)
    }

    /// How many pages the report has: 0 for a report without pages.
    pub fn page_count(&self) -> u32 {
        self.pages.last().map_or(0, |start| start.page)
    }

    /// Where the reader should land for page `page`: the start of its first
    /// block, or of the next block when the page holds none (a blank page).
    /// `None` when the report has no such page.
    pub fn page_start(&self, page: u32) -> Option<usize> {
        if page == 0 || page > self.page_count() {
            return None;
        }
        let first_block = self.blocks.iter().find(|b| b.page >= Some(page));
        let page_start = || self.pages.iter().find(|s| s.page == page);
        first_block
            .map(|b| b.span.start)
            .or_else(|| page_start().map(|s| s.offset))
    }

    /// Structures text that is already decoded (encoding reported as UTF-8).
    pub fn from_text(name: &str, text: &str) -> Self {
        Self::from_string(name, text.to_string())
    }

    /// Structures `text`, taking it over rather than copying it.
    fn from_string(name: &str, text: String) -> Self {
        Self::structure(name, text, &[])
    }

    /// Structures `text` with the headings its format marks.
    fn structure(name: &str, text: String, marked: &[formats::HeadingHint]) -> Self {
        let text = normalize_line_endings(text);
        let analysis = structure::analyse_marked(&text, marked);
        Self {
            name: name.to_string(),
            format: SourceFormat::Text,
            encoding: "UTF-8".to_string(),
            text,
            blocks: analysis.blocks,
            pages: Vec::new(),
            outline: analysis.outline,
            metadata: analysis.metadata,
            warnings: Vec::new(),
        }
    }

    /// Number of chars in the text.
    pub fn char_count(&self) -> usize {
        self.text.chars().count()
    }

    /// Titles of the headings that enclose char `offset`, outermost first.
    pub fn section_path(&self, offset: usize) -> Vec<String> {
        structure::section_path(&self.outline, offset)
    }
}

/// Turns `\r\n` and lone `\r` into `\n`; text without `\r` is returned as it is.
pub fn normalize_line_endings(mut text: String) -> String {
    if text.contains('\r') {
        text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
    text.shrink_to_fit();
    text
}
