-- What queues a child for upload to CP-IS (trigger functions; the triggers are in 0007), and
-- plans recorded in error, which CP-IS is told to delete.
-- The current definition of each function; see ORDER for the rules of this folder.

-- The child goes to CP-IS at the next exchange. DO UPDATE, not DO NOTHING: it waits while an
-- upload being built holds the row, so a change made meanwhile is queued again rather than
-- lost with the deleted row.
-- PL/pgSQL, not SQL: the plan trigger calls it for each plan a records import starts, and
-- PL/pgSQL keeps the two statements' plans where SQL would start an executor for each call.
CREATE OR REPLACE FUNCTION _queue_upload(p_person bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    INSERT INTO upload_pending (person_id) VALUES (p_person)
    ON CONFLICT (person_id) DO UPDATE SET queued_at = now();
    INSERT INTO person_cpis_status (person_id, status) VALUES (p_person, 'awaiting_upload')
    ON CONFLICT (person_id) DO UPDATE SET status = 'awaiting_upload', reason = NULL, updated_at = now();
END $$;
REVOKE EXECUTE ON FUNCTION _queue_upload(bigint) FROM PUBLIC;

-- CP-IS ends a child's record at 18: from the 18th birthday (in England) no plan of theirs is
-- sent, and neither the uploads nor the data-quality lists count them as problems.
CREATE OR REPLACE FUNCTION cpis_ended_at_18(p_date_of_birth date) RETURNS boolean
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT p_date_of_birth IS NOT NULL
       AND p_date_of_birth <= ((now() AT TIME ZONE 'Europe/London')::date - interval '18 years')::date
$$;
REVOKE EXECUTE ON FUNCTION cpis_ended_at_18(date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cpis_ended_at_18(date)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin,
       cpis_exchange;

-- A shared plan started, changed, ended or recorded in error queues the child (for an unborn
-- child's plan, the same: the record carries the mother's number).
CREATE OR REPLACE FUNCTION _plan_queues_upload() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    p plan := CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
BEGIN
    IF p.kind = ANY (string_to_array((SELECT value FROM config WHERE key = 'cpis.shared_plans'), ',')) THEN
        PERFORM _queue_upload(p.person_id);
    END IF;
    RETURN NULL;
END $$;
REVOKE EXECUTE ON FUNCTION _plan_queues_upload() FROM PUBLIC;

-- A corrected NHS number, name or date of birth is sent again, and so is an expected date of
-- delivery (an unborn child's plan carries it as its end). A mother's record is what CP-IS
-- holds for each of her unborn children (their uploads carry her NHS number, name and date
-- of birth), so a change to hers queues them too, when they are on a shared plan.
CREATE OR REPLACE FUNCTION _person_queues_upload() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    shared text[] := string_to_array((SELECT value FROM config WHERE key = 'cpis.shared_plans'), ',');
    affected bigint;
BEGIN
    FOR affected IN
        SELECT p.id FROM person p
        WHERE (p.id = NEW.id OR (p.mother_id = NEW.id AND p.date_of_birth IS NULL))
          AND EXISTS (SELECT 1 FROM plan pl WHERE pl.person_id = p.id AND pl.kind = ANY (shared))
        ORDER BY p.id
    LOOP
        PERFORM _queue_upload(affected);
    END LOOP;
    RETURN NULL;
END $$;
REVOKE EXECUTE ON FUNCTION _person_queues_upload() FROM PUBLIC;

-- A plan that was a mistake. It stays in the history, marked, is never again shown as
-- current or sent as a plan, and the next upload sends it with a delete date so that CP-IS
-- removes the flag (UploadBuilder), until CP-IS has accepted that deletion.
-- Those who may record the child do it, and system administrators (people.sql), from the
-- child's record at p_version (the record's row version), which it raises like every other
-- records action.
CREATE OR REPLACE FUNCTION record_plan_in_error(p_plan bigint, p_version integer, p_reason text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_reason text := btrim(coalesce(p_reason, ''));
    target plan;
    child person;
BEGIN
    PERFORM _require_worker();
    SELECT * INTO target FROM plan WHERE id = p_plan FOR UPDATE;
    IF NOT FOUND OR NOT person_is_visible(target.person_id) THEN
        RAISE EXCEPTION 'There is no plan %.', p_plan USING ERRCODE = 'CPNF1';
    END IF;
    PERFORM _require_may_record_plan_in_error(target.person_id);
    IF _may_record(target.person_id) THEN
        PERFORM _person_to_change(target.person_id, p_version, 'record a plan in error');
    ELSE -- a system administrator, who may not otherwise change the record: the version alone
        SELECT * INTO child FROM person WHERE id = target.person_id FOR UPDATE;
        PERFORM _check_person_version(child, p_version);
    END IF;
    IF target.recorded_in_error_at IS NOT NULL THEN
        PERFORM _invalid('plan', format('Plan %s was already recorded in error on %s by %s.', p_plan,
                         to_char(target.recorded_in_error_at AT TIME ZONE 'Europe/London', 'DD/MM/YYYY HH24:MI'),
                         target.recorded_in_error_by));
    END IF;
    IF v_reason = '' THEN
        PERFORM _invalid('reason', 'Say why the plan was recorded in error: CP-IS is told to remove it.');
    END IF;
    PERFORM _check_text('reason', 'The reason', v_reason, 1000, 'many');
    UPDATE plan SET recorded_in_error_at = now(), recorded_in_error_by = session_user,
                    recorded_in_error_reason = v_reason
    WHERE id = p_plan;
    -- The trigger queues a plan of a shared kind; one sent before under another setting goes too.
    IF EXISTS (SELECT 1 FROM upload_plan WHERE plan_id = p_plan) THEN
        PERFORM _queue_upload(target.person_id);
    END IF;
    PERFORM _notify('plan', p_plan);
    RETURN _person_changed(target.person_id, 'plan.recorded_in_error',
                           jsonb_build_object('plan', p_plan, 'kind', target.kind, 'reason', v_reason));
END $$;
REVOKE EXECUTE ON FUNCTION record_plan_in_error(bigint, integer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION record_plan_in_error(bigint, integer, text)
    TO cpis_key_worker, cpis_team_manager, cpis_sysadmin, cpis_records_officer;
