-- Grondslag store on PostgreSQL: organisations, professionals, clients, dossiers and the ledger
-- (shared/design/stack.md §2.2). The ledger tables are append-only: triggers refuse UPDATE,
-- DELETE and TRUNCATE. Only decision_payload rows can be deleted (erasure); never updated.

CREATE TABLE organisation (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    origin      TEXT NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE professional (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organisation(id),
    name        TEXT NOT NULL,
    app_role    TEXT NOT NULL CHECK (app_role IN ('professional', 'aandachtsfunctionaris', 'privacy_officer', 'administrator')),
    profession  TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX professional_org ON professional(org_id, id);

CREATE TABLE client (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organisation(id),
    pseudonym   TEXT NOT NULL,
    identity    BYTEA NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (org_id, pseudonym),
    UNIQUE (org_id, id)
);

CREATE TABLE dossier (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organisation(id),
    client_id   TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (org_id, client_id),
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, client_id) REFERENCES client(org_id, id)
);

CREATE TABLE ledger_entry (
    org_id      TEXT NOT NULL REFERENCES organisation(id),
    leaf_index  BIGINT NOT NULL CHECK (leaf_index >= 0),
    dossier_id  TEXT NOT NULL,
    seq         BIGINT NOT NULL CHECK (seq >= 1),
    prev_hash   BYTEA NOT NULL CHECK (length(prev_hash) = 32),
    leaf_hash   BYTEA NOT NULL CHECK (length(leaf_hash) = 32),
    body_jcs    TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, leaf_index),
    UNIQUE (dossier_id, seq),
    FOREIGN KEY (org_id, dossier_id) REFERENCES dossier(org_id, id)
);

CREATE TABLE ledger_node (
    org_id      TEXT NOT NULL REFERENCES organisation(id),
    level       SMALLINT NOT NULL CHECK (level BETWEEN 0 AND 63),
    idx         BIGINT NOT NULL CHECK (idx >= 0),
    hash        BYTEA NOT NULL CHECK (length(hash) = 32),
    PRIMARY KEY (org_id, level, idx)
);

CREATE TABLE org_root (
    org_id      TEXT NOT NULL REFERENCES organisation(id),
    tree_size   BIGINT NOT NULL CHECK (tree_size >= 1),
    root        BYTEA NOT NULL CHECK (length(root) = 32),
    frontier    BYTEA NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, tree_size)
);

CREATE TABLE checkpoint (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organisation(id),
    tree_size   BIGINT NOT NULL CHECK (tree_size >= 0),
    note        TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (org_id, tree_size, note)
);

CREATE TABLE decision_payload (
    dossier_id  TEXT NOT NULL,
    seq         BIGINT NOT NULL,
    salt        BYTEA NOT NULL CHECK (length(salt) = 32),
    nonce       BYTEA NOT NULL,
    ciphertext  BYTEA NOT NULL,
    PRIMARY KEY (dossier_id, seq),
    FOREIGN KEY (dossier_id, seq) REFERENCES ledger_entry(dossier_id, seq)
);

CREATE FUNCTION grondslag_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is alleen-toevoegen: % is niet toegestaan', TG_TABLE_NAME, TG_OP;
END
$$;

CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry FOR EACH ROW EXECUTE FUNCTION grondslag_append_only();
CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON ledger_entry FOR EACH STATEMENT EXECUTE FUNCTION grondslag_append_only();
CREATE TRIGGER ledger_node_append_only BEFORE UPDATE OR DELETE ON ledger_node FOR EACH ROW EXECUTE FUNCTION grondslag_append_only();
CREATE TRIGGER ledger_node_no_truncate BEFORE TRUNCATE ON ledger_node FOR EACH STATEMENT EXECUTE FUNCTION grondslag_append_only();
CREATE TRIGGER org_root_append_only BEFORE UPDATE OR DELETE ON org_root FOR EACH ROW EXECUTE FUNCTION grondslag_append_only();
CREATE TRIGGER org_root_no_truncate BEFORE TRUNCATE ON org_root FOR EACH STATEMENT EXECUTE FUNCTION grondslag_append_only();
CREATE TRIGGER checkpoint_append_only BEFORE UPDATE OR DELETE ON checkpoint FOR EACH ROW EXECUTE FUNCTION grondslag_append_only();
CREATE TRIGGER checkpoint_no_truncate BEFORE TRUNCATE ON checkpoint FOR EACH STATEMENT EXECUTE FUNCTION grondslag_append_only();
CREATE TRIGGER decision_payload_no_update BEFORE UPDATE ON decision_payload FOR EACH ROW EXECUTE FUNCTION grondslag_append_only();
