//! The workspace file on disk. Reading it: only a regular file of bounded
//! size, and the reports it names outside its own folder (`../x`, `/etc/…`)
//! only when the caller allows it. Saving it: under a lock shared by the
//! window and the command line, merged with whatever another program saved
//! since it was read (so that two saves at once lose nothing), with report
//! paths relative to it, and names that are not UTF-8 kept as their bytes.

use std::path::{Component, Path, PathBuf};

use crate::files::{self, lock, read_regular, FileLock, ReadError};
use crate::tracking::workspace::{Workspace, WorkspaceError, FORMAT, VERSION};

/// Largest workspace file read, in bytes: a workspace of 10,000 reports
/// with a decision on each is about 3 MB.
pub const MAX_WORKSPACE_BYTES: u64 = 32 * 1024 * 1024;

/// Whether reports named outside the workspace's folder are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutsideFolder {
    /// Refuse the workspace, naming them (a workspace received from someone else).
    Refuse,
    /// Read them (the user said so, or the workspace is the app's own).
    Allow,
}

impl Workspace {
    /// Reads a workspace file; report paths come back joined to its folder.
    pub fn load(path: &Path, outside: OutsideFolder) -> Result<Self, WorkspaceError> {
        let bytes = read_regular(path, MAX_WORKSPACE_BYTES).map_err(|e| read_error(path, e))?;
        let workspace = Self::parse(path, &bytes)?;
        let folder = folder_of(path);
        let escaping: Vec<PathBuf> = workspace
            .reports
            .iter()
            .filter(|r| leaves_folder(&r.path, folder))
            .map(|r| r.path.clone())
            .collect();
        if outside == OutsideFolder::Refuse && !escaping.is_empty() {
            return Err(WorkspaceError::OutsideFolder {
                path: path.to_path_buf(),
                reports: escaping,
            });
        }
        Ok(workspace.joined_to(folder))
    }

    /// True when `path` is a workspace file (a `.json` file whose `format`
    /// field says so), so that opening it opens the workspace rather than
    /// showing its JSON as a report. Reports are not read for this.
    pub fn is_workspace_file(path: &Path) -> bool {
        if !path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        {
            return false;
        }
        #[derive(serde::Deserialize)]
        struct Format {
            format: String,
        }
        read_regular(path, MAX_WORKSPACE_BYTES)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Format>(&bytes).ok())
            .is_some_and(|f| f.format == FORMAT)
    }

    /// Saves the workspace to `path` (all or nothing) and returns what was
    /// written. Under the file's lock, what is on disk is merged in first:
    /// reports, identities and decisions another program added since `base`
    /// (the workspace as read from `path`, None when it was not read) are kept.
    /// A file at `path` that is not a workspace is never replaced.
    pub fn save(&self, path: &Path, base: Option<&Workspace>) -> Result<Workspace, WorkspaceError> {
        let _lock = FileLock::acquire(path, lock::DEFAULT_WAIT)?;
        let merged = match Self::on_disk(path)? {
            Some(theirs) => self.merged_with(&theirs, base.unwrap_or(&Workspace::default())),
            None => self.clone(),
        };
        let bytes = merged
            .to_bytes(folder_of(path))
            .map_err(|reason| WorkspaceError::Invalid {
                path: path.to_path_buf(),
                reason,
            })?;
        files::write_replacing(path, &bytes).map_err(|source| WorkspaceError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(merged)
    }

    /// The workspace now at `path`: None when there is no file; an error
    /// when the file is not a workspace this build can merge with.
    fn on_disk(path: &Path) -> Result<Option<Workspace>, WorkspaceError> {
        if !path.exists() && path.symlink_metadata().is_err() {
            return Ok(None);
        }
        let refuse = |reason: String| WorkspaceError::Invalid {
            path: path.to_path_buf(),
            reason: format!("{reason}; it was left untouched, save the workspace to another file"),
        };
        let bytes = match read_regular(path, MAX_WORKSPACE_BYTES) {
            Ok(bytes) => bytes,
            Err(ReadError::NotFound { .. }) => return Ok(None),
            Err(ReadError::NotRegular { what, .. }) => return Err(refuse(format!("it is {what}"))),
            Err(error) => return Err(read_error(path, error)),
        };
        match Self::parse(path, &bytes) {
            Ok(workspace) => Ok(Some(workspace.joined_to(folder_of(path)))),
            Err(WorkspaceError::Invalid { reason, .. }) => Err(refuse(reason)),
            Err(error) => Err(error),
        }
    }

    /// The workspace in `bytes`, checked for format and version.
    fn parse(path: &Path, bytes: &[u8]) -> Result<Self, WorkspaceError> {
        let invalid = |reason: String| WorkspaceError::Invalid {
            path: path.to_path_buf(),
            reason,
        };
        let workspace: Workspace =
            files::json::parse_json(bytes).map_err(|e| invalid(e.to_string()))?;
        if workspace.format != FORMAT {
            return Err(invalid(format!("format is {:?}", workspace.format)));
        }
        if workspace.version > VERSION {
            return Err(invalid(format!(
                "version {} is newer than {VERSION}",
                workspace.version
            )));
        }
        Ok(workspace)
    }

    /// The same workspace with each report path joined to `folder`.
    fn joined_to(mut self, folder: &Path) -> Self {
        for report in &mut self.reports {
            report.path = folder.join(&report.path);
        }
        self
    }

    /// Pretty JSON with a final newline, report paths relative to `folder`.
    fn to_bytes(&self, folder: &Path) -> Result<Vec<u8>, String> {
        let mut relative = self.clone();
        for report in &mut relative.reports {
            report.path = relative_to(&report.path, folder);
        }
        let mut bytes = serde_json::to_vec_pretty(&relative).map_err(|e| e.to_string())?;
        bytes.push(b'\n');
        Ok(bytes)
    }

    /// Ours, plus what `theirs` added or changed since `base`: reports,
    /// identities we left as they were, and decisions on links we did not decide.
    fn merged_with(&self, theirs: &Workspace, base: &Workspace) -> Workspace {
        let mut merged = self.clone();
        let same = |a: &Path, b: &Path| absolute(a) == absolute(b);
        let in_base = |p: &Path| base.reports.iter().find(|r| same(&r.path, p));
        for report in &theirs.reports {
            match merged
                .reports
                .iter_mut()
                .find(|r| same(&r.path, &report.path))
            {
                Some(ours) => {
                    let base_info = in_base(&report.path).and_then(|r| r.info.clone());
                    if ours.info == base_info && report.info != base_info {
                        ours.info.clone_from(&report.info);
                    }
                }
                None if in_base(&report.path).is_none() => merged.reports.push(report.clone()),
                None => {}
            }
        }
        for decision in &theirs.decisions {
            let decided = |d: &&crate::tracking::LinkDecision| {
                d.target == decision.target && d.actual == decision.actual
            };
            if !base.decisions.contains(decision) && !merged.decisions.iter().any(|d| decided(&d)) {
                merged.decisions.push(decision.clone());
            }
        }
        merged
    }
}

/// The folder a workspace file's relative paths start from.
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// True when `report` (as written in a workspace in `folder`) lies outside
/// `folder`: absolute elsewhere, climbing out with `..`, or a link out of it.
fn leaves_folder(report: &Path, folder: &Path) -> bool {
    let folder = absolute(folder);
    let joined = normalise(&folder.join(report));
    if !joined.starts_with(&folder) {
        return true;
    }
    match (
        std::fs::canonicalize(&joined),
        std::fs::canonicalize(&folder),
    ) {
        (Ok(real), Ok(real_folder)) => !real.starts_with(real_folder),
        _ => false,
    }
}

/// `path` with `.` and `..` resolved by name alone.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

fn absolute(path: &Path) -> PathBuf {
    normalise(&std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()))
}

/// `path` relative to `folder` when it lies inside it, else absolute.
fn relative_to(path: &Path, folder: &Path) -> PathBuf {
    let (path, folder) = (absolute(path), absolute(folder));
    path.strip_prefix(&folder)
        .map_or(path.clone(), Path::to_path_buf)
}

fn read_error(path: &Path, error: ReadError) -> WorkspaceError {
    let source = match error {
        ReadError::Io { source, .. } => source,
        other => std::io::Error::other(strip_path(path, &other.to_string())),
    };
    WorkspaceError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The message of a [`ReadError`] without its leading "path: ", which the
/// workspace error adds itself.
fn strip_path(path: &Path, message: &str) -> String {
    let prefix = format!("{}: ", path.display());
    message.strip_prefix(&prefix).unwrap_or(message).to_string()
}

/// Report paths in the file: a string when the name is UTF-8, else
/// `{"unix_bytes": [..]}` holding the name's bytes, so that GBK names from
/// archives made on Chinese Windows round-trip.
pub mod path_serde {
    use std::path::{Path, PathBuf};

    use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    #[serde(untagged)]
    enum Stored {
        Text(String),
        Bytes { unix_bytes: Vec<u8> },
    }

    /// Writes `path` as a string, or as its bytes when it is not UTF-8.
    pub fn serialize<S: Serializer>(path: &Path, serializer: S) -> Result<S::Ok, S::Error> {
        if let Some(text) = path.to_str() {
            return serializer.serialize_str(text);
        }
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let unix_bytes = path.as_os_str().as_bytes().to_vec();
            Stored::Bytes { unix_bytes }.serialize(serializer)
        }
        #[cfg(not(unix))]
        Err(serde::ser::Error::custom(format!(
            "the path {} is not valid Unicode",
            path.display()
        )))
    }

    /// Reads a path written by [`serialize`].
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<PathBuf, D::Error> {
        match Stored::deserialize(deserializer)? {
            Stored::Text(text) => Ok(PathBuf::from(text)),
            Stored::Bytes { unix_bytes } => from_bytes(unix_bytes),
        }
    }

    #[cfg(unix)]
    fn from_bytes<E: de::Error>(bytes: Vec<u8>) -> Result<PathBuf, E> {
        use std::os::unix::ffi::OsStringExt;
        Ok(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
    }

    #[cfg(not(unix))]
    fn from_bytes<E: de::Error>(_bytes: Vec<u8>) -> Result<PathBuf, E> {
        Err(E::custom(
            "a path saved as Unix bytes cannot be read on this system",
        ))
    }
}
