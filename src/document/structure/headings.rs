//! Decides whether a single line is a heading, and of which shape: a whole
//! heading line, or a heading-like lead clause opening a paragraph.

use super::markers::{self, Family};
use super::text;

/// Longest heading line for the Chinese-numbered families ("一、", "(一)", "第一章").
const MAX_HEADING: usize = 60;
/// Longest whole-line "一是…" heading; longer ones are paragraphs with a lead clause.
const MAX_ORDINAL: usize = 40;
/// Longest "1." heading line.
const MAX_NUMBERED: usize = 30;
/// Shortest and longest unnumbered title line.
const PLAIN_LEN: std::ops::RangeInclusive<usize> = 4..=45;

/// How much of a line is heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// The whole line is the heading.
    Whole,
    /// The line is a paragraph whose first `n` chars (up to its first "。") read as a heading.
    Lead(usize),
}

/// A line recognised as (or as opening with) a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// The numbering family, which decides the level.
    pub family: Family,
    /// Whole line or lead clause.
    pub shape: Shape,
}

/// The heading starting `text` (`len` chars) if it carries a numbering marker.
pub(crate) fn marked(text: &str, len: usize) -> Option<Candidate> {
    if markers::is_glossary(text) {
        return Some(whole(Family::Glossary));
    }
    let (family, marker) = markers::marker(text)?;
    let body = text.get(marker..).unwrap_or_default();
    let shape = match family {
        Family::ArabicDot | Family::ArabicParen | Family::Circled => numbered_shape(body, len)?,
        Family::Ordinal => lead_or_whole(text, len, MAX_ORDINAL)?,
        _ => lead_or_whole(text, len, MAX_HEADING)?,
    };
    Some(Candidate { family, shape })
}

/// A whole-line heading of `family`.
fn whole(family: Family) -> Candidate {
    Candidate {
        family,
        shape: Shape::Whole,
    }
}

/// "1." headings must be short and not read like a sentence, a definition
/// or a target ("1.地区生产总值增长6%").
fn numbered_shape(body: &str, len: usize) -> Option<Shape> {
    let body = body.trim_end_matches('。');
    let sentence = text::has_sentence_end(body)
        || body.contains([':', '：'])
        || text::ends_like_sentence(body)
        || text::has_number_with_unit(body);
    (len <= MAX_NUMBERED && !sentence).then_some(Shape::Whole)
}

/// Whole heading when short with at most a final "。"; a lead clause when a
/// short first sentence is followed by more text; otherwise no heading.
fn lead_or_whole(text: &str, len: usize, max_whole: usize) -> Option<Shape> {
    let first_end = text.chars().position(text::is_sentence_end);
    match first_end {
        None => (len <= max_whole && !ends_with_comma(text)).then_some(Shape::Whole),
        Some(end) if end + 1 == len && len <= max_whole => Some(Shape::Whole),
        Some(end) => (end > 0 && end <= MAX_HEADING).then_some(Shape::Lead(end)),
    }
}

/// True when the line ends with a comma-like char (a broken-off clause).
fn ends_with_comma(text: &str) -> bool {
    text::last_meaningful(text).is_some_and(|c| matches!(c, '，' | ',' | '、'))
}

/// True when `text` looks like an unnumbered title: short, no sentence
/// punctuation, no figures, not a dash item or bracketed note.
pub(crate) fn plain_title_shape(text: &str, len: usize) -> bool {
    PLAIN_LEN.contains(&len)
        && !text.starts_with([
            '—', '-', '－', '─', '·', '•', '*', '(', '（', '[', '【', '《',
        ])
        && text::has_han(text)
        && !text::has_sentence_end(text)
        && !text::ends_like_sentence(text)
        && !text.contains(['%', '％', '|', '｜'])
        && !text::has_number_with_unit(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(text: &str) -> Option<Shape> {
        marked(text, text.chars().count()).map(|c| c.shape)
    }

    #[test]
    fn whole_headings() {
        assert_eq!(
            shape("一、2021年国民经济和社会发展总体要求和主要预期目标"),
            Some(Shape::Whole)
        );
        assert_eq!(shape("(二)主要预期目标"), Some(Shape::Whole));
        assert_eq!(shape("1.发挥创新引领作用"), Some(Shape::Whole));
        assert_eq!(
            shape("二是塑优势、铸高地,释放经济发展活力。"),
            Some(Shape::Whole)
        );
        assert_eq!(shape("名词解释:"), Some(Shape::Whole));
    }

    #[test]
    fn lead_clauses() {
        let line = "二是塑优势、铸高地,释放经济发展活力。积极服务高水平科技自立自强。";
        assert_eq!(shape(line), Some(Shape::Lead(18)));
    }

    #[test]
    fn numbered_definitions_are_paragraphs() {
        assert_eq!(shape("3.三库:投资项目目录库、储备库、实施库。"), None);
        assert_eq!(shape("11.三资:资金、资产、资源。"), None);
        assert_eq!(shape("1.地区生产总值增长6%左右"), None);
    }

    #[test]
    fn plain_titles() {
        let t = "坚持创新驱动 全力打造数字经济发展样板";
        assert!(plain_title_shape(t, t.chars().count()));
        let t = "完善科技创新体系。依托高校院所";
        assert!(!plain_title_shape(t, t.chars().count()));
        let t = "各位代表:";
        assert!(!plain_title_shape(t, t.chars().count()));
        let t = "——地区生产总值增长7%";
        assert!(!plain_title_shape(t, t.chars().count()));
    }
}
