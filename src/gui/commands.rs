//! Actions the views ask for. Views return commands instead of changing the
//! app state themselves; [`crate::gui::ReportLensApp`] applies them in one place.

use std::path::PathBuf;

use crate::annotations::Colour;
use crate::export::{Format, TargetsFormat};
use crate::gui::notes::editor::EditorFocus;
use crate::gui::selection::Selection;
use crate::gui::settings::CentralTab;
use crate::tracking::{IndicatorRef, ReportInfo, Verdict};

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
    /// Scroll the text to a char offset (an outline click).
    ScrollTo(usize),
    /// Set the zoom factor.
    Zoom(f32),
    /// Show or hide the find bar.
    ToggleFind,
    /// Show or hide the go-to-page prompt.
    ToggleGoto,
    /// Dismiss the error message.
    DismissError,
    /// Dismiss the warning about how the report was decoded.
    DismissDecodeWarning,
    /// Replace the text selection.
    SetSelection(Option<Selection>),
    /// Copy the selected text to the clipboard.
    CopySelection,
    /// Highlight the selection (or recolour the annotation it matches).
    Highlight(Colour),
    /// Annotate the selection and open the editor on its note or tags.
    AnnotateSelection(EditorFocus),
    /// An indicator was clicked in the text: select it and offer to track it.
    IndicatorClicked(usize),
    /// Close the indicator popup.
    DismissPopup,
    /// Track an indicator (by index) as a target.
    Track(usize),
    /// Open the editor on an annotation.
    EditAnnotation(String),
    /// Scroll to an annotation and open its editor.
    JumpToAnnotation(String),
    /// Delete an annotation (undoable).
    DeleteAnnotation(String),
    /// Undo the last annotation change.
    Undo,
    /// Redo the last undone annotation change.
    Redo,
    /// Export the notes through the save dialog.
    ExportNotes(Format),
    /// Open a report file and scroll to a char offset once it is shown.
    OpenAt(PathBuf, usize),
    /// Record the reader's verdict on a link: target, reported figure, verdict.
    DecideLink(IndicatorRef, IndicatorRef, Verdict),
    /// Set what a workspace report is (by index).
    SetReportInfo(usize, ReportInfo),
    /// Pick a folder and open its reports as the workspace.
    OpenFolder,
    /// Pick report files and add them to the workspace.
    AddReports,
    /// Pick a workspace file and open it.
    OpenWorkspaceFile,
    /// Open a workspace file, reading the reports it names outside its folder (the reader agreed).
    OpenWorkspaceOutside(PathBuf),
    /// Close the question about reports outside a workspace's folder without opening it.
    CancelOutsidePrompt,
    /// Save the workspace to a file the user picks.
    SaveWorkspaceAs,
    /// Export the targets table through the save dialog.
    ExportTargets(TargetsFormat),
    /// Show the reader or the targets tab.
    ShowTab(CentralTab),
    /// Dismiss the notes notice.
    DismissNotice,
}
