//! dualgrad's speed benches (the bench targets of this package): the
//! criterion suite that writes BENCHMARKS.md, the shape zoo's second binary
//! `zoo_check`, the callgrind driver `instructions` and the Hessian engine
//! comparison. This library is empty: cargo wants one target that is not a
//! bench in every package.
