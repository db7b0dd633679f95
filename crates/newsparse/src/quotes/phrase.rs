//! Noun phrases beside a cue: the subject before a reporting verb, the name after one.

use crate::document::Span;

/// Words that may stand between a subject and its verb ("has", "also", "reportedly").
const AUX: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "would",
    "will",
    "is",
    "was",
    "are",
    "were",
    "did",
    "does",
    "do",
    "previously",
    "later",
    "earlier",
    "then",
    "further",
    "had",
    "once",
    "again",
    "reportedly",
    "repeatedly",
    "publicly",
    "privately",
    "recently",
    "already",
    "still",
    "often",
    "may",
    "might",
    "could",
    "should",
    "can",
    "not",
    "never",
    "always",
    "just",
    "last",
    "week",
    "on",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "now",
    "first",
    "long",
    "even",
    "too",
    "this",
    "month",
    "year",
    "morning",
    "night",
    "tonight",
];

/// Auxiliaries that end a subject on the left: "Rubio has broken many promises" is no subject
/// of "promises".
const VERBAL: &[&str] = &[
    "has", "have", "had", "is", "was", "are", "were", "will", "would", "did", "does", "do", "can",
    "could", "should", "may", "might",
];

/// True when the lower-case `word` is an auxiliary or modal verb.
pub(crate) fn is_verbal(word: &str) -> bool {
    VERBAL.contains(&word) || AUX.contains(&word) && !matches!(word, "last" | "week" | "on")
}

/// True when the last of `words` stands between a subject and its verb: an auxiliary, a
/// negation ("didn't"), an adverb in -ly ("directly") or a catenative verb with its "to"
/// ("continues to insist", "declined to say").
fn is_aux(text: &str, words: &[Span]) -> bool {
    let Some(last) = words.last() else { return false };
    let w = last.text(text);
    let b = bare(w);
    if AUX.contains(&b.as_str()) || b.ends_with("n't") || b.ends_with("n’t") {
        return true;
    }
    let lower = w.starts_with(|c: char| c.is_lowercase());
    if lower && b.len() > 4 && b.ends_with("ly") && !w.ends_with(',') {
        return true;
    }
    b == "to"
        && words.len() >= 3
        && words[words.len() - 2].text(text).starts_with(|c: char| c.is_lowercase())
        && !STOPS.contains(&bare(words[words.len() - 2].text(text)).as_str())
}

/// True when `w` ends a noun phrase on the left: a comma, colon, closing quotation mark, dash
/// or a full stop that ends no abbreviation ("Mr.", "U.S.", "J.").
fn ends_left(w: &str) -> bool {
    if w.ends_with('.') {
        let core = w.trim_end_matches('.').trim_start_matches(['(', '"', '“']);
        let initial = core.len() == 1 && core.starts_with(|c: char| c.is_uppercase());
        return !(initial || core.contains('.') || TITLE_ABBREVIATIONS.contains(&core));
    }
    w.ends_with([',', ';', ':', '"', '“', '”', '—']) || w.ends_with("''") || w == "-" || w == "–"
}

/// A subject of one to five lower-case words ending in a plural noun ("opponents",
/// "elected officials from both parties").
fn bare_plural(text: &str, phrase: &[Span]) -> bool {
    let Some(last) = phrase.last() else { return false };
    let head = last.text(text);
    let plain = phrase.iter().all(|w| {
        let t = w.text(text);
        t.chars().all(|c| c.is_alphabetic() || c == '-') && !VERBAL.contains(&t)
    });
    let first = phrase.first().map_or("", |w| w.text(text));
    plain
        && first.starts_with(char::is_lowercase)
        && phrase.len() <= 5
        && !matches!(first, "in" | "on" | "at" | "of" | "for" | "with" | "to" | "from" | "by")
        && head.len() > 3
        && head.ends_with('s')
        && !head.ends_with("ss")
        && !head.ends_with("us")
        && !head.ends_with("is")
}

/// Words a subject noun phrase may open with although they are in lower case.
const OPENERS: &[&str] = &[
    "a",
    "an",
    "the",
    "another",
    "one",
    "two",
    "three",
    "some",
    "several",
    "many",
    "most",
    "this",
    "that",
    "these",
    "those",
    "other",
    "others",
    "he",
    "she",
    "they",
    "we",
    "i",
    "it",
    "his",
    "her",
    "their",
    "its",
    "our",
    "people",
    "sources",
    "officials",
    "critics",
    "experts",
    "analysts",
    "both",
    "few",
    "senior",
    "top",
    "u.s.",
    "us",
    "who",
    "which",
    "about",
    "nearly",
    "almost",
    "more",
    "all",
    "each",
    "every",
    "half",
    "only",
    "roughly",
    "no",
    "local",
    "former",
    "many",
];

/// Words that end a noun phrase on the left: a subject does not reach past them.
const STOPS: &[&str] = &[
    "that", "and", "but", "because", "while", "as", "if", "when", "after", "although", "though",
    "where", "since", "so", "until", "whether", "or", "than", "before", "whom",
];

/// The words of `text[span]` with their spans.
pub(crate) fn words(text: &str, span: Span) -> impl DoubleEndedIterator<Item = Span> + '_ {
    let s = span.text(text);
    s.split_whitespace().map(move |w| {
        let off = w.as_ptr() as usize - s.as_ptr() as usize;
        Span::new(span.start + off, span.start + off + w.len())
    })
}

fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '.').to_lowercase()
}

/// True when `word` opens a noun phrase: capitalised, or a determiner or pronoun.
fn opens_phrase(word: &str) -> bool {
    let first = word.chars().find(|c| c.is_alphanumeric());
    first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || OPENERS.contains(&bare(word).as_str())
}

/// The subject noun phrase that ends just before byte `to` (a verb), within `from..to`:
/// auxiliaries dropped, cut at the last comma, colon, quotation mark or conjunction.
pub(crate) fn subject_before(text: &str, from: usize, to: usize) -> Option<Span> {
    let from = last_words(text, from, to);
    let all: Vec<Span> = words(text, Span::new(from, to)).collect();
    let mut end = all.len();
    while end > 0 && is_aux(text, &all[..end]) {
        end -= if bare(all[end - 1].text(text)) == "to" { 2 } else { 1 };
    }
    if end > 0 && all[end - 1].text(text).ends_with(',') {
        return with_appositive(text, &all[..end]);
    }
    let mut start = end;
    while start > 0 {
        let w = all[start - 1].text(text);
        if ends_left(w) || STOPS.contains(&bare(w).as_str()) || VERBAL.contains(&bare(w).as_str()) {
            break;
        }
        start -= 1;
        if w.starts_with(['"', '“', '(']) || matches!(w, "who" | "which") {
            break;
        }
    }
    let phrase = &all[start..end];
    if start == end
        || end - start > 14
        || !opens_phrase(all[start].text(text)) && !bare_plural(text, phrase)
    {
        return None;
    }
    let span = Span::new(all[start].start, all[end - 1].end);
    Some(trim_punct(text, span))
}

/// Where the words [`subject_before`] can read begin: the trailing auxiliaries and the 32
/// words before them (a subject has at most 15 words, an appositive phrase at most 31), so
/// that a cue deep in a long sentence does not read the whole sentence.
fn last_words(text: &str, from: usize, to: usize) -> usize {
    let mut trailing_aux = true;
    let mut n = 0;
    for w in words(text, Span::new(from, to)).rev() {
        if trailing_aux && AUX.contains(&bare(w.text(text)).as_str()) {
            continue;
        }
        trailing_aux = false;
        n += 1;
        if n == 32 {
            return w.start;
        }
    }
    from
}

/// Openers of a sentence that stand before its subject ("Similarly, X, an aide, said").
const ADVERBS: &[&str] = &[
    "but",
    "and",
    "however",
    "meanwhile",
    "still",
    "yet",
    "instead",
    "now",
    "similarly",
    "separately",
    "later",
    "earlier",
    "also",
];

/// `X, APPOSITIVE, said`: the subject from the clause's first word through the appositive.
fn with_appositive(text: &str, all: &[Span]) -> Option<Span> {
    let mut start = 0;
    let first = all.first()?.text(text);
    if first.ends_with(',') && ADVERBS.contains(&bare(first).as_str())
        || bare(first).ends_with("ly") && first.ends_with(',')
    {
        start = 1;
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
const TITLE_ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "St", "Jr",
    "Sr", "Prof", "Rev", "Hon", "Adm", "Maj", "Cmdr", "Supt", "Insp", "Mt", "Ft", "Inc", "Corp",
    "Co", "Ltd", "No", "Calif", "Mass", "Conn", "Fla", "Tex", "Ore", "Ariz", "Mich", "Pa", "Va",
    "Wash", "Ill", "Ind", "Ky", "La", "Md", "Mo", "Nev", "Okla", "Tenn", "Wis", "Vt", "Minn",
    "Colo", "Ala", "Ark", "Del", "Ga", "Kan", "Neb", "Miss",
];

/// The noun phrase that starts just after byte `from`, ending at a comma, a full stop or
/// `to`.
pub(crate) fn phrase_after(text: &str, from: usize, to: usize) -> Option<Span> {
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

/// The first full stop that ends a sentence in `body[..stop]`, or `stop`.
fn sentence_stop(body: &str, stop: usize) -> usize {
    let b = body.as_bytes();
    (0..stop)
        .find(|&i| {
            matches!(b[i], b'.' | b'!' | b'?')
                && (i + 1 == b.len() || b[i + 1] == b' ' || b[i + 1] == b'\n')
                && !(i >= 2 && b[i - 2] == b'.')
                && !(i >= 1 && b[i - 1].is_ascii_uppercase() && (i < 2 || b[i - 2] == b' '))
                && !TITLE_ABBREVIATIONS.contains(&body[..i].rsplit([' ', '(']).next().unwrap_or(""))
        })
        .unwrap_or(stop)
}

/// `span` without surrounding white space and punctuation.
pub(crate) fn trim_punct(text: &str, span: Span) -> Span {
    let s = span.text(text);
    let is_punct = |c: char| c.is_whitespace() || ",;:.!?\"“”‘’'—–-()".contains(c);
    let t = s.trim_start_matches(is_punct);
    let start = span.start + (s.len() - t.len());
    let t = t.trim_end_matches(is_punct);
    // keep a full stop that ends an abbreviation ("U.S.")
    let mut end = start + t.len();
    if text[end..span.end].starts_with('.') && t.rsplit(' ').next().is_some_and(|w| w.contains('.'))
    {
        end += 1;
    }
    Span::new(start, end)
}

/// Whether `span` has at least `n` words (counting no further).
pub(crate) fn has_words(text: &str, span: Span, n: usize) -> bool {
    span.text(text).split_whitespace().take(n).count() == n
}

/// `s` cut before its word `n + 1`: all of `s` when it has at most `n` words. Reads no
/// further than that word, so that checks on the words after a cue cost no more than the
/// few words they look at, however long the sentence.
pub(crate) fn first_words(s: &str, n: usize) -> &str {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in s.char_indices() {
        let space = c.is_whitespace();
        if !space && !in_word {
            words += 1;
            if words > n {
                return &s[..i];
            }
        }
        in_word = !space;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn phrase_after_stops_at_comma() {
        let s = "said Patrick Turner, NATO's envoy.";
        assert_eq!(phrase_after(s, 4, s.len()).map(|sp| sp.text(s)), Some("Patrick Turner"));
    }
}
