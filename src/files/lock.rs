//! One writer at a time per file, across processes: the window and the
//! command line take the same lock before they read a notes or workspace
//! file to merge into it and write it back, so that two saves at once never
//! lose one of the two updates.
//!
//! The lock is an advisory lock (`flock`) on `<file>.lock` beside the file.
//! The system drops it when its process dies, so a crash never leaves a lock
//! behind that blocks the next save. The lock file is removed on release;
//! a writer that locked a lock file that was removed meanwhile takes a new one.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use thiserror::Error;

/// How long a writer waits for another one to finish before giving up.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(10);

/// The suffix of lock files.
pub const LOCK_SUFFIX: &str = ".lock";

/// Why a lock could not be taken.
#[derive(Debug, Error)]
pub enum LockError {
    /// Another program holds it and did not let go in time.
    #[error("{path} is being saved by another ReportLens (its lock {lock} is held); nothing was written: try again when it has finished")]
    Busy {
        /// The file being saved.
        path: PathBuf,
        /// Its lock file.
        lock: PathBuf,
    },
    /// The lock file cannot be created or locked.
    #[error("cannot lock {path} for saving: {source}")]
    Io {
        /// The file being saved.
        path: PathBuf,
        /// What went wrong.
        #[source]
        source: io::Error,
    },
}

/// A held lock on a file; released (and its lock file removed) when dropped.
#[derive(Debug)]
pub struct FileLock {
    lock_path: PathBuf,
    file: File,
}

impl FileLock {
    /// Locks `path` for writing, waiting up to `wait` for another writer.
    pub fn acquire(path: &Path, wait: Duration) -> Result<Self, LockError> {
        let lock_path = lock_path_of(path);
        let deadline = Instant::now() + wait;
        let io_error = |source| LockError::Io {
            path: path.to_path_buf(),
            source,
        };
        loop {
            let file = OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&lock_path)
                .map_err(io_error)?;
            match file.try_lock() {
                Ok(()) if still_linked(&file, &lock_path) => return Ok(Self { lock_path, file }),
                Ok(()) => continue,
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(LockError::Busy {
                        path: path.to_path_buf(),
                        lock: lock_path,
                    })
                }
                Err(TryLockError::Error(source)) => return Err(io_error(source)),
            }
        }
    }

    /// The lock file.
    pub fn lock_path(&self) -> &Path {
        &self.lock_path
    }
}

impl Drop for FileLock {
    fn drop(&mut self) {
        // Removed while still locked, so a waiting writer sees it gone and takes a new one.
        let _ = fs::remove_file(&self.lock_path);
        let _ = self.file.unlock();
    }
}

/// `<file>.lock` beside `path`.
pub fn lock_path_of(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(LOCK_SUFFIX);
    path.with_file_name(name)
}

/// True when `file` is still the file at `path` (not removed by the holder before us).
fn still_linked(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), fs::metadata(path)) {
            (Ok(open), Ok(named)) => open.dev() == named.dev() && open.ino() == named.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        path.exists()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_waits_then_is_told_who_holds_it() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("ws.json");
        let held = FileLock::acquire(&path, DEFAULT_WAIT);
        assert!(held.is_ok());
        let second = FileLock::acquire(&path, Duration::from_millis(50));
        let message = second.map(|_| ()).map_err(|e| e.to_string());
        assert!(
            matches!(&message, Err(m) if m.contains("another ReportLens") && m.contains("ws.json.lock")),
            "{message:?}"
        );
        drop(held);
        assert!(!dir.path().join("ws.json.lock").exists());
        assert!(FileLock::acquire(&path, Duration::ZERO).is_ok());
        Ok(())
    }

    #[test]
    fn a_waiting_writer_gets_the_lock_when_it_is_released() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("ws.json");
        let held = FileLock::acquire(&path, DEFAULT_WAIT);
        let waiter = {
            let path = path.clone();
            std::thread::spawn(move || FileLock::acquire(&path, DEFAULT_WAIT).is_ok())
        };
        std::thread::sleep(Duration::from_millis(30));
        drop(held);
        assert_eq!(waiter.join().ok(), Some(true));
        Ok(())
    }
}
