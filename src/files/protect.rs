//! The rule that no output of ReportLens is written over what it reads or
//! keeps: an input of the same run (a report, a workspace file), or any
//! notes file (a sidecar, its `.bak`, a recovery or rescued copy, a lock).
//! Commands and the window check an output path here before writing, and
//! the refusal names the file and why it is protected.

use std::fs;
use std::path::{Path, PathBuf};

use thiserror::Error;

/// File names of notes files end with or contain one of these.
const NOTES_MARKERS: [&str; 4] = [
    ".reportlens.json",
    ".reportlens.recovery-",
    ".rescued-",
    ".reportlens.json.lock",
];

/// Why an output was refused.
#[derive(Debug, Error, PartialEq, Eq)]
#[error("will not write over {path}: it is {what}; choose another output file")]
pub struct Refusal {
    /// The output that was asked for.
    pub path: PathBuf,
    /// What the file is ("a report read by this command", "a notes file (sidecar, backup or recovery copy)").
    pub what: String,
}

/// The files an output must not replace.
#[derive(Debug, Default, Clone)]
pub struct Protected {
    files: Vec<(PathBuf, String)>,
}

impl Protected {
    /// Nothing protected yet but notes files, which always are.
    pub fn new() -> Self {
        Self::default()
    }

    /// Protects `path`, described as `what` ("a report read by this command").
    pub fn add(&mut self, path: &Path, what: &str) {
        self.files.push((path.to_path_buf(), what.to_string()));
    }

    /// Fails when writing `output` would replace a protected file or a notes file.
    pub fn check(&self, output: &Path) -> Result<(), Refusal> {
        let refuse = |what: &str| Refusal {
            path: output.to_path_buf(),
            what: what.to_string(),
        };
        if is_notes_file(output) {
            return Err(refuse(
                "a notes file (a sidecar, its backup, a recovery copy or a lock)",
            ));
        }
        match self.files.iter().find(|(path, _)| same_file(path, output)) {
            Some((_, what)) => Err(refuse(what)),
            None => Ok(()),
        }
    }
}

/// True when the file name of `path` (or of the file a link at `path` names) is a notes file's.
pub fn is_notes_file(path: &Path) -> bool {
    let named = |p: &Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .is_some_and(|name| NOTES_MARKERS.iter().any(|m| name.contains(m)))
    };
    named(path) || fs::canonicalize(path).is_ok_and(|real| named(&real))
}

/// True when `a` and `b` name one file: the same path once made absolute,
/// the same file once links are resolved, or the same inode (hard links).
pub fn same_file(a: &Path, b: &Path) -> bool {
    let absolute = |p: &Path| std::path::absolute(p).ok();
    if a == b || absolute(a).is_some_and(|x| Some(x) == absolute(b)) {
        return true;
    }
    if let (Ok(x), Ok(y)) = (fs::canonicalize(a), fs::canonicalize(b)) {
        if x == y {
            return true;
        }
    }
    same_inode(a, b)
}

#[cfg(unix)]
fn same_inode(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.is_file() && x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_inode(_a: &Path, _b: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_files_are_protected_by_name() {
        let protected = Protected::new();
        for name in [
            "plan.txt.reportlens.json",
            "plan.txt.reportlens.json.bak",
            "plan.txt.reportlens.recovery-2026-01-01T000000Z.json",
            "plan.txt.rescued-2026-01-01T000000Z.reportlens.json",
            "plan.txt.reportlens.json.lock",
        ] {
            assert!(protected.check(Path::new(name)).is_err(), "{name}");
        }
        assert!(protected.check(Path::new("targets.csv")).is_ok());
    }

    #[test]
    fn a_protected_input_is_named_in_the_refusal() {
        let mut protected = Protected::new();
        protected.add(Path::new("plan.txt"), "a report read by this command");
        let refusal = protected.check(Path::new("./plan.txt"));
        let message = refusal.map_err(|r| r.to_string());
        assert_eq!(
            message,
            Err("will not write over ./plan.txt: it is a report read by this command; choose another output file".into())
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_protected_file_is_refused() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let report = dir.path().join("plan.txt");
        fs::write(&report, "报告")?;
        let link = dir.path().join("out.md");
        std::os::unix::fs::symlink(&report, &link)?;
        let mut protected = Protected::new();
        protected.add(&report, "a report");
        assert!(protected.check(&link).is_err());
        let hard = dir.path().join("hard.md");
        fs::hard_link(&report, &hard)?;
        assert!(protected.check(&hard).is_err());
        Ok(())
    }
}
