-- The package names some advisory's affected entry names, one row each: what a scan reads first, to
-- look up only the components some advisory may concern. Read from affected_package, whose rows
-- carry the ranges and versions JSON, the same list took a scan of every row: 0.4 s of a scan's
-- start on the full OSV data of ../shared/data (82,702 rows, 9,357 names), against a few
-- milliseconds for this narrow table. Rules: db/MIGRATIONS.md.
--
-- AdvisoryWriter adds the names of what it writes, in the import's transaction; names are never
-- removed (an advisory replaced or deleted may leave one behind). The list is a superset, which is
-- what its reader needs: a name too many costs a lookup that finds nothing, a name missing would
-- hide a finding.

CREATE TABLE known_package (
  package_name VARCHAR(1000) NOT NULL,
  CONSTRAINT known_package_pk PRIMARY KEY (package_name)
);

INSERT INTO known_package (package_name) SELECT DISTINCT package_name FROM affected_package;
