//! The cells of a flattened table row and what they are: figures, units,
//! empty cells, a header that names columns, a row's name and unit.

use std::sync::LazyLock;

use regex::Regex;

use crate::indicators::candidates::is_cjk_word_char;
use crate::indicators::lexicon::LEXICON;
use crate::indicators::Kind;

/// A figure cell: a number, maybe signed, maybe a percentage.
static FIGURE_CELL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[-+]?\d+(?:,\d{3})*(?:\.\d+)?%?$")
        .unwrap_or_else(|e| panic!("figure cell pattern is valid: {e}"))
});

/// "(亿元)", "（万人）" in a row's name.
static UNIT_IN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[(（]([^()（）]{1,6})[)）]")
        .unwrap_or_else(|e| panic!("unit pattern is valid: {e}"))
});

/// A cell of a line: its first char in the line and its text.
pub type Cell<'t> = (usize, &'t str);

/// What a column of figures holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Target, actual, completion or growth, when the header says.
    pub kind: Option<Kind>,
    /// The year the column is for.
    pub period: Option<String>,
    /// A name the figures' metric takes in brackets ("城市" in a table of
    /// 全省, 城市, 农村 columns).
    pub name: Option<String>,
}

/// The cells of a line: runs of text between spaces (a single space
/// between two Chinese characters, as in "单 位", does not part cells).
pub fn cells_of(line: &str) -> Vec<Cell<'_>> {
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

pub fn is_figure(cell: &str) -> bool {
    FIGURE_CELL.is_match(cell)
}

pub fn is_year(cell: &str) -> bool {
    let year = cell.trim_end_matches('年');
    year.len() == 4
        && year
            .parse::<u32>()
            .is_ok_and(|y| (1949..=2100).contains(&y))
}

/// The columns a header row names, in order, when it names at least two
/// columns of figures: words such as 目标, 完成, 完成率 and 增长, or years.
pub fn header_columns(cells: &[Cell]) -> Option<Vec<Column>> {
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
pub fn column_of(cell: &str) -> Option<Column> {
    if is_year(cell) {
        let year = cell.trim_end_matches('年');
        return Some(Column {
            kind: None,
            period: Some(format!("{year}年")),
            name: None,
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
        name: None,
    })
}

/// A table row: its name, its unit cell, and its figure cells.
pub struct Row<'t> {
    /// The row's name.
    pub name: String,
    /// Its unit, from a unit cell or its name.
    pub unit: Option<String>,
    /// Its figure cells.
    pub figures: Vec<Cell<'t>>,
}

impl<'t> Row<'t> {
    /// A row: an optional serial number, name cells (at least two Chinese
    /// characters), an optional unit cell, then at least two figure cells;
    /// cells after the figures (remarks, the office in charge) are left.
    pub fn parse(cells: &[Cell<'t>]) -> Option<Self> {
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
pub fn is_empty_cell(cell: &str) -> bool {
    cell.chars().all(|c| matches!(c, '-' | '…' | '/'))
}

/// A cell that is a unit: "万人", "公里", "亿元", "元/月/人", "%".
pub fn unit_cell(cell: &str) -> Option<String> {
    let measure = cell.split('/').next().unwrap_or(cell);
    let bare = measure.trim_start_matches(['万', '亿', '千', '百', '十']);
    (LEXICON.measures.contains_key(bare) || LEXICON.measures.contains_key(measure))
        .then(|| cell.to_string())
}

/// The row's name without serial marks, English and a bracketed unit, and that unit.
pub fn name_and_unit(written: &str) -> (String, Option<String>) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_part_at_spaces_but_not_inside_words() {
        let cells: Vec<&str> = cells_of("编号 事项 单 位 全年任务 实际完成 说  明")
            .into_iter()
            .map(|(_, c)| c)
            .collect();
        assert_eq!(
            cells,
            ["编号", "事项", "单 位", "全年任务", "实际完成", "说  明"]
        );
        let row: Vec<&str> = cells_of("4 改造老旧管网 公里 36 41")
            .into_iter()
            .map(|(_, c)| c)
            .collect();
        assert_eq!(row, ["4", "改造老旧管网", "公里", "36", "41"]);
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
