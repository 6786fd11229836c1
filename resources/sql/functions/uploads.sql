-- What queues a child for upload to CP-IS (trigger functions; the triggers are in 0007).
-- The current definition of each function; see ORDER for the rules of this folder.

-- A shared plan started, changed or ended queues the child (for an unborn child's plan,
-- the same: the record carries the mother's number).
CREATE OR REPLACE FUNCTION _plan_queues_upload() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    p plan := CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
BEGIN
    IF p.kind = ANY (string_to_array((SELECT value FROM config WHERE key = 'cpis.shared_plans'), ',')) THEN
        -- DO UPDATE, not DO NOTHING: it waits while an upload being built holds the row, so
        -- a change made meanwhile is queued again rather than lost with the deleted row.
        INSERT INTO upload_pending (person_id) VALUES (p.person_id)
        ON CONFLICT (person_id) DO UPDATE SET queued_at = now();
        INSERT INTO person_cpis_status (person_id, status) VALUES (p.person_id, 'awaiting_upload')
        ON CONFLICT (person_id) DO UPDATE SET status = 'awaiting_upload', reason = NULL, updated_at = now();
    END IF;
    RETURN NULL;
END $$;
REVOKE EXECUTE ON FUNCTION _plan_queues_upload() FROM PUBLIC;

-- A corrected NHS number, name or date of birth is sent again.
CREATE OR REPLACE FUNCTION _person_queues_upload() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM plan WHERE person_id = NEW.id
               AND kind = ANY (string_to_array((SELECT value FROM config WHERE key = 'cpis.shared_plans'), ','))) THEN
        INSERT INTO upload_pending (person_id) VALUES (NEW.id) ON CONFLICT (person_id) DO UPDATE SET queued_at = now();
        INSERT INTO person_cpis_status (person_id, status) VALUES (NEW.id, 'awaiting_upload')
        ON CONFLICT (person_id) DO UPDATE SET status = 'awaiting_upload', reason = NULL, updated_at = now();
    END IF;
    RETURN NULL;
END $$;
REVOKE EXECUTE ON FUNCTION _person_queues_upload() FROM PUBLIC;
