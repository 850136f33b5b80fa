-- What the web application keeps beside the dossier (grondslag_store::AccessStore): logins,
-- server-side sessions, care relations, break-the-glass grants, the NEN 7513 access log and
-- sealed deliberation drafts. The access log is append-only (triggers refuse UPDATE, DELETE and
-- TRUNCATE) and hash-chained per organisation. Times are unix milliseconds (BIGINT) unless noted.

CREATE TABLE credential (
    professional_id TEXT PRIMARY KEY REFERENCES professional(id),
    login           TEXT NOT NULL,
    login_key       TEXT NOT NULL UNIQUE,      -- lower(login), for case-insensitive uniqueness
    password_hash   TEXT NOT NULL,
    disabled        BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE session (
    id_hash         TEXT PRIMARY KEY,
    professional_id TEXT NOT NULL REFERENCES professional(id),
    created         BIGINT NOT NULL,
    last_seen       BIGINT NOT NULL,
    expires         BIGINT NOT NULL
);
CREATE INDEX session_professional ON session(professional_id);

CREATE TABLE care_relation (
    org_id          TEXT NOT NULL REFERENCES organisation(id),
    professional_id TEXT NOT NULL REFERENCES professional(id),
    client_id       TEXT NOT NULL REFERENCES client(id),
    since           TEXT NOT NULL,             -- RFC 3339 UTC
    PRIMARY KEY (professional_id, client_id)
);
CREATE INDEX care_relation_org ON care_relation(org_id);

CREATE TABLE break_glass (
    id              TEXT PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES organisation(id),
    professional_id TEXT NOT NULL REFERENCES professional(id),
    client_id       TEXT NOT NULL REFERENCES client(id),
    reason_sealed   BYTEA NOT NULL,
    granted         BIGINT NOT NULL,
    expires         BIGINT NOT NULL,
    reviewed_by     TEXT,
    reviewed_at     BIGINT
);
CREATE INDEX break_glass_lookup ON break_glass(professional_id, client_id, expires);
CREATE INDEX break_glass_org ON break_glass(org_id, granted);

CREATE TABLE access_event (
    org_id          TEXT NOT NULL REFERENCES organisation(id),
    seq             BIGINT NOT NULL CHECK (seq >= 1),
    ts              TEXT NOT NULL,             -- RFC 3339 UTC with milliseconds
    user_id         TEXT NOT NULL,
    user_role       TEXT NOT NULL,
    on_behalf_of    TEXT,
    client_id       TEXT,
    action          TEXT NOT NULL,
    authorisation   TEXT NOT NULL,
    allowed         BOOLEAN NOT NULL,
    source          TEXT NOT NULL,
    prev_hash       BYTEA NOT NULL CHECK (length(prev_hash) = 32),
    hash            BYTEA NOT NULL CHECK (length(hash) = 32),
    PRIMARY KEY (org_id, seq)
);
CREATE INDEX access_event_client ON access_event(org_id, client_id, seq);
CREATE INDEX access_event_user ON access_event(org_id, user_id, seq);

-- grondslag_append_only() is defined in 0001_init.sql.
CREATE TRIGGER access_event_append_only BEFORE UPDATE OR DELETE ON access_event FOR EACH ROW EXECUTE FUNCTION grondslag_append_only();
CREATE TRIGGER access_event_no_truncate BEFORE TRUNCATE ON access_event FOR EACH STATEMENT EXECUTE FUNCTION grondslag_append_only();

CREATE TABLE draft (
    id              TEXT PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES organisation(id),
    professional_id TEXT NOT NULL REFERENCES professional(id),
    client_id       TEXT REFERENCES client(id),
    sealed          BYTEA NOT NULL,
    updated         BIGINT NOT NULL
);
CREATE INDEX draft_updated ON draft(updated);
