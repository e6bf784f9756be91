//! simba's `Field`: `Dual` has the four operations, their `op=` forms and
//! negation, each carrying its derivative rule (`ops.rs`).

use num_traits::Float;
use simba::scalar::Field;

use crate::Dual;

/// Duals form a field for simba's purposes (strictly a ring: ε has no
/// inverse, but division by a dual with a nonzero value is defined).
///
/// ```
/// use dualgrad::Dual;
/// fn halve<F: simba::scalar::Field + From<f64>>(x: F) -> F {
///     x / F::from(2.0)
/// }
/// assert_eq!(halve(Dual::<f64, 1>::variable(3.0, 0)).into_parts(), (1.5, [0.5]));
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "nalgebra")))]
impl<T: Float, const N: usize> Field for Dual<T, N> {}
