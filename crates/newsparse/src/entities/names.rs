//! Finding name candidates in a line: gazetteer matches first, then the rules for names no
//! list holds (capitalised runs with connectors, title cues, given names, suffixes, place cues).

use std::cell::Cell;

use super::lines::Line;
use super::words::{self, CONNECTOR, INNER, MEDIA, NOT_NAME, ORG, PLACE_CUE};
use crate::document::{EntityKind, Region, Span};
use crate::gazetteer::{EntryKind, FxMap, Gazetteer};

/// A span that may name an entity, before clustering.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// Where it stands.
    pub(crate) span: Span,
    /// Its kind, `None` when no rule could tell (a lone capitalised word).
    pub(crate) kind: Option<EntityKind>,
    /// The gazetteer record it matched, if any.
    pub(crate) record: Option<u32>,
    /// Where in the article it stands.
    pub(crate) region: Region,
    /// The rule that found it.
    pub(crate) rule: &'static str,
    /// It starts a sentence (so its capital says nothing).
    pub(crate) initial: bool,
    /// The word before it, when that is a preposition of place ("in", "at").
    pub(crate) after_locative: bool,
    /// A title or role just before it ("President", "special envoy"), as a span.
    pub(crate) title: Option<Span>,
}

/// Finds the candidates of one line. Only capitalised words are looked at: a title in
/// lower case ("special envoy") is read back from the capitalised word after it.
pub(crate) fn scan(line: &Line<'_>, gaz: &Gazetteer, located: &Located, out: &mut Vec<Candidate>) {
    // the first word not read yet
    let mut next = 0;
    let mut title: Option<Span> = None;
    for &i in line.caps {
        let i = i as usize;
        if i < next {
            continue;
        }
        if let Some(n) = title_at(line, gaz, i) {
            title = Some(Span::new(line.toks[i].span.start, line.toks[i + n - 1].span.end));
            next = i + n;
            continue;
        }
        let cue = title.take().or_else(|| title_before(line, gaz, i));
        next = i + candidate_at(line, gaz, located, i, cue, out).max(1);
    }
}

/// A lower-case title just before word `i` ("envoy", "special envoy"), if any.
fn title_before(line: &Line<'_>, gaz: &Gazetteer, i: usize) -> Option<Span> {
    if i == 0 || !line.lex(i - 1).gaz.ends_title() {
        return None;
    }
    let last = line.lex(i - 1).gaz;
    let most = gaz.max_title_words().min(i);
    (1..=most).rev().find_map(|n| {
        // only the lengths of the titles the last word ends are looked up
        if !last.may_end_title_of(n) {
            return None;
        }
        let words = &line.toks[i - n..i];
        let ok = words.iter().all(|t| !t.cap() && !t.punct_after() && !t.possessive());
        let span = Span::new(words[0].span.start, words[n - 1].span.end);
        (ok && gaz.is_title(span.text(line.text))).then_some(span)
    })
}

/// The number of words of a title starting at word `i` when a capitalised word follows it
/// ("President Volodymyr", "special envoy Keith", "Mr Smith"), else `None`.
#[inline]
fn title_at(line: &Line<'_>, gaz: &Gazetteer, i: usize) -> Option<usize> {
    // most capitalised words start no title: they are told so without a call
    if !line.lex(i).gaz.starts_title() {
        return None;
    }
    title_from(line, gaz, i)
}

/// [`title_at`] at a word that starts some title.
#[inline(never)]
fn title_from(line: &Line<'_>, gaz: &Gazetteer, i: usize) -> Option<usize> {
    let most = gaz.max_title_words().min(line.toks.len() - i - 1);
    (1..=most).rev().find(|&n| {
        let last = &line.toks[i + n - 1];
        let next = &line.toks[i + n];
        // the phrase is cut from the text only when the words' flags allow a title
        next.cap()
            && !last.punct_after()
            && !last.possessive()
            && (!line.shouting || !next.caps())
            && line.toks[i..i + n - 1].iter().all(|t| !t.punct_after())
            && line.lex(i + n - 1).gaz.may_end_title_of(n)
            && gaz.is_title(Span::new(line.toks[i].span.start, last.span.end).text(line.text))
    })
}

/// Pushes the candidate starting at word `i`, if any, and returns how many words it spans.
fn candidate_at(
    line: &Line<'_>,
    gaz: &Gazetteer,
    located: &Located,
    i: usize,
    title: Option<Span>,
    out: &mut Vec<Candidate>,
) -> usize {
    let t = &line.toks[i];
    if !t.cap() {
        return 0;
    }
    let found = line
        .found(i)
        .filter(|(n, m)| !(*n == 1 && t.caps() && is_common(gaz, m.span().text(line.text))));
    // whether the word starts a sentence: asked by several rules, read at most once
    let initial = Initial { line, i, known: Cell::new(None) };
    let run = if line.shouting { 0 } else { run_at(line, gaz, located, &initial) };
    let ruled = (run > found.as_ref().map_or(0, |f| f.0))
        .then(|| classify(line, &initial, run, title))
        .filter(|(_, rule)| !line.titled || matches!(*rule, "given_name" | "title_cue"));
    // what every candidate found here shares (read only when one is)
    let base = || Candidate {
        span: t.span,
        kind: None,
        record: None,
        region: line.region,
        rule: "",
        initial: initial.get(),
        after_locative: i > 0 && line.is(i - 1, words::LOCATIVE),
        title,
    };
    match (found, ruled) {
        (Some((n, m)), None) | (Some((n, m)), Some((None, _))) => {
            // a one-word place other than a country, asked only where it matters (the
            // country test hashes the record's name)
            let town = n == 1 && m.kind() == EntryKind::Place;
            let place = || town && !gaz.is_country(m.id());
            if town && after_the(line, i) && place() {
                return 1;
            }
            let (kind, rule) = if town && title.is_some() && place() {
                (Some(EntityKind::Person), "title_cue")
            } else {
                (m.kind().entity_kind(), "gazetteer")
            };
            out.push(Candidate { span: m.span(), kind, record: Some(m.id()), rule, ..base() });
            n
        }
        (_, Some((kind, rule))) => {
            let span = Span::new(t.span.start, name_end(line, i + run - 1));
            let is_title = run > 1
                && may_end_title(line, i + run - 1, span)
                && gaz.is_title(span.text(line.text));
            if (kind.is_some() || run == 1) && !is_title {
                out.push(Candidate { span, kind, rule, ..base() });
            }
            run
        }
        (None, None) => 0,
    }
}

/// The number of words of the capitalised run starting at word `i`: capitalised words,
/// connectors between them ("bin", "de"), "of"/"for" after an organisation word. The run
/// stops after punctuation or a possessive, and (unless it starts with a given name) before
/// a word where a gazetteer name starts.
fn run_at(line: &Line<'_>, gaz: &Gazetteer, located: &Located, initial: &Initial<'_, '_>) -> usize {
    let i = initial.i;
    // sliced as text only when its bytes do not tell
    let first = || line.word(i);
    // two ASCII letters first (nearly every word) have two letters
    let two =
        matches!(line.bytes(i), [a, b, ..] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic());
    if line.is(i, NOT_NAME)
        // fewer than two letters: read no further than the second
        || !two
            && first().chars().filter(|c| c.is_alphabetic()).nth(1).is_none()
            && !is_initial(first())
    {
        return 0;
    }
    // an initial ends with a full stop, which its token's flags tell
    let given = line.lex(i).gaz.given().is_some() || line.toks[i].dot() && is_initial(first());
    let mut org = line.is(i, ORG);
    let mut j = i + 1;
    while j < line.toks.len() {
        let prev = &line.toks[j - 1];
        if prev.punct_after()
            || prev.possessive()
            || prev.hyphen.is_some()
            || line.ends_sentence(j - 1)
        {
            break;
        }
        let next_cap = line.toks.get(j + 1).is_some_and(|t| t.cap());
        if line.toks[j].cap() && !line.is(j, NOT_NAME) {
            let surname = joins_surname(line, gaz, located, initial, j);
            if !given && !surname && line.has_found(j) && !line.is(j, ORG | MEDIA) {
                break;
            }
            if title_at(line, gaz, j).is_some() {
                break;
            }
            org |= line.is(j, ORG);
            j += 1;
        } else if next_cap && line.is_ampersand(j) {
            org = true;
            j += 1;
        } else if next_cap && (line.is(j, CONNECTOR) || org && line.is(j, INNER)) {
            j += 1;
        } else {
            break;
        }
    }
    while j > i + 1 && !line.toks[j - 1].cap() {
        j -= 1;
    }
    j - i
}

/// False when the phrase `span`, which ends with word `k`, cannot be a title: its last word
/// is word `k` as written (after a plain space, its full stop kept) and ends no title.
fn may_end_title(line: &Line<'_>, k: usize, span: Span) -> bool {
    let t = &line.toks[k];
    let after_space = line.text.as_bytes().get(t.span.start.wrapping_sub(1)) == Some(&b' ');
    !(after_space && span.end == t.span.end) || line.lex(k).gaz.ends_title()
}

/// True when word `i` follows a lower-case "the" and is not a place said with "the" ("the
/// Alliance" is a common word, "the Hague" a place).
fn after_the(line: &Line<'_>, i: usize) -> bool {
    let word = line.word(i);
    i > 0 && line.word(i - 1) == "the" && !word.ends_with('s') && !line.is(i, words::THE_PLACE)
}

/// True when an all-capitals word that the gazetteer knows only in title case is a common
/// word ("OF", "TIME"; not "US", which it knows as written).
fn is_common(gaz: &Gazetteer, word: &str) -> bool {
    gaz.lookup(word).is_none() && words::is(&crate::gazetteer::title_case(word), NOT_NAME)
}

/// Gazetteer records the article uses as locations ("in Chechnya"), gathered as the words
/// are read ([`Words::located`](super::lines::Words::located)).
pub(crate) type Located = FxMap<u32, ()>;

/// True when word `j` is a one-word town that reads as the surname of the unknown word `i`
/// before it ("winger Gianluigi Lentini", "MaliVai Washington"): the town is not used as a
/// location anywhere in the article ("in Chechnya" keeps "Lebed Chechnya" apart).
fn joins_surname(
    line: &Line<'_>,
    gaz: &Gazetteer,
    located: &Located,
    initial: &Initial<'_, '_>,
    j: usize,
) -> bool {
    let i = initial.i;
    j == i + 1
        && !initial.get()
        && !line.has_found(i)
        && !line.toks[i].caps()
        && line.found(j).is_some_and(|(n, m)| {
            n == 1
                && m.kind() == EntryKind::Place
                && !gaz.is_country(m.id())
                && !located.contains_key(&m.id())
        })
}

/// Where a name ending with word `k` ends: a full stop that ends the sentence is left out,
/// one that ends an initial, an abbreviation ("U.S.") or a company suffix ("Inc.") is kept.
fn name_end(line: &Line<'_>, k: usize) -> usize {
    let t = &line.toks[k];
    if !t.dot() {
        return t.span.end;
    }
    let word = line.word(k);
    let bare = &word[..word.len() - 1];
    let keep = bare.contains('.') || bare.chars().count() == 1 || line.is(k, ORG);
    if keep { t.span.end } else { t.span.end - 1 }
}

/// Whether word `i` of a line starts a sentence ([`Line::initial`]), read the first time a
/// rule asks: the rules at one capitalised word ask it up to four times.
struct Initial<'l, 'a> {
    line: &'l Line<'a>,
    /// The word.
    i: usize,
    /// The answer, once read (a cell of a copy: no call to initialise it).
    known: Cell<Option<bool>>,
}

impl Initial<'_, '_> {
    /// True when the word starts a sentence.
    #[inline]
    fn get(&self) -> bool {
        self.known.get().unwrap_or_else(|| {
            let initial = self.line.initial(self.i);
            self.known.set(Some(initial));
            initial
        })
    }
}

/// "J." or "J": an initial.
fn is_initial(word: &str) -> bool {
    let Some(w) = word.strip_suffix('.') else { return false };
    w.chars().count() == 1 && w.chars().all(char::is_uppercase)
}

/// True when the word of bytes `word` holds only letters, hyphens and apostrophes: read on
/// bytes while they are ASCII (nearly every name), by characters beyond.
#[inline]
fn name_shaped(word: &[u8]) -> bool {
    for (at, &b) in word.iter().enumerate() {
        if b >= 0x80 {
            // (a word's bytes are whole characters, and `at` is at the start of one)
            return std::str::from_utf8(&word[at..])
                .is_ok_and(|w| w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\''));
        }
        if !(b.is_ascii_alphabetic() || b == b'-' || b == b'\'') {
            return false;
        }
    }
    true
}

/// The kind of the run of `n` words at `i` that no gazetteer holds, and the rule that says so.
fn classify(
    line: &Line<'_>,
    initial: &Initial<'_, '_>,
    n: usize,
    title: Option<Span>,
) -> (Option<EntityKind>, &'static str) {
    let i = initial.i;
    let k = i + n - 1;
    // the last word without a full stop, unless it is an organisation word as written
    // ("Inc."): a word ends with a full stop when its token's flags say so
    let stripped =
        (line.toks[k].dot() && !line.is(k, ORG)).then(|| line.word(k).strip_suffix('.')).flatten();
    let last_is = |class| stripped.map_or_else(|| line.is(k, class), |w| words::is(w, class));
    if n > 1 && last_is(MEDIA) {
        return (Some(EntityKind::Media), "media_suffix");
    }
    if last_is(ORG) && (n > 1 || line.toks[i].caps())
        || (i..i + n).any(|k| line.is_ampersand(k))
        || n > 2 && (i..i + n).any(|k| line.is(k, ORG))
    {
        return (Some(EntityKind::Organization), "org_suffix");
    }
    if title.is_some() {
        return (Some(EntityKind::Person), "title_cue");
    }
    let given = line.lex(i).gaz.given().is_some();
    if n > 1 && (given || line.toks[i].dot() && is_initial(line.word(i))) {
        return (Some(EntityKind::Person), "given_name");
    }
    if n == 1 && !initial.get() && given {
        return (Some(EntityKind::Person), "given_name");
    }
    if n == 1 && line.toks[i].caps() && (2..=6).contains(&line.toks[i].span.len()) {
        return (Some(EntityKind::Organization), "acronym");
    }
    if n <= 2 && i > 0 && line.is(i - 1, PLACE_CUE) && !initial.get() {
        return (Some(EntityKind::Place), "place_cue");
    }
    if (2..=3).contains(&n) && (i..i + n).all(|k| name_shaped(line.bytes(k))) {
        return (Some(EntityKind::Person), "name_shape");
    }
    if n > 3 {
        return (Some(EntityKind::Organization), "long_name");
    }
    (None, "capitalised")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::lines::Words;

    /// [`title_before`] trying every length, as first written: the reference for the
    /// lengths the last word's title bits leave out.
    fn title_before_every_length(line: &Line<'_>, gaz: &Gazetteer, i: usize) -> Option<Span> {
        if i == 0 || !line.lex(i - 1).gaz.ends_title() {
            return None;
        }
        let most = gaz.max_title_words().min(i);
        (1..=most).rev().find_map(|n| {
            let words = &line.toks[i - n..i];
            let ok = words.iter().all(|t| !t.cap() && !t.punct_after() && !t.possessive());
            let span = Span::new(words[0].span.start, words[n - 1].span.end);
            (ok && gaz.is_title(span.text(line.text))).then_some(span)
        })
    }

    /// [`title_from`] trying every length whose last word ends some title.
    fn title_from_every_length(line: &Line<'_>, gaz: &Gazetteer, i: usize) -> Option<usize> {
        let most = gaz.max_title_words().min(line.toks.len() - i - 1);
        (1..=most).rev().find(|&n| {
            let last = &line.toks[i + n - 1];
            let next = &line.toks[i + n];
            next.cap()
                && !last.punct_after()
                && !last.possessive()
                && (!line.shouting || !next.caps())
                && line.toks[i..i + n - 1].iter().all(|t| !t.punct_after())
                && line.lex(i + n - 1).gaz.ends_title()
                && gaz.is_title(Span::new(line.toks[i].span.start, last.span.end).text(line.text))
        })
    }

    #[test]
    fn name_shapes_are_told_as_by_characters() {
        let pieces = ["a", "Z", "-", "'", "é", "’", "1", " ", "&", "Ł", "\u{2160}"];
        for word in crate::chars::strings_of(&pieces, 4) {
            let want = word.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'');
            assert_eq!(name_shaped(word.as_bytes()), want, "{word:?}");
        }
    }

    #[test]
    fn titles_are_found_at_the_lengths_their_last_words_end() {
        let odd = Gazetteer::from_tsv(
            "odd",
            "special envoy\ttitle\ndeputy special envoy\ttitle\nthe\u{a0}odd one\ttitle\n\
             head “envoy\ttitle\na b c d e f g envoy\ttitle\nvice president\ttitle\n\
             president\ttitle\nżupan\ttitle\nsenior Żupan adviser\ttitle\n",
        )
        .unwrap();
        let text = "the deputy special envoy Keith met the\u{a0}odd one Smith and head “envoy Jones \
                    and a b c d e f g envoy Brown, vice president Harris, żupan Nowak, \
                    senior żupan adviser Kowalski, special\u{a0}envoy Lee, Special Envoy Kim \
                    and President Vice President Joe, the odd one Zed, DEPUTY SPECIAL ENVOY Ann";
        for gaz in [odd, crate::gazetteer::default_gazetteer().as_ref().clone()] {
            let mut words = Words::with_capacity(text.len(), &gaz);
            words.push(text, Span::new(0, text.len()), Region::Body);
            let mut found = 0;
            let mut before = Vec::new();
            for line in words.lines(text) {
                // (the rules ask at capitalised words, the words read ahead are around them)
                for i in line.caps.iter().map(|&i| i as usize) {
                    let want = title_before_every_length(&line, &gaz, i);
                    assert_eq!(title_before(&line, &gaz, i), want, "{i}");
                    found += usize::from(want.is_some());
                    before.extend(want.map(|span| span.text(text)));
                    if i + 1 < line.toks.len() && line.lex(i).gaz.starts_title() {
                        let want = title_from_every_length(&line, &gaz, i);
                        assert_eq!(title_from(&line, &gaz, i), want, "{i}");
                        found += usize::from(want.is_some());
                    }
                }
            }
            assert!(found >= 6, "{found}");
            if gaz.max_title_words() == 8 {
                // titles of other shapes, which any number of words may match, are found too
                for title in ["the\u{a0}odd one", "head “envoy", "a b c d e f g envoy"] {
                    assert!(before.contains(&title), "{title:?} {before:?}");
                }
            }
        }
    }
}
