-- What the web application keeps beside the dossier (grondslag_store::AccessStore): logins,
-- server-side sessions, care relations, break-the-glass grants, the NEN 7513 access log and
-- sealed deliberation drafts. The access log is append-only (triggers) and hash-chained.

CREATE TABLE credential (
    professional_id TEXT PRIMARY KEY NOT NULL REFERENCES professional(id),
    login           TEXT NOT NULL,
    login_key       TEXT NOT NULL UNIQUE,      -- lower(login), for case-insensitive uniqueness
    password_hash   TEXT NOT NULL,
    disabled        INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
) STRICT;

CREATE TABLE session (
    id_hash         TEXT PRIMARY KEY NOT NULL,
    professional_id TEXT NOT NULL REFERENCES professional(id),
    created         INTEGER NOT NULL,
    last_seen       INTEGER NOT NULL,
    expires         INTEGER NOT NULL
) STRICT;
CREATE INDEX session_professional ON session(professional_id);

CREATE TABLE care_relation (
    org_id          TEXT NOT NULL REFERENCES organisation(id),
    professional_id TEXT NOT NULL REFERENCES professional(id),
    client_id       TEXT NOT NULL REFERENCES client(id),
    since           TEXT NOT NULL,
    PRIMARY KEY (professional_id, client_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX care_relation_org ON care_relation(org_id);

CREATE TABLE break_glass (
    id              TEXT PRIMARY KEY NOT NULL,
    org_id          TEXT NOT NULL REFERENCES organisation(id),
    professional_id TEXT NOT NULL REFERENCES professional(id),
    client_id       TEXT NOT NULL REFERENCES client(id),
    reason_sealed   BLOB NOT NULL,
    granted         INTEGER NOT NULL,
    expires         INTEGER NOT NULL,
    reviewed_by     TEXT,
    reviewed_at     INTEGER
) STRICT;
CREATE INDEX break_glass_lookup ON break_glass(professional_id, client_id, expires);
CREATE INDEX break_glass_org ON break_glass(org_id, granted);

CREATE TABLE access_event (
    org_id          TEXT NOT NULL REFERENCES organisation(id),
    seq             INTEGER NOT NULL CHECK (seq >= 1),
    ts              TEXT NOT NULL,
    user_id         TEXT NOT NULL,
    user_role       TEXT NOT NULL,
    on_behalf_of    TEXT,
    client_id       TEXT,
    action          TEXT NOT NULL,
    authorisation   TEXT NOT NULL,
    allowed         INTEGER NOT NULL CHECK (allowed IN (0, 1)),
    source          TEXT NOT NULL,
    prev_hash       BLOB NOT NULL CHECK (length(prev_hash) = 32),
    hash            BLOB NOT NULL CHECK (length(hash) = 32),
    PRIMARY KEY (org_id, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX access_event_client ON access_event(org_id, client_id, seq);
CREATE INDEX access_event_user ON access_event(org_id, user_id, seq);

CREATE TRIGGER access_event_no_update BEFORE UPDATE ON access_event
BEGIN SELECT RAISE(ABORT, 'access_event is append-only'); END;
CREATE TRIGGER access_event_no_delete BEFORE DELETE ON access_event
BEGIN SELECT RAISE(ABORT, 'access_event is append-only'); END;

CREATE TABLE draft (
    id              TEXT PRIMARY KEY NOT NULL,
    org_id          TEXT NOT NULL REFERENCES organisation(id),
    professional_id TEXT NOT NULL REFERENCES professional(id),
    client_id       TEXT REFERENCES client(id),
    sealed          BLOB NOT NULL,
    updated         INTEGER NOT NULL
) STRICT;
CREATE INDEX draft_updated ON draft(updated);
