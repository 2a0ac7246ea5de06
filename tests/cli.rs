//! The `reportlens` binary run as a user runs it: formats, standard input,
//! exit codes and messages, `export` of a report's notes from its sidecar,
//! and `track` of the targets of a plan through its mid-year report.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use reportlens::annotations::{Anchor, Annotation, Colour, DocumentInfo, Sidecar, Status};
use reportlens::document::Document;
use reportlens::indicators::Extractor;
use tempfile::TempDir;

fn reportlens(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_reportlens"));
    command.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    run(command, stdin)
}

fn run(mut command: Command, stdin: Option<&[u8]>) -> Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start reportlens: {e}"));
    if let (Some(bytes), Some(mut pipe)) = (stdin, child.stdin.take()) {
        // A command that refuses standard input may exit before reading it.
        if let Err(e) = pipe.write_all(bytes) {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
        }
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

/// The indicators `extract --format json` gives for `file`.
fn extracted(file: &str) -> Vec<serde_json::Value> {
    let out = reportlens(&["extract", "--format", "json", file], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn extract_json_gives_each_indicator_of_a_pdf_its_page_and_null_for_text() {
    let pdf = extracted("tests/fixtures/formats/a_txt003.pdf");
    assert!(!pdf.is_empty());
    let pages: Vec<u64> = pdf
        .iter()
        .map(|r| r["page"].as_u64().unwrap_or_else(|| panic!("no page: {r}")))
        .collect();
    assert!(pages.windows(2).all(|w| w[0] <= w[1]), "{pages:?}");
    assert!(pages[0] >= 1 && pages[pages.len() - 1] > 1, "{pages:?}");
    let text = extracted(PLAN);
    assert!(text
        .iter()
        .all(|r| r.get("page") == Some(&serde_json::Value::Null)));
    assert!(text[0].get("value_start").is_some() && text[0].get("kind").is_some());
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

/// A folder holding a copy of the plan as `plan.txt`, and a data folder for
/// the app so that nothing is written to the real one.
struct Workspace {
    dir: TempDir,
}

impl Workspace {
    fn new() -> Self {
        let dir = TempDir::new().unwrap_or_else(|e| panic!("{e}"));
        let plan = std::fs::read(PLAN).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(dir.path().join("plan.txt"), plan).unwrap_or_else(|e| panic!("{e}"));
        Self { dir }
    }

    fn report(&self) -> PathBuf {
        self.dir.path().join("plan.txt")
    }

    fn sidecar(&self) -> PathBuf {
        self.dir.path().join("plan.txt.reportlens.json")
    }

    /// Writes a sidecar with a note and a tracked target.
    fn annotate(&self) {
        let doc = Document::open(&self.report()).unwrap_or_else(|e| panic!("{e}"));
        let sidecar = Sidecar::new(DocumentInfo::of(&doc), sample_annotations(&doc));
        std::fs::write(self.sidecar(), sidecar.to_bytes()).unwrap_or_else(|e| panic!("{e}"));
    }

    /// Runs `reportlens ARGS` in the folder, with the app's data folder inside it.
    fn run(&self, args: &[&str], stdin: Option<&[u8]>) -> Output {
        let mut command = Command::new(env!("CARGO_BIN_EXE_reportlens"));
        command
            .args(args)
            .current_dir(self.dir.path())
            .env("REPORTLENS_DATA_DIR", self.dir.path().join("data"));
        run(command, stdin)
    }

    /// Runs `reportlens export plan.txt ARGS` in the folder.
    fn export(&self, args: &[&str]) -> Output {
        self.run(&[&["export", "plan.txt"], args].concat(), None)
    }

    /// The names in the folder, sorted.
    fn listing(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.dir.path())
            .unwrap_or_else(|e| panic!("{e}"))
            .filter_map(|entry| entry.ok())
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

/// A note starting with "=" on 完善科技创新体系 and a tracked target on 高新技术企业60家.
fn sample_annotations(doc: &Document) -> Vec<Annotation> {
    let chars: Vec<char> = doc.text.chars().collect();
    let byte = doc.text.find("完善科技创新体系").unwrap_or_default();
    let start = doc.text[..byte].chars().count();
    let note = Annotation {
        note: "=重点 关注".into(),
        tags: vec!["科技".into()],
        ..Annotation::new(Anchor::capture(&chars, start, start + 8), Colour::Green)
    };
    let indicators = Extractor::shared().extract(doc);
    let Some(indicator) = indicators.iter().find(|i| i.metric == "高新技术企业") else {
        panic!("no 高新技术企业 indicator");
    };
    let anchor = Anchor::capture(&chars, indicator.span.start, indicator.span.end);
    let target = Annotation {
        status: Some(Status::Done),
        ..Annotation::tracking(anchor, indicator)
    };
    vec![note, target]
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn export_writes_markdown_csv_and_json() {
    let workspace = Workspace::new();
    workspace.annotate();
    let md = workspace.export(&[]);
    assert_eq!(md.status.code(), Some(0), "{}", stderr(&md));
    let text = String::from_utf8_lossy(&md.stdout);
    assert!(
        text.starts_with("# 武昌区2021年国民经济和社会发展计划\n"),
        "{text}"
    );
    assert!(
        text.contains("> 完善科技创新体系\n\n\\=重点 关注\n"),
        "{text}"
    );
    assert!(
        text.contains("状态：已完成 · 指标：高新技术企业 60家（target）"),
        "{text}"
    );

    let csv = workspace.export(&["--format", "csv"]);
    assert!(csv.stdout.starts_with(b"\xEF\xBB\xBF"));
    assert!(String::from_utf8_lossy(&csv.stdout).contains(",'=重点 关注,科技,"));

    let json = workspace.export(&["-f", "json"]);
    let value: serde_json::Value =
        serde_json::from_slice(&json.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(value["document"], "plan.txt");
    assert_eq!(value["annotations"][1]["status"], "done");
    assert_eq!(value["annotations"][1]["indicator"]["value"], "60");
}

#[test]
fn export_to_a_file_replaces_it_and_leaves_no_temporary_file() {
    let workspace = Workspace::new();
    workspace.annotate();
    let out_path = workspace.dir.path().join("notes.md");
    std::fs::write(&out_path, "old contents").unwrap_or_else(|e| panic!("{e}"));
    let out = workspace.export(&["-o", "notes.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let written = std::fs::read(&out_path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(written, workspace.export(&[]).stdout);
    assert_eq!(
        workspace.listing(),
        ["notes.md", "plan.txt", "plan.txt.reportlens.json"]
    );
}

#[test]
fn export_without_notes_says_where_it_looked() {
    let workspace = Workspace::new();
    let out = workspace.export(&[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let message = stderr(&out);
    let folder = std::fs::canonicalize(workspace.dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let sidecar = folder.join("plan.txt.reportlens.json");
    assert!(
        message.contains(&format!(
            "no notes for {}",
            folder.join("plan.txt").display()
        )) && message.contains(&format!("no sidecar at {}", sidecar.display())),
        "{message}"
    );
    // Exporting only reads: no sidecar, recovery file or data folder appears.
    assert_eq!(workspace.listing(), ["plan.txt"]);
}

#[test]
fn export_of_a_broken_sidecar_explains_and_leaves_it_untouched() {
    let workspace = Workspace::new();
    let broken = b"{\"format\": \"reportlens-notes\", \"version\": 1, \"annotations\": [";
    std::fs::write(workspace.sidecar(), broken).unwrap_or_else(|e| panic!("{e}"));
    let out = workspace.export(&["-o", "notes.md"]);
    assert_eq!(out.status.code(), Some(1));
    let message = stderr(&out);
    assert!(
        message.contains("not valid JSON") && message.contains("left untouched"),
        "{message}"
    );
    assert_eq!(
        std::fs::read(workspace.sidecar()).unwrap_or_default(),
        broken
    );
    assert_eq!(
        workspace.listing(),
        ["plan.txt", "plan.txt.reportlens.json"]
    );
}

#[test]
fn export_to_an_unwritable_place_or_over_its_sources_fails_cleanly() {
    let workspace = Workspace::new();
    workspace.annotate();
    let out = workspace.export(&["-o", "no-such-folder/notes.md"]);
    assert_eq!(out.status.code(), Some(1));
    let message = stderr(&out);
    assert!(
        message.contains("cannot write") && message.contains("no-such-folder/notes.md"),
        "{message}"
    );
    let sidecar = std::fs::read(workspace.sidecar()).unwrap_or_default();
    for source in ["plan.txt", "plan.txt.reportlens.json"] {
        let out = workspace.export(&["-o", source]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains("will not write"), "{}", stderr(&out));
    }
    assert_eq!(
        std::fs::read(workspace.report()).unwrap_or_default(),
        std::fs::read(PLAN).unwrap_or_default()
    );
    assert_eq!(
        std::fs::read(workspace.sidecar()).unwrap_or_default(),
        sidecar
    );
}

#[test]
fn export_of_a_missing_report_or_standard_input_fails_with_a_message() {
    let workspace = Workspace::new();
    let missing = workspace.run(&["export", "no-such-report.txt"], None);
    assert_eq!(missing.status.code(), Some(1));
    let message = stderr(&missing);
    assert!(
        message.contains("no-such-report.txt") && message.contains("not found"),
        "{message}"
    );
    let stdin = workspace.run(&["export", "-"], Some(b"text"));
    assert_eq!(stdin.status.code(), Some(2));
    assert!(
        stderr(&stdin).contains("standard input"),
        "{}",
        stderr(&stdin)
    );
}

#[test]
fn export_falls_back_to_the_recovery_file_of_a_broken_sidecar() {
    let workspace = Workspace::new();
    workspace.annotate();
    let notes = std::fs::read(workspace.sidecar()).unwrap_or_default();
    let recovery = "plan.txt.reportlens.recovery-2024-03-01T080000Z.json";
    std::fs::write(workspace.dir.path().join(recovery), notes).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        workspace.sidecar(),
        b"{\"format\": \"reportlens-notes\", \"version\": 9}",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = workspace.export(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let message = stderr(&out);
    assert!(
        message.contains("newer ReportLens") && message.contains(recovery),
        "{message}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("> 完善科技创新体系"));
}

#[test]
fn export_after_the_report_changed_places_the_notes_and_says_so() {
    let workspace = Workspace::new();
    workspace.annotate();
    let plan = std::fs::read_to_string(workspace.report()).unwrap_or_default();
    std::fs::write(workspace.report(), format!("新增一段前言。\n{plan}"))
        .unwrap_or_else(|e| panic!("{e}"));
    let before = workspace.export(&["-f", "json"]);
    let value: serde_json::Value =
        serde_json::from_slice(&before.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(value["annotations"][0]["start"], 628 + 8);
    assert!(
        stderr(&before).contains("changed since"),
        "{}",
        stderr(&before)
    );
}

const MID_YEAR: &str = "tests/fixtures/003_8bb3dc6e5684670a.txt";
const TRACK_SUMMARY: &str = "37 targets: 5 on track, 1 behind";

#[test]
fn track_prints_a_markdown_table_of_targets_and_their_evidence() {
    let out = reportlens(&["track", PLAN, MID_YEAR], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with(TRACK_SUMMARY), "{text}");
    let investment = text
        .lines()
        .find(|line| line.contains("| 全社会固定资产投资300亿元 |"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        investment.contains("63.53%") && investment.contains("固定资产投资完成190.59亿元"),
        "{investment}"
    );
}

#[test]
fn track_refuses_to_write_a_workbook_to_standard_output() {
    let out = reportlens(&["track", "--format", "xlsx", PLAN, MID_YEAR], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("-o"), "{}", stderr(&out));
}

#[test]
fn track_writes_a_workbook_that_opens_and_says_what_it_found() {
    use calamine::Reader;
    let dir = TempDir::new().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("out.xlsx");
    let output = path.to_string_lossy();
    let out = reportlens(
        &["track", "-f", "xlsx", "-o", &output, PLAN, MID_YEAR],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains(TRACK_SUMMARY), "{}", stderr(&out));
    let mut workbook: calamine::Xlsx<_> =
        calamine::open_workbook(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(workbook.sheet_names(), ["目标 Targets", "指标 Indicators"]);
    let targets = workbook
        .worksheet_range("目标 Targets")
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(targets.height() > 37, "{} rows", targets.height());
}

#[test]
fn track_names_a_file_it_cannot_open_and_tracks_the_others() {
    let out = reportlens(&["track", PLAN, "no-such-report.txt"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no-such-report.txt: file not found"),
        "{}",
        stderr(&out)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("| 新增高新技术企业60家 |"));

    let none = reportlens(&["track", "no-such-report.txt"], None);
    assert_eq!(none.status.code(), Some(1));
    assert!(
        stderr(&none).contains("none of the reports"),
        "{}",
        stderr(&none)
    );
}

/// A folder holding copies of the plan and the mid-year report under `reports/`.
fn folder_of_reports() -> TempDir {
    let dir = TempDir::new().unwrap_or_else(|e| panic!("{e}"));
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap_or_else(|e| panic!("{e}"));
    for report in [PLAN, MID_YEAR] {
        let name = PathBuf::from(report);
        let copy = reports.join(name.file_name().unwrap_or_default());
        std::fs::copy(report, copy).unwrap_or_else(|e| panic!("{e}"));
    }
    dir
}

#[test]
fn track_saves_a_shareable_workspace_and_reads_it_back() {
    let dir = folder_of_reports();
    let mut command = Command::new(env!("CARGO_BIN_EXE_reportlens"));
    command.current_dir(dir.path()).args([
        "track",
        "-f",
        "json",
        "--save-workspace",
        "wuchang.json",
        "reports/001_0ace6510012baace.txt",
        "reports/003_8bb3dc6e5684670a.txt",
    ]);
    let first = run(command, None);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let saved = std::fs::read(dir.path().join("wuchang.json")).unwrap_or_default();
    let file: serde_json::Value = serde_json::from_slice(&saved).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(file["format"], "reportlens-workspace");
    assert_eq!(
        file["reports"][0]["path"],
        "reports/001_0ace6510012baace.txt"
    );

    // Moved elsewhere, as when shared, and named with one of its reports again.
    let moved = TempDir::new().unwrap_or_else(|e| panic!("{e}"));
    let shared = moved.path().join("shared");
    std::fs::rename(dir.path(), &shared).unwrap_or_else(|e| panic!("{e}"));
    let workspace = shared.join("wuchang.json");
    let plan = shared.join("reports/001_0ace6510012baace.txt");
    let again = reportlens(
        &[
            "track",
            "-f",
            "json",
            "--workspace",
            &workspace.to_string_lossy(),
            &plan.to_string_lossy(),
        ],
        None,
    );
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    let json = |out: &Output| -> serde_json::Value {
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"))
    };
    assert_eq!(
        json(&again)["reports"].as_array().map(Vec::len),
        Some(2),
        "a report named again was added twice"
    );
    assert_eq!(json(&again)["summary"], json(&first)["summary"]);
}

#[test]
fn track_will_not_write_over_a_report() {
    let dir = TempDir::new().unwrap_or_else(|e| panic!("{e}"));
    let report = dir.path().join("plan.txt");
    std::fs::copy(PLAN, &report).unwrap_or_else(|e| panic!("{e}"));
    let report = report.to_string_lossy();
    let out = reportlens(&["track", "-f", "csv", "-o", &report, &report], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("will not write"), "{}", stderr(&out));
    let kept = std::fs::read_to_string(&*report).unwrap_or_default();
    assert_eq!(kept, std::fs::read_to_string(PLAN).unwrap_or_default());
}

#[test]
fn pdf_web_page_and_word_files_are_read_like_text() {
    for file in [
        "tests/fixtures/formats/c_cid001.pdf",
        "tests/fixtures/formats/h_gbk.html",
        "tests/fixtures/formats/b_docx.docx",
    ] {
        let out = reportlens(&["extract", "--format", "csv", file], None);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{file}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            String::from_utf8_lossy(&out.stdout).lines().count() > 20,
            "{file}"
        );
        let out = reportlens(&["outline", file], None);
        assert_eq!(out.status.code(), Some(0), "{file}");
    }
}

#[test]
fn damaged_files_exit_1_naming_the_file() {
    for name in [
        "x_empty.pdf",
        "x_notpdf.pdf",
        "x_trunc.docx",
        "x_trunc55.pdf",
    ] {
        let file = format!("tests/fixtures/formats/{name}");
        let out = reportlens(&["extract", &file], None);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let message = String::from_utf8_lossy(&out.stderr);
        assert!(
            message.contains(&file) && !message.contains("panicked"),
            "{name}: {message}"
        );
    }
}
