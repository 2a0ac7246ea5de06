//! Indicator tables in JSON, CSV and Markdown, written as the records come.

use std::io::{self, Write};

use serde::ser::{SerializeSeq, Serializer};
use serde::Serialize;

use crate::export::markdown::escape_cell;
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
    /// The page the indicator starts on (1 for the first); `None` (null) for
    /// a report without pages (text, web page, Word file).
    pub page: Option<u32>,
}

/// Column headers of the CSV export, in order.
const CSV_HEADERS: [&str; 19] = [
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
    "page",
];

/// Where an export's records come from: called once with a function that
/// writes a batch of records, it passes every batch through it, in order.
/// Exports are written as the batches come, so a large report's records are
/// never all held at once.
pub type Feed<'f> =
    dyn FnMut(&mut dyn FnMut(&[IndicatorRecord]) -> io::Result<()>) -> io::Result<()> + 'f;

/// A pretty-printed JSON array of the records `feed` gives.
pub fn indicators_json(out: &mut dyn Write, feed: &mut Feed) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::pretty(&mut *out);
    let mut array = (&mut serializer)
        .serialize_seq(None)
        .map_err(io::Error::other)?;
    feed(&mut |records| {
        records
            .iter()
            .try_for_each(|record| array.serialize_element(record))
            .map_err(io::Error::other)
    })?;
    SerializeSeq::end(array).map_err(io::Error::other)?;
    writeln!(out)
}

/// CSV of the records `feed` gives, with a UTF-8 byte-order mark, every text
/// cell formula-safe.
pub fn indicators_csv(out: &mut dyn Write, feed: &mut Feed) -> io::Result<()> {
    out.write_all(b"\xEF\xBB\xBF")?;
    let mut writer = csv::Writer::from_writer(&mut *out);
    writer.write_record(CSV_HEADERS)?;
    feed(&mut |records| {
        for record in records {
            let row = csv_row(record);
            writer.write_record(row.iter().map(|cell| neutralize_formula(cell).into_owned()))?;
        }
        Ok(())
    })?;
    writer.flush()
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
        page_cell(record.page),
    ]
}

/// The page as a cell: empty when unknown.
fn page_cell(page: Option<u32>) -> String {
    page.map_or_else(String::new, |p| p.to_string())
}

/// A Markdown table per file of the records `feed` gives.
pub fn indicators_markdown(out: &mut dyn Write, feed: &mut Feed) -> io::Result<()> {
    let mut current_file: Option<String> = None;
    feed(&mut |records| {
        for record in records {
            if current_file.as_deref() != Some(record.file) {
                let gap = if current_file.is_some() { "\n" } else { "" };
                write!(
                    out,
                    "{gap}## {}\n\n| 指标 | 数值 | 单位 | 限定 | 类型 | 时期 | 类别 | 章节 | 页码 | 原文 |\n|---|---|---|---|---|---|---|---|---|---|\n",
                    escape_cell(record.file)
                )?;
                current_file = Some(record.file.to_string());
            }
            out.write_all(markdown_row(record).as_bytes())?;
        }
        Ok(())
    })
}

fn markdown_row(record: &IndicatorRecord) -> String {
    let i = record.indicator;
    let page = page_cell(record.page);
    let cells = [
        i.metric.as_str(),
        i.value.as_str(),
        i.unit.as_str(),
        i.qualifier.as_deref().unwrap_or(""),
        i.kind.as_str(),
        i.period.as_deref().unwrap_or(""),
        i.category.as_str(),
        i.section.as_str(),
        page.as_str(),
        i.text.as_str(),
    ];
    let cells: Vec<String> = cells.iter().map(|c| escape_cell(c)).collect();
    format!("| {} |\n", cells.join(" | "))
}
