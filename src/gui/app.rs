//! The application state and the one place where commands change it.

use std::path::PathBuf;

use crate::document::Document;
use crate::gui::commands::Command;
use crate::gui::loader::Loader;
use crate::gui::panels::find::FindState;
use crate::gui::panels::table::TableState;
use crate::gui::reader::HeightCache;
use crate::gui::settings::Settings;
use crate::gui::view::DocView;
use crate::gui::{fonts, SAMPLE_NAME, SAMPLE_TEXT};

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
    /// The selected indicator and when it started flashing.
    pub(crate) selected: Option<(usize, f64)>,
    /// Scroll the text to this char offset on the next frame.
    pub(crate) scroll_to: Option<usize>,
    /// Char offset at the top of the view (for the outline).
    pub(crate) top_offset: usize,
    pub(crate) find: FindState,
    pub(crate) table: TableState,
    pub(crate) heights: HeightCache,
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
            selected: None,
            scroll_to: None,
            top_offset: 0,
            find: FindState::default(),
            table: TableState::default(),
            heights: HeightCache::default(),
            fonts_installed: false,
        }
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
        self.loader.start(path, ctx);
    }

    /// Opens the bundled sample report.
    pub fn open_sample(&mut self) {
        self.show(DocView::new(
            Document::from_text(SAMPLE_NAME, SAMPLE_TEXT),
            None,
        ));
    }

    /// Shows `doc` at once, extracting on this thread (for tests and benchmarks;
    /// the window opens files in the background with [`Self::open`]).
    pub fn show_document(&mut self, doc: Document) {
        self.show(DocView::new(doc, None));
    }

    /// True while a file is being opened.
    pub fn is_loading(&self) -> bool {
        self.loader.busy().is_some()
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
            Ok(view) => {
                self.settings.remember(path);
                self.show(view);
            }
            Err(error) => self.error = Some(self.settings.language.load_error(&error)),
        }
    }

    fn show(&mut self, view: DocView) {
        self.view = Some(view);
        self.error = None;
        self.selected = None;
        self.scroll_to = Some(0);
        self.find.reset();
        self.table.reset();
        self.heights = HeightCache::default();
    }

    /// Applies one command.
    pub(crate) fn apply(&mut self, command: Command, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        match command {
            Command::Open(path) => self.open(path, ctx),
            Command::OpenDialog => {
                if let Some(path) = pick_file() {
                    self.open(path, ctx);
                }
            }
            Command::OpenSample => self.open_sample(),
            Command::Reveal(index) => self.reveal(index, now),
            Command::Select(index) => {
                self.selected = Some((index, now));
                self.table.scroll_to_selected = true;
            }
            Command::ScrollTo(offset) => self.scroll_to = Some(offset),
            Command::Zoom(zoom) => self.settings.set_zoom(zoom),
            Command::ToggleFind => {
                self.find.open = !self.find.open;
                self.find.focus = self.find.open;
            }
            Command::DismissError => self.error = None,
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
        .add_filter("文本报告 / Text reports", &["txt", "text", "md"])
        .add_filter("所有文件 / All files", &["*"])
        .pick_file()
}
