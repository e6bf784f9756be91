//! The index sets a [`Tracer`](super::Tracer) carries, kept in a
//! thread-local arena so that the tracer itself is a `Copy` handle.
//!
//! `Float` requires `Copy`, so a tracer cannot own a `Vec`. It holds a
//! [`SetId`] instead: set k is the sorted slice
//! `indices[starts[k]..starts[k + 1]]` of this thread's arena, and set 0 is the empty set. Sets are never
//! changed once written; a binary operation writes the merge of its
//! operands' sets as a new set, unless one operand's set is empty, both are
//! the same set, or the merge equals one of them (a subset), in which case
//! the existing handle is returned and nothing is written. A banded or
//! stencil function therefore writes a few short sets per output: detection
//! is O(nnz) in time and memory.
//!
//! The arena is used as a stack: a detection run ([`Run`]) remembers its
//! length on entry and truncates back on exit, so nested runs (a function
//! that detects inside a detected function) keep each other's sets, and the
//! arena's capacity is reused from one run to the next.

use core::cell::RefCell;
use core::ops::Range;

/// A handle to a set in this thread's arena; [`EMPTY`] is the empty set.
pub(crate) type SetId = usize;

/// The empty set, valid in every run.
pub(crate) const EMPTY: SetId = 0;

struct Arena {
    /// Set k is `indices[starts[k]..starts[k + 1]]`; `starts[0] = starts[1]
    /// = 0` is the empty set.
    starts: Vec<usize>,
    indices: Vec<usize>,
}

thread_local! {
    static ARENA: RefCell<Arena> = const {
        RefCell::new(Arena {
            starts: Vec::new(),
            indices: Vec::new(),
        })
    };
}

impl Arena {
    /// The slice of set `id`; a handle from a finished run that lies past
    /// the arena's end reads as empty (never a panic).
    fn range(&self, id: SetId) -> Range<usize> {
        match (self.starts.get(id), self.starts.get(id + 1)) {
            (Some(&start), Some(&end)) => start..end,
            _ => 0..0,
        }
    }

    /// Makes sure the empty set 0 exists.
    fn ensure_empty(&mut self) {
        if self.starts.is_empty() {
            self.starts.extend([0, 0]);
        }
    }

    /// Ends the set being written at the arena's end and returns its handle.
    fn close(&mut self) -> SetId {
        self.starts.push(self.indices.len());
        self.starts.len() - 2
    }

    fn union(&mut self, a: SetId, b: SetId) -> SetId {
        if a == b || b == EMPTY {
            return a;
        }
        if a == EMPTY {
            return b;
        }
        let (left, right) = (self.range(a), self.range(b));
        let start = self.indices.len();
        let (mut i, mut j) = (left.start, right.start);
        while i < left.end && j < right.end {
            let (x, y) = (self.indices[i], self.indices[j]);
            self.indices.push(x.min(y));
            i += usize::from(x <= y);
            j += usize::from(y <= x);
        }
        self.indices.extend_from_within(i..left.end);
        self.indices.extend_from_within(j..right.end);
        let len = self.indices.len() - start;
        // A merge as long as an operand is that operand: keep its handle.
        if len == left.len() || len == right.len() {
            self.indices.truncate(start);
            return if len == left.len() { a } else { b };
        }
        self.close()
    }
}

/// The set {i}.
pub(crate) fn singleton(i: usize) -> SetId {
    ARENA.with(|arena| {
        let mut arena = arena.borrow_mut();
        arena.ensure_empty();
        arena.indices.push(i);
        arena.close()
    })
}

/// a ∪ b.
#[inline]
pub(crate) fn union(a: SetId, b: SetId) -> SetId {
    if a == b || b == EMPTY {
        return a;
    }
    if a == EMPTY {
        return b;
    }
    ARENA.with(|arena| arena.borrow_mut().union(a, b))
}

/// Appends the members of set `id`, in increasing order, to `out`.
pub(crate) fn extend(id: SetId, out: &mut Vec<usize>) {
    if id == EMPTY {
        return;
    }
    ARENA.with(|arena| {
        let arena = arena.borrow();
        out.extend_from_slice(&arena.indices[arena.range(id)]);
    });
}

/// The members of set `id`, in increasing order.
pub(crate) fn members(id: SetId) -> Vec<usize> {
    let mut out = Vec::new();
    extend(id, &mut out);
    out
}

/// One detection run: the sets written while it lives are dropped with it.
pub(crate) struct Run {
    starts: usize,
    indices: usize,
}

impl Run {
    /// Starts a run at the arena's current end.
    pub(crate) fn start() -> Run {
        ARENA.with(|arena| {
            let mut arena = arena.borrow_mut();
            arena.ensure_empty();
            Run {
                starts: arena.starts.len(),
                indices: arena.indices.len(),
            }
        })
    }
}

impl Drop for Run {
    fn drop(&mut self) {
        // `try_with`: a run dropped during thread teardown has nothing to free.
        let _ = ARENA.try_with(|arena| {
            let mut arena = arena.borrow_mut();
            arena.starts.truncate(self.starts);
            arena.indices.truncate(self.indices);
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unions_merge_sorted_sets_and_reuse_subsets() {
        let _run = Run::start();
        let (a, b, c) = (singleton(3), singleton(1), singleton(2));
        let ab = union(a, b);
        assert_eq!(members(ab), [1, 3]);
        let abc = union(ab, c);
        assert_eq!(members(abc), [1, 2, 3]);
        // Subsets and repeats write nothing new.
        assert_eq!(union(abc, ab), abc);
        assert_eq!(union(b, abc), abc);
        assert_eq!(union(a, a), a);
        assert_eq!(union(EMPTY, c), c);
        assert_eq!(members(EMPTY), Vec::<usize>::new());
    }

    #[test]
    fn a_run_frees_its_sets_and_keeps_the_outer_runs() {
        let _outer = Run::start();
        let a = singleton(7);
        {
            let _inner = Run::start();
            let b = singleton(8);
            assert_eq!(members(union(a, b)), [7, 8]);
        }
        assert_eq!(members(a), [7]);
        // A handle past the arena's end reads as empty.
        assert_eq!(members(a + 100), Vec::<usize>::new());
    }
}
