//! The desktop window: the only part of ReportLens that names egui. It reads
//! documents through the core library and never changes them.
//!
//! Layout: [`app`] owns the state and applies [`commands::Command`]s that the
//! views return; [`reader`] paints the document and its annotations and
//! tracks the text selection, [`panels`] the outline, the indicator table,
//! the find bar and the status bar; [`notes`] holds the annotations with
//! their autosave, the editor, the selection toolbar and the notes panel;
//! [`targets`] shows a workspace of reports with each target's progress.

mod annotate;
mod app;
mod commands;
mod fonts;
mod i18n;
mod loader;
mod notes;
mod panels;
mod reader;
mod selection;
mod settings;
mod shell;
mod targets;
mod theme;
mod view;
mod workspace;

pub use app::ReportLensApp;
pub use i18n::Language;
pub use settings::Settings;
pub use targets::state::TargetsState;

use std::path::PathBuf;

use crate::tracking::{OutsideFolder, Workspace};

/// Name of the bundled sample report (the 2021 plan of Wuchang district).
pub const SAMPLE_NAME: &str = "武昌区2021年国民经济和社会发展计划（示例）.txt";

/// The bundled sample report.
pub const SAMPLE_TEXT: &str = include_str!("../../assets/sample-wuchang-2021-plan.txt");

/// Opens the window on the first of `paths`, or on the bundled sample when
/// there is none; two or more paths are also opened together as a workspace,
/// and a single workspace file opens that workspace.
pub fn run(paths: Vec<PathBuf>) -> eframe::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("ReportLens")
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "ReportLens",
        options,
        Box::new(move |cc| {
            let settings = cc
                .storage
                .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                .unwrap_or_default();
            let mut app = ReportLensApp::new(settings);
            if let [file] = paths.as_slice() {
                if Workspace::is_workspace_file(file) {
                    app.open_sample();
                    app.open_workspace_file(file, OutsideFolder::Refuse, &cc.egui_ctx);
                    return Ok(Box::new(app));
                }
            }
            match paths.first() {
                Some(path) => app.open(path.clone(), &cc.egui_ctx),
                None => app.open_sample(),
            }
            if paths.len() > 1 {
                app.open_reports_as_workspace(paths, &cc.egui_ctx);
            } else {
                app.reopen_workspace(&cc.egui_ctx);
            }
            Ok(Box::new(app))
        }),
    )
}
