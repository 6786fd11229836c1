-- The real window (issue 22). Find worker lists only caseworkers, with their role: its
-- return type gains a column, so the old definition goes here and functions/users.sql
-- creates the new one.
DROP FUNCTION find_workers(text);
-- Current work's Finished folder lists finished steps, most recently finished first, a page
-- at a time.
CREATE INDEX work_step_finished_recent ON work_step (finished_at DESC, id DESC)
    WHERE state = 'finished';
-- New functions (in functions/workflow_steps.sql): take_over_step, a Safeguarding Admin taking
-- over a colleague's step (audited, the colleague alerted), and release_step, an untouched
-- step going back to Incoming work.
-- functions: 683e3306041623a13cec3e20e87cce8817cc427f8ce222b06d5e30c741fb99a8
