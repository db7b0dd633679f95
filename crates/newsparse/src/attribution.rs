//! Speaker resolution: who each quote's speaker mention is.
//!
//! Rules, in order: `named` (the mention is an entity's mention), `pronoun` (he/she → the
//! nearest preceding person of that gender, they → the nearest preceding plural speaker),
//! `outlet_nominal` ("the newspaper" → the outlet cited last), `anonymous_backref` ("the same
//! diplomat", "this person" → the earlier unnamed source), `anonymous` (an unnamed source,
//! kept with its description), `unresolved`.

use std::cell::{Cell, OnceCell, RefCell};

use crate::document::{Entity, EntityKind, Quote, SourceKind, Span, Speaker};
use crate::entities;
use crate::gazetteer::{FxMap, Gazetteer, Gender};
use crate::pool;
use crate::quotes::cues::{self, Class};
use crate::scratch;
use crate::search::partition_hinted;

/// Resolves the speaker of every quote in `quotes` (in text order); `cues` are the text's
/// cue words, scanned once for the quote finders.
///
/// `found` holds the entities' mentions in the order the entity finder found them, as
/// [`entities::find`] gives them (or is empty, to gather them from the entities): most
/// often already by start.
pub(crate) fn resolve(
    text: &str,
    gaz: &Gazetteer,
    entities: &[Entity],
    found: Vec<(Span, usize)>,
    cues: &[cues::Cue],
    quotes: &mut [Quote],
) {
    // (the lists of anonymous cues and of quotes in order are the thread's, from text to text)
    let mut anon_cues = scratch::take(&ANON_CUES);
    anon_cues.extend(cues.iter().filter(|c| c.class == Class::Anon).copied());
    let anon = Anon::new(text, &anon_cues);
    // the quotes by the start of their speaker's mention, in the order they came among
    // equal starts (as a stable sort by start leaves them): each key read once and sorted
    // with its index, instead of read from its quote at each comparison
    let mut order = scratch::take(&ORDER);
    order.extend(
        quotes
            .iter()
            .enumerate()
            .map(|(i, q)| (q.speaker.as_ref().and_then(|s| s.mention).map_or(0, |m| m.start), i)),
    );
    order.sort_unstable();
    let mentions = Mentions::new(entities, found);
    let persons = LazyPersons {
        cell: OnceCell::new(),
        genders: OnceCell::new(),
        gaz,
        entities,
        mentions: &mentions,
    };
    // the outlets' mentions, listed the first time an outlet nominal ("the newspaper") with
    // no outlet resolved before it asks: most texts have none
    let media = OnceCell::new();
    let mut last = Last::default();
    for &(_, i) in &order {
        let Some(mut sp) = quotes[i].speaker.take() else { continue };
        if !sp.rule.ends_with("continued") && !sp.rule.ends_with("floating") {
            let index = Index { persons: &persons, mentions: &mentions, media: &media };
            let done = Done { quotes: &*quotes, last };
            one(text, index, entities, &anon, &done, &mut sp);
        }
        last.push(i, &sp);
        quotes[i].speaker = Some(sp);
    }
    drop(anon);
    scratch::give(&ANON_CUES, anon_cues);
    scratch::give(&ORDER, order);
    drop(persons);
    scratch::give(&entities::MENTIONS, mentions.all);
}

/// The second list and the counts of [`sort_by_span`].
type RadixLists = (Vec<(Span, usize)>, Vec<usize>);

thread_local! {
    /// The list of the anonymous-source cues of the thread's last text, for its next one.
    static ANON_CUES: Cell<Vec<cues::Cue>> = const { Cell::new(Vec::new()) };
    /// The list of the thread's last text's quotes by speaker mention (its start and the quote's
    /// index), for its next one.
    static ORDER: Cell<Vec<(usize, usize)>> = const { Cell::new(Vec::new()) };
    /// The lists of the [`Latest`] dropped on this thread, for the next ones (a text makes
    /// one for the outlets and, once a pronoun asks, three for the persons).
    static LATEST: RefCell<Vec<Vec<LatestEntry>>> = const { RefCell::new(Vec::new()) };
    /// The second list and the counts of [`sort_by_span`], for the thread's next sort.
    static RADIX: Cell<RadixLists> = const { Cell::new((Vec::new(), Vec::new())) };
}

/// The positional indexes a speaker is resolved against.
#[derive(Clone, Copy)]
struct Index<'a> {
    persons: &'a LazyPersons<'a>,
    mentions: &'a Mentions<'a>,
    media: &'a OnceCell<Latest>,
}

/// The quotes whose speaker was resolved last, one for each kind of speaker a later
/// reference may point back to: kept as each speaker is resolved, so that a reference finds
/// its antecedent in constant time however many quotes came before (a text of thousands of
/// unresolvable pronouns stays linear).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Last {
    person: Option<usize>,
    media: Option<usize>,
    plural: Option<usize>,
}

impl Last {
    /// Records that quote `i`'s speaker `sp` is resolved.
    fn push(&mut self, i: usize, sp: &Speaker) {
        if sp.kind == SourceKind::Person {
            self.person = Some(i);
        }
        if sp.kind == SourceKind::Media {
            self.media = Some(i);
        }
        if plural(sp) {
            self.plural = Some(i);
        }
    }
}

/// The speakers resolved so far, without copying them: indices into the quotes.
struct Done<'q> {
    quotes: &'q [Quote],
    last: Last,
}

impl Done<'_> {
    fn speaker(&self, i: Option<usize>) -> Option<&Speaker> {
        self.quotes[i?].speaker.as_ref()
    }

    /// The person resolved last.
    fn person(&self) -> Option<&Speaker> {
        self.speaker(self.last.person)
    }

    /// The outlet resolved last.
    fn media(&self) -> Option<&Speaker> {
        self.speaker(self.last.media)
    }

    /// The plural speaker (a group, or a name in -s that is not a person) resolved last.
    fn plural(&self) -> Option<&Speaker> {
        self.speaker(self.last.plural)
    }
}

fn one(
    text: &str,
    Index { persons, mentions, media }: Index<'_>,
    entities: &[Entity],
    anon: &Anon<'_>,
    done: &Done<'_>,
    sp: &mut Speaker,
) {
    let Some(m) = sp.mention else { return };
    let raw = m.text(text);
    let head = head_entity(text, mentions, m);
    // pronouns are compared in any case without a copy (no character beyond ASCII lowers
    // to their letters)
    let is = |words: [&str; 2]| words.iter().any(|w| raw.eq_ignore_ascii_case(w));
    let rule = if let Some(e) = head {
        named(sp, &entities[e]);
        "named"
    } else if let Some(g) = pronoun_gender(raw) {
        pronoun(persons, entities, done, m, g, sp);
        "pronoun"
    } else if is(["who", "which"]) {
        relative(text, mentions, entities, m, sp);
        "relative"
    } else if is(["they", "we"]) {
        sp.name = done.plural().and_then(|s| s.name.as_deref().map(pool::string));
        sp.kind = SourceKind::Group;
        "pronoun"
    } else if opens_determiner(raw) && outlet_nominal(m, &raw.to_lowercase()) {
        let prev = done.media().and_then(|s| s.name.as_deref().map(pool::string));
        sp.name = prev.or_else(|| {
            let media = media.get_or_init(|| {
                Latest::new(mentions.of(|i| entities[i].kind == EntityKind::Media))
            });
            media.before(m.start).map(|e| pool::string(&entities[e].name))
        });
        sp.kind = SourceKind::Media;
        "outlet_nominal"
    } else if anon_in(anon.cues, m).is_some() {
        anonymous(text, anon, m, sp)
    } else {
        // the head before any appositive: "Powell's office, when contacted by Reuters,"
        let head = raw.split(',').next().unwrap_or(raw);
        // every leading "the " off, as `trim_start_matches` takes them, with no searcher
        let mut name = head;
        while let Some(rest) = name.strip_prefix("the ") {
            name = rest;
        }
        sp.name = Some(pool::string(name));
        "unresolved"
    };
    sp.rule.push_str("; attribution.");
    sp.rule.push_str(rule);
}

/// The entity named by the mention's head: its last word before any relative clause or
/// prepositional phrase ("a senior European official" names no entity, "NATO's Turner" does).
fn head_entity(text: &str, mentions: &Mentions<'_>, m: Span) -> Option<usize> {
    let raw = m.text(text);
    // before the first comma, then after the last space (found byte by byte, as `split` and
    // `rsplit` would, without their searchers: a mention is a few short words, where even
    // memchr's searches cost more to call than the bytes to read)
    let raw = &raw[..raw.bytes().position(|c| c == b',').unwrap_or(raw.len())];
    let before = raw[..head_end(raw)].trim_end();
    let head = &before[before.bytes().rposition(|c| c == b' ').map_or(0, |p| p + 1)..];
    let start = m.start + before.len() - head.len();
    mentions.entity_at(Span::new(start, start + head.len()))
}

/// Words that open a relative clause or a prepositional phrase after a mention's head.
const AFTER_HEAD: [&str; 7] = [" who ", " with ", " of ", " familiar ", " at ", " in ", " for "];

/// Where the first of [`AFTER_HEAD`] starts in `raw`, or its length: one pass over its spaces,
/// byte by byte (a mention is short).
fn head_end(raw: &str) -> usize {
    let b = raw.as_bytes();
    (0..b.len())
        .find(|&i| b[i] == b' ' && AFTER_HEAD.iter().any(|p| b[i..].starts_with(p.as_bytes())))
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
    sp.name = Some(pool::string(&e.name));
    sp.entity = Some(e.id);
    sp.kind = match e.kind {
        EntityKind::Person => SourceKind::Person,
        EntityKind::Media => SourceKind::Media,
        EntityKind::Group => SourceKind::Group,
        _ => SourceKind::Organization,
    };
}

/// The gender a personal pronoun ("he", "She", "I") asks for, `None` inside when any.
fn pronoun_gender(word: &str) -> Option<Option<Gender>> {
    let is = |w: &str| word.eq_ignore_ascii_case(w);
    if is("he") {
        Some(Some(Gender::Male))
    } else if is("she") {
        Some(Some(Gender::Female))
    } else if is("i") {
        Some(None)
    } else {
        None
    }
}

/// he/she: the person mentioned last before the pronoun whose gender does not disagree.
fn pronoun(
    persons: &LazyPersons<'_>,
    entities: &[Entity],
    done: &Done<'_>,
    m: Span,
    g: Option<Gender>,
    sp: &mut Speaker,
) {
    if let Some(e) = persons.last_before(m.start, g) {
        named(sp, &entities[e]);
    } else if let Some(prev) = done.person() {
        sp.name.clone_from(&prev.name);
        sp.entity = prev.entity;
        sp.kind = SourceKind::Person;
    }
}

/// Mentions sorted by end, with the running latest start (and, among equal starts, the last
/// entity): the entity mentioned last before any point, in logarithmic time however many
/// quotes and mentions the text has.
struct Latest {
    list: Vec<LatestEntry>,
}

/// An entry of [`Latest`]: a mention's end, with the latest start (and its entity) up to it.
type LatestEntry = (usize, (usize, usize));

impl Drop for Latest {
    /// Keeps the list for the thread's next [`Latest`] (a text has at most four at a time).
    fn drop(&mut self) {
        scratch::give_one(&LATEST, std::mem::take(&mut self.list));
    }
}

impl Latest {
    /// From `(mention, entity index)` pairs in any order; the list is allocated once, at the
    /// most pairs `mentions` may give (room never written is never touched).
    fn new(mentions: impl Iterator<Item = (Span, usize)>) -> Latest {
        let most = mentions.size_hint().1.unwrap_or(0);
        // a list a dropped Latest left to the thread, if one is kept
        let mut list = scratch::take_one(&LATEST);
        list.reserve(most);
        list.extend(mentions.map(|(span, i)| (span.end, (span.start, i))));
        list.sort_unstable_by_key(|&(end, _)| end);
        let mut best = (0, 0);
        for (_, latest) in &mut list {
            best = best.max(*latest);
            *latest = best;
        }
        Latest { list }
    }

    /// The entity index with the latest mention start among the mentions that end by `at`.
    fn before(&self, at: usize) -> Option<usize> {
        let n = self.list.partition_point(|&(end, _)| end <= at);
        n.checked_sub(1).map(|k| self.list[k].1.1)
    }
}

/// The persons a pronoun may refer to, found by reading the mentions back from the pronoun
/// (each entity's gender read once, when first met), as far as [`WALK`] mentions: the person
/// is nearly always one of the last few named. A search that goes further, or mentions that
/// overlap, build [`Persons`] once, which answers any search in logarithmic time: a text of
/// thousands of pronouns stays linear, and a text whose speakers are all named reads no
/// genders at all.
struct LazyPersons<'a> {
    cell: OnceCell<Persons>,
    /// Each entity's [`person_gender`], read when a pronoun first meets the entity.
    genders: OnceCell<Vec<OnceCell<Option<Option<Gender>>>>>,
    gaz: &'a Gazetteer,
    entities: &'a [Entity],
    mentions: &'a Mentions<'a>,
}

/// How many mentions [`LazyPersons::last_before`] reads back from a pronoun before it builds
/// [`Persons`] instead.
const WALK: usize = 32;

impl LazyPersons<'_> {
    /// The index, built on the first call.
    fn get(&self) -> &Persons {
        self.cell.get_or_init(|| Persons::new(self.gaz, self.entities, self.mentions))
    }

    /// True when entity `i` is a person whose gender does not disagree with `g` (any person
    /// when `g` is `None`), as [`Persons`] lists it.
    fn agrees(&self, i: usize, g: Option<Gender>) -> bool {
        let genders = self.genders.get_or_init(|| vec![OnceCell::new(); self.entities.len()]);
        let person = *genders[i].get_or_init(|| person_gender(self.gaz, &self.entities[i]));
        person.is_some_and(|known| agrees(known, g))
    }

    /// The entity index of the person of gender `g` (any when `None`) mentioned last before
    /// `at`, as [`Persons::last_before`] finds it: among the mentions that end by `at`, the
    /// one with the latest start, and of those (empty ones) the last entity.
    fn last_before(&self, at: usize, g: Option<Gender>) -> Option<usize> {
        let all = &self.mentions.all;
        if !self.mentions.disjoint {
            return self.get().last_before(at, g);
        }
        // disjoint mentions by start have rising ends too: those ending by `at` come first
        let n = all.partition_point(|&(m, _)| m.end <= at);
        let lo = n.saturating_sub(WALK);
        let mut k = n;
        while k > lo {
            k -= 1;
            let (span, mut best) = all[k];
            if self.agrees(best, g) {
                while k > 0 && all[k - 1].0.start == span.start {
                    k -= 1;
                    if self.agrees(all[k].1, g) {
                        best = best.max(all[k].1);
                    }
                }
                return Some(best);
            }
        }
        if lo == 0 { None } else { self.get().last_before(at, g) }
    }
}

/// The genders a pronoun asks for, in the order of [`Persons`]' lists: any, male, female.
const ASKED: [Option<Gender>; 3] = [None, Some(Gender::Male), Some(Gender::Female)];

/// `None` for an entity that is no person, else the gender its name tells (`None` inside
/// when it tells none).
fn person_gender(gaz: &Gazetteer, e: &Entity) -> Option<Option<Gender>> {
    (e.kind == EntityKind::Person).then(|| entities::gender(gaz, &e.name))
}

/// True when a person of gender `known` (unknown when `None`) may be who a pronoun asking
/// for `asked` (any when `None`) refers to: the two do not disagree.
fn agrees(known: Option<Gender>, asked: Option<Gender>) -> bool {
    known.is_none() || asked.is_none() || known == asked
}

/// The persons' mentions, one [`Latest`] for each gender a pronoun asks for: any, male
/// (persons not known to be female), female (not known to be male).
struct Persons {
    lists: [Latest; 3],
}

impl Persons {
    /// The three lists, filled in one pass over the mentions, each entity's gender read
    /// once.
    fn new(gaz: &Gazetteer, entities: &[Entity], mentions: &Mentions<'_>) -> Persons {
        // `None` for an entity that is no person, else the gender its name tells
        let persons: Vec<Option<Option<Gender>>> =
            entities.iter().map(|e| person_gender(gaz, e)).collect();
        let mut lists: [Vec<(Span, usize)>; 3] =
            std::array::from_fn(|_| Vec::with_capacity(mentions.all.len()));
        for &(span, i) in &mentions.all {
            let Some(known) = persons[i] else { continue };
            for (list, asked) in lists.iter_mut().zip(ASKED) {
                if agrees(known, asked) {
                    list.push((span, i));
                }
            }
        }
        Persons { lists: lists.map(|list| Latest::new(list.into_iter())) }
    }

    /// The entity index of the person of gender `g` (any when `None`) mentioned last before
    /// `at`.
    fn last_before(&self, at: usize, g: Option<Gender>) -> Option<usize> {
        self.lists[ASKED.iter().position(|&asked| asked == g).unwrap_or(0)].before(at)
    }
}

/// Every entity mention sorted by start: the entity with a mention overlapping a span (the
/// first such entity, as [`entities::entity_at`] gives it) in logarithmic time when mentions
/// do not overlap one another, as the entity finder makes them; a plain scan otherwise.
struct Mentions<'e> {
    entities: &'e [Entity],
    /// Every mention with its entity's index, by start.
    all: Vec<(Span, usize)>,
    disjoint: bool,
    /// Where the last search of `all` ended: spans asked in text order, as the speakers
    /// come, find their answer a few steps on ([`partition_hinted`]).
    hint: Cell<usize>,
}

impl Mentions<'_> {
    /// The mentions of `entities`, from `found`, every mention in the order the entity
    /// finder found them ([`entities::find`]) when it lists them all, else gathered
    /// into it from the entities. The finder's list is taken as it is when its spans rise
    /// strictly (one comparison a mention): no two mentions then share a span, so the sort
    /// would give this very order; else the mentions are gathered and sorted
    /// ([`sort_by_span`]).
    fn new(entities: &[Entity], found: Vec<(Span, usize)>) -> Mentions<'_> {
        let mut all = found;
        let n = entities.iter().map(|e| e.mentions.len()).sum();
        let (mut rising, mut disjoint) = (all.len() == n, true);
        if rising {
            for w in all.windows(2) {
                let (a, b) = (w[0].0, w[1].0);
                rising &= (a.start, a.end) < (b.start, b.end);
                disjoint &= a.end <= b.start;
            }
        }
        if !rising {
            all.clear();
            all.reserve(n);
            for (i, e) in entities.iter().enumerate() {
                all.extend(e.mentions.iter().map(|m| (m.span, i)));
            }
            sort_by_span(&mut all);
            disjoint = all.windows(2).all(|w| w[0].0.end <= w[1].0.start);
        }
        // the finder's list, taken as it is, is the one the mentions gathered and sorted give
        #[cfg(debug_assertions)]
        if rising {
            let mut gathered = Vec::new();
            for (i, e) in entities.iter().enumerate() {
                gathered.extend(e.mentions.iter().map(|m| (m.span, i)));
            }
            sort_by_span(&mut gathered);
            assert_eq!(all, gathered);
        }
        Mentions { entities, all, disjoint, hint: Cell::new(0) }
    }

    /// The mentions of the entities `wanted` accepts, by start (so, when mentions do not
    /// overlap, by end too: [`Latest::new`] then finds them already in order).
    fn of<'a>(
        &'a self,
        wanted: impl Fn(usize) -> bool + 'a,
    ) -> impl Iterator<Item = (Span, usize)> + 'a {
        self.all.iter().copied().filter(move |&(_, i)| wanted(i))
    }

    fn entity_at(&self, span: Span) -> Option<usize> {
        if !self.disjoint {
            return entities::entity_at(self.entities, span);
        }
        let all = &self.all;
        // disjoint mentions have rising ends too: the overlapping ones stand just before
        // the first mention starting at or after `span.end`
        let n = partition_hinted(all, &self.hint, |&(m, _)| m.start < span.end);
        all[..n].iter().rev().take_while(|&&(m, _)| m.end > span.start).map(|&(_, i)| i).min()
    }
}

/// The fewest mentions [`sort_by_span`] sorts by buckets: below, a comparison sort (an
/// insertion sort, for so few) is cheaper than the passes.
const BUCKETS_FROM: usize = 32;

/// How many places, on average a mention, the insertion sort of [`sort_by_span`] may move
/// mentions before it leaves the rest to a comparison sort: mentions bunched into a few
/// buckets would cost it time quadratic in their number.
const SHIFTS_PER_MENTION: usize = 4;

/// Sorts mentions by start, then end (the order of mentions with the same span is left
/// open, as an unstable sort leaves it). A list of [`BUCKETS_FROM`] or more is first put in
/// buckets by the high bits of the start, no more buckets than mentions (one counting pass,
/// stable), which a text's mentions, spread over it some bytes apart, fill with one or two
/// each: the list is then nearly sorted, and an insertion sort orders each bucket in about a
/// comparison a mention. Mentions bunched in a few buckets (the insertion sort moving them
/// more than [`SHIFTS_PER_MENTION`] places each) are left to a comparison sort. A radix sort
/// of 7 to 11 bits a pass took two passes for most texts, and a comparison sort n log n
/// comparisons.
fn sort_by_span(all: &mut Vec<(Span, usize)>) {
    // the start and the end as one number, compared at once (`usize` is at most 64 bits)
    let key = |&(span, _): &(Span, usize)| (span.start as u128) << 64 | span.end as u128;
    if all.len() < BUCKETS_FROM {
        all.sort_unstable_by_key(key);
        return;
    }
    let n = all.len();
    let max = all.iter().map(|(span, _)| span.start).max().unwrap_or(0);
    // the buckets are the starts shifted right until fewer than the mentions are left
    let mut shift = 0;
    while max >> shift >= n {
        shift += 1;
    }
    let buckets = (max >> shift) + 1;
    let mut from = std::mem::take(all);
    // the second list and the counts, kept by the thread from sort to sort
    let (mut to, mut at) = RADIX.try_with(Cell::take).unwrap_or_default();
    to.clone_from(&from);
    at.clear();
    at.resize(buckets, 0);
    for (span, _) in &from {
        at[span.start >> shift] += 1;
    }
    let mut sum = 0;
    for slot in &mut at {
        (*slot, sum) = (sum, sum + *slot);
    }
    for &m in &from {
        let slot = &mut at[m.0.start >> shift];
        to[*slot] = m;
        *slot += 1;
    }
    std::mem::swap(&mut from, &mut to);
    if !insertion_sort(&mut from, key, n * SHIFTS_PER_MENTION) {
        from.sort_unstable_by_key(key);
    }
    *all = from;
    // the counts are at most one a mention; the lists, of a text's mentions, are kept while
    // they are no larger than the scratch lists kept
    to.clear();
    if !scratch::fits(&to) {
        to = Vec::new();
    }
    if !scratch::fits(&at) {
        at = Vec::new();
    }
    let _ = RADIX.try_with(|r| r.set((to, at)));
}

/// Sorts `v` by `key` by insertion, moving its items no more than `most` places in all:
/// false, with `v` only partly sorted, once that is not enough.
fn insertion_sort<T: Copy, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K, most: usize) -> bool {
    let mut moved = 0;
    for i in 1..v.len() {
        let item = v[i];
        let k = key(&item);
        // most items stand after their predecessor already
        if key(&v[i - 1]) <= k {
            continue;
        }
        let mut j = i - 1;
        v[i] = v[j];
        while j > 0 && key(&v[j - 1]) > k {
            v[j] = v[j - 1];
            j -= 1;
        }
        v[j] = item;
        moved += i - j;
        if moved > most {
            return false;
        }
    }
    true
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

/// True when `raw` in lower case starts with "the " or "this ", as [`outlet_nominal`] asks:
/// told on bytes, without lowering a copy (only ASCII letters lower to these letters), so
/// that a mention that opens otherwise is not lowered for it.
fn opens_determiner(raw: &str) -> bool {
    let b = raw.as_bytes();
    [&b"the "[..], b"this "]
        .iter()
        .any(|p| b.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)))
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

/// How far back from an anonymous-source cue its clause is read for a determiner: clauses
/// are short, and a bound keeps a text without punctuation linear.
const CLAUSE_WINDOW: usize = 400;

/// Where the clause holding byte `at` starts: after the last full stop, comma or line break
/// before it, at most [`CLAUSE_WINDOW`] bytes back.
fn clause_start(text: &str, at: usize) -> usize {
    let mut from = at.saturating_sub(CLAUSE_WINDOW);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    // the marks are ASCII, so their bytes stand for them (no other character's bytes can)
    memchr::memrchr3(b'.', b',', b'\n', &text.as_bytes()[from..at]).map_or(from, |p| from + p + 1)
}

/// The text's anonymous-source cues, and among them those a back-reference ("the same
/// diplomat", "this person") may point to: the ones whose clause has an indefinite
/// determiner ("a senior official", "another diplomat"), by position and by cue word, so a
/// back-reference finds its antecedent in logarithmic time. The indefinite cues are read on
/// the first back-reference (most texts have none, and each cue's clause is read back up to
/// [`CLAUSE_WINDOW`] bytes).
struct Anon<'c> {
    text: &'c str,
    cues: &'c [cues::Cue],
    /// The indefinite cues, once a back-reference asks for them.
    indefinite: OnceCell<Indefinite>,
}

/// The anonymous-source cues with an indefinite determiner in their clause.
struct Indefinite {
    /// Their indices, in text order.
    all: Vec<usize>,
    /// The same, by the cue's words in lower case.
    by_word: FxMap<String, Vec<usize>>,
}

impl<'c> Anon<'c> {
    fn new(text: &'c str, cues: &'c [cues::Cue]) -> Anon<'c> {
        Anon { text, cues, indefinite: OnceCell::new() }
    }

    /// The indefinite cues, read on the first call.
    fn indefinite(&self) -> &Indefinite {
        self.indefinite.get_or_init(|| {
            let text = self.text;
            let mut found = Indefinite { all: Vec::new(), by_word: FxMap::default() };
            for (k, c) in self.cues.iter().enumerate() {
                let np = &text[clause_start(text, c.span.start)..c.span.start];
                if has_indefinite(np) {
                    found.all.push(k);
                    let word = c.span.text(text).to_ascii_lowercase();
                    found.by_word.entry(word).or_default().push(k);
                }
            }
            found
        })
    }

    /// The last indefinite cue ending by `at` whose words are `head` (any cue when `head`
    /// is `None` or "person").
    fn antecedent(&self, head: Option<&str>, at: usize) -> Option<&cues::Cue> {
        let indefinite = self.indefinite();
        let list = match head {
            Some(h) if h != "person" => indefinite.by_word.get(h)?,
            _ => &indefinite.all,
        };
        let n = list.partition_point(|&k| self.cues[k].span.end <= at);
        n.checked_sub(1).map(|k| &self.cues[list[k]])
    }
}

/// True when a word of `np` (split at whitespace, as [`str::split_whitespace`] splits) is
/// an indefinite determiner ([`is_indefinite`]): a byte loop that decodes a character only
/// at a byte beyond ASCII, where `split_whitespace` decodes every one. A clause is read
/// for each anonymous-source cue, up to [`CLAUSE_WINDOW`] bytes.
fn has_indefinite(np: &str) -> bool {
    let b = np.as_bytes();
    let (mut i, mut start) = (0, 0);
    while let Some(&c) = b.get(i) {
        // the width of the whitespace character at `i`, 0 when it is none
        let space = if c.is_ascii() {
            usize::from(matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'))
        } else {
            let ch = np[i..].chars().next().unwrap_or(' ');
            if !ch.is_whitespace() {
                i += ch.len_utf8();
                continue;
            }
            ch.len_utf8()
        };
        if space > 0 {
            if is_indefinite(&np[start..i]) {
                return true;
            }
            start = i + space;
        }
        i += space.max(1);
    }
    is_indefinite(&np[start..])
}

/// True when `word` is an indefinite determiner ("a", "An", "one", "another") in any case:
/// compared without lowering a copy, as no other character lowers to the letters of these
/// words (of those that lower to ASCII, only the Kelvin sign does, to "k").
fn is_indefinite(word: &str) -> bool {
    ["a", "an", "one", "another"].iter().any(|d| word.eq_ignore_ascii_case(d))
}

/// True when `raw` in lower case opens with "the same ", "this ", "that " or "the ", the
/// words of a back-reference: told on bytes without lowering a copy, as of the characters
/// beyond ASCII only the Kelvin sign lowers to an ASCII letter (k, which these words lack),
/// and İ to an i that a combining dot follows.
fn opens_back_reference(raw: &str) -> bool {
    let b = raw.as_bytes();
    let opens = |p: &str| b.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()));
    ["the same ", "this ", "that ", "the "].iter().any(|p| opens(p))
}

/// An unnamed source, or a back-reference to one ("the same diplomat", "this person").
fn anonymous(text: &str, anon: &Anon<'_>, m: Span, sp: &mut Speaker) -> &'static str {
    sp.kind = SourceKind::Anonymous;
    if opens_back_reference(m.text(text)) {
        let head = anon_in(anon.cues, m).map(|c| c.span.text(text).to_lowercase());
        let earlier = anon.antecedent(head.as_deref(), m.start);
        if let Some(c) = earlier {
            let np = text[clause_start(text, c.span.start)..c.span.end].trim();
            let np = np.rsplit_once(" to ").map_or(np, |(_, b)| b);
            let np = np.find(|c: char| c.is_lowercase()).map_or(np, |_| np);
            let words: Vec<&str> = np.split_whitespace().collect();
            let from = words.iter().rposition(|w| is_indefinite(w)).unwrap_or(0);
            let desc = words[from..].join(" ");
            sp.name = Some(pool::string(&desc));
            sp.description = Some(desc);
            return "anonymous_backref";
        }
    }
    let raw = m.text(text);
    let cut = find_spaced(raw, " who ")
        .or_else(|| find_spaced(raw, " with knowledge"))
        .unwrap_or(raw.len());
    sp.name = Some(pool::string(&raw[..cut]));
    sp.description = Some(pool::string(&raw[..cut]));
    "anonymous"
}

/// Where `phrase`, which starts with a space, first stands in `raw` (as `str::find` finds
/// it): read at the spaces of a short mention, with no searcher to set up.
fn find_spaced(raw: &str, phrase: &str) -> Option<usize> {
    let (b, p) = (raw.as_bytes(), phrase.as_bytes());
    debug_assert!(p.first() == Some(&b' '));
    (0..b.len()).find(|&i| b[i] == b' ' && b[i..].starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{QuoteKind, Region};

    #[test]
    fn anonymous_mentions_are_read_as_in_lower_case() {
        let pieces = ["the", "THE", "thİs", "this", "That", "same", " ", "who", "with", "x", "İ"];
        let more = [" knowledge", "\u{212a}", "é"];
        let pieces: Vec<&str> = pieces.iter().chain(&more).copied().collect();
        for raw in &crate::chars::strings_of(&pieces, 4) {
            let lower = raw.to_lowercase();
            let want = ["the same ", "this ", "that ", "the "].iter().any(|p| lower.starts_with(p));
            assert_eq!(opens_back_reference(raw), want, "{raw:?}");
            for phrase in [" who ", " with knowledge"] {
                assert_eq!(find_spaced(raw, phrase), raw.find(phrase), "{raw:?} {phrase:?}");
            }
        }
    }

    #[test]
    fn clause_start_is_after_the_last_stop_comma_or_break() {
        let text = "Kyiv, «a» senior diplomat said.\nAnother one — a Łódź official — spoke, too";
        for at in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
            let from = at.saturating_sub(CLAUSE_WINDOW);
            let old = text[from..at].rfind(['.', ',', '\n']).map_or(from, |p| from + p + 1);
            assert_eq!(clause_start(text, at), old, "{at}");
        }
        let long = format!("{}a diplomat", "é".repeat(300));
        assert_eq!(clause_start(&long, long.len()), long.len() - CLAUSE_WINDOW);
        assert_eq!(clause_start(&long, long.len() - 1), long.len() - 1 - CLAUSE_WINDOW + 1);
    }

    #[test]
    fn indefinite_words_are_found_as_split_words() {
        let pieces = [
            "a", "An", " ", "\u{a0}", "\u{2003}", "\x0b", "\x1c", "é", "one", ",", "another", "ａ",
        ];
        let mut nps = vec![String::new()];
        for _ in 0..3 {
            let longer: Vec<String> =
                nps.iter().flat_map(|n| pieces.iter().map(move |p| format!("{n}{p}"))).collect();
            nps.extend(longer);
        }
        for np in nps.iter().chain([&"First, \u{85}AN senior\tofficial".to_owned()]) {
            assert_eq!(has_indefinite(np), np.split_whitespace().any(is_indefinite), "{np:?}");
        }
    }

    #[test]
    fn pronouns_are_read_as_their_lower_case() {
        let old = |lower: &str| match lower {
            "he" => Some(Some(Gender::Male)),
            "she" => Some(Some(Gender::Female)),
            "i" => Some(None),
            _ => None,
        };
        for word in [
            "he", "He", "HE", "she", "sHe", "I", "i", "İ", "\u{212a}", "hE ", "", "the", "Who",
            "WHICH", "tHey", "We", "whom",
        ] {
            assert_eq!(pronoun_gender(word), old(&word.to_lowercase()), "{word:?}");
            for pair in [["who", "which"], ["they", "we"]] {
                let lower = word.to_lowercase();
                let want = pair.contains(&lower.as_str());
                assert_eq!(pair.iter().any(|w| word.eq_ignore_ascii_case(w)), want);
            }
        }
    }

    #[test]
    fn determiners_are_told_as_in_lower_case() {
        for raw in
            ["the paper", "The paper", "THIS outlet", "this", "these", "the", "Thé x", "ŧhe x", ""]
        {
            let lower = raw.to_lowercase();
            let want = lower.starts_with("the ") || lower.starts_with("this ");
            assert_eq!(opens_determiner(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn indefinite_determiners_in_any_case() {
        for w in [
            "a",
            "A",
            "an",
            "AN",
            "One",
            "another",
            "ANOTHER",
            "any",
            "",
            "an.",
            "ａ",
            "ONE\u{212a}",
        ] {
            let lowered = w.to_lowercase();
            let expected = matches!(lowered.as_str(), "a" | "an" | "one" | "another");
            assert_eq!(is_indefinite(w), expected, "{w:?}");
        }
    }

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
    fn a_back_reference_finds_the_last_indefinite_source_of_its_word() {
        let text = "A senior diplomat spoke first. Then a person familiar with the talks \
                    spoke, and the diplomat said no.";
        let cues = cues::scan(text);
        let anon: Vec<cues::Cue> = cues.into_iter().filter(|c| c.class == Class::Anon).collect();
        let anon = Anon::new(text, &anon);
        let at = text.find("the diplomat").unwrap();
        let word = |c: Option<&cues::Cue>| c.map(|c| c.span.text(text).to_owned());
        assert_eq!(word(anon.antecedent(Some("diplomat"), at)).as_deref(), Some("diplomat"));
        // "person" and no word at all take the last source of any word
        let last = Some("person familiar");
        assert_eq!(word(anon.antecedent(Some("person"), at)).as_deref(), last);
        assert_eq!(word(anon.antecedent(None, at)).as_deref(), last);
        assert_eq!(anon.antecedent(Some("official"), at), None);
        // nothing before the first source
        assert_eq!(anon.antecedent(None, 5), None);
    }

    #[test]
    fn persons_read_back_are_those_of_the_full_index() {
        let gaz = crate::gazetteer::default_gazetteer();
        let names = ["Donald Trump", "Mary Robinson", "Zorya", "NATO", "Mrs Smith", "Patrick"];
        let entities: Vec<Entity> = names
            .iter()
            .enumerate()
            .map(|(id, name)| Entity {
                id,
                name: (*name).to_owned(),
                kind: if *name == "NATO" { EntityKind::Organization } else { EntityKind::Person },
                mentions: Vec::new(),
                role: None,
                affiliation: None,
            })
            .collect();
        // mentions far apart and near, an empty one, and (in the second text) overlapping
        for overlap in [false, true] {
            let mut entities = entities.clone();
            for k in 0..300usize {
                let i = (k * 7 + k / 50) % entities.len();
                let start = if k < 100 { k * 10 } else { 1000 + k * 100 };
                let end = start + 5 + usize::from(overlap) * 20;
                let mention = |start, end| crate::document::Mention {
                    span: Span::new(start, end),
                    text: String::new(),
                    region: Region::Body,
                };
                entities[i].mentions.push(mention(start, end));
                // now and then an empty mention of another entity at the same start
                if k % 7 == 0 {
                    entities[(i + k % 5 + 1) % names.len()].mentions.push(mention(start, start));
                }
            }
            let mentions = Mentions::new(&entities, Vec::new());
            assert_eq!(mentions.disjoint, !overlap);
            // a finder's list taken as it is when by start, else gathered again: in order,
            // reversed, one short
            let sorted = mentions.all.clone();
            let reversed: Vec<_> = sorted.iter().rev().copied().collect();
            let short = sorted[1..].to_vec();
            for found in [sorted.clone(), reversed, short] {
                let again = Mentions::new(&entities, found);
                assert_eq!(again.all, sorted);
                assert_eq!(again.disjoint, !overlap);
            }
            let lazy = LazyPersons {
                cell: OnceCell::new(),
                genders: OnceCell::new(),
                gaz: &gaz,
                entities: &entities,
                mentions: &mentions,
            };
            let full = Persons::new(&gaz, &entities, &mentions);
            for at in (0..32_000).step_by(3) {
                for g in [None, Some(Gender::Male), Some(Gender::Female)] {
                    assert_eq!(lazy.last_before(at, g), full.last_before(at, g), "{at} {g:?}");
                }
            }
        }
    }

    #[test]
    fn a_bucket_sort_sorts_as_a_comparison_sort_does() {
        // sorted by span, as a comparison sort does, and the same mentions
        let check = |mut all: Vec<(Span, usize)>| {
            let mut want = all.clone();
            want.sort_by_key(|&(span, i)| (span.start, span.end, i));
            sort_by_span(&mut all);
            let spans = |v: &[(Span, usize)]| v.iter().map(|m| m.0).collect::<Vec<_>>();
            assert_eq!(spans(&all), spans(&want), "{}", all.len());
            all.sort_by_key(|&(span, i)| (span.start, span.end, i));
            assert_eq!(all, want);
        };
        let from = BUCKETS_FROM;
        for n in [0, 10, from - 1, from, 100, 3 * from + 7, 5000, 20_000] {
            // starts up to 2^40, with repeats and ties of start
            check(
                (0..n)
                    .map(|i| {
                        let start = (i * 7_919_117 + (i % 5) * (1 << 39)) % (1 << 40) / 3;
                        (Span::new(start, start + 1 + i % 4), i % 13)
                    })
                    .collect(),
            );
            // mentions bunched at a few starts (left to the comparison sort), one far off
            let bunched = |i: usize| (i % 97) * (i % 3) + (1 << 30) * (i % 101 / 100);
            check((0..n).map(|i| (Span::new(bunched(i), bunched(i) + 1 + i % 3), i % 7)).collect());
            // an article's: the mentions of each entity in text order, a few bytes apart
            let mut all = Vec::new();
            for e in 0..13 {
                all.extend((0..n).filter(|i| i * 31 % 13 == e).map(|i| {
                    let start = i * 40 + i % 7;
                    (Span::new(start, start + 5 + i % 2), e)
                }));
            }
            check(all);
        }
    }

    #[test]
    fn a_clause_starts_after_punctuation_within_a_bounded_window() {
        let text = "First, a senior official";
        assert_eq!(&text[clause_start(text, text.len())..], " a senior official");
        let long = format!("{} official", "é".repeat(CLAUSE_WINDOW));
        let start = clause_start(&long, long.len());
        assert!(long.is_char_boundary(start));
        assert!(long.len() - start <= CLAUSE_WINDOW);
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
        // resolved in the order 2, 0, 1
        let mut last = Last::default();
        for i in [2, 0, 1] {
            last.push(i, quotes[i].speaker.as_ref().unwrap());
        }
        let done = Done { quotes: &quotes, last };
        let name = |s: Option<&Speaker>| s.and_then(|s| s.name.clone());
        assert_eq!(name(done.person()), Some("A".to_owned()));
        assert_eq!(name(done.media()), Some("B".to_owned()));
        assert_eq!(name(done.plural()), None);
    }
}
