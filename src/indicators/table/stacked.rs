//! Tables flattened one cell per line, as web pages and PDFs give them
//! ("商品零售价格指数\n|\n101.6\n|\n101.4"): a run of short one-cell lines
//! with "|" lines between cells, or with many lines that are a lone figure,
//! is gathered back into a header (the names before the first row) and rows
//! (a name, maybe a unit, then its figures).

use crate::indicators::normalize::normalize;
use crate::indicators::section::Section;
use crate::indicators::table::cells::{cells_of, is_figure, unit_cell};

/// Longest line, in chars, taken for one cell of a stacked table.
const MAX_CELL_CHARS: usize = 24;

/// Fewest lone-figure lines that make a run of short lines a table when no
/// "|" lines say so.
const MIN_FIGURE_LINES: usize = 3;

/// One line of a run: where it starts in the document, as written and
/// normalised (both trimmed), and the section it lies in, if it is content.
pub struct StackedLine<'a> {
    /// Char offset of the cell in the document.
    pub start: usize,
    /// The cell as written.
    pub written: &'a str,
    /// The cell normalised.
    pub normalized: String,
    /// The section of the cell, `None` outside the content.
    pub section: Option<&'a Section>,
}

impl<'a> StackedLine<'a> {
    /// The line as a cell of a stacked table, or `None` when it is longer
    /// or holds several cells.
    pub fn of(line: &'a str, start: usize, section: Option<&'a Section>) -> Option<Self> {
        let written = line.trim();
        if written.chars().nth(MAX_CELL_CHARS).is_some() {
            return None;
        }
        let normalized = normalize(written);
        let leading = line.chars().take_while(|c| c.is_whitespace()).count();
        (cells_of(&normalized).len() <= 1).then_some(Self {
            start: start + leading,
            written,
            normalized,
            section,
        })
    }

    fn is_separator(&self) -> bool {
        self.normalized == "|" || self.normalized.is_empty()
    }
}

/// True when `run` is a stacked table: it has "|" lines, or enough lines
/// that are a lone figure.
pub fn is_table(run: &[StackedLine]) -> bool {
    let pipes = run.iter().any(|l| l.normalized == "|");
    let figures = run.iter().filter(|l| is_figure(&l.normalized)).count();
    figures >= 2 && (pipes || figures >= MIN_FIGURE_LINES)
}

/// A row of a stacked table.
pub struct StackedRow<'r, 'a> {
    /// The row's name.
    pub name: String,
    /// Its unit, from a unit cell after the name.
    pub unit: Option<String>,
    /// Its figure cells.
    pub figures: Vec<&'r StackedLine<'a>>,
}

/// The header cells and the rows of a stacked table.
pub fn gather<'r, 'a>(run: &'r [StackedLine<'a>]) -> (Vec<String>, Vec<StackedRow<'r, 'a>>) {
    let cells: Vec<&StackedLine> = run.iter().filter(|l| !l.is_separator()).collect();
    let Some(first_figure) = cells.iter().position(|c| is_figure(&c.normalized)) else {
        return (Vec::new(), Vec::new());
    };
    let header_end = first_figure.saturating_sub(1);
    let header = cells[..header_end]
        .iter()
        .map(|c| c.normalized.clone())
        .collect();
    let mut rows: Vec<StackedRow> = Vec::new();
    for cell in &cells[header_end..] {
        if is_figure(&cell.normalized) {
            if let Some(row) = rows.last_mut() {
                row.figures.push(cell);
            }
        } else if let (Some(row), Some(unit)) = (rows.last_mut(), unit_cell(&cell.normalized)) {
            if row.figures.is_empty() {
                row.unit = Some(unit);
            }
        } else {
            rows.push(StackedRow {
                name: cell.normalized.trim_start_matches(['#', '*']).to_string(),
                unit: None,
                figures: Vec::new(),
            });
        }
    }
    rows.retain(|r| !r.figures.is_empty());
    (header, rows)
}
