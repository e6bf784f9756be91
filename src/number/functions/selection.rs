//! The selection of `max`, `min`, `clamp` and `abs_sub`, written once for
//! every number type: which argument the result is, or whether the
//! arguments tie. Each type then returns that argument, or at a tie its
//! own average of both (`Dual`: the mean of the slopes; `Dual2`: the
//! `Dual` rule nested; `sparse::Tracer`: the union of the sets).
//!
//! NaN arguments are ignored by `max` and `min`, as in `f64::max`; `clamp`
//! returns a NaN x as is and never panics (with min > max it returns min
//! for x < min and max otherwise).

use num_traits::Float;

/// Which argument of a two-argument selection is the result.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Pick {
    /// `self`.
    First,
    /// The other argument.
    Second,
    /// Equal values (neither is NaN): both count.
    Tie,
}

/// The larger of `a` and `b`; a NaN is ignored.
#[inline(always)]
pub(crate) fn pick_max<T: Float>(a: T, b: T) -> Pick {
    if a > b || b.is_nan() {
        Pick::First
    } else if b > a || a.is_nan() {
        Pick::Second
    } else {
        Pick::Tie
    }
}

/// The smaller of `a` and `b`; a NaN is ignored.
#[inline(always)]
pub(crate) fn pick_min<T: Float>(a: T, b: T) -> Pick {
    if a < b || b.is_nan() {
        Pick::First
    } else if b < a || a.is_nan() {
        Pick::Second
    } else {
        Pick::Tie
    }
}

/// Which argument `x.clamp(min, max)` is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum ClampPick {
    /// x < min: `min`.
    Min,
    /// x > max: `max`.
    Max,
    /// x = min: a tie of x and `min`.
    TieMin,
    /// x = max (and not min): a tie of x and `max`.
    TieMax,
    /// min < x < max, or x is NaN: x.
    Inside,
}

/// The argument `x.clamp(min, max)` takes at these values.
#[inline(always)]
pub(crate) fn pick_clamp<T: Float>(x: T, min: T, max: T) -> ClampPick {
    if x < min {
        ClampPick::Min
    } else if x > max {
        ClampPick::Max
    } else if x == min {
        ClampPick::TieMin
    } else if x == max {
        ClampPick::TieMax
    } else {
        ClampPick::Inside
    }
}

/// How `abs_sub(a, b)` = max(a − b, 0) depends on its arguments.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum AbsSubPick {
    /// a > b: a − b, slopes 1 and −1.
    Difference,
    /// a < b: the constant 0.
    Zero,
    /// a = b: half of each, the midpoint of the one-sided slopes.
    Tie,
    /// a or b NaN: NaN slopes, depending on both.
    Unordered,
}

/// Which branch `abs_sub(a, b)` is on.
#[inline(always)]
pub(crate) fn pick_abs_sub<T: Float>(a: T, b: T) -> AbsSubPick {
    if a > b {
        AbsSubPick::Difference
    } else if a < b {
        AbsSubPick::Zero
    } else if a == b {
        AbsSubPick::Tie
    } else {
        AbsSubPick::Unordered
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_and_min_ignore_nan_and_report_ties() {
        assert_eq!(pick_max(2.0, 1.0), Pick::First);
        assert_eq!(pick_max(1.0, f64::NAN), Pick::First);
        assert_eq!(pick_max(f64::NAN, 1.0), Pick::Second);
        assert_eq!(pick_max(1.0, 1.0), Pick::Tie);
        assert_eq!(pick_min(2.0, 1.0), Pick::Second);
        assert_eq!(pick_min(f64::NAN, f64::NAN), Pick::First);
        assert_eq!(pick_min(-0.0, 0.0), Pick::Tie);
    }

    #[test]
    fn clamp_picks_a_bound_or_x_and_never_panics() {
        assert_eq!(pick_clamp(-1.0, 0.0, 1.0), ClampPick::Min);
        assert_eq!(pick_clamp(2.0, 0.0, 1.0), ClampPick::Max);
        assert_eq!(pick_clamp(0.0, 0.0, 1.0), ClampPick::TieMin);
        assert_eq!(pick_clamp(1.0, 0.0, 1.0), ClampPick::TieMax);
        assert_eq!(pick_clamp(0.5, 0.0, 1.0), ClampPick::Inside);
        assert_eq!(pick_clamp(f64::NAN, 0.0, 1.0), ClampPick::Inside);
        assert_eq!(pick_clamp(0.5, 1.0, 0.0), ClampPick::Min);
    }

    #[test]
    fn abs_sub_branches_follow_the_order_of_the_arguments() {
        assert_eq!(pick_abs_sub(3.0, 1.0), AbsSubPick::Difference);
        assert_eq!(pick_abs_sub(1.0, 3.0), AbsSubPick::Zero);
        assert_eq!(pick_abs_sub(1.0, 1.0), AbsSubPick::Tie);
        assert_eq!(pick_abs_sub(f64::NAN, 1.0), AbsSubPick::Unordered);
    }
}
