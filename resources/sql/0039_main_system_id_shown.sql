-- Issue 20: the main system's id for a person (person.authority_person_id, from the records
-- feed) is shown on the person record and found by Find a child. search_people returns it, so
-- its return type changes: the new definition is in functions/people.sql. A fresh database has
-- none yet (the function files come after the migrations).
DROP FUNCTION IF EXISTS search_people(text);
-- functions: 63fbcbd2960b9590fee2f6229af5e6ad431134afb361c4d1067b0c3dbae15325
