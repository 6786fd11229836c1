-- Inbound processing in bulk: the exchange parses a batch of Access to Service Notifications
-- and the server processes them in one call, so a backlog costs one round trip per batch
-- instead of a dozen per notification. The rules are those of the single-message path.

-- A message that cannot be processed is kept, marked with the reason, and alerts the CP-IS
-- administrators. One place for that, used by every inbound path.
CREATE FUNCTION quarantine_inbound(p_message bigint, p_reason text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM _require_role('cpis_exchange', 'process CP-IS messages');
    UPDATE inbound_message SET status = 'quarantined', reason = p_reason, processed_at = now()
    WHERE id = p_message;
    PERFORM raise_alert('CP-IS message quarantined', NULL, NULL, NULL, 'cpis_sysadmin',
                        format('Inbound CP-IS message %s was not processed: %s', p_message, p_reason));
END $$;

-- Who a notification's case note and alert go to in the case-note-and-alert mode: the
-- configured worker, else the configured team, else the child's key worker, else CP-IS Worker.
CREATE FUNCTION _case_note_alert(p_subject bigint, p_comment text, p_target text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    target_worker integer := (SELECT id FROM worker WHERE p_target <> ''
                              AND (lower(name) = lower(p_target) OR login = p_target)
                              ORDER BY is_virtual LIMIT 1);
    target_team integer := (SELECT id FROM team WHERE p_target <> '' AND lower(name) = lower(p_target));
BEGIN
    IF target_team IS NOT NULL AND target_worker IS NULL THEN
        PERFORM raise_alert('CP-IS notification', p_subject, NULL, target_team, NULL, p_comment);
    ELSE
        PERFORM raise_alert('CP-IS notification', p_subject,
                            coalesce(target_worker, current_key_worker(p_subject),
                                     (SELECT id FROM worker WHERE is_virtual AND name = 'CP-IS Worker')),
                            NULL, NULL, p_comment);
    END IF;
END $$;

-- Which inbound message a step was made from (NULL for steps made otherwise). No foreign key:
-- messages are never deleted, and the check would cost every step of a bulk load a lookup.
ALTER TABLE work_step ADD COLUMN inbound_message_id bigint;

-- The one place CPIS Follow Up steps are made, one or many at a time, for CP-IS Worker.
CREATE TYPE new_follow_up_step AS (subject bigint, comments text, source text, received_at timestamptz,
                                   due_at timestamptz, inbound_message bigint);

CREATE FUNCTION _create_follow_up_steps(p_steps new_follow_up_step[])
RETURNS TABLE (step_id bigint, inbound_message bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    queue integer := (SELECT id FROM worker WHERE is_virtual AND name = 'CP-IS Worker');
    me integer := current_worker_id();
    missing bigint;
    bad_source text;
    last_step bigint;
BEGIN
    PERFORM _require_role('cpis_exchange', 'create CP-IS steps');
    SELECT s.subject INTO missing FROM unnest(p_steps) s
    WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.id = s.subject) LIMIT 1;
    IF FOUND THEN
        PERFORM _invalid('subject', format('There is no person %s.', missing));
    END IF;
    SELECT s.source INTO bad_source FROM unnest(p_steps) s WHERE s.source NOT IN ('ae', 'dhu_111') LIMIT 1;
    IF FOUND THEN
        PERFORM _invalid('source', format('Unknown notification source "%s" (expected ae or dhu_111).', bad_source));
    END IF;
    FOR step_id, inbound_message IN
        WITH made AS (
            INSERT INTO work_step (subject_id, assignee_id, comments, source, received_at, due_at, inbound_message_id)
            SELECT s.subject, queue, coalesce(s.comments, ''), s.source, coalesce(s.received_at, now()),
                   coalesce(s.due_at, _due_after(coalesce(s.received_at, now()))), s.inbound_message
            FROM unnest(p_steps) s
            RETURNING id, subject_id, source, inbound_message_id),
        -- What _audit() writes, for the whole batch in one statement.
        audited AS (
            INSERT INTO audit (worker_id, action, person_id, details)
            SELECT me, 'step.created', made.subject_id,
                   jsonb_build_object('step', made.id, 'source', made.source)
            FROM made)
        SELECT made.id, made.inbound_message_id FROM made
    LOOP
        last_step := greatest(last_step, step_id);
        RETURN NEXT;
    END LOOP;
    IF last_step IS NOT NULL THEN
        PERFORM _notify('step', last_step); -- a hint: open workviews reload
    END IF;
END $$;

CREATE OR REPLACE FUNCTION create_follow_up_step(p_subject bigint, p_comments text, p_source text,
                                                 p_received_at timestamptz, p_due_at timestamptz)
RETURNS bigint
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT step_id FROM _create_follow_up_steps(
        ARRAY[ROW(p_subject, p_comments, p_source, p_received_at, p_due_at, NULL)::new_follow_up_step])
$$;

CREATE OR REPLACE FUNCTION create_follow_up_step(p_subject bigint, p_comments text, p_source text,
                                                 p_received_at timestamptz)
RETURNS bigint
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT create_follow_up_step(p_subject, p_comments, p_source, p_received_at, NULL)
$$;

-- A notification read by the client, and what the server found for it.
CREATE TYPE inbound_access AS (ord integer, message bigint, notification text, nhs_number text, comment text,
                               source text, accessed_at timestamptz, subject bigint, subject_name text,
                               duplicate boolean);

-- p_batch: a JSON array of {ord, message, notification, nhs_number, comment, source, accessed_at},
-- read and checked by the client (well formed, at least one access). Each message becomes
-- processed (a CPIS Follow Up step, or a case note and alert, or "already processed") or
-- quarantined with its reason; one row back for each, in no particular order.
CREATE FUNCTION process_access_notifications(p_batch jsonb, p_due_at timestamptz)
RETURNS TABLE (message_id bigint, status text, outcome text, step_id bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    mode text := coalesce((SELECT c.value FROM config c WHERE c.key = 'cpis.handling_mode'), 'work_step');
    target text := coalesce((SELECT c.value FROM config c WHERE c.key = 'cpis.handling_target'), '');
    ids bigint[] := ARRAY(SELECT (e ->> 'message')::bigint FROM jsonb_array_elements(p_batch) e);
    waiting inbound_access[];
    r inbound_access;
BEGIN
    PERFORM _require_role('cpis_exchange', 'process CP-IS notifications');
    -- Locked, so that two exchanges never process one message twice.
    PERFORM 1 FROM inbound_message m WHERE m.id = ANY (ids) ORDER BY m.id FOR UPDATE;
    -- A message no longer waiting stays as it is.
    RETURN QUERY SELECT m.id, m.status, coalesce(m.outcome, m.reason, ''), NULL::bigint
                 FROM inbound_message m WHERE m.id = ANY (ids) AND m.status <> 'received';

    SELECT array_agg(q.a ORDER BY (q.a).ord) INTO waiting FROM (
        SELECT ROW(b.ord, b.message, b.notification, b.nhs_number, b.comment, b.source, b.accessed_at,
                   s.id, s.name,
                   -- The same notification processed before, or earlier in this batch for a child.
                   EXISTS (SELECT 1 FROM inbound_message d WHERE d.kind = 'access_notification'
                           AND d.notification_id = b.notification AND d.status = 'processed')
                   OR coalesce(count(s.id) OVER (PARTITION BY b.notification ORDER BY b.ord
                                                 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) > 0
               )::inbound_access AS a
        FROM jsonb_to_recordset(p_batch) AS b(ord integer, message bigint, notification text, nhs_number text,
                                              comment text, source text, accessed_at timestamptz)
        JOIN inbound_message m ON m.id = b.message AND m.status = 'received'
        -- For an unborn child's plan the number is the mother's: the subject is her unborn child.
        LEFT JOIN LATERAL (
            SELECT coalesce(unborn.id, p.id) AS id,
                   format('%s (%s)', coalesce(unborn.legal_forenames || ' ' || unborn.legal_surname,
                                              p.legal_forenames || ' ' || p.legal_surname),
                          coalesce(unborn.id, p.id)) AS name
            FROM person p
            LEFT JOIN LATERAL (
                SELECT c.* FROM person c JOIN plan pl ON pl.person_id = c.id AND pl.kind = 'UCPP'
                                                      AND (pl.end_date IS NULL OR pl.end_date >= current_date)
                WHERE c.mother_id = p.id AND c.date_of_birth IS NULL
                ORDER BY c.expected_delivery LIMIT 1) unborn ON true
            WHERE p.nhs_number = b.nhs_number AND p.nhs_number_status = 'recorded') s ON true) q;

    -- The same notification again: nothing more happens.
    RETURN QUERY WITH d AS (
        UPDATE inbound_message m
        SET status = 'processed', kind = 'access_notification', processed_at = now(),
            outcome = format('Notification %s was already processed: nothing done.', w.notification)
        FROM unnest(waiting) w WHERE m.id = w.message AND w.duplicate
        RETURNING m.id, m.outcome)
    SELECT d.id, 'processed'::text, d.outcome, NULL::bigint FROM d;

    -- No child has that number: kept, and the administrators told.
    FOR r IN SELECT * FROM unnest(waiting) w WHERE NOT w.duplicate AND w.subject IS NULL ORDER BY w.ord LOOP
        message_id := r.message;
        status := 'quarantined';
        outcome := format('No child has the NHS number %s.', r.nhs_number);
        step_id := NULL;
        PERFORM quarantine_inbound(r.message, outcome);
        RETURN NEXT;
    END LOOP;

    IF mode = 'case_note_and_alert' THEN
        FOR r IN SELECT * FROM unnest(waiting) w WHERE NOT w.duplicate AND w.subject IS NOT NULL ORDER BY w.ord LOOP
            PERFORM record_cpis_case_note(r.subject, r.comment, r.accessed_at);
            PERFORM _case_note_alert(r.subject, r.comment, target);
            message_id := r.message;
            status := 'processed';
            outcome := format('CP-IS Follow Up case note and alert for %s.', r.subject_name);
            step_id := NULL;
            UPDATE inbound_message m SET status = 'processed', kind = 'access_notification',
                                         notification_id = r.notification, outcome = format(
                                             'CP-IS Follow Up case note and alert for %s.', r.subject_name),
                                         processed_at = now()
            WHERE m.id = r.message;
            RETURN NEXT;
        END LOOP;
        RETURN;
    END IF;

    RETURN QUERY WITH made AS (
        SELECT * FROM _create_follow_up_steps(ARRAY(
            SELECT ROW(w.subject, w.comment, w.source, NULL, p_due_at, w.message)::new_follow_up_step
            FROM unnest(waiting) w WHERE NOT w.duplicate AND w.subject IS NOT NULL ORDER BY w.ord))),
    marked AS (
        UPDATE inbound_message m
        SET status = 'processed', kind = 'access_notification', notification_id = w.notification,
            processed_at = now(),
            outcome = format('CPIS Follow Up step %s for %s (%s).', made.step_id, w.subject_name,
                             CASE w.source WHEN 'dhu_111' THEN 'DHU/111' ELSE 'A&E' END)
        FROM made JOIN unnest(waiting) w ON w.message = made.inbound_message
        WHERE m.id = made.inbound_message
        RETURNING m.id, m.outcome, made.step_id)
    SELECT marked.id, 'processed'::text, marked.outcome, marked.step_id FROM marked;
END $$;

REVOKE EXECUTE ON FUNCTION quarantine_inbound(bigint, text), _case_note_alert(bigint, text, text),
    _create_follow_up_steps(new_follow_up_step[]), process_access_notifications(jsonb, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION quarantine_inbound(bigint, text), process_access_notifications(jsonb, timestamptz)
    TO cpis_exchange;
