//! Page furniture: the running headers and footers and the page numbers a
//! paged document repeats on its pages, which are not part of the reading
//! text. Only the lines at a page's edges are considered (the two highest
//! and the two lowest on the page): one there is furniture when it is a
//! page number ("— 3 —", "- 3 -", "第3页", "第1页共3页", "3/12") or when the
//! same line, digits aside, stands at the edge of many pages.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use super::pdf_lines::Line;

/// Lines at each edge (top, bottom) of a page that may be furniture.
const EDGE_LINES: usize = 2;
/// A line repeated on at least this share of the pages is a running header or footer…
const REPEATED_SHARE: f64 = 0.5;
/// …provided there are at least this many pages to repeat on.
const MIN_PAGES_FOR_REPEATS: usize = 3;

static PAGE_NUMBER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:
            [-—–－─]*\s*\d{1,4}\s*[-—–－─]*          # 3, - 3 -, — 3 —
          | 第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?  # 第3页, 第1页共3页
          | 共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页      # 共3页 第1页
          | \d{1,4}\s*/\s*\d{1,4}                      # 3/12
          | (?i:page)\s*\d{1,4}(?:\s*(?i:of)\s*\d{1,4})?  # Page 3 of 12
        )$",
    )
    .ok()
});

/// True for a line that is only a page number.
pub(crate) fn is_page_number(text: &str) -> bool {
    let text = text.trim();
    PAGE_NUMBER.as_ref().is_some_and(|re| re.is_match(text))
}

/// The line as compared across pages: blanks removed, digits as `#`.
fn repeat_key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// Indices of the lines at the top and bottom edges of a page.
fn edge_lines(page: &[Line]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..page.len()).collect();
    order.sort_by(|&a, &b| page[b].y.total_cmp(&page[a].y).then(a.cmp(&b)));
    let mut edges: Vec<usize> = order.iter().take(EDGE_LINES).copied().collect();
    edges.extend(order.iter().rev().take(EDGE_LINES));
    edges.sort_unstable();
    edges.dedup();
    edges
}

/// Keys of the edge lines that repeat on enough pages to be headers or footers.
fn repeated_keys(pages: &[Vec<Line>]) -> Vec<String> {
    if pages.len() < MIN_PAGES_FOR_REPEATS {
        return Vec::new();
    }
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for page in pages {
        let mut keys: Vec<String> = edge_lines(page)
            .iter()
            .map(|&i| repeat_key(&page[i].text))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        for key in keys {
            *counts.entry(key).or_default() += 1;
        }
    }
    let needed = (pages.len() as f64 * REPEATED_SHARE).ceil() as usize;
    counts
        .into_iter()
        .filter(|(key, count)| *count >= needed.max(2) && !key.is_empty())
        .map(|(key, _)| key)
        .collect()
}

/// Removes page numbers and running headers and footers from `pages`.
pub(crate) fn remove(pages: &mut [Vec<Line>]) {
    let repeated = repeated_keys(pages);
    for page in pages.iter_mut() {
        let furniture: Vec<usize> = edge_lines(page)
            .into_iter()
            .filter(|&i| {
                let text = &page[i].text;
                is_page_number(text) || repeated.contains(&repeat_key(text))
            })
            .collect();
        let mut index = 0;
        page.retain(|_| {
            index += 1;
            !furniture.contains(&(index - 1))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(y: f32, text: &str) -> Line {
        Line {
            x: 0.0,
            end_x: 100.0,
            y,
            size: 10.0,
            text: text.to_string(),
        }
    }

    const FIRST: [&str; 4] = ["甲", "乙", "丙", "丁"];
    const SECOND: [&str; 4] = ["子", "丑", "寅", "卯"];

    fn page(n: usize) -> Vec<Line> {
        vec![
            line(800.0, "武昌区发展和改革局文件"),
            line(700.0, &format!("正文{}。", FIRST[n - 1])),
            line(690.0, &format!("正文{}。", SECOND[n - 1])),
            line(40.0, &format!("— {n} —")),
        ]
    }

    #[test]
    fn page_numbers_in_their_usual_shapes() {
        for text in [
            "— 3 —",
            "- 3 -",
            "3",
            "第3页",
            "第1页共3页",
            "共3页 第1页",
            "3/12",
            "Page 3 of 12",
        ] {
            assert!(is_page_number(text), "{text}");
        }
        for text in ["2021年", "增长7%", "3.5", "第3条"] {
            assert!(!is_page_number(text), "{text}");
        }
    }

    #[test]
    fn running_headers_and_page_numbers_go_and_the_body_stays() {
        let mut pages: Vec<Vec<Line>> = (1..=4).map(page).collect();
        remove(&mut pages);
        for (page, n) in pages.iter().zip(0..) {
            let texts: Vec<String> = page.iter().map(|l| l.text.clone()).collect();
            assert_eq!(
                texts,
                [
                    format!("正文{}。", FIRST[n]),
                    format!("正文{}。", SECOND[n])
                ]
            );
        }
    }
}
