-- The lists of the workview: a worker's current work and incoming requests.
-- The current definition of each function; see ORDER for the rules of this folder.

-- A worker's incoming requests: sent, or acknowledged while a required case note is missing.
-- "Has a finished case note?" is asked per request, an index probe each: reading every
-- finished case note into a hash took 34 ms for four requests on 10,000 children. A request
-- is due as a step is: the handling time, in office hours, from when it was sent.
CREATE OR REPLACE FUNCTION incoming_requests(p_worker integer)
RETURNS TABLE (request_id bigint, step_id bigint, subject_id bigint, subject_name text, request_type text,
               step_title text, note text, sent_at timestamptz, state text, case_note_expected text,
               awaiting_case_note boolean, due_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH me AS (SELECT current_worker_id() AS id, pg_has_role(session_user, 'cpis_exchange', 'MEMBER') AS sees_all),
         requests AS (
             SELECT r.*, r.case_note_expected = 'required' AND noted.request_id IS NULL AS awaiting
             FROM request r
             LEFT JOIN LATERAL (SELECT n.request_id FROM case_note n
                                WHERE n.request_id = r.id AND n.state = 'final' LIMIT 1) noted ON true
             WHERE r.recipient_id = p_worker AND r.state IN ('sent', 'acknowledged'))
    SELECT r.id, r.step_id, s.subject_id, p.legal_forenames || ' ' || p.legal_surname, r.request_type, s.title,
           r.note, r.sent_at, r.state, r.case_note_expected, r.awaiting, _due_after(r.sent_at)
    FROM me, requests r
    JOIN work_step s ON s.id = r.step_id
    JOIN person p ON p.id = s.subject_id
    WHERE (r.state = 'sent' OR r.awaiting)
      AND (NOT p.restricted OR me.sees_all
           OR EXISTS (SELECT 1 FROM person_access a WHERE a.person_id = p.id AND a.worker_id = me.id))
    ORDER BY r.sent_at DESC, r.id DESC
$$;
REVOKE EXECUTE ON FUNCTION incoming_requests(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION incoming_requests(integer)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin,
       cpis_exchange;

-- A worker's current work: the open steps assigned to them or to a queue they work from, and
-- those they started; a restricted child's only for those granted access. Read from the step
-- alone: it carries its child's name, restriction and key worker.
CREATE OR REPLACE FUNCTION current_work(p_worker integer)
RETURNS TABLE (step_id bigint, step_type text, subject_id bigint, subject_name text, title text, state text,
               received_ms bigint, due_ms bigint, key_worker text, source text, started_by text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH me AS (SELECT current_worker_id() AS id, pg_has_role(session_user, 'cpis_exchange', 'MEMBER') AS sees_all),
         mine AS (SELECT p_worker AS id UNION SELECT queue_id FROM queue_member WHERE member_id = p_worker)
    SELECT s.id, s.step_type, s.subject_id, s.subject_name, s.title, s.state,
           (extract(epoch FROM s.received_at) * 1000)::bigint, (extract(epoch FROM s.due_at) * 1000)::bigint,
           coalesce(kw.name, ''), coalesce(s.source, ''), coalesce(sb.name, '')
    FROM me, work_step s
    LEFT JOIN worker kw ON kw.id = s.subject_key_worker
    LEFT JOIN worker sb ON sb.id = s.started_by
    WHERE s.state IN ('incoming', 'in_progress')
      AND (s.assignee_id IN (SELECT id FROM mine) OR s.started_by = p_worker)
      AND (NOT s.subject_restricted OR me.sees_all
           OR EXISTS (SELECT 1 FROM person_access a WHERE a.person_id = s.subject_id AND a.worker_id = me.id))
    ORDER BY s.state = 'in_progress', s.received_at, s.id
$$;
REVOKE EXECUTE ON FUNCTION current_work(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION current_work(integer)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin,
       cpis_exchange;
