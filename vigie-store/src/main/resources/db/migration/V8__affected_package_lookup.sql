-- The lookup a scan makes once for each package name of its SBOM: which advisories name it, in
-- which ecosystem (OsvQueries). With advisory_id in the index, the answer comes from the index
-- alone; through affected_package_name (package_name, ecosystem) each entry's whole row was read
-- from the table, ranges and versions JSON included: 0.4 s of a scan of 10,000 real packages
-- against all the data of ../shared/data (bench/RESULTS.md, session 7). This index replaces that
-- one, whose columns it begins with. Rules: db/MIGRATIONS.md.

CREATE INDEX affected_package_lookup ON affected_package (package_name, ecosystem, advisory_id);
DROP INDEX affected_package_name;
