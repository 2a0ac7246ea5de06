//! The window around the text: menus, keyboard shortcuts, dropped files, the
//! panels, the error banner and the floating annotation controls, laid out
//! each frame; and the autosave of the notes.

use egui::{Key as KeyCode, Modifiers, Ui};

use crate::annotations::Colour;
use crate::export::{Format, TargetsFormat};
use crate::gui::app::{ReportLensApp, FLASH_SECONDS};
use crate::gui::commands::Command;
use crate::gui::i18n::{Key, Language};
use crate::gui::notes::editor::{self, EditorAction, EditorFocus};
use crate::gui::notes::panel as notes_panel;
use crate::gui::notes::session::Notice;
use crate::gui::notes::toolbar;
use crate::gui::panels::{find, outline, pages, status, table};
use crate::gui::reader::{self, ReaderInput};
use crate::gui::settings::{CentralTab, RightTab, ThemeChoice};
use crate::gui::targets::view as targets_view;
use crate::gui::theme;
use crate::gui::view::KINDS;

impl ReportLensApp {
    /// Draws the whole window into `ui` and applies what the user did.
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.prepare_context(&ctx);
        self.poll_loader();
        self.poll_workspace();
        self.autosave(&ctx);
        apply_theme(&ctx, self.settings.theme);
        let mut commands = shortcuts(&ctx, self.settings.zoom);
        if self.settings.central_tab == CentralTab::Reader {
            commands.extend(annotation_keys(
                &ctx,
                self.selection.is_some_and(|s| !s.is_empty()),
            ));
        }
        commands.extend(dropped_files(&ctx));
        egui::Panel::top("menu").show(ui, |ui| commands.extend(self.menu_bar(ui)));
        egui::Panel::bottom("status").show(ui, |ui| {
            status::show(
                ui,
                self.view.as_ref(),
                self.top_offset,
                self.notes.as_ref(),
                self.export_message.as_deref(),
                self.loader.busy(),
                self.settings.language,
            )
        });
        if self.find.open {
            egui::Panel::top("find").show(ui, |ui| commands.extend(self.find_bar(ui)));
        }
        if self.goto.open {
            egui::Panel::top("goto").show(ui, |ui| commands.extend(self.goto_bar(ui)));
        }
        if self.settings.central_tab == CentralTab::Reader {
            self.side_panels(ui, &mut commands);
        }
        egui::CentralPanel::default().show(ui, |ui| {
            commands.extend(self.central_tabs(ui));
            match self.settings.central_tab {
                CentralTab::Reader => commands.extend(self.central(ui)),
                CentralTab::Targets => commands.extend(self.targets_tab(ui)),
            }
        });
        if self.settings.central_tab == CentralTab::Reader {
            commands.extend(self.floating(&ctx));
        }
        for command in commands {
            self.apply(command, &ctx);
        }
    }

    fn menu_bar(&mut self, ui: &mut Ui) -> Vec<Command> {
        let language = self.settings.language;
        let mut commands = Vec::new();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(language.t(Key::File), |ui| {
                if ui
                    .add(egui::Button::new(language.t(Key::Open)).shortcut_text("Ctrl+O"))
                    .clicked()
                {
                    commands.push(Command::OpenDialog);
                }
                ui.menu_button(language.t(Key::OpenRecent), |ui| {
                    if self.settings.recent.is_empty() {
                        ui.weak(language.t(Key::NoRecent));
                    }
                    for path in &self.settings.recent {
                        if ui.button(path.display().to_string()).clicked() {
                            commands.push(Command::Open(path.clone()));
                        }
                    }
                });
                if ui.button(language.t(Key::OpenSample)).clicked() {
                    commands.push(Command::OpenSample);
                }
                ui.separator();
                let workspace_items = [
                    (Key::OpenFolder, Command::OpenFolder),
                    (Key::AddReports, Command::AddReports),
                    (Key::OpenWorkspace, Command::OpenWorkspaceFile),
                ];
                for (key, command) in workspace_items {
                    if ui.button(language.t(key)).clicked() {
                        commands.push(command);
                    }
                }
                let save = egui::Button::new(language.t(Key::SaveWorkspaceAs));
                if ui.add_enabled(self.targets.is_some(), save).clicked() {
                    commands.push(Command::SaveWorkspaceAs);
                }
                ui.add_enabled_ui(self.targets.is_some(), |ui| {
                    ui.menu_button(language.t(Key::ExportTargets), |ui| {
                        for (label, format) in [
                            ("Excel (.xlsx)", TargetsFormat::Xlsx),
                            ("CSV (.csv)", TargetsFormat::Csv),
                            ("Markdown (.md)", TargetsFormat::Md),
                            ("JSON (.json)", TargetsFormat::Json),
                        ] {
                            if ui.button(label).clicked() {
                                commands.push(Command::ExportTargets(format));
                            }
                        }
                    });
                });
                ui.separator();
                ui.add_enabled_ui(self.notes.is_some(), |ui| {
                    ui.menu_button(language.t(Key::ExportNotes), |ui| {
                        for (label, format) in [
                            ("Markdown (.md)", Format::Md),
                            ("CSV (.csv)", Format::Csv),
                            ("JSON (.json)", Format::Json),
                        ] {
                            if ui.button(label).clicked() {
                                commands.push(Command::ExportNotes(format));
                            }
                        }
                    });
                });
            });
            ui.menu_button(language.t(Key::Edit), |ui| {
                self.edit_menu(ui, &mut commands)
            });
            ui.menu_button(language.t(Key::View), |ui| {
                self.view_menu(ui, &mut commands)
            });
            legend(ui, language);
        });
        commands
    }

    fn edit_menu(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let language = self.settings.language;
        let (can_undo, can_redo) = self
            .notes
            .as_ref()
            .map_or((false, false), |n| (n.store.can_undo(), n.store.can_redo()));
        let undo = egui::Button::new(language.t(Key::Undo)).shortcut_text("Ctrl+Z");
        if ui.add_enabled(can_undo, undo).clicked() {
            commands.push(Command::Undo);
        }
        let redo = egui::Button::new(language.t(Key::Redo)).shortcut_text("Ctrl+Shift+Z");
        if ui.add_enabled(can_redo, redo).clicked() {
            commands.push(Command::Redo);
        }
        ui.separator();
        let has_selection = self.selection.is_some_and(|s| !s.is_empty());
        let copy = egui::Button::new(language.t(Key::Copy)).shortcut_text("Ctrl+C");
        if ui.add_enabled(has_selection, copy).clicked() {
            commands.push(Command::CopySelection);
        }
    }

    fn view_menu(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let language = self.settings.language;
        ui.checkbox(&mut self.settings.show_outline, language.t(Key::Outline));
        ui.checkbox(
            &mut self.settings.show_indicators,
            language.t(Key::Indicators),
        );
        ui.checkbox(&mut self.settings.show_debris, language.t(Key::ShowDebris));
        ui.separator();
        let zoom = self.settings.zoom;
        if ui
            .add(egui::Button::new(language.t(Key::ZoomIn)).shortcut_text("Ctrl++"))
            .clicked()
        {
            commands.push(Command::Zoom(zoom * 1.1));
        }
        if ui
            .add(egui::Button::new(language.t(Key::ZoomOut)).shortcut_text("Ctrl+-"))
            .clicked()
        {
            commands.push(Command::Zoom(zoom / 1.1));
        }
        if ui
            .add(egui::Button::new(language.t(Key::ZoomReset)).shortcut_text("Ctrl+0"))
            .clicked()
        {
            commands.push(Command::Zoom(1.0));
        }
        if ui
            .add(egui::Button::new(language.t(Key::Find)).shortcut_text("Ctrl+F"))
            .clicked()
        {
            commands.push(Command::ToggleFind);
        }
        let paged = self.view.as_ref().is_some_and(|v| v.doc.page_count() > 0);
        let goto = egui::Button::new(language.t(Key::GoToPage)).shortcut_text("Ctrl+G");
        if ui.add_enabled(paged, goto).clicked() {
            commands.push(Command::ToggleGoto);
        }
        ui.separator();
        ui.menu_button(language.t(Key::Theme), |ui| {
            for (choice, key) in [
                (ThemeChoice::System, Key::ThemeSystem),
                (ThemeChoice::Light, Key::ThemeLight),
                (ThemeChoice::Dark, Key::ThemeDark),
            ] {
                ui.radio_value(&mut self.settings.theme, choice, language.t(key));
            }
        });
        ui.menu_button(language.t(Key::Language), |ui| {
            for choice in [Language::Chinese, Language::English] {
                ui.radio_value(&mut self.settings.language, choice, choice.native_name());
            }
        });
    }

    fn find_bar(&mut self, ui: &mut Ui) -> Vec<Command> {
        let action = find::show(ui, &mut self.find, self.settings.language);
        if let Some(view) = &self.view {
            self.find.update(&view.doc.text);
        }
        match action {
            Some(find::FindAction::Close) => vec![Command::ToggleFind],
            Some(find::FindAction::Reveal) => self
                .find
                .current_match()
                .map(|(start, _)| Command::ScrollTo(start))
                .into_iter()
                .collect(),
            None => Vec::new(),
        }
    }

    fn goto_bar(&mut self, ui: &mut Ui) -> Vec<Command> {
        let Some(view) = &self.view else {
            return vec![Command::ToggleGoto];
        };
        match pages::show(ui, &mut self.goto, &view.doc, self.settings.language) {
            Some(pages::GotoAction::Go(offset)) => {
                vec![Command::ToggleGoto, Command::ScrollTo(offset)]
            }
            Some(pages::GotoAction::Close) => vec![Command::ToggleGoto],
            None => Vec::new(),
        }
    }

    fn side_panels(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let Some(view) = &self.view else { return };
        let language = self.settings.language;
        if self.settings.show_outline {
            let current = outline::current_heading(&view.doc.outline, self.top_offset);
            let panel = egui::Panel::left("outline")
                .resizable(true)
                .default_size(self.settings.outline_width);
            let shown = panel.show(ui, |ui| {
                ui.heading(language.t(Key::Outline));
                outline::show(ui, &view.outline_rows, current, language)
            });
            commands.extend(shown.inner);
            self.settings.outline_width = shown.response.rect.width();
        }
        if self.settings.show_indicators {
            let selected = self.selected.map(|(i, _)| i);
            let panel = egui::Panel::right("indicators")
                .resizable(true)
                .default_size(self.settings.indicators_width);
            let notes = self.notes.as_ref();
            let tab = &mut self.settings.right_tab;
            let shown = panel.show(ui, |ui| {
                right_tabs(ui, tab, notes.map_or(0, |n| n.store.all().len()), language);
                match (*tab, notes) {
                    (RightTab::Notes, Some(notes)) => notes_panel::show(
                        ui,
                        &mut self.notes_filter,
                        &notes.store,
                        &view.doc,
                        language,
                    ),
                    _ => table::show(
                        ui,
                        &mut self.table,
                        &view.indicators,
                        &view.doc,
                        selected,
                        language,
                    )
                    .into_iter()
                    .collect(),
                }
            });
            commands.extend(shown.inner);
            self.settings.indicators_width = shown.response.rect.width();
        }
    }

    fn central(&mut self, ui: &mut Ui) -> Vec<Command> {
        if let Some(error) = self.error.clone() {
            if error_banner(ui, &error, self.settings.language) {
                return vec![Command::DismissError];
            }
        }
        if let Some(notice) = self.notes.as_ref().and_then(|n| n.notice.clone()) {
            if notice_banner(ui, &notice, self.settings.language) {
                return vec![Command::DismissNotice];
            }
        }
        if let Some(warning) = self.decode_warning.clone() {
            let colour = ui.visuals().warn_fg_color;
            if banner(ui, warning, colour, self.settings.language) {
                return vec![Command::DismissDecodeWarning];
            }
        }
        let Some(view) = &self.view else {
            return Vec::new();
        };
        let now = ui.input(|i| i.time);
        let selected = self
            .selected
            .map(|(i, started)| (i, (1.0 - (now - started) / FLASH_SECONDS).max(0.0) as f32));
        if selected.is_some_and(|(_, flash)| flash > 0.0) {
            ui.ctx().request_repaint();
        }
        let (targets, path, language) = (
            self.targets.as_ref(),
            view.path.as_deref(),
            self.settings.language,
        );
        let progress = |start: usize| {
            targets
                .zip(path)
                .and_then(|(targets, path)| targets.progress_of(path, start, language))
        };
        let input = ReaderInput {
            zoom: self.settings.zoom,
            show_debris: self.settings.show_debris,
            language: self.settings.language,
            selected,
            matches: if self.find.open {
                &self.find.matches
            } else {
                &[]
            },
            current_match: self.find.open.then_some(self.find.current),
            scroll_to: self.scroll_to.take(),
            selection: self.selection,
            annotations: self.notes.as_ref().map_or(&[], |n| n.store.all()),
            progress: &progress,
        };
        let output = reader::show(ui, view, &mut self.heights, &input);
        self.top_offset = output.top_offset;
        self.selection_end = output.selection_end;
        let mut commands = output.commands;
        if let Some(selection) = output.selection {
            commands.insert(0, Command::SetSelection(selection));
        }
        commands
    }

    /// The tabs over the central area: the reader and the targets.
    fn central_tabs(&mut self, ui: &mut Ui) -> Vec<Command> {
        let language = self.settings.language;
        let targets = self.targets.as_ref().map_or(0, |t| t.rows.len());
        let mut commands = Vec::new();
        ui.horizontal(|ui| {
            let tabs = [
                (CentralTab::Reader, language.t(Key::Reader).to_string()),
                (
                    CentralTab::Targets,
                    format!("{} ({targets})", language.t(Key::Targets)),
                ),
            ];
            for (tab, label) in tabs {
                let selected = self.settings.central_tab == tab;
                if ui.selectable_label(selected, label).clicked() && !selected {
                    commands.push(Command::ShowTab(tab));
                }
            }
            if self.workspace_loader.busy() {
                ui.spinner();
                ui.label(language.t(Key::OpeningReports));
            }
        });
        ui.separator();
        commands
    }

    fn targets_tab(&mut self, ui: &mut Ui) -> Vec<Command> {
        let language = self.settings.language;
        if let Some(error) = self.error.clone() {
            if error_banner(ui, &error, language) {
                return vec![Command::DismissError];
            }
        }
        match &mut self.targets {
            Some(targets) => targets_view::show(ui, targets, language),
            None => {
                ui.label(egui::RichText::new(language.t(Key::NoWorkspace)).weak());
                Vec::new()
            }
        }
    }

    /// The windows and popups over the text: the notes notice, the
    /// selection toolbar, the indicator popup and the annotation editor.
    fn floating(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let language = self.settings.language;
        let mut commands = Vec::new();
        let selecting = self.selection.is_some_and(|s| !s.is_empty());
        let dragging = ctx.input(|i| i.pointer.primary_down());
        if let (true, false, Some(end)) = (selecting, dragging, self.selection_end) {
            commands.extend(toolbar::selection_toolbar(ctx, end, language));
        }
        if let (Some((index, pos)), Some(view)) = (self.popup, &self.view) {
            if let Some(indicator) = view.indicators.get(index) {
                let tracked = self.tracking_annotation(index).map(|a| a.id.clone());
                commands.extend(toolbar::indicator_popup(
                    ctx,
                    index,
                    indicator,
                    pos,
                    tracked.as_deref(),
                    language,
                ));
            }
        }
        if let Some((file, reports)) = &self.outside_prompt {
            commands.extend(outside_prompt(ctx, file, reports, language));
        }
        if let (Some(editor), Some(notes)) = (&mut self.editor, &mut self.notes) {
            match editor::show(ctx, editor, &mut notes.store, language) {
                EditorAction::Stay => {}
                EditorAction::Close => {
                    notes.store.seal();
                    self.editor = None;
                }
                EditorAction::Delete => commands.push(Command::DeleteAnnotation(editor.id.clone())),
            }
        }
        commands
    }

    /// Saves notes that are due and checks for outside changes, then asks
    /// for the frame that does the next of these.
    fn autosave(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        if let Some(after) = self.notes.as_mut().and_then(|n| n.tick(now)) {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(after));
        }
    }
}

/// The tabs of the right panel: indicators and notes (with their count).
fn right_tabs(ui: &mut Ui, tab: &mut RightTab, notes: usize, language: Language) {
    ui.horizontal(|ui| {
        ui.selectable_value(
            tab,
            RightTab::Indicators,
            egui::RichText::new(language.t(Key::Indicators)).heading(),
        );
        ui.selectable_value(
            tab,
            RightTab::Notes,
            egui::RichText::new(format!("{} ({notes})", language.t(Key::Notes))).heading(),
        );
    });
    ui.separator();
}

/// 1–5 highlight, N note, T tags, Ctrl+C copy (with a selection and no text
/// field focused); Ctrl+Z undo, Ctrl+Shift+Z or Ctrl+Y redo; Esc clears the selection.
fn annotation_keys(ctx: &egui::Context, has_selection: bool) -> Vec<Command> {
    if ctx.memory(|m| m.focused().is_some()) {
        return Vec::new();
    }
    let mut commands = Vec::new();
    let pressed = |modifiers, key| ctx.input_mut(|i| i.consume_key(modifiers, key));
    if pressed(Modifiers::COMMAND | Modifiers::SHIFT, KeyCode::Z)
        || pressed(Modifiers::COMMAND, KeyCode::Y)
    {
        commands.push(Command::Redo);
    }
    if pressed(Modifiers::COMMAND, KeyCode::Z) {
        commands.push(Command::Undo);
    }
    if !has_selection {
        return commands;
    }
    let digits = [
        KeyCode::Num1,
        KeyCode::Num2,
        KeyCode::Num3,
        KeyCode::Num4,
        KeyCode::Num5,
    ];
    for (digit, colour) in digits.into_iter().zip(Colour::ALL) {
        if pressed(Modifiers::NONE, digit) {
            commands.push(Command::Highlight(colour));
        }
    }
    if pressed(Modifiers::NONE, KeyCode::N) {
        commands.push(Command::AnnotateSelection(EditorFocus::Note));
    }
    if pressed(Modifiers::NONE, KeyCode::T) {
        commands.push(Command::AnnotateSelection(EditorFocus::Tags));
    }
    let copied = ctx.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Copy)));
    if copied || pressed(Modifiers::COMMAND, KeyCode::C) {
        commands.push(Command::CopySelection);
    }
    if pressed(Modifiers::NONE, KeyCode::Escape) {
        commands.push(Command::SetSelection(None));
    }
    commands
}

/// Shows the error with a close button; returns true when it is dismissed.
fn error_banner(ui: &mut Ui, error: &str, language: Language) -> bool {
    let mut dismissed = false;
    egui::Frame::group(ui.style())
        .fill(ui.visuals().error_fg_color.gamma_multiply(0.15))
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!("{}：{error}", language.t(Key::CannotOpen)),
                );
                dismissed = ui.button(language.t(Key::Close)).clicked();
            });
        });
    dismissed
}

/// Asks before a workspace file reads reports outside its folder.
fn outside_prompt(
    ctx: &egui::Context,
    file: &std::path::Path,
    reports: &[std::path::PathBuf],
    language: Language,
) -> Option<Command> {
    let mut command = None;
    let modal = egui::Modal::new(egui::Id::unique("outside-workspace-folder")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading(language.t(Key::OutsideTitle));
        ui.label(file.display().to_string());
        ui.label(language.t(Key::OutsideExplain));
        egui::ScrollArea::vertical()
            .max_height(160.0)
            .show(ui, |ui| {
                for report in reports {
                    ui.monospace(report.display().to_string());
                }
            });
        ui.horizontal(|ui| {
            if ui.button(language.t(Key::OpenAnyway)).clicked() {
                command = Some(Command::OpenWorkspaceOutside(file.to_path_buf()));
            }
            if ui.button(language.t(Key::Cancel)).clicked() {
                command = Some(Command::CancelOutsidePrompt);
            }
        });
    });
    command.or_else(|| modal.should_close().then_some(Command::CancelOutsidePrompt))
}

/// Tells the reader what happened to their notes; returns true when dismissed.
fn notice_banner(ui: &mut Ui, notice: &Notice, language: Language) -> bool {
    let (text, warning) = match notice {
        Notice::Merged => (language.t(Key::NoticeMerged).to_string(), false),
        Notice::Reanchored(counts) => (
            format!(
                "{}：{} / {} / {} · {} {}",
                language.t(Key::NoticeReanchored),
                counts.exact,
                counts.moved,
                counts.fuzzy,
                language.t(Key::Unplaced),
                counts.unplaced
            ),
            counts.unplaced > 0,
        ),
        Notice::Diverted(diversion) => (
            format!(
                "{}（{}）；{} {}",
                language.t(Key::NoticeDiverted),
                diversion.reason,
                language.t(Key::NoticeRecovery),
                diversion.recovery.display()
            ),
            true,
        ),
        Notice::SaveFailed(reason) => (
            format!("{}：{reason}", language.t(Key::NoticeSaveFailed)),
            true,
        ),
    };
    let colour = if warning {
        ui.visuals().warn_fg_color
    } else {
        ui.visuals().hyperlink_color
    };
    banner(ui, text, colour, language)
}

/// A tinted box with `text` and a close button; returns true when closed.
fn banner(ui: &mut Ui, text: String, colour: egui::Color32, language: Language) -> bool {
    let mut dismissed = false;
    egui::Frame::group(ui.style())
        .fill(colour.gamma_multiply(0.12))
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(colour, text);
                dismissed = ui.button(language.t(Key::Close)).clicked();
            });
        });
    dismissed
}

fn legend(ui: &mut Ui, language: Language) {
    ui.separator();
    ui.weak(language.t(Key::Legend));
    let dark = ui.visuals().dark_mode;
    for kind in KINDS {
        ui.label(
            egui::RichText::new(language.kind(kind)).background_color(theme::highlight(kind, dark)),
        );
    }
}

fn apply_theme(ctx: &egui::Context, choice: ThemeChoice) {
    let preference = match choice {
        ThemeChoice::System => egui::ThemePreference::System,
        ThemeChoice::Light => egui::ThemePreference::Light,
        ThemeChoice::Dark => egui::ThemePreference::Dark,
    };
    if ctx.options(|o| o.theme_preference) != preference {
        ctx.set_theme(preference);
    }
}

/// Ctrl+O, Ctrl+F, Ctrl+plus/minus/0 and Ctrl+wheel.
fn shortcuts(ctx: &egui::Context, zoom: f32) -> Vec<Command> {
    let mut commands = Vec::new();
    let pressed = |key| ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND, key));
    if pressed(KeyCode::O) {
        commands.push(Command::OpenDialog);
    }
    if pressed(KeyCode::F) {
        commands.push(Command::ToggleFind);
    }
    if pressed(KeyCode::G) {
        commands.push(Command::ToggleGoto);
    }
    if pressed(KeyCode::Plus) || pressed(KeyCode::Equals) {
        commands.push(Command::Zoom(zoom * 1.1));
    }
    if pressed(KeyCode::Minus) {
        commands.push(Command::Zoom(zoom / 1.1));
    }
    if pressed(KeyCode::Num0) {
        commands.push(Command::Zoom(1.0));
    }
    let wheel = ctx.input(|i| i.zoom_delta());
    if (wheel - 1.0).abs() > f32::EPSILON {
        commands.push(Command::Zoom(zoom * wheel));
    }
    commands
}

fn dropped_files(ctx: &egui::Context) -> Vec<Command> {
    let paths = ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .collect::<Vec<_>>()
    });
    paths
        .into_iter()
        .filter(|p| !p.as_os_str().is_empty())
        .map(Command::Open)
        .collect()
}

impl eframe::App for ReportLensApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        ReportLensApp::ui(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // On exit there is no window left to name a rescue file in; it is in the data folder.
        let _ = self.flush_notes();
    }
}
