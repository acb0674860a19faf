-- NVD CVE records for CPE matching of what has no package URL (firmware, operating systems, C
-- libraries). Portable SQL, as V1: H2 and PostgreSQL alike, no MERGE, no vendor types.

-- One row per CVE. raw_json is the record's 'cve' object (compact), from which the full record is
-- rebuilt; the columns beside it are what is queried and counted. A Rejected record is kept, so that
-- a rejection replaces an older copy (lastModified wins); matching ignores it.
CREATE TABLE nvd_cve (
  id            VARCHAR(50)              NOT NULL PRIMARY KEY,
  published     TIMESTAMP WITH TIME ZONE,
  last_modified TIMESTAMP WITH TIME ZONE NOT NULL,
  vuln_status   VARCHAR(50)              NOT NULL,
  source        VARCHAR(300)             NOT NULL,
  source_record VARCHAR(1000)            NOT NULL,
  raw_json      TEXT                     NOT NULL
);
CREATE INDEX nvd_cve_status ON nvd_cve (vuln_status);

-- One row per cpeMatch criterion, with the criterion's vendor and product (CPE 2.3 formatted-string
-- form, lower-case) so that the records naming a component's vendor and product are found by one
-- indexed query. The bounds are kept for reading; evaluation uses the whole configuration from raw_json.
CREATE TABLE nvd_cpe_match (
  cve_id                  VARCHAR(50)   NOT NULL REFERENCES nvd_cve (id) ON DELETE CASCADE,
  position                INTEGER       NOT NULL,
  path                    VARCHAR(200)  NOT NULL,
  part                    VARCHAR(5)    NOT NULL,
  vendor                  VARCHAR(500)  NOT NULL,
  product                 VARCHAR(500)  NOT NULL,
  vulnerable              BOOLEAN       NOT NULL,
  criteria                VARCHAR(1000) NOT NULL,
  version_start_including VARCHAR(200),
  version_start_excluding VARCHAR(200),
  version_end_including   VARCHAR(200),
  version_end_excluding   VARCHAR(200),
  PRIMARY KEY (cve_id, position)
);
CREATE INDEX nvd_cpe_match_product ON nvd_cpe_match (vendor, product, vulnerable);
