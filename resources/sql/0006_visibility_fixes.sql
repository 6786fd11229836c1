-- A restricted person must look exactly like no person at all: person_is_visible() answered
-- NULL for a missing id but false for a restricted one, which told them apart.
CREATE OR REPLACE FUNCTION person_is_visible(p_person bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT coalesce((
        SELECT NOT p.restricted
               OR EXISTS (SELECT 1 FROM person_access a WHERE a.person_id = p.id AND a.worker_id = current_worker_id())
        FROM person p WHERE p.id = p_person), false)
$$;

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
