//! Command-line arguments (clap).

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::export::Format;

/// ReportLens: read Chinese government reports and track their targets.
#[derive(Debug, Parser)]
#[command(name = "reportlens", version, about, long_about = None, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A report to open in the window; with no file and no command the window opens on the sample report.
    pub file: Option<PathBuf>,
    /// What to do instead of opening the window.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// A command-line action.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the quantitative indicators (指标) found in reports.
    Extract {
        /// Report files (UTF-8, UTF-16, GB18030/GBK or Big5 text); "-" reads standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// Print a report's title, metadata and heading outline.
    Outline {
        /// The report file; "-" reads standard input.
        file: PathBuf,
        /// Print JSON instead of an indented tree.
        #[arg(long)]
        json: bool,
    },
    /// Write a report's notes (highlights, notes, tags, tracked targets) as Markdown, CSV or JSON.
    Export {
        /// The report file; its notes are read from its sidecar (FILE.reportlens.json).
        file: PathBuf,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Md)]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}
