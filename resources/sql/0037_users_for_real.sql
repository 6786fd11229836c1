-- Users for real (issue 21): a system administrator lists, disables, enables and resets the
-- password of users and changes their roles (functions/users.sql). A reset password is a
-- one-time one: the worker must choose their own at next sign-in, which the client asks for
-- before anything else. The client stamps each sign-in, so the user list shows the last one.
ALTER TABLE worker ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
ALTER TABLE worker ADD COLUMN last_signed_in_at timestamptz;
-- functions: 77adc50caedbe9fed7ed4cd9168337eb3c1f8b86a1f1118a6d3566b16d807fab
