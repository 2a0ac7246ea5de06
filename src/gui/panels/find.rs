//! The find bar (Ctrl+F): matches highlighted in the text, "3/17" shown,
//! Enter and Shift+Enter step through them, Esc closes.

use egui::{Key as KeyCode, Ui};

use crate::gui::i18n::Key;
use crate::gui::Language;

/// The find bar's state.
#[derive(Default)]
pub struct FindState {
    /// Whether the bar is shown.
    pub open: bool,
    /// What to look for.
    pub query: String,
    /// Matches as (start, end) char offsets, in order.
    pub matches: Vec<(usize, usize)>,
    /// Index of the current match.
    pub current: usize,
    /// Set for one frame when the bar opens, to focus the text box.
    pub focus: bool,
    searched: String,
}

impl FindState {
    /// Recomputes the matches if the query changed; returns true when it did.
    pub fn update(&mut self, text: &str) -> bool {
        if self.searched == self.query {
            return false;
        }
        self.searched = self.query.clone();
        self.matches = find_all(text, &self.query);
        self.current = 0;
        true
    }

    /// The current match, if any.
    pub fn current_match(&self) -> Option<(usize, usize)> {
        self.matches.get(self.current).copied()
    }

    /// Moves to the next (or previous) match, wrapping around.
    pub fn step(&mut self, forward: bool) {
        let count = self.matches.len();
        if count > 0 {
            self.current = if forward {
                (self.current + 1) % count
            } else {
                (self.current + count - 1) % count
            };
        }
    }

    /// Forgets the matches (a new document).
    pub fn reset(&mut self) {
        self.searched.clear();
        self.matches.clear();
        self.current = 0;
    }
}

/// All occurrences of `query` in `text`, as char offsets.
pub fn find_all(text: &str, query: &str) -> Vec<(usize, usize)> {
    if query.is_empty() {
        return Vec::new();
    }
    let length = query.chars().count();
    let (mut chars, mut bytes) = (0, 0);
    text.match_indices(query)
        .map(|(at, _)| {
            chars += text[bytes..at].chars().count();
            bytes = at;
            (chars, chars + length)
        })
        .collect()
}

/// What the user did in the find bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindAction {
    /// Go to the current match (the query changed or the user stepped).
    Reveal,
    /// Close the bar.
    Close,
}

/// Shows the bar; returns the action to take, if any.
pub fn show(ui: &mut Ui, state: &mut FindState, language: Language) -> Option<FindAction> {
    let mut action = None;
    ui.horizontal(|ui| {
        let label = ui.label(language.t(Key::Find));
        let edit = egui::TextEdit::singleline(&mut state.query)
            .hint_text(language.t(Key::FindHint))
            .desired_width(220.0);
        let response = ui.add(edit).labelled_by(label.id);
        if std::mem::take(&mut state.focus) {
            response.request_focus();
        }
        if response.changed() {
            action = Some(FindAction::Reveal);
        }
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(KeyCode::Enter));
        if entered {
            state.step(!ui.input(|i| i.modifiers.shift));
            action = Some(FindAction::Reveal);
            response.request_focus();
        }
        ui.label(count_text(state, language));
        if ui.button("▲").on_hover_text("Shift+Enter").clicked() {
            state.step(false);
            action = Some(FindAction::Reveal);
        }
        if ui.button("▼").on_hover_text("Enter").clicked() {
            state.step(true);
            action = Some(FindAction::Reveal);
        }
        if ui.button(language.t(Key::Close)).clicked()
            || ui.input(|i| i.key_pressed(KeyCode::Escape))
        {
            action = Some(FindAction::Close);
        }
    });
    action
}

/// "3/17", or "no matches".
pub fn count_text(state: &FindState, language: Language) -> String {
    if state.matches.is_empty() {
        if state.query.is_empty() {
            String::new()
        } else {
            language.t(Key::NoMatches).to_string()
        }
    } else {
        format!("{}/{}", state.current + 1, state.matches.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_char_offsets_and_wraps() {
        assert_eq!(find_all("武昌区武昌古城", "武昌"), [(0, 2), (3, 5)]);
        let mut state = FindState {
            query: "武昌".into(),
            ..Default::default()
        };
        state.update("武昌区武昌古城");
        state.step(false);
        assert_eq!(state.current_match(), Some((3, 5)));
    }
}
