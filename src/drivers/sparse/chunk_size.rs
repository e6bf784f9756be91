//! The chunk size of a compressed evaluation, chosen from the colour count
//! at run time among a few compiled sizes.

use crate::drivers::passes::balanced_chunk_size;

/// The compiled chunk sizes: one copy of f per size a call can pick.
pub(crate) const CHUNK_SIZES: [usize; 8] = [1, 2, 3, 4, 6, 8, 12, 16];

/// The largest compiled chunk size.
pub(crate) const MAX_CHUNK_SIZE: usize = 16;

/// The chunk size of the first-order passes for `colors` colours:
/// ⌈colors / 16⌉ passes, each of the smallest compiled size holding its
/// share of the colours (3 colours: one pass of 3; 20: two of 12, 10
/// colours each). 1 for no colours.
pub(crate) fn first_order(colors: usize) -> usize {
    fitting(balanced_chunk_size(colors, MAX_CHUNK_SIZE))
}

/// The chunk size of the second-order passes: the smallest compiled size
/// holding every colour (one pass), or [`MAX_CHUNK_SIZE`] for more colours
/// (passes over pairs of chunks of 8).
pub(crate) fn second_order(colors: usize) -> usize {
    fitting(colors)
}

/// The smallest compiled chunk size ≥ `directions`, at most
/// [`MAX_CHUNK_SIZE`].
fn fitting(directions: usize) -> usize {
    CHUNK_SIZES
        .into_iter()
        .find(|&size| size >= directions)
        .unwrap_or(MAX_CHUNK_SIZE)
}

/// `compiled_chunk_size!(size, |C| body)` evaluates `body` with the
/// constant `C` set to `size`, one of [`CHUNK_SIZES`] (anything else is the
/// largest).
macro_rules! compiled_chunk_size {
    ($size:expr, |$c:ident| $body:expr) => {{
        const {
            assert!(
                $crate::sparse::chunk_size::MAX_CHUNK_SIZE == 16,
                "the arms below are the CHUNK_SIZES"
            )
        };
        match_chunk_size!($size, |$c| $body; 1, 2, 3, 4, 6, 8, 12; else 16)
    }};
}

pub(crate) use compiled_chunk_size;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunk_sizes_hold_the_colors_in_as_few_passes_as_16() {
        assert_eq!(first_order(0), 1);
        assert_eq!(first_order(3), 3);
        assert_eq!(first_order(5), 6);
        assert_eq!(first_order(16), 16);
        assert_eq!(first_order(20), 12);
        assert_eq!(second_order(20), 16);
        for colors in 1..200 {
            let size = first_order(colors);
            assert!(CHUNK_SIZES.contains(&size));
            assert_eq!(
                colors.div_ceil(size),
                colors.div_ceil(MAX_CHUNK_SIZE),
                "{colors} colours"
            );
        }
    }
}
