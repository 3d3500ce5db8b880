-- What each workstation receives (minimum necessary): "all", or what one role may read. A device
-- enrolled before scopes existed takes its enrolling user's role, an admin's enrolment everything.
ALTER TABLE srv_device ADD COLUMN scope TEXT NOT NULL DEFAULT 'all';
ALTER TABLE srv_device ADD COLUMN scope_set_by TEXT NOT NULL DEFAULT '';
ALTER TABLE srv_device ADD COLUMN scope_set_ms INTEGER NOT NULL DEFAULT 0;
UPDATE srv_device SET scope = coalesce((SELECT u.role FROM srv_user u WHERE u.id = srv_device.requested_by AND
    u.role IN ('front_desk', 'clinician', 'biller')), 'all');
