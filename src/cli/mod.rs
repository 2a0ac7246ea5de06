//! The command line: `reportlens extract`, `reportlens outline`,
//! `reportlens export`. A thin layer over the library: parse arguments, load
//! documents, print, map errors to exit codes (0 ok, 1 a file could not be
//! read or written, 2 bad arguments).

mod args;
mod commands;
mod export;

pub use args::{Cli, Command};
pub use commands::run;

/// Process exit codes.
pub mod exit {
    /// Everything worked.
    pub const OK: u8 = 0;
    /// At least one file could not be read or an output could not be written.
    pub const FILE_ERROR: u8 = 1;
    /// Arguments that cannot work (clap exits with the same code for the ones it rejects).
    pub const BAD_ARGUMENTS: u8 = 2;
}
