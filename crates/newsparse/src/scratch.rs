//! Lists a parse builds for its own use and drops, kept by the thread for its next parse.
//!
//! Every parse builds a few dozen working lists (the text's lines, its segments, its cue
//! words, the quotes before they are sorted): allocated afresh for each article and grown
//! by doubling, they cost a few hundred instructions each, and those grown copy what they
//! held. A list given back ([`give`]) is emptied and kept in a thread local for the next
//! [`take`], unless it grew beyond [`KEPT_BYTES`], so that a huge text does not pin its
//! memory.

use std::cell::{Cell, RefCell};
use std::thread::LocalKey;

/// The largest list (in bytes of room) a thread keeps between parses: 256 KiB, the room of
/// a text of some hundreds of KB (news articles are a few KB).
pub(crate) const KEPT_BYTES: usize = 1 << 18;

/// A thread's kept list of `T`, declared with `thread_local!` as
/// `static K: Cell<Vec<T>> = const { Cell::new(Vec::new()) }`.
pub(crate) type Kept<T> = LocalKey<Cell<Vec<T>>>;

/// The list kept in `key`, emptied (a new one while none is kept, or while the thread's
/// locals are being destroyed).
pub(crate) fn take<T>(key: &'static Kept<T>) -> Vec<T> {
    let mut list = key.try_with(Cell::take).unwrap_or_default();
    list.clear();
    list
}

/// Keeps `list`, emptied, in `key` for the thread's next [`take`], unless it holds more
/// than [`KEPT_BYTES`] of room (then it is freed).
pub(crate) fn give<T>(key: &'static Kept<T>, mut list: Vec<T>) {
    if !fits(&list) {
        return;
    }
    list.clear();
    // a thread whose locals are being destroyed frees it
    let _ = key.try_with(|k| k.set(list));
}

/// True when `list` holds no more than [`KEPT_BYTES`] of room, so that a thread may keep it.
pub(crate) fn fits<T>(list: &Vec<T>) -> bool {
    list.capacity().saturating_mul(size_of::<T>().max(1)) <= KEPT_BYTES
}

/// A thread's kept lists of `T` for a type of which a parse has several at a time, declared
/// with `thread_local!` as `static K: RefCell<Vec<Vec<T>>> = const { RefCell::new(Vec::new()) }`.
pub(crate) type KeptMany<T> = LocalKey<RefCell<Vec<Vec<T>>>>;

/// The most lists a [`KeptMany`] holds.
pub(crate) const KEPT_MANY: usize = 4;

/// One of the lists kept in `key`, emptied (a new one while none is kept).
pub(crate) fn take_one<T>(key: &'static KeptMany<T>) -> Vec<T> {
    let mut list = key.try_with(|k| k.borrow_mut().pop()).ok().flatten().unwrap_or_default();
    list.clear();
    list
}

/// Keeps `list`, emptied, in `key` for a later [`take_one`], unless `key` holds
/// [`KEPT_MANY`] already or the list is too large to keep ([`fits`]).
pub(crate) fn give_one<T>(key: &'static KeptMany<T>, mut list: Vec<T>) {
    if !fits(&list) {
        return;
    }
    list.clear();
    // a thread whose locals are being destroyed frees it
    let _ = key.try_with(|k| {
        let mut kept = k.borrow_mut();
        if kept.len() < KEPT_MANY {
            kept.push(list);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        /// A list for the tests.
        static TEST: Cell<Vec<u64>> = const { Cell::new(Vec::new()) };
    }

    #[test]
    fn a_list_given_back_is_taken_again_empty_with_its_room() {
        let mut v = take(&TEST);
        assert!(v.is_empty());
        v.extend(0..100);
        let room = v.capacity();
        give(&TEST, v);
        let v = take(&TEST);
        assert!(v.is_empty());
        assert_eq!(v.capacity(), room);
        let v = take(&TEST);
        assert_eq!(v.capacity(), 0, "taken once");
    }

    #[test]
    fn a_huge_list_is_not_kept() {
        let v: Vec<u64> = Vec::with_capacity(KEPT_BYTES / 8 + 1);
        give(&TEST, v);
        assert_eq!(take(&TEST).capacity(), 0);
    }
}
