//! [`AccessStore`] on PostgreSQL: logins, sessions, care relations, break-the-glass grants, the
//! hash-chained access log and drafts (`migrations/0002_access.sql`).
//!
//! Appends to the access log are serialised per organisation with a transaction-scoped advisory
//! lock like ledger appends, but on a key of their own
//! (`hashtextextended('toegang:' || org, 0)`), so logging an access never waits for a ledger
//! append of the same organisation. Text ordering uses `COLLATE "C"` (byte order, as SQLite).

use grondslag_store::{
    ACCESS_GENESIS, AccessEvent, AccessQuery, AccessStore, BreakGlass, CareRelation, ClientId, Conference, ConferenceId, Credential, Draft,
    DraftId, GrantId, OrgId, PasswordOrigin, ProfessionalId, SecondFactor, SessionRecord, SessionStage, StoreError, StoreResult,
    StoredAccessEvent, UnixMillis, access_event_hash,
};
use std::collections::HashMap;

use grondslag_ledger::Hash;
use sqlx::postgres::PgRow;

use crate::{PostgresStore, backend, get, get_id, get_opt_id, get_opt_time, get_time, hash32, to_i64, to_u64};

fn credential(row: &PgRow) -> StoreResult<Credential> {
    Ok(Credential {
        professional: get_id(row, "professional_id")?,
        login: get(row, "login")?,
        password_hash: get(row, "password_hash")?,
        disabled: get(row, "disabled")?,
        must_change_password: get(row, "must_change_password")?,
        first_use: get_opt_time(row, "first_use")?,
    })
}

fn session(row: &PgRow) -> StoreResult<SessionRecord> {
    Ok(SessionRecord {
        id_hash: get(row, "id_hash")?,
        professional: get_id(row, "professional_id")?,
        created: get_time(row, "created")?,
        last_seen: get_time(row, "last_seen")?,
        expires: get_time(row, "expires")?,
        stage: SessionStage::parse(&get::<String>(row, "stage")?)?,
    })
}

fn second_factor(row: &PgRow) -> StoreResult<SecondFactor> {
    Ok(SecondFactor {
        professional: get_id(row, "professional_id")?,
        secret_sealed: get(row, "secret_sealed")?,
        confirmed: get(row, "confirmed")?,
        last_step: get(row, "last_step")?,
        created: get_time(row, "created")?,
    })
}

fn break_glass(row: &PgRow) -> StoreResult<BreakGlass> {
    Ok(BreakGlass {
        id: get_id(row, "id")?,
        org: get_id(row, "org_id")?,
        professional: get_id(row, "professional_id")?,
        client: get_id(row, "client_id")?,
        reason_sealed: get(row, "reason_sealed")?,
        granted: get_time(row, "granted")?,
        expires: get_time(row, "expires")?,
        reviewed_by: get_opt_id(row, "reviewed_by")?,
        reviewed_at: get_opt_time(row, "reviewed_at")?,
    })
}

fn access_event(row: &PgRow) -> StoreResult<StoredAccessEvent> {
    Ok(StoredAccessEvent {
        seq: to_u64(get(row, "seq")?)?,
        event: AccessEvent {
            org: get_id(row, "org_id")?,
            ts: get(row, "ts")?,
            user: get(row, "user_id")?,
            user_role: get(row, "user_role")?,
            on_behalf_of: get(row, "on_behalf_of")?,
            client: get(row, "client_id")?,
            action: get(row, "action")?,
            authorisation: get(row, "authorisation")?,
            allowed: get(row, "allowed")?,
            source: get(row, "source")?,
        },
        prev_hash: hash32(&get::<Vec<u8>>(row, "prev_hash")?)?,
        hash: hash32(&get::<Vec<u8>>(row, "hash")?)?,
    })
}

fn draft(row: &PgRow) -> StoreResult<Draft> {
    Ok(Draft {
        id: get_id(row, "id")?,
        org: get_id(row, "org_id")?,
        professional: get_id(row, "professional_id")?,
        client: get_opt_id(row, "client_id")?,
        sealed: get(row, "sealed")?,
        updated: get_time(row, "updated")?,
    })
}

fn conference(row: &PgRow, members: Vec<ProfessionalId>) -> StoreResult<Conference> {
    Ok(Conference {
        id: get_id(row, "id")?,
        org: get_id(row, "org_id")?,
        chair: get_id(row, "chair_id")?,
        members,
        sealed: get(row, "sealed")?,
        version: get(row, "version")?,
        updated: get_time(row, "updated")?,
    })
}

/// The access_event columns, in insert order (a macro so the SQL stays a literal).
macro_rules! event_columns {
    () => {
        "org_id, seq, ts, user_id, user_role, on_behalf_of, client_id, action, authorisation, allowed, source, prev_hash, hash"
    };
}

/// The credential columns.
macro_rules! credential_columns {
    () => {
        "professional_id, login, password_hash, disabled, must_change_password, first_use"
    };
}

/// The break_glass columns.
macro_rules! break_glass_columns {
    () => {
        "id, org_id, professional_id, client_id, reason_sealed, granted, expires, reviewed_by, reviewed_at"
    };
}

impl AccessStore for PostgresStore {
    async fn set_credential(
        &self,
        professional: &ProfessionalId,
        login: &str,
        password_hash: &str,
        origin: PasswordOrigin,
    ) -> StoreResult<()> {
        let must_change = origin == PasswordOrigin::Initial;
        if login.trim().is_empty() {
            return Err(StoreError::Invalid("lege inlognaam".into()));
        }
        let res = sqlx::query(
            "INSERT INTO credential (professional_id, login, login_key, password_hash, must_change_password) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (professional_id) DO UPDATE SET login = excluded.login, login_key = excluded.login_key,
             password_hash = excluded.password_hash, must_change_password = excluded.must_change_password",
        )
        .bind(professional.as_str())
        .bind(login)
        .bind(login.to_lowercase())
        .bind(password_hash)
        .bind(must_change)
        .execute(self.pool())
        .await;
        match res {
            Ok(_) => Ok(()),
            Err(e) => match backend(e) {
                StoreError::Conflict(_) => Err(StoreError::Conflict(format!("de inlognaam {login:?} is al in gebruik"))),
                other => Err(other),
            },
        }
    }

    async fn credential_by_login(&self, login: &str) -> StoreResult<Option<Credential>> {
        let row = sqlx::query(concat!("SELECT ", credential_columns!(), " FROM credential WHERE login_key = $1"))
            .bind(login.to_lowercase())
            .fetch_optional(self.pool())
            .await
            .map_err(backend)?;
        row.as_ref().map(credential).transpose()
    }

    async fn credential_of(&self, professional: &ProfessionalId) -> StoreResult<Option<Credential>> {
        let row = sqlx::query(concat!("SELECT ", credential_columns!(), " FROM credential WHERE professional_id = $1"))
            .bind(professional.as_str())
            .fetch_optional(self.pool())
            .await
            .map_err(backend)?;
        row.as_ref().map(credential).transpose()
    }

    async fn set_disabled(&self, professional: &ProfessionalId, disabled: bool) -> StoreResult<()> {
        let done = sqlx::query("UPDATE credential SET disabled = $1 WHERE professional_id = $2")
            .bind(disabled)
            .bind(professional.as_str())
            .execute(self.pool())
            .await
            .map_err(backend)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::not_found("inlog van professional", professional));
        }
        Ok(())
    }

    async fn record_first_use(&self, professional: &ProfessionalId, at: UnixMillis) -> StoreResult<bool> {
        // One statement: of two sign-ins at the same moment, only one records the first use.
        let done = sqlx::query("UPDATE credential SET first_use = $1 WHERE professional_id = $2 AND first_use IS NULL")
            .bind(at.as_millis())
            .bind(professional.as_str())
            .execute(self.pool())
            .await
            .map_err(backend)?;
        if done.rows_affected() == 1 {
            return Ok(true);
        }
        match self.credential_of(professional).await? {
            Some(_) => Ok(false),
            None => Err(StoreError::not_found("inlog van professional", professional)),
        }
    }

    async fn create_session(&self, s: &SessionRecord) -> StoreResult<()> {
        sqlx::query("INSERT INTO session (id_hash, professional_id, created, last_seen, expires, stage) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(&s.id_hash)
            .bind(s.professional.as_str())
            .bind(s.created.as_millis())
            .bind(s.last_seen.as_millis())
            .bind(s.expires.as_millis())
            .bind(s.stage.as_str())
            .execute(self.pool())
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn session(&self, id_hash: &str) -> StoreResult<Option<SessionRecord>> {
        let row = sqlx::query("SELECT id_hash, professional_id, created, last_seen, expires, stage FROM session WHERE id_hash = $1")
            .bind(id_hash)
            .fetch_optional(self.pool())
            .await
            .map_err(backend)?;
        row.as_ref().map(session).transpose()
    }

    async fn touch_session(&self, id_hash: &str, last_seen: UnixMillis) -> StoreResult<()> {
        sqlx::query("UPDATE session SET last_seen = $1 WHERE id_hash = $2")
            .bind(last_seen.as_millis())
            .bind(id_hash)
            .execute(self.pool())
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn delete_session(&self, id_hash: &str) -> StoreResult<()> {
        sqlx::query("DELETE FROM session WHERE id_hash = $1").bind(id_hash).execute(self.pool()).await.map_err(backend)?;
        Ok(())
    }

    async fn delete_sessions_of(&self, professional: &ProfessionalId) -> StoreResult<u64> {
        let done = sqlx::query("DELETE FROM session WHERE professional_id = $1")
            .bind(professional.as_str())
            .execute(self.pool())
            .await
            .map_err(backend)?;
        Ok(done.rows_affected())
    }

    async fn second_factor(&self, professional: &ProfessionalId) -> StoreResult<Option<SecondFactor>> {
        let row = sqlx::query(
            "SELECT professional_id, secret_sealed, confirmed, last_step, created FROM second_factor WHERE professional_id = $1",
        )
        .bind(professional.as_str())
        .fetch_optional(self.pool())
        .await
        .map_err(backend)?;
        row.as_ref().map(second_factor).transpose()
    }

    async fn start_second_factor(&self, professional: &ProfessionalId, secret_sealed: &[u8], created: UnixMillis) -> StoreResult<()> {
        let done = sqlx::query(
            "INSERT INTO second_factor (professional_id, secret_sealed, confirmed, last_step, created) VALUES ($1, $2, FALSE, NULL, $3)
             ON CONFLICT (professional_id) DO UPDATE SET secret_sealed = excluded.secret_sealed, created = excluded.created
             WHERE NOT second_factor.confirmed",
        )
        .bind(professional.as_str())
        .bind(secret_sealed)
        .bind(created.as_millis())
        .execute(self.pool())
        .await
        .map_err(backend)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Conflict("de tweede factor staat al aan".into()));
        }
        Ok(())
    }

    async fn confirm_second_factor(&self, professional: &ProfessionalId, step: i64, recovery_hashes: &[String]) -> StoreResult<()> {
        let mut tx = self.pool().begin().await.map_err(backend)?;
        let done = sqlx::query("UPDATE second_factor SET confirmed = TRUE, last_step = $1 WHERE professional_id = $2 AND NOT confirmed")
            .bind(step)
            .bind(professional.as_str())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::not_found("tweede factor in afwachting van bevestiging", professional));
        }
        replace_recovery_codes(&mut tx, professional, recovery_hashes).await?;
        tx.commit().await.map_err(backend)
    }

    async fn accept_second_factor_step(&self, professional: &ProfessionalId, step: i64) -> StoreResult<bool> {
        // One UPDATE with the comparison in its WHERE: under READ COMMITTED a concurrent update of
        // the row is waited for and the condition re-checked, so a step is accepted at most once.
        let done = sqlx::query(
            "UPDATE second_factor SET last_step = $1 WHERE professional_id = $2 AND confirmed AND (last_step IS NULL OR last_step < $1)",
        )
        .bind(step)
        .bind(professional.as_str())
        .execute(self.pool())
        .await
        .map_err(backend)?;
        Ok(done.rows_affected() == 1)
    }

    async fn remove_second_factor(&self, professional: &ProfessionalId) -> StoreResult<()> {
        let mut tx = self.pool().begin().await.map_err(backend)?;
        sqlx::query("DELETE FROM recovery_code WHERE professional_id = $1")
            .bind(professional.as_str())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        sqlx::query("DELETE FROM second_factor WHERE professional_id = $1")
            .bind(professional.as_str())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        tx.commit().await.map_err(backend)
    }

    async fn set_recovery_codes(&self, professional: &ProfessionalId, hashes: &[String]) -> StoreResult<()> {
        let mut tx = self.pool().begin().await.map_err(backend)?;
        replace_recovery_codes(&mut tx, professional, hashes).await?;
        tx.commit().await.map_err(backend)
    }

    async fn use_recovery_code(&self, professional: &ProfessionalId, hash: &str, at: UnixMillis) -> StoreResult<bool> {
        let done = sqlx::query("UPDATE recovery_code SET used_at = $1 WHERE professional_id = $2 AND code_hash = $3 AND used_at IS NULL")
            .bind(at.as_millis())
            .bind(professional.as_str())
            .bind(hash)
            .execute(self.pool())
            .await
            .map_err(backend)?;
        Ok(done.rows_affected() == 1)
    }

    async fn recovery_codes_left(&self, professional: &ProfessionalId) -> StoreResult<u64> {
        let row = sqlx::query("SELECT count(*) AS n FROM recovery_code WHERE professional_id = $1 AND used_at IS NULL")
            .bind(professional.as_str())
            .fetch_one(self.pool())
            .await
            .map_err(backend)?;
        to_u64(get(&row, "n")?)
    }

    async fn second_factor_required(&self, org: &OrgId) -> StoreResult<bool> {
        let row = sqlx::query("SELECT second_factor_required FROM org_setting WHERE org_id = $1")
            .bind(org.as_str())
            .fetch_optional(self.pool())
            .await
            .map_err(backend)?;
        match row {
            Some(r) => get(&r, "second_factor_required"),
            None => Ok(false),
        }
    }

    async fn set_second_factor_required(&self, org: &OrgId, required: bool) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO org_setting (org_id, second_factor_required) VALUES ($1, $2)
             ON CONFLICT (org_id) DO UPDATE SET second_factor_required = excluded.second_factor_required",
        )
        .bind(org.as_str())
        .bind(required)
        .execute(self.pool())
        .await
        .map_err(backend)?;
        Ok(())
    }

    async fn add_care_relation(&self, r: &CareRelation) -> StoreResult<()> {
        // The professional and the client must both belong to the relation's organisation.
        let ok = sqlx::query(
            "SELECT 1 FROM professional p JOIN client c ON c.org_id = p.org_id WHERE p.id = $1 AND c.id = $2 AND p.org_id = $3",
        )
        .bind(r.professional.as_str())
        .bind(r.client.as_str())
        .bind(r.org.as_str())
        .fetch_optional(self.pool())
        .await
        .map_err(backend)?;
        if ok.is_none() {
            return Err(StoreError::not_found("professional en cliënt in deze organisatie", format!("{} / {}", r.professional, r.client)));
        }
        sqlx::query("INSERT INTO care_relation (org_id, professional_id, client_id, since) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING")
            .bind(r.org.as_str())
            .bind(r.professional.as_str())
            .bind(r.client.as_str())
            .bind(&r.since)
            .execute(self.pool())
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn end_care_relation(&self, professional: &ProfessionalId, client: &ClientId) -> StoreResult<()> {
        sqlx::query("DELETE FROM care_relation WHERE professional_id = $1 AND client_id = $2")
            .bind(professional.as_str())
            .bind(client.as_str())
            .execute(self.pool())
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn has_care_relation(&self, professional: &ProfessionalId, client: &ClientId) -> StoreResult<bool> {
        let row = sqlx::query("SELECT 1 FROM care_relation WHERE professional_id = $1 AND client_id = $2")
            .bind(professional.as_str())
            .bind(client.as_str())
            .fetch_optional(self.pool())
            .await
            .map_err(backend)?;
        Ok(row.is_some())
    }

    async fn clients_of(&self, professional: &ProfessionalId) -> StoreResult<Vec<ClientId>> {
        let rows = sqlx::query(
            "SELECT client_id FROM care_relation WHERE professional_id = $1 ORDER BY since COLLATE \"C\", client_id COLLATE \"C\"",
        )
        .bind(professional.as_str())
        .fetch_all(self.pool())
        .await
        .map_err(backend)?;
        rows.iter().map(|r| get_id(r, "client_id")).collect()
    }

    async fn care_relations(&self, org: &OrgId) -> StoreResult<Vec<CareRelation>> {
        let rows = sqlx::query(
            "SELECT org_id, professional_id, client_id, since FROM care_relation WHERE org_id = $1
             ORDER BY since COLLATE \"C\", professional_id COLLATE \"C\", client_id COLLATE \"C\"",
        )
        .bind(org.as_str())
        .fetch_all(self.pool())
        .await
        .map_err(backend)?;
        rows.iter()
            .map(|r| {
                Ok(CareRelation {
                    org: get_id(r, "org_id")?,
                    professional: get_id(r, "professional_id")?,
                    client: get_id(r, "client_id")?,
                    since: get(r, "since")?,
                })
            })
            .collect()
    }

    async fn create_break_glass(&self, g: &BreakGlass) -> StoreResult<()> {
        let ok = sqlx::query(
            "SELECT 1 FROM professional p JOIN client c ON c.org_id = p.org_id WHERE p.id = $1 AND c.id = $2 AND p.org_id = $3",
        )
        .bind(g.professional.as_str())
        .bind(g.client.as_str())
        .bind(g.org.as_str())
        .fetch_optional(self.pool())
        .await
        .map_err(backend)?;
        if ok.is_none() {
            return Err(StoreError::not_found("professional en cliënt in deze organisatie", format!("{} / {}", g.professional, g.client)));
        }
        sqlx::query(
            "INSERT INTO break_glass (id, org_id, professional_id, client_id, reason_sealed, granted, expires, reviewed_by, reviewed_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, NULL)",
        )
        .bind(g.id.as_str())
        .bind(g.org.as_str())
        .bind(g.professional.as_str())
        .bind(g.client.as_str())
        .bind(&g.reason_sealed)
        .bind(g.granted.as_millis())
        .bind(g.expires.as_millis())
        .execute(self.pool())
        .await
        .map_err(backend)?;
        Ok(())
    }

    async fn active_break_glass(
        &self,
        professional: &ProfessionalId,
        client: &ClientId,
        now: UnixMillis,
    ) -> StoreResult<Option<BreakGlass>> {
        let row = sqlx::query(concat!(
            "SELECT ",
            break_glass_columns!(),
            " FROM break_glass WHERE professional_id = $1 AND client_id = $2 AND granted <= $3 AND expires > $3
             ORDER BY expires DESC LIMIT 1"
        ))
        .bind(professional.as_str())
        .bind(client.as_str())
        .bind(now.as_millis())
        .fetch_optional(self.pool())
        .await
        .map_err(backend)?;
        row.as_ref().map(break_glass).transpose()
    }

    async fn break_glass_grants(&self, org: &OrgId) -> StoreResult<Vec<BreakGlass>> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            break_glass_columns!(),
            " FROM break_glass WHERE org_id = $1 ORDER BY granted DESC, id COLLATE \"C\" DESC"
        ))
        .bind(org.as_str())
        .fetch_all(self.pool())
        .await
        .map_err(backend)?;
        rows.iter().map(break_glass).collect()
    }

    async fn review_break_glass(&self, org: &OrgId, id: &GrantId, by: &ProfessionalId, at: UnixMillis) -> StoreResult<()> {
        let done =
            sqlx::query("UPDATE break_glass SET reviewed_by = $1, reviewed_at = $2 WHERE id = $3 AND org_id = $4 AND reviewed_by IS NULL")
                .bind(by.as_str())
                .bind(at.as_millis())
                .bind(id.as_str())
                .bind(org.as_str())
                .execute(self.pool())
                .await
                .map_err(backend)?;
        if done.rows_affected() == 1 {
            return Ok(());
        }
        let exists = sqlx::query("SELECT 1 FROM break_glass WHERE id = $1 AND org_id = $2")
            .bind(id.as_str())
            .bind(org.as_str())
            .fetch_optional(self.pool())
            .await
            .map_err(backend)?;
        match exists {
            Some(_) => Err(StoreError::Conflict(format!("doorbraak {id} is al beoordeeld"))),
            None => Err(StoreError::not_found("doorbraak", id)),
        }
    }

    async fn log_access_batch(&self, events: &[AccessEvent]) -> StoreResult<Vec<u64>> {
        if events.is_empty() {
            return Ok(Vec::new());
        }
        // Serialise appends per organisation (a lock key apart from the ledger's), taking the
        // locks in a fixed order so two batches never wait on each other in a cycle; the heads
        // read below cannot change before COMMIT.
        let mut tx = self.pool().begin_with("BEGIN ISOLATION LEVEL READ COMMITTED").await.map_err(backend)?;
        let mut orgs: Vec<&str> = events.iter().map(|e| e.org.as_str()).collect();
        orgs.sort_unstable();
        orgs.dedup();
        for org in orgs {
            sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended('toegang:' || $1, 0))")
                .bind(org)
                .execute(&mut *tx)
                .await
                .map_err(backend)?;
        }
        let mut heads: HashMap<OrgId, (u64, Hash)> = HashMap::new();
        let mut seqs = Vec::with_capacity(events.len());
        for e in events {
            let (last, prev) = match heads.get(&e.org) {
                Some(h) => *h,
                None => {
                    let head = sqlx::query("SELECT seq, hash FROM access_event WHERE org_id = $1 ORDER BY seq DESC LIMIT 1")
                        .bind(e.org.as_str())
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(backend)?;
                    match head {
                        Some(row) => (to_u64(get(&row, "seq")?)?, hash32(&get::<Vec<u8>>(&row, "hash")?)?),
                        None => (0, ACCESS_GENESIS),
                    }
                }
            };
            let seq = last + 1;
            let hash = access_event_hash(&prev, e)?;
            sqlx::query(concat!(
                "INSERT INTO access_event (",
                event_columns!(),
                ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
            ))
            .bind(e.org.as_str())
            .bind(to_i64(seq)?)
            .bind(&e.ts)
            .bind(&e.user)
            .bind(&e.user_role)
            .bind(&e.on_behalf_of)
            .bind(&e.client)
            .bind(&e.action)
            .bind(&e.authorisation)
            .bind(e.allowed)
            .bind(&e.source)
            .bind(prev.as_slice())
            .bind(hash.as_slice())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
            heads.insert(e.org.clone(), (seq, hash));
            seqs.push(seq);
        }
        tx.commit().await.map_err(backend)?;
        Ok(seqs)
    }

    async fn access_events(&self, org: &OrgId, q: &AccessQuery) -> StoreResult<Vec<StoredAccessEvent>> {
        let before = match q.before {
            Some(b) => to_i64(b)?,
            None => i64::MAX,
        };
        let limit = i64::from(q.limit.clamp(1, 1000));
        let rows = sqlx::query(concat!(
            "SELECT ",
            event_columns!(),
            " FROM access_event WHERE org_id = $1 AND seq < $2
             AND ($3::text IS NULL OR client_id = $3) AND ($4::text IS NULL OR user_id = $4)
             AND ($5::text IS NULL OR ts >= $5) AND ($6::text IS NULL OR ts < $6)
             ORDER BY seq DESC LIMIT $7"
        ))
        .bind(org.as_str())
        .bind(before)
        .bind(&q.client)
        .bind(&q.user)
        .bind(&q.from)
        .bind(&q.until)
        .bind(limit)
        .fetch_all(self.pool())
        .await
        .map_err(backend)?;
        rows.iter().map(access_event).collect()
    }

    async fn access_chain(&self, org: &OrgId) -> StoreResult<Vec<StoredAccessEvent>> {
        let rows = sqlx::query(concat!("SELECT ", event_columns!(), " FROM access_event WHERE org_id = $1 ORDER BY seq"))
            .bind(org.as_str())
            .fetch_all(self.pool())
            .await
            .map_err(backend)?;
        rows.iter().map(access_event).collect()
    }

    async fn save_draft(&self, d: &Draft) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO draft (id, org_id, professional_id, client_id, sealed, updated) VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (id) DO UPDATE SET sealed = excluded.sealed, updated = excluded.updated
             WHERE draft.professional_id = excluded.professional_id",
        )
        .bind(d.id.as_str())
        .bind(d.org.as_str())
        .bind(d.professional.as_str())
        .bind(d.client.as_ref().map(ClientId::as_str))
        .bind(&d.sealed)
        .bind(d.updated.as_millis())
        .execute(self.pool())
        .await
        .map_err(backend)?;
        Ok(())
    }

    async fn draft(&self, id: &DraftId) -> StoreResult<Option<Draft>> {
        let row = sqlx::query("SELECT id, org_id, professional_id, client_id, sealed, updated FROM draft WHERE id = $1")
            .bind(id.as_str())
            .fetch_optional(self.pool())
            .await
            .map_err(backend)?;
        row.as_ref().map(draft).transpose()
    }

    async fn delete_draft(&self, id: &DraftId) -> StoreResult<()> {
        sqlx::query("DELETE FROM draft WHERE id = $1").bind(id.as_str()).execute(self.pool()).await.map_err(backend)?;
        Ok(())
    }

    async fn drafts_of(&self, professional: &ProfessionalId) -> StoreResult<Vec<Draft>> {
        let rows = sqlx::query(
            "SELECT id, org_id, professional_id, client_id, sealed, updated FROM draft WHERE professional_id = $1 ORDER BY updated DESC, id",
        )
        .bind(professional.as_str())
        .fetch_all(self.pool())
        .await
        .map_err(backend)?;
        rows.iter().map(draft).collect()
    }

    async fn delete_drafts_before(&self, before: UnixMillis) -> StoreResult<u64> {
        let done =
            sqlx::query("DELETE FROM draft WHERE updated < $1").bind(before.as_millis()).execute(self.pool()).await.map_err(backend)?;
        Ok(done.rows_affected())
    }

    async fn create_conference(&self, c: &Conference) -> StoreResult<()> {
        let mut tx = self.pool().begin().await.map_err(backend)?;
        sqlx::query("INSERT INTO conference (id, org_id, chair_id, sealed, version, updated) VALUES ($1, $2, $3, $4, 1, $5)")
            .bind(c.id.as_str())
            .bind(c.org.as_str())
            .bind(c.chair.as_str())
            .bind(&c.sealed)
            .bind(c.updated.as_millis())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        insert_members(&mut tx, c).await?;
        tx.commit().await.map_err(backend)
    }

    async fn conference(&self, id: &ConferenceId) -> StoreResult<Option<Conference>> {
        let Some(row) =
            sqlx::query("SELECT * FROM conference WHERE id = $1").bind(id.as_str()).fetch_optional(self.pool()).await.map_err(backend)?
        else {
            return Ok(None);
        };
        let members = sqlx::query_scalar::<_, String>(
            "SELECT professional_id FROM conference_member WHERE conference_id = $1 ORDER BY professional_id",
        )
        .bind(id.as_str())
        .fetch_all(self.pool())
        .await
        .map_err(backend)?;
        conference(&row, members.into_iter().map(ProfessionalId::from_stored).collect()).map(Some)
    }

    async fn update_conference(&self, c: &Conference) -> StoreResult<bool> {
        let mut tx = self.pool().begin().await.map_err(backend)?;
        let done = sqlx::query("UPDATE conference SET sealed = $1, version = $2, updated = $3 WHERE id = $4 AND version = $5")
            .bind(&c.sealed)
            .bind(c.version)
            .bind(c.updated.as_millis())
            .bind(c.id.as_str())
            .bind(c.version - 1)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        sqlx::query("DELETE FROM conference_member WHERE conference_id = $1")
            .bind(c.id.as_str())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        insert_members(&mut tx, c).await?;
        tx.commit().await.map_err(backend)?;
        Ok(true)
    }

    async fn conferences_of(&self, professional: &ProfessionalId) -> StoreResult<Vec<Conference>> {
        let ids = sqlx::query_scalar::<_, String>(
            "SELECT id FROM conference WHERE chair_id = $1
             UNION SELECT conference_id FROM conference_member WHERE professional_id = $2",
        )
        .bind(professional.as_str())
        .bind(professional.as_str())
        .fetch_all(self.pool())
        .await
        .map_err(backend)?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(c) = self.conference(&ConferenceId::from_stored(id)).await? {
                out.push(c);
            }
        }
        out.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.id.cmp(&b.id)));
        Ok(out)
    }
}

/// Adds a conference's members (who may open it besides the chair) inside `tx`.
async fn insert_members(tx: &mut sqlx::Transaction<'_, sqlx::Postgres>, c: &Conference) -> StoreResult<()> {
    for m in &c.members {
        sqlx::query("INSERT INTO conference_member (conference_id, professional_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(c.id.as_str())
            .bind(m.as_str())
            .execute(&mut **tx)
            .await
            .map_err(backend)?;
    }
    Ok(())
}

/// Replaces a professional's recovery codes (hashes) inside `tx`: the old ones stop working.
async fn replace_recovery_codes(
    tx: &mut sqlx::Transaction<'_, sqlx::Postgres>,
    professional: &ProfessionalId,
    hashes: &[String],
) -> StoreResult<()> {
    sqlx::query("DELETE FROM recovery_code WHERE professional_id = $1")
        .bind(professional.as_str())
        .execute(&mut **tx)
        .await
        .map_err(backend)?;
    for h in hashes {
        sqlx::query("INSERT INTO recovery_code (professional_id, code_hash, used_at) VALUES ($1, $2, NULL)")
            .bind(professional.as_str())
            .bind(h)
            .execute(&mut **tx)
            .await
            .map_err(backend)?;
    }
    Ok(())
}
