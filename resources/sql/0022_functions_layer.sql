-- From here on every function lives once, in resources/sql/functions (see its ORDER file);
-- the migrator records the function set it installed in schema_functions, which every
-- client reads when it signs in.
GRANT SELECT ON schema_functions TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager,
                                    cpis_sysadmin, cpis_exchange;

-- incoming_requests also returns each request's due time (from _due_after, the one copy of
-- the rule): a new result column is a new function, defined in functions/workview.sql.
DROP FUNCTION incoming_requests(integer);

-- The function set this migration goes with (tests/db/functions_layer_test.cpp checks that the
-- newest migration names the files' checksum: changing a function file needs a new migration).
-- functions: a9f86bf99e0ddae1f7cfc68939e791170d9220a128a0d0b43c87c7a3561fb5f6
