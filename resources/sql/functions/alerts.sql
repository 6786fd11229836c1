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

-- An alert about a person the caller cannot see would reveal that the person exists.
CREATE OR REPLACE FUNCTION raise_alert(p_type text, p_person bigint, p_worker integer, p_team integer, p_role name,
                                       p_body text)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE aid bigint;
BEGIN
    IF NOT _has_any_role('cpis_safeguarding_admin', 'cpis_team_manager', 'cpis_sysadmin', 'cpis_exchange') THEN
        RAISE EXCEPTION 'Only Safeguarding Admin, team managers, administrators and the exchange can raise alerts.'
            USING ERRCODE = '42501';
    END IF;
    IF p_person IS NOT NULL AND NOT person_is_visible(p_person) THEN
        RAISE EXCEPTION 'There is no person %.', p_person USING ERRCODE = 'CPNF1';
    END IF;
    IF num_nonnulls(p_worker, p_team, p_role) <> 1 THEN
        PERFORM _invalid('recipient', 'An alert goes to exactly one worker, team or role.');
    END IF;
    IF coalesce(btrim(p_type), '') = '' THEN
        PERFORM _invalid('alert_type', 'Alert type is required.');
    END IF;
    IF coalesce(btrim(p_body), '') = '' THEN
        PERFORM _invalid('body', 'Alert text is required.');
    END IF;
    INSERT INTO alert (alert_type, person_id, recipient_worker, recipient_team, recipient_role, body)
    VALUES (btrim(p_type), p_person, p_worker, p_team, p_role, btrim(p_body))
    RETURNING id INTO aid;
    PERFORM _audit('alert.raised', p_person, jsonb_build_object('alert', aid, 'type', p_type));
    PERFORM _notify('alert', aid);
    RETURN aid;
END $$;
REVOKE EXECUTE ON FUNCTION raise_alert(text, bigint, integer, integer, name, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION raise_alert(text, bigint, integer, integer, name, text)
    TO cpis_safeguarding_admin, cpis_team_manager, cpis_sysadmin, cpis_exchange;
