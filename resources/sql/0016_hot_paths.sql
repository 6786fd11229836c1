-- What the hot paths needed on a large caseload, found with the scale data by the query-plan
-- test (tests/workflow/query_plan_test.cpp) and bench_casework.

-- The person record lists every involvement, past ones too; only current key workers and a
-- worker's current cases had an index.
CREATE INDEX involvement_person ON involvement (person_id);

-- A key worker's incoming requests checked "has a finished case note?" by reading every
-- finished case note into a hash (the planner expects 500 requests a worker): 34 ms for four
-- requests on 10,000 children, growing with the caseload. Asked per request, it is an index
-- probe each.
CREATE OR REPLACE FUNCTION incoming_requests(p_worker integer)
RETURNS TABLE (request_id bigint, step_id bigint, subject_id bigint, subject_name text, request_type text,
               step_title text, note text, sent_at timestamptz, state text, case_note_expected text,
               awaiting_case_note boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH me AS (SELECT current_worker_id() AS id, pg_has_role(session_user, 'cpis_exchange', 'MEMBER') AS sees_all),
         requests AS (
             SELECT r.*, r.case_note_expected = 'required' AND noted.request_id IS NULL AS awaiting
             FROM request r
             LEFT JOIN LATERAL (SELECT n.request_id FROM case_note n
                                WHERE n.request_id = r.id AND n.state = 'final' LIMIT 1) noted ON true
             WHERE r.recipient_id = p_worker AND r.state IN ('sent', 'acknowledged'))
    SELECT r.id, r.step_id, s.subject_id, p.legal_forenames || ' ' || p.legal_surname, r.request_type, s.title,
           r.note, r.sent_at, r.state, r.case_note_expected, r.awaiting
    FROM me, requests r
    JOIN work_step s ON s.id = r.step_id
    JOIN person p ON p.id = s.subject_id
    WHERE (r.state = 'sent' OR r.awaiting)
      AND (NOT p.restricted OR me.sees_all
           OR EXISTS (SELECT 1 FROM person_access a WHERE a.person_id = p.id AND a.worker_id = me.id))
    ORDER BY r.sent_at DESC, r.id DESC
$$;

-- JIT compilation costs more than it saves in the workview's query, whose cost estimate
-- passes the threshold on a large caseload: 28 ms with it, 19 ms without, for 2,000 open
-- steps on 20,000 children.
ALTER FUNCTION current_work(integer) SET jit = off;

-- Not a hot path, but a refusal everyone sees: 'Only %s can' gave "Only key workerss can".
CREATE OR REPLACE FUNCTION _require_role(p_role name, p_what text) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT pg_has_role(session_user, p_role, 'MEMBER') THEN
        RAISE EXCEPTION 'Only % can %.', CASE p_role
                WHEN 'cpis_safeguarding_admin' THEN 'Safeguarding Admin'
                WHEN 'cpis_key_worker' THEN 'key workers'
                WHEN 'cpis_team_manager' THEN 'team managers'
                WHEN 'cpis_sysadmin' THEN 'system administrators'
                WHEN 'cpis_exchange' THEN 'the CP-IS exchange'
                ELSE p_role END, p_what
            USING ERRCODE = '42501';
    END IF;
END $$;
