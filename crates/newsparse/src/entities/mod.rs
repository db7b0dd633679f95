//! Entities: the people, organisations, places, outlets and groups an article names, their
//! variants clustered, their roles read.
//!
//! # Pipeline
//!
//! 1. **Names** ([`lines`], [`names`]): the words of the whole text are split once, and each
//!    capitalised word and the word before it are read once, from one hash of the word, in
//!    the gazetteer's word table and in the name-word classes ([`words`]): a
//!    [`Lexeme`](words::Lexeme). Each line's words are probed by the [`Gazetteer`] at
//!    capitalised word starts (an all-capitals wire headline is probed in title case, and
//!    only the gazetteer is trusted there). Where no list holds a name, capitalised runs with
//!    connectors ("bin", "de", "van") are typed by rules, each named in
//!    [`Candidate::rule`](names::Candidate): `media_suffix` ("… News"), `org_suffix`
//!    ("… Ministry", "… Party", "… Inc"), `title_cue` ("President X", "envoy X", "Mr X"),
//!    `given_name` (a given name from the US Census lists first, or alone inside a
//!    sentence), `acronym`, `place_cue` ("in X"), `name_shape` (two or three plain
//!    capitalised words), `long_name`. A lone capitalised word no rule types is kept only
//!    when clustering ties it to a person. Sentence-initial words and a list of common
//!    capitalised words ("However", "Monday") never start a name; punctuation, standing
//!    alone or not, parts names; a one-word town after "the" is a common word ("the
//!    Alliance"); a title before a one-word town makes it a person ("candidate Dole"); a
//!    town after an unknown first word is a surname ("winger Gianluigi Lentini") unless the
//!    article uses it as a location elsewhere; a capitals-and-date line is a dateline.
//!    In sports copy (a "SOCCER - …" headline, or sports words in the opening) `sports_team`
//!    makes teams of towns that are not locations, of lone unknown words and of plain names
//!    with a town or a side's word ("Notts County"); countries stay places.
//! 2. **Clustering** ([`cluster`]): gazetteer aliases share their entry (U.S./US/United
//!    States, Kyiv/Kiev, NATO/North Atlantic Treaty Organization); a lone surname joins the
//!    nearest full name with that last word (Trump ← Donald Trump), compared after folding
//!    transliteration endings (Zelensky/Zelenskyy); an acronym joins the organisation whose
//!    initials it spells; a capital whose entry [stands for](crate::Entry::stands_for) its
//!    country joins the country's entity when the article names the country and the capital
//!    is not a location ("in Washington", a dateline) — the mention stays a place mention, so
//!    place-typed scoring is unchanged.
//! 3. **Roles** ([`roles`]): premodifiers ("French President Emmanuel Macron" → role
//!    "President", affiliation "French") and appositives ("Patrick Turner, NATO's senior
//!    representative to Ukraine" → role "senior representative to Ukraine", affiliation
//!    "NATO").
//!
//! # Helpers for later stages
//!
//! Quotes and attribution read entities through crate-internal helpers:
//! [`entity_at`] (the entity with a mention overlapping a span), [`gender`] (from an
//! honorific or a given name), [`is_title`] ("President", "special envoy"), [`is_media`]
//! ("the newspaper" is not; "Bloomberg" is), [`is_group`] ("Europeans"), and [`nominal`]
//! (the person "the US president" or "the Russian leader" refers to, from the roles read
//! earlier in the article).

mod cluster;
mod lines;
mod names;
mod roles;
mod words;

use std::cell::Cell;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::chars::is_word_byte;
use crate::document::{Entity, EntityKind, Region, Span, Structure};
use crate::gazetteer::{Gazetteer, Gender};
use crate::scratch;
use crate::segment::Segments;

/// Finds the entities of `text`, whose non-blank lines are `lines` (as
/// [`non_blank_lines`](crate::structure::non_blank_lines) gives them): split and trimmed once
/// for the structure, the segmentation and the names, as a blank line has no word and white
/// space around a line none either.
///
/// With them, every mention and its entity's index in the order the names were found (text
/// order but for a candidate scanned out of it), in the list the thread kept ([`MENTIONS`]):
/// attribution indexes the mentions by start, and needs only check that this list is in
/// order instead of gathering them from the entities and sorting them.
pub(crate) fn find(
    text: &str,
    lines: &[crate::structure::Line],
    structure: &Structure,
    segments: &Segments,
    gaz: &Gazetteer,
) -> (Vec<Entity>, Vec<(Span, usize)>) {
    let mut words = lines::Words::with_capacity(text.len(), gaz);
    let mut regions = Regions::new(structure, segments);
    for line in lines {
        words.push(text, line.span, regions.of(line.span));
    }
    // (the thread's lists, kept from its last text: a candidate per capitalised word at most)
    let mut cands = scratch::take(&CANDIDATES);
    if cands.capacity() < words.capitalised() {
        cands = Vec::with_capacity(words.capitalised());
    }
    for line in words.lines(text) {
        names::scan(&line, gaz, words.located(), &mut cands);
    }
    if is_sports(text) {
        teams(text, gaz, &mut cands);
    }
    let mut owners = scratch::take(&OWNERS);
    let mut order = scratch::take(&MENTIONS);
    let mut entities = cluster::cluster(text, gaz, &cands, &mut owners, &mut order);
    roles::read(text, gaz, &cands, &owners, &mut entities);
    scratch::give(&OWNERS, owners);
    scratch::give(&CANDIDATES, cands);
    (entities, order)
}

thread_local! {
    /// The list of a text's name candidates, kept for the thread's next text.
    static CANDIDATES: Cell<Vec<names::Candidate>> = const { Cell::new(Vec::new()) };
    /// The list of the entity of each candidate, kept for the thread's next text.
    static OWNERS: Cell<Vec<Option<usize>>> = const { Cell::new(Vec::new()) };
    /// The list of a text's mentions in order ([`find`]), kept for the thread's next
    /// text (attribution gives it back).
    pub(crate) static MENTIONS: Cell<Vec<(Span, usize)>> = const { Cell::new(Vec::new()) };
}

/// True when `text` reads as sports copy: its first word names a sport ("SOCCER - …") or
/// its opening has several sports words ("beat", "innings", "striker"). Out of line: inlined
/// into [`find`], its word loop took registers from the loops around it, which then cost
/// more than the call.
#[inline(never)]
fn is_sports(text: &str) -> bool {
    let first = text.split(|c: char| !c.is_alphabetic()).find(|w| !w.is_empty()).unwrap_or("");
    if names_sport(first) {
        return true;
    }
    let mut end = text.len().min(600);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    sports_cues(&text[..end]) >= 4
}

/// True when the word `word` (of letters only), in title case, names a sport ("SOCCER"):
/// an ASCII word is title-cased on the stack, with no Unicode case tables and no copy.
fn names_sport(word: &str) -> bool {
    let mut buf = [0u8; 32];
    match buf.get_mut(..word.len()) {
        Some(b) if word.is_ascii() => {
            for (i, (to, &c)) in b.iter_mut().zip(word.as_bytes()).enumerate() {
                *to = if i == 0 { c } else { c.to_ascii_lowercase() };
            }
            words::is_bytes(b, words::SPORT)
        }
        _ => words::is(&crate::gazetteer::title_case(word), words::SPORT),
    }
}

/// How many sports words ([`words::SPORT_CUE`]) `head` has, up to four, its words split at
/// characters other than letters, digits and hyphens: the words are found by one search of
/// all of them ([`SPORT_CUES`], a packed searcher that skips most bytes), and a match counts when
/// it is a whole word (no letter, digit or hyphen on either side), where a loop over every
/// word of `head` looked each one up.
///
/// The words hold only ASCII letters and hyphens, so a match lies inside one word of
/// `head`: the leftmost-longest match at a word's start is the word when any is, and a
/// match inside a word hides no match of the next one.
fn sports_cues(head: &str) -> usize {
    match &*SPORT_CUES {
        Cues::Packed(searcher) => whole_words(head, searcher.find_iter(head).map(|m| m.range())),
        Cues::Automaton(ac) => whole_words(head, ac.find_iter(head).map(|m| m.range())),
    }
}

/// How many of the matches `found` in `head` are whole words (no letter, digit or hyphen on
/// either side), up to four.
fn whole_words(head: &str, found: impl Iterator<Item = std::ops::Range<usize>>) -> usize {
    let mut count = 0;
    for m in found {
        let before = head[..m.start].chars().next_back();
        let after = head[m.end..].chars().next();
        if !before.is_some_and(word_char) && !after.is_some_and(word_char) {
            count += 1;
            if count == 4 {
                break;
            }
        }
    }
    count
}

/// A searcher for the sports words, leftmost-longest.
enum Cues {
    /// The packed (SIMD) searcher that an automaton would use as its prefilter, alone: it
    /// finds the matches itself, and costs a fraction of the automaton to build, once a
    /// process (news of one process reads the sports words once).
    Packed(aho_corasick::packed::Searcher),
    /// A non-contiguous automaton (quick to build), where the CPU has no packed searcher.
    Automaton(AhoCorasick),
}

/// The sports words ([`words::SPORT_CUE`]) as one searcher.
static SPORT_CUES: LazyLock<Cues> = LazyLock::new(|| {
    let packed = aho_corasick::packed::Config::new()
        .match_kind(aho_corasick::packed::MatchKind::LeftmostLongest)
        .builder()
        .extend(words::of_class(words::SPORT_CUE))
        .build();
    packed.map_or_else(|| Cues::Automaton(automaton()), Cues::Packed)
});

/// The sports words as a non-contiguous automaton, leftmost-longest.
fn automaton() -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
        .build(words::of_class(words::SPORT_CUE))
        .expect("sports words compile")
}

/// True when `c` goes on with a word as [`sports_cues`] splits them: an ASCII letter, digit
/// or hyphen, or a letter or digit beyond ASCII.
fn word_char(c: char) -> bool {
    if c.is_ascii() { is_word_byte(c as u8) } else { crate::chars::letter_or_digit(c) }
}

/// In sports copy a town or region named as an actor is its team ("Somerset beat Kent"):
/// places other than countries that are not locations ("in Leeds", a dateline), and lone
/// capitalised words no rule typed, and plain names with a town or a side's word in them,
/// become organisations.
fn teams(text: &str, gaz: &Gazetteer, cands: &mut [names::Candidate]) {
    for c in cands.iter_mut() {
        if c.after_locative || c.region == Region::Dateline {
            continue;
        }
        let town =
            c.kind == Some(EntityKind::Place) && c.record.is_some_and(|r| !gaz.is_country(r));
        let lone = c.kind.is_none() && !c.initial;
        if town || lone || team_name(text, gaz, c) {
            c.kind = Some(EntityKind::Organization);
            c.rule = "sports_team";
        }
    }
}

/// A plain capitalised run (no given name, no title) with a town in it or a word that names
/// sides ("Dynamo Moscow", "Notts County", "Queens Park Rangers"): a team.
fn team_name(text: &str, gaz: &Gazetteer, c: &names::Candidate) -> bool {
    c.rule == "name_shape"
        && c.span.text(text).split(' ').any(|w| {
            words::is(w, words::TEAM)
                || gaz.lookup(w).is_some_and(|r| gaz.kind(r) == crate::EntryKind::Place)
        })
}

/// The regions of the lines of a text, asked for in text order: a cursor in the paragraphs
/// and one in the boilerplate blocks, each at the first that ends after the last line asked.
struct Regions<'a> {
    structure: &'a Structure,
    segments: &'a Segments,
    paragraph: usize,
    boilerplate: usize,
}

impl<'a> Regions<'a> {
    fn new(structure: &'a Structure, segments: &'a Segments) -> Regions<'a> {
        Regions { structure, segments, paragraph: 0, boilerplate: 0 }
    }

    /// The region of `line`: its paragraph's, boilerplate inside a boilerplate block, else
    /// body. Lines must come in text order.
    fn of(&mut self, line: Span) -> Region {
        let paras = &self.segments.paragraphs;
        let p = &mut self.paragraph;
        while paras.get(*p).is_some_and(|p| p.span.end <= line.start) {
            *p += 1;
        }
        if let Some(para) = paras.get(*p).filter(|p| p.span.overlaps(line)) {
            return para.region;
        }
        let boiler = &self.structure.boilerplate;
        let b = &mut self.boilerplate;
        while boiler.get(*b).is_some_and(|b| b.span.end <= line.start) {
            *b += 1;
        }
        if boiler.get(*b).is_some_and(|b| b.span.overlaps(line)) {
            return Region::Boilerplate;
        }
        Region::Body
    }
}

/// The index of the entity with a mention overlapping `span`, if any.
#[allow(dead_code)]
pub(crate) fn entity_at(entities: &[Entity], span: Span) -> Option<usize> {
    entities.iter().position(|e| e.mentions.iter().any(|m| m.span.overlaps(span)))
}

/// The gender a person's name or title tells: an honorific ("Mr", "Mrs", "Ms", "Sir") or
/// gendered title ("King", "Queen") first, else the first given name. `None` when neither
/// tells.
#[allow(dead_code)]
pub(crate) fn gender(gaz: &Gazetteer, name: &str) -> Option<Gender> {
    for word in name.split_whitespace() {
        let w = word.trim_end_matches('.');
        match w {
            "Mr" | "Sir" | "Lord" | "King" | "Prince" | "Father" | "Brother" => {
                return Some(Gender::Male);
            }
            "Mrs" | "Ms" | "Miss" | "Dame" | "Lady" | "Queen" | "Princess" | "Sister" => {
                return Some(Gender::Female);
            }
            _ => {}
        }
        if let Some(g) = gaz.given_gender(w) {
            return g;
        }
        if !gaz.is_title(w) {
            return None;
        }
    }
    None
}

/// True when `phrase` is a title or role ("President", "special envoy", "Mr").
#[allow(dead_code)]
pub(crate) fn is_title(gaz: &Gazetteer, phrase: &str) -> bool {
    gaz.is_title(phrase.trim())
}

/// True when `phrase` ("Bloomberg", "the New York Times") names a news outlet.
#[allow(dead_code)]
pub(crate) fn is_media(gaz: &Gazetteer, phrase: &str) -> bool {
    kind_of(gaz, phrase) == Some(EntityKind::Media)
}

/// True when `phrase` ("Europeans", "Ukrainian") names a nationality or group.
#[allow(dead_code)]
pub(crate) fn is_group(gaz: &Gazetteer, phrase: &str) -> bool {
    kind_of(gaz, phrase) == Some(EntityKind::Group)
}

fn kind_of(gaz: &Gazetteer, phrase: &str) -> Option<EntityKind> {
    let p = phrase.trim();
    let p = p.strip_prefix("the ").or_else(|| p.strip_prefix("The ")).unwrap_or(p);
    gaz.lookup(p).and_then(|r| gaz.kind(r).entity_kind())
}

/// Titles general enough to name any leader ("the Russian leader").
const GENERIC_TITLES: &[&str] = &["leader", "head", "chief", "official", "boss"];

/// The person entity a nominal phrase refers to ("the US president", "the Russian leader",
/// "the president"): the person mentioned last before byte `at` whose role agrees with the
/// phrase's title (or the title is generic, like "leader") and whose affiliation agrees
/// with the phrase's premodifier ("US", "Russian"), when it has one.
#[allow(dead_code)]
pub(crate) fn nominal(
    gaz: &Gazetteer,
    entities: &[Entity],
    phrase: &str,
    at: usize,
) -> Option<usize> {
    let lower = phrase.trim().to_lowercase();
    let lower = lower.trim_end_matches("'s").trim_end_matches("’s");
    let words: Vec<&str> = lower.split_whitespace().collect();
    let words = match words.first() {
        Some(&("the" | "this" | "that")) => &words[1..],
        _ => &words[..],
    };
    let k = (1..=words.len().min(3))
        .rev()
        .find(|&k| gaz.is_title(&words[words.len() - k..].join(" ")))?;
    let title = words[words.len() - k..].join(" ");
    let premod = words[..words.len() - k].join(" ");
    let agrees = |e: &Entity| {
        let role = e.role.as_deref().unwrap_or("").to_lowercase();
        let role_ok = role.split(' ').next() == title.split(' ').next()
            || role.starts_with(&title)
            || GENERIC_TITLES.contains(&title.as_str()) && !role.is_empty();
        role_ok && (premod.is_empty() || same_place(gaz, e.affiliation.as_deref(), &premod))
    };
    let last_before =
        |e: &Entity| e.mentions.iter().filter(|m| m.span.end <= at).map(|m| m.span.start).max();
    entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person && agrees(e))
        .filter_map(|e| Some((last_before(e)?, e.id)))
        .max()
        .map(|(_, id)| id)
}

/// True when an affiliation ("US", "Russian") and a lower-cased premodifier ("us",
/// "russian") name the same thing, directly or through the gazetteer ("U.S." and "us").
fn same_place(gaz: &Gazetteer, affiliation: Option<&str>, premod: &str) -> bool {
    let Some(aff) = affiliation else { return false };
    if aff.to_lowercase() == premod {
        return true;
    }
    let forms = [premod.to_uppercase(), crate::gazetteer::title_case(&premod.to_uppercase())];
    let target = forms.iter().find_map(|f| gaz.lookup(f));
    target.is_some() && target == gaz.lookup(aff)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::gazetteer::default_gazetteer;

    #[test]
    fn trimmed_non_blank_lines_find_what_every_line_finds() {
        let gaz = default_gazetteer();
        // lines (each ending with a line feed), blank or not, with white space around them
        let pieces = [
            "President Joe Biden met NATO chief Jens Stoltenberg in Kyiv.\n",
            "\n",
            "  \u{a0}\n",
            "KYIV, Ukraine (AP) — Volodymyr Zelensky said\n",
            "\u{2009}“We need guarantees,” Zelensky told Reuters.\u{3000}\n",
            "\tBy Lara Smith\t\n",
            "SOCCER - LEEDS BEAT CHELSEA\n",
            "Reporting by Tom Balmforth; Editing by Mark Heinrich",
        ];
        for text in crate::chars::strings_of(&pieces, 3) {
            for sep in ["\n", "\r\n", "\r\r\n"] {
                let text = text.replace('\n', sep);
                let structure = crate::structure::analyze(&text);
                let segments = crate::segment::segment(&text, &structure);
                let lines = crate::structure::non_blank_lines(&text);
                // every line as split, as the names read them before they shared these
                let every: Vec<crate::structure::Line> = crate::structure::lines(&text)
                    .map(|span| crate::structure::Line { span, blank_before: false })
                    .collect();
                assert_eq!(
                    find(&text, &lines, &structure, &segments, &gaz),
                    find(&text, &every, &structure, &segments, &gaz),
                    "{text:?}"
                );
            }
        }
    }

    /// [`sports_cues`] as a loop over the words of `head`, each looked up: a byte loop that
    /// decodes a character only at a non-ASCII byte.
    fn sports_cues_by_words(head: &str) -> usize {
        let b = head.as_bytes();
        let shortest = words::shortest(words::SPORT_CUE);
        let (mut count, mut i, mut start) = (0, 0, 0);
        loop {
            // the run of ASCII letters, digits and hyphens: one table load a byte
            while let Some(&c) = b.get(i) {
                if !is_word_byte(c) {
                    break;
                }
                i += 1;
            }
            // the length of the character that parts words here (0 at the end); a letter or
            // digit beyond ASCII goes on with the word
            let part = match b.get(i) {
                None => 0,
                Some(&c) if c < 0x80 => 1,
                // (quotation marks and dashes, the commonest such characters, are told apart
                // from letters without a Unicode table)
                Some(_) => match head[i..].chars().next() {
                    Some(c) if crate::chars::letter_or_digit(c) => {
                        i += c.len_utf8();
                        continue;
                    }
                    c => c.map_or(1, char::len_utf8),
                },
            };
            if i - start >= shortest && words::is_bytes(&b[start..i], words::SPORT_CUE) {
                count += 1;
            }
            if part == 0 || count == 4 {
                return count;
            }
            i += part;
            start = i;
        }
    }

    #[test]
    fn sports_words_are_counted_as_split_words() {
        let split = |head: &str| {
            let shortest = words::shortest(words::SPORT_CUE);
            head.split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|w| w.len() >= shortest && words::is(w, words::SPORT_CUE))
                .take(4)
                .count()
        };
        for head in [
            "Leeds beat Derby 2-1; the striker scored in the first innings.",
            "naïve—beat—striker’s innings\u{a0}scored… beat",
            "beatbeat striker-like strikers Łódź beat",
            "beat",
            "",
            "—",
        ] {
            assert_eq!(sports_cues(head), split(head), "{head:?}");
        }
        assert_eq!(sports_cues("beat striker innings scored beat"), 4);
    }

    #[test]
    fn sports_words_are_found_as_the_word_loop_finds_them() {
        // cue words, their parts and longer forms, and what may stand next to them: letters,
        // digits and hyphens in and beyond ASCII, spaces, marks and dashes
        let pieces = [
            "beat",
            "beats",
            "half-time",
            "semi",
            "-final",
            "goal",
            "x",
            "9",
            "-",
            "é",
            "’",
            " ",
            "B",
            "—",
        ];
        let mut found = 0;
        // the automaton of a CPU with no packed searcher finds the same
        let ac = automaton();
        for head in crate::chars::strings_of(&pieces, 4) {
            let want = sports_cues_by_words(&head);
            assert_eq!(sports_cues(&head), want, "{head:?}");
            assert_eq!(whole_words(&head, ac.find_iter(&head).map(|m| m.range())), want);
            found += want;
        }
        assert!(found > 5_000, "{found}");
    }

    #[test]
    fn sports_are_named_in_any_case() {
        for (word, sport) in
            [("SOCCER", true), ("Soccer", true), ("soccer", false), ("Kyiv", false)]
        {
            assert_eq!(names_sport(word), sport, "{word}");
            let title = crate::gazetteer::title_case(word);
            assert_eq!(names_sport(word), words::is(&title, words::SPORT), "{word}");
        }
        assert!(!names_sport("ŁÓDŹ") && !names_sport("") && !names_sport(&"A".repeat(40)));
    }

    #[test]
    fn nominals_resolve_to_the_titled_person() {
        let text = "US President Donald Trump met Russian dictator Vladimir Putin. \
                    The US president spoke, and the Russian leader listened.";
        let doc = crate::Extractor::new().parse(text).unwrap();
        let gaz = default_gazetteer();
        let at = text.find("The US president").unwrap();
        let trump = nominal(&gaz, &doc.entities, "The US president", at).unwrap();
        assert_eq!(doc.entities[trump].name, "Donald Trump");
        let putin = nominal(&gaz, &doc.entities, "the Russian leader", at).unwrap();
        assert_eq!(doc.entities[putin].name, "Vladimir Putin");
        assert_eq!(nominal(&gaz, &doc.entities, "the French president", at), None);
    }

    #[test]
    fn gender_from_honorific_or_given_name() {
        let gaz = default_gazetteer();
        assert_eq!(gender(&gaz, "Mrs Smith"), Some(Gender::Female));
        assert_eq!(gender(&gaz, "Patrick Turner"), Some(Gender::Male));
        assert_eq!(gender(&gaz, "President Mary Robinson"), Some(Gender::Female));
        assert_eq!(gender(&gaz, "Zorya"), None);
    }

    #[test]
    fn titles_outlets_and_groups_are_known() {
        let gaz = default_gazetteer();
        assert!(is_title(&gaz, "special envoy"));
        assert!(is_title(&gaz, "President"));
        assert!(is_media(&gaz, "the New York Times"));
        assert!(is_group(&gaz, "Europeans"));
        assert!(!is_media(&gaz, "NATO"));
    }

    #[test]
    fn entity_at_finds_an_overlapping_mention() {
        let text = "Patrick Turner spoke in Kyiv.";
        let doc = crate::Extractor::new().parse(text).unwrap();
        assert_eq!(
            entity_at(&doc.entities, Span::new(24, 28)).map(|i| doc.entities[i].name.as_str()),
            Some("Kyiv")
        );
        assert_eq!(entity_at(&doc.entities, Span::new(15, 20)), None);
    }
}
