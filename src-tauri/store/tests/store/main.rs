//! Integration tests of parallax-store: one binary (one link) for the whole crate.
//! Every test says why its assertions matter.

mod bad_input;
mod batch;
mod common;
mod feeds;
mod library;
mod manage;
mod migrations;
mod paging;
mod sample;
mod scale;
mod search;
