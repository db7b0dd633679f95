//! Sentence splitting that survives news abbreviations (U.S., Mr., Sen., Sept., Inc., Jr.,
//! No. 10), initials (J.K.), decimals, times, ellipses and quotation marks.

use std::sync::LazyLock;

use super::{NextHit, Sentence};
use crate::chars::{Find3, letter, skip_space, space_before};
use crate::document::Span;
use crate::gazetteer::FxMap;

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

/// The abbreviations of `data/abbreviations.tsv`, by word, hashed with the crate's Fx hasher
/// (they are short, and looked up for the word before nearly every full stop).
static ABBREVIATIONS: LazyLock<FxMap<&'static str, Class>> = LazyLock::new(|| {
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

/// The length in bytes of the longest abbreviation: a longer word is none, and is not
/// looked up.
static LONGEST_ABBREVIATION: LazyLock<usize> =
    LazyLock::new(|| ABBREVIATIONS.keys().map(|w| w.len()).max().unwrap_or(0));

/// The words of `data/sentence_starters.txt`.
static STARTERS: LazyLock<FxMap<&'static str, ()>> =
    LazyLock::new(|| data_rows(STARTERS_TXT).map(|w| (w.trim(), ())).collect());

/// The rows of a data file: its lines but for comments and blank lines.
fn data_rows(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}

/// Splits the paragraph `para` into sentences, appended to `out`; `ellipsis` is where the
/// next "…" of the text was found for the paragraphs before.
///
/// Every sentence is pushed already trimmed: it starts where the white space after the last
/// one ends and (but for the last) ends at a terminator or closer, so no sentence is trimmed
/// or searched twice.
pub(super) fn split(
    text: &str,
    para: Span,
    paragraph: usize,
    ellipsis: &mut NextHit,
    out: &mut Vec<Sentence>,
) {
    let s = para.text(text);
    let b = s.as_bytes();
    let first = skip_space(s, 0);
    let mut start = first;
    let mut from = 0;
    let first_ellipsis =
        ellipsis.in_paragraph(para, |from| Terminators::ellipsis_from(text.as_bytes(), from));
    let mut terminators = Terminators { b, ellipsis: first_ellipsis };
    while let Some(at) = terminators.next(from) {
        let run = terminator_run(b, at);
        let end = run + closers_len(&b[run..]);
        from = end;
        let next = skip_space(s, end);
        if next > end && ends_sentence(s, first, start, at, run, next) {
            out.push(Sentence { span: Span::new(para.start + start, para.start + end), paragraph });
            start = next;
        }
    }
    let end = trim_end(s, start);
    if end > start {
        out.push(Sentence { span: Span::new(para.start + start, para.start + end), paragraph });
    }
}

/// The end of `s` without its trailing white space, but not before `start`.
fn trim_end(s: &str, start: usize) -> usize {
    let mut end = s.len();
    while end > start {
        let (space, len) = space_before(s, end);
        if !space {
            break;
        }
        end -= len;
    }
    end
}

/// The terminators of a paragraph, in order: `.`, `!` and `?` found by a vectorised memchr3
/// from wherever the splitter goes on, and `…` (E2 80 A6) by its last byte, as its first is
/// that of every curly quote and dash too. The next `…` is kept, so that each byte is
/// searched for it once, and the search for the others stops there; the first is given,
/// found by a search that serves the whole text ([`NextHit`]).
struct Terminators<'a> {
    b: &'a [u8],
    /// The start of the first `…` at or after the last search.
    ellipsis: Option<usize>,
}

impl<'a> Terminators<'a> {
    /// The start of the first `…` in `b` at or after `from`.
    fn ellipsis_from(b: &[u8], from: usize) -> Option<usize> {
        let rest = b.get(from..)?;
        memchr::memchr_iter(0xA6, rest)
            .find(|&i| i >= 2 && rest[i - 2..].starts_with("…".as_bytes()))
            .map(|i| from + i - 2)
    }

    /// The offset of the first `.`, `!`, `?` or `…` at or after `from`.
    fn next(&mut self, from: usize) -> Option<usize> {
        let b = self.b;
        if self.ellipsis.is_some_and(|e| e < from) {
            self.ellipsis = Terminators::ellipsis_from(b, from);
        }
        let until = self.ellipsis.unwrap_or(b.len());
        let stop = STOPS.find(b.get(from..until)?).map(|i| from + i);
        stop.or(self.ellipsis)
    }
}

/// The search for `.`, `!` and `?`, made once.
static STOPS: LazyLock<Find3> = LazyLock::new(|| Find3::new(b'.', b'!', b'?'));

/// The end of the run of terminators starting at `at` ("?!", "...", "…", ". . .").
fn terminator_run(b: &[u8], at: usize) -> usize {
    let mut end = at;
    loop {
        match &b[end..] {
            [b'.' | b'!' | b'?', ..] => end += 1,
            [0xE2, 0x80, 0xA6, ..] => end += 3,
            [b' ', b'.', ..] if end > at && b[end - 1] == b'.' => end += 2,
            _ => return end,
        }
    }
}

/// The length of the closing quotation marks and brackets (`"`, `'`, `”`, `’`, `)`, `]`,
/// `»`) at the start of `b`.
fn closers_len(b: &[u8]) -> usize {
    let mut len = 0;
    loop {
        len += match &b[len..] {
            [b'"' | b'\'' | b')' | b']', ..] => 1,
            [0xE2, 0x80, 0x9D | 0x99, ..] => 3,
            [0xC2, 0xBB, ..] => 2,
            _ => return len,
        };
    }
}

/// True when the terminators `s[at..run]` end the sentence that began at `start`, given
/// that white space follows them (and their closers) and the next word begins at `next`;
/// `first` is where the paragraph's first sentence began.
fn ends_sentence(s: &str, first: usize, start: usize, at: usize, run: usize, next: usize) -> bool {
    let next_word = &s[next..];
    let Some(c) = next_word.chars().next() else { return true };
    if c.is_lowercase() {
        return false;
    }
    // only a word behind opening marks and brackets can start in lower case past them
    if is_opening(c) && next_word.trim_start_matches(is_opening).starts_with(char::is_lowercase) {
        return false;
    }
    let terms = &s.as_bytes()[at..run];
    if terms.iter().any(|&t| matches!(t, b'!' | b'?')) {
        return true;
    }
    if terms != b"." {
        return c.is_uppercase() || c.is_numeric() || is_opening(c);
    }
    let word = last_word(&s[start..at]);
    if word.is_empty() {
        return c.is_uppercase();
    }
    let list_number = start == first && s[first..at] == *word && is_number(word);
    let starter = || is_quote(c) || STARTERS.contains_key(first_word(next_word));
    match class_of(word, list_number) {
        Some(Class::Title) => false,
        Some(Class::Number) => !c.is_ascii_digit(),
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
    if word.len() <= *LONGEST_ABBREVIATION {
        if let Some(class) = ABBREVIATIONS.get(word) {
            return Some(*class);
        }
    }
    let mut chars = word.chars();
    let single = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    (single || is_initials(word)).then_some(Class::Ambiguous)
}

/// True when `word` is dotted initials (U.S, J.K, S.&P): letters and `&` in runs of one or
/// two between full stops, with at least one full stop. Most words are longer runs of
/// letters, answered at their third.
fn is_initials(word: &str) -> bool {
    let mut run = 0;
    let mut dotted = false;
    for c in word.chars() {
        if c == '.' {
            if run == 0 {
                return false;
            }
            run = 0;
            dotted = true;
        } else if c == '&' || letter(c) {
            run += 1;
            if run > 2 {
                return false;
            }
        } else {
            return false;
        }
    }
    dotted && run > 0
}

/// True when `word` is all ASCII digits.
fn is_number(word: &str) -> bool {
    word.bytes().all(|b| b.is_ascii_digit())
}

/// The last word of `s`, without opening brackets and quotation marks, and after its last
/// hyphen or dash ("then-Sen" → "Sen").
///
/// Read backwards a byte at a time: an ASCII byte is told by a comparison, a character is
/// decoded only at a non-ASCII byte.
fn last_word(s: &str) -> &str {
    let b = s.as_bytes();
    let mut i = b.len();
    while i > 0 {
        let byte = b[i - 1];
        if byte.is_ascii() {
            if matches!(byte, b'-' | b' ' | b'\t'..=b'\r') {
                break;
            }
            i -= 1;
            continue;
        }
        let (space, len) = space_before(s, i);
        let dash = b[..i].ends_with("–".as_bytes()) || b[..i].ends_with("—".as_bytes());
        if space || dash {
            break;
        }
        i -= len;
    }
    let mut word = &b[i..];
    loop {
        let len = match word {
            [b'(' | b'[' | b'{' | b'"' | b'\'', ..] => 1,
            [0xE2, 0x80, 0x9C | 0x98, ..] => 3,
            [0xC2, 0xAB, ..] => 2,
            _ => break,
        };
        word = &word[len..];
    }
    &s[s.len() - word.len()..]
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
        split(text, Span::new(0, text.len()), 0, &mut NextHit::default(), &mut out);
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

    /// The splitter as it was before it read bytes: the reference [`split`] must agree with.
    mod reference {
        use super::super::{ABBREVIATIONS, Class, STARTERS, first_word, is_opening, is_quote};
        use crate::document::Span;
        use crate::segment::Sentence;
        use crate::structure::trim;

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

        /// Appends `span`, trimmed, unless it is empty.
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
            let ellipsis = memchr::memchr_iter(0xA6, &rest[..stop])
                .find(|&i| i >= 2 && rest[i - 2..].starts_with("…".as_bytes()))
                .map(|i| i - 2);
            let at = ellipsis.unwrap_or(stop);
            (at < rest.len()).then_some(from + at)
        }

        /// The end of the run of terminators starting at `at`.
        fn terminator_run(s: &str, at: usize) -> usize {
            let mut end = at;
            loop {
                let rest = &s[end..];
                if let Some(c) = rest.chars().next().filter(|c| matches!(c, '.' | '!' | '?' | '…'))
                {
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

        /// True when the terminators `s[at..run]` (closers through `end`) end the sentence
        /// that began at `start`.
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

        /// The abbreviation class of `word`, or `None` for a plain full stop.
        pub(super) fn class_of(word: &str, list_number: bool) -> Option<Class> {
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

        /// True when `word` is a number opening its paragraph.
        fn is_list_number(s: &str, start: usize, at: usize, word: &str) -> bool {
            start == 0 && s[..at].trim_start() == word && word.bytes().all(|b| b.is_ascii_digit())
        }

        /// The last word of `s`, without opening marks, after its last hyphen or dash.
        pub(super) fn last_word(s: &str) -> &str {
            let word =
                s.rsplit(|c: char| c.is_whitespace() || "-–—".contains(c)).next().unwrap_or("");
            word.trim_start_matches(|c: char| "([{\"'“‘«".contains(c))
        }
    }

    /// Pieces of news text that trip sentence splitters, joined at random below.
    const PIECES: &[&str] = &[
        "Mr", "Sen", "No", "Inc", "U.S", "J", "K", "S.&P", "a.m", "said", "the", "The", "It", "10",
        "1", "3.5", "é", "Élysée", "ß", "Ж", "Zürich", "then", "war", "ÉU", "Ö", ".", ".", ".",
        "!", "?", "…", "...", ". . .", " . ", "?!", " ", " ", " ", "  ", "\u{a0}", "\u{2009}",
        "\u{202f}", "\u{85}", "\u{3000}", "\n", "\t", "-", "–", "—", "\"", "'", "“", "”", "‘", "’",
        "«", "»", "„", "(", ")", "[", "]", "{", "&", "A", "x",
    ];

    /// A deterministic run of pseudo-random texts of up to `max` pieces (xorshift).
    fn random_texts(count: usize, max: usize) -> Vec<String> {
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        (0..count)
            .map(|_| {
                let n = 1 + next() as usize % max;
                (0..n).map(|_| PIECES[next() as usize % PIECES.len()]).collect()
            })
            .collect()
    }

    #[test]
    fn byte_splitter_agrees_with_the_char_splitter() {
        let fixed = [
            "",
            " ",
            "Mr. Smith met U.S. envoys. J.K. Rowling wrote. It rained!",
            "  1. FIREWORKS FLY.  Then. ",
            "He paused… and went on… Then. . . Nothing . . .",
            "“We won.” ‘They lost.’ «Non.» (Yes.) [No.] The end.",
            "Growth was 3.5 percent.\u{a0}It rose. \u{2009}Élysée spoke.\u{85}Ж ушёл.",
            "The S.&P. 500 closed. U.S. \"Although\" it did. No. 10 Downing St. He left.",
            "She trailed then-Sen. Barack Obama.—Sen. Bush—and Gen. Lee. x.",
            "End of text.",
            "Dots at the end...",
            "Ellipsis at the end…",
        ];
        let random = random_texts(30_000, 24);
        for text in fixed.iter().copied().chain(random.iter().map(String::as_str)) {
            // the whole text, untrimmed and trimmed, then its lines, all with one `NextHit`
            // as `segment` passes it from paragraph to paragraph (and back to the start)
            let whole = Span::new(0, text.len());
            let mut paras = vec![whole, crate::structure::trim(text, whole)];
            let mut start = 0;
            for line in text.split('\n') {
                paras.push(Span::new(start, start + line.len()));
                start += line.len() + 1;
            }
            let mut ellipsis = NextHit::default();
            for para in paras {
                let (mut new, mut old) = (Vec::new(), Vec::new());
                split(text, para, 7, &mut ellipsis, &mut new);
                reference::split(text, para, 7, &mut old);
                assert_eq!(new, old, "{text:?} {para:?}");
            }
        }
    }

    #[test]
    fn byte_helpers_agree_with_the_char_helpers() {
        for text in random_texts(20_000, 8) {
            assert_eq!(last_word(&text), reference::last_word(&text), "{text:?}");
            for list in [false, true] {
                assert_eq!(class_of(&text, list), reference::class_of(&text, list), "{text:?}");
            }
        }
        for word in
            ["U.S", "S.&P", "J", "J.K", ".S", "U.", "ABC.D", "É.Ü", "Ж", "ж", "a.m", "Mr", ""]
        {
            assert_eq!(class_of(word, false), reference::class_of(word, false), "{word:?}");
        }
    }

    #[test]
    fn a_list_number_stays_with_its_item() {
        assert_eq!(sentences("1. FIREWORKS FLY IN DEBATE."), ["1. FIREWORKS FLY IN DEBATE."]);
    }
}
