//! Properties that hold for any text: spans inside the text on character boundaries, quotes
//! inside their paragraphs or boilerplate lines, deterministic output, and `parse_many` and
//! `parse_into` equal to `parse`.

mod common;

use proptest::prelude::*;

/// Text made of news-like pieces: words, names, reporting verbs, quotation marks of every
/// kind, apostrophes, abbreviations, newlines and a few exotic characters.
fn newsish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "said",
        "says",
        "told",
        "according to",
        "he",
        "she",
        "they",
        "the newspaper",
        "Trump",
        "Patrick Turner",
        "U.S.",
        "Mr.",
        "Kyiv's",
        "'90s",
        "Reuters",
        "NATO",
        "a senior official",
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "'",
        "«",
        "»",
        "„",
        ",",
        ".",
        ":",
        " — ",
        " - ",
        "\n",
        "\n\n",
        "\r\n",
        " • ",
        "23.01.25, 08:26 • 117907 views",
        "é",
        "ß",
        "\u{200B}",
        "\0",
        "Zelensky:",
        "Read more:",
        "By Jane Doe",
        "WASHINGTON (Reuters) -",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn spans_are_valid_for_newsish_text(text in newsish()) {
        let doc = newsparse::parse(&text).unwrap();
        prop_assert!(common::assert_spans_valid(&text, &doc).is_ok(), "{:?}", common::assert_spans_valid(&text, &doc));
    }

    #[test]
    fn spans_are_valid_for_any_text(text in any::<String>()) {
        let doc = newsparse::parse(&text).unwrap();
        prop_assert!(common::assert_spans_valid(&text, &doc).is_ok(), "{:?}", common::assert_spans_valid(&text, &doc));
    }

    #[test]
    fn quotes_lie_inside_a_paragraph_or_boilerplate_line(text in newsish()) {
        let doc = newsparse::parse(&text).unwrap();
        for q in &doc.quotes {
            let inside = doc.paragraphs.iter().any(|p| p.contains(q.content))
                || doc.structure.boilerplate.iter().any(|b| b.span.contains(q.content));
            prop_assert!(inside, "quote {:?} outside every paragraph", q.content);
        }
    }

    #[test]
    fn output_is_deterministic(text in newsish()) {
        let a = newsparse::Extractor::new().parse(&text).unwrap();
        let b = newsparse::Extractor::new().parse(&text).unwrap();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn parse_many_equals_sequential_parse(texts in prop::collection::vec(newsish(), 0..8)) {
        let extractor = newsparse::Extractor::builder().max_size(200).build().unwrap();
        let sequential: Vec<_> = texts.iter().map(|t| extractor.parse(t).map_err(|e| e.to_string())).collect();
        for threads in [None, Some(1), Some(3)] {
            let many: Vec<_> = extractor
                .parse_many(&texts, threads)
                .into_iter()
                .map(|r| r.map_err(|e| e.to_string()))
                .collect();
            prop_assert_eq!(&many, &sequential, "threads {:?}", threads);
        }
    }

    #[test]
    fn parse_into_equals_parse(texts in prop::collection::vec(newsish(), 0..12)) {
        // a small maximum, so that some texts fail and must leave the document as it was
        let extractor = newsparse::Extractor::builder().max_size(300).build().unwrap();
        let mut doc = newsparse::Document::default();
        for text in &texts {
            let before = doc.clone();
            match (extractor.parse(text), extractor.parse_into(text, &mut doc)) {
                (Ok(want), Ok(())) => prop_assert_eq!(&doc, &want),
                (Err(want), Err(got)) => {
                    prop_assert_eq!(got.to_string(), want.to_string());
                    prop_assert_eq!(&doc, &before);
                }
                (want, got) => prop_assert!(false, "parse {:?}, parse_into {:?}", want.map(|_| ()), got),
            }
        }
    }
}

/// One document parsed into again and again, over texts larger and smaller than the one
/// before, gives what a new document would each time: strings taken back from a longer
/// article fill a shorter one's and the reverse, and nothing of an article stays in the next.
#[test]
fn a_reused_document_holds_only_the_last_article() {
    let article = include_str!("../../../examples/ukraine-guarantees.txt");
    let short = "\"Yes,\" she said.";
    let texts = [article, short, "", "No quotes here.", article, &article[..article.len() / 3]];
    let extractor = newsparse::Extractor::new();
    let mut doc = newsparse::Document::default();
    for text in texts {
        extractor.parse_into(text, &mut doc).unwrap();
        assert_eq!(doc, extractor.parse(text).unwrap(), "{:.40}", text);
    }
    extractor.parse_into(article, &mut doc).unwrap();
    assert!(doc.quotes.len() > 10 && doc.entities.len() > 10, "{doc:?}");
    extractor.parse_into(short, &mut doc).unwrap();
    assert_eq!(doc.quotes.len(), 1);
    assert_eq!(doc.quotes[0].text, "Yes");
    assert!(doc.entities.is_empty() && doc.structure.boilerplate.is_empty(), "{doc:?}");
}
