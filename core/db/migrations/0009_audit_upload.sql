-- The audit log reaches the clinic's server: how far the server has acknowledged this workstation's
-- chain (events after it are pushed at the next sync, in seq order). One row.
CREATE TABLE audit_upload (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    acknowledged_seq INTEGER NOT NULL DEFAULT 0
);
INSERT INTO audit_upload (id, acknowledged_seq) VALUES (1, 0);

-- The log is append-only: no program path updates or deletes an event, and now the database refuses it too.
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit_event is append-only');
END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit_event is append-only');
END;
-- INSERT OR REPLACE removes the row it replaces without firing delete triggers: refuse it at the insert.
CREATE TRIGGER audit_event_no_replace BEFORE INSERT ON audit_event
WHEN EXISTS (SELECT 1 FROM audit_event WHERE seq = NEW.seq OR id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'audit_event is append-only');
END;
