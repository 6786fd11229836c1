-- Office hours and bank holidays (due times follow them), the exchange's run log for the
-- monitor, quarantined messages processed again or marked resolved, and what each upload
-- said about the child (so a legal name changed since is noticed).

INSERT INTO config (key, value) VALUES
    ('office.hours', '09:30-16:30'),
    ('office.days', 'Mon-Fri'),
    ('office.handling_time', '1 working day');

-- England and Wales, as published; administrators add later years.
CREATE TABLE bank_holiday (
    day  date PRIMARY KEY,
    name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200)
);
INSERT INTO bank_holiday (day, name) VALUES
    ('2026-01-01', 'New Year''s Day'), ('2026-04-03', 'Good Friday'), ('2026-04-06', 'Easter Monday'),
    ('2026-05-04', 'Early May bank holiday'), ('2026-05-25', 'Spring bank holiday'),
    ('2026-08-31', 'Summer bank holiday'), ('2026-12-25', 'Christmas Day'), ('2026-12-28', 'Boxing Day (substitute day)'),
    ('2027-01-01', 'New Year''s Day'), ('2027-03-26', 'Good Friday'), ('2027-03-29', 'Easter Monday'),
    ('2027-05-03', 'Early May bank holiday'), ('2027-05-31', 'Spring bank holiday'),
    ('2027-08-30', 'Summer bank holiday'), ('2027-12-27', 'Christmas Day (substitute day)'),
    ('2027-12-28', 'Boxing Day (substitute day)'),
    ('2028-01-03', 'New Year''s Day (substitute day)'), ('2028-04-14', 'Good Friday'), ('2028-04-17', 'Easter Monday'),
    ('2028-05-01', 'Early May bank holiday'), ('2028-05-29', 'Spring bank holiday'),
    ('2028-08-28', 'Summer bank holiday'), ('2028-12-25', 'Christmas Day'), ('2028-12-26', 'Boxing Day');
GRANT SELECT ON bank_holiday TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin, cpis_exchange;

CREATE FUNCTION set_bank_holiday(p_day date, p_name text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM _require_role('cpis_sysadmin', 'change bank holidays');
    IF p_day IS NULL THEN
        PERFORM _invalid('day', 'A bank holiday needs a date.');
    END IF;
    IF coalesce(btrim(p_name), '') = '' THEN
        DELETE FROM bank_holiday WHERE day = p_day;
    ELSE
        INSERT INTO bank_holiday (day, name) VALUES (p_day, btrim(p_name))
        ON CONFLICT (day) DO UPDATE SET name = EXCLUDED.name;
    END IF;
    PERFORM _audit('config.bank_holiday', NULL, jsonb_build_object('day', p_day, 'name', p_name));
    PERFORM _notify('config', 0);
END $$;

-- The settings' rules, apart from storing them, so each reads on its own.
CREATE FUNCTION _check_office_setting(p_key text, v text) RETURNS void
LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF p_key = 'office.hours' AND (v !~ '^([01]?[0-9]|2[0-3]):[0-5][0-9]-([01]?[0-9]|2[0-3]):[0-5][0-9]$'
            OR split_part(v, '-', 2)::time <= split_part(v, '-', 1)::time) THEN
        PERFORM _invalid(p_key, format('office.hours: "%s" is not a range of the day such as 09:30-16:30.', v));
    ELSIF p_key = 'office.days' AND lower(v) !~ '^(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?(,(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?)*$' THEN
        PERFORM _invalid(p_key, format('office.days: "%s" is not days such as Mon-Fri or Mon,Wed,Fri.', v));
    ELSIF p_key = 'office.handling_time' AND lower(v) !~ '^[1-9][0-9]{0,2} working (day|days|hour|hours)$' THEN
        PERFORM _invalid(p_key, format('office.handling_time: "%s" is not a handling time such as 1 working day or 4 working hours.', v));
    END IF;
END $$;

CREATE OR REPLACE FUNCTION set_config(p_key text, p_value text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v text := btrim(coalesce(p_value, ''));
    item text;
    is_secret boolean;
BEGIN
    PERFORM _require_role('cpis_sysadmin', 'change the configuration');
    SELECT secret INTO is_secret FROM config WHERE key = p_key;
    IF NOT FOUND THEN
        PERFORM _invalid('key', format('There is no setting "%s".', p_key));
    END IF;
    PERFORM _check_office_setting(p_key, v);
    CASE p_key
    WHEN 'cpis.handling_mode' THEN
        IF v NOT IN ('work_step', 'case_note_and_alert') THEN
            PERFORM _invalid(p_key, 'cpis.handling_mode must be work_step or case_note_and_alert.');
        END IF;
    WHEN 'cpis.handling_target' THEN
        IF v <> '' AND NOT EXISTS (SELECT 1 FROM worker WHERE lower(name) = lower(v) OR login = v)
                   AND NOT EXISTS (SELECT 1 FROM team WHERE lower(name) = lower(v)) THEN
            PERFORM _invalid(p_key, format('cpis.handling_target: there is no worker or team "%s".', v));
        END IF;
    WHEN 'cpis.shared_plans' THEN
        FOREACH item IN ARRAY string_to_array(v, ',') LOOP
            IF btrim(item) NOT IN ('CPP', 'UCPP', 's31', 's38', 's20') THEN
                PERFORM _invalid(p_key, format('cpis.shared_plans: "%s" is not one of CPP, UCPP, s31, s38, s20.', btrim(item)));
            END IF;
        END LOOP;
        v := array_to_string(ARRAY(SELECT DISTINCT btrim(x) FROM unnest(string_to_array(v, ',')) AS x ORDER BY 1), ',');
    WHEN 'exchange.times' THEN
        IF v = '' THEN
            PERFORM _invalid(p_key, 'exchange.times needs at least one time, e.g. 08:00,11:00,14:00,16:45.');
        END IF;
        FOREACH item IN ARRAY string_to_array(v, ',') LOOP
            IF btrim(item) !~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' THEN
                PERFORM _invalid(p_key, format('exchange.times: "%s" is not a time of day (HH:MM).', btrim(item)));
            END IF;
        END LOOP;
    WHEN 'mesh.url' THEN
        IF v <> '' AND v !~ '^https://[^/\s]+' AND v !~ '^http://(127\.[0-9.]+|localhost|\[::1\])(:[0-9]+)?(/|$)' THEN
            PERFORM _invalid(p_key, 'mesh.url must be https://, or http:// to a loopback address for testing.');
        END IF;
    WHEN 'cpis.authority_ods' THEN
        IF v <> '' AND v !~ '^[A-Z0-9]{3,8}$' THEN
            PERFORM _invalid(p_key, 'cpis.authority_ods must be an ODS code: 3 to 8 capital letters or digits.');
        END IF;
    ELSE
        IF length(v) > 2000 THEN
            PERFORM _invalid(p_key, format('%s is too long (at most 2000 characters).', p_key));
        END IF;
    END CASE;
    UPDATE config SET value = v, updated_by = session_user, updated_at = now() WHERE key = p_key;
    PERFORM _audit('config.changed', NULL,
                   jsonb_build_object('key', p_key, 'value', CASE WHEN is_secret THEN '(secret)' ELSE v END));
    PERFORM _notify('config', 0);
END $$;

-- The exchange computes due times in office hours; this overload takes the due time it found.
CREATE FUNCTION create_follow_up_step(p_subject bigint, p_comments text, p_source text, p_received_at timestamptz,
                                      p_due_at timestamptz)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE step bigint := create_follow_up_step(p_subject, p_comments, p_source, p_received_at);
BEGIN
    IF p_due_at IS NOT NULL THEN
        UPDATE work_step SET due_at = p_due_at WHERE id = step;
    END IF;
    RETURN step;
END $$;

-- ---------------------------------------------------------------- the exchange monitor

CREATE TABLE exchange_run (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    started_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    status       text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'ok', 'failed')),
    uploads_sent integer NOT NULL DEFAULT 0,
    received     integer NOT NULL DEFAULT 0,
    quarantined  integer NOT NULL DEFAULT 0,
    error        text
);
CREATE INDEX exchange_run_recent ON exchange_run (started_at DESC);
GRANT SELECT ON exchange_run TO cpis_safeguarding_admin, cpis_team_manager, cpis_sysadmin, cpis_exchange;
GRANT INSERT, UPDATE ON exchange_run TO cpis_exchange;

-- Once the cause is fixed (e.g. the child's NHS number corrected): the next exchange
-- processes it again.
CREATE FUNCTION process_inbound_again(p_message bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT _has_any_role('cpis_sysadmin', 'cpis_exchange') THEN
        RAISE EXCEPTION 'Only system administrators can process a message again.' USING ERRCODE = '42501';
    END IF;
    UPDATE inbound_message SET status = 'received', reason = NULL WHERE id = p_message AND status = 'quarantined';
    IF NOT FOUND THEN
        RAISE EXCEPTION 'Message % is not quarantined.', p_message USING ERRCODE = 'CPWS1';
    END IF;
    PERFORM _audit('inbound.process_again', NULL, jsonb_build_object('message', p_message));
END $$;

CREATE FUNCTION resolve_inbound(p_message bigint, p_note text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM _require_role('cpis_sysadmin', 'mark messages resolved');
    IF coalesce(btrim(p_note), '') = '' THEN
        PERFORM _invalid('note', 'Say how it was resolved.');
    END IF;
    UPDATE inbound_message SET status = 'resolved', resolved_note = btrim(p_note)
    WHERE id = p_message AND status = 'quarantined';
    IF NOT FOUND THEN
        RAISE EXCEPTION 'Message % is not quarantined.', p_message USING ERRCODE = 'CPWS1';
    END IF;
    PERFORM _audit('inbound.resolved', NULL, jsonb_build_object('message', p_message, 'note', btrim(p_note)));
END $$;

-- What each upload said about the child.
ALTER TABLE upload_record ADD COLUMN forenames text, ADD COLUMN surname text, ADD COLUMN date_of_birth date;

REVOKE EXECUTE ON FUNCTION set_bank_holiday(date, text), _check_office_setting(text, text),
    create_follow_up_step(bigint, text, text, timestamptz, timestamptz), process_inbound_again(bigint),
    resolve_inbound(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION set_bank_holiday(date, text), resolve_inbound(bigint, text) TO cpis_sysadmin;
GRANT EXECUTE ON FUNCTION process_inbound_again(bigint) TO cpis_sysadmin, cpis_exchange;
GRANT EXECUTE ON FUNCTION create_follow_up_step(bigint, text, text, timestamptz, timestamptz) TO cpis_exchange;
