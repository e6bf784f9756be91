//! Perturbation tags: which driver call seeded a dual number, so that
//! perturbations of two calls at the same type are never added together
//! (perturbation confusion, Siskind and Pearlmutter 2005).
//!
//! In debug builds (`debug_assertions`, the default for `cargo test` and
//! `cargo build`) every driver call draws a fresh non-zero tag and its
//! seeded inputs carry it; every operation carries its operands' tag on,
//! and an operation on two duals with different non-zero tags panics with a
//! message that names the mistake and the fix. Constants and duals built by
//! hand carry tag 0, which mixes with anything. The same holds in release
//! builds with the `tags` feature; without it, in release builds the tag is
//! a zero-sized type and every check compiles to nothing.

#[cfg(any(debug_assertions, feature = "tags"))]
mod checked {
    use core::sync::atomic::{AtomicU32, Ordering};

    /// The tag of the next driver call.
    static NEXT: AtomicU32 = AtomicU32::new(1);

    /// The driver call a dual's perturbation comes from; 0 for none.
    #[derive(Clone, Copy, PartialEq, Eq, Debug)]
    pub(crate) struct Tag(u32);

    impl Tag {
        /// No driver call: constants and hand-built duals.
        pub(crate) const NONE: Tag = Tag(0);

        /// A tag no other driver call in this process has (until 2³² − 1
        /// calls have drawn one).
        pub(crate) fn fresh() -> Tag {
            loop {
                let tag = NEXT.fetch_add(1, Ordering::Relaxed);
                if tag != 0 {
                    return Tag(tag);
                }
            }
        }

        /// The tag of a result of two operands: the non-zero one, or a
        /// panic if both are non-zero and differ.
        #[inline]
        pub(crate) fn join(self, other: Tag) -> Tag {
            if other.0 == 0 || self.0 == other.0 {
                self
            } else if self.0 == 0 {
                other
            } else {
                confused(self, other)
            }
        }
    }

    #[cold]
    #[inline(never)]
    fn confused(a: Tag, b: Tag) -> ! {
        panic!(
            "dualgrad: perturbation confusion: dual numbers seeded by two different derivative \
             calls (tags {} and {}) were combined at the same type, which would silently give \
             a wrong derivative.\n\
             This happens when the closure of an inner driver call captures a dual number of \
             an outer one, e.g. `derivative(|x| x * derivative(|y| x + y, 1.0), 1.0)`: the inner \
             `y` and the captured `x` are both `Dual<f64, 1>`.\n\
             Differentiate the inner function at the outer dual type instead, so the two \
             perturbations have different types: \
             `derivative(|y: Dual<Dual<f64, 1>, 1>| Dual::constant(x) + y, Dual::constant(1.0))`.\n\
             See \"Nesting and perturbation confusion\" in dualgrad's crate docs. (This check \
             runs in debug builds, and in release builds with dualgrad's `tags` feature.)",
            a.0, b.0
        )
    }
}

#[cfg(not(any(debug_assertions, feature = "tags")))]
mod checked {
    /// Release builds: no tag, no check, no size.
    #[derive(Clone, Copy, PartialEq, Eq, Debug)]
    pub(crate) struct Tag;

    impl Tag {
        /// The only tag.
        pub(crate) const NONE: Tag = Tag;

        /// The only tag.
        #[inline(always)]
        pub(crate) fn fresh() -> Tag {
            Tag
        }

        /// The only tag.
        #[inline(always)]
        pub(crate) fn join(self, _other: Tag) -> Tag {
            Tag
        }
    }
}

pub(crate) use checked::Tag;

#[cfg(all(test, any(debug_assertions, feature = "tags")))]
mod tests {
    use super::Tag;

    #[test]
    fn fresh_tags_differ_and_none_mixes_with_any() {
        let (a, b) = (Tag::fresh(), Tag::fresh());
        assert_ne!(a, b);
        assert_eq!(a.join(Tag::NONE), a);
        assert_eq!(Tag::NONE.join(b), b);
        assert_eq!(a.join(a), a);
        assert_eq!(Tag::NONE.join(Tag::NONE), Tag::NONE);
    }

    #[test]
    #[should_panic(expected = "perturbation confusion")]
    fn different_tags_panic() {
        let _ = Tag::fresh().join(Tag::fresh());
    }
}
