//! Golden-file tests of the notes export (src/export/notes.rs): a handful of
//! annotations on fixture 001 written as Markdown, CSV and JSON and compared
//! with tests/fixtures/notes/expected.{md,csv,json}.
//!
//! After an intended change to the export, regenerate the golden files with
//! `UPDATE_GOLDEN=1 cargo test --test export_notes` and review their diff.

use std::path::PathBuf;

use reportlens::annotations::{Anchor, Annotation, Colour, Status};
use reportlens::document::Document;
use reportlens::export::{notes_csv, notes_json, notes_markdown};
use reportlens::indicators::Extractor;

const PLAN: &str = "tests/fixtures/001_0ace6510012baace.txt";
const STAMP: &str = "2024-03-01T08:00:00.000Z";
const EDITED: &str = "2024-03-02T09:30:00.000Z";

fn plan() -> Document {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(PLAN);
    Document::open(&path).unwrap_or_else(|e| panic!("{e}"))
}

/// The anchor of the first occurrence of `quote` in `text`.
fn anchor_of(text: &str, quote: &str) -> Anchor {
    let byte = text
        .find(quote)
        .unwrap_or_else(|| panic!("{quote} not in the text"));
    let start = text[..byte].chars().count();
    let chars: Vec<char> = text.chars().collect();
    Anchor::capture(&chars, start, start + quote.chars().count())
}

/// `annotation` with a fixed id and timestamps, so the output is deterministic.
fn fixed(id: &str, annotation: Annotation) -> Annotation {
    Annotation {
        id: id.into(),
        created: STAMP.into(),
        modified: EDITED.into(),
        ..annotation
    }
}

fn tags(list: &[&str]) -> Vec<String> {
    list.iter().map(|t| t.to_string()).collect()
}

/// A tracked target on the real indicator 全年新增高新技术企业60家.
fn tracked_target(doc: &Document) -> Annotation {
    let indicators = Extractor::shared().extract(doc);
    let indicator = indicators
        .iter()
        .find(|i| i.metric == "高新技术企业")
        .unwrap_or_else(|| panic!("no 高新技术企业 indicator"));
    let chars: Vec<char> = doc.text.chars().collect();
    let anchor = Anchor::capture(&chars, indicator.span.start, indicator.span.end);
    Annotation {
        status: Some(Status::InProgress),
        note: "@科技局 每季度报送进度".into(),
        tags: tags(&["科技"]),
        ..Annotation::tracking(anchor, indicator)
    }
}

/// A passage deleted from the report since it was annotated.
fn unplaced() -> Annotation {
    let mut anchor = anchor_of(
        "完善城市功能。全年新建口袋公园12个。提升品质。",
        "全年新建口袋公园12个",
    );
    anchor.unplaced = true;
    Annotation {
        note: "-原稿有此句，新稿已删".into(),
        ..Annotation::new(anchor, Colour::Pink)
    }
}

fn annotations(doc: &Document) -> Vec<Annotation> {
    let text = doc.text.as_str();
    vec![
        fixed("unplaced", unplaced()),
        fixed(
            "highlight",
            Annotation::new(anchor_of(text, "完善科技创新体系"), Colour::Green),
        ),
        fixed(
            "markdown",
            Annotation {
                note: "**重点**：#5G 建设 <见附件>\n- 下半年复查 | 1. 再核对 [链接](http://x)"
                    .into(),
                tags: tags(&["数字经济", "5G"]),
                ..Annotation::new(anchor_of(text, "推动数字经济发展"), Colour::Blue)
            },
        ),
        fixed(
            "two-lines",
            Annotation {
                note: "+1 与去年持平".into(),
                tags: tags(&["财政"]),
                ..Annotation::new(
                    anchor_of(
                        text,
                        "——地区生产总值增长7%;\n\n——地方一般公共预算收入增长15%;",
                    ),
                    Colour::Yellow,
                )
            },
        ),
        fixed("tracked", tracked_target(doc)),
        fixed(
            "formula",
            Annotation {
                note: "=SUM(A1:A9)".into(),
                tags: tags(&["-待定", "人才"]),
                ..Annotation::new(anchor_of(text, "强化人才队伍支撑"), Colour::Purple)
            },
        ),
    ]
}

/// Compares `actual` with the golden file `name`, or rewrites it under `UPDATE_GOLDEN=1`.
fn assert_golden(name: &str, actual: &[u8]) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/notes")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        return;
    }
    let expected = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_GOLDEN=1 creates it)", path.display()));
    assert_eq!(
        String::from_utf8_lossy(actual),
        String::from_utf8_lossy(&expected),
        "{name} differs from the golden file; if the change is intended, rerun with UPDATE_GOLDEN=1"
    );
}

#[test]
fn markdown_matches_the_golden_file() {
    let doc = plan();
    assert_golden(
        "expected.md",
        notes_markdown(&doc, &annotations(&doc)).as_bytes(),
    );
}

#[test]
fn csv_matches_the_golden_file() {
    let doc = plan();
    let csv = notes_csv(&doc, &annotations(&doc)).unwrap_or_else(|e| panic!("{e}"));
    assert_golden("expected.csv", &csv);
}

#[test]
fn json_matches_the_golden_file() {
    let doc = plan();
    let json = notes_json(&doc, &annotations(&doc)).unwrap_or_else(|e| panic!("{e}"));
    assert_golden("expected.json", format!("{json}\n").as_bytes());
}

/// The CSV rows (after the BOM and the header), keyed by the `id` column.
fn csv_rows(bytes: &[u8]) -> Vec<csv::StringRecord> {
    let body = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or_else(|| panic!("the CSV does not start with a UTF-8 BOM"));
    csv::Reader::from_reader(body)
        .records()
        .map(|row| row.unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

#[test]
fn csv_has_a_bom_and_neutralises_formula_cells() {
    let doc = plan();
    let csv = notes_csv(&doc, &annotations(&doc)).unwrap_or_else(|e| panic!("{e}"));
    assert!(csv.starts_with(b"\xEF\xBB\xBF"));
    let rows = csv_rows(&csv);
    let row = |id: &str| {
        rows.iter()
            .find(|r| &r[0] == id)
            .unwrap_or_else(|| panic!("no row {id}"))
    };
    const NOTE: usize = 6;
    const TAGS: usize = 7;
    assert_eq!(&row("formula")[NOTE], "'=SUM(A1:A9)");
    assert_eq!(&row("formula")[TAGS], "'-待定; 人才");
    assert_eq!(&row("two-lines")[NOTE], "'+1 与去年持平");
    assert_eq!(&row("tracked")[NOTE], "'@科技局 每季度报送进度");
    assert_eq!(&row("unplaced")[NOTE], "'-原稿有此句，新稿已删");
    assert_eq!(&row("markdown")[TAGS], "数字经济; 5G");
}

#[test]
fn markdown_quotes_every_line_escapes_notes_and_lists_unplaced_last() {
    let doc = plan();
    let md = notes_markdown(&doc, &annotations(&doc));
    assert!(
        md.starts_with("# 武昌区2021年国民经济和社会发展计划\n"),
        "{md}"
    );
    assert!(
        md.contains("> ——地区生产总值增长7%;\n>\n> ——地方一般公共预算收入增长15%;\n"),
        "{md}"
    );
    assert!(
        md.contains("\\*\\*重点\\*\\*：\\#5G 建设 &lt;见附件&gt;\\\n\\- 下半年复查 \\| 1. 再核对"),
        "{md}"
    );
    let unplaced_heading = md.find("\n## 未能定位\n").unwrap_or_else(|| panic!("{md}"));
    assert!(
        md[unplaced_heading..].contains("> 全年新建口袋公园12个"),
        "{md}"
    );
    assert!(!md[unplaced_heading..].contains("强化人才队伍支撑"), "{md}");
    assert!(
        md.contains("状态：进行中 · 指标：高新技术企业 60家（target）"),
        "{md}"
    );
}

#[test]
fn json_records_carry_section_position_and_tracking() {
    let doc = plan();
    let json = notes_json(&doc, &annotations(&doc)).unwrap_or_else(|e| panic!("{e}"));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(value["document"], "001_0ace6510012baace.txt");
    let records = value["annotations"].as_array().cloned().unwrap_or_default();
    let ids: Vec<&str> = records.iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(
        ids,
        [
            "two-lines",
            "highlight",
            "tracked",
            "markdown",
            "formula",
            "unplaced"
        ]
    );
    let tracked = &records[2];
    assert_eq!(tracked["status"], "in_progress");
    assert_eq!(tracked["indicator"]["metric"], "高新技术企业");
    let start = tracked["start"].as_u64().unwrap_or_default() as usize;
    assert_eq!(
        tracked["section"],
        serde_json::json!(doc.section_path(start))
    );
    assert_eq!(records[5]["placed"], false);
    assert!(records[5]["start"].is_null() && records[5]["section"] == serde_json::json!([]));
}

#[test]
fn notes_on_a_pdf_carry_their_page_in_every_format() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats/a_txt003.pdf");
    let doc = Document::open(&path).unwrap_or_else(|e| panic!("{e}"));
    let block = doc
        .blocks
        .iter()
        .find(|b| b.page == Some(2) && b.span.len() >= 6)
        .unwrap_or_else(|| panic!("no block on page 2"));
    let chars: Vec<char> = doc.text.chars().collect();
    let anchor = Anchor::capture(&chars, block.span.start, block.span.start + 6);
    let notes = [fixed("p2", Annotation::new(anchor, Colour::Yellow))];
    let json = notes_json(&doc, &notes).unwrap_or_else(|e| panic!("{e}"));
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(parsed["annotations"][0]["page"], 2);
    let csv = notes_csv(&doc, &notes).unwrap_or_else(|e| panic!("{e}"));
    let csv = String::from_utf8_lossy(&csv);
    assert!(csv.lines().next().is_some_and(|h| h.ends_with(",page")));
    assert!(
        csv.lines().nth(1).is_some_and(|row| row.ends_with(",2")),
        "{csv}"
    );
    assert!(notes_markdown(&doc, &notes).contains("页码：第2页"));
}
