//! Writing indicators out: JSON for programs, CSV for spreadsheets (Excel and
//! WPS open it thanks to its BOM, and formula injection is neutralised), and
//! Markdown for people.

mod indicators;
mod spreadsheet;

pub use indicators::{indicators_csv, indicators_json, indicators_markdown, IndicatorRecord};
pub use spreadsheet::neutralize_formula;

/// An output format the command line and the window can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// A JSON array of objects.
    #[default]
    Json,
    /// UTF-8 CSV with a byte-order mark.
    Csv,
    /// A Markdown table per report.
    Md,
}
