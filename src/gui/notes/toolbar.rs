//! Small floating controls over the text: the toolbar beside a selection
//! (five colours, note, tags, copy) and the popup of a clicked indicator
//! (track this target).

use egui::{Color32, Pos2, Rect, RichText};

use crate::annotations::Colour;
use crate::gui::commands::Command;
use crate::gui::i18n::Key;
use crate::gui::notes::editor::EditorFocus;
use crate::gui::theme;
use crate::gui::Language;
use crate::indicators::Indicator;

/// The toolbar under the end of the selection.
pub fn selection_toolbar(ctx: &egui::Context, end: Rect, language: Language) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::Area::new(egui::Id::unique("selection-toolbar"))
        .order(egui::Order::Foreground)
        .fixed_pos(end.left_bottom() + egui::vec2(0.0, 6.0))
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.horizontal(|ui| {
                    for (key, colour) in Colour::ALL.into_iter().enumerate() {
                        let button = egui::Button::new(
                            RichText::new(language.colour(colour)).color(Color32::BLACK),
                        )
                        .fill(theme::annotation_line(colour));
                        let hint = format!("{} ({})", language.colour(colour), key + 1);
                        if ui.add(button).on_hover_text(hint).clicked() {
                            commands.push(Command::Highlight(colour));
                        }
                    }
                    ui.separator();
                    let actions = [
                        (
                            Key::Note,
                            "N",
                            Command::AnnotateSelection(EditorFocus::Note),
                        ),
                        (
                            Key::Tags,
                            "T",
                            Command::AnnotateSelection(EditorFocus::Tags),
                        ),
                        (Key::Copy, "Ctrl+C", Command::CopySelection),
                    ];
                    for (key, shortcut, command) in actions {
                        let button = egui::Button::new(language.t(key)).shortcut_text(shortcut);
                        if ui.add(button).clicked() {
                            commands.push(command);
                        }
                    }
                });
            });
        });
    commands
}

/// The popup of a clicked indicator at `pos`: its value and "track this
/// target", or "open tracking note" when `tracked` names its annotation.
pub fn indicator_popup(
    ctx: &egui::Context,
    index: usize,
    indicator: &Indicator,
    pos: Pos2,
    tracked: Option<&str>,
    language: Language,
) -> Option<Command> {
    let mut command = None;
    let area = egui::Area::new(egui::Id::unique("indicator-popup"))
        .order(egui::Order::Foreground)
        .fixed_pos(pos + egui::vec2(8.0, 12.0))
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.strong(&indicator.metric);
                ui.label(format!(
                    "{}{}（{}）",
                    indicator.value,
                    indicator.unit,
                    language.kind(indicator.kind)
                ));
                let (key, action) = match tracked {
                    Some(id) => (Key::OpenTracking, Command::EditAnnotation(id.to_string())),
                    None => (Key::TrackTarget, Command::Track(index)),
                };
                if ui.button(language.t(key)).clicked() {
                    command = Some(action);
                }
            });
        });
    if command.is_none() && area.response.clicked_elsewhere() {
        command = Some(Command::DismissPopup);
    }
    command
}
