//! Web-page reader: the bytes are decoded first (`charset`), then parsed, and
//! the article is taken with dom_smoothie (a port of Firefox's Readability),
//! which leaves out navigation, sidebars and footers. When it finds no
//! article or one much shorter than the page's whole text (a page laid out
//! in tables can fool it), the whole body is read instead; the structure
//! pass marks the debris left in it. The government-information lines such
//! pages set above the article (索引号, 发布机构, 文号, 公开日期), which
//! Readability drops, are put back before it: they give the report's
//! issuer, number and date. The page's title (without the site's
//! name after "_" or "|") and its publication date become the report's.

use dom_query::Document as Page;
use dom_smoothie::{Article, Readability};

use super::{charset, html_text, FormatProblem, HeadingHint, Reading, SourceFormat};

/// An article with fewer non-blank chars than this share of the body's is
/// taken to be a miss, and the body is read instead.
const MIN_ARTICLE_SHARE: f64 = 0.3;

/// Labels of the fields of a government page's disclosure table (信息公开).
const DISCLOSURE_LABELS: &[&str] = &[
    "索引号",
    "发布机构",
    "发文机关",
    "文号:",
    "文号：",
    "公开日期",
    "成文日期",
    "发布日期",
];
/// A disclosure line is short: longer lines with such words are body text.
const MAX_DISCLOSURE_CHARS: usize = 120;

/// Names of `<meta>` tags that give a page's publication date.
const DATE_METAS: &[&str] = &["PubDate", "pubdate", "publishdate", "firstpublishedtime"];

/// Reads the web page in `bytes`.
pub(crate) fn read(bytes: &[u8]) -> Result<Reading, FormatProblem> {
    let decoded = charset::decode_page(bytes).map_err(FormatProblem::Decode)?;
    let page = Page::from(decoded.text.as_str());
    let body_text = html_text::text_of(&page.root());
    let article = Readability::with_document(page.clone(), None, None)
        .ok()
        .and_then(|mut reader| reader.parse().ok());
    let (text, headings) = match &article {
        Some(article) if enough(article, &body_text.0) => {
            let content = unwrapped_cells(&article.content);
            let (text, headings) = html_text::text_of(&Page::from(content.as_str()).root());
            with_disclosure_lines(&body_text.0, text, headings)
        }
        _ => body_text,
    };
    if text.trim().is_empty() {
        return Err(FormatProblem::Decode(
            crate::document::decode::DecodeProblem::Empty,
        ));
    }
    Ok(Reading {
        headings,
        title: title(&page, article.as_ref()),
        date: date(&page, article.as_ref()),
        warnings: decoded.warnings,
        ..Reading::new(SourceFormat::Html, decoded.encoding, text)
    })
}

/// The article's HTML with the rows and cells of layout tables made blocks.
/// Readability turns a layout table into a `div` but leaves its `tr` and
/// `td` tags, which an HTML parser drops outside a table, running the cells
/// together; an article with cells and no table is such a one.
fn unwrapped_cells(content: &str) -> String {
    if content.contains("<table") || !content.contains("<td") {
        return content.to_string();
    }
    ["tbody", "thead", "tfoot", "tr", "td", "th"]
        .iter()
        .fold(content.to_string(), |html, tag| {
            html.replace(&format!("<{tag}>"), "<div>")
                .replace(&format!("<{tag} "), "<div ")
                .replace(&format!("</{tag}>"), "</div>")
        })
}

/// The article's text with the page's disclosure lines it lacks put first
/// (its headings moved along).
fn with_disclosure_lines(
    body: &str,
    article: String,
    headings: Vec<HeadingHint>,
) -> (String, Vec<HeadingHint>) {
    let lines: Vec<&str> = body
        .lines()
        .filter(|line| is_disclosure_line(line) && !article.contains(*line))
        .collect();
    if lines.is_empty() {
        return (article, headings);
    }
    let prefix = format!("{}\n", lines.join("\n"));
    let shift = prefix.chars().count();
    let headings = headings
        .into_iter()
        .map(|h| HeadingHint {
            offset: h.offset + shift,
            ..h
        })
        .collect();
    (prefix + &article, headings)
}

/// Whether a line is one of a government page's disclosure fields.
fn is_disclosure_line(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    compact.chars().count() <= MAX_DISCLOSURE_CHARS
        && DISCLOSURE_LABELS
            .iter()
            .any(|label| compact.contains(label))
}

/// Whether the article holds enough of the page's text to be its body.
fn enough(article: &Article, body: &str) -> bool {
    let count = |text: &str| text.chars().filter(|c| !c.is_whitespace()).count() as f64;
    count(&article.text_content) >= MIN_ARTICLE_SHARE * count(body)
}

/// The page's title, the site's name after it left out.
fn title(page: &Page, article: Option<&Article>) -> Option<String> {
    let full = article
        .map(|a| a.title.clone())
        .filter(|t| !t.trim().is_empty())
        .or_else(|| Some(page.select("title").text().to_string()))?;
    let first = full.split(['_', '|']).next().unwrap_or(&full).trim();
    (!first.is_empty()).then(|| first.to_string())
}

/// The publication date the page declares, as written.
fn date(page: &Page, article: Option<&Article>) -> Option<String> {
    let declared = article.and_then(|a| a.published_time.clone());
    declared.or_else(|| {
        DATE_METAS.iter().find_map(|name| {
            let content = page
                .select(&format!("meta[name=\"{name}\"]"))
                .attr("content")?;
            let content = content.trim();
            (!content.is_empty()).then(|| content.to_string())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_and_date_of_a_government_page() {
        let html = "<html><head><title>武昌区2021年计划_计划总结_武昌区人民政府</title>\
            <meta name=\"PubDate\" content=\"2021-06-02 10:00\"></head>\
            <body><p>全区地区生产总值增长7%。</p></body></html>";
        let reading = read(html.as_bytes());
        let reading = reading.as_ref().ok();
        assert_eq!(
            reading.and_then(|r| r.title.as_deref()),
            Some("武昌区2021年计划")
        );
        assert_eq!(
            reading.and_then(|r| r.date.as_deref()),
            Some("2021-06-02 10:00")
        );
        assert_eq!(
            reading.map(|r| r.text.as_str()),
            Some("全区地区生产总值增长7%。\n")
        );
    }

    #[test]
    fn a_page_with_no_text_is_empty() {
        let reading = read(b"<html><body><script>x()</script></body></html>");
        assert!(matches!(reading, Err(FormatProblem::Decode(_))));
    }
}
