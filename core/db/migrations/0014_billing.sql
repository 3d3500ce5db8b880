-- Billing: fees per procedure (the clinic's default and each payer's), professional claims and their
-- lines (locked once submitted: submitted_at), each claim's state history (claim_event, never changed)
-- and the 837P batches they leave in (claim_batch; the file itself stays on the workstation that wrote
-- it, in x12_file). All synced but x12_file; the column names are the record types' field names
-- (core/billing). The workstation's own interchange numbers continue in workstation_setting.

-- A visit says when its note was signed (NoteStore::sign sets it with the signature): billing reads visits,
-- never notes. Visits signed before this version stay unmarked rather than take a value no change carried.
ALTER TABLE encounter ADD COLUMN note_signed_at TEXT;

CREATE TABLE clearinghouse (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    sender_qualifier TEXT NOT NULL,
    submitter_id TEXT NOT NULL,
    receiver_qualifier TEXT NOT NULL,
    receiver_id TEXT NOT NULL,
    production INTEGER NOT NULL DEFAULT 0,
    contact_name TEXT NOT NULL,
    contact_phone TEXT NOT NULL,
    transport TEXT NOT NULL CHECK (transport IN ('caqh', 'sftp', 'file')),
    endpoint TEXT,
    username TEXT,
    timely_filing_days INTEGER NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE fee (
    id TEXT PRIMARY KEY,
    payer_id TEXT REFERENCES payer (id),
    code TEXT NOT NULL,
    modifier TEXT,
    amount_cents INTEGER NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX fee_by_code ON fee (code, payer_id);

CREATE TABLE claim_batch (
    id TEXT PRIMARY KEY,
    interchange_control INTEGER NOT NULL,
    group_control INTEGER NOT NULL,
    set_control TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES user_account (id),
    claim_count INTEGER NOT NULL,
    total_cents INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('created', 'sent', 'accepted', 'partially_accepted', 'rejected')),
    answered_at TEXT,
    answer TEXT,
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX claim_batch_by_interchange ON claim_batch (interchange_control);

CREATE TABLE claim (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patient (id),
    encounter_id TEXT REFERENCES encounter (id),
    coverage_id TEXT NOT NULL REFERENCES coverage (id),
    rendering_provider_id TEXT NOT NULL REFERENCES provider (id),
    patient_control_number TEXT NOT NULL,
    frequency TEXT NOT NULL CHECK (frequency IN ('1', '7', '8')),
    replaces_claim_id TEXT REFERENCES claim (id),
    payer_claim_number TEXT,
    place_of_service TEXT NOT NULL,
    diagnoses TEXT NOT NULL,
    service_date TEXT NOT NULL,
    total_cents INTEGER NOT NULL,
    filing_indicator TEXT NOT NULL,
    stage TEXT NOT NULL CHECK (stage IN ('draft', 'ready', 'queued')),
    batch_id TEXT REFERENCES claim_batch (id),
    submitted_at TEXT,
    created_at_ms INTEGER NOT NULL,
    created_by TEXT NOT NULL REFERENCES user_account (id),
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX claim_by_patient ON claim (patient_id, service_date);
CREATE INDEX claim_by_encounter ON claim (encounter_id);
CREATE INDEX claim_by_control_number ON claim (patient_control_number);
CREATE INDEX claim_by_batch ON claim (batch_id);

CREATE TABLE claim_line (
    id TEXT PRIMARY KEY,
    claim_id TEXT NOT NULL REFERENCES claim (id),
    line_number INTEGER NOT NULL,
    code TEXT NOT NULL,
    modifiers TEXT NOT NULL DEFAULT '',
    units TEXT NOT NULL,
    charge_cents INTEGER NOT NULL,
    pointers TEXT NOT NULL,
    service_date TEXT NOT NULL,
    place_of_service TEXT,
    status TEXT NOT NULL CHECK (status IN ('active', 'removed')),
    submitted_at TEXT,
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX claim_line_by_claim ON claim_line (claim_id, line_number);

CREATE TABLE claim_event (
    id TEXT PRIMARY KEY,
    claim_id TEXT NOT NULL REFERENCES claim (id),
    state TEXT NOT NULL,
    at TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('user', '999', '277ca')),
    batch_id TEXT REFERENCES claim_batch (id),
    user_id TEXT REFERENCES user_account (id),
    detail TEXT,
    field TEXT,
    payer_claim_number TEXT,
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX claim_event_by_claim ON claim_event (claim_id, at);

-- The X12 files this workstation wrote and read: an 837 kept with its batch, each 999 and 277CA as
-- received. Local: the clinic's other workstations hold the batch record, not its file.
CREATE TABLE x12_file (
    id TEXT PRIMARY KEY,
    batch_id TEXT REFERENCES claim_batch (id),
    kind TEXT NOT NULL CHECK (kind IN ('837', '999', '277')),
    direction TEXT NOT NULL CHECK (direction IN ('out', 'in')),
    interchange_control TEXT NOT NULL,
    at TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    content TEXT NOT NULL,
    -- An 837's segments traced to their claims and fields, one line per segment: position, the claim's
    -- patient control number (empty for headers), loop, element=field pairs (so a 999 names what to fix).
    segment_map TEXT NOT NULL DEFAULT ''
);
CREATE INDEX x12_file_by_batch ON x12_file (batch_id);
