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

use crate::document::formats::HeadingHint;
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
    analyse_marked(text, &[])
}

/// As [`analyse`], with the lines the file's format marks as headings: a
/// body line starting at a marked offset is a heading of the marked level.
pub fn analyse_marked(text: &str, marked: &[HeadingHint]) -> Analysis {
    let lines = lines::split_lines(text);
    let marked_levels = marked_levels(&lines, marked);
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
    let flat = body::headings(&lines, &mut kinds, body_start, &marked_levels);
    let metadata = metadata::build(&lines, &header);
    let blocks = lines
        .iter()
        .zip(kinds)
        .map(|(line, kind)| Block {
            span: line.span,
            kind,
            page: None,
        })
        .collect();
    Analysis {
        blocks,
        outline: outline::build(flat),
        metadata,
    }
}

/// The marked level of each line, by where the line starts.
fn marked_levels(lines: &[lines::Line<'_>], marked: &[HeadingHint]) -> Vec<Option<u8>> {
    if marked.is_empty() {
        return Vec::new();
    }
    lines
        .iter()
        .map(|line| {
            let at = marked.partition_point(|hint| hint.offset < line.span.start);
            marked
                .get(at)
                .filter(|hint| hint.offset == line.span.start)
                .map(|hint| hint.level)
        })
        .collect()
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

    #[test]
    fn marked_lines_are_headings_of_their_level() {
        let text =
            "武昌区2021年计划\n一、总体要求\n全年新增企业60家。\n主要任务\n全年新增企业60家。\n";
        let marked = [HeadingHint {
            offset: 29,
            level: 2,
        }];
        let analysis = analyse_marked(text, &marked);
        let kinds: Vec<BlockKind> = analysis.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(kinds[3], BlockKind::Heading { level: 2 }, "{kinds:?}");
        assert_eq!(analysis.outline[0].children[0].title, "主要任务");
    }
}
