-- The workstations' audit logs as they arrive, one hash chain per (clinic, device): the device is the
-- pushing token's, never the body's. Events are kept as sent plus the account that pushed them; an
-- event that did not fit the chain on arrival is kept too (for forensics) with its problem code,
-- unless its seq was already taken: then only the finding holds it. Nothing updates or deletes either.
CREATE TABLE srv_audit_chain (
    clinic_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    PRIMARY KEY (clinic_id, device_id)
); -- one row per chain, locked by the push that appends to it

CREATE TABLE srv_audit_event (
    clinic_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    event_id TEXT NOT NULL,
    at_ms BIGINT NOT NULL,
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
    received_ms BIGINT NOT NULL,
    problem TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (clinic_id, device_id, seq)
);
CREATE INDEX srv_audit_by_time ON srv_audit_event (clinic_id, at_ms, device_id, seq);

CREATE TABLE srv_audit_finding (
    clinic_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    problem TEXT NOT NULL,
    event TEXT NOT NULL, -- the event as sent, JSON
    hash TEXT NOT NULL,
    stored_hash TEXT NOT NULL,
    pushed_by_id TEXT NOT NULL,
    pushed_by TEXT NOT NULL,
    found_ms BIGINT NOT NULL,
    PRIMARY KEY (clinic_id, device_id, seq, problem, hash)
);

CREATE FUNCTION srv_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER srv_audit_event_append_only BEFORE UPDATE OR DELETE ON srv_audit_event
    FOR EACH ROW EXECUTE PROCEDURE srv_audit_append_only();
CREATE TRIGGER srv_audit_event_no_truncate BEFORE TRUNCATE ON srv_audit_event
    FOR EACH STATEMENT EXECUTE PROCEDURE srv_audit_append_only();
CREATE TRIGGER srv_audit_finding_append_only BEFORE UPDATE OR DELETE ON srv_audit_finding
    FOR EACH ROW EXECUTE PROCEDURE srv_audit_append_only();
CREATE TRIGGER srv_audit_finding_no_truncate BEFORE TRUNCATE ON srv_audit_finding
    FOR EACH STATEMENT EXECUTE PROCEDURE srv_audit_append_only();
