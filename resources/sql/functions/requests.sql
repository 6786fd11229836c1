-- Requests a step sends to a worker: proposing, adding, acknowledging, passing on.
-- The current definition of each function; see ORDER for the rules of this folder.

-- What the New request dialog starts with: the request type, the note template for the
-- notification's source and the subject's current key worker.
CREATE OR REPLACE FUNCTION propose_request(p_step bigint)
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
REVOKE EXECUTE ON FUNCTION propose_request(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION propose_request(bigint)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin,
       cpis_exchange;

-- A draft request, sent when the step is next saved. Returns the request and the step's new version.
CREATE OR REPLACE FUNCTION add_request(p_step bigint, p_version integer, p_recipient integer, p_note text, p_source text,
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
REVOKE EXECUTE ON FUNCTION add_request(bigint, integer, integer, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION add_request(bigint, integer, integer, text, text, text)
    TO cpis_safeguarding_admin;

-- The requests sent to a manager's team that still need something: not acknowledged, or an
-- A&E request whose finished CP-IS case note is still missing.
CREATE OR REPLACE FUNCTION team_outstanding_requests()
RETURNS TABLE (request_id bigint, step_id bigint, subject_id bigint, subject_name text, request_type text,
               recipient_id integer, recipient text, team text, sent_at timestamptz, state text,
               awaiting_case_note boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE me integer := _require_worker();
BEGIN
    PERFORM _require_role('cpis_team_manager', 'see their team''s outstanding requests');
    RETURN QUERY
    SELECT r.id, r.step_id, s.subject_id, p.legal_forenames || ' ' || p.legal_surname, r.request_type,
           w.id, w.name, t.name, r.sent_at, r.state,
           (r.case_note_expected = 'required' AND NOT EXISTS (
                SELECT 1 FROM case_note n WHERE n.request_id = r.id AND n.state = 'final'))
    FROM request r
    JOIN work_step s ON s.id = r.step_id
    JOIN person p ON p.id = s.subject_id
    JOIN worker w ON w.id = r.recipient_id
    JOIN team t ON t.id = w.team_id
    JOIN team_manager tm ON tm.team_id = w.team_id AND tm.worker_id = me
    WHERE r.state IN ('sent', 'acknowledged')
      AND person_is_visible(s.subject_id)
      AND (r.state = 'sent' OR (r.case_note_expected = 'required' AND NOT EXISTS (
                SELECT 1 FROM case_note n WHERE n.request_id = r.id AND n.state = 'final')))
    ORDER BY r.sent_at, r.id;
END $$;
REVOKE EXECUTE ON FUNCTION team_outstanding_requests() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION team_outstanding_requests() TO cpis_team_manager;

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
REVOKE EXECUTE ON FUNCTION pass_request(bigint, integer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION pass_request(bigint, integer, text) TO cpis_team_manager;

CREATE OR REPLACE FUNCTION acknowledge_request(p_request bigint) RETURNS void
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
    ELSIF r.state = 'acknowledged' AND r.acknowledged_by = me THEN
        RETURN; -- acknowledged by this worker already (a retry after a lost answer): done
    ELSIF r.state = 'acknowledged' THEN
        RAISE EXCEPTION 'This request was already acknowledged by % at %.', _worker_name(r.acknowledged_by),
            to_char(r.acknowledged_at, 'HH24:MI on DD/MM/YYYY') USING ERRCODE = 'CPWS1';
    END IF;
    UPDATE request SET state = 'acknowledged', acknowledged_by = me, acknowledged_at = now() WHERE id = p_request;
    PERFORM _audit('request.acknowledged', subject, jsonb_build_object('request', p_request));
    PERFORM _notify('request', p_request);
END $$;
REVOKE EXECUTE ON FUNCTION acknowledge_request(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION acknowledge_request(bigint)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin,
       cpis_exchange;
