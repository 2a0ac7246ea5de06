//! A web page's bytes to text, before any HTML parsing (no HTML parser finds
//! GBK by itself): a byte-order mark first, then a `charset` declared in a
//! `<meta charset>` or `<meta http-equiv="Content-Type">` tag within the
//! first [`DECLARATION_WITHIN`] bytes, then the detection plain text gets
//! (strict UTF-8, else chardetng limited to GB18030 and Big5). A declaration
//! the bytes do not bear out (a page saying UTF-8 in GBK bytes) is ignored
//! and the page is detected instead.

use std::sync::LazyLock;

use encoding_rs::Encoding;
use regex::bytes::Regex;

use crate::document::decode::{self, DecodeProblem, Decoded};

/// How far into the page a charset declaration is looked for (browsers look
/// at 1024 bytes; Chinese sites often put a long title or script first).
const DECLARATION_WITHIN: usize = 4096;

static CHARSET: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r#"(?i-u)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)"#).ok());

/// Decodes a web page's bytes (see the module docs for the order).
pub(crate) fn decode_page(bytes: &[u8]) -> Result<Decoded, DecodeProblem> {
    if has_bom(bytes) {
        return decode::decode(bytes);
    }
    let declared = declared_encoding(bytes);
    if let Some(decoded) = declared.and_then(|encoding| decode_strictly(encoding, bytes)) {
        return Ok(decoded);
    }
    decode::decode(bytes)
}

fn has_bom(bytes: &[u8]) -> bool {
    [&b"\xEF\xBB\xBF"[..], b"\xFF\xFE", b"\xFE\xFF"]
        .iter()
        .any(|bom| bytes.starts_with(bom))
}

/// The encoding the page declares in a meta tag near its start, if any.
/// A declared UTF-16 means UTF-8, as browsers read it (the tag itself was
/// readable as ASCII).
fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(DECLARATION_WITHIN)];
    let label = CHARSET.as_ref()?.captures(head)?.get(1)?.as_bytes();
    let encoding = Encoding::for_label(label)?;
    Some(if encoding.output_encoding() == encoding_rs::UTF_8 {
        encoding_rs::UTF_8
    } else {
        encoding
    })
}

/// The page decoded with `encoding`, when every byte decodes.
fn decode_strictly(encoding: &'static Encoding, bytes: &[u8]) -> Option<Decoded> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        return None;
    }
    Some(Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        warnings: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gbk(text: &str) -> Vec<u8> {
        encoding_rs::GBK.encode(text).0.into_owned()
    }

    #[test]
    fn meta_charset_and_http_equiv_are_followed() {
        let page = gbk("<html><head><meta charset=\"gbk\"></head><body>计划</body></html>");
        let decoded = decode_page(&page).ok();
        assert_eq!(decoded.as_ref().map(|d| d.encoding), Some("GBK"));
        assert!(decoded.is_some_and(|d| d.text.contains("计划")));
        let page =
            gbk("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">计划");
        assert_eq!(decode_page(&page).ok().map(|d| d.encoding), Some("GBK"));
    }

    #[test]
    fn a_wrong_or_missing_declaration_falls_back_to_detection() {
        let body = "<p>全区地区生产总值增长百分之七,地方一般公共预算收入增长百分之十五。</p>";
        let page = gbk(&format!("<meta charset=\"utf-8\">{body}"));
        let decoded = decode_page(&page).ok();
        assert!(decoded.is_some_and(|d| d.text.contains("地区生产总值")));
        let decoded = decode_page(&gbk(body)).ok();
        assert_eq!(decoded.map(|d| d.encoding), Some("GB18030"));
    }
}
