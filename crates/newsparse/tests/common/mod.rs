//! Checks shared by the integration tests.

use newsparse::Document;
use serde_json::Value;

/// Every span in the document's JSON (an object with numeric `start` and `end`) lies inside
/// `text` on character boundaries, and every `text` beside a span is the spanned text.
pub(crate) fn assert_spans_valid(text: &str, doc: &Document) -> Result<(), String> {
    let value = serde_json::to_value(doc).map_err(|e| e.to_string())?;
    check(text, &value, "$")
}

fn check(text: &str, value: &Value, path: &str) -> Result<(), String> {
    match value {
        Value::Object(map) => {
            if let (Some(s), Some(e)) = (map.get("start"), map.get("end")) {
                let (s, e) =
                    (s.as_u64().unwrap_or(u64::MAX) as usize, e.as_u64().unwrap_or(0) as usize);
                let Some(spanned) = text.get(s..e) else {
                    return Err(format!(
                        "{path}: span {s}..{e} is not on character boundaries of a {}-byte text",
                        text.len()
                    ));
                };
                if let Some(Value::String(t)) = map.get("text") {
                    if t != spanned {
                        return Err(format!("{path}: text {t:?} is not the spanned {spanned:?}"));
                    }
                }
            }
            map.iter().try_for_each(|(k, v)| check(text, v, &format!("{path}.{k}")))
        }
        Value::Array(items) => {
            items.iter().enumerate().try_for_each(|(i, v)| check(text, v, &format!("{path}[{i}]")))
        }
        _ => Ok(()),
    }
}
