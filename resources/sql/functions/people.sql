-- Children's records: finding a child, and every change to a record (new child, details,
-- other names, NHS number, birth, plans, key worker, restriction, upload again), each one
-- function that checks who may, the row version and the rules, audits, notifies and queues
-- the upload when it changes what CP-IS holds. Who may record is in docs/security.md.
-- The current definition of each function; see ORDER for the rules of this folder.

-- ---------------------------------------------------------------- who may record

-- Whether the session is a team manager of a team one of the child's current workers is in.
CREATE OR REPLACE FUNCTION _manages_team_of(p_person bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT pg_has_role(session_user, 'cpis_team_manager', 'MEMBER') AND EXISTS (
        SELECT 1 FROM involvement i JOIN worker w ON w.id = i.worker_id
        JOIN team_manager tm ON tm.team_id = w.team_id
        WHERE i.person_id = p_person AND i.ended_on IS NULL AND tm.worker_id = current_worker_id())
$$;
REVOKE EXECUTE ON FUNCTION _manages_team_of(bigint) FROM PUBLIC;

-- Whether the session may change this child's record: records officers any child they may
-- see; key workers a child they are involved with now; team managers a child they are
-- involved with or whose current worker is in a team they manage. Safeguarding Admin,
-- system administrators and the exchange read only.
CREATE OR REPLACE FUNCTION _may_record(p_person bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT person_is_visible(p_person) AND (
        pg_has_role(session_user, 'cpis_records_officer', 'MEMBER')
        OR ((pg_has_role(session_user, 'cpis_key_worker', 'MEMBER')
             OR pg_has_role(session_user, 'cpis_team_manager', 'MEMBER'))
            AND EXISTS (SELECT 1 FROM involvement i WHERE i.person_id = p_person
                        AND i.worker_id = current_worker_id() AND i.ended_on IS NULL))
        OR _manages_team_of(p_person))
$$;
REVOKE EXECUTE ON FUNCTION _may_record(bigint) FROM PUBLIC;

-- Restriction and who may see a restricted child: team managers for their team's children
-- and records officers, never a key worker on their own.
CREATE OR REPLACE FUNCTION _may_restrict(p_person bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT person_is_visible(p_person)
       AND (pg_has_role(session_user, 'cpis_records_officer', 'MEMBER') OR _manages_team_of(p_person)
            OR (pg_has_role(session_user, 'cpis_team_manager', 'MEMBER')
                AND EXISTS (SELECT 1 FROM involvement i WHERE i.person_id = p_person
                            AND i.worker_id = current_worker_id() AND i.ended_on IS NULL)))
$$;
REVOKE EXECUTE ON FUNCTION _may_restrict(bigint) FROM PUBLIC;

-- For the client, which shows the actions only to those who may take them (the functions
-- decide either way).
CREATE OR REPLACE FUNCTION person_may_record(p_person bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT _may_record(p_person)
$$;
REVOKE EXECUTE ON FUNCTION person_may_record(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION person_may_record(bigint)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin, cpis_records_officer;

CREATE OR REPLACE FUNCTION person_may_restrict(p_person bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT _may_restrict(p_person)
$$;
REVOKE EXECUTE ON FUNCTION person_may_restrict(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION person_may_restrict(bigint)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin, cpis_records_officer;

-- Refuses a change made from p_version when someone changed the record since.
CREATE OR REPLACE FUNCTION _check_person_version(p person, p_version integer) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF p_version IS DISTINCT FROM p.row_version THEN
        RAISE EXCEPTION 'This record was changed by % at % since you opened it.', _worker_name(p.updated_by),
            to_char(coalesce(p.updated_at, now()) AT TIME ZONE 'Europe/London', 'DD/MM/YYYY HH24:MI:SS')
            USING ERRCODE = 'CPST1', HINT = 'Reload the record to see the changes, then make yours again.';
    END IF;
END $$;
REVOKE EXECUTE ON FUNCTION _check_person_version(person, integer) FROM PUBLIC;

-- The child's row, locked, when the session may change it and nobody changed it since
-- p_version; p_restriction asks for the restriction rule instead of the recording one.
CREATE OR REPLACE FUNCTION _person_to_change(p_person bigint, p_version integer, p_what text,
                                             p_restriction boolean DEFAULT false)
RETURNS person
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    p person;
BEGIN
    PERFORM _require_worker();
    SELECT * INTO p FROM person WHERE id = p_person FOR UPDATE;
    IF NOT FOUND OR NOT person_is_visible(p_person) THEN
        RAISE EXCEPTION 'There is no person %.', p_person USING ERRCODE = 'CPNF1';
    END IF;
    IF p_restriction AND NOT _may_restrict(p_person) THEN
        RAISE EXCEPTION 'Only the team manager of the child''s team or a records officer can %.', p_what
            USING ERRCODE = '42501';
    ELSIF NOT p_restriction AND NOT _may_record(p_person) THEN
        RAISE EXCEPTION 'Only the child''s key worker, their team manager or a records officer can %.', p_what
            USING ERRCODE = '42501',
                  HINT = 'Safeguarding Admin and system administrators may read a child''s record, not change it.';
    END IF;
    PERFORM _check_person_version(p, p_version);
    RETURN p;
END $$;
REVOKE EXECUTE ON FUNCTION _person_to_change(bigint, integer, text, boolean) FROM PUBLIC;

-- The audit lines of many people at once: p_details[i] for p_people[i], by the session's worker
-- (_audit for a set).
CREATE OR REPLACE FUNCTION _audit_people(p_action text, p_people bigint[], p_details jsonb[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me integer := current_worker_id();
BEGIN
    INSERT INTO audit (worker_id, action, person_id, details)
    SELECT me, p_action, c.person, coalesce(c.details, '{}')
    FROM unnest(p_people, p_details) WITH ORDINALITY AS c(person, details, n) ORDER BY c.n;
END $$;
REVOKE EXECUTE ON FUNCTION _audit_people(text, bigint[], jsonb[]) FROM PUBLIC;

-- Records changed: for each, a new version, who and when, and the audit line (p_details[i] for
-- p_people[i]); one notification for them all (naming the child when there is one). The records
-- import changes many at once; _person_changed is the same for one.
CREATE OR REPLACE FUNCTION _people_changed(p_people bigint[], p_action text, p_details jsonb[])
RETURNS TABLE (person_id bigint, row_version integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me integer := current_worker_id();
BEGIN
    IF coalesce(cardinality(p_people), 0) = 0 THEN
        RETURN;
    END IF;
    PERFORM _audit_people(p_action, p_people, p_details);
    PERFORM _notify('person', CASE WHEN cardinality(p_people) = 1 THEN p_people[1] END);
    RETURN QUERY
    UPDATE person pe SET row_version = pe.row_version + 1, updated_by = me, updated_at = now()
    WHERE pe.id = ANY (p_people) RETURNING pe.id, pe.row_version;
END $$;
REVOKE EXECUTE ON FUNCTION _people_changed(bigint[], text, jsonb[]) FROM PUBLIC;

CREATE OR REPLACE FUNCTION _person_changed(p_person bigint, p_action text, p_details jsonb)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    RETURN (SELECT c.row_version FROM _people_changed(ARRAY[p_person], p_action, ARRAY[p_details]) c);
END $$;
REVOKE EXECUTE ON FUNCTION _person_changed(bigint, text, jsonb) FROM PUBLIC;

-- ---------------------------------------------------------------- rules on values

-- Each rule below has a problem form (see _raise_problem): {column, reason} or NULL, for a whole
-- set of rows at once (the records import), and the raising _check_* the screens call.
CREATE OR REPLACE FUNCTION _name_part_problem(p_field text, p_label text, p_value text) RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN btrim(coalesce(p_value, '')) = ''
                THEN ARRAY[p_field, format('%s is required, exactly as on the birth certificate.', p_label)]
                ELSE _text_problem(p_field, p_label, p_value, 200, 'one') END
$$;
REVOKE EXECUTE ON FUNCTION _name_part_problem(text, text, text) FROM PUBLIC;

CREATE OR REPLACE FUNCTION _check_name_part(p_field text, p_label text, p_value text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    PERFORM _raise_problem(_name_part_problem(p_field, p_label, p_value));
    RETURN btrim(p_value);
END $$;
REVOKE EXECUTE ON FUNCTION _check_name_part(text, text, text) FROM PUBLIC;

CREATE OR REPLACE FUNCTION _gender_problem(p_gender text) RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN coalesce(p_gender, '') NOT IN ('Male', 'Female', 'Other', 'Not known')
                THEN ARRAY['gender', format('Gender "%s" must be one of Male, Female, Other, Not known.',
                                            coalesce(p_gender, ''))] END
$$;
REVOKE EXECUTE ON FUNCTION _gender_problem(text) FROM PUBLIC;

CREATE OR REPLACE FUNCTION _check_gender(p_gender text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    PERFORM _raise_problem(_gender_problem(p_gender));
    RETURN p_gender;
END $$;
REVOKE EXECUTE ON FUNCTION _check_gender(text) FROM PUBLIC;

-- A date that has happened (a date of birth, a plan's start or end): not after today in England.
CREATE OR REPLACE FUNCTION _not_future_problem(p_field text, p_label text, p_date date) RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN p_date IS NULL THEN ARRAY[p_field, format('%s is required.', p_label)]
                WHEN p_date > (now() AT TIME ZONE 'Europe/London')::date
                THEN ARRAY[p_field, format('%s %s is in the future.', p_label, to_char(p_date, 'DD/MM/YYYY'))] END
$$;
REVOKE EXECUTE ON FUNCTION _not_future_problem(text, text, date) FROM PUBLIC;

CREATE OR REPLACE FUNCTION _check_not_future(p_field text, p_label text, p_date date) RETURNS date
LANGUAGE plpgsql STABLE AS $$
BEGIN
    PERFORM _raise_problem(_not_future_problem(p_field, p_label, p_date));
    RETURN p_date;
END $$;
REVOKE EXECUTE ON FUNCTION _check_not_future(text, text, date) FROM PUBLIC;

-- "943 476 5919": how the number is shown everywhere.
CREATE OR REPLACE FUNCTION nhs_number_formatted(p_number text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN p_number ~ '^[0-9]{10}$'
                THEN substr(p_number, 1, 3) || ' ' || substr(p_number, 4, 3) || ' ' || substr(p_number, 7, 4)
                ELSE p_number END
$$;
-- Every role may call it (never revoked from PUBLIC).

-- The digits of an NHS number typed with or without spaces or dashes.
CREATE OR REPLACE FUNCTION _nhs_digits(p_number text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT regexp_replace(coalesce(p_number, ''), '[[:space:]-]', '', 'g')
$$;
REVOKE EXECUTE ON FUNCTION _nhs_digits(text) FROM PUBLIC;

-- An NHS number checked (Modulus 11, nhs_number_is_valid: the one rule) and refused when
-- another record holds it (p_holder, found by the caller: the record with that number recorded,
-- other than the child's own), naming that record when the session may see it.
CREATE OR REPLACE FUNCTION _nhs_number_problem(p_field text, p_number text, p_holder bigint, p_holder_name text,
                                               p_holder_visible boolean)
RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN _nhs_digits(p_number) = '' THEN ARRAY[p_field, 'Type the NHS number: ten digits.']
        WHEN _nhs_digits(p_number) !~ '^[0-9]{10}$'
        THEN ARRAY[p_field, format('The NHS number "%s" must be ten digits.', btrim(p_number))]
        WHEN NOT nhs_number_is_valid(_nhs_digits(p_number))
        THEN ARRAY[p_field, format('The NHS number %s fails the check digit (Modulus 11): check it was typed correctly.',
                                   nhs_number_formatted(_nhs_digits(p_number)))]
        WHEN p_holder IS NOT NULL AND p_holder_visible
        THEN ARRAY[p_field, format('The NHS number %s is already recorded for %s (person ID %s): open that record instead.',
                                   nhs_number_formatted(_nhs_digits(p_number)), p_holder_name, p_holder)]
        WHEN p_holder IS NOT NULL
        THEN ARRAY[p_field, format('The NHS number %s is already recorded for a restricted record you may not see: ask its team manager.',
                                   nhs_number_formatted(_nhs_digits(p_number)))] END
$$;
REVOKE EXECUTE ON FUNCTION _nhs_number_problem(text, text, bigint, text, boolean) FROM PUBLIC;

-- The digits of a typed NHS number, refused (_nhs_number_problem) when wrong or held by another
-- record than p_person.
CREATE OR REPLACE FUNCTION _checked_nhs_number(p_field text, p_number text, p_person bigint) RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    digits text := _nhs_digits(p_number);
    holder person;
BEGIN
    SELECT * INTO holder FROM person
    WHERE nhs_number = digits AND nhs_number_status = 'recorded' AND id IS DISTINCT FROM p_person
    LIMIT 1;
    PERFORM _raise_problem(_nhs_number_problem(p_field, p_number, holder.id,
                                               holder.legal_forenames || ' ' || holder.legal_surname,
                                               holder.id IS NOT NULL AND person_is_visible(holder.id)));
    RETURN digits;
END $$;
REVOKE EXECUTE ON FUNCTION _checked_nhs_number(text, text, bigint) FROM PUBLIC;

-- ---------------------------------------------------------------- finding a child

-- A child by part of any name (legal or other), person ID, NHS number (with or without spaces),
-- date of birth / expected date (DD/MM/YYYY or YYYY-MM-DD), or exactly its main system ID
-- (authority_person_id, from the records feed); restricted children only to those allowed to
-- see them. At most 100, by name.
CREATE OR REPLACE FUNCTION search_people(p_text text)
RETURNS TABLE (person_id bigint, name text, date_of_birth date, expected_delivery date,
               nhs_number text, key_worker text, cpis_status text, matched_name text,
               authority_person_id text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    t text := btrim(coalesce(p_text, ''));
    digits text := regexp_replace(t, '[[:space:]-]', '', 'g');
    d date;
    ids bigint[];
BEGIN
    PERFORM _require_worker();
    PERFORM _check_text('text', 'The search', t, 200, 'one');
    IF length(t) < 2 THEN
        PERFORM _invalid('text', 'Type at least two characters of a name, or a person ID, NHS number or date of birth.');
    END IF;
    -- The date forms first: 2016-11-28 without its dashes would look like a person ID.
    IF t ~ '^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}$' OR t ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
        BEGIN
            d := CASE WHEN t LIKE '%/%' THEN to_date(t, 'DD/MM/YYYY') ELSE t::date END;
        EXCEPTION WHEN OTHERS THEN
            PERFORM _invalid('text', format('"%s" is not a date: use DD/MM/YYYY.', t));
        END;
        IF to_char(d, 'FMDD/FMMM/YYYY') <> regexp_replace(t, '(^|/)0', '\1', 'g') AND t LIKE '%/%' THEN
            PERFORM _invalid('text', format('"%s" is not a date: use DD/MM/YYYY.', t));
        END IF;
        ids := ARRAY(SELECT p.id FROM person p WHERE p.date_of_birth = d
                     UNION SELECT p.id FROM person p WHERE p.expected_delivery = d AND p.date_of_birth IS NULL);
    ELSIF digits ~ '^[0-9]{1,18}$' THEN
        ids := ARRAY(SELECT p.id FROM person p WHERE p.id = digits::bigint OR p.nhs_number = digits);
    ELSE
        -- Only the first 100 by name leave here: a forename one child in ten shares would
        -- otherwise carry ten thousand ids into the query below.
        ids := ARRAY(
            SELECT m.id FROM (
                SELECT p.id, p.legal_surname, p.legal_forenames, p.restricted FROM person p
                WHERE lower(p.legal_forenames || ' ' || p.legal_surname)
                      LIKE '%' || replace(replace(replace(lower(t), '\', '\\'), '%', '\%'), '_', '\_') || '%'
                UNION
                SELECT p.id, p.legal_surname, p.legal_forenames, p.restricted
                FROM person_other_name o JOIN person p ON p.id = o.person_id
                WHERE lower(o.forenames || ' ' || o.surname)
                      LIKE '%' || replace(replace(replace(lower(t), '\', '\\'), '%', '\%'), '_', '\_') || '%') m
            WHERE NOT m.restricted OR person_is_visible(m.id)
            ORDER BY lower(m.legal_surname), lower(m.legal_forenames), m.id
            LIMIT 100);
    END IF;
    -- The main system's id, whatever it looks like (digits, a date, letters): exactly, by its
    -- unique index.
    ids := ARRAY(SELECT p.id FROM person p WHERE p.authority_person_id = t) || ids;
    -- The first 100 by name, then what the table shows of just those. NOT p.restricted first:
    -- person_is_visible is a call per row, and most children are not restricted.
    RETURN QUERY
    WITH first AS (
        SELECT p.* FROM person p
        WHERE p.id = ANY (ids) AND (NOT p.restricted OR person_is_visible(p.id))
        ORDER BY lower(p.legal_surname), lower(p.legal_forenames), p.id
        LIMIT 100)
    SELECT p.id, p.legal_forenames || ' ' || p.legal_surname, p.date_of_birth, p.expected_delivery,
           coalesce(nhs_number_formatted(p.nhs_number), ''), coalesce(kw.name, ''),
           CASE WHEN cpis_ended_at_18(p.date_of_birth) AND s.status IS NOT NULL THEN 'ended_at_18'
                ELSE coalesce(s.status, '') END,
           coalesce((SELECT string_agg(btrim(o.forenames || ' ' || o.surname) || ' (' || o.kind || ')', ', ')
                     FROM person_other_name o WHERE o.person_id = p.id
                       AND lower(o.forenames || ' ' || o.surname) LIKE '%' || lower(t) || '%'), ''),
           coalesce(p.authority_person_id, '')
    FROM first p
    LEFT JOIN involvement i ON i.person_id = p.id AND i.role = 'Key Worker' AND i.ended_on IS NULL
    LEFT JOIN worker kw ON kw.id = i.worker_id
    LEFT JOIN person_cpis_status s ON s.person_id = p.id
    ORDER BY lower(p.legal_surname), lower(p.legal_forenames), p.id;
END $$;
REVOKE EXECUTE ON FUNCTION search_people(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION search_people(text)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin,
       cpis_records_officer;

-- Before a new child is saved: the records that may be the same child. An NHS number already
-- recorded is refused when saving; the same legal name and date of birth, or an other name the
-- same as the new legal name, must be confirmed. Restricted records are counted, not named.
CREATE OR REPLACE FUNCTION possible_duplicates(p_forenames text, p_surname text, p_date_of_birth date,
                                               p_nhs_number text)
RETURNS TABLE (person_id bigint, name text, date_of_birth date, nhs_number text, reason text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    digits text := regexp_replace(coalesce(p_nhs_number, ''), '[[:space:]-]', '', 'g');
    full_name text := lower(btrim(coalesce(p_forenames, '')) || ' ' || btrim(coalesce(p_surname, '')));
BEGIN
    PERFORM _require_worker();
    RETURN QUERY
    WITH found AS (
        SELECT p.id, 'nhs_number' AS why FROM person p
        WHERE digits <> '' AND p.nhs_number = digits AND p.nhs_number_status = 'recorded'
        UNION ALL
        SELECT p.id, 'name_and_date_of_birth' FROM person p
        WHERE p_date_of_birth IS NOT NULL AND p.date_of_birth = p_date_of_birth
          AND lower(p.legal_forenames || ' ' || p.legal_surname) = full_name
        UNION ALL
        SELECT o.person_id, 'other_name' FROM person_other_name o
        WHERE full_name <> ' ' AND lower(btrim(o.forenames || ' ' || o.surname)) = full_name)
    SELECT DISTINCT ON (f.id, f.why)
           f.id, CASE WHEN person_is_visible(f.id) THEN p.legal_forenames || ' ' || p.legal_surname
                      ELSE '(a restricted record)' END,
           CASE WHEN person_is_visible(f.id) THEN p.date_of_birth END,
           CASE WHEN person_is_visible(f.id) THEN coalesce(nhs_number_formatted(p.nhs_number), '') ELSE '' END,
           f.why
    FROM found f JOIN person p ON p.id = f.id
    ORDER BY f.id, f.why;
END $$;
REVOKE EXECUTE ON FUNCTION possible_duplicates(text, text, date, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION possible_duplicates(text, text, date, text)
    TO cpis_key_worker, cpis_team_manager, cpis_records_officer;

-- ---------------------------------------------------------------- new child

-- New people, already checked (p_people: their names, gender, dates, mother, NHS number digits
-- and authority person ID; the other fields are ignored): the rows, who and when, an audit line
-- each (with p_details) and one notification. For recording a new child (_create_person: one)
-- and the records import (functions/records_import.sql: all its new people at once).
CREATE OR REPLACE FUNCTION _create_people(p_people person[], p_details jsonb) RETURNS SETOF person
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me integer := current_worker_id();
    made person[];
BEGIN
    IF coalesce(cardinality(p_people), 0) = 0 THEN
        RETURN;
    END IF;
    WITH inserted AS (
        INSERT INTO person (legal_forenames, legal_surname, gender, date_of_birth, expected_delivery, mother_id,
                            nhs_number, nhs_number_status, authority_person_id, updated_by, updated_at)
        SELECT p.legal_forenames, p.legal_surname, p.gender, p.date_of_birth, p.expected_delivery, p.mother_id,
               p.nhs_number, CASE WHEN p.nhs_number IS NULL THEN 'unknown' ELSE 'recorded' END,
               p.authority_person_id, me, now()
        FROM unnest(p_people) WITH ORDINALITY AS p ORDER BY p.ordinality
        RETURNING *)
    SELECT array_agg(i::person ORDER BY i.id) INTO made FROM inserted i;
    PERFORM _audit_people('person.created', ARRAY(SELECT m.id FROM unnest(made) AS m ORDER BY m.id),
        ARRAY(SELECT jsonb_build_object('unborn', m.date_of_birth IS NULL, 'mother', m.mother_id,
                                        'nhs_number', m.nhs_number IS NOT NULL) || coalesce(p_details, '{}')
              FROM unnest(made) AS m ORDER BY m.id));
    PERFORM _notify('person', CASE WHEN cardinality(made) = 1 THEN (made[1]).id END);
    RETURN QUERY SELECT * FROM unnest(made);
END $$;
REVOKE EXECUTE ON FUNCTION _create_people(person[], jsonb) FROM PUBLIC;

-- One new person (_create_people with one row).
CREATE OR REPLACE FUNCTION _create_person(p_forenames text, p_surname text, p_gender text, p_date_of_birth date,
                                          p_expected date, p_mother bigint, p_digits text,
                                          p_authority_person_id text, p_details jsonb)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    p person;
BEGIN
    p.legal_forenames := p_forenames; p.legal_surname := p_surname; p.gender := p_gender;
    p.date_of_birth := p_date_of_birth; p.expected_delivery := p_expected; p.mother_id := p_mother;
    p.nhs_number := p_digits; p.authority_person_id := p_authority_person_id;
    RETURN (SELECT c.id FROM _create_people(ARRAY[p], p_details) c);
END $$;
REVOKE EXECUTE ON FUNCTION _create_person(text, text, text, date, date, bigint, text, text, jsonb) FROM PUBLIC;

-- Records officers and team managers (who then are involved with the child, so that they can
-- go on to allocate the key worker) record a new child; p_confirmed says the warnings about
-- possible duplicates were seen.
CREATE OR REPLACE FUNCTION _new_person(p_forenames text, p_surname text, p_gender text, p_date_of_birth date,
                                       p_expected date, p_mother bigint, p_nhs_number text, p_confirmed boolean)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me integer := _require_worker();
    fore text;
    sur text;
    digits text;
    new_id bigint;
BEGIN
    IF NOT _has_any_role('cpis_records_officer', 'cpis_team_manager') THEN
        RAISE EXCEPTION 'Only team managers and records officers can record a new child.' USING ERRCODE = '42501';
    END IF;
    fore := _check_name_part('forenames', 'The legal forename(s)', p_forenames);
    sur := _check_name_part('surname', 'The legal surname', p_surname);
    PERFORM _check_gender(p_gender);
    IF p_nhs_number IS NOT NULL AND btrim(p_nhs_number) <> '' THEN
        digits := _checked_nhs_number('nhs_number', p_nhs_number, NULL);
    END IF;
    IF NOT coalesce(p_confirmed, false) AND EXISTS (
            SELECT 1 FROM possible_duplicates(fore, sur, p_date_of_birth, NULL)) THEN
        PERFORM _invalid('confirm', 'There may already be a record of this child (the same name and date of birth, or the same other name): check the possible duplicates, then confirm.');
    END IF;
    new_id := _create_person(fore, sur, p_gender, p_date_of_birth, p_expected, p_mother, digits, NULL, NULL);
    IF NOT pg_has_role(session_user, 'cpis_records_officer', 'MEMBER') THEN
        INSERT INTO involvement (person_id, worker_id, role) VALUES (new_id, me, 'Team Manager');
    END IF;
    RETURN new_id;
END $$;
REVOKE EXECUTE ON FUNCTION _new_person(text, text, text, date, date, bigint, text, boolean) FROM PUBLIC;

CREATE OR REPLACE FUNCTION new_child(p_forenames text, p_surname text, p_gender text, p_date_of_birth date,
                                     p_nhs_number text, p_confirmed boolean)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM _check_not_future('date_of_birth', 'The date of birth', p_date_of_birth);
    RETURN _new_person(p_forenames, p_surname, p_gender, p_date_of_birth, NULL, NULL, p_nhs_number, p_confirmed);
END $$;
REVOKE EXECUTE ON FUNCTION new_child(text, text, text, date, text, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION new_child(text, text, text, date, text, boolean)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin, cpis_records_officer;

-- An unborn child: the expected date of delivery and the mother (recorded first, with her own
-- date of birth); CP-IS is sent the mother's NHS number until the birth is recorded.
CREATE OR REPLACE FUNCTION new_unborn_child(p_forenames text, p_surname text, p_expected_delivery date,
                                            p_mother bigint, p_confirmed boolean)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    mother person;
BEGIN
    PERFORM _require_worker();
    IF p_expected_delivery IS NULL THEN
        PERFORM _invalid('expected_delivery', 'The expected date of delivery is required.');
    END IF;
    SELECT * INTO mother FROM person WHERE id = p_mother;
    IF NOT FOUND OR NOT person_is_visible(p_mother) THEN
        PERFORM _invalid('mother', format('There is no person %s to record as the mother: find her, or record her first.',
                                          coalesce(p_mother::text, '(none chosen)')));
    END IF;
    IF mother.date_of_birth IS NULL THEN
        PERFORM _invalid('mother', format('%s %s is an unborn child and cannot be recorded as a mother.',
                                          mother.legal_forenames, mother.legal_surname));
    END IF;
    RETURN _new_person(p_forenames, p_surname, 'Not known', NULL, p_expected_delivery, p_mother, NULL, p_confirmed);
END $$;
REVOKE EXECUTE ON FUNCTION new_unborn_child(text, text, date, bigint, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION new_unborn_child(text, text, date, bigint, boolean)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin, cpis_records_officer;

-- ---------------------------------------------------------------- details and other names

-- The legal name (a change goes to CP-IS at the next upload and is listed in the data quality
-- view until then), gender, and the date of birth, or for an unborn child the expected date.
CREATE OR REPLACE FUNCTION edit_person_details(p_person bigint, p_version integer, p_forenames text,
                                               p_surname text, p_gender text, p_date_of_birth date,
                                               p_expected_delivery date)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    p person := _person_to_change(p_person, p_version, 'change a child''s details');
    fore text := _check_name_part('forenames', 'The legal forename(s)', p_forenames);
    sur text := _check_name_part('surname', 'The legal surname', p_surname);
BEGIN
    PERFORM _check_gender(p_gender);
    IF p.date_of_birth IS NULL THEN
        IF p_date_of_birth IS NOT NULL THEN
            PERFORM _invalid('date_of_birth', 'Record the birth instead: the child''s own NHS number and plans change with it.');
        END IF;
        IF p_expected_delivery IS NULL THEN
            PERFORM _invalid('expected_delivery', 'The expected date of delivery is required.');
        END IF;
    ELSE
        PERFORM _check_not_future('date_of_birth', 'The date of birth', p_date_of_birth);
    END IF;
    UPDATE person SET legal_forenames = fore, legal_surname = sur, gender = p_gender,
                      date_of_birth = CASE WHEN p.date_of_birth IS NULL THEN NULL ELSE p_date_of_birth END,
                      expected_delivery = CASE WHEN p.date_of_birth IS NULL THEN p_expected_delivery
                                               ELSE p.expected_delivery END
    WHERE id = p_person;
    RETURN _person_changed(p_person, 'person.details_changed', jsonb_build_object(
        'name_changed', (fore, sur) IS DISTINCT FROM (p.legal_forenames, p.legal_surname),
        'date_of_birth_changed', p_date_of_birth IS DISTINCT FROM p.date_of_birth));
END $$;
REVOKE EXECUTE ON FUNCTION edit_person_details(bigint, integer, text, text, text, date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION edit_person_details(bigint, integer, text, text, text, date, date)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin, cpis_records_officer;

-- Another name the child is known by (kind, from): kept apart from the legal name.
CREATE OR REPLACE FUNCTION add_other_name(p_person bigint, p_version integer, p_kind text, p_forenames text,
                                          p_surname text, p_from date)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    p person := _person_to_change(p_person, p_version, 'add another name');
    fore text := btrim(coalesce(p_forenames, ''));
    sur text := btrim(coalesce(p_surname, ''));
BEGIN
    IF coalesce(p_kind, '') NOT IN ('Known as', 'Previous name', 'Alias', 'Alternative spelling') THEN
        PERFORM _invalid('kind', format('The kind "%s" must be one of Known as, Previous name, Alias, Alternative spelling.',
                                        coalesce(p_kind, '')));
    END IF;
    PERFORM _check_text('forenames', 'The forename(s)', fore, 200, 'one');
    PERFORM _check_text('surname', 'The surname', sur, 200, 'one');
    IF fore = '' AND sur = '' THEN
        PERFORM _invalid('surname', 'Type the other name: a forename, a surname or both.');
    END IF;
    IF p_from IS NOT NULL THEN
        PERFORM _check_not_future('from', 'The date from', p_from);
    END IF;
    INSERT INTO person_other_name (person_id, kind, forenames, surname, valid_from)
    VALUES (p.id, p_kind, fore, sur, p_from);
    RETURN _person_changed(p.id, 'person.other_name_added', jsonb_build_object('kind', p_kind));
END $$;
REVOKE EXECUTE ON FUNCTION add_other_name(bigint, integer, text, text, text, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION add_other_name(bigint, integer, text, text, text, date)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin, cpis_records_officer;

-- The child is no longer known by that name from p_to; the name stays in the history.
CREATE OR REPLACE FUNCTION end_other_name(p_name bigint, p_version integer, p_to date)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    n person_other_name;
    p person;
BEGIN
    SELECT * INTO n FROM person_other_name WHERE id = p_name;
    IF NOT FOUND OR NOT person_is_visible(n.person_id) THEN
        RAISE EXCEPTION 'There is no other name %.', p_name USING ERRCODE = 'CPNF1';
    END IF;
    p := _person_to_change(n.person_id, p_version, 'end another name');
    IF n.valid_to IS NOT NULL THEN
        PERFORM _invalid('to', format('That name already ended on %s.', to_char(n.valid_to, 'DD/MM/YYYY')));
    END IF;
    PERFORM _check_not_future('to', 'The date to', p_to);
    IF n.valid_from IS NOT NULL AND p_to < n.valid_from THEN
        PERFORM _invalid('to', format('The date to must be on or after the date from, %s.', to_char(n.valid_from, 'DD/MM/YYYY')));
    END IF;
    UPDATE person_other_name SET valid_to = p_to WHERE id = p_name;
    RETURN _person_changed(p.id, 'person.other_name_ended', jsonb_build_object('other_name', p_name));
END $$;
REVOKE EXECUTE ON FUNCTION end_other_name(bigint, integer, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION end_other_name(bigint, integer, date)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin, cpis_records_officer;

-- ---------------------------------------------------------------- NHS number

-- One path for every change of number: checked, kept in the history with its reason; the
-- person trigger queues the upload (a child on a shared plan).
CREATE OR REPLACE FUNCTION _set_nhs_number(p person, p_number text, p_reason text, p_action text)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    digits text;
BEGIN
    IF p.date_of_birth IS NULL THEN
        PERFORM _invalid('nhs_number', 'An unborn child has no NHS number of their own: CP-IS is sent the mother''s until the birth is recorded.');
    END IF;
    digits := _checked_nhs_number('nhs_number', p_number, p.id);
    IF digits = p.nhs_number AND p.nhs_number_status = 'recorded' THEN
        PERFORM _invalid('nhs_number', format('%s is already this child''s NHS number.', nhs_number_formatted(digits)));
    END IF;
    UPDATE person SET nhs_number = digits, nhs_number_status = 'recorded',
                      nhs_number_verified_at = NULL, nhs_number_verified_by = NULL
    WHERE id = p.id;
    INSERT INTO nhs_number_change (person_id, old_number, new_number, reason)
    VALUES (p.id, p.nhs_number, digits, p_reason);
    RETURN _person_changed(p.id, p_action, jsonb_build_object('old', p.nhs_number, 'new', digits, 'reason', p_reason));
END $$;
REVOKE EXECUTE ON FUNCTION _set_nhs_number(person, text, text, text) FROM PUBLIC;

CREATE OR REPLACE FUNCTION record_nhs_number(p_person bigint, p_version integer, p_number text)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    p person := _person_to_change(p_person, p_version, 'record an NHS number');
BEGIN
    IF p.nhs_number_status = 'inactive' THEN
        PERFORM _invalid('nhs_number', 'CP-IS reported this child''s NHS number inactive: record the replacement number.');
    ELSIF p.nhs_number_status <> 'unknown' THEN
        PERFORM _invalid('nhs_number', format('The NHS number %s is already recorded: correct it, with the reason.',
                                              nhs_number_formatted(p.nhs_number)));
    END IF;
    RETURN _set_nhs_number(p, p_number, 'Recorded', 'person.nhs_number_recorded');
END $$;
REVOKE EXECUTE ON FUNCTION record_nhs_number(bigint, integer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION record_nhs_number(bigint, integer, text)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin, cpis_records_officer;

CREATE OR REPLACE FUNCTION correct_nhs_number(p_person bigint, p_version integer, p_number text, p_reason text)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    p person := _person_to_change(p_person, p_version, 'correct an NHS number');
    why text := btrim(coalesce(p_reason, ''));
BEGIN
    IF p.nhs_number_status <> 'recorded' THEN
        PERFORM _invalid('nhs_number', 'There is no recorded NHS number to correct: record it.');
    END IF;
    IF why = '' THEN
        PERFORM _invalid('reason', 'Say why the NHS number is corrected: it is kept in the history.');
    END IF;
    PERFORM _check_text('reason', 'The reason', why, 1000, 'many');
    RETURN _set_nhs_number(p, p_number, why, 'person.nhs_number_corrected');
END $$;
REVOKE EXECUTE ON FUNCTION correct_nhs_number(bigint, integer, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION correct_nhs_number(bigint, integer, text, text)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin, cpis_records_officer;

-- After CP-IS reported the number inactive: the new number, and the uploads resume.
CREATE OR REPLACE FUNCTION record_replacement_nhs_number(p_person bigint, p_version integer, p_number text)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    p person := _person_to_change(p_person, p_version, 'record a replacement NHS number');
    v integer;
BEGIN
    IF p.nhs_number_status <> 'inactive' THEN
        PERFORM _invalid('nhs_number', 'CP-IS has not reported this child''s NHS number inactive: correct it instead, with the reason.');
    END IF;
    v := _set_nhs_number(p, p_number, 'Replacement after CP-IS reported the number inactive',
                         'person.nhs_number_replaced');
    PERFORM _queue_upload(p.id);
    RETURN v;
END $$;
REVOKE EXECUTE ON FUNCTION record_replacement_nhs_number(bigint, integer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION record_replacement_nhs_number(bigint, integer, text)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin, cpis_records_officer;

-- Checked against the child's documents or the NHS Spine: who and when are shown.
CREATE OR REPLACE FUNCTION mark_nhs_number_verified(p_person bigint, p_version integer)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    p person := _person_to_change(p_person, p_version, 'mark an NHS number verified');
BEGIN
    IF p.nhs_number_status <> 'recorded' THEN
        PERFORM _invalid('nhs_number', 'There is no recorded NHS number to verify.');
    END IF;
    UPDATE person SET nhs_number_verified_at = now(), nhs_number_verified_by = current_worker_id()
    WHERE id = p_person;
    RETURN _person_changed(p_person, 'person.nhs_number_verified', '{}');
END $$;
REVOKE EXECUTE ON FUNCTION mark_nhs_number_verified(bigint, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mark_nhs_number_verified(bigint, integer)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin, cpis_records_officer;

-- ---------------------------------------------------------------- plans and legal statuses

-- The rules of a plan's kind and start, for start_plan and the records import: a kind of the
-- list, an unborn child protection plan before the birth and only then, a start that has
-- happened and is not before the birth.
CREATE OR REPLACE FUNCTION _plan_start_problem(p_kind_field text, p_start_field text, p_kind text, p_start date,
                                                p_date_of_birth date)
RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN coalesce(p_kind, '') <> ALL (_plan_kinds())
        THEN ARRAY[p_kind_field, format('The kind "%s" must be one of %s.', coalesce(p_kind, ''),
                                        array_to_string(_plan_kinds(), ', '))]
        WHEN p_kind = 'UCPP' AND p_date_of_birth IS NOT NULL
        THEN ARRAY[p_kind_field, 'An unborn child protection plan is for an unborn child: start a child protection plan.']
        WHEN p_kind <> 'UCPP' AND p_date_of_birth IS NULL
        THEN ARRAY[p_kind_field, 'Before the birth, only an unborn child protection plan can start: record the birth first.']
        WHEN _not_future_problem(p_start_field, 'The start date', p_start) IS NOT NULL
        THEN _not_future_problem(p_start_field, 'The start date', p_start)
        WHEN p_date_of_birth IS NOT NULL AND p_start < p_date_of_birth
        THEN ARRAY[p_start_field, format('The start date must be on or after the date of birth, %s.',
                                         to_char(p_date_of_birth, 'DD/MM/YYYY'))] END
$$;
REVOKE EXECUTE ON FUNCTION _plan_start_problem(text, text, text, date, date) FROM PUBLIC;

CREATE OR REPLACE FUNCTION _check_plan_start(p_kind_field text, p_start_field text, p_kind text, p_start date,
                                             p_date_of_birth date)
RETURNS void
LANGUAGE plpgsql STABLE AS $$
BEGIN
    PERFORM _raise_problem(_plan_start_problem(p_kind_field, p_start_field, p_kind, p_start, p_date_of_birth));
END $$;
REVOKE EXECUTE ON FUNCTION _check_plan_start(text, text, text, date, date) FROM PUBLIC;

-- An end date: required, and not before the start.
CREATE OR REPLACE FUNCTION _plan_end_problem(p_field text, p_start date, p_end date) RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN p_end IS NULL THEN ARRAY[p_field, 'The end date is required.']
                WHEN p_end < p_start
                THEN ARRAY[p_field, format('The end date must be on or after the start date, %s.',
                                           to_char(p_start, 'DD/MM/YYYY'))] END
$$;
REVOKE EXECUTE ON FUNCTION _plan_end_problem(text, date, date) FROM PUBLIC;

CREATE OR REPLACE FUNCTION _check_plan_end(p_field text, p_start date, p_end date) RETURNS void
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    PERFORM _raise_problem(_plan_end_problem(p_field, p_start, p_end));
END $$;
REVOKE EXECUTE ON FUNCTION _check_plan_end(text, date, date) FROM PUBLIC;

-- A plan or legal status starts; a shared kind queues the upload (the plan trigger).
CREATE OR REPLACE FUNCTION start_plan(p_person bigint, p_version integer, p_kind text, p_start date)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    p person := _person_to_change(p_person, p_version, 'start a plan or legal status');
    new_plan bigint;
BEGIN
    PERFORM _check_plan_start('kind', 'start', p_kind, p_start, p.date_of_birth);
    IF EXISTS (SELECT 1 FROM plan WHERE person_id = p_person AND kind = p_kind AND end_date IS NULL
               AND recorded_in_error_at IS NULL) THEN
        PERFORM _invalid('kind', format('A %s is already current: end it first.', p_kind));
    END IF;
    INSERT INTO plan (person_id, kind, start_date) VALUES (p_person, p_kind, p_start) RETURNING id INTO new_plan;
    RETURN _person_changed(p_person, 'plan.started', jsonb_build_object('plan', new_plan, 'kind', p_kind));
END $$;
REVOKE EXECUTE ON FUNCTION start_plan(bigint, integer, text, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION start_plan(bigint, integer, text, date)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin, cpis_records_officer;

CREATE OR REPLACE FUNCTION _end_plan(p_plan plan, p_end date) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF p_plan.end_date IS NOT NULL OR p_plan.recorded_in_error_at IS NOT NULL THEN
        PERFORM _invalid('plan', format('That %s is not current: it has ended or was recorded in error.', p_plan.kind));
    END IF;
    PERFORM _check_plan_end('end', p_plan.start_date, p_end);
    UPDATE plan SET end_date = p_end WHERE id = p_plan.id;
END $$;
REVOKE EXECUTE ON FUNCTION _end_plan(plan, date) FROM PUBLIC;

CREATE OR REPLACE FUNCTION end_plan(p_plan bigint, p_version integer, p_end date)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    target plan;
BEGIN
    SELECT * INTO target FROM plan WHERE id = p_plan;
    IF NOT FOUND OR NOT person_is_visible(target.person_id) THEN
        RAISE EXCEPTION 'There is no plan %.', p_plan USING ERRCODE = 'CPNF1';
    END IF;
    PERFORM _person_to_change(target.person_id, p_version, 'end a plan or legal status');
    PERFORM _check_not_future('end', 'The end date', p_end);
    PERFORM _end_plan(target, p_end);
    RETURN _person_changed(target.person_id, 'plan.ended', jsonb_build_object('plan', p_plan, 'kind', target.kind));
END $$;
REVOKE EXECUTE ON FUNCTION end_plan(bigint, integer, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION end_plan(bigint, integer, date)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin, cpis_records_officer;

-- Who may record a plan in error (record_plan_in_error, functions/uploads.sql): those who may
-- record the child, and system administrators as before.
CREATE OR REPLACE FUNCTION _require_may_record_plan_in_error(p_person bigint) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT (_may_record(p_person) OR pg_has_role(session_user, 'cpis_sysadmin', 'MEMBER')) THEN
        RAISE EXCEPTION 'Only the child''s key worker, their team manager, a records officer or a system administrator can record a plan in error.'
            USING ERRCODE = '42501';
    END IF;
END $$;
REVOKE EXECUTE ON FUNCTION _require_may_record_plan_in_error(bigint) FROM PUBLIC;

-- ---------------------------------------------------------------- birth

-- The birth of an unborn child: date of birth, legal name, gender and their own NHS number.
-- The unborn child plan ends on the day and, if chosen, a child protection plan starts the
-- same day, so the next upload moves from the mother's number to the child's.
CREATE OR REPLACE FUNCTION record_birth(p_person bigint, p_version integer, p_date_of_birth date,
                                        p_forenames text, p_surname text, p_gender text, p_nhs_number text,
                                        p_start_cpp boolean)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    p person := _person_to_change(p_person, p_version, 'record a birth');
    fore text := _check_name_part('forenames', 'The legal forename(s)', p_forenames);
    sur text := _check_name_part('surname', 'The legal surname', p_surname);
    digits text;
    unborn_plan plan;
BEGIN
    IF p.date_of_birth IS NOT NULL THEN
        PERFORM _invalid('date_of_birth', format('The birth is already recorded: born %s.', to_char(p.date_of_birth, 'DD/MM/YYYY')));
    END IF;
    PERFORM _check_not_future('date_of_birth', 'The date of birth', p_date_of_birth);
    PERFORM _check_gender(p_gender);
    IF p_nhs_number IS NOT NULL AND btrim(p_nhs_number) <> '' THEN
        digits := _checked_nhs_number('nhs_number', p_nhs_number, p_person);
    END IF;
    FOR unborn_plan IN SELECT * FROM plan WHERE person_id = p_person AND kind = 'UCPP' AND end_date IS NULL
                                          AND recorded_in_error_at IS NULL LOOP
        PERFORM _end_plan(unborn_plan, greatest(p_date_of_birth, unborn_plan.start_date));
    END LOOP;
    UPDATE person SET date_of_birth = p_date_of_birth, legal_forenames = fore, legal_surname = sur,
                      gender = p_gender, nhs_number = digits,
                      nhs_number_status = CASE WHEN digits IS NULL THEN 'unknown' ELSE 'recorded' END
    WHERE id = p_person;
    IF digits IS NOT NULL THEN
        INSERT INTO nhs_number_change (person_id, old_number, new_number, reason)
        VALUES (p_person, NULL, digits, 'Recorded at birth');
    END IF;
    IF coalesce(p_start_cpp, false) AND NOT EXISTS (
            SELECT 1 FROM plan WHERE person_id = p_person AND kind = 'CPP' AND end_date IS NULL
                                 AND recorded_in_error_at IS NULL) THEN
        INSERT INTO plan (person_id, kind, start_date) VALUES (p_person, 'CPP', p_date_of_birth);
    END IF;
    RETURN _person_changed(p_person, 'person.born', jsonb_build_object('nhs_number', digits IS NOT NULL,
                                                                       'cpp_started', coalesce(p_start_cpp, false)));
END $$;
REVOKE EXECUTE ON FUNCTION record_birth(bigint, integer, date, text, text, text, text, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION record_birth(bigint, integer, date, text, text, text, text, boolean)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin, cpis_records_officer;

-- ---------------------------------------------------------------- key worker

-- Who may be a key worker: users who are key workers or team managers, with their team.
CREATE OR REPLACE FUNCTION caseworkers()
RETURNS TABLE (id integer, name text, team text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT w.id, w.name, coalesce(t.name, '')
    FROM worker w LEFT JOIN team t ON t.id = w.team_id
    WHERE w.active AND NOT w.is_virtual
      AND (pg_has_role(w.login, 'cpis_key_worker', 'MEMBER') OR pg_has_role(w.login, 'cpis_team_manager', 'MEMBER'))
    ORDER BY w.name, w.id
$$;
REVOKE EXECUTE ON FUNCTION caseworkers() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION caseworkers()
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin, cpis_records_officer;

-- The new key worker from today; the previous allocation ends today. Open steps and requests
-- follow at once (the involvement trigger). A restricted child's key worker may see them.
-- The allocations themselves, for allocate_key_worker (one) and the records import (many):
-- p_workers[i] for p_people[i], each one of caseworkers() and not already the key worker.
CREATE OR REPLACE FUNCTION _allocate_key_workers(p_people bigint[], p_workers integer[], p_field text)
RETURNS TABLE (person_id bigint, row_version integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    today date := (now() AT TIME ZONE 'Europe/London')::date;
    previous integer[];
    bad integer;
BEGIN
    previous := ARRAY(SELECT (SELECT i.worker_id FROM involvement i WHERE i.person_id = a.person
                              AND i.role = 'Key Worker' AND i.ended_on IS NULL)
                      FROM unnest(p_people) WITH ORDINALITY AS a(person, n) ORDER BY a.n);
    IF EXISTS (SELECT 1 FROM unnest(p_workers) AS w(id) WHERE w.id IS NULL OR w.id NOT IN (SELECT c.id FROM caseworkers() c)) THEN
        PERFORM _invalid(p_field, 'Choose a key worker or team manager from the list.');
    END IF;
    SELECT a.worker INTO bad FROM unnest(previous, p_workers) AS a(previous, worker) WHERE a.previous = a.worker LIMIT 1;
    IF FOUND THEN
        PERFORM _invalid(p_field, format('%s is already the key worker.', _worker_name(bad)));
    END IF;
    UPDATE involvement i SET ended_on = greatest(today, i.started_on)
    WHERE i.person_id = ANY (p_people) AND i.role = 'Key Worker' AND i.ended_on IS NULL;
    INSERT INTO involvement (person_id, worker_id, role, started_on)
    SELECT a.person, a.worker, 'Key Worker', today FROM unnest(p_people, p_workers) AS a(person, worker);
    INSERT INTO person_access (person_id, worker_id)
    SELECT a.person, a.worker FROM unnest(p_people, p_workers) AS a(person, worker)
    JOIN person pe ON pe.id = a.person WHERE pe.restricted
    ON CONFLICT DO NOTHING;
    RETURN QUERY SELECT * FROM _people_changed(p_people, 'person.key_worker_allocated', ARRAY(
        SELECT jsonb_build_object('worker', a.worker, 'previous', a.previous)
        FROM unnest(p_workers, previous) WITH ORDINALITY AS a(worker, previous, n) ORDER BY a.n));
END $$;
REVOKE EXECUTE ON FUNCTION _allocate_key_workers(bigint[], integer[], text) FROM PUBLIC;

CREATE OR REPLACE FUNCTION _allocate_key_worker(p person, p_worker integer, p_field text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    RETURN (SELECT c.row_version FROM _allocate_key_workers(ARRAY[p.id], ARRAY[p_worker], p_field) c);
END $$;
REVOKE EXECUTE ON FUNCTION _allocate_key_worker(person, integer, text) FROM PUBLIC;

CREATE OR REPLACE FUNCTION allocate_key_worker(p_person bigint, p_version integer, p_worker integer)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    RETURN _allocate_key_worker(_person_to_change(p_person, p_version, 'allocate a key worker'), p_worker, 'worker');
END $$;
REVOKE EXECUTE ON FUNCTION allocate_key_worker(bigint, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION allocate_key_worker(bigint, integer, integer)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin, cpis_records_officer;

-- ---------------------------------------------------------------- restricted

-- Marking a child restricted keeps them in sight of the one marking and of their key worker.
CREATE OR REPLACE FUNCTION set_person_restricted(p_person bigint, p_version integer, p_restricted boolean)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    p person := _person_to_change(p_person, p_version, 'mark or lift a restriction', true);
BEGIN
    IF p_restricted IS NULL OR p_restricted = p.restricted THEN
        PERFORM _invalid('restricted', CASE WHEN p.restricted THEN 'The record is already restricted.'
                                            ELSE 'The record is not restricted.' END);
    END IF;
    IF p_restricted THEN
        INSERT INTO person_access (person_id, worker_id)
        SELECT p_person, w FROM (VALUES (current_worker_id()), (current_key_worker(p_person))) v(w)
        WHERE w IS NOT NULL
        ON CONFLICT DO NOTHING;
    END IF;
    UPDATE person SET restricted = p_restricted WHERE id = p_person;
    RETURN _person_changed(p_person, CASE WHEN p_restricted THEN 'person.restricted' ELSE 'person.restriction_lifted' END, '{}');
END $$;
REVOKE EXECUTE ON FUNCTION set_person_restricted(bigint, integer, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION set_person_restricted(bigint, integer, boolean)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin, cpis_records_officer;

CREATE OR REPLACE FUNCTION set_person_access(p_person bigint, p_version integer, p_worker integer, p_granted boolean)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    p person := _person_to_change(p_person, p_version, 'grant or remove access to a restricted record', true);
BEGIN
    IF NOT EXISTS (SELECT 1 FROM worker WHERE id = p_worker AND active AND NOT is_virtual) THEN
        PERFORM _invalid('worker', 'Choose a worker from the list.');
    END IF;
    IF p_granted THEN
        INSERT INTO person_access (person_id, worker_id) VALUES (p_person, p_worker) ON CONFLICT DO NOTHING;
    ELSE
        IF p_worker = current_worker_id() AND p.restricted THEN
            PERFORM _invalid('worker', 'You cannot remove your own access: ask another team manager or records officer.');
        END IF;
        DELETE FROM person_access WHERE person_id = p_person AND worker_id = p_worker;
    END IF;
    RETURN _person_changed(p_person, CASE WHEN p_granted THEN 'person.access_granted' ELSE 'person.access_removed' END,
                           jsonb_build_object('worker', p_worker));
END $$;
REVOKE EXECUTE ON FUNCTION set_person_access(bigint, integer, integer, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION set_person_access(bigint, integer, integer, boolean)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin, cpis_records_officer;

-- Who may see a restricted child, for those who may change it.
CREATE OR REPLACE FUNCTION person_access_list(p_person bigint)
RETURNS TABLE (worker_id integer, name text, team text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT _may_restrict(p_person) THEN
        RAISE EXCEPTION 'Only the team manager of the child''s team or a records officer can see who may open a restricted record.'
            USING ERRCODE = '42501';
    END IF;
    RETURN QUERY SELECT w.id, w.name, coalesce(t.name, '')
                 FROM person_access a JOIN worker w ON w.id = a.worker_id LEFT JOIN team t ON t.id = w.team_id
                 WHERE a.person_id = p_person ORDER BY w.name;
END $$;
REVOKE EXECUTE ON FUNCTION person_access_list(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION person_access_list(bigint)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin, cpis_records_officer;

-- Who may be granted access to a restricted child, for those who may restrict it: every active
-- worker who is a person (not the exchange's or any other virtual worker), whatever their role,
-- since records officers and Safeguarding Admin need grants as much as caseworkers do. role is
-- the user's role as add_user names it (a team manager who is also a key worker: team-manager).
CREATE OR REPLACE FUNCTION grantable_workers(p_person bigint)
RETURNS TABLE (id integer, name text, team text, role text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT _may_restrict(p_person) THEN
        RAISE EXCEPTION 'Only the team manager of the child''s team or a records officer can grant access to a restricted record.'
            USING ERRCODE = '42501';
    END IF;
    -- The roles are asked of the login's pg_roles row, so a worker without a login is left out.
    RETURN QUERY
    SELECT g.id, g.name, g.team, g.role
    FROM (SELECT w.id, w.name, coalesce(t.name, '') AS team,
                 CASE WHEN pg_has_role(r.oid, 'cpis_team_manager', 'MEMBER') THEN 'team-manager'
                      WHEN pg_has_role(r.oid, 'cpis_key_worker', 'MEMBER') THEN 'key-worker'
                      WHEN pg_has_role(r.oid, 'cpis_records_officer', 'MEMBER') THEN 'records-officer'
                      WHEN pg_has_role(r.oid, 'cpis_safeguarding_admin', 'MEMBER') THEN 'safeguarding-admin'
                      WHEN pg_has_role(r.oid, 'cpis_sysadmin', 'MEMBER') THEN 'sysadmin' END AS role
          FROM worker w
          JOIN pg_roles r ON r.rolname = w.login
          LEFT JOIN team t ON t.id = w.team_id
          WHERE w.active AND NOT w.is_virtual) g
    WHERE g.role IS NOT NULL
    ORDER BY g.name, g.id;
END $$;
REVOKE EXECUTE ON FUNCTION grantable_workers(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION grantable_workers(bigint)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin, cpis_records_officer;

-- ---------------------------------------------------------------- upload again now

-- Queues the child for the next upload by hand (Mosaic offers this). Not while CP-IS holds the
-- NHS number inactive: the replacement resumes the uploads.
CREATE OR REPLACE FUNCTION upload_again_now(p_person bigint, p_version integer)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    p person := _person_to_change(p_person, p_version, 'queue a child for upload');
BEGIN
    IF p.nhs_number_status = 'inactive' THEN
        PERFORM _invalid('nhs_number', 'CP-IS reported the NHS number inactive: record the replacement number, which queues the upload.');
    END IF;
    PERFORM _queue_upload(p_person);
    RETURN _person_changed(p_person, 'person.upload_queued', '{}');
END $$;
REVOKE EXECUTE ON FUNCTION upload_again_now(bigint, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION upload_again_now(bigint, integer)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin, cpis_records_officer;

-- ---------------------------------------------------------------- records officers elsewhere

-- What records officers call from the other files, as the other roles do: who they are, whether
-- they may see a child, the person record, and the data quality work list.
GRANT EXECUTE ON FUNCTION nhs_number_is_valid(text), current_worker_id(), person_is_visible(bigint),
    current_key_worker(bigint), record_person_opened(bigint), cpis_ended_at_18(date), config_value(text),
    find_workers(text), data_quality_summary(), data_quality_rows(), notification_statistics(integer, date),
    alert_is_for_me(alert), current_work(integer), incoming_requests(integer)
    TO cpis_records_officer;
