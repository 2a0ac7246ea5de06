//! The open document as the window shows it: the core's document and
//! indicators, split into paragraphs (one per block) with the highlight
//! ranges of each, and the cached height of each laid-out paragraph.

use std::path::PathBuf;

use crate::document::{BlockKind, Document};
use crate::gui::panels::outline::{flatten, OutlineRow};
use crate::indicators::{Extractor, Indicator, Kind};
use crate::span::{ForwardSlicer, Span};

/// An indicator's chars inside one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Highlight {
    /// First char, relative to the paragraph.
    pub start: usize,
    /// One past the last char, relative to the paragraph.
    pub end: usize,
    /// Index into [`DocView::indicators`].
    pub indicator: usize,
    /// The indicator's kind, which sets the highlight colour.
    pub kind: Kind,
}

/// One block of the document, ready to lay out.
#[derive(Debug, Clone)]
pub struct Paragraph {
    /// Char span in the document text.
    pub span: Span,
    /// What the block is.
    pub kind: BlockKind,
    /// The block's text.
    pub text: String,
    /// Indicator highlights, in order.
    pub highlights: Vec<Highlight>,
}

/// A document opened in the window.
pub struct DocView {
    /// The decoded, structured report.
    pub doc: Document,
    /// Where it was read from; `None` for the bundled sample.
    pub path: Option<PathBuf>,
    /// Its indicators, in document order.
    pub indicators: Vec<Indicator>,
    /// Its blocks as paragraphs.
    pub paragraphs: Vec<Paragraph>,
    /// Number of chars in the text.
    pub char_count: usize,
    /// The outline as rows, for the outline panel.
    pub outline_rows: Vec<OutlineRow>,
    /// Indicators of each kind, counted once for the status bar.
    kind_counts: [usize; 4],
}

impl DocView {
    /// Extracts the indicators of `doc` and splits it into paragraphs.
    pub fn new(doc: Document, path: Option<PathBuf>) -> Self {
        let indicators = Extractor::shared().extract(&doc);
        let paragraphs = paragraphs(&doc, &indicators);
        Self {
            char_count: doc.char_count(),
            outline_rows: flatten(&doc.outline),
            kind_counts: count_kinds(&indicators),
            doc,
            path,
            indicators,
            paragraphs,
        }
    }

    /// Index of the paragraph containing char `offset`, or the next one.
    pub fn paragraph_at(&self, offset: usize) -> usize {
        let index = self.paragraphs.partition_point(|p| p.span.end <= offset);
        index.min(self.paragraphs.len().saturating_sub(1))
    }

    /// How many indicators there are of each kind, in [`KINDS`] order.
    pub fn counts_by_kind(&self) -> [usize; 4] {
        self.kind_counts
    }
}

fn count_kinds(indicators: &[Indicator]) -> [usize; 4] {
    let mut counts = [0; 4];
    for indicator in indicators {
        if let Some(i) = KINDS.iter().position(|k| *k == indicator.kind) {
            counts[i] += 1;
        }
    }
    counts
}

/// The four kinds, in legend order.
pub const KINDS: [Kind; 4] = [Kind::Target, Kind::Actual, Kind::Growth, Kind::Completion];

fn paragraphs(doc: &Document, indicators: &[Indicator]) -> Vec<Paragraph> {
    let mut slicer = ForwardSlicer::new(&doc.text);
    let mut next = 0;
    doc.blocks
        .iter()
        .map(|block| {
            while indicators
                .get(next)
                .is_some_and(|i| i.span.end <= block.span.start)
            {
                next += 1;
            }
            let inside = indicators[next..]
                .iter()
                .enumerate()
                .take_while(|(_, i)| i.span.start < block.span.end);
            let highlights = inside
                .map(|(k, i)| Highlight {
                    start: i.span.start.saturating_sub(block.span.start),
                    end: i.span.end.min(block.span.end) - block.span.start,
                    indicator: next + k,
                    kind: i.kind,
                })
                .collect();
            Paragraph {
                span: block.span,
                kind: block.kind,
                text: slicer.slice(block.span).to_string(),
                highlights,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_fall_inside_their_paragraphs() {
        let doc = Document::from_text(
            "t.txt",
            "一、目标\n新增停车泊位1万个以上，建成微循环道路15条。\n无数字的段落。",
        );
        let view = DocView::new(doc, None);
        assert_eq!(view.paragraphs.len(), 3);
        let marks: Vec<String> = view.paragraphs[1]
            .highlights
            .iter()
            .map(|h| {
                view.paragraphs[1]
                    .text
                    .chars()
                    .skip(h.start)
                    .take(h.end - h.start)
                    .collect()
            })
            .collect();
        assert_eq!(marks, ["新增停车泊位1万个以上", "建成微循环道路15条"]);
        assert_eq!(view.paragraph_at(view.indicators[1].span.start), 1);
        assert_eq!(view.counts_by_kind(), [2, 0, 0, 0]);
    }
}
