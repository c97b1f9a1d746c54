//! What a thread remembers while it renders the same handout many times (a bulk export
//! renders one handout for every client): how each piece of text was shaped, how each
//! paragraph was set into lines, which characters of each text no font can print, each font
//! subset and each compressed page. Each is a pure function of what it is remembered by, so
//! a remembered answer is the answer.
//!
//! Nothing is remembered unless the thread holds the guard of `remember_rendering`; what it
//! remembered under one guard is forgotten before it is asked under the next.

use std::borrow::Borrow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread::LocalKey;

static GUARDS: AtomicU64 = AtomicU64::new(0);

thread_local! {
    /// The number of the guard this thread holds, 0 when it holds none.
    static HELD: Cell<u64> = const { Cell::new(0) };
}

/// While the returned guard lives, this thread remembers what it shaped, set, found
/// unprintable, subset and compressed: all but her name is done once per thread in a bulk
/// export.
#[must_use = "the thread remembers only while the guard is kept"]
pub fn remember_rendering() -> RememberRendering {
    let outer = HELD.replace(GUARDS.fetch_add(1, Ordering::Relaxed) + 1);
    RememberRendering {
        outer,
        _not_send: std::marker::PhantomData,
    }
}

/// Stops this thread remembering when dropped (`remember_rendering`), or goes back to the
/// guard it was taken under.
pub struct RememberRendering {
    outer: u64,
    _not_send: std::marker::PhantomData<*const ()>,
}

impl Drop for RememberRendering {
    fn drop(&mut self) {
        HELD.set(self.outer);
    }
}

/// Whether this thread remembers now (it holds a guard): without one, there is nothing to look
/// up and nothing worth keeping.
pub(crate) fn remembering() -> bool {
    HELD.get() != 0
}

/// `make()`, or on a thread that remembers (it holds a guard), the answer kept in `kind` for
/// `a` and `b` (made and kept the first time it is asked for).
pub(crate) fn remembered<A, B, Q, V, E>(
    kind: &'static LocalKey<Remembered<A, B, V>>,
    a: A,
    b: &Q,
    make: impl FnOnce() -> Result<V, E>,
) -> Result<V, E>
where
    A: Hash + Eq,
    B: Hash + Eq + Borrow<Q>,
    Q: Hash + Eq + ToOwned<Owned = B> + ?Sized,
    V: Clone,
{
    if !remembering() {
        return make();
    }
    if let Some(kept) = kind.with(|k| k.with(&a, b, V::clone)) {
        return Ok(kept);
    }
    let made = make()?;
    kind.with(|k| k.keep(a, b.to_owned(), made.clone()));
    Ok(made)
}

/// One kind of thing a thread remembers, by two keys (the second looked up by a borrowed
/// value, so asking copies nothing), at most `most` of them (then it starts afresh). Declared
/// in a `thread_local!`.
pub(crate) struct Remembered<A, B, V> {
    most: usize,
    kept: RefCell<Kept<A, B, V>>,
}

/// The answers one kind of thing has, and the guard they were kept under.
struct Kept<A, B, V> {
    guard: u64,
    count: usize,
    answers: HashMap<A, HashMap<B, V>>,
}

impl<A, B, V> Kept<A, B, V> {
    fn under(guard: u64) -> Self {
        Self {
            guard,
            count: 0,
            answers: HashMap::new(),
        }
    }
}

impl<A: Hash + Eq, B: Hash + Eq, V> Remembered<A, B, V> {
    pub(crate) fn new(most: usize) -> Self {
        Self {
            most,
            kept: RefCell::new(Kept::under(0)),
        }
    }

    /// `read` of the answer kept for `a` and `b` under the guard this thread holds, if any.
    pub(crate) fn with<Q, R>(&self, a: &A, b: &Q, read: impl FnOnce(&V) -> R) -> Option<R>
    where
        B: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let held = HELD.get();
        if held == 0 {
            return None;
        }
        let kept = self.kept.borrow();
        if kept.guard != held {
            return None;
        }
        kept.answers.get(a)?.get(b).map(read)
    }

    /// Keeps `value` for `a` and `b` while this thread holds a guard; does nothing otherwise.
    pub(crate) fn keep(&self, a: A, b: B, value: V) {
        let held = HELD.get();
        if held == 0 {
            return;
        }
        let mut kept = self.kept.borrow_mut();
        if kept.guard != held || kept.count >= self.most {
            *kept = Kept::under(held);
        }
        if kept
            .answers
            .entry(a)
            .or_default()
            .insert(b, value)
            .is_none()
        {
            kept.count += 1;
        }
    }

    /// How many answers are kept under the guard this thread holds.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        let kept = self.kept.borrow();
        if HELD.get() == 0 || kept.guard != HELD.get() {
            0
        } else {
            kept.count
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_kept_only_under_a_guard_and_forgotten_at_the_next() {
        thread_local! {
            static LENGTHS: Remembered<u8, String, usize> = Remembered::new(2);
        }
        LENGTHS.with(|s| {
            s.keep(1, "abc".into(), 3);
            assert_eq!(s.with(&1, "abc", |v| *v), None, "no guard, nothing kept");
            let first = remember_rendering();
            s.keep(1, "abc".into(), 3);
            assert_eq!(s.with(&1, "abc", |v| *v), Some(3));
            assert_eq!(s.with(&2, "abc", |v| *v), None, "another first key");
            s.keep(2, "abcd".into(), 4);
            s.keep(1, "ab".into(), 2);
            assert_eq!(s.len(), 1, "full, so it started afresh");
            assert_eq!(s.with(&1, "ab", |v| *v), Some(2));
            drop(first);
            assert_eq!(s.with(&1, "ab", |v| *v), None, "the guard is gone");
            let _second = remember_rendering();
            assert_eq!(s.with(&1, "ab", |v| *v), None, "kept under the first guard");
            s.keep(1, "ab".into(), 2);
            drop(remember_rendering());
            assert_eq!(
                s.with(&1, "ab", |v| *v),
                Some(2),
                "a guard taken and dropped inside goes back to the outer one"
            );
        });
    }
}
