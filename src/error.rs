//! The core's error type: why a report could not be loaded.

use std::path::PathBuf;
use thiserror::Error;

use crate::document::decode::BytePosition;

/// Largest file ReportLens will read, in bytes (64 MiB). Real reports are
/// under 5 MB; at this size `reportlens extract` on a UTF-8 report peaks at
/// 3.3 times the file (222 MB for 64 MiB, BENCHMARKS.md "Pathological
/// inputs"), and larger files only cost memory and time for no real report.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Why a report could not be turned into text. Each variant names the file
/// and carries a message fit to show a user as is.
#[derive(Debug, Error)]
pub enum LoadError {
    /// No file at that path.
    #[error("{path}: file not found")]
    NotFound { path: PathBuf },
    /// The path names a directory, not a file.
    #[error("{path}: is a directory, not a report file")]
    IsDirectory { path: PathBuf },
    /// A FIFO, device or socket: reading it could block forever or never end.
    #[error("{path}: is {what}, not a regular file; only regular files (or standard input, given as \"-\") are read")]
    NotRegular {
        path: PathBuf,
        /// What it is: "a named pipe (FIFO)", "a character device"...
        what: crate::files::SpecialFile,
    },
    /// The file exists but could not be read (permissions, I/O error).
    #[error("{path}: cannot be read: {source}")]
    Unreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The file has no content (or only whitespace / a BOM).
    #[error("{path}: the file is empty")]
    Empty { path: PathBuf },
    /// The file is bigger than [`MAX_FILE_BYTES`].
    #[error("{path}: the file is {size} bytes, over the {limit}-byte limit")]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    /// The bytes are not text: NUL bytes, an image, an archive...
    #[error("{path}: not a text file ({what})")]
    Binary { path: PathBuf, what: String },
    /// The bytes look like text but no supported encoding decodes them cleanly.
    #[error("{path}: the text encoding cannot be determined (tried UTF-8, UTF-16, GB18030 and Big5; UTF-32 is not supported){}", utf8_hint(.first_invalid_utf8))]
    UndecidableEncoding {
        path: PathBuf,
        /// Where the first byte that is not UTF-8 is, when the file could be UTF-8.
        first_invalid_utf8: Option<BytePosition>,
    },
    /// A format ReportLens does not read, such as an old Word .doc or WPS file.
    #[error("{path}: {what} cannot be read; {advice}")]
    Unsupported {
        path: PathBuf,
        /// What the file is ("an old Word (.doc), WPS or other Office file").
        what: String,
        /// What to do instead ("save it as .docx …").
        advice: String,
    },
    /// A PDF that needs a password to be opened.
    #[error("{path}: the PDF is protected by a password; save a copy without the password (or print it to a new PDF) and open that")]
    Encrypted { path: PathBuf },
    /// A PDF whose pages hold no text, only images: a scan. No OCR is done.
    #[error("{path}: the PDF has no text on any of its {pages} pages (a scan?); ReportLens does not recognise text in images (OCR): open a PDF with text, or the report as .docx or text")]
    NoText { path: PathBuf, pages: usize },
    /// A PDF, web page or Word file its reader cannot read.
    #[error("{path}: the {format} file is damaged: {reason}")]
    Damaged {
        path: PathBuf,
        /// The format it was read as ("PDF", "Word (.docx)").
        format: &'static str,
        /// What is wrong, as the reader says it.
        reason: String,
    },
    /// The reader ran too long on the file (a damaged file looping it).
    #[error("{path}: reading the {format} file took over {seconds} s; it may be damaged")]
    TooSlow {
        path: PathBuf,
        /// The format it was read as.
        format: &'static str,
        /// The time allowed.
        seconds: u64,
    },
}

impl LoadError {
    /// The same error, naming `path` instead of the name it was built with.
    pub fn with_path(self, path: &std::path::Path) -> Self {
        let path = path.to_path_buf();
        match self {
            Self::NotFound { .. } => Self::NotFound { path },
            Self::IsDirectory { .. } => Self::IsDirectory { path },
            Self::NotRegular { what, .. } => Self::NotRegular { path, what },
            Self::Unreadable { source, .. } => Self::Unreadable { path, source },
            Self::Empty { .. } => Self::Empty { path },
            Self::TooLarge { size, limit, .. } => Self::TooLarge { path, size, limit },
            Self::Binary { what, .. } => Self::Binary { path, what },
            Self::UndecidableEncoding {
                first_invalid_utf8, ..
            } => Self::UndecidableEncoding {
                path,
                first_invalid_utf8,
            },
            Self::Unsupported { what, advice, .. } => Self::Unsupported { path, what, advice },
            Self::Encrypted { .. } => Self::Encrypted { path },
            Self::NoText { pages, .. } => Self::NoText { path, pages },
            Self::Damaged { format, reason, .. } => Self::Damaged {
                path,
                format,
                reason,
            },
            Self::TooSlow {
                format, seconds, ..
            } => Self::TooSlow {
                path,
                format,
                seconds,
            },
        }
    }
}

/// "; read as UTF-8, the first invalid byte is at byte 1234 (line 56)", or nothing.
fn utf8_hint(first_invalid_utf8: &Option<BytePosition>) -> String {
    first_invalid_utf8
        .map(|at| format!("; read as UTF-8, the first invalid byte is at {at}"))
        .unwrap_or_default()
}
