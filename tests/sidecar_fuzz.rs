//! Property tests of reading sidecars: no bytes, however mangled, panic
//! `sidecar::parse`, and loading a mangled sidecar of a real report through
//! `NotesFile::open` neither panics nor yields a placed annotation whose
//! position does not hold its quote in the text (hand-edited positions out of
//! range, reversed or pointing at other words are re-anchored or unplaced).

use std::fs;
use std::sync::OnceLock;

use proptest::prelude::*;
use reportlens::annotations::notes_file::beside;
use reportlens::annotations::sidecar::{self, DocumentInfo, Sidecar};
use reportlens::annotations::{Anchor, Annotation, Colour, NotesFile, Status};
use reportlens::{Document, Extractor};
use serde_json::{json, Value};
use tempfile::TempDir;

const REPORT_NAME: &str = "report.txt";
const REPORT: &str = include_str!("fixtures/004_c1005eb52102c714.txt");
/// Char spans of the report annotated in the valid sidecar that is mangled.
const SPANS: [(usize, usize); 4] = [(0, 12), (200, 230), (900, 911), (2000, 2040)];

/// Fields of the valid sidecar that mutations delete or replace.
const FIELDS: [&str; 20] = [
    "/format",
    "/version",
    "/document",
    "/document/sha256",
    "/document/file_name",
    "/document/char_count",
    "/annotations",
    "/annotations/0",
    "/annotations/0/id",
    "/annotations/0/anchor",
    "/annotations/0/anchor/position",
    "/annotations/0/anchor/position/start",
    "/annotations/1/anchor/position/end",
    "/annotations/2/anchor/quote/exact",
    "/annotations/2/anchor/quote/prefix",
    "/annotations/3/anchor/unplaced",
    "/annotations/1/colour",
    "/annotations/1/tags",
    "/annotations/2/status",
    "/annotations/4/indicator/kind",
];

fn report() -> &'static Document {
    static DOC: OnceLock<Document> = OnceLock::new();
    DOC.get_or_init(|| Document::from_text(REPORT_NAME, REPORT))
}

fn report_chars() -> &'static [char] {
    static CHARS: OnceLock<Vec<char>> = OnceLock::new();
    CHARS.get_or_init(|| report().text.chars().collect())
}

/// A valid sidecar of the report: plain highlights with notes, tags and a
/// status, and a tracked indicator.
fn valid_sidecar() -> Value {
    let text = report_chars();
    let mut annotations: Vec<Annotation> = SPANS
        .iter()
        .map(|&(start, end)| Annotation {
            note: format!("笔记 {start}"),
            tags: vec!["经济".into(), "目标".into()],
            status: Some(Status::InProgress),
            ..Annotation::new(Anchor::capture(text, start, end), Colour::Green)
        })
        .collect();
    let indicator = &Extractor::shared().extract(report())[0];
    let anchor = Anchor::capture(text, indicator.span.start, indicator.span.end);
    annotations.push(Annotation::tracking(anchor, indicator));
    let bytes = Sidecar::new(DocumentInfo::of(report()), annotations).to_bytes();
    serde_json::from_slice(&bytes).expect("a sidecar is JSON")
}

/// True when the placed position of `annotation` holds its quote.
fn holds_its_quote(annotation: &Annotation) -> bool {
    let text = report_chars();
    let (start, end) = (annotation.anchor.start(), annotation.anchor.end());
    start < end
        && end <= text.len()
        && text[start..end]
            .iter()
            .copied()
            .eq(annotation.anchor.quote.exact.chars())
}

/// Parses `bytes` and opens the report with them as its sidecar.
fn load(bytes: &[u8]) -> Result<(), TestCaseError> {
    let _ = sidecar::parse(bytes);
    let dir = TempDir::new().map_err(|e| TestCaseError::fail(e.to_string()))?;
    let report_path = dir.path().join(REPORT_NAME);
    let sidecar_path = beside(&report_path).expect("sidecar name");
    fs::write(&sidecar_path, bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let loaded = NotesFile::open(Some(&report_path), report(), &dir.path().join("data"));
    for annotation in loaded.annotations.iter().filter(|a| !a.anchor.unplaced) {
        prop_assert!(
            holds_its_quote(annotation),
            "placed at {:?} but the text there is not {:?}",
            annotation.anchor.position,
            annotation.anchor.quote.exact
        );
    }
    let on_disk = fs::read(&sidecar_path).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(on_disk.as_slice(), bytes, "loading changed the sidecar");
    Ok(())
}

/// A value to put in a field: huge, negative, fractional, of the wrong type.
fn odd_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<u64>().prop_map(|n| json!(n)),
        any::<i64>().prop_map(|n| json!(n)),
        (0usize..3000).prop_map(|n| json!(n)),
        Just(json!(u64::MAX)),
        Just(json!(-1)),
        Just(json!(1e300)),
        Just(json!(0.5)),
        Just(json!(null)),
        Just(json!(true)),
        Just(json!("")),
        Just(json!("不在文中的文字")),
        "\\PC{0,12}".prop_map(|s| json!(s)),
        Just(json!([1, null, {}])),
        Just(json!({"start": 5, "end": 2})),
    ]
}

/// One change to the parsed sidecar.
#[derive(Debug, Clone)]
enum Mutation {
    Delete(&'static str),
    Set(&'static str, Value),
    /// Moves an annotation's start past its end by this much.
    Reverse(usize, usize),
    /// Makes the sidecar one of an earlier text, so it is re-anchored.
    OlderText,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let field = prop::sample::select(FIELDS.to_vec());
    prop_oneof![
        field.clone().prop_map(Mutation::Delete),
        (field, odd_value()).prop_map(|(f, v)| Mutation::Set(f, v)),
        (0usize..5, 0usize..50).prop_map(|(i, by)| Mutation::Reverse(i, by)),
        Just(Mutation::OlderText),
    ]
}

fn apply(sidecar: &mut Value, mutation: &Mutation) {
    match mutation {
        Mutation::Delete(field) => {
            let (parent, key) = field.rsplit_once('/').expect("a pointer");
            match sidecar.pointer_mut(parent) {
                Some(Value::Object(map)) => drop(map.remove(key)),
                Some(Value::Array(items)) => {
                    if let Ok(i) = key.parse::<usize>() {
                        if i < items.len() {
                            items.remove(i);
                        }
                    }
                }
                _ => {}
            }
        }
        Mutation::Set(field, value) => {
            if let Some(slot) = sidecar.pointer_mut(field) {
                *slot = value.clone();
            }
        }
        Mutation::Reverse(i, by) => {
            let field = format!("/annotations/{i}/anchor/position");
            if let Some(Value::Object(position)) = sidecar.pointer_mut(&field) {
                let end = position.get("end").and_then(Value::as_u64).unwrap_or(0);
                position.insert("start".into(), json!(end + 1 + *by as u64));
            }
        }
        Mutation::OlderText => {
            if let Some(hash) = sidecar.pointer_mut("/document/sha256") {
                *hash = json!("0".repeat(64));
            }
        }
    }
}

/// Byte damage done after the JSON changes: none, a truncation or a flip.
#[derive(Debug, Clone)]
enum Damage {
    None,
    Truncate(prop::sample::Index),
    Flip(prop::sample::Index, u8),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        2 => Just(Damage::None),
        1 => any::<prop::sample::Index>().prop_map(Damage::Truncate),
        1 => (any::<prop::sample::Index>(), any::<u8>()).prop_map(|(i, b)| Damage::Flip(i, b)),
    ]
}

fn damaged(mut bytes: Vec<u8>, damage: &Damage) -> Vec<u8> {
    match damage {
        Damage::None => {}
        Damage::Truncate(at) => bytes.truncate(at.index(bytes.len())),
        Damage::Flip(at, with) => {
            let at = at.index(bytes.len());
            bytes[at] ^= with | 1;
        }
    }
    bytes
}

/// JSON-like text: the sidecar's own keys and values, brackets and odd numbers.
fn json_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        prop::sample::select(vec![
            "{",
            "}",
            "[",
            "]",
            ":",
            ",",
            "\"",
            "null",
            "true",
            "-1",
            "1e999",
            "18446744073709551616",
            "\"\\ud800\"",
            "\"format\":\"reportlens-notes\"",
            "\"version\":",
            "\"document\":",
            "\"annotations\":",
            "\"anchor\":",
            "\"position\":",
            "\"start\":",
            "\"end\":",
            "\"quote\":",
            "\"exact\":",
            "\"tags\":",
            "\"colour\":\"yellow\"",
            "\"id\":\"x\"",
        ])
        .prop_map(String::from),
        "[0-9]{1,25}",
        "\"\\PC{0,8}\"",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        load(&bytes)?;
    }

    #[test]
    fn json_like_text_never_panics(text in json_like()) {
        load(text.as_bytes())?;
    }

    #[test]
    fn mangled_sidecars_load_safely(
        mutations in prop::collection::vec(mutation(), 1..5),
        damage in damage(),
    ) {
        let mut sidecar = valid_sidecar();
        for mutation in &mutations {
            apply(&mut sidecar, mutation);
        }
        let bytes = serde_json::to_vec_pretty(&sidecar).expect("JSON");
        load(&damaged(bytes, &damage))?;
    }
}

#[test]
fn the_valid_sidecar_loads_every_annotation_in_place() {
    let bytes = serde_json::to_vec(&valid_sidecar()).expect("JSON");
    let dir = TempDir::new().expect("temp dir");
    let report_path = dir.path().join(REPORT_NAME);
    fs::write(beside(&report_path).expect("sidecar name"), &bytes).expect("written");
    let loaded = NotesFile::open(Some(&report_path), report(), &dir.path().join("data"));
    assert!(loaded.notes.diversion().is_none());
    assert_eq!(loaded.placement, None);
    assert_eq!(loaded.annotations.len(), SPANS.len() + 1);
    assert!(loaded.annotations.iter().all(holds_its_quote));
}
