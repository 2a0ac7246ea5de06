//! The target table: every target of a workspace with the figures later
//! reports give on it, as records shared by all formats, and written as CSV
//! (one row per target and figure), Markdown (a table per report that sets
//! targets) and JSON, each target made as it is written, never a table of
//! them all first. The workbook in `xlsx.rs` lays out the same cells.

use std::borrow::Cow;

use serde::{Serialize, Serializer};

use crate::export::markdown::escape_cell;
use crate::export::{neutralize_formula, targets_xlsx, TargetsFormat};
use crate::indicators::{Category, Indicator, Kind};
use crate::tracking::{
    summary, Comparison, Confidence, Link, OpenReport, ReportKind, TargetRow, TargetStatus,
};

/// A target as exported: where it was set, what it says, where it stands and
/// the figures reported on it.
#[derive(Debug, Clone, Serialize)]
pub struct TargetRecord<'a> {
    /// File name of the report that sets the target.
    pub report: &'a str,
    /// That report's region as written.
    pub region: &'a str,
    /// The year the target is for; none for a multi-year target.
    pub year: Option<i32>,
    /// Headings enclosing the target, joined by " > ".
    pub section: &'a str,
    /// Char offset where the target's text starts in its report.
    pub start: usize,
    /// Char offset one past its end.
    pub end: usize,
    /// The measured thing as written.
    pub metric: &'a str,
    /// The target as written.
    pub text: &'a str,
    /// The number as written.
    pub value: &'a str,
    /// The unit as written.
    pub unit: &'a str,
    /// Bound or hedge on the value (以上, 左右 …).
    pub qualifier: Option<&'a str>,
    /// The value in base units.
    pub normalized_value: Option<f64>,
    /// The base unit.
    pub normalized_unit: &'a str,
    /// Policy area.
    pub category: Category,
    /// Where the target stands.
    pub status: TargetStatus,
    /// Share of the target reached (0.6353 for 63.53%), if a share applies.
    pub completion: Option<f64>,
    /// The share a later report states, if one does.
    pub stated_completion: Option<f64>,
    /// Figures reported on the target, the deciding one first.
    pub links: Vec<LinkRecord<'a>>,
}

/// A figure reported on a target, as exported.
#[derive(Debug, Clone, Serialize)]
pub struct LinkRecord<'a> {
    /// File name of the report that gives the figure.
    pub report: &'a str,
    /// The figure as quoted from that report.
    pub text: &'a str,
    /// Char offset where the quote starts in its report.
    pub start: usize,
    /// Char offset one past its end.
    pub end: usize,
    /// The number as written.
    pub value: &'a str,
    /// The unit as written.
    pub unit: &'a str,
    /// Actual, growth, completion, or a target restated.
    pub kind: Kind,
    /// How the figure was matched to the target.
    pub confidence: Confidence,
    /// How it compares with the target.
    pub comparison: Comparison,
    /// Share of the target's year gone when it was reported.
    pub elapsed: f64,
    /// True when the reader confirmed the link.
    pub confirmed: bool,
}

/// A report of the workspace, as listed in the JSON export.
#[derive(Debug, Serialize)]
struct ReportRecord<'a> {
    name: &'a str,
    kind: ReportKind,
    region: &'a str,
    issuer: &'a str,
    year: Option<i32>,
    path: String,
}

/// The JSON export.
#[derive(Serialize)]
struct TargetsExport<'a> {
    summary: String,
    reports: Vec<ReportRecord<'a>>,
    targets: Targets<'a>,
}

/// The targets of the JSON export, serialised one record at a time as they
/// are written, so that no list of every record is built first.
struct Targets<'a> {
    reports: &'a [OpenReport],
    rows: &'a [TargetRow],
}

impl Serialize for Targets<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(
            self.rows
                .iter()
                .filter_map(|row| target_record(self.reports, row)),
        )
    }
}

/// The target table of `rows` (linked from `reports`, in the same order) in `format`, as file bytes.
pub fn targets_bytes(
    reports: &[OpenReport],
    rows: &[TargetRow],
    format: TargetsFormat,
) -> Result<Vec<u8>, String> {
    match format {
        TargetsFormat::Md => Ok(targets_markdown(reports, rows).into_bytes()),
        TargetsFormat::Csv => targets_csv(reports, rows).map_err(|e| e.to_string()),
        TargetsFormat::Json => targets_json_bytes(reports, rows).map_err(|e| e.to_string()),
        TargetsFormat::Xlsx => targets_xlsx(reports, rows).map_err(|e| e.to_string()),
    }
}

/// One record per row, in the order of `rows`; rows that name no report of `reports` are left out.
pub fn target_records<'a>(reports: &'a [OpenReport], rows: &[TargetRow]) -> Vec<TargetRecord<'a>> {
    rows.iter()
        .filter_map(|row| target_record(reports, row))
        .collect()
}

fn target_record<'a>(reports: &'a [OpenReport], row: &TargetRow) -> Option<TargetRecord<'a>> {
    let report = &reports.get(row.target.report)?.tracked;
    let target = report.indicators.get(row.target.indicator)?;
    Some(TargetRecord {
        report: &report.name,
        region: &report.info.region,
        year: row.year,
        section: &target.section,
        start: target.span.start,
        end: target.span.end,
        metric: &target.metric,
        text: &target.text,
        value: &target.value,
        unit: &target.unit,
        qualifier: target.qualifier.as_deref(),
        normalized_value: target.normalized_value,
        normalized_unit: &target.normalized_unit,
        category: target.category,
        status: row.status,
        completion: row.completion,
        stated_completion: row.stated_completion,
        links: row
            .links
            .iter()
            .filter_map(|link| link_record(reports, link))
            .collect(),
    })
}

fn link_record<'a>(reports: &'a [OpenReport], link: &Link) -> Option<LinkRecord<'a>> {
    let report = &reports.get(link.actual.report)?.tracked;
    let figure: &Indicator = report.indicators.get(link.actual.indicator)?;
    Some(LinkRecord {
        report: &report.name,
        text: &figure.text,
        start: figure.span.start,
        end: figure.span.end,
        value: &figure.value,
        unit: &figure.unit,
        kind: figure.kind,
        confidence: link.confidence,
        comparison: link.comparison,
        elapsed: link.elapsed,
        confirmed: link.confirmed,
    })
}

/// The JSON export: the summary line, the reports and every target with its links.
pub fn targets_json(
    reports: &[OpenReport],
    rows: &[TargetRow],
) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(&targets_export(reports, rows))
}

/// The JSON export as file bytes, ending in a newline, written straight
/// into the buffer returned.
fn targets_json_bytes(
    reports: &[OpenReport],
    rows: &[TargetRow],
) -> Result<Vec<u8>, serde_json::Error> {
    let mut out = Vec::new();
    serde_json::to_writer_pretty(&mut out, &targets_export(reports, rows))?;
    out.push(b'\n');
    Ok(out)
}

fn targets_export<'a>(reports: &'a [OpenReport], rows: &'a [TargetRow]) -> TargetsExport<'a> {
    TargetsExport {
        summary: summary(rows),
        reports: reports.iter().map(report_record).collect(),
        targets: Targets { reports, rows },
    }
}

fn report_record(report: &OpenReport) -> ReportRecord<'_> {
    let info = &report.tracked.info;
    ReportRecord {
        name: &report.tracked.name,
        kind: info.kind,
        region: &info.region,
        issuer: &info.issuer,
        year: info.year,
        path: report.path.display().to_string(),
    }
}

/// A cell of the target table, typed so that a workbook keeps numbers as numbers.
#[derive(Debug, Clone)]
pub(crate) enum Cell<'a> {
    /// Text, written as text whatever it starts with.
    Text(Cow<'a, str>),
    /// A whole number: a year or a char offset.
    Integer(i64),
    /// A number in base units.
    Number(f64),
    /// A share of 1, shown as a percentage in a workbook.
    Share(f64),
    /// Yes or no.
    Flag(bool),
    /// Nothing to show.
    Empty,
}

impl<'a> Cell<'a> {
    /// A text cell.
    pub(crate) fn text(value: &'a str) -> Self {
        Cell::Text(value.into())
    }

    /// A char offset.
    pub(crate) fn offset(at: usize) -> Self {
        i64::try_from(at).map_or(Cell::Empty, Cell::Integer)
    }

    /// A number, or nothing.
    pub(crate) fn number(value: Option<f64>) -> Self {
        value.map_or(Cell::Empty, Cell::Number)
    }

    /// The cell as CSV text, formula starts neutralised.
    fn to_csv(&self) -> String {
        match self {
            Cell::Text(text) => neutralize_formula(text).into_owned(),
            Cell::Integer(n) => n.to_string(),
            Cell::Number(x) | Cell::Share(x) => x.to_string(),
            Cell::Flag(yes) => yes.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// Column headers of the target table (CSV and the workbook's targets sheet), in order.
pub(crate) const TARGET_COLUMNS: [&str; 30] = [
    "report",
    "region",
    "year",
    "section",
    "start",
    "end",
    "metric",
    "text",
    "value",
    "unit",
    "qualifier",
    "normalized_value",
    "normalized_unit",
    "category",
    "status",
    "status_zh",
    "completion",
    "stated_completion",
    "link_report",
    "link_text",
    "link_start",
    "link_end",
    "link_value",
    "link_unit",
    "link_kind",
    "link_confidence",
    "link_comparison",
    "link_completion",
    "link_elapsed",
    "link_confirmed",
];

/// The rows of cells of the target table of `rows` (linked from `reports`),
/// made one target at a time as they are consumed: one row per target and
/// figure reported on it, and one row with empty link cells for a target
/// nothing reports on. Rows that name no report of `reports` are left out.
pub(crate) fn target_table<'a>(
    reports: &'a [OpenReport],
    rows: &'a [TargetRow],
) -> impl Iterator<Item = Vec<Cell<'a>>> + 'a {
    rows.iter()
        .filter_map(|row| target_record(reports, row))
        .flat_map(|record| record_rows(&record))
}

/// The rows of the target table for one target.
fn record_rows<'a>(record: &TargetRecord<'a>) -> Vec<Vec<Cell<'a>>> {
    let target = target_cells(record);
    if record.links.is_empty() {
        let mut row = target;
        row.resize(TARGET_COLUMNS.len(), Cell::Empty);
        return vec![row];
    }
    record
        .links
        .iter()
        .map(|link| {
            let mut row = target.clone();
            row.extend(link_cells(link));
            row
        })
        .collect()
}

fn target_cells<'a>(t: &TargetRecord<'a>) -> Vec<Cell<'a>> {
    vec![
        Cell::text(t.report),
        Cell::text(t.region),
        t.year.map_or(Cell::Empty, |y| Cell::Integer(y.into())),
        Cell::text(t.section),
        Cell::offset(t.start),
        Cell::offset(t.end),
        Cell::text(t.metric),
        Cell::text(t.text),
        Cell::text(t.value),
        Cell::text(t.unit),
        Cell::text(t.qualifier.unwrap_or("")),
        Cell::number(t.normalized_value),
        Cell::text(t.normalized_unit),
        Cell::text(t.category.as_str()),
        Cell::Text(machine_name(t.status).into()),
        Cell::text(t.status.chinese()),
        t.completion.map_or(Cell::Empty, Cell::Share),
        t.stated_completion.map_or(Cell::Empty, Cell::Share),
    ]
}

fn link_cells<'a>(l: &LinkRecord<'a>) -> Vec<Cell<'a>> {
    vec![
        Cell::text(l.report),
        Cell::text(l.text),
        Cell::offset(l.start),
        Cell::offset(l.end),
        Cell::text(l.value),
        Cell::text(l.unit),
        Cell::text(l.kind.as_str()),
        Cell::Text(machine_name(l.confidence).into()),
        Cell::text(comparison_name(&l.comparison)),
        l.comparison.share().map_or(Cell::Empty, Cell::Share),
        Cell::Share(l.elapsed),
        Cell::Flag(l.confirmed),
    ]
}

/// The snake_case name serde gives a unit variant, as in the JSON export.
fn machine_name(value: impl Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

/// The `type` of a comparison, as in the JSON export.
fn comparison_name(comparison: &Comparison) -> &'static str {
    match comparison {
        Comparison::Completion { .. } => "completion",
        Comparison::Rate { .. } => "rate",
        Comparison::Stated { .. } => "stated",
        Comparison::NotComparable => "not_comparable",
    }
}

/// CSV with a UTF-8 byte-order mark, one row per target and figure, every
/// text cell formula-safe, each row written into the buffer as it is made.
pub fn targets_csv(reports: &[OpenReport], rows: &[TargetRow]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record(TARGET_COLUMNS)?;
    for row in target_table(reports, rows) {
        writer.write_record(row.iter().map(Cell::to_csv))?;
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

/// The summary line, then a table per report that sets targets: metric,
/// target, status, completion and the quoted evidence with its report; each
/// row written into the text as it is made.
pub fn targets_markdown(reports: &[OpenReport], rows: &[TargetRow]) -> String {
    let mut out = format!("{}\n", summary(rows));
    for (index, report) in reports.iter().enumerate() {
        let mut own = rows
            .iter()
            .filter(|row| row.target.report == index)
            .filter_map(|row| target_record(reports, row))
            .peekable();
        if own.peek().is_none() {
            continue;
        }
        out.push_str(&markdown_heading(report));
        out.push_str("| 指标 | 目标 | 状态 | 完成度 | 依据 |\n|---|---|---|---|---|\n");
        for record in own {
            out.push_str(&markdown_row(&record));
        }
    }
    out
}

fn markdown_heading(report: &OpenReport) -> String {
    let info = &report.tracked.info;
    let year = info.year.map(|y| format!("{y}年")).unwrap_or_default();
    let about: Vec<&str> = [info.kind.chinese(), info.region.as_str(), year.as_str()]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect();
    format!(
        "\n## {}（{}）\n\n",
        escape_cell(&report.tracked.name),
        escape_cell(&about.join("，"))
    )
}

fn markdown_row(record: &TargetRecord) -> String {
    let evidence: Vec<String> = record.links.iter().map(markdown_evidence).collect();
    let cells = [
        escape_cell(record.metric),
        escape_cell(record.text),
        record.status.chinese().to_string(),
        markdown_completion(record),
        evidence.join("；"),
    ];
    format!("| {} |\n", cells.join(" | "))
}

/// The completion as a percentage; the stated one when none is computed,
/// and beside it when the two differ; for a rate, the rate reported beside
/// the target's.
fn markdown_completion(record: &TargetRecord) -> String {
    if let Some(Comparison::Rate { actual, target }) = record.links.first().map(|l| l.comparison) {
        let unit = record.normalized_unit;
        return format!("{actual}{unit}（目标 {target}{unit}）");
    }
    match (record.completion, record.stated_completion) {
        (Some(computed), Some(stated)) if (computed - stated).abs() >= 0.00005 => {
            format!("{}（报告称 {}）", percent(computed), percent(stated))
        }
        (Some(share), _) => percent(share),
        (None, Some(stated)) => format!("报告称 {}", percent(stated)),
        (None, None) => String::new(),
    }
}

fn markdown_evidence(link: &LinkRecord) -> String {
    let confirmed = if link.confirmed { "，已确认" } else { "" };
    format!(
        "“{}”（{}{confirmed}）",
        escape_cell(link.text),
        escape_cell(link.report)
    )
}

/// 0.6353 as "63.53%".
fn percent(share: f64) -> String {
    format!("{:.2}%", share * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_keep_numbers_plain_and_neutralise_text() {
        assert_eq!(
            Cell::text("=HYPERLINK(\"x\")").to_csv(),
            "'=HYPERLINK(\"x\")"
        );
        assert_eq!(Cell::text("+86").to_csv(), "'+86");
        assert_eq!(Cell::Share(0.6353).to_csv(), "0.6353");
        assert_eq!(Cell::Integer(2021).to_csv(), "2021");
        assert_eq!(Cell::Number(-3.5).to_csv(), "-3.5");
        assert_eq!(Cell::Flag(true).to_csv(), "true");
        assert_eq!(Cell::Empty.to_csv(), "");
    }

    #[test]
    fn machine_names_match_the_json_export() {
        assert_eq!(machine_name(TargetStatus::OnTrack), "on_track");
        assert_eq!(machine_name(Confidence::Restated), "restated");
        assert_eq!(percent(0.6353), "63.53%");
    }
}
