//! Helpers shared by the PostgreSQL tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;

use grondslag_store::conformance::Tamper;
use sqlx::postgres::{PgArguments, PgPool};
use sqlx::{AssertSqlSafe, Postgres};

type Q = sqlx::query::Query<'static, Postgres, PgArguments>;

/// The server to test against, from `GRONDSLAG_TEST_POSTGRES`; `None` (after a loud line on
/// stderr) when it is not set. `scripts/pg-test-server.sh` starts one.
pub fn url() -> Option<String> {
    match std::env::var("GRONDSLAG_TEST_POSTGRES") {
        Ok(u) if !u.is_empty() => Some(u),
        _ => {
            // Straight to stderr, past the test harness's output capture, so it is always seen.
            let _ = writeln!(std::io::stderr(), "SKIPPED: GRONDSLAG_TEST_POSTGRES not set (start a server with scripts/pg-test-server.sh)");
            None
        }
    }
}

/// Runs `statements` with the user triggers of `tables` disabled, in one transaction, as a
/// database administrator could.
async fn bypass(pool: &PgPool, tables: &[&str], statements: Vec<Q>) -> Result<(), String> {
    let mut tx = pool.begin().await.map_err(|e| e.to_string())?;
    for t in tables {
        sqlx::query(AssertSqlSafe(format!("ALTER TABLE {t} DISABLE TRIGGER USER"))).execute(&mut *tx).await.map_err(|e| e.to_string())?;
    }
    for q in statements {
        q.execute(&mut *tx).await.map_err(|e| e.to_string())?;
    }
    for t in tables {
        sqlx::query(AssertSqlSafe(format!("ALTER TABLE {t} ENABLE TRIGGER USER"))).execute(&mut *tx).await.map_err(|e| e.to_string())?;
    }
    tx.commit().await.map_err(|e| e.to_string())
}

fn i(n: u64) -> i64 {
    i64::try_from(n).unwrap()
}

/// The conformance suite's raw-SQL hook for PostgreSQL.
pub async fn tamper(pool: PgPool, t: Tamper) -> Result<(), String> {
    let plain = |q: Q| {
        let pool = pool.clone();
        async move { q.execute(&pool).await.map(|_| ()).map_err(|e| e.to_string()) }
    };
    match t {
        Tamper::PlainUpdateEntry { dossier, seq } => {
            plain(sqlx::query("UPDATE ledger_entry SET created_at = now() WHERE dossier_id = $1 AND seq = $2").bind(dossier.to_string()).bind(i(seq)))
                .await
        }
        Tamper::PlainDeleteEntry { dossier, seq } => {
            plain(sqlx::query("DELETE FROM ledger_entry WHERE dossier_id = $1 AND seq = $2").bind(dossier.to_string()).bind(i(seq))).await
        }
        Tamper::PlainUpdateNode { org, level, index } => {
            plain(
                sqlx::query("UPDATE ledger_node SET hash = decode(repeat('00', 32), 'hex') WHERE org_id = $1 AND level = $2 AND idx = $3")
                    .bind(org.to_string())
                    .bind(i16::from(level))
                    .bind(i(index)),
            )
            .await
        }
        Tamper::PlainDeleteRoot { org, tree_size } => {
            plain(sqlx::query("DELETE FROM org_root WHERE org_id = $1 AND tree_size = $2").bind(org.to_string()).bind(i(tree_size))).await
        }
        Tamper::ReplaceEntry { dossier, seq, body_jcs, leaf_hash } => {
            let mut qs = vec![
                sqlx::query("UPDATE ledger_entry SET body_jcs = $1 WHERE dossier_id = $2 AND seq = $3")
                    .bind(body_jcs)
                    .bind(dossier.to_string())
                    .bind(i(seq)),
            ];
            if let Some(h) = leaf_hash {
                qs.push(
                    sqlx::query("UPDATE ledger_entry SET leaf_hash = $1 WHERE dossier_id = $2 AND seq = $3")
                        .bind(h.to_vec())
                        .bind(dossier.to_string())
                        .bind(i(seq)),
                );
            }
            bypass(&pool, &["ledger_entry"], qs).await
        }
        Tamper::DeleteEntry { dossier, seq } => {
            let qs = vec![
                sqlx::query("DELETE FROM decision_payload WHERE dossier_id = $1 AND seq = $2").bind(dossier.to_string()).bind(i(seq)),
                sqlx::query("DELETE FROM ledger_entry WHERE dossier_id = $1 AND seq = $2").bind(dossier.to_string()).bind(i(seq)),
            ];
            bypass(&pool, &["ledger_entry"], qs).await
        }
        Tamper::ReplaceNode { org, level, index, hash } => {
            let qs = vec![
                sqlx::query("UPDATE ledger_node SET hash = $1 WHERE org_id = $2 AND level = $3 AND idx = $4")
                    .bind(hash.to_vec())
                    .bind(org.to_string())
                    .bind(i16::from(level))
                    .bind(i(index)),
            ];
            bypass(&pool, &["ledger_node"], qs).await
        }
        Tamper::InsertCopy { dossier, seq, offset } => plain(
            sqlx::query("INSERT INTO ledger_entry (org_id, leaf_index, dossier_id, seq, prev_hash, leaf_hash, body_jcs) SELECT org_id, leaf_index + $1, dossier_id, seq + $2, prev_hash, leaf_hash, body_jcs FROM ledger_entry WHERE dossier_id = $3 AND seq = $4")
                .bind(i(offset))
                .bind(i(offset))
                .bind(dossier.to_string())
                .bind(i(seq)),
        )
        .await
        .map_err(|e| format!("invoegen mislukt: {e:?}")),
        Tamper::ReplaceCiphertext { dossier, seq, ciphertext } => {
            let qs = vec![
                sqlx::query("UPDATE decision_payload SET ciphertext = $1 WHERE dossier_id = $2 AND seq = $3")
                    .bind(ciphertext)
                    .bind(dossier.to_string())
                    .bind(i(seq)),
            ];
            bypass(&pool, &["decision_payload"], qs).await
        }
    }
}

/// Executes an access-log tamper case with raw SQL.
pub async fn tamper_access(pool: PgPool, t: grondslag_store::conformance_access::AccessTamper) -> Result<(), String> {
    use grondslag_store::conformance_access::AccessTamper as A;
    match t {
        A::PlainUpdate { org, seq } => sqlx::query("UPDATE access_event SET action = 'x' WHERE org_id = $1 AND seq = $2")
            .bind(org.to_string())
            .bind(i(seq))
            .execute(&pool)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string()),
        A::PlainDelete { org, seq } => sqlx::query("DELETE FROM access_event WHERE org_id = $1 AND seq = $2")
            .bind(org.to_string())
            .bind(i(seq))
            .execute(&pool)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string()),
        A::ChangeAction { org, seq, action } => {
            bypass(
                &pool,
                &["access_event"],
                vec![
                    sqlx::query("UPDATE access_event SET action = $1 WHERE org_id = $2 AND seq = $3")
                        .bind(action)
                        .bind(org.to_string())
                        .bind(i(seq)),
                ],
            )
            .await
        }
        A::Delete { org, seq } => {
            bypass(
                &pool,
                &["access_event"],
                vec![sqlx::query("DELETE FROM access_event WHERE org_id = $1 AND seq = $2").bind(org.to_string()).bind(i(seq))],
            )
            .await
        }
    }
}
