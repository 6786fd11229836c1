-- Trigger functions that guard tables or keep them in step (the CREATE TRIGGER lines stay
-- in the migrations: they are table structure).
-- The current definition of each function; see ORDER for the rules of this folder.

-- A finished case note is never changed, only followed by another.
CREATE OR REPLACE FUNCTION case_note_final_is_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.state = 'final' THEN
        RAISE EXCEPTION 'A finished case note cannot be changed; add a new note instead.'
            USING ERRCODE = 'CPFR1';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END $$;
REVOKE EXECUTE ON FUNCTION case_note_final_is_frozen() FROM PUBLIC;

CREATE OR REPLACE FUNCTION audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'The audit trail cannot be changed or deleted.' USING ERRCODE = 'CPAU1';
END $$;
REVOKE EXECUTE ON FUNCTION audit_is_append_only() FROM PUBLIC;

CREATE OR REPLACE FUNCTION _open_step_is(p_state text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$ SELECT p_state IN ('incoming', 'in_progress') $$;
-- Every role may call it (never revoked from PUBLIC).

-- A step that opens or changes child takes the child's name, restriction and key worker.
CREATE OR REPLACE FUNCTION _work_step_takes_subject() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    SELECT p.legal_forenames || ' ' || p.legal_surname, p.restricted, i.worker_id
    INTO NEW.subject_name, NEW.subject_restricted, NEW.subject_key_worker
    FROM person p
    LEFT JOIN involvement i ON i.person_id = p.id AND i.role = 'Key Worker' AND i.ended_on IS NULL
    WHERE p.id = NEW.subject_id;
    RETURN NEW;
END $$;
REVOKE EXECUTE ON FUNCTION _work_step_takes_subject() FROM PUBLIC;

-- A child renamed or restricted: their open steps say so at once.
CREATE OR REPLACE FUNCTION _person_updates_open_steps() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    UPDATE work_step SET subject_name = NEW.legal_forenames || ' ' || NEW.legal_surname,
                         subject_restricted = NEW.restricted
    WHERE subject_id = NEW.id AND _open_step_is(state);
    RETURN NULL;
END $$;
REVOKE EXECUTE ON FUNCTION _person_updates_open_steps() FROM PUBLIC;

-- A key worker starts, ends or changes: the open steps of each child concerned follow.
-- (OLD is NULL for an insert, NEW for a delete.)
CREATE OR REPLACE FUNCTION _involvement_updates_open_steps() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    UPDATE work_step s
    SET subject_key_worker = (SELECT i.worker_id FROM involvement i
                              WHERE i.person_id = s.subject_id AND i.role = 'Key Worker'
                                AND i.ended_on IS NULL)
    WHERE s.subject_id IN (OLD.person_id, NEW.person_id) AND _open_step_is(s.state);
    RETURN NULL;
END $$;
REVOKE EXECUTE ON FUNCTION _involvement_updates_open_steps() FROM PUBLIC;
