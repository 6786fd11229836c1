-- The CP-IS exchange: configuration, raw inbound messages, the upload queue and files,
-- and each child's CP-IS sharing status. The exchange account (cpis_exchange) writes the
-- exchange's own tables; case data changes only through the functions below.

-- The exchange must match every child by NHS number, restricted or not.
CREATE OR REPLACE FUNCTION person_is_visible(p_person bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT coalesce((
        SELECT NOT p.restricted
               OR EXISTS (SELECT 1 FROM person_access a WHERE a.person_id = p.id AND a.worker_id = current_worker_id())
               OR pg_has_role(session_user, 'cpis_exchange', 'MEMBER')
        FROM person p WHERE p.id = p_person), false)
$$;

-- ---------------------------------------------------------------- configuration

CREATE TABLE config (
    key        text PRIMARY KEY,
    value      text NOT NULL DEFAULT '',
    secret     boolean NOT NULL DEFAULT false,
    updated_by name NOT NULL DEFAULT session_user,
    updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO config (key, value, secret) VALUES
    ('cpis.handling_mode', 'work_step', false),
    ('cpis.handling_target', '', false),
    ('cpis.shared_plans', 'CPP,UCPP,s31,s38,s20', false),
    ('cpis.authority_ods', '', false),
    ('mesh.url', '', false),
    ('mesh.mailbox', '', false),
    ('mesh.password', '', true),
    ('mesh.shared_secret', '', true),
    ('mesh.cpis_mailbox', '', false),
    ('mesh.workflow_upload', '', false),
    ('mesh.client_cert', '', false),
    ('mesh.client_key', '', false),
    ('mesh.ca_cert', '', false),
    ('exchange.times', '08:00,11:00,14:00,16:45', false);

ALTER TABLE config ENABLE ROW LEVEL SECURITY;
-- Secrets are write-only for people; only the exchange account reads them.
CREATE POLICY config_readable ON config FOR SELECT
    USING (NOT secret OR pg_has_role(session_user, 'cpis_exchange', 'MEMBER'));
GRANT SELECT ON config TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin, cpis_exchange;

-- Every setting for people to see, secrets only as set or not set.
CREATE FUNCTION config_overview()
RETURNS TABLE (key text, value text, secret boolean, updated_by name, updated_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT key, CASE WHEN secret THEN CASE WHEN value = '' THEN '' ELSE 'set' END ELSE value END,
           secret, updated_by, updated_at
    FROM config ORDER BY key
$$;

CREATE FUNCTION config_value(p_key text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT value FROM config WHERE key = p_key AND NOT secret
$$;

-- Validates and stores one setting. System administrators only; every change audited.
CREATE FUNCTION set_config(p_key text, p_value text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v text := btrim(coalesce(p_value, ''));
    item text;
    is_secret boolean;
BEGIN
    PERFORM _require_role('cpis_sysadmin', 'change the configuration');
    SELECT secret INTO is_secret FROM config WHERE key = p_key;
    IF NOT FOUND THEN
        PERFORM _invalid('key', format('There is no setting "%s".', p_key));
    END IF;
    CASE p_key
    WHEN 'cpis.handling_mode' THEN
        IF v NOT IN ('work_step', 'case_note_and_alert') THEN
            PERFORM _invalid(p_key, 'cpis.handling_mode must be work_step or case_note_and_alert.');
        END IF;
    WHEN 'cpis.handling_target' THEN
        IF v <> '' AND NOT EXISTS (SELECT 1 FROM worker WHERE lower(name) = lower(v) OR login = v)
                   AND NOT EXISTS (SELECT 1 FROM team WHERE lower(name) = lower(v)) THEN
            PERFORM _invalid(p_key, format('cpis.handling_target: there is no worker or team "%s".', v));
        END IF;
    WHEN 'cpis.shared_plans' THEN
        FOREACH item IN ARRAY string_to_array(v, ',') LOOP
            IF btrim(item) NOT IN ('CPP', 'UCPP', 's31', 's38', 's20') THEN
                PERFORM _invalid(p_key, format('cpis.shared_plans: "%s" is not one of CPP, UCPP, s31, s38, s20.', btrim(item)));
            END IF;
        END LOOP;
        v := array_to_string(ARRAY(SELECT DISTINCT btrim(x) FROM unnest(string_to_array(v, ',')) AS x ORDER BY 1), ',');
    WHEN 'exchange.times' THEN
        IF v = '' THEN
            PERFORM _invalid(p_key, 'exchange.times needs at least one time, e.g. 08:00,11:00,14:00,16:45.');
        END IF;
        FOREACH item IN ARRAY string_to_array(v, ',') LOOP
            IF btrim(item) !~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' THEN
                PERFORM _invalid(p_key, format('exchange.times: "%s" is not a time of day (HH:MM).', btrim(item)));
            END IF;
        END LOOP;
    WHEN 'mesh.url' THEN
        IF v <> '' AND v !~ '^https://[^/\s]+' AND v !~ '^http://(127\.[0-9.]+|localhost|\[::1\])(:[0-9]+)?(/|$)' THEN
            PERFORM _invalid(p_key, 'mesh.url must be https://, or http:// to a loopback address for testing.');
        END IF;
    WHEN 'cpis.authority_ods' THEN
        IF v <> '' AND v !~ '^[A-Z0-9]{3,8}$' THEN
            PERFORM _invalid(p_key, 'cpis.authority_ods must be an ODS code: 3 to 8 capital letters or digits.');
        END IF;
    ELSE
        IF length(v) > 2000 THEN
            PERFORM _invalid(p_key, format('%s is too long (at most 2000 characters).', p_key));
        END IF;
    END CASE;
    UPDATE config SET value = v, updated_by = session_user, updated_at = now() WHERE key = p_key;
    PERFORM _audit('config.changed', NULL,
                   jsonb_build_object('key', p_key, 'value', CASE WHEN is_secret THEN '(secret)' ELSE v END));
    PERFORM _notify('config', 0);
END $$;

-- ---------------------------------------------------------------- inbound messages

-- Every message is stored raw before it is processed; nothing is ever dropped.
CREATE TABLE inbound_message (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    origin          text NOT NULL CHECK (origin IN ('mesh', 'import')),
    mesh_message_id text UNIQUE,
    workflow_id     text,
    file_name       text,
    received_at     timestamptz NOT NULL DEFAULT now(),
    checksum        text NOT NULL,
    body            bytea NOT NULL,
    kind            text,
    status          text NOT NULL DEFAULT 'received'
                    CHECK (status IN ('received', 'processed', 'quarantined', 'resolved')),
    reason          text,
    notification_id text,
    outcome         text,
    processed_at    timestamptz,
    resolved_note   text,
    CONSTRAINT inbound_reason CHECK (status <> 'quarantined' OR reason IS NOT NULL)
);
CREATE INDEX inbound_message_pending ON inbound_message (id) WHERE status = 'received';
CREATE INDEX inbound_message_checksum ON inbound_message (checksum);
-- The same notification processed twice changes nothing.
CREATE UNIQUE INDEX inbound_message_notification ON inbound_message (kind, notification_id)
    WHERE status = 'processed' AND notification_id IS NOT NULL;

-- ---------------------------------------------------------------- outbound

-- Children whose plans must go to CP-IS at the next exchange.
CREATE TABLE upload_pending (
    person_id bigint PRIMARY KEY REFERENCES person,
    queued_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE upload_file (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sequence_number bigint NOT NULL UNIQUE CHECK (sequence_number > 0),
    message_id      uuid NOT NULL UNIQUE,
    created_at      timestamptz NOT NULL DEFAULT now(),
    record_count    integer NOT NULL,
    body            bytea NOT NULL,
    status          text NOT NULL DEFAULT 'ready'
                    CHECK (status IN ('ready', 'sent', 'acknowledged', 'failed', 'resend')),
    mesh_message_id text UNIQUE,
    sent_at         timestamptz,
    file_code       text,
    detail          text
);

CREATE TABLE upload_record (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_id      bigint NOT NULL REFERENCES upload_file,
    person_id    bigint NOT NULL REFERENCES person,
    nhs_number   text NOT NULL,
    outcome_code text,
    outcome      text
);
CREATE INDEX upload_record_file ON upload_record (file_id);
CREATE INDEX upload_record_person ON upload_record (person_id, id DESC);

-- What health staff can see of each child: the client shows it on the person record.
CREATE TABLE person_cpis_status (
    person_id  bigint PRIMARY KEY REFERENCES person,
    status     text NOT NULL CHECK (status IN ('awaiting_upload', 'sent', 'shared', 'rejected', 'blocked')),
    reason     text,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE nhs_number_change (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id  bigint NOT NULL REFERENCES person,
    old_number text,
    new_number text,
    reason     text NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);

-- A shared plan started, changed or ended queues the child (for an unborn child's plan,
-- the same: the record carries the mother's number).
CREATE FUNCTION _plan_queues_upload() RETURNS trigger
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
CREATE TRIGGER plan_queues_upload AFTER INSERT OR UPDATE OR DELETE ON plan
    FOR EACH ROW EXECUTE FUNCTION _plan_queues_upload();

-- A corrected NHS number, name or date of birth is sent again.
CREATE FUNCTION _person_queues_upload() RETURNS trigger
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
CREATE TRIGGER person_queues_upload AFTER UPDATE OF nhs_number, nhs_number_status, legal_forenames, legal_surname,
    date_of_birth ON person FOR EACH ROW EXECUTE FUNCTION _person_queues_upload();

-- The children already on shared plans go out at the first exchange.
INSERT INTO upload_pending (person_id)
SELECT DISTINCT person_id FROM plan
WHERE kind = ANY (string_to_array((SELECT value FROM config WHERE key = 'cpis.shared_plans'), ','))
ON CONFLICT DO NOTHING;
INSERT INTO person_cpis_status (person_id, status)
SELECT person_id, 'awaiting_upload' FROM upload_pending ON CONFLICT DO NOTHING;

GRANT SELECT ON inbound_message, upload_pending, upload_file, upload_record, person_cpis_status, nhs_number_change
    TO cpis_sysadmin, cpis_exchange;
GRANT SELECT ON person_cpis_status, nhs_number_change
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager;
GRANT INSERT, UPDATE ON inbound_message, upload_file, upload_record, person_cpis_status TO cpis_exchange;
GRANT INSERT, UPDATE, DELETE ON upload_pending TO cpis_exchange;

-- ---------------------------------------------------------------- case data changed by the exchange

-- Case-note-and-alert handling mode: the note is written by CP-IS Worker.
CREATE FUNCTION record_cpis_case_note(p_subject bigint, p_body text, p_contact timestamptz) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    queue integer := (SELECT id FROM worker WHERE is_virtual AND name = 'CP-IS Worker');
    nid bigint;
BEGIN
    PERFORM _require_role('cpis_exchange', 'record CP-IS notifications');
    INSERT INTO case_note (person_id, note_type, author_id, contact_date, body, state, finalised_at)
    VALUES (p_subject, 'CP-IS Follow Up', queue, (p_contact AT TIME ZONE 'Europe/London')::date, p_body, 'final', now())
    RETURNING id INTO nid;
    PERFORM _audit('case_note.added', p_subject, jsonb_build_object('case_note', nid, 'by', 'exchange'));
    PERFORM _notify('case_note', nid);
    RETURN nid;
END $$;

-- The number is no longer active: stop uploads until a new one is recorded; with a
-- (checked) replacement, record it and resume.
CREATE FUNCTION record_nhs_number_inactive(p_person bigint, p_replacement text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    old text := (SELECT nhs_number FROM person WHERE id = p_person);
BEGIN
    PERFORM _require_role('cpis_exchange', 'record inactive NHS numbers');
    IF p_replacement IS NOT NULL AND NOT nhs_number_is_valid(p_replacement) THEN
        PERFORM _invalid('replacement', format('The replacement NHS number %s fails the check digit.', p_replacement));
    END IF;
    IF p_replacement IS NOT NULL AND EXISTS (SELECT 1 FROM person WHERE nhs_number = p_replacement
                                             AND nhs_number_status = 'recorded' AND id <> p_person) THEN
        PERFORM _invalid('replacement', format('The replacement NHS number %s belongs to another person.', p_replacement));
    END IF;
    IF p_replacement IS NULL THEN
        UPDATE person SET nhs_number_status = 'inactive', row_version = row_version + 1 WHERE id = p_person;
        DELETE FROM upload_pending WHERE person_id = p_person;
        INSERT INTO person_cpis_status (person_id, status, reason)
        VALUES (p_person, 'blocked', 'The NHS number is no longer active: record the new one.')
        ON CONFLICT (person_id) DO UPDATE SET status = 'blocked', reason = EXCLUDED.reason, updated_at = now();
    ELSE
        UPDATE person SET nhs_number = p_replacement, nhs_number_status = 'recorded', row_version = row_version + 1
        WHERE id = p_person;
    END IF;
    INSERT INTO nhs_number_change (person_id, old_number, new_number, reason)
    VALUES (p_person, old, p_replacement, 'CP-IS inactive NHS number notification');
    PERFORM _audit('person.nhs_number_inactive', p_person, jsonb_build_object('old', old, 'replacement', p_replacement));
END $$;

-- Alerts raised by the exchange go through raise_alert (which checks the role); this finds
-- the CP-IS administrators' recipient and the child's key worker.
CREATE FUNCTION current_key_worker(p_person bigint) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT worker_id FROM involvement WHERE person_id = p_person AND role = 'Key Worker' AND ended_on IS NULL
$$;

REVOKE EXECUTE ON FUNCTION config_overview(), config_value(text), set_config(text, text), _plan_queues_upload(),
    _person_queues_upload(), record_cpis_case_note(bigint, text, timestamptz),
    record_nhs_number_inactive(bigint, text), current_key_worker(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION config_overview(), config_value(text), current_key_worker(bigint)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin, cpis_exchange;
GRANT EXECUTE ON FUNCTION set_config(text, text) TO cpis_sysadmin;
GRANT EXECUTE ON FUNCTION record_cpis_case_note(bigint, text, timestamptz), record_nhs_number_inactive(bigint, text)
    TO cpis_exchange;
