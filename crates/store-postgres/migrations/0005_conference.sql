-- Casusoverleg (issue 13): a conference's content is sealed with the organisation's key; in
-- clear only who may open it (the chair and the invited accounts) and its version, which every
-- update must name so that two participants writing at once cannot undo each other.
CREATE TABLE conference (
    id       TEXT PRIMARY KEY,
    org_id   TEXT NOT NULL REFERENCES organisation(id),
    chair_id TEXT NOT NULL REFERENCES professional(id),
    sealed   BYTEA NOT NULL,
    version  BIGINT NOT NULL CHECK (version >= 1),
    updated  BIGINT NOT NULL
);

CREATE TABLE conference_member (
    conference_id   TEXT NOT NULL REFERENCES conference(id),
    professional_id TEXT NOT NULL REFERENCES professional(id),
    PRIMARY KEY (conference_id, professional_id)
);
CREATE INDEX conference_member_professional ON conference_member(professional_id);
CREATE INDEX conference_chair ON conference(chair_id);
