//! Where a dataset document that failed to parse goes wrong, said in the terms of the document.
//!
//! serde_json locates errors by line and column, which is all a syntax error or a cut-short file
//! can be located by. A document that is valid JSON but not a dataset (a missing field, a value
//! of the wrong type, an unknown kind) is better located by record: `articles[3].title`, with
//! the record's id in the reason. Finding the record takes a second parse, which only failed
//! loads pay for.

use serde::de::DeserializeOwned;
use serde_json::Value;
use serde_json::error::Category;

use super::{Article, Dataset, Figure, Metric, Region};

/// A failed parse of `json` as a location and a reason.
pub(super) fn parse_error(json: &str, e: &serde_json::Error) -> (String, String) {
    let line_col = format!("line {}, column {}", e.line(), e.column());
    let message = without_position(e);
    match e.classify() {
        Category::Eof => (
            line_col,
            format!(
                "{message}: the file ends early, it was probably cut short; \
                 rebuild it with `gaoxin build`"
            ),
        ),
        Category::Data => locate(json).unwrap_or((line_col, message)),
        Category::Syntax | Category::Io => (line_col, message),
    }
}

/// serde_json's message without the ` at line L column C` it appends.
fn without_position(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    match message.strip_suffix(&position) {
        Some(m) => m.to_string(),
        None => message,
    }
}

/// The first record of a well-formed JSON document that does not fit the dataset types.
fn locate(json: &str) -> Option<(String, String)> {
    let doc: Value = serde_json::from_str(json).ok()?;
    if let Some(top) = doc.as_object() {
        let sections: [(&str, &str, Check); 4] = [
            ("articles", "article", fits::<Article>),
            ("regions", "region", fits::<Region>),
            ("metrics", "metric", fits::<Metric>),
            ("figures", "figure", fits::<Figure>),
        ];
        for (section, noun, check) in sections {
            let Some(items) = top.get(section).and_then(Value::as_array) else {
                continue;
            };
            for (i, item) in items.iter().enumerate() {
                if let Err(message) = check(item) {
                    let at = format!("{section}[{i}]");
                    let id = item
                        .as_object()
                        .and_then(|o| o.get("id"))
                        .and_then(Value::as_str);
                    let reason = match id {
                        Some(id) => format!("{noun} {id}: {message}"),
                        None => message.clone(),
                    };
                    return Some((field_path(at, &message), reason));
                }
            }
        }
    }
    // Not an object, or a section missing or of the wrong type.
    let e = serde_json::from_value::<Dataset>(doc).err()?;
    let message = e.to_string();
    let at = field_path(String::new(), &message);
    let at = if at.is_empty() {
        "top level".into()
    } else {
        at
    };
    Some((at, message))
}

type Check = fn(&Value) -> Result<(), String>;

fn fits<T: DeserializeOwned>(v: &Value) -> Result<(), String> {
    T::deserialize(v).map(|_| ()).map_err(|e| e.to_string())
}

/// `record.field` when serde names a missing field, else `record`.
fn field_path(record: String, message: &str) -> String {
    let field = message
        .strip_prefix("missing field `")
        .and_then(|m| m.split('`').next());
    match field {
        Some(f) if record.is_empty() => f.to_string(),
        Some(f) => format!("{record}.{f}"),
        None => record,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(json: &str) -> (String, String) {
        let e = serde_json::from_str::<Dataset>(json).unwrap_err();
        parse_error(json, &e)
    }

    const OK: &str = r#"{"schema_version":1,"articles":[],"regions":[],"metrics":[],"figures":[]}"#;

    #[test]
    fn missing_fields_are_located_by_record_and_field() {
        let json = OK.replace(
            r#""articles":[]"#,
            r#""articles":[{"id":"a#0","source":"s","title":"t","text":"x"},{"id":"a#1","source":"s","text":"x"}]"#,
        );
        let (at, why) = error(&json);
        assert_eq!(at, "articles[1].title");
        assert_eq!(why, "article a#1: missing field `title`");
    }

    #[test]
    fn wrong_types_and_kinds_are_located_by_record() {
        let json = OK.replace(
            r#""regions":[]"#,
            r#""regions":[{"id":"cn","name":"全国","kind":"planet","parent":null,"aliases":[],"lon":null,"lat":null}]"#,
        );
        let (at, why) = error(&json);
        assert_eq!(at, "regions[0]");
        assert!(
            why.starts_with("region cn: unknown variant `planet`"),
            "{why}"
        );
        let (at, why) = error(r#"{"schema_version":1,"articles":[]}"#);
        assert_eq!(
            (at.as_str(), why.as_str()),
            ("regions", "missing field `regions`")
        );
        let (at, _) = error("[1, 2]");
        assert_eq!(at, "top level");
    }

    #[test]
    fn cut_files_and_syntax_errors_keep_line_and_column() {
        let (at, why) = error(&OK[..30]);
        assert_eq!(at, "line 1, column 30");
        assert!(
            why.contains("EOF while parsing") && why.contains("cut short"),
            "{why}"
        );
        assert!(!why.contains("at line"), "{why}");
        let (at, why) = error(r#"{"schema_version":1,,}"#);
        assert_eq!(at, "line 1, column 21");
        assert_eq!(why, "key must be a string");
    }
}
