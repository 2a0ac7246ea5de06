//! Command-line arguments (clap).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::export::{Format, TargetsFormat};

/// ReportLens: read Chinese government reports and track their targets.
#[derive(Debug, Parser)]
#[command(name = "reportlens", version, about, long_about = None, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Reports to open in the window: the first is shown, and two or more are opened together
    /// as a workspace in the targets tab; with no file and no command the window opens on the
    /// sample report.
    pub files: Vec<PathBuf>,
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
    /// Link each target of a set of reports to the figures later reports give on it, and write the table.
    Track(TrackArgs),
}

/// The arguments of `reportlens track`.
#[derive(Debug, Args)]
pub struct TrackArgs {
    /// Report files read together: plans, execution reports, work reports.
    #[arg(required_unless_present = "workspace")]
    pub files: Vec<PathBuf>,
    /// Output format; xlsx needs --output.
    #[arg(long, short, value_enum, default_value_t = TargetsFormat::Md)]
    pub format: TargetsFormat,
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// A saved workspace: its reports, what the reader set about them and their link decisions; FILEs are added to it.
    #[arg(long)]
    pub workspace: Option<PathBuf>,
    /// Save the workspace (reports, what was set about them, decisions) to this file; what
    /// another run saved there meanwhile is merged in, and a file that is not a workspace is
    /// never replaced.
    #[arg(long)]
    pub save_workspace: Option<PathBuf>,
    /// Read the reports a --workspace file names outside its own folder ("../x", absolute
    /// paths); without it such a workspace is refused.
    #[arg(long)]
    pub allow_outside: bool,
}
