//! Drivers typed on nalgebra's vectors and matrices (feature `nalgebra`).
