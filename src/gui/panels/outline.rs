//! The outline panel: the heading tree; a click scrolls the text to the
//! heading, and the heading being read is marked.

use egui::Ui;

use crate::document::OutlineNode;
use crate::gui::commands::Command;
use crate::gui::i18n::Key;
use crate::gui::Language;

/// Shows the outline of `nodes`; `current` is the start of the heading being read.
pub fn show(
    ui: &mut Ui,
    nodes: &[OutlineNode],
    current: Option<usize>,
    language: Language,
) -> Option<Command> {
    if nodes.is_empty() {
        ui.weak(language.t(Key::NoOutline));
        return None;
    }
    let mut command = None;
    egui::ScrollArea::vertical()
        .id_salt("outline")
        .auto_shrink(false)
        .show(ui, |ui| {
            show_nodes(ui, nodes, current, &mut command);
        });
    command
}

fn show_nodes(
    ui: &mut Ui,
    nodes: &[OutlineNode],
    current: Option<usize>,
    command: &mut Option<Command>,
) {
    for node in nodes {
        ui.horizontal(|ui| {
            ui.add_space(f32::from(node.level.saturating_sub(1)) * 12.0);
            let selected = current == Some(node.span.start);
            let label = egui::Button::selectable(selected, &node.title).truncate();
            if ui.add(label).on_hover_text(&node.title).clicked() {
                *command = Some(Command::ScrollTo(node.span.start));
            }
        });
        show_nodes(ui, &node.children, current, command);
    }
}

/// Start of the innermost heading at or before `offset`.
pub fn current_heading(nodes: &[OutlineNode], offset: usize) -> Option<usize> {
    let index = nodes
        .partition_point(|n| n.span.start <= offset)
        .checked_sub(1)?;
    let node = &nodes[index];
    current_heading(&node.children, offset).or(Some(node.span.start))
}
