//! The window around the text: menus, keyboard shortcuts, dropped files, the
//! panels and the error banner, laid out each frame.

use egui::{Key as KeyCode, Modifiers, Ui};

use crate::gui::app::{ReportLensApp, FLASH_SECONDS};
use crate::gui::commands::Command;
use crate::gui::i18n::{Key, Language};
use crate::gui::panels::{find, outline, status, table};
use crate::gui::reader::{self, ReaderInput};
use crate::gui::settings::ThemeChoice;
use crate::gui::theme;
use crate::gui::view::KINDS;

impl ReportLensApp {
    /// Draws the whole window into `ui` and applies what the user did.
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.prepare_context(&ctx);
        self.poll_loader();
        apply_theme(&ctx, self.settings.theme);
        let mut commands = shortcuts(&ctx, self.settings.zoom);
        commands.extend(dropped_files(&ctx));
        egui::Panel::top("menu").show(ui, |ui| commands.extend(self.menu_bar(ui)));
        egui::Panel::bottom("status").show(ui, |ui| {
            status::show(
                ui,
                self.view.as_ref(),
                self.loader.busy(),
                self.settings.language,
            )
        });
        if self.find.open {
            egui::Panel::top("find").show(ui, |ui| commands.extend(self.find_bar(ui)));
        }
        self.side_panels(ui, &mut commands);
        egui::CentralPanel::default().show(ui, |ui| commands.extend(self.central(ui)));
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
            });
            ui.menu_button(language.t(Key::View), |ui| {
                self.view_menu(ui, &mut commands)
            });
            legend(ui, language);
        });
        commands
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
            let shown = panel.show(ui, |ui| {
                ui.heading(language.t(Key::Indicators));
                table::show(ui, &mut self.table, &view.indicators, selected, language)
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
        };
        let output = reader::show(ui, view, &mut self.heights, &input);
        self.top_offset = output.top_offset;
        output.commands
    }
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
}
