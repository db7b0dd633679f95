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
    let mut done: Vec<Speaker> = Vec::new();
    for i in order {
        let Some(mut sp) = quotes[i].speaker.take() else { continue };
        if !sp.rule.ends_with("continued") && !sp.rule.ends_with("floating") {
            one(text, gaz, entities, &anon_cues, &done, &mut sp);
        }
        done.push(sp.clone());
        quotes[i].speaker = Some(sp);
    }
}

fn one(
    text: &str,
    gaz: &Gazetteer,
    entities: &[Entity],
    anon: &[cues::Cue],
    done: &[Speaker],
    sp: &mut Speaker,
) {
    let Some(m) = sp.mention else { return };
    let raw = m.text(text);
    let lower = raw.to_lowercase();
    let rule = if let Some(e) = head_entity(text, entities, m) {
        named(sp, &entities[e]);
        "named"
    } else if let Some(g) = pronoun_gender(&lower) {
        pronoun(text, gaz, entities, done, m, g, sp);
        "pronoun"
    } else if lower == "who" {
        relative(text, entities, m, sp);
        "relative"
    } else if lower == "they" || lower == "we" {
        sp.name = done.iter().rev().find(|s| plural(s)).and_then(|s| s.name.clone());
        sp.kind = SourceKind::Group;
        "pronoun"
    } else if outlet_nominal(m, &lower) {
        let prev = done.iter().rev().find(|s| s.kind == SourceKind::Media);
        sp.name = prev.and_then(|s| s.name.clone()).or_else(|| last_media(entities, m.start));
        sp.kind = SourceKind::Media;
        "outlet_nominal"
    } else if anon.iter().any(|c| m.contains(c.span)) {
        anonymous(text, anon, m, &lower, sp)
    } else {
        sp.name = Some(raw.trim_start_matches("the ").to_owned());
        "unresolved"
    };
    sp.rule = format!("{}; attribution.{rule}", sp.rule);
}

/// The entity named by the mention's head: its last word before any relative clause or
/// prepositional phrase ("a senior European official" names no entity, "NATO's Turner" does).
fn head_entity(text: &str, entities: &[Entity], m: Span) -> Option<usize> {
    let raw = m.text(text);
    let raw = raw.split(',').next().unwrap_or(raw);
    let cut = [" who ", " with ", " of ", " familiar ", " at ", " in ", " for "]
        .iter()
        .filter_map(|p| raw.find(p))
        .min()
        .unwrap_or(raw.len());
    let head = raw[..cut].trim_end().rsplit(' ').next()?;
    let start = m.start + raw[..cut].trim_end().len() - head.len();
    entities::entity_at(entities, Span::new(start, start + head.len()))
}

/// `Thomas Perez, who said …`: the entity named just before the relative pronoun.
fn relative(text: &str, entities: &[Entity], m: Span, sp: &mut Speaker) {
    let before = text[..m.start].trim_end().trim_end_matches(',');
    let at = before.len().saturating_sub(1);
    if let Some(e) = entities::entity_at(entities, Span::new(at, at + 1)) {
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
    text: &str,
    gaz: &Gazetteer,
    entities: &[Entity],
    done: &[Speaker],
    m: Span,
    g: Option<Gender>,
    sp: &mut Speaker,
) {
    let _ = text;
    let best = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .filter(|e| g.is_none() || entities::gender(gaz, &e.name).is_none_or(|eg| Some(eg) == g))
        .filter_map(|e| {
            let last =
                e.mentions.iter().filter(|x| x.span.end <= m.start).map(|x| x.span.start).max()?;
            Some((last, e))
        })
        .max_by_key(|(at, _)| *at);
    if let Some((_, e)) = best {
        named(sp, e);
    } else if let Some(prev) = done.iter().rev().find(|s| s.kind == SourceKind::Person) {
        sp.name.clone_from(&prev.name);
        sp.entity = prev.entity;
        sp.kind = SourceKind::Person;
    }
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
        let head = anon
            .iter()
            .rev()
            .find(|c| m.contains(c.span))
            .map(|c| c.span.text(text).to_lowercase());
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
