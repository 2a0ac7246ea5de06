//! Writing a file all or nothing: a temporary file in the same folder,
//! written, synced and renamed over the target, then the folder synced, so
//! the target holds either its old or its new contents after any crash.
//!
//! Only a regular file is replaced, and it keeps its permissions. A
//! symbolic link is written through (the file it points to is replaced, the
//! link stays), and a device or a named pipe (`/dev/null`, `/dev/stdout`, a
//! FIFO) is written into, as `cp` does. Temporary files carry the writer's
//! process id, so that the ones a killed save left behind are removed by the
//! next save in that folder.

use std::collections::HashSet;
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

/// Temporary files start with this, then the writer's process id and a dash.
const TEMP_PREFIX: &str = ".reportlens-";
/// Temporary files end with this.
const TEMP_SUFFIX: &str = ".tmp";
/// A temporary file this old is stale even when its writer cannot be told.
const STALE_AGE: Duration = Duration::from_secs(24 * 60 * 60);
/// Symbolic links followed before giving up (as the kernel's ELOOP).
const MAX_LINKS: usize = 40;

/// Replaces `path` with `bytes` atomically (see the module comment for
/// links and special files). A new file gets the permissions an ordinary
/// new file would (0666 less the umask); an existing one keeps its own.
pub fn write_replacing(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = follow_links(path)?;
    match fs::metadata(&target) {
        Ok(metadata) if metadata.is_dir() => Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "is a directory",
        )),
        Ok(metadata) if !metadata.is_file() => write_into_special(&target, bytes),
        Ok(metadata) => replace_regular(&target, bytes, Some(metadata.permissions())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => replace_regular(&target, bytes, None),
        Err(e) => Err(e),
    }
}

/// The file `path` finally names once every symbolic link is followed (the
/// link's own folder anchors a relative target); `path` itself if no link.
fn follow_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let target = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(folder) => folder.join(target),
                    None => target,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Writes into a device or a named pipe in place; a pipe nobody reads is an
/// error at once rather than a wait.
fn write_into_special(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let mut file = options.open(path).map_err(|e| {
        if e.raw_os_error() == Some(libc_enxio()) {
            io::Error::other("a named pipe with no program reading it")
        } else {
            e
        }
    })?;
    set_blocking(&file)?;
    file.write_all(bytes)?;
    file.flush()
}

#[cfg(unix)]
fn libc_enxio() -> i32 {
    libc::ENXIO
}

#[cfg(not(unix))]
fn libc_enxio() -> i32 {
    -1
}

/// Clears the non-blocking flag the file was opened with, so writes wait for a slow reader.
#[cfg(unix)]
fn set_blocking(file: &fs::File) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: fcntl on a descriptor this function's caller owns, with flag arguments only.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: as above.
    if unsafe { libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) } < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

#[cfg(not(unix))]
fn set_blocking(_file: &fs::File) -> io::Result<()> {
    Ok(())
}

/// Replaces the regular file (or creates the file) at `path` through a synced temporary file.
fn replace_regular(
    path: &Path,
    bytes: &[u8],
    permissions: Option<fs::Permissions>,
) -> io::Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    remove_stale_temporaries_once(folder);
    let prefix = format!("{TEMP_PREFIX}{}-", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TEMP_SUFFIX);
    if let Some(permissions) = permissions.or_else(new_file_permissions) {
        builder.permissions(permissions);
    }
    let mut temporary = builder.tempfile_in(folder)?;
    temporary.write_all(bytes)?;
    temporary.as_file().sync_all()?;
    temporary.persist(path).map_err(|e| e.error)?;
    sync_folder(folder)
}

/// 0666, which the umask narrows as for any new file (the system's default elsewhere).
fn new_file_permissions() -> Option<fs::Permissions> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Some(fs::Permissions::from_mode(0o666))
    }
    #[cfg(not(unix))]
    None
}

/// Removes, once per folder and process, the temporary files of saves that
/// were killed: their writer is gone, or they are a day old.
fn remove_stale_temporaries_once(folder: &Path) {
    static CLEANED: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);
    let key = std::path::absolute(folder).unwrap_or_else(|_| folder.to_path_buf());
    if let Ok(mut cleaned) = CLEANED.lock() {
        if !cleaned.get_or_insert_with(HashSet::new).insert(key) {
            return;
        }
    }
    remove_stale_temporaries(folder);
}

/// Removes the stale temporary files of ours in `folder` (best effort).
pub fn remove_stale_temporaries(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let Some(middle) = name
            .strip_prefix(TEMP_PREFIX)
            .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
        else {
            continue;
        };
        if is_stale(middle, &entry) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// A temporary file is stale when the process named in it has ended, or
/// (names without a process id, other systems) when it is a day old.
fn is_stale(middle: &str, entry: &fs::DirEntry) -> bool {
    let writer = middle
        .split_once('-')
        .and_then(|(pid, _)| pid.parse::<u32>().ok());
    if let Some(pid) = writer {
        if let Some(alive) = process_alive(pid) {
            return !alive;
        }
    }
    entry
        .metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|modified| SystemTime::now().duration_since(modified).ok())
        .is_some_and(|age| age > STALE_AGE)
}

/// Whether process `pid` runs, where the system can tell.
fn process_alive(pid: u32) -> Option<bool> {
    if pid == std::process::id() {
        return Some(true);
    }
    let proc_root = Path::new("/proc/self");
    proc_root
        .exists()
        .then(|| Path::new("/proc").join(pid.to_string()).exists())
}

/// Makes the rename durable (a no-op where folders cannot be opened).
fn sync_folder(folder: &Path) -> io::Result<()> {
    #[cfg(unix)]
    fs::File::open(folder)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = folder;
    Ok(())
}
