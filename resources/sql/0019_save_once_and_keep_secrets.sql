-- Saving once after a lost connection (DESIGN §6), and no secret in the server log (§5).
-- A client whose save lost its answer with the connection cannot tell whether it committed,
-- so it saves again; these make the second try find the first instead of doing it twice.

-- A case note carries a key its dialog made for it: adding it again with the same key
-- returns the note the first add made, rather than a second final note that can never be
-- removed.
ALTER TABLE case_note ADD COLUMN save_key uuid;
CREATE UNIQUE INDEX case_note_save_key ON case_note (save_key) WHERE save_key IS NOT NULL;

DROP FUNCTION add_case_note(bigint, text, date, text, boolean, bigint);
CREATE FUNCTION add_case_note(p_person bigint, p_note_type text, p_contact_date date, p_body text,
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

CREATE OR REPLACE FUNCTION acknowledge_request(p_request bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me integer := _require_worker();
    r request;
    subject bigint;
BEGIN
    SELECT * INTO r FROM request WHERE id = p_request FOR UPDATE;
    SELECT subject_id INTO subject FROM work_step WHERE id = r.step_id;
    IF NOT FOUND OR NOT person_is_visible(subject) THEN
        RAISE EXCEPTION 'There is no request %.', p_request USING ERRCODE = 'CPNF1';
    END IF;
    IF r.recipient_id <> me AND NOT EXISTS (SELECT 1 FROM queue_member WHERE queue_id = r.recipient_id AND member_id = me) THEN
        RAISE EXCEPTION 'Only % (the worker it was sent to) can acknowledge this request.', _worker_name(r.recipient_id)
            USING ERRCODE = '42501';
    END IF;
    IF r.state = 'draft' THEN
        RAISE EXCEPTION 'This request has not been sent yet.' USING ERRCODE = 'CPWS1';
    ELSIF r.state = 'acknowledged' AND r.acknowledged_by = me THEN
        RETURN; -- acknowledged by this worker already (a retry after a lost answer): done
    ELSIF r.state = 'acknowledged' THEN
        RAISE EXCEPTION 'This request was already acknowledged by % at %.', _worker_name(r.acknowledged_by),
            to_char(r.acknowledged_at, 'HH24:MI on DD/MM/YYYY') USING ERRCODE = 'CPWS1';
    END IF;
    UPDATE request SET state = 'acknowledged', acknowledged_by = me, acknowledged_at = now() WHERE id = p_request;
    PERFORM _audit('request.acknowledged', subject, jsonb_build_object('request', p_request));
    PERFORM _notify('request', p_request);
END $$;

-- Never a password in the server's log: a failure creating the login would log the
-- CREATE ROLE statement, password and all, as its context.
CREATE OR REPLACE FUNCTION add_user(p_login text, p_role text, p_name text, p_team text, p_password text)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    group_role name := CASE p_role WHEN 'safeguarding-admin' THEN 'cpis_safeguarding_admin'
                                   WHEN 'key-worker' THEN 'cpis_key_worker'
                                   WHEN 'team-manager' THEN 'cpis_team_manager'
                                   WHEN 'sysadmin' THEN 'cpis_sysadmin'
                                   WHEN 'exchange' THEN 'cpis_exchange' END;
    team_id integer;
    wid integer;
BEGIN
    -- The owner (no worker of its own) may add the first users.
    IF NOT pg_has_role(session_user, 'cpis_sysadmin', 'MEMBER') THEN
        RAISE EXCEPTION 'Only system administrators can add users.' USING ERRCODE = '42501';
    END IF;
    IF p_login IS NULL OR p_login !~ '^[a-z][a-z0-9._-]{1,62}$' THEN
        PERFORM _invalid('login', format('Login "%s" must be 2-63 characters: lower-case letters, digits, ".", "_" or "-", starting with a letter.', coalesce(p_login, '')));
    END IF;
    IF p_login LIKE 'pg\_%' OR p_login LIKE 'cpis\_%' THEN
        PERFORM _invalid('login', format('Login "%s" is reserved.', p_login));
    END IF;
    IF group_role IS NULL THEN
        PERFORM _invalid('role', format('Role "%s" must be one of safeguarding-admin, key-worker, team-manager, sysadmin, exchange.', coalesce(p_role, '')));
    END IF;
    IF coalesce(btrim(p_name), '') = '' OR length(p_name) > 200 THEN
        PERFORM _invalid('name', 'Full name is required (at most 200 characters).');
    END IF;
    IF EXISTS (SELECT 1 FROM worker WHERE login = p_login) THEN
        PERFORM _invalid('login', format('There is already a worker with login "%s".', p_login));
    END IF;
    IF p_team IS NOT NULL AND btrim(p_team) <> '' THEN
        SELECT id INTO team_id FROM team WHERE name = btrim(p_team);
        IF team_id IS NULL THEN
            INSERT INTO team (name) VALUES (btrim(p_team)) RETURNING id INTO team_id;
        END IF;
    END IF;
    -- Roles are shared by every database on the server: reuse one that exists.
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN
        BEGIN
            IF p_password IS NULL THEN
                EXECUTE format('CREATE ROLE %I LOGIN', p_login);
            ELSE
                EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_login, p_password);
            END IF;
        EXCEPTION WHEN OTHERS THEN
            -- Raised again from here, so the log's context is this line, not the statement
            -- above with the password in it.
            RAISE EXCEPTION 'Could not create the login %: %', p_login, SQLERRM USING ERRCODE = SQLSTATE;
        END;
    END IF;
    EXECUTE format('GRANT %I TO %I', group_role, p_login);
    INSERT INTO worker (name, login, team_id) VALUES (btrim(p_name), p_login, team_id) RETURNING id INTO wid;
    IF group_role = 'cpis_safeguarding_admin' THEN
        INSERT INTO queue_member (queue_id, member_id)
        SELECT id, wid FROM worker WHERE is_virtual AND name = 'CP-IS Worker';
    ELSIF group_role = 'cpis_team_manager' AND team_id IS NOT NULL THEN
        INSERT INTO team_manager (team_id, worker_id) VALUES (team_id, wid);
    END IF;
    PERFORM _audit('user.added', NULL, jsonb_build_object('login', p_login, 'role', p_role, 'worker', wid));
    RETURN wid;
END $$;

REVOKE EXECUTE ON FUNCTION add_case_note(bigint, text, date, text, boolean, bigint, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION add_case_note(bigint, text, date, text, boolean, bigint, uuid)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager;
