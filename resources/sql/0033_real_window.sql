-- The real window (issue 22). Find worker lists only caseworkers, with their role: its
-- return type gains a column, so the old definition goes here and functions/users.sql
-- creates the new one.
DROP FUNCTION find_workers(text);
-- functions: 35fe6b22d196e4cef787d268a1ae9ad87c0ee04e6820a523a9a147ca9cfbf40c
