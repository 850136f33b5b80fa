//! The shared conformance suite on PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::time::Instant;

use grondslag_store_postgres::PostgresStore;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn conformance_postgres() {
    let Some(url) = common::url() else { return };
    let store = PostgresStore::connect(&url).await.unwrap();
    let pool = store.pool().clone();
    let start = Instant::now();
    let report = grondslag_store::conformance::run(store.clone(), |t| common::tamper(pool.clone(), t)).await;
    eprintln!("conformance (PostgreSQL): {:?} in {:?}", report, start.elapsed());
    if let Err(e) = report {
        panic!("conformance faalt op PostgreSQL: {e}");
    }
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reopening_keeps_everything() {
    use grondslag_store::Store;
    let Some(url) = common::url() else { return };
    let store = PostgresStore::connect(&url).await.unwrap();
    let org = store.create_organisation("Heropenen", None).await.unwrap();
    let c = store.create_client(&org.id, "p", b"x").await.unwrap();
    let d = store.dossier_for_client(&org.id, &c.id).await.unwrap();
    for n in 0..5 {
        store.append(&org.id, &d.id, &grondslag_store::conformance::fake_request(n, "decision", None)).await.unwrap();
    }
    let head = store.tree_head(&org.id).await.unwrap();
    store.close().await;
    let again = PostgresStore::connect(&url).await.unwrap();
    assert_eq!(again.tree_head(&org.id).await.unwrap(), head);
    let a = again.append(&org.id, &d.id, &grondslag_store::conformance::fake_request(5, "decision", None)).await.unwrap();
    assert_eq!((a.seq, a.leaf_index), (6, 5));
    grondslag_store::verify_organisation(&again, &org.id).await.unwrap();
    again.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn access_conformance_postgres() {
    let Some(url) = common::url() else { return };
    let store = PostgresStore::connect(&url).await.unwrap();
    let pool = store.pool().clone();
    let start = Instant::now();
    let report = grondslag_store::conformance_access::run(store.clone(), |t| common::tamper_access(pool.clone(), t)).await;
    eprintln!("toegangsconformance (PostgreSQL): {:?} in {:?}", report, start.elapsed());
    if let Err(e) = report {
        panic!("toegangsconformance faalt op PostgreSQL: {e}");
    }
    store.close().await;
}
