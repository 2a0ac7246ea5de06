//! Reading a file the user named, safely: only a regular file is read (a
//! FIFO would block forever and a device such as /dev/zero never ends), it
//! is opened without blocking, and no more than a stated limit is read,
//! whatever size the file claims.

use std::fs::{File, FileType, OpenOptions};
use std::io::{self, ErrorKind, Read};
use std::path::{Path, PathBuf};

use thiserror::Error;

/// What a file that is not a regular file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecialFile {
    /// A named pipe: reading it waits for a writer, maybe forever.
    Fifo,
    /// A character device such as /dev/zero, which may never end.
    CharDevice,
    /// A block device (a whole disk).
    BlockDevice,
    /// A socket.
    Socket,
    /// A folder.
    Folder,
    /// Anything else the system has.
    Other,
}

impl std::fmt::Display for SpecialFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Fifo => "a named pipe (FIFO)",
            Self::CharDevice => "a character device",
            Self::BlockDevice => "a block device",
            Self::Socket => "a socket",
            Self::Folder => "a folder",
            Self::Other => "a special file",
        })
    }
}

/// Why a file was not read.
#[derive(Debug, Error)]
pub enum ReadError {
    /// No file at that path.
    #[error("{path}: file not found")]
    NotFound {
        /// The file.
        path: PathBuf,
    },
    /// A folder, not a file.
    #[error("{path}: is a directory, not a file")]
    IsDirectory {
        /// The folder.
        path: PathBuf,
    },
    /// A FIFO, device or socket: reading it could block forever or never end.
    #[error("{path}: is {what}, not a regular file; only regular files are read")]
    NotRegular {
        /// The special file.
        path: PathBuf,
        /// What it is.
        what: SpecialFile,
    },
    /// Bigger than the limit for this kind of file.
    #[error("{path}: the file is {size} bytes, over the {limit}-byte limit")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size (at least `limit + 1` when the file did not say).
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Any other failure to open or read it (permissions, I/O).
    #[error("{path}: cannot be read: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        #[source]
        source: io::Error,
    },
}

/// Reads the whole of the regular file at `path` (symbolic links are
/// followed), refusing folders, special files and files over `limit` bytes.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = open_without_blocking(path).map_err(|e| io_error(path, e))?;
    let metadata = file.metadata().map_err(|e| io_error(path, e))?;
    refuse_special(path, metadata.file_type())?;
    check_size(path, metadata.len(), limit)?;
    read_capped(path, file, metadata.len(), limit)
}

/// Reads all of `reader` (a file, standard input), named `path` in errors,
/// into a buffer sized for `expected` bytes. Reads at most one byte over
/// `limit`, so an endless stream stops too; more than `limit` is too large.
pub fn read_capped(
    path: &Path,
    reader: impl Read,
    expected: u64,
    limit: u64,
) -> Result<Vec<u8>, ReadError> {
    let capacity = usize::try_from(expected.min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity.saturating_add(1));
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(path, e))?;
    check_size(path, bytes.len() as u64, limit)?;
    Ok(bytes)
}

/// Opens for reading; a FIFO with no writer opens at once instead of waiting.
fn open_without_blocking(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Refuses anything but a regular file, naming what it is.
fn refuse_special(path: &Path, file_type: FileType) -> Result<(), ReadError> {
    if file_type.is_file() {
        return Ok(());
    }
    if file_type.is_dir() {
        return Err(ReadError::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    Err(ReadError::NotRegular {
        path: path.to_path_buf(),
        what: special_kind(file_type),
    })
}

/// What a file that is not a regular file or a folder is.
pub fn special_kind(file_type: FileType) -> SpecialFile {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return SpecialFile::Fifo;
        }
        if file_type.is_char_device() {
            return SpecialFile::CharDevice;
        }
        if file_type.is_block_device() {
            return SpecialFile::BlockDevice;
        }
        if file_type.is_socket() {
            return SpecialFile::Socket;
        }
    }
    let _ = file_type;
    SpecialFile::Other
}

fn check_size(path: &Path, size: u64, limit: u64) -> Result<(), ReadError> {
    if size > limit {
        return Err(ReadError::TooLarge {
            path: path.to_path_buf(),
            size,
            limit,
        });
    }
    Ok(())
}

fn io_error(path: &Path, source: io::Error) -> ReadError {
    let path = path.to_path_buf();
    match source.kind() {
        ErrorKind::NotFound | ErrorKind::NotADirectory => ReadError::NotFound { path },
        ErrorKind::IsADirectory => ReadError::IsDirectory { path },
        _ => ReadError::Io { path, source },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_stream_stops_one_byte_over_the_limit() {
        let error = read_capped(Path::new("-"), io::repeat(b'a'), 0, 1000);
        assert!(
            matches!(
                error,
                Err(ReadError::TooLarge {
                    size: 1001,
                    limit: 1000,
                    ..
                })
            ),
            "{:?}",
            error.map(|b| b.len())
        );
        let bytes = read_capped(Path::new("-"), &b"report"[..], 0, 1000).ok();
        assert_eq!(bytes.as_deref(), Some(&b"report"[..]));
    }

    #[test]
    fn reads_a_regular_file() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("a.json");
        std::fs::write(&path, "{}")?;
        assert_eq!(read_regular(&path, 10).ok(), Some(b"{}".to_vec()));
        Ok(())
    }

    #[test]
    fn refuses_over_the_limit() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("a.json");
        std::fs::write(&path, "0123456789")?;
        let error = read_regular(&path, 9);
        assert!(
            matches!(error, Err(ReadError::TooLarge { size: 10, .. })),
            "{error:?}"
        );
        Ok(())
    }

    #[test]
    fn refuses_a_folder() {
        let error = read_regular(Path::new("."), 10);
        assert!(
            matches!(error, Err(ReadError::IsDirectory { .. })),
            "{error:?}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn refuses_devices_at_once() {
        for device in ["/dev/zero", "/dev/null"] {
            let error = read_regular(Path::new(device), 10);
            assert!(
                matches!(
                    error,
                    Err(ReadError::NotRegular {
                        what: SpecialFile::CharDevice,
                        ..
                    })
                ),
                "{device}: {error:?}"
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_fifo_without_waiting_for_a_writer() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let fifo = dir.path().join("pipe");
        let status = std::process::Command::new("mkfifo").arg(&fifo).status()?;
        assert!(status.success());
        let error = read_regular(&fifo, 10);
        assert!(
            matches!(
                error,
                Err(ReadError::NotRegular {
                    what: SpecialFile::Fifo,
                    ..
                })
            ),
            "{error:?}"
        );
        Ok(())
    }
}
