//! Actions the views ask for. Views return commands instead of changing the
//! app state themselves; [`crate::gui::ReportLensApp`] applies them in one place.

use std::path::PathBuf;

/// One action requested by the user through a view.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Open a report file.
    Open(PathBuf),
    /// Show the native open dialog.
    OpenDialog,
    /// Open the bundled sample report.
    OpenSample,
    /// Select an indicator (by index) and scroll the text to it.
    Reveal(usize),
    /// Select an indicator without moving the text (a click in the text).
    Select(usize),
    /// Scroll the text to a char offset (an outline click).
    ScrollTo(usize),
    /// Set the zoom factor.
    Zoom(f32),
    /// Show or hide the find bar.
    ToggleFind,
    /// Dismiss the error message.
    DismissError,
}
