//! Indirect quotes and beliefs: reported clauses around a cue that no direct quote used.

use std::cell::Cell;

use super::cues::Class;
use super::phrase::{
    SOURCE_WINDOW, find_that, first_words, has_words, phrase_after, subject_before, trim_punct,
};
use super::word::{keys, lower_is_in, most_bytes, slots, word_before};
use super::{Context, Cover, mention, quote_in};
use crate::chars::{
    HIGH, ONES, ascii_white8, count_high8, find_comma_space, skip_space, skip_whole_word, zero8,
};
use crate::document::{Quote, QuoteKind, Region, Span, Speaker};
use crate::scratch;
use crate::segment::Sentence;

/// A quote of `kind` over `content`, a part of the sentence of a cue of the body: the rules
/// here read only cues whose paragraph is of the body ([`pass`]), and a quote of theirs that
/// holds a byte starts inside the cue's sentence, so that its region is known rather than
/// searched for (an empty one may stand at the paragraph's end, and is searched for).
fn quote(
    ctx: &Context<'_>,
    content: Span,
    kind: QuoteKind,
    cue: Option<Span>,
    speaker: Option<Speaker>,
    rule: &str,
) -> Quote {
    let region = if content.is_empty() { ctx.region(content) } else { Region::Body };
    debug_assert_eq!(region, ctx.region(content));
    quote_in(ctx, content, kind, cue, speaker, rule, region)
}

/// A reported clause shorter than this is no quote.
const MIN_WORDS: usize = 3;

/// Indirect quotes and beliefs around every unused cue in body text, appended to `out` (the
/// caller's list, empty, kept by the thread between parses). Gives back the cover of what
/// is taken once they are found: the quoted passages, the quotes of `direct` and of `out`.
pub(super) fn find(ctx: &mut Context<'_>, direct: &[Quote], out: &mut Vec<Quote>) -> Cover {
    // room for a quote per two cues, more than news most often gives, so that the list is
    // not grown (and its quotes, some 250 bytes each, moved) three or four times for a text
    // the thread's list has not had room for; at most [`ROOM`], for a text that is a long
    // run of cue words
    out.reserve((ctx.cues.len() / 2).min(ROOM));
    // in the lists the thread kept from its last text
    let (mut subjects, mut lower, mut verbs, mut tried) =
        READ.try_with(Cell::take).unwrap_or_default();
    let unread = |list: &mut Vec<Option<Option<Span>>>| {
        list.clear();
        list.resize(ctx.cues.len(), None);
    };
    unread(&mut subjects);
    unread(&mut verbs);
    lower.clear();
    lower.resize(ctx.segments.sentences.len(), None);
    tried.clear();
    tried.resize(ctx.cues.len(), false);
    let mut read = Read { subjects, case: SentenceCase { lower }, verbs, tried };
    // what is taken before each pass: the cover is built a run at a time, each of them
    // (mostly) in text order, and grown by the quotes of each pass for the next
    let mut taken = Cover::empty();
    taken.add(ctx.segments.quoted.iter().map(|q| q.content));
    taken.add(direct.iter().map(|q| q.content));
    for outer in [true, false] {
        let first = out.len();
        pass(ctx, &taken, out, &mut read, outer);
        taken.add(out[first..].iter().map(|q| q.content));
    }
    let Read { subjects, case: SentenceCase { lower }, verbs, tried } = read;
    // kept while no larger than the scratch lists kept
    let fit = scratch::fits(&subjects) && scratch::fits(&lower) && scratch::fits(&verbs);
    if fit && scratch::fits(&tried) {
        let _ = READ.try_with(|r| r.set((subjects, lower, verbs, tried)));
    }
    taken
}

/// The lists of [`Read`] as the thread's last text left them, for its next one: by cue,
/// the subjects and the verbs, by sentence, the case, and by cue, whether the outer pass
/// tried it.
type ReadLists =
    (Vec<Option<Option<Span>>>, Vec<Option<bool>>, Vec<Option<Option<Span>>>, Vec<bool>);

thread_local! {
    /// The lists of the thread's last [`Read`], for its next text.
    static READ: Cell<ReadLists> =
        const { Cell::new((Vec::new(), Vec::new(), Vec::new(), Vec::new())) };
}

/// The most quotes [`find`] makes room for at first (about 256 KiB of them).
const ROOM: usize = 1024;

/// What one pass reads that the other reads again, kept for it.
struct Read {
    /// The plausible subject before each cue, by cue.
    subjects: Vec<Option<Option<Span>>>,
    /// The case of the sentences read.
    case: SentenceCase,
    /// Whether each cue, once read, is a verb in body text that the rules read (not a noun
    /// such as "the report", in a sentence, in the body and not inside a name): its sentence
    /// when it is, kept so that neither pass searches for it again.
    verbs: Vec<Option<Option<Span>>>,
    /// By cue, whether the outer pass read its sentence-wide attributions and found none:
    /// the inner pass does not read them again, as they read only the text, the cues and
    /// what is kept here, and would find none again.
    tried: Vec<bool>,
}

/// One pass over the unused cues: the outer pass takes only sentence-wide attributions
/// (`CLAUSE, X said.`, `according to`), so that a verb inside their clause does not claim it.
/// `taken` covers the quoted passages, the direct quotes and the quotes of the passes
/// before.
fn pass(ctx: &mut Context<'_>, taken: &Cover, out: &mut Vec<Quote>, read: &mut Read, outer: bool) {
    // quotes of this pass that may still hold a later cue
    let mut fresh: Vec<Span> = Vec::new();
    // the sentences that end before the cues read so far: the cues come in text order, so
    // that each cue's sentence is found by walking on from the last one's
    let mut walk = SentenceWalk::default();
    let mut commas = CommaWalk::default();
    // how many of the taken spans start no later than the cue read last
    let mut covered = 0;
    let Read { subjects, case, verbs, tried } = read;
    for (i, (subject, known)) in subjects.iter_mut().zip(verbs.iter_mut()).enumerate() {
        let cue = ctx.cues[i];
        let wanted = matches!(cue.class, Class::Speech | Class::Belief | Class::According)
            || cue.class == Class::Gerund && !outer;
        // a cue inside a quote taken before this pass is skipped either way: asked first, as
        // it costs a search where the word class below costs reading the words around the
        // cue (and a cue taken here stays taken in the next pass, which takes more)
        if ctx.used[i] || !wanted || taken.contains_walking(&mut covered, cue.span) {
            continue;
        }
        // what does not change between the passes, read once
        let verb = *known.get_or_insert_with(|| {
            // the sentence and its region first, a few steps on from the last cue's, before
            // the word before the cue is read
            let (k, sentence) = walk.at(&ctx.segments.sentences, cue.span.start)?;
            // the region of the paragraph that holds the cue: the sentence's
            let region = ctx.segments.paragraphs[sentence.paragraph].region;
            debug_assert_eq!(region, ctx.region(cue.span));
            (region == Region::Body
                && !is_noun(ctx.text, cue.span)
                && !in_name(ctx.text, cue.span, k, sentence.span, case))
            .then_some(sentence.span)
        });
        let Some(sentence) = verb else { continue };
        fresh.retain(|q| q.end > cue.span.start);
        if fresh.iter().any(|q| q.contains(cue.span)) {
            continue;
        }
        let first = out.len();
        let pass = if outer { Pass::Outer } else { Pass::Inner { tried: tried[i] } };
        around(ctx, i, sentence, subject, pass, &mut commas, out);
        if out.len() > first || !outer {
            ctx.used[i] = true;
        }
        tried[i] = outer;
        fresh.extend(out[first..].iter().map(|q| q.content));
    }
}

/// A walk through a text's sentences beside its cues, which come in text order: the sentence
/// of each cue found by stepping on from the last cue's, where a search for each cue, from
/// where the last search ended, cost several times the few steps.
#[derive(Default)]
struct SentenceWalk {
    /// How many sentences end before the cues read so far.
    next: usize,
}

impl SentenceWalk {
    /// The sentence of `sentences` (in text order) that holds byte `at`, with its index, as
    /// [`Context::sentence_index_at`] finds it; `at` is no less than at the last call.
    fn at<'s>(&mut self, sentences: &'s [Sentence], at: usize) -> Option<(usize, &'s Sentence)> {
        while sentences.get(self.next).is_some_and(|s| s.span.end <= at) {
            self.next += 1;
        }
        sentences.get(self.next).filter(|s| s.span.start <= at).map(|s| (self.next, s))
    }
}

/// A walk through a text's bytes beside its cues, which come in text order: the last comma
/// before each cue, found by reading on from the last cue's, so that a long sentence full
/// of cues is read once, not once for each cue.
#[derive(Default)]
struct CommaWalk {
    /// How far the text is read.
    read: usize,
    /// Where the last comma before `read` stands.
    last: Option<usize>,
}

impl CommaWalk {
    /// Whether `text` has a comma in `from..to`; `to` is no less than at the last call.
    fn any(&mut self, text: &str, from: usize, to: usize) -> bool {
        if to > self.read {
            if let Some(i) = memchr::memrchr(b',', &text.as_bytes()[self.read..to]) {
                self.last = Some(self.read + i);
            }
            self.read = to;
        }
        self.last.is_some_and(|c| c >= from && c < to)
    }
}

/// Determiners before which a cue word is a noun ("the report", "a plan"); a possessive
/// ("Clinton's tweet") does the same.
const DETERMINERS_WORDS: &[&str] =
    &["the", "a", "an", "this", "that", "his", "her", "their", "its", "our", "new", "latest"];
const DETERMINERS: &[u128] = &keys::<{ slots(DETERMINERS_WORDS.len()) }>(DETERMINERS_WORDS);

/// The most bytes of a word that may be one of [`DETERMINERS`] ([`most_bytes`]).
const DETERMINER_BYTES: usize = most_bytes(DETERMINERS_WORDS);

/// True when the cue is a noun: a possessive or one of [`DETERMINERS`] stands before it. A
/// word longer than any determiner may be (most names before a verb) is not looked up.
fn is_noun(text: &str, cue: Span) -> bool {
    let prev = word_before(text, 0, cue.start).map_or("", |w| w.text(text));
    prev.ends_with("'s")
        || prev.ends_with("’s")
        || prev.len() <= DETERMINER_BYTES && lower_is_in(DETERMINERS, prev)
}

/// A capitalised cue inside a sentence is part of a name ("United States", "Michigan State"),
/// unless the sentence is a title-case line ("Zoe Saldana Responds To Hate").
fn in_name(text: &str, cue: Span, k: usize, sentence: Span, case: &mut SentenceCase) -> bool {
    // the cheapest test first: most cues are in lower case, told from an ASCII first byte
    // without slicing the text at character boundaries
    let upper = match text.as_bytes()[cue.start..cue.end].first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => cue.text(text).starts_with(char::is_uppercase),
    };
    if !upper {
        return false;
    }
    let opens = text[sentence.start..cue.start].trim_start_matches(['"', '“', '\'', '‘', ' ']);
    if opens.is_empty() {
        return false;
    }
    case.mostly_lower(text, k, sentence)
}

/// Whether more than a quarter of the first 40 words of a sentence start in lower case (it is
/// no title-case line), read once for all the cues of the sentence in both passes.
struct SentenceCase {
    /// By sentence index, once read.
    lower: Vec<Option<bool>>,
}

impl SentenceCase {
    /// Whether `sentence`, sentence `k` of the text, is mostly lower case.
    fn mostly_lower(&mut self, text: &str, k: usize, sentence: Span) -> bool {
        *self.lower[k].get_or_insert_with(|| mostly_lower_words(sentence.text(text), 40))
    }
}

/// Whether more than a quarter of the first `n` words of `s` start with a lower-case letter,
/// as the tests' `lower_words` counts them, read no further than the word that tells: once
/// more than a quarter of `n` do, the words after cannot change the answer (most sentences
/// of news tell it within a dozen words, of the 40 read).
fn mostly_lower_words(s: &str, n: usize) -> bool {
    let b = s.as_bytes();
    let (mut lower, mut all) = (0, 0);
    let mut i = skip_space(s, 0);
    while i < b.len() && all < n {
        all += 1;
        let first = if b[i].is_ascii() {
            b[i].is_ascii_lowercase()
        } else {
            s[i..].starts_with(char::is_lowercase)
        };
        lower += usize::from(first);
        if lower * 4 > n {
            return true;
        }
        i = skip_space(s, skip_whole_word(s, i));
    }
    lower * 4 > all
}

/// How many of the first `n` words of `s` (split at white space by `str::split_whitespace`)
/// start with a lower-case letter, and how many words that is: the reference of
/// [`mostly_lower_words`] in the tests.
#[cfg(test)]
fn lower_words(s: &str, n: usize) -> (usize, usize) {
    let words = s.split_whitespace().take(n);
    let lower = words.clone().filter(|w| w.starts_with(char::is_lowercase)).count();
    (lower, words.count())
}

/// Last words that leave a subject unfinished ("the kinds of", "who won the most").
const OPEN_ENDS_WORDS: &[&str] = &[
    "of", "in", "at", "on", "for", "to", "with", "by", "from", "the", "a", "an", "most", "more",
    "his", "her", "their", "its", "our", "my", "your",
];
const OPEN_ENDS: &[u128] = &keys::<{ slots(OPEN_ENDS_WORDS.len()) }>(OPEN_ENDS_WORDS);
/// The most bytes of a word that may be one of [`OPEN_ENDS`] ([`most_bytes`]).
const OPEN_END_BYTES: usize = most_bytes(OPEN_ENDS_WORDS);

/// A subject that is a noun phrase: it ends on no preposition or determiner and, unless it
/// carries an appositive, holds no reporting verb of its own ("Her submission noted
/// published reports" is no subject). `of` is the index of the cue `who` is the subject of,
/// when known (a cue that stands after `who`): the cues inside `who` are then read back from
/// it, where they are searched for otherwise.
pub(super) fn plausible_subject(ctx: &Context<'_>, who: Span, of: Option<usize>) -> bool {
    // the last word after the last space, read back byte by byte (a subject is a few short
    // words: memchr's searches cost more to call than the bytes to read)
    let w = who.text(ctx.text);
    let last = w.bytes().rposition(|c| c == b' ').map_or(w, |i| &w[i + 1..]);
    // most subjects end on a longer word, which is not looked up
    if last.len() <= OPEN_END_BYTES && lower_is_in(OPEN_ENDS, last) {
        return false;
    }
    if w.as_bytes().contains(&b',') {
        return true;
    }
    // the cues from the first that starts in `who`, read back from cue `of`: the cues come
    // in text order without overlapping, and `who` ends before cue `of`
    let from = match of {
        Some(of) => {
            of - ctx.cues[..of].iter().rev().take_while(|c| c.span.start >= who.start).count()
        }
        None => ctx.cue_partition(|c| c.span.start < who.start),
    };
    !ctx.cues[from..].iter().take_while(|c| c.span.end <= who.end).any(|c| {
        matches!(c.class, Class::Speech | Class::Belief)
            && c.span.text(ctx.text).starts_with(char::is_lowercase)
            && !is_noun(ctx.text, c.span)
    })
}

/// Which of the two passes over the cues reads a cue ([`pass`]).
#[derive(Clone, Copy)]
enum Pass {
    /// The outer pass, which takes only sentence-wide attributions.
    Outer,
    /// The inner pass, which takes the rest; `tried` when the outer pass read the cue's
    /// sentence-wide attributions and found none, which are then not read again.
    Inner { tried: bool },
}

/// The quotes around cue `i` of `sentence`, appended to `out` (as every rule below appends
/// its quotes, rather than making a list of its own); `subject` keeps the subject before the
/// cue once read, `None` inside when it is no [`plausible_subject`].
fn around(
    ctx: &mut Context<'_>,
    i: usize,
    sentence: Span,
    subject: &mut Option<Option<Span>>,
    pass: Pass,
    commas: &mut CommaWalk,
    out: &mut Vec<Quote>,
) {
    let outer = matches!(pass, Pass::Outer);
    // the sentence-wide rules (according to, asked, `CLAUSE, X said`, `CLAUSE, said X`) read
    // only the text and the cues, so that what found nothing in the outer pass is not read
    // again in the inner one
    let wide = !matches!(pass, Pass::Inner { tried: true });
    let cue = ctx.cues[i];
    if cue.class == Class::According {
        if wide {
            out.extend(according(ctx, cue.span, sentence));
        }
        return;
    }
    if cue.class == Class::Gerund {
        out.extend(gerund(ctx, cue.span, sentence));
        return;
    }
    if let Some(q) = if wide { asked(ctx, cue.span, sentence) } else { None } {
        out.push(q);
        return;
    }
    // the outer pass's other rules, `CLAUSE, X said` and `CLAUSE, said X`, need a comma before
    // the cue in its sentence: without one the subject is not read here, and the inner pass
    // reads it only for a cue no quote of this pass takes
    if outer && !commas.any(ctx.text, sentence.start, cue.span.start) {
        return;
    }
    let kind = if cue.class == Class::Belief { QuoteKind::Belief } else { QuoteKind::Indirect };
    let prefix = if kind == QuoteKind::Belief { "belief" } else { "indirect" };
    let who = *subject.get_or_insert_with(|| {
        subject_before(ctx.text, sentence.start, cue.span.start)
            .filter(|&w| plausible_subject(ctx, w, Some(i)))
    });
    if let Some(who) = who {
        let before = ctx.text[sentence.start..who.start].trim_end();
        if wide
            && before.ends_with(',')
            && tail_is_short(ctx, cue.span.end, sentence.end)
            && !starts_clause(ctx.text, cue.span.end)
        {
            let first = out.len();
            clause_verb(ctx, i, who, sentence, kind, prefix, out);
            if out.len() > first {
                return;
            }
        }
        if outer || !evidence_ok(ctx, cue.span, who) {
            return;
        }
        if before.ends_with(',') && ctx.text[cue.span.end..].starts_with(',') {
            out.push(parenthetical(ctx, cue.span, who, sentence, kind, prefix));
            return;
        }
        subject_verb(ctx, cue.span, who, sentence, kind, prefix, out);
        return;
    }
    if !outer && coordinated(ctx.text, sentence.start, cue.span.start) {
        coordinated_verb(ctx, cue.span, sentence, kind, prefix, out);
        return;
    }
    // `CLAUSE, said X.`
    let before = ctx.text[sentence.start..cue.span.start].trim_end();
    if wide && before.ends_with(',') && kind == QuoteKind::Indirect {
        let who = phrase_after(ctx.text, cue.span.end, sentence.end);
        let content = trim_punct(ctx.text, Span::new(sentence.start, cue.span.start));
        if let Some(who) = who.filter(|_| has_words(ctx.text, content, MIN_WORDS)) {
            let speaker = mention(ctx.text, who, "speaker.after_verb");
            let rule = "indirect.verb_subject";
            out.push(quote(ctx, content, kind, Some(cue.span), Some(speaker), rule));
        }
    }
}

/// Words that open a reported clause right after the verb: `X said, it would …` is no
/// `CLAUSE, X said.` attribution however short its tail.
const CLAUSE_OPENERS: &[&str] =
    &["that", "it", "he", "she", "they", "we", "i", "you", "there", "the", "a", "an"];

fn starts_clause(text: &str, from: usize) -> bool {
    let rest = text[from..].trim_start_matches([',', ' ']);
    let word = rest.split([' ', ',', '.']).next().unwrap_or("");
    CLAUSE_OPENERS.contains(&word)
}

/// `Asked whether …, Trump said` / `when asked about …`: the question, whose asker is not
/// named, to the next comma.
fn asked(ctx: &Context<'_>, cue: Span, sentence: Span) -> Option<Quote> {
    // on bytes, as most cues are not it: no slicing of the text at character boundaries
    if !ctx.text.as_bytes()[cue.start..cue.end].eq_ignore_ascii_case(b"asked") {
        return None;
    }
    let lead = ctx.text[sentence.start..cue.start].trim_start_matches(['"', '“', ' ']);
    if !(lead.is_empty() || matches!(lead.trim_end(), "When" | "when" | "After" | "after")) {
        let prev = lead.split_whitespace().next_back()?;
        if !matches!(prev, "when" | "When") {
            return None;
        }
    }
    let rest = ctx.text[cue.end..sentence.end].trim_start();
    let opens = ["whether ", "if ", "what ", "how ", "why ", "about ", "to ", "by ", "who "];
    if !opens.iter().any(|o| rest.starts_with(o)) {
        return None;
    }
    let from = sentence.end - rest.len();
    let end = find_comma_space(rest).map_or(sentence.end, |c| from + c);
    let content = trim_punct(ctx.text, Span::new(from, end));
    has_words(ctx.text, content, MIN_WORDS)
        .then(|| quote(ctx, content, QuoteKind::Indirect, Some(cue), None, "indirect.asked"))
}

/// `X did Y and said CLAUSE`: the cue follows "and" or "but" (and perhaps an adverb).
fn coordinated(text: &str, from: usize, cue: usize) -> bool {
    let mut words = text[from..cue].split_whitespace().rev();
    let mut w = words.next().unwrap_or("");
    if matches!(w, "also" | "later" | "then" | "again" | "even" | "repeatedly" | "still" | "has") {
        w = words.next().unwrap_or("");
    }
    matches!(w, "and" | "but")
}

/// The rules of the indirect rules' kinds ("indirect", "belief"), by kind and name, as
/// pairs: looked up rather than joined for each quote.
const RULES: &[((&str, &str), &str)] = &[
    (("indirect", "clause_verb"), "indirect.clause_verb"),
    (("belief", "clause_verb"), "belief.clause_verb"),
    (("indirect", "parenthetical"), "indirect.parenthetical"),
    (("belief", "parenthetical"), "belief.parenthetical"),
    (("indirect", "coordinated"), "indirect.coordinated"),
    (("belief", "coordinated"), "belief.coordinated"),
];

/// The rule `{prefix}.{name}` of [`RULES`].
fn rule_for(prefix: &str, name: &str) -> &'static str {
    RULES.iter().find(|((p, n), _)| *p == prefix && *n == name).map_or("indirect", |(_, rule)| rule)
}

/// `X did Y and said CLAUSE`: the speaker is the subject that opens the sentence; the
/// quotes are appended to `out`.
fn coordinated_verb(
    ctx: &mut Context<'_>,
    cue: Span,
    sentence: Span,
    kind: QuoteKind,
    prefix: &str,
    out: &mut Vec<Quote>,
) {
    let Some(who) = sentence_subject(ctx.text, Span::new(sentence.start, cue.start)) else {
        return;
    };
    let first = out.len();
    subject_verb(ctx, cue, who, sentence, kind, prefix, out);
    for q in &mut out[first..] {
        if let Some(sp) = q.speaker.as_mut() {
            "speaker.sentence_subject".clone_into(&mut sp.rule);
        }
        if q.rule.ends_with("subject_verb") {
            rule_for(prefix, "coordinated").clone_into(&mut q.rule);
        }
    }
}

/// `CLAUSE1, X said, CLAUSE2`: the whole sentence is the reported speech.
fn parenthetical(
    ctx: &Context<'_>,
    cue: Span,
    who: Span,
    sentence: Span,
    kind: QuoteKind,
    prefix: &str,
) -> Quote {
    let content = trim_punct(ctx.text, sentence);
    let speaker = mention(ctx.text, who, "speaker.before_verb");
    quote(ctx, content, kind, Some(cue), Some(speaker), rule_for(prefix, "parenthetical"))
}

/// `X did Y, saying CLAUSE`: the speaker is the sentence's subject, its first name or pronoun.
fn gerund(ctx: &Context<'_>, cue: Span, sentence: Span) -> Option<Quote> {
    if !ctx.text[sentence.start..cue.start].trim_end().ends_with(',') {
        return None;
    }
    let rest = ctx.text[cue.end..sentence.end].trim_start();
    let rest = rest.strip_prefix("that ").unwrap_or(rest);
    let content = trim_punct(ctx.text, Span::new(sentence.end - rest.len(), sentence.end));
    if !has_words(ctx.text, content, MIN_WORDS) {
        return None;
    }
    let (who, rule) = match verb_subject(ctx, cue, sentence) {
        Some(who) => (who, "speaker.verb_before"),
        None => (
            sentence_subject(ctx.text, Span::new(sentence.start, cue.start))?,
            "speaker.sentence_subject",
        ),
    };
    let speaker = mention(ctx.text, who, rule);
    Some(quote(ctx, content, QuoteKind::Indirect, Some(cue), Some(speaker), "indirect.gerund"))
}

/// `"Q," McCain said, citing …` / `said Jane Doe, adding …`: the speaker of the reporting
/// verb just before the gerund in its sentence.
fn verb_subject(ctx: &Context<'_>, gerund: Span, sentence: Span) -> Option<Span> {
    let i = ctx.cues.partition_point(|c| c.span.start < gerund.start);
    let prev = ctx.cues[..i]
        .iter()
        .rev()
        .take_while(|c| c.span.start >= sentence.start)
        .find(|c| c.class == Class::Speech)?;
    let between = ctx.text[prev.span.end..gerund.start].trim_end().strip_suffix(',')?;
    if between.split_whitespace().count() > 8 {
        return None;
    }
    subject_before(ctx.text, sentence.start, prev.span.start)
        .or_else(|| phrase_after(ctx.text, prev.span.end, gerund.start))
}

/// The capitalised words (or the pronoun) that open a sentence.
pub(super) fn leading_name(text: &str, sentence: Span) -> Option<Span> {
    let mut end = None;
    for w in super::words(text, sentence).take(5) {
        let t = w.text(text);
        let pronoun = end.is_none()
            && matches!(t, "He" | "She" | "They" | "We" | "I" | "he" | "she" | "they" | "we");
        let upper = t.starts_with(|c: char| c.is_uppercase());
        if !upper && !pronoun || t == "The" && end.is_some() {
            break;
        }
        end = Some(w.end);
        if pronoun || t.ends_with(',') {
            break;
        }
    }
    end.map(|e| trim_punct(text, Span::new(sentence.start, e)))
}

/// Sentence openers that stand before the subject: a word to skip ("But Trump …"), or the
/// start of an introductory phrase that ends at the first comma ("In a statement, Trump …").
const SKIP_WORD: &[&str] = &["But", "And", "Yet", "So", "Still", "Now", "Then", "Also", "Instead"];
const INTRODUCTORY: &[&str] = &[
    "In",
    "On",
    "At",
    "After",
    "Before",
    "During",
    "Later",
    "Earlier",
    "When",
    "While",
    "As",
    "Since",
    "Although",
    "Though",
    "If",
    "Last",
    "Asked",
    "Speaking",
    "Meanwhile",
    "However",
    "For",
    "With",
    "Without",
    "Despite",
    "Following",
    "Under",
    "From",
    "Through",
    "Even",
    "Addressing",
    "Responding",
    "Writing",
    "Separately",
    "Similarly",
    "Today",
    "Yesterday",
];

/// The subject that opens the clause `span`: past an introductory phrase, the pronoun, or a
/// run of capitalised words, perhaps after "the" ("the FBI").
fn sentence_subject(text: &str, span: Span) -> Option<Span> {
    let mut start = span.start;
    let first = super::words(text, span).next()?;
    let w = first.text(text).trim_end_matches(',');
    if SKIP_WORD.contains(&w) {
        start = first.end;
    } else if INTRODUCTORY.contains(&w) || first.text(text).ends_with(',') {
        start = span.start + find_comma_space(span.text(text))? + 2;
    }
    let rest = Span::new(start, span.end);
    let first = super::words(text, rest).next()?;
    if matches!(first.text(text), "the" | "The" | "A" | "a" | "An" | "an") {
        return described(text, first, span.end);
    }
    let name = leading_name(text, rest)?;
    let lower = name.text(text).starts_with(|c: char| c.is_lowercase());
    let pronoun = matches!(name.text(text), "he" | "she" | "they" | "we");
    (!lower || pronoun).then_some(name)
}

/// `The Republican nominee also outlined …`: a determiner and the words after it, up to the
/// first that looks like a verb (an auxiliary, a word in -ed or -ly) or a plural head noun.
fn described(text: &str, det: Span, end: usize) -> Option<Span> {
    let mut last = None;
    for w in super::words(text, Span::new(det.end, end)).take(6) {
        let t = w.text(text);
        let b = t.trim_end_matches([',', '.']).to_lowercase();
        let upper = t.starts_with(|c: char| c.is_uppercase());
        let verbish = b.ends_with("ed") || b.ends_with("ly") || super::phrase::is_verbal(&b);
        if !upper && verbish || !t.starts_with(char::is_alphanumeric) {
            break;
        }
        last = Some(w.end);
        if t.ends_with(',') || !upper && b.ends_with('s') && !b.ends_with("ss") {
            break;
        }
    }
    last.map(|e| trim_punct(text, Span::new(det.start, e)))
}

/// Nouns that can show or find something: "a poll shows that", "the study found that".
const EVIDENCE: &[&str] = &[
    "poll",
    "polls",
    "survey",
    "surveys",
    "study",
    "studies",
    "data",
    "analysis",
    "research",
    "report",
    "reports",
    "records",
    "documents",
    "results",
    "figures",
    "numbers",
    "review",
    "investigation",
    "audit",
    "filings",
    "estimates",
    "projections",
    "polling",
    "exit",
];

/// An evidential cue ("shows (that)", "found (that)") needs a source that can show: a name or an
/// evidence noun, not "the latest push".
fn evidence_ok(ctx: &Context<'_>, cue: Span, who: Span) -> bool {
    let c = cue.text(ctx.text);
    let bare = matches!(c, "show" | "shows" | "showed" | "found" | "finds");
    if !bare && (!c.ends_with(" that") || c.starts_with(|ch: char| !"sfrS".contains(ch))) {
        return true;
    }
    let w = who.text(ctx.text);
    let named = w.split_whitespace().next().is_some_and(|f| {
        f.starts_with(|ch: char| ch.is_uppercase()) && !matches!(f, "The" | "A" | "An" | "This")
    });
    named || w.split_whitespace().any(|x| EVIDENCE.contains(&x.to_lowercase().as_str()))
}

/// Nothing but a few words ("in a statement", "on Tuesday") between the cue and the end.
fn tail_is_short(ctx: &Context<'_>, from: usize, to: usize) -> bool {
    let tail = &ctx.text[from..to];
    first_words(tail, 6).len() == tail.len() && find_that(tail).is_none()
        || relay(ctx, from, to).is_some()
        || gerund_at(ctx, from).is_some()
}

/// `, stressing that ` right after byte `from`: the gerund cue's index.
fn gerund_at(ctx: &Context<'_>, from: usize) -> Option<usize> {
    let j = ctx.cues.partition_point(|c| c.span.start < from);
    let c = ctx.cues.get(j)?;
    let gap = &ctx.text[from..c.span.start];
    (c.class == Class::Gerund && gap.trim() == "," && ctx.text[c.span.end..].starts_with(" that "))
        .then_some(j)
}

/// `…, Bloomberg reports, UNN writes.`: the relaying outlet and its cue's index.
fn relay(ctx: &Context<'_>, from: usize, to: usize) -> Option<(Span, usize)> {
    let tail = &ctx.text[from..to];
    if !tail.starts_with(',') {
        return None;
    }
    let first = ctx.cues.partition_point(|c| c.span.start <= from);
    let j = (first..ctx.cues.len())
        .take_while(|&j| ctx.cues[j].span.start < to)
        .find(|&j| ctx.cues[j].span.end <= to)?;
    let c = ctx.cues[j];
    if c.class != Class::Speech || ctx.text[c.span.end..to].split_whitespace().nth(3).is_some() {
        return None;
    }
    subject_before(ctx.text, from + 1, c.span.start).map(|s| (s, j))
}

/// `CLAUSE, X said.`, its quotes appended to `out`.
fn clause_verb(
    ctx: &mut Context<'_>,
    i: usize,
    who: Span,
    sentence: Span,
    kind: QuoteKind,
    prefix: &str,
    out: &mut Vec<Quote>,
) {
    let cue = ctx.cues[i].span;
    let Some(comma) = ctx.text[sentence.start..who.start].rfind(',') else { return };
    let content = trim_punct(ctx.text, Span::new(sentence.start, sentence.start + comma));
    if !has_words(ctx.text, content, MIN_WORDS) {
        return;
    }
    let mut speaker = mention(ctx.text, who, "speaker.before_verb");
    if let Some((by, j)) = relay(ctx, cue.end, sentence.end) {
        ctx.used[j] = true;
        speaker.relayed_by.push(crate::pool::string(by.text(ctx.text)));
    }
    let rule = rule_for(prefix, "clause_verb");
    out.push(quote(ctx, content, kind, Some(cue), Some(speaker.clone()), rule));
    let clause_fits = |g: &usize| ctx.cues[*g].span.end + " that ".len() < sentence.end;
    if let Some(g) = gerund_at(ctx, cue.end).filter(clause_fits) {
        ctx.used[g] = true;
        let gcue = ctx.cues[g].span;
        let second = trim_punct(ctx.text, Span::new(gcue.end + 6, sentence.end));
        out.push(quote(ctx, second, kind, Some(gcue), Some(speaker), "indirect.gerund"));
    }
}

/// `X said (that) CLAUSE`, `X told Y that CLAUSE`, `X said, stressing that CLAUSE`: the
/// quotes appended to `out`.
fn subject_verb(
    ctx: &mut Context<'_>,
    cue: Span,
    who: Span,
    sentence: Span,
    kind: QuoteKind,
    prefix: &str,
    out: &mut Vec<Quote>,
) {
    // on bytes: the commas and spaces after the cue, and its first letter
    let b = ctx.text.as_bytes();
    let skipped = b[cue.end..sentence.end].iter().take_while(|&&c| matches!(c, b',' | b' '));
    let mut start = cue.end + skipped.count();
    let after = &ctx.text[start..sentence.end];
    let cue_t = matches!(b[cue.start..cue.end].first(), Some(b't' | b'T'));
    let not_clause = NOT_CLAUSE.open(after);
    // `said in a written statement in March that …`, `told an audience … that …`
    let reach = if not_clause || cue_t { 12 } else { 5 };
    if let Some(t) = that_within(after, reach) {
        start += t + 6;
    } else if let Some(t) = after.strip_prefix("that ") {
        start = sentence.end - t.len();
    } else if kind == QuoteKind::Indirect
        && (after.starts_with(|c: char| !c.is_alphanumeric() && c != '$') || not_clause)
        && !infinitive(ctx.text, cue, after)
    {
        return;
    }
    let content = trim_punct(ctx.text, Span::new(start, sentence.end));
    if !has_words(ctx.text, content, MIN_WORDS) {
        return;
    }
    let speaker = mention(ctx.text, who, "speaker.before_verb");
    let rule = if prefix == "belief" { "belief.subject_verb" } else { "indirect.subject_verb" };
    split_gerund(ctx, content, kind, cue, speaker, rule, out);
}

/// The first " that " after at most `n` words of `s`: one of its first `n + 1` words is
/// "that", after an ASCII space and before one. Reads the words once, and no further than
/// the start of word `n + 1`: eight bytes at a time while they are ASCII, where the words
/// that start in them are counted at once and only a "t" after a space that starts one of
/// the first `n + 1` is read further; from the first eight bytes that hold a non-ASCII
/// byte, or the last few bytes, word by word.
fn that_within(s: &str, n: usize) -> Option<usize> {
    let b = s.as_bytes();
    // words started before byte `i`
    let mut count = 0;
    // the high bit of the low byte set when the byte before `i` is white space (the start
    // of `s` counts as such), and when it is an ASCII space
    let (mut white_before, mut space_before) = (0x80, 0);
    let mut i = 0;
    while let Some(chunk) = b.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let x = u64::from_le_bytes(*chunk);
        if x & HIGH != 0 {
            break;
        }
        let white = ascii_white8(x);
        let spaces = zero8(x ^ (ONES * u64::from(b' ')));
        let starts = !white & (white << 8 | white_before) & HIGH;
        // the words that start with a "t" after a space, of which the first n + 1 are read
        let mut ts = starts & zero8(x ^ (ONES * u64::from(b't'))) & (spaces << 8 | space_before);
        while ts != 0 {
            let bit = ts & ts.wrapping_neg();
            // the word's index: the words started before it
            if count + count_high8(starts & (bit - 1)) > n {
                return None;
            }
            let at = i + (bit.trailing_zeros() / 8) as usize;
            if b[at..].starts_with(b"that ") {
                return Some(at - 1);
            }
            ts &= ts - 1;
        }
        count += count_high8(starts);
        if count > n {
            return None;
        }
        white_before = white >> 56;
        space_before = spaces >> 56;
        i += 8;
    }
    // word by word from here: past the end of a word under way at `i` (counted), to the
    // start of word `count`
    if white_before == 0 {
        i = skip_whole_word(s, i);
    }
    i = skip_space(s, i);
    for k in count..=n {
        if i == b.len() {
            break;
        }
        if i > 0 && b[i - 1] == b' ' && b[i..].starts_with(b"that ") {
            return Some(i - 1);
        }
        if k < n {
            i = skip_space(s, skip_whole_word(s, i));
        }
    }
    None
}

/// Words after a reporting verb that start no reported clause.
const NOT_CLAUSE: Openers = Openers::new(&[
    "in ",
    "on ",
    "at ",
    "to ",
    "of ",
    "about ",
    "for ",
    "during ",
    "after ",
    "before ",
    "last ",
    "this ",
    "reporters",
    "the press",
]);

/// Words a text may open with, and a bit for each of their first bytes ([`first_bytes`]),
/// made together so that they cannot disagree.
struct Openers {
    /// The words, each opening with an ASCII byte.
    words: &'static [&'static str],
    /// Their [`first_bytes`].
    first: u128,
}

impl Openers {
    /// The set of `words`.
    const fn new(words: &'static [&'static str]) -> Openers {
        Openers { words, first: first_bytes(words) }
    }

    /// True when `s` starts with one of the words: a text that opens with none of their
    /// first bytes (most do not) is told so from one bit, and of the others only the words
    /// that open with its first byte are compared.
    fn open(&self, s: &str) -> bool {
        match s.as_bytes().first() {
            Some(&b) if b < 128 && self.first >> b & 1 == 1 => {
                self.words.iter().any(|p| p.as_bytes().first() == Some(&b) && s.starts_with(p))
            }
            _ => false,
        }
    }
}

/// The first bytes of the words of `set`, all ASCII, one bit each: a text that opens with
/// another byte opens with none of them.
const fn first_bytes(set: &[&str]) -> u128 {
    let mut mask = 0u128;
    let mut i = 0;
    while i < set.len() {
        let b = set[i].as_bytes();
        assert!(!b.is_empty() && b[0].is_ascii(), "a word opens with an ASCII byte");
        mask |= 1 << b[0];
        i += 1;
    }
    mask
}

/// Verbs after which "to" opens an addressee ("said to reporters"), not an infinitive.
const TO_ADDRESSEE_WORDS: &[&str] = &[
    "say",
    "says",
    "said",
    "tell",
    "tells",
    "told",
    "add",
    "adds",
    "added",
    "write",
    "writes",
    "wrote",
    "explain",
    "explains",
    "explained",
    "complain",
    "complains",
    "complained",
];
const TO_ADDRESSEE: &[u128] = &keys::<{ slots(TO_ADDRESSEE_WORDS.len()) }>(TO_ADDRESSEE_WORDS);

/// `X vowed to punish …`: "to" and a bare verb after a cue that takes an infinitive.
fn infinitive(text: &str, cue: Span, after: &str) -> bool {
    let Some(rest) = after.strip_prefix("to ") else { return false };
    let verb = rest.split([' ', ',', '.']).next().unwrap_or("");
    let plural = verb.ends_with('s') && !verb.ends_with("ss");
    !lower_is_in(TO_ADDRESSEE, cue.text(text))
        && verb.len() > 1
        && verb.chars().all(|c| c.is_ascii_lowercase())
        && !plural
        && !CLAUSE_OPENERS.contains(&verb)
        && !matches!(verb, "his" | "her" | "their" | "him" | "them" | "me" | "us" | "reporters")
}

/// `CLAUSE1, stressing (that) CLAUSE2` as two quotes; `CLAUSE1 and said CLAUSE2` ends the
/// first at the second verb, which gives its own quote. The quotes are appended to `out`.
fn split_gerund(
    ctx: &mut Context<'_>,
    content: Span,
    kind: QuoteKind,
    cue: Span,
    speaker: Speaker,
    rule: &str,
    out: &mut Vec<Quote>,
) {
    let from = ctx.cues.partition_point(|c| c.span.start < content.start);
    let next = (from..ctx.cues.len())
        .take_while(|&j| ctx.cues[j].span.start < content.end)
        .find_map(|j| match cut_before(ctx, content.start, j)? {
            (cut, false) => Some((j, cut, rule)),
            (cut, true) => Some((j, cut, NEXT_SPEAKER_RULE)),
        });
    let Some((g, cut, first_rule)) = next else {
        out.push(quote(ctx, content, kind, Some(cue), Some(speaker), rule));
        return;
    };
    let gcue = ctx.cues[g];
    let first = trim_punct(ctx.text, Span::new(content.start, cut.max(content.start)));
    if has_words(ctx.text, first, MIN_WORDS) {
        let first_rule = if kind == QuoteKind::Belief && first_rule != rule {
            "belief.before_next_speaker"
        } else {
            first_rule
        };
        out.push(quote(ctx, first, kind, Some(cue), Some(speaker.clone()), first_rule));
    }
    if gcue.class == Class::Gerund {
        ctx.used[g] = true;
        let rest = ctx.text[gcue.span.end..content.end].trim_start();
        let rest = rest.strip_prefix("that ").unwrap_or(rest);
        let second = trim_punct(ctx.text, Span::new(content.end - rest.len(), content.end));
        if has_words(ctx.text, second, MIN_WORDS) {
            let sp = Some(speaker);
            out.push(quote(ctx, second, kind, Some(gcue.span), sp, "indirect.gerund"));
        }
    }
}

/// `content` cut where a gerund, a second verb of its subject or a second speaker starts.
pub(super) fn clause_end(ctx: &Context<'_>, content: Span) -> Span {
    let from = ctx.cues.partition_point(|c| c.span.start < content.start);
    let cut = (from..ctx.cues.len())
        .take_while(|&j| ctx.cues[j].span.start < content.end)
        .find_map(|j| cut_before(ctx, content.start, j).map(|(cut, _)| cut));
    cut.map_or(content, |c| trim_punct(ctx.text, Span::new(content.start, c.max(content.start))))
}

/// Where a reported clause starting at `from` ends before cue `j`, if it does there: at a
/// [`boundary`] (with `false`), or else before the subject of a second speaker
/// ([`next_speaker`], with `true`). Whether a verb cue is a noun, which both ask, is read
/// once.
fn cut_before(ctx: &Context<'_>, from: usize, j: usize) -> Option<(usize, bool)> {
    let c = ctx.cues[j];
    let noun = matches!(c.class, Class::Speech | Class::Belief) && is_noun(ctx.text, c.span);
    match boundary(ctx, j, noun) {
        Some(cut) => Some((cut, false)),
        None => next_speaker(ctx, from, j, noun).map(|cut| (cut, true)),
    }
}

/// Where a reported clause ends before cue `j`: `, saying` (a gerund after a comma) or
/// `and said` (a second verb of the same subject); `noun` when the cue is a noun
/// ([`is_noun`]).
fn boundary(ctx: &Context<'_>, j: usize, noun: bool) -> Option<usize> {
    let c = ctx.cues[j];
    let before = ctx.text[..c.span.start].trim_end();
    match c.class {
        Class::Gerund if before.ends_with(',') => Some(before.len()),
        Class::Speech | Class::Belief if !noun => {
            let cut = before.strip_suffix(" and").or_else(|| before.strip_suffix(" but"))?;
            Some(cut.len())
        }
        _ => None,
    }
}

/// The rule of a reported clause cut before the subject of a second speaker's verb.
const NEXT_SPEAKER_RULE: &str = "indirect.before_next_speaker";

/// Words that open a relative clause: `…, who said …` adds to a noun, it names no new speaker.
const RELATIVES_WORDS: &[&str] = &["who", "which", "that", "whom", "whose", "what"];
const RELATIVES: &[u128] = &keys::<{ slots(RELATIVES_WORDS.len()) }>(RELATIVES_WORDS);

/// `X said CLAUSE1, Y said CLAUSE2` / `… CLAUSE1, and Y said …`: inside a reported clause
/// starting at `from`, cue `j` with its own subject after a comma, "and" or "but" starts a
/// second attribution, so the first clause ends before that subject (where this returns);
/// `noun` when the cue is a noun ([`is_noun`]).
fn next_speaker(ctx: &Context<'_>, from: usize, j: usize, noun: bool) -> Option<usize> {
    let c = ctx.cues[j];
    let verb = matches!(c.class, Class::Speech | Class::Belief)
        && c.span.text(ctx.text).starts_with(char::is_lowercase);
    if !verb || noun || !joint_before(ctx.text, from, c.span.start) {
        return None;
    }
    let who = subject_before(ctx.text, from, c.span.start).filter(|w| w.start > from)?;
    let before = ctx.text[from..who.start].trim_end();
    let joined = before.strip_suffix(" and").or_else(|| before.strip_suffix(" but"));
    let cut = match joined {
        // `Cruz and Rubio said`: "and" between names joins one subject
        Some(b) if b.ends_with([',', ';']) || !ends_with_name(b) => {
            from + b.trim_end_matches([',', ';']).len()
        }
        None if before.ends_with([',', ';']) => from + before.len() - 1,
        _ => return None,
    };
    let w = who.text(ctx.text);
    let first = w.split(' ').next().unwrap_or("");
    let odd = lower_is_in(RELATIVES, first) || w.contains(|c: char| c.is_ascii_digit());
    (!odd && plausible_subject(ctx, who, Some(j))).then_some(cut)
}

/// The most bytes before a cue that [`joint_before`] reads: a subject of fourteen words.
const JOINT_REACH: usize = 120;

/// Whether a comma, semicolon, " and " or " but " stands in the few bytes of `from..to`
/// before `to`, where a second speaker's subject could start: [`next_speaker`] reads no
/// subject otherwise.
fn joint_before(text: &str, from: usize, to: usize) -> bool {
    let mut start = to.saturating_sub(JOINT_REACH).max(from);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let gap = &text[start..to];
    memchr::memchr2(b',', b';', gap.as_bytes()).is_some()
        || gap.contains(" and ")
        || gap.contains(" but ")
}

/// True when `s` ends with a capitalised word or a personal pronoun ("he and Mr. Allen").
fn ends_with_name(s: &str) -> bool {
    let last = s.rsplit(' ').next().unwrap_or("");
    last.starts_with(char::is_uppercase) || matches!(last, "he" | "she" | "they" | "we" | "I")
}

/// `According to X, CLAUSE` / `CLAUSE, according to X.`
fn according(ctx: &Context<'_>, cue: Span, sentence: Span) -> Option<Quote> {
    let before = ctx.text[sentence.start..cue.start].trim_end();
    let (who, content) = if before.ends_with(',') {
        let who = phrase_after(ctx.text, cue.end, sentence.end)?;
        (who, Span::new(sentence.start, sentence.start + before.len() - 1))
    } else if let Some(comma) =
        find_comma_space(first_words(&ctx.text[cue.end..sentence.end], SOURCE_WINDOW))
    {
        let who = trim_punct(ctx.text, Span::new(cue.end, cue.end + comma));
        (who, Span::new(cue.end + comma + 1, sentence.end))
    } else {
        // `CLAUSE according to X.` without its comma
        let who = phrase_after(ctx.text, cue.end, sentence.end)?;
        (who, Span::new(sentence.start, cue.start))
    };
    let content = trim_punct(ctx.text, content);
    if !has_words(ctx.text, content, MIN_WORDS) {
        return None;
    }
    let speaker = mention(ctx.text, who, "speaker.according_to");
    Some(quote(
        ctx,
        content,
        QuoteKind::Indirect,
        Some(cue),
        Some(speaker),
        "indirect.according_to",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chars::more_words_than;

    #[test]
    fn a_long_word_is_no_determiner() {
        assert_eq!(DETERMINER_BYTES, "latest".len());
        for prev in ["The", "LATEST", "latests", "Clinton's", "Trump’s", "officials", "ITS", "x"]
        {
            let text = format!("{prev} report");
            let cue = Span::new(prev.len() + 1, text.len());
            let old =
                prev.ends_with("'s") || prev.ends_with("’s") || lower_is_in(DETERMINERS, prev);
            assert_eq!(is_noun(&text, cue), old, "{prev}");
        }
    }

    /// [`that_within`] as first written: the reference for the one-pass reading.
    fn old_that_within(s: &str, n: usize) -> Option<usize> {
        let mut end = (first_words(s, n).len() + " that ".len()).min(s.len());
        while !s.is_char_boundary(end) {
            end += 1;
        }
        find_that(&s[..end]).filter(|&t| !more_words_than(&s[..t], n))
    }

    #[test]
    fn that_within_finds_what_the_first_definition_found() {
        let texts = [
            "",
            "that ",
            " that ",
            "in a statement that the",
            "in a statement\u{a0}that the",
            "in  a  statement  that  the",
            "a b c d e that f",
            "a b c d e f that g",
            "a b c d that",
            "a b c d that,",
            "a b c d thatthat that x",
            "“that” that is",
            "é\u{2009}è that x",
            "a\tthat b that c",
            "on Tuesday, that he would",
            "to reporters that",
            "x that\u{a0}y that z",
            "a b c d e\u{2003}that f",
            "\u{a0}that x",
        ];
        for s in texts {
            for n in 0..14 {
                assert_eq!(that_within(s, n), old_that_within(s, n), "{s:?} {n}");
            }
        }
        // words across the eight-byte chunks, after leads of every length up to eight
        let pieces = ["that ", "a ", "thatx ", "bb", " ", "\t", "\u{a0}", "t", "é", "that"];
        for s in &crate::chars::strings_of(&pieces, 4) {
            for lead in ["", "x ", "abc de ", "abcdefg", "a b c d e f g h "] {
                let s = format!("{lead}{s}");
                for n in [0, 1, 2, 3, 5, 12] {
                    assert_eq!(that_within(&s, n), old_that_within(&s, n), "{s:?} {n}");
                }
            }
        }
    }

    /// [`boundary`] and [`next_speaker`] of cue `j` as first asked, each telling for itself
    /// whether the cue is a noun: the reference for [`cut_before`].
    fn old_cut_before(ctx: &Context<'_>, from: usize, j: usize) -> Option<(usize, bool)> {
        let c = ctx.cues[j];
        let noun = || is_noun(ctx.text, c.span);
        let verb = matches!(c.class, Class::Speech | Class::Belief);
        let at_boundary = boundary(ctx, j, verb && noun()).map(|cut| (cut, false));
        at_boundary.or_else(|| next_speaker(ctx, from, j, verb && noun()).map(|cut| (cut, true)))
    }

    #[test]
    fn a_clause_is_cut_where_boundary_and_next_speaker_cut_it() {
        let texts = [
            "Trump said the wall would be built, stressing that Mexico would pay for it.",
            "He said taxes would fall and said growth would follow.",
            "She said the plan failed, but the mayor said it worked well enough.",
            "They said the report was wrong, and the new report said otherwise.",
            "Clinton said the vote mattered, and Clinton's report said it did.",
            "He said it, and the officials said the deal, which they said works, stands.",
        ];
        // how many cuts at a boundary, and how many before a second speaker
        let mut cuts = [0, 0];
        for text in texts {
            let structure = crate::structure::analyze(text);
            let segments = crate::segment::segment(text, &structure);
            let cues = super::super::cues::scan(text);
            let ctx = Context::new(text, &structure, &segments, &cues);
            for (j, cue) in cues.iter().enumerate() {
                for from in (0..cue.span.start).filter(|&i| text.is_char_boundary(i)) {
                    let want = old_cut_before(&ctx, from, j);
                    assert_eq!(cut_before(&ctx, from, j), want, "{text:?} {from} {j}");
                    if let Some((_, second)) = want {
                        cuts[usize::from(second)] += 1;
                    }
                }
            }
        }
        // the texts are cut at boundaries and before second speakers
        assert!(cuts[0] > 0 && cuts[1] > 0, "{cuts:?}");
    }

    #[test]
    fn a_text_opens_with_a_word_of_a_set_as_a_scan_of_the_set_tells() {
        let mut texts: Vec<String> =
            ["", "in", "in the", "on Tuesday", "that it", "the press said"]
                .iter()
                .map(|t| t.to_string())
                .collect();
        texts.extend(crate::chars::strings_of(
            &["in", " ", "t", "o", "é", "\u{80}", "reporters"],
            3,
        ));
        for b in 0..=u8::MAX {
            texts.push(format!("{}n ", char::from(b)));
        }
        let mask = first_bytes(NOT_CLAUSE.words);
        assert_eq!(mask.count_ones(), 9);
        for t in &texts {
            let scan = NOT_CLAUSE.words.iter().any(|p| t.starts_with(p));
            assert_eq!(NOT_CLAUSE.open(t), scan, "{t:?}");
        }
    }

    #[test]
    fn a_subject_holds_the_cues_found_back_from_its_verb_as_searched_for() {
        let texts = [
            "Her submission noted published reports said the officials told reporters.",
            "The report he said was wrong, officials believe, and they said it, she added.",
            "Officials said critics of the plan argued that supporters who claimed it said so.",
        ];
        let mut holding = 0;
        for text in texts {
            let structure = crate::structure::analyze(text);
            let segments = crate::segment::segment(text, &structure);
            let cues = super::super::cues::scan(text);
            let ctx = Context::new(text, &structure, &segments, &cues);
            let cuts: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            for (i, cue) in cues.iter().enumerate() {
                for &start in cuts.iter().filter(|&&c| c <= cue.span.start) {
                    for &end in cuts.iter().filter(|&&c| c >= start && c <= cue.span.start) {
                        let who = Span::new(start, end);
                        let searched = plausible_subject(&ctx, who, None);
                        assert_eq!(plausible_subject(&ctx, who, Some(i)), searched, "{who:?} {i}");
                        let inside = cues[..i].iter().any(|c| who.contains(c.span));
                        holding += usize::from(inside && !searched);
                    }
                }
            }
        }
        // some of the spans hold a verb of their own, and are no subject
        assert!(holding > 0);
    }

    #[test]
    fn the_comma_walk_finds_what_a_search_finds() {
        for s in &crate::chars::strings_of(&[",", "a", " ", ", "], 5) {
            for from in 0..=s.len() {
                // the calls of one walk come with `to` rising
                let mut walk = CommaWalk::default();
                for to in from..=s.len() {
                    let want = s.as_bytes()[from..to].contains(&b',');
                    assert_eq!(walk.any(s, from, to), want, "{s:?} {from}..{to}");
                }
            }
        }
    }

    #[test]
    fn rules_are_their_kind_and_name_joined() {
        for ((prefix, name), rule) in RULES {
            assert_eq!(format!("{prefix}.{name}"), *rule);
        }
        for prefix in ["indirect", "belief"] {
            for name in ["clause_verb", "parenthetical", "coordinated"] {
                assert_eq!(rule_for(prefix, name), format!("{prefix}.{name}"));
            }
        }
    }

    #[test]
    fn mostly_lower_words_answers_as_the_whole_count_does() {
        let texts = [
            "Said NATO De Reuters said",
            "  the\u{a0}Republican\u{2009}party \u{3000}élysée Élysée ",
            "«oui» dit\u{85}M. ünal, Ünal",
            "",
            "a b c d e f g h",
        ];
        let generated = crate::chars::strings_of(&["a", "B", " ", "é", "É", "\u{a0}", "1"], 6);
        for s in texts.iter().copied().chain(generated.iter().map(String::as_str)) {
            for n in [0, 1, 2, 3, 4, 8, 40] {
                let (lower, all) = lower_words(s, n);
                assert_eq!(mostly_lower_words(s, n), lower * 4 > all, "{s:?} {n}");
            }
        }
    }
}
