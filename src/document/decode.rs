//! Bytes to text: detects the encoding (BOM, UTF-8, UTF-16, GB18030/GBK) and decodes.
//! STUB: to be replaced by the full implementation.

use std::path::Path;

use crate::error::LoadError;

/// Decoded text and the name of the encoding it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, BOM removed.
    pub text: String,
    /// Human-readable encoding name: "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE", "GB18030".
    pub encoding: &'static str,
}

/// Why bytes could not be decoded; turned into a [`LoadError`] once the file is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeProblem {
    /// No content (or only a BOM / whitespace).
    Empty,
    /// Not text; the string says what it looks like ("NUL bytes", "a PNG image", "a ZIP archive").
    Binary(String),
    /// No supported encoding decodes the bytes cleanly.
    Undecidable,
}

impl DecodeProblem {
    /// The user-facing error for this problem in file `path`.
    pub fn into_error(self, path: &Path) -> LoadError {
        let path = path.to_path_buf();
        match self {
            Self::Empty => LoadError::Empty { path },
            Self::Binary(what) => LoadError::Binary { path, what },
            Self::Undecidable => LoadError::UndecidableEncoding { path },
        }
    }
}

/// Decodes report bytes.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeProblem> {
    match std::str::from_utf8(bytes) {
        Ok(text) if !text.trim().is_empty() => Ok(Decoded {
            text: text.to_string(),
            encoding: "UTF-8",
        }),
        Ok(_) => Err(DecodeProblem::Empty),
        Err(_) => Err(DecodeProblem::Undecidable),
    }
}
