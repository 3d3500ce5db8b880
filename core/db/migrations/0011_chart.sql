-- The clinical chart: encounters, SOAP notes and their addenda (signed notes are locked: signed_at,
-- signed_by and the SHA-256 of the content), vital signs in one canonical unit each, problems, allergies
-- and the explicit "no known allergies" review, medications, immunizations, lab results and the clinic's
-- own note templates. All synced; the column names are the record types' field names (core/chart).

CREATE TABLE encounter (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patient (id),
    provider_id TEXT NOT NULL REFERENCES provider (id),
    appointment_id TEXT REFERENCES appointment (id),
    date TEXT NOT NULL,
    started_at_ms INTEGER NOT NULL,
    visit_type TEXT NOT NULL,
    chief_complaint TEXT,
    status TEXT NOT NULL CHECK (status IN ('open', 'closed', 'entered_in_error')),
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX encounter_by_patient ON encounter (patient_id, started_at_ms);
CREATE INDEX encounter_by_provider_date ON encounter (provider_id, date);
CREATE INDEX encounter_by_appointment ON encounter (appointment_id);

CREATE TABLE clinical_note (
    id TEXT PRIMARY KEY,
    encounter_id TEXT NOT NULL REFERENCES encounter (id),
    patient_id TEXT NOT NULL REFERENCES patient (id),
    author_id TEXT NOT NULL REFERENCES user_account (id),
    kind TEXT NOT NULL CHECK (kind IN ('note', 'addendum')),
    addendum_to TEXT REFERENCES clinical_note (id),
    template_key TEXT,
    subjective TEXT,
    objective TEXT,
    assessment TEXT,
    plan TEXT,
    body TEXT,
    created_at_ms INTEGER NOT NULL,
    signed_at TEXT,
    signed_by TEXT REFERENCES user_account (id),
    content_sha256 TEXT,
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX clinical_note_by_encounter ON clinical_note (encounter_id, created_at_ms);
CREATE INDEX clinical_note_by_patient ON clinical_note (patient_id, created_at_ms);
CREATE INDEX clinical_note_unsigned ON clinical_note (author_id, signed_at);

CREATE TABLE vital_signs (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patient (id),
    encounter_id TEXT REFERENCES encounter (id),
    taken_at_ms INTEGER NOT NULL,
    height_mm INTEGER,
    weight_g INTEGER,
    systolic INTEGER,
    diastolic INTEGER,
    pulse INTEGER,
    temperature_dc INTEGER,
    respiratory_rate INTEGER,
    spo2 INTEGER,
    pain INTEGER,
    status TEXT NOT NULL CHECK (status IN ('final', 'entered_in_error')),
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX vital_signs_by_patient ON vital_signs (patient_id, taken_at_ms);

CREATE TABLE problem (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patient (id),
    code_system TEXT NOT NULL,
    code TEXT NOT NULL,
    display TEXT NOT NULL,
    onset_date TEXT,
    resolved_date TEXT,
    status TEXT NOT NULL,
    note TEXT,
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX problem_by_patient ON problem (patient_id);

CREATE TABLE allergy (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patient (id),
    category TEXT NOT NULL,
    substance TEXT NOT NULL,
    code_system TEXT,
    code TEXT,
    reaction TEXT,
    severity TEXT NOT NULL,
    status TEXT NOT NULL,
    onset_date TEXT,
    note TEXT,
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX allergy_by_patient ON allergy (patient_id);

CREATE TABLE allergy_review (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patient (id),
    state TEXT NOT NULL,
    reviewed_at TEXT NOT NULL,
    reviewed_by TEXT NOT NULL REFERENCES user_account (id),
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX allergy_review_by_patient ON allergy_review (patient_id);

CREATE TABLE medication (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patient (id),
    name TEXT NOT NULL,
    code_system TEXT,
    code TEXT,
    dose TEXT,
    route TEXT,
    frequency TEXT,
    start_date TEXT,
    end_date TEXT,
    status TEXT NOT NULL,
    source TEXT NOT NULL,
    prescriber_id TEXT REFERENCES provider (id),
    note TEXT,
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX medication_by_patient ON medication (patient_id);

CREATE TABLE immunization (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patient (id),
    cvx_code TEXT NOT NULL,
    vaccine TEXT NOT NULL,
    administered_on TEXT NOT NULL,
    lot_number TEXT,
    site TEXT,
    route TEXT,
    manufacturer TEXT,
    status TEXT NOT NULL,
    note TEXT,
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX immunization_by_patient ON immunization (patient_id, administered_on);

CREATE TABLE lab_result (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patient (id),
    encounter_id TEXT REFERENCES encounter (id),
    loinc_code TEXT,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    unit TEXT,
    reference_range TEXT,
    abnormal_flag TEXT,
    result_status TEXT NOT NULL,
    collected_at_ms INTEGER NOT NULL,
    accession TEXT,
    source TEXT,
    message_id TEXT,
    note TEXT,
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX lab_result_by_patient ON lab_result (patient_id, collected_at_ms);
CREATE INDEX lab_result_by_message ON lab_result (message_id);

CREATE TABLE note_template (
    id TEXT PRIMARY KEY,
    visit_type TEXT NOT NULL,
    name TEXT NOT NULL,
    subjective TEXT NOT NULL DEFAULT '',
    objective TEXT NOT NULL DEFAULT '',
    assessment TEXT NOT NULL DEFAULT '',
    plan TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'
);
