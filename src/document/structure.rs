//! Document structure: blocks (lines), headings and their levels, title and
//! metadata lines, web-page debris, and the outline tree.
//! STUB: to be replaced by the full implementation.

use crate::document::{Block, BlockKind, Metadata, OutlineNode};
use crate::span::Span;

/// The structure found in a text.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// One block per non-empty line.
    pub blocks: Vec<Block>,
    /// The heading tree.
    pub outline: Vec<OutlineNode>,
    /// Title and metadata.
    pub metadata: Metadata,
}

/// Finds blocks, headings, metadata and debris in `text` (line endings already `\n`).
pub fn analyse(text: &str) -> Analysis {
    let mut blocks = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        let len = line.chars().count();
        let leading = line.chars().take_while(|c| c.is_whitespace()).count();
        let trimmed = line.trim().chars().count();
        if trimmed > 0 {
            let start = offset + leading;
            blocks.push(Block {
                span: Span::new(start, start + trimmed),
                kind: BlockKind::Paragraph,
            });
        }
        offset += len + 1;
    }
    Analysis {
        blocks,
        ..Analysis::default()
    }
}

/// Titles of the headings enclosing `offset`, outermost first.
pub fn section_path(outline: &[OutlineNode], offset: usize) -> Vec<String> {
    let mut path = Vec::new();
    let mut level = outline;
    while let Some(node) = level.iter().rev().find(|n| n.span.start <= offset) {
        path.push(node.title.clone());
        level = &node.children;
    }
    path
}
