-- Each name token carries its patient's folded full name, so a multi-word search filters on the
-- token index alone instead of looking up every candidate patient row (30 ms to a few ms at 1M patients).
ALTER TABLE patient_name_token ADD COLUMN search_name TEXT NOT NULL DEFAULT '';
UPDATE patient_name_token SET search_name = (SELECT p.search_name FROM patient p WHERE p.id = patient_id);
