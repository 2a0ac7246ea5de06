//! Indicator tables in JSON, CSV and Markdown.

use serde::Serialize;

use crate::export::neutralize_formula;
use crate::indicators::Indicator;

/// One indicator with the file it came from, as exported.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorRecord<'a> {
    /// The report's file name.
    pub file: &'a str,
    /// The indicator.
    #[serde(flatten)]
    pub indicator: &'a Indicator,
}

/// Column headers of the CSV export, in order.
const CSV_HEADERS: [&str; 18] = [
    "file",
    "start",
    "end",
    "text",
    "metric",
    "metric_key",
    "value",
    "value_start",
    "unit",
    "normalized_value",
    "normalized_value_max",
    "normalized_unit",
    "qualifier",
    "direction",
    "kind",
    "period",
    "category",
    "section",
];

/// A pretty-printed JSON array of records.
pub fn indicators_json(records: &[IndicatorRecord]) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(records)
}

/// CSV with a UTF-8 byte-order mark, every text cell formula-safe.
pub fn indicators_csv(records: &[IndicatorRecord]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record(CSV_HEADERS)?;
    for record in records {
        writer.write_record(
            csv_row(record)
                .iter()
                .map(|cell| neutralize_formula(cell).into_owned()),
        )?;
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

fn csv_row(record: &IndicatorRecord) -> Vec<String> {
    let i = record.indicator;
    let number = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    vec![
        record.file.to_string(),
        i.span.start.to_string(),
        i.span.end.to_string(),
        i.text.clone(),
        i.metric.clone(),
        i.metric_key.clone(),
        i.value.clone(),
        i.value_start.to_string(),
        i.unit.clone(),
        number(i.normalized_value),
        number(i.normalized_value_max),
        i.normalized_unit.clone(),
        text(&i.qualifier),
        text(&i.direction),
        i.kind.as_str().to_string(),
        text(&i.period),
        i.category.as_str().to_string(),
        i.section.clone(),
    ]
}

/// A Markdown table per file.
pub fn indicators_markdown(records: &[IndicatorRecord]) -> String {
    let mut out = String::new();
    let mut current_file = None;
    for record in records {
        if current_file != Some(record.file) {
            current_file = Some(record.file);
            out.push_str(&format!(
                "\n## {}\n\n| 指标 | 数值 | 单位 | 限定 | 类型 | 时期 | 类别 | 章节 | 原文 |\n|---|---|---|---|---|---|---|---|---|\n",
                escape(record.file)
            ));
        }
        out.push_str(&markdown_row(record.indicator));
    }
    out.trim_start().to_string()
}

fn markdown_row(i: &Indicator) -> String {
    let cells = [
        i.metric.as_str(),
        i.value.as_str(),
        i.unit.as_str(),
        i.qualifier.as_deref().unwrap_or(""),
        i.kind.as_str(),
        i.period.as_deref().unwrap_or(""),
        i.category.as_str(),
        i.section.as_str(),
        i.text.as_str(),
    ];
    let cells: Vec<String> = cells.iter().map(|c| escape(c)).collect();
    format!("| {} |\n", cells.join(" | "))
}

/// Escapes Markdown table syntax in a cell.
pub(super) fn escape(cell: &str) -> String {
    cell.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', " ")
}
