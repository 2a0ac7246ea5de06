//! Walks the body (the lines after the header) to find headings, give them
//! levels and list them as flat outline nodes in document order.

use super::headings::{self, Candidate, Shape};
use super::levels::Levels;
use super::lines::Line;
use super::markers::{self, Family};
use crate::document::{BlockKind, OutlineNode};
use crate::span::Span;

/// State of the walk over the body lines.
struct Walk {
    /// Lines shaped like unnumbered titles (`None`: such titles disabled).
    plain: Option<Vec<bool>>,
    /// Index of the last non-debris line.
    last_content: Option<usize>,
    /// Level assignment so far.
    levels: Levels,
    /// Whether the previous non-debris line was a whole heading.
    prev_heading: bool,
}

impl Walk {
    fn new(lines: &[Line<'_>], kinds: &[BlockKind]) -> Self {
        Self {
            plain: plain_title_lines(lines, kinds),
            last_content: kinds.iter().rposition(|k| *k != BlockKind::Debris),
            levels: Levels::default(),
            prev_heading: false,
        }
    }

    /// The heading on line `i`, if any. An unnumbered title needs a body line
    /// after it and must not directly follow a heading (that is lead text).
    fn candidate(&self, i: usize, line: &Line<'_>) -> Option<Candidate> {
        let shaped = self.plain.as_ref().and_then(|p| p.get(i)).copied() == Some(true);
        let has_next = self.last_content.is_some_and(|last| i < last);
        let plain_here = shaped && has_next && !self.prev_heading;
        headings::marked(line.text, line.len()).or_else(|| plain_title(plain_here))
    }
}

/// Marks heading blocks in `kinds` from line `start` on; returns the outline
/// nodes. A line with a level in `marked` (the format said it is a heading:
/// a Word heading style, an HTML h1-h6) is a heading of that level.
pub(crate) fn headings(
    lines: &[Line<'_>],
    kinds: &mut [BlockKind],
    start: usize,
    marked: &[Option<u8>],
) -> Vec<OutlineNode> {
    let mut walk = Walk::new(lines, kinds);
    let mut nodes = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(start) {
        let Some(kind) = kinds.get_mut(i).filter(|k| **k == BlockKind::Paragraph) else {
            continue;
        };
        if let Some(level) = marked.get(i).copied().flatten() {
            *kind = BlockKind::Heading { level };
            walk.prev_heading = true;
            nodes.push(node(line, i, level, Shape::Whole));
            continue;
        }
        let candidate = walk.candidate(i, line);
        walk.prev_heading = false;
        let Some(candidate) = candidate else { continue };
        let level = walk.levels.next(candidate.family);
        if candidate.shape == Shape::Whole {
            *kind = BlockKind::Heading { level };
            walk.prev_heading = true;
        }
        nodes.push(node(line, i, level, candidate.shape));
    }
    nodes
}

/// An unnumbered title candidate, if `is_title`.
fn plain_title(is_title: bool) -> Option<Candidate> {
    is_title.then_some(Candidate {
        family: Family::Plain,
        shape: Shape::Whole,
    })
}

/// Which paragraph lines are shaped like unnumbered titles, or `None` when such
/// lines are too common to be titles (hard-wrapped text lacking punctuation).
fn plain_title_lines(lines: &[Line<'_>], kinds: &[BlockKind]) -> Option<Vec<bool>> {
    let mut body = 0usize;
    let mut plain = Vec::with_capacity(lines.len());
    for (line, kind) in lines.iter().zip(kinds) {
        let paragraph = *kind == BlockKind::Paragraph;
        body += usize::from(paragraph);
        plain.push(paragraph && is_plain_title(line));
    }
    let titles = plain.iter().filter(|p| **p).count();
    (titles * 2 <= body).then_some(plain)
}

/// True for a line shaped like a title and carrying no numbering marker.
fn is_plain_title(line: &Line<'_>) -> bool {
    headings::plain_title_shape(line.text, line.len())
        && markers::marker(line.text).is_none()
        && !markers::is_glossary(line.text)
}

/// The outline node of a heading on `line` (block `block`).
fn node(line: &Line<'_>, block: usize, level: u8, shape: Shape) -> OutlineNode {
    let (title, len) = match shape {
        Shape::Whole => (line.text, line.len()),
        Shape::Lead(chars) => (super::text::char_prefix(line.text, chars), chars),
    };
    OutlineNode {
        title: title.to_string(),
        level,
        block,
        span: Span::new(line.span.start, line.span.start + len),
        children: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::structure::lines::split_lines;

    fn run(text: &str) -> (Vec<BlockKind>, Vec<OutlineNode>) {
        let lines = split_lines(text);
        let mut kinds = vec![BlockKind::Paragraph; lines.len()];
        let nodes = headings(&lines, &mut kinds, 0, &[]);
        (kinds, nodes)
    }

    #[test]
    fn lead_line_after_heading_is_not_a_title() {
        let text =
            "(五)坚持文化建设\n坚定文化自信,繁荣发展文化事业文化产业\n深化以文塑城。挖掘文化。";
        let (kinds, nodes) = run(text);
        assert_eq!(kinds[1], BlockKind::Paragraph);
        assert_eq!(nodes.len(), 1);
    }

    #[test]
    fn plain_titles_between_paragraphs() {
        let text = "总体要求如下。\n坚持创新驱动 全力打造样板\n构建发展空间。推动建设。\n坚持招育并举 全力打造样板\n着力推动招商。强化招商。";
        let (kinds, nodes) = run(text);
        assert_eq!(kinds[1], BlockKind::Heading { level: 1 });
        assert_eq!(nodes.len(), 2);
    }

    #[test]
    fn hard_wrapped_text_has_no_plain_titles() {
        let text = "这是一段被硬换行的文字没有标点\n继续这一段被硬换行的文字内容\n还是同一段被硬换行的文字内容\n结束。";
        let (_, nodes) = run(text);
        assert!(nodes.is_empty());
    }
}
