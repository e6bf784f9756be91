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

#[cfg(test)]
mod tests {
    use super::width;

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
