-- practica-server's embedded store: clinics, accounts, devices, refresh tokens, the change log,
-- the merged rows and the indexes the domain rules need. Every table is keyed by clinic.

CREATE TABLE srv_clinic (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    next_seq INTEGER NOT NULL DEFAULT 0, -- the highest sequence number given out so far
    created_ms INTEGER NOT NULL
);

CREATE TABLE srv_user (
    id TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL REFERENCES srv_clinic (id),
    username TEXT NOT NULL,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until_ms INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1,
    UNIQUE (clinic_id, username)
);

CREATE TABLE srv_device (
    clinic_id TEXT NOT NULL REFERENCES srv_clinic (id),
    device_id TEXT NOT NULL,
    name TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'revoked')),
    requested_by TEXT NOT NULL,
    requested_ms INTEGER NOT NULL,
    approved_by TEXT NOT NULL DEFAULT '',
    approved_ms INTEGER NOT NULL DEFAULT 0,
    number INTEGER NOT NULL, -- workstation number within the clinic, from 1
    PRIMARY KEY (clinic_id, device_id)
);

CREATE TABLE srv_refresh_token (
    token_hash TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    expires_ms INTEGER NOT NULL
);

CREATE TABLE srv_change (
    clinic_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    change_id TEXT NOT NULL,
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    op TEXT NOT NULL,
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
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    doc TEXT NOT NULL, -- JSON: values, field_hlc, deleted_hlc
    PRIMARY KEY (clinic_id, entity, row_id)
);

CREATE TABLE srv_booking (
    clinic_id TEXT NOT NULL,
    appointment_id TEXT NOT NULL,
    provider_id TEXT NOT NULL,
    room_id TEXT NOT NULL, -- '' when none
    patient_id TEXT NOT NULL,
    start_ms INTEGER NOT NULL,
    end_ms INTEGER NOT NULL,
    overbooked INTEGER NOT NULL,
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
