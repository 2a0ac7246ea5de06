//! Reading tables that reached the text flattened one row per line, cells
//! separated by spaces ("1 城镇新增就业 万人 5.2 7.23 139.1% 人社局"): a
//! header row names what each column of figures is (工作目标 a target,
//! 已完成数 an actual, 完成率 or 占年任务之比 a completion, 增长 a growth,
//! 2007年 an actual of that year), and each figure of a row below it is an
//! indicator of the row's name, in the unit of its unit cell, of a unit in
//! its name ("生产总值(亿元)") or of a "单位:亿元" line. Rows that the
//! sentence reader cannot read (numbers with no unit after them) are read
//! here; a figure both read is the table's.

use std::sync::LazyLock;

use regex::Regex;

use crate::indicators::candidates::{find_candidates, is_cjk_word_char};
use crate::indicators::classify::{self, Tense};
use crate::indicators::clauses::Clauses;
use crate::indicators::lexicon::LEXICON;
use crate::indicators::normalize::normalize;
use crate::indicators::plan::Piece;
use crate::indicators::section::Section;
use crate::indicators::{Category, Indicator, Kind};
use crate::span::Span;

/// A figure cell: a number, maybe signed, maybe a percentage.
static FIGURE_CELL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[-+]?\d+(?:,\d{3})*(?:\.\d+)?%?$")
        .unwrap_or_else(|e| panic!("figure cell pattern is valid: {e}"))
});

/// "单位:亿元", "计量单位：万元": the unit of the table below.
static UNIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"单\s*位\s*[:：]\s*(\S+)")
        .unwrap_or_else(|e| panic!("unit line pattern is valid: {e}"))
});

/// "(亿元)", "（万人）" in a row's name.
static UNIT_IN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[(（]([^()（）]{1,6})[)）]")
        .unwrap_or_else(|e| panic!("unit pattern is valid: {e}"))
});

/// How many lines after its header a table is still read.
const MAX_ROWS_AFTER_HEADER: usize = 60;

/// What a column of figures holds.
#[derive(Debug, Clone, PartialEq)]
struct Column {
    kind: Option<Kind>,
    period: Option<String>,
}

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

/// A cell of a line: its first char in the line and its text.
type Cell<'t> = (usize, &'t str);

/// Longest line read as a table row or header, in bytes: rows are short,
/// and a long line is prose.
const MAX_ROW_BYTES: usize = 600;

impl TableReader {
    /// The indicators of the table rows in `text` (the document text) up to
    /// the end of `batch`, in order. Only lines inside the batch's pieces
    /// give indicators; the others may be headers.
    pub fn read(&mut self, text: &str, batch: &[Piece], sections: &[Section]) -> Vec<Indicator> {
        let Some(last) = batch.last() else {
            return Vec::new();
        };
        let batch_end = last.start + last.text.chars().count();
        let mut found = Vec::new();
        let mut piece_at = 0;
        while self.read_chars < batch_end && self.read_bytes < text.len() {
            let rest = &text[self.read_bytes..];
            let line = rest.split('\n').next().unwrap_or(rest);
            let start = self.read_chars;
            while batch
                .get(piece_at)
                .is_some_and(|p| p.start + p.text.chars().count() <= start)
            {
                piece_at += 1;
            }
            let section = batch
                .get(piece_at)
                .filter(|p| p.start <= start)
                .map(|p| &sections[p.section]);
            if line.len() <= MAX_ROW_BYTES {
                found.extend(self.read_line(line, start, section));
            } else {
                *self = Self {
                    read_bytes: self.read_bytes,
                    read_chars: self.read_chars,
                    ..Self::default()
                };
            }
            self.read_bytes += line.len() + 1;
            self.read_chars += line.chars().count() + 1;
        }
        found
    }

    fn read_line(&mut self, line: &str, start: usize, section: Option<&Section>) -> Vec<Indicator> {
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
                let cell_unit = if cell.ends_with('%') {
                    Some("%".to_string())
                } else {
                    unit.clone()
                };
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
        Indicator {
            span: Span::new(start + figure.at, start + end),
            text: text_of(figure.at, end),
            metric_key: classify::metric_key(&row.name),
            category: Some(classify::category(&row.name))
                .filter(|c| *c != Category::Other)
                .or(section.category)
                .unwrap_or(Category::Other),
            metric: row.name.clone(),
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

/// One figure cell and the unit it is in.
struct Figure<'t> {
    at: usize,
    cell: &'t str,
    unit: String,
}

/// The value in base units and the base unit of `number` written in `unit`.
fn normalized(number: &str, unit: &str) -> (Option<f64>, String) {
    let unit = unit.split('/').next().unwrap_or(unit);
    let clauses = Clauses::new(format!("{}{unit}", number.replace(',', "")));
    match find_candidates(&clauses).first() {
        Some(c) if c.value_end == number.replace(',', "").chars().count() => {
            (Some(c.low), c.base_unit.clone())
        }
        _ => (number.replace(',', "").parse().ok(), String::new()),
    }
}

/// The cells of a line: runs of text between spaces (a single space
/// between two Chinese characters, as in "单 位", does not part cells).
fn cells_of(line: &str) -> Vec<Cell<'_>> {
    let mut cells = Vec::new();
    let mut cell_start: Option<(usize, usize)> = None;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for (index, &(byte, c)) in chars.iter().enumerate() {
        let separates = c.is_whitespace() && !joins_words(&chars, index);
        match (separates, cell_start) {
            (true, Some((first, from))) => {
                cells.push((first, &line[from..byte]));
                cell_start = None;
            }
            (false, None) => cell_start = Some((index, byte)),
            _ => {}
        }
    }
    if let Some((first, from)) = cell_start {
        cells.push((first, &line[from..]));
    }
    cells
}

/// Spaces between two lone Chinese characters are inside a word ("单 位",
/// "备  注"); a space after a longer word parts cells ("就业 万人").
fn joins_words(chars: &[(usize, char)], index: usize) -> bool {
    let is_space = |i: usize| chars.get(i).is_none_or(|&(_, c)| c.is_whitespace());
    let cjk = |i: usize| chars.get(i).is_some_and(|&(_, c)| is_cjk_word_char(c));
    let before = (0..index).rev().find(|&i| !is_space(i));
    let after = (index + 1..chars.len()).find(|&i| !is_space(i));
    match (before, after) {
        (Some(b), Some(a)) => cjk(b) && cjk(a) && (b == 0 || is_space(b - 1)) && is_space(a + 1),
        _ => false,
    }
}

fn is_figure(cell: &str) -> bool {
    FIGURE_CELL.is_match(cell)
}

fn is_year(cell: &str) -> bool {
    let year = cell.trim_end_matches('年');
    year.len() == 4
        && year
            .parse::<u32>()
            .is_ok_and(|y| (1949..=2100).contains(&y))
}

/// The columns a header row names, in order, when it names at least two
/// columns of figures: words such as 目标, 完成, 完成率 and 增长, or years.
fn header_columns(cells: &[Cell]) -> Option<Vec<Column>> {
    if cells.len() < 2 || cells.iter().any(|(_, c)| is_figure(c) && !is_year(c)) {
        return None;
    }
    let columns: Vec<Column> = cells
        .iter()
        .filter_map(|(_, cell)| column_of(cell))
        .collect();
    let years = cells.iter().filter(|(_, c)| is_year(c)).count();
    let named = columns
        .iter()
        .filter(|c| c.kind.is_some() || c.period.is_some())
        .count();
    (columns.len() >= 2 && (years >= 2 || named >= 2)).then_some(columns)
}

/// What a header cell says its column holds; `None` for a cell that names
/// no column of figures (序号, 指标, 单位, 备注).
fn column_of(cell: &str) -> Option<Column> {
    if is_year(cell) {
        let year = cell.trim_end_matches('年');
        return Some(Column {
            kind: None,
            period: Some(format!("{year}年")),
        });
    }
    let has = |words: &[&str]| words.iter().any(|w| cell.contains(w));
    let kind = if has(&["率", "之比", "占", "进度", "比例"]) {
        Kind::Completion
    } else if has(&["增长", "增速", "增幅", "增减"]) {
        Kind::Growth
    } else if has(&["完成", "实际", "实绩", "已"]) {
        Kind::Actual
    } else if has(&["目标", "计划", "任务", "预期"]) {
        Kind::Target
    } else {
        return None;
    };
    Some(Column {
        kind: Some(kind),
        period: None,
    })
}

/// A table row: its name, its unit cell, and its figure cells.
struct Row<'t> {
    name: String,
    unit: Option<String>,
    figures: Vec<Cell<'t>>,
}

impl<'t> Row<'t> {
    /// A row: an optional serial number, name cells (at least two Chinese
    /// characters), an optional unit cell, then at least two figure cells;
    /// cells after the figures (remarks, the office in charge) are left.
    fn parse(cells: &[Cell<'t>]) -> Option<Self> {
        let serial = cells
            .first()
            .is_some_and(|(_, c)| c.chars().all(|ch| ch.is_ascii_digit()) && c.len() <= 3)
            && cells.get(1).is_some_and(|(_, c)| !is_figure(c));
        let cells = &cells[usize::from(serial)..];
        let first_figure = cells.iter().position(|(_, c)| is_figure(c))?;
        let figures: Vec<Cell> = cells[first_figure..]
            .iter()
            .take_while(|(_, c)| is_figure(c) || is_empty_cell(c))
            .filter(|(_, c)| is_figure(c))
            .copied()
            .collect();
        if figures.len() < 2 || figures.iter().all(|(_, c)| is_year(c)) {
            return None;
        }
        let mut names = &cells[..first_figure];
        let unit = names.last().and_then(|(_, c)| unit_cell(c));
        if unit.is_some() {
            names = &names[..names.len() - 1];
        }
        let written: String = names.iter().map(|(_, c)| *c).collect::<Vec<_>>().join("");
        let (name, unit_in_name) = name_and_unit(&written);
        (name.chars().filter(|&c| is_cjk_word_char(c)).count() >= 2).then(|| Row {
            name,
            unit: unit.or(unit_in_name),
            figures,
        })
    }
}

/// "-", "—", "…": a cell left empty.
fn is_empty_cell(cell: &str) -> bool {
    cell.chars().all(|c| matches!(c, '-' | '…' | '/'))
}

/// A cell that is a unit: "万人", "公里", "亿元", "元/月/人", "%".
fn unit_cell(cell: &str) -> Option<String> {
    let measure = cell.split('/').next().unwrap_or(cell);
    let bare = measure.trim_start_matches(['万', '亿', '千', '百', '十']);
    (LEXICON.measures.contains_key(bare) || LEXICON.measures.contains_key(measure))
        .then(|| cell.to_string())
}

/// The row's name without serial marks, English and a bracketed unit, and that unit.
fn name_and_unit(written: &str) -> (String, Option<String>) {
    let unit = UNIT_IN_NAME
        .captures_iter(written)
        .filter_map(|c| c.get(1))
        .find_map(|m| unit_cell(m.as_str()));
    let mut name: String = match &unit {
        Some(u) => written
            .replace(&format!("({u})"), "")
            .replace(&format!("（{u}）"), ""),
        None => written.to_string(),
    };
    if let Some(english) = name.find(|c: char| c.is_ascii_alphabetic()) {
        name.truncate(english);
    }
    let name = name.trim_start_matches(['#', '*', ' ']).trim().to_string();
    (name, unit)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_part_at_spaces_but_not_inside_words() {
        let cells: Vec<&str> = cells_of("序号 考核指标 单 位 工作目标 已完成数 备  注")
            .into_iter()
            .map(|(_, c)| c)
            .collect();
        assert_eq!(
            cells,
            [
                "序号",
                "考核指标",
                "单 位",
                "工作目标",
                "已完成数",
                "备  注"
            ]
        );
        let row: Vec<&str> = cells_of("1 城镇新增就业 万人 5.2 7.23")
            .into_iter()
            .map(|(_, c)| c)
            .collect();
        assert_eq!(row, ["1", "城镇新增就业", "万人", "5.2", "7.23"]);
    }

    #[test]
    fn a_header_names_its_columns() {
        let columns = header_columns(&cells_of("序号 项目 单 位 年度目标 完成数 完成率 备注"));
        let kinds: Vec<Option<Kind>> = columns
            .unwrap_or_default()
            .into_iter()
            .map(|c| c.kind)
            .collect();
        assert_eq!(
            kinds,
            [
                Some(Kind::Target),
                Some(Kind::Actual),
                Some(Kind::Completion)
            ]
        );
        assert!(header_columns(&cells_of("全市生产总值 1200 亿元")).is_none());
    }

    #[test]
    fn a_row_has_a_name_a_unit_and_figures() {
        let cells = cells_of("3 新建城市公园 个 12 14 116.7% 园林局");
        let row = Row::parse(&cells);
        let row = row.map(|r| (r.name, r.unit, r.figures.len()));
        assert_eq!(
            row,
            Some(("新建城市公园".to_string(), Some("个".to_string()), 3))
        );
        assert!(Row::parse(&cells_of("2019 2020 2021 2022")).is_none());
        assert!(Row::parse(&cells_of("电话 12345 67890")).is_some_and(|r| r.unit.is_none()));
    }
}
