//! Running a parser on a file it may choke on: in its own thread, so that a
//! panic inside a dependency becomes [`FormatProblem::Damaged`] instead of
//! ending the program, and under [`READ_DEADLINE`], after which the file is
//! refused as [`FormatProblem::TooSlow`]. A thread past its deadline cannot
//! be stopped; it is left to finish on its own and its result is dropped.

use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc;
use std::thread;

use super::{FormatProblem, READ_DEADLINE};

/// Stack of the reader's thread: parsers recurse over nested objects, and
/// running out of stack aborts the whole program rather than panicking.
const READER_STACK_BYTES: usize = 64 * 1024 * 1024;

/// Runs `parse` in a thread of its own and waits for it at most [`READ_DEADLINE`].
pub(crate) fn run_guarded<T: Send + 'static>(
    parse: impl FnOnce() -> Result<T, FormatProblem> + Send + 'static,
) -> Result<T, FormatProblem> {
    let (sender, receiver) = mpsc::channel();
    let worker = thread::Builder::new()
        .name("reportlens-reader".to_string())
        .stack_size(READER_STACK_BYTES)
        .spawn(move || {
            let result = panic::catch_unwind(AssertUnwindSafe(parse));
            // The receiver is gone only when the deadline has passed.
            let _ = sender.send(result);
        })
        .map_err(|e| FormatProblem::Damaged(format!("no thread to read it in: {e}")))?;
    match receiver.recv_timeout(READ_DEADLINE) {
        Ok(Ok(result)) => {
            let _ = worker.join();
            result
        }
        Ok(Err(panic)) => {
            let _ = worker.join();
            Err(FormatProblem::Damaged(format!(
                "the reader failed on it ({})",
                panic_message(panic.as_ref())
            )))
        }
        Err(mpsc::RecvTimeoutError::Timeout) => Err(FormatProblem::TooSlow),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err(FormatProblem::Damaged("the reader stopped".to_string()))
        }
    }
}

/// The text a panic was raised with, when it has one.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_result_comes_back() {
        assert_eq!(run_guarded(|| Ok(7)), Ok(7));
    }

    #[test]
    fn a_panic_becomes_an_error() {
        let result: Result<(), _> = run_guarded(|| panic!("bad table"));
        assert_eq!(
            result,
            Err(FormatProblem::Damaged(
                "the reader failed on it (bad table)".to_string()
            ))
        );
    }
}
