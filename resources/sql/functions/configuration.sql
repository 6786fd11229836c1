-- Settings, lists and note templates: what the Configuration tools read and save.
-- The current definition of each function; see ORDER for the rules of this folder.

-- Every setting for people to see, secrets only as set or not set.
CREATE OR REPLACE FUNCTION config_overview()
RETURNS TABLE (key text, value text, secret boolean, updated_by name, updated_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT key, CASE WHEN secret THEN CASE WHEN value = '' THEN '' ELSE 'set' END ELSE value END,
           secret, updated_by, updated_at
    FROM config ORDER BY key
$$;
REVOKE EXECUTE ON FUNCTION config_overview() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION config_overview()
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin,
       cpis_exchange;

CREATE OR REPLACE FUNCTION config_value(p_key text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT value FROM config WHERE key = p_key AND NOT secret
$$;
REVOKE EXECUTE ON FUNCTION config_value(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION config_value(text)
    TO cpis_safeguarding_admin, cpis_key_worker, cpis_team_manager, cpis_sysadmin,
       cpis_exchange;

-- Every plan kind, in the order they are listed: child protection plans, then the DfE
-- looked-after legal statuses (SSDA903). plan.kind's CHECK (migration 0024) lists the same.
CREATE OR REPLACE FUNCTION _plan_kinds() RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT ARRAY['CPP', 'UCPP', 'C1', 'C2', 'D1', 'E1', 'J1', 'J2', 'J3', 'L1', 'L2', 'L3', 'V2', 'V3', 'V4']
$$;
REVOKE EXECUTE ON FUNCTION _plan_kinds() FROM PUBLIC;

-- A folder on the exchange's machine: the database can only check the form; the exchange says
-- (and alerts) when the folder cannot be used. Empty turns the feature off (p_off says how).
CREATE OR REPLACE FUNCTION _check_folder_setting(p_key text, p_value text, p_example text, p_off text)
RETURNS void
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF p_value <> '' AND p_value !~ '^(/|[A-Za-z]:[\\/]|\\\\)' THEN
        PERFORM _invalid(p_key, format('%s must be a full folder path, e.g. %s (or empty: %s).', p_key, p_example, p_off));
    ELSIF length(p_value) > 1000 THEN
        PERFORM _invalid(p_key, format('%s is too long (at most 1000 characters).', p_key));
    END IF;
END $$;
REVOKE EXECUTE ON FUNCTION _check_folder_setting(text, text, text, text) FROM PUBLIC;

CREATE OR REPLACE FUNCTION set_config(p_key text, p_value text) RETURNS void
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
    PERFORM _check_office_setting(p_key, v);
    -- A secret arrives sealed by the client with the public key of the exchange
    -- (domain/sealed_secret): in clear it would be in the server log (log_statement=all shows bind
    -- parameters) and in every dump. The message never repeats the value.
    IF is_secret AND v <> '' THEN
        IF coalesce((SELECT value FROM config WHERE key = 'mesh.secrets_public_key'), '') = '' THEN
            PERFORM _invalid(p_key, format('%s cannot be set yet: secrets are sealed with the exchange '
                'host''s public key, and mesh.secrets_public_key is not set. Run cpisctl exchange keygen '
                'on the exchange''s host, set mesh.secrets_public_key to the line it prints, then set %s again.',
                p_key, p_key));
        ELSIF v !~ '^sealed:v1:[A-Za-z0-9+/]+={0,2}$' THEN
            PERFORM _invalid(p_key, format('%s must arrive sealed with the exchange''s public key, never in '
                'clear text (it would be in the server''s log and in backups): set it with cpisctl config '
                'set %s --stdin or in the Configuration tools, which seal it.', p_key, p_key));
        END IF;
    END IF;
    CASE p_key
    WHEN 'mesh.secrets_public_key' THEN
        IF v <> '' AND v !~ '^[A-Za-z0-9+/]{40,255}={0,2}$' THEN
            PERFORM _invalid(p_key, 'mesh.secrets_public_key must be the one line cpisctl exchange keygen '
                'prints (the base64 of the exchange''s X25519 public key).');
        END IF;
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
            IF btrim(item) IN ('V3', 'V4') THEN
                PERFORM _invalid(p_key, format('cpis.shared_plans: %s cannot be shared. V3 and V4 are short '
                    'breaks under s20, often for disabled children, and are never shared with CP-IS.', btrim(item)));
            ELSIF NOT btrim(item) = ANY (_plan_kinds()) THEN
                PERFORM _invalid(p_key, format('cpis.shared_plans: "%s" is not one of %s.', btrim(item),
                    array_to_string(array_remove(array_remove(_plan_kinds(), 'V3'), 'V4'), ', ')));
            END IF;
        END LOOP;
        v := array_to_string(ARRAY(SELECT k FROM unnest(_plan_kinds()) WITH ORDINALITY AS o(k, n)
                                   WHERE k IN (SELECT btrim(x) FROM unnest(string_to_array(v, ',')) AS x)
                                   ORDER BY n), ',');
    WHEN 'cpis.authority_name' THEN
        IF length(v) > 100 THEN
            PERFORM _invalid(p_key, format('cpis.authority_name is too long (%s characters, at most 100): '
                'write the authority''s name as clinicians should see it.', length(v)));
        END IF;
    WHEN 'cpis.phone_office_hours', 'cpis.phone_out_of_hours' THEN
        IF v <> '' AND (v !~ '^\+?[0-9 ]+$' OR length(regexp_replace(v, '[^0-9]', '', 'g')) NOT BETWEEN 10 AND 15) THEN
            PERFORM _invalid(p_key, format('%s: "%s" is not a telephone number: 10 to 15 digits, spaces '
                'allowed, optionally starting with +, e.g. 01632 960000.', p_key, v));
        END IF;
    WHEN 'exchange.times' THEN
        IF v = '' THEN
            PERFORM _invalid(p_key, 'exchange.times needs at least one time, e.g. 08:00,11:00,14:00,16:45.');
        END IF;
        FOREACH item IN ARRAY string_to_array(v, ',') LOOP
            IF btrim(item) !~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' THEN
                PERFORM _invalid(p_key, format('exchange.times: "%s" is not a time of day (HH:MM).', btrim(item)));
            END IF;
        END LOOP;
    WHEN 'cpis.schema_dir' THEN
        PERFORM _check_folder_setting(p_key, v, '/etc/cpis/dms-schemas', 'no validation');
    WHEN 'records.import_folder' THEN
        PERFORM _check_folder_setting(p_key, v, '/srv/cpis/records-in', 'no scheduled import');
    WHEN 'mesh.url' THEN
        IF v <> '' AND v !~ '^https://[^/\s]+' AND v !~ '^http://(127\.[0-9.]+|localhost|\[::1\])(:[0-9]+)?(/|$)' THEN
            PERFORM _invalid(p_key, 'mesh.url must be https://, or http:// to a loopback address for testing.');
        END IF;
    WHEN 'cpis.authority_ods' THEN
        IF v <> '' AND v !~ '^[A-Z0-9]{3,8}$' THEN
            PERFORM _invalid(p_key, 'cpis.authority_ods must be an ODS code: 3 to 8 capital letters or digits.');
        END IF;
    WHEN 'cpis.access_sources' THEN
        -- ODS code = source category, for the organisations the authority knows.
        FOREACH item IN ARRAY string_to_array(v, ',') LOOP
            IF btrim(item) !~ '^[A-Za-z0-9]{3,8}\s*=\s*(emergency_department|urgent_treatment|minor_injury_unit|out_of_hours_111|other)$' THEN
                PERFORM _invalid(p_key, format('cpis.access_sources: "%s" is not ODS=category; the categories are '
                                 'emergency_department, urgent_treatment, minor_injury_unit, out_of_hours_111 and other.',
                                 btrim(item)));
            END IF;
        END LOOP;
        v := array_to_string(ARRAY(SELECT upper(btrim(split_part(x, '=', 1))) || '=' || btrim(split_part(x, '=', 2))
                                   FROM unnest(string_to_array(v, ',')) AS x ORDER BY 1), ',');
    ELSE
        -- A sealed secret is its clear text (at most 2000 characters, checked by the client) and
        -- some 80 characters more, in base64.
        IF length(v) > (CASE WHEN is_secret THEN 3000 ELSE 2000 END) THEN
            PERFORM _invalid(p_key, format('%s is too long (at most 2000 characters).', p_key));
        END IF;
    END CASE;
    UPDATE config SET value = v, updated_by = session_user, updated_at = now() WHERE key = p_key;
    PERFORM _audit('config.changed', NULL,
                   jsonb_build_object('key', p_key, 'value', CASE WHEN is_secret THEN '(secret)' ELSE v END));
    PERFORM _notify('config', 0);
END $$;
REVOKE EXECUTE ON FUNCTION set_config(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION set_config(text, text) TO cpis_sysadmin;

-- The lists people may edit. step_type is the procedure itself and stays as shipped.
CREATE OR REPLACE FUNCTION _editable_list(p_list text) RETURNS void
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF p_list IS NULL OR p_list NOT IN ('request_type', 'next_action', 'next_action_reason',
                                        'case_note_type', 'cancel_reason') THEN
        PERFORM _invalid('list', format('There is no list "%s" to change: the lists are request_type, '
                         'next_action, next_action_reason, case_note_type and cancel_reason.', p_list));
    END IF;
END $$;
REVOKE EXECUTE ON FUNCTION _editable_list(text) FROM PUBLIC;

-- A label for a list item: trimmed, 1 to 200 characters.
CREATE OR REPLACE FUNCTION _list_label(p_label text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE v text := btrim(coalesce(p_label, ''));
BEGIN
    IF v = '' THEN
        PERFORM _invalid('label', 'The item needs a name.');
    ELSIF length(v) > 200 THEN
        PERFORM _invalid('label', 'The item''s name is too long (at most 200 characters).');
    END IF;
    RETURN v;
END $$;
REVOKE EXECUTE ON FUNCTION _list_label(text) FROM PUBLIC;

-- Locks the item; CP-IS Follow Up case notes are what the exchange and key workers write, so
-- that type keeps its name and stays in use.
CREATE OR REPLACE FUNCTION _lock_list_item(p_list text, p_label text, p_change text) RETURNS list_item
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE item list_item;
BEGIN
    PERFORM _editable_list(p_list);
    SELECT * INTO item FROM list_item WHERE list = p_list AND label = p_label FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'There is no item "%" in the list %.', p_label, p_list USING ERRCODE = 'CPNF1';
    END IF;
    IF p_list = 'case_note_type' AND p_label = 'CP-IS Follow Up' THEN
        PERFORM _invalid('label', format('The case-note type "CP-IS Follow Up" cannot be %s: the CP-IS '
                         'procedure and the exchange write notes of that type.', p_change));
    END IF;
    RETURN item;
END $$;
REVOKE EXECUTE ON FUNCTION _lock_list_item(text, text, text) FROM PUBLIC;

CREATE OR REPLACE FUNCTION set_note_template(p_source text, p_label text, p_body text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_label text := btrim(coalesce(p_label, ''));
    v_body text := btrim(coalesce(p_body, ''));
BEGIN
    PERFORM _require_role('cpis_sysadmin', 'change the note templates');
    IF NOT EXISTS (SELECT 1 FROM note_template WHERE source = p_source) THEN
        PERFORM _invalid('source', format('There is no note template "%s": the templates are ae (A&E) '
                         'and dhu_111 (DHU, 111 calls).', p_source));
    END IF;
    IF v_label = '' THEN
        PERFORM _invalid('label', 'The template needs a name, e.g. A&E Notifications.');
    ELSIF length(v_label) > 200 THEN
        PERFORM _invalid('label', 'The template''s name is too long (at most 200 characters).');
    END IF;
    IF v_body = '' THEN
        PERFORM _invalid('body', 'The template''s note is empty: write what the key worker should do.');
    ELSIF length(v_body) > 4000 THEN
        PERFORM _invalid('body', format('The template''s note is too long (%s characters, at most 4000).',
                         length(v_body)));
    END IF;
    UPDATE note_template SET label = v_label, body = v_body WHERE source = p_source;
    PERFORM _audit('config.note_template', NULL,
                   jsonb_build_object('source', p_source, 'label', v_label, 'body', v_body));
    PERFORM _notify('config', 0);
END $$;
REVOKE EXECUTE ON FUNCTION set_note_template(text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION set_note_template(text, text, text) TO cpis_sysadmin;

-- A new item goes to the end of its list; a retired item of that name is brought back.
CREATE OR REPLACE FUNCTION add_list_item(p_list text, p_label text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v text;
    was_active boolean;
BEGIN
    PERFORM _require_role('cpis_sysadmin', 'change the lists');
    PERFORM _editable_list(p_list);
    v := _list_label(p_label);
    SELECT active INTO was_active FROM list_item WHERE list = p_list AND label = v FOR UPDATE;
    IF was_active THEN
        PERFORM _invalid('label', format('"%s" is already in the list.', v));
    END IF;
    INSERT INTO list_item (list, label, position, active)
    VALUES (p_list, v, (SELECT coalesce(max(position), 0) + 1 FROM list_item WHERE list = p_list), true)
    ON CONFLICT (list, label) DO UPDATE SET active = true, position = EXCLUDED.position;
    PERFORM _audit('config.list_item_added', NULL, jsonb_build_object('list', p_list, 'label', v));
    PERFORM _notify('config', 0);
END $$;
REVOKE EXECUTE ON FUNCTION add_list_item(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION add_list_item(text, text) TO cpis_sysadmin;

-- What was written with the old name keeps it; what is chosen from now on has the new one.
CREATE OR REPLACE FUNCTION rename_list_item(p_list text, p_label text, p_new_label text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE v text;
BEGIN
    PERFORM _require_role('cpis_sysadmin', 'change the lists');
    PERFORM _lock_list_item(p_list, p_label, 'renamed');
    v := _list_label(p_new_label);
    IF v = p_label THEN
        RETURN;
    END IF;
    IF EXISTS (SELECT 1 FROM list_item WHERE list = p_list AND label = v) THEN
        PERFORM _invalid('label', format('"%s" is already in the list (perhaps retired).', v));
    END IF;
    UPDATE list_item SET label = v WHERE list = p_list AND label = p_label;
    PERFORM _audit('config.list_item_renamed', NULL,
                   jsonb_build_object('list', p_list, 'label', p_label, 'new_label', v));
    PERFORM _notify('config', 0);
END $$;
REVOKE EXECUTE ON FUNCTION rename_list_item(text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rename_list_item(text, text, text) TO cpis_sysadmin;

-- No longer offered; history still shows it. A list keeps at least one item in use.
CREATE OR REPLACE FUNCTION retire_list_item(p_list text, p_label text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE item list_item;
BEGIN
    PERFORM _require_role('cpis_sysadmin', 'change the lists');
    item := _lock_list_item(p_list, p_label, 'retired');
    IF NOT item.active THEN
        RETURN;
    END IF;
    PERFORM 1 FROM list_item WHERE list = p_list FOR UPDATE;
    IF NOT EXISTS (SELECT 1 FROM list_item WHERE list = p_list AND active AND label <> p_label) THEN
        PERFORM _invalid('label', format('"%s" is the last item in use in this list: add another before '
                         'retiring it.', p_label));
    END IF;
    UPDATE list_item SET active = false WHERE list = p_list AND label = p_label;
    PERFORM _audit('config.list_item_retired', NULL, jsonb_build_object('list', p_list, 'label', p_label));
    PERFORM _notify('config', 0);
END $$;
REVOKE EXECUTE ON FUNCTION retire_list_item(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION retire_list_item(text, text) TO cpis_sysadmin;

-- The order the dialogs offer them in: p_labels names every item of the list once.
CREATE OR REPLACE FUNCTION reorder_list_items(p_list text, p_labels text[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM _require_role('cpis_sysadmin', 'change the lists');
    PERFORM _editable_list(p_list);
    PERFORM 1 FROM list_item WHERE list = p_list FOR UPDATE;
    IF p_labels IS NULL
       OR cardinality(p_labels) <> (SELECT count(DISTINCT x) FROM unnest(p_labels) AS x)
       OR (SELECT array_agg(label ORDER BY label) FROM list_item WHERE list = p_list)
          IS DISTINCT FROM (SELECT array_agg(x ORDER BY x) FROM unnest(p_labels) AS x) THEN
        PERFORM _invalid('labels', 'The new order must name every item of the list once; reload the list and try again.');
    END IF;
    UPDATE list_item l SET position = o.n
    FROM unnest(p_labels) WITH ORDINALITY AS o(label, n)
    WHERE l.list = p_list AND l.label = o.label;
    PERFORM _audit('config.list_reordered', NULL, jsonb_build_object('list', p_list, 'labels', to_jsonb(p_labels)));
    PERFORM _notify('config', 0);
END $$;
REVOKE EXECUTE ON FUNCTION reorder_list_items(text, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reorder_list_items(text, text[]) TO cpis_sysadmin;

-- A Save of the Configuration tools: settings and note templates together, all or nothing.
-- p_changes is a JSON array of {"key": ..., "value": ...} and {"template": source, "label":
-- ..., "body": ...}. Every change is checked; when any is refused nothing is stored and one
-- row per refused field comes back (the setting's key, or template.SOURCE.label / .body).
CREATE OR REPLACE FUNCTION save_configuration(p_changes jsonb) RETURNS TABLE (field text, message text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    change jsonb;
    refused jsonb := '[]';
    v_column text;
    v_message text;
BEGIN
    PERFORM _require_role('cpis_sysadmin', 'change the configuration');
    IF jsonb_typeof(p_changes) IS DISTINCT FROM 'array' THEN
        PERFORM _invalid('changes', 'The changes must be a JSON array.');
    END IF;
    BEGIN
        FOR change IN SELECT * FROM jsonb_array_elements(p_changes) LOOP
            BEGIN
                IF change ? 'template' THEN
                    PERFORM set_note_template(change->>'template', change->>'label', change->>'body');
                ELSE
                    PERFORM set_config(change->>'key', change->>'value');
                END IF;
            EXCEPTION WHEN SQLSTATE 'CPVL1' THEN
                GET STACKED DIAGNOSTICS v_column = COLUMN_NAME, v_message = MESSAGE_TEXT;
                refused := refused || jsonb_build_object(
                    'field', CASE WHEN change ? 'template' THEN format('template.%s.%s', change->>'template', v_column)
                                  ELSE coalesce(change->>'key', v_column) END,
                    'message', v_message);
            END;
        END LOOP;
        IF refused <> '[]' THEN
            -- Undoes what was stored before the refusal; the refusals survive in the variable.
            RAISE EXCEPTION 'refused' USING ERRCODE = 'CPVLX';
        END IF;
    EXCEPTION WHEN SQLSTATE 'CPVLX' THEN
        NULL;
    END;
    RETURN QUERY SELECT r->>'field', r->>'message' FROM jsonb_array_elements(refused) AS r;
END $$;
REVOKE EXECUTE ON FUNCTION save_configuration(jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION save_configuration(jsonb) TO cpis_sysadmin;

-- Every setting, before its own rules: one line without control characters (a secret's value is
-- never repeated back); a URL has no spaces in it. Then office hours, days and handling time.
CREATE OR REPLACE FUNCTION _check_office_setting(p_key text, v text) RETURNS void
LANGUAGE plpgsql STABLE AS $$
BEGIN
    PERFORM _check_text(p_key, p_key, v, 0, 'one');
    IF p_key = 'mesh.url' AND v ~ '\s' THEN
        PERFORM _invalid(p_key, 'mesh.url must not contain spaces.');
    END IF;
    IF p_key = 'office.hours' AND (v !~ '^([01]?[0-9]|2[0-3]):[0-5][0-9]-([01]?[0-9]|2[0-3]):[0-5][0-9]$'
            OR split_part(v, '-', 2)::time <= split_part(v, '-', 1)::time) THEN
        PERFORM _invalid(p_key, format('office.hours: "%s" is not a range of the day such as 09:30-16:30.', v));
    ELSIF p_key = 'office.days' AND lower(v) !~ '^(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?(,(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?)*$' THEN
        PERFORM _invalid(p_key, format('office.days: "%s" is not days such as Mon-Fri or Mon,Wed,Fri.', v));
    ELSIF p_key = 'office.handling_time' AND lower(v) !~ '^[1-9][0-9]{0,2} working (day|days|hour|hours)$' THEN
        PERFORM _invalid(p_key, format('office.handling_time: "%s" is not a handling time such as 1 working day or 4 working hours.', v));
    END IF;
END $$;
REVOKE EXECUTE ON FUNCTION _check_office_setting(text, text) FROM PUBLIC;
