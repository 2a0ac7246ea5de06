//! The sidecar file: its JSON format (docs/sidecar-format.md), reading it
//! with a specific error for each way it can be unusable (including a key
//! written twice and a field of the wrong type, named with its line), and
//! writing it atomically with the previous version kept as `.bak`.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use thiserror::Error;

use crate::annotations::model::Annotation;
use crate::document::Document;
use crate::files::json::{parse_json, JsonError};
use crate::files::{read_regular, write_replacing, ReadError};

/// The `format` field of every sidecar.
pub const FORMAT: &str = "reportlens-notes";
/// The sidecar version this build writes and the newest it reads.
pub const VERSION: u32 = 1;
/// Appended to the report's file name to name its sidecar.
pub const SUFFIX: &str = ".reportlens.json";
/// Largest sidecar or recovery file read, in bytes (64 MiB). An annotation
/// takes about 1 KB, so this holds some 60,000 of them, far more than a
/// reader makes; a larger file (or a link to a device) is refused unread
/// rather than filling the memory.
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// The document a sidecar belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentInfo {
    /// The report's file name (no folder).
    pub file_name: String,
    /// SHA-256 of the decoded text, lower-case hex.
    pub sha256: String,
    /// Number of chars in the decoded text.
    pub char_count: usize,
    /// The encoding the report was decoded from.
    pub encoding: String,
}

impl DocumentInfo {
    /// The identity of `doc`.
    pub fn of(doc: &Document) -> Self {
        Self {
            file_name: doc.name.clone(),
            sha256: text_sha256(&doc.text),
            char_count: doc.char_count(),
            encoding: doc.encoding.to_string(),
        }
    }
}

/// The whole sidecar file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sidecar {
    /// Always [`FORMAT`].
    pub format: String,
    /// The format version.
    pub version: u32,
    /// The document the annotations were made on.
    pub document: DocumentInfo,
    /// The annotations, in document order.
    pub annotations: Vec<Annotation>,
    /// Fields this version does not know, kept so that saving does not drop them.
    #[serde(flatten)]
    pub unknown: serde_json::Map<String, serde_json::Value>,
}

impl Sidecar {
    /// A current-version sidecar for `document`.
    pub fn new(document: DocumentInfo, annotations: Vec<Annotation>) -> Self {
        Self {
            format: FORMAT.into(),
            version: VERSION,
            document,
            annotations,
            unknown: serde_json::Map::new(),
        }
    }

    /// Pretty-printed JSON with a final newline.
    pub fn to_bytes(&self) -> Vec<u8> {
        // Serialising plain structs of strings and numbers cannot fail.
        let mut bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }
}

/// Why a sidecar cannot be used.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum SidecarError {
    /// A FIFO, a device or a folder: reading it could block or never end.
    #[error("is {0}, not a regular file")]
    NotRegular(crate::files::SpecialFile),
    /// Over [`MAX_BYTES`].
    #[error("is {0} bytes, over the {MAX_BYTES}-byte limit for notes files")]
    TooLarge(u64),
    /// The file could not be read.
    #[error("cannot be read: {0}")]
    Unreadable(String),
    /// Not valid JSON, an object naming a key twice, or a field missing or
    /// of the wrong type; the message names the field, line and column.
    #[error("{0}")]
    Broken(JsonError),
    /// JSON, but not a ReportLens notes file.
    #[error("not a ReportLens notes file (no \"format\": \"{FORMAT}\")")]
    NotNotes,
    /// Written by a newer ReportLens.
    #[error(
        "written by a newer ReportLens (format version {0}; this version reads up to {VERSION})"
    )]
    Newer(u32),
    /// The notes of another document.
    #[error("holds the notes of another document ({0})")]
    OtherDocument(String),
}

impl From<ReadError> for SidecarError {
    fn from(error: ReadError) -> Self {
        match error {
            ReadError::NotRegular { what, .. } => Self::NotRegular(what),
            ReadError::IsDirectory { .. } => Self::NotRegular(crate::files::SpecialFile::Folder),
            ReadError::TooLarge { size, .. } => Self::TooLarge(size),
            ReadError::NotFound { .. } => Self::Unreadable("file not found".into()),
            ReadError::Io { source, .. } => Self::Unreadable(source.to_string()),
        }
    }
}

/// Reads the sidecar or recovery file at `path`: only a regular file of at
/// most [`MAX_BYTES`] is read.
pub fn read(path: &Path) -> Result<Vec<u8>, ReadError> {
    read_regular(path, MAX_BYTES)
}

/// Parses a sidecar: checks it is JSON with no key written twice, then its
/// format and version, then its shape.
pub fn parse(bytes: &[u8]) -> Result<Sidecar, SidecarError> {
    let value: serde_json::Value = parse_json(bytes).map_err(SidecarError::Broken)?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(SidecarError::NotNotes);
    }
    let version = value.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
    if version > u64::from(VERSION) {
        return Err(SidecarError::Newer(
            u32::try_from(version).unwrap_or(u32::MAX),
        ));
    }
    // From the bytes again, not the value, so that errors have their line and column.
    parse_json(bytes).map_err(SidecarError::Broken)
}

/// SHA-256 of `text` as lower-case hex.
pub fn text_sha256(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Where the previous version of `path` is kept.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".bak");
    PathBuf::from(name)
}

/// Writes `bytes` to `path` so that `path` always holds either its old or
/// its new contents: the old contents go to `.bak`, the new ones to a
/// temporary file in the same folder, flushed and synced, then renamed over `path`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    match read(path) {
        Ok(old) => write_replacing(&backup_path(path), &old)?,
        Err(ReadError::NotFound { .. }) => {}
        Err(error) => return Err(into_io_error(error)),
    }
    write_replacing(path, bytes)
}

/// `error` as an I/O error: the original one when reading failed, else the refusal.
pub fn into_io_error(error: ReadError) -> io::Error {
    match error {
        ReadError::Io { source, .. } => source,
        refused => io::Error::other(refused),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_unusable_file_has_its_own_error() {
        assert!(matches!(
            parse(b"{\"format\": "),
            Err(SidecarError::Broken(JsonError { line: 1, .. }))
        ));
        assert_eq!(parse(b"{\"a\": 1}"), Err(SidecarError::NotNotes));
        assert_eq!(
            parse(br#"{"format": "reportlens-notes", "version": 7}"#),
            Err(SidecarError::Newer(7))
        );
        assert_eq!(
            parse(br#"{"format": "reportlens-notes", "version": 1}"#).map_err(|e| e.to_string()),
            Err("missing field `document` at line 1, column 44".to_string())
        );
        assert_eq!(
            parse(br#"{"format": "reportlens-notes", "format": "reportlens-notes"}"#)
                .map_err(|e| e.to_string()),
            Err("duplicate key \"format\" at line 1, column 39".to_string())
        );
    }

    #[test]
    fn fields_of_a_later_minor_version_survive_a_save() {
        let doc = Document::from_text("a.txt", "新增停车泊位1万个以上。");
        let chars: Vec<char> = doc.text.chars().collect();
        let annotation = Annotation::new(
            crate::annotations::Anchor::capture(&chars, 0, 6),
            crate::annotations::Colour::Green,
        );
        let mut value =
            serde_json::to_value(Sidecar::new(DocumentInfo::of(&doc), vec![annotation]))
                .unwrap_or_default();
        value["synced_by"] = "other-app".into();
        value["annotations"][0]["reviewer"] = "李".into();
        let bytes = serde_json::to_vec(&value).unwrap_or_default();
        let resaved = parse(&parse(&bytes).map(|s| s.to_bytes()).unwrap_or_default());
        let resaved = resaved.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(resaved.unknown.get("synced_by"), Some(&"other-app".into()));
        assert_eq!(
            resaved.annotations[0].unknown.get("reviewer"),
            Some(&"李".into())
        );
    }

    #[test]
    fn a_written_sidecar_reads_back() {
        let doc = Document::from_text("a.txt", "新增停车泊位1万个以上。");
        let sidecar = Sidecar::new(DocumentInfo::of(&doc), Vec::new());
        assert_eq!(parse(&sidecar.to_bytes()), Ok(sidecar));
    }
}
