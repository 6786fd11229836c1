-- Databases apart on one server (issue 21): only this database's logins may connect, and each
-- may hold at most ten of the server's connection slots. cpisctl setup does this for a new
-- database; here an existing one gets the same, its workers' logins first, so nobody who
-- works here is locked out. A database whose owner is not the role migrating it (an older
-- installation) is left as it was, with a notice: cpisctl setup, run by the server's
-- administrator, completes it. Roles are server-wide: add_user (functions/users.sql) now
-- grants CONNECT to each login it makes and refuses a system administrator another database's login, and
-- _require_role (functions/foundation.sql) asks for a worker of this database as well as the
-- group role. docs/security.md, "Databases apart on one server", argues it in full.
DO $$
DECLARE
    l name;
    owns_database boolean := pg_has_role(current_user,
        (SELECT datdba FROM pg_database WHERE datname = current_database()), 'USAGE');
    manages_roles boolean := (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user);
BEGIN
    IF NOT owns_database THEN
        RAISE NOTICE 'CONNECT is still open to every login of the server: run cpisctl setup as the server''s administrator.';
        RETURN;
    END IF;
    FOR l IN SELECT w.login FROM worker w JOIN pg_roles r ON r.rolname = w.login WHERE NOT r.rolsuper LOOP
        EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), l);
        IF manages_roles THEN
            EXECUTE format('ALTER ROLE %I CONNECTION LIMIT 10', l);
        END IF;
    END LOOP;
    EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM PUBLIC', current_database());
END $$;
-- functions: a8286302553e6e9e2e130202f924ba78279633592e4b4572cabaa03434374627
