-- The exchange service and its monitor: runs requested, started, finished; the MESH inbox.
-- The current definition of each function; see ORDER for the rules of this folder.

-- Records the request (audited) and wakes the exchange service; a request still waiting is
-- returned instead of adding a second one.
CREATE OR REPLACE FUNCTION request_exchange() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE rid bigint;
BEGIN
    PERFORM _require_role('cpis_sysadmin', 'ask for an exchange now');
    SELECT id INTO rid FROM exchange_request WHERE run_id IS NULL ORDER BY id LIMIT 1;
    IF rid IS NULL THEN
        INSERT INTO exchange_request (requested_by) VALUES (current_worker_id()) RETURNING id INTO rid;
        PERFORM _audit('exchange.requested', NULL, jsonb_build_object('request', rid));
    END IF;
    PERFORM _notify('exchange_request', rid);
    RETURN rid;
END $$;
REVOKE EXECUTE ON FUNCTION request_exchange() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION request_exchange() TO cpis_sysadmin;

-- The exchange, when a run starts: every waiting request is answered by this run.
CREATE OR REPLACE FUNCTION answer_exchange_requests(p_run bigint) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE n integer;
BEGIN
    PERFORM _require_role('cpis_exchange', 'answer exchange requests');
    UPDATE exchange_request SET run_id = p_run, picked_up_at = now() WHERE run_id IS NULL;
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM _notify('exchange', p_run);
    RETURN n;
END $$;
REVOKE EXECUTE ON FUNCTION answer_exchange_requests(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION answer_exchange_requests(bigint) TO cpis_exchange;

-- The exchange, when a run finishes: open monitors show the result.
CREATE OR REPLACE FUNCTION exchange_run_finished(p_run bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM _require_role('cpis_exchange', 'report exchange runs');
    PERFORM _notify('exchange', p_run);
END $$;
REVOKE EXECUTE ON FUNCTION exchange_run_finished(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION exchange_run_finished(bigint) TO cpis_exchange;

-- The exchange, after listing the inbox (p_listing: [{"id": ..., "delivered_at": ... or null}]):
-- remembers what is waiting, forgets what has gone, and alerts the CP-IS administrators once
-- (not again while that alert is unacknowledged) when a message has waited over four days
-- (about to expire) or over a day (the inbox is not being emptied). Returns the alert's type,
-- or NULL when there is nothing to say.
CREATE OR REPLACE FUNCTION check_mesh_inbox(p_listing jsonb) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    oldest timestamptz;
    waiting integer;
    kind text;
    listed text[];
BEGIN
    PERFORM _require_role('cpis_exchange', 'check the MESH inbox');
    IF jsonb_typeof(coalesce(p_listing, '[]')) <> 'array' THEN
        PERFORM _invalid('listing', 'The inbox listing must be a JSON array.');
    END IF;
    listed := ARRAY(SELECT e ->> 'id' FROM jsonb_array_elements(coalesce(p_listing, '[]')) AS e);
    DELETE FROM mesh_inbox_seen WHERE mesh_message_id <> ALL (listed);
    INSERT INTO mesh_inbox_seen (mesh_message_id, delivered_at)
    SELECT e ->> 'id', (e ->> 'delivered_at')::timestamptz
    FROM jsonb_array_elements(coalesce(p_listing, '[]')) AS e
    WHERE coalesce(e ->> 'id', '') <> ''
    ON CONFLICT (mesh_message_id) DO NOTHING;
    SELECT min(coalesce(delivered_at, first_listed_at)), count(*) INTO oldest, waiting FROM mesh_inbox_seen;
    IF oldest IS NULL OR oldest > now() - interval '1 day' THEN
        RETURN NULL;
    END IF;
    kind := CASE WHEN oldest < now() - interval '4 days' THEN 'CP-IS messages about to expire'
                 ELSE 'CP-IS inbox not emptied' END;
    IF EXISTS (SELECT 1 FROM alert WHERE alert_type = kind AND acknowledged_at IS NULL AND raised_by_system) THEN
        RETURN NULL;
    END IF;
    PERFORM raise_cpis_alert(kind, NULL,
        CASE WHEN kind = 'CP-IS messages about to expire' THEN
            format('%s message(s) in the MESH inbox, the oldest waiting since %s. MESH deletes messages '
                   'not collected within five days: check that the exchange collects them today.',
                   waiting, to_char(oldest AT TIME ZONE 'Europe/London', 'DD/MM/YYYY HH24:MI'))
        ELSE
            format('The MESH inbox has not been emptied for over a day: %s message(s) waiting, the oldest '
                   'since %s. Check the exchange monitor for failed exchanges.',
                   waiting, to_char(oldest AT TIME ZONE 'Europe/London', 'DD/MM/YYYY HH24:MI'))
        END);
    RETURN kind;
END $$;
REVOKE EXECUTE ON FUNCTION check_mesh_inbox(jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION check_mesh_inbox(jsonb) TO cpis_exchange;

-- The exchange, once a message is stored and acknowledged: it has left the inbox.
CREATE OR REPLACE FUNCTION mesh_inbox_collected(p_id text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM _require_role('cpis_exchange', 'collect MESH messages');
    DELETE FROM mesh_inbox_seen WHERE mesh_message_id = p_id;
END $$;
REVOKE EXECUTE ON FUNCTION mesh_inbox_collected(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mesh_inbox_collected(text) TO cpis_exchange;

-- The one rule for "the exchange has stalled", used by every client's workview, by
-- `cpisctl exchange --check` and by the exchange's own stalled alert: the exchange is stalled
-- when it is set up (MESH has an address, or it has run before) and no run has collected the
-- inbox (listed it, stored what it could and processed what was stored; a run that went well
-- did) since the last scheduled time (exchange.times, Europe/London) that is more than a
-- margin (30 minutes: a run takes minutes, not half an hour) before now. A run whose uploads
-- failed but that collected the inbox is not stalled: notifications still arrive, and
-- uploads_failing says the other part (the latest finished run could not send an upload).
-- It reads only the database's own record of runs, so it answers while the service is down.
-- checked_at: the database's now; missed_run: that last scheduled time (NULL when not stalled);
-- next_run: the next scheduled time after now; last_success: the last run that collected.
CREATE OR REPLACE FUNCTION exchange_health(p_now timestamptz DEFAULT now())
RETURNS TABLE (configured boolean, last_success timestamptz, missed_run timestamptz,
               next_run timestamptz, stalled boolean, checked_at timestamptz,
               uploads_failing boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    margin constant interval := interval '30 minutes';
    schedule timestamptz[];
    due timestamptz;
BEGIN
    IF NOT _has_any_role('cpis_safeguarding_admin', 'cpis_sysadmin', 'cpis_exchange') THEN
        RAISE EXCEPTION 'Only Safeguarding Admin, system administrators and the CP-IS exchange can see how the exchange is doing.'
            USING ERRCODE = '42501';
    END IF;
    -- Yesterday's, today's and tomorrow's runs: one of each time of day (checked when saved).
    schedule := ARRAY(
        SELECT ((p_now AT TIME ZONE 'Europe/London')::date + d + btrim(t)::time) AT TIME ZONE 'Europe/London'
        FROM unnest(string_to_array((SELECT value FROM config WHERE key = 'exchange.times'), ',')) AS t,
             generate_series(-1, 1) AS d
        WHERE btrim(t) <> ''
        ORDER BY 1);
    configured := EXISTS (SELECT 1 FROM config WHERE key = 'mesh.url' AND value <> '')
                  OR EXISTS (SELECT 1 FROM exchange_run);
    last_success := (SELECT max(r.finished_at) FROM exchange_run r
                     WHERE r.status = 'ok' OR r.inbox_collected);
    uploads_failing := coalesce((SELECT r.uploads_failed FROM exchange_run r
                                 WHERE r.finished_at IS NOT NULL AND r.finished_at <= p_now
                                 ORDER BY r.finished_at DESC, r.id DESC LIMIT 1), false);
    due := (SELECT max(s) FROM unnest(schedule) AS s WHERE s <= p_now - margin);
    next_run := (SELECT min(s) FROM unnest(schedule) AS s WHERE s > p_now);
    stalled := configured AND due IS NOT NULL AND (last_success IS NULL OR last_success < due);
    missed_run := CASE WHEN stalled THEN due END;
    checked_at := p_now;
    RETURN NEXT;
END $$;
REVOKE EXECUTE ON FUNCTION exchange_health(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION exchange_health(timestamptz) TO cpis_safeguarding_admin, cpis_sysadmin, cpis_exchange;

-- The exchange's own alert when it has stalled (exchange_health's rule): once, and not again
-- while that alert is unacknowledged. MESH deletes what is not collected within five days.
-- Returns the alert's id, or NULL when there is nothing to say.
CREATE OR REPLACE FUNCTION alert_if_exchange_stalled() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE h record;
BEGIN
    PERFORM _require_role('cpis_exchange', 'report a stalled exchange');
    SELECT * INTO h FROM exchange_health();
    IF NOT h.stalled OR EXISTS (SELECT 1 FROM alert WHERE alert_type = 'CP-IS exchange stalled' AND acknowledged_at IS NULL
                                    AND raised_by_system) THEN
        RETURN NULL;
    END IF;
    RETURN raise_cpis_alert('CP-IS exchange stalled', NULL,
        'The CP-IS exchange has not completed since ' ||
        coalesce(to_char(h.last_success AT TIME ZONE 'Europe/London', 'DD/MM/YYYY HH24:MI'), 'it was set up') ||
        format('; the run at %s has not succeeded. ',
               to_char(h.missed_run AT TIME ZONE 'Europe/London', 'DD/MM/YYYY HH24:MI')) ||
        'MESH deletes messages that are not collected within five days.');
END $$;
REVOKE EXECUTE ON FUNCTION alert_if_exchange_stalled() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION alert_if_exchange_stalled() TO cpis_exchange;

-- The monitor's messages: the most recent p_limit (p_held false), or every one waiting for a
-- person, oldest first (p_held: quarantined, or received and left waiting with a reason).
-- Every message is listed, its texts masked (_masked_children) for the children the caller may
-- not see, so that the monitor shows no more than it should; plain SQL on inbound_message
-- shows no row about such a child at all (migration 0029). restricted: whether any was masked.
CREATE OR REPLACE FUNCTION exchange_monitor_messages(p_limit integer, p_held boolean)
RETURNS TABLE (id bigint, received_at timestamptz, kind text, status text, reason text, outcome text,
               file_name text, resolved_note text, restricted boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM _require_role('cpis_sysadmin', 'see the exchange monitor');
    RETURN QUERY
    WITH chosen AS (
        SELECT m.*, coalesce(m.subjects, inbound_message_subjects(m.body)) AS named
        FROM inbound_message m
        WHERE NOT p_held OR m.status = 'quarantined' OR (m.status = 'received' AND m.reason IS NOT NULL)
        ORDER BY CASE WHEN p_held THEN m.id END, m.received_at DESC, m.id DESC
        LIMIT CASE WHEN p_held THEN NULL ELSE p_limit END)
    SELECT c.id, c.received_at, coalesce(c.kind, ''), c.status,
           coalesce(_masked_children(c.reason, c.hidden), ''), coalesce(_masked_children(c.outcome, c.hidden), ''),
           coalesce(c.file_name, ''), coalesce(_masked_children(c.resolved_note, c.hidden), ''),
           c.hidden <> '{}'
    FROM (SELECT x.*, ARRAY(SELECT n FROM unnest(x.named) AS n WHERE NOT person_is_visible(n)) AS hidden
          FROM chosen x) c
    ORDER BY CASE WHEN p_held THEN c.id END, c.received_at DESC, c.id DESC;
END $$;
REVOKE EXECUTE ON FUNCTION exchange_monitor_messages(integer, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION exchange_monitor_messages(integer, boolean) TO cpis_sysadmin;

-- The monitor's upload files, newest first: a file is visible whole (never its body), and the
-- count of records CP-IS refused counts every child in it, whoever may see them.
CREATE OR REPLACE FUNCTION exchange_monitor_uploads(p_limit integer)
RETURNS TABLE (sequence_number bigint, created_at timestamptz, sent_at timestamptz, status text,
               record_count integer, rejected bigint, file_code text, detail text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM _require_role('cpis_sysadmin', 'see the exchange monitor');
    RETURN QUERY
    SELECT f.sequence_number, f.created_at, f.sent_at, f.status, f.record_count,
           (SELECT count(*) FROM upload_record r WHERE r.file_id = f.id
            AND r.outcome_code IS NOT NULL AND r.outcome_code <> 'CPR06'),
           coalesce(f.file_code, ''), coalesce(f.detail, '')
    FROM upload_file f ORDER BY f.sequence_number DESC LIMIT p_limit;
END $$;
REVOKE EXECUTE ON FUNCTION exchange_monitor_uploads(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION exchange_monitor_uploads(integer) TO cpis_sysadmin;
