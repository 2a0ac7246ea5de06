//! Opening a report off the UI thread: reading, decoding, structure and
//! extraction run in a worker thread; the window polls for the result and
//! shows a progress indicator meanwhile.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, TryRecvError};

use crate::document::Document;
use crate::error::LoadError;
use crate::gui::view::DocView;

/// The outcome of opening one file.
pub type Loaded = Result<DocView, LoadError>;

/// At most one load in flight.
#[derive(Default)]
pub struct Loader {
    pending: Option<(PathBuf, Receiver<Loaded>)>,
}

impl Loader {
    /// Starts opening `path`; a load still running is abandoned.
    pub fn start(&mut self, path: PathBuf, ctx: &egui::Context) {
        let (sender, receiver) = channel();
        let ctx = ctx.clone();
        let worker_path = path.clone();
        std::thread::spawn(move || {
            let loaded =
                Document::open(&worker_path).map(|doc| DocView::new(doc, Some(worker_path)));
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
