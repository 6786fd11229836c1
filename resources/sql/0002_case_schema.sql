-- The case database: people, workers, involvements, plans, work steps, requests, next
-- actions, case notes, alerts, lists and the audit trail. Rules that must hold whoever
-- writes are constraints here; who may write is in 0004, how in 0005.

-- NHS number: ten digits, Modulus 11 (CPIS-INTERFACE.md). The same rule as NhsNumber.
CREATE FUNCTION nhs_number_is_valid(n text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT n ~ '^[0-9]{10}$' AND (
        SELECT CASE WHEN 11 - (sum(substr(n, i, 1)::int * (11 - i)) % 11) = 11 THEN 0
                    ELSE 11 - (sum(substr(n, i, 1)::int * (11 - i)) % 11) END
        FROM generate_series(1, 9) AS i) = substr(n, 10, 1)::int
$$;

CREATE TABLE team (
    id   integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL UNIQUE CHECK (length(btrim(name)) BETWEEN 1 AND 200)
);

-- A user (linked to a PostgreSQL login role) or a virtual worker: a queue such as CP-IS Worker.
CREATE TABLE worker (
    id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    login      name UNIQUE,
    is_virtual boolean NOT NULL DEFAULT false,
    team_id    integer REFERENCES team,
    active     boolean NOT NULL DEFAULT true,
    CONSTRAINT worker_user_has_login CHECK (is_virtual = (login IS NULL))
);
CREATE UNIQUE INDEX worker_virtual_name ON worker (lower(name)) WHERE is_virtual;
CREATE INDEX worker_name_search ON worker (lower(name) text_pattern_ops);

CREATE TABLE team_manager (
    team_id   integer NOT NULL REFERENCES team,
    worker_id integer NOT NULL REFERENCES worker,
    PRIMARY KEY (team_id, worker_id)
);

-- Users who work from a virtual worker's queue.
CREATE TABLE queue_member (
    queue_id  integer NOT NULL REFERENCES worker,
    member_id integer NOT NULL REFERENCES worker,
    PRIMARY KEY (queue_id, member_id)
);

CREATE SEQUENCE person_id_seq START 3500000;
CREATE TABLE person (
    id                bigint PRIMARY KEY DEFAULT nextval('person_id_seq'),
    -- Exactly as on the birth certificate: CP-IS matching uses these.
    legal_forenames   text NOT NULL CHECK (length(btrim(legal_forenames)) BETWEEN 1 AND 200),
    legal_surname     text NOT NULL CHECK (length(btrim(legal_surname)) BETWEEN 1 AND 200),
    gender            text NOT NULL DEFAULT 'Not known'
                      CHECK (gender IN ('Male', 'Female', 'Other', 'Not known')),
    date_of_birth     date,
    expected_delivery date,
    mother_id         bigint REFERENCES person,
    nhs_number        text CONSTRAINT person_nhs_number_valid CHECK (nhs_number_is_valid(nhs_number)),
    nhs_number_status text NOT NULL DEFAULT 'unknown'
                      CHECK (nhs_number_status IN ('unknown', 'recorded', 'inactive', 'replaced')),
    restricted        boolean NOT NULL DEFAULT false,
    row_version       integer NOT NULL DEFAULT 1,
    CONSTRAINT person_born_or_expected CHECK (date_of_birth IS NOT NULL OR expected_delivery IS NOT NULL),
    CONSTRAINT person_number_with_status CHECK ((nhs_number IS NULL) = (nhs_number_status = 'unknown'))
);
ALTER SEQUENCE person_id_seq OWNED BY person.id;
-- At most one active person per NHS number.
CREATE UNIQUE INDEX person_active_nhs_number ON person (nhs_number) WHERE nhs_number_status = 'recorded';
CREATE INDEX person_mother ON person (mother_id) WHERE mother_id IS NOT NULL;

CREATE TABLE person_other_name (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id  bigint NOT NULL REFERENCES person ON DELETE CASCADE,
    kind       text NOT NULL CHECK (kind IN ('Known as', 'Previous name', 'Alias', 'Alternative spelling')),
    forenames  text NOT NULL DEFAULT '',
    surname    text NOT NULL DEFAULT '',
    valid_from date,
    valid_to   date,
    CHECK (length(forenames || surname) BETWEEN 1 AND 400),
    CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);
CREATE INDEX person_other_name_person ON person_other_name (person_id);

-- Who may see a restricted person.
CREATE TABLE person_access (
    person_id bigint NOT NULL REFERENCES person ON DELETE CASCADE,
    worker_id integer NOT NULL REFERENCES worker,
    PRIMARY KEY (person_id, worker_id)
);

CREATE TABLE involvement (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id  bigint NOT NULL REFERENCES person,
    worker_id  integer NOT NULL REFERENCES worker,
    role       text NOT NULL CHECK (role IN ('Key Worker', 'Team Manager', 'Other')),
    started_on date NOT NULL DEFAULT current_date,
    ended_on   date,
    CONSTRAINT involvement_end_not_before_start CHECK (ended_on IS NULL OR ended_on >= started_on)
);
-- At most one current key worker per person.
CREATE UNIQUE INDEX involvement_one_key_worker ON involvement (person_id)
    WHERE role = 'Key Worker' AND ended_on IS NULL;
CREATE INDEX involvement_worker ON involvement (worker_id) WHERE ended_on IS NULL;

-- Plans and legal statuses; history is kept (rows are ended, not deleted).
CREATE TABLE plan (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id  bigint NOT NULL REFERENCES person,
    kind       text NOT NULL CHECK (kind IN ('CPP', 'UCPP', 's31', 's38', 's20')),
    start_date date NOT NULL,
    end_date   date,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT plan_end_not_before_start CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX plan_person ON plan (person_id);

-- Lists users choose from, kept as data so administrators can change them.
CREATE TABLE list_item (
    list     text NOT NULL CHECK (list IN ('request_type', 'next_action', 'next_action_reason',
                                           'case_note_type', 'step_type', 'cancel_reason')),
    label    text NOT NULL CHECK (length(btrim(label)) BETWEEN 1 AND 200),
    position integer NOT NULL DEFAULT 0,
    active   boolean NOT NULL DEFAULT true,
    PRIMARY KEY (list, label)
);

-- The request notes from the local procedure, by notification source.
CREATE TABLE note_template (
    source              text PRIMARY KEY CHECK (source IN ('ae', 'dhu_111')),
    label               text NOT NULL,
    body                text NOT NULL CHECK (length(btrim(body)) BETWEEN 1 AND 4000),
    -- A&E: the key worker must write a CP-IS case note; DHU/111: only if concerned.
    case_note_expected  text NOT NULL CHECK (case_note_expected IN ('required', 'on_concern'))
);

CREATE TABLE work_step (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    step_type      text NOT NULL DEFAULT 'CPIS Follow Up',
    subject_id     bigint NOT NULL REFERENCES person,
    assignee_id    integer NOT NULL REFERENCES worker,
    state          text NOT NULL DEFAULT 'incoming'
                   CHECK (state IN ('incoming', 'in_progress', 'finished', 'cancelled')),
    title          text NOT NULL DEFAULT 'CPIS Follow Up',
    comments       text NOT NULL DEFAULT '' CHECK (length(comments) <= 8000),
    -- Where the notification came from, so the right note template is proposed.
    source         text CHECK (source IN ('ae', 'dhu_111')),
    received_at    timestamptz NOT NULL DEFAULT now(),
    due_at         timestamptz,
    started_by     integer REFERENCES worker,
    started_at     timestamptz,
    finished_by    integer REFERENCES worker,
    finished_at    timestamptz,
    cancelled_by   integer REFERENCES worker,
    cancelled_at   timestamptz,
    cancel_reason  text,
    row_version    integer NOT NULL DEFAULT 1,
    updated_by     integer REFERENCES worker,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT work_step_started CHECK (state = 'incoming' OR state = 'cancelled' OR started_by IS NOT NULL),
    CONSTRAINT work_step_finished CHECK (state <> 'finished' OR finished_at IS NOT NULL),
    CONSTRAINT work_step_cancelled CHECK (state <> 'cancelled' OR length(btrim(cancel_reason)) > 0)
);
CREATE INDEX work_step_open_by_assignee ON work_step (assignee_id, received_at)
    WHERE state IN ('incoming', 'in_progress');
CREATE INDEX work_step_open_by_starter ON work_step (started_by) WHERE state = 'in_progress';
CREATE INDEX work_step_subject ON work_step (subject_id);

CREATE TABLE request (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    step_id            bigint NOT NULL REFERENCES work_step,
    request_type       text NOT NULL,
    recipient_id       integer NOT NULL REFERENCES worker,
    note               text NOT NULL CHECK (length(btrim(note)) BETWEEN 1 AND 4000),
    source             text CHECK (source IN ('ae', 'dhu_111')),
    case_note_expected text NOT NULL DEFAULT 'required' CHECK (case_note_expected IN ('required', 'on_concern')),
    state              text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'sent', 'acknowledged')),
    created_by         integer NOT NULL REFERENCES worker,
    created_at         timestamptz NOT NULL DEFAULT now(),
    sent_at            timestamptz,
    acknowledged_by    integer REFERENCES worker,
    acknowledged_at    timestamptz,
    CONSTRAINT request_sent CHECK (state = 'draft' OR sent_at IS NOT NULL),
    CONSTRAINT request_acknowledged CHECK (state <> 'acknowledged' OR acknowledged_at IS NOT NULL)
);
CREATE INDEX request_step ON request (step_id);
CREATE INDEX request_incoming ON request (recipient_id, sent_at) WHERE state IN ('sent', 'acknowledged');

CREATE TABLE next_action (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    step_id     bigint NOT NULL REFERENCES work_step,
    action      text NOT NULL,
    reason      text NOT NULL,
    note        text NOT NULL DEFAULT '' CHECK (length(note) <= 4000),
    priority    text NOT NULL DEFAULT 'Normal' CHECK (priority IN ('Urgent', 'Normal', 'Low')),
    assigned_to integer REFERENCES worker,
    status      text NOT NULL DEFAULT 'Outstanding' CHECK (status IN ('Outstanding', 'Done')),
    created_by  integer NOT NULL REFERENCES worker,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX next_action_step ON next_action (step_id);

CREATE TABLE case_note (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id    bigint NOT NULL REFERENCES person,
    note_type    text NOT NULL,
    author_id    integer NOT NULL REFERENCES worker,
    contact_date date NOT NULL,
    body         text NOT NULL CHECK (length(btrim(body)) BETWEEN 1 AND 20000),
    state        text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'final')),
    request_id   bigint REFERENCES request,
    created_at   timestamptz NOT NULL DEFAULT now(),
    finalised_at timestamptz,
    CONSTRAINT case_note_final CHECK (state = 'draft' OR finalised_at IS NOT NULL)
);
CREATE INDEX case_note_person ON case_note (person_id, contact_date DESC);
CREATE INDEX case_note_request ON case_note (request_id) WHERE request_id IS NOT NULL;

-- A finished case note is never changed, only followed by another.
CREATE FUNCTION case_note_final_is_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.state = 'final' THEN
        RAISE EXCEPTION 'A finished case note cannot be changed; add a new note instead.'
            USING ERRCODE = 'CPFR1';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER case_note_frozen BEFORE UPDATE OR DELETE ON case_note
    FOR EACH ROW EXECUTE FUNCTION case_note_final_is_frozen();

CREATE TABLE alert (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alert_type       text NOT NULL CHECK (length(btrim(alert_type)) BETWEEN 1 AND 200),
    person_id        bigint REFERENCES person,
    recipient_worker integer REFERENCES worker,
    recipient_team   integer REFERENCES team,
    recipient_role   name CHECK (recipient_role IN ('cpis_safeguarding_admin', 'cpis_key_worker',
                                                    'cpis_team_manager', 'cpis_sysadmin')),
    body             text NOT NULL CHECK (length(btrim(body)) BETWEEN 1 AND 4000),
    created_at       timestamptz NOT NULL DEFAULT now(),
    acknowledged_by  integer REFERENCES worker,
    acknowledged_at  timestamptz,
    CONSTRAINT alert_one_recipient CHECK (num_nonnulls(recipient_worker, recipient_team, recipient_role) = 1)
);
CREATE INDEX alert_open ON alert (created_at) WHERE acknowledged_at IS NULL;

-- Append-only: who, when, what, which person.
CREATE TABLE audit (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        timestamptz NOT NULL DEFAULT clock_timestamp(),
    login     name NOT NULL DEFAULT session_user,
    worker_id integer REFERENCES worker,
    action    text NOT NULL,
    person_id bigint REFERENCES person,
    details   jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_person ON audit (person_id, at DESC) WHERE person_id IS NOT NULL;

CREATE FUNCTION audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'The audit trail cannot be changed or deleted.' USING ERRCODE = 'CPAU1';
END $$;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION audit_is_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
    FOR EACH STATEMENT EXECUTE FUNCTION audit_is_append_only();
