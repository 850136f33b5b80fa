//! The Grondslag store on SQLite (sqlx, no query macros): one file, WAL, foreign keys on,
//! `synchronous = FULL` (an acknowledged append survives a crash or power loss), a busy timeout,
//! and every append in one `BEGIN IMMEDIATE` transaction, which takes SQLite's write lock up
//! front and so serialises appends across connections and processes.
//!
//! The schema lives in `migrations/` (embedded in the binary). Ledger tables are append-only:
//! triggers raise on `UPDATE` and `DELETE`.

mod access;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use grondslag_ledger::{ChainHead, Frontier, Hash, empty_root};
use grondslag_store::{
    AppRole, AppendRequest, Appended, Client, ClientId, Dossier, DossierId, NewProfessional, OrgId, Organisation, Professional,
    ProfessionalId, SavedCheckpoint, SealedPayload, Store, StoreError, StoreResult, StoredEntry, StoredId, TreeHead, UnixMillis, new_id,
    plan_append,
};
use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteRow, SqliteSynchronous};
use sqlx::{Row, SqlSafeStr};

/// The embedded migrations, in order.
const MIGRATIONS: &[(i64, &str, &str)] = &[
    (1, "init", include_str!("../migrations/0001_init.sql")),
    (2, "access", include_str!("../migrations/0002_access.sql")),
    (3, "second_factor", include_str!("../migrations/0003_second_factor.sql")),
    (4, "first_use", include_str!("../migrations/0004_first_use.sql")),
    (5, "conference", include_str!("../migrations/0005_conference.sql")),
];

/// How long a connection waits for SQLite's write lock before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// The store on one SQLite database file.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
}

/// The migrator of this schema (embedded SQL).
pub fn migrator() -> Migrator {
    Migrator::with_migrations(
        MIGRATIONS
            .iter()
            .map(|&(version, description, sql)| {
                Migration::new(version, description.into(), MigrationType::Simple, sql.into_sql_str(), false)
            })
            .collect(),
    )
}

pub(crate) fn backend(e: sqlx::Error) -> StoreError {
    if let Some(db) = e.as_database_error() {
        if db.is_unique_violation() {
            return StoreError::Conflict(db.message().to_owned());
        }
        if db.is_foreign_key_violation() {
            return StoreError::NotFound { what: "verwijzing", id: db.message().to_owned() };
        }
    }
    StoreError::Backend(e.to_string())
}

pub(crate) fn to_i64(n: u64) -> StoreResult<i64> {
    i64::try_from(n).map_err(|_| StoreError::Invalid(format!("getal {n} is te groot")))
}

pub(crate) fn to_u64(n: i64) -> StoreResult<u64> {
    u64::try_from(n).map_err(|_| StoreError::Integrity(format!("negatief getal {n} in de database")))
}

pub(crate) fn hash32(bytes: &[u8]) -> StoreResult<Hash> {
    bytes.try_into().map_err(|_| StoreError::Integrity(format!("hash van {} bytes in plaats van 32", bytes.len())))
}

/// A typed id from a row this store wrote itself (unchecked, see [`StoredId`]).
pub(crate) fn get_id<I: StoredId>(row: &SqliteRow, col: &str) -> StoreResult<I> {
    Ok(I::from_stored(get::<String>(row, col)?))
}

pub(crate) fn get_opt_id<I: StoredId>(row: &SqliteRow, col: &str) -> StoreResult<Option<I>> {
    Ok(get::<Option<String>>(row, col)?.map(I::from_stored))
}

/// A time as stored (unix milliseconds in a `BIGINT`/`INTEGER` column).
pub(crate) fn get_time(row: &SqliteRow, col: &str) -> StoreResult<UnixMillis> {
    Ok(UnixMillis::from_millis(get::<i64>(row, col)?))
}

pub(crate) fn get_opt_time(row: &SqliteRow, col: &str) -> StoreResult<Option<UnixMillis>> {
    Ok(get::<Option<i64>>(row, col)?.map(UnixMillis::from_millis))
}

pub(crate) fn get<'r, T: sqlx::Decode<'r, sqlx::Sqlite> + sqlx::Type<sqlx::Sqlite>>(row: &'r SqliteRow, col: &str) -> StoreResult<T> {
    row.try_get(col).map_err(backend)
}

impl SqliteStore {
    /// Writes a consistent copy of the whole database to `path` (which must not exist yet), while
    /// the store stays in use: SQLite's `VACUUM INTO` reads one transaction-consistent snapshot.
    pub async fn snapshot_to(&self, path: &Path) -> StoreResult<()> {
        let target = path.to_str().ok_or_else(|| StoreError::Invalid(format!("pad {} is geen geldige tekst", path.display())))?;
        sqlx::query("VACUUM INTO ?").bind(target).execute(&self.pool).await.map_err(backend)?;
        Ok(())
    }

    /// Opens (creating if missing) the database file and brings its schema up to date.
    pub async fn open(path: impl AsRef<Path>) -> StoreResult<Self> {
        let options = SqliteConnectOptions::new().filename(path).create_if_missing(true);
        Self::open_with(options, 8).await
    }

    /// Opens from a URL such as `sqlite:///var/lib/grondslag/db.sqlite`.
    pub async fn open_url(url: &str) -> StoreResult<Self> {
        let options = SqliteConnectOptions::from_str(url).map_err(backend)?.create_if_missing(true);
        Self::open_with(options, 8).await
    }

    /// Opens with the given options; the durability and integrity settings are always applied.
    pub async fn open_with(options: SqliteConnectOptions, max_connections: u32) -> StoreResult<Self> {
        let options =
            options.journal_mode(SqliteJournalMode::Wal).synchronous(SqliteSynchronous::Full).foreign_keys(true).busy_timeout(BUSY_TIMEOUT);
        let pool = SqlitePoolOptions::new().max_connections(max_connections.max(1)).connect_with(options).await.map_err(backend)?;
        migrator().run(&pool).await.map_err(|e| StoreError::Backend(format!("migratie mislukt: {e}")))?;
        Ok(Self { pool })
    }

    /// The connection pool (for tests and maintenance).
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }

    async fn require_org(&self, org: &OrgId) -> StoreResult<()> {
        let found =
            sqlx::query("SELECT 1 FROM organisation WHERE id = ?").bind(org.as_str()).fetch_optional(&self.pool).await.map_err(backend)?;
        found.map(|_| ()).ok_or_else(|| StoreError::not_found("organisatie", org))
    }
}

fn organisation(row: &SqliteRow) -> StoreResult<Organisation> {
    Ok(Organisation { id: get_id(row, "id")?, name: get(row, "name")?, origin: get(row, "origin")? })
}

fn professional(row: &SqliteRow) -> StoreResult<Professional> {
    Ok(Professional {
        id: get_id(row, "id")?,
        org: get_id(row, "org_id")?,
        name: get(row, "name")?,
        app_role: AppRole::parse(&get::<String>(row, "app_role")?)?,
        profession: get(row, "profession")?,
    })
}

fn client(row: &SqliteRow) -> StoreResult<Client> {
    Ok(Client { id: get_id(row, "id")?, org: get_id(row, "org_id")?, pseudonym: get(row, "pseudonym")?, identity: get(row, "identity")? })
}

fn dossier(row: &SqliteRow) -> StoreResult<Dossier> {
    Ok(Dossier { id: get_id(row, "id")?, org: get_id(row, "org_id")?, client: get_id(row, "client_id")? })
}

impl Store for SqliteStore {
    async fn create_organisation(&self, name: &str, origin: Option<&str>) -> StoreResult<Organisation> {
        let id = OrgId::generate();
        let origin = origin.map_or_else(|| Organisation::default_origin(&id), str::to_owned);
        sqlx::query("INSERT INTO organisation (id, name, origin) VALUES (?, ?, ?)")
            .bind(id.as_str())
            .bind(name)
            .bind(&origin)
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(Organisation { id, name: name.to_owned(), origin })
    }

    async fn organisation(&self, id: &OrgId) -> StoreResult<Organisation> {
        let row = sqlx::query("SELECT id, name, origin FROM organisation WHERE id = ?")
            .bind(id.as_str())
            .fetch_optional(&self.pool)
            .await
            .map_err(backend)?;
        organisation(&row.ok_or_else(|| StoreError::not_found("organisatie", id))?)
    }

    async fn organisations(&self) -> StoreResult<Vec<Organisation>> {
        let rows = sqlx::query("SELECT id, name, origin FROM organisation ORDER BY id").fetch_all(&self.pool).await.map_err(backend)?;
        rows.iter().map(organisation).collect()
    }

    async fn create_professional(&self, new: &NewProfessional) -> StoreResult<Professional> {
        self.require_org(&new.org).await?;
        let id = ProfessionalId::generate();
        sqlx::query("INSERT INTO professional (id, org_id, name, app_role, profession) VALUES (?, ?, ?, ?, ?)")
            .bind(id.as_str())
            .bind(new.org.as_str())
            .bind(&new.name)
            .bind(new.app_role.as_str())
            .bind(&new.profession)
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(Professional { id, org: new.org.clone(), name: new.name.clone(), app_role: new.app_role, profession: new.profession.clone() })
    }

    async fn professional(&self, id: &ProfessionalId) -> StoreResult<Professional> {
        let row = sqlx::query("SELECT id, org_id, name, app_role, profession FROM professional WHERE id = ?")
            .bind(id.as_str())
            .fetch_optional(&self.pool)
            .await
            .map_err(backend)?;
        professional(&row.ok_or_else(|| StoreError::not_found("professional", id))?)
    }

    async fn professionals(&self, org: &OrgId) -> StoreResult<Vec<Professional>> {
        let rows = sqlx::query("SELECT id, org_id, name, app_role, profession FROM professional WHERE org_id = ? ORDER BY id")
            .bind(org.as_str())
            .fetch_all(&self.pool)
            .await
            .map_err(backend)?;
        rows.iter().map(professional).collect()
    }

    async fn create_client(&self, org: &OrgId, pseudonym: &str, identity: &[u8]) -> StoreResult<Client> {
        self.require_org(org).await?;
        let id = ClientId::generate();
        sqlx::query("INSERT INTO client (id, org_id, pseudonym, identity) VALUES (?, ?, ?, ?)")
            .bind(id.as_str())
            .bind(org.as_str())
            .bind(pseudonym)
            .bind(identity)
            .execute(&self.pool)
            .await
            .map_err(|e| match backend(e) {
                StoreError::Conflict(_) => StoreError::Conflict(format!("pseudoniem bestaat al in organisatie {org}")),
                other => other,
            })?;
        Ok(Client { id, org: org.clone(), pseudonym: pseudonym.to_owned(), identity: identity.to_vec() })
    }

    async fn client(&self, id: &ClientId) -> StoreResult<Client> {
        let row = sqlx::query("SELECT id, org_id, pseudonym, identity FROM client WHERE id = ?")
            .bind(id.as_str())
            .fetch_optional(&self.pool)
            .await
            .map_err(backend)?;
        client(&row.ok_or_else(|| StoreError::not_found("cliënt", id))?)
    }

    async fn client_by_pseudonym(&self, org: &OrgId, pseudonym: &str) -> StoreResult<Option<Client>> {
        let row = sqlx::query("SELECT id, org_id, pseudonym, identity FROM client WHERE org_id = ? AND pseudonym = ?")
            .bind(org.as_str())
            .bind(pseudonym)
            .fetch_optional(&self.pool)
            .await
            .map_err(backend)?;
        row.as_ref().map(client).transpose()
    }

    async fn clients(&self, org: &OrgId) -> StoreResult<Vec<Client>> {
        let rows = sqlx::query("SELECT id, org_id, pseudonym, identity FROM client WHERE org_id = ? ORDER BY id")
            .bind(org.as_str())
            .fetch_all(&self.pool)
            .await
            .map_err(backend)?;
        rows.iter().map(client).collect()
    }

    async fn dossier_for_client(&self, org: &OrgId, client_id: &ClientId) -> StoreResult<Dossier> {
        let c = self.client(client_id).await?;
        if c.org != *org {
            return Err(StoreError::not_found("cliënt in deze organisatie", client_id));
        }
        // Read first: the dossier almost always exists, and a read takes no write lock.
        let existing = sqlx::query("SELECT id, org_id, client_id FROM dossier WHERE org_id = ? AND client_id = ?")
            .bind(org.as_str())
            .bind(client_id.as_str())
            .fetch_optional(&self.pool)
            .await
            .map_err(backend)?;
        if let Some(row) = existing {
            return dossier(&row);
        }
        sqlx::query("INSERT INTO dossier (id, org_id, client_id) VALUES (?, ?, ?) ON CONFLICT (org_id, client_id) DO NOTHING")
            .bind(new_id())
            .bind(org.as_str())
            .bind(client_id.as_str())
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        let row = sqlx::query("SELECT id, org_id, client_id FROM dossier WHERE org_id = ? AND client_id = ?")
            .bind(org.as_str())
            .bind(client_id.as_str())
            .fetch_one(&self.pool)
            .await
            .map_err(backend)?;
        dossier(&row)
    }

    async fn dossier(&self, id: &DossierId) -> StoreResult<Dossier> {
        let row = sqlx::query("SELECT id, org_id, client_id FROM dossier WHERE id = ?")
            .bind(id.as_str())
            .fetch_optional(&self.pool)
            .await
            .map_err(backend)?;
        dossier(&row.ok_or_else(|| StoreError::not_found("dossier", id))?)
    }

    async fn dossiers(&self, org: &OrgId) -> StoreResult<Vec<Dossier>> {
        let rows = sqlx::query("SELECT id, org_id, client_id FROM dossier WHERE org_id = ? ORDER BY id")
            .bind(org.as_str())
            .fetch_all(&self.pool)
            .await
            .map_err(backend)?;
        rows.iter().map(dossier).collect()
    }

    async fn append(&self, org: &OrgId, dossier_id: &DossierId, req: &AppendRequest) -> StoreResult<Appended> {
        // The write lock is taken at BEGIN, so the heads read below cannot change before COMMIT.
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await.map_err(backend)?;
        let owner = sqlx::query("SELECT org_id FROM dossier WHERE id = ?")
            .bind(dossier_id.as_str())
            .fetch_optional(&mut *tx)
            .await
            .map_err(backend)?;
        match owner {
            Some(row) if get::<String>(&row, "org_id")? == org.as_str() => {}
            _ => return Err(StoreError::not_found("dossier in deze organisatie", dossier_id)),
        }
        let head = sqlx::query("SELECT seq, leaf_hash FROM ledger_entry WHERE dossier_id = ? ORDER BY seq DESC LIMIT 1")
            .bind(dossier_id.as_str())
            .fetch_optional(&mut *tx)
            .await
            .map_err(backend)?;
        let head = match head {
            Some(row) => Some(ChainHead { seq: to_u64(get(&row, "seq")?)?, leaf_hash: hash32(&get::<Vec<u8>>(&row, "leaf_hash")?)? }),
            None => None,
        };
        let tree = sqlx::query("SELECT tree_size, frontier FROM org_root WHERE org_id = ? ORDER BY tree_size DESC LIMIT 1")
            .bind(org.as_str())
            .fetch_optional(&mut *tx)
            .await
            .map_err(backend)?;
        let frontier = match tree {
            Some(row) => Frontier::from_bytes(to_u64(get(&row, "tree_size")?)?, &get::<Vec<u8>>(&row, "frontier")?)
                .map_err(|e| StoreError::Integrity(e.to_string()))?,
            None => Frontier::new(),
        };

        let plan = plan_append(org, dossier_id, head, frontier, req)?;
        let a = plan.appended();
        sqlx::query(
            "INSERT INTO ledger_entry (org_id, leaf_index, dossier_id, seq, prev_hash, leaf_hash, body_jcs) VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(org.as_str())
        .bind(to_i64(a.leaf_index)?)
        .bind(dossier_id.as_str())
        .bind(to_i64(a.seq)?)
        .bind(plan.prev_hash().as_slice())
        .bind(a.leaf_hash.as_slice())
        .bind(plan.entry.jcs())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        sqlx::query("INSERT INTO decision_payload (dossier_id, seq, salt, nonce, ciphertext) VALUES (?, ?, ?, ?, ?)")
            .bind(dossier_id.as_str())
            .bind(to_i64(a.seq)?)
            .bind(req.payload.salt.as_slice())
            .bind(req.payload.nonce.as_slice())
            .bind(req.payload.ciphertext.as_slice())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        for (level, index, hash) in &plan.nodes {
            sqlx::query("INSERT INTO ledger_node (org_id, level, idx, hash) VALUES (?, ?, ?, ?)")
                .bind(org.as_str())
                .bind(i64::from(*level))
                .bind(to_i64(*index)?)
                .bind(hash.as_slice())
                .execute(&mut *tx)
                .await
                .map_err(backend)?;
        }
        sqlx::query("INSERT INTO org_root (org_id, tree_size, root, frontier) VALUES (?, ?, ?, ?)")
            .bind(org.as_str())
            .bind(to_i64(a.tree_size)?)
            .bind(a.root.as_slice())
            .bind(plan.frontier.to_bytes())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        tx.commit().await.map_err(backend)?;
        Ok(a)
    }

    async fn entries(&self, dossier_id: &DossierId) -> StoreResult<Vec<StoredEntry>> {
        self.dossier(dossier_id).await?;
        let rows = sqlx::query(
            "SELECT e.seq, e.leaf_index, e.leaf_hash, e.body_jcs, p.salt, p.nonce, p.ciphertext \
             FROM ledger_entry e LEFT JOIN decision_payload p ON p.dossier_id = e.dossier_id AND p.seq = e.seq \
             WHERE e.dossier_id = ? ORDER BY e.seq",
        )
        .bind(dossier_id.as_str())
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        rows.iter()
            .map(|row| {
                let salt: Option<Vec<u8>> = get(row, "salt")?;
                let payload = match salt {
                    Some(salt) => {
                        Some(SealedPayload { salt: hash32(&salt)?, nonce: get(row, "nonce")?, ciphertext: get(row, "ciphertext")? })
                    }
                    None => None,
                };
                Ok(StoredEntry {
                    dossier: dossier_id.to_owned(),
                    seq: to_u64(get(row, "seq")?)?,
                    leaf_index: to_u64(get(row, "leaf_index")?)?,
                    leaf_hash: hash32(&get::<Vec<u8>>(row, "leaf_hash")?)?,
                    body_jcs: get(row, "body_jcs")?,
                    payload,
                })
            })
            .collect()
    }

    async fn node(&self, org: &OrgId, level: u8, index: u64) -> StoreResult<Option<Hash>> {
        Ok(self.nodes(org, &[(level, index)]).await?.pop().flatten())
    }

    async fn nodes(&self, org: &OrgId, keys: &[(u8, u64)]) -> StoreResult<Vec<Option<Hash>>> {
        let mut conn = self.pool.acquire().await.map_err(backend)?;
        let mut out = Vec::with_capacity(keys.len());
        for &(level, index) in keys {
            let Ok(index) = i64::try_from(index) else {
                out.push(None);
                continue;
            };
            let row = sqlx::query("SELECT hash FROM ledger_node WHERE org_id = ? AND level = ? AND idx = ?")
                .bind(org.as_str())
                .bind(i64::from(level))
                .bind(index)
                .fetch_optional(&mut *conn)
                .await
                .map_err(backend)?;
            out.push(match row {
                Some(r) => Some(hash32(&get::<Vec<u8>>(&r, "hash")?)?),
                None => None,
            });
        }
        Ok(out)
    }

    async fn tree_head(&self, org: &OrgId) -> StoreResult<TreeHead> {
        let row = sqlx::query("SELECT tree_size, root FROM org_root WHERE org_id = ? ORDER BY tree_size DESC LIMIT 1")
            .bind(org.as_str())
            .fetch_optional(&self.pool)
            .await
            .map_err(backend)?;
        match row {
            Some(r) => Ok(TreeHead { size: to_u64(get(&r, "tree_size")?)?, root: hash32(&get::<Vec<u8>>(&r, "root")?)? }),
            None => Ok(TreeHead { size: 0, root: empty_root() }),
        }
    }

    async fn root_at(&self, org: &OrgId, size: u64) -> StoreResult<Option<Hash>> {
        if size == 0 {
            return Ok(Some(empty_root()));
        }
        let Ok(size) = i64::try_from(size) else { return Ok(None) };
        let row = sqlx::query("SELECT root FROM org_root WHERE org_id = ? AND tree_size = ?")
            .bind(org.as_str())
            .bind(size)
            .fetch_optional(&self.pool)
            .await
            .map_err(backend)?;
        row.map(|r| hash32(&get::<Vec<u8>>(&r, "root")?)).transpose()
    }

    async fn roots(&self, org: &OrgId) -> StoreResult<Vec<(u64, Hash)>> {
        let rows = sqlx::query("SELECT tree_size, root FROM org_root WHERE org_id = ? ORDER BY tree_size")
            .bind(org.as_str())
            .fetch_all(&self.pool)
            .await
            .map_err(backend)?;
        rows.iter().map(|r| Ok((to_u64(get(r, "tree_size")?)?, hash32(&get::<Vec<u8>>(r, "root")?)?))).collect()
    }

    async fn save_checkpoint(&self, org: &OrgId, checkpoint: &SavedCheckpoint) -> StoreResult<()> {
        self.require_org(org).await?;
        let head = self.tree_head(org).await?;
        if checkpoint.tree_size > head.size {
            return Err(StoreError::Invalid(format!(
                "checkpoint voor boomgrootte {} terwijl de boom {} groot is",
                checkpoint.tree_size, head.size
            )));
        }
        sqlx::query("INSERT INTO checkpoint (org_id, tree_size, note) VALUES (?, ?, ?) ON CONFLICT (org_id, tree_size, note) DO NOTHING")
            .bind(org.as_str())
            .bind(to_i64(checkpoint.tree_size)?)
            .bind(&checkpoint.note)
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn latest_checkpoint(&self, org: &OrgId) -> StoreResult<Option<SavedCheckpoint>> {
        let row = sqlx::query("SELECT tree_size, note FROM checkpoint WHERE org_id = ? ORDER BY tree_size DESC, id DESC LIMIT 1")
            .bind(org.as_str())
            .fetch_optional(&self.pool)
            .await
            .map_err(backend)?;
        row.map(|r| Ok(SavedCheckpoint { tree_size: to_u64(get(&r, "tree_size")?)?, note: get(&r, "note")? })).transpose()
    }

    async fn erase_payload(&self, dossier_id: &DossierId, seq: u64) -> StoreResult<()> {
        let seq_i = to_i64(seq)?;
        let mut tx = self.pool.begin().await.map_err(backend)?;
        let exists = sqlx::query("SELECT 1 FROM ledger_entry WHERE dossier_id = ? AND seq = ?")
            .bind(dossier_id.as_str())
            .bind(seq_i)
            .fetch_optional(&mut *tx)
            .await
            .map_err(backend)?;
        if exists.is_none() {
            return Err(StoreError::not_found("entry", format!("{dossier_id}#{seq}")));
        }
        sqlx::query("DELETE FROM decision_payload WHERE dossier_id = ? AND seq = ?")
            .bind(dossier_id.as_str())
            .bind(seq_i)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        tx.commit().await.map_err(backend)
    }
}
