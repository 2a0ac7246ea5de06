//! The sidecar file: its JSON format (docs/sidecar-format.md), reading it
//! with a specific error for each way it can be unusable, and writing it
//! atomically with the previous version kept as `.bak`.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use thiserror::Error;

use crate::annotations::model::Annotation;
use crate::atomic_file::write_replacing;
use crate::document::Document;

/// The `format` field of every sidecar.
pub const FORMAT: &str = "reportlens-notes";
/// The sidecar version this build writes and the newest it reads.
pub const VERSION: u32 = 1;
/// Appended to the report's file name to name its sidecar.
pub const SUFFIX: &str = ".reportlens.json";

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
    /// Not valid JSON, or JSON of the wrong shape.
    #[error("not valid JSON at line {line}, column {column}: {reason}")]
    Broken {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What serde_json said.
        reason: String,
    },
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

/// Parses a sidecar, checking its format and version before its shape.
pub fn parse(bytes: &[u8]) -> Result<Sidecar, SidecarError> {
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(broken)?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(SidecarError::NotNotes);
    }
    let version = value.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
    if version > u64::from(VERSION) {
        return Err(SidecarError::Newer(
            u32::try_from(version).unwrap_or(u32::MAX),
        ));
    }
    serde_json::from_value(value).map_err(broken)
}

fn broken(error: serde_json::Error) -> SidecarError {
    SidecarError::Broken {
        line: error.line(),
        column: error.column(),
        reason: without_location(&error.to_string()),
    }
}

/// serde_json's message without its " at line L column C" (the error names them already).
fn without_location(message: &str) -> String {
    message
        .rsplit_once(" at line ")
        .map_or(message, |(reason, _)| reason)
        .to_string()
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
    match fs::read(path) {
        Ok(old) => write_replacing(&backup_path(path), &old)?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    write_replacing(path, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_unusable_file_has_its_own_error() {
        assert!(matches!(
            parse(b"{\"format\": "),
            Err(SidecarError::Broken { line: 1, .. })
        ));
        assert_eq!(parse(b"{\"a\": 1}"), Err(SidecarError::NotNotes));
        assert_eq!(
            parse(br#"{"format": "reportlens-notes", "version": 7}"#),
            Err(SidecarError::Newer(7))
        );
        assert!(matches!(
            parse(br#"{"format": "reportlens-notes", "version": 1}"#),
            Err(SidecarError::Broken { .. })
        ));
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
