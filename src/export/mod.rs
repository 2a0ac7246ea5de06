//! Writing indicators, the reader's notes and the target table out: JSON for
//! programs, CSV for spreadsheets (Excel and WPS open it thanks to its BOM,
//! and formula injection is neutralised), Markdown for people, and XLSX
//! workbooks for the target table.

mod indicators;
mod markdown;
mod notes;
mod spreadsheet;
mod targets;
mod xlsx;

pub use crate::files::write_replacing;
pub use indicators::{indicators_csv, indicators_json, indicators_markdown, IndicatorRecord};
pub use notes::{notes_bytes, notes_csv, notes_json, notes_markdown};
pub use spreadsheet::neutralize_formula;
pub use targets::{
    target_records, targets_bytes, targets_csv, targets_json, targets_markdown, LinkRecord,
    TargetRecord,
};
pub use xlsx::targets_xlsx;

/// An output format the command line and the window can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// JSON, for programs.
    #[default]
    Json,
    /// UTF-8 CSV with a byte-order mark, for spreadsheets.
    Csv,
    /// Markdown, for people.
    Md,
}

/// A format the target table can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum TargetsFormat {
    /// Markdown, for people: a table per report that sets targets.
    #[default]
    Md,
    /// UTF-8 CSV with a byte-order mark: one row per target and figure reported on it.
    Csv,
    /// JSON, for programs: the reports and every target with its links.
    Json,
    /// An Excel workbook: a sheet of targets and their links, and one of all indicators.
    Xlsx,
}
