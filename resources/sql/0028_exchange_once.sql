-- Nothing sent twice, nothing held hostage (issue 18).
-- The exchange's single-runner lock is a lease on a one-row table only the exchange role may
-- update, not an advisory lock any login could take to stop every exchange. The lease names
-- its holder's backend; it is free again once that backend is gone.
-- An upload file records when its POST to MESH was last attempted, committed before the POST:
-- a file attempted but not marked sent may have reached MESH, and is looked up by its local id
-- in MESH's tracking before it is sent again.
CREATE TABLE exchange_lock (
    only_row           boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    holder_pid         integer,
    holder_login       text,
    holder_application text,
    since              timestamptz
);
INSERT INTO exchange_lock DEFAULT VALUES;
REVOKE ALL ON exchange_lock FROM PUBLIC;
GRANT SELECT ON exchange_lock TO cpis_sysadmin, cpis_safeguarding_admin, cpis_exchange;
GRANT UPDATE ON exchange_lock TO cpis_exchange;

ALTER TABLE upload_file ADD COLUMN send_attempted_at timestamptz;
-- The function files are unchanged on this branch; the line names them for the test.
-- functions: c99b878532d8b572f3864d73e15c15fbc9e95b9097e2eb030d423cccd96d4cb4
