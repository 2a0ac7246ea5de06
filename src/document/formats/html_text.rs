//! The reading text of an HTML tree: block elements (p, div, li, h1-h6…) and
//! `<br>` end lines, a table row is one line with its cells separated by
//! tabs, h1-h6 are headings of their level, and what is not read (scripts,
//! styles, forms, the head) is skipped. The walk keeps its own stack, so a
//! page nested thousands of levels deep cannot overflow the thread's.

use dom_query::NodeRef;

use super::lines::LineBuilder;
use super::HeadingHint;

/// Elements whose content is not reading text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "svg", "button", "select",
    "textarea", "iframe", "object",
];

/// Elements that stand on lines of their own.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "caption",
    "section",
    "article",
    "aside",
    "header",
    "footer",
    "nav",
    "main",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "address",
    "center",
    "form",
    "fieldset",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];

/// How many nodes inside a table cell are looked at to tell a layout cell.
const LAYOUT_SCAN_NODES: usize = 256;

/// A step of the walk: enter a node, or leave an element.
enum Step<'a> {
    Enter(NodeRef<'a>),
    Leave(String),
}

/// The text under `root`, one line each, and where its headings start.
pub(crate) fn text_of(root: &NodeRef<'_>) -> (String, Vec<HeadingHint>) {
    let mut lines = LineBuilder::default();
    let mut steps = vec![Step::Enter(*root)];
    while let Some(step) = steps.pop() {
        match step {
            Step::Enter(node) => enter(&node, &mut lines, &mut steps),
            Step::Leave(name) => leave(&name, &mut lines),
        }
    }
    lines.finish()
}

fn enter<'a>(node: &NodeRef<'a>, lines: &mut LineBuilder, steps: &mut Vec<Step<'a>>) {
    if node.is_text() {
        lines.push(&node.text());
        return;
    }
    if !(node.is_element() || node.is_document() || node.is_fragment()) {
        return;
    }
    let name = node
        .node_name()
        .map(|n| n.to_ascii_lowercase())
        .unwrap_or_default();
    if SKIPPED.contains(&name.as_str()) {
        return;
    }
    let name = if is_layout_cell(&name, node) {
        "div".to_string()
    } else {
        name
    };
    open(&name, lines);
    steps.push(Step::Leave(name));
    steps.extend(node.children_it(true).map(Step::Enter));
}

/// Whether `node` is a table cell used for layout (holding lines or blocks
/// of its own), which is read as a block rather than as one cell of a row.
fn is_layout_cell(name: &str, node: &NodeRef<'_>) -> bool {
    matches!(name, "td" | "th")
        && node.descendants_it().take(LAYOUT_SCAN_NODES).any(|d| {
            let inner = d
                .node_name()
                .map(|n| n.to_ascii_lowercase())
                .unwrap_or_default();
            inner == "br" || BLOCKS.contains(&inner.as_str())
        })
}

/// What starting element `name` does to the text.
fn open(name: &str, lines: &mut LineBuilder) {
    if BLOCKS.contains(&name) {
        lines.break_line();
    }
    if let Some(level) = heading_level(name) {
        lines.set_heading(level);
    }
    if matches!(name, "td" | "th") && !lines.line_is_empty() {
        lines.push("\t");
    }
}

/// What ending element `name` does to the text.
fn leave(name: &str, lines: &mut LineBuilder) {
    if name == "br" || BLOCKS.contains(&name) {
        lines.break_line();
    }
}

fn heading_level(name: &str) -> Option<u8> {
    let digit = name.strip_prefix('h')?.parse::<u8>().ok()?;
    (1..=6).contains(&digit).then_some(digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        let doc = dom_query::Document::from(html);
        text_of(&doc.root()).0
    }

    #[test]
    fn blocks_breaks_and_table_rows() {
        let html = "<body><script>var a=1;</script><h2>一、目标</h2><p>增长<b>7%</b>;</p>\
            甲<br>乙<table><tr><td>指标</td><td>全年目标</td></tr><tr><td>GDP</td><td>7%</td></tr></table></body>";
        assert_eq!(
            text(html),
            "一、目标\n增长7%;\n甲\n乙\n指标\t全年目标\nGDP\t7%\n"
        );
    }

    #[test]
    fn layout_cells_are_blocks() {
        let html = "<table><tr><td>首页<br>通知</td><td><p>正文。</p></td></tr></table>";
        assert_eq!(text(html), "首页\n通知\n正文。\n");
    }

    #[test]
    fn headings_are_marked_with_their_level() {
        let doc = dom_query::Document::from("<p>前言</p><h3>(一)总体要求</h3><p>正文</p>");
        let (_, hints) = text_of(&doc.root());
        assert_eq!(
            hints,
            [HeadingHint {
                offset: 3,
                level: 3
            }]
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}深处{}", "<div>".repeat(20_000), "</div>".repeat(20_000));
        assert_eq!(text(&html), "深处\n");
    }
}
