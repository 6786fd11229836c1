-- Team managers pass a request on to another worker in their team when the worker it was
-- sent to is away, and list their team's outstanding requests. Both check the caller first.

-- The requests sent to a manager's team that still need something: not acknowledged, or an
-- A&E request whose finished CP-IS case note is still missing.
CREATE FUNCTION team_outstanding_requests()
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

-- Passes a request to another active worker in the same team. The request keeps its state;
-- an acknowledged one stays acknowledged (by whoever did). Audited; open clients refresh.
CREATE FUNCTION pass_request(p_request bigint, p_worker integer, p_reason text) RETURNS void
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
    UPDATE request SET recipient_id = p_worker WHERE id = p_request;
    PERFORM _audit('request.passed', subject, jsonb_build_object(
        'request', p_request, 'from', r.recipient_id, 'to', p_worker, 'reason', btrim(p_reason)));
    PERFORM _notify('request', p_request);
END $$;

REVOKE EXECUTE ON FUNCTION team_outstanding_requests(), pass_request(bigint, integer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION team_outstanding_requests(), pass_request(bigint, integer, text) TO cpis_team_manager;
