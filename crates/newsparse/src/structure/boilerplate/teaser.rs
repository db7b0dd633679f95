//! Related-link teasers: a headline followed by when the linked article was published and
//! how often it was viewed, glued or not ("Zelensky: US must be part of Ukraine peacekeeping
//! forces23.01.25, 08:26 • 117907 views").

use crate::document::{Boilerplate, BoilerplateKind, Span, Teaser, Text};
use crate::structure::lines::trim;

/// The most words a teaser's headline has.
const MAX_HEADLINE_WORDS: usize = 30;

/// The teaser on the trimmed line `span`, if it is one.
pub(super) fn find(text: &str, span: Span) -> Option<Boilerplate> {
    let s = span.text(text);
    let last = *s.as_bytes().last()?;
    let b = s.as_bytes();
    let ends_views = b.len() >= 4 && b[b.len() - 4..].eq_ignore_ascii_case(b"view")
        || b.len() >= 5 && b[b.len() - 5..].eq_ignore_ascii_case(b"views");
    if !last.is_ascii_digit() && !ends_views {
        return None;
    }
    let tail = tail(s);
    let published = tail.published.filter(|_| !tail.time || tail.views.is_some());
    let stands_alone = published.is_some() || tail.bullet;
    if tail.views.is_none() && published.is_none() || !stands_alone {
        return None;
    }
    let head = s[..tail.start].trim_end_matches(|c: char| c.is_whitespace() || "•·|-—".contains(c));
    let words = head.split_whitespace().count();
    if !(3..=MAX_HEADLINE_WORDS).contains(&words) || head.ends_with(':') {
        return None;
    }
    let at = |(from, to): (usize, usize)| Span::new(span.start + from, span.start + to);
    let teaser = Teaser {
        headline: Text::new(text, trim(text, Span::new(span.start, span.start + head.len()))),
        published: published.map(|m| Text::new(text, at(m))),
        views: tail.views.and_then(|(from, to)| parse_count(&s[from..to])),
        quote: None,
    };
    Some(Boilerplate {
        span,
        text: crate::pool::string(s),
        kind: BoilerplateKind::Teaser,
        teaser: Some(teaser),
        rule: crate::pool::string("boilerplate.teaser.timestamp_views"),
    })
}

/// The timestamp and view count that end a line, as byte ranges of it.
#[derive(Debug, Default, PartialEq, Eq)]
struct Tail {
    /// Where the tail starts (the line's length when it has none).
    start: usize,
    /// "23.01.25, 08:26", "08:26, 23.01.2025", "23/01/2025" or a bare clock time.
    published: Option<(usize, usize)>,
    /// The published time is a bare clock time ("08:26").
    time: bool,
    /// A bullet (`•`, `·`, `|`) stands before the view count.
    bullet: bool,
    /// The view count's digits ("117907", "1,024").
    views: Option<(usize, usize)>,
}

/// The tail of `s`, a line ending in an ASCII digit or in "view(s)": the leftmost and then
/// first-preferred match of
///
/// ```text
/// (?P<published>
///     D{1,2}[./]D{1,2}[./]D{2,4}(?:,?\s*D{1,2}:D{2})?
///   | D{1,2}:D{2},?\s*D{1,2}[./]D{1,2}[./]D{2,4}
///   | (?P<time>D{1,2}:D{2}) )?
/// (?:\s*(?P<bullet>[•·|])?\s*(?P<views>D[D,\u{a0}\u{202f}]*)\s*(?i:views?))?
/// \s*$
/// ```
///
/// with `D` an ASCII digit, read in one pass from the right for the view count and one from
/// the left for the timestamp, each white-space run read a bounded number of times.
fn tail(s: &str) -> Tail {
    let views = ViewCount::new(s);
    // the leftmost start of a match without a timestamp
    let bare = views.as_ref().and_then(|v| v.first).unwrap_or(s.len());
    // a match holds nothing but digits, separators, bullets and white space before "view(s)"
    let before_word = views.as_ref().map_or(s.len(), |v| v.word);
    let from = s[..before_word].trim_end_matches(in_tail).len();
    let b = s.as_bytes();
    let mut ends = Vec::new();
    for p in (from..=bare).filter(|&p| b.get(p).is_some_and(u8::is_ascii_digit)) {
        ends.clear();
        published_ends(s, p, &mut ends);
        for &(q, time) in &ends {
            let counted = views.as_ref().and_then(|v| v.at(s, q));
            if q == s.len() || counted.is_some() {
                let (bullet, views) = counted.unwrap_or_default();
                return Tail { start: p, published: Some((p, q)), time, bullet, views };
            }
        }
    }
    let (bullet, views) = views.and_then(|v| v.at(s, bare)).unwrap_or_default();
    Tail { start: bare, published: None, time: false, bullet, views }
}

/// Where a view count may stand before the final "view(s)" of a line.
struct ViewCount {
    /// Where "view(s)" starts.
    word: usize,
    /// The digits, commas and no-break spaces just before the white space before "view(s)".
    run: (usize, usize),
    /// The leftmost start of a view count (white space, a bullet, white space, a digit of
    /// `run`), if `run` holds a digit.
    first: Option<usize>,
}

impl ViewCount {
    fn new(s: &str) -> Option<ViewCount> {
        let b = s.as_bytes();
        let word = if b.len() >= 5 && b[b.len() - 5..].eq_ignore_ascii_case(b"views") {
            s.len() - 5
        } else if b.len() >= 4 && b[b.len() - 4..].eq_ignore_ascii_case(b"view") {
            s.len() - 4
        } else {
            return None;
        };
        let end = s[..word].trim_end_matches(char::is_whitespace).len();
        let start = s[..end].trim_end_matches(in_count).len();
        let first = s[start..end].find(|c: char| c.is_ascii_digit()).map(|d| {
            let before = s[..start + d].trim_end_matches(char::is_whitespace);
            match before.strip_suffix(is_bullet) {
                Some(rest) => rest.trim_end_matches(char::is_whitespace).len(),
                None => before.len(),
            }
        });
        Some(ViewCount { word, run: (start, end), first })
    }

    /// The view count read from byte `q`: whether a bullet stands before it, and its span.
    fn at(&self, s: &str, q: usize) -> Option<(bool, Option<(usize, usize)>)> {
        let rest = s[q..].trim_start_matches(char::is_whitespace);
        let (bullet, rest) = match rest.strip_prefix(is_bullet) {
            Some(after) => (true, after.trim_start_matches(char::is_whitespace)),
            None => (false, rest),
        };
        let d = s.len() - rest.len();
        let (start, end) = self.run;
        if !(start..end).contains(&d) || !rest.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let count_end = s.len() - rest.trim_start_matches(in_count).len();
        Some((bullet, Some((d, count_end))))
    }
}

fn in_count(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, ',' | '\u{a0}' | '\u{202f}')
}

/// The characters of a timestamp and a view count.
fn in_tail(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '.' | '/' | ':' | ',') || is_bullet(c) || c.is_whitespace()
}

fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '·' | '|')
}

/// The ends of the timestamps starting at byte `p`, and whether each is a bare clock time,
/// in the order the pattern of [`tail`] prefers them.
fn published_ends(s: &str, p: usize, out: &mut Vec<(usize, bool)>) {
    let b = s.as_bytes();
    // D{1,2}[./]D{1,2}[./]D{2,4}, then perhaps `,?\s*D{1,2}:D{2}`
    for date in date_ends(b, p) {
        out.extend(clock_ends(b, comma_space(s, date)).map(|end| (end, false)));
        out.push((date, false));
    }
    // D{1,2}:D{2}, then `,?\s*` and a date
    for clock in clock_ends(b, p) {
        out.extend(date_ends(b, comma_space(s, clock)).map(|end| (end, false)));
    }
    // a bare clock time
    out.extend(clock_ends(b, p).map(|end| (end, true)));
}

/// The ends of `D{1,2}[./]D{1,2}[./]D{2,4}` at byte `p`, most digits first.
fn date_ends(b: &[u8], p: usize) -> impl Iterator<Item = usize> + '_ {
    digit_runs(b, p, &[2, 1])
        .filter(move |&i| matches!(b.get(i), Some(b'.' | b'/')))
        .flat_map(move |i| digit_runs(b, i + 1, &[2, 1]))
        .filter(move |&j| matches!(b.get(j), Some(b'.' | b'/')))
        .flat_map(move |j| digit_runs(b, j + 1, &[4, 3, 2]))
}

/// The ends of `D{1,2}:D{2}` at byte `p`.
fn clock_ends(b: &[u8], p: usize) -> impl Iterator<Item = usize> + '_ {
    digit_runs(b, p, &[2, 1])
        .filter(move |&h| b.get(h) == Some(&b':'))
        .flat_map(move |h| digit_runs(b, h + 1, &[2]))
}

/// `p` past `,?\s*`: the comma is taken when there is one (a digit follows in both cases).
fn comma_space(s: &str, p: usize) -> usize {
    let p = p + usize::from(s.as_bytes().get(p) == Some(&b','));
    s.len() - s[p..].trim_start_matches(char::is_whitespace).len()
}

/// The ends of runs of exactly `n` ASCII digits at byte `p`, for each `n` of `counts`.
fn digit_runs<'a>(b: &'a [u8], p: usize, counts: &'a [usize]) -> impl Iterator<Item = usize> + 'a {
    counts
        .iter()
        .filter(move |&&n| b.get(p..p + n).is_some_and(|d| d.iter().all(u8::is_ascii_digit)))
        .map(move |&n| p + n)
}

/// "117907", "117,907" → 117907.
fn parse_count(s: &str) -> Option<u64> {
    s.chars().filter(char::is_ascii_digit).collect::<String>().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn teaser(s: &str) -> Option<Teaser> {
        find(s, Span::new(0, s.len())).and_then(|b| b.teaser)
    }

    /// The tail as the regular expression that [`tail`] replaces finds it.
    fn by_regex(s: &str) -> Tail {
        static TAIL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(
                r"(?x)
                (?P<published>
                    [0-9]{1,2}[./][0-9]{1,2}[./][0-9]{2,4}(?:,?\s*[0-9]{1,2}:[0-9]{2})?
                  | [0-9]{1,2}:[0-9]{2},?\s*[0-9]{1,2}[./][0-9]{1,2}[./][0-9]{2,4}
                  | (?P<time>[0-9]{1,2}:[0-9]{2})
                )?
                (?:\s*(?P<bullet>[•·|])?\s*(?P<views>[0-9][0-9,\u{a0}\u{202f}]*)\s*(?i:views?))?
                \s*$",
            )
            .unwrap()
        });
        let caps = TAIL.captures(s).unwrap();
        let range = |name| caps.name(name).map(|m| (m.start(), m.end()));
        Tail {
            start: caps.get(0).unwrap().start(),
            published: range("published"),
            time: caps.name("time").is_some(),
            bullet: caps.name("bullet").is_some(),
            views: range("views"),
        }
    }

    /// One of `options`, for a piece of a generated line.
    fn one_of(options: &[&'static str]) -> proptest::sample::Select<&'static str> {
        proptest::sample::select(options.to_vec())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        #[test]
        fn tail_is_the_regular_expressions_match(
            lead in one_of(&["", "x", "x ", "1", "12", "•", "é "]),
            date in (
                one_of(&["", "1", "12", "123"]),
                one_of(&["", ".", "/", ":"]),
                one_of(&["", "1", "12", "123"]),
                one_of(&["", ".", "/", ",", ":"]),
                one_of(&["", "12", "123", "2016", "20161"]),
            ),
            mid in one_of(&["", ",", ", ", " ", "\u{a0}", " • ", "•", "|", ":", "\t"]),
            count in one_of(&["", "1", "12", "08:26", "1,024", "1\u{a0}024", "5 x 6"]),
            end in one_of(&["", "5", "09", " views", "views", " View", "\u{202f}VIEWS", ",views"]),
        ) {
            let (a, s1, b, s2, c) = date;
            let s = [lead, a, s1, b, s2, c, mid, count, end].concat();
            // `tail` reads lines that end as `find` asks
            let l = s.to_ascii_lowercase();
            proptest::prop_assume!(l.ends_with(|c: char| c.is_ascii_digit()) || l.ends_with("view") || l.ends_with("views"));
            proptest::prop_assert_eq!(tail(&s), by_regex(&s), "{:?}", s);
        }
    }

    #[test]
    fn tail_is_the_regular_expressions_match_on_every_short_shape() {
        let mut checked = 0;
        for lead in ["", "x "] {
            for date in product(&[&["1", "12", "123"], &[".", ":"], &["1", "12"], &["", ".", ","]])
            {
                for c in ["", "12", "2016", "20161"] {
                    for mid in ["", ", ", " • ", "\u{a0}"] {
                        for count in ["", "1", "08:26", "1,024"] {
                            for end in ["", " views", "views"] {
                                let s = [lead, &date, c, mid, count, end].concat();
                                if s.ends_with(|c: char| c.is_ascii_digit()) || !end.is_empty() {
                                    assert_eq!(tail(&s), by_regex(&s), "{s:?}");
                                    checked += 1;
                                }
                            }
                        }
                    }
                }
            }
        }
        assert!(checked > 10_000);
    }

    /// Every concatenation of one string of each of `sets`.
    fn product(sets: &[&[&str]]) -> Vec<String> {
        sets.iter().fold(vec![String::new()], |acc, set| {
            acc.iter().flat_map(|a| set.iter().map(move |s| format!("{a}{s}"))).collect()
        })
    }

    #[test]
    fn tail_reads_timestamps_and_view_counts() {
        let s = "Headline here forces23.01.25, 08:26 • 117,907 views";
        let t = tail(s);
        assert_eq!(&s[t.start..], "23.01.25, 08:26 • 117,907 views");
        assert_eq!(t.published.map(|(a, b)| &s[a..b]), Some("23.01.25, 08:26"));
        assert_eq!(t.views.map(|(a, b)| &s[a..b]), Some("117,907"));
        assert!(t.bullet && !t.time);
        let s = "Polls close at 20:00";
        assert_eq!(
            tail(s),
            Tail { start: 15, published: Some((15, 20)), time: true, ..Tail::default() }
        );
        let s = "1.1.2016123 views";
        assert_eq!(tail(s).published.map(|(a, b)| &s[a..b]), Some("1.1.2016"));
        assert_eq!(tail(s).views.map(|(a, b)| &s[a..b]), Some("123"));
        assert_eq!(tail("no tail 5x").start, 10);
    }

    #[test]
    fn glued_timestamp_and_views() {
        let t = teaser("Zelensky: US must be part of Ukraine peacekeeping forces23.01.25, 08:26 • 117907 views").unwrap();
        assert_eq!(t.headline.text, "Zelensky: US must be part of Ukraine peacekeeping forces");
        assert_eq!(t.published.unwrap().text, "23.01.25, 08:26");
        assert_eq!(t.views, Some(117_907));
    }

    #[test]
    fn spaced_timestamp_or_views_alone() {
        let t = teaser("Trump wants to meet with Putin soon 23.01.2025 19:33").unwrap();
        assert_eq!(t.headline.text, "Trump wants to meet with Putin soon");
        assert_eq!(t.views, None);
        let t = teaser("Trump wants to meet with Putin soon • 1,024 views").unwrap();
        assert_eq!(t.views, Some(1024));
    }

    #[test]
    fn body_text_with_numbers_is_no_teaser() {
        assert!(teaser("The clip has had 117907 views").is_none());
        assert!(teaser("Polls close at 20:00").is_none());
        assert!(teaser("The final score was 3.1.2").is_none());
        assert!(teaser("1ST CPN : 11/01/96").is_none());
    }
}
