//! Searches of sorted lists for a reader that asks in text order: each search starts from
//! where the last one ended and widens in steps that double, so that an answer a few places
//! on costs a few steps, not a binary search over a whole-text list (whose every step is a
//! likely cache miss on a long text).

use std::cell::Cell;

/// [`partition_near`] from the answer kept in `hint`, which then keeps the new answer: for a
/// reader asking in text order.
pub(crate) fn partition_hinted<T>(
    slice: &[T],
    hint: &Cell<usize>,
    pred: impl Fn(&T) -> bool,
) -> usize {
    let i = partition_near(slice, hint.get(), pred);
    hint.set(i);
    i
}

/// `slice.partition_point(pred)` for a `pred` true on a prefix of `slice` (and false after),
/// searched outward from `hint` in steps that double: a few steps when the answer lies near
/// the hint, and the same answer wherever it points.
fn partition_near<T>(slice: &[T], hint: usize, pred: impl Fn(&T) -> bool) -> usize {
    let hint = hint.min(slice.len());
    let mut step = 1;
    if hint > 0 && !pred(&slice[hint - 1]) {
        // the answer is at most `hi`, where `pred` is false
        let mut hi = hint - 1;
        loop {
            if hi < step {
                return slice[..hi].partition_point(&pred);
            }
            let lo = hi - step;
            if pred(&slice[lo]) {
                return lo + 1 + slice[lo + 1..hi].partition_point(&pred);
            }
            hi = lo;
            step *= 2;
        }
    }
    // the answer is at least `lo`: `pred` is true before it
    let mut lo = hint;
    loop {
        let hi = lo + step;
        if hi >= slice.len() {
            return lo + slice[lo..].partition_point(&pred);
        }
        if !pred(&slice[hi]) {
            return lo + slice[lo..hi].partition_point(&pred);
        }
        lo = hi + 1;
        step *= 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_from_any_hint_finds_the_partition_point() {
        for len in 0..40 {
            let v: Vec<usize> = (0..len).map(|i| i * 3).collect();
            for x in 0..len * 3 + 2 {
                let want = v.partition_point(|&e| e < x);
                for hint in 0..len + 3 {
                    assert_eq!(partition_near(&v, hint, |&e| e < x), want, "{len} {x} {hint}");
                }
            }
        }
    }
}
