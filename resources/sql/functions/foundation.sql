-- Who the caller is, what they may see and do, and the helpers every other file uses.
-- The current definition of each function; see ORDER for the rules of this folder.

-- NHS number: ten digits, Modulus 11 (CPIS-INTERFACE.md). The same rule as NhsNumber.
CREATE OR REPLACE FUNCTION nhs_number_is_valid(n text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
    -- Written out rather than summed over generate_series: it runs for every NHS number a
    -- row is written with (person's CHECK), and the records import writes 100,000 at a time.
    -- PL/pgSQL, not SQL: SQL this size is never put inline (n is used ten times), and a call
    -- of a SQL function costs ten times that of PL/pgSQL's one cached expression.
    -- The check digit is 11 minus the weighted sum modulo 11 (11 becomes 0; 10 never matches).
    RETURN n ~ '^[0-9]{10}$' AND
           (11 - (substr(n, 1, 1)::int * 10 + substr(n, 2, 1)::int * 9 + substr(n, 3, 1)::int * 8
                  + substr(n, 4, 1)::int * 7 + substr(n, 5, 1)::int * 6 + substr(n, 6, 1)::int * 5
                  + substr(n, 7, 1)::int * 4 + substr(n, 8, 1)::int * 3 + substr(n, 9, 1)::int * 2) % 11) % 11
           = substr(n, 10, 1)::int;
END $$;
REVOKE EXECUTE ON FUNCTION nhs_number_is_valid(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION nhs_number_is_valid(text)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin,
       cpis_exchange;

-- The worker the session's login is, or NULL.
CREATE OR REPLACE FUNCTION current_worker_id() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT id FROM worker WHERE login = session_user AND active
$$;
REVOKE EXECUTE ON FUNCTION current_worker_id() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION current_worker_id()
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin,
       cpis_exchange;

CREATE OR REPLACE FUNCTION _require_worker() RETURNS integer
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE w integer := current_worker_id();
BEGIN
    IF w IS NULL THEN
        RAISE EXCEPTION 'The login "%" is not set up as a worker in CP-IS Workview.', session_user
            USING ERRCODE = '42501', HINT = 'Ask a system administrator to add you (cpisctl user add).';
    END IF;
    RETURN w;
END $$;
REVOKE EXECUTE ON FUNCTION _require_worker() FROM PUBLIC;

CREATE OR REPLACE FUNCTION _has_any_role(VARIADIC p_roles name[]) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT bool_or(pg_has_role(session_user, r, 'MEMBER')) FROM unnest(p_roles) AS r
$$;
REVOKE EXECUTE ON FUNCTION _has_any_role(name[]) FROM PUBLIC;

CREATE OR REPLACE FUNCTION _invalid(p_column text, p_message text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', p_message USING ERRCODE = 'CPVL1', COLUMN = p_column;
END $$;
REVOKE EXECUTE ON FUNCTION _invalid(text, text) FROM PUBLIC;

CREATE OR REPLACE FUNCTION _audit(p_action text, p_person bigint, p_details jsonb) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    INSERT INTO audit (worker_id, action, person_id, details)
    VALUES (current_worker_id(), p_action, p_person, coalesce(p_details, '{}'))
$$;
REVOKE EXECUTE ON FUNCTION _audit(text, bigint, jsonb) FROM PUBLIC;

-- Open clients refresh what changed; the payload is only a hint.
CREATE OR REPLACE FUNCTION _notify(p_kind text, p_id bigint) RETURNS void
LANGUAGE sql AS $$
    SELECT pg_notify('cpis_changes', json_build_object('kind', p_kind, 'id', p_id)::text)
$$;
REVOKE EXECUTE ON FUNCTION _notify(text, bigint) FROM PUBLIC;

CREATE OR REPLACE FUNCTION _worker_name(p_worker integer) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT coalesce((SELECT name FROM worker WHERE id = p_worker), 'someone')
$$;
REVOKE EXECUTE ON FUNCTION _worker_name(integer) FROM PUBLIC;

CREATE OR REPLACE FUNCTION _in_list(p_list text, p_label text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM list_item WHERE list = p_list AND label = p_label AND active)
$$;
REVOKE EXECUTE ON FUNCTION _in_list(text, text) FROM PUBLIC;

-- Opening a child's record is audited.
CREATE OR REPLACE FUNCTION record_person_opened(p_person bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM _require_worker();
    IF NOT coalesce(person_is_visible(p_person), false) THEN
        RAISE EXCEPTION 'There is no person %.', p_person USING ERRCODE = 'CPNF1';
    END IF;
    PERFORM _audit('person.opened', p_person, '{}');
END $$;
REVOKE EXECUTE ON FUNCTION record_person_opened(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION record_person_opened(bigint)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin,
       cpis_exchange;

-- The exchange must match every child by NHS number, restricted or not.
CREATE OR REPLACE FUNCTION person_is_visible(p_person bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT coalesce((
        SELECT NOT p.restricted
               OR EXISTS (SELECT 1 FROM person_access a WHERE a.person_id = p.id AND a.worker_id = current_worker_id())
               OR pg_has_role(session_user, 'cpis_exchange', 'MEMBER')
        FROM person p WHERE p.id = p_person), false)
$$;
REVOKE EXECUTE ON FUNCTION person_is_visible(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION person_is_visible(bigint)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin,
       cpis_exchange;

-- The installer: the login that owns the schema's objects (this function's owner), or one with
-- its rights (a superuser, or a member of the owner's role). Only it may create the exchange's
-- login, which reads the MESH secrets and every restricted child.
CREATE OR REPLACE FUNCTION _is_schema_owner() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT pg_has_role(session_user, current_user, 'USAGE')
$$;
REVOKE EXECUTE ON FUNCTION _is_schema_owner() FROM PUBLIC;

-- Only system administrators go on; the refusal says "system administrators" in full.
CREATE OR REPLACE FUNCTION _require_sysadmin(p_what text) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM _require_role('cpis_sysadmin', p_what); -- with its worker of this database
END $$;
REVOKE EXECUTE ON FUNCTION _require_sysadmin(text) FROM PUBLIC;

-- Only members of p_role go on; the refusal names the role in words (a plain 'Only %ss can'
-- once gave "Only key workerss can").
CREATE OR REPLACE FUNCTION _require_role(p_role name, p_what text) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT pg_has_role(session_user, p_role, 'MEMBER') THEN
        RAISE EXCEPTION 'Only % can %.', CASE p_role
                WHEN 'cpis_safeguarding_admin' THEN 'Safeguarding Admin'
                WHEN 'cpis_key_worker' THEN 'key workers'
                WHEN 'cpis_team_manager' THEN 'team managers'
                WHEN 'cpis_sysadmin' THEN 'system administrators'
                WHEN 'cpis_exchange' THEN 'the CP-IS exchange'
                ELSE p_role END, p_what
            USING ERRCODE = '42501';
    END IF;
    -- Group roles are shared by every database on the server: the role alone is no power here
    -- without a worker of this database (docs/security.md, "Databases apart on one server").
    -- The installer (this database's owner role, or the superuser) has no worker.
    IF NOT _is_schema_owner() THEN
        PERFORM _require_worker();
    END IF;
END $$;
REVOKE EXECUTE ON FUNCTION _require_role(name, text) FROM PUBLIC;

-- current_key_worker() runs with the owner's rights and answered for any person id: anyone
-- could find which ids are restricted children (a key worker where none should be seen) and
-- who their key worker is. A person the caller may not see now has no key worker either, as
-- if there were no such person. The exchange sees every child, so its alerts are unchanged.
CREATE OR REPLACE FUNCTION current_key_worker(p_person bigint) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT worker_id FROM involvement
    WHERE person_id = p_person AND role = 'Key Worker' AND ended_on IS NULL AND person_is_visible(p_person)
$$;
REVOKE EXECUTE ON FUNCTION current_key_worker(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION current_key_worker(bigint)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin,
       cpis_exchange;
