-- Children's records kept with the client (issue 19): a group role for the business-support
-- staff who keep them (records officers), who changed a record and when (for the stale-record
-- message), when an NHS number was verified, and the indexes that make the person search fast
-- on 100,000 children. The functions that change a record are in functions/people.sql.

-- Group roles are cluster-wide: create it once, whichever database migrates first.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cpis_records_officer') THEN
        CREATE ROLE cpis_records_officer NOLOGIN;
    END IF;
END $$;
GRANT USAGE ON SCHEMA public TO cpis_records_officer;

-- Records officers read what key workers read (through the same row-level security), and the
-- upload history (the data quality list compares the name CP-IS was last sent).
DO $$
DECLARE t text;
BEGIN
    FOR t IN SELECT DISTINCT table_name FROM information_schema.role_table_grants
             WHERE grantee = 'cpis_key_worker' AND privilege_type = 'SELECT' AND table_schema = 'public'
    LOOP
        EXECUTE format('GRANT SELECT ON %I TO cpis_records_officer', t);
    END LOOP;
END $$;
GRANT SELECT ON upload_record TO cpis_records_officer;
-- Who may see a restricted child: the team managers and records officers who grant it read it
-- through person_access_list(), never the table.

ALTER TABLE person
    ADD COLUMN updated_by integer REFERENCES worker,
    ADD COLUMN updated_at timestamptz,
    ADD COLUMN nhs_number_verified_at timestamptz,
    ADD COLUMN nhs_number_verified_by integer REFERENCES worker;

-- The person search: part of any name (legal or other) through trigrams, the rest by equality.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX person_name_search ON person
    USING gin ((lower(legal_forenames || ' ' || legal_surname)) gin_trgm_ops);
CREATE INDEX person_other_name_search ON person_other_name
    USING gin ((lower(forenames || ' ' || surname)) gin_trgm_ops);
CREATE INDEX person_nhs_number ON person (nhs_number) WHERE nhs_number IS NOT NULL;
CREATE INDEX person_date_of_birth ON person (date_of_birth);
CREATE INDEX person_expected_delivery ON person (expected_delivery) WHERE expected_delivery IS NOT NULL;

-- The function set this migration goes with (tests/db/functions_layer_test.cpp checks it).
-- functions: 6d2bfe38ed00df659c0901dd7bae07c03cd8d27598d496d5891259cda90af472
