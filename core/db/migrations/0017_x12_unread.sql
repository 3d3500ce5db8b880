-- Files the clearinghouse sent that are not a 999 or 277CA Practica reads (a TA1, a report, a damaged
-- file), kept on the workstation that fetched them so that none is lost once the clearinghouse let it go.
-- Local to the workstation, like x12_file; one row per distinct content.
CREATE TABLE x12_unread (
    sha256 TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    received_at TEXT NOT NULL,
    problem TEXT NOT NULL,
    line INTEGER NOT NULL DEFAULT 0,
    content BLOB NOT NULL
);
