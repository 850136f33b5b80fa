-- The second factor (TOTP, RFC 6238): a sealed secret per professional, single-use recovery
-- codes (only their hashes), the stage of a session (signed in fully, or still owing the second
-- factor or its enrolment) and the organisation's setting that requires it of everyone.

-- Sessions from before this migration were made without a second factor; they end, so that
-- a factor that is now required holds from the first request after the upgrade.
DELETE FROM session;
ALTER TABLE session ADD COLUMN stage TEXT NOT NULL DEFAULT 'full' CHECK (stage IN ('full', 'code', 'enrol'));

CREATE TABLE second_factor (
    professional_id TEXT PRIMARY KEY REFERENCES professional(id),
    secret_sealed   BYTEA NOT NULL,
    confirmed       BOOLEAN NOT NULL DEFAULT FALSE,
    last_step       BIGINT,                    -- the last accepted RFC 6238 time step (no replay)
    created         BIGINT NOT NULL
);

CREATE TABLE recovery_code (
    professional_id TEXT NOT NULL REFERENCES professional(id),
    code_hash       TEXT NOT NULL,
    used_at         BIGINT,
    PRIMARY KEY (professional_id, code_hash)
);

CREATE TABLE org_setting (
    org_id                 TEXT PRIMARY KEY REFERENCES organisation(id),
    second_factor_required BOOLEAN NOT NULL DEFAULT FALSE
);
