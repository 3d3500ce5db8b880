-- Foundation schema: clinic, workstation state, users, patients, payers, coverage, audit, sync outbox.
-- Written for SQLite 3.15 (SQLCipher 3.4) and later: no UPSERT, no window functions, no JSON1.

CREATE TABLE workstation_setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE clinic (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    npi TEXT NOT NULL,
    tax_id TEXT NOT NULL,
    address_line1 TEXT NOT NULL,
    address_line2 TEXT,
    city TEXT NOT NULL,
    state TEXT NOT NULL,
    zip TEXT NOT NULL,
    phone TEXT,
    time_zone TEXT NOT NULL,
    mrn_prefix TEXT NOT NULL DEFAULT '',
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE user_account (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'front_desk', 'clinician', 'biller')),
    active INTEGER NOT NULL DEFAULT 1,
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE patient (
    id TEXT PRIMARY KEY,
    mrn TEXT NOT NULL UNIQUE,
    family_name TEXT NOT NULL,
    given_name TEXT NOT NULL,
    middle_name TEXT,
    suffix TEXT,
    preferred_name TEXT,
    date_of_birth TEXT NOT NULL,
    sex TEXT NOT NULL CHECK (sex IN ('female', 'male', 'other', 'unknown')),
    gender_identity TEXT,
    pronouns TEXT,
    address_line1 TEXT,
    address_line2 TEXT,
    city TEXT,
    state TEXT,
    zip TEXT,
    phone_home TEXT,
    phone_mobile TEXT,
    phone_work TEXT,
    email TEXT,
    preferred_language TEXT,
    emergency_name TEXT,
    emergency_relationship TEXT,
    emergency_phone TEXT,
    guarantor_name TEXT,
    guarantor_relationship TEXT,
    guarantor_phone TEXT,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'deceased', 'merged')),
    deceased_date TEXT,
    merged_into TEXT REFERENCES patient (id),
    search_name TEXT NOT NULL,
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX patient_by_birth_date ON patient (date_of_birth);

-- Search helpers, derived from the patient row by PatientStore; not synced.
CREATE TABLE patient_name_token (
    token TEXT NOT NULL,
    patient_id TEXT NOT NULL REFERENCES patient (id),
    PRIMARY KEY (token, patient_id)
) WITHOUT ROWID;
CREATE TABLE patient_phone (
    digits TEXT NOT NULL,
    patient_id TEXT NOT NULL REFERENCES patient (id),
    PRIMARY KEY (digits, patient_id)
) WITHOUT ROWID;

CREATE TABLE patient_merge (
    id TEXT PRIMARY KEY,
    survivor_id TEXT NOT NULL REFERENCES patient (id),
    merged_id TEXT NOT NULL REFERENCES patient (id),
    merged_at_ms INTEGER NOT NULL,
    merged_by TEXT NOT NULL,
    moved TEXT NOT NULL,
    created_hlc TEXT NOT NULL
);

CREATE TABLE payer (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    payer_code TEXT NOT NULL,
    address_line1 TEXT,
    city TEXT,
    state TEXT,
    zip TEXT,
    phone TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE coverage (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patient (id),
    payer_id TEXT NOT NULL REFERENCES payer (id),
    rank TEXT NOT NULL CHECK (rank IN ('primary', 'secondary', 'tertiary')),
    member_id TEXT NOT NULL,
    group_number TEXT,
    plan_name TEXT,
    subscriber_name TEXT NOT NULL,
    subscriber_birth_date TEXT,
    relationship TEXT NOT NULL CHECK (relationship IN ('self', 'spouse', 'child', 'other')),
    effective_date TEXT NOT NULL,
    end_date TEXT,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX coverage_by_patient ON coverage (patient_id);

-- Append-only, hash-chained: hash = SHA-256(prev_hash || canonical event). seq has no gaps.
CREATE TABLE audit_event (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    at_ms INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    username TEXT NOT NULL,
    role TEXT NOT NULL,
    device_id TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    record_id TEXT NOT NULL,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_by_record ON audit_event (entity, record_id);

-- Local writes waiting to be pushed: fields is a JSON object {field: value} of the changed fields,
-- every one of them stamped with the change's hlc.
CREATE TABLE change_outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    change_id TEXT NOT NULL UNIQUE,
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
    fields TEXT NOT NULL,
    hlc TEXT NOT NULL,
    base_hlc TEXT,
    created_ms INTEGER NOT NULL
);
