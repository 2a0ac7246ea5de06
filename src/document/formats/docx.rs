//! Word .docx reader: the zip's `word/document.xml` holds the body (read by
//! `docx_body`) and `word/styles.xml` the styles, of which the heading ones
//! (Heading N, 标题 N, or any with an outline level) give outline levels.
//! Running headers and footers live in parts of their own and are not read.
//! Parts are read with a size cap, so a small zip that inflates without end
//! is refused instead of filling memory.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use zip::ZipArchive;

use super::{docx_body, FormatProblem, Reading, SourceFormat};

/// Largest part (XML file inside the zip) read, in bytes once inflated.
const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;

type Archive<'a> = ZipArchive<Cursor<&'a [u8]>>;

/// Reads the Word document in `bytes`.
pub(crate) fn read(bytes: &[u8]) -> Result<Reading, FormatProblem> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    let body = read_part(&mut archive, "word/document.xml")?
        .ok_or_else(|| FormatProblem::Damaged("it holds no word/document.xml".to_string()))?;
    let styles = read_part(&mut archive, "word/styles.xml")?.unwrap_or_default();
    let levels = heading_styles(&styles);
    let (text, headings) = docx_body::text(&body, &levels)?;
    if text.trim().is_empty() {
        return Err(FormatProblem::Decode(
            crate::document::decode::DecodeProblem::Empty,
        ));
    }
    Ok(Reading {
        headings,
        ..Reading::new(SourceFormat::Docx, "DOCX", text)
    })
}

fn damaged(error: impl std::fmt::Display) -> FormatProblem {
    FormatProblem::Damaged(error.to_string())
}

/// The part `name` as text, or `None` when the zip has no such part.
fn read_part(archive: &mut Archive<'_>, name: &str) -> Result<Option<String>, FormatProblem> {
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(error) => return Err(damaged(format!("{name}: {error}"))),
    };
    let mut text = String::new();
    file.take(MAX_PART_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|e| damaged(format!("{name}: {e}")))?;
    if text.len() as u64 > MAX_PART_BYTES {
        return Err(damaged(format!(
            "{name} inflates to over {MAX_PART_BYTES} bytes"
        )));
    }
    Ok(Some(text))
}

/// The outline level of each heading style, by style id.
fn heading_styles(styles: &str) -> BTreeMap<String, u8> {
    docx_body::styles(styles)
        .into_iter()
        .filter_map(|style| {
            let level = style.outline_level.or_else(|| heading_level(&style.name))?;
            Some((style.id, level))
        })
        .collect()
}

/// The level a style name such as "heading 2", "Heading 2" or "标题 2" gives.
fn heading_level(name: &str) -> Option<u8> {
    let lower = name.trim().to_lowercase();
    let number = lower
        .strip_prefix("heading")
        .or_else(|| lower.strip_prefix("标题"))?
        .trim();
    let level = number.parse::<u8>().ok()?;
    (1..=9).contains(&level).then_some(level)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_style_names_in_english_and_chinese() {
        assert_eq!(heading_level("heading 1"), Some(1));
        assert_eq!(heading_level("Heading 3"), Some(3));
        assert_eq!(heading_level("标题 2"), Some(2));
        assert_eq!(heading_level("Heading 1 Char"), None);
        assert_eq!(heading_level("Normal"), None);
    }

    #[test]
    fn not_a_zip_is_damaged() {
        assert!(matches!(
            read(b"PK\x03\x04 cut short"),
            Err(FormatProblem::Damaged(_))
        ));
    }
}
