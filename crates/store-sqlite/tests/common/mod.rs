//! Helpers shared by the SQLite tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use grondslag_store::conformance::Tamper;
use sqlx::sqlite::SqlitePool;
use sqlx::{AssertSqlSafe, Row};

/// A fresh database path in the temp dir; removed (with its WAL files) on drop.
pub struct TempDb(pub PathBuf);

impl TempDb {
    pub fn new(tag: &str) -> Self {
        Self(std::env::temp_dir().join(format!("grondslag-{tag}-{}.sqlite", grondslag_store::new_id())))
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm"] {
            let mut p = self.0.clone().into_os_string();
            p.push(suffix);
            let _ = std::fs::remove_file(p);
        }
    }
}

/// Runs `sql` with the append-only triggers of `tables` dropped, then puts them back, as a
/// database administrator could.
async fn bypass(
    pool: &SqlitePool,
    tables: &[&str],
    statements: Vec<sqlx::query::Query<'static, sqlx::Sqlite, sqlx::sqlite::SqliteArguments>>,
) -> Result<(), String> {
    let mut conn = pool.acquire().await.map_err(|e| e.to_string())?;
    let mut triggers = Vec::new();
    for t in tables {
        let rows = sqlx::query("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?")
            .bind(*t)
            .fetch_all(&mut *conn)
            .await
            .map_err(|e| e.to_string())?;
        for r in rows {
            triggers.push((r.get::<String, _>("name"), r.get::<String, _>("sql")));
        }
    }
    for (name, _) in &triggers {
        sqlx::query(AssertSqlSafe(format!("DROP TRIGGER {name}"))).execute(&mut *conn).await.map_err(|e| e.to_string())?;
    }
    let mut result = Ok(());
    for q in statements {
        if let Err(e) = q.execute(&mut *conn).await {
            result = Err(e.to_string());
            break;
        }
    }
    for (_, sql) in triggers {
        sqlx::query(AssertSqlSafe(sql)).execute(&mut *conn).await.map_err(|e| e.to_string())?;
    }
    result
}

fn i(n: u64) -> i64 {
    i64::try_from(n).unwrap()
}

/// The conformance suite's raw-SQL hook for SQLite.
pub async fn tamper(pool: SqlitePool, t: Tamper) -> Result<(), String> {
    let plain = |q: sqlx::query::Query<'static, sqlx::Sqlite, sqlx::sqlite::SqliteArguments>| {
        let pool = pool.clone();
        async move { q.execute(&pool).await.map(|_| ()).map_err(|e| e.to_string()) }
    };
    match t {
        Tamper::PlainUpdateEntry { dossier, seq } => {
            plain(sqlx::query("UPDATE ledger_entry SET created_at = 'x' WHERE dossier_id = ? AND seq = ?").bind(dossier.to_string()).bind(i(seq))).await
        }
        Tamper::PlainDeleteEntry { dossier, seq } => {
            plain(sqlx::query("DELETE FROM ledger_entry WHERE dossier_id = ? AND seq = ?").bind(dossier.to_string()).bind(i(seq))).await
        }
        Tamper::PlainUpdateNode { org, level, index } => {
            plain(
                sqlx::query("UPDATE ledger_node SET hash = zeroblob(32) WHERE org_id = ? AND level = ? AND idx = ?")
                    .bind(org.to_string())
                    .bind(i64::from(level))
                    .bind(i(index)),
            )
            .await
        }
        Tamper::PlainDeleteRoot { org, tree_size } => {
            plain(sqlx::query("DELETE FROM org_root WHERE org_id = ? AND tree_size = ?").bind(org.to_string()).bind(i(tree_size))).await
        }
        Tamper::ReplaceEntry { dossier, seq, body_jcs, leaf_hash } => {
            let mut qs = vec![
                sqlx::query("UPDATE ledger_entry SET body_jcs = ? WHERE dossier_id = ? AND seq = ?")
                    .bind(body_jcs)
                    .bind(dossier.to_string())
                    .bind(i(seq)),
            ];
            if let Some(h) = leaf_hash {
                qs.push(
                    sqlx::query("UPDATE ledger_entry SET leaf_hash = ? WHERE dossier_id = ? AND seq = ?")
                        .bind(h.to_vec())
                        .bind(dossier.to_string())
                        .bind(i(seq)),
                );
            }
            bypass(&pool, &["ledger_entry"], qs).await
        }
        Tamper::DeleteEntry { dossier, seq } => {
            let qs = vec![
                sqlx::query("DELETE FROM decision_payload WHERE dossier_id = ? AND seq = ?").bind(dossier.to_string()).bind(i(seq)),
                sqlx::query("DELETE FROM ledger_entry WHERE dossier_id = ? AND seq = ?").bind(dossier.to_string()).bind(i(seq)),
            ];
            bypass(&pool, &["ledger_entry"], qs).await
        }
        Tamper::ReplaceNode { org, level, index, hash } => {
            let qs = vec![
                sqlx::query("UPDATE ledger_node SET hash = ? WHERE org_id = ? AND level = ? AND idx = ?")
                    .bind(hash.to_vec())
                    .bind(org.to_string())
                    .bind(i64::from(level))
                    .bind(i(index)),
            ];
            bypass(&pool, &["ledger_node"], qs).await
        }
        Tamper::InsertCopy { dossier, seq, offset } => plain(
            sqlx::query("INSERT INTO ledger_entry (org_id, leaf_index, dossier_id, seq, prev_hash, leaf_hash, body_jcs) SELECT org_id, leaf_index + ?, dossier_id, seq + ?, prev_hash, leaf_hash, body_jcs FROM ledger_entry WHERE dossier_id = ? AND seq = ?")
                .bind(i(offset))
                .bind(i(offset))
                .bind(dossier.to_string())
                .bind(i(seq)),
        )
        .await
        .map_err(|e| format!("invoegen mislukt: {e:?}")),
        Tamper::ReplaceCiphertext { dossier, seq, ciphertext } => {
            let qs = vec![
                sqlx::query("UPDATE decision_payload SET ciphertext = ? WHERE dossier_id = ? AND seq = ?")
                    .bind(ciphertext)
                    .bind(dossier.to_string())
                    .bind(i(seq)),
            ];
            bypass(&pool, &["decision_payload"], qs).await
        }
    }
}

/// Executes an access-log tamper case with raw SQL.
pub async fn tamper_access(pool: SqlitePool, t: grondslag_store::conformance_access::AccessTamper) -> Result<(), String> {
    use grondslag_store::conformance_access::AccessTamper as A;
    let seq = |s: u64| i64::try_from(s).unwrap();
    match t {
        A::PlainUpdate { org, seq: s } => sqlx::query("UPDATE access_event SET action = 'x' WHERE org_id = ? AND seq = ?")
            .bind(org.to_string())
            .bind(seq(s))
            .execute(&pool)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string()),
        A::PlainDelete { org, seq: s } => sqlx::query("DELETE FROM access_event WHERE org_id = ? AND seq = ?")
            .bind(org.to_string())
            .bind(seq(s))
            .execute(&pool)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string()),
        A::ChangeAction { org, seq: s, action } => {
            bypass(
                &pool,
                &["access_event"],
                vec![
                    sqlx::query("UPDATE access_event SET action = ? WHERE org_id = ? AND seq = ?")
                        .bind(action)
                        .bind(org.to_string())
                        .bind(seq(s)),
                ],
            )
            .await
        }
        A::Delete { org, seq: s } => {
            bypass(
                &pool,
                &["access_event"],
                vec![sqlx::query("DELETE FROM access_event WHERE org_id = ? AND seq = ?").bind(org.to_string()).bind(seq(s))],
            )
            .await
        }
    }
}
