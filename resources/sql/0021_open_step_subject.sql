-- The workview lists every open step with its child's name and current key worker. Joined when
-- read, that was nine tenths of current_work() on 100,000 children: a hash of every key-worker
-- involvement and 10,000 person lookups, 150 ms of a 150 ms budget. Open steps now carry what
-- the list shows of their child, kept up to date by the triggers below; finished steps keep
-- what they had, and nothing but the workview reads these columns.
ALTER TABLE work_step
    ADD COLUMN subject_name text,
    ADD COLUMN subject_restricted boolean,
    ADD COLUMN subject_key_worker integer;

CREATE FUNCTION _open_step_is(p_state text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$ SELECT p_state IN ('incoming', 'in_progress') $$;

-- A step that opens or changes child takes the child's name, restriction and key worker.
CREATE FUNCTION _work_step_takes_subject() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    SELECT p.legal_forenames || ' ' || p.legal_surname, p.restricted, i.worker_id
    INTO NEW.subject_name, NEW.subject_restricted, NEW.subject_key_worker
    FROM person p
    LEFT JOIN involvement i ON i.person_id = p.id AND i.role = 'Key Worker' AND i.ended_on IS NULL
    WHERE p.id = NEW.subject_id;
    RETURN NEW;
END $$;
CREATE TRIGGER work_step_takes_subject BEFORE INSERT ON work_step FOR EACH ROW
    WHEN (_open_step_is(NEW.state)) EXECUTE FUNCTION _work_step_takes_subject();
CREATE TRIGGER work_step_retakes_subject BEFORE UPDATE OF subject_id, state ON work_step FOR EACH ROW
    WHEN (_open_step_is(NEW.state)
          AND (NEW.subject_id <> OLD.subject_id OR NOT _open_step_is(OLD.state)))
    EXECUTE FUNCTION _work_step_takes_subject();

-- A child renamed or restricted: their open steps say so at once.
CREATE FUNCTION _person_updates_open_steps() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    UPDATE work_step SET subject_name = NEW.legal_forenames || ' ' || NEW.legal_surname,
                         subject_restricted = NEW.restricted
    WHERE subject_id = NEW.id AND _open_step_is(state);
    RETURN NULL;
END $$;
CREATE TRIGGER person_updates_open_steps AFTER UPDATE OF legal_forenames, legal_surname, restricted
    ON person FOR EACH ROW
    WHEN (OLD.legal_forenames IS DISTINCT FROM NEW.legal_forenames
          OR OLD.legal_surname IS DISTINCT FROM NEW.legal_surname
          OR OLD.restricted IS DISTINCT FROM NEW.restricted)
    EXECUTE FUNCTION _person_updates_open_steps();

-- A key worker starts, ends or changes: the open steps of each child concerned follow.
-- (OLD is NULL for an insert, NEW for a delete.)
CREATE FUNCTION _involvement_updates_open_steps() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    UPDATE work_step s
    SET subject_key_worker = (SELECT i.worker_id FROM involvement i
                              WHERE i.person_id = s.subject_id AND i.role = 'Key Worker'
                                AND i.ended_on IS NULL)
    WHERE s.subject_id IN (OLD.person_id, NEW.person_id) AND _open_step_is(s.state);
    RETURN NULL;
END $$;
CREATE TRIGGER involvement_updates_open_steps AFTER INSERT OR UPDATE OR DELETE ON involvement
    FOR EACH ROW EXECUTE FUNCTION _involvement_updates_open_steps();

REVOKE EXECUTE ON FUNCTION _work_step_takes_subject(), _person_updates_open_steps(),
    _involvement_updates_open_steps() FROM PUBLIC;

-- The steps open now.
UPDATE work_step s
SET subject_name = p.legal_forenames || ' ' || p.legal_surname, subject_restricted = p.restricted,
    subject_key_worker = i.worker_id
FROM person p
LEFT JOIN involvement i ON i.person_id = p.id AND i.role = 'Key Worker' AND i.ended_on IS NULL
WHERE p.id = s.subject_id AND _open_step_is(s.state);

-- The same list and checks as 0009's, from the step alone.
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
