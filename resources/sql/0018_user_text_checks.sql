-- Text people type is checked where it is stored, whichever function stores it: no control
-- characters (a bell, an escape sequence, DEL; line breaks and tabs only where the field has
-- lines), and a length limit on the fields that had none (a cancel reason, how a quarantined
-- message was resolved, why a request was passed on). Each refusal names the field (CPVL1 with
-- COLUMN) and stores nothing; the value itself is never echoed, so a secret or an escape sequence
-- does not reach a log or a terminal.

-- Whether p_value breaks the rules: longer than p_max characters (0: no limit here), or holding a
-- control character; p_lines 'many' allows \n, \r and \t. Cheap, for the triggers' WHEN.
CREATE FUNCTION _text_is_bad(p_value text, p_max integer, p_lines text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT p_value IS NOT NULL
           AND ((p_max > 0 AND length(p_value) > p_max)
                OR p_value ~ '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]'
                OR (p_lines = 'one' AND p_value ~ '[\n\r\t]'))
$$;

-- Refuses p_value, if it breaks those rules, for the field p_field (shown as p_label).
CREATE FUNCTION _check_text(p_field text, p_label text, p_value text, p_max integer, p_lines text)
RETURNS void LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF NOT _text_is_bad(p_value, p_max, p_lines) THEN
        RETURN;
    END IF;
    IF p_max > 0 AND length(p_value) > p_max THEN
        PERFORM _invalid(p_field, format('%s is too long (at most %s characters).', p_label, p_max));
    ELSIF p_lines = 'one' AND p_value ~ '[\n\r\t]' THEN
        PERFORM _invalid(p_field, format('%s must be a single line: remove the line breaks and tabs.', p_label));
    ELSE
        PERFORM _invalid(p_field, format('%s contains a control character (such as a bell, an escape '
                                         'or DEL): remove it.', p_label));
    END IF;
END $$;

-- A trigger's arguments come in fives: column, field, label, maximum length, 'one' or 'many'
-- lines. Each trigger runs it only WHEN a value breaks the rules; a row keeps what it had before
-- these rules, so only a new or changed value is refused. As the owner, because the exchange
-- writes inbound_message itself and may not call the helpers.
CREATE FUNCTION _check_text_columns() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    i integer := 0;
    v text;
BEGIN
    WHILE i < TG_NARGS LOOP
        v := to_jsonb(NEW) ->> TG_ARGV[i];
        IF TG_OP = 'INSERT' OR v IS DISTINCT FROM to_jsonb(OLD) ->> TG_ARGV[i] THEN
            PERFORM _check_text(TG_ARGV[i + 1], TG_ARGV[i + 2], v, TG_ARGV[i + 3]::integer, TG_ARGV[i + 4]);
        END IF;
        i := i + 5;
    END LOOP;
    RETURN NEW;
END $$;

-- _text_is_bad stays open to everyone: a trigger's WHEN runs as whoever writes the row.
REVOKE EXECUTE ON FUNCTION _check_text(text, text, text, integer, text), _check_text_columns() FROM PUBLIC;

CREATE TRIGGER work_step_text BEFORE INSERT OR UPDATE ON work_step FOR EACH ROW
    WHEN (_text_is_bad(NEW.cancel_reason, 1000, 'one'))
    EXECUTE FUNCTION _check_text_columns('cancel_reason', 'reason', 'Cancel reason', '1000', 'one');
CREATE TRIGGER request_text BEFORE INSERT OR UPDATE ON request FOR EACH ROW
    WHEN (_text_is_bad(NEW.note, 4000, 'many'))
    EXECUTE FUNCTION _check_text_columns('note', 'note', 'Note', '4000', 'many');
CREATE TRIGGER next_action_text BEFORE INSERT OR UPDATE ON next_action FOR EACH ROW
    WHEN (_text_is_bad(NEW.note, 4000, 'many'))
    EXECUTE FUNCTION _check_text_columns('note', 'note', 'Note', '4000', 'many');
CREATE TRIGGER case_note_text BEFORE INSERT OR UPDATE ON case_note FOR EACH ROW
    WHEN (_text_is_bad(NEW.body, 20000, 'many'))
    EXECUTE FUNCTION _check_text_columns('body', 'body', 'The case note', '20000', 'many');
CREATE TRIGGER list_item_text BEFORE INSERT OR UPDATE ON list_item FOR EACH ROW
    WHEN (_text_is_bad(NEW.label, 200, 'one'))
    EXECUTE FUNCTION _check_text_columns('label', 'label', 'The item''s name', '200', 'one');
CREATE TRIGGER note_template_text BEFORE INSERT OR UPDATE ON note_template FOR EACH ROW
    WHEN (_text_is_bad(NEW.label, 200, 'one')
          OR _text_is_bad(NEW.body, 4000, 'many'))
    EXECUTE FUNCTION _check_text_columns('label', 'label', 'The template''s name', '200', 'one',
                                         'body', 'body', 'The template''s note', '4000', 'many');
CREATE TRIGGER bank_holiday_text BEFORE INSERT OR UPDATE ON bank_holiday FOR EACH ROW
    WHEN (_text_is_bad(NEW.name, 200, 'one'))
    EXECUTE FUNCTION _check_text_columns('name', 'name', 'The bank holiday''s name', '200', 'one');
CREATE TRIGGER worker_text BEFORE INSERT OR UPDATE ON worker FOR EACH ROW
    WHEN (_text_is_bad(NEW.name, 200, 'one'))
    EXECUTE FUNCTION _check_text_columns('name', 'name', 'Full name', '200', 'one');
CREATE TRIGGER team_text BEFORE INSERT OR UPDATE ON team FOR EACH ROW
    WHEN (_text_is_bad(NEW.name, 200, 'one'))
    EXECUTE FUNCTION _check_text_columns('name', 'team', 'Team', '200', 'one');
CREATE TRIGGER inbound_message_text BEFORE INSERT OR UPDATE ON inbound_message FOR EACH ROW
    WHEN (_text_is_bad(NEW.resolved_note, 1000, 'many'))
    EXECUTE FUNCTION _check_text_columns('resolved_note', 'note', 'How it was resolved', '1000', 'many');

-- Every setting, before its own rules: one line without control characters (a secret's value is
-- never repeated back); a URL has no spaces in it. Then office hours, days and handling time.
CREATE OR REPLACE FUNCTION _check_office_setting(p_key text, v text) RETURNS void
LANGUAGE plpgsql STABLE AS $$
BEGIN
    PERFORM _check_text(p_key, p_key, v, 0, 'one');
    IF p_key = 'mesh.url' AND v ~ '\s' THEN
        PERFORM _invalid(p_key, 'mesh.url must not contain spaces.');
    END IF;
    IF p_key = 'office.hours' AND (v !~ '^([01]?[0-9]|2[0-3]):[0-5][0-9]-([01]?[0-9]|2[0-3]):[0-5][0-9]$'
            OR split_part(v, '-', 2)::time <= split_part(v, '-', 1)::time) THEN
        PERFORM _invalid(p_key, format('office.hours: "%s" is not a range of the day such as 09:30-16:30.', v));
    ELSIF p_key = 'office.days' AND lower(v) !~ '^(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?(,(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?)*$' THEN
        PERFORM _invalid(p_key, format('office.days: "%s" is not days such as Mon-Fri or Mon,Wed,Fri.', v));
    ELSIF p_key = 'office.handling_time' AND lower(v) !~ '^[1-9][0-9]{0,2} working (day|days|hour|hours)$' THEN
        PERFORM _invalid(p_key, format('office.handling_time: "%s" is not a handling time such as 1 working day or 4 working hours.', v));
    END IF;
END $$;

-- Why a request is passed on goes to the audit trail only, so it is checked here.
CREATE OR REPLACE FUNCTION pass_request(p_request bigint, p_worker integer, p_reason text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me integer := _require_worker();
    r request;
    subject bigint;
    from_team integer;
    to_worker worker;
BEGIN
    PERFORM _require_role('cpis_team_manager', 'pass a request to another worker');
    SELECT * INTO r FROM request WHERE id = p_request FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'There is no request %.', p_request USING ERRCODE = 'CPNF1';
    END IF;
    SELECT subject_id INTO subject FROM work_step WHERE id = r.step_id;
    IF NOT coalesce(person_is_visible(subject), false) THEN
        RAISE EXCEPTION 'There is no request %.', p_request USING ERRCODE = 'CPNF1';
    END IF;
    SELECT team_id INTO from_team FROM worker WHERE id = r.recipient_id;
    IF NOT EXISTS (SELECT 1 FROM team_manager WHERE team_id = from_team AND worker_id = me) THEN
        RAISE EXCEPTION 'Only the manager of % team can pass this request on.', _worker_name(r.recipient_id) || '''s'
            USING ERRCODE = '42501';
    END IF;
    IF r.state = 'draft' THEN
        RAISE EXCEPTION 'This request has not been sent yet.' USING ERRCODE = 'CPWS1';
    END IF;
    SELECT * INTO to_worker FROM worker WHERE id = p_worker;
    IF NOT FOUND OR NOT to_worker.active OR to_worker.is_virtual THEN
        PERFORM _invalid('recipient', 'Choose an active worker to pass the request to.');
    ELSIF to_worker.team_id IS DISTINCT FROM from_team THEN
        PERFORM _invalid('recipient', format('%s is not in the same team.', to_worker.name));
    ELSIF to_worker.id = r.recipient_id THEN
        PERFORM _invalid('recipient', format('The request is already with %s.', to_worker.name));
    END IF;
    IF coalesce(btrim(p_reason), '') = '' THEN
        PERFORM _invalid('reason', 'Say why the request is passed on (for example, the worker is on leave).');
    END IF;
    PERFORM _check_text('reason', 'The reason why the request is passed on', btrim(p_reason), 1000, 'one');
    UPDATE request SET recipient_id = p_worker WHERE id = p_request;
    PERFORM _audit('request.passed', subject, jsonb_build_object(
        'request', p_request, 'from', r.recipient_id, 'to', p_worker, 'reason', btrim(p_reason)));
    PERFORM _notify('request', p_request);
END $$;
