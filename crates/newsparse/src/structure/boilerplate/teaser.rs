//! Related-link teasers: a headline followed by when the linked article was published and
//! how often it was viewed, glued or not ("Zelensky: US must be part of Ukraine peacekeeping
//! forces23.01.25, 08:26 • 117907 views").

use std::sync::LazyLock;

use regex::Regex;

use crate::document::{Boilerplate, BoilerplateKind, Span, Teaser, Text};
use crate::structure::lines::trim;

/// The most words a teaser's headline has.
const MAX_HEADLINE_WORDS: usize = 30;

/// A timestamp and/or a view count at the end of a line.
static TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<published>
            \d{1,2}[./]\d{1,2}[./]\d{2,4}(?:,?\s*\d{1,2}:\d{2})?
          | \d{1,2}:\d{2},?\s*\d{1,2}[./]\d{1,2}[./]\d{2,4}
          | (?P<time>\d{1,2}:\d{2})
        )?
        (?:\s*(?P<bullet>[•·|])?\s*(?P<views>\d[\d,\u{a0}\u{202f}]*)\s*(?i:views?))?
        \s*$",
    )
    .expect("valid regex")
});

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
    let caps = TAIL.captures(s)?;
    let published = caps
        .name("published")
        .filter(|_| caps.name("time").is_none() || caps.name("views").is_some());
    let views = caps.name("views");
    let stands_alone = published.is_some() || caps.name("bullet").is_some();
    if views.is_none() && published.is_none() || !stands_alone {
        return None;
    }
    let tail_start = caps.get(0).map_or(s.len(), |m| m.start());
    let head = s[..tail_start].trim_end_matches(|c: char| c.is_whitespace() || "•·|-—".contains(c));
    let words = head.split_whitespace().count();
    if !(3..=MAX_HEADLINE_WORDS).contains(&words) || head.ends_with(':') {
        return None;
    }
    let at = |m: regex::Match<'_>| Span::new(span.start + m.start(), span.start + m.end());
    let teaser = Teaser {
        headline: Text::new(text, trim(text, Span::new(span.start, span.start + head.len()))),
        published: published.map(|m| Text::new(text, at(m))),
        views: views.and_then(|m| parse_count(m.as_str())),
        quote: None,
    };
    Some(Boilerplate {
        span,
        text: s.to_owned(),
        kind: BoilerplateKind::Teaser,
        teaser: Some(teaser),
        rule: "boilerplate.teaser.timestamp_views".to_owned(),
    })
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
