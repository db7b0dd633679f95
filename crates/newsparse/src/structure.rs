//! Article structure: headline and its source suffix, dateline, byline, subheads and
//! boilerplate, found line by line before anything else reads the text.

use crate::document::{Dateline, Headline, Span, Structure, Text};

/// The lines of `text`, as spans without their line terminators, empty lines included.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut start = 0;
    text.split_inclusive('\n').map(move |line| {
        let body = line.trim_end_matches(['\n', '\r']);
        let span = Span::new(start, start + body.len());
        start += line.len();
        span
    })
}

/// Finds the structure of `text`.
pub(crate) fn analyze(text: &str) -> Structure {
    let mut structure = Structure::default();
    let mut lines = lines(text).filter(|l| !l.text(text).trim().is_empty());
    let Some(first) = lines.next() else { return structure };
    let second = lines.next();
    if second.is_some() && reads_as_headline(first.text(text)) {
        structure.headline = Some(headline(text, first));
        if let Some(line) = second {
            structure.dateline = dateline(text, line);
        }
    }
    structure
}

/// A first line reads as a headline when it is short, has several words and does not end
/// like a sentence of body text.
fn reads_as_headline(line: &str) -> bool {
    let line = line.trim();
    let words = line.split_whitespace().count();
    (2..=30).contains(&words) && !line.ends_with(['.', ',', ';'])
}

/// The headline on `line`, with a source suffix (" - Bloomberg", " | Reuters", " — AP")
/// split off when the part after the separator is a short capitalised name.
fn headline(text: &str, line: Span) -> Headline {
    let s = line.text(text);
    for sep in [" - ", " | ", " — ", " – "] {
        if let Some(at) = s.rfind(sep) {
            let source = &s[at + sep.len()..];
            if is_short_name(source) {
                let head = Span::new(line.start, line.start + at);
                let src_start = line.start + at + sep.len();
                return Headline {
                    span: line,
                    text: Text::new(text, head),
                    source: Some(Text::new(text, Span::new(src_start, line.end))),
                };
            }
        }
    }
    Headline { span: line, text: Text::new(text, line), source: None }
}

/// One to four words, each starting with an upper-case letter or a digit.
fn is_short_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric()))
}

/// A "Place • Outlet" dateline line.
fn dateline(text: &str, line: Span) -> Option<Dateline> {
    let s = line.text(text);
    let at = s.find(" • ")?;
    let (place, outlet) = (&s[..at], &s[at + " • ".len()..]);
    if !is_short_name(place) || !is_short_name(outlet) {
        return None;
    }
    let outlet_start = line.start + at + " • ".len();
    Some(Dateline {
        span: line,
        place: Some(Text::new(text, Span::new(line.start, line.start + at))),
        outlet: Some(Text::new(text, Span::new(outlet_start, line.end))),
        date: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_with_source_and_dateline() {
        let text = "Europeans push Trump to act - Bloomberg\nKyiv • UNN\nBody text here.";
        let s = analyze(text);
        let h = s.headline.unwrap();
        assert_eq!(h.text.text, "Europeans push Trump to act");
        assert_eq!(h.source.unwrap().text, "Bloomberg");
        let d = s.dateline.unwrap();
        assert_eq!(d.place.unwrap().text, "Kyiv");
        assert_eq!(d.outlet.unwrap().text, "UNN");
    }

    #[test]
    fn a_sentence_is_no_headline() {
        let s = analyze("It rained all day in Kyiv.\nThen it stopped.");
        assert!(s.headline.is_none());
    }

    #[test]
    fn lines_keep_offsets_across_crlf() {
        let text = "a\r\nbc\n\nd";
        let got: Vec<&str> = lines(text).map(|l| l.text(text)).collect();
        assert_eq!(got, ["a", "bc", "", "d"]);
    }
}
