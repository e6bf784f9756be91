//! Assertion macros for unit tests.

/// Asserts that `grad` is the gradient of `f` at `x`, panicking with the
/// full report (worst entry first) if not. Options of
/// [`GradCheck`](crate::gradcheck::GradCheck) follow as `name = value`.
///
/// ```
/// use dualgrad::assert_gradient;
/// use dualgrad::gradcheck::Scheme;
/// let f = |x: &[f64]| x[0] * x[1].exp();
/// let grad = |x: &[f64]| vec![x[1].exp(), x[0] * x[1].exp()];
/// assert_gradient!(f, grad, &[2.0, 0.5]);
/// assert_gradient!(f, grad, &[2.0, 0.5], scheme = Scheme::Richardson, rtol = 1e-10);
/// ```
///
/// ```should_panic
/// use dualgrad::assert_gradient;
/// assert_gradient!(|x: &[f64]| x[0] * x[0], |x: &[f64]| vec![x[0]], &[3.0]);
/// ```
#[macro_export]
macro_rules! assert_gradient {
    ($f:expr, $grad:expr, $x:expr $(, $option:ident = $value:expr)* $(,)?) => {
        $crate::__assert_check!(assert_gradient, gradient, $f, $grad, $x $(, $option = $value)*)
    };
}

/// Asserts that `jac` is the Jacobian of `f` at `x` (rows are outputs),
/// panicking with the full report if not. Options as for
/// [`assert_gradient!`].
///
/// ```
/// use dualgrad::assert_jacobian;
/// let f = |x: &[f64]| [x[0] * x[1], x[0] - x[1]];
/// let jac = |x: &[f64]| [[x[1], x[0]], [1.0, -1.0]];
/// assert_jacobian!(f, jac, &[2.0, 3.0], rtol = 1e-8);
/// ```
#[macro_export]
macro_rules! assert_jacobian {
    ($f:expr, $jac:expr, $x:expr $(, $option:ident = $value:expr)* $(,)?) => {
        $crate::__assert_check!(assert_jacobian, jacobian, $f, $jac, $x $(, $option = $value)*)
    };
}

/// The body of [`assert_gradient!`] and [`assert_jacobian!`]: run the check
/// `$method` and panic with the report, naming the macro and its arguments.
#[doc(hidden)]
#[macro_export]
macro_rules! __assert_check {
    ($name:ident, $method:ident, $f:expr, $derivative:expr, $x:expr $(, $option:ident = $value:expr)*) => {
        if let Err(error) = $crate::gradcheck::GradCheck::default()
            $(.$option($value))*
            .$method($f, $derivative, $x)
        {
            panic!(
                "{}!({}, {}, {}) failed: {}",
                stringify!($name),
                stringify!($f),
                stringify!($derivative),
                stringify!($x),
                error
            );
        }
    };
}
