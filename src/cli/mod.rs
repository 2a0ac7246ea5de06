//! The command line: `reportlens extract`, `reportlens outline`. A thin layer
//! over the library: parse arguments, load documents, print, map errors to
//! exit codes (0 ok, 1 a file could not be read, 2 bad arguments).

mod args;
mod commands;

pub use args::{Cli, Command};
pub use commands::run;

/// Process exit codes. Bad arguments exit with 2, set by clap itself.
pub mod exit {
    /// Everything worked.
    pub const OK: u8 = 0;
    /// At least one file could not be read or an output could not be written.
    pub const FILE_ERROR: u8 = 1;
}
