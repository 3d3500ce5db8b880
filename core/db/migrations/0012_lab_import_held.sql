-- Lab messages an import set aside, on this workstation only (no field_hlc: never synced): a message that
-- does not read as ORU^R01 or names no patient this workstation can match. Kept whole with its reason (a
-- code and its particulars as a JSON object of strings, worded by the front ends) until a clinician files
-- it under a patient or discards it; a resolved row stays, with who resolved it and how.
CREATE TABLE lab_import_held (
    id TEXT PRIMARY KEY,
    file_name TEXT NOT NULL,
    received_at_ms INTEGER NOT NULL,
    received_by TEXT NOT NULL,
    control_id TEXT,
    reason TEXT NOT NULL,
    params TEXT NOT NULL DEFAULT '{}',
    message TEXT NOT NULL,
    message_sha256 TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'held' CHECK (status IN ('held', 'released', 'discarded')),
    patient_id TEXT,
    resolved_at_ms INTEGER,
    resolved_by TEXT
);
CREATE INDEX lab_import_held_by_status ON lab_import_held (status, received_at_ms);
CREATE INDEX lab_import_held_by_hash ON lab_import_held (message_sha256);
