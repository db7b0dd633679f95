//! Quotes and their speakers on small real-text cases.

use newsparse::{QuoteKind, SourceKind};

fn quotes(text: &str) -> Vec<(String, QuoteKind, Option<String>)> {
    let doc = newsparse::parse(text).unwrap();
    doc.quotes.into_iter().map(|q| (q.text, q.kind, q.speaker.and_then(|s| s.name))).collect()
}

#[test]
fn said_after_quote() {
    let got = quotes("\"We need guarantees,\" said Patrick Turner, the envoy.");
    assert_eq!(got[0].0, "We need guarantees");
    assert_eq!(got[0].2.as_deref(), Some("Patrick Turner"));
}

#[test]
fn name_said_before_quote() {
    let got = quotes("Jane Doe said: \"It is over and we will not go back.\"");
    assert_eq!(got[0].2.as_deref(), Some("Jane Doe"));
}

#[test]
fn pronoun_after_quote_resolves_to_the_person_before() {
    let text = "\"We need guarantees,\" said Patrick Turner. \
                \"NATO membership is the measure,\" he told Bloomberg News in an interview.";
    let got = quotes(text);
    assert_eq!(got[1].0, "NATO membership is the measure");
    assert_eq!(got[1].2.as_deref(), Some("Patrick Turner"));
}

#[test]
fn indirect_clause_then_speaker() {
    let got = quotes("The deal could collapse within weeks, a senior European official said.");
    assert_eq!(got[0].0, "The deal could collapse within weeks");
    assert_eq!(got[0].1, QuoteKind::Indirect);
    assert_eq!(got[0].2.as_deref(), Some("a senior European official"));
}

#[test]
fn indirect_said_that_and_stressing_that_give_two() {
    let got = quotes("The minister said that the talks had failed, stressing that work goes on.");
    let texts: Vec<&str> = got.iter().map(|q| q.0.as_str()).collect();
    assert_eq!(texts, ["the talks had failed", "work goes on"]);
}

#[test]
fn according_to_at_either_end() {
    let got = quotes("According to people familiar with the matter, the plan was dropped.");
    assert_eq!(got[0].0, "the plan was dropped");
    assert_eq!(got[0].2.as_deref(), Some("people familiar with the matter"));
    let got = quotes("The plan was dropped last week, according to two officials.");
    assert_eq!(got[0].0, "The plan was dropped last week");
}

#[test]
fn relay_chain_records_the_relaying_outlet() {
    let text = "Officials want more troops in the region, Bloomberg reports, UNN writes.";
    let doc = newsparse::parse(text).unwrap();
    let speaker = doc.quotes[0].speaker.as_ref().unwrap();
    assert_eq!(speaker.text.as_deref(), Some("Bloomberg"));
    assert_eq!(speaker.relayed_by, ["UNN"]);
}

#[test]
fn belief_is_its_own_kind() {
    let got = quotes("The governor believes that the budget will pass this year.");
    assert_eq!(got[0].1, QuoteKind::Belief);
    assert_eq!(got[0].0, "the budget will pass this year");
}

#[test]
fn reference_article_resolves_outlet_and_anonymous_back_references() {
    let text = include_str!("../../../examples/ukraine-guarantees.txt");
    let doc = newsparse::parse(text).unwrap();
    let name_of = |needle: &str| {
        let q = doc.quotes.iter().find(|q| q.text.starts_with(needle)).unwrap();
        q.speaker.as_ref().and_then(|s| s.name.clone())
    };
    assert_eq!(name_of("This can complicate matters").as_deref(), Some("Bloomberg"));
    assert_eq!(name_of("the Europeans understand").as_deref(), Some("a senior Western diplomat"));
    let head = doc.quotes.iter().find(|q| q.kind == QuoteKind::Headline).unwrap();
    assert_eq!(head.text, "US must be part of Ukraine peacekeeping forces");
    let anon = doc.quotes.iter().filter_map(|q| q.speaker.as_ref());
    assert!(anon.into_iter().any(|s| s.kind == SourceKind::Anonymous));
}

#[test]
fn title_abbreviation_stays_in_the_speaker() {
    let text = "A man spoke.\n\n''It will take some time for the stock to recover,'' Mr. Ackman \
                said at the time.";
    let doc = newsparse::parse(text).unwrap();
    let q = &doc.quotes[0];
    assert_eq!(q.rule, "direct.after");
    assert_eq!(q.speaker.as_ref().unwrap().text.as_deref(), Some("Mr. Ackman"));
}

#[test]
fn short_opening_phrase_is_no_clause_of_a_clause_verb() {
    let got = quotes("Later in the day, the FBI said it would cooperate fully.");
    assert_eq!(got[0].0, "it would cooperate fully");
}

#[test]
fn coordinated_verb_takes_the_sentence_subject() {
    let doc = newsparse::parse(
        "The State Department has deemed the pages personal and says it does not plan to \
         release them.",
    )
    .unwrap();
    let q = doc.quotes.iter().find(|q| q.rule == "indirect.coordinated").unwrap();
    assert_eq!(q.text, "it does not plan to release them");
    assert_eq!(q.speaker.as_ref().unwrap().text.as_deref(), Some("The State Department"));
}

#[test]
fn second_verb_ends_the_first_clause() {
    let got = quotes(
        "Fields later tweeted a photograph of her bruised forearm and said she had been \
         yanked backward.",
    );
    let texts: Vec<&str> = got.iter().map(|q| q.0.as_str()).collect();
    assert_eq!(texts, ["a photograph of her bruised forearm", "she had been yanked backward"]);
}

#[test]
fn gerund_after_a_quote_takes_the_quote_speaker() {
    let got = quotes("\"It is anger,\" McCain said, citing low economic growth and unemployment.");
    assert_eq!(got[1].0, "low economic growth and unemployment");
    assert_eq!(got[1].2.as_deref(), Some("McCain"));
}

#[test]
fn bare_plural_and_quantified_subjects() {
    let got = quotes("On top of that, opponents say, the wage increase will raise prices.");
    assert_eq!(got[0].2.as_deref(), Some("opponents"));
    let got = quotes("In each state, about half of voters say they prefer an outsider.");
    assert_eq!(got[0].0, "they prefer an outsider");
    assert_eq!(got[0].2.as_deref(), Some("about half of voters"));
}

#[test]
fn infinitive_after_a_promise_verb() {
    let got = quotes("The Republican nominee vowed to harshly punish those who leak secrets.");
    assert_eq!(got[0].0, "to harshly punish those who leak secrets");
    assert_eq!(got[0].2.as_deref(), Some("The Republican nominee"));
}

#[test]
fn said_with_a_long_adverbial_before_that() {
    let got = quotes(
        "Jill Martin, a lawyer for the firm, said in a written statement in March that the \
         claims had no substance.",
    );
    assert_eq!(got[0].0, "the claims had no substance");
}

#[test]
fn headline_says() {
    let doc = newsparse::parse(
        "Trump Says Praise From Putin Helps the Country\n\nWASHINGTON - Trump spoke on Monday.",
    )
    .unwrap();
    let q = doc.quotes.iter().find(|q| q.kind == QuoteKind::Headline).unwrap();
    assert_eq!(q.rule, "headline.says");
    assert_eq!(q.text, "Praise From Putin Helps the Country");
}

#[test]
fn capitalised_cue_inside_a_name_is_no_cue() {
    let got =
        quotes("Dale Belman teaches at Michigan State University, which studies wages closely.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn quoted_title_is_no_quote() {
    let got = quotes(
        "During an appearance on \"Face the Nation\" last week, Sanders was asked about it.",
    );
    assert!(got.iter().all(|q| q.0 != "Face the Nation"), "{got:?}");
}

#[test]
fn unfinished_subject_is_no_speaker() {
    let got = quotes("These are the kinds of questions that would be hotly debated this year.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn more_reporting_verbs() {
    let got = quotes("Kasich cautioned that a contested convention could hurt the party.");
    assert_eq!(got[0].0, "a contested convention could hurt the party");
    assert_eq!(got[0].2.as_deref(), Some("Kasich"));
}

#[test]
fn transcript_line_names_its_speaker() {
    let doc = newsparse::parse(
        "The interview aired on Sunday.\n\nTAPPER: Do you think he has campaigned as a healer?\n\n\
         FALLIN: I think he is trying to campaign as a healer.",
    )
    .unwrap();
    let lines: Vec<_> = doc.quotes.iter().filter(|q| q.rule == "direct.transcript").collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].text, "Do you think he has campaigned as a healer");
    assert_eq!(lines[1].speaker.as_ref().unwrap().text.as_deref(), Some("FALLIN"));
}

#[test]
fn asked_question_has_no_named_asker() {
    let doc = newsparse::parse(
        "Asked whether the comments had rattled allies as well, Ryan said he understood.",
    )
    .unwrap();
    let q = doc.quotes.iter().find(|q| q.rule == "indirect.asked").unwrap();
    assert_eq!(q.text, "whether the comments had rattled allies as well");
    assert!(q.speaker.is_none());
}

#[test]
fn according_to_without_its_comma() {
    let got =
        quotes("Clinton leads Sanders by 271 pledged delegates according to a count by the AP.");
    assert_eq!(got[0].0, "Clinton leads Sanders by 271 pledged delegates");
    assert_eq!(got[0].2.as_deref(), Some("Associated Press"));
}

#[test]
fn evidence_and_stance_verbs() {
    let got = quotes("A new poll shows Clinton with a wide lead among young voters.");
    assert_eq!(got[0].0, "Clinton with a wide lead among young voters");
    let got = quotes("The latest push shows no sign of slowing down at all.");
    assert!(got.is_empty(), "{got:?}");
    let got = quotes("Sanders opposed the trade deal negotiated by the administration.");
    assert_eq!(got[0].1, QuoteKind::Belief);
    let got = quotes("Trump seemed to suggest that the election would be rigged.");
    assert_eq!(got[0].0, "the election would be rigged");
}

#[test]
fn time_words_leave_the_subject() {
    let doc = newsparse::parse(
        "The Republican National Committee this week announced that it will open offices.",
    )
    .unwrap();
    assert_eq!(doc.quotes[0].text, "it will open offices");
    let speaker = doc.quotes[0].speaker.as_ref().unwrap();
    assert_eq!(speaker.text.as_deref(), Some("The Republican National Committee"));
}

#[test]
fn unresolved_speaker_is_named_by_its_head() {
    let doc = newsparse::parse(
        "Powell’s office, when contacted by reporters, said the diplomat could not recall it.",
    )
    .unwrap();
    let speaker = doc.quotes[0].speaker.as_ref().unwrap();
    assert_eq!(speaker.name.as_deref(), Some("Powell’s office"));
}

#[test]
fn a_second_speaker_ends_the_first_reported_clause() {
    let got = quotes(
        "Governor Alan Reece said the budget would pass this spring, but Senator Mara Quist \
         said the vote would fail.",
    );
    let texts: Vec<&str> = got.iter().map(|q| q.0.as_str()).collect();
    assert_eq!(texts, ["the budget would pass this spring", "the vote would fail"]);
    assert_eq!(got[0].2.as_deref(), Some("Alan Reece"));
    assert_eq!(got[1].2.as_deref(), Some("Mara Quist"));
    let doc = newsparse::parse(
        "When the host noted that the polls had closed, the mayor said \
                                turnout was the highest in a decade.",
    )
    .unwrap();
    let rules: Vec<&str> = doc.quotes.iter().map(|q| q.rule.as_str()).collect();
    assert_eq!(rules, ["indirect.before_next_speaker", "indirect.subject_verb"]);
    assert_eq!(doc.quotes[0].text, "the polls had closed");
    assert_eq!(doc.quotes[1].text, "turnout was the highest in a decade");
    // names joined by "and" are one subject
    let got = quotes("Analysts said Ms. Quist and Mr. Reece agreed on little.");
    assert_eq!(got.len(), 1);
}

#[test]
fn an_unlisted_verb_before_that_reports_a_clause() {
    let doc = newsparse::parse(
        "The harbour authority fretted that the new pier would open a year late. \
         Critics were demanding that the council publish the contract.",
    )
    .unwrap();
    let got: Vec<(&str, &str, Option<&str>)> = doc
        .quotes
        .iter()
        .map(|q| {
            let who = q.speaker.as_ref().and_then(|s| s.text.as_deref());
            (q.text.as_str(), q.rule.as_str(), who)
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "the new pier would open a year late",
                "indirect.verb_that",
                Some("The harbour authority")
            ),
            ("the council publish the contract", "indirect.verb_that", Some("Critics")),
        ]
    );
    // a relative "that" after a plural noun reports nothing
    assert!(quotes("She listed the roads that the city will repave next year.").is_empty());
}

#[test]
fn a_quote_paragraph_after_a_colon_takes_the_speaker_before_it() {
    let text = "The vote went ahead after midnight. Mayor Ilse Barten responded:\n\n\
                \"We have waited long enough for this bridge, and the city will build it \
                with or without the state.\"";
    let doc = newsparse::parse(text).unwrap();
    let q = doc.quotes.iter().find(|q| q.kind == QuoteKind::Direct).unwrap();
    assert!(q.text.starts_with("We have waited long enough"));
    assert_eq!(q.rule, "direct.colon_paragraph");
    assert_eq!(q.speaker.as_ref().and_then(|s| s.name.as_deref()), Some("Ilse Barten"));
    // a colon after no verb names no speaker
    let text = "Here is the full list:\n\n\"Roads, bridges, schools, clinics and parks will all \
                get new money this year.\"";
    let doc = newsparse::parse(text).unwrap();
    assert!(doc.quotes.iter().all(|q| q.rule != "direct.colon_paragraph"));
}

#[test]
fn an_introductory_phrase_stays_out_of_the_speaker() {
    let got = quotes(
        "As part of the settlement, Tomas Berglund, 52, a former port director, said he \
         would repay the money within a year.",
    );
    assert_eq!(got[0].0, "he would repay the money within a year");
    assert_eq!(got[0].2.as_deref(), Some("Tomas Berglund"));
}

#[test]
fn inverted_said_and_signature_lines_name_the_speaker() {
    let text = "The crowd stayed until dawn. Said Nora Lindqvist, a nurse from the east side, \
                \"Nobody here wanted to go home before the count was done.\"";
    let doc = newsparse::parse(text).unwrap();
    let q = doc.quotes.iter().find(|q| q.rule == "direct.inverted").unwrap();
    assert!(q.text.starts_with("Nobody here wanted"));
    let mention = q.speaker.as_ref().and_then(|s| s.text.as_deref());
    assert_eq!(mention, Some("Nora Lindqvist"));
    let text = "Budget night in Tromsø\n\nThe mayor closed the debate with a promise.\n\n\
                \"We will fund every rural clinic before we build a single new stadium.\"\n\n\
                - Oskar Halvorsen\n\nThe council meets again on Monday.";
    let doc = newsparse::parse(text).unwrap();
    let q = doc.quotes.iter().find(|q| q.rule == "direct.dash_line").unwrap();
    assert!(q.text.starts_with("We will fund every rural clinic"));
    let name = q.speaker.as_ref().and_then(|s| s.name.as_deref());
    assert_eq!(name, Some("Oskar Halvorsen"));
}
