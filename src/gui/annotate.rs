//! Applying the annotation commands to the open document's notes: highlight,
//! note and tag a selection, track an indicator, open, jump to and delete
//! annotations, undo and redo, copy the selection and export the notes.

use std::path::PathBuf;

use crate::annotations::{Anchor, Annotation, Colour};
use crate::export::{self, Format};
use crate::files::Protected;
use crate::gui::app::ReportLensApp;
use crate::gui::commands::Command;
use crate::gui::i18n::Key;
use crate::gui::notes::editor::{EditorFocus, EditorState};

impl ReportLensApp {
    /// Applies one annotation command.
    pub(crate) fn annotate(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::CopySelection => self.copy_selection(ctx),
            Command::Highlight(colour) => {
                if let Some(id) = self.annotation_for_selection(colour) {
                    self.update_colour(&id, colour);
                }
            }
            Command::AnnotateSelection(focus) => {
                if let Some(id) = self.annotation_for_selection(Colour::Yellow) {
                    self.edit(&id, Some(focus));
                }
            }
            Command::Track(index) => self.track(index),
            Command::EditAnnotation(id) => self.edit(&id, None),
            Command::JumpToAnnotation(id) => {
                // An unplaced annotation's position belongs to the old text: open it without scrolling.
                let start = self
                    .notes
                    .as_ref()
                    .and_then(|n| n.store.get(&id))
                    .filter(|a| !a.anchor.unplaced)
                    .map(|a| a.anchor.start());
                if start.is_some() {
                    self.scroll_to = start;
                }
                self.edit(&id, None);
            }
            Command::DeleteAnnotation(id) => {
                if let Some(notes) = &mut self.notes {
                    notes.store.remove(&id);
                }
                self.close_editor_if_gone();
            }
            Command::Undo | Command::Redo => {
                if let Some(notes) = &mut self.notes {
                    if command == Command::Undo {
                        notes.store.undo();
                    } else {
                        notes.store.redo();
                    }
                }
                self.close_editor_if_gone();
            }
            _ => {}
        }
    }

    /// The annotation exactly covering the selection, made in `colour` if
    /// there is none; the selection is cleared.
    fn annotation_for_selection(&mut self, colour: Colour) -> Option<String> {
        let selection = self.selection.take().filter(|s| !s.is_empty())?;
        let view = self.view.as_ref()?;
        let notes = self.notes.as_mut()?;
        let chars: Vec<char> = view.doc.text.chars().collect();
        let (start, end) = trim_whitespace(&chars, selection.start(), selection.end())?;
        let existing = notes
            .store
            .all()
            .iter()
            .find(|a| !a.anchor.unplaced && a.anchor.start() == start && a.anchor.end() == end);
        Some(match existing {
            Some(annotation) => annotation.id.clone(),
            None => notes
                .store
                .add(Annotation::new(Anchor::capture(&chars, start, end), colour)),
        })
    }

    fn update_colour(&mut self, id: &str, colour: Colour) {
        if let Some(notes) = &mut self.notes {
            notes.store.update(id, None, |a| a.colour = colour);
        }
    }

    /// Opens the tracking annotation of indicator `index`, making it if needed.
    fn track(&mut self, index: usize) {
        self.popup = None;
        let existing = self.tracking_annotation(index).map(|a| a.id.clone());
        let (Some(view), Some(notes)) = (&self.view, &mut self.notes) else {
            return;
        };
        let Some(indicator) = view.indicators.get(index) else {
            return;
        };
        let id = match existing {
            Some(id) => id,
            None => {
                let chars: Vec<char> = view.doc.text.chars().collect();
                let anchor = Anchor::capture(&chars, indicator.span.start, indicator.span.end);
                notes.store.add(Annotation::tracking(anchor, indicator))
            }
        };
        self.edit(&id, Some(EditorFocus::Note));
    }

    /// The annotation tracking indicator `index`, if any.
    pub(crate) fn tracking_annotation(&self, index: usize) -> Option<&Annotation> {
        let indicator = self.view.as_ref()?.indicators.get(index)?;
        self.notes.as_ref()?.store.all().iter().find(|a| {
            a.indicator.is_some()
                && !a.anchor.unplaced
                && a.anchor.start() == indicator.span.start
                && a.anchor.end() == indicator.span.end
        })
    }

    fn edit(&mut self, id: &str, focus: Option<EditorFocus>) {
        self.popup = None;
        if let Some(notes) = &mut self.notes {
            notes.store.seal();
        }
        let annotation = self.notes.as_ref().and_then(|n| n.store.get(id));
        self.editor = annotation.map(|a| EditorState::new(a, focus));
    }

    fn close_editor_if_gone(&mut self) {
        let gone = match (&self.editor, &self.notes) {
            (Some(editor), Some(notes)) => notes.store.get(&editor.id).is_none(),
            _ => false,
        };
        if gone {
            self.editor = None;
        }
    }

    /// Asks where to save the notes in `format` and writes them there.
    pub(crate) fn export_notes(&mut self, format: Format) {
        let (Some(view), Some(notes)) = (&self.view, &self.notes) else {
            return;
        };
        let (extension, filter) = match format {
            Format::Md => ("md", "Markdown"),
            Format::Csv => ("csv", "CSV"),
            Format::Json => ("json", "JSON"),
        };
        let name = &view.doc.name;
        let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
        let sources = [
            view.path.clone(),
            Some(notes.location().path.clone()),
            Some(notes.target().to_path_buf()),
        ];
        let bytes = export::notes_bytes(&view.doc, notes.store.all(), format);
        let file_name = format!("{stem}-批注.{extension}");
        self.save_export(&file_name, (filter, extension), &sources, bytes);
    }

    /// Asks where to save an export named `file_name` and writes `bytes`
    /// there, unless the chosen file is one of `sources` or any notes file; the status bar
    /// says what happened.
    pub(crate) fn save_export(
        &mut self,
        file_name: &str,
        (filter, extension): (&str, &str),
        sources: &[Option<PathBuf>],
        bytes: Result<Vec<u8>, String>,
    ) {
        let Some(path) = rfd::FileDialog::new()
            .set_file_name(file_name)
            .add_filter(filter, &[extension])
            .save_file()
        else {
            return;
        };
        let language = self.settings.language;
        let mut protected = Protected::new();
        for source in sources.iter().flatten() {
            protected.add(source, "");
        }
        if protected.check(&path).is_err() {
            let reason = language.t(Key::WouldOverwriteSource);
            self.export_message = Some(format!("{}：{reason}", language.t(Key::ExportFailed)));
            return;
        }
        let written = bytes
            .and_then(|bytes| export::write_replacing(&path, &bytes).map_err(|e| e.to_string()));
        self.export_message = Some(match written {
            Ok(()) => format!("{} {}", language.t(Key::Exported), path.display()),
            Err(error) => format!("{}：{error}", language.t(Key::ExportFailed)),
        });
    }

    fn copy_selection(&self, ctx: &egui::Context) {
        let (Some(selection), Some(view)) = (self.selection, &self.view) else {
            return;
        };
        if !selection.is_empty() {
            ctx.copy_text(selection.text(&view.doc.text));
        }
    }
}

/// `start..end` without the whitespace and line breaks at either end; None if nothing is left.
fn trim_whitespace(chars: &[char], start: usize, end: usize) -> Option<(usize, usize)> {
    let end = end.min(chars.len());
    let start = (start..end).find(|&i| !chars[i].is_whitespace())?;
    let end = (start..end).rev().find(|&i| !chars[i].is_whitespace())? + 1;
    Some((start, end))
}
