-- current_key_worker() runs with the owner's rights and answered for any person id: anyone
-- could find which ids are restricted children (a key worker where none should be seen) and
-- who their key worker is. A person the caller may not see now has no key worker either, as
-- if there were no such person. The exchange sees every child, so its alerts are unchanged.
CREATE OR REPLACE FUNCTION current_key_worker(p_person bigint) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT worker_id FROM involvement
    WHERE person_id = p_person AND role = 'Key Worker' AND ended_on IS NULL AND person_is_visible(p_person)
$$;
