-- An Access to Service Notification whose access is dated before the child was born is
-- wrong data, not work: the exchange quarantines it instead of making a step. The check
-- needs the date of birth of whoever holds the NHS number, restricted records included,
-- which only the server may read for the exchange.
-- p_batch: the batch process_access_notifications takes, each with its earliest_access.
CREATE FUNCTION access_notifications_before_birth(p_batch jsonb)
RETURNS TABLE (message_id bigint, date_of_birth date)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM _require_role('cpis_exchange', 'process CP-IS notifications');
    RETURN QUERY
    SELECT b.message, p.date_of_birth
    FROM jsonb_to_recordset(p_batch) AS b(message bigint, nhs_number text, earliest_access timestamptz)
    JOIN person p ON p.nhs_number = b.nhs_number AND p.nhs_number_status = 'recorded'
    WHERE (b.earliest_access AT TIME ZONE 'Europe/London')::date < p.date_of_birth;
END $$;

REVOKE EXECUTE ON FUNCTION access_notifications_before_birth(jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION access_notifications_before_birth(jsonb) TO cpis_exchange;
