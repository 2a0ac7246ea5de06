//! The outline panel: the heading tree; a click scrolls the text to the
//! heading, and the heading being read is marked.

use egui::Ui;

use crate::document::OutlineNode;
use crate::gui::commands::Command;
use crate::gui::i18n::Key;
use crate::gui::Language;

/// One heading of the outline, flattened for a list that lays out only the rows in view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineRow {
    /// Nesting depth, starting at 1.
    pub level: u8,
    /// The heading text.
    pub title: String,
    /// Char offset of the heading.
    pub start: usize,
}

/// The outline tree as rows in document order.
pub fn flatten(nodes: &[OutlineNode]) -> Vec<OutlineRow> {
    let mut rows = Vec::new();
    let mut stack: Vec<&OutlineNode> = nodes.iter().rev().collect();
    while let Some(node) = stack.pop() {
        rows.push(OutlineRow {
            level: node.level,
            title: node.title.clone(),
            start: node.span.start,
        });
        stack.extend(node.children.iter().rev());
    }
    rows
}

/// Shows the outline rows; `current` is the start of the heading being read.
pub fn show(
    ui: &mut Ui,
    rows: &[OutlineRow],
    current: Option<usize>,
    language: Language,
) -> Option<Command> {
    if rows.is_empty() {
        ui.weak(language.t(Key::NoOutline));
        return None;
    }
    let mut command = None;
    let row_height = ui.spacing().interact_size.y;
    let area = egui::ScrollArea::vertical()
        .id_salt("outline")
        .auto_shrink(false);
    area.show_rows(ui, row_height, rows.len(), |ui, range| {
        for row in &rows[range] {
            ui.horizontal(|ui| {
                ui.add_space(f32::from(row.level.saturating_sub(1)) * 12.0);
                let label =
                    egui::Button::selectable(current == Some(row.start), &row.title).truncate();
                if ui.add(label).on_hover_text(&row.title).clicked() {
                    command = Some(Command::ScrollTo(row.start));
                }
            });
        }
    });
    command
}

/// Start of the innermost heading at or before `offset`.
pub fn current_heading(nodes: &[OutlineNode], offset: usize) -> Option<usize> {
    let index = nodes
        .partition_point(|n| n.span.start <= offset)
        .checked_sub(1)?;
    let node = &nodes[index];
    current_heading(&node.children, offset).or(Some(node.span.start))
}
