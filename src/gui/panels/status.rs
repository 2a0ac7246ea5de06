//! The status bar: file name, encoding, size, indicator counts by kind, and
//! the file being opened.

use egui::Ui;

use crate::gui::i18n::Key;
use crate::gui::theme;
use crate::gui::view::{DocView, KINDS};
use crate::gui::Language;

/// Shows the status of `view`, and a spinner while `loading` names a file.
pub fn show(
    ui: &mut Ui,
    view: Option<&DocView>,
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
    });
}
