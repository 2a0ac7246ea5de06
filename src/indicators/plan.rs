//! What the extractor reads, and in which pieces: the content blocks of a
//! document outside glossaries, each with its section; a block longer than
//! [`MAX_PIECE_CHARS`] cut into pieces at sentence ends, so that the per-char
//! tables built for one piece stay small however long a line is; and the
//! pieces handed out in batches of about [`BATCH_BYTES`] of text, so that a
//! caller can write out one batch's indicators before the next is read.

use crate::document::{BlockKind, Document};
use crate::indicators::classify;
use crate::indicators::normalize::normalize_char;
use crate::indicators::section::{ReportContext, Section};
use crate::span::{self, Span};
use crate::tracking::report::{ReportInfo, ReportKind};

/// Longest piece of a block read at once, in chars. The longest line of the
/// fixture reports has 1,700 chars; a longer block (a whole report on one
/// line, as some web and PDF dumps come) is cut after its last sentence end
/// within this length, else after its last clause mark, else (text without
/// any punctuation) where no number is split. Only such a last-resort cut
/// can separate a figure from the words before it.
pub const MAX_PIECE_CHARS: usize = 16384;

/// Bytes of text per batch: some 350,000 chars of Chinese, whose indicators
/// take about 3 MB in a real report and 35 MB in text that is all figures.
pub const BATCH_BYTES: usize = 1 << 20;

/// One piece of a content block, to extract from.
pub struct Piece<'a> {
    /// The piece's text.
    pub text: &'a str,
    /// Char offset of the piece in the document text.
    pub start: usize,
    /// Index of its section in [`Planner::sections`].
    pub section: usize,
}

/// Walks the content blocks of a document in order, a batch at a time.
pub struct Planner<'a> {
    doc: &'a Document,
    report: ReportContext,
    slicer: span::ForwardSlicer<'a>,
    next_block: usize,
    rest: Option<Rest<'a>>,
    sections: Vec<Section>,
}

/// What is left to read of the block being cut into pieces.
struct Rest<'a> {
    text: &'a str,
    span: Span,
    section: usize,
}

impl<'a> Planner<'a> {
    /// A planner at the start of `doc`.
    pub fn new(doc: &'a Document) -> Self {
        let info = ReportInfo::detect(doc);
        let report = ReportContext {
            tense: classify::document_tense(doc.metadata.title.as_deref(), &doc.text),
            year: info.year,
            title_year_is_planned: matches!(
                info.kind,
                ReportKind::WorkReport | ReportKind::Plan | ReportKind::NewsDigest
            ),
        };
        Self {
            doc,
            report,
            slicer: span::ForwardSlicer::new(&doc.text),
            next_block: 0,
            rest: None,
            sections: Vec::new(),
        }
    }

    /// The sections met so far; pieces name them by index.
    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// The next pieces, about [`BATCH_BYTES`] of text in all; empty once
    /// every block is read.
    pub fn next_batch(&mut self) -> Vec<Piece<'a>> {
        let mut batch = Vec::new();
        let mut bytes = 0;
        while bytes < BATCH_BYTES {
            let Some(piece) = self.next_piece() else {
                break;
            };
            bytes += piece.text.len();
            batch.push(piece);
        }
        batch
    }

    fn next_piece(&mut self) -> Option<Piece<'a>> {
        loop {
            if let Some(piece) = self.rest.as_mut().and_then(Rest::cut) {
                return Some(piece);
            }
            let block = self.doc.blocks.get(self.next_block)?;
            self.next_block += 1;
            if !matches!(block.kind, BlockKind::Paragraph | BlockKind::Heading { .. }) {
                continue;
            }
            if let Some(section) = self.section_of(block.span.start) {
                let text = self.slicer.slice(block.span);
                let span = block.span;
                self.rest = Some(Rest {
                    text,
                    span,
                    section,
                });
            }
        }
    }

    /// The index of the section enclosing `offset`, or `None` in a glossary.
    fn section_of(&mut self, offset: usize) -> Option<usize> {
        let path = self.doc.section_path(offset);
        if self.sections.last().is_none_or(|s| s.path != path) {
            let section = Section::new(self.doc, path, &self.report);
            self.sections.push(section);
        }
        let index = self.sections.len() - 1;
        (!self.sections[index].glossary).then_some(index)
    }
}

impl<'a> Rest<'a> {
    /// Cuts the next piece, of at most [`MAX_PIECE_CHARS`] chars, off the
    /// front; `None` once nothing is left.
    fn cut(&mut self) -> Option<Piece<'a>> {
        if self.span.is_empty() {
            return None;
        }
        let (chars, bytes) = if self.span.len() > MAX_PIECE_CHARS {
            piece_length(self.text)
        } else {
            (self.span.len(), self.text.len())
        };
        let piece = Piece {
            text: &self.text[..bytes],
            start: self.span.start,
            section: self.section,
        };
        self.text = &self.text[bytes..];
        self.span.start += chars;
        Some(piece)
    }
}

/// Length in chars and bytes of the first piece of `text`, which is longer
/// than [`MAX_PIECE_CHARS`] chars: up to its last sentence end (or clause
/// mark) within that length.
fn piece_length(text: &str) -> (usize, usize) {
    let window: Vec<(usize, char)> = text.char_indices().take(MAX_PIECE_CHARS + 1).collect();
    let after_last = |ends: fn(char) -> bool| {
        window[..MAX_PIECE_CHARS]
            .iter()
            .rposition(|&(_, c)| ends(normalize_char(c)))
            .map(|i| i + 1)
    };
    let chars = after_last(|c| matches!(c, '。' | ';' | '!' | '?'))
        .or_else(|| after_last(|c| matches!(c, ',' | ':' | '、' | ' ')))
        .unwrap_or_else(|| outside_numbers(&window));
    (chars, window[chars].0)
}

/// The last cut point at or before [`MAX_PIECE_CHARS`] that splits no number
/// ("1.2万人" is never cut into "1." and "2万人"), if one lies in the second
/// half of the window; else the limit itself.
fn outside_numbers(window: &[(usize, char)]) -> usize {
    let numeric = |at: usize| {
        let c = normalize_char(window[at].1);
        c.is_ascii_digit() || matches!(c, '.' | ',')
    };
    (MAX_PIECE_CHARS / 2..=MAX_PIECE_CHARS)
        .rev()
        .find(|&at| !(numeric(at - 1) && numeric(at)))
        .unwrap_or(MAX_PIECE_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str, span: Span, section: usize) -> Vec<Piece<'_>> {
        let mut rest = Rest {
            text,
            span,
            section,
        };
        std::iter::from_fn(|| rest.cut()).collect()
    }

    #[test]
    fn short_blocks_are_one_piece() {
        let found = pieces("地区生产总值增长7%。", Span::new(10, 21), 0);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].text, found[0].start),
            ("地区生产总值增长7%。", 10)
        );
    }

    #[test]
    fn long_blocks_are_cut_after_sentence_ends() {
        let sentence = "新增企业12家。";
        let text = sentence.repeat(MAX_PIECE_CHARS);
        let found = pieces(&text, Span::new(0, text.chars().count()), 0);
        let per_piece = MAX_PIECE_CHARS / 8 * 8;
        assert_eq!(found[0].text.chars().count(), per_piece);
        assert_eq!(found[1].start, per_piece);
        assert_eq!(found.iter().map(|p| p.text).collect::<String>(), text);
    }

    #[test]
    fn text_without_punctuation_is_cut_at_the_limit() {
        let text = "增长".repeat(MAX_PIECE_CHARS);
        let found = pieces(&text, Span::new(5, 5 + text.chars().count()), 0);
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].start, 5 + MAX_PIECE_CHARS);
    }

    #[test]
    fn numbers_are_not_split() {
        let text = "增".repeat(MAX_PIECE_CHARS - 4) + "就业12.5万人" + &"增长".repeat(50);
        let found = pieces(&text, Span::new(0, text.chars().count()), 0);
        assert!(found[1].text.starts_with("12.5万人"), "{}", found[1].text);
    }
}
