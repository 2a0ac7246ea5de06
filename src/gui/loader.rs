//! Opening a report off the UI thread: reading, decoding, structure,
//! extraction and loading its notes run in a worker thread; the window polls for the result and
//! shows a progress indicator meanwhile.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, TryRecvError};

use crate::annotations::{self, NotesFile};
use crate::document::Document;
use crate::error::LoadError;
use crate::gui::view::DocView;

/// The outcome of opening one file: its view and its notes.
pub type Loaded = Result<(DocView, annotations::Loaded), LoadError>;

/// At most one load in flight.
#[derive(Default)]
pub struct Loader {
    pending: Option<(PathBuf, Receiver<Loaded>)>,
}

impl Loader {
    /// Starts opening `path` and its notes (sidecar, or in `data_dir`); a
    /// load still running is abandoned.
    pub fn start(&mut self, path: PathBuf, data_dir: PathBuf, ctx: &egui::Context) {
        let (sender, receiver) = channel();
        let ctx = ctx.clone();
        let worker_path = path.clone();
        std::thread::spawn(move || {
            let loaded = Document::open(&worker_path).map(|doc| {
                let notes = NotesFile::open(Some(&worker_path), &doc, &data_dir);
                (DocView::new(doc, Some(worker_path)), notes)
            });
            // The window may have closed or started another load; then nobody listens.
            let _ = sender.send(loaded);
            ctx.request_repaint();
        });
        self.pending = Some((path, receiver));
    }

    /// The file being opened, if any.
    pub fn busy(&self) -> Option<&Path> {
        self.pending.as_ref().map(|(path, _)| path.as_path())
    }

    /// The finished load, if it has finished.
    pub fn poll(&mut self) -> Option<(PathBuf, Loaded)> {
        let (path, receiver) = self.pending.as_ref()?;
        let loaded = match receiver.try_recv() {
            Ok(loaded) => loaded,
            Err(TryRecvError::Empty) => return None,
            // The worker died without an answer: report it instead of waiting forever.
            Err(TryRecvError::Disconnected) => Err(LoadError::Unreadable {
                path: path.clone(),
                source: std::io::Error::other("the reading thread stopped unexpectedly"),
            }),
        };
        self.pending.take().map(|(path, _)| (path, loaded))
    }
}
