//! The special functions' names on plain floats compile without warnings on
//! stable: none collides with an unstable inherent method of `f32` or
//! `f64` (std reserves `gamma`, `ln_gamma`, `erf` and `erfc`, hence
//! `gamma_fn`, `ln_gamma_fn`, `erf_fn` and `erfc_fn`). This module denies
//! every warning, so an `unstable_name_collisions` warning fails the build.

#![deny(warnings)]

use dualgrad::special::SpecialFloat;

/// A test calling every method on a binding of type `$t`: method
/// resolution is the same as written out for the concrete type.
macro_rules! every_method_compiles {
    ($name:ident, $t:ty) => {
        #[test]
        fn $name() {
            let x: $t = 1.5;
            let half: $t = 0.5;
            let all = [
                x.erf_fn(),
                x.erfc_fn(),
                half.erf_inv(),
                x.gamma_fn(),
                x.ln_gamma_fn(),
                x.gamma_sign(),
                x.digamma(),
                x.trigamma(),
                x.polygamma(3),
                x.beta(2.0),
                x.ln_beta(2.0),
                x.gamma_p(1.0),
                x.gamma_q(1.0),
                x.bessel_j0(),
                x.bessel_j1(),
                x.bessel_jn(3),
                x.bessel_y0(),
                x.bessel_y1(),
                x.bessel_yn(3),
            ];
            assert!(all.iter().all(|v| v.is_finite()));
        }
    };
}

every_method_compiles!(every_method_on_f64_compiles_without_a_name_collision, f64);
every_method_compiles!(every_method_on_f32_compiles_without_a_name_collision, f32);
