//! The gazetteer probe at a word of a line.

use std::num::NonZeroUsize;

use super::hash::{key, key_bytes};
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

/// The [`key`] of [`title_case`]`(s)`, without allocating for a short ASCII `s`.
fn title_case_key(s: &str) -> u64 {
    let mut buf = [0u8; 64];
    let Some(b) = buf.get_mut(..s.len()).filter(|_| s.is_ascii()) else {
        return key(&title_case(s));
    };
    let mut prev_letter = false;
    for (out, &c) in b.iter_mut().zip(s.as_bytes()) {
        *out = if prev_letter { c.to_ascii_lowercase() } else { c };
        prev_letter = c.is_ascii_alphabetic() || c == b'\'';
    }
    key_bytes(b)
}

impl Gazetteer {
    /// The longest name starting at word `i` of `toks`: how many words it spans and the
    /// match. With `fold`, an all-capitals span is also tried in title case.
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
        if is_plain(t, fold) {
            return self.match_plain(text, toks, i, self.store.exact(t.span.text(text)));
        }
        self.match_ends(text, toks, i, fold, None)
    }

    /// [`match_at`](Gazetteer::match_at) at a capitalised word whose entry in the word table
    /// the caller has read already.
    pub(crate) fn match_word<'g>(
        &'g self,
        text: &str,
        toks: &[Token],
        i: usize,
        fold: bool,
        first: Word,
    ) -> Option<(usize, Match<'g>)> {
        if is_plain(&toks[i], fold) {
            return self.match_plain(text, toks, i, first);
        }
        self.match_ends(text, toks, i, fold, Some(first))
    }

    /// [`match_at`](Gazetteer::match_at) at a capitalised word with several possible ends
    /// (a full stop, a hyphen) or with a title-case form to try; `first` is the word's entry
    /// in the word table when the caller has read it.
    fn match_ends<'g>(
        &'g self,
        text: &str,
        toks: &[Token],
        i: usize,
        fold: bool,
        first: Option<Word>,
    ) -> Option<(usize, Match<'g>)> {
        let t = &toks[i];
        let exact = self.max_words(text, t, false, first);
        let folded = if fold && t.caps() { self.max_words(text, t, true, None) } else { 0 };
        let most = exact.max(folded).min(toks.len() - i);
        for n in (1..=most).rev() {
            if n > 1 && toks[i..i + n - 1].iter().any(|w| w.punct_after() || w.possessive()) {
                continue;
            }
            let last = &toks[i + n - 1];
            for end in ends(last) {
                let span = Span::new(t.span.start, end);
                let name = span.text(text);
                let id = (n <= exact).then(|| self.lookup(name)).flatten().or_else(|| {
                    (n <= folded && last.caps())
                        .then(|| self.store.lookup_key(title_case_key(name)))?
                });
                if let Some(id) = id {
                    return Some((n, Match { span, gazetteer: self, id }));
                }
            }
        }
        None
    }

    /// [`match_at`](Gazetteer::match_at) for a word with one possible end: its entry in the
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
        let most = most.min(MAX_WORDS).min(toks.len() - i);
        for n in (2..=most).rev() {
            if toks[i..i + n - 1].iter().any(|w| w.punct_after() || w.possessive()) {
                continue;
            }
            for end in ends(&toks[i + n - 1]) {
                let span = Span::new(t.span.start, end);
                if let Some(id) = self.lookup(span.text(text)) {
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
            let w = Span::new(t.span.start, end).text(text);
            let n = match (fold, first) {
                (true, _) => self.store.exact_key(title_case_key(w)).most(),
                (false, Some(first)) if end == t.span.end => first.most(),
                (false, _) => self.store.exact(w).most(),
            };
            most = most.max(n);
        }
        most.min(MAX_WORDS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case_folds_capitals() {
        assert_eq!(title_case("NEW YORK"), "New York");
        assert_eq!(title_case("O'NEILL-SMITH"), "O'neill-Smith");
        for s in ["NEW YORK", "O'NEILL-SMITH", "U.S.", "ŁÓDŹ", "", &"AB ".repeat(30)] {
            assert_eq!(title_case_key(s), key(&title_case(s)), "{s}");
        }
    }
}
