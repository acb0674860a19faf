-- The (package name, ecosystem) pairs some advisory's affected entry names, one row each: what a
-- scan reads first, to look up only its components some advisory may concern, and for each only
-- the ecosystems that cover it. It replaces known_package (V7), which held the names alone: a scan
-- then read every entry of a name, in every ecosystem, to keep those of the component's. An SBOM
-- of AlmaLinux 9 packages read the AlmaLinux 8 and 10 entries of the same names too, 55,000 rows
-- for 23,000 (bench/RESULTS.md, session 8). Rules: db/MIGRATIONS.md.
--
-- AdvisoryWriter adds the pairs of what it writes, in the import's transaction; pairs are never
-- removed (an advisory replaced or deleted may leave one behind). The list is a superset, which is
-- what its reader needs: a pair too many costs a lookup that finds nothing, a pair missing would
-- hide a finding.

CREATE TABLE package_ecosystem (
  package_name VARCHAR(1000) NOT NULL,
  ecosystem    VARCHAR(200)  NOT NULL,
  CONSTRAINT package_ecosystem_pk PRIMARY KEY (package_name, ecosystem)
);

INSERT INTO package_ecosystem (package_name, ecosystem) SELECT DISTINCT package_name, ecosystem FROM affected_package;

DROP TABLE known_package;
