-- The records feed in (issue 20): the main case system's id for a person, kept on the record and
-- matched by the import; the alerts the import raises, to the records officers (who may now
-- receive a role's alert). The import itself is in functions/records_import.sql.

-- (The column and its unique index came with the export, in 0034.)
ALTER TABLE person ADD CONSTRAINT person_authority_person_id_length
    CHECK (length(btrim(authority_person_id)) BETWEEN 1 AND 100);

-- Records officers receive the import's alerts as a role.
ALTER TABLE alert DROP CONSTRAINT alert_recipient_role_check;
ALTER TABLE alert ADD CONSTRAINT alert_recipient_role_check CHECK (recipient_role IN (
    'cpis_safeguarding_admin', 'cpis_key_worker', 'cpis_team_manager', 'cpis_sysadmin', 'cpis_records_officer'));
ALTER TABLE alert_recipients DROP CONSTRAINT alert_recipients_recipient_role_check;
ALTER TABLE alert_recipients ADD CONSTRAINT alert_recipients_recipient_role_check CHECK (recipient_role IN (
    'cpis_safeguarding_admin', 'cpis_key_worker', 'cpis_team_manager', 'cpis_sysadmin', 'cpis_records_officer'));
INSERT INTO alert_recipients (alert_type, about_child, recipient_role, key_worker) VALUES
    ('Records import', false, 'cpis_records_officer', false),
    ('Records import: plans not in the file', false, 'cpis_records_officer', false);

-- The folder the exchange service imports records files from on its schedule (empty: none).
INSERT INTO config (key, value, secret) VALUES ('records.import_folder', '', false);

-- The function set this migration goes with (tests/db/functions_layer_test.cpp checks it).
-- functions: 9ca39d3b2e4c8b9b95bb45d2cd487ef13f57b3fb8ddc13f5765f5c5e0338b8e7
