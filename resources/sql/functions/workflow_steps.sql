-- Work steps: claiming, editing, saving, finishing, cancelling, and their next actions.
-- The current definition of each function; see ORDER for the rules of this folder.

-- Locks a step the caller is working on, checking visibility, state and row version.
CREATE OR REPLACE FUNCTION _lock_step_for_edit(p_step bigint, p_version integer) RETURNS work_step
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    s work_step;
    me integer := _require_worker();
BEGIN
    PERFORM _require_role('cpis_safeguarding_admin', 'work on CP-IS steps');
    SELECT * INTO s FROM work_step WHERE id = p_step FOR UPDATE;
    IF NOT FOUND OR NOT person_is_visible(s.subject_id) THEN
        RAISE EXCEPTION 'There is no work step %.', p_step USING ERRCODE = 'CPNF1';
    END IF;
    IF s.state = 'incoming' THEN
        RAISE EXCEPTION 'Start work on this step first.' USING ERRCODE = 'CPWS1';
    ELSIF s.state IN ('finished', 'cancelled') THEN
        RAISE EXCEPTION 'This step is % and can no longer be changed.', s.state USING ERRCODE = 'CPWS1';
    ELSIF s.started_by <> me THEN
        RAISE EXCEPTION '% is working on this step (started %).', _worker_name(s.started_by),
            to_char(s.started_at, 'DD/MM/YYYY HH24:MI') USING ERRCODE = 'CPCL1';
    END IF;
    IF p_version IS DISTINCT FROM s.row_version THEN
        RAISE EXCEPTION 'This step was changed by % at % since you opened it.', _worker_name(s.updated_by),
            to_char(s.updated_at, 'DD/MM/YYYY HH24:MI:SS')
            USING ERRCODE = 'CPST1', HINT = 'Reload the step to see the changes, then make yours again.';
    END IF;
    RETURN s;
END $$;
REVOKE EXECUTE ON FUNCTION _lock_step_for_edit(bigint, integer) FROM PUBLIC;

CREATE OR REPLACE FUNCTION _touch_step(p_step bigint) RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    UPDATE work_step SET row_version = row_version + 1, updated_by = current_worker_id(), updated_at = now()
    WHERE id = p_step RETURNING row_version
$$;
REVOKE EXECUTE ON FUNCTION _touch_step(bigint) FROM PUBLIC;

-- Sections of a CPIS Follow Up step and whether each is complete.
CREATE OR REPLACE FUNCTION step_sections(p_step bigint)
RETURNS TABLE (section integer, title text, complete boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT 1, 'CPIS Follow Up',
           EXISTS (SELECT 1 FROM request r WHERE r.step_id = p_step AND r.state IN ('sent', 'acknowledged'))
    WHERE person_is_visible((SELECT subject_id FROM work_step WHERE id = p_step))
    UNION ALL
    SELECT 2, 'Next actions', EXISTS (SELECT 1 FROM next_action n WHERE n.step_id = p_step)
    WHERE person_is_visible((SELECT subject_id FROM work_step WHERE id = p_step))
$$;
REVOKE EXECUTE ON FUNCTION step_sections(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION step_sections(bigint)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin,
       cpis_exchange;

-- Claims a step. Of two admins at once exactly one wins; the other is told who has it.
CREATE OR REPLACE FUNCTION start_work(p_step bigint) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me integer := _require_worker();
    s work_step;
BEGIN
    PERFORM _require_role('cpis_safeguarding_admin', 'start CP-IS steps');
    UPDATE work_step SET state = 'in_progress', started_by = me, started_at = now(),
                         row_version = row_version + 1, updated_by = me, updated_at = now()
    WHERE id = p_step AND state = 'incoming' AND person_is_visible(subject_id)
    RETURNING * INTO s;
    IF NOT FOUND THEN
        SELECT * INTO s FROM work_step WHERE id = p_step;
        IF NOT FOUND OR NOT person_is_visible(s.subject_id) THEN
            RAISE EXCEPTION 'There is no work step %.', p_step USING ERRCODE = 'CPNF1';
        ELSIF s.state = 'in_progress' AND s.started_by = me THEN
            -- Started already by this worker (their list had not caught up): nothing to
            -- claim, so it opens as it is rather than refuse them their own step.
            RETURN s.row_version;
        ELSIF s.state = 'in_progress' THEN
            RAISE EXCEPTION '% already started this step at %.', _worker_name(s.started_by),
                to_char(s.started_at, 'HH24:MI on DD/MM/YYYY') USING ERRCODE = 'CPCL1';
        ELSE
            RAISE EXCEPTION 'This step is % already.', s.state USING ERRCODE = 'CPWS1';
        END IF;
    END IF;
    PERFORM _audit('step.started', s.subject_id, jsonb_build_object('step', p_step));
    PERFORM _notify('step', p_step);
    RETURN s.row_version;
END $$;
REVOKE EXECUTE ON FUNCTION start_work(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION start_work(bigint) TO cpis_safeguarding_admin;

CREATE OR REPLACE FUNCTION cancel_work(p_step bigint, p_reason text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me integer := _require_worker();
    s work_step;
BEGIN
    PERFORM _require_role('cpis_safeguarding_admin', 'cancel CP-IS steps');
    IF coalesce(btrim(p_reason), '') = '' THEN
        PERFORM _invalid('reason', 'A reason is required to cancel work.');
    END IF;
    SELECT * INTO s FROM work_step WHERE id = p_step FOR UPDATE;
    IF NOT FOUND OR NOT person_is_visible(s.subject_id) THEN
        RAISE EXCEPTION 'There is no work step %.', p_step USING ERRCODE = 'CPNF1';
    ELSIF s.state IN ('finished', 'cancelled') THEN
        RAISE EXCEPTION 'This step is % already.', s.state USING ERRCODE = 'CPWS1';
    ELSIF s.state = 'in_progress' AND s.started_by <> me THEN
        RAISE EXCEPTION '% is working on this step.', _worker_name(s.started_by) USING ERRCODE = 'CPCL1';
    END IF;
    UPDATE work_step SET state = 'cancelled', cancelled_by = me, cancelled_at = now(), cancel_reason = btrim(p_reason),
                         row_version = row_version + 1, updated_by = me, updated_at = now()
    WHERE id = p_step;
    PERFORM _audit('step.cancelled', s.subject_id, jsonb_build_object('step', p_step, 'reason', btrim(p_reason)));
    PERFORM _notify('step', p_step);
END $$;
REVOKE EXECUTE ON FUNCTION cancel_work(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cancel_work(bigint, text) TO cpis_safeguarding_admin;

-- A Safeguarding Admin takes over a colleague's step (on leave, off sick, gone home): it is
-- theirs from now on. Audited with who had it since when, and that colleague is told by an
-- alert. Returns the new row version.
CREATE OR REPLACE FUNCTION take_over_step(p_step bigint) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me integer := _require_worker();
    s work_step;
    previous integer;
    since timestamptz;
BEGIN
    PERFORM _require_role('cpis_safeguarding_admin', 'take over CP-IS steps');
    SELECT * INTO s FROM work_step WHERE id = p_step FOR UPDATE;
    IF NOT FOUND OR NOT person_is_visible(s.subject_id) THEN
        RAISE EXCEPTION 'There is no work step %.', p_step USING ERRCODE = 'CPNF1';
    ELSIF s.state <> 'in_progress' THEN
        RAISE EXCEPTION 'This step is % and nobody is working on it: there is nothing to take over.',
            replace(s.state, '_', ' ') USING ERRCODE = 'CPWS1';
    ELSIF s.started_by = me THEN
        RAISE EXCEPTION 'You are working on this step already.' USING ERRCODE = 'CPWS1';
    END IF;
    previous := s.started_by;
    since := s.started_at;
    UPDATE work_step SET started_by = me, started_at = now(),
                         row_version = row_version + 1, updated_by = me, updated_at = now()
    WHERE id = p_step RETURNING * INTO s;
    PERFORM _audit('step.taken_over', s.subject_id,
                   jsonb_build_object('step', p_step, 'from', previous, 'started_at', since));
    PERFORM raise_alert('Step taken over', s.subject_id, previous, NULL, NULL,
        format('%s took over the %s step for %s (%s), which you had started at %s. It is theirs now: '
               'anything you had not saved on it is not on the step.',
               _worker_name(me), s.title,
               (SELECT legal_forenames || ' ' || legal_surname FROM person WHERE id = s.subject_id),
               s.subject_id, to_char(since AT TIME ZONE 'Europe/London', 'HH24:MI on DD/MM/YYYY')));
    PERFORM _notify('step', p_step);
    RETURN s.row_version;
END $$;
REVOKE EXECUTE ON FUNCTION take_over_step(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION take_over_step(bigint) TO cpis_safeguarding_admin;

-- A step started and then left untouched (opened by mistake, or only to read) goes back to
-- Incoming work, where a colleague can start it. Only by whoever started it, and only while
-- nothing is on it: no request, no next action, no other change since it was started.
CREATE OR REPLACE FUNCTION release_step(p_step bigint, p_version integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    s work_step := _lock_step_for_edit(p_step, p_version);
BEGIN
    IF EXISTS (SELECT 1 FROM request WHERE step_id = p_step)
       OR EXISTS (SELECT 1 FROM next_action WHERE step_id = p_step) THEN
        RAISE EXCEPTION 'Work has been saved on this step, so it stays with you.' USING ERRCODE = 'CPWS1';
    END IF;
    UPDATE work_step SET state = 'incoming', started_by = NULL, started_at = NULL,
                         row_version = row_version + 1, updated_by = current_worker_id(), updated_at = now()
    WHERE id = p_step;
    PERFORM _audit('step.released', s.subject_id, jsonb_build_object('step', p_step));
    PERFORM _notify('step', p_step);
END $$;
REVOKE EXECUTE ON FUNCTION release_step(bigint, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION release_step(bigint, integer) TO cpis_safeguarding_admin;

-- Sends the step's draft requests. Returns the new row version.
CREATE OR REPLACE FUNCTION save_step(p_step bigint, p_version integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    s work_step := _lock_step_for_edit(p_step, p_version);
    r record;
BEGIN
    FOR r IN UPDATE request SET state = 'sent', sent_at = now()
             WHERE step_id = p_step AND state = 'draft' RETURNING id, recipient_id LOOP
        PERFORM _audit('request.sent', s.subject_id, jsonb_build_object('step', p_step, 'request', r.id, 'to', r.recipient_id));
        PERFORM _notify('request', r.id);
    END LOOP;
    PERFORM _notify('step', p_step);
    RETURN _touch_step(p_step);
END $$;
REVOKE EXECUTE ON FUNCTION save_step(bigint, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION save_step(bigint, integer) TO cpis_safeguarding_admin;

CREATE OR REPLACE FUNCTION finish_step(p_step bigint, p_version integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    s work_step := _lock_step_for_edit(p_step, p_version);
    missing text;
BEGIN
    SELECT string_agg(format('%s. %s', section, title), ', ' ORDER BY section) INTO missing
    FROM step_sections(p_step) WHERE NOT complete;
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'The step cannot be finished until these sections are complete: %.', missing
            USING ERRCODE = 'CPIN1',
                  HINT = 'Section 1 needs a request sent to a worker (save after adding it); section 2 needs a next action.';
    END IF;
    IF EXISTS (SELECT 1 FROM request WHERE step_id = p_step AND state = 'draft') THEN
        RAISE EXCEPTION 'A request has not been sent yet: save the step first.' USING ERRCODE = 'CPIN1';
    END IF;
    UPDATE work_step SET state = 'finished', finished_by = current_worker_id(), finished_at = now(),
                         row_version = row_version + 1, updated_by = current_worker_id(), updated_at = now()
    WHERE id = p_step;
    PERFORM _audit('step.finished', s.subject_id, jsonb_build_object('step', p_step));
    PERFORM _notify('step', p_step);
END $$;
REVOKE EXECUTE ON FUNCTION finish_step(bigint, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION finish_step(bigint, integer) TO cpis_safeguarding_admin;

CREATE OR REPLACE FUNCTION _check_next_action(p_action text, p_reason text, p_note text, p_priority text, p_assigned_to integer)
RETURNS void LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF coalesce(p_action, '') = '' OR NOT _in_list('next_action', p_action) THEN
        PERFORM _invalid('action', format('Select action: "%s" is not a next action.', coalesce(p_action, '')));
    END IF;
    IF coalesce(btrim(p_reason), '') = '' THEN
        PERFORM _invalid('reason', 'Reason is required: choose a reason for the next action.');
    END IF;
    IF NOT _in_list('next_action_reason', p_reason) THEN
        PERFORM _invalid('reason', format('Reason "%s" is not in the list of reasons.', p_reason));
    END IF;
    IF p_priority IS NULL OR p_priority NOT IN ('Urgent', 'Normal', 'Low') THEN
        PERFORM _invalid('priority', 'Priority must be Urgent, Normal or Low.');
    END IF;
    IF length(coalesce(p_note, '')) > 4000 THEN
        PERFORM _invalid('note', 'Note is too long (at most 4000 characters).');
    END IF;
    IF p_assigned_to IS NOT NULL AND NOT EXISTS (SELECT 1 FROM worker WHERE id = p_assigned_to AND active) THEN
        PERFORM _invalid('assigned_to', format('There is no active worker %s.', p_assigned_to));
    END IF;
END $$;
REVOKE EXECUTE ON FUNCTION _check_next_action(text, text, text, text, integer) FROM PUBLIC;

CREATE OR REPLACE FUNCTION add_next_action(p_step bigint, p_version integer, p_action text, p_reason text, p_note text,
                                p_priority text, p_assigned_to integer)
RETURNS TABLE (next_action_id bigint, row_version integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    s work_step := _lock_step_for_edit(p_step, p_version);
    nid bigint;
BEGIN
    PERFORM _check_next_action(p_action, p_reason, p_note, p_priority, p_assigned_to);
    INSERT INTO next_action (step_id, action, reason, note, priority, assigned_to, created_by)
    VALUES (p_step, p_action, btrim(p_reason), coalesce(p_note, ''), p_priority, p_assigned_to, current_worker_id())
    RETURNING id INTO nid;
    PERFORM _audit('next_action.added', s.subject_id, jsonb_build_object('step', p_step, 'next_action', nid));
    RETURN QUERY SELECT nid, _touch_step(p_step);
END $$;
REVOKE EXECUTE ON FUNCTION add_next_action(bigint, integer, text, text, text, text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION add_next_action(bigint, integer, text, text, text, text, integer)
    TO cpis_safeguarding_admin;

CREATE OR REPLACE FUNCTION update_next_action(p_next_action bigint, p_version integer, p_action text, p_reason text,
                                   p_note text, p_priority text, p_assigned_to integer)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    step bigint := (SELECT step_id FROM next_action WHERE id = p_next_action);
    s work_step;
BEGIN
    IF step IS NULL THEN
        RAISE EXCEPTION 'There is no next action %.', p_next_action USING ERRCODE = 'CPNF1';
    END IF;
    s := _lock_step_for_edit(step, p_version);
    PERFORM _check_next_action(p_action, p_reason, p_note, p_priority, p_assigned_to);
    UPDATE next_action SET action = p_action, reason = btrim(p_reason), note = coalesce(p_note, ''),
                           priority = p_priority, assigned_to = p_assigned_to
    WHERE id = p_next_action;
    PERFORM _audit('next_action.changed', s.subject_id, jsonb_build_object('step', step, 'next_action', p_next_action));
    RETURN _touch_step(step);
END $$;
REVOKE EXECUTE ON FUNCTION update_next_action(bigint, integer, text, text, text, text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION update_next_action(bigint, integer, text, text, text, text, integer)
    TO cpis_safeguarding_admin;

CREATE OR REPLACE FUNCTION remove_next_action(p_next_action bigint, p_version integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    step bigint := (SELECT step_id FROM next_action WHERE id = p_next_action);
    s work_step;
BEGIN
    IF step IS NULL THEN
        RAISE EXCEPTION 'There is no next action %.', p_next_action USING ERRCODE = 'CPNF1';
    END IF;
    s := _lock_step_for_edit(step, p_version);
    DELETE FROM next_action WHERE id = p_next_action;
    PERFORM _audit('next_action.removed', s.subject_id, jsonb_build_object('step', step, 'next_action', p_next_action));
    RETURN _touch_step(step);
END $$;
REVOKE EXECUTE ON FUNCTION remove_next_action(bigint, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION remove_next_action(bigint, integer) TO cpis_safeguarding_admin;

-- Where a CPIS Follow Up step for a restricted child goes when no Safeguarding Admin may see
-- the child (in the CP-IS Worker queue nobody could see it): to a worker granted access (the
-- key worker first), else to the team manager of the child's key worker ('team_manager': given
-- access then), else nowhere new ('nobody': it stays in the queue, and the alert says so). No
-- row when the child is not restricted or a Safeguarding Admin may see them.
CREATE OR REPLACE FUNCTION _restricted_route(p_person bigint)
RETURNS TABLE (worker_id integer, how text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH child AS (
        SELECT p.id FROM person p
        WHERE p.id = p_person AND p.restricted
          AND NOT EXISTS (SELECT 1 FROM person_access a
                          JOIN worker w ON w.id = a.worker_id AND w.active
                          JOIN pg_roles r ON r.rolname = w.login
                          WHERE a.person_id = p.id AND pg_has_role(r.oid, 'cpis_safeguarding_admin', 'MEMBER'))),
    key_worker AS (
        SELECT i.worker_id FROM involvement i
        WHERE i.person_id = p_person AND i.role = 'Key Worker' AND i.ended_on IS NULL),
    candidates AS (
        SELECT w.id, 'granted'::text AS how, 1 AS rank, w.id IN (SELECT k.worker_id FROM key_worker k) AS is_key, w.name
        FROM child JOIN person_access a ON a.person_id = child.id
        JOIN worker w ON w.id = a.worker_id AND w.active AND NOT w.is_virtual
        UNION ALL
        SELECT m.id, 'team_manager', 2, false, m.name
        FROM child, key_worker k
        JOIN worker kw ON kw.id = k.worker_id
        JOIN team_manager tm ON tm.team_id = kw.team_id
        JOIN worker m ON m.id = tm.worker_id AND m.active AND NOT m.is_virtual
        UNION ALL
        SELECT NULL, 'nobody', 3, false, '' FROM child)
    SELECT c.id, c.how FROM candidates c ORDER BY c.rank, c.is_key DESC, c.name, c.id LIMIT 1
$$;
REVOKE EXECUTE ON FUNCTION _restricted_route(bigint) FROM PUBLIC;

-- A restricted child's step routed by _restricted_route: the team manager it went to is given
-- access to the child (audited), and the CP-IS administrators are told where it went, without
-- naming the child, so that no notification is ever invisible.
CREATE OR REPLACE FUNCTION _announce_restricted_route(p_step bigint, p_person bigint, p_worker integer, p_how text)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF p_how = 'team_manager' THEN
        INSERT INTO person_access (person_id, worker_id) VALUES (p_person, p_worker) ON CONFLICT DO NOTHING;
        PERFORM _audit('person.access_granted', p_person,
                       jsonb_build_object('worker', p_worker, 'step', p_step, 'why', 'CP-IS notification for a restricted child'));
    END IF;
    PERFORM raise_alert('CP-IS notification for a restricted child', NULL, NULL, NULL, 'cpis_sysadmin', CASE p_how
        WHEN 'granted' THEN
            format('A CP-IS notification for a restricted child was routed to %s (CPIS Follow Up step %s), '
                   'who is granted access to the child: no Safeguarding Admin may see the child.',
                   _worker_name(p_worker), p_step)
        WHEN 'team_manager' THEN
            format('A CP-IS notification for a restricted child was routed to %s (CPIS Follow Up step %s), '
                   'the team manager of the child''s key worker, who has been given access to the child: '
                   'no Safeguarding Admin or other worker may see the child.',
                   _worker_name(p_worker), p_step)
        ELSE
            format('A CP-IS notification for a restricted child (CPIS Follow Up step %s) is in the CP-IS Worker '
                   'queue, but nobody may see the child: no worker is granted access and the child''s key worker '
                   'has no team manager. Have the installer grant a Safeguarding Admin access to the child.', p_step)
        END);
END $$;
REVOKE EXECUTE ON FUNCTION _announce_restricted_route(bigint, bigint, integer, text) FROM PUBLIC;

CREATE OR REPLACE FUNCTION _create_follow_up_steps(p_steps new_follow_up_step[])
RETURNS TABLE (step_id bigint, inbound_message bigint, subject bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    queue integer := (SELECT id FROM worker WHERE is_virtual AND name = 'CP-IS Worker');
    me integer := current_worker_id();
    missing bigint;
    bad_source text;
    last_step bigint;
    routed_to integer;
    route text;
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
    FOR step_id, inbound_message, subject, routed_to, route IN
        -- A restricted child no Safeguarding Admin may see: not the queue (_restricted_route).
        WITH routed AS (
            SELECT s.*, r.worker_id AS routed_to, r.how AS route
            FROM unnest(p_steps) s LEFT JOIN LATERAL _restricted_route(s.subject) r ON true),
        made AS (
            INSERT INTO work_step (subject_id, assignee_id, comments, source, received_at, due_at, inbound_message_id)
            SELECT s.subject, coalesce(s.routed_to, queue), coalesce(s.comments, ''), s.source, coalesce(s.received_at, now()),
                   coalesce(s.due_at, _due_after(coalesce(s.received_at, now()))), s.inbound_message
            FROM routed s
            RETURNING id, subject_id, source, inbound_message_id),
        -- What _audit() writes, for the whole batch in one statement.
        audited AS (
            INSERT INTO audit (worker_id, action, person_id, details)
            SELECT me, 'step.created', made.subject_id,
                   jsonb_build_object('step', made.id, 'source', made.source)
            FROM made)
        SELECT made.id, made.inbound_message_id, made.subject_id, x.routed_to, x.route
        FROM made LEFT JOIN (SELECT DISTINCT r.subject, r.routed_to, r.route FROM routed r) x ON x.subject = made.subject_id
    LOOP
        last_step := greatest(last_step, step_id);
        IF route IS NOT NULL THEN
            PERFORM _announce_restricted_route(step_id, subject, routed_to, route);
        END IF;
        RETURN NEXT;
    END LOOP;
    IF last_step IS NOT NULL THEN
        PERFORM _notify('step', last_step); -- a hint: open workviews reload
    END IF;
END $$;
REVOKE EXECUTE ON FUNCTION _create_follow_up_steps(new_follow_up_step[]) FROM PUBLIC;

CREATE OR REPLACE FUNCTION create_follow_up_step(p_subject bigint, p_comments text, p_source text,
                                                 p_received_at timestamptz, p_due_at timestamptz)
RETURNS bigint
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT step_id FROM _create_follow_up_steps(
        ARRAY[ROW(p_subject, p_comments, p_source, p_received_at, p_due_at, NULL)::new_follow_up_step])
$$;
REVOKE EXECUTE ON FUNCTION create_follow_up_step(bigint, text, text, timestamp with time zone, timestamp with time zone) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION create_follow_up_step(bigint, text, text, timestamp with time zone, timestamp with time zone)
    TO cpis_exchange;

CREATE OR REPLACE FUNCTION create_follow_up_step(p_subject bigint, p_comments text, p_source text,
                                                 p_received_at timestamptz)
RETURNS bigint
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT create_follow_up_step(p_subject, p_comments, p_source, p_received_at, NULL)
$$;
REVOKE EXECUTE ON FUNCTION create_follow_up_step(bigint, text, text, timestamp with time zone) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION create_follow_up_step(bigint, text, text, timestamp with time zone)
    TO cpis_exchange;
