//! Integration tests for loading and decoding report files: every supported
//! encoding gives the same text, and every bad input gives its own error.

use std::fs;
use std::path::{Path, PathBuf};

use encoding_rs::GB18030;
use proptest::prelude::*;
use reportlens::document::decode::decode;
use reportlens::error::MAX_FILE_BYTES;
use reportlens::{Document, Extractor, LoadError};
use tempfile::TempDir;

const FIXTURE: &str = "tests/fixtures/001_0ace6510012baace.txt";

fn fixture_text() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    fs::read_to_string(&path).expect("fixture is readable UTF-8")
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
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

/// The fixture in every supported encoding, with the expected encoding name.
fn encodings(text: &str) -> Vec<(&'static str, Vec<u8>)> {
    let (gb18030, _, had_errors) = GB18030.encode(text);
    assert!(!had_errors, "GB18030 covers all of Unicode");
    vec![
        ("UTF-8", text.as_bytes().to_vec()),
        ("UTF-8 (BOM)", [b"\xEF\xBB\xBF", text.as_bytes()].concat()),
        ("UTF-16LE", utf16(text, false)),
        ("UTF-16BE", utf16(text, true)),
        ("GB18030", gb18030.into_owned()),
    ]
}

fn from_bytes(bytes: &[u8]) -> Document {
    Document::from_bytes("report.txt", bytes).expect("decodes")
}

#[test]
fn every_encoding_gives_the_same_text_and_indicators() {
    let text = fixture_text();
    let reference = from_bytes(text.as_bytes());
    let indicators = Extractor::shared().extract(&reference);
    assert!(
        indicators.len() >= 15,
        "the fixture has indicators to compare"
    );
    assert_eq!(reference.text, text.replace("\r\n", "\n"));
    for (name, bytes) in encodings(&text) {
        let doc = from_bytes(&bytes);
        assert_eq!(doc.encoding, name);
        assert!(doc.text == reference.text, "{name}: text differs");
        assert_eq!(doc.blocks, reference.blocks, "{name}");
        assert_eq!(
            Extractor::shared().extract(&doc),
            indicators,
            "{name}: indicators differ"
        );
    }
}

#[test]
fn crlf_line_endings_give_the_same_text() {
    let text = fixture_text();
    let reference = from_bytes(text.as_bytes());
    let crlf = text.replace("\r\n", "\n").replace('\n', "\r\n");
    assert!(crlf.contains("\r\n"));
    for (name, bytes) in encodings(&crlf) {
        let doc = from_bytes(&bytes);
        assert_eq!(doc.encoding, name);
        assert!(doc.text == reference.text, "{name} with CRLF: text differs");
    }
}

#[test]
fn open_reads_a_file_from_disk() {
    let dir = tempdir();
    let path = write(&dir, "gbk.txt", &encodings(&fixture_text())[4].1);
    let doc = Document::open(&path).expect("opens");
    assert_eq!(doc.encoding, "GB18030");
    assert_eq!(doc.name, "gbk.txt");
    assert_eq!(doc.text, fixture_text().replace("\r\n", "\n"));
}

// ---- bad inputs -----------------------------------------------------------

fn tempdir() -> TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn write(dir: &TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    fs::write(&path, bytes).expect("write temp file");
    path
}

/// Opens `path`, expecting an error whose message names the file.
fn open_error(path: &Path) -> LoadError {
    let error = Document::open(path).expect_err("should fail");
    let message = error.to_string();
    assert!(
        message.contains(&path.display().to_string()),
        "message does not name the file: {message}"
    );
    error
}

fn open_bytes_error(name: &str, bytes: &[u8]) -> LoadError {
    let dir = tempdir();
    open_error(&write(&dir, name, bytes))
}

#[test]
fn missing_file_is_not_found() {
    let dir = tempdir();
    let error = open_error(&dir.path().join("missing.txt"));
    assert!(matches!(error, LoadError::NotFound { .. }), "{error:?}");
}

#[test]
fn directory_is_rejected() {
    let dir = tempdir();
    let error = open_error(dir.path());
    assert!(matches!(error, LoadError::IsDirectory { .. }), "{error:?}");
}

#[test]
fn empty_file_is_empty() {
    let error = open_bytes_error("empty.txt", b"");
    assert!(matches!(error, LoadError::Empty { .. }), "{error:?}");
}

#[test]
fn bom_only_files_are_empty() {
    for bom in [
        &b"\xEF\xBB\xBF"[..],
        b"\xFF\xFE",
        b"\xFE\xFF",
        b"\xEF\xBB\xBF \r\n",
    ] {
        let error = open_bytes_error("bom.txt", bom);
        assert!(
            matches!(error, LoadError::Empty { .. }),
            "{bom:?}: {error:?}"
        );
    }
}

#[test]
fn nul_bytes_are_binary() {
    let error = open_bytes_error("nul.txt", "正文\0内容".as_bytes());
    match error {
        LoadError::Binary { what, .. } => assert_eq!(what, "contains NUL bytes"),
        other => panic!("expected Binary, got {other:?}"),
    }
}

#[test]
fn png_header_is_binary() {
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x01\x00";
    match open_bytes_error("image.txt", png) {
        LoadError::Binary { what, .. } => assert!(what.contains("PNG image"), "{what}"),
        other => panic!("expected Binary, got {other:?}"),
    }
}

#[test]
fn zip_header_is_binary() {
    let zip = b"PK\x03\x04\x14\x00\x06\x00\x08\x00[Content_Types].xml";
    match open_bytes_error("archive.zip", zip) {
        LoadError::Binary { what, .. } => assert!(what.contains("ZIP archive"), "{what}"),
        other => panic!("expected Binary, got {other:?}"),
    }
    // Named .docx but holding no Word document: damaged, saying what it holds.
    match open_bytes_error("report.docx", zip) {
        LoadError::Damaged { reason, .. } => assert!(reason.contains("not one"), "{reason}"),
        other => panic!("expected Damaged, got {other:?}"),
    }
}

#[test]
fn undecidable_bytes() {
    // 0xFF is never valid in UTF-8, GB18030 or Big5, and 0xC3 / 0xA4 are lead
    // bytes followed by an invalid trail byte in all three.
    let bytes = b"\xC3\xFF\xA4\xFF\xFE\xFF";
    for encoding in [encoding_rs::UTF_8, GB18030, encoding_rs::BIG5] {
        let (_, had_errors) = encoding.decode_without_bom_handling(bytes);
        assert!(had_errors, "{} decodes it", encoding.name());
    }
    let error = open_bytes_error("garbled.txt", bytes);
    assert!(
        matches!(error, LoadError::UndecidableEncoding { .. }),
        "{error:?}"
    );
}

#[test]
fn too_large_file_is_rejected_before_reading() {
    let dir = tempdir();
    let path = dir.path().join("huge.txt");
    let file = fs::File::create(&path).expect("create");
    file.set_len(MAX_FILE_BYTES + 1).expect("sparse file");
    match open_error(&path) {
        LoadError::TooLarge { size, limit, .. } => {
            assert_eq!(size, MAX_FILE_BYTES + 1);
            assert_eq!(limit, MAX_FILE_BYTES);
        }
        other => panic!("expected TooLarge, got {other:?}"),
    }
}

// ---- properties -----------------------------------------------------------

proptest! {
    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = decode(&bytes);
        let _ = Document::from_bytes("random.bin", &bytes);
    }

    #[test]
    fn random_high_bytes_never_panic(bytes in proptest::collection::vec(0x80u8..=0xFF, 0..512)) {
        let _ = decode(&bytes);
        let _ = Document::from_bytes("random.bin", &bytes);
    }

    #[test]
    fn utf16_round_trips(text in "[a-z0-9\u{4e00}-\u{9fa5}\u{20000}-\u{2a6d6}。,\n]{1,200}") {
        prop_assume!(!text.trim().is_empty());
        for big_endian in [false, true] {
            let decoded = decode(&utf16(&text, big_endian));
            prop_assert_eq!(decoded.map(|d| d.text), Ok(text.clone()));
        }
    }
}

/// Works even as root: reading `/proc/self/mem` from offset 0 fails with EIO.
#[cfg(target_os = "linux")]
#[test]
fn io_failure_is_unreadable() {
    let path = Path::new("/proc/self/mem");
    if !path.exists() {
        return; // no procfs in this sandbox
    }
    let error = open_error(path);
    assert!(matches!(error, LoadError::Unreadable { .. }), "{error:?}");
}
