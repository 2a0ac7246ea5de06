//! Annotating in the window: the open document's notes and their autosave
//! ([`session`]), the toolbar over a selection and the indicator popup
//! ([`toolbar`]), the annotation editor ([`editor`]) and the notes panel ([`panel`]).

pub mod editor;
pub mod panel;
pub mod session;
pub mod toolbar;
