//! Pages in the window, for reports that have them (PDF): the page being read
//! for the status bar ("第5页 / 共12页"), a page for the indicator table and
//! the note cards ("第5页"), and the go-to-page prompt (Ctrl+G) that scrolls
//! the reader to a page's first block.

use egui::{Key as KeyCode, Ui};

use crate::document::Document;
use crate::gui::i18n::Key;
use crate::gui::Language;

/// The go-to-page prompt's state.
#[derive(Default)]
pub struct GotoState {
    /// Whether the prompt is shown.
    pub open: bool,
    /// The page number as typed.
    pub input: String,
    /// Why the last page asked for could not be shown.
    pub message: Option<String>,
    /// Set for one frame when the prompt opens, to focus the text box.
    pub focus: bool,
}

impl GotoState {
    /// Opens the prompt (empty and focused) or closes it.
    pub fn toggle(&mut self) {
        *self = Self {
            open: !self.open,
            focus: !self.open,
            ..Self::default()
        };
    }
}

/// What the user did in the prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GotoAction {
    /// Scroll the reader to this char offset (a page's first block).
    Go(usize),
    /// Close the prompt.
    Close,
}

/// "第5页", or "p. 5".
pub fn page_name(page: u32, language: Language) -> String {
    match language {
        Language::Chinese => format!("第{page}页"),
        Language::English => format!("p. {page}"),
    }
}

/// "第5页 / 共12页" for the page char `offset` is on, or `None` for a report without pages.
pub fn status_text(doc: &Document, offset: usize, language: Language) -> Option<String> {
    let page = doc.page_at(offset)?;
    let total = doc.page_count();
    Some(match language {
        Language::Chinese => format!("第{page}页 / 共{total}页"),
        Language::English => format!("Page {page} of {total}"),
    })
}

/// Where page `input` starts in `doc`, or why it cannot be shown.
pub fn resolve(doc: &Document, input: &str, language: Language) -> Result<usize, String> {
    let total = doc.page_count();
    let english = language == Language::English;
    if total == 0 {
        return Err(if english {
            "This document has no pages (only PDFs have them)".into()
        } else {
            "此文档没有页码（只有 PDF 有）".into()
        });
    }
    let Ok(page) = input.trim().parse::<u32>() else {
        return Err(if english {
            format!("Enter a page number from 1 to {total}")
        } else {
            format!("请输入 1 到 {total} 之间的页码")
        });
    };
    doc.page_start(page).ok_or_else(|| {
        if english {
            format!("There is no page {page}: the document has {total} pages")
        } else {
            format!("没有第{page}页：本文档共{total}页")
        }
    })
}

/// Shows the prompt over `doc`; returns the action to take, if any.
pub fn show(
    ui: &mut Ui,
    state: &mut GotoState,
    doc: &Document,
    language: Language,
) -> Option<GotoAction> {
    let mut action = None;
    ui.horizontal(|ui| {
        let label = ui.label(language.t(Key::GoToPage));
        let edit = egui::TextEdit::singleline(&mut state.input)
            .hint_text(language.t(Key::PageHint))
            .desired_width(80.0);
        let response = ui.add(edit).labelled_by(label.id);
        if std::mem::take(&mut state.focus) {
            response.request_focus();
        }
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(KeyCode::Enter));
        if ui.button(language.t(Key::Go)).clicked() || entered {
            action = go(state, doc, language);
        }
        if let Some(message) = &state.message {
            ui.colored_label(ui.visuals().warn_fg_color, message);
        }
        if ui.button(language.t(Key::Close)).clicked()
            || ui.input(|i| i.key_pressed(KeyCode::Escape))
        {
            action = Some(GotoAction::Close);
        }
    });
    action
}

/// Goes to the page typed, or keeps the prompt open saying why not.
fn go(state: &mut GotoState, doc: &Document, language: Language) -> Option<GotoAction> {
    match resolve(doc, &state.input, language) {
        Ok(offset) => Some(GotoAction::Go(offset)),
        Err(message) => {
            state.message = Some(message);
            state.focus = true;
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_without_pages_says_so_and_never_panics() {
        let doc = Document::from_text("a.txt", "一、总体情况\n全年增长6%。\n");
        assert_eq!(status_text(&doc, 0, Language::Chinese), None);
        let refused = resolve(&doc, "1", Language::Chinese);
        assert!(refused.is_err_and(|m| m.contains("没有页码")));
    }

    #[test]
    fn page_names_read_in_both_languages() {
        assert_eq!(page_name(5, Language::Chinese), "第5页");
        assert_eq!(page_name(5, Language::English), "p. 5");
    }
}
