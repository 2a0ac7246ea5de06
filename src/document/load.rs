//! Reading a report file from disk with the checks that come before decoding:
//! the path exists and is a regular file (a FIFO would block forever, a
//! device such as /dev/zero never ends), is not over [`MAX_FILE_BYTES`], and
//! can be read. Every failure becomes a [`LoadError`] naming the file.
//! Standard input, given explicitly as "-", is read through [`read_capped`].

use std::io::Read;
use std::path::Path;

use crate::error::{LoadError, MAX_FILE_BYTES};
use crate::files::{self, read_regular, ReadError};

/// Reads the bytes of the report at `path`: only a regular file (symbolic
/// links followed), opened without blocking, of at most [`MAX_FILE_BYTES`].
pub fn read_report_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    read_regular(path, MAX_FILE_BYTES).map_err(LoadError::from)
}

impl From<ReadError> for LoadError {
    fn from(error: ReadError) -> Self {
        match error {
            ReadError::NotFound { path } => Self::NotFound { path },
            ReadError::IsDirectory { path } => Self::IsDirectory { path },
            ReadError::NotRegular { path, what } => Self::NotRegular { path, what },
            ReadError::TooLarge { path, size, limit } => Self::TooLarge { path, size, limit },
            ReadError::Io { path, source } => Self::Unreadable { path, source },
        }
    }
}

/// Reads all of `reader` (standard input) as the report named `path`,
/// failing with [`LoadError::TooLarge`] past [`MAX_FILE_BYTES`].
pub fn read_capped(path: &Path, reader: impl Read) -> Result<Vec<u8>, LoadError> {
    files::read::read_capped(path, reader, 0, MAX_FILE_BYTES).map_err(LoadError::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_file() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("ok.txt");
        std::fs::write(&path, "报告")?;
        assert_eq!(
            read_report_bytes(&path).ok(),
            Some("报告".as_bytes().to_vec())
        );
        Ok(())
    }

    #[test]
    fn missing_file_through_a_file_is_not_found() {
        let error = read_report_bytes(Path::new("Cargo.toml/nothing.txt"));
        assert!(
            matches!(error, Err(LoadError::NotFound { .. })),
            "{error:?}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_refused_unread_saying_what_it_is() {
        let error = read_report_bytes(Path::new("/dev/zero"));
        assert!(
            matches!(
                error,
                Err(LoadError::NotRegular {
                    what: crate::files::SpecialFile::CharDevice,
                    ..
                })
            ),
            "{error:?}"
        );
    }

    #[test]
    fn reader_is_read_whole() {
        let bytes = read_capped(Path::new("-"), &b"report"[..]).ok();
        assert_eq!(bytes.as_deref(), Some(&b"report"[..]));
    }
}
