-- Users for real (issue 21): a system administrator lists, disables, enables and resets the
-- password of users and changes their roles (functions/users.sql). A reset password is a
-- one-time one: the worker must choose their own at next sign-in, which the client asks for
-- before anything else. The client stamps each sign-in, so the user list shows the last one.
ALTER TABLE worker ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
ALTER TABLE worker ADD COLUMN last_signed_in_at timestamptz;
-- functions: 80bd3fe41af3c2074e19ddca2d90afbeab7582d88320bda89454a22464a50a1a
