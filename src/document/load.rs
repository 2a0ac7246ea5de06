//! Reading a report file from disk with the checks that come before decoding.
//! STUB: to be replaced by the full implementation.

use std::path::Path;

use crate::error::LoadError;

/// Reads the bytes of the report at `path`.
pub fn read_report_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    std::fs::read(path).map_err(|source| LoadError::Unreadable {
        path: path.to_path_buf(),
        source,
    })
}
