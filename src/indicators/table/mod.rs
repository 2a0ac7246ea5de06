//! Reading tables that reached the text flattened one row per line, cells
//! separated by spaces ("3 新建公园 个 12 14 116.7% 园林局"): a
//! header row names what each column of figures is (年度目标 a target,
//! 完成数 an actual, 完成率 or 占计划比例 a completion, 增长 a growth,
//! 2007年 an actual of that year), and each figure of a row below it is an
//! indicator of the row's name, in the unit of its unit cell, of a unit in
//! its name ("生产总值(亿元)") or of a "单位:亿元" line. Rows that the
//! sentence reader cannot read (numbers with no unit after them) are read
//! here; a figure both read is the table's. A table flattened one cell
//! per line is gathered into rows first (`stacked`).

mod cells;
mod stacked;

use std::sync::LazyLock;

use regex::Regex;

use crate::indicators::candidates::find_candidates;
use crate::indicators::classify::{self, Tense};
use crate::indicators::clauses::Clauses;
use crate::indicators::normalize::normalize;
use crate::indicators::plan::Piece;
use crate::indicators::section::Section;
use crate::indicators::table::cells::{
    cells_of, column_of, header_columns, is_figure, name_and_unit, Column, Row,
};
use crate::indicators::table::stacked::StackedLine;
use crate::indicators::{Category, Indicator, Kind};
use crate::span::Span;

/// "单位:亿元", "计量单位：万元": the unit of the table below.
static UNIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"单\s*位\s*[:：]\s*(\S+)")
        .unwrap_or_else(|e| panic!("unit line pattern is valid: {e}"))
});

/// How many lines after its header a table is still read.
const MAX_ROWS_AFTER_HEADER: usize = 60;

/// The header rows and unit line read so far, and how far the text has
/// been read (the reader sees every line, titles and headings included,
/// for a header row may be taken for either).
#[derive(Debug, Default)]
pub struct TableReader {
    columns: Vec<Column>,
    unit: Option<String>,
    rows_since_header: usize,
    read_bytes: usize,
    read_chars: usize,
}

/// Longest line read as a table row or header, in bytes: rows are short,
/// and a long line is prose.
const MAX_ROW_BYTES: usize = 600;

impl TableReader {
    /// The indicators of the table rows in `text` (the document text) up to
    /// the end of `batch`, in order. Only lines inside the batch's pieces
    /// give indicators; the others may be headers.
    pub fn read(&mut self, text: &str, batch: &[Piece], sections: &[Section]) -> Vec<Indicator> {
        let piece_ends: Vec<usize> = batch
            .iter()
            .map(|p| p.start + p.text.chars().count())
            .collect();
        let Some(&batch_end) = piece_ends.last() else {
            return Vec::new();
        };
        let mut found = Vec::new();
        let mut run: Vec<StackedLine> = Vec::new();
        let mut piece_at = 0;
        while self.read_chars < batch_end && self.read_bytes < text.len() {
            let rest = &text[self.read_bytes..];
            let line = rest.split('\n').next().unwrap_or(rest);
            let start = self.read_chars;
            piece_at += piece_ends[piece_at..].partition_point(|&end| end <= start);
            let section = batch
                .get(piece_at)
                .filter(|p| p.start <= start)
                .map(|p| &sections[p.section]);
            if let Some(cell) = StackedLine::of(line, start, section) {
                run.push(cell);
            } else {
                found.extend(self.read_run(std::mem::take(&mut run)));
                found.extend(self.read_long_line(line, start, section));
            }
            self.read_bytes += line.len() + 1;
            self.read_chars += line.chars().count() + 1;
        }
        found.extend(self.read_run(run));
        found
    }

    /// A line that is no one-cell line: a row, a header, a unit line, or prose.
    fn read_long_line(
        &mut self,
        line: &str,
        start: usize,
        section: Option<&Section>,
    ) -> Vec<Indicator> {
        if line.len() <= MAX_ROW_BYTES {
            return self.read_line(line, start, section);
        }
        (self.columns, self.unit) = (Vec::new(), None);
        Vec::new()
    }

    /// A run of one-cell lines: a stacked table, else each line on its own.
    fn read_run(&mut self, run: Vec<StackedLine>) -> Vec<Indicator> {
        if !stacked::is_table(&run) {
            return run
                .iter()
                .flat_map(|l| self.read_line(l.written, l.start, l.section))
                .collect();
        }
        let (header, rows) = stacked::gather(&run);
        rows.iter()
            .flat_map(|row| self.stacked_row(&header, row))
            .collect()
    }

    /// The indicators of one row of a stacked table: with a column per header
    /// cell when the counts agree (the first header cell may name the rows).
    fn stacked_row(&self, header: &[String], row: &stacked::StackedRow) -> Vec<Indicator> {
        let names = match header.len().checked_sub(row.figures.len()) {
            Some(0) => header,
            Some(1) => &header[1..],
            _ => &[],
        };
        let columns: Vec<Column> = names.iter().map(|n| column_named(n)).collect();
        let unit = row.unit.clone().or_else(|| self.unit.clone());
        let line_row = Row {
            name: row.name.clone(),
            unit: unit.clone(),
            figures: Vec::new(),
        };
        row.figures
            .iter()
            .enumerate()
            .filter_map(|(i, cell)| {
                let column = columns.get(i);
                let cell_unit = cell_unit(&cell.normalized, unit.as_ref());
                if cell_unit.is_none() && column.is_none() {
                    return None;
                }
                let figure = Figure {
                    at: 0,
                    cell: &cell.normalized,
                    unit: cell_unit.unwrap_or_default(),
                };
                let original: Vec<char> = cell.written.chars().collect();
                let section = cell.section?;
                Some(self.indicator(&line_row, &figure, column, &original, cell.start, section))
            })
            .collect()
    }

    fn read_line(&mut self, line: &str, start: usize, section: Option<&Section>) -> Vec<Indicator> {
        if !could_be_table_line(line) {
            if line.contains('。') {
                (self.columns, self.unit) = (Vec::new(), None);
            }
            return Vec::new();
        }
        let normalized = normalize(line);
        if let Some(unit) = UNIT_LINE.captures(&normalized).and_then(|c| c.get(1)) {
            self.unit = Some(unit.as_str().to_string());
        }
        let cells = cells_of(&normalized);
        let figures = cells.iter().filter(|(_, c)| is_figure(c)).count();
        if normalized.contains('。') || figures == 0 && normalized.chars().count() > 80 {
            (self.columns, self.unit) = (Vec::new(), None);
            return Vec::new();
        }
        if let Some(columns) = header_columns(&cells) {
            (self.columns, self.rows_since_header) = (columns, 0);
            return Vec::new();
        }
        self.rows_since_header += 1;
        if self.rows_since_header > MAX_ROWS_AFTER_HEADER {
            self.columns.clear();
        }
        match (Row::parse(&cells), section) {
            (Some(row), Some(section)) => self.row_indicators(&row, line, start, section),
            (Some(_), None) => Vec::new(),
            (None, _) => {
                // A line that is no row but names a unit ("人口(万人)") sets
                // the unit of the rows below it.
                if let (_, Some(unit)) = name_and_unit(&normalized) {
                    self.unit = Some(unit);
                }
                Vec::new()
            }
        }
    }

    fn row_indicators(
        &self,
        row: &Row,
        line: &str,
        start: usize,
        section: &Section,
    ) -> Vec<Indicator> {
        let original: Vec<char> = line.chars().collect();
        let columns = (self.columns.len() == row.figures.len()).then_some(&self.columns);
        let unit = row.unit.clone().or_else(|| self.unit.clone());
        row.figures
            .iter()
            .enumerate()
            .filter_map(|(i, &(at, cell))| {
                let column = columns.map(|c| &c[i]);
                let cell_unit = cell_unit(cell, unit.as_ref());
                if cell_unit.is_none() && column.is_none() {
                    return None;
                }
                let figure = Figure {
                    at,
                    cell,
                    unit: cell_unit.unwrap_or_default(),
                };
                Some(self.indicator(row, &figure, column, &original, start, section))
            })
            .collect()
    }

    fn indicator(
        &self,
        row: &Row,
        figure: &Figure,
        column: Option<&Column>,
        original: &[char],
        start: usize,
        section: &Section,
    ) -> Indicator {
        let number = figure.cell.trim_end_matches('%');
        let end = figure.at + figure.cell.chars().count();
        let value_end = figure.at + number.chars().count();
        let (low, base_unit) = normalized(number, &figure.unit);
        let period = column
            .and_then(|c| c.period.clone())
            .or_else(|| section.period.clone());
        let kind = column.and_then(|c| c.kind).unwrap_or(Kind::Actual);
        // A year column after the report's own year is planned.
        let kind = match classify::figure_tense(
            None,
            period.as_deref(),
            section.report_year,
            Tense::Achieved,
        ) {
            Tense::Planned if kind == Kind::Actual => Kind::Target,
            _ => kind,
        };
        let text_of = |from: usize, to: usize| original[from..to].iter().collect::<String>();
        let metric = match column.and_then(|c| c.name.as_deref()) {
            Some(name) => format!("{}({name})", row.name),
            None => row.name.clone(),
        };
        Indicator {
            span: Span::new(start + figure.at, start + end),
            text: text_of(figure.at, end),
            metric_key: classify::metric_key(&metric),
            category: Some(classify::category(&row.name))
                .filter(|c| *c != Category::Other)
                .or(section.category)
                .unwrap_or(Category::Other),
            metric,
            value: text_of(figure.at, value_end),
            value_start: start + figure.at,
            unit: figure.unit.clone(),
            normalized_value: low,
            normalized_value_max: None,
            normalized_unit: base_unit,
            qualifier: None,
            direction: None,
            kind,
            period,
            section: section.joined.clone(),
        }
    }
}

/// A row or header has cells parted by spaces; a unit line says 单位 or
/// puts its unit in brackets. Other lines (most prose) are passed over
/// without being normalised.
fn could_be_table_line(line: &str) -> bool {
    line.contains([' ', '\t', '\u{3000}', '(', '（', '位'])
}

/// The unit of a figure cell: "%" when it says so, else its row's.
fn cell_unit(cell: &str, row_unit: Option<&String>) -> Option<String> {
    if cell.ends_with('%') {
        Some("%".to_string())
    } else {
        row_unit.cloned()
    }
}

/// The column a stacked table's header cell names: a kind or a year, else
/// a name for the figures' metric ("城市").
fn column_named(header: &str) -> Column {
    column_of(header).unwrap_or_else(|| Column {
        kind: None,
        period: None,
        name: Some(header.split_whitespace().collect()),
    })
}

/// One figure cell and the unit it is in.
struct Figure<'t> {
    at: usize,
    cell: &'t str,
    unit: String,
}

/// The value in base units and the base unit of `number` written in `unit`.
fn normalized(number: &str, unit: &str) -> (Option<f64>, String) {
    let unit = unit.split('/').next().unwrap_or(unit);
    let number = number.replace(',', "");
    let clauses = Clauses::new(format!("{number}{unit}"));
    match find_candidates(&clauses).first() {
        Some(c) if c.value_end == number.chars().count() => (Some(c.low), c.base_unit.clone()),
        _ => (number.parse().ok(), String::new()),
    }
}

/// `found` (from sentences) and `cells` (from tables), in document order;
/// a figure both read is kept once, as the table read it.
pub fn merge(found: Vec<Indicator>, cells: Vec<Indicator>) -> Vec<Indicator> {
    if cells.is_empty() {
        return found;
    }
    let overlaps = |i: &Indicator| {
        let at = cells.partition_point(|c| c.span.end <= i.value_start);
        cells.get(at).is_some_and(|c| c.value_start < i.span.end)
    };
    let mut merged: Vec<Indicator> = found.into_iter().filter(|i| !overlaps(i)).collect();
    merged.extend(cells);
    merged.sort_by_key(|i| i.span.start);
    merged
}
