-- The workflow, as functions that run with the owner's rights but check the caller's role
-- and every rule first. Each call is one transaction. Errors use these SQLSTATEs:
--   42501 not permitted          CPVL1 a field is invalid (COLUMN names it)
--   CPNF1 not found              CPST1 stale: someone else changed the step
--   CPCL1 someone else has it    CPIN1 cannot finish: sections incomplete
--   CPWS1 wrong state for that   CPFR1 finished case note (0002)

-- ---------------------------------------------------------------- internal helpers

CREATE FUNCTION _require_worker() RETURNS integer
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE w integer := current_worker_id();
BEGIN
    IF w IS NULL THEN
        RAISE EXCEPTION 'The login "%" is not set up as a worker in CP-IS Workview.', session_user
            USING ERRCODE = '42501', HINT = 'Ask a system administrator to add you (cpisctl user add).';
    END IF;
    RETURN w;
END $$;

CREATE FUNCTION _require_role(p_role name, p_what text) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT pg_has_role(session_user, p_role, 'MEMBER') THEN
        RAISE EXCEPTION 'Only %s can %.', CASE p_role
                WHEN 'cpis_safeguarding_admin' THEN 'Safeguarding Admin'
                WHEN 'cpis_key_worker' THEN 'key workers'
                WHEN 'cpis_team_manager' THEN 'team managers'
                WHEN 'cpis_sysadmin' THEN 'system administrators'
                WHEN 'cpis_exchange' THEN 'the CP-IS exchange'
                ELSE p_role END, p_what
            USING ERRCODE = '42501';
    END IF;
END $$;

CREATE FUNCTION _has_any_role(VARIADIC p_roles name[]) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT bool_or(pg_has_role(session_user, r, 'MEMBER')) FROM unnest(p_roles) AS r
$$;

CREATE FUNCTION _invalid(p_column text, p_message text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', p_message USING ERRCODE = 'CPVL1', COLUMN = p_column;
END $$;

CREATE FUNCTION _audit(p_action text, p_person bigint, p_details jsonb) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    INSERT INTO audit (worker_id, action, person_id, details)
    VALUES (current_worker_id(), p_action, p_person, coalesce(p_details, '{}'))
$$;

-- Open clients refresh what changed; the payload is only a hint.
CREATE FUNCTION _notify(p_kind text, p_id bigint) RETURNS void
LANGUAGE sql AS $$
    SELECT pg_notify('cpis_changes', json_build_object('kind', p_kind, 'id', p_id)::text)
$$;

CREATE FUNCTION _worker_name(p_worker integer) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT coalesce((SELECT name FROM worker WHERE id = p_worker), 'someone')
$$;

CREATE FUNCTION _in_list(p_list text, p_label text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM list_item WHERE list = p_list AND label = p_label AND active)
$$;

-- The next working time a day after t (weekends skipped; office hours come later).
CREATE FUNCTION _due_after(t timestamptz) RETURNS timestamptz
LANGUAGE sql IMMUTABLE AS $$
    SELECT t + CASE extract(isodow FROM t)::int WHEN 5 THEN interval '3 days'
                                                 WHEN 6 THEN interval '2 days'
                                                 ELSE interval '1 day' END
$$;

-- Locks a step the caller is working on, checking visibility, state and row version.
CREATE FUNCTION _lock_step_for_edit(p_step bigint, p_version integer) RETURNS work_step
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

CREATE FUNCTION _touch_step(p_step bigint) RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    UPDATE work_step SET row_version = row_version + 1, updated_by = current_worker_id(), updated_at = now()
    WHERE id = p_step RETURNING row_version
$$;

-- ---------------------------------------------------------------- steps

-- Sections of a CPIS Follow Up step and whether each is complete.
CREATE FUNCTION step_sections(p_step bigint)
RETURNS TABLE (section integer, title text, complete boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT 1, 'CPIS Follow Up',
           EXISTS (SELECT 1 FROM request r WHERE r.step_id = p_step AND r.state IN ('sent', 'acknowledged'))
    WHERE person_is_visible((SELECT subject_id FROM work_step WHERE id = p_step))
    UNION ALL
    SELECT 2, 'Next actions', EXISTS (SELECT 1 FROM next_action n WHERE n.step_id = p_step)
    WHERE person_is_visible((SELECT subject_id FROM work_step WHERE id = p_step))
$$;

-- Claims a step. Of two admins at once exactly one wins; the other is told who has it.
CREATE FUNCTION start_work(p_step bigint) RETURNS integer
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

CREATE FUNCTION cancel_work(p_step bigint, p_reason text) RETURNS void
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

-- Sends the step's draft requests. Returns the new row version.
CREATE FUNCTION save_step(p_step bigint, p_version integer) RETURNS integer
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

CREATE FUNCTION finish_step(p_step bigint, p_version integer) RETURNS void
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

-- For the exchange (and sample data): a new CPIS Follow Up step for CP-IS Worker.
CREATE FUNCTION create_follow_up_step(p_subject bigint, p_comments text, p_source text, p_received_at timestamptz)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    queue integer := (SELECT id FROM worker WHERE is_virtual AND name = 'CP-IS Worker');
    step bigint;
BEGIN
    PERFORM _require_role('cpis_exchange', 'create CP-IS steps');
    IF NOT EXISTS (SELECT 1 FROM person WHERE id = p_subject) THEN
        PERFORM _invalid('subject', format('There is no person %s.', p_subject));
    END IF;
    IF p_source IS NOT NULL AND p_source NOT IN ('ae', 'dhu_111') THEN
        PERFORM _invalid('source', format('Unknown notification source "%s" (expected ae or dhu_111).', p_source));
    END IF;
    INSERT INTO work_step (subject_id, assignee_id, comments, source, received_at, due_at)
    VALUES (p_subject, queue, coalesce(p_comments, ''), p_source, coalesce(p_received_at, now()),
            _due_after(coalesce(p_received_at, now())))
    RETURNING id INTO step;
    PERFORM _audit('step.created', p_subject, jsonb_build_object('step', step, 'source', p_source));
    PERFORM _notify('step', step);
    RETURN step;
END $$;

-- ---------------------------------------------------------------- requests

-- What the New request dialog starts with: the request type, the note template for the
-- notification's source and the subject's current key worker.
CREATE FUNCTION propose_request(p_step bigint)
RETURNS TABLE (request_type text, source text, note text, recipient_id integer, recipient_name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT (SELECT label FROM list_item WHERE list = 'request_type' AND active ORDER BY position LIMIT 1),
           coalesce(s.source, 'ae'),
           t.body,
           kw.id, kw.name
    FROM work_step s
    JOIN note_template t ON t.source = coalesce(s.source, 'ae')
    LEFT JOIN involvement i ON i.person_id = s.subject_id AND i.role = 'Key Worker' AND i.ended_on IS NULL
    LEFT JOIN worker kw ON kw.id = i.worker_id
    WHERE s.id = p_step AND person_is_visible(s.subject_id)
$$;

-- A draft request, sent when the step is next saved. Returns the request and the step's new version.
CREATE FUNCTION add_request(p_step bigint, p_version integer, p_recipient integer, p_note text, p_source text,
                            p_request_type text DEFAULT 'CS Notification to Allocated Worker - CPIS Follow Up')
RETURNS TABLE (request_id bigint, row_version integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    s work_step := _lock_step_for_edit(p_step, p_version);
    expected text;
    rid bigint;
BEGIN
    IF p_recipient IS NULL THEN
        PERFORM _invalid('recipient', 'Pass to Worker is required: choose the worker to send the request to.');
    END IF;
    IF NOT EXISTS (SELECT 1 FROM worker WHERE id = p_recipient AND active) THEN
        PERFORM _invalid('recipient', format('There is no active worker %s to pass the request to.', p_recipient));
    END IF;
    IF coalesce(btrim(p_note), '') = '' THEN
        PERFORM _invalid('note', 'Note is required.');
    END IF;
    IF length(p_note) > 4000 THEN
        PERFORM _invalid('note', 'Note is too long (at most 4000 characters).');
    END IF;
    IF NOT _in_list('request_type', p_request_type) THEN
        PERFORM _invalid('request_type', format('Unknown request type "%s".', p_request_type));
    END IF;
    SELECT case_note_expected INTO expected FROM note_template WHERE source = coalesce(p_source, s.source, 'ae');
    IF expected IS NULL THEN
        PERFORM _invalid('source', format('Unknown notification source "%s" (expected ae or dhu_111).', p_source));
    END IF;
    INSERT INTO request (step_id, request_type, recipient_id, note, source, case_note_expected, created_by)
    VALUES (p_step, p_request_type, p_recipient, btrim(p_note), coalesce(p_source, s.source, 'ae'), expected,
            current_worker_id())
    RETURNING id INTO rid;
    PERFORM _audit('request.drafted', s.subject_id, jsonb_build_object('step', p_step, 'request', rid, 'to', p_recipient));
    RETURN QUERY SELECT rid, _touch_step(p_step);
END $$;

CREATE FUNCTION acknowledge_request(p_request bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me integer := _require_worker();
    r request;
    subject bigint;
BEGIN
    SELECT * INTO r FROM request WHERE id = p_request FOR UPDATE;
    SELECT subject_id INTO subject FROM work_step WHERE id = r.step_id;
    IF NOT FOUND OR NOT person_is_visible(subject) THEN
        RAISE EXCEPTION 'There is no request %.', p_request USING ERRCODE = 'CPNF1';
    END IF;
    IF r.recipient_id <> me AND NOT EXISTS (SELECT 1 FROM queue_member WHERE queue_id = r.recipient_id AND member_id = me) THEN
        RAISE EXCEPTION 'Only % (the worker it was sent to) can acknowledge this request.', _worker_name(r.recipient_id)
            USING ERRCODE = '42501';
    END IF;
    IF r.state = 'draft' THEN
        RAISE EXCEPTION 'This request has not been sent yet.' USING ERRCODE = 'CPWS1';
    ELSIF r.state = 'acknowledged' THEN
        RAISE EXCEPTION 'This request was already acknowledged by % at %.', _worker_name(r.acknowledged_by),
            to_char(r.acknowledged_at, 'HH24:MI on DD/MM/YYYY') USING ERRCODE = 'CPWS1';
    END IF;
    UPDATE request SET state = 'acknowledged', acknowledged_by = me, acknowledged_at = now() WHERE id = p_request;
    PERFORM _audit('request.acknowledged', subject, jsonb_build_object('request', p_request));
    PERFORM _notify('request', p_request);
END $$;

-- ---------------------------------------------------------------- next actions

CREATE FUNCTION _check_next_action(p_action text, p_reason text, p_note text, p_priority text, p_assigned_to integer)
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

CREATE FUNCTION add_next_action(p_step bigint, p_version integer, p_action text, p_reason text, p_note text,
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

CREATE FUNCTION update_next_action(p_next_action bigint, p_version integer, p_action text, p_reason text,
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

CREATE FUNCTION remove_next_action(p_next_action bigint, p_version integer) RETURNS integer
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

-- ---------------------------------------------------------------- case notes

CREATE FUNCTION add_case_note(p_person bigint, p_note_type text, p_contact_date date, p_body text,
                              p_finish boolean, p_request bigint DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me integer := _require_worker();
    nid bigint;
BEGIN
    IF NOT _has_any_role('cpis_key_worker', 'cpis_team_manager', 'cpis_safeguarding_admin') THEN
        RAISE EXCEPTION 'Only key workers, team managers and Safeguarding Admin can add case notes.' USING ERRCODE = '42501';
    END IF;
    IF NOT coalesce(person_is_visible(p_person), false) THEN
        RAISE EXCEPTION 'There is no person %.', p_person USING ERRCODE = 'CPNF1';
    END IF;
    IF NOT _in_list('case_note_type', coalesce(p_note_type, '')) THEN
        PERFORM _invalid('note_type', format('Case note type "%s" is not in the list.', coalesce(p_note_type, '')));
    END IF;
    IF p_contact_date IS NULL THEN
        PERFORM _invalid('contact_date', 'Contact date is required.');
    ELSIF p_contact_date > current_date THEN
        PERFORM _invalid('contact_date', 'Contact date cannot be in the future.');
    END IF;
    IF coalesce(btrim(p_body), '') = '' THEN
        PERFORM _invalid('body', 'The case note is empty: say what action was taken.');
    ELSIF length(p_body) > 20000 THEN
        PERFORM _invalid('body', 'The case note is too long (at most 20000 characters).');
    END IF;
    IF p_request IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM request r JOIN work_step s ON s.id = r.step_id
            WHERE r.id = p_request AND s.subject_id = p_person) THEN
        PERFORM _invalid('request', format('Request %s is not about person %s.', p_request, p_person));
    END IF;
    INSERT INTO case_note (person_id, note_type, author_id, contact_date, body, state, request_id, finalised_at)
    VALUES (p_person, p_note_type, me, p_contact_date, p_body, CASE WHEN p_finish THEN 'final' ELSE 'draft' END,
            p_request, CASE WHEN p_finish THEN now() END)
    RETURNING id INTO nid;
    PERFORM _audit('case_note.added', p_person, jsonb_build_object('case_note', nid, 'final', p_finish, 'request', p_request));
    PERFORM _notify('case_note', nid);
    RETURN nid;
END $$;

-- Changes a draft by its author; p_finish makes it final (and unchangeable).
CREATE FUNCTION update_case_note(p_note bigint, p_contact_date date, p_body text, p_finish boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me integer := _require_worker();
    n case_note;
BEGIN
    SELECT * INTO n FROM case_note WHERE id = p_note FOR UPDATE;
    IF NOT FOUND OR NOT person_is_visible(n.person_id) THEN
        RAISE EXCEPTION 'There is no case note %.', p_note USING ERRCODE = 'CPNF1';
    END IF;
    IF n.state = 'final' THEN
        RAISE EXCEPTION 'A finished case note cannot be changed; add a new note instead.' USING ERRCODE = 'CPFR1';
    END IF;
    IF n.author_id <> me THEN
        RAISE EXCEPTION 'Only % (its author) can change this draft.', _worker_name(n.author_id) USING ERRCODE = '42501';
    END IF;
    IF p_contact_date IS NULL OR p_contact_date > current_date THEN
        PERFORM _invalid('contact_date', 'Contact date is required and cannot be in the future.');
    END IF;
    IF coalesce(btrim(p_body), '') = '' OR length(p_body) > 20000 THEN
        PERFORM _invalid('body', 'The case note must say what action was taken (at most 20000 characters).');
    END IF;
    UPDATE case_note SET contact_date = p_contact_date, body = p_body,
                         state = CASE WHEN p_finish THEN 'final' ELSE 'draft' END,
                         finalised_at = CASE WHEN p_finish THEN now() END
    WHERE id = p_note;
    PERFORM _audit('case_note.changed', n.person_id, jsonb_build_object('case_note', p_note, 'final', p_finish));
    PERFORM _notify('case_note', p_note);
END $$;

-- ---------------------------------------------------------------- alerts

CREATE FUNCTION raise_alert(p_type text, p_person bigint, p_worker integer, p_team integer, p_role name, p_body text)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE aid bigint;
BEGIN
    IF NOT _has_any_role('cpis_safeguarding_admin', 'cpis_team_manager', 'cpis_sysadmin', 'cpis_exchange') THEN
        RAISE EXCEPTION 'Only Safeguarding Admin, team managers, administrators and the exchange can raise alerts.'
            USING ERRCODE = '42501';
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

-- Alerts addressed to the caller: to them, their team, or a role they hold.
CREATE FUNCTION alert_is_for_me(a alert) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT a.recipient_worker = current_worker_id()
        OR a.recipient_team = (SELECT team_id FROM worker WHERE id = current_worker_id())
        OR (a.recipient_role IS NOT NULL AND pg_has_role(session_user, a.recipient_role, 'MEMBER'))
$$;

CREATE FUNCTION acknowledge_alert(p_alert bigint) RETURNS void
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

-- ---------------------------------------------------------------- people and users

-- Opening a child's record is audited.
CREATE FUNCTION record_person_opened(p_person bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM _require_worker();
    IF NOT coalesce(person_is_visible(p_person), false) THEN
        RAISE EXCEPTION 'There is no person %.', p_person USING ERRCODE = 'CPNF1';
    END IF;
    PERFORM _audit('person.opened', p_person, '{}');
END $$;

-- Creates a login role with its group role and its worker. System administrators only.
CREATE FUNCTION add_user(p_login text, p_role text, p_name text, p_team text, p_password text)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    group_role name := CASE p_role WHEN 'safeguarding-admin' THEN 'cpis_safeguarding_admin'
                                   WHEN 'key-worker' THEN 'cpis_key_worker'
                                   WHEN 'team-manager' THEN 'cpis_team_manager'
                                   WHEN 'sysadmin' THEN 'cpis_sysadmin'
                                   WHEN 'exchange' THEN 'cpis_exchange' END;
    team_id integer;
    wid integer;
BEGIN
    -- The owner (no worker of its own) may add the first users.
    IF NOT pg_has_role(session_user, 'cpis_sysadmin', 'MEMBER') THEN
        RAISE EXCEPTION 'Only system administrators can add users.' USING ERRCODE = '42501';
    END IF;
    IF p_login IS NULL OR p_login !~ '^[a-z][a-z0-9._-]{1,62}$' THEN
        PERFORM _invalid('login', format('Login "%s" must be 2-63 characters: lower-case letters, digits, ".", "_" or "-", starting with a letter.', coalesce(p_login, '')));
    END IF;
    IF p_login LIKE 'pg\_%' OR p_login LIKE 'cpis\_%' THEN
        PERFORM _invalid('login', format('Login "%s" is reserved.', p_login));
    END IF;
    IF group_role IS NULL THEN
        PERFORM _invalid('role', format('Role "%s" must be one of safeguarding-admin, key-worker, team-manager, sysadmin, exchange.', coalesce(p_role, '')));
    END IF;
    IF coalesce(btrim(p_name), '') = '' OR length(p_name) > 200 THEN
        PERFORM _invalid('name', 'Full name is required (at most 200 characters).');
    END IF;
    IF EXISTS (SELECT 1 FROM worker WHERE login = p_login) THEN
        PERFORM _invalid('login', format('There is already a worker with login "%s".', p_login));
    END IF;
    IF p_team IS NOT NULL AND btrim(p_team) <> '' THEN
        SELECT id INTO team_id FROM team WHERE name = btrim(p_team);
        IF team_id IS NULL THEN
            INSERT INTO team (name) VALUES (btrim(p_team)) RETURNING id INTO team_id;
        END IF;
    END IF;
    -- Roles are shared by every database on the server: reuse one that exists.
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN
        IF p_password IS NULL THEN
            EXECUTE format('CREATE ROLE %I LOGIN', p_login);
        ELSE
            EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_login, p_password);
        END IF;
    END IF;
    EXECUTE format('GRANT %I TO %I', group_role, p_login);
    INSERT INTO worker (name, login, team_id) VALUES (btrim(p_name), p_login, team_id) RETURNING id INTO wid;
    IF group_role = 'cpis_safeguarding_admin' THEN
        INSERT INTO queue_member (queue_id, member_id)
        SELECT id, wid FROM worker WHERE is_virtual AND name = 'CP-IS Worker';
    ELSIF group_role = 'cpis_team_manager' AND team_id IS NOT NULL THEN
        INSERT INTO team_manager (team_id, worker_id) VALUES (team_id, wid);
    END IF;
    PERFORM _audit('user.added', NULL, jsonb_build_object('login', p_login, 'role', p_role, 'worker', wid));
    RETURN wid;
END $$;

-- Workers found by part of their name, for Pass to Worker.
CREATE FUNCTION find_workers(p_text text)
RETURNS TABLE (id integer, name text, team text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT w.id, w.name, t.name
    FROM worker w LEFT JOIN team t ON t.id = w.team_id
    WHERE w.active AND NOT w.is_virtual
      AND lower(w.name) LIKE '%' || replace(replace(replace(lower(btrim(p_text)), '\', '\\'), '%', '\%'), '_', '\_') || '%'
    ORDER BY w.name
    LIMIT 50
$$;

-- Lock every function down, then open each to the roles that use it. The functions also
-- check the role themselves, so the rule holds whichever way they are reached.
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC;
GRANT EXECUTE ON FUNCTION current_worker_id(), person_is_visible(bigint), nhs_number_is_valid(text),
                          step_sections(bigint), propose_request(bigint), find_workers(text),
                          record_person_opened(bigint), acknowledge_request(bigint), acknowledge_alert(bigint),
                          alert_is_for_me(alert)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin, cpis_exchange;
GRANT EXECUTE ON FUNCTION add_case_note(bigint, text, date, text, boolean, bigint),
                          update_case_note(bigint, date, text, boolean)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager;
GRANT EXECUTE ON FUNCTION raise_alert(text, bigint, integer, integer, name, text)
    TO cpis_safeguarding_admin, cpis_team_manager, cpis_sysadmin, cpis_exchange;
GRANT EXECUTE ON FUNCTION start_work(bigint), cancel_work(bigint, text), save_step(bigint, integer),
                          finish_step(bigint, integer),
                          add_request(bigint, integer, integer, text, text, text),
                          add_next_action(bigint, integer, text, text, text, text, integer),
                          update_next_action(bigint, integer, text, text, text, text, integer),
                          remove_next_action(bigint, integer)
    TO cpis_safeguarding_admin;
GRANT EXECUTE ON FUNCTION create_follow_up_step(bigint, text, text, timestamptz) TO cpis_exchange;
GRANT EXECUTE ON FUNCTION add_user(text, text, text, text, text) TO cpis_sysadmin;
