//! The command-line program's `--jsonl` mode (`examples/newsparse.rs`), run as a process:
//! what it reads of each input line, what it writes, and how it fails.
//!
//! The program is built by the test, with cargo, next to the test's own binary.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use serde_json::{Value, json};

#[path = "support/example.rs"]
mod example;

/// The reference article.
const ARTICLE: &str = include_str!("../../../examples/ukraine-guarantees.txt");

/// The example program, built once for all the tests.
fn program() -> PathBuf {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(|| example::build("newsparse")).clone()
}

/// Runs `newsparse --jsonl` with `input` on its standard input.
fn run_jsonl(input: &[u8]) -> Output {
    let mut child = Command::new(program())
        .arg("--jsonl")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the program starts");
    let mut stdin = child.stdin.take().expect("a pipe to its input");
    stdin.write_all(input).expect("the input is written");
    drop(stdin);
    child.wait_with_output().expect("the program ends")
}

/// The output's lines, each read as JSON.
fn lines(out: &Output) -> Vec<Value> {
    let stdout = std::str::from_utf8(&out.stdout).expect("UTF-8 output");
    stdout.lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect()
}

#[test]
fn a_line_gives_the_document_with_its_id_and_other_fields_are_ignored() {
    // an input line as a corpus gives it: metadata beside the text, the id a number
    let line = json!({
        "source": {"outlet": "UNN", "tags": ["Ukraine", 1, null, {"deep": [true]}]},
        "id": 7,
        "text": ARTICLE,
        "quotes": [{"start": 0, "end": 5}],
    });
    let out = run_jsonl(format!("{line}\n").as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let got = lines(&out);
    assert_eq!(got.len(), 1);
    // the document as the library writes it, with the id in front
    let mut want = serde_json::to_value(newsparse::parse(ARTICLE).unwrap()).unwrap();
    want.as_object_mut().unwrap().insert("id".into(), json!(7));
    assert_eq!(got[0], want);
    let speakers: Vec<&str> = got[0]["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|q| q["speaker"]["name"].as_str())
        .collect();
    assert!(speakers.contains(&"Patrick Turner"), "{speakers:?}");
}

#[test]
fn each_bad_line_gets_an_error_line_and_the_others_are_answered() {
    let input = [
        r#"{"id": "a", "text": "\"We will hold,\" said Jane Doe, the mayor."}"#,
        r#"{"id": "no-text"}"#,
        r#"{"id": "number", "text": 5}"#,
        r#"{"id": "object", "text": {"body": "x"}}"#,
        "",
        r#"{"id": "broken", "text": "#,
        r#"["not", "an", "object"]"#,
        r#"{"text": "first", "id": "twice", "text": "\"Yes,\" said Bob Smith."}"#,
    ]
    .join("\n");
    // a field that is not read is checked all the same: a line of JSON is UTF-8, and this
    // one has an "é" in Latin-1
    let mut input = input.into_bytes();
    input.extend_from_slice(b"\n{\"id\": \"latin-1\", \"text\": \"ok\", \"note\": \"caf\xe9\"}");
    let out = run_jsonl(&input);
    // a failed line fails the run, after every line is answered
    assert_eq!(out.status.code(), Some(1));
    let got = lines(&out);
    let ids: Vec<&Value> = got.iter().map(|l| &l["id"]).collect();
    assert_eq!(
        ids,
        [
            &json!("a"),
            &json!("no-text"),
            &json!("number"),
            &json!("object"),
            &Value::Null,
            &Value::Null,
            &json!("twice"),
            &Value::Null,
        ]
    );
    let error = |i: usize| got[i]["error"].as_str().unwrap_or_default().to_owned();
    assert!(got[0].get("error").is_none() && got[0]["quotes"][0]["speaker"]["name"] == "Jane Doe");
    for i in 1..=3 {
        assert!(error(i).ends_with(&format!("line {}: no \"text\" string", i + 1)), "{}", error(i));
    }
    assert!(error(4).starts_with("<stdin>: line 6: not a JSON object: "), "{}", error(4));
    assert!(error(5).starts_with("<stdin>: line 7: not a JSON object: "), "{}", error(5));
    // of a field given twice, the last counts
    assert_eq!(got[6]["quotes"][0]["text"], "Yes");
    assert_eq!(got[6]["quotes"][0]["speaker"]["name"], "Bob Smith");
    assert!(error(7).starts_with("<stdin>: line 9: not UTF-8: "), "{}", error(7));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().filter(|l| l.starts_with("newsparse: <stdin>: line ")).count(), 6);
}
