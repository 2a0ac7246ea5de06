//! Never lose a word: outputs never replace an input or a notes file, the
//! workspace survives names that are not UTF-8 and saves from two programs
//! at once, links and devices are written the way `cp` writes them, killed
//! saves leave nothing behind for long, modes are kept, and a workspace
//! cannot make ReportLens read files outside its folder unless allowed.
//! Each test failed on the code before its fix.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use reportlens::annotations::{Anchor, Annotation, Colour, NotesFile};
use reportlens::document::Document;
use reportlens::tracking::{OutsideFolder, Workspace};
use tempfile::TempDir;

const PLAN: &str = "tests/fixtures/001_0ace6510012baace.txt";
const MID_YEAR: &str = "tests/fixtures/003_8bb3dc6e5684670a.txt";

/// Runs the binary in `dir`.
fn reportlens_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_reportlens"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("cannot start reportlens: {e}"))
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A folder with the plan and the mid-year report.
fn reports() -> TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (from, to) in [(PLAN, "plan.txt"), (MID_YEAR, "mid.txt")] {
        fs::copy(root.join(from), dir.path().join(to)).unwrap_or_else(|e| panic!("{e}"));
    }
    dir
}

fn read(path: &Path) -> Vec<u8> {
    fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn save_workspace_over_a_report_is_refused_and_the_report_kept() {
    let dir = reports();
    let before = read(&dir.path().join("plan.txt"));
    let out = reportlens_in(
        dir.path(),
        &[
            "track",
            "plan.txt",
            "mid.txt",
            "--save-workspace",
            "plan.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("will not write over plan.txt: it is a report"),
        "{}",
        stderr(&out)
    );
    assert_eq!(read(&dir.path().join("plan.txt")), before);
}

#[test]
fn save_workspace_over_a_file_that_is_not_a_workspace_is_refused() {
    let dir = reports();
    fs::write(dir.path().join("notes.json"), "{\"mine\": true}").unwrap_or_else(|e| panic!("{e}"));
    let out = reportlens_in(
        dir.path(),
        &["track", "plan.txt", "--save-workspace", "notes.json"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("left untouched"), "{}", stderr(&out));
    assert_eq!(read(&dir.path().join("notes.json")), b"{\"mine\": true}");
}

/// Writes a sidecar, its backup and a recovery file for `report` in `dir`.
fn notes_files(dir: &Path, report: &str) -> Vec<PathBuf> {
    let names = [
        format!("{report}.reportlens.json"),
        format!("{report}.reportlens.json.bak"),
        format!("{report}.reportlens.recovery-2026-01-01T000000Z.json"),
    ];
    names
        .iter()
        .map(|name| {
            let path = dir.join(name);
            fs::write(&path, format!("notes in {name}")).unwrap_or_else(|e| panic!("{e}"));
            path
        })
        .collect()
}

#[test]
fn track_outputs_never_replace_notes_files() {
    let dir = reports();
    for notes in notes_files(dir.path(), "plan.txt") {
        let name = notes
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for option in ["-o", "--save-workspace"] {
            let out = reportlens_in(dir.path(), &["track", "plan.txt", "mid.txt", option, &name]);
            assert_eq!(
                out.status.code(),
                Some(2),
                "{option} {name}: {}",
                stderr(&out)
            );
            assert!(stderr(&out).contains("a notes file"), "{}", stderr(&out));
            assert_eq!(read(&notes), format!("notes in {name}").as_bytes());
        }
    }
}

#[test]
fn export_never_writes_over_the_recovery_file_or_the_backup() {
    let dir = reports();
    let report = dir.path().join("plan.txt");
    let doc = Document::open(&report).unwrap_or_else(|e| panic!("{e}"));
    let mut notes = NotesFile::open(Some(&report), &doc, &dir.path().join("data")).notes;
    // Two saves: a real sidecar and its backup.
    for end in [12, 14] {
        notes
            .save(&[highlight(&doc, 10, end)])
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let sidecar = dir.path().join("plan.txt.reportlens.json");
    let recovery = dir
        .path()
        .join("plan.txt.reportlens.recovery-2026-01-01T000000Z.json");
    fs::copy(&sidecar, &recovery).unwrap_or_else(|e| panic!("{e}"));
    for name in [
        "plan.txt.reportlens.json.bak",
        "plan.txt.reportlens.recovery-2026-01-01T000000Z.json",
    ] {
        let before = read(&dir.path().join(name));
        let out = reportlens_in(dir.path(), &["export", "plan.txt", "-o", name]);
        assert_eq!(out.status.code(), Some(2), "{name}: {}", stderr(&out));
        assert_eq!(
            read(&dir.path().join(name)),
            before,
            "{name} was written over"
        );
    }
}

#[test]
fn track_output_and_saved_workspace_cannot_be_one_file() {
    let dir = reports();
    let out = reportlens_in(
        dir.path(),
        &[
            "track",
            "plan.txt",
            "-o",
            "./ws.json",
            "--save-workspace",
            "ws.json",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!dir.path().join("ws.json").exists());
}

#[cfg(unix)]
#[test]
fn a_report_name_that_is_not_utf8_survives_the_workspace_file() {
    use std::os::unix::ffi::OsStrExt;
    let dir = reports();
    // "计划.txt" in GBK, as unzipped from an archive made on Chinese Windows.
    let gbk_name = std::ffi::OsStr::from_bytes(b"\xbc\xc6\xbb\xae.txt");
    fs::copy(dir.path().join("plan.txt"), dir.path().join(gbk_name))
        .unwrap_or_else(|e| panic!("{e}"));
    let workspace_file = dir.path().join("ws.json");
    let out = Command::new(env!("CARGO_BIN_EXE_reportlens"))
        .arg("track")
        .arg(gbk_name)
        .args(["mid.txt", "--save-workspace", "ws.json"])
        .current_dir(dir.path())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let workspace =
        Workspace::load(&workspace_file, OutsideFolder::Refuse).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(workspace.reports.len(), 2, "{workspace:?}");
    assert_eq!(workspace.reports[0].path, dir.path().join(gbk_name));
    let again = reportlens_in(
        dir.path(),
        &["track", "--workspace", "ws.json", "--format", "json"],
    );
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
}

#[test]
fn two_writers_on_one_workspace_lose_nothing() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("ws.json");
    Workspace::default()
        .save(&file, None)
        .unwrap_or_else(|e| panic!("{e}"));
    let rounds = rounds();
    let writers: Vec<_> = ["a", "b"]
        .into_iter()
        .map(|writer| {
            let file = file.clone();
            let folder = dir.path().to_path_buf();
            std::thread::spawn(move || {
                for round in 0..rounds {
                    let base = Workspace::load(&file, OutsideFolder::Refuse)
                        .unwrap_or_else(|e| panic!("{e}"));
                    let mut ours = base.clone();
                    let report = folder.join(format!("{writer}{round}.txt"));
                    ours.reports.extend(Workspace::of(&[report]).reports);
                    ours.save(&file, Some(&base))
                        .unwrap_or_else(|e| panic!("{e}"));
                }
            })
        })
        .collect();
    for writer in writers {
        assert!(writer.join().is_ok());
    }
    let saved = Workspace::load(&file, OutsideFolder::Refuse).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(saved.reports.len(), 2 * rounds, "updates were lost");
}

/// Rounds of the concurrency tests: 100, or REPORTLENS_CONCURRENCY_ROUNDS.
fn rounds() -> usize {
    std::env::var("REPORTLENS_CONCURRENCY_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100)
}

#[test]
fn two_processes_adding_reports_to_one_workspace_lose_nothing() {
    let dir = reports();
    let rounds = rounds() / 10;
    for round in 0..rounds {
        for name in [format!("a{round}.txt"), format!("b{round}.txt")] {
            fs::copy(dir.path().join("plan.txt"), dir.path().join(name))
                .unwrap_or_else(|e| panic!("{e}"));
        }
    }
    let out = reportlens_in(
        dir.path(),
        &["track", "plan.txt", "--save-workspace", "ws.json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let writers: Vec<_> = ["a", "b"]
        .into_iter()
        .map(|writer| {
            let folder = dir.path().to_path_buf();
            std::thread::spawn(move || {
                for round in 0..rounds {
                    let report = format!("{writer}{round}.txt");
                    let args = [
                        "track",
                        &report,
                        "--workspace",
                        "ws.json",
                        "--save-workspace",
                        "ws.json",
                        "-f",
                        "json",
                    ];
                    let out = reportlens_in(&folder, &args);
                    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
                }
            })
        })
        .collect();
    for writer in writers {
        assert!(writer.join().is_ok());
    }
    let saved = Workspace::load(&dir.path().join("ws.json"), OutsideFolder::Refuse)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(saved.reports.len(), 1 + 2 * rounds, "updates were lost");
}

fn highlight(doc: &Document, start: usize, end: usize) -> Annotation {
    let text: Vec<char> = doc.text.chars().collect();
    Annotation::new(Anchor::capture(&text, start, end), Colour::Yellow)
}

#[test]
fn two_writers_on_one_sidecar_lose_nothing() {
    let dir = reports();
    let report = dir.path().join("plan.txt");
    let rounds = rounds();
    let writers: Vec<_> = (0..2)
        .map(|writer| {
            let report = report.clone();
            let data = dir.path().join("data");
            std::thread::spawn(move || {
                let doc = Document::open(&report).unwrap_or_else(|e| panic!("{e}"));
                let loaded = NotesFile::open(Some(&report), &doc, &data);
                let (mut notes, mut annotations) = (loaded.notes, loaded.annotations);
                for round in 0..rounds {
                    let start = 10 + writer * 500 + round;
                    annotations.push(highlight(&doc, start, start + 2));
                    let outcome = notes.save(&annotations).unwrap_or_else(|e| panic!("{e}"));
                    if let reportlens::annotations::SyncOutcome::Merged(merged) = outcome {
                        annotations = merged;
                    }
                }
            })
        })
        .collect();
    for writer in writers {
        assert!(writer.join().is_ok());
    }
    let doc = Document::open(&report).unwrap_or_else(|e| panic!("{e}"));
    let loaded = NotesFile::open(Some(&report), &doc, &dir.path().join("data"));
    assert_eq!(loaded.annotations.len(), 2 * rounds, "notes were lost");
}

#[cfg(unix)]
#[test]
fn an_output_through_a_link_replaces_the_file_it_names_and_keeps_the_link() {
    let dir = reports();
    let real = dir.path().join("real.md");
    fs::write(&real, "old").unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink("real.md", dir.path().join("link.md"))
        .unwrap_or_else(|e| panic!("{e}"));
    let out = reportlens_in(dir.path(), &["track", "plan.txt", "-o", "link.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let link = fs::symlink_metadata(dir.path().join("link.md")).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        link.file_type().is_symlink(),
        "the link was replaced by a file"
    );
    assert!(String::from_utf8_lossy(&read(&real)).contains("地区生产总值"));
}

#[cfg(unix)]
#[test]
fn an_output_to_a_device_is_written_into_it_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let dir = reports();
    let out = reportlens_in(dir.path(), &["track", "plan.txt", "-o", "/dev/null"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let null = fs::metadata("/dev/null").unwrap_or_else(|e| panic!("{e}"));
    assert!(null.file_type().is_char_device(), "/dev/null was replaced");
}

#[cfg(unix)]
#[test]
fn an_output_to_a_pipe_nobody_reads_fails_at_once() {
    let dir = reports();
    let status = Command::new("mkfifo").arg(dir.path().join("pipe")).status();
    assert!(status.is_ok_and(|s| s.success()));
    let out = reportlens_in(dir.path(), &["track", "plan.txt", "-o", "pipe"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("no program reading it"),
        "{}",
        stderr(&out)
    );
}

#[cfg(unix)]
#[test]
fn a_save_keeps_the_mode_of_the_file_it_replaces() {
    use std::os::unix::fs::PermissionsExt;
    let dir = reports();
    for (name, args) in [
        (
            "out.csv",
            vec!["track", "plan.txt", "-f", "csv", "-o", "out.csv"],
        ),
        (
            "ws.json",
            vec!["track", "plan.txt", "--save-workspace", "ws.json"],
        ),
    ] {
        let path = dir.path().join(name);
        if name == "ws.json" {
            Workspace::default()
                .save(&path, None)
                .unwrap_or_else(|e| panic!("{e}"));
        } else {
            fs::write(&path, "old").unwrap_or_else(|e| panic!("{e}"));
        }
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600))
            .unwrap_or_else(|e| panic!("{e}"));
        let out = reportlens_in(dir.path(), &args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let mode = fs::metadata(&path)
            .map(|m| m.permissions().mode() & 0o777)
            .ok();
        assert_eq!(mode, Some(0o600), "{name}");
    }
}

#[test]
fn the_next_save_removes_temporary_files_of_killed_saves() {
    let dir = reports();
    let dead = dir.path().join(".reportlens-999999999-Ab12Cd.tmp");
    let theirs = dir.path().join(".other-program.tmp");
    for path in [&dead, &theirs] {
        fs::write(path, "half a save").unwrap_or_else(|e| panic!("{e}"));
    }
    let out = reportlens_in(dir.path(), &["track", "plan.txt", "-o", "out.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!dead.exists(), "a stale temporary file of ours was left");
    assert!(theirs.exists(), "another program's file was removed");
}

/// A workspace in `dir`/ws holding `report` as its only report.
fn workspace_naming(dir: &Path, report: &str) -> PathBuf {
    let folder = dir.join("ws");
    fs::create_dir_all(&folder).unwrap_or_else(|e| panic!("{e}"));
    let file = folder.join("ws.json");
    let json = format!(
        "{{\"format\": \"reportlens-workspace\", \"version\": 1, \"reports\": [{{\"path\": {}}}]}}",
        serde_json::Value::from(report)
    );
    fs::write(&file, json).unwrap_or_else(|e| panic!("{e}"));
    file
}

#[test]
fn a_workspace_naming_files_outside_its_folder_is_refused_unless_allowed() {
    let dir = reports();
    for report in ["../plan.txt", "/etc/passwd"] {
        workspace_naming(dir.path(), report);
        let out = reportlens_in(dir.path(), &["track", "--workspace", "ws/ws.json"]);
        assert_eq!(out.status.code(), Some(1), "{report}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("outside its folder"),
            "{}",
            stderr(&out)
        );
        assert!(stderr(&out).contains("--allow-outside"), "{}", stderr(&out));
    }
    workspace_naming(dir.path(), "../plan.txt");
    let out = reportlens_in(
        dir.path(),
        &["track", "--workspace", "ws/ws.json", "--allow-outside"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn a_workspace_naming_a_pipe_in_its_folder_is_refused_without_waiting() {
    let dir = reports();
    let file = workspace_naming(dir.path(), "pipe.txt");
    let pipe = file.with_file_name("pipe.txt");
    let made = Command::new("mkfifo").arg(&pipe).status();
    assert!(made.is_ok_and(|s| s.success()));
    let out = reportlens_within(dir.path(), &["track", "--workspace", "ws/ws.json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("not a regular file"),
        "{}",
        stderr(&out)
    );
}

/// Runs the binary in `dir`, failing the test (not hanging it) if it runs over 20 s.
fn reportlens_within(dir: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_reportlens"))
        .args(args)
        .current_dir(dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start reportlens: {e}"));
    let started = std::time::Instant::now();
    while child.try_wait().ok().flatten().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(20) {
            let _ = child.kill();
            panic!("reportlens {args:?} hung");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn markdown_exports_carry_no_html_and_no_smuggled_blocks() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let report = dir.path().join("r.txt");
    let text = "全年新增<script>alert(1)</script>高新技术企业60家。\n";
    fs::write(&report, text).unwrap_or_else(|e| panic!("{e}"));
    let out = reportlens_in(dir.path(), &["extract", "r.txt", "--format", "md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let markdown = String::from_utf8_lossy(&out.stdout);
    assert!(!markdown.contains('<'), "{markdown}");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::copy(root.join(PLAN), dir.path().join("<script>plan.txt"))
        .unwrap_or_else(|e| panic!("{e}"));
    let out = reportlens_in(dir.path(), &["track", "<script>plan.txt", "--format", "md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let targets = String::from_utf8_lossy(&out.stdout);
    assert!(!targets.contains("<script>"), "{targets}");

    let doc = Document::open(&report).unwrap_or_else(|e| panic!("{e}"));
    let note = Annotation {
        note: "要点\r# 不是标题\r- 不是列表\u{2028}<b>粗</b>".into(),
        ..highlight(&doc, 4, 12)
    };
    let notes = reportlens::export::notes_markdown(&doc, &[note]);
    let smuggled = notes
        .split(['\n', '\r', '\u{2028}'])
        .filter(|line| line.starts_with("# 不是") || line.starts_with("- 不是"))
        .count();
    assert_eq!(smuggled, 0, "{notes}");
    assert!(
        !notes.contains("<b>") && !notes.contains("<script>"),
        "{notes}"
    );
}
