//! The annotation editor: a floating window to change an annotation's
//! colour, note, tags (with completion and suggested keywords) and status,
//! or delete it. Every change goes straight to the undoable store.

use egui::{Color32, RichText, Ui};

use crate::annotations::keywords::suggest_tags;
use crate::annotations::{Annotation, AnnotationStore, Colour, Status};
use crate::gui::i18n::Key;
use crate::gui::theme;
use crate::gui::Language;

/// Which field takes the keyboard when the editor opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorFocus {
    /// The note.
    Note,
    /// The tag input.
    Tags,
}

/// How many keywords are offered as tags.
const SUGGESTIONS: usize = 6;

/// The editor of one annotation.
pub struct EditorState {
    /// The annotation being edited.
    pub id: String,
    focus: Option<EditorFocus>,
    tag_input: String,
    suggestions: Vec<String>,
}

impl EditorState {
    /// An editor on `annotation`, its keyboard on `focus`.
    pub fn new(annotation: &Annotation, focus: Option<EditorFocus>) -> Self {
        Self {
            id: annotation.id.clone(),
            focus,
            tag_input: String::new(),
            suggestions: suggest_tags(&annotation.anchor.quote.exact, SUGGESTIONS),
        }
    }
}

/// What the editor asks of the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorAction {
    /// Keep it open.
    Stay,
    /// Close it.
    Close,
    /// Delete the annotation and close.
    Delete,
}

/// Shows the editor; changes go to `store`.
pub fn show(
    ctx: &egui::Context,
    state: &mut EditorState,
    store: &mut AnnotationStore,
    language: Language,
) -> EditorAction {
    let Some(annotation) = store.get(&state.id).cloned() else {
        return EditorAction::Close;
    };
    let mut open = true;
    let mut action = EditorAction::Stay;
    egui::Window::new(language.t(Key::Annotation))
        .id(egui::Id::unique("annotation-editor"))
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_width(380.0)
        .anchor(egui::Align2::RIGHT_BOTTOM, [-24.0, -40.0])
        .show(ctx, |ui| {
            quote(ui, &annotation, language);
            colour_row(ui, &annotation, store, language);
            status_row(ui, &annotation, store, language);
            note_field(ui, state, &annotation, store, language);
            tags_field(ui, state, &annotation, store, language);
            ui.separator();
            ui.horizontal(|ui| {
                if ui.button(language.t(Key::Done)).clicked() {
                    action = EditorAction::Close;
                }
                if ui.button(language.t(Key::DeleteAnnotation)).clicked() {
                    action = EditorAction::Delete;
                }
            });
        });
    if !open {
        action = EditorAction::Close;
    }
    action
}

fn quote(ui: &mut Ui, annotation: &Annotation, language: Language) {
    let exact = &annotation.anchor.quote.exact;
    let shown: String = exact.chars().take(160).collect();
    let ellipsis = if shown.len() < exact.len() { "…" } else { "" };
    ui.label(RichText::new(format!("“{shown}{ellipsis}”")).italics());
    if let Some(indicator) = &annotation.indicator {
        ui.label(format!(
            "{}：{} {}{}（{}）",
            language.t(Key::Tracks),
            indicator.metric,
            indicator.value,
            indicator.unit,
            language.kind(indicator.kind)
        ));
    }
    ui.add_space(4.0);
}

fn colour_row(
    ui: &mut Ui,
    annotation: &Annotation,
    store: &mut AnnotationStore,
    language: Language,
) {
    ui.horizontal(|ui| {
        ui.label(language.t(Key::Colour));
        for colour in Colour::ALL {
            let button =
                egui::Button::new(RichText::new(language.colour(colour)).color(Color32::BLACK))
                    .fill(theme::annotation_line(colour))
                    .stroke(selected_stroke(ui, annotation.colour == colour))
                    .selected(annotation.colour == colour);
            if ui.add(button).clicked() {
                store.update(&annotation.id, None, |a| a.colour = colour);
            }
        }
    });
}

/// A strong outline around the current colour, none around the others.
fn selected_stroke(ui: &Ui, selected: bool) -> egui::Stroke {
    if selected {
        egui::Stroke::new(2.5, ui.visuals().strong_text_color())
    } else {
        egui::Stroke::NONE
    }
}

fn status_row(
    ui: &mut Ui,
    annotation: &Annotation,
    store: &mut AnnotationStore,
    language: Language,
) {
    if annotation.indicator.is_none() && annotation.status.is_none() {
        return;
    }
    ui.horizontal(|ui| {
        let label = ui.label(language.t(Key::Status));
        let mut status = annotation.status;
        let text = status.map_or(language.t(Key::NoStatus), |s| language.status(s));
        egui::ComboBox::from_id_salt("annotation-status")
            .selected_text(text)
            .show_ui(ui, |ui| {
                for choice in Status::ALL {
                    ui.selectable_value(&mut status, Some(choice), language.status(choice));
                }
            })
            .response
            .labelled_by(label.id);
        if status != annotation.status {
            store.update(&annotation.id, None, |a| a.status = status);
        }
    });
}

fn note_field(
    ui: &mut Ui,
    state: &mut EditorState,
    annotation: &Annotation,
    store: &mut AnnotationStore,
    language: Language,
) {
    let label = ui.label(language.t(Key::Note));
    let mut note = annotation.note.clone();
    let response = ui
        .add(
            egui::TextEdit::multiline(&mut note)
                .hint_text(language.t(Key::NoteHint))
                .desired_rows(4)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if state.focus == Some(EditorFocus::Note) {
        response.request_focus();
        state.focus = None;
    }
    if response.changed() {
        store.update(&annotation.id, Some("note"), |a| a.note = note);
    }
}

fn tags_field(
    ui: &mut Ui,
    state: &mut EditorState,
    annotation: &Annotation,
    store: &mut AnnotationStore,
    language: Language,
) {
    let label = ui.label(language.t(Key::Tags));
    ui.horizontal_wrapped(|ui| {
        for tag in &annotation.tags {
            if ui
                .button(format!("#{tag} ×"))
                .on_hover_text(language.t(Key::Delete))
                .clicked()
            {
                store.update(&annotation.id, None, |a| a.tags.retain(|t| t != tag));
            }
        }
    });
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut state.tag_input)
                .hint_text(language.t(Key::TagHint))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if state.focus == Some(EditorFocus::Tags) {
        response.request_focus();
        state.focus = None;
    }
    let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if entered {
        let tag = std::mem::take(&mut state.tag_input);
        add_tag(store, annotation, &tag);
        response.request_focus();
    }
    let completions = completions(store, annotation, &state.tag_input);
    let offers = if state.tag_input.trim().is_empty() {
        state
            .suggestions
            .iter()
            .filter(|t| !annotation.tags.contains(t))
            .cloned()
            .collect()
    } else {
        completions
    };
    if offers.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.weak(language.t(Key::Suggested));
        for tag in offers {
            if ui.small_button(format!("+{tag}")).clicked() {
                add_tag(store, annotation, &tag);
                state.tag_input.clear();
            }
        }
    });
}

/// Tags already used in this document that contain `typed`, not yet on `annotation`.
fn completions(store: &AnnotationStore, annotation: &Annotation, typed: &str) -> Vec<String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Vec::new();
    }
    store
        .tags()
        .into_iter()
        .filter(|t| t.contains(typed) && t != typed && !annotation.tags.contains(t))
        .take(8)
        .collect()
}

fn add_tag(store: &mut AnnotationStore, annotation: &Annotation, tag: &str) {
    let tag = tag.trim().trim_start_matches('#').trim().to_string();
    if tag.is_empty() || annotation.tags.contains(&tag) {
        return;
    }
    store.update(&annotation.id, None, |a| {
        if !a.tags.contains(&tag) {
            a.tags.push(tag);
        }
    });
}
