-- practica-server's PostgreSQL store: the same tables and meaning as the embedded store's
-- migrations/0001_server.sql. Every table is keyed by clinic. Text keys that are paged through in
-- order use the "C" collation, so their order is byte order, as in SQLite, whatever the database's
-- locale.

CREATE TABLE srv_clinic (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    next_seq BIGINT NOT NULL DEFAULT 0, -- the highest sequence number given out so far; locked by every push
    created_ms BIGINT NOT NULL
);

CREATE TABLE srv_user (
    id TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL REFERENCES srv_clinic (id),
    username TEXT NOT NULL,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    failed_logins BIGINT NOT NULL DEFAULT 0,
    locked_until_ms BIGINT NOT NULL DEFAULT 0,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    UNIQUE (clinic_id, username)
);

CREATE TABLE srv_device (
    clinic_id TEXT NOT NULL REFERENCES srv_clinic (id),
    device_id TEXT NOT NULL,
    name TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'revoked')),
    requested_by TEXT NOT NULL,
    requested_ms BIGINT NOT NULL,
    approved_by TEXT NOT NULL DEFAULT '',
    approved_ms BIGINT NOT NULL DEFAULT 0,
    number BIGINT NOT NULL, -- workstation number within the clinic, from 1
    PRIMARY KEY (clinic_id, device_id),
    UNIQUE (clinic_id, number)
);

CREATE TABLE srv_refresh_token (
    token_hash TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    expires_ms BIGINT NOT NULL
);

CREATE TABLE srv_change (
    clinic_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    change_id TEXT NOT NULL,
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
    hlc TEXT NOT NULL,
    base_hlc TEXT,
    fields TEXT NOT NULL, -- JSON object {field: value|null}
    device_id TEXT NOT NULL,
    PRIMARY KEY (clinic_id, seq),
    UNIQUE (clinic_id, change_id)
);

-- Changes refused by a domain rule, so that a retried or replayed push gets the same answer.
CREATE TABLE srv_refused (
    clinic_id TEXT NOT NULL,
    change_id TEXT NOT NULL,
    code TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (clinic_id, change_id)
);

CREATE TABLE srv_row (
    clinic_id TEXT NOT NULL,
    entity TEXT COLLATE "C" NOT NULL,
    row_id TEXT COLLATE "C" NOT NULL,
    doc TEXT NOT NULL, -- JSON: values, field_hlc, deleted_hlc
    PRIMARY KEY (clinic_id, entity, row_id)
);

CREATE TABLE srv_booking (
    clinic_id TEXT NOT NULL,
    appointment_id TEXT NOT NULL,
    provider_id TEXT NOT NULL,
    room_id TEXT NOT NULL, -- '' when none
    patient_id TEXT NOT NULL,
    start_ms BIGINT NOT NULL,
    end_ms BIGINT NOT NULL,
    overbooked BOOLEAN NOT NULL,
    PRIMARY KEY (clinic_id, appointment_id)
);
CREATE INDEX srv_booking_provider ON srv_booking (clinic_id, provider_id, start_ms);
CREATE INDEX srv_booking_room ON srv_booking (clinic_id, room_id, start_ms);
CREATE INDEX srv_booking_patient ON srv_booking (clinic_id, patient_id, start_ms);

CREATE TABLE srv_unique (
    clinic_id TEXT NOT NULL,
    entity TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    row_id TEXT NOT NULL,
    PRIMARY KEY (clinic_id, entity, field, value)
);
