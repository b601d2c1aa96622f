//! Integration tests of the engine: fixture snapshots, invariants (proptest) and pathological inputs.
//! One test binary keeps link time down; each concern lives in its own module.

mod fixtures;
mod invariants;
mod pathological;
