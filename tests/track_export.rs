//! The target table of the 2021 plan of Wuchang (fixture 001) and its
//! mid-year report (fixture 003) exported: the XLSX workbook read back with
//! calamine (and its sheet XML for the frozen header, filter and widths),
//! CSV with its BOM and neutralised formulas, Markdown and JSON.

use std::io::Read;
use std::path::{Path, PathBuf};

use calamine::{open_workbook, Data, Range, Reader, Xlsx};
use reportlens::document::Document;
use reportlens::export::{targets_bytes, write_replacing, TargetsFormat};
use reportlens::tracking::{
    link_targets, summary, OpenReport, ReportInfo, ReportKind, TargetRow, TrackedReport,
};
use tempfile::TempDir;

const PLAN: &str = "tests/fixtures/001_0ace6510012baace.txt";
const MID_YEAR: &str = "tests/fixtures/003_8bb3dc6e5684670a.txt";
const INVESTMENT: &str = "全社会固定资产投资300亿元";
const INVESTMENT_FIGURE: &str = "固定资产投资完成190.59亿元";
/// A file name and a region a spreadsheet would run as formulas.
const FORMULA_NAME: &str = "=SUM(A1).txt";
const FORMULA_REGION: &str = "@HYPERLINK(\"http://example.invalid\")";

fn open(path: &str) -> OpenReport {
    let doc = Document::open(Path::new(path)).unwrap_or_else(|e| panic!("{e}"));
    OpenReport::new(PathBuf::from(path), doc, None)
}

/// The plan renamed `=SUM(A1).txt` with its region set to a formula.
fn booby_trapped_plan() -> OpenReport {
    let text = std::fs::read_to_string(PLAN).unwrap_or_else(|e| panic!("{e}"));
    let info = ReportInfo {
        kind: ReportKind::Plan,
        region: FORMULA_REGION.into(),
        issuer: String::new(),
        year: Some(2021),
    };
    let doc = Document::from_text(FORMULA_NAME, &text);
    OpenReport::new(PathBuf::from(FORMULA_NAME), doc, Some(info))
}

fn linked(reports: &[OpenReport]) -> Vec<TargetRow> {
    let tracked: Vec<TrackedReport> = reports.iter().map(|r| r.tracked.clone()).collect();
    link_targets(&tracked, &[])
}

fn export(reports: &[OpenReport], format: TargetsFormat) -> Vec<u8> {
    targets_bytes(reports, &linked(reports), format).unwrap_or_else(|e| panic!("{e}"))
}

/// The workbook of `reports`, written to a file as the command line does.
struct Workbook {
    _dir: TempDir,
    path: PathBuf,
}

impl Workbook {
    fn of(reports: &[OpenReport]) -> Self {
        let dir = TempDir::new().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("targets.xlsx");
        write_replacing(&path, &export(reports, TargetsFormat::Xlsx))
            .unwrap_or_else(|e| panic!("{e}"));
        Self { _dir: dir, path }
    }

    fn reader(&self) -> Xlsx<std::io::BufReader<std::fs::File>> {
        open_workbook(&self.path).unwrap_or_else(|e| panic!("{e}"))
    }

    fn sheet(&self, name: &str) -> Range<Data> {
        self.reader()
            .worksheet_range(name)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    /// The XML of the `index`th sheet (1-based), as stored in the file.
    fn sheet_xml(&self, index: usize) -> String {
        let file = std::fs::File::open(&self.path).unwrap_or_else(|e| panic!("{e}"));
        let mut zip = zip::ZipArchive::new(file).unwrap_or_else(|e| panic!("{e}"));
        let mut entry = zip
            .by_name(&format!("xl/worksheets/sheet{index}.xml"))
            .unwrap_or_else(|e| panic!("{e}"));
        let mut xml = String::new();
        entry
            .read_to_string(&mut xml)
            .unwrap_or_else(|e| panic!("{e}"));
        xml
    }
}

fn header(sheet: &Range<Data>) -> Vec<String> {
    sheet
        .rows()
        .next()
        .unwrap_or_default()
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn column(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
}

/// The header and records of a CSV export, after its byte-order mark.
fn read_csv(bytes: &[u8]) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut reader = csv::Reader::from_reader(bytes.get(3..).unwrap_or_default());
    let header = reader
        .headers()
        .unwrap_or_else(|e| panic!("{e}"))
        .iter()
        .map(String::from)
        .collect();
    let records = reader
        .records()
        .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
        .collect();
    (header, records)
}

#[test]
fn the_workbook_has_a_targets_sheet_with_numbers_as_numbers() {
    let reports = [open(PLAN), open(MID_YEAR)];
    let workbook = Workbook::of(&reports);
    assert_eq!(
        workbook.reader().sheet_names(),
        ["目标 Targets", "指标 Indicators"]
    );
    let sheet = workbook.sheet("目标 Targets");
    let header = header(&sheet);
    assert_eq!(
        header[..8],
        ["report", "region", "year", "section", "start", "end", "metric", "text"]
    );
    let at = |name: &str| column(&header, name);
    let row = sheet
        .rows()
        .find(|row| {
            row[at("text")] == Data::String(INVESTMENT.into())
                && row[at("link_text")] == Data::String(INVESTMENT_FIGURE.into())
        })
        .unwrap_or_else(|| panic!("no row for {INVESTMENT}"));
    match row[at("completion")] {
        Data::Float(share) => assert!((share - 0.6353).abs() < 5e-5, "{share}"),
        ref other => panic!("completion is not a number: {other:?}"),
    }
    assert_eq!(row[at("status")], Data::String("on_track".into()));
    assert_eq!(row[at("status_zh")], Data::String("进度正常".into()));
    assert_eq!(row[at("year")], Data::Float(2021.0));
    assert_eq!(row[at("normalized_value")], Data::Float(3e10));
    assert_eq!(row[at("value")], Data::String("300".into()));
    assert_eq!(row[at("link_elapsed")], Data::Float(0.5));
    assert_eq!(row[at("link_confirmed")], Data::Bool(false));
}

#[test]
fn the_workbook_lists_every_indicator() {
    let reports = [open(PLAN), open(MID_YEAR)];
    let workbook = Workbook::of(&reports);
    let sheet = workbook.sheet("指标 Indicators");
    let total: usize = reports.iter().map(|r| r.tracked.indicators.len()).sum();
    assert_eq!(sheet.height(), total + 1);
    let header = header(&sheet);
    for name in [
        "report",
        "section",
        "text",
        "metric_key",
        "normalized_value",
        "kind",
    ] {
        column(&header, name);
    }
    let first = sheet.rows().nth(1).unwrap_or_default();
    assert_eq!(
        first[column(&header, "metric")],
        Data::String("地区生产总值".into())
    );
}

/// The width set for column `col` (1-based) in a sheet's XML.
fn column_width(xml: &str, col: u32) -> f64 {
    let pattern = regex::Regex::new(r#"<col min="(\d+)" max="(\d+)" width="([\d.]+)""#)
        .unwrap_or_else(|e| panic!("{e}"));
    let width = pattern
        .captures_iter(xml)
        .find(|c| (c[1].parse().unwrap_or(0)..=c[2].parse().unwrap_or(0)).contains(&col))
        .and_then(|c| c[3].parse().ok());
    width.unwrap_or_else(|| panic!("no width for column {col}"))
}

#[test]
fn the_workbook_headers_are_frozen_filtered_and_columns_fit_chinese_text() {
    let workbook = Workbook::of(&[open(PLAN), open(MID_YEAR)]);
    let xml = workbook.sheet_xml(1);
    assert!(
        xml.contains(r#"ySplit="1""#) && xml.contains(r#"state="frozen""#),
        "no frozen header"
    );
    assert!(
        xml.contains(r#"<autoFilter ref="A1:AD"#),
        "no filter over the 30 columns"
    );
    // Column 8 (text) holds Chinese targets; column 3 (year) four digits.
    assert!(
        column_width(&xml, 8) >= 30.0,
        "text column {}",
        column_width(&xml, 8)
    );
    assert!(
        column_width(&xml, 3) < 10.0,
        "year column {}",
        column_width(&xml, 3)
    );
    assert!(workbook.sheet_xml(2).contains(r#"state="frozen""#));
}

#[test]
fn text_that_looks_like_a_formula_stays_text_in_the_workbook() {
    let workbook = Workbook::of(&[booby_trapped_plan()]);
    let sheet = workbook.sheet("目标 Targets");
    let first = sheet.rows().nth(1).unwrap_or_default();
    assert_eq!(first[0], Data::String(FORMULA_NAME.into()));
    assert_eq!(first[1], Data::String(FORMULA_REGION.into()));
    let formulas = workbook
        .reader()
        .worksheet_formula("目标 Targets")
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "a cell was written as a formula"
    );
}

#[test]
fn csv_has_a_bom_a_row_per_link_and_neutralised_formulas() {
    let reports = [booby_trapped_plan(), open(MID_YEAR)];
    let bytes = export(&reports, TargetsFormat::Csv);
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "no byte-order mark");
    let (header, records) = read_csv(&bytes);
    let expected_rows: usize = linked(&reports)
        .iter()
        .map(|row| row.links.len().max(1))
        .sum();
    assert_eq!(records.len(), expected_rows);
    let from_plan: Vec<&csv::StringRecord> = records
        .iter()
        .filter(|r| &r[column(&header, "report")] == "'=SUM(A1).txt")
        .collect();
    assert!(!from_plan.is_empty(), "the file name was not neutralised");
    assert!(from_plan
        .iter()
        .all(|r| r[column(&header, "region")] == format!("'{FORMULA_REGION}")));
    let unreported = from_plan
        .iter()
        .find(|r| &r[column(&header, "status")] == "not_reported")
        .unwrap_or_else(|| panic!("no unreported target"));
    assert_eq!(&unreported[column(&header, "link_report")], "");
}

#[test]
fn csv_completion_is_a_plain_share() {
    let bytes = export(&[open(PLAN), open(MID_YEAR)], TargetsFormat::Csv);
    let (header, records) = read_csv(&bytes);
    let row = records
        .iter()
        .find(|r| &r[column(&header, "text")] == INVESTMENT)
        .unwrap_or_else(|| panic!("no row for {INVESTMENT}"));
    let share: f64 = row[column(&header, "completion")]
        .parse()
        .unwrap_or_default();
    assert!((share - 0.6353).abs() < 5e-5, "{share}");
    assert_eq!(&row[column(&header, "link_text")], INVESTMENT_FIGURE);
}

#[test]
fn markdown_has_the_summary_and_a_table_per_report() {
    let reports = [open(PLAN), open(MID_YEAR)];
    let markdown = String::from_utf8(export(&reports, TargetsFormat::Md)).unwrap_or_default();
    let first_line = markdown.lines().next().unwrap_or_default();
    assert_eq!(first_line, summary(&linked(&reports)));
    assert!(
        first_line.starts_with("37 targets: 5 on track, 1 behind"),
        "{first_line}"
    );
    assert!(markdown.contains("## 001\\_0ace6510012baace.txt（计划，武昌区，2021年）"));
    let investment = markdown
        .lines()
        .find(|line| line.contains(INVESTMENT))
        .unwrap_or_else(|| panic!("no row for {INVESTMENT}"));
    assert!(investment.contains("| 进度正常 | 63.53% |"), "{investment}");
    assert!(
        investment.contains("“固定资产投资完成190.59亿元”（003\\_8bb3dc6e5684670a.txt）"),
        "{investment}"
    );
}

#[test]
fn json_lists_the_reports_and_the_six_main_targets_with_their_statuses() {
    let reports = [open(PLAN), open(MID_YEAR)];
    let json: serde_json::Value = serde_json::from_slice(&export(&reports, TargetsFormat::Json))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(json["summary"], summary(&linked(&reports)));
    assert_eq!(json["reports"][0]["kind"], "plan");
    assert_eq!(json["reports"][1]["kind"], "execution");
    assert_eq!(json["reports"][1]["path"], MID_YEAR);
    let targets = json["targets"].as_array().cloned().unwrap_or_default();
    let status = |text: &str| -> String {
        targets
            .iter()
            .find(|t| t["report"] == "001_0ace6510012baace.txt" && t["text"] == text)
            .map(|t| t["status"].as_str().unwrap_or_default().to_string())
            .unwrap_or_else(|| panic!("no target {text}"))
    };
    for (text, expected) in [
        ("地区生产总值增长7%", "on_track"),
        ("地方一般公共预算收入增长15%", "on_track"),
        (INVESTMENT, "on_track"),
        ("实施重大项目210项", "on_track"),
        ("年度计划投资270亿元以上", "on_track"),
        ("城镇居民人均可支配收入增长高于经济增长", "not_comparable"),
    ] {
        assert_eq!(status(text), expected, "{text}");
    }
    let investment = targets
        .iter()
        .find(|t| t["text"] == INVESTMENT)
        .unwrap_or_else(|| panic!("no {INVESTMENT}"));
    assert_eq!(investment["links"][0]["text"], INVESTMENT_FIGURE);
    assert_eq!(investment["links"][0]["comparison"]["type"], "completion");
}

/// A workbook cell as the CSV export writes it.
fn as_csv(cell: &Data) -> String {
    match cell {
        Data::String(text) => reportlens::export::neutralize_formula(text).into_owned(),
        Data::Float(x) => x.to_string(),
        Data::Int(n) => n.to_string(),
        Data::Bool(yes) => yes.to_string(),
        Data::Empty => String::new(),
        other => panic!("unexpected cell {other:?}"),
    }
}

#[test]
fn the_workbook_targets_sheet_has_the_csv_rows_in_the_same_order() {
    let reports = [booby_trapped_plan(), open(MID_YEAR)];
    let (csv_header, records) = read_csv(&export(&reports, TargetsFormat::Csv));
    let sheet = Workbook::of(&reports).sheet("目标 Targets");
    assert_eq!(header(&sheet), csv_header);
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .skip(1)
        .map(|row| {
            (0..csv_header.len())
                .map(|col| row.get(col).map(as_csv).unwrap_or_default())
                .collect()
        })
        .collect();
    let csv_rows: Vec<Vec<String>> = records
        .iter()
        .map(|r| r.iter().map(String::from).collect())
        .collect();
    assert!(rows.len() > 40, "{} rows", rows.len());
    assert_eq!(rows, csv_rows);
}

#[test]
fn the_indicators_sheet_gives_a_pdf_s_page_and_none_for_text() {
    let reports = [open(PLAN), open("tests/fixtures/formats/a_txt003.pdf")];
    let workbook = Workbook::of(&reports);
    let sheet = workbook.sheet("指标 Indicators");
    let header = header(&sheet);
    let (report, page) = (column(&header, "report"), column(&header, "page"));
    let pages: Vec<(String, Data)> = sheet
        .rows()
        .skip(1)
        .map(|row| (row[report].to_string(), row[page].clone()))
        .collect();
    let pdf = |name: &str| name.ends_with(".pdf");
    assert!(pages.iter().any(|(n, _)| pdf(n)));
    for (name, page) in &pages {
        match page {
            Data::Float(p) => assert!(pdf(name) && *p >= 1.0, "{name}: {p}"),
            Data::Empty => assert!(!pdf(name), "{name} has no page"),
            other => panic!("{name}: page {other:?}"),
        }
    }
}
