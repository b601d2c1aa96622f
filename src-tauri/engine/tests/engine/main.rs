//! Integration tests of the engine: fixture snapshots, invariants (proptest), pathological inputs
//! and the regime choice.
//! One test binary keeps link time down; each concern lives in its own module.

mod accounts;
mod accounts_corpus;
mod fixtures;
mod hostile;
mod invariants;
mod no_cliff;
mod pathological;
mod regime;
mod story;
