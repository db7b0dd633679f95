//! `parse` on arbitrary UTF-8: never a panic, every span on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let doc = newsparse::parse(text).expect("texts under the maximum size always parse");
    let json = serde_json::to_value(&doc).expect("documents serialise");
    check(text, &json);
});

fn check(text: &str, value: &serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            if let (Some(s), Some(e)) = (map.get("start"), map.get("end")) {
                let (s, e) = (s.as_u64().unwrap() as usize, e.as_u64().unwrap() as usize);
                assert!(text.get(s..e).is_some(), "span {s}..{e} off character boundaries");
            }
            map.values().for_each(|v| check(text, v));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| check(text, v)),
        _ => {}
    }
}
