//! Speaker resolution: who each quote's speaker mention is.
//!
//! Rules, in order: `named` (the mention is an entity's mention), `pronoun` (he/she → the
//! nearest preceding person of that gender, they → the nearest preceding plural speaker),
//! `outlet_nominal` ("the newspaper" → the outlet cited last), `anonymous_backref` ("the same
//! diplomat", "this person" → the earlier unnamed source), `anonymous` (an unnamed source,
//! kept with its description), `unresolved`.

use crate::document::{Entity, EntityKind, Quote, SourceKind, Span, Speaker};
use crate::entities;
use crate::gazetteer::{Gazetteer, Gender};
use crate::quotes::cues::{self, Class};

/// Resolves the speaker of every quote in `quotes` (in text order); `cues` are the text's
/// cue words, scanned once for the quote finders.
pub(crate) fn resolve(
    text: &str,
    gaz: &Gazetteer,
    entities: &[Entity],
    cues: &[cues::Cue],
    quotes: &mut [Quote],
) {
    let anon_cues: Vec<cues::Cue> =
        cues.iter().filter(|c| c.class == Class::Anon).copied().collect();
    let mut order: Vec<usize> = (0..quotes.len()).collect();
    order.sort_by_key(|&i| {
        quotes[i].speaker.as_ref().and_then(|s| s.mention).map_or(0, |m| m.start)
    });
    let persons = Persons::new(gaz, entities);
    let mentions = Mentions::new(entities);
    // the quotes whose speaker is resolved, in the order of resolution
    let mut done: Vec<usize> = Vec::with_capacity(quotes.len());
    for i in order {
        let Some(mut sp) = quotes[i].speaker.take() else { continue };
        if !sp.rule.ends_with("continued") && !sp.rule.ends_with("floating") {
            let index = (&persons, &mentions);
            let done = Done { quotes: &*quotes, order: &done };
            one(text, index, entities, &anon_cues, &done, &mut sp);
        }
        quotes[i].speaker = Some(sp);
        done.push(i);
    }
}

/// The speakers resolved so far, without copying them: indices into the quotes.
struct Done<'q> {
    quotes: &'q [Quote],
    order: &'q [usize],
}

impl Done<'_> {
    /// The speaker resolved last that `wanted` accepts.
    fn last(&self, wanted: impl Fn(&Speaker) -> bool) -> Option<&Speaker> {
        self.order.iter().rev().filter_map(|&i| self.quotes[i].speaker.as_ref()).find(|s| wanted(s))
    }
}

fn one(
    text: &str,
    (persons, mentions): (&Persons, &Mentions<'_>),
    entities: &[Entity],
    anon: &[cues::Cue],
    done: &Done<'_>,
    sp: &mut Speaker,
) {
    let Some(m) = sp.mention else { return };
    let raw = m.text(text);
    let lower = raw.to_lowercase();
    let rule = if let Some(e) = head_entity(text, mentions, m) {
        named(sp, &entities[e]);
        "named"
    } else if let Some(g) = pronoun_gender(&lower) {
        pronoun(persons, entities, done, m, g, sp);
        "pronoun"
    } else if lower == "who" || lower == "which" {
        relative(text, mentions, entities, m, sp);
        "relative"
    } else if lower == "they" || lower == "we" {
        sp.name = done.last(plural).and_then(|s| s.name.clone());
        sp.kind = SourceKind::Group;
        "pronoun"
    } else if outlet_nominal(m, &lower) {
        let prev = done.last(|s| s.kind == SourceKind::Media);
        sp.name = prev.and_then(|s| s.name.clone()).or_else(|| last_media(entities, m.start));
        sp.kind = SourceKind::Media;
        "outlet_nominal"
    } else if anon_in(anon, m).is_some() {
        anonymous(text, anon, m, &lower, sp)
    } else {
        // the head before any appositive: "Powell's office, when contacted by Reuters,"
        let head = raw.split(',').next().unwrap_or(raw);
        sp.name = Some(head.trim_start_matches("the ").to_owned());
        "unresolved"
    };
    sp.rule.push_str("; attribution.");
    sp.rule.push_str(rule);
}

/// The entity named by the mention's head: its last word before any relative clause or
/// prepositional phrase ("a senior European official" names no entity, "NATO's Turner" does).
fn head_entity(text: &str, mentions: &Mentions<'_>, m: Span) -> Option<usize> {
    let raw = m.text(text);
    let raw = raw.split(',').next().unwrap_or(raw);
    let cut = head_end(raw);
    let head = raw[..cut].trim_end().rsplit(' ').next()?;
    let start = m.start + raw[..cut].trim_end().len() - head.len();
    mentions.entity_at(Span::new(start, start + head.len()))
}

/// Words that open a relative clause or a prepositional phrase after a mention's head.
const AFTER_HEAD: [&str; 7] = [" who ", " with ", " of ", " familiar ", " at ", " in ", " for "];

/// Where the first of [`AFTER_HEAD`] starts in `raw`, or its length: one pass over its spaces.
fn head_end(raw: &str) -> usize {
    let b = raw.as_bytes();
    memchr::memchr_iter(b' ', b)
        .find(|&i| AFTER_HEAD.iter().any(|p| b[i..].starts_with(p.as_bytes())))
        .unwrap_or(raw.len())
}

/// `Thomas Perez, who said …`: the entity named just before the relative pronoun.
fn relative(text: &str, mentions: &Mentions<'_>, entities: &[Entity], m: Span, sp: &mut Speaker) {
    let before = text[..m.start].trim_end().trim_end_matches(',');
    let at = before.len().saturating_sub(1);
    if let Some(e) = mentions.entity_at(Span::new(at, at + 1)) {
        named(sp, &entities[e]);
    }
}

fn named(sp: &mut Speaker, e: &Entity) {
    sp.name = Some(e.name.clone());
    sp.entity = Some(e.id);
    sp.kind = match e.kind {
        EntityKind::Person => SourceKind::Person,
        EntityKind::Media => SourceKind::Media,
        EntityKind::Group => SourceKind::Group,
        _ => SourceKind::Organization,
    };
}

fn pronoun_gender(lower: &str) -> Option<Option<Gender>> {
    match lower {
        "he" => Some(Some(Gender::Male)),
        "she" => Some(Some(Gender::Female)),
        "i" => Some(None),
        _ => None,
    }
}

/// he/she: the person mentioned last before the pronoun whose gender does not disagree.
fn pronoun(
    persons: &Persons,
    entities: &[Entity],
    done: &Done<'_>,
    m: Span,
    g: Option<Gender>,
    sp: &mut Speaker,
) {
    if let Some(e) = persons.last_before(m.start, g) {
        named(sp, &entities[e]);
    } else if let Some(prev) = done.last(|s| s.kind == SourceKind::Person) {
        sp.name.clone_from(&prev.name);
        sp.entity = prev.entity;
        sp.kind = SourceKind::Person;
    }
}

/// The mentions of persons sorted by end, with the running latest start (and, among equal
/// starts, the last entity): the person mentioned last before any point, in logarithmic time
/// however many quotes and mentions the text has. One list for each gender a pronoun asks
/// for: any, male (persons not known to be female), female (not known to be male).
struct Persons {
    lists: [Vec<(usize, (usize, usize))>; 3],
}

impl Persons {
    fn new(gaz: &Gazetteer, entities: &[Entity]) -> Persons {
        let persons = entities.iter().filter(|e| e.kind == EntityKind::Person);
        let n: usize = persons.map(|e| e.mentions.len()).sum();
        let mut lists: [Vec<(usize, (usize, usize))>; 3] =
            std::array::from_fn(|_| Vec::with_capacity(n));
        for (i, e) in entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Person) {
            let eg = entities::gender(gaz, &e.name);
            for (list, g) in lists.iter_mut().zip([None, Some(Gender::Male), Some(Gender::Female)])
            {
                if g.is_none() || eg.is_none_or(|eg| Some(eg) == g) {
                    list.extend(e.mentions.iter().map(|x| (x.span.end, (x.span.start, i))));
                }
            }
        }
        for list in &mut lists {
            list.sort_unstable_by_key(|&(end, _)| end);
            let mut best = (0, 0);
            for (_, latest) in list.iter_mut() {
                best = best.max(*latest);
                *latest = best;
            }
        }
        Persons { lists }
    }

    /// The entity index of the person of gender `g` (any when `None`) mentioned last before
    /// `at`: the latest mention start among mentions that end by `at`.
    fn last_before(&self, at: usize, g: Option<Gender>) -> Option<usize> {
        let list = &self.lists[match g {
            None => 0,
            Some(Gender::Male) => 1,
            Some(Gender::Female) => 2,
        }];
        let n = list.partition_point(|&(end, _)| end <= at);
        n.checked_sub(1).map(|k| list[k].1.1)
    }
}

/// Every entity mention sorted by start: the entity with a mention overlapping a span (the
/// first such entity, as [`entities::entity_at`] gives it) in logarithmic time when mentions
/// do not overlap one another, as the entity finder makes them; a plain scan otherwise.
struct Mentions<'e> {
    entities: &'e [Entity],
    sorted: Option<Vec<(Span, usize)>>,
}

impl Mentions<'_> {
    fn new(entities: &[Entity]) -> Mentions<'_> {
        let mut all: Vec<(Span, usize)> =
            Vec::with_capacity(entities.iter().map(|e| e.mentions.len()).sum());
        for (i, e) in entities.iter().enumerate() {
            all.extend(e.mentions.iter().map(|m| (m.span, i)));
        }
        all.sort_unstable_by_key(|&(span, _)| (span.start, span.end));
        let disjoint = all.windows(2).all(|w| w[0].0.end <= w[1].0.start);
        Mentions { entities, sorted: disjoint.then_some(all) }
    }

    fn entity_at(&self, span: Span) -> Option<usize> {
        let Some(all) = &self.sorted else { return entities::entity_at(self.entities, span) };
        // disjoint mentions have rising ends too: the overlapping ones stand just before
        // the first mention starting at or after `span.end`
        let n = all.partition_point(|&(m, _)| m.start < span.end);
        all[..n].iter().rev().take_while(|&&(m, _)| m.end > span.start).map(|&(_, i)| i).min()
    }
}

/// The last anonymous-source cue inside `m` (cues are in text order and do not overlap).
fn anon_in(anon: &[cues::Cue], m: Span) -> Option<&cues::Cue> {
    let n = anon.partition_point(|c| c.span.end <= m.end);
    n.checked_sub(1).map(|k| &anon[k]).filter(|c| c.span.start >= m.start)
}

fn plural(s: &Speaker) -> bool {
    let t = s.text.as_deref().unwrap_or("");
    s.kind == SourceKind::Group
        || t.ends_with('s') && !t.ends_with("'s") && s.kind != SourceKind::Person
}

/// "the newspaper", "the publication": a determiner and an outlet nominal.
fn outlet_nominal(m: Span, lower: &str) -> bool {
    let Some(rest) = lower.strip_prefix("the ").or_else(|| lower.strip_prefix("this ")) else {
        return false;
    };
    let outlets = cues::scan(rest);
    m.len() < 40
        && outlets.len() == 1
        && outlets[0].class == Class::Outlet
        && outlets[0].span.end == rest.len()
}

fn last_media(entities: &[Entity], at: usize) -> Option<String> {
    entities
        .iter()
        .filter(|e| e.kind == EntityKind::Media)
        .filter_map(|e| {
            Some((e.mentions.iter().filter(|x| x.span.end <= at).map(|x| x.span.start).max()?, e))
        })
        .max_by_key(|(a, _)| *a)
        .map(|(_, e)| e.name.clone())
}

/// An unnamed source, or a back-reference to one ("the same diplomat", "this person").
fn anonymous(
    text: &str,
    anon: &[cues::Cue],
    m: Span,
    lower: &str,
    sp: &mut Speaker,
) -> &'static str {
    sp.kind = SourceKind::Anonymous;
    let back = ["the same ", "this ", "that ", "the "].iter().any(|p| lower.starts_with(p));
    if back {
        let head = anon_in(anon, m).map(|c| c.span.text(text).to_lowercase());
        let earlier = anon.iter().rev().filter(|c| c.span.end <= m.start).find(|c| {
            let start = text[..c.span.start].rfind(['.', ',', '\n']).map_or(0, |p| p + 1);
            let np = text[start..c.span.start].to_lowercase();
            let indefinite =
                np.split_whitespace().any(|w| matches!(w, "a" | "an" | "one" | "another"));
            let same = head
                .as_deref()
                .is_none_or(|h| h == "person" || c.span.text(text).eq_ignore_ascii_case(h));
            indefinite && same
        });
        if let Some(c) = earlier {
            let start = text[..c.span.start].rfind(['.', ',', '\n']).map_or(0, |p| p + 1);
            let np = text[start..c.span.end].trim();
            let np = np.rsplit_once(" to ").map_or(np, |(_, b)| b);
            let np = np.find(|c: char| c.is_lowercase()).map_or(np, |_| np);
            let words: Vec<&str> = np.split_whitespace().collect();
            let from = words
                .iter()
                .rposition(|w| matches!(w.to_lowercase().as_str(), "a" | "an" | "one" | "another"))
                .unwrap_or(0);
            let desc = words[from..].join(" ");
            sp.name = Some(desc.clone());
            sp.description = Some(desc);
            return "anonymous_backref";
        }
    }
    let raw = m.text(text);
    let cut = raw.find(" who ").or_else(|| raw.find(" with knowledge")).unwrap_or(raw.len());
    sp.name = Some(raw[..cut].to_owned());
    sp.description = Some(raw[..cut].to_owned());
    "anonymous"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{QuoteKind, Region};

    #[test]
    fn a_mention_head_ends_before_its_first_clause_or_phrase() {
        let m = "a senior official familiar with the talks in Kyiv";
        assert_eq!(&m[..head_end(m)], "a senior official");
        let m = "the head of state";
        assert_eq!(&m[..head_end(m)], "the head");
        assert_eq!(head_end("NATO's Turner"), "NATO's Turner".len());
        // whole words only
        assert_eq!(head_end("Atwood intends to"), "Atwood intends to".len());
    }

    #[test]
    fn done_finds_the_last_resolved_speaker_of_a_kind() {
        let quote = |kind, name: &str| Quote {
            content: Span::new(0, 0),
            text: String::new(),
            kind: QuoteKind::Direct,
            cue: None,
            speaker: Some(Speaker { kind, name: Some(name.to_owned()), ..Speaker::default() }),
            region: Region::Body,
            rule: String::new(),
        };
        let quotes = [
            quote(SourceKind::Person, "A"),
            quote(SourceKind::Media, "B"),
            quote(SourceKind::Person, "C"),
        ];
        let done = Done { quotes: &quotes, order: &[2, 0, 1] };
        let name = |s: Option<&Speaker>| s.and_then(|s| s.name.clone());
        assert_eq!(name(done.last(|s| s.kind == SourceKind::Person)), Some("A".to_owned()));
        assert_eq!(name(done.last(|s| s.kind == SourceKind::Media)), Some("B".to_owned()));
        assert_eq!(name(done.last(|s| s.kind == SourceKind::Group)), None);
    }
}
