//! `parse` on arbitrary UTF-8: never a panic, every span on character boundaries; and
//! `parse_into` a document that every run on the thread reuses gives the same document.
#![no_main]

use std::cell::RefCell;

use libfuzzer_sys::fuzz_target;

thread_local! {
    /// The document every run on this thread parses into.
    static REUSED: RefCell<newsparse::Document> = RefCell::default();
}

fuzz_target!(|text: &str| {
    let doc = newsparse::parse(text).expect("texts under the maximum size always parse");
    let json = serde_json::to_value(&doc).expect("documents serialise");
    check(text, &json);
    REUSED.with_borrow_mut(|reused| {
        let extractor = extractor();
        extractor.parse_into(text, reused).expect("texts under the maximum size always parse");
        assert!(*reused == doc, "parse_into differs from parse");
    });
});

/// The extractor `parse_into` runs with: the default one, built once.
fn extractor() -> &'static newsparse::Extractor {
    static EXTRACTOR: std::sync::OnceLock<newsparse::Extractor> = std::sync::OnceLock::new();
    EXTRACTOR.get_or_init(newsparse::Extractor::new)
}

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
