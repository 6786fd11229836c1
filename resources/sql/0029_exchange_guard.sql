-- Who may be the exchange (issue 18). Only the installer makes the exchange's login (add_user,
-- functions/users.sql). The exchange's tables show a system administrator no more than the
-- exchange monitor does: a row about a child they may not see is hidden, and the raw message
-- and upload bodies (which name children) are the exchange's alone. The exchange keeps every
-- row; the owner's SECURITY DEFINER functions see everything, as before.

-- The children an inbound message names (its NHS numbers, and an unborn child whose mother's
-- number it is), found by the exchange when it stores the message. NULL: not known yet, so
-- the row is hidden from everyone but the exchange until it is (processing again fills it).
ALTER TABLE inbound_message ADD COLUMN subjects bigint[];
-- Found by any NHS number a child has had, recorded or not (the unique index covers only the
-- recorded ones), without reading every child.
CREATE INDEX person_nhs_number_any ON person (nhs_number) WHERE nhs_number IS NOT NULL;
-- The messages already stored, as functions/exchange_inbound.sql's inbound_message_subjects
-- finds them (a migration may not call a function that is new in its own release).
UPDATE inbound_message im SET subjects = (
    WITH numbers AS (
        SELECT DISTINCT m[1] AS nhs_number
        FROM regexp_matches(regexp_replace(encode(im.body, 'escape'), '\\([0-7]{3}|\\)', ' ', 'g'),
                            '(?<![0-9])([0-9]{10})(?![0-9])', 'g') AS m),
    named AS (
        SELECT p.id FROM person p JOIN numbers n ON n.nhs_number = p.nhs_number
        UNION
        SELECT c.id FROM person c JOIN person p ON p.id = c.mother_id JOIN numbers n ON n.nhs_number = p.nhs_number)
    SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM named);

-- Bodies never: every column but the body (and the children's ids) for system administrators.
REVOKE SELECT ON inbound_message, upload_file FROM cpis_sysadmin;
GRANT SELECT (id, origin, mesh_message_id, workflow_id, file_name, received_at, checksum, kind, status,
              reason, notification_id, outcome, processed_at, resolved_note)
    ON inbound_message TO cpis_sysadmin;
GRANT SELECT (id, sequence_number, message_id, created_at, record_count, status, mesh_message_id,
              sent_at, file_code, detail, send_attempted_at)
    ON upload_file TO cpis_sysadmin;

-- A message's row is as visible as every child it names.
ALTER TABLE inbound_message ENABLE ROW LEVEL SECURITY;
CREATE POLICY inbound_message_exchange ON inbound_message FOR ALL TO cpis_exchange USING (true) WITH CHECK (true);
CREATE POLICY inbound_message_visible ON inbound_message FOR SELECT TO cpis_sysadmin
    USING (subjects IS NOT NULL AND NOT EXISTS (SELECT 1 FROM unnest(subjects) AS c WHERE NOT person_is_visible(c)));

-- An upload file stays visible as a file (one row, many children, body withheld above); its
-- per-child rows follow the child.
ALTER TABLE upload_record ENABLE ROW LEVEL SECURITY;
CREATE POLICY upload_record_exchange ON upload_record FOR ALL TO cpis_exchange USING (true) WITH CHECK (true);
CREATE POLICY upload_record_visible ON upload_record FOR SELECT TO cpis_sysadmin USING (person_is_visible(person_id));

ALTER TABLE upload_pending ENABLE ROW LEVEL SECURITY;
CREATE POLICY upload_pending_exchange ON upload_pending FOR ALL TO cpis_exchange USING (true) WITH CHECK (true);
CREATE POLICY upload_pending_visible ON upload_pending FOR SELECT TO cpis_sysadmin USING (person_is_visible(person_id));

-- A plan's child through the plan (itself read through its own policy, so a hidden plan hides this).
ALTER TABLE upload_plan ENABLE ROW LEVEL SECURITY;
CREATE POLICY upload_plan_exchange ON upload_plan FOR ALL TO cpis_exchange USING (true) WITH CHECK (true);
CREATE POLICY upload_plan_visible ON upload_plan FOR SELECT TO cpis_sysadmin
    USING (person_is_visible((SELECT p.person_id FROM plan p WHERE p.id = plan_id)));
-- functions: 6df21277fc00b753baf9ed33ef8184e649dfdd3b5c6f2e567159a18eab7d1349
