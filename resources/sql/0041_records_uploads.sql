-- Issue 19 (the audit's gaps): every change to what CP-IS holds queues an upload. An unborn
-- child's plan carries the expected date of delivery as its end, so the person trigger watches
-- it too (and _person_queues_upload, in functions/uploads.sql, queues a mother's unborn
-- children when her own details change). record_plan_in_error takes the record's row version
-- like every other records action: its old signature goes, the new one is in
-- functions/uploads.sql.
DROP TRIGGER person_queues_upload ON person;
CREATE TRIGGER person_queues_upload AFTER UPDATE OF nhs_number, nhs_number_status, legal_forenames, legal_surname,
    date_of_birth, expected_delivery ON person FOR EACH ROW EXECUTE FUNCTION _person_queues_upload();
DROP FUNCTION IF EXISTS record_plan_in_error(bigint, text);
-- functions: 21ede041894db2751f8b83d1673965194cd8094794d01d0d4cb8a4d240805984
