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

-- Makes a login and its worker, for add_user and _add_exchange_login, which say who may.
-- Never a password in the server's log: a failure creating the login would log the
-- CREATE ROLE statement, password and all, as its context.
CREATE OR REPLACE FUNCTION _make_user(p_login text, p_role text, p_name text, p_team text, p_password text)
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
REVOKE EXECUTE ON FUNCTION _make_user(text, text, text, text, text) FROM PUBLIC;

-- The exchange reads the MESH secrets and every restricted child, so its login is made only by
-- cpisctl setup (through _add_exchange_login): never as a user, not even by the owner.
CREATE OR REPLACE FUNCTION _refuse_exchange_role() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'The exchange''s login is made only by cpisctl setup, run by the server''s administrator (README, "Running for an authority"); no user can be given the exchange''s role.'
        USING ERRCODE = '42501',
              HINT = 'Run cpisctl setup --database "... user=cpis_installer" --exchange-pgpass FILE: it makes the exchange''s login, or gives it a new password.';
END $$;
REVOKE EXECUTE ON FUNCTION _refuse_exchange_role() FROM PUBLIC;

CREATE OR REPLACE FUNCTION add_user(p_login text, p_role text, p_name text, p_team text, p_password text)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    -- The owner (no worker of its own) may add the first users; anyone else must be a system
    -- administrator who is a worker of this database (the group role is server-wide).
    IF NOT _is_schema_owner() THEN
        PERFORM _require_role('cpis_sysadmin', 'add users');
    END IF;
    IF p_role = 'exchange' THEN
        PERFORM _refuse_exchange_role();
    END IF;
    RETURN _make_user(p_login, p_role, p_name, p_team, p_password);
END $$;
REVOKE EXECUTE ON FUNCTION add_user(text, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION add_user(text, text, text, text, text) TO cpis_sysadmin;

-- The exchange's login and its worker, for cpisctl setup (and the sample data), which act as the
-- schema owner: executable by no role, so only the owner (and a superuser) can call it.
CREATE OR REPLACE FUNCTION _add_exchange_login(p_login text, p_verifier text)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT _is_schema_owner() THEN
        PERFORM _refuse_exchange_role();
    END IF;
    RETURN _make_user(p_login, 'exchange', 'CP-IS Exchange', 'Systems', p_verifier);
END $$;
REVOKE EXECUTE ON FUNCTION _add_exchange_login(text, text) FROM PUBLIC;

-- ---------------------------------------------------------------- users for real (issue 21)

-- The group role of each role name users are given by (add_user's names); NULL for others.
CREATE OR REPLACE FUNCTION _user_group_role(p_role text) RETURNS name
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE p_role WHEN 'safeguarding-admin' THEN 'cpis_safeguarding_admin'
                       WHEN 'key-worker' THEN 'cpis_key_worker'
                       WHEN 'team-manager' THEN 'cpis_team_manager'
                       WHEN 'sysadmin' THEN 'cpis_sysadmin'
                       WHEN 'exchange' THEN 'cpis_exchange'
                       WHEN 'records-officer' THEN 'cpis_records_officer' END::name
$$;
REVOKE EXECUTE ON FUNCTION _user_group_role(text) FROM PUBLIC;

-- The role names a login holds directly, in a fixed order.
CREATE OR REPLACE FUNCTION _user_roles(p_login name) RETURNS text[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT coalesce(array_agg(r.role ORDER BY r.ord), '{}')
    FROM unnest(ARRAY['safeguarding-admin', 'key-worker', 'team-manager', 'sysadmin',
                      'records-officer', 'exchange']) WITH ORDINALITY AS r(role, ord)
    JOIN pg_roles g ON g.rolname = _user_group_role(r.role)
    JOIN pg_roles m ON m.rolname = p_login
    WHERE EXISTS (SELECT 1 FROM pg_auth_members a WHERE a.roleid = g.oid AND a.member = m.oid)
$$;
REVOKE EXECUTE ON FUNCTION _user_roles(name) FROM PUBLIC;

-- The user a system administrator may change: a worker of this database (not a login of
-- another database on the same server), never the exchange's login (its password is in the
-- exchange service's settings and it reads every restricted child), never the schema owner
-- or a superuser. Returns the worker's id; refuses in words otherwise.
CREATE OR REPLACE FUNCTION _user_to_change(p_login text, p_what text) RETURNS integer
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    wid integer;
    r pg_roles%ROWTYPE;
BEGIN
    PERFORM _require_sysadmin(p_what);
    SELECT w.id INTO wid FROM worker w WHERE w.login = p_login AND NOT w.is_virtual;
    SELECT * INTO r FROM pg_roles WHERE rolname = p_login;
    IF wid IS NULL OR r.rolname IS NULL THEN
        RAISE EXCEPTION 'There is no user "%" in this database.', coalesce(p_login, '')
            USING ERRCODE = 'CPNF1',
                  HINT = 'cpisctl user list shows the users; a login of another database cannot be changed here.';
    END IF;
    IF pg_has_role(r.oid, 'cpis_exchange', 'MEMBER') THEN
        RAISE EXCEPTION 'The exchange''s login "%" cannot be changed here: only cpisctl setup, run by the server''s administrator, manages it (README, "Running for an authority").', p_login
            USING ERRCODE = '42501';
    END IF;
    IF r.rolsuper OR pg_has_role(r.oid, current_user, 'USAGE') THEN
        RAISE EXCEPTION 'The login "%" owns the database (or is a superuser): it cannot be changed here.', p_login
            USING ERRCODE = '42501';
    END IF;
    RETURN wid;
END $$;
REVOKE EXECUTE ON FUNCTION _user_to_change(text, text) FROM PUBLIC;

-- Only the SCRAM verifier the client computed: a clear password in a bind parameter would be
-- in the server log with log_statement=all.
CREATE OR REPLACE FUNCTION _check_verifier(p_verifier text) RETURNS void
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF p_verifier IS NULL OR p_verifier !~ '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$' THEN
        PERFORM _invalid('password', 'The password must reach the database as a SCRAM-SHA-256 verifier '
            'computed by the client (cpisctl and the workview do that), never in clear text: it '
            'would be in the server''s log.');
    END IF;
END $$;
REVOKE EXECUTE ON FUNCTION _check_verifier(text) FROM PUBLIC;

-- Sets a login's password; a failure is raised again from here, so the server log's context
-- is this line and not the ALTER ROLE statement with the verifier in it.
CREATE OR REPLACE FUNCTION _set_login_password(p_login name, p_verifier text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM _check_verifier(p_verifier);
    BEGIN
        EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_verifier);
    EXCEPTION WHEN OTHERS THEN
        RAISE EXCEPTION 'Could not set the password of %: %', p_login, SQLERRM USING ERRCODE = SQLSTATE;
    END;
END $$;
REVOKE EXECUTE ON FUNCTION _set_login_password(name, text) FROM PUBLIC;

-- Every user of this database, for cpisctl user list and Administration → Users: enabled is
-- whether they can sign in (login allowed and worker active).
CREATE OR REPLACE FUNCTION list_users()
RETURNS TABLE (login text, name text, team text, roles text[], enabled boolean,
               must_change_password boolean, last_signed_in_at timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM _require_sysadmin('list users');
    RETURN QUERY
        SELECT w.login::text, w.name, coalesce(t.name, ''), _user_roles(w.login),
               coalesce(r.rolcanlogin, false) AND w.active, w.must_change_password,
               w.last_signed_in_at
        FROM worker w
        LEFT JOIN team t ON t.id = w.team_id
        LEFT JOIN pg_roles r ON r.rolname = w.login
        WHERE NOT w.is_virtual
        ORDER BY lower(w.name), w.login;
END $$;
REVOKE EXECUTE ON FUNCTION list_users() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION list_users() TO cpis_sysadmin;

-- Disabling: the login can no longer sign in and the worker is inactive (no longer offered to
-- pass work to; an open session of theirs can do nothing, as current_worker_id() finds no
-- one). The steps they hold stay in their colleagues' workview, to take over.
CREATE OR REPLACE FUNCTION disable_user(p_login text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE wid integer := _user_to_change(p_login, 'disable users');
BEGIN
    IF p_login = session_user THEN
        RAISE EXCEPTION 'You cannot disable your own login: ask another system administrator.'
            USING ERRCODE = '42501';
    END IF;
    EXECUTE format('ALTER ROLE %I NOLOGIN', p_login);
    UPDATE worker SET active = false WHERE id = wid;
    PERFORM _audit('user.disabled', NULL, jsonb_build_object('login', p_login, 'worker', wid));
END $$;
REVOKE EXECUTE ON FUNCTION disable_user(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION disable_user(text) TO cpis_sysadmin;

CREATE OR REPLACE FUNCTION enable_user(p_login text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE wid integer := _user_to_change(p_login, 'enable users');
BEGIN
    EXECUTE format('ALTER ROLE %I LOGIN', p_login);
    UPDATE worker SET active = true WHERE id = wid;
    PERFORM _audit('user.enabled', NULL, jsonb_build_object('login', p_login, 'worker', wid));
END $$;
REVOKE EXECUTE ON FUNCTION enable_user(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION enable_user(text) TO cpis_sysadmin;

-- A new password from a system administrator: a one-time one (p_one_time) that the worker
-- must replace at next sign-in, or one they chose themselves (cpisctl user password
-- --password-stdin). The verifier is never audited.
CREATE OR REPLACE FUNCTION reset_user_password(p_login text, p_verifier text, p_one_time boolean)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE wid integer := _user_to_change(p_login, 'set users'' passwords');
BEGIN
    PERFORM _set_login_password(p_login, p_verifier);
    UPDATE worker SET must_change_password = coalesce(p_one_time, true) WHERE id = wid;
    PERFORM _audit('user.password_reset', NULL,
                   jsonb_build_object('login', p_login, 'worker', wid,
                                      'one_time', coalesce(p_one_time, true)));
END $$;
REVOKE EXECUTE ON FUNCTION reset_user_password(text, text, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reset_user_password(text, text, boolean) TO cpis_sysadmin;

-- A user's roles, as a set of add_user's role names. Never the exchange's role (only the
-- installer makes that login), never none, and a system administrator keeps their own
-- system administrator role (so there is always one who can undo a mistake). Safeguarding
-- Admins are members of the CP-IS Worker's queue and team managers manage their team, as
-- add_user makes them.
CREATE OR REPLACE FUNCTION set_user_roles(p_login text, p_roles text[]) RETURNS text[]
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    wid integer := _user_to_change(p_login, 'change users'' roles');
    wanted text[];
    before text[] := _user_roles(p_login);
    role_name text;
    bad text;
BEGIN
    SELECT array_agg(DISTINCT btrim(x) ORDER BY btrim(x)) INTO wanted
    FROM unnest(coalesce(p_roles, '{}')) x WHERE btrim(x) <> '';
    SELECT x INTO bad FROM unnest(coalesce(wanted, '{}')) x WHERE _user_group_role(x) IS NULL LIMIT 1;
    IF bad IS NOT NULL THEN
        PERFORM _invalid('roles', format('Role "%s" must be one of safeguarding-admin, key-worker, team-manager, sysadmin, records-officer.', bad));
    END IF;
    IF p_login = session_user AND NOT 'sysadmin' = ANY (coalesce(wanted, '{}')) THEN
        RAISE EXCEPTION 'You cannot remove your own system administrator role: ask another system administrator.'
            USING ERRCODE = '42501';
    END IF;
    IF wanted IS NULL THEN
        PERFORM _invalid('roles', format('Give "%s" at least one role; to stop them signing in, disable them.', p_login));
    END IF;
    IF 'exchange' = ANY (wanted) THEN
        PERFORM _refuse_exchange_role();
    END IF;
    FOREACH role_name IN ARRAY ARRAY['safeguarding-admin', 'key-worker', 'team-manager', 'sysadmin', 'records-officer'] LOOP
        IF role_name = ANY (wanted) AND NOT role_name = ANY (before) THEN
            EXECUTE format('GRANT %I TO %I', _user_group_role(role_name), p_login);
        ELSIF role_name = ANY (before) AND NOT role_name = ANY (wanted) THEN
            EXECUTE format('REVOKE %I FROM %I', _user_group_role(role_name), p_login);
        END IF;
    END LOOP;
    -- The queue and team memberships add_user makes follow the roles.
    IF 'safeguarding-admin' = ANY (wanted) THEN
        INSERT INTO queue_member (queue_id, member_id)
        SELECT q.id, wid FROM worker q
        WHERE q.is_virtual AND q.name = 'CP-IS Worker'
          AND NOT EXISTS (SELECT 1 FROM queue_member m WHERE m.queue_id = q.id AND m.member_id = wid);
    ELSE
        DELETE FROM queue_member WHERE member_id = wid;
    END IF;
    IF 'team-manager' = ANY (wanted) THEN
        INSERT INTO team_manager (team_id, worker_id)
        SELECT w.team_id, wid FROM worker w
        WHERE w.id = wid AND w.team_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM team_manager m WHERE m.team_id = w.team_id AND m.worker_id = wid);
    ELSE
        DELETE FROM team_manager WHERE worker_id = wid;
    END IF;
    PERFORM _audit('user.roles_changed', NULL,
                   jsonb_build_object('login', p_login, 'worker', wid, 'before', to_jsonb(before),
                                      'after', to_jsonb(wanted)));
    RETURN wanted;
END $$;
REVOKE EXECUTE ON FUNCTION set_user_roles(text, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION set_user_roles(text, text[]) TO cpis_sysadmin;

-- A worker choosing their own password (after a one-time one, or whenever they like): only
-- their own login, only as a SCRAM verifier.
CREATE OR REPLACE FUNCTION change_my_password(p_verifier text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE wid integer := _require_worker();
BEGIN
    PERFORM _set_login_password(session_user, p_verifier);
    UPDATE worker SET must_change_password = false WHERE id = wid;
    PERFORM _audit('user.password_changed', NULL, jsonb_build_object('login', session_user, 'worker', wid));
END $$;
REVOKE EXECUTE ON FUNCTION change_my_password(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION change_my_password(text)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin,
       cpis_exchange, cpis_records_officer;

-- The client signing in: stamps the sign-in for the user list and says whether the worker
-- must choose a new password before anything else.
CREATE OR REPLACE FUNCTION signed_in() RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE must boolean;
BEGIN
    UPDATE worker SET last_signed_in_at = now() WHERE id = _require_worker()
    RETURNING must_change_password INTO must;
    RETURN must;
END $$;
REVOKE EXECUTE ON FUNCTION signed_in() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION signed_in()
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin,
       cpis_exchange, cpis_records_officer;
