//! Sentence splitting that survives news abbreviations (U.S., Mr., Sen., Sept., Inc., Jr.,
//! No. 10), initials (J.K.), decimals, times, ellipses and quotation marks.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::Sentence;
use crate::document::Span;
use crate::structure::trim;

const ABBREVIATIONS_TSV: &str = include_str!("../../data/abbreviations.tsv");
const STARTERS_TXT: &str = include_str!("../../data/sentence_starters.txt");

/// How an abbreviation's full stop bears on a sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// Precedes a name: never ends a sentence (Mr., Sen.).
    Title,
    /// Precedes a number: ends a sentence only before a non-digit (No. 10, Sept. 11).
    Number,
    /// Ends a sentence only before a word that usually opens one (Inc., Jr., U.S., J.).
    Ambiguous,
}

static ABBREVIATIONS: LazyLock<HashMap<&'static str, Class>> = LazyLock::new(|| {
    data_rows(ABBREVIATIONS_TSV)
        .filter_map(|row| {
            let (word, class) = row.split_once('\t')?;
            let class = match class.trim() {
                "title" => Class::Title,
                "number" => Class::Number,
                "ambiguous" => Class::Ambiguous,
                _ => return None,
            };
            Some((word, class))
        })
        .collect()
});

static STARTERS: LazyLock<HashMap<&'static str, ()>> =
    LazyLock::new(|| data_rows(STARTERS_TXT).map(|w| (w.trim(), ())).collect());

fn data_rows(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}

/// Splits the paragraph `para` into sentences, appended to `out`.
pub(super) fn split(text: &str, para: Span, paragraph: usize, out: &mut Vec<Sentence>) {
    let s = para.text(text);
    let b = s.as_bytes();
    let mut start = 0;
    let mut from = 0;
    while let Some(at) = next_terminator(b, from) {
        let run = terminator_run(s, at);
        let end = run + closers_len(&s[run..]);
        from = end.max(at + 1);
        let spaced = s[end..].starts_with(char::is_whitespace);
        if spaced && ends_sentence(s, start, at, run, end) {
            push(text, Span::new(para.start + start, para.start + end), paragraph, out);
            start = end;
        }
    }
    push(text, Span::new(para.start + start, para.end), paragraph, out);
}

fn push(text: &str, span: Span, paragraph: usize, out: &mut Vec<Sentence>) {
    let span = trim(text, span);
    if !span.is_empty() {
        out.push(Sentence { span, paragraph });
    }
}

/// The offset of the next `.`, `!`, `?` or `…` at or after `from`.
fn next_terminator(b: &[u8], from: usize) -> Option<usize> {
    let rest = b.get(from..)?;
    let stop = memchr::memchr3(b'.', b'!', b'?', rest).unwrap_or(rest.len());
    // "…" is E2 80 A6: searched by its last byte, as its first is that of every curly quote
    // and dash too
    let ellipsis = memchr::memchr_iter(0xA6, &rest[..stop])
        .find(|&i| i >= 2 && rest[i - 2..].starts_with("…".as_bytes()))
        .map(|i| i - 2);
    let at = ellipsis.unwrap_or(stop);
    (at < rest.len()).then_some(from + at)
}

/// The end of the run of terminators starting at `at` ("?!", "...", "…", ". . .").
fn terminator_run(s: &str, at: usize) -> usize {
    let mut end = at;
    loop {
        let rest = &s[end..];
        if let Some(c) = rest.chars().next().filter(|c| matches!(c, '.' | '!' | '?' | '…')) {
            end += c.len_utf8();
        } else if rest.starts_with(" .") && end > at && s[..end].ends_with('.') {
            end += 2;
        } else {
            return end;
        }
    }
}

/// The length of the closing quotation marks and brackets at the start of `s`.
fn closers_len(s: &str) -> usize {
    s.chars()
        .take_while(|c| matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»'))
        .map(char::len_utf8)
        .sum()
}

/// True when the terminators `s[at..run]` (closers through `end`) end the sentence that
/// began at `start`.
fn ends_sentence(s: &str, start: usize, at: usize, run: usize, end: usize) -> bool {
    let next_word = s[end..].trim_start();
    let Some(next) = next_word.chars().next() else { return true };
    let unquoted = next_word.trim_start_matches(is_opening);
    if next.is_lowercase() || unquoted.starts_with(char::is_lowercase) {
        return false;
    }
    let terms = &s[at..run];
    if terms.contains(['!', '?']) {
        return true;
    }
    if terms != "." {
        return next.is_uppercase() || next.is_numeric() || is_opening(next);
    }
    let word = last_word(&s[start..at]);
    if word.is_empty() {
        return next.is_uppercase();
    }
    let starter = || is_quote(next) || STARTERS.contains_key(first_word(next_word));
    match class_of(word, is_list_number(s, start, at, word)) {
        Some(Class::Title) => false,
        Some(Class::Number) => !next.is_ascii_digit(),
        Some(Class::Ambiguous) => starter(),
        None => true,
    }
}

/// The abbreviation class of `word` (the text before a full stop), or `None` when the full
/// stop after it is a plain full stop.
fn class_of(word: &str, list_number: bool) -> Option<Class> {
    if list_number {
        return Some(Class::Title);
    }
    if let Some(class) = ABBREVIATIONS.get(word) {
        return Some(*class);
    }
    let initials = word.split('.').all(|part| (1..=2).contains(&part.chars().count()))
        && word.chars().all(|c| c.is_alphabetic() || c == '.' || c == '&');
    let single = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    (single || (initials && word.contains('.'))).then_some(Class::Ambiguous)
}

/// True when `word` is a number opening its paragraph ("1. FIREWORKS FLY …").
fn is_list_number(s: &str, start: usize, at: usize, word: &str) -> bool {
    start == 0 && s[..at].trim_start() == word && word.bytes().all(|b| b.is_ascii_digit())
}

/// The last word of `s`, without opening brackets and quotation marks, and after its last
/// hyphen or dash ("then-Sen" → "Sen").
fn last_word(s: &str) -> &str {
    let word = s.rsplit(|c: char| c.is_whitespace() || "-–—".contains(c)).next().unwrap_or("");
    word.trim_start_matches(|c: char| "([{\"'“‘«".contains(c))
}

/// The first word of `s`, without trailing punctuation.
fn first_word(s: &str) -> &str {
    let end = s.find(|c: char| !c.is_alphanumeric()).unwrap_or(s.len());
    &s[..end]
}

fn is_opening(c: char) -> bool {
    is_quote(c) || matches!(c, '(' | '[')
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '„')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split(text, Span::new(0, text.len()), 0, &mut out);
        out.iter().map(|s| s.span.text(text)).collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            sentences("Mr. Smith met U.S. envoys. J.K. Rowling wrote. It rained!"),
            ["Mr. Smith met U.S. envoys.", "J.K. Rowling wrote.", "It rained!"]
        );
        assert_eq!(
            sentences("Sen. Ted Cruz and Gov. Jeb Bush spoke. Dr. Ben Carson did not."),
            ["Sen. Ted Cruz and Gov. Jeb Bush spoke.", "Dr. Ben Carson did not."]
        );
        assert_eq!(
            sentences("He lives at No. 10 Downing St. and works for Acme Inc. He left."),
            ["He lives at No. 10 Downing St. and works for Acme Inc.", "He left."]
        );
        assert_eq!(
            sentences("On Sept. 11 Martin Luther King Jr. Day passed."),
            ["On Sept. 11 Martin Luther King Jr. Day passed."]
        );
    }

    #[test]
    fn hyphenated_titles_and_quoted_lower_case() {
        assert_eq!(
            sentences("She trailed then-Sen. Barack Obama. The U.S. “does not have it,” he said."),
            ["She trailed then-Sen. Barack Obama.", "The U.S. “does not have it,” he said."]
        );
        assert_eq!(sentences("The S.&P. 500 closed lower."), ["The S.&P. 500 closed lower."]);
    }

    #[test]
    fn acronyms_end_sentences_before_a_starter() {
        assert_eq!(
            sentences("The NRA poses a threat to the U.S. Although attacks happened, it stands."),
            ["The NRA poses a threat to the U.S.", "Although attacks happened, it stands."]
        );
        assert_eq!(
            sentences("U.S. President Trump spoke at 6 p.m. Eastern time."),
            ["U.S. President Trump spoke at 6 p.m. Eastern time."]
        );
    }

    #[test]
    fn decimals_times_and_ellipses() {
        assert_eq!(
            sentences("Growth was 3.5 percent at 08:26 today. Fine."),
            ["Growth was 3.5 percent at 08:26 today.", "Fine."]
        );
        assert_eq!(
            sentences("He paused... and went on. Then… Nothing."),
            ["He paused... and went on.", "Then…", "Nothing."]
        );
        assert_eq!(
            sentences("savers . . . they're hurt. Yes."),
            ["savers . . . they're hurt.", "Yes."]
        );
    }

    #[test]
    fn quotation_marks_stay_with_their_sentence() {
        assert_eq!(sentences("\"It is over.\" He left."), ["\"It is over.\"", "He left."]);
        assert_eq!(
            sentences("\"Is it over?\" he asked. No."),
            ["\"Is it over?\" he asked.", "No."]
        );
        assert_eq!(
            sentences("“We won. They lost,” she said."),
            ["“We won.", "They lost,” she said."]
        );
    }

    #[test]
    fn uk_and_unicode_words() {
        assert_eq!(
            sentences("The U.K. Prime Minister spoke in Zürich. Élysée officials agreed."),
            ["The U.K. Prime Minister spoke in Zürich.", "Élysée officials agreed."]
        );
        assert_eq!(sentences("Он сказал: «Да». Потом ушёл."), ["Он сказал: «Да».", "Потом ушёл."]);
    }

    #[test]
    fn a_list_number_stays_with_its_item() {
        assert_eq!(sentences("1. FIREWORKS FLY IN DEBATE."), ["1. FIREWORKS FLY IN DEBATE."]);
    }
}
