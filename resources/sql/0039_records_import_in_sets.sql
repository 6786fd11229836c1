-- The records import set by set (issue 20): each rule of the records screens has a problem form
-- (functions/people.sql, text_checks.sql) that the import evaluates over a slice of the file in
-- one statement and the screens' _check_* helpers raise; new people, key workers, plans and
-- audit lines go through set helpers the screens call with one row; the import tells the client
-- how far it is. A file's dates are read by _import_date_value and _import_date_problem now.
DROP FUNCTION IF EXISTS _import_date(text, text);
-- functions: 16041572d314f48f2c53c58891b93888aeb17cb67597590f8b729504ac2f55d8
