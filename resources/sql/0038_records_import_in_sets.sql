-- The records import set by set (issue 20): each rule of the records screens has a problem form
-- (functions/people.sql, text_checks.sql) that the import evaluates over a slice of the file in
-- one statement and the screens' _check_* helpers raise; new people, key workers, plans and
-- audit lines go through set helpers the screens call with one row; the import tells the client
-- how far it is. A file's dates are read by _import_date_value and _import_date_problem now.
DROP FUNCTION IF EXISTS _import_date(text, text);
-- functions: 0a79cdd03f9a441c63075683e0a6463c3b4f3c860ef65d49bf87e784504bfab8
