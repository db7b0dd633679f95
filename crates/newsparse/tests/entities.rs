//! Entities: gazetteer matching, name rules, clustering, roles, and gazetteer loading.

use newsparse::{EntityKind, Entry, EntryKind, Error, Extractor, Gazetteer};

fn entities(text: &str) -> Vec<(String, EntityKind, Vec<String>)> {
    let doc = Extractor::new().parse(text).unwrap();
    doc.entities
        .into_iter()
        .map(|e| (e.name, e.kind, e.mentions.into_iter().map(|m| m.text).collect()))
        .collect()
}

fn kind_of(text: &str, name: &str) -> Option<EntityKind> {
    entities(text).into_iter().find(|e| e.0 == name).map(|e| e.1)
}

#[test]
fn gazetteer_names_carry_their_kind() {
    let text = "Bloomberg reported from Kyiv that NATO allies met.";
    assert_eq!(kind_of(text, "Bloomberg"), Some(EntityKind::Media));
    assert_eq!(kind_of(text, "Kyiv"), Some(EntityKind::Place));
    assert_eq!(kind_of(text, "North Atlantic Treaty Organization"), Some(EntityKind::Organization));
}

#[test]
fn the_pronoun_us_is_not_the_united_states() {
    assert!(entities("He told us nothing.").is_empty());
    assert_eq!(entities("The US said nothing.")[0].0, "United States");
}

#[test]
fn possessives_and_variants_cluster() {
    let got = entities("Kyiv's allies met. Officials in Kiev agreed with U.S. and US envoys.");
    let kyiv = got.iter().find(|e| e.0 == "Kyiv").unwrap();
    assert_eq!(kyiv.2, ["Kyiv", "Kiev"]);
    let us = got.iter().find(|e| e.0 == "United States").unwrap();
    assert_eq!(us.2, ["U.S.", "US"]);
}

#[test]
fn demonyms_are_groups() {
    let text = "Ukrainian and French officials met Europeans and Western diplomats.";
    for name in ["Ukrainian", "French", "European", "Western"] {
        assert_eq!(kind_of(text, name), Some(EntityKind::Group), "{name}");
    }
}

#[test]
fn a_given_name_starts_a_person() {
    assert_eq!(
        kind_of("The deal was signed by Keith Bramley on Monday.", "Keith Bramley"),
        Some(EntityKind::Person)
    );
}

#[test]
fn a_title_cues_a_person() {
    assert_eq!(
        kind_of("They met envoy Oksana Hrytsenko yesterday.", "Oksana Hrytsenko"),
        Some(EntityKind::Person)
    );
}

#[test]
fn a_suffix_types_an_organisation_or_outlet() {
    let text = "Shares of Bramley Widgets Inc rose, Kestrel News said.";
    assert_eq!(kind_of(text, "Bramley Widgets Inc"), Some(EntityKind::Organization));
    assert_eq!(kind_of(text, "Kestrel News"), Some(EntityKind::Media));
}

#[test]
fn connectors_join_a_name() {
    assert_eq!(
        kind_of("He met Abdul bin Rashid today.", "Abdul bin Rashid"),
        Some(EntityKind::Person)
    );
}

#[test]
fn a_surname_joins_the_full_name() {
    let got = entities("Trump's aides met. Donald Trump said so, and Trump left.");
    assert_eq!(got[0].0, "Donald Trump");
    assert_eq!(got[0].2, ["Trump", "Donald Trump", "Trump"]);
    let got = entities("Mr Oleh Barna spoke. Later Barna left.");
    let barna = got.iter().find(|e| e.0 == "Oleh Barna").unwrap();
    assert_eq!(barna.2, ["Oleh Barna", "Barna"]);
}

#[test]
fn transliterations_cluster() {
    let got = entities("Volodymyr Zelenskyy spoke. Zelensky said more.");
    assert_eq!(got[0].2, ["Volodymyr Zelenskyy", "Zelensky"]);
}

#[test]
fn an_acronym_joins_its_expansion() {
    let got = entities("The Kestrel Grain Board met. Later KGB officials left.");
    let board = got.iter().find(|e| e.0 == "Kestrel Grain Board").unwrap();
    assert_eq!(board.2, ["Kestrel Grain Board", "KGB"]);
}

#[test]
fn a_capital_stands_for_its_country_unless_a_location() {
    let text = "The United States agreed. Washington wants a deal. He flew in Washington.";
    let got = entities(text);
    let us = got.iter().find(|e| e.0 == "United States").unwrap();
    assert_eq!(us.1, EntityKind::Place);
    assert_eq!(us.2, ["United States", "Washington"]);
    assert!(got.iter().any(|e| e.0 == "Washington" && e.2 == ["Washington"]));
}

#[test]
fn shouting_headlines_match_in_title_case() {
    let text = "SOCCER - LONDON CLUBS WIN .\nLONDON 1996-08-30\nIt rained.";
    assert_eq!(kind_of(text, "London"), Some(EntityKind::Place));
}

#[test]
fn roles_from_premodifiers_and_appositives() {
    let doc = Extractor::new()
        .parse("French President Emmanuel Macron met Patrick Turner, NATO's senior representative to Ukraine, in Paris.")
        .unwrap();
    let macron = doc.entities.iter().find(|e| e.name == "Emmanuel Macron").unwrap();
    assert_eq!(macron.role.as_deref(), Some("President"));
    assert_eq!(macron.affiliation.as_deref(), Some("French"));
    let turner = doc.entities.iter().find(|e| e.name == "Patrick Turner").unwrap();
    assert_eq!(turner.role.as_deref(), Some("senior representative to Ukraine"));
    assert_eq!(turner.affiliation.as_deref(), Some("NATO"));
}

#[test]
fn sentence_initial_common_words_are_not_names() {
    assert!(entities("However, it rained. Details were scarce.").is_empty());
}

#[test]
fn a_user_gazetteer_wins_and_may_replace_the_default() {
    let mine =
        Gazetteer::builder().entry(Entry::new("Kyiv", EntryKind::Organization)).build().unwrap();
    let ex = Extractor::builder().gazetteer(mine.clone()).build().unwrap();
    assert_eq!(ex.parse("Kyiv said.").unwrap().entities[0].kind, EntityKind::Organization);
    let bare = Extractor::builder().default_gazetteer(false).gazetteer(mine).build().unwrap();
    assert!(bare.parse("Kyiv and Bloomberg said.").unwrap().entities.len() == 1);
}

#[test]
fn gazetteer_files_load_from_tsv_and_json() {
    let dir = std::env::temp_dir().join(format!("newsparse-gz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let tsv = dir.join("g.tsv");
    std::fs::write(&tsv, "# mine\nZorya Daily\tmedia\tZorya\n").unwrap();
    let json = dir.join("g.json");
    std::fs::write(
        &json,
        r#"[{"name": "Kestrel Bank", "kind": "organization", "aliases": ["KB"]}]"#,
    )
    .unwrap();
    let ex = Extractor::builder().gazetteer_file(&tsv).gazetteer_file(&json).build().unwrap();
    let doc = ex.parse("Zorya said KB would pay.").unwrap();
    let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Zorya Daily", "Kestrel Bank"]);
}

#[test]
fn a_bad_line_names_file_and_line() {
    let dir = std::env::temp_dir().join(format!("newsparse-gzbad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.tsv");
    std::fs::write(&path, "Kyiv\tplace\nLviv\n").unwrap();
    let err = Extractor::builder().gazetteer_file(&path).build().unwrap_err();
    match err {
        Error::Gazetteer { origin, line, message } => {
            assert!(origin.ends_with("bad.tsv"));
            assert_eq!(line, 2);
            assert_eq!(message, "expected name<TAB>kind");
        }
        other => panic!("unexpected {other}"),
    }
    let json = dir.join("bad.json");
    std::fs::write(
        &json,
        "[\n{\"name\": \"Kyiv\", \"kind\": \"place\"},\n{\"name\": \"X\", \"kind\": \"castle\"}\n]",
    )
    .unwrap();
    match Extractor::builder().gazetteer_file(&json).build().unwrap_err() {
        Error::Gazetteer { line, message, .. } => {
            assert_eq!(line, 3);
            assert!(message.contains("unknown kind"), "{message}");
        }
        other => panic!("unexpected {other}"),
    }
}

#[test]
fn a_file_that_is_not_utf8_is_a_bad_gazetteer_naming_its_line() {
    let dir = std::env::temp_dir().join(format!("newsparse-gz8-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("latin1.tsv");
    std::fs::write(&path, b"Kyiv\tplace\nCaf\xe9 Centrale\torganization\n").unwrap();
    match Extractor::builder().gazetteer_file(&path).build().unwrap_err() {
        Error::Gazetteer { origin, line, message } => {
            assert!(origin.ends_with("latin1.tsv"));
            assert_eq!(line, 2);
            assert_eq!(message, "not UTF-8 (invalid byte at byte 4 of the line)");
        }
        other => panic!("unexpected {other}"),
    }
}

#[test]
fn a_missing_file_is_an_io_error() {
    let err = Extractor::builder().gazetteer_file("/no/such/gazetteer.tsv").build().unwrap_err();
    assert!(matches!(err, Error::Io { ref path, .. } if path.ends_with("gazetteer.tsv")));
}

#[test]
fn every_trump_in_the_reference_article_is_a_person() {
    let text = include_str!("../../../examples/ukraine-guarantees.txt");
    let doc = Extractor::new().parse(text).unwrap();
    for e in &doc.entities {
        if e.mentions.iter().any(|m| m.text.contains("Trump")) {
            assert_eq!(e.kind, EntityKind::Person);
        }
    }
}

#[test]
fn public_types_are_thread_safe() {
    fn check<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}
    check::<Gazetteer>();
    check::<Entry>();
    check::<Extractor>();
}

#[test]
fn in_sports_copy_towns_are_teams_but_countries_and_locations_stay_places() {
    let text = "CRICKET - SOMERSET WIN .\nLONDON 1996-08-30\nSomerset beat Leeds by four wickets at home in London, and England drew.";
    let got = entities(text);
    let kind = |mention: &str| got.iter().find(|e| e.2.iter().any(|m| m == mention)).map(|e| e.1);
    assert_eq!(kind("Leeds"), Some(EntityKind::Organization));
    assert_eq!(kind("England"), Some(EntityKind::Place));
    assert_eq!(kind("LONDON"), Some(EntityKind::Place));
}

#[test]
fn outside_sports_a_town_is_a_place() {
    assert_eq!(
        kind_of("Officials in Leeds said the plant would close.", "Leeds"),
        Some(EntityKind::Place)
    );
}

#[test]
fn a_title_before_a_town_makes_it_a_person() {
    assert_eq!(kind_of("Republican candidate Dole said little.", "Dole"), Some(EntityKind::Person));
}

#[test]
fn a_common_word_after_the_is_no_town() {
    assert!(entities("It would split the Alliance, he said.").is_empty());
}

#[test]
fn standalone_punctuation_parts_names() {
    let got = entities("Sjeng Schalken ( Netherlands ) beat Paul Haarhuis .");
    let names: Vec<&str> = got.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(names, ["Sjeng Schalken", "Netherlands", "Paul Haarhuis"]);
}

#[test]
fn a_town_after_an_unknown_first_name_is_a_surname_unless_used_as_a_place() {
    let text = "The former winger Gianluigi Lentini joined Atalanta on Friday.";
    assert_eq!(kind_of(text, "Gianluigi Lentini"), Some(EntityKind::Person));
    let text = "Yeltsin backed Lebed Chechnya peace plan. Lebed is now in Chechnya.";
    assert_eq!(kind_of(text, "Chechnya"), Some(EntityKind::Place));
}

#[test]
fn in_sports_copy_a_plain_name_with_a_side_word_is_a_team() {
    let text = "SOCCER - SCOTTISH RESULTS .\nGLASGOW 1996-08-31\nNotts County drew with Inverness Thistle, and Jim Baxter scored.";
    assert_eq!(kind_of(text, "Notts County"), Some(EntityKind::Organization));
    assert_eq!(kind_of(text, "Inverness Thistle"), Some(EntityKind::Organization));
    assert_eq!(kind_of(text, "Jim Baxter"), Some(EntityKind::Person));
}

#[test]
fn an_unknown_acronym_is_an_organisation() {
    assert_eq!(kind_of("Shares of KGHM rose.", "KGHM"), Some(EntityKind::Organization));
}

#[test]
fn a_preposition_of_place_cues_an_unknown_place() {
    assert_eq!(
        kind_of("The blast hit a cafe in Tavildara on Friday.", "Tavildara"),
        Some(EntityKind::Place)
    );
}

#[test]
fn a_long_capitalised_run_is_an_organisation() {
    let text = "He joined the Kestrel Grain Traders Bramley Cooperative last year.";
    assert_eq!(
        kind_of(text, "Kestrel Grain Traders Bramley Cooperative"),
        Some(EntityKind::Organization)
    );
}

#[test]
fn a_plain_capitalised_pair_is_a_person() {
    assert_eq!(
        kind_of("The goal came from Wasim Akram late on.", "Wasim Akram"),
        Some(EntityKind::Person)
    );
}

#[test]
fn a_title_case_headline_yields_only_trusted_names() {
    let text = "John McCain: Populist Anger Appeals to Bad Angels of Our Nature\n\
                Senator John McCain spoke in Washington.";
    let names: Vec<String> = entities(text).into_iter().map(|e| e.0).collect();
    assert_eq!(names, ["John McCain", "Washington"]);
}

#[test]
fn a_no_break_space_keeps_offsets() {
    let text = "He backed the\u{a0}Republican candidate Donald Trump.";
    assert_eq!(kind_of(text, "Donald Trump"), Some(EntityKind::Person));
}

#[test]
fn a_sentence_full_stop_is_not_part_of_a_name_but_an_abbreviation_is() {
    let got =
        entities("Donors gave to the Clinton Foundation. Shares of Bramley Widgets Inc. rose.");
    let names: Vec<&str> = got.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(names, ["Clinton Foundation", "Bramley Widgets Inc."]);
}

#[test]
fn a_title_alone_is_no_name() {
    assert!(entities("The report of the Inspector General was late.").is_empty());
}
