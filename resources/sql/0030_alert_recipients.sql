-- Alerts reach the right people (issue 18): who receives each CP-IS alert is configurable (a
-- role, a team, a worker and, for alerts about a child, the child's key worker), seeded with
-- the recipients each alert had before; raise_cpis_alert (functions/alerts.sql) is the one
-- rule every raiser uses. And the exchange service's presence is a row only the exchange role
-- may write, not an advisory lock any login could take.

-- One row per CP-IS alert type. A type raised for the first time without a row gets one with
-- the defaults (the CP-IS administrators), so a new alert needs no change here.
CREATE TABLE alert_recipients (
    alert_type       text PRIMARY KEY CHECK (length(btrim(alert_type)) BETWEEN 1 AND 200),
    about_child      boolean NOT NULL DEFAULT false,
    recipient_role   name DEFAULT 'cpis_sysadmin'
                     CHECK (recipient_role IN ('cpis_safeguarding_admin', 'cpis_key_worker',
                                               'cpis_team_manager', 'cpis_sysadmin')),
    recipient_team   integer REFERENCES team,
    recipient_worker integer REFERENCES worker,
    key_worker       boolean NOT NULL DEFAULT false,
    updated_by       name,
    updated_at       timestamptz,
    CONSTRAINT alert_recipients_someone
        CHECK (num_nonnulls(recipient_role, recipient_team, recipient_worker) > 0 OR key_worker),
    CONSTRAINT alert_recipients_key_worker_of_a_child CHECK (NOT key_worker OR about_child)
);
REVOKE ALL ON alert_recipients FROM PUBLIC;
GRANT SELECT ON alert_recipients TO cpis_sysadmin, cpis_exchange;

-- Today's recipients: the CP-IS administrators, and for alerts about a child also its key
-- worker; a notification handled as a case note goes to the key worker (else CP-IS Worker).
INSERT INTO alert_recipients (alert_type, about_child, recipient_role, key_worker) VALUES
    ('CP-IS notification', true, NULL, true),
    ('CP-IS NHS number inactive', true, 'cpis_sysadmin', true),
    ('CP-IS upload rejected', true, 'cpis_sysadmin', true),
    ('CP-IS upload blocked', true, 'cpis_sysadmin', true),
    ('CP-IS upload failed', false, 'cpis_sysadmin', false),
    ('CP-IS upload refused', false, 'cpis_sysadmin', false),
    ('CP-IS upload not valid', false, 'cpis_sysadmin', false),
    ('CP-IS upload not sent', false, 'cpis_sysadmin', false),
    ('CP-IS message quarantined', false, 'cpis_sysadmin', false),
    ('CP-IS messages about to expire', false, 'cpis_sysadmin', false),
    ('CP-IS inbox not emptied', false, 'cpis_sysadmin', false),
    ('CP-IS exchange stalled', false, 'cpis_sysadmin', false),
    ('CP-IS schemas not loaded', false, 'cpis_sysadmin', false);

-- The exchange service says it is running with a row naming its backend; it counts while that
-- backend lives under that login. Only the exchange role may write it.
CREATE TABLE exchange_service (
    holder_pid         integer PRIMARY KEY,
    holder_login       name NOT NULL,
    holder_application text,
    since              timestamptz NOT NULL DEFAULT now()
);
REVOKE ALL ON exchange_service FROM PUBLIC;
GRANT SELECT ON exchange_service TO cpis_sysadmin, cpis_safeguarding_admin, cpis_exchange;
GRANT INSERT, UPDATE, DELETE ON exchange_service TO cpis_exchange;
-- functions: 8741f6b941fd508358f6f41a12f6995b8ad427f064a25b7f79c7136c3e92bd9c
