//! The `reportlens` binary: a command when given one, the help otherwise.

use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use reportlens::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let Some(command) = cli.command else {
        // The window (a later issue) will open here; until then, show the help.
        let _ = Cli::command().print_help();
        return ExitCode::SUCCESS;
    };
    let code = cli::run(
        &command,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    ExitCode::from(code)
}
