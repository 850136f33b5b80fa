//! Several OS processes on one PostgreSQL database: concurrent appends and SIGKILL during
//! appends. The tests themselves are shared with the SQLite backend
//! (`store/testsupport/processes.rs`); without `GRONDSLAG_TEST_POSTGRES` they skip loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use grondslag_store_postgres::PostgresStore;

type Backend = PostgresStore;
const NAME: &str = "PostgreSQL";

async fn open(db: &str) -> Backend {
    PostgresStore::connect(db).await.unwrap()
}

/// The test server's URL; `None` (after a loud SKIPPED line) when none is configured.
fn database(_tag: &str) -> Option<((), String)> {
    common::url().map(|u| ((), u))
}

#[path = "../../store/testsupport/processes.rs"]
mod processes;
