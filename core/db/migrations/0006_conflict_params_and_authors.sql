-- A refused change keeps the rule's particulars (JSON object of strings: which resource, the missing
-- permission, how far ahead the clock is) so the conflicts view words them in the user's language; a
-- value kept in history names who made the change whose merge put it there, and from which workstation.
ALTER TABLE sync_conflict ADD COLUMN params TEXT NOT NULL DEFAULT '{}';
ALTER TABLE field_history ADD COLUMN author TEXT NOT NULL DEFAULT '';
ALTER TABLE field_history ADD COLUMN device_id TEXT NOT NULL DEFAULT '';
