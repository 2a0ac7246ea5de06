//! The reader's annotations of one report in JSON, CSV and Markdown.
//!
//! Every format lists the annotations in document order, unplaced ones last.
//! JSON and CSV carry machine values (`yellow`, `in_progress`, `target`), as
//! in the sidecar; Markdown is for people and shows colours and statuses in
//! Chinese (黄, 进行中). An unplaced annotation has no position and no section.
//! A passage's page (from 1) is given for reports with pages (PDF): null in
//! JSON, an empty cell in CSV and left out of Markdown otherwise.

use serde::Serialize;

use crate::annotations::sidecar::text_sha256;
use crate::annotations::{Annotation, Colour, Status};
use crate::document::Document;
use crate::export::markdown::{escape_inline, escape_line, lines};
use crate::export::{neutralize_formula, Format};
use crate::indicators::Kind;

/// The heading unplaced annotations are listed under in Markdown.
const UNPLACED_HEADING: &str = "未能定位";
/// The heading of annotations before the first heading of the report.
const FRONT_MATTER_HEADING: &str = "卷首";
/// Joins the headings of a section path, as in the indicator exports.
const SECTION_SEPARATOR: &str = " > ";

/// The JSON export: the document and its annotations.
#[derive(Debug, Serialize)]
struct NotesExport<'a> {
    /// The report's file name.
    document: &'a str,
    /// SHA-256 of the decoded text, as in the sidecar.
    sha256: String,
    /// The annotations, in document order.
    annotations: Vec<NoteRecord<'a>>,
}

/// One annotation as exported.
#[derive(Debug, Serialize)]
struct NoteRecord<'a> {
    id: &'a str,
    /// Headings enclosing the passage, outermost first; empty when unplaced.
    section: Vec<String>,
    /// First char of the passage; None when unplaced.
    start: Option<usize>,
    /// One past the last char; None when unplaced.
    end: Option<usize>,
    /// The page the passage starts on; None when unplaced or the report has no pages.
    page: Option<u32>,
    quote: &'a str,
    colour: Colour,
    note: &'a str,
    tags: &'a [String],
    status: Option<Status>,
    indicator: Option<TrackedSummary<'a>>,
    created: &'a str,
    modified: &'a str,
    placed: bool,
}

/// The tracked indicator of an annotation, as exported.
#[derive(Debug, Serialize)]
struct TrackedSummary<'a> {
    metric: &'a str,
    value: &'a str,
    unit: &'a str,
    kind: Kind,
}

impl<'a> NoteRecord<'a> {
    fn new(doc: &Document, annotation: &'a Annotation) -> Self {
        let placed = !annotation.anchor.unplaced;
        let position = placed.then_some((annotation.anchor.start(), annotation.anchor.end()));
        Self {
            id: &annotation.id,
            section: position.map_or_else(Vec::new, |(start, _)| doc.section_path(start)),
            start: position.map(|(start, _)| start),
            end: position.map(|(_, end)| end),
            page: position.and_then(|(start, _)| doc.page_at(start)),
            quote: &annotation.anchor.quote.exact,
            colour: annotation.colour,
            note: &annotation.note,
            tags: &annotation.tags,
            status: annotation.status,
            indicator: annotation.indicator.as_ref().map(|i| TrackedSummary {
                metric: &i.metric,
                value: &i.value,
                unit: &i.unit,
                kind: i.kind,
            }),
            created: &annotation.created,
            modified: &annotation.modified,
            placed,
        }
    }
}

/// The records of `annotations` on `doc`: placed ones by position, unplaced ones last.
fn records<'a>(doc: &Document, annotations: &'a [Annotation]) -> Vec<NoteRecord<'a>> {
    let mut sorted: Vec<&Annotation> = annotations.iter().collect();
    sorted.sort_by_key(|a| {
        (
            a.anchor.unplaced,
            a.anchor.start(),
            a.anchor.end(),
            a.id.as_str(),
        )
    });
    sorted
        .into_iter()
        .map(|a| NoteRecord::new(doc, a))
        .collect()
}

/// A pretty-printed JSON object: `document`, `sha256` and the `annotations`.
pub fn notes_json(doc: &Document, annotations: &[Annotation]) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(&NotesExport {
        document: &doc.name,
        sha256: text_sha256(&doc.text),
        annotations: records(doc, annotations),
    })
}

/// Column headers of the CSV export, in order.
const CSV_HEADERS: [&str; 17] = [
    "id", "section", "start", "end", "quote", "colour", "note", "tags", "status", "metric",
    "value", "unit", "kind", "created", "modified", "placed", "page",
];

/// CSV with a UTF-8 byte-order mark, one row per annotation, every cell formula-safe.
pub fn notes_csv(doc: &Document, annotations: &[Annotation]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record(CSV_HEADERS)?;
    for record in records(doc, annotations) {
        writer.write_record(
            csv_row(&record)
                .iter()
                .map(|cell| neutralize_formula(cell).into_owned()),
        )?;
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

fn csv_row(record: &NoteRecord) -> [String; 17] {
    let offset = |v: Option<usize>| v.map(|v| v.to_string()).unwrap_or_default();
    let (metric, value, unit, kind) = record.indicator.as_ref().map_or(Default::default(), |i| {
        (i.metric, i.value, i.unit, i.kind.as_str())
    });
    [
        record.id.to_string(),
        record.section.join(SECTION_SEPARATOR),
        offset(record.start),
        offset(record.end),
        record.quote.to_string(),
        record.colour.as_str().to_string(),
        record.note.to_string(),
        record.tags.join("; "),
        record.status.map(status_value).unwrap_or_default(),
        metric.to_string(),
        value.to_string(),
        unit.to_string(),
        kind.to_string(),
        record.created.to_string(),
        record.modified.to_string(),
        record.placed.to_string(),
        record.page.map(|p| p.to_string()).unwrap_or_default(),
    ]
}

/// The machine value of a status, as in the sidecar and the JSON export.
fn status_value(status: Status) -> String {
    match status {
        Status::NotStarted => "not_started",
        Status::InProgress => "in_progress",
        Status::Done => "done",
        Status::NotMet => "not_met",
    }
    .to_string()
}

/// A Markdown document: the report's title, then the annotations under a
/// heading per section in document order, unplaced ones under 未能定位.
pub fn notes_markdown(doc: &Document, annotations: &[Annotation]) -> String {
    let title = doc.metadata.title.as_deref().unwrap_or(&doc.name);
    let mut out = format!(
        "# {}\n\n文件：{} · 批注 {} 条\n",
        escape_inline(title),
        escape_inline(&doc.name),
        annotations.len()
    );
    let mut current_heading = None;
    for record in records(doc, annotations) {
        let heading = markdown_heading(&record);
        if current_heading.as_ref() != Some(&heading) {
            out.push_str(&format!("\n## {heading}\n"));
            current_heading = Some(heading);
        }
        out.push_str(&markdown_annotation(&record));
    }
    out
}

fn markdown_heading(record: &NoteRecord) -> String {
    if !record.placed {
        return UNPLACED_HEADING.to_string();
    }
    if record.section.is_empty() {
        return FRONT_MATTER_HEADING.to_string();
    }
    let parts: Vec<String> = record.section.iter().map(|s| escape_inline(s)).collect();
    parts.join(SECTION_SEPARATOR)
}

/// The quote as a block quote, the note, and a line of details.
fn markdown_annotation(record: &NoteRecord) -> String {
    let mut block = String::from("\n");
    for line in lines(record.quote).map(escape_line) {
        if line.is_empty() {
            block.push_str(">\n");
        } else {
            block.push_str(&format!("> {line}\n"));
        }
    }
    let note = markdown_note(record.note);
    if !note.is_empty() {
        block.push_str(&format!("\n{note}\n"));
    }
    block.push_str(&format!("\n{}\n", markdown_details(record)));
    block
}

/// The note's paragraphs, each line kept with a hard line break.
fn markdown_note(note: &str) -> String {
    let lines: Vec<String> = lines(note.trim()).map(escape_line).collect();
    let paragraphs: Vec<String> = lines
        .split(|line| line.is_empty())
        .filter(|paragraph| !paragraph.is_empty())
        .map(|paragraph| paragraph.join("\\\n"))
        .collect();
    paragraphs.join("\n\n")
}

/// 颜色、标签、状态 and the tracked indicator, separated by " · ".
fn markdown_details(record: &NoteRecord) -> String {
    let mut details = vec![format!("颜色：{}", record.colour.chinese())];
    if let Some(page) = record.page {
        details.push(format!("页码：第{page}页"));
    }
    if !record.tags.is_empty() {
        let tags: Vec<String> = record
            .tags
            .iter()
            .map(|t| format!("#{}", escape_inline(t)))
            .collect();
        details.push(format!("标签：{}", tags.join(" ")));
    }
    if let Some(status) = record.status {
        details.push(format!("状态：{}", status.chinese()));
    }
    if let Some(i) = &record.indicator {
        details.push(format!(
            "指标：{} {}{}（{}）",
            escape_inline(i.metric),
            escape_inline(i.value),
            escape_inline(i.unit),
            i.kind.as_str()
        ));
    }
    details.join(" · ")
}

/// The notes of `doc` in `format`, as the bytes of a file.
pub fn notes_bytes(
    doc: &Document,
    annotations: &[Annotation],
    format: Format,
) -> Result<Vec<u8>, String> {
    match format {
        Format::Json => notes_json(doc, annotations)
            .map(|json| format!("{json}\n").into_bytes())
            .map_err(|e| e.to_string()),
        Format::Csv => notes_csv(doc, annotations).map_err(|e| e.to_string()),
        Format::Md => Ok(notes_markdown(doc, annotations).into_bytes()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_keeps_its_lines_and_paragraphs() {
        assert_eq!(markdown_note("一\n二\n\n\n三"), "一\\\n二\n\n三");
        assert_eq!(markdown_note("  "), "");
        assert_eq!(markdown_note("一\r# 二\r\n- 三"), "一\\\n\\# 二\\\n\\- 三");
    }
}
