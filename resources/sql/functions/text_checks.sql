-- The rules for text people type (length, lines, control characters), and the trigger
-- function that applies them.
-- The current definition of each function; see ORDER for the rules of this folder.

-- Whether p_value breaks the rules: longer than p_max characters (0: no limit here), or holding a
-- control character; p_lines 'many' allows \n, \r and \t. Cheap, for the triggers' WHEN.
CREATE OR REPLACE FUNCTION _text_is_bad(p_value text, p_max integer, p_lines text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT p_value IS NOT NULL
           AND ((p_max > 0 AND length(p_value) > p_max)
                OR p_value ~ '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]'
                OR (p_lines = 'one' AND p_value ~ '[\n\r\t]'))
$$;
-- Every role may call it (never revoked from PUBLIC).

-- A problem is {column, reason in words}, or NULL when the value is fine. Each rule has this one
-- form: the records import uses it over a whole set of rows in one statement, and the raising
-- _check_* helpers of the screens raise what it returns, so the two can never differ. The
-- problem forms are plain SQL declared STABLE (format and date input are), so that the planner
-- writes them into the import's statement instead of calling them row by row.
CREATE OR REPLACE FUNCTION _raise_problem(p_problem text[]) RETURNS void
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF p_problem IS NOT NULL THEN
        PERFORM _invalid(p_problem[1], p_problem[2]);
    END IF;
END $$;
REVOKE EXECUTE ON FUNCTION _raise_problem(text[]) FROM PUBLIC;

-- What is wrong with p_value under those rules, for the field p_field (shown as p_label).
CREATE OR REPLACE FUNCTION _text_problem(p_field text, p_label text, p_value text, p_max integer, p_lines text)
RETURNS text[] LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN NOT _text_is_bad(p_value, p_max, p_lines) THEN NULL
        WHEN p_max > 0 AND length(p_value) > p_max
        THEN ARRAY[p_field, format('%s is too long (at most %s characters).', p_label, p_max)]
        WHEN p_lines = 'one' AND p_value ~ '[\n\r\t]'
        THEN ARRAY[p_field, format('%s must be a single line: remove the line breaks and tabs.', p_label)]
        ELSE ARRAY[p_field, format('%s contains a control character (such as a bell, an escape '
                                   'or DEL): remove it.', p_label)] END
$$;
REVOKE EXECUTE ON FUNCTION _text_problem(text, text, text, integer, text) FROM PUBLIC;

-- Refuses p_value, if it breaks those rules, for the field p_field (shown as p_label).
CREATE OR REPLACE FUNCTION _check_text(p_field text, p_label text, p_value text, p_max integer, p_lines text)
RETURNS void LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF NOT _text_is_bad(p_value, p_max, p_lines) THEN
        RETURN;
    END IF;
    PERFORM _raise_problem(_text_problem(p_field, p_label, p_value, p_max, p_lines));
END $$;
REVOKE EXECUTE ON FUNCTION _check_text(text, text, text, integer, text) FROM PUBLIC;

-- A trigger's arguments come in fives: column, field, label, maximum length, 'one' or 'many'
-- lines. Each trigger runs it only WHEN a value breaks the rules; a row keeps what it had before
-- these rules, so only a new or changed value is refused. As the owner, because the exchange
-- writes inbound_message itself and may not call the helpers.
CREATE OR REPLACE FUNCTION _check_text_columns() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    i integer := 0;
    v text;
BEGIN
    WHILE i < TG_NARGS LOOP
        v := to_jsonb(NEW) ->> TG_ARGV[i];
        IF TG_OP = 'INSERT' OR v IS DISTINCT FROM to_jsonb(OLD) ->> TG_ARGV[i] THEN
            PERFORM _check_text(TG_ARGV[i + 1], TG_ARGV[i + 2], v, TG_ARGV[i + 3]::integer, TG_ARGV[i + 4]);
        END IF;
        i := i + 5;
    END LOOP;
    RETURN NEW;
END $$;
REVOKE EXECUTE ON FUNCTION _check_text_columns() FROM PUBLIC;
