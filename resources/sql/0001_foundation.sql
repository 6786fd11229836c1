-- The case database's identity: one row saying which installation this is, so that a
-- client can show it and an exchange can refuse to run against the wrong copy.
CREATE TABLE installation (
    singleton    boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    id           uuid NOT NULL DEFAULT gen_random_uuid(),
    authority    text NOT NULL DEFAULT 'Local authority (not yet configured)'
                 CHECK (length(btrim(authority)) BETWEEN 1 AND 200),
    created_at   timestamptz NOT NULL DEFAULT now()
);
INSERT INTO installation DEFAULT VALUES;
