//! Parses the articles of a JSONL corpus of `{"id", "text"}` lines on one thread and does
//! nothing else: a harness for a profiler, which counts what the pipeline does rather than
//! timing it (`throughput` times it).
//!
//! ```text
//! cargo run --release --example parse_corpus -- CORPUS.jsonl [--first N] [--passes P] [--into]
//! ```
//!
//! `--first N` reads the first `N` articles only; `--passes P` parses them all `P` times
//! (default 1); `--into` parses each into one document it reuses (`parse_into`, as the CLI
//! does) rather than into a new one (`parse`). Before the corpus it parses one short text,
//! as `throughput` does. Prints how many articles, bytes and quotes it read and found.
//!
//! The first parse of a process builds the tables the stages share (the cue, boilerplate and
//! word tables), once: the cost of one pass as a long run sees it is a run of two passes less
//! a run of one. With callgrind, counting the instructions of the pipeline alone:
//!
//! ```text
//! valgrind --tool=callgrind --toggle-collect='newsparse::extractor::Extractor::run' \
//!     target/release/examples/parse_corpus CORPUS.jsonl --first 150 --into --passes 2
//! ```

use newsparse::{Document, Extractor};

#[path = "support/corpus.rs"]
mod corpus;

/// What to parse, and how, as the command line says.
struct Options {
    path: String,
    first: usize,
    passes: usize,
    into: bool,
}

fn main() {
    let options = match options(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(e) => {
            eprintln!("parse_corpus: {e}");
            eprintln!("usage: parse_corpus CORPUS.jsonl [--first N] [--passes P] [--into]");
            std::process::exit(2);
        }
    };
    let texts = match corpus::load(&options.path, options.first) {
        Ok(texts) => texts,
        Err(e) => {
            eprintln!("parse_corpus: {}: {e}", options.path);
            std::process::exit(1);
        }
    };
    let extractor = Extractor::new();
    let _ = extractor.parse(corpus::WARM_UP);
    let mut quotes = 0;
    let mut failed = 0;
    let mut doc = Document::default();
    for _ in 0..options.passes {
        for text in &texts {
            let found = if options.into {
                extractor.parse_into(text, &mut doc).map(|()| doc.quotes.len())
            } else {
                extractor.parse(text).map(|d| d.quotes.len())
            };
            match found {
                Ok(n) => quotes += n,
                Err(_) => failed += 1,
            }
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    println!(
        "{} articles, {bytes} bytes, {} × {}: {quotes} quotes, {failed} failed",
        texts.len(),
        if options.into { "parse_into" } else { "parse" },
        options.passes
    );
}

/// The options given in `args`.
fn options(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options { path: String::new(), first: usize::MAX, passes: 1, into: false };
    let number = |flag: &str, value: Option<String>| {
        let value = value.ok_or_else(|| format!("{flag} needs a number"))?;
        value.parse::<usize>().map_err(|_| format!("{flag} {value}: not a number"))
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--first" => options.first = number("--first", args.next())?,
            "--passes" => options.passes = number("--passes", args.next())?,
            "--into" => options.into = true,
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            _ if options.path.is_empty() => options.path = arg,
            _ => return Err(format!("one corpus only ({arg})")),
        }
    }
    if options.path.is_empty() {
        return Err("no corpus given".to_owned());
    }
    Ok(options)
}
