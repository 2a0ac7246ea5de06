//! Char-offset spans and conversions between char and byte offsets.
//!
//! All public offsets in ReportLens count Unicode scalar values (Rust `char`s)
//! in the decoded document text; see the crate docs.

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of char offsets into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First char of the span.
    pub start: usize,
    /// One past the last char of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` (inclusive) to `end` (exclusive).
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Number of chars covered.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no char.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when `offset` lies inside the span.
    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
}

/// Byte offset of the char at `char_offset` in `text` (or `text.len()` past the end).
pub fn char_to_byte(text: &str, char_offset: usize) -> usize {
    text.char_indices()
        .nth(char_offset)
        .map_or(text.len(), |(byte, _)| byte)
}

/// Slices one text by char spans given in increasing order, in time linear
/// in the text overall (converting each span from the start would be quadratic).
pub struct ForwardSlicer<'a> {
    text: &'a str,
    char_pos: usize,
    byte_pos: usize,
}

impl<'a> ForwardSlicer<'a> {
    /// A slicer positioned at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            char_pos: 0,
            byte_pos: 0,
        }
    }

    /// The substring covered by `span`; spans before the previous one restart from the beginning.
    pub fn slice(&mut self, span: Span) -> &'a str {
        if span.start < self.char_pos {
            (self.char_pos, self.byte_pos) = (0, 0);
        }
        let start = self.advance(span.start - self.char_pos);
        let end = start + char_to_byte(&self.text[start..], span.end.saturating_sub(span.start));
        &self.text[start..end]
    }

    fn advance(&mut self, chars: usize) -> usize {
        self.byte_pos += char_to_byte(&self.text[self.byte_pos..], chars);
        self.char_pos += chars;
        self.byte_pos
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_by_char_offsets() {
        let text = "武昌2021年增长7%";
        assert_eq!(char_to_byte(text, 2), 6);
        let mut slicer = ForwardSlicer::new(text);
        assert_eq!(slicer.slice(Span::new(2, 7)), "2021年");
        assert_eq!(slicer.slice(Span::new(7, 9)), "增长");
        assert_eq!(slicer.slice(Span::new(0, 2)), "武昌");
    }
}
