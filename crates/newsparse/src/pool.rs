//! The allocations of a document parsed before, handed out again to build the next one
//! ([`Extractor::parse_into`](crate::Extractor::parse_into)).
//!
//! A parsed document owns a few hundred small strings and lists (each mention's text, each
//! entity's name and list of mentions, each quote's text and rule). Allocated afresh for
//! every article, they cost about a twelfth of the parse; taken back from the document a
//! caller parses into and reused, they cost a copy of their bytes.
//!
//! The pool is the thread's, filled for one parse ([`lend`]), so that the code that builds a
//! document's parts, spread over every stage, takes its strings from it ([`string`],
//! [`mentions`], [`entities`], [`quotes`]) with no extra parameter. What a parse leaves in
//! it stays for the thread's next one, up to [`MAX_KEPT`] buffers: the next article may be
//! longer than the last. On a thread that never parses into a document, each of those
//! allocates as it would without the pool, after reading one flag ([`OPEN`]).

use std::cell::{Cell, RefCell};

use crate::document::{Document, Entity, Mention, Quote, Speaker, Structure, Text};

/// How many capacity classes a [`Shelves`] sorts its buffers into: class `k` holds those of
/// capacity `2^k` to `2^(k+1) - 1`, the last also all larger ones.
const CLASSES: usize = 32;

/// The most buffers of each kind the pool keeps between parses; more (left by a huge text)
/// are freed.
const MAX_KEPT: usize = 4096;

/// A buffer with a capacity: a `String` or a `Vec`.
trait Buffer {
    /// Its capacity.
    fn room(&self) -> usize;
}

impl Buffer for String {
    fn room(&self) -> usize {
        self.capacity()
    }
}

impl<T> Buffer for Vec<T> {
    fn room(&self) -> usize {
        self.capacity()
    }
}

/// Empty buffers sorted by capacity class, with a mask of the classes that hold any: the
/// smallest buffer class sure to fit a request is found with one bit scan.
struct Shelves<B> {
    by_class: [Vec<B>; CLASSES],
    /// Bit `k` set when class `k` holds a buffer.
    filled: u32,
    /// How many buffers it holds.
    count: usize,
}

impl<B: Buffer> Shelves<B> {
    /// No buffers.
    const EMPTY: Shelves<B> =
        Shelves { by_class: [const { Vec::new() }; CLASSES], filled: 0, count: 0 };

    /// Keeps `b`, emptied by the caller; a buffer with no allocation is not kept.
    fn put(&mut self, b: B) {
        let room = b.room();
        if room == 0 {
            return;
        }
        let class = (room.ilog2() as usize).min(CLASSES - 1);
        self.by_class[class].push(b);
        self.filled |= 1 << class;
        self.count += 1;
    }

    /// A buffer with room for `n` items, if one is kept: the last of `n`'s own class when it
    /// has room, else one from the smallest class whose every buffer has room.
    fn take(&mut self, n: usize) -> Option<B> {
        if self.filled == 0 {
            return None;
        }
        let own = (n.max(1).ilog2() as usize).min(CLASSES - 1);
        let class = if self.by_class[own].last().is_some_and(|b| b.room() >= n) {
            own
        } else {
            let fit = self.filled & u32::MAX.checked_shl(own as u32 + 1).unwrap_or(0);
            if fit == 0 {
                return None;
            }
            fit.trailing_zeros() as usize
        };
        let shelf = &mut self.by_class[class];
        let b = shelf.pop();
        if shelf.is_empty() {
            self.filled &= !(1 << class);
        }
        self.count -= 1;
        b
    }

    /// Frees every buffer when it holds more than [`MAX_KEPT`].
    fn trim(&mut self) {
        if self.count > MAX_KEPT {
            *self = Shelves::EMPTY;
        }
    }
}

/// The allocations taken back from a document.
pub(crate) struct Pool {
    strings: Shelves<String>,
    mentions: Shelves<Vec<Mention>>,
    /// The document's list of entities, emptied.
    entities: Vec<Entity>,
    /// The document's list of quotes, emptied.
    quotes: Vec<Quote>,
    /// True while [`lend`] runs: a buffer the pool has no room for is then allocated with
    /// room for more ([`rounded`]), so that the next document can reuse it.
    lent: bool,
}

impl Pool {
    /// A pool with nothing in it.
    const EMPTY: Pool = Pool {
        strings: Shelves::EMPTY,
        mentions: Shelves::EMPTY,
        entities: Vec::new(),
        quotes: Vec::new(),
        lent: false,
    };

    /// The allocations of `doc`'s entities, quotes and structure, which are left empty; its
    /// paragraph and sentence lists stay in it, emptied, for the caller to refill.
    fn take_from(&mut self, doc: &mut Document) {
        let Document { schema_version: _, structure, paragraphs, sentences, entities, quotes } =
            doc;
        paragraphs.clear();
        sentences.clear();
        for e in entities.drain(..) {
            let Entity { id: _, name, kind: _, mut mentions, role, affiliation } = e;
            self.strings.put(name);
            for m in mentions.drain(..) {
                self.strings.put(m.text);
            }
            self.mentions.put(mentions);
            self.put_all([role, affiliation]);
        }
        self.entities = std::mem::take(entities);
        for q in quotes.drain(..) {
            let Quote { text, speaker, rule, .. } = q;
            self.strings.put(text);
            self.strings.put(rule);
            if let Some(s) = speaker {
                let Speaker { text, name, description, relayed_by, rule, .. } = s;
                self.put_all([text, name, description]);
                self.strings.put(rule);
                for r in relayed_by {
                    self.strings.put(r);
                }
            }
        }
        self.quotes = std::mem::take(quotes);
        self.take_structure(std::mem::take(structure));
    }

    /// The strings of a document's structure.
    fn take_structure(&mut self, structure: Structure) {
        let Structure { headline, dateline, byline, subheads, lede: _, boilerplate } = structure;
        let texts = |t: Option<Text>| t.map(|t| t.text);
        if let Some(h) = headline {
            self.strings.put(h.text.text);
            self.put_all([texts(h.source), texts(h.deck)]);
        }
        if let Some(d) = dateline {
            self.put_all([texts(d.place), texts(d.outlet), texts(d.date)]);
        }
        for t in byline.into_iter().flat_map(|b| b.authors).chain(subheads) {
            self.strings.put(t.text);
        }
        for b in boilerplate {
            self.strings.put(b.text);
            self.strings.put(b.rule);
            if let Some(t) = b.teaser {
                self.strings.put(t.headline.text);
                self.put_all([texts(t.published)]);
            }
        }
    }

    /// Keeps the strings of `all` that are there.
    fn put_all<const N: usize>(&mut self, all: [Option<String>; N]) {
        for s in all.into_iter().flatten() {
            self.strings.put(s);
        }
    }
}

thread_local! {
    /// The thread's pool.
    static POOL: RefCell<Pool> = const { RefCell::new(Pool::EMPTY) };
    /// True once the thread has lent the pool a document: until then the builders allocate
    /// without looking in it, for the cost of reading this flag.
    static OPEN: Cell<bool> = const { Cell::new(false) };
}

/// Runs `parse` with the allocations of `doc` added to the thread's pool, where the
/// builders of a document's parts take them from. `doc` is left with its paragraph and
/// sentence lists, emptied, and nothing else.
pub(crate) fn lend<R>(doc: &mut Document, parse: impl FnOnce(&mut Document) -> R) -> R {
    /// Ends the lending when the parse ends, however it ends, keeping what is left for the
    /// thread's next parse.
    struct Return;
    impl Drop for Return {
        fn drop(&mut self) {
            // no borrow of the pool outlives the call that took it
            POOL.with_borrow_mut(|p| {
                p.lent = false;
                p.strings.trim();
                p.mentions.trim();
            });
        }
    }
    POOL.with_borrow_mut(|p| {
        p.take_from(doc);
        p.lent = true;
    });
    OPEN.set(true);
    let _return = Return;
    parse(doc)
}

/// `s` as an owned string, in a pooled allocation when one has room.
#[inline]
pub(crate) fn string(s: &str) -> String {
    if s.is_empty() {
        return String::new();
    }
    if !OPEN.get() {
        return s.to_owned();
    }
    pooled(s, s.len())
}

/// `s` as an owned string with room for `extra` bytes more, in a pooled allocation when one
/// has room.
#[inline]
pub(crate) fn string_with_room(s: &str, extra: usize) -> String {
    if !OPEN.get() {
        let mut b = String::with_capacity(s.len() + extra);
        b.push_str(s);
        return b;
    }
    pooled(s, s.len() + extra)
}

/// `first` as [`string`] makes it and `second` with room for `extra` bytes more as
/// [`string_with_room`] makes it (but empty with no room, as [`string`] makes that), their
/// buffers taken from the pool in that order in one borrow of it, where the two calls took
/// one each: a quote's text and rule, a speaker's mention and rule.
pub(crate) fn string_pair(first: &str, second: &str, extra: usize) -> (String, String) {
    let rooms = (first.len(), second.len() + extra);
    if !OPEN.get() {
        let mut b = String::with_capacity(rooms.1);
        b.push_str(second);
        return (first.to_owned(), b);
    }
    // an empty string with no room takes no buffer
    let (kept, lent) = POOL.with_borrow_mut(|p| {
        let a = if rooms.0 == 0 { None } else { p.strings.take(rooms.0) };
        let b = if rooms.1 == 0 { None } else { p.strings.take(rooms.1) };
        ((a, b), p.lent)
    });
    let a = if rooms.0 == 0 { String::new() } else { filled(kept.0, lent, first, rooms.0) };
    let b = if rooms.1 == 0 { String::new() } else { filled(kept.1, lent, second, rooms.1) };
    (a, b)
}

/// `s` as an owned string with room for `room` bytes (at least its length), from the pool.
fn pooled(s: &str, room: usize) -> String {
    let (kept, lent) = POOL.with_borrow_mut(|p| (p.strings.take(room), p.lent));
    filled(kept, lent, s, room)
}

/// `s` in the buffer `kept` taken from the pool, emptied, or when there is none in a new one
/// with room for `room` bytes (rounded up while the pool is `lent`, [`rounded`]). Always
/// inline, in [`pooled`] and [`string_pair`]: as a call of its own it cost the entity
/// stage, whose strings all come through [`pooled`], more than the pair saves.
#[inline(always)]
fn filled(kept: Option<String>, lent: bool, s: &str, room: usize) -> String {
    let mut b = match kept {
        Some(mut b) => {
            b.clear();
            b
        }
        None if lent => String::with_capacity(rounded(room)),
        None => String::with_capacity(room),
    };
    b.push_str(s);
    b
}

/// The room to allocate for `n` items in a lent parse: up to [`ROUNDED`], `n` rounded up to
/// a power of two, so that the buffer fits any request of its class when it is reused (the
/// allocator rounds small sizes up too); above, `n`, so that a huge text's long
/// strings take no more memory than they need.
fn rounded(n: usize) -> usize {
    if n <= ROUNDED { n.next_power_of_two() } else { n }
}

/// The largest request [`rounded`] rounds up.
const ROUNDED: usize = 1024;

/// An empty list of mentions with room for `n`, pooled when one has room.
#[inline]
pub(crate) fn mentions(n: usize) -> Vec<Mention> {
    if !OPEN.get() {
        return Vec::with_capacity(n);
    }
    let (kept, lent) = POOL.with_borrow_mut(|p| (p.mentions.take(n), p.lent));
    match kept {
        Some(list) => list,
        None if lent => Vec::with_capacity(rounded(n)),
        None => Vec::with_capacity(n),
    }
}

/// An empty list of entities with room for `n`: the pooled one when it has room.
pub(crate) fn entities(n: usize) -> Vec<Entity> {
    list(n, |p| &mut p.entities)
}

/// An empty list of quotes with room for `n`: the pooled one when it has room.
pub(crate) fn quotes(n: usize) -> Vec<Quote> {
    list(n, |p| &mut p.quotes)
}

/// An empty list with room for `n`: the pool's list that `pick` names when it has room.
fn list<T>(n: usize, pick: impl FnOnce(&mut Pool) -> &mut Vec<T>) -> Vec<T> {
    if !OPEN.get() {
        return Vec::with_capacity(n);
    }
    let list = POOL.with_borrow_mut(|p| std::mem::take(pick(p)));
    // too small, it is replaced rather than grown: growing would copy its stale room
    if list.capacity() >= n { list } else { Vec::with_capacity(rounded(n)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The capacities of the strings a shelf holds, sorted.
    fn rooms(s: &Shelves<String>) -> Vec<usize> {
        let mut all: Vec<usize> = s.by_class.iter().flatten().map(String::capacity).collect();
        all.sort_unstable();
        all
    }

    #[test]
    fn a_shelf_hands_out_only_buffers_with_room() {
        let mut s = Shelves::<String>::EMPTY;
        for room in [0, 1, 5, 8, 9, 15, 16, 100, 1 << 20] {
            s.put(String::with_capacity(room));
        }
        // a buffer with no allocation is not kept
        assert_eq!(s.count, 8);
        for n in [0, 1, 2, 5, 7, 9, 9, 10, 16, 17, 64, 101, 1 << 20, (1 << 20) + 1, usize::MAX] {
            let before = rooms(&s);
            match s.take(n) {
                Some(b) => {
                    assert!(b.capacity() >= n, "asked {n}, got {}", b.capacity());
                    // from n's own class, or the smallest class above it that holds any
                    let own = n.max(1).ilog2();
                    let smallest_above =
                        before.iter().copied().find(|&r| r.ilog2() > own).map(usize::ilog2);
                    let class = b.capacity().ilog2();
                    assert!(class == own || Some(class) == smallest_above, "asked {n}: {before:?}");
                }
                None => assert!(before.iter().all(|&r| r < n.max(1)), "asked {n}: {before:?}"),
            }
            assert_eq!(s.count, rooms(&s).len());
            let filled = (0..CLASSES).filter(|&k| !s.by_class[k].is_empty());
            assert_eq!(s.filled, filled.fold(0, |m, k| m | 1 << k));
        }
    }

    #[test]
    fn small_requests_are_rounded_up_to_their_class_and_large_ones_not() {
        assert_eq!([1, 9, 16, 17, 1000, 1024].map(rounded), [1, 16, 16, 32, 1024, 1024]);
        assert_eq!([1025, 5000, 1 << 20].map(rounded), [1025, 5000, 1 << 20]);
    }

    #[test]
    fn a_shelf_frees_all_past_the_limit() {
        let mut s = Shelves::<String>::EMPTY;
        for _ in 0..MAX_KEPT {
            s.put(String::with_capacity(8));
        }
        s.trim();
        assert_eq!(s.count, MAX_KEPT);
        s.put(String::with_capacity(8));
        s.trim();
        assert_eq!((s.count, s.filled), (0, 0));
    }

    /// On a thread of its own, `make` run with the pool open and lent, holding strings of the
    /// capacities `rooms`, or not open; what it made, as contents and capacities.
    fn made_on_a_thread(
        rooms: &'static [usize],
        open: bool,
        make: fn() -> Vec<String>,
    ) -> Vec<(String, usize)> {
        let made = std::thread::spawn(move || {
            if open {
                POOL.with_borrow_mut(|p| {
                    for &room in rooms {
                        p.strings.put(String::with_capacity(room));
                    }
                    p.lent = true;
                });
                OPEN.set(true);
            }
            make()
        });
        let made = made.join().unwrap_or_default();
        made.into_iter()
            .map(|s| {
                let room = s.capacity();
                (s, room)
            })
            .collect()
    }

    #[test]
    fn a_pair_takes_the_buffers_the_two_calls_take() {
        const ROOMS: &[usize] = &[4, 8, 16, 20, 40, 64, 100];
        // a quote's text and rule, a speaker's mention and rule, and empty ones
        const PAIRS: &[(&str, &str, usize)] = &[
            ("a quoted clause", "indirect.subject_verb", 0),
            ("Jane Doe", "speaker.before_verb", 31),
            ("", "rule", 0),
            ("x", "", 0),
            ("", "", 5),
            ("", "", 0),
            ("a much longer quoted clause than any buffer kept holds", "r", 0),
        ];
        let pairs = || {
            let mut all = Vec::new();
            for &(first, second, extra) in PAIRS {
                let (a, b) = string_pair(first, second, extra);
                all.extend([a, b]);
            }
            all
        };
        let one_by_one = || {
            let mut all = Vec::new();
            for &(first, second, extra) in PAIRS {
                let a = string(first);
                let b = if extra == 0 { string(second) } else { string_with_room(second, extra) };
                all.extend([a, b]);
            }
            all
        };
        for open in [true, false] {
            let ours = made_on_a_thread(ROOMS, open, pairs);
            assert_eq!(ours, made_on_a_thread(ROOMS, open, one_by_one), "{open}");
            assert_eq!(ours.len(), 2 * PAIRS.len());
            assert!(ours[3].1 >= "speaker.before_verb".len() + 31, "{ours:?}");
        }
    }

    #[test]
    fn a_lent_pool_serves_the_parse_and_keeps_the_rest() {
        let long = "\"We need credible guarantees,\" said Patrick Turner in Kyiv. \
                    NATO and the European Union met in Brussels, Reuters reported.";
        let short = "\"Yes,\" she said.";
        let extractor = crate::Extractor::new();
        let mut doc = extractor.parse(long).unwrap_or_default();
        let strings = doc.quotes.len() * 2 + doc.entities.len() * 2;
        assert!(strings > 8, "{doc:?}");
        let mut got = Document::default();
        lend(&mut doc, |doc| {
            assert!(POOL.with_borrow(|p| p.lent && p.strings.count >= strings));
            assert!(doc.entities.is_empty() && doc.quotes.is_empty());
            got = extractor.parse(short).unwrap_or_default();
        });
        assert!(!POOL.with_borrow(|p| p.lent));
        assert_eq!(got, extractor.parse(short).unwrap_or_default());
        // the strings taken back and not used stay for the thread's next parse
        let kept = POOL.with_borrow(|p| p.strings.count);
        assert!(kept > 0);
        drop(extractor.parse(short));
        assert!(POOL.with_borrow(|p| p.strings.count) < kept);
    }
}
