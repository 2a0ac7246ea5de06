//! The `reportlens` binary run as a user runs it: formats, standard input,
//! exit codes and messages.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn reportlens(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_reportlens"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start reportlens: {e}"));
    if let (Some(bytes), Some(mut pipe)) = (stdin, child.stdin.take()) {
        pipe.write_all(bytes).unwrap_or_else(|e| panic!("{e}"));
    }
    child.wait_with_output().unwrap_or_else(|e| panic!("{e}"))
}

const PLAN: &str = "tests/fixtures/001_0ace6510012baace.txt";

#[test]
fn extract_json_has_the_documented_fields() {
    let out = reportlens(&["extract", PLAN], None);
    assert_eq!(out.status.code(), Some(0));
    let rows: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    let first = &rows[0];
    for field in [
        "text",
        "start",
        "end",
        "metric",
        "metric_key",
        "value",
        "unit",
        "normalized_value",
        "normalized_unit",
        "qualifier",
        "direction",
        "kind",
        "period",
        "category",
        "section",
    ] {
        assert!(first.get(field).is_some(), "missing {field}");
    }
    assert_eq!(first["metric"], "地区生产总值");
    assert_eq!(first["kind"], "target");
}

#[test]
fn extract_csv_has_bom_and_neutralised_formulas() {
    let out = reportlens(
        &["extract", "--format", "csv", "-"],
        Some("一、目标\n新增停车泊位1万个。".as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8_lossy(&out.stdout);
    let row = text.lines().nth(1).unwrap_or_default();
    assert!(row.contains("停车泊位"), "{text}");
    // The file name of standard input is "-", a formula start: it must come out as text.
    assert!(row.starts_with("'-,"), "{row}");
}

#[test]
fn extract_markdown_reads_standard_input() {
    let out = reportlens(
        &["extract", "-f", "md", "-"],
        Some("全年新增高新技术企业60家。".as_bytes()),
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("| 高新技术企业 | 60 | 家 |"), "{text}");
}

#[test]
fn missing_file_exits_1_naming_the_file() {
    let out = reportlens(&["extract", "no-such-report.txt"], None);
    assert_eq!(out.status.code(), Some(1));
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(
        message.contains("no-such-report.txt") && message.contains("not found"),
        "{message}"
    );
}

#[test]
fn one_bad_file_does_not_hide_the_good_ones() {
    let out = reportlens(&["extract", "tests", PLAN], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("directory"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("地区生产总值"));
}

#[test]
fn bad_arguments_exit_2() {
    assert_eq!(
        reportlens(&["extract", "--format", "xml", PLAN], None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(reportlens(&["extract"], None).status.code(), Some(2));
    assert_eq!(reportlens(&["--frobnicate"], None).status.code(), Some(2));
}

#[test]
fn outline_prints_the_heading_tree() {
    let out = reportlens(
        &["outline", "tests/fixtures/003_8bb3dc6e5684670a.txt"],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("一、上半年计划执行情况\n  (一)主要指标完成情况"),
        "{text}"
    );
    assert!(text.contains("    1.发挥创新引领作用"), "{text}");
}

#[test]
fn outline_json_and_binary_input() {
    let out = reportlens(&["outline", "--json", PLAN], None);
    let value: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(value["metadata"]["doc_number"], "2021(004)");
    let png = reportlens(&["outline", "-"], Some(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
    assert_eq!(png.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&png.stderr).contains("PNG"));
}
