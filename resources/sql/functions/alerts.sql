-- Alerts: raising, who an alert is for, acknowledging.
-- The current definition of each function; see ORDER for the rules of this folder.

-- Alerts addressed to the caller: to them, their team, or a role they hold.
CREATE OR REPLACE FUNCTION alert_is_for_me(a alert) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT a.recipient_worker = current_worker_id()
        OR a.recipient_team = (SELECT team_id FROM worker WHERE id = current_worker_id())
        OR (a.recipient_role IS NOT NULL AND pg_has_role(session_user, a.recipient_role, 'MEMBER'))
$$;
REVOKE EXECUTE ON FUNCTION alert_is_for_me(alert) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION alert_is_for_me(alert)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin,
       cpis_exchange;

CREATE OR REPLACE FUNCTION acknowledge_alert(p_alert bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me integer := _require_worker();
    a alert;
BEGIN
    SELECT * INTO a FROM alert WHERE id = p_alert FOR UPDATE;
    IF NOT FOUND OR (a.person_id IS NOT NULL AND NOT person_is_visible(a.person_id)) THEN
        RAISE EXCEPTION 'There is no alert %.', p_alert USING ERRCODE = 'CPNF1';
    END IF;
    IF NOT coalesce(alert_is_for_me(a), false) THEN
        RAISE EXCEPTION 'This alert is not addressed to you.' USING ERRCODE = '42501';
    END IF;
    IF a.acknowledged_at IS NOT NULL THEN
        RAISE EXCEPTION 'This alert was already acknowledged by %.', _worker_name(a.acknowledged_by) USING ERRCODE = 'CPWS1';
    END IF;
    UPDATE alert SET acknowledged_by = me, acknowledged_at = now() WHERE id = p_alert;
    PERFORM _audit('alert.acknowledged', a.person_id, jsonb_build_object('alert', p_alert));
    PERFORM _notify('alert', p_alert);
END $$;
REVOKE EXECUTE ON FUNCTION acknowledge_alert(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION acknowledge_alert(bigint)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin,
       cpis_exchange;

-- Issue 21: a system alert (every "CP-IS ..." type, however spaced or cased) is raised only by
-- the system: the exchange's own login, or the installer (migrations, the schema owner).
CREATE OR REPLACE FUNCTION _is_system_alert_type(p_type text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT regexp_replace(lower(coalesce(p_type, '')), '\s', '', 'g') LIKE 'cp-is%'
$$;
REVOKE EXECUTE ON FUNCTION _is_system_alert_type(text) FROM PUBLIC;

-- (PL/pgSQL: _is_exchange_login comes later in this file.)
CREATE OR REPLACE FUNCTION _raised_by_system() RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    RETURN _is_exchange_login() OR _is_schema_owner();
END $$;
REVOKE EXECUTE ON FUNCTION _raised_by_system() FROM PUBLIC;

-- Checks an alert and stores it for one recipient, marked as the system's when the system
-- raises it; the callers check who may raise it, and a system type from anyone else is refused
-- here too, so that no path lets a user's alert pass for the system's.
CREATE OR REPLACE FUNCTION _insert_alert(p_type text, p_person bigint, p_worker integer, p_team integer,
                                         p_role name, p_body text)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE aid bigint;
BEGIN
    IF num_nonnulls(p_worker, p_team, p_role) <> 1 THEN
        PERFORM _invalid('recipient', 'An alert goes to exactly one worker, team or role.');
    END IF;
    IF coalesce(btrim(p_type), '') = '' THEN
        PERFORM _invalid('alert_type', 'Alert type is required.');
    END IF;
    IF coalesce(btrim(p_body), '') = '' THEN
        PERFORM _invalid('body', 'Alert text is required.');
    END IF;
    IF _is_system_alert_type(p_type) AND NOT _raised_by_system() THEN
        RAISE EXCEPTION 'Alerts of the type "%" are raised only by CP-IS Workview itself.', btrim(p_type)
            USING ERRCODE = '42501', COLUMN = 'alert_type';
    END IF;
    INSERT INTO alert (alert_type, person_id, recipient_worker, recipient_team, recipient_role, body,
                       raised_by_system)
    VALUES (btrim(p_type), p_person, p_worker, p_team, p_role, btrim(p_body), _raised_by_system())
    RETURNING id INTO aid;
    PERFORM _audit('alert.raised', p_person, jsonb_build_object('alert', aid, 'type', p_type));
    PERFORM _notify('alert', aid);
    RETURN aid;
END $$;
REVOKE EXECUTE ON FUNCTION _insert_alert(text, bigint, integer, integer, name, text) FROM PUBLIC;

-- An alert about a person the caller cannot see would reveal that the person exists.
-- A CP-IS alert the exchange raises for the CP-IS administrators (what every CP-IS alert went
-- to before its recipients could be chosen) goes to the recipients chosen for its type
-- (raise_cpis_alert), so that an alert added later is configurable without more changes.
CREATE OR REPLACE FUNCTION raise_alert(p_type text, p_person bigint, p_worker integer, p_team integer, p_role name,
                                       p_body text)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT _has_any_role('cpis_safeguarding_admin', 'cpis_team_manager', 'cpis_sysadmin', 'cpis_exchange') THEN
        RAISE EXCEPTION 'Only Safeguarding Admin, team managers, administrators and the exchange can raise alerts.'
            USING ERRCODE = '42501';
    END IF;
    IF _is_system_alert_type(p_type) AND NOT _raised_by_system() THEN
        RAISE EXCEPTION 'Alerts of the type "%" are raised only by CP-IS Workview itself.', btrim(p_type)
            USING ERRCODE = '42501', COLUMN = 'alert_type';
    END IF;
    IF p_person IS NOT NULL AND NOT person_is_visible(p_person) THEN
        RAISE EXCEPTION 'There is no person %.', p_person USING ERRCODE = 'CPNF1';
    END IF;
    IF p_role = 'cpis_sysadmin' AND p_worker IS NULL AND p_team IS NULL AND btrim(p_type) LIKE 'CP-IS %'
       AND _is_exchange_login() THEN
        RETURN raise_cpis_alert(p_type, p_person, p_body);
    END IF;
    RETURN _insert_alert(p_type, p_person, p_worker, p_team, p_role, p_body);
END $$;
REVOKE EXECUTE ON FUNCTION raise_alert(text, bigint, integer, integer, name, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION raise_alert(text, bigint, integer, integer, name, text)
    TO cpis_safeguarding_admin, cpis_team_manager, cpis_sysadmin, cpis_exchange;

-- Issue 18, "Alerts reach the right people": who receives each CP-IS alert type.

-- The exchange's own login (not the owner, whom every role check lets through).
CREATE OR REPLACE FUNCTION _is_exchange_login() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT pg_has_role(session_user, 'cpis_exchange', 'MEMBER')
           AND NOT coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false)
$$;
REVOKE EXECUTE ON FUNCTION _is_exchange_login() FROM PUBLIC;

-- May this worker see this person? (person_is_visible answers for the caller.)
CREATE OR REPLACE FUNCTION _worker_may_see(p_worker integer, p_person bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT coalesce((SELECT NOT p.restricted
                            OR EXISTS (SELECT 1 FROM person_access a
                                       WHERE a.person_id = p.id AND a.worker_id = p_worker)
                     FROM person p WHERE p.id = p_person), false)
$$;
REVOKE EXECUTE ON FUNCTION _worker_may_see(integer, bigint) FROM PUBLIC;

-- The one rule of who receives a CP-IS alert: the recipients configured for its type
-- (alert_recipients; a type without a row gets one with the defaults, the CP-IS
-- administrators). One alert per recipient: the role, the team, the worker and, for an alert
-- about a child, the child's current key worker. A worker who may not see the child (a
-- restricted child) is never sent it; the role's and team's alerts about such a child are shown
-- only to those who may see it (alert's row-level security). When nobody is left, CP-IS
-- Worker receives it, so that no alert goes to no one. Returns the first alert's id.
CREATE OR REPLACE FUNCTION raise_cpis_alert(p_type text, p_person bigint, p_body text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    r alert_recipients;
    workers integer[] := '{}';
    w integer;
    first_id bigint;
    aid bigint;
BEGIN
    IF coalesce(btrim(p_type), '') = '' THEN
        PERFORM _invalid('alert_type', 'Alert type is required.');
    END IF;
    INSERT INTO alert_recipients (alert_type, about_child) VALUES (btrim(p_type), p_person IS NOT NULL)
    ON CONFLICT (alert_type) DO NOTHING;
    SELECT * INTO r FROM alert_recipients WHERE alert_type = btrim(p_type);
    IF r.recipient_role IS NOT NULL THEN
        first_id := _insert_alert(p_type, p_person, NULL, NULL, r.recipient_role, p_body);
    END IF;
    IF r.recipient_team IS NOT NULL THEN
        aid := _insert_alert(p_type, p_person, NULL, r.recipient_team, NULL, p_body);
        first_id := coalesce(first_id, aid);
    END IF;
    IF r.recipient_worker IS NOT NULL THEN
        workers := workers || r.recipient_worker;
    END IF;
    IF r.key_worker AND p_person IS NOT NULL THEN
        workers := workers || current_key_worker(p_person);
    END IF;
    FOR w IN SELECT DISTINCT x FROM unnest(workers) AS x
             WHERE x IS NOT NULL AND (p_person IS NULL OR _worker_may_see(x, p_person)) LOOP
        aid := _insert_alert(p_type, p_person, w, NULL, NULL, p_body);
        first_id := coalesce(first_id, aid);
    END LOOP;
    IF first_id IS NULL THEN
        w := (SELECT id FROM worker WHERE is_virtual AND name = 'CP-IS Worker');
        first_id := CASE WHEN w IS NOT NULL AND (p_person IS NULL OR _worker_may_see(w, p_person))
                         THEN _insert_alert(p_type, p_person, w, NULL, NULL, p_body)
                         ELSE _insert_alert(p_type, p_person, NULL, NULL, 'cpis_sysadmin', p_body) END;
    END IF;
    RETURN first_id;
END $$;
REVOKE EXECUTE ON FUNCTION raise_cpis_alert(text, bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION raise_cpis_alert(text, bigint, text) TO cpis_exchange;

-- Every CP-IS alert type with its recipients, named, for the Configuration tools and cpisctl.
CREATE OR REPLACE FUNCTION alert_recipients_overview()
RETURNS TABLE (alert_type text, about_child boolean, recipient_role name, team text, worker_login text,
               worker_name text, key_worker boolean, updated_by name, updated_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT r.alert_type, r.about_child, r.recipient_role, t.name, w.login, w.name, r.key_worker,
           r.updated_by, r.updated_at
    FROM alert_recipients r
    LEFT JOIN team t ON t.id = r.recipient_team
    LEFT JOIN worker w ON w.id = r.recipient_worker
    WHERE _has_any_role('cpis_sysadmin')
    ORDER BY r.alert_type
$$;
REVOKE EXECUTE ON FUNCTION alert_recipients_overview() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION alert_recipients_overview() TO cpis_sysadmin;

-- Only system administrators choose who receives an alert; every value is checked and a wrong
-- one named. p_role, p_team (a team's name) and p_worker (a login) may be NULL or empty.
CREATE OR REPLACE FUNCTION set_alert_recipients(p_type text, p_role text, p_team text, p_worker text,
                                                p_key_worker boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    r alert_recipients;
    role_name name := nullif(btrim(coalesce(p_role, '')), '');
    team_name text := nullif(btrim(coalesce(p_team, '')), '');
    login_name text := nullif(btrim(coalesce(p_worker, '')), '');
    team_id integer;
    worker_id integer;
BEGIN
    PERFORM _require_role('cpis_sysadmin', 'choose who receives alerts');
    SELECT * INTO r FROM alert_recipients WHERE alert_type = btrim(coalesce(p_type, '')) FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM _invalid('alert_type', format('There is no CP-IS alert type "%s".', p_type));
    END IF;
    IF role_name IS NOT NULL AND role_name NOT IN ('cpis_safeguarding_admin', 'cpis_key_worker',
                                                   'cpis_team_manager', 'cpis_sysadmin') THEN
        PERFORM _invalid('role', format('There is no role "%s" to send alerts to: choose cpis_safeguarding_admin, '
                                        'cpis_key_worker, cpis_team_manager or cpis_sysadmin.', role_name));
    END IF;
    IF team_name IS NOT NULL THEN
        team_id := (SELECT id FROM team WHERE lower(name) = lower(team_name));
        IF team_id IS NULL THEN
            PERFORM _invalid('team', format('There is no team "%s".', team_name));
        END IF;
    END IF;
    IF login_name IS NOT NULL THEN
        worker_id := (SELECT id FROM worker WHERE login = login_name AND active);
        IF worker_id IS NULL THEN
            PERFORM _invalid('worker', format('There is no active worker with the login "%s".', login_name));
        END IF;
    END IF;
    IF coalesce(p_key_worker, false) AND NOT r.about_child THEN
        PERFORM _invalid('key_worker', format('"%s" is not about a child, so it has no key worker to go to.',
                                              r.alert_type));
    END IF;
    IF role_name IS NULL AND team_id IS NULL AND worker_id IS NULL AND NOT coalesce(p_key_worker, false) THEN
        PERFORM _invalid('recipient', format('"%s" needs at least one recipient: a role, a team, a worker or '
                                             'the child''s key worker.', r.alert_type));
    END IF;
    UPDATE alert_recipients
    SET recipient_role = role_name, recipient_team = team_id, recipient_worker = worker_id,
        key_worker = coalesce(p_key_worker, false), updated_by = session_user, updated_at = now()
    WHERE alert_type = r.alert_type;
    PERFORM _audit('alert_recipients.changed', NULL,
                   jsonb_build_object('type', r.alert_type, 'role', role_name, 'team', team_name,
                                      'worker', login_name, 'key_worker', coalesce(p_key_worker, false)));
    PERFORM _notify('config', 0); -- open Configuration tools show it
END $$;
REVOKE EXECUTE ON FUNCTION set_alert_recipients(text, text, text, text, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION set_alert_recipients(text, text, text, text, boolean)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin, cpis_exchange;
