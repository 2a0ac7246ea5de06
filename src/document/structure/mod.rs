//! Document structure: blocks (lines), headings and their levels, title and
//! metadata lines, web-page debris, and the outline tree.
//!
//! The analysis runs in linear passes over the lines: `debris` marks web
//! furniture, `header` finds the title and metadata lines at the top, `body`
//! finds headings (via `headings`, `markers` and `levels`), `metadata` reads
//! the header and `outline` nests the headings.

mod body;
mod debris;
mod header;
mod headings;
mod levels;
mod lines;
mod markers;
mod metadata;
mod outline;
mod patterns;
mod text;

use crate::document::{Block, BlockKind, Metadata, OutlineNode};

pub use outline::section_path;

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
    let lines = lines::split_lines(text);
    let debris = debris::mark(&lines);
    let header = header::scan(&lines, &debris);
    let mut kinds: Vec<BlockKind> = debris
        .iter()
        .map(|&d| {
            if d {
                BlockKind::Debris
            } else {
                BlockKind::Paragraph
            }
        })
        .collect();
    for &(i, role) in &header {
        if let Some(kind) = kinds.get_mut(i) {
            *kind = role.kind();
        }
    }
    let body_start = header.last().map_or(0, |&(i, _)| i + 1);
    let flat = body::headings(&lines, &mut kinds, body_start);
    let metadata = metadata::build(&lines, &header);
    let blocks = lines
        .iter()
        .zip(kinds)
        .map(|(line, kind)| Block {
            span: line.span,
            kind,
        })
        .collect();
    Analysis {
        blocks,
        outline: outline::build(flat),
        metadata,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_text_has_no_blocks() {
        let analysis = analyse("");
        assert!(analysis.blocks.is_empty());
        assert!(analysis.outline.is_empty());
    }

    #[test]
    fn small_report() {
        let text = "武昌区2021年计划\n\n一、总体要求\n(一)目标\n全年新增企业60家。\n";
        let analysis = analyse(text);
        let kinds: Vec<BlockKind> = analysis.blocks.iter().map(|b| b.kind).collect();
        use BlockKind::*;
        assert_eq!(
            kinds,
            [Title, Heading { level: 1 }, Heading { level: 2 }, Paragraph]
        );
        assert_eq!(analysis.metadata.year, Some(2021));
        assert_eq!(
            section_path(&analysis.outline, 26),
            ["一、总体要求", "(一)目标"]
        );
    }
}
