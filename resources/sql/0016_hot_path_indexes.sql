-- Indexes the hot paths were missing, found by the query-plan test on the scale data
-- (tests/workflow/query_plan_test.cpp).

-- The person record lists every involvement, past ones too; only current key workers and a
-- worker's current cases had an index.
CREATE INDEX involvement_person ON involvement (person_id);
