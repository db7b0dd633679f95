//! The profiling harness (`examples/parse_corpus.rs`), run as a process: it parses what it
//! is told to, as many times as it is told, and says what it found; a bad command line or
//! corpus gets a clear error.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use newsparse::Extractor;
use serde_json::json;

#[path = "support/example.rs"]
mod example;

/// The reference article.
const ARTICLE: &str = include_str!("../../../examples/ukraine-guarantees.txt");

/// A second article, with one quote.
const SHORT: &str = "\"We will not stop,\" said Patrick Turner in Kyiv on Monday.";

/// The harness, built once for all the tests.
fn program() -> PathBuf {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(|| example::build("parse_corpus")).clone()
}

/// Runs the harness with `args`.
fn run(args: &[&str]) -> Output {
    Command::new(program()).args(args).output().expect("the program runs")
}

/// A JSONL corpus of `texts` (with a blank line, which is skipped) in a file of its own,
/// named after the test.
fn corpus(name: &str, texts: &[&str]) -> PathBuf {
    let path = std::env::temp_dir().join(format!("newsparse-{name}-{}.jsonl", std::process::id()));
    let mut lines = String::new();
    for (id, text) in texts.iter().enumerate() {
        lines.push_str(&json!({"id": id, "source": "test", "text": text}).to_string());
        lines.push_str("\n\n");
    }
    std::fs::write(&path, lines).expect("the corpus is written");
    path
}

fn stdout(out: &Output) -> &str {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    std::str::from_utf8(&out.stdout).expect("UTF-8 output").trim_end()
}

fn quotes(texts: &[&str]) -> usize {
    let extractor = Extractor::new();
    texts.iter().map(|t| extractor.parse(t).expect("parses").quotes.len()).sum()
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 temporary path")
}

#[test]
fn it_parses_the_first_articles_each_pass_and_counts_their_quotes() {
    let path = corpus("passes", &[ARTICLE, SHORT, "No quotes here."]);
    let two = quotes(&[ARTICLE, SHORT]);
    assert!(quotes(&[ARTICLE]) >= 10 && quotes(&[SHORT]) == 1, "the texts have quotes");
    let bytes = ARTICLE.len() + SHORT.len();
    for into in [false, true] {
        let mut args = vec![arg(&path), "--first", "2", "--passes", "3"];
        let how = if into {
            args.push("--into");
            "parse_into"
        } else {
            "parse"
        };
        let want = format!("2 articles, {bytes} bytes, {how} × 3: {} quotes, 0 failed", 3 * two);
        assert_eq!(stdout(&run(&args)), want);
    }
    // by default: every article, once
    let all = ARTICLE.len() + SHORT.len() + "No quotes here.".len();
    let want = format!("3 articles, {all} bytes, parse × 1: {two} quotes, 0 failed");
    assert_eq!(stdout(&run(&[arg(&path)])), want);
    let _ = std::fs::remove_file(path);
}

#[test]
fn a_bad_command_line_or_corpus_is_told_and_nothing_is_parsed() {
    let path = corpus("bad", &[SHORT]);
    let usage = [
        (vec![], "no corpus given"),
        (vec![arg(&path), "--passes"], "--passes needs a number"),
        (vec![arg(&path), "--first", "two"], "--first two: not a number"),
        (vec![arg(&path), "--fast"], "unknown option --fast"),
        (vec![arg(&path), arg(&path)], "one corpus only"),
    ];
    for (args, said) in usage {
        let out = run(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(said) && stderr.contains("usage:"), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    let _ = std::fs::remove_file(path);
    let broken =
        std::env::temp_dir().join(format!("newsparse-broken-{}.jsonl", std::process::id()));
    std::fs::write(&broken, "{\"text\": \"fine\"}\n{\"text\": 3}\n").expect("written");
    for (file, said) in [
        (broken.as_path(), "line 2: no \"text\" string"),
        (Path::new("/no/such/corpus.jsonl"), "corpus.jsonl: "),
    ] {
        let out = run(&[arg(file)]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains(said), "{stderr}");
        assert!(out.stdout.is_empty());
    }
    let _ = std::fs::remove_file(broken);
}
