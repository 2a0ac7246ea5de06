//! The sidecar of one open report: where it lives, loading it (re-anchoring
//! when the text changed), saving it, and noticing when another program
//! changed it. A sidecar that cannot be used is never written over: the
//! notes go to a recovery file beside it instead. Only regular files of at
//! most [`sidecar::MAX_BYTES`] are read: a FIFO, a device or a huge file in
//! the sidecar's place is refused at once, with a diversion.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::annotations::merge::merge;
use crate::annotations::model::{new_id, Anchor, Annotation, TextPosition};
use crate::annotations::reanchor::{reanchor, reanchor_all, PlacementCounts};
use crate::annotations::sidecar::{self, DocumentInfo, Sidecar, SidecarError, SUFFIX};
use crate::document::Document;
use crate::files::ReadError;
use crate::files::{lock, FileLock};

/// Where a report's sidecar is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SidecarLocation {
    /// The sidecar file.
    pub path: PathBuf,
    /// True when it sits next to the report; false when in the app's data folder.
    pub beside_report: bool,
}

impl SidecarLocation {
    /// Next to `report` when its folder can be written, else in `data_dir`
    /// (as for the bundled sample, which has no file: `report` is `None`).
    pub fn resolve(report: Option<&Path>, doc_name: &str, data_dir: &Path) -> Self {
        // "plan.txt" has no folder to write in or to look for recovery files: make it absolute.
        let absolute = report.map(|r| std::path::absolute(r).unwrap_or_else(|_| r.to_path_buf()));
        let report = absolute.as_deref();
        if let Some(path) = report.and_then(beside) {
            if path.parent().is_some_and(folder_writable) {
                return Self {
                    path,
                    beside_report: true,
                };
            }
        }
        let key = report
            .map(|r| fs::canonicalize(r).unwrap_or_else(|_| r.to_path_buf()))
            .map(|r| format!("-{}", &sidecar::text_sha256(&r.to_string_lossy())[..12]))
            .unwrap_or_default();
        Self {
            path: data_dir
                .join("sidecars")
                .join(format!("{doc_name}{key}{SUFFIX}")),
            beside_report: false,
        }
    }
}

/// `<report file name>.reportlens.json` in the report's folder.
pub fn beside(report: &Path) -> Option<PathBuf> {
    let name = report.file_name()?;
    let mut sidecar_name = name.to_owned();
    sidecar_name.push(SUFFIX);
    Some(report.with_file_name(sidecar_name))
}

fn folder_writable(folder: &Path) -> bool {
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    tempfile::tempfile_in(folder).is_ok()
}

/// The app's data folder: `REPORTLENS_DATA_DIR` if set, else the platform's
/// (`~/.local/share/reportlens` on Linux), else a folder in the temp dir.
pub fn data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("REPORTLENS_DATA_DIR") {
        return PathBuf::from(dir);
    }
    directories::ProjectDirs::from("", "", "ReportLens")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .unwrap_or_else(|| std::env::temp_dir().join("reportlens"))
}

/// Why the sidecar is not being written, and where the notes go instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diversion {
    /// What is wrong with the sidecar.
    pub reason: String,
    /// The recovery file the notes are saved to.
    pub recovery: PathBuf,
}

/// What the file on disk was when last read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Fingerprint {
    len: u64,
    modified: Option<SystemTime>,
    sha256: String,
}

/// A report's annotations as loaded, and what happened loading them.
#[derive(Debug)]
pub struct Loaded {
    /// The sidecar to save them to.
    pub notes: NotesFile,
    /// The annotations, placed on the current text.
    pub annotations: Vec<Annotation>,
    /// How they were placed, when the text had changed since they were saved.
    pub placement: Option<PlacementCounts>,
}

/// What a save or a check for outside changes did.
#[derive(Debug, Clone, PartialEq)]
pub enum SyncOutcome {
    /// Nothing to report.
    Unchanged,
    /// Written.
    Saved,
    /// Another program had changed the sidecar; these are the merged
    /// annotations, now in effect.
    Merged(Vec<Annotation>),
    /// The sidecar became unusable; the notes now go to a recovery file.
    Diverted(Diversion),
}

/// The sidecar of one open report.
#[derive(Debug)]
pub struct NotesFile {
    location: SidecarLocation,
    document: DocumentInfo,
    text: Vec<char>,
    diversion: Option<Diversion>,
    /// The annotations on disk as of the last read or write: the merge base.
    base: Vec<Annotation>,
    seen: Option<Fingerprint>,
}

impl NotesFile {
    /// Loads the annotations of `doc`, read from `report` (None for the sample).
    pub fn open(report: Option<&Path>, doc: &Document, data_dir: &Path) -> Loaded {
        let location = SidecarLocation::resolve(report, &doc.name, data_dir);
        let mut notes = Self {
            document: DocumentInfo::of(doc),
            text: doc.text.chars().collect(),
            diversion: None,
            base: Vec::new(),
            seen: None,
            location,
        };
        let source = notes.source(report);
        let mut placement = None;
        let annotations = match read(&source) {
            Ok(None) => Vec::new(),
            Ok(Some((bytes, fingerprint))) => match notes.accept(&bytes, &mut placement) {
                Ok(annotations) => {
                    if source == notes.location.path {
                        notes.seen = Some(fingerprint);
                        notes.base = annotations.clone();
                    }
                    annotations
                }
                Err(reason) => notes.divert_resuming(reason.to_string()),
            },
            Err(error) => notes.divert_resuming(SidecarError::from(error).to_string()),
        };
        Loaded {
            notes,
            annotations,
            placement,
        }
    }

    /// Where the annotations are saved.
    pub fn location(&self) -> &SidecarLocation {
        &self.location
    }

    /// Why the sidecar is not written and where the notes go, if so.
    pub fn diversion(&self) -> Option<&Diversion> {
        self.diversion.as_ref()
    }

    /// Writes `annotations` to a new file in `folder`, when they cannot be
    /// saved where they belong and the report is being closed; returns its path.
    pub fn rescue(&self, annotations: &[Annotation], folder: &Path) -> io::Result<PathBuf> {
        let stamp = humantime::format_rfc3339_seconds(SystemTime::now())
            .to_string()
            .replace(':', "");
        let name = format!("{}.rescued-{stamp}{SUFFIX}", self.document.file_name);
        let path = folder.join("rescued").join(name);
        fs::create_dir_all(folder.join("rescued"))?;
        let bytes = Sidecar::new(self.document.clone(), annotations.to_vec()).to_bytes();
        sidecar::write_atomic(&path, &bytes)?;
        Ok(path)
    }

    /// The file the next save writes.
    pub fn target(&self) -> &Path {
        self.diversion
            .as_ref()
            .map_or(&self.location.path, |d| &d.recovery)
    }

    /// Saves `annotations`, first merging any change another program made.
    /// The file's contents are compared, not only its size and time, which
    /// may not change when it is written twice within a clock tick.
    /// The save runs under the sidecar's lock, which every ReportLens
    /// (window or command line) takes, so that no other save slips in
    /// between the merge and the write.
    pub fn save(&mut self, annotations: &[Annotation]) -> io::Result<SyncOutcome> {
        if let Some(folder) = self.target().parent() {
            fs::create_dir_all(folder)?;
        }
        let _lock =
            FileLock::acquire(self.target(), lock::DEFAULT_WAIT).map_err(io::Error::other)?;
        let mut outcome = self.merge_outside(annotations)?;
        let current = match &outcome {
            SyncOutcome::Merged(merged) => merged.as_slice(),
            _ => annotations,
        };
        let bytes = Sidecar::new(self.document.clone(), current.to_vec()).to_bytes();
        sidecar::write_atomic(self.target(), &bytes)?;
        if self.diversion.is_none() {
            self.base = current.to_vec();
            self.seen = fingerprint(&self.location.path)?;
        }
        if outcome == SyncOutcome::Unchanged {
            outcome = SyncOutcome::Saved;
        }
        Ok(outcome)
    }

    /// Looks for a change another program made to the sidecar since it was
    /// last read or written, and merges it with `annotations`.
    pub fn check_outside(&mut self, annotations: &[Annotation]) -> io::Result<SyncOutcome> {
        if !self.changed_on_disk() {
            return Ok(SyncOutcome::Unchanged);
        }
        self.merge_outside(annotations)
    }

    /// Merges the sidecar's annotations with `annotations` if its contents
    /// differ from what was last read or written.
    fn merge_outside(&mut self, annotations: &[Annotation]) -> io::Result<SyncOutcome> {
        if self.diversion.is_some() {
            return Ok(SyncOutcome::Unchanged);
        }
        let (bytes, fingerprint) = match read(&self.location.path) {
            Ok(Some(read)) => read,
            Ok(None) => return Ok(SyncOutcome::Unchanged),
            Err(ReadError::Io { source, .. }) => return Err(source),
            Err(refused) => {
                let reason = SidecarError::from(refused).to_string();
                return Ok(SyncOutcome::Diverted(self.divert_to_new(reason)));
            }
        };
        if self
            .seen
            .as_ref()
            .is_some_and(|s| s.sha256 == fingerprint.sha256)
        {
            self.seen = Some(fingerprint);
            return Ok(SyncOutcome::Unchanged);
        }
        match self.accept(&bytes, &mut None) {
            Ok(theirs) => {
                let merged = merge(&self.base, annotations, &theirs);
                self.base = theirs;
                self.seen = Some(fingerprint);
                Ok(SyncOutcome::Merged(merged))
            }
            Err(reason) => {
                let diversion = self.divert_to_new(reason.to_string());
                Ok(SyncOutcome::Diverted(diversion))
            }
        }
    }

    /// The file to load from: the sidecar, or one beside a report in a
    /// folder that cannot be written when the data folder has none yet.
    fn source(&self, report: Option<&Path>) -> PathBuf {
        if !self.location.beside_report && !self.location.path.exists() {
            if let Some(path) = report.and_then(beside).filter(|p| p.exists()) {
                return path;
            }
        }
        self.location.path.clone()
    }

    /// The annotations of a sidecar's bytes, placed on this document's text.
    fn accept(
        &self,
        bytes: &[u8],
        placement: &mut Option<PlacementCounts>,
    ) -> Result<Vec<Annotation>, SidecarError> {
        let mut sidecar = sidecar::parse(bytes)?;
        give_repeated_ids_new_ones(&mut sidecar.annotations);
        if sidecar.document.sha256 == self.document.sha256 {
            if let Some(counts) = self.replace_misplaced(&mut sidecar.annotations) {
                *placement = Some(counts);
            }
            return Ok(sidecar.annotations);
        }
        if sidecar.document.file_name != self.document.file_name {
            return Err(SidecarError::OtherDocument(sidecar.document.file_name));
        }
        *placement = Some(reanchor_all(&self.text, &mut sidecar.annotations));
        Ok(sidecar.annotations)
    }

    /// Re-anchors the placed annotations whose position does not hold their
    /// quote in this text (a hand-edited sidecar: outside the text, start
    /// after end, other words), counting how all were placed; None when every
    /// position holds.
    fn replace_misplaced(&self, annotations: &mut [Annotation]) -> Option<PlacementCounts> {
        let holds = |anchor: &Anchor| {
            let TextPosition { start, end } = anchor.position;
            start < end
                && end <= self.text.len()
                && self.text[start..end]
                    .iter()
                    .copied()
                    .eq(anchor.quote.exact.chars())
        };
        let misplaced = |a: &Annotation| !a.anchor.unplaced && !holds(&a.anchor);
        if !annotations.iter().any(misplaced) {
            return None;
        }
        let mut counts = PlacementCounts::default();
        for annotation in annotations {
            if annotation.anchor.unplaced {
                counts.unplaced += 1;
            } else if holds(&annotation.anchor) {
                counts.exact += 1;
            } else {
                counts.count(reanchor(&self.text, &mut annotation.anchor));
            }
        }
        Some(counts)
    }

    /// Stops writing the sidecar and goes on with the newest usable recovery
    /// file, if any; returns its notes.
    fn divert_resuming(&mut self, reason: String) -> Vec<Annotation> {
        let Some((recovery, notes)) = self.latest_recovery() else {
            self.divert_to_new(reason);
            return Vec::new();
        };
        self.diversion = Some(Diversion { reason, recovery });
        notes
    }

    /// Stops writing the sidecar and saves to a new recovery file: an earlier
    /// one holds notes not loaded, so it is not written over.
    fn divert_to_new(&mut self, reason: String) -> Diversion {
        let diversion = Diversion {
            reason,
            recovery: self.new_recovery_path(),
        };
        self.diversion = Some(diversion.clone());
        diversion
    }

    /// A recovery file name stamped now, with `~2`, `~3` … when taken.
    fn new_recovery_path(&self) -> PathBuf {
        let stamp = humantime::format_rfc3339_seconds(SystemTime::now())
            .to_string()
            .replace(':', "");
        let prefix = self.recovery_prefix();
        let mut path = self
            .location
            .path
            .with_file_name(format!("{prefix}{stamp}.json"));
        let mut taken = 1;
        while path.exists() {
            taken += 1;
            path.set_file_name(format!("{prefix}{stamp}~{taken}.json"));
        }
        path
    }

    /// `report.txt.reportlens.recovery-`: recovery files start with this.
    fn recovery_prefix(&self) -> String {
        let name = self
            .location
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        format!("{}.recovery-", name.trim_end_matches(".json"))
    }

    /// The newest recovery file of this document that reads cleanly, with its notes.
    fn latest_recovery(&self) -> Option<(PathBuf, Vec<Annotation>)> {
        let folder = self.location.path.parent()?;
        let prefix = self.recovery_prefix();
        let mut paths: Vec<PathBuf> = fs::read_dir(folder)
            .ok()?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(&prefix))
                    && p.extension().is_some_and(|e| e == "json")
            })
            .collect();
        paths.sort();
        paths.into_iter().rev().find_map(|path| {
            let (bytes, _) = read(&path).ok()??;
            let notes = self.accept(&bytes, &mut None).ok()?;
            Some((path, notes))
        })
    }

    fn changed_on_disk(&self) -> bool {
        let Ok(metadata) = fs::metadata(&self.location.path) else {
            return false;
        };
        self.seen.as_ref().is_none_or(|seen| {
            seen.len != metadata.len() || seen.modified != metadata.modified().ok()
        })
    }
}

/// A hand-edited sidecar may hold two annotations with one id; each keeps
/// its words under an id of its own (the store and the merge key on ids).
fn give_repeated_ids_new_ones(annotations: &mut [Annotation]) {
    let mut seen = std::collections::HashSet::new();
    for annotation in annotations {
        if !seen.insert(annotation.id.clone()) {
            annotation.id = new_id();
            seen.insert(annotation.id.clone());
        }
    }
}

/// The bytes of the sidecar or recovery file `path` and their fingerprint;
/// None when there is no file. Special files and files over
/// [`sidecar::MAX_BYTES`] are refused unread.
fn read(path: &Path) -> Result<Option<(Vec<u8>, Fingerprint)>, ReadError> {
    let bytes = match sidecar::read(path) {
        Ok(bytes) => bytes,
        Err(ReadError::NotFound { .. }) => return Ok(None),
        Err(e) => return Err(e),
    };
    let metadata = fs::metadata(path).map_err(|source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let fingerprint = Fingerprint {
        len: metadata.len(),
        modified: metadata.modified().ok(),
        sha256: sidecar::text_sha256(&String::from_utf8_lossy(&bytes)),
    };
    Ok(Some((bytes, fingerprint)))
}

/// The fingerprint of the file just written at `path`.
fn fingerprint(path: &Path) -> io::Result<Option<Fingerprint>> {
    let read = read(path).map_err(sidecar::into_io_error)?;
    Ok(read.map(|(_, f)| f))
}
