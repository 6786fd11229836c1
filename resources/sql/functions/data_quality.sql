-- Data-quality charts and notification statistics for the dashboard.
-- The current definition of each function; see ORDER for the rules of this folder.

-- The legal name CP-IS holds for each of p_people: the one in the last upload record it
-- accepted (CPR06, set when the acknowledgement comes), not the last one built, so that a
-- changed name stays flagged until CP-IS has taken the new one. None for a child CP-IS has
-- never accepted.
CREATE OR REPLACE FUNCTION _names_held_by_cpis(p_people bigint[])
RETURNS TABLE (person_id bigint, forenames text, surname text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT DISTINCT ON (r.person_id) r.person_id, r.forenames, r.surname
    FROM upload_record r WHERE r.person_id = ANY (p_people) AND r.outcome_code = 'CPR06'
    ORDER BY r.person_id, r.id DESC
$$;
REVOKE EXECUTE ON FUNCTION _names_held_by_cpis(bigint[]) FROM PUBLIC;

-- For the person record: the name CP-IS holds when the legal name has changed since (NULL
-- when it is the same, or CP-IS holds none).
CREATE OR REPLACE FUNCTION person_name_held_by_cpis(p_person bigint) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT h.forenames || ' ' || h.surname
    FROM _names_held_by_cpis(ARRAY[p_person]) h JOIN person p ON p.id = h.person_id
    WHERE person_is_visible(p.id)
      AND (h.forenames, h.surname) IS DISTINCT FROM (p.legal_forenames, p.legal_surname)
$$;
REVOKE EXECUTE ON FUNCTION person_name_held_by_cpis(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION person_name_held_by_cpis(bigint)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin, cpis_records_officer;

-- Every problem of every in-scope child (on a current shared plan not recorded in error, and
-- under 18: CP-IS ends a record at 18), restricted ones included: the callers below decide
-- what the session may see. Not granted to anyone.
CREATE OR REPLACE FUNCTION _data_quality_problems()
RETURNS TABLE (list text, person_id bigint, name text, nhs_number text, detail text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH shared AS (SELECT string_to_array(config_value('cpis.shared_plans'), ',') AS kinds),
    scope AS (
        SELECT DISTINCT p.* FROM person p JOIN plan pl ON pl.person_id = p.id, shared
        WHERE pl.kind = ANY (shared.kinds) AND (pl.end_date IS NULL OR pl.end_date >= current_date)
          AND pl.recorded_in_error_at IS NULL AND NOT cpis_ended_at_18(p.date_of_birth)),
    last_upload AS (SELECT * FROM _names_held_by_cpis(ARRAY(SELECT id FROM scope)))
    SELECT 'no_nhs_number', s.id, s.legal_forenames || ' ' || s.legal_surname, '', 'No NHS number is recorded.'
    FROM scope s WHERE s.date_of_birth IS NOT NULL AND s.nhs_number IS NULL
    UNION ALL
    SELECT 'fails_check', s.id, s.legal_forenames || ' ' || s.legal_surname, s.nhs_number,
           'The NHS number fails the check digit.'
    FROM scope s WHERE s.nhs_number IS NOT NULL AND NOT nhs_number_is_valid(s.nhs_number)
    UNION ALL
    SELECT 'rejected', s.id, s.legal_forenames || ' ' || s.legal_surname, coalesce(s.nhs_number, ''),
           coalesce(c.reason, 'CP-IS gave no reason.')
    FROM scope s JOIN person_cpis_status c ON c.person_id = s.id WHERE c.status = 'rejected'
    UNION ALL
    SELECT 'inactive', s.id, s.legal_forenames || ' ' || s.legal_surname, s.nhs_number,
           'CP-IS reports the NHS number is no longer active: record the new one.'
    FROM scope s WHERE s.nhs_number_status = 'inactive'
    UNION ALL
    SELECT 'unborn_past_due', s.id, s.legal_forenames || ' ' || s.legal_surname, '',
           'Expected on ' || to_char(s.expected_delivery, 'DD/MM/YYYY') || ': record the date of birth and NHS number.'
    FROM scope s WHERE s.date_of_birth IS NULL AND s.expected_delivery < current_date
    UNION ALL
    SELECT 'name_changed', s.id, s.legal_forenames || ' ' || s.legal_surname, coalesce(s.nhs_number, ''),
           'CP-IS has it as ' || u.forenames || ' ' || u.surname || ' until the next upload is acknowledged.'
    FROM scope s JOIN last_upload u ON u.person_id = s.id
    WHERE (u.forenames, u.surname) IS DISTINCT FROM (s.legal_forenames, s.legal_surname)
$$;
REVOKE EXECUTE ON FUNCTION _data_quality_problems() FROM PUBLIC;

-- The data quality lists are for system administrators and for the records officers who work
-- them (functions/people.sql).
CREATE OR REPLACE FUNCTION _require_data_quality_reader() RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT _has_any_role('cpis_sysadmin', 'cpis_records_officer') THEN
        RAISE EXCEPTION 'Only system administrators and records officers can see the CP-IS data quality.'
            USING ERRCODE = '42501';
    END IF;
END $$;
REVOKE EXECUTE ON FUNCTION _require_data_quality_reader() FROM PUBLIC;

-- The matched share counts every child in scope (restricted ones too: CP-IS counts them);
-- problems of records the caller may not open are counted, not listed.
CREATE OR REPLACE FUNCTION data_quality_summary()
RETURNS TABLE (in_scope integer, matched integer, not_listed integer)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM _require_data_quality_reader();
    RETURN QUERY
    WITH scope AS (
        SELECT DISTINCT pl.person_id FROM plan pl JOIN person p ON p.id = pl.person_id
        WHERE pl.kind = ANY (string_to_array(config_value('cpis.shared_plans'), ','))
          AND (pl.end_date IS NULL OR pl.end_date >= current_date)
          AND pl.recorded_in_error_at IS NULL AND NOT cpis_ended_at_18(p.date_of_birth))
    SELECT count(*)::integer,
           (count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM person_cpis_status c WHERE c.person_id = scope.person_id AND c.status = 'shared')))::integer,
           (SELECT count(DISTINCT q.person_id) FROM _data_quality_problems() q
            WHERE NOT person_is_visible(q.person_id))::integer
    FROM scope;
END $$;
REVOKE EXECUTE ON FUNCTION data_quality_summary() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION data_quality_summary()
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin,
       cpis_exchange;

CREATE OR REPLACE FUNCTION data_quality_rows()
RETURNS TABLE (list text, person_id bigint, name text, nhs_number text, detail text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM _require_data_quality_reader();
    RETURN QUERY
    SELECT q.list, q.person_id, q.name, q.nhs_number, q.detail FROM _data_quality_problems() q
    WHERE person_is_visible(q.person_id)
    ORDER BY q.list, q.name, q.person_id;
END $$;
REVOKE EXECUTE ON FUNCTION data_quality_rows() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION data_quality_rows()
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin,
       cpis_exchange;

-- Per day from p_last_day (default today in England) back p_days days: the steps received
-- by source, and how they were handled: finished by their due time, finished after it, or
-- not finished (cancelled steps count as received only). Days without any give zeros.
CREATE OR REPLACE FUNCTION notification_statistics(p_days integer, p_last_day date DEFAULT NULL)
RETURNS TABLE (day date, received_ae integer, received_dhu_111 integer, in_time integer, late integer,
               still_open integer)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    last_day date := coalesce(p_last_day, (now() AT TIME ZONE 'Europe/London')::date);
    first_day date;
BEGIN
    PERFORM _require_data_quality_reader();
    IF p_days IS NULL OR p_days NOT BETWEEN 1 AND 366 THEN
        PERFORM _invalid('days', format('The number of days must be from 1 to 366, not %s.', p_days));
    END IF;
    first_day := last_day - (p_days - 1);
    RETURN QUERY
    WITH steps AS (
        SELECT (s.received_at AT TIME ZONE 'Europe/London')::date AS d, s.source, s.state,
               s.due_at, s.finished_at
        FROM work_step s
        WHERE s.received_at >= (first_day::timestamp AT TIME ZONE 'Europe/London')
          AND s.received_at < ((last_day + 1)::timestamp AT TIME ZONE 'Europe/London')),
    per_day AS (
        SELECT d,
               count(*) FILTER (WHERE source = 'ae') AS ae,
               count(*) FILTER (WHERE source = 'dhu_111') AS dhu,
               count(*) FILTER (WHERE finished_at IS NOT NULL AND (due_at IS NULL OR finished_at <= due_at)) AS on_time,
               count(*) FILTER (WHERE finished_at IS NOT NULL AND finished_at > due_at) AS after_due,
               count(*) FILTER (WHERE finished_at IS NULL AND state IN ('incoming', 'in_progress')) AS open
        FROM steps GROUP BY d)
    SELECT days.d, coalesce(p.ae, 0)::integer, coalesce(p.dhu, 0)::integer,
           coalesce(p.on_time, 0)::integer, coalesce(p.after_due, 0)::integer, coalesce(p.open, 0)::integer
    FROM (SELECT first_day + i AS d FROM generate_series(0, p_days - 1) AS i) AS days
    LEFT JOIN per_day p ON p.d = days.d
    ORDER BY 1;
END $$;
REVOKE EXECUTE ON FUNCTION notification_statistics(integer, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION notification_statistics(integer, date)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin,
       cpis_exchange;

-- What happened to each CP-IS notification received from p_from to p_to (days in England,
-- both included), for the authority's main case system: one row per CPIS Follow Up step made
-- from a notification, with its latest sent request, that request's acknowledgement and its
-- latest finished case note. Restricted children only for those granted them; the export is
-- audited. The message itself comes too, so the client can name who accessed the record,
-- where (core/cpis/records_export.cpp reads it with the exchange's reader).
CREATE OR REPLACE FUNCTION records_export(p_from date, p_to date)
RETURNS TABLE (step_id bigint, authority_person_id text, person_id bigint, nhs_number text,
               received_at timestamptz, source text, step_state text, finished_at timestamptz,
               request_sent_to text, acknowledged_by text, acknowledged_at timestamptz,
               case_note_type text, case_note_date date, case_note_text text,
               step_comments text, message bytea, message_nhs_number text, access_sources text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    exported integer;
BEGIN
    PERFORM _require_data_quality_reader();
    IF p_from IS NULL THEN
        PERFORM _invalid('from', 'Say the first day of the period (--from YYYY-MM-DD).');
    END IF;
    IF p_to IS NULL THEN
        PERFORM _invalid('to', 'Say the last day of the period (--to YYYY-MM-DD).');
    END IF;
    IF p_to < p_from THEN
        PERFORM _invalid('to', format('The period ends (%s) before it starts (%s).', p_to, p_from));
    END IF;
    RETURN QUERY
    SELECT s.id, p.authority_person_id, p.id, p.nhs_number, s.received_at, s.source, s.state,
           s.finished_at, sent_to.name, ack.name, r.acknowledged_at,
           n.note_type, n.contact_date, n.body, s.comments, im.body,
           -- an unborn child's notification names the mother's number
           coalesce(p.nhs_number, (SELECT m.nhs_number FROM person m WHERE m.id = p.mother_id)),
           coalesce(config_value('cpis.access_sources'), '')
    FROM work_step s
    JOIN person p ON p.id = s.subject_id
    LEFT JOIN inbound_message im ON im.id = s.inbound_message_id
    LEFT JOIN LATERAL (
        SELECT q.* FROM request q WHERE q.step_id = s.id AND q.state <> 'draft'
        ORDER BY q.sent_at DESC, q.id DESC LIMIT 1) r ON true
    LEFT JOIN worker sent_to ON sent_to.id = r.recipient_id
    LEFT JOIN worker ack ON ack.id = r.acknowledged_by
    LEFT JOIN LATERAL (
        SELECT c.* FROM case_note c WHERE c.request_id = r.id AND c.state = 'final'
        ORDER BY c.finalised_at DESC, c.id DESC LIMIT 1) n ON true
    WHERE s.step_type = 'CPIS Follow Up' AND s.source IS NOT NULL
      AND s.received_at >= (p_from::timestamp AT TIME ZONE 'Europe/London')
      AND s.received_at < ((p_to + 1)::timestamp AT TIME ZONE 'Europe/London')
      AND person_is_visible(p.id)
    ORDER BY s.received_at, s.id;
    GET DIAGNOSTICS exported = ROW_COUNT;
    PERFORM _audit('records.exported', NULL,
                   jsonb_build_object('from', p_from, 'to', p_to, 'rows', exported));
END $$;
REVOKE EXECUTE ON FUNCTION records_export(date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION records_export(date, date)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin,
       cpis_records_officer;
