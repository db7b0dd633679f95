//! The newsparse command-line program.
//!
//! ```text
//! newsparse [--format text|json|html] FILE... report on each article file (html: a page
//!                                             with quotes, speakers and entities marked)
//! newsparse --jsonl [FILE...]                 {"id","text"} lines in (stdin without FILE),
//!                                             one Document JSON line out per input line
//! ```

use std::borrow::Cow;
use std::io::{BufRead, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use newsparse::{Document, Extractor};
use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

/// The size of the input and output buffers: a document's JSON line runs to megabytes, and
/// 64 KiB moves it in an eighth of the system calls of the default 8 KiB.
const IO_BUFFER: usize = 1 << 16;

/// The usage message.
const USAGE: &str =
    "usage: newsparse [--format text|json|html] FILE...\n       newsparse --jsonl [FILE...]";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Html,
}

struct Args {
    format: Format,
    jsonl: bool,
    files: Vec<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args { format: Format::Text, jsonl: false, files: Vec::new() };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--jsonl" => args.jsonl = true,
            "--format" => {
                args.format = match it.next().as_deref() {
                    Some("text") => Format::Text,
                    Some("json") => Format::Json,
                    Some("html") => Format::Html,
                    other => {
                        return Err(format!("unknown format {other:?}; use text, json or html"));
                    }
                }
            }
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with('-') && s != "-" => return Err(format!("unknown option {s}")),
            _ => args.files.push(arg),
        }
    }
    if !args.jsonl && args.files.is_empty() {
        return Err("no input file".to_owned());
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(msg) => {
            if !msg.is_empty() {
                eprintln!("newsparse: {msg}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let extractor = Extractor::new();
    let ok =
        if args.jsonl { run_jsonl(&extractor, &args.files) } else { run_files(&extractor, &args) };
    if ok { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

/// Reports on each file; false when any file failed.
fn run_files(extractor: &Extractor, args: &Args) -> bool {
    let mut ok = true;
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(IO_BUFFER, stdout.lock());
    for path in &args.files {
        let text = match read_text(path) {
            Ok(text) => text,
            Err(msg) => {
                eprintln!("newsparse: {msg}");
                ok = false;
                continue;
            }
        };
        let doc = match extractor.parse(&text) {
            Ok(doc) => doc,
            Err(e) => {
                eprintln!("newsparse: {path}: {e}");
                ok = false;
                continue;
            }
        };
        let written = match args.format {
            Format::Json => serde_json::to_writer_pretty(&mut out, &doc)
                .map_err(std::io::Error::from)
                .and_then(|()| writeln!(out)),
            Format::Text => report(&mut out, &text, &doc),
            Format::Html => out.write_all(newsparse::to_html_page(&text, &doc).as_bytes()),
        };
        if let Err(e) = written {
            eprintln!("newsparse: cannot write output: {e}");
            return false;
        }
    }
    out.flush().is_ok() && ok
}

fn read_text(path: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{path}: not valid UTF-8 (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// The readable report: headline, quotes with their speakers, entities.
fn report(out: &mut impl Write, text: &str, doc: &Document) -> std::io::Result<()> {
    let s = &doc.structure;
    if let Some(h) = &s.headline {
        let source = h.source.as_ref().map(|s| format!("  [{}]", s.text)).unwrap_or_default();
        writeln!(out, "# {}{source}", h.text.text)?;
    }
    if let Some(d) = &s.dateline {
        writeln!(out, "dateline: {}", d.span.text(text))?;
    }
    writeln!(
        out,
        "\n{} paragraphs, {} sentences, {} quotes, {} entities",
        doc.paragraphs.len(),
        doc.sentences.len(),
        doc.quotes.len(),
        doc.entities.len()
    )?;
    writeln!(out, "\nQuotes")?;
    for q in &doc.quotes {
        let who = q.speaker.as_ref().and_then(|s| s.name.as_deref().or(s.text.as_deref()));
        let kind = serde_json::to_string(&q.kind).unwrap_or_default();
        writeln!(out, "  {:<24} {:<10} {}", who.unwrap_or("?"), kind.trim_matches('"'), q.text)?;
    }
    if !doc.entities.is_empty() {
        writeln!(out, "\nEntities")?;
        for e in &doc.entities {
            let kind = serde_json::to_string(&e.kind).unwrap_or_default();
            writeln!(
                out,
                "  {:<24} {:<13} {} mentions",
                e.name,
                kind.trim_matches('"'),
                e.mentions.len()
            )?;
        }
    }
    Ok(())
}

/// One output line: the input's id and the document, or the error.
#[derive(Serialize)]
struct Line<'a> {
    id: &'a serde_json::Value,
    #[serde(flatten)]
    doc: &'a Document,
}

/// Answers each `{"id","text"}` input line with one JSON line; false when any line failed.
fn run_jsonl(extractor: &Extractor, files: &[String]) -> bool {
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(IO_BUFFER, stdout.lock());
    let progress = std::io::stderr().is_terminal();
    let mut ok = true;
    let mut count = 0usize;
    let inputs: Vec<(String, Box<dyn BufRead>)> = if files.is_empty() {
        let stdin = std::io::BufReader::with_capacity(IO_BUFFER, std::io::stdin().lock());
        vec![("<stdin>".to_owned(), Box::new(stdin))]
    } else {
        let mut inputs: Vec<(String, Box<dyn BufRead>)> = Vec::new();
        for path in files {
            match std::fs::File::open(path) {
                Ok(f) => inputs.push((
                    path.clone(),
                    Box::new(std::io::BufReader::with_capacity(IO_BUFFER, f)),
                )),
                Err(e) => {
                    eprintln!("newsparse: cannot read {path}: {e}");
                    ok = false;
                }
            }
        }
        inputs
    };
    // one document, parsed into again for each line: its allocations are reused
    let mut doc = Document::default();
    let mut line = Vec::new();
    for (name, mut input) in inputs {
        let mut buf = Vec::new();
        for lineno in 1.. {
            buf.clear();
            match input.read_until(b'\n', &mut buf) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => {
                    eprintln!("newsparse: {name}: line {lineno}: {e}");
                    ok = false;
                    break;
                }
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            line.clear();
            let written = match answer(extractor, &buf, &mut doc) {
                Ok(id) => serde_json::to_writer(&mut line, &Line { id: &id, doc: &doc }),
                Err((id, msg)) => {
                    ok = false;
                    let msg = format!("{name}: line {lineno}: {msg}");
                    eprintln!("newsparse: {msg}");
                    serde_json::to_writer(&mut line, &serde_json::json!({"id": id, "error": msg}))
                }
            };
            line.push(b'\n');
            if written.map_err(std::io::Error::from).and_then(|()| out.write_all(&line)).is_err() {
                eprintln!("newsparse: cannot write output");
                return false;
            }
            count += 1;
            if progress && count % 50 == 0 {
                eprint!("\r{count} articles");
            }
        }
    }
    if progress {
        eprintln!("\r{count} articles");
    }
    out.flush().is_ok() && ok
}

/// Parses one input line into `doc`, giving its id, or its id (null when unreadable) and a
/// message.
fn answer(
    extractor: &Extractor,
    line: &[u8],
    doc: &mut Document,
) -> Result<serde_json::Value, (serde_json::Value, String)> {
    // the whole line is checked once, fields read past included, and then read as a `str`
    let line = std::str::from_utf8(line)
        .map_err(|e| (serde_json::Value::Null, format!("not UTF-8: {e}")))?;
    let input: Input<'_> = serde_json::from_str(line)
        .map_err(|e| (serde_json::Value::Null, format!("not a JSON object: {e}")))?;
    let Some(text) = input.text else {
        return Err((input.id, "no \"text\" string".to_owned()));
    };
    match extractor.parse_into(&text, doc) {
        Ok(()) => Ok(input.id),
        Err(e) => Err((input.id, e.to_string())),
    }
}

/// The two fields of an input line that the CLI reads: its `"id"` (any JSON value, null
/// when absent) and its `"text"` when that is a string. Other fields (a corpus's metadata, a
/// gold file's annotations) are read past without being built into values; of a field given
/// twice, the last counts.
struct Input<'a> {
    id: serde_json::Value,
    text: Option<Cow<'a, str>>,
}

impl<'de> Deserialize<'de> for Input<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(InputVisitor)
    }
}

/// Reads an [`Input`] from a JSON object.
struct InputVisitor;

impl<'de> Visitor<'de> for InputVisitor {
    type Value = Input<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Input<'de>, M::Error> {
        let mut input = Input { id: serde_json::Value::Null, text: None };
        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::Id => input.id = map.next_value()?,
                Key::Text => input.text = map.next_value::<Text<'de>>()?.0,
                Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(input)
    }
}

/// A field name of an input line, told without being copied.
enum Key {
    Id,
    Text,
    Other,
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

/// Reads a [`Key`].
struct KeyVisitor;

impl Visitor<'_> for KeyVisitor {
    type Value = Key;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E>(self, s: &str) -> Result<Key, E> {
        Ok(match s {
            "id" => Key::Id,
            "text" => Key::Text,
            _ => Key::Other,
        })
    }
}

/// The value of an input's `"text"` field: the string, borrowed from the line when it has
/// no escapes, or `None` when the value is no string.
struct Text<'a>(Option<Cow<'a, str>>);

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextVisitor)
    }
}

/// Reads a [`Text`]: a string is kept, any other value read past.
struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Text<'de>, E> {
        Ok(Text(Some(Cow::Borrowed(s))))
    }

    fn visit_str<E>(self, s: &str) -> Result<Text<'de>, E> {
        Ok(Text(Some(Cow::Owned(s.to_owned()))))
    }

    fn visit_string<E>(self, s: String) -> Result<Text<'de>, E> {
        Ok(Text(Some(Cow::Owned(s))))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Text<'de>, E> {
        Ok(Text(None))
    }

    fn visit_i64<E>(self, _: i64) -> Result<Text<'de>, E> {
        Ok(Text(None))
    }

    fn visit_u64<E>(self, _: u64) -> Result<Text<'de>, E> {
        Ok(Text(None))
    }

    fn visit_f64<E>(self, _: f64) -> Result<Text<'de>, E> {
        Ok(Text(None))
    }

    fn visit_unit<E>(self) -> Result<Text<'de>, E> {
        Ok(Text(None))
    }

    fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<Text<'de>, S::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Text(None))
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Text<'de>, M::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Text(None))
    }
}
