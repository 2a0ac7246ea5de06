//! Reading a JSON file the user may have edited by hand (a sidecar, a
//! workspace) into a typed value, refusing an object that names a key twice,
//! and saying where a mistake is: the field's path, the reason, and the real
//! line and column in the file.
//!
//! serde_json alone keeps the last of two equal keys (a map, a flattened map
//! of unknown fields, a `serde_json::Value`), so a hand-edited file could
//! silently lose the first; and an error found after going through
//! `serde_json::Value` has no position. Here the bytes are read twice: once
//! to check every object for a repeated key, once into the target type, both
//! straight from the bytes and tracked with `serde_path_to_error`.

use std::collections::HashSet;
use std::fmt;

use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use thiserror::Error;

/// What kind of mistake a [`JsonError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonErrorKind {
    /// Not JSON at all: a missing comma, a cut-off file, trailing text.
    Syntax,
    /// An object names the same key twice.
    DuplicateKey,
    /// JSON, but not of the expected shape: a field missing or of the wrong type.
    Shape,
}

/// Why a JSON file could not be read, and where. Its message reads
/// `annotations[3].anchor.start: invalid type: string "x", expected usize at line 12, column 20`
/// (no path when the mistake is at the top level; syntax errors start with
/// `not valid JSON:`).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub struct JsonError {
    /// What kind of mistake it is.
    pub kind: JsonErrorKind,
    /// The field at fault (`annotations[3].anchor.start`, or for a repeated
    /// key the object holding it); empty at the top level.
    pub path: String,
    /// What is wrong, e.g. `duplicate key "annotations"` or serde_json's reason.
    pub reason: String,
    /// 1-based line of the mistake in the file.
    pub line: usize,
    /// 1-based column of the mistake in the file.
    pub column: usize,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.kind == JsonErrorKind::Syntax {
            f.write_str("not valid JSON: ")?;
        } else if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        write!(
            f,
            "{} at line {}, column {}",
            self.reason, self.line, self.column
        )
    }
}

/// Reads `bytes` as JSON into a `T`, refusing any object (at any depth, in
/// maps and unknown fields too) that names a key twice.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, JsonError> {
    deserialize::<KeysOnce>(bytes, JsonErrorKind::DuplicateKey)?;
    deserialize(bytes, JsonErrorKind::Shape)
}

/// Reads the whole of `bytes` into a `T`; errors that are not syntax
/// errors are of `data_kind`.
fn deserialize<T: DeserializeOwned>(
    bytes: &[u8],
    data_kind: JsonErrorKind,
) -> Result<T, JsonError> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        JsonError::new(error.inner(), data_kind, path)
    })?;
    deserializer
        .end()
        .map_err(|error| JsonError::new(&error, data_kind, String::new()))?;
    Ok(value)
}

impl JsonError {
    /// The error serde_json gave at `path` ("." is the top level).
    fn new(error: &serde_json::Error, data_kind: JsonErrorKind, path: String) -> Self {
        use serde_json::error::Category;
        let kind = match error.classify() {
            Category::Data => data_kind,
            Category::Syntax | Category::Eof | Category::Io => JsonErrorKind::Syntax,
        };
        let message = error.to_string();
        Self {
            kind,
            path: if path == "." { String::new() } else { path },
            reason: match error.line() {
                0 => message,
                _ => without_location(&message),
            },
            line: error.line(),
            column: error.column(),
        }
    }
}

/// serde_json's message without its " at line L column C" (kept apart).
fn without_location(message: &str) -> String {
    message
        .rsplit_once(" at line ")
        .map_or(message, |(reason, _)| reason)
        .to_string()
}

/// Any JSON value, read only to check that none of its objects names a key
/// twice. The error is raised right after the second key is read, so
/// serde_json gives it that key's line and column.
struct KeysOnce;

impl<'de> Deserialize<'de> for KeysOnce {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(KeysOnce)
    }
}

impl<'de> Visitor<'de> for KeysOnce {
    type Value = KeysOnce;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self, E> {
        Ok(KeysOnce)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self, E> {
        Ok(KeysOnce)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self, E> {
        Ok(KeysOnce)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self, E> {
        Ok(KeysOnce)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self, E> {
        Ok(KeysOnce)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self, E> {
        Ok(KeysOnce)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Self, A::Error> {
        while items.next_element::<KeysOnce>()?.is_some() {}
        Ok(KeysOnce)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Self, A::Error> {
        let mut keys = HashSet::new();
        while let Some(key) = entries.next_key::<String>()? {
            if keys.contains(&key) {
                return Err(de::Error::custom(format_args!("duplicate key {key:?}")));
            }
            entries.next_value::<KeysOnce>()?;
            keys.insert(key);
        }
        Ok(KeysOnce)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Point {
        x: u32,
        #[serde(default)]
        y: u32,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Open {
        name: String,
        #[serde(flatten)]
        unknown: serde_json::Map<String, serde_json::Value>,
    }

    fn refusal<T: DeserializeOwned + fmt::Debug>(json: &str) -> JsonError {
        match parse_json::<T>(json.as_bytes()) {
            Ok(value) => panic!("{json} was read as {value:?}"),
            Err(error) => error,
        }
    }

    #[test]
    fn reads_what_is_valid() {
        let points: Vec<Point> =
            parse_json(br#"[{"x": 1}, {"x": 2, "y": 3}]"#).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(points, [Point { x: 1, y: 0 }, Point { x: 2, y: 3 }]);
    }

    #[test]
    fn a_wrong_type_names_the_field_and_its_position() {
        let json = "{\n  \"points\": [\n    {\"x\": 1},\n    {\"x\": \"one\"}\n  ]\n}";
        let error = refusal::<BTreeMap<String, Vec<Point>>>(json);
        assert_eq!(error.kind, JsonErrorKind::Shape);
        assert_eq!(
            error.to_string(),
            "points[1].x: invalid type: string \"one\", expected u32 at line 4, column 15"
        );
    }

    #[test]
    fn a_missing_field_names_the_object() {
        let error = refusal::<Vec<Point>>("[{\"x\": 1},\n {\"y\": 2}]");
        assert_eq!(
            error.to_string(),
            "[1]: missing field `x` at line 2, column 9"
        );
    }

    #[test]
    fn a_syntax_error_says_so_with_its_position() {
        let error = refusal::<Vec<Point>>("[{\"x\": 1}\n {\"x\": 2}]");
        assert_eq!(error.kind, JsonErrorKind::Syntax);
        assert_eq!(
            error.to_string(),
            "not valid JSON: expected `,` or `]` at line 2, column 2"
        );
        assert_eq!(refusal::<Point>("{\"x\": 1} x").kind, JsonErrorKind::Syntax);
        assert_eq!(refusal::<Point>("").line, 1);
    }

    #[test]
    fn a_struct_field_twice_is_refused() {
        let error = refusal::<Point>("{\"x\": 1,\n \"x\": 2}");
        assert_eq!(error.kind, JsonErrorKind::DuplicateKey);
        assert_eq!(error.to_string(), "duplicate key \"x\" at line 2, column 4");
    }

    #[test]
    fn a_map_key_twice_is_refused() {
        let error = refusal::<BTreeMap<String, u32>>("{\"报告\": 1, \"a\": 2, \"报告\": 3}");
        assert_eq!(error.reason, "duplicate key \"报告\"");
        // The same key written with an escape is the same key.
        let error = refusal::<BTreeMap<String, u32>>(r#"{"a": 1, "\u0061": 2}"#);
        assert_eq!(error.reason, "duplicate key \"a\"");
    }

    #[test]
    fn an_unknown_field_twice_is_refused() {
        let error = refusal::<Open>(r#"{"name": "a", "extra": 1, "extra": 2}"#);
        assert_eq!(error.reason, "duplicate key \"extra\"");
        let error = refusal::<Open>(r#"{"name": "a", "name": "b"}"#);
        assert_eq!(error.reason, "duplicate key \"name\"");
    }

    #[test]
    fn a_nested_key_twice_names_its_object() {
        let json = r#"{"name": "a", "extra": [{"deep": {"k": 1, "k": 2}}]}"#;
        let error = refusal::<Open>(json);
        assert_eq!(error.path, "extra[0].deep");
        assert_eq!(error.reason, "duplicate key \"k\"");
        let value = refusal::<serde_json::Value>(json);
        assert_eq!(value.path, "extra[0].deep");
    }

    #[test]
    fn equal_keys_in_different_objects_are_fine() {
        let json = r#"{"name": "a", "b": {"name": 1}, "c": [{"name": 2}, {"name": 3}]}"#;
        assert!(parse_json::<Open>(json.as_bytes()).is_ok());
    }
}
