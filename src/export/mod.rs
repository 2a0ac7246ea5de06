//! Writing indicators and the reader's notes out: JSON for programs, CSV for
//! spreadsheets (Excel and WPS open it thanks to its BOM, and formula
//! injection is neutralised), and Markdown for people.

mod file;
mod indicators;
mod notes;
mod spreadsheet;

pub use file::write_replacing;
pub use indicators::{indicators_csv, indicators_json, indicators_markdown, IndicatorRecord};
pub use notes::{notes_bytes, notes_csv, notes_json, notes_markdown};
pub use spreadsheet::neutralize_formula;

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
