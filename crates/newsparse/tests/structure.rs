//! Article structure and segmentation, through the public API.

use newsparse::{BoilerplateKind, Document, Region, Span};
use proptest::prelude::*;

const REFERENCE: &str = include_str!("../../../examples/ukraine-guarantees.txt");

fn parse(text: &str) -> Document {
    newsparse::parse(text).expect("parses")
}

#[test]
fn reference_article_structure() {
    let doc = parse(REFERENCE);
    let s = &doc.structure;
    let headline = s.headline.as_ref().expect("headline");
    assert_eq!(headline.text.text, "Europeans push Trump to play a part in guarantees for Ukraine");
    assert_eq!(headline.source.as_ref().map(|t| t.text.as_str()), Some("Bloomberg"));
    let dateline = s.dateline.as_ref().expect("dateline");
    assert_eq!(dateline.place.as_ref().map(|t| t.text.as_str()), Some("Kyiv"));
    assert_eq!(dateline.outlet.as_ref().map(|t| t.text.as_str()), Some("UNN"));
    let subheads: Vec<&str> = s.subheads.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(subheads, ["Details"]);
    let teasers: Vec<(&str, Option<&str>, Option<u64>)> = s
        .boilerplate
        .iter()
        .filter(|b| b.kind == BoilerplateKind::Teaser)
        .filter_map(|b| b.teaser.as_ref())
        .map(|t| (t.headline.text.as_str(), t.published.as_ref().map(|p| p.text.as_str()), t.views))
        .collect();
    assert_eq!(
        teasers,
        [
            (
                "Zelensky: US must be part of Ukraine peacekeeping forces",
                Some("23.01.25, 08:26"),
                Some(117_907)
            ),
            (
                "Trump wants to meet with Putin soon to end the war in Ukraine",
                Some("23.01.25, 19:33"),
                Some(145_946)
            ),
        ]
    );
    let lede = s.lede.expect("lede").text(REFERENCE);
    assert!(lede.starts_with("European officials are trying"));
}

#[test]
fn no_sentence_or_body_quote_falls_in_a_teaser_line() {
    let doc = parse(REFERENCE);
    let teasers: Vec<Span> = doc.structure.boilerplate.iter().map(|b| b.span).collect();
    for span in doc.sentences.iter().chain(&doc.paragraphs) {
        assert!(!teasers.iter().any(|t| t.overlaps(*span)), "{:?}", span.text(REFERENCE));
    }
    for q in doc.quotes.iter().filter(|q| q.region == Region::Body) {
        assert!(!teasers.iter().any(|t| t.overlaps(q.content)), "{}", q.text);
    }
}

#[test]
fn wire_story_with_dateline_prefix_and_byline() {
    let text = "Senate passes spending bill | Reuters\n\nBy Jane Doe and John Roe\n\n\
                WASHINGTON (Reuters) - The U.S. Senate on Tuesday passed the bill. \
                Sen. Chuck Schumer said it was \"a good day.\"\n\n\
                Photo: Reuters/Jonathan Ernst\n\nRead more: Senate braces for a long night\n\n\
                \"We got it done,\" he said.";
    let doc = parse(text);
    let s = &doc.structure;
    assert_eq!(s.headline.as_ref().unwrap().source.as_ref().unwrap().text, "Reuters");
    let authors: Vec<&str> =
        s.byline.as_ref().unwrap().authors.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(authors, ["Jane Doe", "John Roe"]);
    let dateline = s.dateline.as_ref().unwrap();
    assert_eq!(dateline.span.text(text), "WASHINGTON (Reuters) -");
    assert_eq!(dateline.place.as_ref().unwrap().text, "WASHINGTON");
    assert_eq!(
        s.lede.unwrap().text(text),
        "The U.S. Senate on Tuesday passed the bill. Sen. Chuck Schumer said it was \"a good day.\""
    );
    let kinds: Vec<BoilerplateKind> = s.boilerplate.iter().map(|b| b.kind).collect();
    assert_eq!(kinds, [BoilerplateKind::PhotoCredit, BoilerplateKind::ReadMore]);
    let sentences: Vec<&str> = doc.sentences.iter().map(|s| s.text(text)).collect();
    assert_eq!(
        sentences,
        [
            "Senate passes spending bill | Reuters",
            "By Jane Doe and John Roe",
            "WASHINGTON (Reuters) -",
            "The U.S. Senate on Tuesday passed the bill.",
            "Sen. Chuck Schumer said it was \"a good day.\"",
            "\"We got it done,\" he said.",
        ]
    );
}

#[test]
fn a_text_without_structure_is_all_body() {
    let text = "\"It is over,\" she said. Nobody answered.";
    let doc = parse(text);
    assert!(doc.structure.headline.is_none() && doc.structure.dateline.is_none());
    assert_eq!(doc.paragraphs, [Span::new(0, text.len())]);
    assert_eq!(doc.sentences.len(), 2);
}

/// Every span of `doc` lies inside `text` on character boundaries.
fn assert_spans_inside(text: &str, doc: &Document) {
    let s = &doc.structure;
    let mut spans: Vec<Span> = Vec::new();
    spans.extend(doc.paragraphs.iter().chain(&doc.sentences));
    if let Some(h) = &s.headline {
        spans.push(h.span);
        spans.push(h.text.span);
        spans.extend(h.source.iter().chain(&h.deck).map(|t| t.span));
    }
    if let Some(d) = &s.dateline {
        spans.push(d.span);
        spans.extend(d.place.iter().chain(&d.outlet).chain(&d.date).map(|t| t.span));
    }
    if let Some(b) = &s.byline {
        spans.push(b.span);
        spans.extend(b.authors.iter().map(|t| t.span));
    }
    spans.extend(s.subheads.iter().map(|t| t.span));
    spans.extend(s.lede);
    for b in &s.boilerplate {
        spans.push(b.span);
        if let Some(t) = &b.teaser {
            spans.push(t.headline.span);
            spans.extend(t.published.iter().map(|p| p.span));
        }
    }
    spans.extend(doc.quotes.iter().map(|q| q.content));
    for span in spans {
        assert!(span.start <= span.end && span.end <= text.len(), "{span:?} out of {}", text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "{span:?}");
    }
}

/// Text built from the pieces news is made of, in any order.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just(" ".to_owned()),
        Just("U.S. ".to_owned()),
        Just("Mr. ".to_owned()),
        Just("Kyiv • UNN".to_owned()),
        Just("WASHINGTON (Reuters) - ".to_owned()),
        Just("forces23.01.25, 08:26 • 117907 views".to_owned()),
        Just("Read more: ".to_owned()),
        Just(" - Bloomberg".to_owned()),
        Just("Details".to_owned()),
        Just("…".to_owned()),
        Just("'90s ".to_owned()),
        "[\"'“”‘’„«»`.!?;:,—–•·()\\- ]{1,3}",
        "[A-Za-zÀ-ÿЁёА-я0-9 ]{1,12}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn spans_lie_inside_the_text_on_char_boundaries(text in newsy_text()) {
        let doc = parse(&text);
        assert_spans_inside(&text, &doc);
    }

    #[test]
    fn sentences_lie_in_paragraphs_in_order(text in newsy_text()) {
        let doc = parse(&text);
        let mut last_end = 0;
        for s in &doc.sentences {
            prop_assert!(s.start >= last_end);
            prop_assert!(doc.paragraphs.iter().any(|p| p.contains(*s)));
            last_end = s.end;
        }
    }
}
