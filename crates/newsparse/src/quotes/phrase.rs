//! Noun phrases beside a cue: the subject before a reporting verb, the name after one.

use super::word::{Back, Bare, has, keys, slots, union};
use crate::chars::{after_words8, more_words_than8};
use crate::document::Span;

/// Words that may stand between a subject and its verb ("has", "also", "reportedly").
const AUX_WORDS: &[&str] = &[
    "again",
    "already",
    "also",
    "always",
    "are",
    "can",
    "could",
    "did",
    "do",
    "does",
    "earlier",
    "even",
    "first",
    "friday",
    "further",
    "had",
    "has",
    "have",
    "is",
    "just",
    "last",
    "later",
    "long",
    "may",
    "might",
    "monday",
    "month",
    "morning",
    "never",
    "night",
    "not",
    "now",
    "often",
    "on",
    "once",
    "previously",
    "privately",
    "publicly",
    "recently",
    "repeatedly",
    "reportedly",
    "saturday",
    "should",
    "still",
    "sunday",
    "then",
    "this",
    "thursday",
    "today",
    "tonight",
    "too",
    "tuesday",
    "was",
    "wednesday",
    "week",
    "were",
    "will",
    "would",
    "year",
    "yesterday",
];
const AUX: &[u128] = &keys::<{ slots(AUX_WORDS.len()) }>(AUX_WORDS);

/// Auxiliaries that end a subject on the left: "Rubio has broken many promises" is no subject
/// of "promises".
const VERBAL_WORDS: &[&str] = &[
    "are", "can", "could", "did", "do", "does", "had", "has", "have", "is", "may", "might",
    "should", "was", "were", "will", "would",
];
const VERBAL: &[u128] = &keys::<{ slots(VERBAL_WORDS.len()) }>(VERBAL_WORDS);

/// True when the lower-case `word` is an auxiliary or modal verb.
pub(crate) fn is_verbal(word: &str) -> bool {
    has(VERBAL, word) || has(AUX, word) && !matches!(word, "last" | "week" | "on")
}

/// How many of the words ending with word `k` from the end of `words` stand between a
/// subject and its verb (0 when none does): an auxiliary, a negation ("didn't") or an adverb
/// in -ly ("directly"), one word; a catenative verb with its "to" ("continues to insist",
/// "declined to say"), two.
fn aux_words(text: &str, words: &mut Back<'_>, k: usize) -> usize {
    let (Some(last), Some(bare)) = (words.get(k), words.bare(k)) else { return 0 };
    // its bytes, not its text: the tests compare ends, and need no check that it is UTF-8
    let b = bare.as_bytes();
    // the reader's table is AUX, and it has looked up the words it read while they were
    // auxiliaries
    if words.is_aux(k) || b.ends_with(b"n't") || b.ends_with("n’t".as_bytes()) {
        return 1;
    }
    // the word as written is sliced only for an adverb's look (most words are none)
    if b.len() > 4 && b.ends_with(b"ly") {
        let w = last.text(text);
        if w.starts_with(|c: char| c.is_lowercase()) && !w.ends_with(',') {
            return 1;
        }
    }
    let catenative = b == b"to"
        && words.get(k + 2).is_some()
        && words.get(k + 1).is_some_and(|verb| {
            let lower = verb.text(text).starts_with(|c: char| c.is_lowercase());
            lower && !words.is_in(k + 1, STOPS)
        });
    if catenative { 2 } else { 0 }
}

/// [`ends_left`] of the word `w` (a word of the text), told from its last byte but for a
/// full stop (or no byte), `None` then: no slicing at character boundaries, and no character
/// decoded at a word's end, for each word a subject reads.
fn ends_left_bytes(w: &[u8]) -> Option<bool> {
    Some(match *w.last()? {
        b'.' => return None,
        b',' | b';' | b':' | b'"' => true,
        b'\'' => w.ends_with(b"''"),
        b'-' => w == b"-",
        // “ ” — end with E2 80 9C, 9D, 94; – (E2 80 93) counts alone
        0x80.. => {
            w.ends_with("“".as_bytes())
                || w.ends_with("”".as_bytes())
                || w.ends_with("—".as_bytes())
                || w == "–".as_bytes()
        }
        _ => false,
    })
}

/// True when `w` ends a noun phrase on the left: a comma, colon, closing quotation mark, dash
/// or a full stop that ends no abbreviation ("Mr.", "U.S.", "J.").
fn ends_left(w: &str) -> bool {
    if w.ends_with('.') {
        let core = w.trim_end_matches('.').trim_start_matches(['(', '"', '“']);
        let initial = core.len() == 1 && core.starts_with(|c: char| c.is_uppercase());
        return !(initial || core.contains('.') || has(TITLE_ABBREVIATIONS, core));
    }
    w.ends_with([',', ';', ':', '"', '“', '”', '—']) || w.ends_with("''") || w == "-" || w == "–"
}

/// A subject of one to five lower-case words ending in a plural noun ("opponents",
/// "elected officials from both parties"); `phrase` holds its words last first.
fn bare_plural(text: &str, mut phrase: impl ExactSizeIterator<Item = Span> + Clone) -> bool {
    let n = phrase.len();
    let Some(last) = phrase.clone().next() else { return false };
    let head = last.text(text);
    // the head and the count first: most subjects end in no plural, and then the words
    // are not read
    let plural = head.len() > 3
        && head.ends_with('s')
        && !head.ends_with("ss")
        && !head.ends_with("us")
        && !head.ends_with("is");
    if !plural || n > 5 {
        return false;
    }
    let first = phrase.clone().last().map_or("", |w| w.text(text));
    first.starts_with(char::is_lowercase)
        && !matches!(first, "in" | "on" | "at" | "of" | "for" | "with" | "to" | "from" | "by")
        && phrase.all(|w| {
            let t = w.text(text);
            t.chars().all(|c| c.is_alphabetic() || c == '-') && !has(VERBAL, t)
        })
}

/// Words a subject noun phrase may open with although they are in lower case.
const OPENERS_WORDS: &[&str] = &[
    "a",
    "about",
    "all",
    "almost",
    "an",
    "analysts",
    "another",
    "both",
    "critics",
    "each",
    "every",
    "experts",
    "few",
    "former",
    "half",
    "he",
    "her",
    "his",
    "i",
    "it",
    "its",
    "local",
    "many",
    "more",
    "most",
    "nearly",
    "no",
    "officials",
    "one",
    "only",
    "other",
    "others",
    "our",
    "people",
    "roughly",
    "senior",
    "several",
    "she",
    "some",
    "sources",
    "that",
    "the",
    "their",
    "these",
    "they",
    "this",
    "those",
    "three",
    "top",
    "two",
    "u.s.",
    "us",
    "we",
    "which",
    "who",
];
const OPENERS: &[u128] = &keys::<{ slots(OPENERS_WORDS.len()) }>(OPENERS_WORDS);

/// Words that end a noun phrase on the left: a subject does not reach past them.
const STOPS_WORDS: &[&str] = &[
    "after", "although", "and", "as", "because", "before", "but", "if", "or", "since", "so",
    "than", "that", "though", "until", "when", "where", "whether", "while", "whom",
];
const STOPS: &[u128] = &keys::<{ slots(STOPS_WORDS.len()) }>(STOPS_WORDS);

/// [`STOPS`] and [`VERBAL`] in one table, for one search where a subject may end.
const STOPS_OR_VERBAL: &[u128] =
    &union::<{ slots(STOPS_WORDS.len() + VERBAL_WORDS.len()) }>(STOPS_WORDS, VERBAL_WORDS);

/// The words of `text[span]` with their spans.
pub(crate) fn words(text: &str, span: Span) -> impl DoubleEndedIterator<Item = Span> + '_ {
    let s = span.text(text);
    s.split_whitespace().map(move |w| {
        let off = w.as_ptr() as usize - s.as_ptr() as usize;
        Span::new(span.start + off, span.start + off + w.len())
    })
}

/// True when `word` opens a noun phrase: capitalised, or a determiner or pronoun.
fn opens_phrase(word: &str) -> bool {
    opens_phrase_with(word, || Bare::new(word).is_in(OPENERS))
}

/// [`opens_phrase`], told whether the word's bare form is one of [`OPENERS`] by `opener`
/// (asked only of a word in lower case): the subject reader answers from the key it keeps.
fn opens_phrase_with(word: &str, opener: impl FnOnce() -> bool) -> bool {
    let first = word.chars().find(|c| c.is_alphanumeric());
    first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) || opener()
}

/// The subject noun phrase that ends just before byte `to` (a verb), within `from..to`:
/// auxiliaries dropped, cut at the last comma, colon, quotation mark or conjunction.
///
/// Reads the words backwards from `to`, as few as the rules look at, and never more than
/// the trailing auxiliaries and the [`WINDOW`] words before them.
pub(crate) fn subject_before(text: &str, from: usize, to: usize) -> Option<Span> {
    let mut words = Back::new(text, from, to, WINDOW, AUX);
    // the subject ends with word `end` from the end and starts with word `start - 1`
    let mut end = 0;
    loop {
        match aux_words(text, &mut words, end) {
            0 => break,
            n => end += n,
        }
    }
    let last = words.get(end)?;
    if text.as_bytes()[last.start..last.end].ends_with(b",") {
        let all = words.all();
        return with_appositive(text, &all[..all.len() - end]);
    }
    let mut start = end;
    // the words read one after another, the next read inline
    while let Some(word) = words.get_next(start) {
        // the word's bytes: the tests read its ends, which need no character boundaries
        let w = &text.as_bytes()[word.start..word.end];
        let left = ends_left_bytes(w).unwrap_or_else(|| ends_left(word.text(text)));
        if left || words.is_in(start, STOPS_OR_VERBAL) {
            break;
        }
        start += 1;
        if start - end > MAX_SUBJECT_WORDS {
            return None;
        }
        let opens = matches!(w.first(), Some(b'"' | b'(')) || w.starts_with("“".as_bytes());
        if opens || matches!(w, b"who" | b"which") {
            break;
        }
    }
    // the phrase's first word, the last read (none when the phrase has no word): asked for
    // itself, where the last of `words.read(end, start)` went through all of them
    if start == end {
        return None;
    }
    let first = words.get(start - 1)?;
    // the first word's key is kept: its bare form need not be made again
    let opens = match text.as_bytes()[first.start..first.end].first() {
        // an ASCII letter or digit first is the first of opens_phrase_with's characters
        Some(&c) if c.is_ascii_alphanumeric() => {
            c.is_ascii_uppercase() || c.is_ascii_digit() || words.is_in(start - 1, OPENERS)
        }
        _ => opens_phrase_with(first.text(text), || words.is_in(start - 1, OPENERS)),
    };
    if !opens && !bare_plural(text, words.read(end, start)) {
        return None;
    }
    Some(trim_punct(text, Span::new(first.start, last.end)))
}

/// The most words a subject without an appositive has: [`subject_before`] reads no further.
const MAX_SUBJECT_WORDS: usize = 14;

/// The most words [`subject_before`] reads before the trailing auxiliaries: a subject has at
/// most 15 words, an appositive phrase at most 31, so that a cue deep in a long sentence does
/// not read the whole sentence.
const WINDOW: usize = 32;

/// Openers of a sentence that stand before its subject ("Similarly, X, an aide, said").
const ADVERBS_WORDS: &[&str] = &[
    "also",
    "and",
    "but",
    "earlier",
    "however",
    "instead",
    "later",
    "meanwhile",
    "now",
    "separately",
    "similarly",
    "still",
    "yet",
];
const ADVERBS: &[u128] = &keys::<{ slots(ADVERBS_WORDS.len()) }>(ADVERBS_WORDS);

/// Words that open an introductory phrase ending at a comma before the subject ("As part of
/// the deal, X, an aide, said"); capitalised, they start the sentence.
const INTRODUCTORY_WORDS: &[&str] = &[
    "after",
    "although",
    "as",
    "asked",
    "at",
    "before",
    "despite",
    "during",
    "earlier",
    "following",
    "for",
    "from",
    "if",
    "in",
    "last",
    "later",
    "on",
    "speaking",
    "since",
    "though",
    "through",
    "under",
    "when",
    "while",
    "with",
    "without",
    "writing",
];
const INTRODUCTORY: &[u128] = &keys::<{ slots(INTRODUCTORY_WORDS.len()) }>(INTRODUCTORY_WORDS);

/// `X, APPOSITIVE, said`: the subject from the clause's first word through the appositive.
fn with_appositive(text: &str, all: &[Span]) -> Option<Span> {
    let mut start = 0;
    let first = all.first()?.text(text);
    let bare = Bare::new(first);
    if first.ends_with(',') && (bare.is_in(ADVERBS) || bare.as_str().ends_with("ly")) {
        start = 1;
    } else if first_upper(first) && bare.is_in(INTRODUCTORY) {
        // `Earlier this week, X, APPOSITIVE, said`: the subject starts after the phrase
        let intro = all.iter().position(|w| w.text(text).ends_with(','))? + 1;
        let appositive = all[intro..].iter().any(|w| w.text(text).ends_with(','));
        if appositive && all.get(intro).is_some_and(|w| first_upper(w.text(text))) {
            start = intro;
        }
    }
    let core = all[start..].iter().position(|w| w.text(text).ends_with(','))? + start;
    let n = all.len() - start;
    if core - start > 5
        || n > 30
        || !opens_phrase(all.get(start)?.text(text))
        || !first_upper(all[start].text(text))
    {
        return None;
    }
    Some(trim_punct(text, Span::new(all[start].start, all[all.len() - 1].end)))
}

fn first_upper(word: &str) -> bool {
    word.chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_uppercase)
}

/// Abbreviations whose full stop ends no sentence.
const TITLE_ABBREVIATIONS_WORDS: &[&str] = &[
    "Adm", "Ala", "Ariz", "Ark", "Calif", "Capt", "Cmdr", "Co", "Col", "Colo", "Conn", "Corp",
    "Del", "Dr", "Fla", "Ft", "Ga", "Gen", "Gov", "Hon", "Ill", "Inc", "Ind", "Insp", "Jr", "Kan",
    "Ky", "La", "Lt", "Ltd", "Maj", "Mass", "Md", "Mich", "Minn", "Miss", "Mo", "Mr", "Mrs", "Ms",
    "Mt", "Neb", "Nev", "No", "Okla", "Ore", "Pa", "Prof", "Rep", "Rev", "Sen", "Sgt", "Sr", "St",
    "Supt", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis",
];
const TITLE_ABBREVIATIONS: &[u128] =
    &keys::<{ slots(TITLE_ABBREVIATIONS_WORDS.len()) }>(TITLE_ABBREVIATIONS_WORDS);

/// The noun phrase that starts just after byte `from`, ending at a comma, a full stop or
/// `to`, and of at most 12 words; only the first [`SOURCE_WINDOW`] words are read.
pub(crate) fn phrase_after(text: &str, from: usize, to: usize) -> Option<Span> {
    let rest = &text[from..to];
    let rest = &rest[..after_words8(rest, SOURCE_WINDOW)];
    let lead = rest.len() - rest.trim_start().len();
    let body = &rest[lead..];
    let stop = sentence_stop(body, phrase_stop(body));
    let span = trim_punct(text, Span::new(from + lead, from + lead + stop));
    // one word at least (the first), and at most 12: counted no further than the 13th
    let first = words(text, span).next()?;
    (!more_words_than8(span.text(text), 12) && opens_phrase(first.text(text))).then_some(span)
}

/// Where the first `,`, `;`, `:`, `"`, `“`, `”` or `(` of `body` stands, or its end:
/// `body.find([',', ';', ':', '"', '“', '”', '('])` read on bytes (a curly mark is the
/// three bytes `E2 80 9C` or `E2 80 9D`, and 0xE2 starts a character wherever it stands),
/// with no character decoded.
fn phrase_stop(body: &str) -> usize {
    let b = body.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b',' | b';' | b':' | b'"' | b'(' => return i,
            0xE2 if b[i + 1..].starts_with(&[0x80])
                && matches!(b.get(i + 2), Some(0x9C | 0x9D)) =>
            {
                return i;
            }
            _ => i += 1,
        }
    }
    b.len()
}

/// How many words after a cue are read for the phrase that names a source ([`phrase_after`],
/// `according to X, …`): twice the longest phrase taken, so that one ending in punctuation
/// standing alone is still whole, and a bound, so that a long sentence full of cues is read
/// in time linear in its length, not in the square of it.
pub(crate) const SOURCE_WINDOW: usize = 24;

/// The first full stop that ends a sentence in `body[..stop]`, or `stop`.
fn sentence_stop(body: &str, stop: usize) -> usize {
    let b = body.as_bytes();
    (0..stop)
        .find(|&i| {
            matches!(b[i], b'.' | b'!' | b'?')
                && (i + 1 == b.len() || b[i + 1] == b' ' || b[i + 1] == b'\n')
                && !(i >= 2 && b[i - 2] == b'.')
                && !(i >= 1 && b[i - 1].is_ascii_uppercase() && (i < 2 || b[i - 2] == b' '))
                && !has(TITLE_ABBREVIATIONS, body[..i].rsplit([' ', '(']).next().unwrap_or(""))
        })
        .unwrap_or(stop)
}

/// `span` without surrounding white space and punctuation.
///
/// Only the ends of the span matter, so it reads from each end on bytes and stops at the
/// first byte that is not punctuation, decoding a character only where a byte is not
/// ASCII: the clause-long spans this trims cost a few bytes, not a pass each way.
pub(crate) fn trim_punct(text: &str, span: Span) -> Span {
    let b = text.as_bytes();
    let (mut start, mut end) = (span.start, span.end);
    while start < end {
        let width = match b[start] {
            c if c.is_ascii() => usize::from(ascii_punct(c)),
            _ => text[start..].chars().next().filter(|&c| is_punct(c)).map_or(0, char::len_utf8),
        };
        if width == 0 {
            break;
        }
        start += width;
    }
    while end > start {
        let width = match b[end - 1] {
            c if c.is_ascii() => usize::from(ascii_punct(c)),
            _ => text[..end].chars().next_back().filter(|&c| is_punct(c)).map_or(0, char::len_utf8),
        };
        if width == 0 {
            break;
        }
        end -= width;
    }
    // keep a full stop that ends an abbreviation ("U.S."): one in the last word
    if end < span.end
        && b[end] == b'.'
        && b[start..end].iter().rev().take_while(|&&c| c != b' ').any(|&c| c == b'.')
    {
        end += 1;
    }
    Span::new(start, end)
}

/// The ASCII characters [`is_punct`] accepts, one bit each: white space and `,;:.!?"'-()`.
const ASCII_PUNCT: u128 = {
    let mut mask = 0u128;
    let marks = b" \t\n\x0b\x0c\r,;:.!?\"'-()";
    let mut i = 0;
    while i < marks.len() {
        mask |= 1 << marks[i];
        i += 1;
    }
    mask
};

/// Whether the ASCII byte `c` is one [`trim_punct`] trims: one bit test, no branches.
fn ascii_punct(c: u8) -> bool {
    c < 128 && ASCII_PUNCT >> c & 1 == 1
}

/// White space and the punctuation [`trim_punct`] trims: `,;:.!?"“”‘’'—–-()`.
fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        return ascii_punct(c as u8);
    }
    // the marks first: they are most of what is trimmed, and need no Unicode table
    matches!(c, '“' | '”' | '‘' | '’' | '—' | '–') || c.is_whitespace()
}

/// Whether `span` has at least `n` words (counting no further).
pub(crate) fn has_words(text: &str, span: Span, n: usize) -> bool {
    n == 0 || more_words_than8(span.text(text), n - 1)
}

/// `s` cut before its word `n + 1`: all of `s` when it has at most `n` words. Reads no
/// further than that word, so that checks on the words after a cue cost no more than the
/// few words they look at, however long the sentence.
pub(crate) fn first_words(s: &str, n: usize) -> &str {
    &s[..after_words8(s, n)]
}

/// Where the first " that " in `s` starts: found by its "t"s, with no searcher to set up for
/// the few bytes after a cue.
pub(crate) fn find_that(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    memchr::memchr_iter(b't', b)
        .find(|&i| i > 0 && b[i - 1] == b' ' && b[i..].starts_with(b"that "))
        .map(|i| i - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`phrase_after`] as first written, reading to `to`: the reference for the windowed one.
    fn unbounded_phrase_after(text: &str, from: usize, to: usize) -> Option<Span> {
        let rest = &text[from..to];
        let lead = rest.len() - rest.trim_start().len();
        let body = &rest[lead..];
        let stop = body.find([',', ';', ':', '"', '“', '”', '(']).unwrap_or(body.len());
        let stop = sentence_stop(body, stop);
        let span = trim_punct(text, Span::new(from + lead, from + lead + stop));
        let n = words(text, span).count();
        let first = words(text, span).next()?;
        (n > 0 && n <= 12 && opens_phrase(first.text(text))).then_some(span)
    }

    #[test]
    fn the_phrase_after_a_cue_is_read_within_its_window() {
        let many = "the ".repeat(30);
        let texts = [
            "according to the senior official, it rained".to_string(),
            " Western diplomats familiar with the talks. Then".to_string(),
            format!(" {many}"),
            " a b c d e f g h i j k l — – — , x".to_string(),
            " Reuters (citing sources)".to_string(),
            " “the newspaper” said".to_string(),
            "".to_string(),
        ];
        for text in &texts {
            for from in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
                let ours = phrase_after(text, from, text.len());
                assert_eq!(ours, unbounded_phrase_after(text, from, text.len()), "{text:?} {from}");
            }
        }
    }

    fn subject(s: &str) -> Option<&str> {
        let at = s.find(" said").unwrap();
        subject_before(s, 0, at).map(|sp| sp.text(s))
    }

    #[test]
    fn subject_drops_auxiliaries_and_stops_at_commas() {
        assert_eq!(
            subject("Kyiv's European allies have said that"),
            Some("Kyiv's European allies")
        );
        assert_eq!(subject("it could fail, a senior official said."), Some("a senior official"));
        assert_eq!(subject("the plan failed, and said"), None);
    }

    #[test]
    fn a_merged_table_holds_the_words_of_both() {
        for word in STOPS_WORDS.iter().chain(VERBAL_WORDS) {
            assert!(Bare::new(word).is_in(STOPS_OR_VERBAL), "{word}");
        }
        assert!(!Bare::new("said").is_in(STOPS_OR_VERBAL));
    }

    #[test]
    fn word_tables_hold_their_words() {
        assert!(is_verbal("would") && is_verbal("reportedly") && !is_verbal("week"));
        assert!(!is_verbal("Would") && !is_verbal("said"));
        assert!(opens_phrase("“Several") && opens_phrase("u.s.") && !opens_phrase("against"));
        assert!(!ends_left("Mr.") && !ends_left("Calif.") && ends_left("Cal.") && ends_left("so,"));
        for w in [
            "", "so,", "x;", "a:", "\"", "“", "”", "—", "–", "a–", "-", "a-", "--", "''", "a'",
            "it's'", "word", "é", "café", "x”", "x—", "(a", "Mr.", "a.", "\u{2019}",
        ] {
            let bytes = ends_left_bytes(w.as_bytes());
            assert_eq!(bytes.unwrap_or_else(|| ends_left(w)), ends_left(w), "{w:?}");
            assert_eq!(bytes.is_none(), w.is_empty() || w.ends_with('.'), "{w:?}");
        }
    }

    #[test]
    fn subject_reads_back_past_catenatives_and_appositives() {
        assert_eq!(subject("The mayor declined to said"), Some("The mayor"));
        assert_eq!(subject("The senator reportedly said"), Some("The senator"));
        assert_eq!(subject("He didn't said"), Some("He"));
        assert_eq!(subject("because he said"), Some("he"));
        assert_eq!(subject("The plan, which critics said"), Some("which critics"));
        assert_eq!(subject("officials said"), Some("officials"));
        // a bare phrase needs a plural head
        assert_eq!(subject("opponents of the plan have long said"), None);
        assert_eq!(
            subject("Yet Jane Doe, an aide to the mayor, said"),
            Some("Yet Jane Doe, an aide to the mayor")
        );
        assert_eq!(
            subject("Similarly, Jane Doe, an aide to the mayor, said"),
            Some("Jane Doe, an aide to the mayor")
        );
        assert_eq!(subject(", said"), None);
        assert_eq!(
            subject("Earlier this week, Jane Doe, an aide to the mayor, said"),
            Some("Jane Doe, an aide to the mayor")
        );
    }

    #[test]
    fn subject_has_at_most_fourteen_words() {
        assert_eq!(
            subject("A b c d e f g h i j k l m n said"),
            Some("A b c d e f g h i j k l m n")
        );
        assert_eq!(subject("A b c d e f g h i j k l m n o said"), None);
    }

    /// [`trim_punct`] as first written, with `str`'s trims: the reference for the byte one.
    fn trim_punct_by_str(text: &str, span: Span) -> Span {
        let s = span.text(text);
        let t = s.trim_start_matches(is_punct);
        let start = span.start + (s.len() - t.len());
        let t = t.trim_end_matches(is_punct);
        let mut end = start + t.len();
        if text[end..span.end].starts_with('.')
            && t.rsplit(' ').next().is_some_and(|w| w.contains('.'))
        {
            end += 1;
        }
        Span::new(start, end)
    }

    #[test]
    fn trim_punct_trims_as_str_does() {
        let texts = [
            " “(Yes — U.S.)”, ",
            "‘Étoile’ said U.S. officials. ",
            "\u{a0}\u{2009}—– x\u{a0}y.\u{2009}",
            "a.b c.d.. ,. U.K.",
            "e.g. — ",
            "...",
            "",
            "Zürich’s “ö” — ",
            "\u{feff}x\u{3000}",
            "(“Naïve,” she said.)",
        ];
        for text in texts {
            let cuts: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            for &from in &cuts {
                for &to in cuts.iter().filter(|&&to| to >= from) {
                    let span = Span::new(from, to);
                    assert_eq!(
                        trim_punct(text, span),
                        trim_punct_by_str(text, span),
                        "{text:?} {from}..{to}"
                    );
                }
            }
        }
    }

    #[test]
    fn punctuation_is_white_space_and_the_listed_marks() {
        let listed = ",;:.!?\"“”‘’'—–-()";
        for c in ('\0'..='\u{3100}').chain(['\u{feff}', '\u{1f600}']) {
            assert_eq!(is_punct(c), c.is_whitespace() || listed.contains(c), "{c:?}");
        }
        for b in 0..=u8::MAX {
            let listed = b" \t\n\x0b\x0c\r,;:.!?\"'-()".contains(&b);
            assert_eq!(ascii_punct(b), listed, "{b}");
        }
        let s = " “(Yes — U.S.)”, ";
        assert_eq!(trim_punct(s, Span::new(0, s.len())).text(s), "Yes — U.S.");
    }

    #[test]
    fn first_words_and_that_read_as_few_bytes_as_they_need() {
        assert_eq!(first_words("  one\u{a0}two three", 2), "  one\u{a0}two ");
        assert_eq!(first_words("one two", 2), "one two");
        assert_eq!(first_words("— un deux", 1), "— ");
        assert_eq!(find_that("said that that "), Some(4));
        assert_eq!(find_that("thatthat that x"), Some(8));
        assert_eq!(find_that(" that"), None);
        assert_eq!(find_that("that is all"), None);
    }

    #[test]
    fn a_phrase_stops_where_str_find_finds_its_marks() {
        let texts = [
            "a, b",
            "Jane Doe “x”",
            "x ”",
            "né (y",
            "a;b:c",
            "\u{2018}\u{2019}\u{201e} é",
            "plain",
            "",
        ];
        for text in texts {
            let want = text.find([',', ';', ':', '"', '“', '”', '(']).unwrap_or(text.len());
            assert_eq!(phrase_stop(text), want, "{text:?}");
        }
    }

    #[test]
    fn phrase_after_stops_at_comma() {
        let s = "said Patrick Turner, NATO's envoy.";
        assert_eq!(phrase_after(s, 4, s.len()).map(|sp| sp.text(s)), Some("Patrick Turner"));
    }
}
