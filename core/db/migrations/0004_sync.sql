-- Sync on the workstation: changes the server refused (until someone resolves them), values that
-- lost a merge (history), deletes (tombstones) and changes this build cannot apply yet (parked).

CREATE TABLE sync_conflict (
    id TEXT PRIMARY KEY,
    change_id TEXT NOT NULL,
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    code TEXT NOT NULL,
    reason TEXT NOT NULL,
    op TEXT NOT NULL,
    fields TEXT NOT NULL,       -- the refused change's fields, JSON
    hlc TEXT NOT NULL,
    current_row TEXT,           -- the server's version of the row at the time, JSON; NULL when it had none
    detected_ms INTEGER NOT NULL,
    resolved_ms INTEGER,
    resolution TEXT CHECK (resolution IN ('retried', 'discarded'))
);
CREATE INDEX sync_conflict_by_row ON sync_conflict (entity, row_id, resolved_ms);

CREATE TABLE field_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT,
    hlc TEXT NOT NULL,          -- the stamp of the value that lost
    recorded_ms INTEGER NOT NULL
);
CREATE INDEX field_history_by_row ON field_history (entity, row_id);

CREATE TABLE sync_tombstone (
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    hlc TEXT NOT NULL,
    PRIMARY KEY (entity, row_id)
);

CREATE TABLE sync_parked (
    change_id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    body TEXT NOT NULL,         -- the change as received, JSON
    why TEXT NOT NULL,
    parked_ms INTEGER NOT NULL
);

-- The merge trail travels to every workstation like the records it describes.
ALTER TABLE patient_merge ADD COLUMN updated_hlc TEXT NOT NULL DEFAULT '';
ALTER TABLE patient_merge ADD COLUMN field_hlc TEXT NOT NULL DEFAULT '{}';
