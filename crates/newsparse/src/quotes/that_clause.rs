//! `X insisted that CLAUSE`: a reported clause after a verb that the cue table does not list.
//! Reporting and stance verbs are an open class ("conceded", "bemoaned", "is suggesting"), so
//! a verb form in -ed, -s or -ing right before "that" and a clause opener after it is read as
//! one when it has a subject.

use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::indirect::{clause_end, leading_name, plausible_subject};
use super::phrase::{has_words, subject_before, trim_punct};
use super::word::{keys, lower_is_in, slots, word_before};
use super::{Context, Cover, mention};
use crate::document::{Quote, QuoteKind, Region, Span};

/// The searcher for " that ", built once.
static THAT: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(" that "));

/// The rule of the quotes found here.
const RULE: &str = "indirect.verb_that";

/// Words in -s, -ed or -ing before "that" that are no reporting verb: auxiliaries, linking
/// verbs and the like ("it is that", "so much that").
const NOT_VERBS_WORDS: &[&str] = &[
    "is",
    "was",
    "has",
    "does",
    "this",
    "thus",
    "as",
    "means",
    "seems",
    "makes",
    "things",
    "years",
    "days",
    "times",
    "ones",
    "less",
    "unless",
    "news",
    "needed",
    "used",
    "being",
    "nothing",
    "something",
    "anything",
    "everything",
    "during",
    "including",
    "regarding",
    "becomes",
    "remains",
    "gets",
    "kinds",
    "sorts",
    "ways",
];
const NOT_VERBS: &[u128] = &keys::<{ slots(NOT_VERBS_WORDS.len()) }>(NOT_VERBS_WORDS);

/// Words that open a clause after "that": pronouns and determiners (besides any capitalised
/// word or number).
const OPENERS_WORDS: &[&str] = &[
    "he", "she", "they", "we", "i", "it", "you", "there", "his", "her", "their", "its", "our",
    "my", "the", "a", "an", "no", "some", "many", "most", "all", "every", "any", "one", "two",
    "this", "these", "those", "if", "when",
];
const OPENERS: &[u128] = &keys::<{ slots(OPENERS_WORDS.len()) }>(OPENERS_WORDS);

/// Reported clauses after unlisted verbs outside the spans of `taken`, appended to `out`.
pub(super) fn find(ctx: &Context<'_>, taken: &Cover, out: &mut Vec<Quote>) {
    for at in THAT.find_iter(ctx.text.as_bytes()) {
        if let Some(q) = at_that(ctx, taken, at) {
            out.push(q);
        }
    }
}

/// The quote whose "that" stands at byte `at + 1`, if its verb and clause qualify. The
/// words beside "that" are checked first, as most occurrences fail there.
fn at_that(ctx: &Context<'_>, taken: &Cover, at: usize) -> Option<Quote> {
    let that = Span::new(at + 1, at + 5);
    let verb = word_before(ctx.text, at.saturating_sub(VERB_REACH), at)?;
    if !verb_form(verb.text(ctx.text)) || !opens_clause(next_word(ctx.text, that.end + 1)) {
        return None;
    }
    if taken.contains(that) || cue_near(ctx, at) || ctx.region(that) != Region::Body {
        return None;
    }
    let sentence = ctx.sentence_at(at).filter(|s| s.start <= verb.start)?;
    let who = subject(ctx, sentence, verb)?;
    let w = who.text(ctx.text);
    if w.starts_with(char::is_lowercase) && !pronoun(w)
        || !w.contains(',') && w.split(' ').nth(MAX_SUBJECT_WORDS).is_some()
        || !plausible_subject(ctx, who, None)
    {
        return None;
    }
    let content = trim_punct(ctx.text, Span::new(that.end + 1, sentence.end));
    if !has_words(ctx.text, content, 3) {
        return None;
    }
    let speaker = mention(ctx.text, who, "speaker.before_verb");
    let content = clause_end(ctx, content);
    Some(super::quote(ctx, content, QuoteKind::Indirect, Some(verb), Some(speaker), RULE))
}

/// The most words of a subject without an appositive: a longer one was read past a noun
/// ("… focused on all the problems that …").
const MAX_SUBJECT_WORDS: usize = 6;

/// The subject of `verb`: the sentence's for a gerund after a comma (`…, insisting that`),
/// the phrase before it for a finite verb or a progressive (`is demanding that`).
fn subject(ctx: &Context<'_>, sentence: Span, verb: Span) -> Option<Span> {
    let before = ctx.text[sentence.start..verb.start].trim_end();
    if !verb.text(ctx.text).ends_with("ing") {
        return subject_before(ctx.text, sentence.start, verb.start);
    }
    if before.ends_with(',') {
        return leading_name(ctx.text, Span::new(sentence.start, verb.start));
    }
    let aux = before.rsplit(' ').next().unwrap_or("");
    matches!(aux, "is" | "are" | "was" | "were" | "been" | "be")
        .then(|| subject_before(ctx.text, sentence.start, verb.start))?
}

/// The most bytes a verb before "that" is read back: longer words are no verb forms.
const VERB_REACH: usize = 24;

/// The word that starts at byte `from` (empty at the end of the text).
fn next_word(text: &str, from: usize) -> &str {
    let rest = text.get(from..).unwrap_or("");
    let end = rest.bytes().position(|b| b.is_ascii_whitespace()).unwrap_or(rest.len());
    &rest[..end]
}

/// True when a cue word ends at "that" or holds it: the cue finders have judged it.
fn cue_near(ctx: &Context<'_>, at: usize) -> bool {
    let i = ctx.cues.partition_point(|c| c.span.end < at.saturating_sub(1));
    ctx.cues.get(i).is_some_and(|c| c.span.start <= at + 5)
}

/// A lower-case verb form in -ed, -s or -ing of four letters or more.
fn verb_form(w: &str) -> bool {
    w.len() >= 4
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && (w.ends_with("ed") || w.ends_with('s') && !w.ends_with("ss") || w.ends_with("ing"))
        && !lower_is_in(NOT_VERBS, w)
}

/// True when `w` opens a clause: capitalised, a number, a pronoun or a determiner.
fn opens_clause(w: &str) -> bool {
    let w = w.trim_start_matches(['"', '“', '\'', '‘']);
    w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) || lower_is_in(OPENERS, w)
}

fn pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "we" | "i" | "you")
}
