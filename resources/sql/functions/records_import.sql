-- The records feed in (issue 20): the rows of an import file, already read as CSV by the client
-- (core/workflow/records_import.cpp), checked every one with the rules of functions/people.sql
-- and applied through the same helpers (audit, upload queue, NHS number checks). What each row
-- became is returned; a dry run is the same call rolled back by the client.
-- The current definition of each function; see ORDER for the rules of this folder.

-- A date of the file: YYYY-MM-DD exactly, or NULL for an empty cell.
CREATE OR REPLACE FUNCTION _import_date(p_field text, p_value text) RETURNS date
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    d date;
BEGIN
    IF coalesce(p_value, '') = '' THEN
        RETURN NULL;
    END IF;
    IF p_value ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
        BEGIN
            d := to_date(p_value, 'YYYY-MM-DD');
            IF to_char(d, 'YYYY-MM-DD') = p_value THEN
                RETURN d;
            END IF;
        EXCEPTION WHEN OTHERS THEN
            NULL;
        END;
    END IF;
    PERFORM _invalid(p_field, format('"%s" is not a date: use YYYY-MM-DD.', p_value));
    RETURN NULL;
END $$;
REVOKE EXECUTE ON FUNCTION _import_date(text, text) FROM PUBLIC;

-- The plan kinds the file may give: those of the list, and the three orders by their section.
CREATE OR REPLACE FUNCTION _import_plan_kind(p_value text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE p_value WHEN 's31' THEN 'C2' WHEN 's38' THEN 'C1' WHEN 's20' THEN 'V2' ELSE p_value END
$$;
REVOKE EXECUTE ON FUNCTION _import_plan_kind(text) FROM PUBLIC;

-- Imports the rows (a JSON array of objects with "line" and the file's columns, empty cells left
-- out or null) from the file p_file. Records officers and system administrators. Every row is
-- checked first; the valid ones are applied, person by person (mothers first); nothing is ever
-- deleted or ended. Returns one row per line: new, changed, unchanged or refused (with the
-- column and the reason); with p_snapshot, also each open plan here the file lacks (missing,
-- line NULL). Refusals and missing plans raise one alert each to the records officers.
CREATE OR REPLACE FUNCTION import_records(p_file text, p_rows jsonb, p_snapshot boolean)
RETURNS TABLE (line integer, outcome text, column_name text, reason text, person_id bigint, name text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    r record;
    p person;
    fore text;
    sur text;
    gen text;
    dob date;
    edd date;
    v_kind text;
    pstart date;
    pend date;
    digits text;
    v_worker integer;
    v_mother bigint;
    existing plan;
    col text;
    msg text;
    changed boolean;
    refused_count integer;
    missing_count integer;
    n integer := 0;
    m integer := 0;
    a_line integer[] := '{}'; a_fore text[] := '{}'; a_sur text[] := '{}'; a_gen text[] := '{}';
    a_dob date[] := '{}'; a_edd date[] := '{}'; a_kind text[] := '{}'; a_start date[] := '{}';
    a_end date[] := '{}'; a_digits text[] := '{}'; a_worker integer[] := '{}';
    x_line integer[] := '{}'; x_col text[] := '{}'; x_msg text[] := '{}';
    c integer := 0;
    c_auth text[] := '{}'; c_id bigint[] := '{}';
    k integer := 0;
    res_line integer[] := '{}'; res_out text[] := '{}';
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

    IF to_regclass('pg_temp.import_row') IS NOT NULL THEN
        DROP TABLE pg_temp.import_row;
    END IF;
    CREATE TEMP TABLE import_row ON COMMIT DROP AS
    SELECT x.*, NULL::text AS f_forenames, NULL::text AS f_surname, NULL::text AS f_gender,
           NULL::date AS f_dob, NULL::date AS f_edd, NULL::text AS f_kind, NULL::date AS f_start,
           NULL::date AS f_end, NULL::text AS f_digits, NULL::integer AS f_worker, NULL::bigint AS f_person,
           NULL::bigint AS f_mother, false AS created, NULL::text AS result
    FROM jsonb_to_recordset(coalesce(p_rows, '[]')) AS x(
        line integer, authority_person_id text, legal_forenames text, legal_surname text, gender text,
        date_of_birth text, expected_delivery text, mother_authority_person_id text, nhs_number text,
        plan_kind text, plan_start text, plan_end text, key_worker text, refused_column text,
        refused_reason text);
    CREATE UNIQUE INDEX ON import_row (line);
    CREATE INDEX ON import_row (authority_person_id);
    ANALYZE import_row;

    -- The people already here, by the main system's id, and the workers who may be key workers
    -- (caseworkers(): the one rule), once.
    UPDATE import_row i SET f_person = pe.id FROM person pe WHERE pe.authority_person_id = i.authority_person_id;
    IF to_regclass('pg_temp.import_worker') IS NOT NULL THEN
        DROP TABLE pg_temp.import_worker;
    END IF;
    CREATE TEMP TABLE import_worker ON COMMIT DROP AS
    SELECT w.login, c.id FROM caseworkers() c JOIN worker w ON w.id = c.id;

    -- Each row on its own, with the rules of the records screens.
    FOR r IN SELECT * FROM import_row i WHERE i.refused_reason IS NULL ORDER BY i.line LOOP
        BEGIN
            PERFORM _check_text('authority_person_id', 'The authority person ID', r.authority_person_id, 100, 'one');
            IF btrim(coalesce(r.authority_person_id, '')) = '' THEN
                PERFORM _invalid('authority_person_id', 'The authority person ID is required.');
            END IF;
            IF r.f_person IS NOT NULL AND NOT person_is_visible(r.f_person) THEN
                PERFORM _invalid('authority_person_id', 'This is a restricted record you may not see: ask its team manager.');
            END IF;
            fore := _check_name_part('legal_forenames', 'The legal forename(s)', r.legal_forenames);
            sur := _check_name_part('legal_surname', 'The legal surname', r.legal_surname);
            gen := _check_gender(coalesce(r.gender, 'Not known'));
            dob := _import_date('date_of_birth', r.date_of_birth);
            edd := _import_date('expected_delivery', r.expected_delivery);
            IF dob IS NOT NULL AND edd IS NOT NULL THEN
                PERFORM _invalid('expected_delivery', 'Give date_of_birth or expected_delivery, not both.');
            ELSIF dob IS NULL AND edd IS NULL THEN
                PERFORM _invalid('date_of_birth', 'Give date_of_birth, or expected_delivery for an unborn child.');
            END IF;
            IF dob IS NOT NULL THEN
                PERFORM _check_not_future('date_of_birth', 'The date of birth', dob);
            ELSIF coalesce(r.mother_authority_person_id, '') = '' THEN
                PERFORM _invalid('mother_authority_person_id', 'An unborn child needs the mother''s authority person ID.');
            END IF;
            SELECT * INTO p FROM person WHERE id = r.f_person;
            IF p.id IS NOT NULL AND p.date_of_birth IS NULL AND dob IS NOT NULL THEN
                PERFORM _invalid('date_of_birth', 'This child is recorded as unborn: record the birth on the child''s record, then import again.');
            ELSIF p.id IS NOT NULL AND p.date_of_birth IS NOT NULL AND edd IS NOT NULL THEN
                PERFORM _invalid('expected_delivery', format('This child is recorded as born on %s.', to_char(p.date_of_birth, 'DD/MM/YYYY')));
            END IF;
            digits := NULL;
            IF coalesce(r.nhs_number, '') <> '' THEN
                IF dob IS NULL THEN
                    PERFORM _invalid('nhs_number', 'An unborn child has no NHS number of their own: CP-IS is sent the mother''s until the birth is recorded.');
                END IF;
                digits := _checked_nhs_number('nhs_number', r.nhs_number, r.f_person);
                IF p.id IS NOT NULL AND p.nhs_number_status IN ('inactive', 'replaced') AND digits IS DISTINCT FROM p.nhs_number THEN
                    PERFORM _invalid('nhs_number', 'CP-IS reported this child''s NHS number inactive: record the replacement on the child''s record.');
                END IF;
            END IF;
            v_worker := NULL;
            IF coalesce(r.key_worker, '') <> '' THEN
                v_worker := (SELECT w.id FROM import_worker w WHERE w.login = r.key_worker);
                IF v_worker IS NULL THEN
                    PERFORM _invalid('key_worker', format('There is no key worker or team manager with the login "%s".', r.key_worker));
                END IF;
            END IF;
            v_kind := NULL; pstart := NULL; pend := NULL;
            IF coalesce(r.plan_kind, '') = '' THEN
                IF coalesce(r.plan_start, '') <> '' OR coalesce(r.plan_end, '') <> '' THEN
                    PERFORM _invalid('plan_kind', 'The plan kind is required with a plan start or end.');
                END IF;
            ELSE
                v_kind := _import_plan_kind(r.plan_kind);
                pstart := _import_date('plan_start', r.plan_start);
                PERFORM _check_plan_start('plan_kind', 'plan_start', v_kind, pstart, dob);
                pend := _import_date('plan_end', r.plan_end);
                IF pend IS NOT NULL THEN
                    PERFORM _check_not_future('plan_end', 'The end date', pend);
                    PERFORM _check_plan_end('plan_end', pstart, pend);
                END IF;
                SELECT * INTO existing FROM plan pl WHERE pl.person_id = r.f_person AND pl.kind = v_kind
                    AND pl.start_date = pstart AND pl.recorded_in_error_at IS NULL;
                IF existing.id IS NOT NULL AND existing.end_date IS NOT NULL
                   AND pend IS DISTINCT FROM existing.end_date THEN
                    PERFORM _invalid('plan_end', format('This plan ended here on %s: correct it on the child''s record.',
                                                        to_char(existing.end_date, 'DD/MM/YYYY')));
                END IF;
                IF existing.id IS NULL AND pend IS NULL AND EXISTS (
                        SELECT 1 FROM plan pl WHERE pl.person_id = r.f_person AND pl.kind = v_kind
                        AND pl.end_date IS NULL AND pl.recorded_in_error_at IS NULL) THEN
                    PERFORM _invalid('plan_start', format('Another %s is current here: end it on the child''s record first.', v_kind));
                END IF;
            END IF;
            -- Kept in arrays and written after the loop: a write here would give each row's
            -- subtransaction an id of its own, which costs every later read.
            n := n + 1;
            a_line[n] := r.line; a_fore[n] := fore; a_sur[n] := sur; a_gen[n] := gen; a_dob[n] := dob;
            a_edd[n] := edd; a_kind[n] := v_kind; a_start[n] := pstart; a_end[n] := pend;
            a_digits[n] := digits; a_worker[n] := v_worker;
        EXCEPTION WHEN SQLSTATE 'CPVL1' THEN
            GET STACKED DIAGNOSTICS col = COLUMN_NAME, msg = MESSAGE_TEXT;
            m := m + 1;
            x_line[m] := r.line; x_col[m] := col; x_msg[m] := msg;
        END;
    END LOOP;
    UPDATE import_row i SET f_forenames = u.fore, f_surname = u.sur, f_gender = u.gen, f_dob = u.dob, f_edd = u.edd,
                            f_kind = u.kind, f_start = u.pstart, f_end = u.pend, f_digits = u.digits, f_worker = u.worker
    FROM unnest(a_line, a_fore, a_sur, a_gen, a_dob, a_edd, a_kind, a_start, a_end, a_digits, a_worker)
         AS u(line, fore, sur, gen, dob, edd, kind, pstart, pend, digits, worker)
    WHERE i.line = u.line;
    UPDATE import_row i SET refused_column = u.col, refused_reason = u.msg
    FROM unnest(x_line, x_col, x_msg) AS u(line, col, msg) WHERE i.line = u.line;

    -- Across rows: a person's rows must agree on the person's columns (else all are refused).
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
        FROM import_row i WHERE coalesce(i.authority_person_id, '') <> ''
        GROUP BY i.authority_person_id HAVING count(*) > 1)
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

    -- Apply, person by person, mothers (the born) first.
    -- Only the people and plans the file changes are visited: on a nightly file most rows are
    -- as they were, and cost only their checks above. What each line became is kept in arrays
    -- (new before changed) and written once at the end.
    FOR r IN SELECT f.* FROM (SELECT DISTINCT ON (i.authority_person_id) i.*
                              FROM import_row i WHERE i.refused_reason IS NULL
                              ORDER BY i.authority_person_id, i.line) f
             LEFT JOIN person pe ON pe.id = f.f_person
             WHERE pe.id IS NULL
                OR (pe.legal_forenames, pe.legal_surname, pe.gender, pe.date_of_birth)
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
        IF r.f_person IS NULL THEN
            r.f_person := _create_person(r.f_forenames, r.f_surname, r.f_gender, r.f_dob, r.f_edd, v_mother,
                                         r.f_digits, btrim(r.authority_person_id),
                                         jsonb_build_object('import', p_file));
            c := c + 1;
            c_auth[c] := r.authority_person_id; c_id[c] := r.f_person;
            k := k + 1;
            res_line[k] := r.line; res_out[k] := 'new';
        ELSE
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
        END IF;
        IF r.f_worker IS NOT NULL AND current_key_worker(r.f_person) IS DISTINCT FROM r.f_worker THEN
            SELECT * INTO p FROM person pe WHERE pe.id = r.f_person;
            PERFORM _allocate_key_worker(p, r.f_worker, 'key_worker');
            changed := true;
        END IF;
        IF changed THEN
            k := k + 1;
            res_line[k] := r.line; res_out[k] := 'changed';
        END IF;
    END LOOP;
    UPDATE import_row i SET f_person = u.id, created = true
    FROM unnest(c_auth, c_id) AS u(auth, id) WHERE i.authority_person_id = u.auth;

    -- The plans of the applied rows: started (and ended when the file ends them), or ended.
    FOR r IN SELECT i.* FROM import_row i
             LEFT JOIN plan pl ON pl.person_id = i.f_person AND pl.kind = i.f_kind AND pl.start_date = i.f_start
                              AND pl.recorded_in_error_at IS NULL
             WHERE i.refused_reason IS NULL AND i.f_kind IS NOT NULL
               AND (pl.id IS NULL OR (i.f_end IS NOT NULL AND pl.end_date IS NULL))
             ORDER BY i.line LOOP
        SELECT * INTO existing FROM plan pl WHERE pl.person_id = r.f_person AND pl.kind = r.f_kind
            AND pl.start_date = r.f_start AND pl.recorded_in_error_at IS NULL;
        k := k + 1;
        res_line[k] := r.line; res_out[k] := 'changed';
        IF existing.id IS NULL THEN
            INSERT INTO plan (person_id, kind, start_date) VALUES (r.f_person, r.f_kind, r.f_start)
            RETURNING * INTO existing;
            -- A person this import created was just audited and notified, at its first version:
            -- the plan's audit line is enough.
            IF r.created THEN
                PERFORM _audit('plan.started', r.f_person,
                               jsonb_build_object('plan', existing.id, 'kind', r.f_kind, 'import', p_file));
            ELSE
                PERFORM _person_changed(r.f_person, 'plan.started',
                                        jsonb_build_object('plan', existing.id, 'kind', r.f_kind, 'import', p_file));
            END IF;
            res_out[k] := 'new';
        END IF;
        IF r.f_end IS NOT NULL AND existing.end_date IS NULL THEN
            PERFORM _end_plan(existing, r.f_end);
            PERFORM _person_changed(r.f_person, 'plan.ended',
                                    jsonb_build_object('plan', existing.id, 'kind', r.f_kind, 'import', p_file));
        END IF;
    END LOOP;

    UPDATE import_row i SET result = 'unchanged' WHERE i.refused_reason IS NULL;
    UPDATE import_row i SET result = u.outcome
    FROM (SELECT x.line, CASE WHEN bool_or(x.o = 'new') THEN 'new' ELSE 'changed' END AS outcome
          FROM unnest(res_line, res_out) AS x(line, o) GROUP BY x.line) u
    WHERE i.line = u.line;
    UPDATE import_row i SET result = 'refused' WHERE i.refused_reason IS NOT NULL;
    refused_count := (SELECT count(*) FROM import_row i WHERE i.result = 'refused');
    IF refused_count > 0 THEN
        PERFORM raise_cpis_alert('Records import', NULL,
            format('The records import of %s refused %s of its %s rows: import it again to see the reasons.',
                   p_file, refused_count, (SELECT count(*) FROM import_row)));
    END IF;

    RETURN QUERY
    SELECT i.line, i.result, i.refused_column, i.refused_reason, i.f_person,
           coalesce(i.legal_forenames || ' ', '') || coalesce(i.legal_surname, '')
    FROM import_row i ORDER BY i.line;

    IF coalesce(p_snapshot, false) THEN
        IF to_regclass('pg_temp.import_missing') IS NOT NULL THEN
        DROP TABLE pg_temp.import_missing;
    END IF;
        CREATE TEMP TABLE import_missing ON COMMIT DROP AS
        SELECT pl.id, pl.person_id, pl.kind, pl.start_date, pe.legal_forenames || ' ' || pe.legal_surname AS name
        FROM plan pl JOIN person pe ON pe.id = pl.person_id
        WHERE pl.end_date IS NULL AND pl.recorded_in_error_at IS NULL AND person_is_visible(pe.id)
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
