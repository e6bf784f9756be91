//! The [`Dual2`] type: a value, its gradient and its Hessian, carried
//! through a computation together. Constructors, accessors, comparison and
//! printing are here; the second-order chain rule is in `chain.rs`, the
//! operators in `ops.rs`, the elementary functions in `elementary.rs` (the
//! special functions in `special/dual2.rs`) and the trait forwarding in
//! `traits.rs`.

mod chain;
mod elementary;
mod ops;
mod traits;

use core::fmt;

use num_traits::Float;

use super::partials;
use super::tag::Tag;

/// A second-order dual number: a value `a`, its gradient `∇a` (`N`
/// first partial derivatives ∂a/∂xᵢ) and its Hessian `∇²a` (the second
/// partial derivatives ∂²a/∂xᵢ∂xⱼ), stored inline.
///
/// Passing `Dual2`s through a function `f` gives the value, the gradient and
/// the Hessian of `f` in one evaluation, by the second-order chain rule
///
/// ```text
/// ∇g(u)  = g′(u)·∇u
/// ∇²g(u) = g′(u)·∇²u + g″(u)·∇u∇uᵀ
/// ```
///
/// and its two-argument form. The Hessian is symmetric, so every operation
/// computes each pair i ≤ j once: N(N + 1)/2 entries where nested duals
/// `Dual<Dual<T, N>, N>` compute N². The results are those of nested duals
/// (the same semantics at kinks and singular points: see the crate docs),
/// and the value and gradient are bit-identical to [`Dual`](crate::Dual)'s.
///
/// `Dual2` is `Copy`, never allocates, and implements
/// [`num_traits::Float`], so any function written generically over `Float`
/// accepts it; with the `nalgebra` feature it is also a nalgebra
/// `RealField`, so nalgebra's LU, Cholesky and eigen solvers give Hessians.
/// Comparisons (`==`, `<`, `max`, …) look at the value only, as for `Dual`;
/// the `approx` traits compare the value, the gradient and the Hessian
/// (their tolerance is itself a number of this type, as nalgebra requires:
/// `epsilon = Dual2::constant(1e-12)`).
///
/// **Size.** A `Dual2<f64, N>` is 8·(1 + N + N²) bytes on the stack: 2.2 KB
/// at N = 16, 13 KB at N = 40. The [`hessian`](crate::hessian) driver keeps
/// N of them and `f` makes more, one per intermediate; a debug build keeps
/// every intermediate in its own stack slot. Above N ≈ 30, or on a thread
/// with a small stack (test threads have 2 MiB), use
/// [`chunk::hessian`](crate::chunk::hessian), which works in blocks on the
/// heap.
///
/// ```
/// use dualgrad::Dual2;
///
/// // f(x, y) = x²·y at (3, 2): ∇f = (2xy, x²), ∇²f = [[2y, 2x], [2x, 0]].
/// let x = Dual2::<f64, 2>::variable(3.0, 0);
/// let y = Dual2::<f64, 2>::variable(2.0, 1);
/// let f = x * x * y;
/// assert_eq!(f.value(), 18.0);
/// assert_eq!(f.gradient(), &[12.0, 9.0]);
/// assert_eq!(f.hessian(), [[4.0, 6.0], [6.0, 0.0]]);
/// ```
#[derive(Clone, Copy)]
pub struct Dual2<T, const N: usize> {
    value: T,
    gradient: [T; N],
    /// The Hessian's upper triangle: entry (i, j) for i ≤ j. No operation
    /// writes or reads the entries below the diagonal (they hold whatever
    /// an operand had there); [`hessian`](Dual2::hessian) mirrors.
    hessian: [[T; N]; N],
    /// The driver call that seeded the perturbation (debug builds only; a
    /// zero-sized type in release builds). See `number/tag.rs`.
    tag: Tag,
}

impl<T: Float, const N: usize> Dual2<T, N> {
    /// A number with the given value, gradient and Hessian. Only the upper
    /// triangle of `hessian` (entries (i, j) with i ≤ j) is kept: a Hessian
    /// is symmetric, and the entries below the diagonal are ignored.
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// let d = Dual2::new(1.5, [2.0, 3.0], [[4.0, 5.0], [99.0, 6.0]]);
    /// assert_eq!(d.value(), 1.5);
    /// assert_eq!(d.gradient(), &[2.0, 3.0]);
    /// assert_eq!(d.hessian(), [[4.0, 5.0], [5.0, 6.0]]); // 99 ignored
    /// ```
    #[inline(always)]
    #[must_use]
    pub const fn new(value: T, gradient: [T; N], hessian: [[T; N]; N]) -> Self {
        Self {
            value,
            gradient,
            hessian,
            tag: Tag::NONE,
        }
    }

    /// A constant: gradient and Hessian 0.
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// let c = Dual2::<f64, 2>::constant(2.0);
    /// assert_eq!((c.gradient(), c.hessian()), (&[0.0; 2], [[0.0; 2]; 2]));
    /// ```
    #[inline(always)]
    #[must_use]
    pub fn constant(value: T) -> Self {
        Self::new(value, partials::zeros(), [partials::zeros(); N])
    }

    /// The input variable `xᵢ`: value `value`, gradient the unit vector
    /// eᵢ, Hessian 0, so that the gradient and Hessian of every result are
    /// taken with respect to the variables seeded this way.
    ///
    /// # Panics
    ///
    /// If `i >= N`: a `Dual2<T, N>` has slots `0..N` only.
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// let y = Dual2::<f64, 2>::variable(3.0, 1);
    /// assert_eq!(y.gradient(), &[0.0, 1.0]);
    /// assert_eq!(y.hessian(), [[0.0; 2]; 2]);
    /// ```
    #[inline]
    #[must_use]
    #[track_caller]
    pub fn variable(value: T, i: usize) -> Self {
        assert!(
            i < N,
            "Dual2::variable: index {i} is out of range for a Dual2 with N = {N} variables \
             (valid indices are 0..{N}); to seed variable {i}, use Dual2<T, {}> or larger",
            i.saturating_add(1)
        );
        Self::new(value, partials::unit(i), [partials::zeros(); N])
    }

    /// Every input seeded at once: element i is
    /// [`variable`](Self::variable)`(x[i], i)`, as the Hessian drivers seed
    /// them.
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// let [x, y] = Dual2::variables([3.0, 2.0]);
    /// let f = x * x * y;
    /// assert_eq!(f.hessian(), [[4.0, 6.0], [6.0, 0.0]]);
    /// ```
    #[inline]
    #[must_use]
    pub fn variables(x: [T; N]) -> [Self; N] {
        crate::number::seed::seeded_second_order(&x)
    }

    /// The value: what the function returns on plain numbers.
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// assert_eq!(Dual2::<f64, 1>::variable(1.5, 0).value(), 1.5);
    /// ```
    #[inline(always)]
    #[must_use]
    pub const fn value(&self) -> T {
        self.value
    }

    /// The gradient: the `N` first partial derivatives ∂/∂xᵢ.
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// let x = Dual2::<f64, 2>::variable(3.0, 0);
    /// assert_eq!((x * x).gradient(), &[6.0, 0.0]);
    /// ```
    #[inline(always)]
    #[must_use]
    pub const fn gradient(&self) -> &[T; N] {
        &self.gradient
    }

    /// The Hessian: the full symmetric matrix of second partial
    /// derivatives ∂²/∂xᵢ∂xⱼ, mirrored from the upper triangle that is
    /// stored.
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// let x = Dual2::<f64, 2>::variable(3.0, 0);
    /// let y = Dual2::<f64, 2>::variable(2.0, 1);
    /// assert_eq!((x * y).hessian(), [[0.0, 1.0], [1.0, 0.0]]);
    /// ```
    #[inline]
    #[must_use]
    pub fn hessian(&self) -> [[T; N]; N] {
        core::array::from_fn(|i| core::array::from_fn(|j| self.entry(i, j)))
    }

    /// The Hessian entry ∂²/∂xᵢ∂xⱼ, in either order of `i` and `j`.
    ///
    /// # Panics
    ///
    /// If `i >= N` or `j >= N`.
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// let x = Dual2::<f64, 2>::variable(3.0, 0);
    /// let y = Dual2::<f64, 2>::variable(2.0, 1);
    /// let f = x * x * y;
    /// assert_eq!((f.hessian_entry(0, 1), f.hessian_entry(1, 0)), (6.0, 6.0));
    /// ```
    #[inline]
    #[must_use]
    #[track_caller]
    pub fn hessian_entry(&self, i: usize, j: usize) -> T {
        assert!(
            i < N && j < N,
            "Dual2::hessian_entry: index ({i}, {j}) is out of range for a Dual2 with N = {N} \
             variables (valid indices are 0..{N})"
        );
        self.entry(i, j)
    }

    /// The value, the gradient and the full symmetric Hessian, by value.
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// let x = Dual2::<f64, 1>::variable(3.0, 0);
    /// assert_eq!((x * x).into_parts(), (9.0, [6.0], [[2.0]]));
    /// ```
    #[inline]
    #[must_use]
    pub fn into_parts(self) -> (T, [T; N], [[T; N]; N]) {
        (self.value, self.gradient, self.hessian())
    }

    /// `true` when the gradient and the Hessian are zero, i.e. the number
    /// does not depend on any input.
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// assert!(Dual2::<f64, 2>::constant(4.0).is_constant());
    /// assert!(!Dual2::<f64, 2>::variable(4.0, 0).is_constant());
    /// ```
    #[inline]
    #[must_use]
    pub fn is_constant(&self) -> bool {
        self.gradient.iter().all(|g| g.is_zero()) && (0..N).all(|i| self.row_is_zero(i))
    }

    /// Entry (i, j) of the stored upper triangle, in either order.
    #[inline(always)]
    fn entry(&self, i: usize, j: usize) -> T {
        if i <= j {
            self.hessian[i][j]
        } else {
            self.hessian[j][i]
        }
    }

    /// Row `i` of the (symmetric) Hessian is zero.
    #[inline]
    fn row_is_zero(&self, i: usize) -> bool {
        (0..N).all(|k| self.entry(i, k).is_zero())
    }

    /// This number's perturbation tag.
    #[inline(always)]
    #[cfg(all(test, any(debug_assertions, feature = "tags")))]
    pub(crate) fn tag(&self) -> Tag {
        self.tag
    }

    /// This number with the perturbation tag `tag`.
    #[inline(always)]
    pub(crate) fn tagged(self, tag: Tag) -> Self {
        Self { tag, ..self }
    }
}

constant_conversions!(Dual2);
value_comparisons!(Dual2);

/// `Dual2 { value: …, gradient: […], hessian: [[…], …] }` with the full
/// symmetric Hessian (the debug-build perturbation tag is not shown).
///
/// ```
/// use dualgrad::Dual2;
/// let d = Dual2::new(1.5, [2.0], [[3.0]]);
/// assert_eq!(
///     format!("{d:?}"),
///     "Dual2 { value: 1.5, gradient: [2.0], hessian: [[3.0]] }"
/// );
/// ```
impl<T: Float + fmt::Debug, const N: usize> fmt::Debug for Dual2<T, N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Dual2")
            .field("value", &self.value)
            .field("gradient", &self.gradient)
            .field("hessian", &self.hessian())
            .finish()
    }
}

impl<T: Float + fmt::Display, const N: usize> fmt::Display for Dual2<T, N> {
    /// Prints `a + [g₀, g₁, …]ε + ½[[h₀₀, h₀₁, …], …]ε²` (the Taylor
    /// expansion a + ∇a·ε + ½εᵀ∇²a ε), honouring a precision such as `{:.3}`.
    ///
    /// ```
    /// use dualgrad::Dual2;
    /// let x = Dual2::<f64, 2>::variable(3.0, 0);
    /// let y = Dual2::<f64, 2>::variable(2.0, 1);
    /// assert_eq!((x * y).to_string(), "6 + [2, 3]ε + ½[[0, 1], [1, 0]]ε²");
    /// assert_eq!(format!("{:.1}", x), "3.0 + [1.0, 0.0]ε + ½[[0.0, 0.0], [0.0, 0.0]]ε²");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.value, f)?;
        f.write_str(" + ")?;
        write_list(f, &self.gradient)?;
        f.write_str("ε + ½[")?;
        for i in 0..N {
            if i > 0 {
                f.write_str(", ")?;
            }
            let row: [T; N] = core::array::from_fn(|j| self.entry(i, j));
            write_list(f, &row)?;
        }
        f.write_str("]ε²")
    }
}

/// `[x₀, x₁, …]` with each entry in the formatter's precision.
fn write_list<T: fmt::Display>(f: &mut fmt::Formatter<'_>, items: &[T]) -> fmt::Result {
    f.write_str("[")?;
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        fmt::Display::fmt(x, f)?;
    }
    f.write_str("]")
}

/// The first column the kernels compute in row `i` of the stored triangle:
/// `i` rounded down to even, so that in every row the entries pair up as
/// (j, j + 1) with j even, as the gradient's do, and a two-lane SIMD loop
/// needs no shuffles (Rosenbrock Hessian, N = 16: 11.2 → 10.6 µs in a
/// separate binary).
/// The extra entry (i, i − 1) of an odd row is below the diagonal, where
/// nothing reads.
#[inline(always)]
pub(crate) const fn row_start(i: usize) -> usize {
    i & !1
}

impl<T: Float, const N: usize> Dual2<T, N> {
    /// This number with another value, the same gradient and Hessian (for
    /// the operators with a plain number and `mul_add`, whose value has one
    /// rounding).
    #[inline(always)]
    fn with_value(self, value: T) -> Self {
        Self { value, ..self }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparisons_ignore_gradient_and_hessian() {
        let a = Dual2::new(1.0, [5.0], [[1.0]]);
        let b = Dual2::new(1.0, [-5.0], [[2.0]]);
        assert_eq!(a, b);
        assert!(a == 1.0 && a < 2.0 && a > 0.0);
        assert!(1.0 == a && 2.0 > a && 0.0 < a && 1.0 <= a);
        let f = Dual2::<f32, 1>::variable(1.5, 0);
        assert!(1.5_f32 == f && 2.0_f32 > f);
    }

    #[test]
    #[should_panic(expected = "index 2 is out of range for a Dual2 with N = 2")]
    fn variable_out_of_range_names_the_fix() {
        let _ = Dual2::<f64, 2>::variable(1.0, 2);
    }

    #[test]
    #[should_panic(expected = "index (0, 3) is out of range")]
    fn hessian_entry_out_of_range_panics_with_the_index() {
        let _ = Dual2::<f64, 3>::variable(1.0, 0).hessian_entry(0, 3);
    }

    #[test]
    #[cfg(any(debug_assertions, feature = "tags"))]
    fn every_kind_of_operation_carries_the_tag() {
        let tag = Tag::fresh();
        let x = Dual2::<f64, 2>::variable(0.5, 0).tagged(tag);
        let c = Dual2::<f64, 2>::constant(2.0);
        let results = [
            x + c,
            c * x,
            x / c,
            c % x,
            x * 3.0,
            2.0 - x,
            -x,
            x.sin(),
            x.sqrt(),
            x.powi(-2),
            x.powf(c),
            c.powf(x),
            x.atan2(c),
            x.hypot(c),
            x.log(c),
            x.max(c * 0.25),
            x.abs_sub(c),
            x.copysign(c),
            x.mul_add(c, c),
            x.sin_cos().1,
            x.fract(),
        ];
        for (k, y) in results.iter().enumerate() {
            assert_eq!(y.tag(), tag, "result {k}");
        }
        assert_eq!(x.floor().tag(), Tag::NONE); // a constant, as for `Dual`
    }

    #[test]
    #[cfg(any(debug_assertions, feature = "tags"))]
    #[should_panic(expected = "perturbation confusion")]
    fn operands_of_two_driver_calls_panic_in_debug_builds() {
        let (x, y) = variables_of_two_calls();
        let _ = x * y;
    }

    #[test]
    #[cfg(any(debug_assertions, feature = "tags"))]
    #[should_panic(expected = "perturbation confusion")]
    fn singular_two_argument_functions_check_the_tags_too() {
        let (x, y) = variables_of_two_calls();
        let _ = x.powf(y);
    }

    /// Two variables as two driver calls would seed them: different tags.
    #[cfg(any(debug_assertions, feature = "tags"))]
    fn variables_of_two_calls() -> (Dual2<f64, 1>, Dual2<f64, 1>) {
        let x = Dual2::variable(1.0, 0).tagged(Tag::fresh());
        (x, Dual2::variable(2.0, 0).tagged(Tag::fresh()))
    }

    #[test]
    fn lower_triangle_of_new_is_ignored() {
        let d = Dual2::new(0.0, [0.0; 2], [[1.0, 2.0], [7.0, 3.0]]);
        assert_eq!(d.hessian(), [[1.0, 2.0], [2.0, 3.0]]);
        assert_eq!(d.hessian_entry(1, 0), 2.0);
        let only_lower = Dual2::new(0.0, [0.0; 2], [[0.0, 0.0], [7.0, 0.0]]);
        assert!(only_lower.is_constant());
    }
}
