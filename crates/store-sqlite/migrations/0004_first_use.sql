-- An administrator cannot give themselves access to dossiers through an account they create:
-- a password set by someone else (an administrator, the first run) must be replaced by the
-- account's own at its next sign-in, and the first completed sign-in with an own password is
-- recorded (care relations are only given to accounts taken into use).

-- Accounts from before this migration keep their password; they count as taken into use from
-- their next completed sign-in.
ALTER TABLE credential ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));
ALTER TABLE credential ADD COLUMN first_use INTEGER;   -- unix ms of the first sign-in with an own password
