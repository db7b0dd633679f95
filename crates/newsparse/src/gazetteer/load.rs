//! Loading gazetteers from TSV and JSON. A file loads whole or not at all.

use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;

use super::store::{Store, Text};
use super::{Entry, EntryKind, Gazetteer, GazetteerBuilder, Gender};
use crate::chars::{ONES, zero8};
use crate::error::Error;

/// Loads a TSV or JSON gazetteer file, chosen by extension.
pub(super) fn from_file(path: &Path) -> Result<Gazetteer, Error> {
    let bytes =
        std::fs::read(path).map_err(|source| Error::Io { path: path.to_owned(), source })?;
    let origin = path.display().to_string();
    let text =
        String::from_utf8(bytes).map_err(|e| not_utf8(&origin, e.as_bytes(), e.utf8_error()))?;
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
        json(&origin, &text)?.build_as(&origin)
    } else {
        tsv(&origin, Text::Shared(Arc::from(text)))
    }
}

/// A file that is not UTF-8 is a malformed gazetteer, not one that cannot be read: the error
/// names the line and byte of the first invalid sequence.
fn not_utf8(origin: &str, bytes: &[u8], e: std::str::Utf8Error) -> Error {
    let valid = &bytes[..e.valid_up_to()];
    let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let at = e.valid_up_to() - line_start + 1;
    bad(origin, line, format!("not UTF-8 (invalid byte at byte {at} of the line)"))
}

fn bad(origin: &str, line: usize, message: impl Into<String>) -> Error {
    Error::Gazetteer { origin: origin.to_owned(), line, message: message.into() }
}

/// Parses TSV lines `name<TAB>kind[<TAB>alias|alias…[<TAB>stands for]]` into a gazetteer
/// whose names are slices of `text`.
pub(super) fn tsv(origin: &str, text: Text) -> Result<Gazetteer, Error> {
    let mut store = Store::default();
    tsv_into(&mut store, origin, text)?;
    Ok(Gazetteer::with_store(store))
}

/// Adds the TSV `text` to `store`.
pub(super) fn tsv_into(store: &mut Store, origin: &str, text: Text) -> Result<(), Error> {
    // Embedded files are checked by a test, not at every start.
    let (src, checked) = match &text {
        Text::Static(s) => (Text::Static(s), true),
        Text::Shared(s) => (Text::Shared(s.clone()), false),
    };
    let index = store.push_text(text);
    let body: &str = match &src {
        Text::Static(s) => s,
        Text::Shared(s) => s,
    };
    for (i, line) in Split::new(body, b'\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let blank = if checked { line.is_empty() } else { line.trim().is_empty() };
        if blank || line.starts_with('#') {
            continue;
        }
        tsv_line(store, index, line, checked).map_err(|m| bad(origin, i + 1, m))?;
    }
    Ok(())
}

fn tsv_line(store: &mut Store, index: u32, line: &str, checked: bool) -> Result<(), String> {
    let mut fields = Split::new(line, b'\t');
    let name = fields.next().unwrap_or("");
    let kind_field = fields.next().ok_or("expected name<TAB>kind")?.trim();
    let kind: EntryKind = kind_field.parse()?;
    let aliases = fields.next().unwrap_or("");
    let stands_for = fields.next().filter(|s| !s.is_empty());
    if fields.next().is_some() {
        return Err("more than 4 fields".to_owned());
    }
    let mut all = Split::new(aliases, b'|').filter(|a| !a.is_empty());
    if !checked {
        for n in std::iter::once(name).chain(all.clone()).chain(stands_for) {
            super::entry::check_name(n)?;
        }
    }
    store.add(index, (name, kind, gender(kind_field)), &mut all, stands_for);
    Ok(())
}

/// `str::split` on one ASCII byte, found eight bytes at a time ([`find_byte`]): the default
/// gazetteer's 40,000 lines are split at start-up, where `str::split`'s searcher set up per
/// call cost a third of the build, and a `memchr` call per line and per field (a dozen
/// bytes or so) a quarter.
#[derive(Clone)]
struct Split<'a> {
    rest: Option<&'a str>,
    sep: u8,
}

impl<'a> Split<'a> {
    fn new(s: &'a str, sep: u8) -> Split<'a> {
        Split { rest: Some(s), sep }
    }
}

impl<'a> Iterator for Split<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest?;
        match find_byte(rest.as_bytes(), self.sep) {
            // the separator is ASCII, so both sides are on character boundaries
            Some(at) => {
                self.rest = Some(&rest[at + 1..]);
                Some(&rest[..at])
            }
            None => {
                self.rest = None;
                Some(rest)
            }
        }
    }
}

/// Where the first `sep` of `b` is, read eight bytes at a time.
fn find_byte(b: &[u8], sep: u8) -> Option<usize> {
    let pattern = ONES * u64::from(sep);
    let mut i = 0;
    while let Some(chunk) = b.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let hits = zero8(u64::from_le_bytes(*chunk) ^ pattern);
        if hits != 0 {
            return Some(i + (hits.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    b.get(i..).unwrap_or_default().iter().position(|&c| c == sep).map(|p| i + p)
}

fn gender(kind: &str) -> Option<Gender> {
    match kind {
        "given:m" => Some(Gender::Male),
        "given:f" => Some(Gender::Female),
        _ => None,
    }
}

/// One entry of a JSON gazetteer.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonEntry {
    name: String,
    #[serde(deserialize_with = "kind")]
    kind: (EntryKind, Option<Gender>),
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    stands_for: Option<String>,
}

fn kind<'de, D: serde::Deserializer<'de>>(d: D) -> Result<(EntryKind, Option<Gender>), D::Error> {
    let s = String::deserialize(d)?;
    let kind = s.parse().map_err(serde::de::Error::custom)?;
    Ok((kind, gender(&s)))
}

/// Parses a JSON array of entries.
pub(super) fn json(origin: &str, text: &str) -> Result<GazetteerBuilder, Error> {
    let entries: Vec<JsonEntry> = serde_json::from_str(text).map_err(|e| {
        let msg = e.to_string();
        let msg = msg.split(" at line ").next().unwrap_or(&msg).to_owned();
        bad(origin, e.line(), msg)
    })?;
    let mut builder = GazetteerBuilder::new();
    for (i, e) in entries.into_iter().enumerate() {
        let mut entry = Entry::new(e.name, e.kind.0).with_gender(e.kind.1);
        for alias in e.aliases {
            entry = entry.alias(alias);
        }
        if let Some(target) = e.stands_for {
            entry = entry.stands_for(target);
        }
        let origin_i = format!("{origin} (entry {})", i + 1);
        entry.check().map_err(|m| bad(&origin_i, 0, m))?;
        builder.entry(entry);
    }
    Ok(builder)
}

/// The `phrase<TAB>class` rows of `tsv` (a data file of the crate: the cue phrases, the
/// name words), as `str::lines` and `str::split_once('\t')` read them, without the comment
/// lines (starting with `#`) and the lines without a tab: the line feeds and tabs found eight
/// bytes at a time, where searches for each line's end and then for its tab cost about a
/// hundred instructions each for the few bytes of a row, and a loop over the bytes nine a
/// byte. Read once a process, for each file, when the first parse needs it.
pub(crate) fn tsv_rows(tsv: &str) -> Vec<(&str, &str)> {
    let b = tsv.as_bytes();
    // a row of the crate's files is a dozen bytes or more
    let mut out = Vec::with_capacity(b.len() / 12 + 1);
    // the line being read starts at `start`, and its first tab is at `tab` (`usize::MAX`:
    // none yet)
    let (mut start, mut tab) = (0, usize::MAX);
    // a line feed or a tab at `i`, or the end of the text at `i == b.len()`
    let mut at = |i: usize| {
        if i < b.len() && b[i] == b'\t' {
            tab = tab.min(i);
            return;
        }
        // a line's "\r" before its "\n" ends its class, which is trimmed
        let end = if i > start && i < b.len() && b[i - 1] == b'\r' { i - 1 } else { i };
        if tab < end && b[start] != b'#' {
            out.push((&tsv[start..tab], &tsv[tab + 1..end]));
        }
        (start, tab) = (i + 1, usize::MAX);
    };
    let mut chunks = b.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().expect("chunks of eight"));
        let mut hits = zero8(x ^ (ONES * u64::from(b'\n'))) | zero8(x ^ (ONES * u64::from(b'\t')));
        while hits != 0 {
            at(base + (hits.trailing_zeros() / 8) as usize);
            hits &= hits - 1;
        }
        base += 8;
    }
    for (i, &c) in chunks.remainder().iter().enumerate() {
        if c == b'\n' || c == b'\t' {
            at(base + i);
        }
    }
    at(b.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_splits_as_str_split_does() {
        let pieces = ["", "a", "\t", "|", "\n", "Kyiv", "é", "abcdefgh", "\t\t"];
        for s in crate::chars::strings_of(&pieces, 4) {
            for sep in [b'\t', b'|', b'\n'] {
                let want: Vec<&str> = s.split(char::from(sep)).collect();
                assert_eq!(Split::new(&s, sep).collect::<Vec<_>>(), want, "{s:?}");
            }
        }
    }

    #[test]
    fn rows_are_read_as_lines_and_split_once_read_them() {
        let reference = |tsv: &'static str| -> Vec<(&'static str, &'static str)> {
            let rows =
                tsv.lines().filter_map(|l| l.split_once('\t').filter(|_| !l.starts_with('#')));
            rows.collect()
        };
        // (strings of up to five pieces, and each after seven bytes, across the eight-byte
        // chunks)
        for s in crate::chars::strings_of(&["a", "\t", "\n", "#", "\r", " "], 5)
            .into_iter()
            .flat_map(|s| [s.clone(), format!("abcdefg{s}")])
        {
            let s: &'static str = Box::leak(s.into_boxed_str());
            assert_eq!(tsv_rows(s), reference(s), "{s:?}");
        }
        for tsv in [include_str!("../../data/cues.tsv"), include_str!("../../data/name_words.tsv")]
        {
            assert_eq!(tsv_rows(tsv), reference(tsv));
        }
    }
}
