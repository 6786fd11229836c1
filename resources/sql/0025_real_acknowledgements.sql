-- What the real CP-IS messages (DMS v1.0 RC5) need: where an acknowledgement outcome points,
-- the program versions CP-IS refused (CPF06), where accesses come from, and notifications
-- that name several children.

-- An acknowledgement outcome's location (an XPath), kept with the outcome's words.
ALTER TABLE upload_record ADD COLUMN location text;

-- A CPF06 acknowledgement: CP-IS no longer takes uploads from this version of the program.
-- The exchange sends nothing more while it runs a refused version; upgrading resumes.
CREATE TABLE cpis_refused_version (
    version         text PRIMARY KEY,
    sequence_number bigint NOT NULL,
    refused_at      timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT, INSERT ON cpis_refused_version TO cpis_exchange;
GRANT SELECT ON cpis_refused_version TO cpis_sysadmin;

-- ODS code = source category (emergency_department, urgent_treatment, minor_injury_unit,
-- out_of_hours_111, other) for the organisations the authority knows; others are known
-- from the notification's author (a system: 111 or out of hours; a person: emergency
-- department).
INSERT INTO config (key, value, secret) VALUES ('cpis.access_sources', '', false);

-- New result columns: the functions come back, changed, from resources/sql/functions.
DROP FUNCTION access_notifications_before_birth(jsonb);
DROP FUNCTION _create_follow_up_steps(new_follow_up_step[]);

-- functions: 0486ab491ff1a80bbb8c632dd3db29e0f2536a2021aefe8138feed8446c630fe
