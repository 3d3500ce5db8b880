-- Scheduling: providers, rooms, appointment types, weekly templates, blocks, holidays, appointments,
-- recurring series and the waitlist. Appointment instants are UTC milliseconds; wall-clock times are
-- derived in the clinic's time zone.

CREATE TABLE provider (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    credentials TEXT,
    npi TEXT,
    specialty TEXT,
    color TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE room (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE appointment_type (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    default_minutes INTEGER NOT NULL CHECK (default_minutes BETWEEN 5 AND 480),
    color TEXT NOT NULL,
    allow_overbook INTEGER NOT NULL DEFAULT 0,
    default_room_id TEXT REFERENCES room (id),
    active INTEGER NOT NULL DEFAULT 1,
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE working_hours (
    id TEXT PRIMARY KEY,
    provider_id TEXT NOT NULL REFERENCES provider (id),
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1440),
    end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 0 AND 1440),
    is_break INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1,
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX working_hours_by_provider ON working_hours (provider_id, weekday);

CREATE TABLE schedule_block (
    id TEXT PRIMARY KEY,
    provider_id TEXT REFERENCES provider (id),
    start_local TEXT NOT NULL,
    end_local TEXT NOT NULL,
    start_utc_ms INTEGER NOT NULL,
    end_utc_ms INTEGER NOT NULL,
    reason TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('vacation', 'blocked')),
    active INTEGER NOT NULL DEFAULT 1,
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX schedule_block_by_time ON schedule_block (start_utc_ms);

CREATE TABLE clinic_holiday (
    id TEXT PRIMARY KEY,
    date TEXT NOT NULL,
    name TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX clinic_holiday_by_date ON clinic_holiday (date);

CREATE TABLE appointment_series (
    id TEXT PRIMARY KEY,
    rule TEXT NOT NULL,
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE appointment (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patient (id),
    provider_id TEXT NOT NULL REFERENCES provider (id),
    room_id TEXT REFERENCES room (id),
    type_id TEXT NOT NULL REFERENCES appointment_type (id),
    start_utc_ms INTEGER NOT NULL,
    end_utc_ms INTEGER NOT NULL,
    minutes INTEGER NOT NULL CHECK (minutes BETWEEN 5 AND 720),
    start_local TEXT NOT NULL,
    reason TEXT,
    note TEXT,
    coverage_id TEXT REFERENCES coverage (id),
    status TEXT NOT NULL CHECK (status IN ('scheduled', 'confirmed', 'arrived', 'in_room', 'with_provider',
                                           'checked_out', 'cancelled', 'no_show')),
    confirmed_at_ms INTEGER,
    arrived_at_ms INTEGER,
    in_room_at_ms INTEGER,
    with_provider_at_ms INTEGER,
    checked_out_at_ms INTEGER,
    cancelled_at_ms INTEGER,
    no_show_at_ms INTEGER,
    cancel_reason TEXT,
    cancelled_by TEXT CHECK (cancelled_by IN ('patient', 'clinic')),
    overbooked INTEGER NOT NULL DEFAULT 0,
    series_id TEXT REFERENCES appointment_series (id),
    series_index INTEGER,
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX appointment_by_time ON appointment (start_utc_ms);
CREATE INDEX appointment_by_provider ON appointment (provider_id, start_utc_ms);
CREATE INDEX appointment_by_room ON appointment (room_id, start_utc_ms);
CREATE INDEX appointment_by_patient ON appointment (patient_id, start_utc_ms);
CREATE INDEX appointment_by_series ON appointment (series_id, series_index);

CREATE TABLE waitlist_entry (
    id TEXT PRIMARY KEY,
    patient_id TEXT NOT NULL REFERENCES patient (id),
    provider_id TEXT REFERENCES provider (id),
    type_id TEXT REFERENCES appointment_type (id),
    weekdays TEXT NOT NULL DEFAULT '',
    earliest_minute INTEGER NOT NULL DEFAULT 0,
    latest_minute INTEGER NOT NULL DEFAULT 1440,
    until_date TEXT NOT NULL,
    note TEXT,
    status TEXT NOT NULL CHECK (status IN ('waiting', 'booked', 'removed')),
    created_ms INTEGER NOT NULL,
    created_hlc TEXT NOT NULL,
    updated_hlc TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX waitlist_by_status ON waitlist_entry (status, created_ms);
