//! The reader's annotations: highlights, notes, tags and tracked targets
//! ([`model`]), the undoable store the window edits ([`store`]), the sidecar
//! file they are saved to ([`sidecar`], [`notes_file`]), putting them back on
//! a changed text ([`reanchor`]), merging outside changes ([`merge`]) and
//! suggesting tags ([`keywords`]). Nothing here knows about the window.

pub mod keywords;
pub mod merge;
pub mod model;
pub mod notes_file;
pub mod reanchor;
pub mod sidecar;
pub mod store;

pub use model::{Anchor, Annotation, Colour, Status, TextPosition, TextQuote, TrackedIndicator};
pub use notes_file::{data_dir, Diversion, Loaded, NotesFile, SidecarLocation, SyncOutcome};
pub use reanchor::{Placement, PlacementCounts};
pub use sidecar::{DocumentInfo, Sidecar, SidecarError};
pub use store::AnnotationStore;
