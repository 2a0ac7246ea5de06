//! Paragraphs from a PDF's visual lines. A line goes on in the next one
//! (joined with nothing between Chinese chars, so "79.66" and "%", "316亿"
//! and "元" meet again) unless something says a paragraph ends there: the line
//! ends a sentence (。！？), stops short of its column's right edge (a
//! heading, a paragraph's last line), the next line is indented or starts
//! a list item or numbered heading (——, 一、, (一)), the font size changes,
//! or either line is a table row (cells separated by tabs). A line ending at
//! the bottom of a page or column goes on at the top of the next when it
//! does not end there. Spaces the producer put between Chinese and Latin
//! letters or digits ("2021 年") are removed.

use std::sync::LazyLock;

use regex::Regex;

use super::pdf_lines::Line;
use super::{is_wide, PageStart};

/// A line ending more than this many ems before its column's right edge is short.
const SHORT_LINE_EMS: f32 = 2.0;
/// Share of a column's lines that end before its right edge: most lines of a
/// page are full ones.
const FULL_LINE_QUANTILE: f32 = 0.75;
/// A line starting this many ems right of the line above is indented.
const INDENT_EMS: f32 = 1.5;
/// Lines this many ems apart horizontally at their start are in the same column.
const SAME_COLUMN_EMS: f32 = 4.0;
/// Font sizes differing by more than this share are different kinds of text.
const SIZE_CHANGE: f32 = 0.15;

static NEW_ITEM: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^(?:——|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])").ok()
});

/// The reading text of a PDF and where each page starts in it.
#[derive(Debug, Default)]
pub(crate) struct PagedText {
    /// Paragraphs, one a line.
    pub text: String,
    /// Where each page's text starts, in page order.
    pub pages: Vec<PageStart>,
}

/// What is kept of the line before while joining.
struct Previous {
    line: Line,
    short: bool,
}

/// Joins the visual lines of `pages` (page 1 first) into paragraphs.
pub(crate) fn paragraphs(pages: &[Vec<Line>]) -> PagedText {
    let mut out = PagedText::default();
    let mut chars = 0usize;
    let mut previous: Option<Previous> = None;
    for (page, number) in pages.iter().zip(1u32..) {
        for (i, line) in page.iter().enumerate() {
            let text = tidy(&line.text);
            if let Some(prev) = &previous {
                let same_page = i > 0;
                let separator = separator(prev, line, same_page);
                chars += separator.len();
                out.text.push_str(separator);
            }
            if i == 0 {
                out.pages.push(PageStart {
                    offset: chars,
                    page: number,
                });
            }
            chars += text.chars().count();
            out.text.push_str(&text);
            let short = line.end_x < right_edge(page, line) - SHORT_LINE_EMS * line.size;
            previous = Some(Previous {
                line: line.clone(),
                short,
            });
        }
    }
    out
}

/// What goes between the line before and `next`: a line break, a space or nothing.
fn separator(prev: &Previous, next: &Line, same_page: bool) -> &'static str {
    if ends_paragraph(prev, next, same_page) {
        "\n"
    } else if ends_latin(&prev.line.text)
        && next.text.starts_with(|c: char| c.is_ascii_alphanumeric())
    {
        " "
    } else {
        ""
    }
}

fn ends_latin(text: &str) -> bool {
    text.ends_with(|c: char| c.is_ascii_alphabetic())
}

fn ends_paragraph(prev: &Previous, next: &Line, same_page: bool) -> bool {
    let line = &prev.line;
    let em = line.size.max(1.0);
    let below_in_column = same_page && next.y < line.y;
    line.text.contains('\t')
        || next.text.contains('\t')
        || ends_sentence(&line.text)
        || prev.short
        || (next.size - line.size).abs() > SIZE_CHANGE * em
        || (below_in_column && next.x > line.x + INDENT_EMS * em)
        || NEW_ITEM
            .as_ref()
            .is_some_and(|re| re.is_match(next.text.trim_start()))
}

/// Whether `text` ends a sentence (。！？, closing quotes or brackets allowed after).
fn ends_sentence(text: &str) -> bool {
    let trimmed = text
        .trim_end()
        .trim_end_matches(['”', '’', '」', '』', '）', ')', '】', '"']);
    trimmed.ends_with(['。', '！', '？', '!', '?'])
}

/// The right edge of the column `line` is in: where most of the page's lines
/// that start near it end (the [`FULL_LINE_QUANTILE`] of their ends, so that
/// one line whose estimated width overshoots does not move it).
fn right_edge(page: &[Line], line: &Line) -> f32 {
    let reach = SAME_COLUMN_EMS * line.size.max(1.0);
    let mut ends: Vec<f32> = page
        .iter()
        .filter(|other| (other.x - line.x).abs() < reach)
        .map(|other| other.end_x)
        .collect();
    ends.sort_by(f32::total_cmp);
    let at = (ends.len() as f32 * FULL_LINE_QUANTILE) as usize;
    ends.get(at.min(ends.len().saturating_sub(1)))
        .copied()
        .unwrap_or(line.end_x)
}

/// The line with the producer's spaces between Chinese and Latin letters or
/// digits removed ("2021 年" → "2021年"); other blanks are kept.
pub(crate) fn tidy(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' && is_producer_space(&chars, i) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Whether the run of spaces around `i` sits between a wide char and a Latin one.
fn is_producer_space(chars: &[char], i: usize) -> bool {
    let before = chars[..i].iter().rev().find(|&&c| c != ' ');
    let after = chars[i..].iter().find(|&&c| c != ' ');
    let (Some(&before), Some(&after)) = (before, after) else {
        return false;
    };
    let latin = |c: char| c.is_ascii_alphanumeric() || matches!(c, '%' | '.');
    (is_wide(before) && latin(after))
        || (latin(before) && is_wide(after))
        || (before.is_ascii_digit() && after == '%')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(x: f32, y: f32, chars: usize, text: &str) -> Line {
        Line {
            x,
            end_x: x + chars as f32 * 10.0,
            y,
            size: 10.0,
            text: text.to_string(),
        }
    }

    fn text_of(pages: &[Vec<Line>]) -> String {
        paragraphs(pages).text
    }

    #[test]
    fn producer_spaces_go_and_others_stay() {
        assert_eq!(tidy("2021 年全区 GDP 增长 7.5 %"), "2021年全区GDP增长7.5%");
        assert_eq!(tidy("局长 李武军"), "局长 李武军");
        assert_eq!(tidy("GDP growth"), "GDP growth");
    }

    #[test]
    fn broken_lines_join_and_sentences_end_paragraphs() {
        let page = vec![
            line(0.0, 700.0, 30, "一、总体要求"),
            line(20.0, 680.0, 30, "全区地区生产总值达到316亿"),
            line(0.0, 660.0, 30, "元,增长79.66"),
            line(0.0, 640.0, 10, "%。"),
            line(20.0, 620.0, 30, "下一段。"),
        ];
        assert_eq!(
            text_of(&[page]),
            "一、总体要求\n全区地区生产总值达到316亿元,增长79.66%。\n下一段。"
        );
    }

    #[test]
    fn short_lines_and_list_items_stand_alone() {
        let page = vec![
            line(0.0, 700.0, 30, "主要预期目标:"),
            line(0.0, 680.0, 12, "(一)总体要求"),
            line(0.0, 660.0, 30, "——地区生产总值增长7%"),
            line(0.0, 640.0, 30, "——地方一般公共预算收入增长15%"),
        ];
        assert_eq!(
            text_of(&[page]),
            "主要预期目标:\n(一)总体要求\n——地区生产总值增长7%\n——地方一般公共预算收入增长15%"
        );
    }

    #[test]
    fn a_paragraph_goes_on_over_the_page_and_pages_are_mapped() {
        let first = vec![
            line(0.0, 700.0, 30, "第一页的段落"),
            line(0.0, 680.0, 30, "没有结束"),
        ];
        let second = vec![line(0.0, 700.0, 10, "在这里结束。")];
        let paged = paragraphs(&[first, second]);
        assert_eq!(paged.text, "第一页的段落没有结束在这里结束。");
        let starts: Vec<(usize, u32)> = paged.pages.iter().map(|p| (p.offset, p.page)).collect();
        assert_eq!(starts, [(0, 1), (10, 2)]);
    }

    #[test]
    fn table_rows_stay_rows() {
        let page = vec![
            line(0.0, 700.0, 30, "指标\t全年目标"),
            line(0.0, 680.0, 30, "地区生产总值\t增长7%"),
        ];
        assert_eq!(text_of(&[page]), "指标\t全年目标\n地区生产总值\t增长7%");
    }
}
