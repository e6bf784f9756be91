//! The dual width for a function written once for every `Float` type
//! ([`ScalarFn`](crate::ScalarFn), [`VectorFn`](crate::VectorFn)): chosen
//! from n, with one compiled copy of f per width in 1..=[`DEFAULT_CHUNK`].

use super::DEFAULT_CHUNK;

/// ⌈n / [`DEFAULT_CHUNK`]⌉ passes of near-equal width w = ⌈n / passes⌉:
/// n ≤ 12 takes one pass of width n, n = 13 two of width 7. ForwardDiff.jl
/// picks its chunk the same way, with 12 as the threshold. 1 for n = 0 (no
/// pass; f is called once for its value).
pub(crate) fn width(n: usize) -> usize {
    let passes = n.div_ceil(DEFAULT_CHUNK);
    n.checked_div(passes).map_or(1, |_| n.div_ceil(passes))
}

/// `balanced_width!(n, |C| body)` evaluates `body` with the constant `C`
/// set to [`width`]`(n)`, so the body can name `Dual<T, C>`.
macro_rules! balanced_width {
    ($n:expr, |$c:ident| $body:expr) => {{
        const {
            assert!(
                $crate::chunk::DEFAULT_CHUNK == 12,
                "the arms below are the widths 1..=DEFAULT_CHUNK"
            )
        };
        match_width!($crate::chunk::widths::width($n), |$c| $body;
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11; else 12)
    }};
}

pub(crate) use balanced_width;

/// The largest n a Hessian of the `_of` drivers takes in one pass.
pub(crate) const ONE_PASS_HESSIAN: usize = DEFAULT_CHUNK;

/// The `Dual2` width of the `_of` Hessians for n inputs: n itself (at
/// least 2) up to [`ONE_PASS_HESSIAN`], one pass; beyond, near-equal blocks
/// of at most 5 or at most 6 inputs, whichever computes fewer Hessian
/// entries in all (passes × W(W + 1)/2 at width W, twice the block), and a
/// pass per pair of blocks.
///
/// Why blocks of at most 6 (width ≤ 12), although wider passes would be
/// fewer: a `Dual2<f64, N>` is copied whole (8·(1 + N + N²) bytes) by every
/// operation, and above N = 12 those copies cost more than the extra
/// passes save. Among widths 4 to 24, widths 10 and 12 measured fastest on
/// functions made of products (BENCHMARKS.md, "Run-time Hessians on
/// `Dual2`").
pub(crate) fn second_order_width(n: usize) -> usize {
    if n <= ONE_PASS_HESSIAN {
        return n.max(2);
    }
    let entries = |block: usize| {
        let blocks = n.div_ceil(block);
        let width = 2 * n.div_ceil(blocks);
        (blocks * (blocks - 1) / 2 * width * (width + 1) / 2, width)
    };
    entries(5).min(entries(6)).1
}

/// `hessian_width!(n, |C| body)` evaluates `body` with the constant `C`
/// set to [`second_order_width`]`(n)`, so the body can name `Dual2<T, C>`.
macro_rules! hessian_width {
    ($n:expr, |$c:ident| $body:expr) => {{
        const {
            assert!(
                $crate::chunk::widths::ONE_PASS_HESSIAN == 12,
                "the arms below are the widths 2..=ONE_PASS_HESSIAN"
            )
        };
        match_width!($crate::chunk::widths::second_order_width($n), |$c| $body;
            2, 3, 4, 5, 6, 7, 8, 9, 10, 11; else 12)
    }};
}

pub(crate) use hessian_width;

#[cfg(test)]
mod tests {
    use super::{ONE_PASS_HESSIAN, second_order_width, width};

    #[test]
    fn hessian_widths_hold_one_pass_or_a_pair_of_blocks() {
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
        for (n, w) in cases {
            assert_eq!(second_order_width(n), w, "n = {n}");
        }
        for n in 0..500 {
            let w = second_order_width(n);
            assert!((2..=ONE_PASS_HESSIAN).contains(&w), "n = {n}");
            if n > ONE_PASS_HESSIAN {
                let blocks = n.div_ceil(w / 2);
                assert!(
                    blocks == n.div_ceil(5) || blocks == n.div_ceil(6),
                    "n = {n}: blocks of at most 5 or 6"
                );
            }
        }
    }

    #[test]
    fn widths_balance_the_passes() {
        let cases = [
            (0, 1),
            (1, 1),
            (5, 5),
            (12, 12),
            (13, 7),
            (24, 12),
            (25, 9),
            (100, 12),
        ];
        for (n, w) in cases {
            assert_eq!(width(n), w, "n = {n}");
        }
        for n in 1..500 {
            let w = width(n);
            assert!((1..=12).contains(&w));
            assert_eq!(
                n.div_ceil(w),
                n.div_ceil(12),
                "n = {n}: as few passes as width 12"
            );
        }
    }
}
