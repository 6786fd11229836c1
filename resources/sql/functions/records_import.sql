-- The records feed in (issue 20): the rows of an import file, already read as CSV by the client
-- (core/workflow/records_import.cpp), checked every one with the rules of functions/people.sql
-- and applied through the same helpers (audit, upload queue, NHS number checks). What each row
-- became is returned; a dry run is the same call rolled back by the client.
-- The current definition of each function; see ORDER for the rules of this folder.

-- A date of the file: YYYY-MM-DD exactly, or NULL (an empty cell, or not such a date). Checked
-- without raising, so that a whole file's dates are read in one statement.
CREATE OR REPLACE FUNCTION _import_date_value(p_value text) RETURNS date
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN p_value ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' THEN
        CASE WHEN substr(p_value, 1, 4)::integer >= 1 THEN
            CASE WHEN substr(p_value, 9, 2)::integer
                      <= extract(day from make_date(substr(p_value, 1, 4)::integer, substr(p_value, 6, 2)::integer, 1)
                                          + interval '1 month' - interval '1 day')
                 THEN p_value::date END END END
$$;
REVOKE EXECUTE ON FUNCTION _import_date_value(text) FROM PUBLIC;

-- What is wrong with a date cell (see _raise_problem): given, but not a date.
CREATE OR REPLACE FUNCTION _import_date_problem(p_field text, p_value text) RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN coalesce(p_value, '') <> '' AND _import_date_value(p_value) IS NULL
                THEN ARRAY[p_field, format('"%s" is not a date: use YYYY-MM-DD.', p_value)] END
$$;
REVOKE EXECUTE ON FUNCTION _import_date_problem(text, text) FROM PUBLIC;

-- Tells the client how far the import is (records_import.cpp shows it): a notice whose detail is
-- {"phase": checked | people | plans, "done": rows, "total": rows}. Notices reach the client
-- while the function runs; the words are for psql.
CREATE OR REPLACE FUNCTION _import_progress(p_phase text, p_done integer, p_total integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    RAISE NOTICE 'Records import: % % of % rows.', p_phase, least(p_done, p_total), p_total
        USING ERRCODE = 'CPPG1',
              DETAIL = jsonb_build_object('phase', p_phase, 'done', least(p_done, p_total), 'total', p_total)::text;
END $$;
REVOKE EXECUTE ON FUNCTION _import_progress(text, integer, integer) FROM PUBLIC;

-- The plan kinds the file may give: those of the list, and the three orders by their section.
CREATE OR REPLACE FUNCTION _import_plan_kind(p_value text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE p_value WHEN 's31' THEN 'C2' WHEN 's38' THEN 'C1' WHEN 's20' THEN 'V2' ELSE p_value END
$$;
REVOKE EXECUTE ON FUNCTION _import_plan_kind(text) FROM PUBLIC;

-- Imports the rows (a JSON array of objects with "line" and the file's columns, empty cells left
-- out or null) from the file p_file. Records officers and system administrators. Every row is
-- checked first; the valid ones are applied, mothers (the born) first; nothing is ever deleted
-- or ended. Returns one row per line: new, changed, unchanged or refused (with the column and
-- the reason); with p_snapshot, also each open plan here the file lacks (missing, line NULL).
-- Refusals and missing plans raise one alert each to the records officers.
-- Set by set, not row by row: the rules are the problem forms of functions/people.sql (the
-- screens raise the same), evaluated over a slice of the file in one statement; new people, key
-- workers, plans and their audit lines are written by the set helpers the screens use with one
-- row. Progress (_import_progress) after each slice of `chunk` (10,000) rows.
CREATE OR REPLACE FUNCTION import_records(p_file text, p_rows jsonb, p_snapshot boolean)
RETURNS TABLE (line integer, outcome text, column_name text, reason text, person_id bigint, name text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    chunk constant integer := 10000;
    details constant jsonb := jsonb_build_object('import', p_file);
    r record;
    p person;
    existing plan;
    v_mother bigint;
    changed boolean;
    total integer;
    last_line integer;
    from_line integer;
    refused_count integer;
    missing_count integer;
BEGIN
    -- The exchange service imports records.import_folder on its schedule (audited by its login).
    IF NOT _has_any_role('cpis_exchange') THEN
        PERFORM _require_worker();
    END IF;
    IF NOT _has_any_role('cpis_records_officer', 'cpis_sysadmin', 'cpis_exchange') THEN
        RAISE EXCEPTION 'Only records officers and system administrators can import records.'
            USING ERRCODE = '42501';
    END IF;
    PERFORM _check_text('file', 'The file name', p_file, 500, 'one');

    -- The workers who may be key workers (caseworkers(): the one rule), once.
    IF to_regclass('pg_temp.import_worker') IS NOT NULL THEN
        DROP TABLE pg_temp.import_worker;
    END IF;
    CREATE TEMP TABLE import_worker ON COMMIT DROP AS
    SELECT w.login, c.id FROM caseworkers() c JOIN worker w ON w.id = c.id;

    -- The rows, their cells read (a cell that is not a date reads as NULL and is refused below),
    -- and what is here already: the person of the main system's id, the holder of the NHS number,
    -- the worker of the login, the plan of the kind and start, a current plan of the kind.
    IF to_regclass('pg_temp.import_row') IS NOT NULL THEN
        DROP TABLE pg_temp.import_row;
    END IF;
    CREATE TEMP TABLE import_row ON COMMIT DROP AS
    WITH x AS (
        SELECT x.*, btrim(x.legal_forenames) AS f_forenames, btrim(x.legal_surname) AS f_surname,
               coalesce(x.gender, 'Not known') AS f_gender, _import_date_value(x.date_of_birth) AS f_dob,
               _import_date_value(x.expected_delivery) AS f_edd,
               CASE WHEN coalesce(x.nhs_number, '') <> '' THEN _nhs_digits(x.nhs_number) END AS f_digits,
               CASE WHEN coalesce(x.plan_kind, '') <> '' THEN _import_plan_kind(x.plan_kind) END AS f_kind,
               CASE WHEN coalesce(x.plan_kind, '') <> '' THEN _import_date_value(x.plan_start) END AS f_start,
               CASE WHEN coalesce(x.plan_kind, '') <> '' THEN _import_date_value(x.plan_end) END AS f_end
        FROM jsonb_to_recordset(coalesce(p_rows, '[]')) AS x(
            line integer, authority_person_id text, legal_forenames text, legal_surname text, gender text,
            date_of_birth text, expected_delivery text, mother_authority_person_id text, nhs_number text,
            plan_kind text, plan_start text, plan_end text, key_worker text, refused_column text,
            refused_reason text))
    SELECT x.*, pe.id AS f_person, pe.date_of_birth AS here_dob, pe.nhs_number AS here_digits,
           pe.nhs_number_status AS here_nhs_status,
           pe.id IS NULL OR NOT pe.restricted OR person_is_visible(pe.id) AS here_visible,
           h.id AS holder, h.legal_forenames || ' ' || h.legal_surname AS holder_name,
           h.id IS NOT NULL AND (NOT h.restricted OR person_is_visible(h.id)) AS holder_visible,
           w.id AS f_worker, pl.id AS f_plan, pl.end_date AS f_plan_end, cur.id IS NOT NULL AS kind_current,
           NULL::bigint AS f_mother, false AS created, false AS started
    FROM x
    LEFT JOIN person pe ON pe.authority_person_id = x.authority_person_id
    LEFT JOIN person h ON h.nhs_number = x.f_digits AND h.nhs_number_status = 'recorded'
                      AND h.id IS DISTINCT FROM pe.id
    LEFT JOIN import_worker w ON w.login = x.key_worker AND coalesce(x.key_worker, '') <> ''
    LEFT JOIN LATERAL (SELECT pl.id, pl.end_date FROM plan pl
                       WHERE pe.id IS NOT NULL AND pl.person_id = pe.id AND pl.kind = x.f_kind
                         AND pl.start_date = x.f_start AND pl.recorded_in_error_at IS NULL
                       ORDER BY pl.id LIMIT 1) pl ON true
    LEFT JOIN LATERAL (SELECT c.id FROM plan c
                       WHERE pe.id IS NOT NULL AND c.person_id = pe.id AND c.kind = x.f_kind
                         AND c.end_date IS NULL AND c.recorded_in_error_at IS NULL
                       LIMIT 1) cur ON true;
    CREATE UNIQUE INDEX ON import_row (line);
    CREATE INDEX ON import_row (authority_person_id);
    ANALYZE import_row;
    total := (SELECT count(*) FROM import_row);
    last_line := coalesce((SELECT max(i.line) FROM import_row i), 0);

    -- Each row with the rules of the records screens, the first problem in the screens' order.
    from_line := 0;
    WHILE from_line <= last_line LOOP
        UPDATE import_row i SET refused_column = c.problem[1], refused_reason = c.problem[2]
        FROM (SELECT i.line, coalesce(
            _text_problem('authority_person_id', 'The authority person ID', i.authority_person_id, 100, 'one'),
            CASE WHEN btrim(coalesce(i.authority_person_id, '')) = ''
                 THEN ARRAY['authority_person_id', 'The authority person ID is required.'] END,
            CASE WHEN NOT i.here_visible
                 THEN ARRAY['authority_person_id', 'This is a restricted record you may not see: ask its team manager.'] END,
            _name_part_problem('legal_forenames', 'The legal forename(s)', i.legal_forenames),
            _name_part_problem('legal_surname', 'The legal surname', i.legal_surname),
            _gender_problem(i.f_gender),
            _import_date_problem('date_of_birth', i.date_of_birth),
            _import_date_problem('expected_delivery', i.expected_delivery),
            CASE WHEN i.f_dob IS NOT NULL AND i.f_edd IS NOT NULL
                 THEN ARRAY['expected_delivery', 'Give date_of_birth or expected_delivery, not both.']
                 WHEN i.f_dob IS NULL AND i.f_edd IS NULL
                 THEN ARRAY['date_of_birth', 'Give date_of_birth, or expected_delivery for an unborn child.'] END,
            CASE WHEN i.f_dob IS NOT NULL THEN _not_future_problem('date_of_birth', 'The date of birth', i.f_dob)
                 WHEN coalesce(i.mother_authority_person_id, '') = ''
                 THEN ARRAY['mother_authority_person_id', 'An unborn child needs the mother''s authority person ID.'] END,
            CASE WHEN i.f_person IS NOT NULL AND i.here_dob IS NULL AND i.f_dob IS NOT NULL
                 THEN ARRAY['date_of_birth', 'This child is recorded as unborn: record the birth on the child''s record, then import again.']
                 WHEN i.f_person IS NOT NULL AND i.here_dob IS NOT NULL AND i.f_edd IS NOT NULL
                 THEN ARRAY['expected_delivery', format('This child is recorded as born on %s.', to_char(i.here_dob, 'DD/MM/YYYY'))] END,
            CASE WHEN i.f_digits IS NOT NULL THEN coalesce(
                CASE WHEN i.f_dob IS NULL
                     THEN ARRAY['nhs_number', 'An unborn child has no NHS number of their own: CP-IS is sent the mother''s until the birth is recorded.'] END,
                _nhs_number_problem('nhs_number', i.nhs_number, i.holder, i.holder_name, i.holder_visible),
                CASE WHEN i.here_nhs_status IN ('inactive', 'replaced') AND i.f_digits IS DISTINCT FROM i.here_digits
                     THEN ARRAY['nhs_number', 'CP-IS reported this child''s NHS number inactive: record the replacement on the child''s record.'] END) END,
            CASE WHEN coalesce(i.key_worker, '') <> '' AND i.f_worker IS NULL
                 THEN ARRAY['key_worker', format('There is no key worker or team manager with the login "%s".', i.key_worker)] END,
            CASE WHEN i.f_kind IS NULL THEN
                CASE WHEN coalesce(i.plan_start, '') <> '' OR coalesce(i.plan_end, '') <> ''
                     THEN ARRAY['plan_kind', 'The plan kind is required with a plan start or end.'] END
            ELSE coalesce(
                _import_date_problem('plan_start', i.plan_start),
                _plan_start_problem('plan_kind', 'plan_start', i.f_kind, i.f_start, i.f_dob),
                _import_date_problem('plan_end', i.plan_end),
                CASE WHEN i.f_end IS NOT NULL THEN coalesce(
                    _not_future_problem('plan_end', 'The end date', i.f_end),
                    _plan_end_problem('plan_end', i.f_start, i.f_end)) END,
                CASE WHEN i.f_plan IS NOT NULL AND i.f_plan_end IS NOT NULL AND i.f_end IS DISTINCT FROM i.f_plan_end
                     THEN ARRAY['plan_end', format('This plan ended here on %s: correct it on the child''s record.',
                                                   to_char(i.f_plan_end, 'DD/MM/YYYY'))] END,
                CASE WHEN i.f_plan IS NULL AND i.f_end IS NULL AND i.kind_current
                     THEN ARRAY['plan_start', format('Another %s is current here: end it on the child''s record first.', i.f_kind)] END) END
            ) AS problem
              FROM import_row i
              WHERE i.line >= from_line AND i.line < from_line + chunk AND i.refused_reason IS NULL) c
        WHERE i.line = c.line AND c.problem IS NOT NULL;
        from_line := from_line + chunk;
        PERFORM _import_progress('checked', (SELECT count(*) FROM import_row i WHERE i.line < from_line)::integer, total);
    END LOOP;

    -- Across rows: a person's rows must agree on the person's columns (else all are refused).
    -- Only the people of more than one row are compared: count(DISTINCT) sorts, for each person.
    WITH people AS (
        SELECT i.authority_person_id,
               CASE WHEN count(DISTINCT coalesce(i.legal_forenames, '')) > 1 THEN 'legal_forenames'
                    WHEN count(DISTINCT coalesce(i.legal_surname, '')) > 1 THEN 'legal_surname'
                    WHEN count(DISTINCT coalesce(i.gender, '')) > 1 THEN 'gender'
                    WHEN count(DISTINCT coalesce(i.date_of_birth, '')) > 1 THEN 'date_of_birth'
                    WHEN count(DISTINCT coalesce(i.expected_delivery, '')) > 1 THEN 'expected_delivery'
                    WHEN count(DISTINCT coalesce(i.mother_authority_person_id, '')) > 1 THEN 'mother_authority_person_id'
                    WHEN count(DISTINCT coalesce(i.nhs_number, '')) > 1 THEN 'nhs_number'
                    WHEN count(DISTINCT coalesce(i.key_worker, '')) > 1 THEN 'key_worker' END AS differs,
               string_agg(i.line::text, ', ' ORDER BY i.line) AS lines
        FROM import_row i
        WHERE i.authority_person_id IN (SELECT m.authority_person_id FROM import_row m
                                        WHERE coalesce(m.authority_person_id, '') <> ''
                                        GROUP BY m.authority_person_id HAVING count(*) > 1)
        GROUP BY i.authority_person_id)
    UPDATE import_row i SET refused_column = pe.differs,
        refused_reason = format('The rows of authority person ID %s (lines %s) disagree on %s: a person''s rows must give the same person details.',
                                i.authority_person_id, pe.lines, pe.differs)
    FROM people pe WHERE pe.authority_person_id = i.authority_person_id AND pe.differs IS NOT NULL;

    -- One NHS number for two people of the file: both refused.
    WITH twice AS (
        SELECT i.f_digits, string_agg(i.line::text, ', ' ORDER BY i.line) AS lines
        FROM import_row i WHERE i.f_digits IS NOT NULL AND i.refused_reason IS NULL
        GROUP BY i.f_digits HAVING count(DISTINCT i.authority_person_id) > 1)
    UPDATE import_row i SET refused_column = 'nhs_number',
        refused_reason = format('The NHS number %s is given for more than one person in this file (lines %s).',
                                nhs_number_formatted(t.f_digits), t.lines)
    FROM twice t WHERE t.f_digits = i.f_digits AND i.refused_reason IS NULL;

    -- The same plan twice: the later lines are refused.
    WITH repeated AS (
        SELECT i.line, first_value(i.line) OVER w AS first_line, row_number() OVER w AS n
        FROM import_row i WHERE i.refused_reason IS NULL AND i.f_kind IS NOT NULL
        WINDOW w AS (PARTITION BY i.authority_person_id, i.f_kind, i.f_start ORDER BY i.line))
    UPDATE import_row i SET refused_column = 'plan_start',
        refused_reason = format('This plan repeats line %s.', rp.first_line)
    FROM repeated rp WHERE rp.line = i.line AND rp.n > 1;

    -- The mother of an unborn child: a born person of the file, or one already here.
    UPDATE import_row i SET f_mother = pe.id FROM person pe
    WHERE i.f_edd IS NOT NULL AND pe.authority_person_id = i.mother_authority_person_id
      AND pe.date_of_birth IS NOT NULL AND person_is_visible(pe.id);
    UPDATE import_row i SET refused_column = 'mother_authority_person_id',
        refused_reason = format('There is no mother with authority person ID %s in this file or already recorded.',
                                i.mother_authority_person_id)
    WHERE i.f_edd IS NOT NULL AND i.refused_reason IS NULL AND i.f_mother IS NULL
      AND NOT EXISTS (SELECT 1 FROM import_row m WHERE m.authority_person_id = i.mother_authority_person_id
                      AND m.f_dob IS NOT NULL AND m.refused_reason IS NULL);

    -- What each applied line became, new before changed: kept here, read once at the end.
    IF to_regclass('pg_temp.import_outcome') IS NOT NULL THEN
        DROP TABLE pg_temp.import_outcome;
    END IF;
    CREATE TEMP TABLE import_outcome (line integer, outcome text) ON COMMIT DROP;
    -- Each person once, at their first valid line.
    IF to_regclass('pg_temp.import_person') IS NOT NULL THEN
        DROP TABLE pg_temp.import_person;
    END IF;
    CREATE TEMP TABLE import_person ON COMMIT DROP AS
    SELECT DISTINCT ON (i.authority_person_id) i.* FROM import_row i WHERE i.refused_reason IS NULL
    ORDER BY i.authority_person_id, i.line;
    CREATE INDEX ON import_person (line);

    -- New people: the born (mothers among them) a slice at a time, then the unborn.
    from_line := 0;
    WHILE from_line <= last_line LOOP
        WITH made AS (
            SELECT * FROM _create_people(ARRAY(
                SELECT jsonb_populate_record(NULL::person, jsonb_build_object(
                    'legal_forenames', f.f_forenames, 'legal_surname', f.f_surname, 'gender', f.f_gender,
                    'date_of_birth', f.f_dob, 'nhs_number', f.f_digits,
                    'authority_person_id', btrim(f.authority_person_id)))
                FROM import_person f
                WHERE f.f_person IS NULL AND f.f_dob IS NOT NULL AND f.line >= from_line AND f.line < from_line + chunk
                ORDER BY f.line), details)),
        outcome AS (INSERT INTO import_outcome (line, outcome)
                    SELECT f.line, 'new' FROM import_person f JOIN made m ON m.authority_person_id = btrim(f.authority_person_id))
        UPDATE import_row i SET f_person = m.id, created = true FROM made m
        WHERE btrim(i.authority_person_id) = m.authority_person_id AND i.refused_reason IS NULL;
        from_line := from_line + chunk;
        PERFORM _import_progress('people', (SELECT count(*) FROM import_row i WHERE i.line < from_line)::integer, total);
    END LOOP;
    WITH made AS (
        SELECT * FROM _create_people(ARRAY(
            SELECT jsonb_populate_record(NULL::person, jsonb_build_object(
                'legal_forenames', f.f_forenames, 'legal_surname', f.f_surname, 'gender', f.f_gender,
                'expected_delivery', f.f_edd, 'authority_person_id', btrim(f.authority_person_id),
                'mother_id', (SELECT m.id FROM person m WHERE m.authority_person_id = f.mother_authority_person_id)))
            FROM import_person f WHERE f.f_person IS NULL AND f.f_dob IS NULL ORDER BY f.line), details)),
    outcome AS (INSERT INTO import_outcome (line, outcome)
                SELECT f.line, 'new' FROM import_person f JOIN made m ON m.authority_person_id = btrim(f.authority_person_id))
    UPDATE import_row i SET f_person = m.id, created = true FROM made m
    WHERE btrim(i.authority_person_id) = m.authority_person_id AND i.refused_reason IS NULL;

    -- The key workers of the new people, at once.
    PERFORM count(*) FROM _allocate_key_workers(
            ARRAY(SELECT i.f_person FROM import_person f JOIN import_row i ON i.line = f.line
                  WHERE i.created AND i.f_worker IS NOT NULL ORDER BY f.line),
            ARRAY(SELECT i.f_worker FROM import_person f JOIN import_row i ON i.line = f.line
                  WHERE i.created AND i.f_worker IS NOT NULL ORDER BY f.line),
            'key_worker');

    -- People already here whose details, NHS number or key worker the file changes: few on a
    -- nightly file, visited one by one through the screens' helpers.
    FOR r IN SELECT f.* FROM import_person f JOIN person pe ON pe.id = f.f_person
             WHERE (pe.legal_forenames, pe.legal_surname, pe.gender, pe.date_of_birth)
                   IS DISTINCT FROM (f.f_forenames, f.f_surname, f.f_gender, f.f_dob)
                OR (f.f_edd IS NOT NULL AND (pe.expected_delivery, pe.mother_id) IS DISTINCT FROM
                    (f.f_edd, (SELECT m.id FROM person m WHERE m.authority_person_id = f.mother_authority_person_id)))
                OR (f.f_digits IS NOT NULL AND f.f_digits IS DISTINCT FROM pe.nhs_number)
                OR (f.f_worker IS NOT NULL AND f.f_worker IS DISTINCT FROM
                    (SELECT iv.worker_id FROM involvement iv WHERE iv.person_id = pe.id
                     AND iv.role = 'Key Worker' AND iv.ended_on IS NULL))
             ORDER BY f.f_dob IS NULL, f.line LOOP
        changed := false;
        v_mother := (SELECT pe.id FROM person pe WHERE pe.authority_person_id = r.mother_authority_person_id
                     AND r.f_edd IS NOT NULL);
        SELECT * INTO p FROM person pe WHERE pe.id = r.f_person FOR UPDATE;
        IF (p.legal_forenames, p.legal_surname, p.gender) IS DISTINCT FROM (r.f_forenames, r.f_surname, r.f_gender)
           OR p.date_of_birth IS DISTINCT FROM r.f_dob
           OR (r.f_edd IS NOT NULL AND (p.expected_delivery, p.mother_id) IS DISTINCT FROM (r.f_edd, v_mother)) THEN
            UPDATE person SET legal_forenames = r.f_forenames, legal_surname = r.f_surname, gender = r.f_gender,
                              date_of_birth = r.f_dob,
                              expected_delivery = CASE WHEN r.f_edd IS NULL THEN expected_delivery ELSE r.f_edd END,
                              mother_id = CASE WHEN r.f_edd IS NULL THEN mother_id ELSE v_mother END
            WHERE id = p.id;
            PERFORM _person_changed(p.id, 'person.details_changed', jsonb_build_object(
                'name_changed', (r.f_forenames, r.f_surname) IS DISTINCT FROM (p.legal_forenames, p.legal_surname),
                'date_of_birth_changed', r.f_dob IS DISTINCT FROM p.date_of_birth, 'import', p_file));
            changed := true;
        END IF;
        IF r.f_digits IS NOT NULL AND r.f_digits IS DISTINCT FROM p.nhs_number THEN
            SELECT * INTO p FROM person pe WHERE pe.id = r.f_person;
            PERFORM _set_nhs_number(p, r.f_digits,
                CASE WHEN p.nhs_number IS NULL THEN 'Recorded' ELSE format('Corrected by the records import of %s', p_file) END,
                CASE WHEN p.nhs_number IS NULL THEN 'person.nhs_number_recorded' ELSE 'person.nhs_number_corrected' END);
            changed := true;
        END IF;
        IF r.f_worker IS NOT NULL AND current_key_worker(r.f_person) IS DISTINCT FROM r.f_worker THEN
            SELECT * INTO p FROM person pe WHERE pe.id = r.f_person;
            PERFORM _allocate_key_worker(p, r.f_worker, 'key_worker');
            changed := true;
        END IF;
        IF changed THEN
            INSERT INTO import_outcome (line, outcome) VALUES (r.line, 'changed');
        END IF;
    END LOOP;

    -- New plans, a slice at a time: audited (a person this import created was just audited and
    -- notified, at its first version: the plan's audit line is enough; another is changed).
    from_line := 0;
    WHILE from_line <= last_line LOOP
        WITH started AS (
            INSERT INTO plan (person_id, kind, start_date)
            SELECT i.f_person, i.f_kind, i.f_start FROM import_row i
            WHERE i.refused_reason IS NULL AND i.f_kind IS NOT NULL AND i.f_plan IS NULL
              AND i.line >= from_line AND i.line < from_line + chunk
            ORDER BY i.line
            RETURNING plan.id, plan.person_id, plan.kind, plan.start_date),
        lines AS (
            SELECT i.line, i.created, s.* FROM started s
            JOIN import_row i ON i.f_person = s.person_id AND i.f_kind = s.kind AND i.f_start = s.start_date
                             AND i.refused_reason IS NULL AND i.line >= from_line AND i.line < from_line + chunk),
        marked AS (UPDATE import_row i SET f_plan = l.id, started = true FROM lines l WHERE i.line = l.line)
        INSERT INTO import_outcome (line, outcome) SELECT l.line, 'new' FROM lines l;
        PERFORM _audit_people('plan.started',
            ARRAY(SELECT i.f_person FROM import_row i
                  WHERE i.started AND i.created AND i.line >= from_line AND i.line < from_line + chunk
                  ORDER BY i.line),
            ARRAY(SELECT jsonb_build_object('plan', i.f_plan, 'kind', i.f_kind) || details FROM import_row i
                  WHERE i.started AND i.created AND i.line >= from_line AND i.line < from_line + chunk
                  ORDER BY i.line));
        PERFORM _people_changed(
            ARRAY(SELECT i.f_person FROM import_row i
                  WHERE i.started AND NOT i.created AND i.line >= from_line AND i.line < from_line + chunk
                  ORDER BY i.line),
            'plan.started',
            ARRAY(SELECT jsonb_build_object('plan', i.f_plan, 'kind', i.f_kind) || details FROM import_row i
                  WHERE i.started AND NOT i.created AND i.line >= from_line AND i.line < from_line + chunk
                  ORDER BY i.line));
        from_line := from_line + chunk;
        PERFORM _import_progress('plans', (SELECT count(*) FROM import_row i WHERE i.line < from_line)::integer, total);
    END LOOP;

    -- Plans the file ends (the file may start and end one at once): one by one, as on the screens.
    FOR r IN SELECT i.*, pl.end_date AS here_end FROM import_row i JOIN plan pl ON pl.id = i.f_plan
             WHERE i.refused_reason IS NULL AND i.f_end IS NOT NULL AND pl.end_date IS NULL
             ORDER BY i.line LOOP
        SELECT * INTO existing FROM plan pl WHERE pl.id = r.f_plan;
        PERFORM _end_plan(existing, r.f_end);
        PERFORM _person_changed(r.f_person, 'plan.ended',
                                jsonb_build_object('plan', existing.id, 'kind', r.f_kind, 'import', p_file));
        INSERT INTO import_outcome (line, outcome) VALUES (r.line, 'changed');
    END LOOP;

    refused_count := (SELECT count(*) FROM import_row i WHERE i.refused_reason IS NOT NULL);
    IF refused_count > 0 THEN
        PERFORM raise_cpis_alert('Records import', NULL,
            format('The records import of %s refused %s of its %s rows: import it again to see the reasons.',
                   p_file, refused_count, total));
    END IF;

    RETURN QUERY
    SELECT i.line,
           CASE WHEN i.refused_reason IS NOT NULL THEN 'refused'
                WHEN o.is_new THEN 'new' WHEN o.is_new IS NOT NULL THEN 'changed' ELSE 'unchanged' END,
           i.refused_column, i.refused_reason, i.f_person,
           coalesce(i.legal_forenames || ' ', '') || coalesce(i.legal_surname, '')
    FROM import_row i
    LEFT JOIN (SELECT x.line, bool_or(x.outcome = 'new') AS is_new FROM import_outcome x GROUP BY x.line) o
           ON o.line = i.line
    ORDER BY i.line;

    IF coalesce(p_snapshot, false) THEN
        IF to_regclass('pg_temp.import_missing') IS NOT NULL THEN
            DROP TABLE pg_temp.import_missing;
        END IF;
        CREATE TEMP TABLE import_missing ON COMMIT DROP AS
        SELECT pl.id, pl.person_id, pl.kind, pl.start_date, pe.legal_forenames || ' ' || pe.legal_surname AS name
        FROM plan pl JOIN person pe ON pe.id = pl.person_id
        WHERE pl.end_date IS NULL AND pl.recorded_in_error_at IS NULL AND (NOT pe.restricted OR person_is_visible(pe.id))
          AND NOT EXISTS (SELECT 1 FROM import_row i WHERE i.f_person = pl.person_id AND i.f_kind = pl.kind
                          AND i.f_start = pl.start_date AND i.refused_reason IS NULL);
        missing_count := (SELECT count(*) FROM import_missing);
        IF missing_count > 0 THEN
            PERFORM raise_cpis_alert('Records import: plans not in the file', NULL,
                format('%s open plans here are missing from %s, which was imported as the complete list: review them (they were not ended).',
                       missing_count, p_file));
        END IF;
        RETURN QUERY
        SELECT NULL::integer, 'missing'::text, 'plan_kind'::text,
               format('The %s started %s (person ID %s) is open here but not in the file: review it.',
                      m.kind, to_char(m.start_date, 'DD/MM/YYYY'), m.person_id),
               m.person_id, m.name
        FROM import_missing m ORDER BY m.name, m.person_id, m.start_date;
    END IF;
END $$;
REVOKE EXECUTE ON FUNCTION import_records(text, jsonb, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION import_records(text, jsonb, boolean) TO cpis_records_officer, cpis_sysadmin, cpis_exchange;
