//! Applying the workspace commands: open a folder, add reports, open and
//! save a workspace file, edit a report's identity, decide on links, export
//! the targets table, and open a report at a figure from the targets tab.

use std::path::{Path, PathBuf};

use crate::document::REPORT_EXTENSIONS;
use crate::export::{self, TargetsFormat};
use crate::files::Protected;
use crate::gui::app::ReportLensApp;
use crate::gui::commands::Command;
use crate::gui::settings::CentralTab;
use crate::gui::targets::state::TargetsState;
use crate::tracking::{OutsideFolder, Workspace, WorkspaceError};

/// File name of the workspace kept in the data folder until the user saves one elsewhere.
const DEFAULT_WORKSPACE: &str = "workspace.reportlens-workspace.json";

impl ReportLensApp {
    /// Opens `paths` as the workspace (saved in the data folder until saved elsewhere).
    pub fn open_reports_as_workspace(&mut self, paths: Vec<PathBuf>, ctx: &egui::Context) {
        let file = self.data_dir().join(DEFAULT_WORKSPACE);
        let mut workspace = Workspace::of(&paths);
        // Opening the same reports again keeps what the reader decided about them.
        // The app's own workspace file: the reports it names were opened by the reader.
        let previous = Workspace::load(&file, OutsideFolder::Allow).ok();
        if let Some(previous) = &previous {
            workspace.carry_over(previous);
        }
        self.start_workspace(workspace, (file, previous), ctx);
    }

    /// Opens the workspace file `file`; one that names reports outside its
    /// folder is opened only once the reader agrees (`outside`).
    pub fn open_workspace_file(
        &mut self,
        file: &Path,
        outside: OutsideFolder,
        ctx: &egui::Context,
    ) {
        match Workspace::load(file, outside) {
            Ok(workspace) => {
                let read = (file.to_path_buf(), Some(workspace.clone()));
                self.start_workspace(workspace, read, ctx);
            }
            Err(WorkspaceError::OutsideFolder { reports, .. }) => {
                self.outside_prompt = Some((file.to_path_buf(), reports));
            }
            Err(error) => self.error = Some(error.to_string()),
        }
    }

    /// Reopens the workspace of the last run, if its file is still there.
    pub fn reopen_workspace(&mut self, ctx: &egui::Context) {
        let Some(file) = self.settings.workspace_file.clone().filter(|f| f.exists()) else {
            return;
        };
        // Opened by the reader in an earlier run, reports outside its folder included.
        match Workspace::load(&file, OutsideFolder::Allow) {
            Ok(workspace) => {
                let read = (file, Some(workspace.clone()));
                self.workspace_loader.start(workspace, read, ctx);
            }
            Err(error) => self.error = Some(error.to_string()),
        }
    }

    /// Opens `workspace` in the targets tab; `read` is its file and what the file held.
    fn start_workspace(
        &mut self,
        workspace: Workspace,
        read: (PathBuf, Option<Workspace>),
        ctx: &egui::Context,
    ) {
        self.settings.central_tab = CentralTab::Targets;
        self.workspace_loader.start(workspace, read, ctx);
    }

    /// Takes a workspace that finished opening.
    pub(crate) fn poll_workspace(&mut self) {
        match self.workspace_loader.poll() {
            Some(Ok(opened)) => {
                self.settings.workspace_file = Some(opened.file.clone());
                let mut state = TargetsState::new(opened);
                state.save();
                self.targets = Some(state);
            }
            Some(Err(error)) => self.error = Some(error),
            None => {}
        }
    }

    /// Applies one workspace command.
    pub(crate) fn apply_workspace(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::OpenFolder => {
                if let Some(folder) = rfd::FileDialog::new().pick_folder() {
                    self.open_reports_as_workspace(reports_in(&folder), ctx);
                }
            }
            Command::AddReports => {
                if let Some(paths) = pick_reports() {
                    self.add_reports(paths, ctx);
                }
            }
            Command::OpenWorkspaceFile => {
                if let Some(file) = workspace_dialog().pick_file() {
                    self.open_workspace_file(&file, OutsideFolder::Refuse, ctx);
                }
            }
            Command::OpenWorkspaceOutside(file) => {
                self.outside_prompt = None;
                self.open_workspace_file(&file, OutsideFolder::Allow, ctx);
            }
            Command::CancelOutsidePrompt => self.outside_prompt = None,
            Command::SaveWorkspaceAs => self.save_workspace_as(),
            Command::ExportTargets(format) => self.export_targets(format),
            Command::SetReportInfo(index, info) => {
                if let Some(targets) = &mut self.targets {
                    targets.set_info(index, info);
                }
            }
            Command::DecideLink(target, actual, verdict) => {
                if let Some(targets) = &mut self.targets {
                    targets.decide(target, actual, verdict);
                }
            }
            Command::OpenAt(path, offset) => self.open_at(path, offset, ctx),
            Command::ShowTab(tab) => {
                self.settings.central_tab = tab;
                self.selection = None;
                self.popup = None;
            }
            _ => {}
        }
    }

    fn add_reports(&mut self, paths: Vec<PathBuf>, ctx: &egui::Context) {
        let (mut workspace, read) = match self.targets.take() {
            Some(state) => (state.workspace, (state.file, state.on_disk)),
            None => {
                let file = self.data_dir().join(DEFAULT_WORKSPACE);
                // A new workspace replaces the app's own file: what it held is the base.
                let previous = Workspace::load(&file, OutsideFolder::Allow).ok();
                (Workspace::default(), (file, previous))
            }
        };
        for path in paths {
            if !workspace.reports.iter().any(|r| r.path == path) {
                workspace.reports.extend(Workspace::of(&[path]).reports);
            }
        }
        self.start_workspace(workspace, read, ctx);
    }

    fn save_workspace_as(&mut self) {
        let Some(targets) = &mut self.targets else {
            return;
        };
        let Some(file) = workspace_dialog()
            .set_file_name("工作区.reportlens-workspace.json")
            .save_file()
        else {
            return;
        };
        let mut protected = Protected::new();
        for report in &targets.workspace.reports {
            protected.add(&report.path, "a report of this workspace");
        }
        if let Err(refusal) = protected.check(&file) {
            self.error = Some(refusal.to_string());
            return;
        }
        targets.save_as(file.clone());
        self.settings.workspace_file = Some(file);
    }

    /// Asks where to save the targets table in `format` and writes it there.
    fn export_targets(&mut self, format: TargetsFormat) {
        let Some(targets) = &self.targets else {
            return;
        };
        let (extension, filter) = match format {
            TargetsFormat::Md => ("md", "Markdown"),
            TargetsFormat::Csv => ("csv", "CSV"),
            TargetsFormat::Json => ("json", "JSON"),
            TargetsFormat::Xlsx => ("xlsx", "Excel"),
        };
        let mut sources: Vec<Option<PathBuf>> = targets
            .reports
            .iter()
            .map(|r| Some(r.path.clone()))
            .collect();
        sources.push(Some(targets.file.clone()));
        let bytes = export::targets_bytes(&targets.reports, &targets.rows, format);
        self.save_export(
            &format!("目标跟踪.{extension}"),
            (filter, extension),
            &sources,
            bytes,
        );
    }

    /// Shows the report at `path` (opening it unless it is the one shown) scrolled to `offset`.
    fn open_at(&mut self, path: PathBuf, offset: usize, ctx: &egui::Context) {
        self.settings.central_tab = CentralTab::Reader;
        let shown = self.view.as_ref().and_then(|v| v.path.as_ref()) == Some(&path);
        if shown {
            self.scroll_to = Some(offset);
            return;
        }
        self.pending_scroll = Some((path.clone(), offset));
        self.open(path, ctx);
    }
}

/// The report files directly in `folder`, sorted by name.
fn reports_in(folder: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.extension()
                        .and_then(|e| e.to_str())
                        .is_some_and(|e| REPORT_EXTENSIONS.contains(&e.to_lowercase().as_str()))
                })
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths
}

fn pick_reports() -> Option<Vec<PathBuf>> {
    rfd::FileDialog::new()
        .add_filter("报告 / Reports (txt, pdf, html, docx)", &REPORT_EXTENSIONS)
        .add_filter("所有文件 / All files", &["*"])
        .pick_files()
}

fn workspace_dialog() -> rfd::FileDialog {
    rfd::FileDialog::new().add_filter("ReportLens workspace", &["json"])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_of_reports_gives_every_format_read_and_nothing_else() {
        let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        for name in [
            "2023.pdf",
            "2024.docx",
            "plan.txt",
            "page.HTM",
            "notes.json",
            "a.png",
        ] {
            std::fs::write(folder.path().join(name), b"x").unwrap_or_else(|e| panic!("{e}"));
        }
        let names: Vec<String> = reports_in(folder.path())
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        assert_eq!(names, ["2023.pdf", "2024.docx", "page.HTM", "plan.txt"]);
    }
}
