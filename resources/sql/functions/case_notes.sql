-- Case notes: adding and finishing them.
-- The current definition of each function; see ORDER for the rules of this folder.

CREATE OR REPLACE FUNCTION add_case_note(p_person bigint, p_note_type text, p_contact_date date, p_body text,
                              p_finish boolean, p_request bigint DEFAULT NULL,
                              p_save_key uuid DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me integer := _require_worker();
    nid bigint;
BEGIN
    -- The same save tried again (its answer was lost with the connection): the note it made.
    SELECT id INTO nid FROM case_note WHERE save_key = p_save_key AND author_id = me;
    IF FOUND THEN
        RETURN nid;
    END IF;
    IF NOT _has_any_role('cpis_key_worker', 'cpis_team_manager', 'cpis_safeguarding_admin') THEN
        RAISE EXCEPTION 'Only key workers, team managers and Safeguarding Admin can add case notes.' USING ERRCODE = '42501';
    END IF;
    IF NOT coalesce(person_is_visible(p_person), false) THEN
        RAISE EXCEPTION 'There is no person %.', p_person USING ERRCODE = 'CPNF1';
    END IF;
    IF NOT _in_list('case_note_type', coalesce(p_note_type, '')) THEN
        PERFORM _invalid('note_type', format('Case note type "%s" is not in the list.', coalesce(p_note_type, '')));
    END IF;
    IF p_contact_date IS NULL THEN
        PERFORM _invalid('contact_date', 'Contact date is required.');
    ELSIF p_contact_date > current_date THEN
        PERFORM _invalid('contact_date', 'Contact date cannot be in the future.');
    END IF;
    IF coalesce(btrim(p_body), '') = '' THEN
        PERFORM _invalid('body', 'The case note is empty: say what action was taken.');
    ELSIF length(p_body) > 20000 THEN
        PERFORM _invalid('body', 'The case note is too long (at most 20000 characters).');
    END IF;
    IF p_request IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM request r JOIN work_step s ON s.id = r.step_id
            WHERE r.id = p_request AND s.subject_id = p_person) THEN
        PERFORM _invalid('request', format('Request %s is not about person %s.', p_request, p_person));
    END IF;
    INSERT INTO case_note (person_id, note_type, author_id, contact_date, body, state, request_id, finalised_at,
                           save_key)
    VALUES (p_person, p_note_type, me, p_contact_date, p_body, CASE WHEN p_finish THEN 'final' ELSE 'draft' END,
            p_request, CASE WHEN p_finish THEN now() END, p_save_key)
    RETURNING id INTO nid;
    PERFORM _audit('case_note.added', p_person, jsonb_build_object('case_note', nid, 'final', p_finish, 'request', p_request));
    PERFORM _notify('case_note', nid);
    RETURN nid;
END $$;
REVOKE EXECUTE ON FUNCTION add_case_note(bigint, text, date, text, boolean, bigint, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION add_case_note(bigint, text, date, text, boolean, bigint, uuid)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager;

-- Finishing a draft again with the same text, or acknowledging a request again, by the
-- same worker: it was done, so say so rather than refuse.
CREATE OR REPLACE FUNCTION update_case_note(p_note bigint, p_contact_date date, p_body text, p_finish boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me integer := _require_worker();
    n case_note;
BEGIN
    SELECT * INTO n FROM case_note WHERE id = p_note FOR UPDATE;
    IF NOT FOUND OR NOT person_is_visible(n.person_id) THEN
        RAISE EXCEPTION 'There is no case note %.', p_note USING ERRCODE = 'CPNF1';
    END IF;
    IF n.state = 'final' AND p_finish AND n.author_id = me AND n.body = p_body
       AND n.contact_date = p_contact_date THEN
        RETURN; -- this very change, tried again after its answer was lost: it is done
    END IF;
    IF n.state = 'final' THEN
        RAISE EXCEPTION 'A finished case note cannot be changed; add a new note instead.' USING ERRCODE = 'CPFR1';
    END IF;
    IF n.author_id <> me THEN
        RAISE EXCEPTION 'Only % (its author) can change this draft.', _worker_name(n.author_id) USING ERRCODE = '42501';
    END IF;
    IF p_contact_date IS NULL OR p_contact_date > current_date THEN
        PERFORM _invalid('contact_date', 'Contact date is required and cannot be in the future.');
    END IF;
    IF coalesce(btrim(p_body), '') = '' OR length(p_body) > 20000 THEN
        PERFORM _invalid('body', 'The case note must say what action was taken (at most 20000 characters).');
    END IF;
    UPDATE case_note SET contact_date = p_contact_date, body = p_body,
                         state = CASE WHEN p_finish THEN 'final' ELSE 'draft' END,
                         finalised_at = CASE WHEN p_finish THEN now() END
    WHERE id = p_note;
    PERFORM _audit('case_note.changed', n.person_id, jsonb_build_object('case_note', p_note, 'final', p_finish));
    PERFORM _notify('case_note', p_note);
END $$;
REVOKE EXECUTE ON FUNCTION update_case_note(bigint, date, text, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION update_case_note(bigint, date, text, boolean)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager;
