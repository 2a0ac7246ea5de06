//! Reports in the formats they arrive in (tests/fixtures/formats, made from
//! seed reports 001 and 003 by real producers, each good file with the text
//! a perfect reader recovers in NAME.ref.txt): text recovered, pages mapped,
//! headings known, indicators as from the plain text, and every damaged or
//! unreadable file a typed error rather than a panic.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use lopdf::{dictionary, Object, Stream};
use proptest::prelude::*;
use reportlens::document::formats::measure::recovery;
use reportlens::document::{BlockKind, Document, SourceFormat};
use reportlens::error::LoadError;
use reportlens::indicators::Extractor;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name)
}

fn open(name: &str) -> Document {
    Document::open(&fixture(name)).unwrap_or_else(|e| panic!("{e}"))
}

/// The reference text of a good fixture (every web page shares h_all.ref.txt).
fn reference(name: &str) -> String {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let own = fixture(&format!("{stem}.ref.txt"));
    let path = if own.exists() {
        own
    } else {
        fixture("h_all.ref.txt")
    };
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

const GOOD: &[&str] = &[
    "a_txt001.pdf",
    "a_txt003.pdf",
    "b_docx.pdf",
    "b_cairo.pdf",
    "c_cid001.pdf",
    "c_ttf2col003.pdf",
    "c_typst.pdf",
    "b_docx.docx",
    "h_utf8.html",
    "h_gbk.html",
    "h_gb2312_httpequiv.html",
    "h_nodecl_gbk.html",
    "h_oldtable_gb2312.html",
];

#[test]
fn every_good_file_recovers_its_reference_text() {
    for name in GOOD {
        let doc = open(name);
        let measured = recovery(&reference(name), &doc.text);
        assert!(
            measured.recall() >= 0.99 && measured.precision() >= 0.99,
            "{name}: recall {:.4}, precision {:.4}",
            measured.recall(),
            measured.precision()
        );
    }
}

#[test]
fn the_text_is_a_function_of_the_bytes() {
    for name in ["c_cid001.pdf", "b_docx.docx", "h_gbk.html"] {
        let (first, second) = (open(name), open(name));
        assert_eq!(first.text, second.text, "{name}");
        assert_eq!(first.blocks, second.blocks, "{name}");
    }
}

#[test]
fn formats_are_told_by_content_whatever_the_name() {
    let cases = [
        ("c_cid001.pdf", SourceFormat::Pdf, "report"),
        ("b_docx.docx", SourceFormat::Docx, "report.bin"),
        ("h_gbk.html", SourceFormat::Html, "report.txt"),
    ];
    for (name, format, renamed) in cases {
        let bytes = std::fs::read(fixture(name)).unwrap_or_else(|e| panic!("{e}"));
        let doc = Document::from_bytes(renamed, &bytes).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(doc.format, format, "{name} as {renamed}");
    }
}

#[test]
fn pdf_blocks_know_their_page_and_furniture_is_gone() {
    let doc = open("c_cid001.pdf");
    assert_eq!(doc.pages.first().map(|p| (p.offset, p.page)), Some((0, 1)));
    let last = doc.pages.last().map(|p| p.page);
    assert!(last >= Some(3), "{:?}", doc.pages);
    assert_eq!(doc.page_at(0), Some(1));
    assert_eq!(doc.page_at(doc.char_count()), last);
    assert!(doc.blocks.iter().all(|b| b.page.is_some()));
    assert!(!doc
        .text
        .lines()
        .any(|l| l.trim().starts_with("- ") && l.trim().ends_with(" -")));
    let html = open("h_utf8.html");
    assert!(html.blocks.iter().all(|b| b.page.is_none()));
    assert_eq!(html.page_at(10), None);
}

#[test]
fn broken_lines_are_rejoined_and_producer_spaces_removed() {
    let doc = open("a_txt001.pdf");
    assert!(doc.text.contains("2021年全区国民经济和社会发展总体要求"));
    assert!(!doc.text.contains("2021 年"));
    let paragraphs = doc.text.lines().count();
    let reference_lines = reference("a_txt001.pdf").lines().count();
    assert!(paragraphs <= reference_lines + 5, "{paragraphs} lines");
}

#[test]
fn word_heading_styles_reach_the_outline_and_tables_are_rows() {
    let doc = open("b_docx.docx");
    assert_eq!(
        doc.metadata.title.as_deref(),
        Some("关于武昌区2021年上半年国民经济和社会发展计划执行情况的报告")
    );
    assert!(
        doc.text.contains("指标\t全年目标\t上半年完成\t同比增长"),
        "{}",
        doc.text.chars().take(300).collect::<String>()
    );
    let headings = doc
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Heading { .. }));
    assert!(headings.count() >= 10);
}

#[test]
fn web_page_title_and_disclosure_lines() {
    let doc = open("h_gbk.html");
    assert_eq!(doc.encoding, "GBK");
    assert_eq!(
        doc.metadata.title.as_deref(),
        Some("武昌区2021年国民经济和社会发展计划")
    );
    assert!(doc.text.contains("公开日期: 2021年06月02日"));
    assert!(!doc.text.contains("无障碍浏览"), "navigation left in");
}

/// (value, unit, kind, metric) of every indicator, with how often it occurs.
fn indicator_keys(doc: &Document) -> BTreeMap<String, usize> {
    let mut keys = BTreeMap::new();
    for i in Extractor::shared().extract(doc) {
        let key = format!("{}|{}|{:?}|{}", i.value, i.unit, i.kind, i.metric);
        *keys.entry(key).or_default() += 1;
    }
    keys
}

#[test]
fn indicators_match_those_of_the_plain_text() {
    let plain =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/001_0ace6510012baace.txt");
    let expected = indicator_keys(&Document::open(&plain).unwrap_or_else(|e| panic!("{e}")));
    let total: usize = expected.values().sum();
    for name in ["a_txt001.pdf", "c_cid001.pdf", "h_gbk.html"] {
        let found = indicator_keys(&open(name));
        let same: usize = expected
            .iter()
            .map(|(key, n)| (*n).min(found.get(key).copied().unwrap_or(0)))
            .sum();
        let share = same as f64 / total as f64;
        assert!(
            share >= 0.98,
            "{name}: {same} of {total} indicators the same"
        );
    }
}

#[test]
fn damaged_files_are_errors_or_read_whole_never_panics() {
    let refused = [
        "x_empty.pdf",
        "x_notpdf.pdf",
        "x_trunc.docx",
        "x_trunc55.pdf",
    ];
    for name in refused {
        let error = Document::open(&fixture(name)).err();
        let message = error.map(|e| e.to_string()).unwrap_or_default();
        assert!(message.contains(name), "{name}: {message:?}");
    }
    // Cross-reference tables cut or shifted, and bytes garbled outside the text,
    // are repaired by the PDF reader: these read whole.
    let repaired = [
        ("x_noxref.pdf", "a_txt001.pdf"),
        ("x_badxref.pdf", "a_txt001.pdf"),
        ("x_garbled.pdf", "b_docx.pdf"),
    ];
    for (name, source) in repaired {
        let measured = recovery(&reference(source), &open(name).text);
        assert!(
            measured.recall() >= 0.99 && measured.precision() >= 0.99,
            "{name}"
        );
    }
}

#[test]
fn old_word_files_are_refused_saying_what_to_do() {
    let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole.resize(4096, 0);
    for name in ["report.doc", "report.wps", "report"] {
        match Document::from_bytes(name, &ole) {
            Err(error @ LoadError::Unsupported { .. }) => {
                assert!(error.to_string().contains(".docx"), "{error}")
            }
            other => panic!("{name}: {:?}", other.map(|d| d.format)),
        }
    }
}

/// A one-page PDF whose page shows `content` with a Type1 font, and whose
/// trailer holds `extra`.
fn small_pdf(content: &[u8], extra: Option<(&str, Object)>) -> Vec<u8> {
    let mut doc = lopdf::Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let contents = doc.add_object(Stream::new(dictionary! {}, content.to_vec()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => contents,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    if let Some((key, value)) = extra {
        let id = doc.add_object(value);
        doc.trailer.set(key, id);
    }
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap_or_else(|e| panic!("{e}"));
    bytes
}

#[test]
fn a_pdf_with_text_reads_and_a_scan_is_refused() {
    let text = small_pdf(b"BT /F1 12 Tf 72 700 Td (GDP growth 7%.) Tj ET", None);
    let doc = Document::from_bytes("t.pdf", &text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(doc.text.trim(), "GDP growth 7%.");
    let scan = small_pdf(b"q 500 0 0 700 40 60 cm Q", None);
    match Document::from_bytes("scan.pdf", &scan) {
        Err(error @ LoadError::NoText { pages: 1, .. }) => {
            assert!(error.to_string().contains("OCR"), "{error}")
        }
        other => panic!("{:?}", other.map(|d| d.text)),
    }
}

#[test]
fn a_pdf_that_needs_a_password_is_refused() {
    let encrypt = Object::Dictionary(dictionary! {
        "Filter" => "Standard", "V" => 2, "R" => 3, "Length" => 128, "P" => -44,
        "O" => Object::string_literal(vec![7u8; 32]), "U" => Object::string_literal(vec![9u8; 32]),
    });
    let bytes = small_pdf(
        b"BT /F1 12 Tf 72 700 Td (secret) Tj ET",
        Some(("Encrypt", encrypt)),
    );
    match Document::from_bytes("locked.pdf", &bytes) {
        Err(error @ LoadError::Encrypted { .. }) => {
            assert!(error.to_string().contains("password"), "{error}")
        }
        other => panic!("{:?}", other.map(|d| d.text)),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Bytes changed, cut or dropped anywhere in a PDF or a Word file give a
    /// reading or a typed error, never a panic or a hang.
    #[test]
    fn mutated_pdfs_and_zips_never_panic(
        which in 0usize..2,
        at in 0.0f64..1.0,
        len in 1usize..64,
        byte in any::<u8>(),
        cut in any::<bool>(),
    ) {
        let name = ["c_cid001.pdf", "b_docx.docx"][which];
        let mut bytes = std::fs::read(fixture(name)).unwrap_or_else(|e| panic!("{e}"));
        let start = (bytes.len() as f64 * at) as usize;
        let end = (start + len).min(bytes.len());
        if cut {
            bytes.truncate(start);
        } else {
            bytes[start..end].fill(byte);
        }
        if let Err(error) = Document::from_bytes(name, &bytes) {
            prop_assert!(error.to_string().contains(name), "{}", error);
        }
    }
}
