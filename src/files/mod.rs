//! Safe file access for everything ReportLens reads and writes on the
//! user's behalf: reading only regular files, with a size cap
//! ([`read`]); replacing a file all or nothing while keeping its mode and
//! writing through links and into devices the way `cp` does ([`atomic`]);
//! one writer at a time per file ([`lock`]); never writing an output over
//! an input or a notes file ([`protect`]); reading a hand-editable JSON
//! file with the path and position of any mistake ([`json`]).

pub mod atomic;
pub mod json;
pub mod lock;
pub mod protect;
pub mod read;

pub use atomic::write_replacing;
pub use lock::{FileLock, LockError};
pub use protect::{Protected, Refusal};
pub use read::{read_regular, ReadError, SpecialFile};
