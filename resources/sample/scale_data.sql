-- A large authority's caseload, made on the server for benchmarks and query-plan checks:
-- N children (N = the setting cpis.scale_children) on shared plans with key workers, ten
-- historic notifications per child, each a finished CPIS Follow Up step with its request
-- and (for A&E) the key worker's case note, audit rows for all of it, and up to 10,000 open
-- steps waiting for CP-IS Worker. Fictional: 999-range NHS numbers, invented names; the
-- historic messages carry a short stand-in body, not a real notification.
--
-- Loaded by the database owner after the sample data, in one transaction, a step at a time
-- (each starts with a "-- step:" line naming it, for progress). The loader runs it only when
-- no scale data is there yet.

-- step: colleagues: a key worker for about fifty children, twelve to a team
INSERT INTO team (name)
SELECT format('Scale Team %s', t) FROM generate_series(1, greatest(current_setting('cpis.scale_children')::int / 600, 1)) t;
-- Colleagues' rows only: they have no logins on this database.
INSERT INTO worker (name, login, team_id)
SELECT format('Scale Worker %s', w), format('scale.worker%s', w),
       (SELECT id FROM team WHERE name = format('Scale Team %s', 1 + w % greatest(current_setting('cpis.scale_children')::int / 600, 1)))
FROM generate_series(1, greatest(current_setting('cpis.scale_children')::int / 50, 1)) w;

-- step: children with NHS numbers, plans and key workers
-- Checked numbers the sample data does not use; one child in fifty has none yet.
INSERT INTO person (legal_forenames, legal_surname, gender, date_of_birth, nhs_number, nhs_number_status)
SELECT (ARRAY['Oliver', 'Amelia', 'Noah', 'Isla', 'Leo', 'Ava', 'Arthur', 'Mia', 'Muhammad', 'Freya'])[1 + g % 10],
       format('Scale-%s', g),
       CASE g % 3 WHEN 0 THEN 'Male' WHEN 1 THEN 'Female' ELSE 'Not known' END,
       current_date - (200 + g % 6000)::int,
       CASE WHEN g % 50 = 0 THEN NULL ELSE number END,
       CASE WHEN g % 50 = 0 THEN 'unknown' ELSE 'recorded' END
FROM (SELECT row_number() OVER (ORDER BY stem) AS g, stem || check_digit AS number
      FROM (SELECT stem, (11 - (SELECT sum(substr(stem, i, 1)::int * (11 - i)) FROM generate_series(1, 9) i) % 11) % 11 AS check_digit
            FROM (SELECT '999' || lpad(s::text, 6, '0') AS stem
                  FROM generate_series(1, current_setting('cpis.scale_children')::int * 12 / 10 + 20) s) stems) c
      WHERE check_digit < 10
        AND NOT EXISTS (SELECT 1 FROM person taken WHERE taken.nhs_number = stem || check_digit)) numbered
WHERE g <= current_setting('cpis.scale_children')::int;

-- Already shared with CP-IS, so the next upload is not the whole caseload: the trigger that
-- queues each new plan is set aside for this one statement (the table is locked meanwhile).
ALTER TABLE plan DISABLE TRIGGER plan_queues_upload;
INSERT INTO plan (person_id, kind, start_date)
SELECT p.id, (ARRAY['CPP', 'CPP', 'CPP', 'CPP', 'CPP', 'CPP', 'C2', 'C2', 'C1', 'V2'])[1 + p.id % 10],
       current_date - (p.id % 700)::int
FROM person p WHERE p.legal_surname LIKE 'Scale-%';
ALTER TABLE plan ENABLE TRIGGER plan_queues_upload;
INSERT INTO person_cpis_status (person_id, status, updated_at)
SELECT p.id, 'shared', now() - interval '30 days' FROM person p
WHERE p.legal_surname LIKE 'Scale-%' AND p.nhs_number IS NOT NULL;

INSERT INTO involvement (person_id, worker_id, role, started_on)
SELECT p.id, w.ids[1 + p.id % cardinality(w.ids)], 'Key Worker', current_date - (p.id % 700)::int
FROM person p, (SELECT array_agg(id ORDER BY id) AS ids FROM worker WHERE login LIKE 'scale.worker%') w
WHERE p.legal_surname LIKE 'Scale-%';

-- The statements below join what was just made: the planner must know how big it is.
ANALYZE team, worker, person, plan, involvement, person_cpis_status;

-- step: historic notifications, ten per child over three years
INSERT INTO inbound_message (origin, mesh_message_id, workflow_id, received_at, checksum, body, kind, status,
                             notification_id, outcome, processed_at)
SELECT 'mesh', format('SCALE-%s', h), 'CPIS_ACCESS_NOTIFICATION', t, md5(h::text),
       convert_to(format('<historic notification="SCALE-N-%s"/>', h), 'UTF8'), 'access_notification', 'processed',
       format('SCALE-N-%s', h), 'CPIS Follow Up step (historic).', t
FROM generate_series(1, current_setting('cpis.scale_children')::int * 10) h,
     LATERAL (SELECT now() - interval '3 days' - (h % 1095) * interval '1 day' - (h % 36000) * interval '1 second' AS t) x;

ANALYZE inbound_message;

-- step: their finished CPIS Follow Up steps
INSERT INTO work_step (subject_id, assignee_id, state, comments, source, received_at, due_at, started_by, started_at,
                       finished_by, finished_at, row_version, updated_by, updated_at, inbound_message_id)
SELECT kids.ids[1 + m.id % cardinality(kids.ids)], queue.id, 'finished',
       'CP-IS notification: the child''s record was accessed by a health professional (historic).',
       CASE WHEN m.id % 3 = 0 THEN 'dhu_111' ELSE 'ae' END, m.received_at, m.received_at + interval '1 day',
       admin.id, m.received_at + interval '2 hours', admin.id, m.received_at + interval '3 hours', 3,
       admin.id, m.received_at + interval '3 hours', m.id
FROM inbound_message m,
     (SELECT array_agg(id ORDER BY id) AS ids FROM person WHERE legal_surname LIKE 'Scale-%') kids,
     (SELECT id FROM worker WHERE is_virtual AND name = 'CP-IS Worker') queue,
     (SELECT id FROM worker WHERE login = 'sam.admin') admin
WHERE m.mesh_message_id LIKE 'SCALE-%';

ANALYZE work_step;

-- step: requests to key workers (the last week's still waiting) and case notes
INSERT INTO request (step_id, request_type, recipient_id, note, source, case_note_expected, state, created_by,
                     created_at, sent_at, acknowledged_by, acknowledged_at)
SELECT s.id, 'CS Notification to Allocated Worker - CPIS Follow Up', i.worker_id,
       'CP-IS notification for your information: please review and record any action taken.', s.source,
       CASE s.source WHEN 'dhu_111' THEN 'on_concern' ELSE 'required' END,
       CASE WHEN s.received_at > now() - interval '6 days' THEN 'sent' ELSE 'acknowledged' END,
       s.started_by, s.started_at, s.finished_at,
       CASE WHEN s.received_at > now() - interval '6 days' THEN NULL ELSE i.worker_id END,
       CASE WHEN s.received_at > now() - interval '6 days' THEN NULL ELSE s.finished_at + interval '1 day' END
FROM work_step s
JOIN involvement i ON i.person_id = s.subject_id AND i.role = 'Key Worker' AND i.ended_on IS NULL
WHERE s.inbound_message_id IS NOT NULL AND s.comments LIKE '%(historic).';

INSERT INTO case_note (person_id, note_type, author_id, contact_date, body, state, request_id, created_at, finalised_at)
SELECT s.subject_id, 'CP-IS Follow Up', r.recipient_id, (r.acknowledged_at AT TIME ZONE 'Europe/London')::date,
       'Spoke to the family and the school following the CP-IS notification; no further concerns.', 'final', r.id,
       r.acknowledged_at, r.acknowledged_at
FROM request r JOIN work_step s ON s.id = r.step_id
WHERE r.state = 'acknowledged' AND r.case_note_expected = 'required' AND s.comments LIKE '%(historic).';

ANALYZE request, case_note;

-- step: audit rows for all of it
INSERT INTO audit (at, login, worker_id, action, person_id, details)
SELECT e.at, e.login, e.worker_id, e.action, s.subject_id, jsonb_build_object('step', s.id)
FROM work_step s
CROSS JOIN LATERAL (VALUES (s.received_at, 'cpis_exchange'::name, NULL::integer, 'step.created'),
                           (s.started_at, 'sam.admin'::name, s.started_by, 'step.started'),
                           (s.finished_at, 'sam.admin'::name, s.finished_by, 'step.finished')) e(at, login, worker_id, action)
WHERE s.comments LIKE '%(historic).';
INSERT INTO audit (at, login, worker_id, action, person_id, details)
SELECT r.acknowledged_at, w.login, r.acknowledged_by, 'request.acknowledged', s.subject_id,
       jsonb_build_object('request', r.id)
FROM request r JOIN work_step s ON s.id = r.step_id JOIN worker w ON w.id = r.acknowledged_by
WHERE r.state = 'acknowledged' AND s.comments LIKE '%(historic).';

-- step: the open work: CPIS Follow Up steps waiting for CP-IS Worker
SELECT count(*) FROM _create_follow_up_steps(ARRAY(
    SELECT ROW(kids.ids[1 + g * 7919 % cardinality(kids.ids)],
               'CP-IS notification: the child''s record was accessed by a health professional.',
               CASE WHEN g % 3 = 0 THEN 'dhu_111' ELSE 'ae' END,
               now() - g * interval '23 seconds', NULL, NULL)::new_follow_up_step
    FROM (SELECT array_agg(id ORDER BY id) AS ids FROM person WHERE legal_surname LIKE 'Scale-%') kids,
         generate_series(1, least(10000, greatest(current_setting('cpis.scale_children')::int / 10, 1))) g));

-- step: statistics for the planner
ANALYZE;
