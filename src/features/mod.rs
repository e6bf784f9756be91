//! Optional integrations, one file per feature: `approx`, `nalgebra`
//! (simba's scalar traits), `serde`.
