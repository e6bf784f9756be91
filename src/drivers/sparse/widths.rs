//! The dual width of a compressed evaluation, chosen from the colour count
//! at run time among a few compiled widths.

/// The compiled widths: one copy of f per width a call can pick.
pub(crate) const WIDTHS: [usize; 8] = [1, 2, 3, 4, 6, 8, 12, 16];

/// The largest compiled width.
pub(crate) const MAX_WIDTH: usize = 16;

/// The width of the first-order passes for `colors` colours: ⌈colors / 16⌉
/// passes, each of the smallest compiled width holding its share of the
/// colours (3 colours: one pass of width 3; 20: two of width 12, 10 colours
/// each). 1 for no colours.
pub(crate) fn first_order(colors: usize) -> usize {
    let passes = colors.div_ceil(MAX_WIDTH).max(1);
    fitting(colors.div_ceil(passes))
}

/// The width of the second-order passes: the smallest compiled width
/// holding every colour (one pass), or [`MAX_WIDTH`] for more colours
/// (passes over pairs of blocks of 8).
pub(crate) fn second_order(colors: usize) -> usize {
    fitting(colors)
}

/// The smallest compiled width ≥ `directions`, at most [`MAX_WIDTH`].
fn fitting(directions: usize) -> usize {
    WIDTHS
        .into_iter()
        .find(|&w| w >= directions)
        .unwrap_or(MAX_WIDTH)
}

/// `compiled_width!(width, |C| body)` evaluates `body` with the constant `C`
/// set to `width`, one of [`WIDTHS`] (anything else is the largest).
macro_rules! compiled_width {
    ($width:expr, |$c:ident| $body:expr) => {{
        const {
            assert!(
                $crate::sparse::widths::MAX_WIDTH == 16,
                "the arms below are the WIDTHS"
            )
        };
        match_width!($width, |$c| $body; 1, 2, 3, 4, 6, 8, 12; else 16)
    }};
}

pub(crate) use compiled_width;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_hold_the_colors_in_as_few_passes_as_width_16() {
        assert_eq!(first_order(0), 1);
        assert_eq!(first_order(3), 3);
        assert_eq!(first_order(5), 6);
        assert_eq!(first_order(16), 16);
        assert_eq!(first_order(20), 12);
        assert_eq!(second_order(20), 16);
        for colors in 1..200 {
            let w = first_order(colors);
            assert!(WIDTHS.contains(&w));
            assert_eq!(
                colors.div_ceil(w),
                colors.div_ceil(MAX_WIDTH),
                "{colors} colours"
            );
        }
    }
}
