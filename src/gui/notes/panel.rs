//! The notes panel: every annotation in document order with its colour,
//! quote, page (for reports with pages), note, tags and status; filters by colour, tag, status and text;
//! a click jumps to the passage, a button deletes (undoable). Annotations
//! that could not be placed on the current text are listed apart.

use egui::{RichText, Ui};

use crate::annotations::{Annotation, AnnotationStore, Colour, Status};
use crate::document::Document;
use crate::gui::commands::Command;
use crate::gui::i18n::Key;
use crate::gui::panels::pages;
use crate::gui::theme;
use crate::gui::Language;

/// The notes panel's filters.
#[derive(Default)]
pub struct NotesFilter {
    /// Only this colour, if set.
    pub colour: Option<Colour>,
    /// Only annotations with this tag, if set.
    pub tag: Option<String>,
    /// Only this status, if set.
    pub status: Option<Status>,
    /// Only annotations whose quote, note or tags contain this.
    pub text: String,
}

impl NotesFilter {
    fn keeps(&self, annotation: &Annotation) -> bool {
        let needle = self.text.trim();
        self.colour.is_none_or(|c| annotation.colour == c)
            && self.status.is_none_or(|s| annotation.status == Some(s))
            && self
                .tag
                .as_ref()
                .is_none_or(|t| annotation.tags.contains(t))
            && (needle.is_empty()
                || annotation.anchor.quote.exact.contains(needle)
                || annotation.note.contains(needle)
                || annotation.tags.iter().any(|t| t.contains(needle)))
    }
}

/// Shows the panel; returns what the user asked for.
pub fn show(
    ui: &mut Ui,
    filter: &mut NotesFilter,
    store: &AnnotationStore,
    doc: &Document,
    language: Language,
) -> Vec<Command> {
    filters(ui, filter, store, language);
    ui.separator();
    let mut commands = Vec::new();
    if store.all().is_empty() {
        ui.label(RichText::new(language.t(Key::NoNotes)).weak());
        return commands;
    }
    egui::ScrollArea::vertical()
        .id_salt("notes-list")
        .auto_shrink(false)
        .show(ui, |ui| {
            let (placed, unplaced): (Vec<&Annotation>, Vec<&Annotation>) = store
                .all()
                .iter()
                .filter(|a| filter.keeps(a))
                .partition(|a| !a.anchor.unplaced);
            for annotation in placed {
                row(ui, annotation, doc, language, &mut commands);
            }
            if !unplaced.is_empty() {
                ui.add_space(8.0);
                ui.strong(format!(
                    "{}（{}）",
                    language.t(Key::Unplaced),
                    unplaced.len()
                ));
                for annotation in unplaced {
                    row(ui, annotation, doc, language, &mut commands);
                }
            }
        });
    commands
}

fn filters(ui: &mut Ui, filter: &mut NotesFilter, store: &AnnotationStore, language: Language) {
    ui.horizontal_wrapped(|ui| {
        let colour_text = filter
            .colour
            .map_or(language.t(Key::AllColours), |c| language.colour(c));
        egui::ComboBox::from_id_salt("notes-colour")
            .selected_text(colour_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.colour, None, language.t(Key::AllColours));
                for colour in Colour::ALL {
                    ui.selectable_value(&mut filter.colour, Some(colour), language.colour(colour));
                }
            })
            .response
            .on_hover_text(language.t(Key::Colour));
        let tag_text = filter
            .tag
            .clone()
            .unwrap_or_else(|| language.t(Key::AllTags).into());
        egui::ComboBox::from_id_salt("notes-tag")
            .selected_text(tag_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.tag, None, language.t(Key::AllTags));
                for tag in store.tags() {
                    ui.selectable_value(&mut filter.tag, Some(tag.clone()), tag);
                }
            })
            .response
            .on_hover_text(language.t(Key::Tags));
        let status_text = filter
            .status
            .map_or(language.t(Key::AllStatuses), |s| language.status(s));
        egui::ComboBox::from_id_salt("notes-status")
            .selected_text(status_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.status, None, language.t(Key::AllStatuses));
                for status in Status::ALL {
                    ui.selectable_value(&mut filter.status, Some(status), language.status(status));
                }
            })
            .response
            .on_hover_text(language.t(Key::Status));
    });
    ui.horizontal(|ui| {
        let label = ui.label(language.t(Key::FilterNotesHint));
        ui.add(egui::TextEdit::singleline(&mut filter.text).desired_width(f32::INFINITY))
            .labelled_by(label.id);
    });
}

fn row(
    ui: &mut Ui,
    annotation: &Annotation,
    doc: &Document,
    language: Language,
    commands: &mut Vec<Command>,
) {
    let placed = !annotation.anchor.unplaced;
    let page = placed
        .then(|| doc.page_at(annotation.anchor.start()))
        .flatten();
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.colored_label(theme::annotation_line(annotation.colour), "■");
            let quote: String = annotation.anchor.quote.exact.chars().take(60).collect();
            let link =
                ui.add(egui::Label::new(RichText::new(quote).strong()).sense(egui::Sense::click()));
            if link
                .on_hover_cursor(egui::CursorIcon::PointingHand)
                .clicked()
            {
                commands.push(Command::JumpToAnnotation(annotation.id.clone()));
            }
        });
        if !annotation.note.is_empty() {
            ui.label(&annotation.note);
        }
        ui.horizontal_wrapped(|ui| {
            if let Some(page) = page {
                ui.label(RichText::new(pages::page_name(page, language)).weak());
            }
            if let Some(status) = annotation.status {
                ui.colored_label(theme::status(status), language.status(status));
            }
            for tag in &annotation.tags {
                ui.label(RichText::new(format!("#{tag}")).weak());
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.small_button(language.t(Key::Delete)).clicked() {
                    commands.push(Command::DeleteAnnotation(annotation.id.clone()));
                }
            });
        });
    });
}
