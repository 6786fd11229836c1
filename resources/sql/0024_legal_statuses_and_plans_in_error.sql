-- Looked-after statuses become the DfE legal-status codes (SSDA903) CP-IS is defined by; a plan
-- can be recorded in error (CP-IS is then told to delete it); a child's CP-IS record ends at 18;
-- and the sending authority's name and telephone numbers, shown to clinicians beside every flag.

-- ---------------------------------------------------------------- legal statuses
-- C1 interim care order (s38), C2 full care order (s31), D1 freeing order, E1 placement order,
-- J1-J3 remand, detention and sentence, L1-L3 police protection, emergency protection and
-- child assessment orders, V2 single period of accommodation (s20), V3/V4 short breaks.
ALTER TABLE plan DROP CONSTRAINT plan_kind_check;
-- What CP-IS sees does not change (every one is a looked-after plan): nobody is queued for it.
ALTER TABLE plan DISABLE TRIGGER plan_queues_upload;
UPDATE plan SET kind = CASE kind WHEN 's31' THEN 'C2' WHEN 's38' THEN 'C1' ELSE 'V2' END
WHERE kind IN ('s31', 's38', 's20');
ALTER TABLE plan ENABLE TRIGGER plan_queues_upload;
ALTER TABLE plan ADD CONSTRAINT plan_kind_check CHECK (kind IN (
    'CPP', 'UCPP', 'C1', 'C2', 'D1', 'E1', 'J1', 'J2', 'J3', 'L1', 'L2', 'L3', 'V2', 'V3', 'V4'));

-- The setting keeps its meaning; listed in the order the codes are listed everywhere.
UPDATE config SET value = array_to_string(ARRAY(
        SELECT DISTINCT ON (code) code FROM (
            SELECT CASE btrim(item) WHEN 's31' THEN 'C2' WHEN 's38' THEN 'C1' WHEN 's20' THEN 'V2'
                                    ELSE btrim(item) END AS code
            FROM unnest(string_to_array(value, ',')) AS item) c
        WHERE code <> ''
        ORDER BY code), ',')
WHERE key = 'cpis.shared_plans';
UPDATE config SET value = array_to_string(ARRAY(
        SELECT k FROM unnest(ARRAY['CPP', 'UCPP', 'C1', 'C2', 'D1', 'E1', 'J1', 'J2', 'J3', 'L1', 'L2',
                                   'L3', 'V2', 'V3', 'V4']) WITH ORDINALITY AS o(k, n)
        WHERE k = ANY (string_to_array(value, ',')) ORDER BY n), ',')
WHERE key = 'cpis.shared_plans';

-- ---------------------------------------------------------------- plans recorded in error
ALTER TABLE plan
    ADD COLUMN recorded_in_error_at timestamptz,
    ADD COLUMN recorded_in_error_by name,
    ADD COLUMN recorded_in_error_reason text,
    ADD CONSTRAINT plan_in_error_complete CHECK (
        (recorded_in_error_at IS NULL AND recorded_in_error_by IS NULL AND recorded_in_error_reason IS NULL)
        OR (recorded_in_error_at IS NOT NULL AND recorded_in_error_by IS NOT NULL
            AND length(btrim(recorded_in_error_reason)) BETWEEN 1 AND 1000));

-- Which plans each upload file carried, and with which delete date: a plan in error goes
-- again with its delete date until a file carrying it is acknowledged as accepted.
CREATE TABLE upload_plan (
    file_id     bigint NOT NULL REFERENCES upload_file,
    plan_id     bigint NOT NULL REFERENCES plan,
    delete_date date,
    PRIMARY KEY (file_id, plan_id)
);
CREATE INDEX upload_plan_plan ON upload_plan (plan_id) WHERE delete_date IS NOT NULL;
GRANT SELECT ON upload_plan TO cpis_sysadmin, cpis_exchange;
GRANT INSERT ON upload_plan TO cpis_exchange;

-- ---------------------------------------------------------------- 18th birthday
ALTER TABLE person_cpis_status DROP CONSTRAINT person_cpis_status_status_check;
ALTER TABLE person_cpis_status ADD CONSTRAINT person_cpis_status_status_check
    CHECK (status IN ('awaiting_upload', 'sent', 'shared', 'rejected', 'blocked', 'ended_at_18'));

-- ---------------------------------------------------------------- the sending authority
INSERT INTO config (key, value, secret) VALUES
    ('cpis.authority_name', '', false),
    ('cpis.phone_office_hours', '', false),
    ('cpis.phone_out_of_hours', '', false)
ON CONFLICT (key) DO NOTHING;

-- The function set this migration goes with (tests/db/functions_layer_test.cpp checks it).
-- functions: 717bf6af3e2536659ebdecaae1717f651354505c61abe521ac2f8b3c8b05a752
