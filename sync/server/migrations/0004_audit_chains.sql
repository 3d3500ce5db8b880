-- The workstations' audit logs as they arrive, one hash chain per (clinic, device): the device is the
-- pushing token's, never the body's. Events are kept as sent plus the account that pushed them; an
-- event that did not fit the chain on arrival is kept too (for forensics) with its problem code,
-- unless its seq was already taken: then only the finding holds it. Nothing updates or deletes either.
CREATE TABLE srv_audit_event (
    clinic_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    at_ms INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    username TEXT NOT NULL,
    role TEXT NOT NULL,
    event_device TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    record_id TEXT NOT NULL,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    pushed_by_id TEXT NOT NULL,
    pushed_by TEXT NOT NULL,
    received_ms INTEGER NOT NULL,
    problem TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (clinic_id, device_id, seq)
);
CREATE INDEX srv_audit_by_time ON srv_audit_event (clinic_id, at_ms, device_id, seq);

CREATE TABLE srv_audit_finding (
    clinic_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    problem TEXT NOT NULL,
    event TEXT NOT NULL, -- the event as sent, JSON
    hash TEXT NOT NULL,
    stored_hash TEXT NOT NULL,
    pushed_by_id TEXT NOT NULL,
    pushed_by TEXT NOT NULL,
    found_ms INTEGER NOT NULL,
    PRIMARY KEY (clinic_id, device_id, seq, problem, hash)
);

CREATE TRIGGER srv_audit_event_no_update BEFORE UPDATE ON srv_audit_event
BEGIN
    SELECT RAISE(ABORT, 'srv_audit_event is append-only');
END;
CREATE TRIGGER srv_audit_event_no_delete BEFORE DELETE ON srv_audit_event
BEGIN
    SELECT RAISE(ABORT, 'srv_audit_event is append-only');
END;
CREATE TRIGGER srv_audit_finding_no_update BEFORE UPDATE ON srv_audit_finding
BEGIN
    SELECT RAISE(ABORT, 'srv_audit_finding is append-only');
END;
CREATE TRIGGER srv_audit_finding_no_delete BEFORE DELETE ON srv_audit_finding
BEGIN
    SELECT RAISE(ABORT, 'srv_audit_finding is append-only');
END;
-- INSERT OR REPLACE removes the row it replaces without firing delete triggers: refuse it at the insert.
CREATE TRIGGER srv_audit_event_no_replace BEFORE INSERT ON srv_audit_event
WHEN EXISTS (SELECT 1 FROM srv_audit_event WHERE clinic_id = NEW.clinic_id AND device_id = NEW.device_id
             AND seq = NEW.seq)
BEGIN
    SELECT RAISE(ABORT, 'srv_audit_event is append-only');
END;
