-- Logins and workers: adding a user, finding a worker to pass work to.
-- The current definition of each function; see ORDER for the rules of this folder.

-- People a request can be passed to, found by part of their name: caseworkers only (key
-- workers and team managers), never an administrator or a system account such as the
-- exchange's own worker, with the role and team Find worker shows beside each name.
CREATE OR REPLACE FUNCTION find_workers(p_text text)
RETURNS TABLE (id integer, name text, team text, role text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT w.id, w.name, t.name,
           CASE WHEN pg_has_role(r.oid, 'cpis_team_manager', 'MEMBER') THEN 'Team Manager'
                ELSE 'Key Worker' END
    FROM worker w
    JOIN pg_roles r ON r.rolname = w.login
    LEFT JOIN team t ON t.id = w.team_id
    WHERE w.active AND NOT w.is_virtual
      AND (pg_has_role(r.oid, 'cpis_key_worker', 'MEMBER')
           OR pg_has_role(r.oid, 'cpis_team_manager', 'MEMBER'))
      AND lower(w.name) LIKE '%' || replace(replace(replace(lower(btrim(p_text)), '\', '\\'), '%', '\%'), '_', '\_') || '%'
    ORDER BY w.name
    LIMIT 50
$$;
REVOKE EXECUTE ON FUNCTION find_workers(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION find_workers(text)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin,
       cpis_exchange;

-- Never a password in the server's log: a failure creating the login would log the
-- CREATE ROLE statement, password and all, as its context.
CREATE OR REPLACE FUNCTION add_user(p_login text, p_role text, p_name text, p_team text, p_password text)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    group_role name := CASE p_role WHEN 'safeguarding-admin' THEN 'cpis_safeguarding_admin'
                                   WHEN 'key-worker' THEN 'cpis_key_worker'
                                   WHEN 'team-manager' THEN 'cpis_team_manager'
                                   WHEN 'sysadmin' THEN 'cpis_sysadmin'
                                   WHEN 'exchange' THEN 'cpis_exchange'
                                   WHEN 'records-officer' THEN 'cpis_records_officer' END;
    team_id integer;
    wid integer;
BEGIN
    -- The owner (no worker of its own) may add the first users; anyone else must be a system
    -- administrator who is a worker of this database (the group role is server-wide).
    IF NOT _is_schema_owner() THEN
        PERFORM _require_role('cpis_sysadmin', 'add users');
    END IF;
    -- The exchange reads the MESH secrets and every restricted child: a system administrator
    -- who could make its login could read them through it.
    IF group_role = 'cpis_exchange' AND NOT _is_schema_owner() THEN
        RAISE EXCEPTION 'Only the installer (the database owner) can create the exchange''s login; see README, "The exchange service".'
            USING ERRCODE = '42501';
    END IF;
    IF p_login IS NULL OR p_login !~ '^[a-z][a-z0-9._-]{1,62}$' THEN
        PERFORM _invalid('login', format('Login "%s" must be 2-63 characters: lower-case letters, digits, ".", "_" or "-", starting with a letter.', coalesce(p_login, '')));
    END IF;
    IF p_login LIKE 'pg\_%' OR p_login LIKE 'cpis\_%' THEN
        PERFORM _invalid('login', format('Login "%s" is reserved.', p_login));
    END IF;
    IF group_role IS NULL THEN
        PERFORM _invalid('role', format('Role "%s" must be one of safeguarding-admin, key-worker, team-manager, sysadmin, exchange, records-officer.', coalesce(p_role, '')));
    END IF;
    IF coalesce(btrim(p_name), '') = '' OR length(p_name) > 200 THEN
        PERFORM _invalid('name', 'Full name is required (at most 200 characters).');
    END IF;
    -- Only the SCRAM verifier the client computed (PQencryptPasswordConn): a clear password in a
    -- bind parameter would be in the server log with log_statement=all.
    IF p_password IS NOT NULL AND p_password !~ '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$' THEN
        PERFORM _invalid('password', 'The password must reach the database as a SCRAM-SHA-256 verifier '
            'computed by the client (cpisctl user add and the workview do that), never in clear text: it '
            'would be in the server''s log.');
    END IF;
    IF EXISTS (SELECT 1 FROM worker WHERE login = p_login) THEN
        PERFORM _invalid('login', format('There is already a worker with login "%s".', p_login));
    END IF;
    IF p_team IS NOT NULL AND btrim(p_team) <> '' THEN
        SELECT id INTO team_id FROM team WHERE name = btrim(p_team);
        IF team_id IS NULL THEN
            INSERT INTO team (name) VALUES (btrim(p_team)) RETURNING id INTO team_id;
        END IF;
    END IF;
    -- Logins are shared by every database on the server: one that exists belongs to another
    -- database (or to the server), and a role given to it here would hold in its own database
    -- too. So a system administrator may only make new logins; the installer, who can grant
    -- any role anyway, may reuse one (the sample data does, in every test database).
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN
        IF NOT _is_schema_owner() THEN
            PERFORM _invalid('login', format('The login "%s" already exists on this database server (another '
                'database''s user, or the server''s own): a login belongs to one CP-IS database; choose another.', p_login));
        END IF;
    ELSE
        BEGIN
            IF p_password IS NULL THEN
                EXECUTE format('CREATE ROLE %I LOGIN', p_login);
            ELSE
                EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_login, p_password);
            END IF;
        EXCEPTION WHEN OTHERS THEN
            -- Raised again from here, so the log's context is this line, not the statement
            -- above with the password in it.
            RAISE EXCEPTION 'Could not create the login %: %', p_login, SQLERRM USING ERRCODE = SQLSTATE;
        END;
    END IF;
    -- Only this database's logins may connect to it (cpisctl setup revokes CONNECT from PUBLIC),
    -- and none may hold more than its share of the server's connection slots: a workview holds
    -- three at most, the exchange two (README, "Running for an authority", sizes max_connections).
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), p_login);
    EXECUTE format('ALTER ROLE %I CONNECTION LIMIT 10', p_login);
    EXECUTE format('GRANT %I TO %I', group_role, p_login);
    INSERT INTO worker (name, login, team_id) VALUES (btrim(p_name), p_login, team_id) RETURNING id INTO wid;
    IF group_role = 'cpis_safeguarding_admin' THEN
        INSERT INTO queue_member (queue_id, member_id)
        SELECT id, wid FROM worker WHERE is_virtual AND name = 'CP-IS Worker';
    ELSIF group_role = 'cpis_team_manager' AND team_id IS NOT NULL THEN
        INSERT INTO team_manager (team_id, worker_id) VALUES (team_id, wid);
    END IF;
    PERFORM _audit('user.added', NULL, jsonb_build_object('login', p_login, 'role', p_role, 'worker', wid));
    RETURN wid;
END $$;
REVOKE EXECUTE ON FUNCTION add_user(text, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION add_user(text, text, text, text, text) TO cpis_sysadmin;
