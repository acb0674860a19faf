-- Only in the tests: the migration of a "newer Vigie", to check that an older database is migrated
-- on open and that this code, without it, refuses the database afterwards.
CREATE TABLE test_newer_vigie (
  id INTEGER NOT NULL PRIMARY KEY
);
