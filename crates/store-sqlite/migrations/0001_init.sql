-- Grondslag store on SQLite: organisations, professionals, clients, dossiers and the ledger
-- (shared/design/stack.md §2.2). The ledger tables are append-only: triggers refuse UPDATE and
-- DELETE. Only decision_payload rows can be deleted (erasure); they cannot be updated.

CREATE TABLE organisation (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    origin      TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE professional (
    id          TEXT PRIMARY KEY NOT NULL,
    org_id      TEXT NOT NULL REFERENCES organisation(id),
    name        TEXT NOT NULL,
    app_role    TEXT NOT NULL CHECK (app_role IN ('professional', 'aandachtsfunctionaris', 'privacy_officer', 'administrator')),
    profession  TEXT NOT NULL,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX professional_org ON professional(org_id, id);

CREATE TABLE client (
    id          TEXT PRIMARY KEY NOT NULL,
    org_id      TEXT NOT NULL REFERENCES organisation(id),
    pseudonym   TEXT NOT NULL,
    identity    BLOB NOT NULL,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (org_id, pseudonym),
    UNIQUE (org_id, id)
) STRICT;

CREATE TABLE dossier (
    id          TEXT PRIMARY KEY NOT NULL,
    org_id      TEXT NOT NULL REFERENCES organisation(id),
    client_id   TEXT NOT NULL,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (org_id, client_id),
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, client_id) REFERENCES client(org_id, id)
) STRICT;

-- One row per entry; leaf_index is the position in the organisation's tree.
CREATE TABLE ledger_entry (
    org_id      TEXT NOT NULL REFERENCES organisation(id),
    leaf_index  INTEGER NOT NULL CHECK (leaf_index >= 0),
    dossier_id  TEXT NOT NULL,
    seq         INTEGER NOT NULL CHECK (seq >= 1),
    prev_hash   BLOB NOT NULL CHECK (length(prev_hash) = 32),
    leaf_hash   BLOB NOT NULL CHECK (length(leaf_hash) = 32),
    body_jcs    TEXT NOT NULL,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (org_id, leaf_index),
    UNIQUE (dossier_id, seq),
    FOREIGN KEY (org_id, dossier_id) REFERENCES dossier(org_id, id)
) STRICT;

-- Complete subtrees of the organisation's tree (level 0: leaf hashes).
CREATE TABLE ledger_node (
    org_id      TEXT NOT NULL REFERENCES organisation(id),
    level       INTEGER NOT NULL CHECK (level BETWEEN 0 AND 63),
    idx         INTEGER NOT NULL CHECK (idx >= 0),
    hash        BLOB NOT NULL CHECK (length(hash) = 32),
    PRIMARY KEY (org_id, level, idx)
) STRICT, WITHOUT ROWID;

-- The root (and right-edge frontier) after every append: the head is the largest tree_size.
CREATE TABLE org_root (
    org_id      TEXT NOT NULL REFERENCES organisation(id),
    tree_size   INTEGER NOT NULL CHECK (tree_size >= 1),
    root        BLOB NOT NULL CHECK (length(root) = 32),
    frontier    BLOB NOT NULL,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (org_id, tree_size)
) STRICT;

CREATE TABLE checkpoint (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id      TEXT NOT NULL REFERENCES organisation(id),
    tree_size   INTEGER NOT NULL CHECK (tree_size >= 0),
    note        TEXT NOT NULL,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (org_id, tree_size, note)
) STRICT;

-- The encrypted content of an entry: erasable (DELETE), never updated.
CREATE TABLE decision_payload (
    dossier_id  TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    salt        BLOB NOT NULL CHECK (length(salt) = 32),
    nonce       BLOB NOT NULL,
    ciphertext  BLOB NOT NULL,
    PRIMARY KEY (dossier_id, seq),
    FOREIGN KEY (dossier_id, seq) REFERENCES ledger_entry(dossier_id, seq)
) STRICT;

CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE ON ledger_entry
BEGIN SELECT RAISE(ABORT, 'ledger_entry is alleen-toevoegen: wijzigen is niet toegestaan'); END;
CREATE TRIGGER ledger_entry_no_delete BEFORE DELETE ON ledger_entry
BEGIN SELECT RAISE(ABORT, 'ledger_entry is alleen-toevoegen: verwijderen is niet toegestaan'); END;
CREATE TRIGGER ledger_node_no_update BEFORE UPDATE ON ledger_node
BEGIN SELECT RAISE(ABORT, 'ledger_node is alleen-toevoegen: wijzigen is niet toegestaan'); END;
CREATE TRIGGER ledger_node_no_delete BEFORE DELETE ON ledger_node
BEGIN SELECT RAISE(ABORT, 'ledger_node is alleen-toevoegen: verwijderen is niet toegestaan'); END;
CREATE TRIGGER org_root_no_update BEFORE UPDATE ON org_root
BEGIN SELECT RAISE(ABORT, 'org_root is alleen-toevoegen: wijzigen is niet toegestaan'); END;
CREATE TRIGGER org_root_no_delete BEFORE DELETE ON org_root
BEGIN SELECT RAISE(ABORT, 'org_root is alleen-toevoegen: verwijderen is niet toegestaan'); END;
CREATE TRIGGER checkpoint_no_update BEFORE UPDATE ON checkpoint
BEGIN SELECT RAISE(ABORT, 'checkpoint is alleen-toevoegen: wijzigen is niet toegestaan'); END;
CREATE TRIGGER checkpoint_no_delete BEFORE DELETE ON checkpoint
BEGIN SELECT RAISE(ABORT, 'checkpoint is alleen-toevoegen: verwijderen is niet toegestaan'); END;
CREATE TRIGGER decision_payload_no_update BEFORE UPDATE ON decision_payload
BEGIN SELECT RAISE(ABORT, 'decision_payload kan alleen gewist worden, niet gewijzigd'); END;
