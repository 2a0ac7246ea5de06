//! Reading a report file from disk with the checks that come before decoding:
//! the path exists and is a regular file (a FIFO would block forever, a
//! device such as /dev/zero never ends), is not over [`MAX_FILE_BYTES`], and
//! can be read. Every failure becomes a [`LoadError`] naming the file.
//! Standard input, given explicitly as "-", is read through [`read_capped`].

use std::io::{ErrorKind, Read};
use std::path::Path;

use crate::error::{LoadError, MAX_FILE_BYTES};
use crate::files::{read_regular, ReadError};

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

/// Rejects a size over `limit` bytes.
fn check_size(path: &Path, size: u64, limit: u64) -> Result<(), LoadError> {
    if size > limit {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size,
            limit,
        });
    }
    Ok(())
}

/// Reads all of `reader` (a file, standard input...) as the report named
/// `path`, failing with [`LoadError::TooLarge`] past [`MAX_FILE_BYTES`].
/// Reads at most one byte over the limit, so endless streams stop too.
pub fn read_capped(path: &Path, reader: impl Read) -> Result<Vec<u8>, LoadError> {
    read_limited(path, reader, MAX_FILE_BYTES)
}

/// Reads at most `limit` + 1 bytes; more than `limit` is [`LoadError::TooLarge`].
fn read_limited(path: &Path, reader: impl Read, limit: u64) -> Result<Vec<u8>, LoadError> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(path, e))?;
    check_size(path, u64::try_from(bytes.len()).unwrap_or(u64::MAX), limit)?;
    Ok(bytes)
}

/// Maps an I/O error on `path` to the matching [`LoadError`].
fn io_error(path: &Path, source: std::io::Error) -> LoadError {
    let path = path.to_path_buf();
    match source.kind() {
        ErrorKind::NotFound | ErrorKind::NotADirectory => LoadError::NotFound { path },
        ErrorKind::IsADirectory => LoadError::IsDirectory { path },
        _ => LoadError::Unreadable { path, source },
    }
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
    fn endless_reader_is_too_large() {
        let error = read_limited(Path::new("-"), std::io::repeat(b'a'), 1000);
        assert!(
            matches!(error, Err(LoadError::TooLarge { .. })),
            "{:?}",
            error.map(|b| b.len())
        );
    }

    #[test]
    fn reader_is_read_whole() {
        let bytes = read_capped(Path::new("-"), &b"report"[..]).ok();
        assert_eq!(bytes.as_deref(), Some(&b"report"[..]));
    }

    #[test]
    fn size_limit() {
        assert!(check_size(Path::new("a"), MAX_FILE_BYTES, MAX_FILE_BYTES).is_ok());
        let error = check_size(Path::new("a"), MAX_FILE_BYTES + 1, MAX_FILE_BYTES);
        assert!(
            matches!(error, Err(LoadError::TooLarge { .. })),
            "{error:?}"
        );
    }

    #[test]
    fn io_errors_map_to_variants() {
        let path = Path::new("x.txt");
        let denied = std::io::Error::from(ErrorKind::PermissionDenied);
        assert!(matches!(
            io_error(path, denied),
            LoadError::Unreadable { .. }
        ));
        let dir = std::io::Error::from(ErrorKind::IsADirectory);
        assert!(matches!(io_error(path, dir), LoadError::IsDirectory { .. }));
    }
}
