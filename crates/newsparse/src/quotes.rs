//! Quotes: words in quotation marks, and the speaker named beside them.

use std::sync::LazyLock;

use regex::Regex;

use crate::document::{Quote, QuoteKind, Region, SourceKind, Span, Speaker};
use crate::segment::{QuoteMark, Quoted, Segments};

/// A speaker's name: capitalised words, or a personal pronoun.
const NAME: &str =
    r"(?:[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|bin|al-\w+))*|[Hh]e|[Ss]he|[Tt]hey)";
const VERB: &str = r"(?:said|says|told|added|asked|wrote|writes)";

/// After a closing mark: `, said X` / `, X said`.
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^,?\s+(?:(?P<v1>{VERB})\s+(?P<n1>{NAME})|(?P<n2>{NAME})\s+(?P<v2>{VERB}))\b"
    ))
    .expect("valid regex")
});

/// Before an opening mark: `X said:` / `X said,`.
static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?P<n1>{NAME})\s+(?P<v1>{VERB})\s*[:,]\s*$")).expect("valid regex")
});

/// Finds direct quotes in body paragraphs with a speaker named beside them.
pub(crate) fn find(text: &str, segments: &Segments) -> Vec<Quote> {
    segments
        .quoted
        .iter()
        .filter(|q| {
            segments.paragraphs[q.paragraph].region == Region::Body
                && !q.content.is_empty()
                && q.mark.family() == QuoteMark::Double
        })
        .map(|q| direct(text, segments, q))
        .collect()
}

fn direct(text: &str, segments: &Segments, q: &Quoted) -> Quote {
    let content = trim_comma(text, q.content);
    let para = segments.paragraphs[q.paragraph].span;
    let (speaker, cue) =
        match speaker_after(text, para, q).or_else(|| speaker_before(text, para, q)) {
            Some((speaker, cue)) => (Some(speaker), Some(cue)),
            None => (None, None),
        };
    Quote {
        content,
        text: content.text(text).to_owned(),
        kind: QuoteKind::Direct,
        cue,
        speaker,
        region: Region::Body,
        rule: "direct.quote_marks".to_owned(),
    }
}

/// `span` without a trailing comma: `"We need guarantees," said X` quotes "We need guarantees".
fn trim_comma(text: &str, span: Span) -> Span {
    let s = span.text(text);
    let kept = s.trim_end_matches(|c: char| c == ',' || c.is_whitespace());
    Span::new(span.start, span.start + kept.len())
}

fn speaker_after(text: &str, para: Span, q: &Quoted) -> Option<(Speaker, Span)> {
    let from = q.close?.end;
    let caps = AFTER.captures(&text[from..para.end])?;
    let (name, verb) = match (caps.name("n1"), caps.name("v1")) {
        (Some(n), Some(v)) => (n, v),
        _ => (caps.name("n2")?, caps.name("v2")?),
    };
    let name = Span::new(from + name.start(), from + name.end());
    let cue = Span::new(from + verb.start(), from + verb.end());
    Some((speaker(text, name, "speaker.beside_quote"), cue))
}

fn speaker_before(text: &str, para: Span, q: &Quoted) -> Option<(Speaker, Span)> {
    let caps = BEFORE.captures(&text[para.start..q.open.start])?;
    let (name, verb) = (caps.name("n1")?, caps.name("v1")?);
    let name = Span::new(para.start + name.start(), para.start + name.end());
    let cue = Span::new(para.start + verb.start(), para.start + verb.end());
    Some((speaker(text, name, "speaker.before_quote"), cue))
}

fn speaker(text: &str, mention: Span, rule: &str) -> Speaker {
    let name = mention.text(text).trim_end_matches(['.', ',']).to_owned();
    let pronoun = matches!(name.to_lowercase().as_str(), "he" | "she" | "they");
    Speaker {
        mention: Some(mention),
        text: Some(mention.text(text).to_owned()),
        name: (!pronoun).then_some(name),
        kind: if pronoun { SourceKind::Unknown } else { SourceKind::Person },
        rule: rule.to_owned(),
        ..Speaker::default()
    }
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    fn speakers(text: &str) -> Vec<(String, Option<String>)> {
        let doc = Extractor::new().parse(text).unwrap();
        doc.quotes.into_iter().map(|q| (q.text, q.speaker.and_then(|s| s.name))).collect()
    }

    #[test]
    fn said_after_quote() {
        let got = speakers("\"We need guarantees,\" said Patrick Turner, the envoy.");
        assert_eq!(got, [("We need guarantees".to_owned(), Some("Patrick Turner".to_owned()))]);
    }

    #[test]
    fn name_said_after_quote() {
        let got = speakers("“It is over,” Jane Doe said.");
        assert_eq!(got[0].1.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn name_said_before_quote() {
        let got = speakers("Jane Doe said: \"It is over.\"");
        assert_eq!(got[0].1.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn quote_without_speaker_has_none() {
        let got = speakers("The so-called \"peace plan\" failed.");
        assert_eq!(got, [("peace plan".to_owned(), None)]);
    }
}
