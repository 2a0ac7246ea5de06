//! The target table as an Excel workbook (opens in Excel, WPS and
//! LibreOffice): a sheet of targets with the figures reported on them, the
//! CSV's rows with numbers kept as numbers, and a sheet of every indicator of
//! every report. Headers are bold and frozen, with filters, and columns are
//! as wide as their text (a Chinese character counts twice). Text is always
//! written as a string cell, so nothing in a report can become a formula.
//! Rows are written one at a time as they are made, never collected first.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::export::targets::{target_table, Cell, TARGET_COLUMNS};
use crate::indicators::Indicator;
use crate::tracking::{OpenReport, TargetRow};

/// Name of the sheet of targets and their links.
pub const TARGETS_SHEET: &str = "目标 Targets";
/// Name of the sheet of every indicator.
pub const INDICATORS_SHEET: &str = "指标 Indicators";

/// Column headers of the indicators sheet, in order.
const INDICATOR_COLUMNS: [&str; 17] = [
    "report",
    "start",
    "end",
    "section",
    "text",
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
    "page",
];

/// Narrowest and widest column, in widths of the digit 0.
const COLUMN_WIDTH: (f64, f64) = (6.0, 50.0);

/// The cell formats of a sheet.
struct Formats {
    header: Format,
    integer: Format,
    share: Format,
}

impl Formats {
    fn new() -> Self {
        Self {
            header: Format::new().set_bold(),
            integer: Format::new().set_num_format("0"),
            share: Format::new().set_num_format("0.00%"),
        }
    }
}

/// The workbook of the target table of `rows` (linked from `reports`, in the same order).
pub fn targets_xlsx(reports: &[OpenReport], rows: &[TargetRow]) -> Result<Vec<u8>, XlsxError> {
    without_panics(|| workbook(reports, rows))
}

/// Runs `write`, turning a panic of the workbook writer into an error:
/// rust_xlsxwriter panics, instead of failing, when it cannot write a sheet's
/// temporary file in constant-memory mode (a full disk), and that must fail
/// the export, not bring the program down.
fn without_panics(
    write: impl FnOnce() -> Result<Vec<u8>, XlsxError>,
) -> Result<Vec<u8>, XlsxError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(write)).unwrap_or_else(|_| {
        Err(XlsxError::IoError(std::io::Error::other(
            "a temporary file of the workbook could not be written (is the disk full?)",
        )))
    })
}

fn workbook(reports: &[OpenReport], rows: &[TargetRow]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let formats = Formats::new();
    let targets = new_sheet(&mut workbook, TARGETS_SHEET)?;
    write_table(
        targets,
        &formats,
        &TARGET_COLUMNS,
        target_table(reports, rows),
    )?;
    let indicators = new_sheet(&mut workbook, INDICATORS_SHEET)?;
    write_table(
        indicators,
        &formats,
        &INDICATOR_COLUMNS,
        indicator_table(reports),
    )?;
    workbook.save_to_buffer()
}

/// A new sheet named `name`, which keeps only the row being written in
/// memory and the rows before it in a temporary file.
fn new_sheet<'w>(workbook: &'w mut Workbook, name: &str) -> Result<&'w mut Worksheet, XlsxError> {
    workbook
        .add_worksheet_with_constant_memory()?
        .set_name(name)
}

/// Every indicator of every report, one row each, in report and document order.
fn indicator_table(reports: &[OpenReport]) -> impl Iterator<Item = Vec<Cell<'_>>> {
    reports.iter().flat_map(|report| {
        let tracked = &report.tracked;
        let name = tracked.name.as_str();
        // Built together from the same indicators: one page each.
        let pages = tracked.pages.iter().copied();
        tracked
            .indicators
            .iter()
            .zip(pages)
            .map(move |(indicator, page)| indicator_cells(name, indicator, page))
    })
}

fn indicator_cells<'a>(report: &'a str, i: &'a Indicator, page: Option<u32>) -> Vec<Cell<'a>> {
    let optional = |text: &'a Option<String>| Cell::text(text.as_deref().unwrap_or(""));
    vec![
        Cell::text(report),
        Cell::offset(i.span.start),
        Cell::offset(i.span.end),
        Cell::text(&i.section),
        Cell::text(&i.text),
        Cell::text(&i.metric),
        Cell::text(&i.metric_key),
        Cell::text(&i.value),
        Cell::text(&i.unit),
        Cell::number(i.normalized_value),
        Cell::text(&i.normalized_unit),
        optional(&i.qualifier),
        optional(&i.direction),
        Cell::text(i.kind.as_str()),
        optional(&i.period),
        Cell::text(i.category.as_str()),
        page.map_or(Cell::Empty, |p| Cell::Integer(i64::from(p))),
    ]
}

/// Writes a bold frozen header row, then `rows` in order, each as it comes,
/// then filters over them and widths fitted to them.
fn write_table<'a>(
    sheet: &mut Worksheet,
    formats: &Formats,
    headers: &[&str],
    rows: impl Iterator<Item = Vec<Cell<'a>>>,
) -> Result<(), XlsxError> {
    for (col, header) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, column(col)?, *header, &formats.header)?;
    }
    let mut widths = ColumnWidths::new(headers);
    let mut last_row = 0;
    for (index, row) in rows.enumerate() {
        last_row = row_number(index + 1)?;
        for (col, cell) in row.iter().enumerate() {
            write_cell(sheet, last_row, column(col)?, cell, formats)?;
        }
        widths.fit(&row);
    }
    let last_column = column(headers.len().saturating_sub(1))?;
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last_row, last_column)?;
    for (col, width) in widths.finish().into_iter().enumerate() {
        sheet.set_column_width(column(col)?, width)?;
    }
    Ok(())
}

fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    formats: &Formats,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Text(text) if text.is_empty() => return Ok(()),
        Cell::Text(text) => sheet.write_string(row, col, text.as_ref())?,
        // Offsets and years stay well inside the 53 bits an f64 holds exactly.
        Cell::Integer(n) => {
            sheet.write_number_with_format(row, col, *n as f64, &formats.integer)?
        }
        Cell::Number(x) => sheet.write_number(row, col, *x)?,
        Cell::Share(x) => sheet.write_number_with_format(row, col, *x, &formats.share)?,
        Cell::Flag(yes) => sheet.write_boolean(row, col, *yes)?,
        Cell::Empty => return Ok(()),
    };
    Ok(())
}

/// The width of each column, kept up as rows are written: its widest cell
/// or header.
struct ColumnWidths(Vec<f64>);

impl ColumnWidths {
    /// The widths of the headers alone.
    fn new(headers: &[&str]) -> Self {
        Self(headers.iter().map(|header| text_width(header)).collect())
    }

    /// Widens the columns that `row` needs wider.
    fn fit(&mut self, row: &[Cell]) {
        for (widest, cell) in self.0.iter_mut().zip(row) {
            *widest = widest.max(cell_width(cell));
        }
    }

    /// The widths to set, within [`COLUMN_WIDTH`].
    fn finish(self) -> Vec<f64> {
        self.0
            .into_iter()
            // Room for the filter button beside the header.
            .map(|widest| (widest + 2.0).clamp(COLUMN_WIDTH.0, COLUMN_WIDTH.1))
            .collect()
    }
}

fn cell_width(cell: &Cell) -> f64 {
    match cell {
        Cell::Text(text) => text_width(text),
        Cell::Integer(n) => n.to_string().len() as f64,
        Cell::Number(_) => 14.0,
        Cell::Share(_) => 8.0,
        Cell::Flag(_) => 6.0,
        Cell::Empty => 0.0,
    }
}

/// Width of `text` in widths of the digit 0: a Chinese (wide) character takes two.
fn text_width(text: &str) -> f64 {
    text.chars()
        .map(|c| if is_wide(c) { 2.0 } else { 1.0 })
        .sum()
}

/// CJK ideographs, kana, hangul and full-width forms, which spreadsheets draw double width.
fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{115F}'
        | '\u{2E80}'..='\u{A4CF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{20000}'..='\u{3FFFD}')
}

fn row_number(index: usize) -> Result<u32, XlsxError> {
    u32::try_from(index).map_err(|_| XlsxError::RowColumnLimitError)
}

fn column(index: usize) -> Result<u16, XlsxError> {
    u16::try_from(index).map_err(|_| XlsxError::RowColumnLimitError)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_text_is_twice_as_wide_as_latin() {
        assert_eq!(text_width("GDP"), 3.0);
        assert_eq!(text_width("地区生产总值"), 12.0);
        assert_eq!(text_width("增长7%（预期）"), 14.0);
    }

    #[test]
    fn columns_fit_their_widest_cell_within_bounds() {
        let long_heading = "很长的章节标题".repeat(10);
        let mut widths = ColumnWidths::new(&["a", "completion"]);
        widths.fit(&[Cell::text("全社会固定资产投资"), Cell::Share(0.5)]);
        widths.fit(&[Cell::text(&long_heading), Cell::Empty]);
        assert_eq!(widths.finish(), vec![50.0, 12.0]);
        assert_eq!(ColumnWidths::new(&["a"]).finish(), vec![6.0]);
    }
}
