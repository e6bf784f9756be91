//! Forward-mode automatic differentiation with dual numbers.
//!
//! Write a function once, generically over [`Real`] (or plain
//! [`num_traits::Float`]), and get its exact derivative, gradient, Jacobian
//! or Hessian: no symbolic algebra, no finite-difference step to tune, no
//! tape.
//!
//! # Quick start
//!
//! ```
//! use dualgrad::{Real, gradient, hessian, jacobian};
//!
//! // Rosenbrock's function, written once for every number type.
//! fn rosenbrock<S: Real>(x: &[S]) -> S {
//!     let (one, hundred) = (S::one(), S::from(100.0).unwrap());
//!     (one - x[0]).powi(2) + hundred * (x[1] - x[0] * x[0]).powi(2)
//! }
//!
//! let g = gradient(rosenbrock, [1.0, 1.0]);
//! assert_eq!(g, [0.0, 0.0]); // the minimum
//!
//! let h = hessian(rosenbrock, [1.0, 1.0]);
//! assert_eq!(h, [[802.0, -400.0], [-400.0, 200.0]]);
//!
//! // A map ℝ² → ℝ²: row i of the Jacobian is the gradient of output i.
//! let j = jacobian(|x| [x[0] * x[1], x[0] + x[1]], [3.0, 4.0]);
//! assert_eq!(j, [[4.0, 3.0], [1.0, 1.0]]);
//! ```
//!
//! # Modules and features
//!
//! | module | for |
//! |---|---|
//! | the crate root | [`Real`], the trait of every number type; [`Dual`] and the second-order [`Dual2`]; the drivers on arrays ([`gradient`], [`jacobian`], [`hessian`], …); [`ScalarFn`] and [`VectorFn`]; [`DimensionError`] |
//! | [`chunk`] | the drivers on slices of run-time length, with reusable configs |
//! | `linalg` | the drivers on nalgebra's `SVector`, and `linalg::dynamic` on `DVector` (feature `nalgebra`) |
//! | `argmin` | argmin's `CostFunction`, `Gradient`, `Hessian`, `Operator` and `Jacobian` for a `ScalarFn` or `VectorFn` (feature `argmin`) |
//! | `sparse` | sparse Jacobians (detection, colouring, compressed evaluation, CSR) and gradients and Hessians of sums of elements (feature `sparse`) |
//! | [`gradcheck`] | checking a gradient, Jacobian or Hessian, yours or ours, against finite differences, with a report that names the wrong entry |
//! | `special` | [`SpecialFloat`](special::SpecialFloat): erf, erfc, erf⁻¹, Γ, ln\|Γ\|, ψ, ψ₁, ψₙ, β, ln β, the regularised incomplete gamma P and Q, Bessel J₀, J₁, Jₙ, Y₀, Y₁, Yₙ with exact derivatives, for f32, f64, `Dual`, `Dual2` and the sparsity tracer (feature `special`) |
//!
//! | feature | default | adds |
//! |---|---|---|
//! | `nalgebra` | yes | `Dual` and `Dual2` as nalgebra `RealField`s and `ComplexField`s (simba), and the `linalg` drivers |
//! | `special` | yes | the `special` module: values from libm, special and statrs, derivative rules and the accuracy table |
//! | `approx` | yes | approx's `AbsDiffEq`, `RelativeEq` and `UlpsEq` on `Dual` (value and partials) and `Dual2` (value, gradient and Hessian) |
//! | `serde` | no | `Serialize`/`Deserialize` for `Dual`, `Dual2`, the gradient checker's reports and `DimensionError` |
//! | `rayon` | no | `chunk::par_gradient` and `chunk::par_jacobian`: the passes on rayon's pool |
//! | `sparse` | no | `sparse`: sparsity detection by a tracer number, column colouring, compressed sparse Jacobians as nalgebra-sparse 0.12 `CsrMatrix`, gradients and Hessians of partially separable sums |
//! | `argmin` | no | `argmin::ScalarProblem` and `argmin::VectorProblem`: exact derivatives for argmin 0.11's solvers, `Vec<f64>` parameters |
//! | `tags` | no | the perturbation-confusion check of debug builds in release builds too (see [Nesting and perturbation confusion](#nesting-and-perturbation-confusion)) |
//!
//! # Choosing a driver
//!
//! Four families offer the same derivatives, for four ways of holding the
//! input. Pick the one your function is written for:
//!
//! | your input | family | partials per pass | results |
//! |---|---|---|---|
//! | `[T; N]`, N known at compile time | the crate root: [`gradient`], [`jacobian`], [`hessian`], … | N, one evaluation | arrays; never allocate |
//! | `&[T]` of run-time length | [`chunk`] | C ≤ 12 per pass, ⌈n / C⌉ passes | `Vec`s, or your buffers with a config (no allocation on repeat) |
//! | nalgebra `SVector<T, N>` | `linalg` (feature `nalgebra`) | N, one evaluation | `SVector`/`SMatrix` |
//! | nalgebra `DVector<T>` | `linalg::dynamic` (feature `nalgebra`) | as `chunk`, same configs | `DVector`/`DMatrix` |
//!
//! Every family has `gradient`, `value_and_gradient`, `jacobian`,
//! `value_and_jacobian`, `hessian`, `value_gradient_hessian`,
//! `hessian_vector_product`, `directional_derivative`,
//! `jacobian_vector_product` and `vector_derivative` (f: ℝ → ℝᵐ); the crate
//! root also has [`derivative`], [`second_derivative`] and
//! [`value_derivative_second_derivative`] for f: ℝ → ℝ. Run-time families
//! add `_with` forms that take a config and output buffers, and return a
//! [`DimensionError`] for lengths that do not fit. A function written once for every number type ([`ScalarFn`],
//! [`VectorFn`]) can be differentiated at several chunk sizes and on `f64`:
//! see [`chunk::gradient_of`], [`chunk::jacobian_of`] and
//! [`chunk::hessian_of`]. Underneath are the [`Dual`] and [`Dual2`] types,
//! which can be used directly ([`Dual::variables`] seeds every input).
//!
//! # Writing functions dualgrad can differentiate
//!
//! **Write the function generically over [`Real`].** A dual number is a
//! different type from `f64`, so a function written for `f64` cannot take
//! one. Passing `fn f(x: &[f64]) -> f64` to [`gradient`] fails with
//!
//! ```text
//! error[E0631]: type mismatch in function arguments
//!    = note: expected function signature `for<'a> fn(&'a [Dual<_, _>]) -> _`
//!               found function signature `fn(&[f64]) -> _`
//! ```
//!
//! and `fn g(x: f64) -> f64` passed to [`derivative`] with
//! ``expected function signature `fn(Dual<_, 1>) -> _` found function
//! signature `fn(f64) -> _` ``. Write `fn f<S: Real>(x: &[S]) -> S`
//! instead: the same code then runs on `f64`, `f32` and on every number type
//! of the crate, and goes to every driver. [`Real`] is [`num_traits::Float`]
//! plus the special functions (feature `special`), [`Real::logistic`],
//! [`Real::softplus`] and [`Real::chain_rule`] for rules of your own; a
//! function written over plain `Float` works too, wherever it does not need
//! those.
//!
//! **Literals come from `S::from`.** Inside a generic function `2.0 * x` is
//! ``error[E0277]: cannot multiply `{float}` by `S` ``, because `2.0` is an
//! `f64` and `S` may not be. Write `S::from(2.0).unwrap()` (once per
//! constant, outside loops), or `S::one() + S::one()`; for π write
//! `S::from(std::f64::consts::PI).unwrap()` (`FloatConst` is not part of
//! `Float`). On a concrete number type (`Dual`, `Dual2`, or the nested
//! `Dual<Dual<f64, M>, N>` that the Hessian-vector products pass to a
//! closure), `2.0 * x`, `x + 1.0` and `2.0 == x` do work.
//!
//! **Comparisons and branches** look at the value only (`x < y`, `max`,
//! `abs`), so `if x > S::zero() { … }` takes the same branch as on `f64`,
//! and the derivative is that of the branch taken.
//!
//! **Generic functions, not closures, when you need several number
//! types.** A closure has one argument type. The same closure cannot give
//! both a gradient and a Hessian (the Hessian's number is [`Dual2`]):
//!
//! ```text
//! error[E0631]: type mismatch in closure arguments
//!    = note: expected closure signature `for<'a> fn(&'a [Dual2<_, _>]) -> _`
//!               found closure signature `fn(&[Dual<f64, 2>]) -> _`
//! ```
//!
//! Write a named generic `fn` and pass it by name to each driver. When the
//! function needs data (observations, constants), put the data in a struct
//! and implement [`ScalarFn`] or [`VectorFn`] for it; [`scalar_fn!`] and
//! [`vector_fn!`] wrap a plain generic `fn`. Drivers such as
//! [`chunk::gradient_of`] and the gradient checker take these.
//!
//! **Linear algebra:** for code on nalgebra matrices, write the function
//! generically over `nalgebra::RealField + Copy` instead of `Float`; `Dual`
//! and `Dual2` implement both (feature `nalgebra`), so nalgebra's
//! decompositions carry derivatives (and Hessians, on `Dual2`). See the `linalg` module.
//!
//! **Second derivatives** come from [`Dual2`], a number carrying the value,
//! the gradient and the Hessian (each pair i ≤ j computed once), which
//! every Hessian driver uses: the array and `SVector` drivers in one pass,
//! the run-time ones (`chunk`, `linalg::dynamic`, the argmin adapter) in
//! one pass per pair of chunks of inputs. **Nesting** gives the same and more:
//! `Dual<Dual<f64, N>, N>` is a dual number whose parts are dual numbers,
//! the inner partials the gradient and the outer partials of the inner
//! partials the Hessian; nest further for third derivatives.
//!
//! ```
//! use dualgrad::derivative;
//! use num_traits::Float;
//!
//! fn f<S: Float>(x: S) -> S {
//!     x.powi(4)
//! }
//! // f″ and f‴ by nesting the one-variable driver: 12x² and 24x.
//! let second = |x: f64| derivative(|y| derivative(f, y), x);
//! let third = |x: f64| derivative(|z| derivative(|y| derivative(f, y), z), x);
//! assert_eq!((second(2.0), third(2.0)), (48.0, 48.0));
//! ```
//!
//! **Special functions** (erf, Γ, ψ, β, the incomplete gamma and Bessel
//! functions) come with the `special` feature: `special::SpecialFloat`,
//! which [`Real`] includes.
//!
//! **Your own elementary functions** (a spline, a lookup table with a known
//! slope, a function from another crate): give its value and derivatives
//! at the plain number to [`Real::chain_rule`], once, and it is right on
//! every type and every order: `f64` reads the value, [`Dual`] the first
//! derivative, [`Dual2`] and nested duals the second, and the sparsity
//! tracer keeps the argument's dependencies.
//!
//! ```
//! use dualgrad::{Real, gradient, hessian};
//! use num_traits::Float; // the primitive float's methods (exp, ln_1p, …)
//!
//! /// softplus(x) = ln(1 + eˣ): g′ = σ(x), g″ = σ(x)·(1 − σ(x)).
//! fn softplus<S: Real>(x: S) -> S {
//!     let a = x.primitive(); // f64 or f32, every perturbation dropped
//!     let one: S::Primitive = num_traits::one();
//!     let sigma = one / (one + (-a).exp());
//!     x.chain_rule(&[a.exp().ln_1p(), sigma, sigma * (one - sigma)])
//! }
//!
//! fn loss<S: Real>(w: &[S]) -> S {
//!     softplus(w[0] * w[1]) + softplus(-w[1])
//! }
//!
//! let g = gradient(loss, [0.5, 2.0]);
//! let h = hessian(loss, [0.5, 2.0]);
//! let s = |t: f64| 1.0 / (1.0 + (-t).exp());
//! assert!((g[0] - s(1.0) * 2.0).abs() < 1e-15);
//! assert!((h[0][0] - s(1.0) * (1.0 - s(1.0)) * 4.0).abs() < 1e-15);
//! ```
//!
//! (The crate's own [`Real::softplus`] is this rule in a form that neither
//! overflows nor loses digits, to any order.)
//!
//! # Nesting and perturbation confusion
//!
//! A derivative inside a derivative must keep the two perturbations apart.
//! This is wrong, and in a debug build it panics (`tests/it/perturbation.rs`
//! checks that it does):
//!
//! ```no_run
//! use dualgrad::{derivative, Dual};
//! // d/dx [ x · d/dy (x + y) ] at x = 1 is 1.
//! let wrong = derivative(|x| x * Dual::constant(derivative(|y| x + y, 1.0)), 1.0);
//! ```
//!
//! The inner `derivative` is called at `f64`, so its `y` is a
//! `Dual<f64, 1>`: the same type as the captured outer `x`, and `x + y`
//! would add the outer perturbation to the inner one, giving 2. The panic
//! says so: `dualgrad: perturbation confusion: dual numbers seeded by two
//! different derivative calls … were combined at the same type`, and shows
//! the fix, which is to differentiate the inner function at the outer dual
//! type, so that the perturbations have different types:
//!
//! ```
//! use dualgrad::{derivative, Dual};
//! let right = derivative(
//!     |x: Dual<f64, 1>| {
//!         x * derivative(|y: Dual<Dual<f64, 1>, 1>| Dual::constant(x) + y, Dual::constant(1.0))
//!     },
//!     1.0,
//! );
//! assert_eq!(right, 1.0);
//! ```
//!
//! How it is caught: in debug builds (`debug_assertions`, on for
//! `cargo test` and `cargo build`) each driver call tags the inputs it
//! seeds, every operation carries the tag on, and an operation on duals of
//! two different calls panics. Constants and duals you build yourself with
//! [`Dual::new`] or [`Dual::variable`] carry no tag and mix with anything.
//! Release builds carry no tag: `Dual` has the same size and runs the same
//! code as without the check. So run your
//! tests in a debug build: `cargo test` catches the mistake. To keep the
//! check in release builds too (so that the confused form fails in
//! production rather than giving a wrong number), enable the `tags`
//! feature; its cost is in the crate's BENCHMARKS.md. Nesting that
//! is typed (as above, or a generic function passed by name to nested
//! drivers, or [`hessian`]) never trips it.
//!
//! # How it works
//!
//! A dual number `a + Σᵢ bᵢεᵢ` carries a value `a` and `N` partials `bᵢ`,
//! with the algebra `εᵢεⱼ = 0`. Taylor's theorem then makes every smooth
//! function exact on it:
//!
//! ```text
//! f(a + Σᵢ bᵢεᵢ) = f(a) + f′(a)·Σᵢ bᵢεᵢ
//! ```
//!
//! so each operation applies the chain rule to the partials it receives, and
//! sums and products apply the sum and product rules:
//!
//! ```text
//! (a + b·ε) + (c + d·ε) = (a + c) + (b + d)·ε
//! (a + b·ε) · (c + d·ε) = ac + (ad + bc)·ε
//! ```
//!
//! Seeding input `xᵢ` as `xᵢ + εᵢ` ([`Dual::variable`]) makes partial `i` of
//! the output `∂f/∂xᵢ`: the whole gradient in one evaluation of `f`. Because
//! `Dual<T, N>` only asks `T: Float`, and is itself `Float`, nesting
//! `Dual<Dual<f64, N>, N>` carries second derivatives; [`Dual2`] carries
//! them with the Hessian's symmetry, for [`hessian`]. The
//! value part of every result is computed exactly as on plain `T`, so it is
//! bit-identical to evaluating `f` on `f64`.
//!
//! ```
//! use dualgrad::Dual;
//! // d/dx (x² sin x) at x = 1, by hand: 2x sin x + x² cos x.
//! let x = Dual::<f64, 1>::variable(1.0, 0);
//! let y = x * x * x.sin();
//! assert!((y.partial(0) - (2.0 * 1.0_f64.sin() + 1.0_f64.cos())).abs() < 1e-15);
//! ```
//!
//! # Semantics at non-differentiable and singular points
//!
//! Dual numbers differentiate the code as written, one operation at a time.
//! Where an operation has no derivative, `dualgrad` reports a finite,
//! documented slope and never panics:
//!
//! | operation | slope reported |
//! |---|---|
//! | a singular function of a **constant** (all partials 0): `sqrt`, `cbrt`, `ln`, `log2`, `log10`, `ln_1p`, `log`, `recip`, `/`, `%`, `powf`, `powi` with n < 0, `asin`, `acos`, `atanh`, `acosh`, `atan2`, `hypot` | 0, even where f′ is ±∞ or NaN: `sqrt`, `cbrt`, `ln`, `recip`, `powf(·, 0.5)` of a constant 0 and `1 / 0` give 0 partials, not NaN (`0·∞` never leaks) |
//! | an **infinite or NaN value or coefficient** in `+`, `−`, `·`, `mul_add`, or a smooth function (`exp`, `exp2`, `sinh`, `cosh`, `tan`, `tanh`, `sin`, …) | IEEE arithmetic on each partial: `∞·0 = NaN`, so `exp` of a constant 800 (= ∞) has NaN partials, and `Dual::constant(∞) * x` has NaN partials in the directions `x` does not depend on |
//! | `sqrt` of a variable at 0 | +∞ in the seeded direction, 0 in the others |
//! | second derivatives of `sqrt` (and `cbrt`, `ln`, …) of a variable at its singular point | NaN or ±∞: `hessian` of √x at 0 is `[[NaN]]` (−¼x^(−3/2) is −∞, multiplied by a zero Hessian entry); the mixed entries of √x·y at x = 0 are NaN (nested duals by hand can give ∞ one way and NaN the other) |
//! | `floor`, `ceil`, `round`, `trunc`, `signum` | 0 (piecewise constant) |
//! | `fract` | 1 |
//! | `a % b` | ∂/∂a = 1, ∂/∂b = −trunc(a/b) |
//! | `abs` at ±0, `copysign` at x = ±0 | 0, the midpoint of the one-sided slopes |
//! | `max`, `min`, `clamp` at a tie | the average of the tied arguments' slopes |
//! | `atan2(y, x)` on an axis | the exact finite slopes x/(x² + y²), −y/(x² + y²) |
//! | `atan2` and `hypot` at the origin | 0 |
//! | `powf(x, n)` with x < 0 and a constant integer-valued n | the `powi` rule: (−2)² = 4 with slope −4 |
//! | `powi(0, 0)`, `powf(x, 0)` | value 1, slope 0 |
//! | `powf(0, n)` with n > 0 | ∂/∂n = 0 |
//! | `powf(x, n)` with x < 0 and a non-constant n | ∂/∂x by the `powi` rule; ∂/∂n is NaN (xⁿ is not real for nearby n) |
//! | `log(x, b)` with b = ±0 or ∞ | value ∓0 (as f64), slopes 0, second derivatives 0 |
//! | the special functions at their poles (Γ, ln Γ, ψ, ψₙ at 0 and the negative integers, Y at 0, erf⁻¹ at ±1; feature `special`) | a constant keeps 0 partials; values as the float function gives them (see the `special` module) |
//! | `gamma_p(a, x)`, `gamma_q(a, x)` with a variable shape a | ∂/∂a is NaN (not provided); 0 for a constant a |
//! | any kink under nesting (`abs`, `copysign`, ties of `max`/`min`/`clamp`) | the same slope at every level: `value_gradient_hessian`'s gradient equals `gradient`'s |
//!
//! [`Dual2`] follows every row at second order as nested duals do (its
//! rules are the `Dual` rules, evaluated on a nested dual of width 1 or 2),
//! except that its Hessian is symmetric by construction. NaN and ±∞ inputs
//! flow through as IEEE values. Why two rows for
//! constants: the zero-partials guard costs work on every evaluation (a
//! compare and a mask per pair of partials up to eight partials, a test and
//! a branch beyond, which keeps the compiler from holding consecutive
//! operations' partials in registers), too much on sums, products and
//! smooth functions; the singular functions are expensive already, so there
//! it is kept. Both forms give the same partials. Only values that are
//! already ±∞ or NaN reach the IEEE row. `Float::clamp` with min > max does
//! not panic (unlike `f64::clamp`); see [`Dual::clamp`].
//! `Num::from_str_radix` with a radix outside 2..=36 returns an error (where
//! num-traits' `f64` panics).
//!
//! **Comparisons look at the value only.** `==`, `<`, `max` and `min` compare
//! values and ignore partials (as Ceres, JAX and PyTorch do), so branches in
//! user code take the same path as on `f64`. [`num_traits::Zero::is_zero`]
//! and [`num_traits::One::is_one`] are structural: they also require zero
//! partials.
//!
//! # Limitations
//!
//! * The derivative is that of the code path taken: `if x == 0.0 { 0.0 }
//!   else { x }` has slope 0 at 0, though the function is the identity.
//! * `N` is fixed at compile time: a `Dual<T, N>` carries exactly `N`
//!   partials, and the array drivers take `[T; N]` inputs.
//! * Forward mode costs about N times one evaluation of f for a gradient
//!   of N inputs; for scalar functions of thousands of inputs, reverse mode
//!   wins.
//! * Second derivatives (nested duals) can be NaN or ∞ where a second-order
//!   intermediate overflows although the exact value is finite, e.g. dividing
//!   by |b| < ~1e-154, where 1/b² overflows. First derivatives are
//!   unaffected.
//! * Integer-valued operations (`to_i64`, `integer_decode`, `classify`) see
//!   only the value.
//! * **Debug builds are slow**: the dual arithmetic is generic code compiled
//!   in your crate, so a plain debug build runs it unoptimised (50–160×
//!   slower than release in our trials). Set `opt-level = 1` under
//!   `[profile.dev]` (the whole profile; an override for dualgrad alone
//!   does not help): debug assertions and the perturbation check stay on.

#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs)]
#![deny(unsafe_code)]
#![deny(unconditional_recursion)]

// The number types, their kernel and the function table come first: their
// macros are used by every module below.
#[macro_use]
mod number;

mod drivers;
mod error;
mod function;
pub mod gradcheck;
mod integrations;
#[cfg(feature = "special")]
#[cfg_attr(docsrs, doc(cfg(feature = "special")))]
pub mod special;

#[doc(inline)]
pub use drivers::chunk;
#[cfg(feature = "nalgebra")]
#[cfg_attr(docsrs, doc(cfg(feature = "nalgebra")))]
#[doc(inline)]
pub use drivers::linalg;
#[cfg(feature = "sparse")]
#[cfg_attr(docsrs, doc(cfg(feature = "sparse")))]
#[doc(inline)]
pub use drivers::sparse;
#[cfg(feature = "argmin")]
#[cfg_attr(docsrs, doc(cfg(feature = "argmin")))]
pub use integrations::argmin;

#[allow(deprecated)]
pub use drivers::array::value_and_derivatives;
pub use drivers::array::{
    derivative, directional_derivative, gradient, hessian, hessian_vector_product, jacobian,
    jacobian_vector_product, second_derivative, value_and_derivative, value_and_gradient,
    value_and_jacobian, value_and_vector_derivative, value_derivative_second_derivative,
    value_gradient_hessian, vector_derivative,
};
pub use error::DimensionError;
pub use function::{ScalarFn, VectorFn};
pub use num_traits;
pub use number::{Dual, Dual2, Real};
