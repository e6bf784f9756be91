//! The sparse drivers as a user calls them: detection, colouring, the
//! compressed Jacobian and the gradients and Hessians of sums, each against
//! the dense chunk drivers or hand-derived formulas.

use dualgrad::sparse::{
    self, GradientOfSumConfig, HessianOfSumConfig, JacobianConfig, Order, Tracer, color_columns,
    color_columns_in, jacobian_pattern, jacobian_pattern_union,
};
use dualgrad::{VectorFn, chunk, vector_fn};
use nalgebra_sparse::CsrMatrix;
use nalgebra_sparse::pattern::SparsityPattern;
use num_traits::Float;

/// SplitMix64: a reproducible stream of random numbers without a
/// dependency.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A random sparse function: output r folds its terms (input, operation)
/// into an accumulator, one random elementary operation per term.
struct RandomSparse {
    rows: Vec<Vec<(usize, usize)>>,
}

const OPERATIONS: usize = 8;

impl VectorFn for RandomSparse {
    fn outputs(&self, _inputs: usize) -> usize {
        self.rows.len()
    }

    fn eval<S: Float>(&self, x: &[S], out: &mut [S]) {
        let two = S::one() + S::one();
        for (o, row) in out.iter_mut().zip(&self.rows) {
            let mut acc = S::from(0.3).unwrap();
            for &(j, operation) in row {
                let v = x[j];
                acc = match operation {
                    0 => acc + v.sin(),
                    1 => acc * v + v,
                    2 => acc - v.exp(),
                    3 => (acc + v) / (S::one() + v * v),
                    4 => acc.hypot(v),
                    5 => acc + v.powi(3),
                    6 => acc.atan2(v + two),
                    _ => acc * v.sqrt() - v.ln(),
                };
            }
            *o = acc;
        }
    }
}

fn random_function(random: &mut Random, m: usize, n: usize, per_row: usize) -> RandomSparse {
    let rows = (0..m)
        .map(|_| {
            (0..random.below(per_row + 1))
                .map(|_| (random.below(n), random.below(OPERATIONS)))
                .collect()
        })
        .collect();
    RandomSparse { rows }
}

/// The CSR matrix as dense rows.
fn dense(matrix: &CsrMatrix<f64>) -> Vec<Vec<f64>> {
    let mut rows = vec![vec![0.0; matrix.ncols()]; matrix.nrows()];
    for (i, j, &v) in matrix.triplet_iter() {
        rows[i][j] = v;
    }
    rows
}

fn assert_close(found: &[Vec<f64>], expected: &[Vec<f64>], tolerance: f64, what: &str) {
    assert_eq!(found.len(), expected.len(), "{what}: rows");
    for (i, (f, e)) in found.iter().zip(expected).enumerate() {
        for (j, (a, b)) in f.iter().zip(e).enumerate() {
            let scale = a.abs().max(b.abs()).max(1.0);
            assert!(
                (a - b).abs() <= tolerance * scale,
                "{what}: entry ({i}, {j}) is {a}, expected {b}"
            );
        }
    }
}

/// A pattern from rows of column indices (sorted here).
fn pattern_of(n: usize, rows: &[Vec<usize>]) -> SparsityPattern {
    let mut offsets = vec![0];
    let mut indices = Vec::new();
    for row in rows {
        let mut row = row.clone();
        row.sort_unstable();
        row.dedup();
        indices.extend(row);
        offsets.push(indices.len());
    }
    SparsityPattern::try_from_offsets_and_indices(rows.len(), n, offsets, indices).unwrap()
}

#[test]
fn compressed_jacobians_of_random_sparse_functions_match_dense_chunk_mode() {
    let mut random = Random(14);
    for case in 0..300 {
        let n = 1 + random.below(60);
        let m = random.below(60);
        // Rows of up to 40 terms: some functions need more than 16 colours.
        let per_row = [3, 6, 40][case % 3];
        let f = random_function(&mut random, m, n, per_row);
        let x: Vec<f64> = (0..n).map(|_| random.uniform(0.5, 1.5)).collect();
        let pattern = jacobian_pattern(&f, &x);
        let coloring = color_columns(&pattern);
        assert!(coloring.is_valid_for(&pattern), "case {case}");
        let sparse_jacobian = sparse::jacobian(&f, &x);
        let dense_jacobian = chunk::jacobian_of(&f, &x);
        assert_close(
            &dense(&sparse_jacobian),
            &dense_jacobian,
            1e-13,
            &format!("case {case}"),
        );
        // Every non-zero of the dense Jacobian is in the pattern.
        for (i, row) in dense_jacobian.iter().enumerate() {
            for (j, &v) in row.iter().enumerate() {
                assert!(
                    v == 0.0 || pattern.lane(i).contains(&j),
                    "case {case}: ({i}, {j}) missing"
                );
            }
        }
        // The config at a new point, twice.
        let mut config = JacobianConfig::new(&f, &x);
        for _ in 0..2 {
            let y: Vec<f64> = (0..n).map(|_| random.uniform(0.5, 1.5)).collect();
            let found = dense(config.jacobian(&f, &y).unwrap());
            assert_close(
                &found,
                &chunk::jacobian_of(&f, &y),
                1e-13,
                &format!("case {case} at y"),
            );
        }
    }
}

#[test]
fn banded_patterns_of_total_bandwidth_b_get_b_colors_in_natural_order() {
    for n in [1, 5, 17, 100] {
        for (below, above) in [(0, 0), (1, 1), (2, 0), (0, 3), (2, 5), (7, 8)] {
            let rows: Vec<Vec<usize>> = (0..n)
                .map(|i: usize| (i.saturating_sub(below)..(i + above + 1).min(n)).collect())
                .collect();
            let pattern = pattern_of(n, &rows);
            let b = (below + above + 1).min(n);
            let coloring = color_columns_in(&pattern, Order::Natural);
            assert_eq!(coloring.count(), b, "n = {n}, band ({below}, {above})");
            assert_eq!(coloring.lower_bound(), b);
            assert_eq!(color_columns(&pattern).count(), b);
        }
    }
}

/// Each `Float` method on inputs x₀ (and x₁), one output per method.
struct EveryMethod;

const METHODS: usize = 51;

impl VectorFn for EveryMethod {
    fn outputs(&self, _inputs: usize) -> usize {
        METHODS
    }

    #[allow(deprecated)] // abs_sub is part of Float
    fn eval<S: Float>(&self, x: &[S], o: &mut [S]) {
        let (a, b) = (x[0], x[1]);
        let values = [
            a.floor(),
            a.ceil(),
            a.round(),
            a.trunc(),
            a.signum(),
            a.fract(),
            a.abs(),
            a.mul_add(b, a),
            a.recip(),
            a.powi(3),
            a.powi(0),
            a.powf(b),
            a.sqrt(),
            a.exp(),
            a.exp2(),
            a.ln(),
            a.log(b),
            a.log2(),
            a.log10(),
            a.to_degrees(),
            a.to_radians(),
            a.max(b),
            a.min(b),
            a.clamp(S::zero(), S::one()),
            a.abs_sub(b),
            a.cbrt(),
            a.hypot(b),
            a.sin(),
            a.cos(),
            a.tan(),
            a.asin(),
            a.acos(),
            a.atan(),
            a.atan2(b),
            a.sin_cos().0,
            a.exp_m1(),
            a.ln_1p(),
            a.sinh(),
            a.cosh(),
            a.tanh(),
            a.asinh(),
            (a + S::one()).acosh(),
            a.atanh(),
            a.copysign(b),
            a + b,
            a - b,
            a * b,
            a / b,
            a % b,
            -a,
            S::from(2.5).unwrap() * S::epsilon(),
        ];
        o.copy_from_slice(&values);
    }
}

#[test]
fn detection_follows_every_float_method() {
    // a = 0.25, b = 2: max takes b, min takes a, clamp keeps a, abs_sub
    // (a < b) depends on nothing.
    let pattern = jacobian_pattern(&EveryMethod, &[0.25, 2.0]);
    let rows: Vec<&[usize]> = (0..METHODS).map(|r| pattern.lane(r)).collect();
    let (none, a, both, b): (&[usize], &[usize], &[usize], &[usize]) = (&[], &[0], &[0, 1], &[1]);
    let expected: [&[usize]; METHODS] = [
        none, none, none, none, none, // floor ceil round trunc signum
        a, a, both, a, a, none, both, a, a, a, a, both, a, a, a, a, // fract … to_radians
        b, a, a, none, a, both, // max min clamp abs_sub cbrt hypot
        a, a, a, a, a, a, both, a, a, a, a, a, a, a, a, a, // sin … atanh
        a, // copysign
        both, both, both, both, both, a, none, // operators, constant
    ];
    assert_eq!(rows, expected);
    // The branches at ties take both arguments.
    let tie = jacobian_pattern(&EveryMethod, &[2.0, 2.0]);
    assert_eq!(
        (tie.lane(21), tie.lane(22), tie.lane(24)),
        (both, both, both)
    );
    // Every non-zero of the dense Jacobian is in the pattern.
    let dense_jacobian = chunk::jacobian_of(&EveryMethod, &[0.25, 2.0]);
    for (r, row) in dense_jacobian.iter().enumerate() {
        for (j, &v) in row.iter().enumerate() {
            assert!(
                v == 0.0 || pattern.lane(r).contains(&j),
                "method {r}, input {j}"
            );
        }
    }
}

#[test]
fn tracer_values_are_those_of_f64() {
    let mut values = [Tracer::constant(0.0); METHODS];
    let inputs = [Tracer::constant(0.25), Tracer::constant(2.0)];
    EveryMethod.eval(&inputs, &mut values);
    let mut expected = [0.0; METHODS];
    EveryMethod.eval(&[0.25, 2.0], &mut expected);
    for (t, e) in values.iter().zip(expected) {
        assert!(t.value() == e || (t.value().is_nan() && e.is_nan()));
        assert!(t.is_constant());
    }
}

fn larger<S: Float>(x: &[S], out: &mut [S]) {
    out[0] = x[0].max(x[1]);
    out[1] = if x[2] > S::zero() { x[2] } else { x[3] };
}

#[test]
fn detection_is_local_and_the_union_covers_several_points() {
    let f = vector_fn!(larger, 2);
    let here = jacobian_pattern(&f, &[2.0, 1.0, 1.0, 0.0]);
    assert_eq!((here.lane(0), here.lane(1)), (&[0][..], &[2][..]));
    let points: [&[f64]; 2] = [&[2.0, 1.0, 1.0, 0.0], &[1.0, 2.0, -1.0, 0.0]];
    let both = jacobian_pattern_union(&f, points).unwrap();
    assert_eq!((both.lane(0), both.lane(1)), (&[0, 1][..], &[2, 3][..]));
    let short: [&[f64]; 2] = [&[2.0, 1.0, 1.0, 0.0], &[1.0]];
    assert_eq!(
        jacobian_pattern_union(&f, short).unwrap_err().what(),
        "point"
    );
}

fn nothing<S: Float>(_: &[S], _: &mut [S]) {}

fn dense_row<S: Float>(x: &[S], out: &mut [S]) {
    out[0] = x.iter().fold(S::zero(), |s, &v| s + v * v);
    out[1] = x[0];
    // out[2] depends on no input: an empty row.
    out[2] = S::one();
}

#[test]
fn empty_inputs_rows_columns_and_dense_rows_work() {
    // No input, no output.
    let empty = vector_fn!(nothing, 0);
    let j = sparse::jacobian(&empty, &[]);
    assert_eq!((j.nrows(), j.ncols(), j.nnz()), (0, 0, 0));
    assert_eq!(color_columns(&jacobian_pattern(&empty, &[])).count(), 0);
    assert!(sparse::gradient_of_sum(&empty, &[]).is_empty());
    assert_eq!(sparse::hessian_of_sum(&empty, &[]).nnz(), 0);
    // A dense row of 40 inputs: 40 colours, three passes of width 16.
    let f = vector_fn!(dense_row, 3);
    let x: Vec<f64> = (0..40).map(f64::from).collect();
    let mut config = JacobianConfig::new(&f, &x);
    assert_eq!(config.colors(), 40);
    let j = config.jacobian(&f, &x).unwrap();
    assert_eq!(
        j.row(0).values(),
        &x.iter().map(|v| 2.0 * v).collect::<Vec<_>>()[..]
    );
    assert_eq!((j.row(1).col_indices(), j.row(2).nnz()), (&[0][..], 0));
    // Empty columns: inputs no output reads.
    let rows = vec![vec![1], vec![1]];
    let config = JacobianConfig::<f64>::from_pattern(pattern_of(4, &rows));
    assert_eq!(config.colors(), 1);
}

#[test]
fn wrong_lengths_are_dimension_errors() {
    let f = vector_fn!(dense_row, 3);
    let mut config = JacobianConfig::new(&f, &[1.0, 2.0]);
    let err = config.jacobian(&f, &[1.0]).unwrap_err();
    assert_eq!((err.what(), err.expected(), err.found()), ("input x", 2, 1));
    let g = vector_fn!(dense_row, 4);
    assert_eq!(
        config.jacobian(&g, &[1.0, 2.0]).unwrap_err().what(),
        "output of f"
    );
    let mut gradient = GradientOfSumConfig::new(&f, &[1.0, 2.0]);
    assert_eq!(
        gradient
            .gradient(&f, &[1.0, 2.0], &mut [0.0])
            .unwrap_err()
            .what(),
        "gradient buffer"
    );
    assert_eq!(
        gradient
            .gradient(&f, &[1.0], &mut [0.0])
            .unwrap_err()
            .what(),
        "input x"
    );
    let mut hessian = HessianOfSumConfig::new(&f, &[1.0, 2.0]);
    assert_eq!(
        hessian.hessian(&f, &[1.0, 2.0, 3.0]).unwrap_err().what(),
        "input x"
    );
    assert_eq!(
        hessian.hessian(&g, &[1.0, 2.0]).unwrap_err().what(),
        "output of f"
    );
}

/// Chained Rosenbrock as elements: 100(xᵢ₊₁ − xᵢ²)² and (1 − xᵢ)².
fn rosenbrock_elements<S: Float>(x: &[S], out: &mut [S]) {
    let hundred = S::from(100.0).unwrap();
    for i in 0..x.len().saturating_sub(1) {
        out[2 * i] = hundred * (x[i + 1] - x[i] * x[i]).powi(2);
        out[2 * i + 1] = (S::one() - x[i]).powi(2);
    }
}

fn rosenbrock<S: Float>(x: &[S]) -> S {
    let mut out = vec![S::zero(); 2 * x.len().saturating_sub(1)];
    rosenbrock_elements(x, &mut out);
    out.into_iter().fold(S::zero(), |a, b| a + b)
}

/// The chained Rosenbrock gradient by hand.
fn rosenbrock_gradient(x: &[f64]) -> Vec<f64> {
    let n = x.len();
    let mut g = vec![0.0; n];
    for i in 0..n - 1 {
        let r = x[i + 1] - x[i] * x[i];
        g[i] += -400.0 * x[i] * r - 2.0 * (1.0 - x[i]);
        g[i + 1] += 200.0 * r;
    }
    g
}

/// The chained Rosenbrock Hessian by hand: tridiagonal.
fn rosenbrock_hessian(x: &[f64]) -> Vec<Vec<f64>> {
    let n = x.len();
    let mut h = vec![vec![0.0; n]; n];
    for i in 0..n - 1 {
        h[i][i] += 1200.0 * x[i] * x[i] - 400.0 * x[i + 1] + 2.0;
        h[i][i + 1] += -400.0 * x[i];
        h[i + 1][i] += -400.0 * x[i];
        h[i + 1][i + 1] += 200.0;
    }
    h
}

#[test]
fn sums_match_the_hand_derived_chained_rosenbrock_gradient_and_hessian() {
    let f = vector_fn!(rosenbrock_elements, |n| 2 * (n - 1));
    let mut random = Random(3);
    for n in [2, 3, 10, 257] {
        let x: Vec<f64> = (0..n).map(|_| random.uniform(-2.0, 2.0)).collect();
        let g = sparse::gradient_of_sum(&f, &x);
        assert_close(
            std::slice::from_ref(&g),
            &[rosenbrock_gradient(&x)],
            1e-12,
            "gradient",
        );
        let h = sparse::hessian_of_sum(&f, &x);
        assert_close(&dense(&h), &rosenbrock_hessian(&x), 1e-12, "hessian");
        assert_eq!(h.nnz(), 3 * n - 2);
        // The configs at a new point.
        let y: Vec<f64> = (0..n).map(|_| random.uniform(-2.0, 2.0)).collect();
        let mut gradient = GradientOfSumConfig::new(&f, &x);
        let mut out = vec![0.0; n];
        let value = gradient.gradient(&f, &y, &mut out).unwrap();
        assert!((value - rosenbrock(&y)).abs() <= 1e-12 * value.abs());
        assert_close(&[out], &[rosenbrock_gradient(&y)], 1e-12, "gradient at y");
        let mut hessian = HessianOfSumConfig::new(&f, &x);
        assert_eq!(hessian.colors(), 2);
        let found = dense(hessian.hessian(&f, &y).unwrap());
        assert_close(&found, &rosenbrock_hessian(&y), 1e-12, "hessian at y");
        // And against dense chunk mode.
        assert_close(
            &found,
            &chunk::hessian(rosenbrock, &y),
            1e-12,
            "dense hessian",
        );
    }
}

/// Elements over overlapping windows of `width` inputs: many colours.
struct Windows {
    width: usize,
}

impl VectorFn for Windows {
    fn outputs(&self, inputs: usize) -> usize {
        inputs + 1 - self.width
    }

    fn eval<S: Float>(&self, x: &[S], out: &mut [S]) {
        for (k, o) in out.iter_mut().enumerate() {
            let w = &x[k..k + self.width];
            let mut acc = S::zero();
            for (i, &v) in w.iter().enumerate() {
                acc = acc + (v * w[(i + 1) % w.len()]).sin() + v.exp();
            }
            *o = acc * acc;
        }
    }
}

impl ScalarSum for Windows {}

/// The sum of a `VectorFn`'s outputs, for the dense oracles.
trait ScalarSum: VectorFn + Sized {
    fn sum<S: dualgrad::Real>(&self, x: &[S]) -> S {
        let mut out = vec![S::zero(); self.outputs(x.len())];
        self.eval(x, &mut out);
        out.into_iter().fold(S::zero(), |a, b| a + b)
    }
}

#[test]
fn sums_with_many_colors_take_several_passes_and_match_dense_chunk_mode() {
    let mut random = Random(11);
    for (width, n) in [(3, 12), (16, 30), (20, 45), (33, 40)] {
        let f = Windows { width };
        let x: Vec<f64> = (0..n).map(|_| random.uniform(-0.5, 0.5)).collect();
        let mut config = HessianOfSumConfig::new(&f, &x);
        assert_eq!(config.colors(), width);
        let found = dense(config.hessian(&f, &x).unwrap());
        let expected = chunk::hessian(|x| f.sum(x), &x);
        assert_close(&found, &expected, 1e-12, &format!("hessian, width {width}"));
        let g = sparse::gradient_of_sum(&f, &x);
        let expected = chunk::gradient(|x| f.sum(x), &x);
        assert_close(
            &[g],
            &[expected],
            1e-12,
            &format!("gradient, width {width}"),
        );
    }
}

#[test]
fn configs_work_on_f32() {
    let f = vector_fn!(rosenbrock_elements, |n| 2 * (n - 1));
    let x: Vec<f32> = vec![0.5, -1.0, 1.5, 2.0];
    let mut jacobian = JacobianConfig::new(&f, &x);
    let j = jacobian.jacobian(&f, &x).unwrap();
    // ∂/∂x₁ of 100(x₁ − x₀²)² = 200(x₁ − x₀²) at x₀ = 0.5, x₁ = −1.
    assert_eq!(j.get_entry(0, 1).unwrap().into_value(), -250.0_f32);
    let mut gradient = GradientOfSumConfig::new(&f, &x);
    let mut g = [0.0_f32; 4];
    gradient.gradient(&f, &x, &mut g).unwrap();
    let x64: Vec<f64> = x.iter().map(|&v| f64::from(v)).collect();
    for (a, b) in g.iter().zip(rosenbrock_gradient(&x64)) {
        assert!((f64::from(*a) - b).abs() <= 1e-5 * b.abs().max(1.0));
    }
    let mut hessian = HessianOfSumConfig::new(&f, &x);
    let h = hessian.hessian(&f, &x).unwrap();
    assert_eq!(h.get_entry(3, 3).unwrap().into_value(), 200.0_f32);
}

mod colorings {
    use super::*;
    use proptest::prelude::*;

    /// A random pattern: up to 60 columns, up to 60 rows of up to 10
    /// (possibly repeated) column indices.
    fn patterns() -> impl Strategy<Value = SparsityPattern> {
        (1usize..60).prop_flat_map(|n| {
            proptest::collection::vec(proptest::collection::vec(0..n, 0..10), 0..60)
                .prop_map(move |rows| pattern_of(n, &rows))
        })
    }

    proptest! {
        /// Every order gives a valid colouring with at least the largest
        /// row's count of colours, and `color_columns` keeps the better of
        /// natural and largest first.
        #[test]
        fn colorings_are_valid_and_at_least_the_lower_bound(pattern in patterns()) {
            let best = color_columns(&pattern);
            prop_assert!(best.is_valid_for(&pattern));
            for order in [Order::Natural, Order::LargestFirst, Order::SmallestLast] {
                let coloring = color_columns_in(&pattern, order);
                prop_assert!(coloring.is_valid_for(&pattern));
                prop_assert!(coloring.count() >= coloring.lower_bound());
                if order != Order::SmallestLast {
                    prop_assert!(best.count() <= coloring.count());
                }
            }
        }

        /// A compressed Jacobian config on a random pattern reproduces a
        /// function whose Jacobian has exactly that pattern (entry (i, j)
        /// = i + j + 1, from out[i] = Σⱼ (i + j + 1)·xⱼ over the row).
        #[test]
        fn compressed_jacobians_reproduce_every_entry_of_a_random_pattern(pattern in patterns()) {
            struct Linear(SparsityPattern);
            impl VectorFn for Linear {
                fn outputs(&self, _inputs: usize) -> usize {
                    self.0.major_dim()
                }
                fn eval<S: Float>(&self, x: &[S], out: &mut [S]) {
                    for (i, o) in out.iter_mut().enumerate() {
                        *o = self.0.lane(i).iter().fold(S::zero(), |s, &j| {
                            s + S::from(i + j + 1).unwrap() * x[j]
                        });
                    }
                }
            }
            let f = Linear(pattern.clone());
            let x = vec![1.0; pattern.minor_dim()];
            let mut config = JacobianConfig::from_pattern(pattern.clone());
            let j = config.jacobian(&f, &x).unwrap();
            prop_assert_eq!(j.pattern(), &pattern);
            for (i, k, &v) in j.triplet_iter() {
                prop_assert_eq!(v, (i + k + 1) as f64);
            }
        }
    }
}

/// The 2-D Brusselator residual on a periodic N × N grid (the benches'):
/// each species' 5-point stencil plus the other species at the same point.
struct Brusselator {
    size: usize,
}

impl VectorFn for Brusselator {
    fn outputs(&self, inputs: usize) -> usize {
        inputs
    }

    fn eval<S: Float>(&self, x: &[S], out: &mut [S]) {
        let n = self.size;
        let (a, four) = (S::from(3.4).unwrap(), S::from(4.0).unwrap());
        let (u, v) = x.split_at(n * n);
        let (du, dv) = out.split_at_mut(n * n);
        let at = |i: usize, j: usize| (i % n) * n + j % n;
        for i in 0..n {
            for j in 0..n {
                let k = at(i, j);
                let laplace = |w: &[S]| {
                    w[at(i + n - 1, j)] + w[at(i + 1, j)] + w[at(i, j + n - 1)] + w[at(i, j + 1)]
                        - four * w[k]
                };
                let u2v = u[k] * u[k] * v[k];
                du[k] = laplace(u) + S::one() + u2v - (a + S::one()) * u[k];
                dv[k] = laplace(v) + a * u[k] - u2v;
            }
        }
    }
}

#[test]
fn brusselator_colors_are_at_most_twice_the_largest_row() {
    let f = Brusselator { size: 32 };
    let x: Vec<f64> = (0..2 * 32 * 32)
        .map(|i| 1.0 + 0.1 * f64::from(i % 7))
        .collect();
    let pattern = jacobian_pattern(&f, &x);
    let best = color_columns(&pattern);
    assert_eq!(best.lower_bound(), 6);
    let counts: Vec<usize> = [Order::Natural, Order::LargestFirst, Order::SmallestLast]
        .map(|order| color_columns_in(&pattern, order).count())
        .into();
    println!(
        "Brusselator N = 32: colours by order (natural, largest first, smallest last) {counts:?}"
    );
    assert_eq!(best.count(), counts[0].min(counts[1]));
    assert!(best.count() <= 2 * best.lower_bound(), "{counts:?}");
    let j = sparse::jacobian(&f, &x);
    assert_close(
        &dense(&j),
        &chunk::jacobian_of(&f, &x),
        1e-13,
        "brusselator",
    );
}

#[test]
fn sums_match_the_hand_formulas_to_1e_12_at_n_ten_thousand() {
    let f = vector_fn!(rosenbrock_elements, |n| 2 * (n - 1));
    let n = 10_000;
    let mut random = Random(17);
    let x: Vec<f64> = (0..n).map(|_| random.uniform(-2.0, 2.0)).collect();
    let g = sparse::gradient_of_sum(&f, &x);
    for (j, (a, b)) in g.iter().zip(rosenbrock_gradient(&x)).enumerate() {
        assert!(
            (a - b).abs() <= 1e-12 * b.abs().max(1.0),
            "∂f/∂x{j}: {a} vs {b}"
        );
    }
    let h = sparse::hessian_of_sum(&f, &x);
    assert_eq!(h.nnz(), 3 * n - 2);
    // The tridiagonal hand Hessian, entry by entry.
    let hand = |i: usize, j: usize| -> f64 {
        match (i, j) {
            _ if i == j => {
                let mut d = if i + 1 < n {
                    1200.0 * x[i] * x[i] - 400.0 * x[i + 1] + 2.0
                } else {
                    0.0
                };
                if i > 0 {
                    d += 200.0;
                }
                d
            }
            _ if j == i + 1 => -400.0 * x[i],
            _ if i == j + 1 => -400.0 * x[j],
            _ => 0.0,
        }
    };
    for (i, j, &v) in h.triplet_iter() {
        let b = hand(i, j);
        assert!(
            (v - b).abs() <= 1e-12 * b.abs().max(1.0),
            "({i}, {j}): {v} vs {b}"
        );
    }
}
