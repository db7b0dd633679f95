//! Boilerplate: lines that are page furniture rather than article text. Related-link teasers
//! are found by their glued timestamp and view count; the other kinds by the patterns in
//! `data/boilerplate.tsv`, and separators and markup by their shape.

mod teaser;

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::lines::count_words;
use crate::document::{Boilerplate, BoilerplateKind, Span, Teaser, Text};
use crate::pool;

/// The pattern table, embedded.
const PATTERNS_TSV: &str = include_str!("../../data/boilerplate.tsv");

/// The most words of a line a `suffix` pattern may end.
const SUFFIX_MAX_WORDS: usize = 8;
/// The most words of a line a `contains` pattern may be found in.
const CONTAINS_MAX_WORDS: usize = 25;
/// The longest line, in bytes, that `suffix` and `contains` patterns are tried on: far more
/// than 25 words of news take.
const MAX_SHORT_LINE: usize = 300;

/// The longest line whose words [`by_pattern`] counts only after a search for a contained
/// phrase finds one: a longer line most often has more than [`CONTAINS_MAX_WORDS`] words (25
/// words of news take about 160 bytes with their spaces), which a count tells sooner than
/// the search reads the line.
const FEW_WORDS_BYTES: usize = 160;

/// How a pattern matches a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum How {
    Prefix,
    Line,
    Suffix,
    Contains,
}

/// One row of the pattern table.
#[derive(Clone, Debug)]
struct Pattern {
    kind: BoilerplateKind,
    how: How,
    text: &'static str,
    rule: String,
}

static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| parse_patterns(PATTERNS_TSV));

/// Reads the pattern table; rows it cannot read are skipped (a unit test checks there are
/// none).
fn parse_patterns(tsv: &'static str) -> Vec<Pattern> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|row| {
            let mut cols = row.split('\t');
            let (kind, how, text) = (cols.next()?, cols.next()?, cols.next()?);
            let how = match how {
                "prefix" => How::Prefix,
                "line" => How::Line,
                "suffix" => How::Suffix,
                "contains" => How::Contains,
                _ => return None,
            };
            let rule = format!("boilerplate.{how:?}.{}", kind).to_lowercase();
            Some(Pattern { kind: kind_named(kind)?, how, text, rule })
        })
        .collect()
}

fn kind_named(name: &str) -> Option<BoilerplateKind> {
    use BoilerplateKind::*;
    Some(match name {
        "teaser" => Teaser,
        "read_more" => ReadMore,
        "watch" => Watch,
        "photo_credit" => PhotoCredit,
        "share" => Share,
        "newsletter" => Newsletter,
        "social" => Social,
        "advertisement" => Advertisement,
        "embed" => Embed,
        "separator" => Separator,
        "label" => Label,
        "credit" => Credit,
        _ => return None,
    })
}

/// The boilerplate the trimmed line `span` is, if it is any.
pub(super) fn classify(text: &str, span: Span) -> Option<Boilerplate> {
    let s = span.text(text);
    if let Some(found) = teaser::find(text, span) {
        return Some(found);
    }
    let (kind, rule) = by_pattern(s).or_else(|| watch_prompt(s)).or_else(|| by_shape(s))?;
    let (text_owned, rule) = (pool::string(s), pool::string(rule));
    let mut found = Boilerplate { span, text: text_owned, kind, teaser: None, rule };
    if kind == BoilerplateKind::ReadMore {
        found.teaser = linked_headline(text, span);
    }
    Some(found)
}

/// The patterns of one kind of matching, grouped by the byte they are anchored at (the first
/// byte of their text, the last for suffixes; ASCII case ignored, as everywhere here): a line
/// is compared only with the few patterns that start (or end) with its own byte there. Built
/// in microseconds at the first parse.
struct Phrases {
    /// The patterns, in table order within each group of one byte.
    rows: Vec<&'static Pattern>,
    /// Where the group of each byte starts in `rows`; one more for the end.
    groups: [u16; 257],
    /// True when the patterns are anchored at the end (suffixes).
    at_end: bool,
}

impl Phrases {
    fn new(how: How) -> Phrases {
        let at_end = how == How::Suffix;
        let key = |p: &&Pattern| anchor_byte(p.text.as_bytes(), at_end);
        let mut rows: Vec<&'static Pattern> = PATTERNS.iter().filter(|p| p.how == how).collect();
        // a stable sort keeps table order within a group
        rows.sort_by_key(key);
        let mut groups = [0u16; 257];
        for p in &rows {
            groups[key(p) + 1] += 1;
        }
        for b in 0..256 {
            groups[b + 1] += groups[b];
        }
        Phrases { rows, groups, at_end }
    }

    /// The patterns anchored at the byte `b` has at the same end.
    fn group(&self, b: &[u8]) -> &[&'static Pattern] {
        let i = anchor_byte(b, self.at_end);
        &self.rows[usize::from(self.groups[i])..usize::from(self.groups[i + 1])]
    }

    /// The first pattern in table order that `b` starts with.
    fn prefix_of(&self, b: &[u8]) -> Option<&'static Pattern> {
        self.group(b).iter().copied().find(|p| starts_with_ignore_case(b, p.text.as_bytes()))
    }

    /// The first pattern in table order that all of `b` is.
    fn whole(&self, b: &[u8]) -> Option<&'static Pattern> {
        self.group(b).iter().copied().find(|p| b.eq_ignore_ascii_case(p.text.as_bytes()))
    }

    /// The first pattern in table order that `b` ends with.
    fn suffix_of(&self, b: &[u8]) -> Option<&'static Pattern> {
        self.group(b).iter().copied().find(|p| {
            let t = p.text.as_bytes();
            b.len() >= t.len() && b[b.len() - t.len()..].eq_ignore_ascii_case(t)
        })
    }
}

/// The `contains` patterns in one searcher, which reads a line faster than comparing the
/// patterns at each of its bytes would: aho-corasick's packed (SIMD) searcher alone, the one
/// an automaton would use as its prefilter, which finds and confirms the matches itself and
/// costs a fraction of the automaton to build (once a process, at the first parse; a
/// contiguous automaton where the CPU has no packed searcher).
///
/// The searcher matches the patterns in lower case against the line lowered into a buffer
/// on the stack, rather than ignoring case itself: a case-insensitive search has no packed
/// searcher for these patterns (too many distinct first bytes in both cases) and steps
/// through every byte of the line. Lowering the line first changes no match:
/// `ascii_case_insensitive` compares bytes with `A`-`Z` lowered on both sides, which is what
/// this does too.
struct Within {
    rows: Vec<&'static Pattern>,
    search: Search,
}

/// A leftmost-first searcher for the lowered `contains` patterns.
enum Search {
    /// The packed searcher alone.
    Packed(aho_corasick::packed::Searcher),
    /// A contiguous automaton (with the packed prefilter where there is one), for a CPU with
    /// no packed searcher.
    Automaton(AhoCorasick),
}

impl Within {
    fn new() -> Within {
        let rows: Vec<&'static Pattern> =
            PATTERNS.iter().filter(|p| p.how == How::Contains).collect();
        let lowered = || rows.iter().map(|p| p.text.to_ascii_lowercase());
        let packed = aho_corasick::packed::Config::new()
            .match_kind(aho_corasick::packed::MatchKind::LeftmostFirst)
            .builder()
            .extend(lowered())
            .build();
        let search = packed.map_or_else(|| Search::Automaton(automaton(lowered())), Search::Packed);
        Within { rows, search }
    }

    /// The pattern that starts first in `s`, of two starting together the first in table
    /// order (ASCII case ignored).
    fn find(&self, s: &str) -> Option<&'static Pattern> {
        let mut buf = [0u8; MAX_SHORT_LINE];
        let owned: Vec<u8>;
        let lower = match buf.get_mut(..s.len()) {
            Some(lower) => {
                for (l, b) in lower.iter_mut().zip(s.as_bytes()) {
                    *l = b.to_ascii_lowercase();
                }
                &*lower
            }
            // longer lines are not searched (`by_pattern`), but are still answered right
            None => {
                owned = s.as_bytes().to_ascii_lowercase();
                &owned
            }
        };
        let found = match &self.search {
            Search::Packed(searcher) => searcher.find(lower).map(|m| m.pattern()),
            Search::Automaton(ac) => ac.find(lower).map(|m| m.pattern()),
        };
        found.map(|p| self.rows[p.as_usize()])
    }
}

/// The lowered `contains` patterns as a contiguous automaton, leftmost-first: the prefilter
/// finds the candidates, so the automaton only confirms them, which a contiguous NFA does as
/// fast as a DFA here and builds in a third of the time.
fn automaton(lowered: impl Iterator<Item = String>) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(lowered)
        .expect("boilerplate patterns compile")
}

/// The index of the group of the text `b`: its first byte (its last when `at_end`) in ASCII
/// lower case.
fn anchor_byte(b: &[u8], at_end: bool) -> usize {
    let byte = if at_end { b.last() } else { b.first() };
    usize::from(byte.map_or(0, u8::to_ascii_lowercase))
}

static PHRASES: LazyLock<[Phrases; 3]> =
    LazyLock::new(|| [How::Prefix, How::Line, How::Suffix].map(Phrases::new));

static WITHIN: LazyLock<Within> = LazyLock::new(Within::new);

/// The pattern of the table that matches `s`: prefixes first, then whole lines, suffixes
/// and contained phrases.
fn by_pattern(s: &str) -> Option<(BoilerplateKind, &'static str)> {
    let [prefix, line, suffix] = &*PHRASES;
    if let Some(p) = prefix.prefix_of(s.as_bytes()) {
        // most boilerplate lines: the line need not be trimmed
        return Some((p.kind, p.rule.as_str()));
    }
    let bare = bare(s);
    let mut found = line.whole(bare.as_bytes());
    if found.is_none() && s.len() <= MAX_SHORT_LINE {
        // the suffix first: it is one look-up in the few patterns that end with the line's
        // last byte, where counting the words reads the line and reading them as a credit
        // reads it again
        let credit = suffix.suffix_of(bare.as_bytes());
        let opens_quote = s.starts_with(['"', '“', '‘', '\'']);
        if credit.is_some() {
            let words = count_words(s, CONTAINS_MAX_WORDS + 1);
            if words <= SUFFIX_MAX_WORDS {
                found = credit.filter(|_| reads_as_credit(bare));
            }
            if found.is_none() && words <= CONTAINS_MAX_WORDS && !opens_quote {
                found = WITHIN.find(s);
            }
        } else if !opens_quote {
            let few_words = || count_words(s, CONTAINS_MAX_WORDS + 1) <= CONTAINS_MAX_WORDS;
            found = if s.len() > FEW_WORDS_BYTES {
                // a long line most often has too many words, which are counted first
                few_words().then(|| WITHIN.find(s)).flatten()
            } else {
                // the search first, and the words counted only for a line it finds a phrase
                // in: its prefilter turns most short lines away at less than counting their
                // words costs
                WITHIN.find(s).filter(|_| few_words())
            };
        }
    }
    found.map(|p| (p.kind, p.rule.as_str()))
}

/// `s` without the quotation marks around it (`"`, `“`, `”`) and then without the full
/// stops, colons and spaces that end it, as
/// `s.trim_matches(['"', '“', '”']).trim_end_matches(['.', ':', ' '])` gives it: on bytes, as
/// every line the patterns are tried on is trimmed so, and the marks' bytes stand for them
/// (a curly mark is the only character with its three bytes).
fn bare(s: &str) -> &str {
    /// The length of the quotation mark that `b` starts with (`at_end` false) or ends with.
    fn mark(b: &[u8], at_end: bool) -> usize {
        let curly = |m: &[u8]| m[0] == 0xE2 && m[1] == 0x80 && matches!(m[2], 0x9C | 0x9D);
        let three = if at_end { b.last_chunk::<3>() } else { b.first_chunk::<3>() };
        match if at_end { b.last() } else { b.first() } {
            Some(b'"') => 1,
            Some(_) if three.is_some_and(|m| curly(m)) => 3,
            _ => 0,
        }
    }
    let b = s.as_bytes();
    let (mut start, mut end) = (0, b.len());
    loop {
        let n = mark(&b[start..end], false);
        if n == 0 {
            break;
        }
        start += n;
    }
    loop {
        let n = mark(&b[start..end], true);
        if n == 0 {
            break;
        }
        end -= n;
    }
    while end > start && matches!(b[end - 1], b'.' | b':' | b' ') {
        end -= 1;
    }
    &s[start..end]
}

/// "Watch …:" with at most ten words before the colon ("Watch the full video below:").
fn watch_prompt(s: &str) -> Option<(BoilerplateKind, &'static str)> {
    if !starts_with_ignore_case(s, "watch ") {
        return None;
    }
    let colon = s.find(':')?;
    let lead = &s[..colon];
    (starts_with_ignore_case(lead, "watch ") && lead.split_whitespace().count() <= 10)
        .then_some((BoilerplateKind::Watch, "boilerplate.watch_colon"))
}

/// Separators (no letter or digit: "___", "* * *"), a lone social handle ("@potus."),
/// photo captions ending in a credit ("… (FABRICE COFFRINI/AFP/Getty Images.)") and markup
/// (`<…>`, CSS rules).
fn by_shape(s: &str) -> Option<(BoilerplateKind, &'static str)> {
    if !s.chars().any(crate::chars::letter_or_digit) {
        return Some((BoilerplateKind::Separator, "boilerplate.shape.separator"));
    }
    if s.starts_with('@') && !s.contains(' ') {
        return Some((BoilerplateKind::Social, "boilerplate.shape.handle"));
    }
    if caption_credit(s) {
        return Some((BoilerplateKind::PhotoCredit, "boilerplate.shape.caption_credit"));
    }
    let css_rule = s.ends_with('{') || (s.ends_with(';') && !s.contains(' ') && s.contains(':'));
    let tag = s.starts_with('<') && s.trim_end_matches('.').ends_with('>');
    (css_rule || tag).then_some((BoilerplateKind::Embed, "boilerplate.shape.markup"))
}

/// Names and agencies only: every word capitalised but for a few linking words ("Scott
/// Olson via Getty Images", "Jabin Botsford for The Washington Post").
fn reads_as_credit(s: &str) -> bool {
    s.split_whitespace().all(|w| {
        !w.starts_with(char::is_lowercase)
            || matches!(w, "via" | "for" | "the" | "of" | "and" | "de" | "van" | "von")
    })
}

/// A line ending in a parenthesised photo credit: "(AP Photo/Evan Vucci)", "(FABRICE
/// COFFRINI/AFP/Getty Images.)".
fn caption_credit(s: &str) -> bool {
    let Some(inner) = s.trim_end_matches('.').strip_suffix(')') else { return false };
    let Some(open) = inner.rfind('(') else { return false };
    let credit = inner[open + 1..].trim_end_matches('.');
    let [_, _, suffix] = &*PHRASES;
    let credit_suffix = || {
        suffix.suffix_of(credit.as_bytes()).is_some_and(|p| p.kind == BoilerplateKind::PhotoCredit)
    };
    starts_with_ignore_case(credit, "ap photo")
        || starts_with_ignore_case(credit, "photo")
        || credit.contains('/') && credit_suffix()
}

/// The headline a "Read more: …" line links to: the text after its first colon.
fn linked_headline(text: &str, span: Span) -> Option<Teaser> {
    let s = span.text(text);
    let at = s.find(':')? + 1;
    let head = super::lines::trim(text, Span::new(span.start + at, span.end));
    (head.text(text).split_whitespace().count() >= 2).then(|| Teaser {
        headline: Text::new(text, head),
        published: None,
        views: None,
        quote: None,
    })
}

fn starts_with_ignore_case(s: impl AsRef<[u8]>, prefix: impl AsRef<[u8]>) -> bool {
    let (s, prefix) = (s.as_ref(), prefix.as_ref());
    s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(s: &str) -> Option<BoilerplateKind> {
        classify(s, Span::new(0, s.len())).map(|b| b.kind)
    }

    #[test]
    fn bare_lines_are_trimmed_as_str_trims_them() {
        let pieces = ["\"", "“", "”", "‘", ".", ":", " ", "a", "é", "\u{201e}", "\u{2019}"];
        for s in &crate::chars::strings_of(&pieces, 4) {
            let want = s.trim_matches(['"', '“', '”']).trim_end_matches(['.', ':', ' ']);
            assert_eq!(bare(s), want, "{s:?}");
        }
    }

    #[test]
    fn every_pattern_row_is_read() {
        let rows = PATTERNS_TSV.lines().filter(|l| !l.starts_with('#') && !l.is_empty());
        assert_eq!(rows.count(), PATTERNS.len());
    }

    #[test]
    fn no_suffix_pattern_ends_another() {
        let [_, _, suffix] = &*PHRASES;
        for a in &suffix.rows {
            for b in suffix.rows.iter().filter(|b| b.text != a.text) {
                assert!(!b.text.ends_with(a.text), "{:?} ends {:?}", a.text, b.text);
            }
        }
    }

    #[test]
    fn phrases_match_as_their_kind_asks() {
        let [prefix, line, suffix] = &*PHRASES;
        let rule = |p: Option<&'static Pattern>| p.map(|p| p.rule.as_str());
        assert_eq!(rule(prefix.prefix_of(b"READ MORE: x")), Some("boilerplate.prefix.read_more"));
        assert_eq!(rule(prefix.prefix_of(b"x read more: x")), None);
        assert_eq!(rule(line.whole(b"Read More")), Some("boilerplate.line.read_more"));
        assert_eq!(rule(line.whole(b"Read More now")), None);
        assert_eq!(
            rule(suffix.suffix_of(b"John Moore/GETTY")),
            Some("boilerplate.suffix.photo_credit")
        );
        assert_eq!(rule(suffix.suffix_of(b"/getty x")), None);
        assert_eq!(
            rule(WITHIN.find("Please sign up for our daily email")),
            Some("boilerplate.contains.newsletter")
        );
        assert_eq!(rule(WITHIN.find("within your inbox")), Some("boilerplate.contains.newsletter"));
        assert_eq!(rule(WITHIN.find("nothing to see")), None);
    }

    /// Lines for the searches of the table: the boilerplate examples of these tests, body
    /// lines, and case and non-ASCII tricks.
    const TRICKY: &[&str] = &[
        "Please sign up for our daily email",
        "SIGN UP FOR OUR newsletter",
        "sIgN uP fOr ThE briefing",
        "Get it in your INBOX",
        "ShareLikeReply",
        "123ShareLikeReply456",
        "Follow Pam Key on Twitter @pamkeyNEN.",
        "Follow Adelle Nazarian on Twitter\u{a0}@AdelleNaz.",
        "Follow her ON TWITTER: @x and sign up for her letter",
        "Like the page: Example",
        "Jane Doe contributed reporting.",
        "Jane Doe CONTRIBUTED TO THIS REPORT",
        "John Moore/Getty Images.",
        "Scott Olson via Getty Images.",
        "The email includes a photo of Cruz wearing hunting gear.",
        "\"Sign up for the newsletter,\" she told the crowd.",
        "nothing to see",
        "İn your inbox, ſign up for our \u{212a}",
        "in your inbo",
        "",
    ];

    #[test]
    fn lowered_search_finds_what_a_case_insensitive_one_finds() {
        let rows: Vec<&Pattern> = PATTERNS.iter().filter(|p| p.how == How::Contains).collect();
        let reference = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostFirst)
            .build(rows.iter().map(|p| p.text))
            .unwrap();
        let long = format!("{} sign up for our news", "x".repeat(MAX_SHORT_LINE));
        // the automaton of a CPU with no packed searcher finds the same
        let ac = Within {
            rows: rows.clone(),
            search: Search::Automaton(automaton(rows.iter().map(|p| p.text.to_ascii_lowercase()))),
        };
        for s in TRICKY.iter().copied().chain([long.as_str()]) {
            let want = reference.find(s).map(|m| rows[m.pattern().as_usize()].rule.as_str());
            assert_eq!(WITHIN.find(s).map(|p| p.rule.as_str()), want, "{s:?}");
            assert_eq!(ac.find(s).map(|p| p.rule.as_str()), want, "{s:?}");
        }
        // every string of the patterns' pieces: starting together, overlapping, repeated
        // (the table holds one phrase twice, for two kinds)
        let pieces = ["on twitter", " @", ": @", "sign up for ", "our", "in your ", "inbox", "x"];
        for s in crate::chars::strings_of(&pieces, 4) {
            let want = reference.find(&s).map(|m| rows[m.pattern().as_usize()].rule.as_str());
            assert_eq!(WITHIN.find(&s).map(|p| p.rule.as_str()), want, "{s:?}");
            assert_eq!(ac.find(&s).map(|p| p.rule.as_str()), want, "{s:?}");
        }
    }

    #[test]
    fn prompts_and_credits_are_boilerplate() {
        use BoilerplateKind::*;
        assert_eq!(kind("Read more: Trump wants to meet Putin"), Some(ReadMore));
        assert_eq!(kind("RELATED: Senate passes the bill"), Some(ReadMore));
        assert_eq!(kind("Watch: the moment the vote passed"), Some(Watch));
        assert_eq!(kind("Watch the full video of Beck’s remarks below:"), Some(Watch));
        assert_eq!(kind("Photo: Reuters"), Some(PhotoCredit));
        assert_eq!(kind("John Moore/Getty Images."), Some(PhotoCredit));
        assert_eq!(kind("Scott Olson via Getty Images."), Some(PhotoCredit));
        assert_eq!(kind("Share this article"), Some(Share));
        assert_eq!(kind("Sign up for our morning newsletter"), Some(Newsletter));
        assert_eq!(kind("Follow Pam Key on Twitter @pamkeyNEN."), Some(Social));
        assert_eq!(kind("Follow Adelle Nazarian on Twitter\u{a0}@AdelleNaz."), Some(Social));
        assert_eq!(kind("Twitter: @Milbank."), Some(Social));
        assert_eq!(kind("@potus."), Some(Social));
        assert_eq!(kind("\"Related:\""), Some(ReadMore));
        assert_eq!(
            kind(
                "Blocher reacts during a meeting on October 2, 2015. (FABRICE COFFRINI/AFP/Getty Images.)"
            ),
            Some(PhotoCredit)
        );
        assert_eq!(kind("Trump speaks in Iowa. (AP Photo/Evan Vucci)"), Some(PhotoCredit));
        assert_eq!(kind("Advertisement"), Some(Advertisement));
        assert_eq!(kind("___."), Some(Separator));
        assert_eq!(kind("<tweet tweet-id=\"1\"><tweet/>."), Some(Embed));
        assert_eq!(kind("ABSTRACT."), Some(Label));
        assert_eq!(kind("(Reporting by Amanda Becker; Editing by Matthew Lewis.)"), Some(Credit));
    }

    #[test]
    fn body_lines_are_not_boilerplate() {
        assert_eq!(kind("The email includes a photo of Cruz wearing hunting gear."), None);
        assert_eq!(kind("Trump drew the analogy while fans watched the game."), None);
        assert_eq!(kind("\"Sign up for the newsletter,\" she told the crowd."), None);
        assert_eq!(kind("Details"), None);
        assert_eq!(kind("The senator (a Democrat) spoke to Getty Images."), None);
        assert_eq!(kind("He said it was a deal (for the Washington Post)."), None);
    }

    #[test]
    fn read_more_links_a_headline() {
        let text = "Read more: Zelensky: US must be part of peacekeeping";
        let b = classify(text, Span::new(0, text.len())).unwrap();
        assert_eq!(b.teaser.unwrap().headline.text, "Zelensky: US must be part of peacekeeping");
    }
}
