-- Who may see what, enforced by PostgreSQL (DESIGN.md §5). Each person logs in as their own
-- role; group roles carry the permissions. Tables are read through row-level security and
-- written only through the functions in 0005, which check the caller's role and the rules.

-- Group roles are cluster-wide: create them once, whichever database migrates first.
DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['cpis_safeguarding_admin', 'cpis_key_worker', 'cpis_team_manager',
                             'cpis_sysadmin', 'cpis_exchange'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END $$;

-- Nobody gets anything by default.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager,
                                cpis_sysadmin, cpis_exchange;

-- The worker the session's login is, or NULL.
CREATE FUNCTION current_worker_id() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT id FROM worker WHERE login = session_user AND active
$$;

-- A restricted person is visible only to workers granted access.
CREATE FUNCTION person_is_visible(p_person bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT NOT p.restricted
           OR EXISTS (SELECT 1 FROM person_access a WHERE a.person_id = p.id AND a.worker_id = current_worker_id())
    FROM person p WHERE p.id = p_person
$$;

GRANT SELECT ON installation, team, worker, team_manager, queue_member, list_item, note_template,
                person, person_other_name, involvement, plan, work_step, request, next_action,
                case_note, alert
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin, cpis_exchange;
GRANT SELECT ON person_access TO cpis_sysadmin;
-- Who opened which record: for managers and administrators only.
GRANT SELECT ON audit TO cpis_team_manager, cpis_sysadmin;
GRANT SELECT ON schema_migrations TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager,
                                     cpis_sysadmin, cpis_exchange;

ALTER TABLE person ENABLE ROW LEVEL SECURITY;
CREATE POLICY person_visible ON person FOR SELECT USING (person_is_visible(id));

-- Everything about a person is as visible as the person.
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['person_other_name', 'involvement', 'plan', 'case_note', 'audit'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (person_is_visible(person_id))', t || '_visible', t);
    END LOOP;
END $$;
-- The audit rows with no person (configuration changes) are visible to those who may read audit.
DROP POLICY audit_visible ON audit;
CREATE POLICY audit_visible ON audit FOR SELECT USING (person_id IS NULL OR person_is_visible(person_id));

ALTER TABLE work_step ENABLE ROW LEVEL SECURITY;
CREATE POLICY work_step_visible ON work_step FOR SELECT USING (person_is_visible(subject_id));

ALTER TABLE request ENABLE ROW LEVEL SECURITY;
CREATE POLICY request_visible ON request FOR SELECT
    USING (person_is_visible((SELECT s.subject_id FROM work_step s WHERE s.id = step_id)));

ALTER TABLE next_action ENABLE ROW LEVEL SECURITY;
CREATE POLICY next_action_visible ON next_action FOR SELECT
    USING (person_is_visible((SELECT s.subject_id FROM work_step s WHERE s.id = step_id)));

ALTER TABLE alert ENABLE ROW LEVEL SECURITY;
CREATE POLICY alert_visible ON alert FOR SELECT USING (person_id IS NULL OR person_is_visible(person_id));
