-- Office hours and bank holidays, and the due-time rule built on them (the only copy of it).
-- The current definition of each function; see ORDER for the rules of this folder.

-- When something received at t is due: the handling time (office.handling_time), counted only
-- while the office is open (office.hours on office.days, not on bank holidays), in UK time.
-- Opening and closing are wall-clock times, so a clock change (at night) moves nothing. The
-- one copy of this rule: the client reads due times, it never works them out.
CREATE OR REPLACE FUNCTION _due_after(t timestamptz) RETURNS timestamptz
LANGUAGE plpgsql STABLE SET search_path = public, pg_temp AS $$
DECLARE
    day_names constant text[] := ARRAY['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    hours     text := coalesce(config_value('office.hours'), '09:30-16:30');
    handling  text := lower(btrim(coalesce(config_value('office.handling_time'), '1 working day')));
    opens     time := split_part(hours, '-', 1)::time;
    closes    time := split_part(hours, '-', 2)::time;
    working   int[] := '{}';
    part      text;
    minutes   bigint;
    cur       timestamptz := t;
    d         date;
    closing   timestamptz;
    open_left bigint;
BEGIN
    -- "Mon-Fri" or "Mon,Wed-Fri" (set_config has checked it).
    FOREACH part IN ARRAY string_to_array(lower(coalesce(config_value('office.days'), 'Mon-Fri')), ',') LOOP
        working := working || ARRAY(SELECT generate_series(
            array_position(day_names, left(btrim(split_part(part, '-', 1)), 3)),
            coalesce(array_position(day_names, left(btrim(nullif(split_part(part, '-', 2), '')), 3)),
                     array_position(day_names, left(btrim(split_part(part, '-', 1)), 3)))));
    END LOOP;
    -- "1 working day" is one opening's length; "4 working hours" is 240 minutes.
    minutes := substring(handling FROM '^[0-9]+')::bigint
               * CASE WHEN handling ~ 'day' THEN extract(epoch FROM closes - opens)::bigint / 60 ELSE 60 END;
    LOOP
        -- The next opening from cur: cur itself while open.
        d := (cur AT TIME ZONE 'Europe/London')::date;
        IF NOT (extract(isodow FROM d)::int = ANY (working) AND NOT EXISTS (SELECT 1 FROM bank_holiday b WHERE b.day = d))
           OR (cur AT TIME ZONE 'Europe/London')::time >= closes THEN
            FOR i IN 1..366 LOOP
                d := d + 1;
                EXIT WHEN extract(isodow FROM d)::int = ANY (working)
                          AND NOT EXISTS (SELECT 1 FROM bank_holiday b WHERE b.day = d);
            END LOOP;
            cur := (d + opens) AT TIME ZONE 'Europe/London';
        ELSIF (cur AT TIME ZONE 'Europe/London')::time < opens THEN
            cur := (d + opens) AT TIME ZONE 'Europe/London';
        END IF;
        closing := (d + closes) AT TIME ZONE 'Europe/London';
        open_left := floor(extract(epoch FROM closing - cur) / 60);
        IF minutes <= open_left THEN
            RETURN cur + make_interval(mins => minutes::int);
        END IF;
        minutes := minutes - open_left;
        cur := closing;
    END LOOP;
END $$;
REVOKE EXECUTE ON FUNCTION _due_after(timestamp with time zone) FROM PUBLIC;

CREATE OR REPLACE FUNCTION set_bank_holiday(p_day date, p_name text) RETURNS void
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
REVOKE EXECUTE ON FUNCTION set_bank_holiday(date, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION set_bank_holiday(date, text) TO cpis_sysadmin;

CREATE OR REPLACE FUNCTION remove_bank_holiday(p_day date) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE removed text;
BEGIN
    PERFORM _require_role('cpis_sysadmin', 'change bank holidays');
    IF p_day IS NULL THEN
        PERFORM _invalid('day', 'Say which bank holiday to remove.');
    END IF;
    DELETE FROM bank_holiday WHERE day = p_day RETURNING name INTO removed;
    IF NOT FOUND THEN
        RAISE EXCEPTION '% is not a bank holiday.', to_char(p_day, 'DD/MM/YYYY') USING ERRCODE = 'CPNF1';
    END IF;
    PERFORM _audit('config.bank_holiday_removed', NULL, jsonb_build_object('day', p_day, 'name', removed));
    PERFORM _notify('config', 0);
END $$;
REVOKE EXECUTE ON FUNCTION remove_bank_holiday(date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION remove_bank_holiday(date) TO cpis_sysadmin;
