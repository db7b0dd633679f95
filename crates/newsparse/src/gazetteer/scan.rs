//! The gazetteer probe at a word of a line.

use std::num::NonZeroUsize;

use super::hash::{key, key_bytes, key_title_case_ascii};
use super::tokens::Token;
use super::{Gazetteer, MAX_WORDS, Match, Word};
use crate::document::Span;

/// True when a name starting at `t` can start only one way: the word has one possible end
/// (no full stop, no hyphen) and no title-case form to try.
fn is_plain(t: &Token, fold: bool) -> bool {
    !t.dot() && t.hyphen.is_none() && !(fold && t.caps())
}

/// The ends to try for a name ending at `t`, longest first.
fn ends(t: &Token) -> impl Iterator<Item = usize> {
    let dot = t.dot().then(|| t.span.end - 1);
    [Some(t.span.end), dot, t.hyphen.map(NonZeroUsize::get)].into_iter().flatten()
}

/// False when no name of two words or more can start at the word `t`, whose entry in the
/// word table is `first`: a space follows the word, and no name that starts with it has a
/// second word that starts with the byte after that space ([`Word::may_go_on_with`]).
///
/// This never rules out a name that a span from `t` to a later word would match. Such a span
/// ends at or after the start of that later word, past the space, so it is the word, the
/// space, then either nothing (the name would be the word and a space, and
/// [`Word::add_second`] vouches for every byte then) or the byte after the space, which the
/// name, starting with the word as written and a space, has as its second word's first byte
/// and so in `first`.
fn may_go_on(text: &str, t: &Token, first: Word) -> bool {
    let b = text.as_bytes();
    let end = t.span.end;
    b.get(end) != Some(&b' ') || b.get(end + 1).is_none_or(|&c| first.may_go_on_with(c))
}

/// The most words, up to `most` (at least 1), that a name starting at word `i` of `toks` may
/// span: none of its words but the last has punctuation or a possessive after it. Found
/// once, where testing the words of each length tried would test the first ones again.
fn reach(toks: &[Token], i: usize, most: usize) -> usize {
    let inner = &toks[i..i + most.saturating_sub(1)];
    inner.iter().position(|w| w.punct_after() || w.possessive()).map_or(most, |p| p + 1)
}

/// `s` with every word's letters after the first in lower case ("NEW YORK" → "New York").
pub(crate) fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_letter = false;
    for c in s.chars() {
        if prev_letter {
            out.extend(c.to_lowercase())
        } else {
            out.push(c)
        }
        prev_letter = c.is_alphabetic() || c == '\'';
    }
    out
}

/// The [`key`] of [`title_case`]`(s)`: an ASCII `s` title-cased eight bytes at a time as it
/// is hashed ([`key_title_case_ascii`]), with no copy; other text copied.
fn title_case_key(s: &str) -> u64 {
    key_title_case_ascii(s.as_bytes()).unwrap_or_else(|| key(&title_case(s)))
}

/// The bytes of `span` of `text`, sliced with a bounds check alone: the spans the probe
/// reads (a word, or words, to one of the last word's ends) lie on character boundaries,
/// and their keys are hashed from bytes, so that no character-boundary check is needed.
#[inline]
fn bytes_at(text: &str, span: Span) -> &[u8] {
    text.as_bytes().get(span.start..span.end).unwrap_or_default()
}

impl Gazetteer {
    /// [`lookup`](Gazetteer::lookup) of the name at `span` of `text`, hashed from its bytes.
    #[inline]
    fn lookup_at(&self, text: &str, span: Span) -> Option<u32> {
        self.store.lookup_key(key_bytes(bytes_at(text, span)))
    }

    /// [`match_word`](Gazetteer::match_word) at any word `i` of `toks`, reading its entry in
    /// the word table: the probe at every word, which the tests hold
    /// [`find_iter`](Gazetteer::find_iter) to.
    #[cfg(test)]
    pub(crate) fn match_at<'g>(
        &'g self,
        text: &str,
        toks: &[Token],
        i: usize,
        fold: bool,
    ) -> Option<(usize, Match<'g>)> {
        let t = &toks[i];
        if !t.cap() {
            return None;
        }
        let first = self.store.exact(t.span.text(text));
        if is_plain(t, fold) {
            return self.match_plain(text, toks, i, first);
        }
        self.match_ends(text, toks, i, fold, first)
    }

    /// The longest name starting at the capitalised word `i` of `toks`, whose entry in the
    /// word table the caller has read (`first`): how many words it spans and the match. With
    /// `fold`, an all-capitals span is also tried in title case.
    #[inline]
    pub(crate) fn match_word<'g>(
        &'g self,
        text: &str,
        toks: &[Token],
        i: usize,
        fold: bool,
        first: Word,
    ) -> Option<(usize, Match<'g>)> {
        let t = &toks[i];
        if is_plain(t, fold) {
            // most capitalised words start no name of two words or more, or none that goes
            // on as the text does: spare them the call
            if first.most() < 2 || !may_go_on(text, t, first) {
                return first.alone().map(|id| (1, Match { span: t.span, gazetteer: self, id }));
            }
            return self.match_plain(text, toks, i, first);
        }
        self.match_ends(text, toks, i, fold, first)
    }

    /// [`match_word`](Gazetteer::match_word) at a capitalised word with several possible ends
    /// (a full stop, a hyphen) or with a title-case form to try; `first` is the word's entry
    /// in the word table.
    fn match_ends<'g>(
        &'g self,
        text: &str,
        toks: &[Token],
        i: usize,
        fold: bool,
        first: Word,
    ) -> Option<(usize, Match<'g>)> {
        let t = &toks[i];
        let exact = self.max_words(text, t, false, Some(first));
        let folded = if fold && t.caps() { self.max_words(text, t, true, None) } else { 0 };
        let most = reach(toks, i, exact.max(folded).min(toks.len() - i));
        for n in (1..=most).rev() {
            let last = &toks[i + n - 1];
            for end in ends(last) {
                let span = Span::new(t.span.start, end);
                let id = (n <= exact).then(|| self.lookup_at(text, span)).flatten().or_else(|| {
                    (n <= folded && last.caps())
                        .then(|| self.store.lookup_key(title_case_key(span.text(text))))?
                });
                if let Some(id) = id {
                    return Some((n, Match { span, gazetteer: self, id }));
                }
            }
        }
        None
    }

    /// [`match_word`](Gazetteer::match_word) for a word with one possible end: its entry in the
    /// word table, `first`, tells how long a name may be and the name the word is alone.
    fn match_plain<'g>(
        &'g self,
        text: &str,
        toks: &[Token],
        i: usize,
        first: Word,
    ) -> Option<(usize, Match<'g>)> {
        let t = &toks[i];
        let (most, alone) = (first.most(), first.alone());
        let most = reach(toks, i, most.min(MAX_WORDS).min(toks.len() - i));
        for n in (2..=most).rev() {
            for end in ends(&toks[i + n - 1]) {
                let span = Span::new(t.span.start, end);
                if let Some(id) = self.lookup_at(text, span) {
                    return Some((n, Match { span, gazetteer: self, id }));
                }
            }
        }
        alone.map(|id| (1, Match { span: t.span, gazetteer: self, id }))
    }

    /// The most words a name starting with word `t` (in title case with `fold`) has, 0 when
    /// none starts with it; `first` is the word's entry as written, when known.
    fn max_words(&self, text: &str, t: &Token, fold: bool, first: Option<Word>) -> usize {
        let mut most = 0;
        for end in ends(t) {
            let w = Span::new(t.span.start, end);
            let n = match (fold, first) {
                (true, _) => self.store.exact_key(title_case_key(w.text(text))).most(),
                (false, Some(first)) if end == t.span.end => first.most(),
                (false, _) => self.store.exact_key(key_bytes(bytes_at(text, w))).most(),
            };
            most = most.max(n);
        }
        most.min(MAX_WORDS)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens;
    use super::*;

    #[test]
    fn title_case_folds_capitals() {
        assert_eq!(title_case("NEW YORK"), "New York");
        assert_eq!(title_case("O'NEILL-SMITH"), "O'neill-Smith");
        for s in ["NEW YORK", "O'NEILL-SMITH", "U.S.", "ŁÓDŹ", "", &"AB ".repeat(30)] {
            assert_eq!(title_case_key(s), key(&title_case(s)), "{s}");
        }
        // every string of four pieces at the edges of the letter ranges, across the loads
        let pieces = ["A", "Z", "a", "z", "@", "[", "`", "{", "'", " ", "-", "É", "ABCDEFG"];
        for s in crate::chars::strings_of(&pieces, 4) {
            for s in [s.clone(), format!("X{s}"), format!("NEW YORK{s}Q")] {
                assert_eq!(title_case_key(&s), key(&title_case(&s)), "{s:?}");
            }
        }
    }

    /// `match_plain` for a word with one possible end, as it was before [`may_go_on`] spared
    /// it: every length tried, down to two words.
    fn match_plain_unfiltered(
        gaz: &Gazetteer,
        text: &str,
        toks: &[Token],
        i: usize,
        first: Word,
    ) -> Option<(usize, Span, u32)> {
        let t = &toks[i];
        let most = first.most().min(MAX_WORDS).min(toks.len() - i);
        for n in (2..=most).rev() {
            if toks[i..i + n - 1].iter().any(|w| w.punct_after() || w.possessive()) {
                continue;
            }
            for end in ends(&toks[i + n - 1]) {
                let span = Span::new(t.span.start, end);
                if let Some(id) = gaz.lookup(span.text(text)) {
                    return Some((n, span, id));
                }
            }
        }
        first.alone().map(|id| (1, t.span, id))
    }

    /// Every name and alias of the default gazetteer's files (and its titles and given
    /// names, which do no harm as text to match).
    fn default_names() -> impl Iterator<Item = &'static str> {
        super::super::default::FILES.iter().flat_map(|(_, file)| {
            file.lines().filter(|l| !l.starts_with('#')).flat_map(|line| {
                let mut cols = line.split('\t');
                let name = cols.next().unwrap_or("");
                let aliases = cols.nth(1).unwrap_or("");
                std::iter::once(name).chain(aliases.split('|').filter(|a| !a.is_empty()))
            })
        })
    }

    /// Compares `match_word` with the unfiltered probe at every capitalised plain word of
    /// `text`; returns how many names of two words or more were found.
    fn same_as_unfiltered(gaz: &Gazetteer, text: &str, toks: &mut Vec<Token>) -> usize {
        toks.clear();
        tokens(text, Span::new(0, text.len()), toks);
        let mut longer = 0;
        for i in (0..toks.len()).filter(|&i| toks[i].cap() && is_plain(&toks[i], true)) {
            let first = gaz.word(toks[i].span.text(text));
            let got = gaz.match_word(text, toks, i, true, first);
            let got = got.map(|(n, m)| (n, m.span(), m.id()));
            let want = match_plain_unfiltered(gaz, text, toks, i, first);
            assert_eq!(got, want, "{text:?} at word {i}");
            longer += usize::from(want.is_some_and(|(n, ..)| n >= 2));
        }
        longer
    }

    #[test]
    fn the_second_word_filter_skips_only_lookups_that_fail() {
        let gaz = crate::gazetteer::default_gazetteer();
        let mut toks = Vec::new();
        let mut longer = 0;
        for name in default_names().filter(|n| n.contains(' ')) {
            let (first, rest) = name.split_once(' ').unwrap_or_default();
            let texts = [
                format!("{name} said"),
                format!("In {name}-based"),
                format!("The {name}. Then"),
                format!("{name}'s {name}"),
                format!("{first} {}", rest.to_lowercase()),
                format!("{first} ({rest})"),
                format!("{first}  {rest}"),
                format!("{first}\t{rest}"),
                format!("{first} "),
            ];
            for text in &texts {
                longer += same_as_unfiltered(&gaz, text, &mut toks);
            }
        }
        assert!(longer > 10_000, "{longer}");
    }

    /// The names of `text` as probing every word of every line with
    /// [`match_at`](Gazetteer::match_at) finds them.
    fn probe_every_word(gaz: &Gazetteer, text: &str) -> Vec<(Span, u32)> {
        let mut out = Vec::new();
        let mut toks = Vec::new();
        for line in crate::structure::lines(text) {
            toks.clear();
            tokens(text, line, &mut toks);
            let mut i = 0;
            while i < toks.len() {
                match gaz.match_at(text, &toks, i, false) {
                    Some((n, m)) => {
                        out.push((m.span(), m.id()));
                        i += n;
                    }
                    None => i += 1,
                }
            }
        }
        out
    }

    #[test]
    fn find_iter_finds_what_probing_every_word_finds() {
        let gaz = crate::gazetteer::default_gazetteer();
        let names: Vec<&str> = default_names().collect();
        let mut found = 0;
        for (k, chunk) in names.chunks(7).enumerate() {
            // the names side by side, after lower-case words, in parentheses, with full
            // stops, possessives and hyphens, in capitals, across lines
            let text = match k % 4 {
                0 => chunk.join(" and "),
                1 => chunk.iter().map(|n| format!("({n}'s) {n}. the {n}-based")).collect(),
                2 => chunk.join(" ").to_uppercase(),
                _ => chunk.join("\n"),
            };
            let got: Vec<_> = gaz.find_iter(&text).map(|m| (m.span(), m.id())).collect();
            assert_eq!(got, probe_every_word(&gaz, &text), "{text:?}");
            found += got.len();
        }
        let article = include_str!("../../../../examples/ukraine-guarantees.txt");
        let got: Vec<_> = gaz.find_iter(article).map(|m| (m.span(), m.id())).collect();
        assert_eq!(got, probe_every_word(&gaz, article));
        assert!(found > 30_000 && got.len() > 50, "{found} {}", got.len());
    }

    #[test]
    fn the_second_word_filter_vouches_for_a_name_that_ends_with_a_space() {
        // no checked gazetteer holds such a name, but one built unchecked might
        let mut store = super::super::store::Store::default();
        let text = super::super::store::Text::Static("Foo \tplace\nFoo bar baz\tplace\n");
        super::super::load::tsv_into(&mut store, "test", text).ok();
        let gaz = Gazetteer::with_store(store);
        let mut toks = Vec::new();
        for text in ["Foo ", "Foo bar baz", "Foo Bar", "Foo b"] {
            same_as_unfiltered(&gaz, text, &mut toks);
        }
    }
}
