-- Issue 20 "Out" and issue 21 "System alerts only by the system".
--
-- The main case system's id for a person, given back in the records export
-- (functions/data_quality.sql, records_export). The records import (issue 20 "In") adds the
-- same column; IF NOT EXISTS lets either come first.
ALTER TABLE person ADD COLUMN IF NOT EXISTS authority_person_id text;
CREATE UNIQUE INDEX IF NOT EXISTS person_authority_person_id ON person (authority_person_id)
    WHERE authority_person_id IS NOT NULL;

-- A system alert (every "CP-IS ..." type: exchange stalled, inbox not emptied, messages about
-- to expire, upload failed, ...) is raised only by the system (functions/alerts.sql); the row
-- says so, and the exchange's once-checks look only at rows the system raised, so a user's
-- alert can never suppress one.
ALTER TABLE alert ADD COLUMN raised_by_system boolean NOT NULL DEFAULT false;
-- The alerts already raised: by the system unless the audit trail names a worker who is not
-- the exchange as having raised it.
UPDATE alert a SET raised_by_system = true
WHERE NOT EXISTS (
    SELECT 1 FROM audit u JOIN worker w ON w.id = u.worker_id
    WHERE u.action = 'alert.raised' AND u.details ->> 'alert' = a.id::text
      AND NOT EXISTS (SELECT 1 FROM pg_roles r
                      WHERE r.rolname = w.login AND pg_has_role(r.oid, 'cpis_exchange', 'MEMBER')));
-- Users' alerts never carry a system type from now on (older ones are kept as they were).
ALTER TABLE alert ADD CONSTRAINT alert_system_type_by_system
    CHECK (raised_by_system OR regexp_replace(lower(alert_type), '\s', '', 'g') NOT LIKE 'cp-is%') NOT VALID;
-- New and changed functions: records_export (functions/data_quality.sql); _is_system_alert_type,
-- _raised_by_system, _insert_alert and raise_alert (functions/alerts.sql); the once-checks of
-- functions/exchange_monitor.sql.
-- functions: 8f04e07e5f37535932b847be73630dc9c2f9b2a5b57e2f8e3623d5996c889846
