//! The application state and the one place where commands change it.

use std::path::PathBuf;

use crate::annotations::{self, Annotation, NotesFile};
use crate::document::Document;
use crate::gui::commands::Command;
use crate::gui::i18n::Key;
use crate::gui::loader::Loader;
use crate::gui::notes::editor::EditorState;
use crate::gui::notes::panel::NotesFilter;
use crate::gui::notes::session::NotesSession;
use crate::gui::panels::find::FindState;
use crate::gui::panels::pages::GotoState;
use crate::gui::panels::table::TableState;
use crate::gui::reader::HeightCache;
use crate::gui::selection::Selection;
use crate::gui::settings::Settings;
use crate::gui::targets::loader::WorkspaceLoader;
use crate::gui::targets::state::TargetsState;
use crate::gui::view::DocView;
use crate::gui::{fonts, SAMPLE_NAME, SAMPLE_TEXT};
use crate::tracking::{OutsideFolder, Workspace};

/// How long a revealed indicator flashes, in seconds.
pub const FLASH_SECONDS: f64 = 1.5;

/// The ReportLens window.
pub struct ReportLensApp {
    /// Persisted settings.
    pub settings: Settings,
    /// The open document, if any.
    pub(crate) view: Option<DocView>,
    /// The document being opened.
    pub(crate) loader: Loader,
    /// The last error, shown until dismissed.
    pub(crate) error: Option<String>,
    /// What the reader should know about how the open report was decoded, until dismissed.
    pub(crate) decode_warning: Option<String>,
    /// The selected indicator and when it started flashing.
    pub(crate) selected: Option<(usize, f64)>,
    /// Scroll the text to this char offset on the next frame.
    pub(crate) scroll_to: Option<usize>,
    /// Char offset at the top of the view (for the outline).
    pub(crate) top_offset: usize,
    pub(crate) find: FindState,
    pub(crate) goto: GotoState,
    pub(crate) table: TableState,
    pub(crate) heights: HeightCache,
    /// The open document's annotations and their sidecar.
    pub(crate) notes: Option<NotesSession>,
    /// The reader's text selection.
    pub(crate) selection: Option<Selection>,
    /// The annotation editor, when open.
    pub(crate) editor: Option<EditorState>,
    /// The indicator popup: the indicator and where it was clicked.
    pub(crate) popup: Option<(usize, egui::Pos2)>,
    pub(crate) notes_filter: NotesFilter,
    /// What the last export of notes did, shown in the status bar.
    pub(crate) export_message: Option<String>,
    /// Where the selection ends on screen, for the toolbar.
    pub(crate) selection_end: Option<egui::Rect>,
    /// The workspace of the targets tab.
    pub(crate) targets: Option<TargetsState>,
    pub(crate) workspace_loader: WorkspaceLoader,
    /// A workspace file waiting for the reader's consent, and the reports it names outside its folder.
    pub(crate) outside_prompt: Option<(PathBuf, Vec<PathBuf>)>,
    /// Scroll to this offset once this report is shown (a quote clicked in the targets tab).
    pub(crate) pending_scroll: Option<(PathBuf, usize)>,
    /// Where sidecars go when they cannot sit next to the report.
    data_dir: PathBuf,
    fonts_installed: bool,
}

impl ReportLensApp {
    /// A window with `settings` and no document.
    pub fn new(settings: Settings) -> Self {
        Self {
            settings,
            view: None,
            loader: Loader::default(),
            error: None,
            decode_warning: None,
            selected: None,
            scroll_to: None,
            top_offset: 0,
            find: FindState::default(),
            goto: GotoState::default(),
            table: TableState::default(),
            heights: HeightCache::default(),
            notes: None,
            selection: None,
            editor: None,
            popup: None,
            notes_filter: NotesFilter::default(),
            selection_end: None,
            export_message: None,
            targets: None,
            workspace_loader: WorkspaceLoader::default(),
            outside_prompt: None,
            pending_scroll: None,
            data_dir: annotations::data_dir(),
            fonts_installed: false,
        }
    }

    /// Keeps sidecars that cannot sit next to their report (and the
    /// sample's) in `data_dir` instead of the platform's data folder.
    pub fn with_data_dir(mut self, data_dir: PathBuf) -> Self {
        self.data_dir = data_dir;
        self
    }

    /// Installs the fonts and input options into `ctx` the first time it is drawn.
    pub(crate) fn prepare_context(&mut self, ctx: &egui::Context) {
        if !std::mem::replace(&mut self.fonts_installed, true) {
            fonts::install(ctx);
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
        }
    }

    /// Starts opening `path` in the background; the current document stays until it is ready.
    pub fn open(&mut self, path: PathBuf, ctx: &egui::Context) {
        self.loader.start(path, self.data_dir.clone(), ctx);
    }

    /// Opens the bundled sample report; its notes live in the data folder.
    pub fn open_sample(&mut self) {
        self.show_document(Document::from_text(SAMPLE_NAME, SAMPLE_TEXT));
    }

    /// Shows `doc` at once, extracting on this thread (for tests and benchmarks;
    /// the window opens files in the background with [`Self::open`]). Its
    /// notes are kept in the data folder.
    pub fn show_document(&mut self, doc: Document) {
        let notes = NotesFile::open(None, &doc, &self.data_dir);
        self.show(DocView::new(doc, None), notes);
    }

    /// Where sidecars and the default workspace are kept.
    pub(crate) fn data_dir(&self) -> &std::path::Path {
        &self.data_dir
    }

    /// The workspace of the targets tab, once opened.
    pub fn targets(&self) -> Option<&TargetsState> {
        self.targets.as_ref()
    }

    /// The open document's annotations.
    pub fn annotations(&self) -> &[Annotation] {
        self.notes.as_ref().map_or(&[], |n| n.store.all())
    }

    /// The file the notes are being saved to.
    pub fn notes_path(&self) -> Option<&std::path::Path> {
        self.notes.as_ref().map(|n| n.target())
    }

    /// True when a change to the notes has not been written yet.
    pub fn notes_dirty(&self) -> bool {
        self.notes.as_ref().is_some_and(|n| n.is_dirty())
    }

    /// Writes unsaved notes now (on exit).
    /// If they cannot be written where they belong, they are rescued to a new
    /// file in the data folder, whose path is returned.
    pub fn flush_notes(&mut self) -> Option<PathBuf> {
        let folder = self.data_dir.clone();
        self.notes.as_mut().and_then(|notes| notes.flush(&folder))
    }

    /// True while a file or a workspace is being opened.
    pub fn is_loading(&self) -> bool {
        self.loader.busy().is_some() || self.workspace_loader.busy()
    }

    /// The open document's view, if any.
    pub fn view(&self) -> Option<&DocView> {
        self.view.as_ref()
    }

    /// The error message shown, if any.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Takes a finished load: shows the document, or the error (keeping the old document).
    pub(crate) fn poll_loader(&mut self) {
        let Some((path, loaded)) = self.loader.poll() else {
            return;
        };
        match loaded {
            Ok((view, notes)) => {
                let scroll = self.pending_scroll.take().filter(|(p, _)| *p == path);
                self.settings.remember(path);
                self.show(view, notes);
                if let Some((_, offset)) = scroll {
                    self.scroll_to = Some(offset);
                }
            }
            Err(error) => {
                self.pending_scroll = None;
                self.error = Some(self.settings.language.load_error(&error));
            }
        }
    }

    fn show(&mut self, view: DocView, notes: annotations::Loaded) {
        let rescued = self.flush_notes();
        self.notes = Some(NotesSession::new(notes));
        self.selection = None;
        self.editor = None;
        self.popup = None;
        self.notes_filter = NotesFilter::default();
        let language = self.settings.language;
        self.decode_warning = (!view.doc.warnings.is_empty()).then(|| {
            let warnings: Vec<String> = view
                .doc
                .warnings
                .iter()
                .map(|w| language.decode_warning(w))
                .collect();
            warnings.join("；")
        });
        self.view = Some(view);
        self.error = None;
        self.selected = None;
        self.scroll_to = Some(0);
        self.find.reset();
        self.table.reset();
        self.heights = HeightCache::default();
        if let Some(path) = rescued {
            let language = self.settings.language;
            self.error = Some(format!(
                "{} {}",
                language.t(Key::NotesRescued),
                path.display()
            ));
        }
    }

    /// Applies one command.
    pub(crate) fn apply(&mut self, command: Command, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        match command {
            Command::Open(path) if Workspace::is_workspace_file(&path) => {
                self.open_workspace_file(&path, OutsideFolder::Refuse, ctx);
            }
            Command::Open(path) => self.open(path, ctx),
            Command::OpenDialog => {
                if let Some(path) = pick_file() {
                    self.open(path, ctx);
                }
            }
            Command::OpenSample => self.open_sample(),
            Command::Reveal(index) => self.reveal(index, now),
            Command::ScrollTo(offset) => self.scroll_to = Some(offset),
            Command::Zoom(zoom) => self.settings.set_zoom(zoom),
            Command::ToggleFind => {
                self.find.open = !self.find.open;
                self.find.focus = self.find.open;
            }
            Command::ToggleGoto => self.goto.toggle(),
            Command::DismissError => self.error = None,
            Command::DismissDecodeWarning => self.decode_warning = None,
            Command::SetSelection(selection) => {
                self.selection = selection;
                self.popup = None;
            }
            Command::IndicatorClicked(index) => {
                self.selected = Some((index, now));
                self.table.scroll_to_selected = true;
                self.popup = ctx.pointer_interact_pos().map(|pos| (index, pos));
            }
            Command::DismissPopup => self.popup = None,
            Command::DismissNotice => {
                if let Some(notes) = &mut self.notes {
                    notes.notice = None;
                }
            }
            Command::ExportNotes(format) => self.export_notes(format),
            Command::OpenFolder
            | Command::AddReports
            | Command::OpenWorkspaceFile
            | Command::OpenWorkspaceOutside(_)
            | Command::CancelOutsidePrompt
            | Command::SaveWorkspaceAs
            | Command::ExportTargets(_)
            | Command::SetReportInfo(..)
            | Command::DecideLink(..)
            | Command::OpenAt(..)
            | Command::ShowTab(_) => self.apply_workspace(command, ctx),
            command => self.annotate(command, ctx),
        }
    }

    fn reveal(&mut self, index: usize, now: f64) {
        let Some(view) = &self.view else { return };
        let Some(indicator) = view.indicators.get(index) else {
            return;
        };
        self.scroll_to = Some(indicator.span.start);
        self.selected = Some((index, now));
    }
}

/// The native open dialog, filtered to the formats ReportLens reads.
fn pick_file() -> Option<PathBuf> {
    rfd::FileDialog::new()
        .add_filter(
            "报告 / Reports (txt, pdf, html, docx)",
            &crate::document::REPORT_EXTENSIONS,
        )
        .add_filter("所有文件 / All files", &["*"])
        .pick_file()
}
