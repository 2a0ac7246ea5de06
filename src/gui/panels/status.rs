//! The status bar: file name, the page being read (for reports with pages),
//! encoding, size, indicator counts by kind, where the notes are saved, and
//! the file being opened.

use egui::Ui;

use crate::gui::i18n::Key;
use crate::gui::notes::session::NotesSession;
use crate::gui::panels::pages;
use crate::gui::theme;
use crate::gui::view::{DocView, KINDS};
use crate::gui::Language;

/// Shows the status of `view`, and a spinner while `loading` names a file.
pub fn show(
    ui: &mut Ui,
    view: Option<&DocView>,
    top_offset: usize,
    notes: Option<&NotesSession>,
    export_message: Option<&str>,
    loading: Option<&std::path::Path>,
    language: Language,
) {
    ui.horizontal(|ui| {
        if let Some(path) = loading {
            ui.spinner();
            ui.label(format!("{} {}", language.t(Key::Loading), path.display()));
            ui.separator();
        }
        let Some(view) = view else { return };
        ui.label(&view.doc.name);
        ui.separator();
        if let Some(page) = pages::status_text(&view.doc, top_offset, language) {
            ui.label(page);
            ui.separator();
        }
        ui.label(format!(
            "{}: {}",
            language.t(Key::Encoding),
            view.doc.encoding
        ));
        ui.separator();
        ui.label(format!("{} {}", view.char_count, language.t(Key::Chars)));
        ui.separator();
        let dark = ui.visuals().dark_mode;
        for (kind, count) in KINDS.iter().zip(view.counts_by_kind()) {
            ui.colored_label(theme::swatch(*kind, dark), "■");
            ui.label(format!("{} {count}", language.kind(*kind)));
        }
        if let Some(notes) = notes {
            ui.separator();
            notes_status(ui, notes, language);
        }
        if let Some(message) = export_message {
            ui.separator();
            ui.label(message);
        }
    });
}

/// "批注 3 · 已保存 · 保存在 x.reportlens.json", with the full path on hover.
fn notes_status(ui: &mut Ui, notes: &NotesSession, language: Language) {
    let state = if notes.is_dirty() {
        language.t(Key::Unsaved)
    } else {
        language.t(Key::Saved)
    };
    let target = notes.target();
    let diverted = target != notes.location().path;
    let place = match (notes.location().beside_report, diverted) {
        (true, false) => target
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        (true, true) => target.display().to_string(),
        (false, _) => format!("{} {}", language.t(Key::AppDataFolder), target.display()),
    };
    ui.label(format!(
        "{} {} · {state} · {} {place}",
        language.t(Key::Notes),
        notes.store.all().len(),
        language.t(Key::NotesSavedIn)
    ))
    .on_hover_text(target.display().to_string());
}
