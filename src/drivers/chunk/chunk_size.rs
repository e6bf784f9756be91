//! The chunk size for a function written once for every `Float` type
//! ([`ScalarFn`](crate::ScalarFn), [`VectorFn`](crate::VectorFn)): chosen
//! from n, with one compiled copy of f per chunk size in
//! 1..=[`DEFAULT_CHUNK`].

use super::DEFAULT_CHUNK;
use crate::drivers::passes::{balanced_chunk_size, second_order_pass_count};

/// The chunk size of the first-order passes: ⌈n / [`DEFAULT_CHUNK`]⌉
/// passes of near-equal size ⌈n / passes⌉, so n ≤ 12 takes one pass of n
/// and n = 13 two of 7. ForwardDiff.jl picks its chunk the same way, with
/// 12 as the threshold. 1 for n = 0 (no pass; f is called once for its
/// value).
pub(crate) fn first_order(n: usize) -> usize {
    balanced_chunk_size(n, DEFAULT_CHUNK)
}

/// `first_order_chunk_size!(n, |C| body)` evaluates `body` with the
/// constant `C` set to [`first_order`]`(n)`, so the body can name
/// `Dual<T, C>`.
macro_rules! first_order_chunk_size {
    ($n:expr, |$c:ident| $body:expr) => {{
        const {
            assert!(
                $crate::chunk::DEFAULT_CHUNK == 12,
                "the arms below are the chunk sizes 1..=DEFAULT_CHUNK"
            )
        };
        match_chunk_size!($crate::chunk::chunk_size::first_order($n), |$c| $body;
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11; else 12)
    }};
}

pub(crate) use first_order_chunk_size;

/// The largest n a Hessian of the `_of` drivers takes in one pass.
pub(crate) const ONE_PASS_HESSIAN: usize = DEFAULT_CHUNK;

/// The `Dual2` chunk size of the `_of` Hessians for n inputs: n itself (at
/// least 2) up to [`ONE_PASS_HESSIAN`], one pass; beyond, near-equal
/// chunks of at most 5 or at most 6 inputs, whichever computes fewer
/// Hessian entries in all (passes × C(C + 1)/2 at size C, twice the
/// chunk), and a pass per pair of chunks.
///
/// Why no more than 12, although larger passes would be fewer: a
/// `Dual2<T, C>` holds 1 + C + C² numbers and every operation copies them
/// all, so above 12 the copies cost more than the passes saved (see
/// BENCHMARKS.md, "Run-time Hessians on `Dual2`").
pub(crate) fn hessian(n: usize) -> usize {
    if n <= ONE_PASS_HESSIAN {
        return n.max(2);
    }
    let entries = |most: usize| {
        let size = 2 * balanced_chunk_size(n, most);
        (
            second_order_pass_count(n, size) * size * (size + 1) / 2,
            size,
        )
    };
    entries(5).min(entries(6)).1
}

/// `hessian_chunk_size!(n, |C| body)` evaluates `body` with the constant
/// `C` set to [`hessian`]`(n)`, so the body can name `Dual2<T, C>`.
macro_rules! hessian_chunk_size {
    ($n:expr, |$c:ident| $body:expr) => {{
        const {
            assert!(
                $crate::chunk::chunk_size::ONE_PASS_HESSIAN == 12,
                "the arms below are the chunk sizes 2..=ONE_PASS_HESSIAN"
            )
        };
        match_chunk_size!($crate::chunk::chunk_size::hessian($n), |$c| $body;
            2, 3, 4, 5, 6, 7, 8, 9, 10, 11; else 12)
    }};
}

pub(crate) use hessian_chunk_size;

#[cfg(test)]
mod tests {
    use super::{ONE_PASS_HESSIAN, hessian};

    #[test]
    fn hessian_chunk_sizes_hold_one_pass_or_a_pair_of_chunks() {
        let cases = [
            (0, 2),
            (1, 2),
            (12, 12),
            (13, 10),
            (16, 8),
            (21, 12),
            (50, 10),
            (100, 10),
        ];
        for (n, size) in cases {
            assert_eq!(hessian(n), size, "n = {n}");
        }
        for n in 0..500 {
            let size = hessian(n);
            assert!((2..=ONE_PASS_HESSIAN).contains(&size), "n = {n}");
            if n > ONE_PASS_HESSIAN {
                let chunks = n.div_ceil(size / 2);
                assert!(
                    chunks == n.div_ceil(5) || chunks == n.div_ceil(6),
                    "n = {n}: chunks of at most 5 or 6"
                );
            }
        }
    }
}
