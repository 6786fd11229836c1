-- Issue 18: a run records whether it collected the inbox and whether its uploads failed, so
-- that "stalled" (exchange_health) follows collection: with uploads refused (a mistyped CP-IS
-- mailbox) but notifications collected, the workview says uploads fail, not that nothing is
-- collected. exchange_health returns uploads_failing too, so its return type changes: the new
-- definition is in functions/exchange_monitor.sql.
ALTER TABLE exchange_run
    ADD COLUMN inbox_collected boolean NOT NULL DEFAULT false,
    ADD COLUMN uploads_failed boolean NOT NULL DEFAULT false;
-- A run that went well collected the inbox.
UPDATE exchange_run SET inbox_collected = true WHERE status = 'ok';
DROP FUNCTION IF EXISTS exchange_health(timestamptz);

-- The CP-IS alerts as issue 18 lists them: an empty notification and an unexpected failure
-- (processing failed in a way no check foresaw, or a message that could not even be set aside)
-- are types of their own, with today's recipients (the CP-IS administrators) as the defaults,
-- so that Configuration tools and `cpisctl config` list them to be changed.
INSERT INTO alert_recipients (alert_type, about_child, recipient_role, key_worker) VALUES
    ('CP-IS empty notification', false, 'cpis_sysadmin', false),
    ('CP-IS unexpected failure', false, 'cpis_sysadmin', false)
ON CONFLICT (alert_type) DO NOTHING;
-- functions: 28a0e3f94fadb1b533878a384022d8d25cf0c302c1cc4385de994a1691ea0b7d
