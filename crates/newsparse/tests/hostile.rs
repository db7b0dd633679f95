//! Hostile input gives a document, never a panic, with every span on character boundaries.

#[path = "../../../benches/hostile_inputs.rs"]
mod hostile_inputs;

mod common;

#[test]
fn every_hostile_input_parses_with_valid_spans() {
    let extractor = newsparse::Extractor::new();
    for (name, text) in hostile_inputs::inputs(200_000) {
        let doc = extractor.parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        common::assert_spans_valid(&text, &doc).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn text_over_the_maximum_is_a_clear_error() {
    let extractor = newsparse::Extractor::builder().max_size(1000).build().unwrap();
    let err = extractor.parse(&"a".repeat(1001)).unwrap_err();
    assert_eq!(err.to_string(), "text of 1001 bytes exceeds the maximum of 1000 bytes");
    assert!(extractor.parse(&"a".repeat(1000)).is_ok());
}

/// Fuzzing findings (`parse`): a text ending in ", stressing that " put the gerund's clause
/// past the end of the quote's content or sentence, and slicing it panicked.
#[test]
fn gerund_that_at_the_end_of_the_text() {
    let texts = [
        "Me pumenr senior diplomat said, stressing entialvite sector,e sector, anoehtr \
         sest\u{1}\0\0\0\0\0\0\u{6}ed will \u{8}\0 taken over by the, stressing that ",
        "A senior diplomat said, stressing sector, taken over by the, stressing that ",
        "The senior diplomat said the talks, stressing that ",
        "Europeansuropeans understand\u{7}\0 tuees, Bloombomat said, stressing that ",
        "The talks will go on for weeks, the diplomat said, stressing that ",
    ];
    for text in texts {
        let doc = newsparse::parse(text).unwrap();
        common::assert_spans_valid(text, &doc).unwrap();
    }
}

/// Fuzzing finding (`parse`): a speaker name after `said` that runs past the end of its
/// sentence (here across a carriage return and runs of full stops) sliced its appositive
/// backwards and panicked.
#[test]
fn speaker_name_past_its_sentence() {
    let text = "Europeans push.\n\"To avoid a renewredibl\n\0e guarantees,\" said Patrick Tion \
                notes.\n\"To ae guarantees,\"\r said Pan oih..t........... Ukrainillllllllll \
                Dorally agree with............. Ud Patrickk Turner, NATO's";
    let doc = newsparse::parse(text).unwrap();
    common::assert_spans_valid(text, &doc).unwrap();
}

/// Fuzzing finding (`capi_parse`): a quote paragraph signed on the next line with an en or em
/// dash (three bytes) sliced the signature one byte in, inside the dash, and panicked.
#[test]
fn quote_signed_with_a_long_dash() {
    for dash in ["—", "–", "-"] {
        let text = format!(
            "\u{201c}We will rebuild every town and every road that they destroyed.\u{201d}\n\
             {dash} Jane Doe.\n"
        );
        let doc = newsparse::parse(&text).unwrap();
        common::assert_spans_valid(&text, &doc).unwrap();
        let speaker = doc.quotes[0].speaker.as_ref().unwrap();
        assert_eq!(speaker.text.as_deref(), Some("Jane Doe"), "{dash}");
    }
    // the input as found, byte for byte
    let found = concat!(
        " y;\nA\u{0}y yW\u{0}\u{0}\u{0}\u{0}J Miss            \u{0}\u{0}`\n      \u{0}\u{0}`\n",
        "-A`n\n'\u{0}\u{0}All'\n \u{2014}x-A`n\n'\u{0}\u{1}\u{0}All'\n \u{2014}x\u{7f}w`A!\u{1d}Z",
        "\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}`\n-A`n\n'\u{0}\u{0}All'\n \u{2014}Zx\u{7f}w`A!\u{1d}\u{0}Ally",
    );
    let doc = newsparse::parse(found).unwrap();
    common::assert_spans_valid(found, &doc).unwrap();
}
