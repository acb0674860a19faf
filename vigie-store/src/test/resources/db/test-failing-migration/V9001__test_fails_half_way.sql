-- Only in the tests: a migration that fails half-way, after H2 has committed its first statements
-- (H2 commits each DDL statement on its own), to check that the database is put back as it was.
CREATE TABLE test_half_done (
  id INTEGER NOT NULL PRIMARY KEY
);
DROP TABLE kev;
SELECT no_such_column FROM advisory;
