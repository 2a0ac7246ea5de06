//! Opening a workspace's reports off the UI thread: reading, decoding and
//! extraction of every report run in a worker; the window polls for them.

use std::path::PathBuf;

use std::sync::mpsc::{channel, Receiver, TryRecvError};

use crate::error::LoadError;
use crate::tracking::{OpenReport, Workspace};

/// A workspace opened: its reports and the files that could not be opened.
pub struct OpenedWorkspace {
    /// The workspace as loaded.
    pub workspace: Workspace,
    /// Where it is saved.
    pub file: PathBuf,
    /// The workspace file as it was read (what the first save merges against).
    pub on_disk: Option<Workspace>,
    /// Its reports, opened and extracted.
    pub reports: Vec<OpenReport>,
    /// Reports that could not be opened.
    pub errors: Vec<LoadError>,
}

/// At most one workspace load in flight.
#[derive(Default)]
pub struct WorkspaceLoader {
    pending: Option<Receiver<OpenedWorkspace>>,
}

impl WorkspaceLoader {
    /// Starts opening the reports of `workspace`, saved at `file`, which held `on_disk` when read.
    pub fn start(
        &mut self,
        workspace: Workspace,
        (file, on_disk): (PathBuf, Option<Workspace>),
        ctx: &egui::Context,
    ) {
        let (sender, receiver) = channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let (reports, errors) = workspace.open_reports();
            // The window may have closed or started another load; then nobody listens.
            let _ = sender.send(OpenedWorkspace {
                workspace,
                file,
                on_disk,
                reports,
                errors,
            });
            ctx.request_repaint();
        });
        self.pending = Some(receiver);
    }

    /// True while reports are being opened.
    pub fn busy(&self) -> bool {
        self.pending.is_some()
    }

    /// The opened workspace once it is ready, or why it could not be.
    pub fn poll(&mut self) -> Option<Result<OpenedWorkspace, String>> {
        let receiver = self.pending.as_ref()?;
        let outcome = match receiver.try_recv() {
            Ok(opened) => Ok(opened),
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => {
                Err("the thread opening the reports stopped unexpectedly".to_string())
            }
        };
        self.pending = None;
        Some(outcome)
    }
}
