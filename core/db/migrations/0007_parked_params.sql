-- A parked change keeps its reason as a code (why) and the rule's particulars (params, a JSON object of
-- strings), like a conflict, so the front ends word it in the user's language. Reasons kept as words
-- before this migration become codes.
ALTER TABLE sync_parked ADD COLUMN params TEXT NOT NULL DEFAULT '{}';
UPDATE sync_parked SET params = '{"record_type":"' || entity || '","field":"' || substr(why, 15) || '"}',
    why = 'unknown_field' WHERE why LIKE 'unknown\_field %' ESCAPE '\';
UPDATE sync_parked SET params = '{"record_type":"' || entity || '"}', why = 'unknown_record_type'
    WHERE why = 'unknown_entity';
UPDATE sync_parked SET params = '{"record_type":"' || entity || '","operation":"' || substr(why, 1, instr(why, '_') - 1)
    || '","constraint":"constraint"}', why = 'refused_by_database' WHERE why LIKE '%\_refused:%' ESCAPE '\';
