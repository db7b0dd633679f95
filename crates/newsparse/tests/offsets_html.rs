//! Properties of the offsets facility and the HTML renderer on any text: character offsets
//! agree with `char_indices`, converting a document there and back is the identity, and the
//! HTML view never panics and always nests.

use newsparse::{CharOffsets, Document, Span};
use proptest::prelude::*;

/// News-like text with multi-byte characters and quotation marks of every kind.
fn newsish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "said",
        "Zoë Müller",
        "Patrick Turner",
        "\"",
        "“",
        "”",
        "«",
        "»",
        "’",
        ",",
        ".",
        "\n",
        "é",
        "🇺🇦",
        "東京",
        "<b>",
        "&",
        "Kyiv • UNN",
        "NATO",
        "he told Bloomberg",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn char_offsets_agree_with_char_indices(text in "\\PC{0,300}") {
        let offsets = CharOffsets::new(&text);
        for (ch, (byte, _)) in text.char_indices().enumerate() {
            prop_assert_eq!(offsets.to_char(byte), ch);
            prop_assert_eq!(offsets.to_byte(ch), byte);
        }
        prop_assert_eq!(offsets.char_len(), text.chars().count());
    }

    #[test]
    fn documents_convert_there_and_back(text in newsish()) {
        let doc = newsparse::parse(&text).unwrap();
        let chars = doc.to_char_offsets(&text);
        let all: Vec<char> = text.chars().collect();
        for q in &chars.quotes {
            let content: String = all[q.content.start..q.content.end].iter().collect();
            prop_assert_eq!(&content, &q.text);
        }
        prop_assert_eq!(chars.to_byte_offsets(&text), doc);
    }

    #[test]
    fn html_nests_whatever_the_spans(text in newsish(), spans in prop::collection::vec((0usize..400, 0usize..400), 0..20)) {
        let mut doc: Document = newsparse::parse(&text).unwrap();
        doc.paragraphs.extend(spans.iter().map(|&(a, b)| Span::new(a, b)));
        let html = newsparse::to_html(&text, &doc);
        prop_assert_eq!(html.matches("<span").count(), html.matches("</span>").count());
        prop_assert!(!html.contains("<b>"));
    }
}
