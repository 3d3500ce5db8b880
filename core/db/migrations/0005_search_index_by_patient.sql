-- Rewriting a patient's search tokens deletes them by patient: without these indexes each edit (and
-- each patient a sync brings) scanned every token of the clinic.
CREATE INDEX patient_name_token_by_patient ON patient_name_token (patient_id);
CREATE INDEX patient_phone_by_patient ON patient_phone (patient_id);
