//! The open document's annotations as the window holds them: the undoable
//! store, its sidecar, and the autosave that writes every change within a
//! second, checks every second for changes made by another program, and
//! flushes on exit.

use crate::annotations::{
    AnnotationStore, Diversion, Loaded, NotesFile, PlacementCounts, SidecarLocation, SyncOutcome,
};

/// Seconds after a change before it is written (well within the promised second).
pub const AUTOSAVE_DELAY: f64 = 0.3;
/// Seconds between checks for changes another program made to the sidecar.
pub const CHECK_INTERVAL: f64 = 1.0;

/// Something the reader should be told about their notes.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The report's text changed since the notes were saved; they were re-anchored.
    Reanchored(PlacementCounts),
    /// Another program changed the sidecar; its changes were merged with ours.
    Merged,
    /// The sidecar cannot be used; it is left untouched and notes go to a recovery file.
    Diverted(Diversion),
    /// The last save failed; it is retried.
    SaveFailed(String),
}

/// The annotations of the open document and their sidecar.
pub struct NotesSession {
    /// The annotations, with undo and redo.
    pub store: AnnotationStore,
    file: NotesFile,
    saved_revision: u64,
    /// Set when the notes must be written although nothing changed (a new recovery file).
    must_write: bool,
    changed_at: Option<f64>,
    last_check: f64,
    /// What the reader should know, until dismissed.
    pub notice: Option<Notice>,
}

impl NotesSession {
    /// The session of freshly loaded notes.
    pub fn new(loaded: Loaded) -> Self {
        let store = AnnotationStore::with(loaded.annotations);
        let notice = match (loaded.notes.diversion(), loaded.placement) {
            (Some(diversion), _) => Some(Notice::Diverted(diversion.clone())),
            (None, Some(counts)) => Some(Notice::Reanchored(counts)),
            (None, None) => None,
        };
        Self {
            saved_revision: store.revision(),
            must_write: false,
            store,
            file: loaded.notes,
            changed_at: None,
            last_check: 0.0,
            notice,
        }
    }

    /// Where the notes are saved.
    pub fn location(&self) -> &SidecarLocation {
        self.file.location()
    }

    /// The file being written: the sidecar or a recovery file.
    pub fn target(&self) -> &std::path::Path {
        self.file.target()
    }

    /// True when a change has not been written yet.
    pub fn is_dirty(&self) -> bool {
        self.must_write || self.store.revision() != self.saved_revision
    }

    /// Saves when a change is due and checks the file for outside changes;
    /// returns how soon it wants to run again, if it has something pending.
    pub fn tick(&mut self, now: f64) -> Option<f64> {
        if self.is_dirty() {
            let since = *self.changed_at.get_or_insert(now);
            if now - since < AUTOSAVE_DELAY {
                return Some(AUTOSAVE_DELAY - (now - since));
            }
            self.save();
            self.last_check = now;
        } else if now - self.last_check >= CHECK_INTERVAL {
            self.last_check = now;
            let outcome = self.file.check_outside(self.store.all());
            self.absorb(outcome);
        }
        if self.is_dirty() {
            Some(AUTOSAVE_DELAY)
        } else {
            Some(CHECK_INTERVAL)
        }
    }

    /// Writes any unsaved change now (on exit, and before another report opens).
    /// When even that fails, the notes are written to a new file in
    /// `rescue_folder`, whose path is returned.
    pub fn flush(&mut self, rescue_folder: &std::path::Path) -> Option<std::path::PathBuf> {
        if self.is_dirty() {
            self.save();
        }
        if !self.is_dirty() {
            return None;
        }
        self.file.rescue(self.store.all(), rescue_folder).ok()
    }

    fn save(&mut self) {
        let outcome = self.file.save(self.store.all());
        let saved = outcome.is_ok();
        self.absorb(outcome);
        if saved {
            // After a merge the store holds what was written.
            self.saved_revision = self.store.revision();
            self.must_write = false;
        }
        self.changed_at = None;
    }

    fn absorb(&mut self, outcome: std::io::Result<SyncOutcome>) {
        match outcome {
            Ok(SyncOutcome::Unchanged | SyncOutcome::Saved) => {
                if matches!(self.notice, Some(Notice::SaveFailed(_))) {
                    self.notice = None;
                }
            }
            Ok(SyncOutcome::Merged(merged)) => {
                self.store.replace_all(merged);
                self.notice = Some(Notice::Merged);
            }
            Ok(SyncOutcome::Diverted(diversion)) => {
                // The recovery file the notice names must exist at once, not at the next edit.
                self.must_write = true;
                self.notice = Some(Notice::Diverted(diversion));
            }
            Err(error) => self.notice = Some(Notice::SaveFailed(error.to_string())),
        }
    }
}
