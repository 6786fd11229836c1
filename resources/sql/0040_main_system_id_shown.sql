-- Issue 20: the main system's id for a person (person.authority_person_id, from the records
-- feed) is shown on the person record and found by Find a child. search_people returns it, so
-- its return type changes: the new definition is in functions/people.sql. A fresh database has
-- none yet (the function files come after the migrations).
DROP FUNCTION IF EXISTS search_people(text);
-- functions: e7cfc79b754b6aedeb5ddbfac04c53cba7bc570f608bf6973f23736bb11682d6
