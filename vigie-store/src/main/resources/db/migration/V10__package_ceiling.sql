-- Each (package name, ecosystem) pair's ceilings (io.vigie.core.vuln.match.PackageCeiling): the
-- highest version its advisories' entries name, per version ordering, or 'unbounded' when some
-- entry affects every version from one on, or 'none'; in ceiling for versions compared as written,
-- in ceiling_unstated_epoch for a distribution package whose package URL states no epoch (compared
-- with the epoch of each entry put in front, as the matcher does). A scan reads it with the pairs, and asks for
-- the entries of only the components at or below it: a maintained product's packages are mostly
-- past every fix, and an SBOM of 5,551 real packages read 32,558 entries to learn that most of them
-- affect nothing it has (bench/RESULTS.md, session 10).
--
-- NULL (either): not computed yet. Rows that exist when this runs are NULL; Vigie computes them from the
-- entries right after the migration, and any left (an upgrade interrupted on PostgreSQL) at the
-- start of the next import. A scan reads the entries of a pair whose ceiling is NULL, as before.
-- AdvisoryWriter raises the ceilings of each pair it writes entries for, in the import's
-- transaction, the row locked; like the pairs, a ceiling only grows (an advisory replaced by one
-- that affects less leaves it higher than needed, which costs a lookup, never a finding).
-- Rules: db/MIGRATIONS.md.

ALTER TABLE package_ecosystem ADD COLUMN ceiling VARCHAR;
ALTER TABLE package_ecosystem ADD COLUMN ceiling_unstated_epoch VARCHAR;
