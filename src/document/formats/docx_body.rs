//! The WordprocessingML inside a .docx: the body's paragraphs in order
//! (`w:p`, text from `w:t`, `w:br` a line break, `w:tab` a space), each
//! table row one line with its cells separated by tabs, a paragraph's
//! heading level from its style (`w:pStyle`) or its own outline level
//! (`w:outlineLvl`); and the list of styles in `styles.xml`. Deleted text
//! (`w:delText`), field codes (`w:instrText`) and the fallback copy of
//! drawings (`mc:Fallback`, which repeats the text box before it) are left out.

use std::collections::BTreeMap;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::lines::LineBuilder;
use super::{FormatProblem, HeadingHint};

/// A paragraph style of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Style {
    /// Its id, as paragraphs name it.
    pub id: String,
    /// Its name ("heading 1").
    pub name: String,
    /// The outline level it gives (1 for the outermost), if any.
    pub outline_level: Option<u8>,
}

/// Where the walk over the body is.
#[derive(Default)]
struct Walk {
    lines: LineBuilder,
    /// Inside `w:t`: its text is read.
    in_text: bool,
    /// Depth of `mc:Fallback` elements around: their text is skipped.
    skipped: usize,
    /// Depth of table cells around: paragraphs in a cell do not end the line.
    in_cell: usize,
    /// Whether the current row has had a cell yet.
    cells_in_row: usize,
}

/// The body's text, one paragraph or table row a line, and its headings.
pub(crate) fn text(
    body: &str,
    levels: &BTreeMap<String, u8>,
) -> Result<(String, Vec<HeadingHint>), FormatProblem> {
    let mut reader = Reader::from_str(body);
    let mut walk = Walk::default();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => walk.start(&e, levels),
            Ok(Event::Empty(e)) => {
                walk.start(&e, levels);
                walk.end(e.name().as_ref());
            }
            Ok(Event::End(e)) => walk.end(e.name().as_ref()),
            Ok(Event::Text(t)) if walk.reading() => walk.lines.push(&t.xml10_content()),
            Ok(Event::GeneralRef(r)) if walk.reading() => walk.lines.push(&resolve(&r)),
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(error) => {
                return Err(FormatProblem::Damaged(format!(
                    "word/document.xml: {error}"
                )))
            }
        }
    }
    Ok(walk.lines.finish())
}

/// The text an entity or character reference stands for.
fn resolve(reference: &quick_xml::events::BytesRef<'_>) -> String {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        return c.to_string();
    }
    let name = reference.xml10_content();
    quick_xml::escape::resolve_predefined_entity(&name)
        .unwrap_or_default()
        .to_string()
}

impl Walk {
    fn reading(&self) -> bool {
        self.in_text && self.skipped == 0
    }

    fn start(&mut self, e: &BytesStart<'_>, levels: &BTreeMap<String, u8>) {
        match e.name().as_ref() {
            "w:t" => self.in_text = true,
            "mc:Fallback" => self.skipped += 1,
            "w:tr" => self.cells_in_row = 0,
            "w:tc" => {
                if self.cells_in_row > 0 {
                    self.lines.push("\t");
                }
                self.cells_in_row += 1;
                self.in_cell += 1;
            }
            "w:br" | "w:cr" if self.skipped == 0 && !is_page_break(e) => self.paragraph_end(),
            "w:tab" if self.skipped == 0 => self.lines.push(" "),
            "w:pStyle" => {
                if let Some(&level) = attribute(e, "w:val").and_then(|id| levels.get(&id)) {
                    self.lines.set_heading(level);
                }
            }
            "w:outlineLvl" => {
                if let Some(level) = outline_level(e) {
                    self.lines.set_heading(level);
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "w:t" => self.in_text = false,
            "mc:Fallback" => self.skipped = self.skipped.saturating_sub(1),
            "w:p" if self.skipped == 0 => self.paragraph_end(),
            "w:tc" => self.in_cell = self.in_cell.saturating_sub(1),
            "w:tr" => self.lines.break_line(),
            _ => {}
        }
    }

    /// Ends a paragraph: a new line, or in a table cell a space before the next.
    fn paragraph_end(&mut self) {
        if self.in_cell > 0 {
            self.lines.push(" ");
        } else {
            self.lines.break_line();
        }
    }
}

fn is_page_break(e: &BytesStart<'_>) -> bool {
    attribute(e, "w:type").is_some_and(|t| t == "page" || t == "column")
}

fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    let value = e.try_get_attribute(name).ok()??;
    let value = value
        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
        .ok()?;
    Some(value.into_owned())
}

/// The 1-based outline level of a `w:outlineLvl` (its value counts from 0;
/// 9 means body text).
fn outline_level(e: &BytesStart<'_>) -> Option<u8> {
    let level = attribute(e, "w:val")?.parse::<u8>().ok()?;
    (level < 9).then_some(level + 1)
}

/// The paragraph styles defined in `styles.xml` (none when it cannot be read).
pub(crate) fn styles(xml: &str) -> Vec<Style> {
    let mut reader = Reader::from_str(xml);
    let mut styles: Vec<Style> = Vec::new();
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "w:style" => styles.push(Style {
                    id: attribute(&e, "w:styleId").unwrap_or_default(),
                    name: String::new(),
                    outline_level: None,
                }),
                "w:name" => set_last(&mut styles, |s| {
                    s.name = attribute(&e, "w:val").unwrap_or_default()
                }),
                "w:outlineLvl" => set_last(&mut styles, |s| s.outline_level = outline_level(&e)),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    styles
}

fn set_last(styles: &mut [Style], set: impl FnOnce(&mut Style)) {
    if let Some(style) = styles.last_mut() {
        set(style);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    fn body_text(inner: &str, levels: &[(&str, u8)]) -> (String, Vec<HeadingHint>) {
        let levels = levels.iter().map(|(id, l)| (id.to_string(), *l)).collect();
        let xml = format!("<w:document {W}><w:body>{inner}</w:body></w:document>");
        text(&xml, &levels).unwrap_or_default()
    }

    #[test]
    fn paragraphs_headings_and_table_rows() {
        let inner = "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>一、总体</w:t></w:r></w:p>\
            <w:p><w:r><w:t>增长</w:t></w:r><w:r><w:t xml:space=\"preserve\">7%&amp;</w:t></w:r></w:p>\
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>地方一般公共预算</w:t></w:r></w:p><w:p><w:r><w:t>收入</w:t></w:r></w:p></w:tc>\
            <w:tc><w:p><w:r><w:t>增长15%</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
        let (text, hints) = body_text(inner, &[("Heading1", 1)]);
        assert_eq!(text, "一、总体\n增长7%&\n地方一般公共预算 收入\t增长15%\n");
        assert_eq!(
            hints,
            [HeadingHint {
                offset: 0,
                level: 1
            }]
        );
    }

    #[test]
    fn fallback_copies_and_deleted_text_are_left_out() {
        let inner = "<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:delText>删去</w:delText></w:r>\
            <mc:AlternateContent xmlns:mc=\"m\"><mc:Choice><w:t>框</w:t></mc:Choice><mc:Fallback><w:t>框</w:t></mc:Fallback></mc:AlternateContent></w:p>";
        assert_eq!(body_text(inner, &[]).0, "正文框\n");
    }

    #[test]
    fn styles_with_names_and_outline_levels() {
        let xml = format!("<w:styles {W}><w:style w:styleId=\"1\"><w:name w:val=\"heading 1\"/></w:style>\
            <w:style w:styleId=\"T\"><w:name w:val=\"My title\"/><w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr></w:style></w:styles>");
        let styles = styles(&xml);
        assert_eq!(styles[0].name, "heading 1");
        assert_eq!(styles[1].outline_level, Some(2));
    }
}
