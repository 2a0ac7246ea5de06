//! Splits the text into its non-empty lines with trimmed char spans.

use crate::span::Span;

/// One non-empty line: its trimmed text and char span in the document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    /// The line without its line break and surrounding blanks.
    pub text: &'a str,
    /// Char span of `text` in the document.
    pub span: Span,
}

impl Line<'_> {
    /// Number of chars in the trimmed line.
    pub fn len(&self) -> usize {
        self.span.len()
    }
}

/// Blanks trimmed from line ends: Unicode whitespace (incl. U+3000) and the BOM.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// The non-empty lines of `text` (line breaks already `\n`), in order.
pub(crate) fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for raw in text.split('\n') {
        let after_lead = raw.trim_start_matches(is_blank);
        let trimmed = after_lead.trim_end_matches(is_blank);
        let leading = raw[..raw.len() - after_lead.len()].chars().count();
        let trailing = after_lead[trimmed.len()..].chars().count();
        let len = trimmed.chars().count();
        if len > 0 {
            let start = offset + leading;
            lines.push(Line {
                text: trimmed,
                span: Span::new(start, start + len),
            });
        }
        offset += leading + len + trailing + 1;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_blanks_and_counts_chars() {
        let lines = split_lines("\u{3000}\u{3000}一、总体\n\n  第二行 \n");
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text, "一、总体");
        assert_eq!(lines[0].span, Span::new(2, 6));
        assert_eq!(lines[1].text, "第二行");
        assert_eq!(lines[1].span, Span::new(10, 13));
    }
}
