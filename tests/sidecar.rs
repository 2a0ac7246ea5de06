//! The sidecar on disk: saves survive the saving process being killed at any
//! moment; a sidecar that cannot be used (broken JSON, newer version, another
//! document's) is never written over and the notes go to a recovery file; a
//! report in a folder that cannot be written keeps its notes in the data
//! folder; changes another program makes while the report is open are merged;
//! notes made on an older text are re-anchored.

use std::fs;
use std::path::{Path, PathBuf};

use reportlens::annotations::notes_file::beside;
use reportlens::annotations::sidecar::{self, backup_path, DocumentInfo, Sidecar};
use reportlens::annotations::{Anchor, Annotation, Colour, Diversion, Loaded, NotesFile};
use reportlens::annotations::{PlacementCounts, SyncOutcome, TextPosition};
use reportlens::Document;
use tempfile::TempDir;

const REPORT_NAME: &str = "report.txt";
const REPORT: &str = "一、主要目标\n地区生产总值增长7%左右。新增停车泊位1万个以上。\n\
                      二、重点工作\n新增高新技术企业60家。城镇新增就业2.5万人,实施重大项目210项。\n";
/// Passages of [`REPORT`] the tests annotate.
const QUOTES: [&str; 5] = [
    "地区生产总值增长7%左右",
    "新增停车泊位1万个以上",
    "新增高新技术企业60家",
    "城镇新增就业2.5万人",
    "实施重大项目210项",
];

/// A report file in a folder of its own, with a data folder beside it.
struct Report {
    _dir: Option<TempDir>,
    folder: PathBuf,
    path: PathBuf,
    data: PathBuf,
    doc: Document,
}

impl Report {
    fn new() -> Self {
        let dir = TempDir::new().expect("temp dir");
        let folder = dir.path().join("reports");
        fs::create_dir(&folder).expect("reports folder");
        Self {
            _dir: Some(dir),
            ..Self::in_folder(&folder)
        }
    }

    /// The report in `folder` (written there if missing), data in `folder/data`.
    fn in_folder(folder: &Path) -> Self {
        let path = folder.join(REPORT_NAME);
        if !path.exists() {
            fs::write(&path, REPORT).expect("report written");
        }
        Self {
            _dir: None,
            folder: folder.to_path_buf(),
            data: folder.join("data"),
            doc: Document::from_text(REPORT_NAME, REPORT),
            path,
        }
    }

    fn open(&self) -> Loaded {
        NotesFile::open(Some(&self.path), &self.doc, &self.data)
    }

    fn sidecar(&self) -> PathBuf {
        beside(&self.path).expect("sidecar path")
    }

    /// An annotation of `quote` (a passage of the report) with `note`.
    fn annotate(&self, quote: &str, note: &str) -> Annotation {
        annotate(&self.doc, quote, note)
    }

    /// A sidecar of this report's document holding `annotations`.
    fn sidecar_bytes(&self, annotations: Vec<Annotation>) -> Vec<u8> {
        Sidecar::new(DocumentInfo::of(&self.doc), annotations).to_bytes()
    }

    /// The recovery files of this report's sidecar.
    fn recovery_files(&self) -> Vec<PathBuf> {
        let mut found: Vec<PathBuf> = fs::read_dir(&self.folder)
            .expect("report folder")
            .map(|entry| entry.expect("entry").path())
            .filter(|p| {
                let name = p.to_string_lossy();
                name.contains(".recovery-") && name.ends_with(".json")
            })
            .collect();
        found.sort();
        found
    }
}

/// An annotation of the first `quote` in `doc` with `note`.
fn annotate(doc: &Document, quote: &str, note: &str) -> Annotation {
    let byte = doc.text.find(quote).expect("quote in the text");
    let start = doc.text[..byte].chars().count();
    let text: Vec<char> = doc.text.chars().collect();
    let anchor = Anchor::capture(&text, start, start + quote.chars().count());
    Annotation {
        note: note.into(),
        ..Annotation::new(anchor, Colour::Yellow)
    }
}

/// The annotations a sidecar file holds.
fn annotations_in(path: &Path) -> Vec<Annotation> {
    let bytes = fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    sidecar::parse(&bytes)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .annotations
}

fn notes_of(annotations: &[Annotation]) -> Vec<&str> {
    let mut notes: Vec<&str> = annotations.iter().map(|a| a.note.as_str()).collect();
    notes.sort_unstable();
    notes
}

/// Puts the `unusable` bytes where the sidecar goes, opens the report and
/// checks that the sidecar is refused for a reason mentioning each of
/// `reason_names`, is never written (nor its `.bak`), and that the notes
/// saved go to a recovery file that a later opening loads back.
fn check_refused_and_untouched(unusable: impl FnOnce(&Report) -> Vec<u8>, reason_names: &[&str]) {
    let report = Report::new();
    let bytes = unusable(&report);
    fs::write(report.sidecar(), &bytes).expect("sidecar written");
    let loaded = report.open();
    let diversion = refused(&loaded, reason_names);
    let saved = save_twice(&report, loaded.notes);
    assert_eq!(fs::read(report.sidecar()).expect("sidecar"), bytes);
    assert!(!backup_path(&report.sidecar()).exists());
    assert_eq!(annotations_in(&diversion.recovery), saved);
    let reopened = report.open();
    let again = reopened.notes.diversion().expect("still refused");
    assert_eq!(again.recovery, diversion.recovery);
    assert_eq!(reopened.annotations, saved);
    assert_eq!(report.recovery_files(), [diversion.recovery]);
}

/// Why and where `loaded` was diverted, checking the reason names each of
/// `names` and that no notes were loaded.
fn refused(loaded: &Loaded, names: &[&str]) -> Diversion {
    let diversion = loaded
        .notes
        .diversion()
        .cloned()
        .expect("the sidecar is refused");
    for name in names {
        assert!(
            diversion.reason.contains(name),
            "{:?} lacks {name:?}",
            diversion.reason
        );
    }
    assert!(loaded.annotations.is_empty());
    diversion
}

/// Saves one annotation, then two, through `notes`; returns the two.
fn save_twice(report: &Report, mut notes: NotesFile) -> Vec<Annotation> {
    let first = report.annotate(QUOTES[0], "第一条");
    let second = report.annotate(QUOTES[1], "第二条");
    let outcome = notes
        .save(std::slice::from_ref(&first))
        .expect("first save");
    assert_eq!(outcome, SyncOutcome::Saved);
    let both = vec![first, second];
    assert_eq!(notes.save(&both).expect("second save"), SyncOutcome::Saved);
    both
}

#[test]
fn a_broken_sidecar_is_kept_as_it_is_and_the_notes_go_to_a_recovery_file() {
    let truncated = |report: &Report| {
        let mut bytes = report.sidecar_bytes(vec![report.annotate(QUOTES[2], "旧笔记")]);
        bytes.truncate(bytes.len() / 2);
        bytes
    };
    check_refused_and_untouched(truncated, &["not valid JSON", "line"]);
}

#[test]
fn a_sidecar_of_a_newer_version_is_kept_as_it_is() {
    let newer = |report: &Report| {
        let bytes = report.sidecar_bytes(vec![report.annotate(QUOTES[2], "新版本的笔记")]);
        let mut value: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
        value["version"] = serde_json::json!(2);
        serde_json::to_vec_pretty(&value).expect("json")
    };
    check_refused_and_untouched(newer, &["newer", "version 2"]);
}

#[test]
fn another_documents_sidecar_is_kept_as_it_is() {
    let of_another = |_: &Report| {
        let other = Document::from_text("other.txt", "另一份报告。新增学位3460个。");
        let note = annotate(&other, "新增学位3460个", "别的报告");
        Sidecar::new(DocumentInfo::of(&other), vec![note]).to_bytes()
    };
    check_refused_and_untouched(of_another, &["another document", "other.txt"]);
}

/// True when this process runs as root, for whom permissions do not stop writes.
#[cfg(unix)]
fn running_as_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    let dir = TempDir::new().expect("temp dir");
    let probe = dir.path().join("probe");
    fs::write(&probe, b"").expect("probe written");
    fs::metadata(&probe).expect("probe").uid() == 0
}

/// Gives a folder its permissions back when dropped, so it can be removed.
#[cfg(unix)]
struct ReadOnly<'a>(&'a Path);

#[cfg(unix)]
impl<'a> ReadOnly<'a> {
    fn make(folder: &'a Path) -> Self {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(folder, fs::Permissions::from_mode(0o555)).expect("chmod");
        Self(folder)
    }
}

#[cfg(unix)]
impl Drop for ReadOnly<'_> {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        let _ = fs::set_permissions(self.0, fs::Permissions::from_mode(0o755));
    }
}

/// Opens `report` (in a folder that cannot be written), saves, and checks
/// that the sidecar is in `data`, nothing beside the report, and that the
/// notes load back.
fn check_notes_go_to_the_data_folder(report: &Path, doc: &Document, data: &Path) {
    let loaded = NotesFile::open(Some(report), doc, data);
    let mut notes = loaded.notes;
    let location = notes.location().clone();
    assert!(!location.beside_report);
    assert!(
        location.path.starts_with(data),
        "{}",
        location.path.display()
    );
    assert!(notes.diversion().is_none());
    let saved = vec![annotate(doc, QUOTES[3], "只读目录")];
    assert_eq!(notes.save(&saved).expect("saved"), SyncOutcome::Saved);
    assert_eq!(annotations_in(&location.path), saved);
    assert!(!beside(report).expect("sidecar name").exists());
    let reopened = NotesFile::open(Some(report), doc, data);
    assert_eq!(reopened.notes.location(), &location);
    assert_eq!(reopened.annotations, saved);
}

#[cfg(unix)]
#[test]
fn a_report_in_a_folder_that_cannot_be_written_keeps_its_notes_in_the_data_folder() {
    let dir = TempDir::new().expect("temp dir");
    let data = dir.path().join("data");
    let doc = Document::from_text(REPORT_NAME, REPORT);
    if running_as_root() {
        // Root writes through any permission; nobody can create files in /proc.
        check_notes_go_to_the_data_folder(Path::new("/proc/report.txt"), &doc, &data);
        return;
    }
    let folder = dir.path().join("locked");
    fs::create_dir(&folder).expect("folder");
    let report = folder.join(REPORT_NAME);
    fs::write(&report, REPORT).expect("report written");
    let _read_only = ReadOnly::make(&folder);
    check_notes_go_to_the_data_folder(&report, &doc, &data);
    let names: Vec<_> = fs::read_dir(&folder)
        .expect("folder")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, [REPORT_NAME]);
}

/// Our report opened with `a` and `b` saved, and another program's view of it.
fn opened_by_two(report: &Report) -> (NotesFile, Vec<Annotation>, NotesFile) {
    let ours = vec![
        report.annotate(QUOTES[0], "a"),
        report.annotate(QUOTES[1], "b"),
    ];
    let mut notes = report.open().notes;
    notes.save(&ours).expect("saved");
    let theirs = report.open();
    assert_eq!(theirs.annotations, ours);
    (notes, ours, theirs.notes)
}

#[test]
fn changes_made_by_another_program_while_open_are_merged() {
    let report = Report::new();
    let (mut notes, mut ours, mut other) = opened_by_two(&report);
    let mut theirs = ours.clone();
    theirs[1].note = "b, edited by them".into();
    theirs[1].touch();
    theirs.push(report.annotate(QUOTES[2], "c, added by them"));
    other.save(&theirs).expect("their save");
    ours.push(report.annotate(QUOTES[3], "d, added by us"));
    let SyncOutcome::Merged(merged) = notes.check_outside(&ours).expect("checked") else {
        panic!("the outside change was not noticed");
    };
    let expected = [
        "a",
        "b, edited by them",
        "c, added by them",
        "d, added by us",
    ];
    assert_eq!(notes_of(&merged), expected);
    assert_eq!(notes.save(&merged).expect("saved"), SyncOutcome::Saved);
    assert_eq!(notes_of(&annotations_in(&report.sidecar())), expected);
}

#[test]
fn a_change_that_keeps_size_and_time_is_still_merged_at_save() {
    let report = Report::new();
    let (mut notes, mut ours, _) = opened_by_two(&report);
    let path = report.sidecar();
    let before = fs::metadata(&path).expect("sidecar");
    let mut theirs = ours.clone();
    theirs[0].note = "x".into();
    let rewritten = report.sidecar_bytes(theirs);
    assert_eq!(rewritten.len() as u64, before.len());
    // Rewritten in place within one clock tick: size and time as before.
    fs::write(&path, &rewritten).expect("rewritten");
    let file = fs::File::options()
        .write(true)
        .open(&path)
        .expect("sidecar");
    file.set_modified(before.modified().expect("mtime"))
        .expect("mtime set");
    ours.push(report.annotate(QUOTES[4], "e"));
    let outcome = notes.save(&ours).expect("saved");
    assert!(matches!(outcome, SyncOutcome::Merged(_)), "{outcome:?}");
    assert_eq!(notes_of(&annotations_in(&path)), ["b", "e", "x"]);
}

#[test]
fn a_sidecar_broken_while_open_is_kept_and_an_older_recovery_file_too() {
    let report = Report::new();
    let earlier = report
        .sidecar()
        .with_file_name("report.txt.reportlens.recovery-2020-01-01T000000Z.json");
    let earlier_bytes = report.sidecar_bytes(vec![report.annotate(QUOTES[4], "上次会话")]);
    fs::write(&earlier, &earlier_bytes).expect("earlier recovery file");
    let (mut notes, mut ours, _) = opened_by_two(&report);
    let broken = b"{\"format\": \"reportlens-notes\", \"ver";
    fs::write(report.sidecar(), broken).expect("broken by another program");
    let SyncOutcome::Diverted(diversion) = notes.check_outside(&ours).expect("checked") else {
        panic!("the broken sidecar was not noticed");
    };
    assert!(
        diversion.reason.contains("not valid JSON"),
        "{}",
        diversion.reason
    );
    assert_ne!(diversion.recovery, earlier);
    ours.push(report.annotate(QUOTES[2], "c"));
    assert_eq!(notes.save(&ours).expect("saved"), SyncOutcome::Saved);
    assert_eq!(fs::read(report.sidecar()).expect("sidecar"), broken);
    assert_eq!(fs::read(&earlier).expect("earlier"), earlier_bytes);
    assert_eq!(annotations_in(&diversion.recovery), ours);
    assert_eq!(
        report.open().annotations,
        ours,
        "the newest recovery file is loaded"
    );
}

#[test]
fn notes_made_on_an_older_text_are_re_anchored() {
    let report = Report::new();
    let mut notes = report.open().notes;
    let saved: Vec<Annotation> = QUOTES[..3]
        .iter()
        .map(|quote| report.annotate(quote, quote))
        .collect();
    notes.save(&saved).expect("saved");
    let edited = format!(
        "前言:本报告经修订。\n{}",
        REPORT.replace("新增高新技术企业60家。", "")
    );
    fs::write(&report.path, &edited).expect("report edited");
    let doc = Document::from_text(REPORT_NAME, &edited);
    let loaded = NotesFile::open(Some(&report.path), &doc, &report.data);
    let expected = PlacementCounts {
        exact: 0,
        moved: 2,
        fuzzy: 0,
        unplaced: 1,
    };
    assert_eq!(loaded.placement, Some(expected));
    let text: Vec<char> = doc.text.chars().collect();
    for annotation in &loaded.annotations {
        let TextPosition { start, end } = annotation.anchor.position;
        let placed: String = text[start.min(end)..end.min(text.len())].iter().collect();
        let gone = annotation.note == QUOTES[2];
        assert_eq!(annotation.anchor.unplaced, gone, "{}", annotation.note);
        assert_eq!(placed == annotation.note, !gone, "{}", annotation.note);
    }
}

#[test]
fn a_hand_edited_position_is_checked_against_the_text() {
    let report = Report::new();
    let mut saved: Vec<Annotation> = QUOTES.iter().map(|q| report.annotate(q, q)).collect();
    saved[0].anchor.position = TextPosition {
        start: 5000,
        end: 5011,
    };
    saved[1].anchor.position = TextPosition { start: 30, end: 19 };
    saved[2].anchor.position.start += 1;
    saved[3].anchor.quote.exact = "这段文字不在报告里".into();
    fs::write(report.sidecar(), report.sidecar_bytes(saved)).expect("sidecar written");
    let loaded = report.open();
    let placement = loaded
        .placement
        .expect("the misplaced ones are re-anchored");
    assert_eq!(
        (placement.exact, placement.unplaced),
        (1, 1),
        "{placement:?}"
    );
    let text: Vec<char> = report.doc.text.chars().collect();
    for annotation in loaded.annotations.iter().filter(|a| !a.anchor.unplaced) {
        let TextPosition { start, end } = annotation.anchor.position;
        let placed: String = text[start..end].iter().collect();
        assert_eq!(placed, annotation.note);
    }
}

/// The crash test: a child process saves ever-changing annotations and is
/// killed at random moments; after every kill the sidecar holds one whole save.
#[cfg(unix)]
mod crash {
    use std::collections::BTreeSet;
    use std::env;
    use std::io::{BufRead, BufReader, Write};
    use std::os::unix::process::ExitStatusExt;
    use std::process::{Child, Command, Stdio};
    use std::thread;
    use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

    use super::*;

    /// The folder the child saves in; unset, the child test does nothing.
    const FOLDER_ENV: &str = "REPORTLENS_CRASH_TEST_FOLDER";
    /// The first generation the child saves.
    const GENERATION_ENV: &str = "REPORTLENS_CRASH_TEST_GENERATION";
    /// Set to repeat a run with the seed it printed.
    const SEED_ENV: &str = "REPORTLENS_CRASH_TEST_SEED";
    /// Kills in a run: 200, or REPORTLENS_CRASH_TEST_KILLS (the closing figures use 1,000 and more).
    const KILLS_ENV: &str = "REPORTLENS_CRASH_TEST_KILLS";
    const DEFAULT_KILLS: usize = 200;
    /// Longest random wait before a kill, in milliseconds.
    const MAX_WAIT_MS: u64 = 20;
    /// Time allowed per kill: the test stops after this times the kills even
    /// if it has not killed that often (and then fails).
    const TIME_PER_KILL: Duration = Duration::from_millis(600);

    fn kills() -> usize {
        env::var(KILLS_ENV)
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(DEFAULT_KILLS)
    }
    /// A child left running by a dead parent stops by itself after this.
    const CHILD_LIFETIME: Duration = Duration::from_secs(20);
    const SIGKILL: i32 = 9;

    /// How many annotations generation `n` saves: 1 to 23, changing every time.
    fn count_for(generation: u64) -> usize {
        1 + (generation * 7 % 23) as usize
    }

    /// Generation `n`: annotations whose notes all say "gen n".
    fn generation(report: &Report, generation: u64) -> Vec<Annotation> {
        (0..count_for(generation))
            .map(|i| {
                let quote = QUOTES[i % QUOTES.len()];
                let padding = "进展顺利。".repeat(i % 7);
                report.annotate(quote, &format!("gen {generation} #{i} {padding}"))
            })
            .collect()
    }

    fn generation_of(note: &str) -> u64 {
        note.strip_prefix("gen ")
            .and_then(|rest| rest.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("not a generation's note: {note:?}"))
    }

    /// The generation `path` holds, checking it is one whole save; None when absent.
    fn saved_generation(path: &Path) -> Option<u64> {
        if !path.exists() {
            return None;
        }
        let annotations = annotations_in(path);
        let generations: BTreeSet<u64> =
            annotations.iter().map(|a| generation_of(&a.note)).collect();
        assert_eq!(
            generations.len(),
            1,
            "{}: a mix of {generations:?}",
            path.display()
        );
        let generation = generations.into_iter().next()?;
        assert_eq!(
            annotations.len(),
            count_for(generation),
            "{}",
            path.display()
        );
        Some(generation)
    }

    /// The child: opens the report in `$FOLDER_ENV` and saves generation
    /// after generation, saying on standard output when each save starts and ends.
    #[test]
    #[ignore = "the child process of saves_survive_being_killed_at_random_moments"]
    fn child_saves_until_killed() {
        let Some(folder) = env::var_os(FOLDER_ENV) else {
            return;
        };
        let first: u64 = env::var(GENERATION_ENV)
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        let report = Report::in_folder(Path::new(&folder));
        let mut notes = report.open().notes;
        let mut out = std::io::stdout().lock();
        let mut say = |line: String| {
            writeln!(out, "{line}")
                .and_then(|()| out.flush())
                .expect("stdout");
        };
        if let Some(diversion) = notes.diversion() {
            return say(format!("refused {}", diversion.reason));
        }
        say("ready".into());
        let until = Instant::now() + CHILD_LIFETIME;
        for n in (first..).take_while(|_| Instant::now() < until) {
            say(format!("saving {n}"));
            match notes.save(&generation(&report, n)) {
                Ok(SyncOutcome::Saved) => say(format!("saved {n}")),
                other => return say(format!("failed {other:?}")),
            }
        }
    }

    /// A xorshift generator: enough randomness for kill times, no dependency.
    struct XorShift(u64);

    impl XorShift {
        fn seeded() -> Self {
            let seed = env::var(SEED_ENV)
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or_else(|| {
                    let now = SystemTime::now().duration_since(UNIX_EPOCH);
                    now.map_or(1, |d| d.as_nanos() as u64) | 1
                });
            println!("crash test seed {seed} (repeat with {SEED_ENV}={seed})");
            Self(seed)
        }

        fn below(&mut self, bound: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % bound
        }
    }

    /// What one child said before it was killed.
    #[derive(Debug, Default)]
    struct ChildLog {
        /// The last save that completed.
        saved: Option<u64>,
        /// A save that had started and not completed.
        in_progress: Option<u64>,
    }

    impl ChildLog {
        fn read(lines: impl Iterator<Item = String>) -> Self {
            let mut log = Self::default();
            for line in lines {
                if let Some(n) = line.strip_prefix("saving ") {
                    log.in_progress = n.parse().ok();
                } else if let Some(n) = line.strip_prefix("saved ") {
                    log.saved = n.parse().ok();
                    log.in_progress = None;
                } else {
                    assert!(
                        !line.starts_with("failed") && !line.starts_with("refused"),
                        "the child {line}"
                    );
                }
            }
            log
        }
    }

    /// A child that is killed if the test fails while it runs.
    struct Running(Child);

    impl Drop for Running {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }

    /// Starts a child saving from `generation` in `folder` and waits until it is ready.
    fn start_child(
        folder: &Path,
        generation: u64,
    ) -> (Running, BufReader<std::process::ChildStdout>) {
        let mut child = Command::new(env::current_exe().expect("test binary"))
            .args(["crash::child_saves_until_killed", "--exact", "--ignored"])
            .args(["--nocapture", "--test-threads=1"])
            .env(FOLDER_ENV, folder)
            .env(GENERATION_ENV, generation.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("child started");
        let mut stdout = BufReader::new(child.stdout.take().expect("child stdout"));
        let child = Running(child);
        // libtest's "test … " starts the line the child's first words end.
        let mut line = String::new();
        while !line.trim_end().ends_with("ready") {
            line.clear();
            let read = stdout.read_line(&mut line).expect("child stdout");
            assert!(
                read > 0 && !line.contains("refused"),
                "the child did not start: {line}"
            );
        }
        (child, stdout)
    }

    /// Kills one child after a random wait; returns what it said.
    fn kill_cycle(folder: &Path, generation: u64, random: &mut XorShift) -> ChildLog {
        let (mut child, stdout) = start_child(folder, generation);
        thread::sleep(Duration::from_millis(random.below(MAX_WAIT_MS + 1)));
        child.0.kill().expect("kill");
        let status = child.0.wait().expect("wait");
        assert_eq!(
            status.signal(),
            Some(SIGKILL),
            "the child ended by itself: {status}"
        );
        ChildLog::read(stdout.lines().map_while(Result::ok))
    }

    /// The kills so far and what they left on disk.
    #[derive(Debug, Default)]
    struct CrashRun {
        kills: usize,
        /// Kills while a save was under way.
        interrupted: usize,
        /// The generation the sidecar held after the last kill.
        held: Option<u64>,
        /// The generation the next child starts from.
        next: u64,
    }

    impl CrashRun {
        /// Checks that after the kill `log` tells of, `sidecar` holds the
        /// generation saved last or the one being saved, and `.bak` a whole one.
        fn after_kill(&mut self, log: ChildLog, sidecar: &Path) {
            self.kills += 1;
            self.interrupted += usize::from(log.in_progress.is_some());
            let on_disk = saved_generation(sidecar);
            let whole = [log.saved.or(self.held), log.in_progress];
            assert!(
                whole.contains(&on_disk),
                "{on_disk:?} after {self:?}, {log:?}"
            );
            saved_generation(&backup_path(sidecar));
            self.held = on_disk;
            self.next = log.in_progress.or(log.saved).map_or(self.next, |n| n + 1);
        }
    }

    /// Temporary files that killed saves left in `folder`.
    fn temporary_files(folder: &Path) -> usize {
        fs::read_dir(folder)
            .expect("folder")
            .filter_map(Result::ok)
            .filter(|entry| entry.path().extension().is_some_and(|x| x == "tmp"))
            .count()
    }

    #[test]
    fn saves_survive_being_killed_at_random_moments() {
        let report = Report::new();
        let mut random = XorShift::seeded();
        let started = Instant::now();
        let mut run = CrashRun::default();
        let (kills, budget) = (kills(), TIME_PER_KILL * kills() as u32);
        while run.kills < kills && started.elapsed() < budget {
            let log = kill_cycle(&report.folder, run.next, &mut random);
            run.after_kill(log, &report.sidecar());
            assert!(
                report.recovery_files().is_empty(),
                "a child refused the sidecar"
            );
        }
        println!(
            "{} kills in {:.1} s, {} during a save; {} temporary files of killed saves left \
             at the end (the next save removes them); {} generations saved",
            run.kills,
            started.elapsed().as_secs_f64(),
            run.interrupted,
            temporary_files(&report.folder),
            run.next
        );
        assert!(run.kills >= kills, "only {} kills in {budget:?}", run.kills);
        assert!(run.held.is_some() && backup_path(&report.sidecar()).exists());
        assert!(run.interrupted > 0, "no kill landed during a save");
    }
}

#[test]
fn two_annotations_with_one_id_both_survive_loading() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let report = dir.path().join("plan.txt");
    let text = "新增停车泊位1万个以上，建成微循环道路15条。";
    std::fs::write(&report, text).unwrap_or_else(|e| panic!("{e}"));
    let doc = reportlens::document::Document::open(&report).unwrap_or_else(|e| panic!("{e}"));
    let chars: Vec<char> = doc.text.chars().collect();
    let note = |start, end, words: &str| reportlens::annotations::Annotation {
        id: "same".into(),
        note: words.into(),
        ..reportlens::annotations::Annotation::new(
            reportlens::annotations::Anchor::capture(&chars, start, end),
            reportlens::annotations::Colour::Yellow,
        )
    };
    let sidecar = reportlens::annotations::Sidecar::new(
        reportlens::annotations::DocumentInfo::of(&doc),
        vec![note(0, 6, "甲"), note(12, 19, "乙")],
    );
    let mut name = report.as_os_str().to_owned();
    name.push(".reportlens.json");
    std::fs::write(std::path::PathBuf::from(name), sidecar.to_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
    let loaded = reportlens::annotations::NotesFile::open(Some(&report), &doc, dir.path());
    let store = reportlens::annotations::AnnotationStore::with(loaded.annotations);
    let notes: Vec<&str> = store.all().iter().map(|a| a.note.as_str()).collect();
    assert_eq!(notes, ["甲", "乙"]);
}
