-- What the exchange does with the notifications it receives.
-- The current definition of each function; see ORDER for the rules of this folder.

-- Case-note-and-alert handling mode: the note is written by CP-IS Worker.
CREATE OR REPLACE FUNCTION record_cpis_case_note(p_subject bigint, p_body text, p_contact timestamptz) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    queue integer := (SELECT id FROM worker WHERE is_virtual AND name = 'CP-IS Worker');
    nid bigint;
BEGIN
    PERFORM _require_role('cpis_exchange', 'record CP-IS notifications');
    INSERT INTO case_note (person_id, note_type, author_id, contact_date, body, state, finalised_at)
    VALUES (p_subject, 'CP-IS Follow Up', queue, (p_contact AT TIME ZONE 'Europe/London')::date, p_body, 'final', now())
    RETURNING id INTO nid;
    PERFORM _audit('case_note.added', p_subject, jsonb_build_object('case_note', nid, 'by', 'exchange'));
    PERFORM _notify('case_note', nid);
    RETURN nid;
END $$;
REVOKE EXECUTE ON FUNCTION record_cpis_case_note(bigint, text, timestamp with time zone) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION record_cpis_case_note(bigint, text, timestamp with time zone)
    TO cpis_exchange;

-- The number is no longer active: stop uploads until a new one is recorded; with a
-- (checked) replacement, record it and resume.
CREATE OR REPLACE FUNCTION record_nhs_number_inactive(p_person bigint, p_replacement text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    old text := (SELECT nhs_number FROM person WHERE id = p_person);
BEGIN
    PERFORM _require_role('cpis_exchange', 'record inactive NHS numbers');
    IF p_replacement IS NOT NULL AND NOT nhs_number_is_valid(p_replacement) THEN
        PERFORM _invalid('replacement', format('The replacement NHS number %s fails the check digit.', p_replacement));
    END IF;
    IF p_replacement IS NOT NULL AND EXISTS (SELECT 1 FROM person WHERE nhs_number = p_replacement
                                             AND nhs_number_status = 'recorded' AND id <> p_person) THEN
        PERFORM _invalid('replacement', format('The replacement NHS number %s belongs to another person.', p_replacement));
    END IF;
    IF p_replacement IS NULL THEN
        UPDATE person SET nhs_number_status = 'inactive', row_version = row_version + 1 WHERE id = p_person;
        DELETE FROM upload_pending WHERE person_id = p_person;
        INSERT INTO person_cpis_status (person_id, status, reason)
        VALUES (p_person, 'blocked', 'The NHS number is no longer active: record the new one.')
        ON CONFLICT (person_id) DO UPDATE SET status = 'blocked', reason = EXCLUDED.reason, updated_at = now();
    ELSE
        UPDATE person SET nhs_number = p_replacement, nhs_number_status = 'recorded', row_version = row_version + 1
        WHERE id = p_person;
    END IF;
    INSERT INTO nhs_number_change (person_id, old_number, new_number, reason)
    VALUES (p_person, old, p_replacement, 'CP-IS inactive NHS number notification');
    PERFORM _audit('person.nhs_number_inactive', p_person, jsonb_build_object('old', old, 'replacement', p_replacement));
END $$;
REVOKE EXECUTE ON FUNCTION record_nhs_number_inactive(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION record_nhs_number_inactive(bigint, text) TO cpis_exchange;

-- The children the NHS numbers of a message name: each child with one of them, and an unborn
-- child whose mother has one. The exchange finds the numbers of a message it stores itself
-- (InboundProcessor, the fast path); inbound_message_subjects below, in a stored body.
CREATE OR REPLACE FUNCTION _subjects_of_numbers(p_numbers text[]) RETURNS bigint[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH named AS (
        SELECT p.id FROM person p WHERE p.nhs_number = ANY (p_numbers)
        UNION
        SELECT c.id FROM person c JOIN person p ON p.id = c.mother_id WHERE p.nhs_number = ANY (p_numbers))
    SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM named
$$;
REVOKE EXECUTE ON FUNCTION _subjects_of_numbers(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION _subjects_of_numbers(text[]) TO cpis_exchange;

-- The children a raw message names: everyone whose NHS number is one of its ten-digit runs,
-- and an unborn child whose mother's number it is. Read from the bytes (escaped, so no body
-- can fail it); a number that is not an NHS number only hides more. The rows of
-- inbound_message follow these children (migration 0029), restricted ones included, which
-- only the server may look up for the exchange.
CREATE OR REPLACE FUNCTION inbound_message_subjects(p_body bytea) RETURNS bigint[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT _subjects_of_numbers(ARRAY(
        SELECT DISTINCT m[1]
        FROM regexp_matches(regexp_replace(encode(coalesce(p_body, ''), 'escape'), '\\([0-7]{3}|\\)', ' ', 'g'),
                            '(?<![0-9])([0-9]{10})(?![0-9])', 'g') AS m))
$$;
REVOKE EXECUTE ON FUNCTION inbound_message_subjects(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION inbound_message_subjects(bytea) TO cpis_exchange;

-- A text about the children given with each of them masked: their name (with or without their
-- record number) reads "Restricted child", their NHS number and date of birth "(restricted)".
-- The exchange monitor masks the children its caller may not see; an alert with no child (read
-- by every recipient) masks every restricted child.
CREATE OR REPLACE FUNCTION _masked_children(p_text text, p_children bigint[]) RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    t text := p_text;
    p record;
BEGIN
    FOR p IN SELECT c.id, c.legal_forenames || ' ' || c.legal_surname AS name, c.nhs_number, c.date_of_birth
             FROM person c WHERE c.id = ANY (p_children) LOOP
        t := replace(t, format('%s (%s)', p.name, p.id), 'Restricted child');
        t := replace(t, p.name, 'Restricted child');
        IF p.nhs_number IS NOT NULL THEN
            t := replace(t, p.nhs_number, '(restricted)');
        END IF;
        IF p.date_of_birth IS NOT NULL THEN
            t := replace(replace(t, to_char(p.date_of_birth, 'DD/MM/YYYY'), '(restricted)'),
                         to_char(p.date_of_birth, 'YYYY-MM-DD'), '(restricted)');
        END IF;
    END LOOP;
    RETURN t;
END $$;
REVOKE EXECUTE ON FUNCTION _masked_children(text, bigint[]) FROM PUBLIC;

-- A reason kept on an inbound message: one line, at most 500 characters (cut with '…'), never
-- empty, so that recording it cannot fail and a message that misbehaves never holds up the
-- ones behind it.
CREATE OR REPLACE FUNCTION _inbound_reason(p_reason text) RETURNS text
LANGUAGE plpgsql IMMUTABLE SET search_path = public, pg_temp AS $$
DECLARE
    why text := btrim(regexp_replace(coalesce(p_reason, ''), '[\u0001-\u001f\u007f-\u009f]+', ' ', 'g'));
BEGIN
    IF why = '' THEN
        RETURN 'The message could not be processed (no reason was given).';
    ELSIF length(why) > 500 THEN
        RETURN left(why, 499) || '…';
    END IF;
    RETURN why;
END $$;
REVOKE EXECUTE ON FUNCTION _inbound_reason(text) FROM PUBLIC;

-- The children a message names whom no one but those granted access may see: an alert that
-- goes to every recipient of its type has their names, NHS numbers and dates of birth masked.
CREATE OR REPLACE FUNCTION _inbound_hidden_children(p_message bigint) RETURNS bigint[]
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT ARRAY(SELECT p.id FROM person p, inbound_message m WHERE m.id = p_message AND p.restricted
                 AND p.id = ANY (coalesce(m.subjects, inbound_message_subjects(m.body))));
$$;
REVOKE EXECUTE ON FUNCTION _inbound_hidden_children(bigint) FROM PUBLIC;

-- A message that cannot be processed is kept, marked with the reason (_inbound_reason), and
-- alerts the recipients of its type (alert_recipients): 'CP-IS message quarantined' (it breaks
-- a rule), 'CP-IS empty notification' (it names no access to a child's record) or 'CP-IS
-- unexpected failure' (processing failed in a way no check foresaw). One place for that, used
-- by every inbound path; it cannot fail on the reason.
CREATE OR REPLACE FUNCTION quarantine_inbound_as(p_message bigint, p_reason text, p_alert_type text)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    why text := _inbound_reason(p_reason);
BEGIN
    PERFORM _require_role('cpis_exchange', 'process CP-IS messages');
    IF p_alert_type IS NULL OR p_alert_type NOT IN ('CP-IS message quarantined', 'CP-IS empty notification',
                                                    'CP-IS unexpected failure') THEN
        PERFORM _invalid('alert_type', format('"%s" is not an alert type for a quarantined message.', p_alert_type));
    END IF;
    UPDATE inbound_message SET status = 'quarantined', reason = why, processed_at = now()
    WHERE id = p_message;
    -- The alert names no child, so every recipient reads it: restricted children masked.
    PERFORM raise_cpis_alert(p_alert_type, NULL,
                             format('Inbound CP-IS message %s was not processed: %s', p_message,
                                    _masked_children(why, _inbound_hidden_children(p_message))));
END $$;
REVOKE EXECUTE ON FUNCTION quarantine_inbound_as(bigint, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION quarantine_inbound_as(bigint, text, text) TO cpis_exchange;

-- The same for a message that breaks a rule (the type most paths raise).
CREATE OR REPLACE FUNCTION quarantine_inbound(p_message bigint, p_reason text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM quarantine_inbound_as(p_message, p_reason, 'CP-IS message quarantined');
END $$;
REVOKE EXECUTE ON FUNCTION quarantine_inbound(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION quarantine_inbound(bigint, text) TO cpis_exchange;

-- A message that could not be processed nor even set aside as quarantined stays waiting
-- (status received) with its reason, for a person to Process again or Mark resolved in the
-- exchange monitor. Its type's recipients ('CP-IS unexpected failure') hear of it once: when
-- its reason is new, not at every run that fails on it again. True when it alerted.
CREATE OR REPLACE FUNCTION inbound_left_waiting(p_message bigint, p_reason text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    why text := _inbound_reason(p_reason);
BEGIN
    PERFORM _require_role('cpis_exchange', 'process CP-IS messages');
    UPDATE inbound_message SET reason = why
    WHERE id = p_message AND status = 'received' AND reason IS DISTINCT FROM why;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    PERFORM raise_cpis_alert('CP-IS unexpected failure', NULL,
        format('Inbound CP-IS message %s could not be processed, nor set aside as quarantined, and '
               'stays waiting: %s. Look at it in Administration → Exchange monitor: Process again, '
               'or Mark resolved if it never can be. The messages behind it go on.', p_message,
               _masked_children(why, _inbound_hidden_children(p_message))));
    RETURN true;
END $$;
REVOKE EXECUTE ON FUNCTION inbound_left_waiting(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION inbound_left_waiting(bigint, text) TO cpis_exchange;

-- Who a notification's case note and alert go to in the case-note-and-alert mode: the
-- configured handling target (cpis.handling_target: a worker, else a team) when set, else the
-- recipients configured for "CP-IS notification" (raise_cpis_alert: by default the child's key
-- worker, else CP-IS Worker).
CREATE OR REPLACE FUNCTION _case_note_alert(p_subject bigint, p_comment text, p_target text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    target_worker integer := (SELECT id FROM worker WHERE p_target <> ''
                              AND (lower(name) = lower(p_target) OR login = p_target)
                              ORDER BY is_virtual LIMIT 1);
    target_team integer := (SELECT id FROM team WHERE p_target <> '' AND lower(name) = lower(p_target));
BEGIN
    IF target_worker IS NOT NULL THEN
        PERFORM raise_alert('CP-IS notification', p_subject, target_worker, NULL, NULL, p_comment);
    ELSIF target_team IS NOT NULL THEN
        PERFORM raise_alert('CP-IS notification', p_subject, NULL, target_team, NULL, p_comment);
    ELSE
        PERFORM raise_cpis_alert('CP-IS notification', p_subject, p_comment);
    END IF;
END $$;
REVOKE EXECUTE ON FUNCTION _case_note_alert(bigint, text, text) FROM PUBLIC;

-- p_batch: a JSON array of {ord, message, notification, nhs_number, comment, source, accessed_at},
-- one entry per child whose record a notification says was accessed (a notification may name
-- several), read and checked by the client (well formed, at least one access each). Each
-- message becomes processed (a CPIS Follow Up step per child, or a case note and alert per
-- child, or "already processed") or quarantined with its reason: all of it or none, so that
-- processing it again never makes a step twice. One row back for each message, in no
-- particular order, with its first step. The steps are due at p_due_at; NULL (what the
-- exchange passes): the handling time in office hours from now, worked out once for the
-- batch by _due_after.
CREATE OR REPLACE FUNCTION process_access_notifications(p_batch jsonb, p_due_at timestamptz)
RETURNS TABLE (message_id bigint, status text, outcome text, step_id bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    mode text := coalesce((SELECT c.value FROM config c WHERE c.key = 'cpis.handling_mode'), 'work_step');
    target text := coalesce((SELECT c.value FROM config c WHERE c.key = 'cpis.handling_target'), '');
    ids bigint[] := ARRAY(SELECT (e ->> 'message')::bigint FROM jsonb_array_elements(p_batch) e);
    waiting inbound_access[];
    unknown bigint[];
    r inbound_access;
    m record;
    step_due timestamptz := coalesce(p_due_at, _due_after(now()));
BEGIN
    PERFORM _require_role('cpis_exchange', 'process CP-IS notifications');
    -- Locked, so that two exchanges never process one message twice.
    PERFORM 1 FROM inbound_message im WHERE im.id = ANY (ids) ORDER BY im.id FOR UPDATE;
    -- A message no longer waiting stays as it is.
    RETURN QUERY SELECT im.id, im.status, coalesce(im.outcome, im.reason, ''), NULL::bigint
                 FROM inbound_message im WHERE im.id = ANY (ids) AND im.status <> 'received';

    waiting := ARRAY(
        SELECT ROW(b.ord, b.message, b.notification, b.nhs_number, b.comment, b.source, b.accessed_at,
                   s.id, s.name, false)::inbound_access
        FROM jsonb_to_recordset(p_batch) AS b(ord integer, message bigint, notification text, nhs_number text,
                                              comment text, source text, accessed_at timestamptz)
        JOIN inbound_message im ON im.id = b.message AND im.status = 'received'
        -- For an unborn child's plan the number is the mother's: the subject is her unborn child.
        LEFT JOIN LATERAL (
            SELECT coalesce(unborn.id, p.id) AS id,
                   format('%s (%s)', coalesce(unborn.legal_forenames || ' ' || unborn.legal_surname,
                                              p.legal_forenames || ' ' || p.legal_surname),
                          coalesce(unborn.id, p.id)) AS name
            FROM person p
            LEFT JOIN LATERAL (
                SELECT c.* FROM person c JOIN plan pl ON pl.person_id = c.id AND pl.kind = 'UCPP' AND pl.recorded_in_error_at IS NULL
                                                      AND (pl.end_date IS NULL OR pl.end_date >= current_date)
                WHERE c.mother_id = p.id AND c.date_of_birth IS NULL
                ORDER BY c.expected_delivery LIMIT 1) unborn ON true
            WHERE p.nhs_number = b.nhs_number AND p.nhs_number_status = 'recorded') s ON true
        ORDER BY b.ord);
    -- A message naming a child nobody has is kept whole for a person to look at.
    unknown := ARRAY(SELECT DISTINCT w.message FROM unnest(waiting) w WHERE w.subject IS NULL);
    -- The same notification processed before, or by an earlier message of this batch that is
    -- processed now: nothing more happens.
    waiting := ARRAY(
        SELECT ROW(w.ord, w.message, w.notification, w.nhs_number, w.comment, w.source, w.accessed_at,
                   w.subject, w.subject_name,
                   EXISTS (SELECT 1 FROM inbound_message d WHERE d.kind = 'access_notification'
                           AND d.notification_id = w.notification AND d.status = 'processed')
                   OR coalesce(w.first_processed < w.message, false))::inbound_access
        FROM (SELECT x.*, min(x.message) FILTER (WHERE x.message <> ALL (unknown))
                              OVER (PARTITION BY x.notification) AS first_processed
              FROM unnest(waiting) x) w
        ORDER BY w.ord);

    RETURN QUERY WITH d AS (
        UPDATE inbound_message im
        SET status = 'processed', kind = 'access_notification', processed_at = now(),
            outcome = format('Notification %s was already processed: nothing done.', w.notification)
        FROM (SELECT DISTINCT x.message, x.notification FROM unnest(waiting) x WHERE x.duplicate) w
        WHERE im.id = w.message
        RETURNING im.id, im.outcome)
    SELECT d.id, 'processed'::text, d.outcome, NULL::bigint FROM d;

    FOR m IN SELECT w.message, string_agg(DISTINCT w.nhs_number, ', ') AS numbers
             FROM unnest(waiting) w
             WHERE NOT w.duplicate AND w.message = ANY (unknown) AND w.subject IS NULL
             GROUP BY w.message ORDER BY w.message LOOP
        message_id := m.message;
        status := 'quarantined';
        outcome := format('No child has the NHS number %s.', m.numbers);
        step_id := NULL;
        PERFORM quarantine_inbound(m.message, outcome);
        RETURN NEXT;
    END LOOP;
    waiting := ARRAY(SELECT w FROM unnest(waiting) w WHERE NOT w.duplicate AND w.message <> ALL (unknown)
                     ORDER BY w.ord);

    IF mode = 'case_note_and_alert' THEN
        FOREACH r IN ARRAY waiting LOOP
            PERFORM record_cpis_case_note(r.subject, r.comment, r.accessed_at);
            PERFORM _case_note_alert(r.subject, r.comment, target);
        END LOOP;
        RETURN QUERY WITH marked AS (
            UPDATE inbound_message im
            SET status = 'processed', kind = 'access_notification', notification_id = w.notification,
                outcome = w.outcome, processed_at = now()
            FROM (SELECT x.message, min(x.notification) AS notification,
                         string_agg(format('CP-IS Follow Up case note and alert for %s.', x.subject_name), ' '
                                    ORDER BY x.ord) AS outcome
                  FROM unnest(waiting) x GROUP BY x.message) w
            WHERE im.id = w.message
            RETURNING im.id, im.outcome)
        SELECT marked.id, 'processed'::text, marked.outcome, NULL::bigint FROM marked;
        RETURN;
    END IF;

    RETURN QUERY WITH made AS (
        SELECT * FROM _create_follow_up_steps(ARRAY(
            SELECT ROW(w.subject, w.comment, w.source, NULL, step_due, w.message)::new_follow_up_step
            FROM unnest(waiting) w ORDER BY w.ord))),
    -- Each step back with its entry: a message's children are different people.
    described AS (
        SELECT DISTINCT ON (made.step_id) made.step_id, made.inbound_message, w.notification, w.ord,
               format('CPIS Follow Up step %s for %s (%s).', made.step_id, w.subject_name,
                      CASE w.source WHEN 'dhu_111' THEN 'DHU/111' ELSE 'A&E' END) AS outcome
        FROM made JOIN unnest(waiting) w ON w.message = made.inbound_message AND w.subject = made.subject
        ORDER BY made.step_id, w.ord),
    marked AS (
        UPDATE inbound_message im
        SET status = 'processed', kind = 'access_notification', notification_id = d.notification,
            processed_at = now(), outcome = d.outcome
        FROM (SELECT x.inbound_message, min(x.notification) AS notification, min(x.step_id) AS step_id,
                     string_agg(x.outcome, ' ' ORDER BY x.ord) AS outcome
              FROM described x GROUP BY x.inbound_message) d
        WHERE im.id = d.inbound_message
        RETURNING im.id, im.outcome, d.step_id)
    SELECT marked.id, 'processed'::text, marked.outcome, marked.step_id FROM marked;
END $$;
REVOKE EXECUTE ON FUNCTION process_access_notifications(jsonb, timestamp with time zone) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION process_access_notifications(jsonb, timestamp with time zone)
    TO cpis_exchange;

-- A message that could not be processed (quarantined, or still waiting), tried again (by a
-- system administrator or the exchange); every open monitor hears of it.
CREATE OR REPLACE FUNCTION process_inbound_again(p_message bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT _has_any_role('cpis_sysadmin', 'cpis_exchange') THEN
        RAISE EXCEPTION 'Only system administrators can process a message again.' USING ERRCODE = '42501';
    END IF;
    -- A message still received (it failed at every exchange) is simply tried again.
    -- The children it names again: one added since it came (its number unknown then) counts.
    UPDATE inbound_message SET status = 'received', reason = NULL, subjects = inbound_message_subjects(body)
    WHERE id = p_message AND status IN ('quarantined', 'received');
    IF NOT FOUND THEN
        RAISE EXCEPTION 'Message % is neither quarantined nor waiting.', p_message USING ERRCODE = 'CPWS1';
    END IF;
    PERFORM _audit('inbound.process_again', NULL, jsonb_build_object('message', p_message));
    PERFORM _notify('inbound', p_message);
END $$;
REVOKE EXECUTE ON FUNCTION process_inbound_again(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION process_inbound_again(bigint) TO cpis_sysadmin, cpis_exchange;

-- Any message not processed (quarantined, or received and never processed because it fails
-- every time) can be taken off the list with a note saying what was done instead.
CREATE OR REPLACE FUNCTION resolve_inbound(p_message bigint, p_note text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM _require_role('cpis_sysadmin', 'mark messages resolved');
    IF coalesce(btrim(p_note), '') = '' THEN
        PERFORM _invalid('note', 'Say how it was resolved.');
    END IF;
    UPDATE inbound_message SET status = 'resolved', resolved_note = btrim(p_note)
    WHERE id = p_message AND status IN ('received', 'quarantined');
    IF NOT FOUND THEN
        RAISE EXCEPTION 'Message % is already %.', p_message,
            coalesce((SELECT status FROM inbound_message WHERE id = p_message), 'gone')
            USING ERRCODE = 'CPWS1';
    END IF;
    PERFORM _audit('inbound.resolved', NULL, jsonb_build_object('message', p_message, 'note', btrim(p_note)));
    PERFORM _notify('inbound', p_message);
END $$;
REVOKE EXECUTE ON FUNCTION resolve_inbound(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION resolve_inbound(bigint, text) TO cpis_sysadmin;

-- An Access to Service Notification whose access is dated before the child was born is
-- wrong data, not work: the exchange quarantines it instead of making a step. The check
-- needs the date of birth of whoever holds the NHS number, restricted records included,
-- which only the server may read for the exchange.
-- p_batch: the batch process_access_notifications takes, each with its earliest_access.
CREATE OR REPLACE FUNCTION access_notifications_before_birth(p_batch jsonb)
RETURNS TABLE (message_id bigint, date_of_birth date, earliest_access timestamptz)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM _require_role('cpis_exchange', 'process CP-IS notifications');
    RETURN QUERY
    SELECT b.message, p.date_of_birth, b.earliest_access
    FROM jsonb_to_recordset(p_batch) AS b(message bigint, nhs_number text, earliest_access timestamptz)
    JOIN person p ON p.nhs_number = b.nhs_number AND p.nhs_number_status = 'recorded'
    WHERE (b.earliest_access AT TIME ZONE 'Europe/London')::date < p.date_of_birth;
END $$;
REVOKE EXECUTE ON FUNCTION access_notifications_before_birth(jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION access_notifications_before_birth(jsonb) TO cpis_exchange;
