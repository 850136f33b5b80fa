//! Several OS processes on one SQLite file: concurrent appends and SIGKILL during appends. The
//! tests themselves are shared with the PostgreSQL backend (`store/testsupport/processes.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use grondslag_store_sqlite::SqliteStore;

type Backend = SqliteStore;
const NAME: &str = "SQLite";

async fn open(db: &str) -> Backend {
    SqliteStore::open(db).await.unwrap()
}

/// A fresh database file for one test, removed when the guard drops.
fn database(tag: &str) -> Option<(common::TempDb, String)> {
    let db = common::TempDb::new(tag);
    let path = db.0.to_str().unwrap().to_owned();
    Some((db, path))
}

#[path = "../../store/testsupport/processes.rs"]
mod processes;
