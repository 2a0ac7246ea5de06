//! Files that try to hang, exhaust or mislead ReportLens: a FIFO or a device
//! given as a report or a sidecar, a sidecar over the size limit, UTF-16
//! without a byte-order mark, UTF-8 with a bad byte, sidecars with a wrongly
//! typed field or a key written twice. Each is refused at once with a message
//! saying why and where, or read with a warning saying what was replaced;
//! nothing blocks, nothing is silently dropped.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use reportlens::annotations::notes_file::beside;
use reportlens::annotations::sidecar::{self, DocumentInfo, Sidecar};
use reportlens::annotations::{Anchor, Annotation, Colour, Loaded, NotesFile, SyncOutcome};
use reportlens::Document;
use tempfile::TempDir;

/// Longer than any of these cases takes when it works; a hang fails the test.
const TIMEOUT: Duration = Duration::from_secs(20);

const REPORT_NAME: &str = "report.txt";
const REPORT: &str = "一、主要目标\n地区生产总值增长7%左右。新增停车泊位1万个以上。\n\
                      二、重点工作\n新增高新技术企业60家。城镇新增就业2.5万人。\n";
const FIXTURE: &str = "tests/fixtures/001_0ace6510012baace.txt";

// ---- helpers --------------------------------------------------------------

/// Runs `work` on a thread of its own, failing if it takes over [`TIMEOUT`].
fn within_timeout<T: Send + 'static>(what: &str, work: impl FnOnce() -> T + Send + 'static) -> T {
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        let _ = sender.send(work());
    });
    receiver
        .recv_timeout(TIMEOUT)
        .unwrap_or_else(|_| panic!("{what} did not finish within {TIMEOUT:?}: it blocks"))
}

/// Runs the real binary with `args` in `folder`, killing it (and failing)
/// if it has not exited within [`TIMEOUT`].
fn reportlens(folder: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_reportlens"))
        .args(args)
        .current_dir(folder)
        .env("REPORTLENS_DATA_DIR", folder.join("data"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("reportlens starts");
    let started = Instant::now();
    while child.try_wait().expect("reportlens runs").is_none() {
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("reportlens {args:?} did not exit within {TIMEOUT:?}: it blocks");
        }
        thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("reportlens output")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Makes a named pipe at `path` (nobody ever writes to it).
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// A folder holding [`REPORT`] as `report.txt`.
fn report_folder() -> (TempDir, PathBuf) {
    let dir = TempDir::new().expect("temp dir");
    let path = dir.path().join(REPORT_NAME);
    fs::write(&path, REPORT).expect("report written");
    (dir, path)
}

/// Opens the notes of the report at `report` (its text is [`REPORT`]) without
/// blocking the test forever.
fn open_notes(report: &Path) -> Loaded {
    let report = report.to_path_buf();
    within_timeout("opening the notes", move || {
        let doc = Document::from_text(REPORT_NAME, REPORT);
        let data = report.with_file_name("data");
        NotesFile::open(Some(&report), &doc, &data)
    })
}

/// The reason `loaded` was diverted to a recovery file, with no notes loaded.
fn refusal(loaded: &Loaded) -> String {
    let diversion = loaded.notes.diversion().expect("the sidecar is refused");
    assert!(loaded.annotations.is_empty());
    assert_ne!(diversion.recovery, loaded.notes.location().path);
    diversion.reason.clone()
}

fn annotate(doc: &Document, quote: &str) -> Annotation {
    let byte = doc.text.find(quote).expect("quote in the text");
    let start = doc.text[..byte].chars().count();
    let chars: Vec<char> = doc.text.chars().collect();
    Annotation::new(
        Anchor::capture(&chars, start, start + quote.chars().count()),
        Colour::Yellow,
    )
}

/// A valid, pretty-printed sidecar of [`REPORT`] with two annotations.
fn valid_sidecar() -> String {
    let doc = Document::from_text(REPORT_NAME, REPORT);
    let annotations = vec![
        annotate(&doc, "新增停车泊位1万个以上"),
        annotate(&doc, "新增高新技术企业60家"),
    ];
    let bytes = Sidecar::new(DocumentInfo::of(&doc), annotations).to_bytes();
    String::from_utf8(bytes).expect("sidecars are UTF-8")
}

/// The 1-based line of the `nth` (0-based) line of `text` containing `needle`.
fn line_of(text: &str, needle: &str, nth: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, line)| line.contains(needle))
        .nth(nth)
        .map(|(index, _)| index + 1)
        .expect("needle in the text")
}

/// The reason the report's sidecar holding `json` is refused.
fn sidecar_refusal(json: &str) -> String {
    let (_dir, report) = report_folder();
    fs::write(beside(&report).expect("sidecar path"), json).expect("sidecar written");
    refusal(&open_notes(&report))
}

fn fixture_bytes() -> Vec<u8> {
    fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE)).expect("fixture")
}

// ---- item 8: special files as reports ----------------------------------------

#[test]
fn a_fifo_as_report_is_refused_at_once_saying_what_it_is() {
    let (dir, _) = report_folder();
    let fifo = dir.path().join("pipe.txt");
    mkfifo(&fifo);
    let error = within_timeout("opening a FIFO", move || Document::open(&fifo).err());
    let message = error.expect("a FIFO is refused").to_string();
    assert!(message.contains("pipe.txt"), "{message}");
    assert!(message.contains("named pipe (FIFO)"), "{message}");
}

#[test]
fn a_device_as_report_is_refused_without_reading_it() {
    let error = within_timeout("opening /dev/zero", || {
        Document::open(Path::new("/dev/zero")).err()
    });
    let message = error.expect("/dev/zero is refused").to_string();
    assert!(message.contains("character device"), "{message}");
}

#[test]
fn cli_extract_of_a_fifo_or_a_device_exits_1_at_once() {
    let (dir, _) = report_folder();
    mkfifo(&dir.path().join("pipe.txt"));
    for (file, what) in [
        ("pipe.txt", "named pipe (FIFO)"),
        ("/dev/zero", "character device"),
    ] {
        let started = Instant::now();
        let out = reportlens(dir.path(), &["extract", file]);
        assert_eq!(out.status.code(), Some(1), "{file}: {}", stderr(&out));
        assert!(stderr(&out).contains(what), "{file}: {}", stderr(&out));
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{file} took {:?}",
            started.elapsed()
        );
    }
}

#[test]
fn cli_export_of_a_fifo_exits_1_at_once() {
    let (dir, _) = report_folder();
    mkfifo(&dir.path().join("pipe.txt"));
    let out = reportlens(dir.path(), &["export", "pipe.txt", "--format", "md"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("named pipe (FIFO)"),
        "{}",
        stderr(&out)
    );
}

// ---- items 8 and 9: special and oversized files as sidecars -------------------

#[test]
fn a_fifo_as_sidecar_is_refused_at_once_and_the_notes_diverted() {
    let (_dir, report) = report_folder();
    mkfifo(&beside(&report).expect("sidecar path"));
    let reason = refusal(&open_notes(&report));
    assert!(reason.contains("named pipe (FIFO)"), "{reason}");
}

#[test]
fn a_sidecar_linked_to_dev_zero_is_refused_without_reading_it() {
    let (_dir, report) = report_folder();
    std::os::unix::fs::symlink("/dev/zero", beside(&report).expect("sidecar path"))
        .expect("symlink");
    let reason = refusal(&open_notes(&report));
    assert!(reason.contains("character device"), "{reason}");
}

#[test]
fn a_sidecar_over_the_size_limit_is_refused_without_reading_it() {
    let (_dir, report) = report_folder();
    let file = fs::File::create(beside(&report).expect("sidecar path")).expect("sidecar");
    file.set_len(sidecar::MAX_BYTES + 1).expect("sparse file");
    let reason = refusal(&open_notes(&report));
    assert!(
        reason.contains(&format!("{}-byte limit", sidecar::MAX_BYTES)),
        "{reason}"
    );
}

#[test]
fn a_sidecar_that_becomes_a_fifo_while_open_diverts_the_notes() {
    let (_dir, report) = report_folder();
    let sidecar_path = beside(&report).expect("sidecar path");
    fs::write(&sidecar_path, valid_sidecar()).expect("sidecar written");
    let Loaded {
        mut notes,
        annotations,
        ..
    } = open_notes(&report);
    assert!(notes.diversion().is_none());
    assert_eq!(annotations.len(), 2);
    fs::remove_file(&sidecar_path).expect("sidecar removed");
    mkfifo(&sidecar_path);
    let saved = annotations.clone();
    let (outcome, notes) = within_timeout("saving beside a FIFO", move || {
        (notes.save(&saved).map_err(|e| e.to_string()), notes)
    });
    let Ok(SyncOutcome::Diverted(diversion)) = outcome else {
        panic!("the FIFO was not refused: {outcome:?}");
    };
    assert!(
        diversion.reason.contains("named pipe (FIFO)"),
        "{}",
        diversion.reason
    );
    assert_eq!(notes.target(), diversion.recovery);
    let recovered = sidecar::parse(&fs::read(&diversion.recovery).expect("recovery file"));
    assert_eq!(recovered.map(|s| s.annotations).ok(), Some(annotations));
}

// ---- item 10: decoding ------------------------------------------------------

fn utf16_without_bom(text: &str, big_endian: bool) -> Vec<u8> {
    text.encode_utf16()
        .flat_map(|unit| {
            if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            }
        })
        .collect()
}

#[test]
fn utf16_without_a_bom_is_decoded() {
    let text = String::from_utf8(fixture_bytes()).expect("UTF-8 fixture");
    let reference = Document::from_bytes(REPORT_NAME, text.as_bytes()).expect("reference");
    for (big_endian, name) in [(false, "UTF-16LE"), (true, "UTF-16BE")] {
        let doc = Document::from_bytes(REPORT_NAME, &utf16_without_bom(&text, big_endian))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(doc.encoding, name);
        assert!(doc.text == reference.text, "{name}: text differs");
    }
}

#[test]
fn short_utf16_without_a_bom_is_decoded() {
    for text in [
        "2021年计划\n",
        "一、总体要求\r\n　　全年新增高新技术企业60家。\r\n",
    ] {
        for (big_endian, name) in [(false, "UTF-16LE"), (true, "UTF-16BE")] {
            let doc = Document::from_bytes(REPORT_NAME, &utf16_without_bom(text, big_endian))
                .unwrap_or_else(|e| panic!("{name} {text:?}: {e}"));
            assert_eq!(
                (doc.encoding.as_str(), doc.text.as_str()),
                (name, text.replace("\r\n", "\n").as_str())
            );
        }
    }
}

#[test]
fn binary_with_nul_bytes_is_still_binary() {
    let mut bytes: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    bytes[10] = 0;
    let message = Document::from_bytes("data.bin", &bytes)
        .err()
        .map(|e| e.to_string());
    assert!(message.is_some_and(|m| m.contains("not a text file")));
}

/// The fixture with its first ASCII digit from byte 1234 on made invalid
/// (one bad byte), with that byte's offset and line.
fn fixture_with_bad_byte() -> (Vec<u8>, usize, usize) {
    let mut bytes = fixture_bytes();
    let offset = (1234..bytes.len())
        .find(|&i| bytes[i].is_ascii_digit())
        .expect("a digit in the fixture");
    bytes[offset] = 0xFF;
    let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
    (bytes, offset, line)
}

#[test]
fn utf8_with_one_bad_byte_is_read_with_a_warning_saying_where() {
    let (bytes, offset, line) = fixture_with_bad_byte();
    let doc = Document::from_bytes(REPORT_NAME, &bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(doc.encoding, "UTF-8");
    assert_eq!(doc.text.matches('\u{FFFD}').count(), 1);
    let warnings: Vec<String> = doc.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [format!(
            "1 invalid UTF-8 byte at byte {offset} (line {line}), shown as \u{FFFD}"
        )]
    );
}

#[test]
fn utf8_with_a_damaged_chinese_char_is_read_with_a_warning_saying_where() {
    let mut bytes = fixture_bytes();
    let continuation = (1234..bytes.len())
        .find(|&i| (0x80..0xC0).contains(&bytes[i]))
        .expect("a Chinese char in the fixture");
    let lead = (0..continuation)
        .rev()
        .find(|&i| bytes[i] >= 0xC0)
        .expect("its first byte");
    bytes[continuation] = 0xFF;
    let line = bytes[..lead].iter().filter(|&&b| b == b'\n').count() + 1;
    let doc = Document::from_bytes(REPORT_NAME, &bytes).unwrap_or_else(|e| panic!("{e}"));
    let warnings: Vec<String> = doc.warnings.iter().map(ToString::to_string).collect();
    let expected = format!("3 invalid UTF-8 bytes at byte {lead} (line {line}), shown as \u{FFFD}");
    assert_eq!(warnings, [expected]);
}

#[test]
fn cli_prints_the_decoding_warning_and_succeeds() {
    let (dir, _) = report_folder();
    let (bytes, offset, line) = fixture_with_bad_byte();
    fs::write(dir.path().join("bad.txt"), bytes).expect("written");
    for command in ["extract", "outline"] {
        let out = reportlens(dir.path(), &[command, "bad.txt"]);
        assert_eq!(out.status.code(), Some(0), "{command}: {}", stderr(&out));
        let expected = format!(
            "reportlens: warning: bad.txt: 1 invalid UTF-8 byte at byte {offset} (line {line}), shown as \u{FFFD}\n"
        );
        assert_eq!(stderr(&out), expected, "{command}");
    }
}

#[test]
fn undecidable_utf8_names_its_first_bad_byte() {
    let (mut bytes, first, line) = fixture_with_bad_byte();
    for offset in (first..bytes.len()).step_by(97) {
        bytes[offset] = 0xFF;
    }
    let message = Document::from_bytes(REPORT_NAME, &bytes)
        .err()
        .map(|e| e.to_string());
    let message = message.expect("too many bad bytes to guess");
    assert!(
        message.contains("encoding cannot be determined"),
        "{message}"
    );
    assert!(
        message.contains(&format!(
            "the first invalid byte is at byte {first} (line {line})"
        )),
        "{message}"
    );
}

// ---- item 10 (c): a wrongly typed field in a sidecar ----------------------------

#[test]
fn a_wrongly_typed_sidecar_field_is_named_with_its_real_position() {
    let valid = valid_sidecar();
    let line = line_of(&valid, "\"start\":", 1);
    let mut lines: Vec<String> = valid.lines().map(str::to_string).collect();
    lines[line - 1] = "          \"start\": \"x\",".to_string();
    let reason = sidecar_refusal(&lines.join("\n"));
    let expected = format!(
        "annotations[1].anchor.position.start: invalid type: string \"x\", expected usize at line {line}, column 22"
    );
    assert!(reason.contains(&expected), "{reason}\nexpected: {expected}");
}

#[test]
fn a_missing_sidecar_field_is_named() {
    let valid = valid_sidecar();
    let without = valid
        .lines()
        .filter(|line| !line.contains("\"colour\""))
        .collect::<Vec<_>>()
        .join("\n");
    let reason = sidecar_refusal(&without);
    assert!(
        reason.contains("annotations[0]: missing field `colour`"),
        "{reason}"
    );
}

// ---- item 15: a key written twice --------------------------------------------------

/// `valid` with `extra` inserted as a line after the line holding `after`.
fn inserted(valid: &str, after: &str, extra: &str) -> String {
    let line = line_of(valid, after, 0);
    let mut lines: Vec<&str> = valid.lines().collect();
    lines.insert(line, extra);
    lines.join("\n")
}

#[test]
fn a_top_level_key_written_twice_is_refused_naming_it_and_its_line() {
    let json = inserted(&valid_sidecar(), "\"version\"", "  \"annotations\": [],");
    let line = line_of(&json, "\"annotations\"", 1);
    let reason = sidecar_refusal(&json);
    assert!(
        reason.contains(&format!("duplicate key \"annotations\" at line {line}")),
        "{reason}"
    );
}

#[test]
fn an_unknown_top_level_key_written_twice_is_refused() {
    let json = inserted(
        &valid_sidecar(),
        "\"version\"",
        "  \"synced_by\": \"a\",\n  \"synced_by\": \"b\",",
    );
    let line = line_of(&json, "\"synced_by\"", 1);
    let reason = sidecar_refusal(&json);
    assert!(
        reason.contains(&format!("duplicate key \"synced_by\" at line {line}")),
        "{reason}"
    );
}

#[test]
fn a_nested_key_written_twice_is_refused_with_its_path() {
    let json = inserted(&valid_sidecar(), "\"start\":", "          \"start\": 0,");
    let line = line_of(&json, "\"start\":", 1);
    let reason = sidecar_refusal(&json);
    let expected =
        format!("annotations[0].anchor.position: duplicate key \"start\" at line {line}");
    assert!(reason.contains(&expected), "{reason}\nexpected: {expected}");
}

#[test]
fn an_unknown_annotation_key_written_twice_is_refused() {
    let twice = "      \"reviewer\": \"李\",\n      \"reviewer\": \"王\",";
    let json = inserted(&valid_sidecar(), "\"colour\"", twice);
    let line = line_of(&json, "\"reviewer\"", 1);
    let reason = sidecar_refusal(&json);
    let expected = format!("annotations[0]: duplicate key \"reviewer\" at line {line}");
    assert!(reason.contains(&expected), "{reason}\nexpected: {expected}");
}

#[test]
fn a_key_written_twice_in_a_recovery_file_is_not_loaded_from_it() {
    let (_dir, report) = report_folder();
    let sidecar_path = beside(&report).expect("sidecar path");
    fs::write(&sidecar_path, "{").expect("broken sidecar");
    let recovery =
        sidecar_path.with_file_name("report.txt.reportlens.recovery-2020-01-01T000000Z.json");
    let json = inserted(&valid_sidecar(), "\"version\"", "  \"annotations\": [],");
    fs::write(&recovery, json).expect("recovery file");
    let loaded = open_notes(&report);
    let diversion = loaded.notes.diversion().expect("diverted");
    assert_ne!(
        diversion.recovery, recovery,
        "a recovery file with a key twice is not resumed"
    );
    assert!(loaded.annotations.is_empty());
}
