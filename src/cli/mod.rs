//! The command line: `reportlens extract`, `reportlens outline`,
//! `reportlens export`, `reportlens track`. A thin layer over the library:
//! parse arguments, load documents, print, map errors to exit codes (0 ok,
//! 1 a file could not be read or written, 2 bad arguments).

mod args;
mod commands;
mod export;
mod track;

pub use args::{Cli, Command, TrackArgs};
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

/// Why a command stopped: the message for standard error and the exit code.
struct Stop {
    message: String,
    code: u8,
}

impl Stop {
    /// A file could not be read or written.
    fn file(message: String) -> Self {
        Self {
            message,
            code: exit::FILE_ERROR,
        }
    }

    /// The arguments cannot work.
    fn usage(message: String) -> Self {
        Self {
            message,
            code: exit::BAD_ARGUMENTS,
        }
    }
}
