//! Perturbation confusion: a nested derivative whose inner function
//! captures a dual of the outer call, at the same type, must never return
//! a number. In debug builds it panics naming the mistake; typed nesting,
//! Hessians and hand-seeded duals are unaffected.

#[cfg(any(debug_assertions, feature = "tags"))]
use std::cell::Cell;
#[cfg(any(debug_assertions, feature = "tags"))]
use std::panic::{AssertUnwindSafe, catch_unwind};
#[cfg(any(debug_assertions, feature = "tags"))]
use std::sync::Once;

use dualgrad::{Dual, derivative, gradient, hessian};
use num_traits::Float;

#[cfg(any(debug_assertions, feature = "tags"))]
thread_local! {
    /// Whether this thread's panics are expected, and not to be printed.
    static EXPECTED: Cell<bool> = const { Cell::new(false) };
}

/// The panic message of `work`, if it panics; the panic is not printed.
///
/// The panic hook is process-wide and the other tests of the binary run at
/// the same time, so it is not swapped out and back (two tests doing that
/// at once could leave the silent hook installed, hiding every later
/// failure's message): a hook installed once stays silent only on a thread
/// inside this function, and passes every other panic on.
#[cfg(any(debug_assertions, feature = "tags"))]
fn panic_message(work: impl FnOnce()) -> Option<String> {
    static QUIET_HOOK: Once = Once::new();
    QUIET_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !EXPECTED.with(Cell::get) {
                previous(info);
            }
        }));
    });
    EXPECTED.with(|e| e.set(true));
    let result = catch_unwind(AssertUnwindSafe(work));
    EXPECTED.with(|e| e.set(false));
    result.err().map(|e| {
        e.downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_default()
    })
}

#[cfg(any(debug_assertions, feature = "tags"))]
#[test]
fn the_classic_confusion_panics_with_the_fix_in_the_message() {
    // d/dx [ x · d/dy (x + y) ] at x = 1 is 1; confusing the perturbations
    // gives 2.
    let message = panic_message(|| {
        let wrong = derivative(|x| x * Dual::constant(derivative(|y| x + y, 1.0)), 1.0);
        println!("{wrong}");
    })
    .expect("perturbation confusion must not return a number");
    assert!(message.contains("perturbation confusion"), "{message}");
    assert!(
        message.contains("Dual<Dual<f64, 1>, 1>"),
        "the fix is shown: {message}"
    );
}

#[test]
fn typed_nesting_gives_the_right_derivative() {
    let right = derivative(
        |x: Dual<f64, 1>| {
            x * derivative(
                |y: Dual<Dual<f64, 1>, 1>| Dual::constant(x) + y,
                Dual::constant(1.0),
            )
        },
        1.0,
    );
    assert_eq!(right, 1.0);
}

fn quartic<S: Float>(x: S) -> S {
    x.powi(4)
}

fn rosenbrock<S: Float>(x: &[S]) -> S {
    let hundred = S::from(100.0).unwrap();
    (S::one() - x[0]).powi(2) + hundred * (x[1] - x[0] * x[0]).powi(2)
}

#[test]
fn nested_drivers_hessians_and_hand_seeded_duals_are_unaffected() {
    assert_eq!(derivative(|y| derivative(quartic, y), 2.0), 48.0);
    assert_eq!(
        hessian(rosenbrock, [1.0, 1.0]),
        [[802.0, -400.0], [-400.0, 200.0]]
    );
    let chunked = dualgrad::chunk::hessian(rosenbrock, &[1.0, 1.0]);
    assert_eq!(chunked, [[802.0, -400.0], [-400.0, 200.0]]);
    // Hand-made variables carry no tag and mix with a driver's.
    let a = Dual::<f64, 2>::variable(3.0, 0);
    assert_eq!(gradient(|x| x[0] * x[1] + a, [1.0, 2.0]), [3.0, 1.0]); // a adds its own 1
    // A driver called inside another on plain constants.
    let g = gradient(|x| x[0] * derivative(|t| t * t, 3.0), [2.0, 5.0]);
    assert_eq!(g, [6.0, 0.0]);
}

/// Every operation carries its operand's tag: applied to the outer `x`,
/// then added to the inner call's `y`, each must be caught.
#[cfg(any(debug_assertions, feature = "tags"))]
#[test]
fn tags_survive_every_operation() {
    type D = Dual<f64, 1>;
    type Op = (&'static str, fn(D) -> D);
    let ops: Vec<Op> = vec![
        ("sqrt", |x| x.sqrt()),
        ("cbrt", |x| x.cbrt()),
        ("exp", |x| x.exp()),
        ("exp2", |x| x.exp2()),
        ("exp_m1", |x| x.exp_m1()),
        ("ln", |x| x.ln()),
        ("ln_1p", |x| x.ln_1p()),
        ("log2", |x| x.log2()),
        ("log10", |x| x.log10()),
        ("log", |x| x.log(Dual::constant(3.0))),
        ("sin", |x| x.sin()),
        ("cos", |x| x.cos()),
        ("tan", |x| x.tan()),
        ("sin_cos", |x| x.sin_cos().0),
        ("asin", |x| x.asin()),
        ("acos", |x| x.acos()),
        ("atan", |x| x.atan()),
        ("sinh", |x| x.sinh()),
        ("cosh", |x| x.cosh()),
        ("tanh", |x| x.tanh()),
        ("asinh", |x| x.asinh()),
        ("acosh", |x| (x + 1.0).acosh()),
        ("atanh", |x| x.atanh()),
        ("recip", |x| x.recip()),
        ("abs", |x| (-x).abs()),
        ("neg", |x| -x),
        ("powi", |x| x.powi(3)),
        ("powf constant", |x| x.powf(Dual::constant(2.5))),
        ("powf self", |x| x.powf(x)),
        ("mul_add", |x| x.mul_add(x, Dual::constant(1.0))),
        ("atan2", |x| x.atan2(Dual::constant(1.0))),
        ("hypot", |x| x.hypot(Dual::constant(1.0))),
        ("max", |x| x.max(Dual::constant(0.0))),
        ("min", |x| x.min(Dual::constant(1.0))),
        ("clamp", |x| {
            num_traits::clamp(x, Dual::constant(0.0), Dual::constant(1.0))
        }),
        ("fract", |x| (x + 2.0).fract()),
        ("copysign", |x| x.copysign(Dual::constant(-1.0))),
        ("to_degrees", |x| x.to_degrees()),
        ("to_radians", |x| x.to_radians()),
        ("scalar +", |x| x + 1.0),
        ("scalar -", |x| x - 1.0),
        ("scalar - dual", |x| 1.0 - x),
        ("scalar *", |x| x * 2.0),
        ("scalar * dual", |x| 2.0 * x),
        ("scalar /", |x| x / 2.0),
        ("scalar / dual", |x| 2.0 / x),
        ("scalar %", |x| x % 0.3),
        ("dual %", |x| x % Dual::constant(0.3)),
        ("dual /", |x| x / Dual::constant(2.0)),
        ("sum", |x| [x, x].into_iter().sum()),
        ("product", |x| [x, x].into_iter().product()),
        ("+=", |x| {
            let mut z = Dual::constant(1.0);
            z += x;
            z
        }),
        ("*=", |x| {
            let mut z = Dual::constant(2.0);
            z *= x;
            z
        }),
    ];
    for (name, op) in ops {
        let message = panic_message(|| {
            let _ = derivative(|x| Dual::constant(derivative(|y| op(x) + y, 0.5)) * x, 0.5);
        });
        let message = message.unwrap_or_else(|| panic!("`{name}` lost the outer tag"));
        assert!(
            message.contains("perturbation confusion"),
            "{name}: {message}"
        );
    }
}

/// Confusion through the run-time drivers and second order is caught too.
#[cfg(any(debug_assertions, feature = "tags"))]
#[test]
fn confusion_through_other_drivers_is_caught() {
    let through_chunk = panic_message(|| {
        let _ = dualgrad::chunk::gradient(
            |x| {
                let inner = dualgrad::chunk::gradient(|y| y[0] * x[0], &[2.0]);
                x[0] * inner[0]
            },
            &[1.0],
        );
    });
    assert!(through_chunk.is_some_and(|m| m.contains("perturbation confusion")));
    let through_directional = panic_message(|| {
        let _ = derivative(
            |x| {
                let d = dualgrad::directional_derivative(|y| y[0] * x, [1.0], [1.0]);
                x * d
            },
            1.0,
        );
    });
    assert!(through_directional.is_some_and(|m| m.contains("perturbation confusion")));
}
