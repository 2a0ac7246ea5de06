//! Bytes to text: rejects binary content, detects the encoding (BOM, UTF-8,
//! UTF-16 with or without BOM, GB18030/GBK, Big5) and decodes without
//! replacement characters — except in a UTF-8 file with a few bad bytes,
//! which are replaced and reported as a [`DecodeWarning`] saying where.
//!
//! Detection order: known binary magic numbers, then a byte-order mark, then
//! UTF-16 without a BOM (only for bytes holding NULs, which no other
//! supported encoding has), then strict UTF-8, then a `chardetng` guess
//! limited to GB18030 and Big5 (with the other one as fallback), then UTF-8
//! with at most one damaged char in [`INVALID_UTF8_DIVISOR`] bytes. Line
//! endings are left as they are.

use std::fmt;
use std::path::Path;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{DecoderResult, Encoding, BIG5, GB18030, UTF_16BE, UTF_16LE};
use serde::Serialize;

use crate::error::LoadError;

/// Decoded text and the name of the encoding it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, BOM removed, line endings untouched.
    pub text: String,
    /// Human-readable encoding name: "UTF-8", "UTF-8 (BOM)", "UTF-16LE",
    /// "UTF-16BE", "GB18030" or "Big5".
    pub encoding: &'static str,
    /// What the reader should know about the decoding; empty for a clean file.
    pub warnings: Vec<DecodeWarning>,
}

/// Where a byte is in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BytePosition {
    /// Offset from the start of the file, the first byte being 0 (as
    /// `xxd -s` and `dd skip=` count; a BOM counts).
    pub byte: usize,
    /// 1-based line: one more than the line feeds before the byte.
    pub line: usize,
}

impl fmt::Display for BytePosition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "byte {} (line {})", self.byte, self.line)
    }
}

/// Something about the decoding the reader should know: the text was read,
/// but not exactly as the file has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DecodeWarning {
    /// A UTF-8 file held a few bytes that are not UTF-8; they are shown as
    /// U+FFFD (�) in the text, one for each invalid sequence.
    InvalidUtf8 {
        /// How many bytes are invalid.
        bytes: usize,
        /// Where each run of invalid bytes starts, in file order.
        places: Vec<BytePosition>,
    },
}

/// How many places a warning's message lists before "and N more places".
const LISTED_PLACES: usize = 5;

impl fmt::Display for DecodeWarning {
    /// "1 invalid UTF-8 byte at byte 1234 (line 56), shown as �".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Self::InvalidUtf8 { bytes, places } = self;
        let plural = if *bytes == 1 { "" } else { "s" };
        let listed: Vec<String> = places
            .iter()
            .take(LISTED_PLACES)
            .map(ToString::to_string)
            .collect();
        write!(
            f,
            "{bytes} invalid UTF-8 byte{plural} at {}",
            listed.join(", ")
        )?;
        if places.len() > LISTED_PLACES {
            write!(f, " and {} more places", places.len() - LISTED_PLACES)?;
        }
        f.write_str(", shown as \u{FFFD}")
    }
}

/// Why bytes could not be decoded; turned into a [`LoadError`] once the file is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeProblem {
    /// No content (or only a BOM / whitespace).
    Empty,
    /// Not text; the string says what it looks like ("contains NUL bytes",
    /// "a PNG image", "a ZIP archive (or DOCX/XLSX document)").
    Binary(String),
    /// No supported encoding decodes the bytes cleanly; where the first
    /// byte that is not UTF-8 is, when the file could have been UTF-8.
    Undecidable(Option<BytePosition>),
}

impl DecodeProblem {
    /// The user-facing error for this problem in file `path`.
    pub fn into_error(self, path: &Path) -> LoadError {
        let path = path.to_path_buf();
        match self {
            Self::Empty => LoadError::Empty { path },
            Self::Binary(what) => LoadError::Binary { path, what },
            Self::Undecidable(first_invalid_utf8) => LoadError::UndecidableEncoding {
                path,
                first_invalid_utf8,
            },
        }
    }
}

/// An encoding we may decode with, and the name reported for it.
type Choice = (&'static Encoding, &'static str);

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const UTF16LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16BE_BOM: &[u8] = b"\xFE\xFF";
const UTF32LE_BOM: &[u8] = b"\xFF\xFE\x00\x00";
const UTF32BE_BOM: &[u8] = b"\x00\x00\xFE\xFF";

const GB18030_CHOICE: Choice = (GB18030, "GB18030");
const BIG5_CHOICE: Choice = (BIG5, "Big5");

/// Text is binary when more than 1 in this many units are control characters.
const CONTROL_SHARE_DIVISOR: usize = 10;

/// A file that is UTF-8 but for at most one damaged place in this many bytes
/// (and at least [`MIN_DAMAGED_PLACES`], however short the file) is read as
/// UTF-8 with the bad bytes replaced. A place is a run of invalid bytes no
/// longer than [`MAX_DAMAGED_RUN`]: one bad byte inside a Chinese char makes
/// its other bytes invalid too. GB18030 or Big5 text read as UTF-8 is damaged
/// every few bytes, and is tried (strictly) before this anyway.
pub const INVALID_UTF8_DIVISOR: usize = 1_000;

/// Damaged places tolerated in a short file (if it has 100 bytes for each).
pub const MIN_DAMAGED_PLACES: usize = 8;

/// The longest run of invalid bytes counted as one damaged char: the length
/// of the longest UTF-8 sequence.
const MAX_DAMAGED_RUN: usize = 4;

/// UTF-16 without a BOM is recognised when at least this many chars in ten
/// are ones Chinese reports are written with (see [`is_common_in_reports`]).
const UTF16_COMMON_TENTHS: usize = 9;

/// How many leading bytes `chardetng` looks at.
const DETECTOR_PREFIX_BYTES: usize = 1 << 20;

/// Known file signatures: (offset, bytes, description).
const MAGIC_NUMBERS: &[(usize, &[u8], &str)] = &[
    (0, b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (0, b"\xFF\xD8\xFF", "a JPEG image"),
    (0, b"GIF87a", "a GIF image"),
    (0, b"GIF89a", "a GIF image"),
    (0, b"II*\x00", "a TIFF image"),
    (0, b"MM\x00*", "a TIFF image"),
    (0, b"RIFF", "a RIFF media file (WebP, WAV, AVI)"),
    (0, b"%PDF-", "a PDF document"),
    (0, b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX document)"),
    (0, b"PK\x05\x06", "a ZIP archive (or DOCX/XLSX document)"),
    (0, b"PK\x07\x08", "a ZIP archive (or DOCX/XLSX document)"),
    (
        0,
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        "an old Office document (DOC/XLS)",
    ),
    (0, b"{\\rtf", "an RTF document"),
    (0, b"\x1F\x8B", "a gzip archive"),
    (0, b"BZh91AY&SY", "a bzip2 archive"),
    (0, b"\xFD7zXZ\x00", "an xz archive"),
    (0, b"\x28\xB5\x2F\xFD", "a zstd archive"),
    (0, b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
    (0, b"Rar!\x1A\x07", "a RAR archive"),
    (0, b"\x7FELF", "an ELF executable"),
    (0, b"MZ\x90\x00", "a Windows executable"),
    (0, b"\xCA\xFE\xBA\xBE", "a Java class or Mach-O binary"),
    (0, b"\xCF\xFA\xED\xFE", "a Mach-O binary"),
    (0, b"\xCE\xFA\xED\xFE", "a Mach-O binary"),
    (0, b"\x00asm", "a WebAssembly module"),
    (0, b"SQLite format 3\x00", "an SQLite database"),
    (0, b"ID3\x03", "an MP3 file"),
    (0, b"ID3\x04", "an MP3 file"),
    (4, b"ftyp", "an MP4/MOV video"),
];

/// Decodes report bytes: rejects binary data, detects the encoding, strips
/// any BOM. Never panics, whatever the input.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeProblem> {
    if bytes.is_empty() {
        return Err(DecodeProblem::Empty);
    }
    if let Some(what) = magic_number(bytes) {
        return Err(DecodeProblem::Binary(what.to_string()));
    }
    let decoded = decode_by_bom(bytes)?;
    if decoded.text.trim().is_empty() {
        return Err(DecodeProblem::Empty);
    }
    Ok(decoded)
}

/// As [`decode`], taking the bytes over: a plain UTF-8 file (the common
/// case) becomes the text without a copy, so a report is never held twice.
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, DecodeProblem> {
    let plain_utf8 = magic_number(&bytes).is_none()
        && ![UTF8_BOM, UTF16LE_BOM, UTF16BE_BOM, UTF32BE_BOM]
            .iter()
            .any(|bom| bytes.starts_with(bom))
        && !bytes.contains(&0)
        && std::str::from_utf8(&bytes).is_ok();
    if !plain_utf8 {
        return decode(&bytes);
    }
    check_bytes_are_text(&bytes)?;
    let text = String::from_utf8(bytes).map_err(|_| DecodeProblem::Undecidable(None))?;
    if text.trim().is_empty() {
        return Err(DecodeProblem::Empty);
    }
    Ok(Decoded {
        text,
        encoding: "UTF-8",
        warnings: Vec::new(),
    })
}

/// What the bytes look like, if they start with a known binary signature.
fn magic_number(bytes: &[u8]) -> Option<&'static str> {
    MAGIC_NUMBERS
        .iter()
        .find(|(offset, magic, _)| {
            bytes
                .get(*offset..)
                .is_some_and(|rest| rest.starts_with(magic))
        })
        .map(|(_, _, what)| *what)
}

/// Decodes according to the byte-order mark, or by detection when there is none.
fn decode_by_bom(bytes: &[u8]) -> Result<Decoded, DecodeProblem> {
    if bytes.starts_with(UTF32LE_BOM) || bytes.starts_with(UTF32BE_BOM) {
        return Err(DecodeProblem::Undecidable(None));
    }
    if let Some(body) = bytes.strip_prefix(UTF8_BOM) {
        check_bytes_are_text(body)?;
        return decode_mostly_utf8(bytes, UTF8_BOM.len(), "UTF-8 (BOM)");
    }
    if let Some(body) = bytes.strip_prefix(UTF16LE_BOM) {
        return decode_utf16((UTF_16LE, "UTF-16LE"), body);
    }
    if let Some(body) = bytes.strip_prefix(UTF16BE_BOM) {
        return decode_utf16((UTF_16BE, "UTF-16BE"), body);
    }
    if let Some(decoded) = decode_utf16_without_bom(bytes) {
        return Ok(decoded);
    }
    check_bytes_are_text(bytes)?;
    decode_unmarked(bytes)
}

/// Decodes a UTF-16 body (BOM already removed), then checks it is text.
fn decode_utf16(choice: Choice, body: &[u8]) -> Result<Decoded, DecodeProblem> {
    let decoded = decode_with(choice, body).ok_or(DecodeProblem::Undecidable(None))?;
    check_chars_are_text(&decoded.text)?;
    Ok(decoded)
}

/// UTF-16 without a BOM, recognised by its NUL bytes (the high byte of
/// every ASCII char: digits, line breaks): of the byte orders that decode
/// without error to text, the one giving most chars common in reports, if
/// they are at least [`UTF16_COMMON_TENTHS`] in ten.
fn decode_utf16_without_bom(bytes: &[u8]) -> Option<Decoded> {
    if !bytes.contains(&0) || !bytes.len().is_multiple_of(2) {
        return None;
    }
    [(UTF_16LE, "UTF-16LE"), (UTF_16BE, "UTF-16BE")]
        .into_iter()
        .filter_map(|choice| decode_with(choice, bytes))
        .filter(|decoded| check_chars_are_text(&decoded.text).is_ok())
        .map(|decoded| (common_chars(&decoded.text), decoded))
        .filter(|((common, total), _)| common * 10 >= total * UTF16_COMMON_TENTHS)
        .max_by_key(|((common, _), _)| *common)
        .map(|(_, decoded)| decoded)
}

/// How many of `text`'s chars are common in reports, and how many it has.
fn common_chars(text: &str) -> (usize, usize) {
    text.chars().fold((0, 0), |(common, total), c| {
        (common + usize::from(is_common_in_reports(c)), total + 1)
    })
}

/// Whether `c` is among the chars Chinese reports are written with: ASCII
/// and Latin-1, general punctuation, number forms and arrows, circled
/// numbers, shapes, CJK symbols and ideographs, full-width forms.
fn is_common_in_reports(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r' | ' '..='~' | '\u{A0}'..='\u{FF}'
        | '\u{2000}'..='\u{206F}' | '\u{2150}'..='\u{21FF}' | '\u{2460}'..='\u{24FF}'
        | '\u{25A0}'..='\u{25FF}' | '\u{3000}'..='\u{303F}' | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}')
}

/// Decodes bytes without a BOM: UTF-8 if valid, else the detected legacy
/// Chinese encoding, falling back to the other one, else UTF-8 with a few
/// bad bytes replaced.
fn decode_unmarked(bytes: &[u8]) -> Result<Decoded, DecodeProblem> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_string(),
            encoding: "UTF-8",
            warnings: Vec::new(),
        });
    }
    let first = guess_legacy(bytes);
    [first, GB18030_CHOICE, BIG5_CHOICE]
        .into_iter()
        .find_map(|choice| decode_with(choice, bytes))
        .map_or_else(|| decode_mostly_utf8(bytes, 0, "UTF-8"), Ok)
}

/// Decodes `bytes[start..]` as UTF-8 named `name`. Invalid bytes, if in at
/// most one damaged place per [`INVALID_UTF8_DIVISOR`] bytes (at least
/// [`MIN_DAMAGED_PLACES`] allowed), are replaced by U+FFFD and reported with their places in
/// `bytes`; more make the file undecidable, naming the first.
fn decode_mostly_utf8(
    bytes: &[u8],
    start: usize,
    name: &'static str,
) -> Result<Decoded, DecodeProblem> {
    let body = bytes.get(start..).unwrap_or_default();
    // At least MIN_DAMAGED_PLACES, but never more than one byte in a hundred of a short file.
    let allowed = (bytes.len() / INVALID_UTF8_DIVISOR)
        .max(MIN_DAMAGED_PLACES)
        .min(bytes.len() / 100)
        .max(1);
    let runs = invalid_utf8_runs(body, start, allowed + 1);
    let offsets: Vec<usize> = runs.iter().map(|&(offset, _)| offset).collect();
    if runs.len() > allowed || runs.iter().any(|&(_, len)| len > MAX_DAMAGED_RUN) {
        let first = positions(bytes, offsets.get(..1).unwrap_or_default()).pop();
        return Err(DecodeProblem::Undecidable(first));
    }
    let warnings = match runs.iter().map(|&(_, len)| len).sum() {
        0 => Vec::new(),
        invalid => vec![DecodeWarning::InvalidUtf8 {
            bytes: invalid,
            places: positions(bytes, &offsets),
        }],
    };
    Ok(Decoded {
        text: String::from_utf8_lossy(body).into_owned(),
        encoding: name,
        warnings,
    })
}

/// The runs of bytes of `body` that are not UTF-8, as (offset in the file,
/// length), `body` starting at `start` in its file; at most `limit` runs.
fn invalid_utf8_runs(body: &[u8], start: usize, limit: usize) -> Vec<(usize, usize)> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut offset = start;
    for chunk in body.utf8_chunks() {
        offset += chunk.valid().len();
        let bad = chunk.invalid().len();
        if bad == 0 {
            continue;
        }
        match runs.last_mut() {
            Some((run_start, len)) if *run_start + *len == offset => *len += bad,
            _ => runs.push((offset, bad)),
        }
        if runs.len() > limit {
            runs.truncate(limit);
            break;
        }
        offset += bad;
    }
    runs
}

/// The positions in `bytes` of the ascending `offsets`.
fn positions(bytes: &[u8], offsets: &[usize]) -> Vec<BytePosition> {
    let mut line = 1;
    let mut counted = 0;
    offsets
        .iter()
        .map(|&byte| {
            let before = bytes.get(counted..byte).unwrap_or_default();
            line += before.iter().filter(|&&b| b == b'\n').count();
            counted = byte;
            BytePosition { byte, line }
        })
        .collect()
}

/// `chardetng`'s guess, restricted to Big5 or GB18030 (the default).
fn guess_legacy(bytes: &[u8]) -> Choice {
    let prefix = bytes.get(..DETECTOR_PREFIX_BYTES).unwrap_or(bytes);
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(prefix, prefix.len() == bytes.len());
    // No top-level-domain hint: a "cn" hint makes chardetng answer GBK even
    // for clean Big5, while the generic guess tells the two apart well.
    if detector.guess(None, Utf8Detection::Deny) == BIG5 {
        BIG5_CHOICE
    } else {
        GB18030_CHOICE
    }
}

/// Bytes decoded at a time: the text grows by what each piece needs, not by
/// the worst case of the whole file at once (three times a GB18030 file).
const DECODE_PIECE_BYTES: usize = 64 * 1024;

/// Decodes `bytes` (no BOM) with `choice`, or `None` if any sequence is malformed.
fn decode_with((encoding, name): Choice, bytes: &[u8]) -> Option<Decoded> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    // Chinese text grows by half from two bytes a char to three.
    let mut text = String::with_capacity(bytes.len().saturating_add(bytes.len() / 2));
    let mut rest = bytes;
    loop {
        let piece = &rest[..rest.len().min(DECODE_PIECE_BYTES)];
        let last = piece.len() == rest.len();
        text.reserve(decoder.max_utf8_buffer_length_without_replacement(piece.len())?);
        let (result, read) = decoder.decode_to_string_without_replacement(piece, &mut text, last);
        match result {
            DecoderResult::Malformed(..) => return None,
            DecoderResult::InputEmpty | DecoderResult::OutputFull => rest = &rest[read..],
        }
        if last && rest.is_empty() {
            break;
        }
    }
    text.shrink_to_fit();
    Some(Decoded {
        text,
        encoding: name,
        warnings: Vec::new(),
    })
}

/// Whether a byte is a control character that text files do not contain.
fn is_binary_control_byte(byte: u8) -> bool {
    matches!(byte, 0x00..=0x08 | 0x0B | 0x0E..=0x1F | 0x7F)
}

/// Whether a char is a control character that text files do not contain.
fn is_binary_control_char(c: char) -> bool {
    u8::try_from(c).is_ok_and(is_binary_control_byte)
}

/// Rejects ASCII-compatible bytes holding NULs or many control characters.
fn check_bytes_are_text(bytes: &[u8]) -> Result<(), DecodeProblem> {
    if bytes.contains(&0) {
        return Err(DecodeProblem::Binary("contains NUL bytes".to_string()));
    }
    let controls = bytes.iter().filter(|&&b| is_binary_control_byte(b)).count();
    check_control_share(controls, bytes.len())
}

/// Rejects decoded text holding NUL chars or many control characters.
fn check_chars_are_text(text: &str) -> Result<(), DecodeProblem> {
    if text.contains('\0') {
        return Err(DecodeProblem::Binary("contains NUL characters".to_string()));
    }
    let controls = text.chars().filter(|&c| is_binary_control_char(c)).count();
    check_control_share(controls, text.chars().count())
}

/// Rejects text where more than one unit in [`CONTROL_SHARE_DIVISOR`] is a control character.
fn check_control_share(controls: usize, total: usize) -> Result<(), DecodeProblem> {
    if controls.saturating_mul(CONTROL_SHARE_DIVISOR) > total {
        Err(DecodeProblem::Binary(
            "mostly control characters".to_string(),
        ))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str =
        "武昌区2021年国民经济和社会发展计划\n一、总体要求\n全年新增高新技术企业60家。\n";

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let bom: &[u8] = if big_endian { UTF16BE_BOM } else { UTF16LE_BOM };
        let mut bytes = bom.to_vec();
        for unit in text.encode_utf16() {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend_from_slice(&pair);
        }
        bytes
    }

    fn ok(bytes: &[u8]) -> Decoded {
        match decode(bytes) {
            Ok(decoded) => decoded,
            Err(problem) => panic!("expected text, got {problem:?}"),
        }
    }

    fn binary(bytes: &[u8]) -> String {
        match decode(bytes) {
            Err(DecodeProblem::Binary(what)) => what,
            other => panic!("expected Binary, got {other:?}"),
        }
    }

    #[test]
    fn plain_utf8() {
        let decoded = ok(SAMPLE.as_bytes());
        assert_eq!(decoded.text, SAMPLE);
        assert_eq!(decoded.encoding, "UTF-8");
    }

    #[test]
    fn ascii_is_utf8() {
        assert_eq!(ok(b"Annual report\r\n").encoding, "UTF-8");
    }

    #[test]
    fn utf8_with_bom_strips_bom() {
        let bytes = [UTF8_BOM, SAMPLE.as_bytes()].concat();
        let decoded = ok(&bytes);
        assert_eq!(decoded.text, SAMPLE);
        assert_eq!(decoded.encoding, "UTF-8 (BOM)");
    }

    #[test]
    fn utf8_bom_with_one_bad_byte_is_read_with_a_warning() {
        let decoded = ok(b"\xEF\xBB\xBFab\xFFcd");
        assert_eq!(decoded.text, "ab\u{FFFD}cd");
        assert_eq!(decoded.encoding, "UTF-8 (BOM)");
        let warning = decoded
            .warnings
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>();
        assert_eq!(
            warning,
            ["1 invalid UTF-8 byte at byte 5 (line 1), shown as \u{FFFD}"]
        );
    }

    #[test]
    fn utf8_bom_with_many_bad_bytes_is_undecidable_naming_the_first() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFab\n\xFFc\xFFd"),
            Err(DecodeProblem::Undecidable(Some(BytePosition {
                byte: 6,
                line: 2
            })))
        );
    }

    #[test]
    fn bad_bytes_in_a_row_are_one_place() {
        // 60,000 bytes of UTF-8 allow 60 damaged places.
        let good = "报告".repeat(10_000);
        let bytes = [b"\xE4\xB8\xFF", good.as_bytes(), b"\n\xFF"].concat();
        let decoded = ok(&bytes);
        assert_eq!(decoded.text, format!("\u{FFFD}\u{FFFD}{good}\n\u{FFFD}"));
        let last = bytes.len() - 1;
        assert_eq!(
            decoded.warnings,
            [DecodeWarning::InvalidUtf8 {
                bytes: 4,
                places: vec![
                    BytePosition { byte: 0, line: 1 },
                    BytePosition {
                        byte: last,
                        line: 2
                    },
                ],
            }]
        );
        assert_eq!(
            decoded.warnings[0].to_string(),
            format!(
                "4 invalid UTF-8 bytes at byte 0 (line 1), byte {last} (line 2), shown as \u{FFFD}"
            )
        );
    }

    #[test]
    fn one_damaged_chinese_char_is_one_place_even_in_a_short_file() {
        let mut bytes = SAMPLE.as_bytes().to_vec();
        let lead = SAMPLE.find('全').unwrap_or_default();
        bytes[lead + 1] = 0xFF;
        let decoded = ok(&bytes);
        assert_eq!(
            decoded.warnings,
            [DecodeWarning::InvalidUtf8 {
                bytes: 3,
                places: vec![BytePosition {
                    byte: lead,
                    line: 3
                }],
            }]
        );
    }

    #[test]
    fn a_long_run_of_bad_bytes_is_not_one_damaged_char() {
        let bytes = [SAMPLE.as_bytes(), b"\xFF\xFE\xFF\xFE\xFF"].concat();
        assert!(matches!(
            decode(&bytes),
            Err(DecodeProblem::Undecidable(Some(_)))
        ));
    }

    #[test]
    fn a_warning_lists_five_places_and_counts_the_rest() {
        let places = (0..7)
            .map(|i| BytePosition {
                byte: i * 10,
                line: i + 1,
            })
            .collect();
        let warning = DecodeWarning::InvalidUtf8 { bytes: 7, places };
        assert!(
            warning
                .to_string()
                .ends_with("byte 40 (line 5) and 2 more places, shown as \u{FFFD}"),
            "{warning}"
        );
    }

    #[test]
    fn utf16_without_bom_is_recognised_by_its_nul_bytes() {
        let le = utf16(SAMPLE, false);
        let be = utf16(SAMPLE, true);
        let decoded = ok(&le[2..]);
        assert_eq!(
            (decoded.text.as_str(), decoded.encoding),
            (SAMPLE, "UTF-16LE")
        );
        let decoded = ok(&be[2..]);
        assert_eq!(
            (decoded.text.as_str(), decoded.encoding),
            (SAMPLE, "UTF-16BE")
        );
    }

    #[test]
    fn nul_bytes_that_are_not_utf16_text_stay_binary() {
        // Decodes both ways without error, but to chars no report is written with.
        let mut bytes: Vec<u8> = (1u8..=255).flat_map(|b| [b, 0xA5]).collect();
        bytes[0] = 0;
        assert_eq!(binary(&bytes), "contains NUL bytes");
        assert_eq!(binary(b"ab\0"), "contains NUL bytes");
    }

    #[test]
    fn utf16le_with_bom() {
        let decoded = ok(&utf16(SAMPLE, false));
        assert_eq!(decoded.text, SAMPLE);
        assert_eq!(decoded.encoding, "UTF-16LE");
    }

    #[test]
    fn utf16be_with_bom() {
        let decoded = ok(&utf16(SAMPLE, true));
        assert_eq!(decoded.text, SAMPLE);
        assert_eq!(decoded.encoding, "UTF-16BE");
    }

    #[test]
    fn utf16_odd_length_is_undecidable() {
        let mut bytes = utf16(SAMPLE, false);
        bytes.push(b'x');
        assert_eq!(decode(&bytes), Err(DecodeProblem::Undecidable(None)));
    }

    #[test]
    fn utf16_unpaired_surrogate_is_undecidable() {
        let bytes = [UTF16LE_BOM, b"a\x00\x00\xD8b\x00"].concat();
        assert_eq!(decode(&bytes), Err(DecodeProblem::Undecidable(None)));
    }

    #[test]
    fn utf16_with_nul_char_is_binary() {
        assert_eq!(binary(&utf16("ab\0cd", false)), "contains NUL characters");
    }

    #[test]
    fn utf16_with_many_controls_is_binary() {
        assert_eq!(
            binary(&utf16("\x01\x02\x03abc", true)),
            "mostly control characters"
        );
    }

    #[test]
    fn utf32_bom_is_undecidable() {
        assert_eq!(
            decode(b"\xFF\xFE\x00\x00a\x00\x00\x00"),
            Err(DecodeProblem::Undecidable(None))
        );
        assert_eq!(
            decode(b"\x00\x00\xFE\xFF\x00\x00\x00a"),
            Err(DecodeProblem::Undecidable(None))
        );
    }

    #[test]
    fn gbk_text_is_gb18030() {
        let (bytes, _, errors) = GB18030.encode(SAMPLE);
        assert!(!errors);
        let decoded = ok(&bytes);
        assert_eq!(decoded.text, SAMPLE);
        assert_eq!(decoded.encoding, "GB18030");
    }

    #[test]
    fn gb18030_four_byte_sequences() {
        // "€" is one byte and "𠀀" four bytes in GB18030; neither is in GBK.
        let text = "欧元€与扩展汉字𠀀。各项指标全面完成。";
        let (bytes, _, _) = GB18030.encode(text);
        assert_eq!(ok(&bytes).text, text);
    }

    #[test]
    fn big5_text() {
        let text = "臺灣地區經濟發展報告,國民所得持續成長,各項建設順利推動。";
        let (bytes, _, errors) = BIG5.encode(text);
        assert!(!errors);
        let decoded = ok(&bytes);
        assert_eq!(decoded.encoding, "Big5");
        assert_eq!(decoded.text, text);
    }

    #[test]
    fn guess_falls_back_when_guess_fails() {
        // 0x80 is a valid GB18030 byte (€) but never valid in Big5.
        let decoded = ok(b"\xB9\xFA\x80");
        assert_eq!(decoded.encoding, "GB18030");
    }

    #[test]
    fn invalid_everywhere_is_undecidable() {
        assert_eq!(
            decode(b"\xC3\xFF\xA4\xFF\xFE"),
            Err(DecodeProblem::Undecidable(Some(BytePosition {
                byte: 0,
                line: 1
            })))
        );
    }

    #[test]
    fn empty_inputs() {
        for bytes in [&b""[..], b"   \r\n\t", UTF8_BOM, UTF16LE_BOM, UTF16BE_BOM] {
            assert_eq!(decode(bytes), Err(DecodeProblem::Empty), "{bytes:?}");
        }
        assert_eq!(
            decode(&utf16(" \u{3000}\n", true)),
            Err(DecodeProblem::Empty)
        );
        assert_eq!(decode(b"\xA1\xA1\r\n"), Err(DecodeProblem::Empty));
    }

    #[test]
    fn nul_bytes_are_binary() {
        assert_eq!(binary(b"abc\0def"), "contains NUL bytes");
        assert_eq!(binary(b"\xEF\xBB\xBFabc\0def"), "contains NUL bytes");
    }

    #[test]
    fn magic_numbers_are_binary() {
        assert_eq!(binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), "a PNG image");
        assert_eq!(
            binary(b"PK\x03\x04\x14\0"),
            "a ZIP archive (or DOCX/XLSX document)"
        );
        assert_eq!(binary(b"%PDF-1.7\n"), "a PDF document");
        assert_eq!(binary(b"\xFF\xD8\xFF\xE0"), "a JPEG image");
        assert_eq!(
            binary(b"RIFF\x10\0\0\0WEBPVP8 "),
            "a RIFF media file (WebP, WAV, AVI)"
        );
        assert_eq!(binary(b"\x7FELF\x02\x01"), "an ELF executable");
    }

    #[test]
    fn many_control_bytes_are_binary() {
        assert_eq!(binary(b"\x01\x02\x03\x1Babc"), "mostly control characters");
    }

    #[test]
    fn few_control_bytes_and_form_feeds_are_text() {
        let text = "第一页\x0c第二页\x1b,其余都是正常的文字内容。";
        assert_eq!(ok(text.as_bytes()).text, text);
    }

    #[test]
    fn line_endings_are_kept() {
        assert_eq!(ok(b"a\r\nb\rc\n").text, "a\r\nb\rc\n");
    }

    #[test]
    fn into_error_names_the_file() {
        let path = Path::new("dir/report.txt");
        for problem in [
            DecodeProblem::Empty,
            DecodeProblem::Binary("a PNG image".into()),
            DecodeProblem::Undecidable(None),
        ] {
            let message = problem.into_error(path).to_string();
            assert!(message.contains("dir/report.txt"), "{message}");
        }
    }

    #[test]
    fn decoding_owned_bytes_gives_what_decoding_borrowed_ones_gives() {
        let report = "全年新增高新技术企业60家。\n";
        let (gbk, _, _) = GB18030.encode(report);
        let inputs: Vec<Vec<u8>> = vec![
            report.as_bytes().to_vec(),
            [UTF8_BOM, report.as_bytes()].concat(),
            gbk.into_owned(),
            b"  \n".to_vec(),
            b"a\x00b".to_vec(),
            b"\x89PNG\r\n\x1a\n".to_vec(),
        ];
        for bytes in inputs {
            assert_eq!(decode_owned(bytes.clone()), decode(&bytes), "{bytes:?}");
        }
    }

    #[test]
    fn a_legacy_file_decoded_in_pieces_keeps_a_char_split_between_pieces() {
        let report = "报".repeat(DECODE_PIECE_BYTES);
        let (gbk, _, _) = GB18030.encode(&report);
        let odd = [b"a", gbk.as_ref()].concat();
        let decoded = decode_with(GB18030_CHOICE, &odd).map(|d| d.text);
        assert_eq!(decoded, Some(format!("a{report}")));
    }
}
