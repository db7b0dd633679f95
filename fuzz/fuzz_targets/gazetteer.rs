//! Gazetteer loading on arbitrary bytes, through every public way in: `Gazetteer::from_tsv`,
//! `Gazetteer::from_json`, `Gazetteer::from_file` and `ExtractorBuilder::gazetteer_file` (TSV
//! and JSON by extension). Never a panic; whatever loads must also match and parse.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use newsparse::{Extractor, Gazetteer};

fuzz_target!(|bytes: &[u8]| {
    for path in files() {
        std::fs::write(path, bytes).expect("the fuzzer's scratch files are writable");
        let loaded = Gazetteer::from_file(path);
        let mut builder = Extractor::builder();
        let built = builder.default_gazetteer(false).gazetteer_file(path).build();
        assert_eq!(loaded.is_ok(), built.is_ok(), "from_file and gazetteer_file disagree");
        if let (Ok(g), Ok(extractor)) = (loaded, built) {
            exercise(&g, &extractor, bytes);
        }
    }
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    for loaded in [Gazetteer::from_tsv("fuzz", text), Gazetteer::from_json("fuzz", text)] {
        let Ok(g) = loaded else { continue };
        let extractor = Extractor::builder().default_gazetteer(false).gazetteer(g.clone()).build();
        exercise(&g, &extractor.expect("an in-memory gazetteer always builds"), bytes);
    }
});

/// Looks up, matches and parses with a loaded gazetteer, using the input's own text.
fn exercise(g: &Gazetteer, extractor: &Extractor, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for m in g.find_iter(&text) {
        let span = m.span();
        assert!(text.get(span.start..span.end).is_some(), "match off character boundaries");
        assert!(g.get(m.name()).is_some(), "a match's name is in the gazetteer");
    }
    let sample = format!("{text}\n\"It is done,\" {text} said. {text} told {text} on Monday.");
    extractor.parse(&sample).expect("texts under the maximum size always parse");
}

/// A `.tsv` and a `.json` scratch file, one pair per fuzzing process.
fn files() -> &'static [PathBuf; 2] {
    static FILES: OnceLock<[PathBuf; 2]> = OnceLock::new();
    FILES.get_or_init(|| {
        let dir = std::env::temp_dir();
        let id = std::process::id();
        [
            dir.join(format!("newsparse-fuzz-{id}.tsv")),
            dir.join(format!("newsparse-fuzz-{id}.json")),
        ]
    })
}
