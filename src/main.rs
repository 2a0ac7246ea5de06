//! The `reportlens` binary: a command when given one, the window otherwise.

use std::process::ExitCode;

use clap::Parser;
use reportlens::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => {
            let code = cli::run(
                &command,
                &mut std::io::stdout().lock(),
                &mut std::io::stderr().lock(),
            );
            ExitCode::from(code)
        }
        None => open_window(cli.files),
    }
}

#[cfg(feature = "gui")]
fn open_window(files: Vec<std::path::PathBuf>) -> ExitCode {
    match reportlens::gui::run(files) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("reportlens: cannot open the window: {error}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_window(_files: Vec<std::path::PathBuf>) -> ExitCode {
    use clap::CommandFactory;
    // Built without the window: show what the command line offers.
    let _ = Cli::command().print_help();
    ExitCode::SUCCESS
}
