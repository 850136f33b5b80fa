//! One integration-test binary for the ledger (each extra `tests/*.rs` is another link).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod bundle;
mod chain;
mod checkpoint;
mod common;
mod merkle;
mod seal;
mod vectors;
