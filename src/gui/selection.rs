//! The reader's own text selection, in document char offsets so that it
//! can span paragraphs (each paragraph is a separate galley).

/// A selection made by dragging across the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    /// Where the drag started.
    pub anchor: usize,
    /// Where the pointer is now.
    pub focus: usize,
}

impl Selection {
    /// First selected char.
    pub fn start(&self) -> usize {
        self.anchor.min(self.focus)
    }

    /// One past the last selected char.
    pub fn end(&self) -> usize {
        self.anchor.max(self.focus)
    }

    /// True when no char is selected.
    pub fn is_empty(&self) -> bool {
        self.anchor == self.focus
    }

    /// The selected chars of `text`.
    pub fn text(&self, text: &str) -> String {
        text.chars()
            .skip(self.start())
            .take(self.end() - self.start())
            .collect()
    }
}
