-- Two-step sign-in: the clinic's rule for who needs a second factor, each user's authenticator secret
-- and recovery code hashes (synced, so any workstation can check a code offline), and this
-- workstation's own guard against a code used twice and against guessing (never synced).

ALTER TABLE clinic ADD COLUMN second_factor TEXT NOT NULL DEFAULT 'nobody'
    CHECK (second_factor IN ('nobody', 'admins', 'everyone'));

CREATE TABLE user_totp (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL UNIQUE,
    secret TEXT,               -- Base32; NULL once removed
    recovery_codes TEXT,       -- the unused codes' Argon2id hashes, space separated
    enrolled_at TEXT,          -- UTC, YYYY-MM-DDTHH:MM:SSZ; NULL once removed
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE second_factor_guard (
    user_id TEXT PRIMARY KEY,
    last_used_step INTEGER NOT NULL DEFAULT 0,  -- the newest code step accepted on this workstation
    failures INTEGER NOT NULL DEFAULT 0,        -- wrong codes in a row
    locked_until_ms INTEGER NOT NULL DEFAULT 0,
    pending_secret TEXT                         -- an enrolment begun and not yet confirmed with a code
);
