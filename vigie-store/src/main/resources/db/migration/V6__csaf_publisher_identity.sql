-- CSAF documents keyed by publisher namespace + tracking ID (CSAF 2.0: the tracking ID is unique
-- only within a publisher, /document/publisher/namespace + /document/tracking/id identify the
-- document). V2 keyed the three CSAF tables by tracking ID alone, so two publishers using the same
-- ID overwrote each other. Rules: db/MIGRATIONS.md.
--
-- The primary and foreign keys of V2 have no names, and their generated names differ between H2
-- and PostgreSQL, so they cannot be dropped portably: each table is rebuilt (create, copy, drop,
-- rename) with named constraints, and its indexes made again under their V2 names.
--
-- Existing rows get the namespace from their stored document: raw_json is the document as Jackson
-- wrote it (compact, no spaces, string quotes escaped), so the first '"publisher":{' is the
-- document's publisher object (a key, since a '"' inside a string value is written '\"'), and the
-- first '"namespace":"' after it is that object's namespace (the object is flat and the reader
-- refused documents without one). The value runs to the next '"'. Should a row not yield one
-- (no match, an escape in the value, longer than the column), it keeps its data with the namespace
-- '' and stays usable; importing the document again stores it under its namespace (the '' row is
-- then replaced, see CsafWriter). POSITION and SUBSTRING ... FROM ... FOR are standard SQL and
-- work on H2's CLOB and PostgreSQL's TEXT alike.

CREATE TABLE csaf_document_v6 (
  publisher_namespace  VARCHAR(1000)            NOT NULL,
  tracking_id          VARCHAR(200)             NOT NULL,
  version              VARCHAR(100)             NOT NULL,
  title                TEXT                     NOT NULL,
  publisher            VARCHAR(500)             NOT NULL,
  current_release_date TIMESTAMP WITH TIME ZONE NOT NULL,
  source               VARCHAR(300)             NOT NULL,
  source_record        VARCHAR(1000)            NOT NULL,
  raw_json             TEXT                     NOT NULL,
  CONSTRAINT csaf_document_identity PRIMARY KEY (publisher_namespace, tracking_id)
);

-- pub: raw_json from the publisher object on (100,000 characters: the object is a few hundred);
-- ns: from the namespace's value on, one character more than the column holds.
INSERT INTO csaf_document_v6 (publisher_namespace, tracking_id, version, title, publisher, current_release_date,
    source, source_record, raw_json)
SELECT CASE
         WHEN ns_at > 0 AND POSITION('"' IN ns) > 1 AND POSITION('"' IN ns) <= 1001
             AND POSITION('\' IN SUBSTRING(ns FROM 1 FOR POSITION('"' IN ns) - 1)) = 0
           THEN SUBSTRING(ns FROM 1 FOR POSITION('"' IN ns) - 1)
         ELSE ''
       END,
       tracking_id, version, title, publisher, current_release_date, source, source_record, raw_json
FROM (
  SELECT d.*, POSITION('"namespace":"' IN pub) AS ns_at,
         SUBSTRING(pub FROM POSITION('"namespace":"' IN pub) + 13 FOR 1001) AS ns
  FROM (
    SELECT tracking_id, version, title, publisher, current_release_date, source, source_record, raw_json,
           CASE WHEN POSITION('"publisher":{' IN raw_json) > 0
             THEN SUBSTRING(raw_json FROM POSITION('"publisher":{' IN raw_json) FOR 100000)
             ELSE '' END AS pub
    FROM csaf_document
  ) d
) e;

CREATE TABLE csaf_product_v6 (
  publisher_namespace VARCHAR(1000) NOT NULL,
  tracking_id         VARCHAR(200)  NOT NULL,
  product_id          VARCHAR(200)  NOT NULL,
  full_name           TEXT          NOT NULL,
  vendor_key          VARCHAR(500)  NOT NULL,
  product_key         VARCHAR(1000) NOT NULL,
  vendor_product_key  VARCHAR(1500) NOT NULL,
  purl_type           VARCHAR(50)   NOT NULL,
  purl_namespace      VARCHAR(1000) NOT NULL,
  purl_name           VARCHAR(1000) NOT NULL,
  cpe_vendor          VARCHAR(500)  NOT NULL,
  cpe_product         VARCHAR(500)  NOT NULL,
  CONSTRAINT csaf_product_identity PRIMARY KEY (publisher_namespace, tracking_id, product_id),
  CONSTRAINT csaf_product_document FOREIGN KEY (publisher_namespace, tracking_id)
    REFERENCES csaf_document_v6 (publisher_namespace, tracking_id) ON DELETE CASCADE
);

-- V2's tracking_id was unique in csaf_document, so each product joins exactly one document.
INSERT INTO csaf_product_v6 (publisher_namespace, tracking_id, product_id, full_name, vendor_key, product_key,
    vendor_product_key, purl_type, purl_namespace, purl_name, cpe_vendor, cpe_product)
SELECT d.publisher_namespace, p.tracking_id, p.product_id, p.full_name, p.vendor_key, p.product_key,
       p.vendor_product_key, p.purl_type, p.purl_namespace, p.purl_name, p.cpe_vendor, p.cpe_product
FROM csaf_product p JOIN csaf_document_v6 d ON d.tracking_id = p.tracking_id;

CREATE TABLE csaf_vulnerability_v6 (
  publisher_namespace VARCHAR(1000) NOT NULL,
  tracking_id         VARCHAR(200)  NOT NULL,
  position            INTEGER       NOT NULL,
  cve                 VARCHAR(50),
  title               TEXT          NOT NULL,
  CONSTRAINT csaf_vulnerability_identity PRIMARY KEY (publisher_namespace, tracking_id, position),
  CONSTRAINT csaf_vulnerability_document FOREIGN KEY (publisher_namespace, tracking_id)
    REFERENCES csaf_document_v6 (publisher_namespace, tracking_id) ON DELETE CASCADE
);

INSERT INTO csaf_vulnerability_v6 (publisher_namespace, tracking_id, position, cve, title)
SELECT d.publisher_namespace, v.tracking_id, v.position, v.cve, v.title
FROM csaf_vulnerability v JOIN csaf_document_v6 d ON d.tracking_id = v.tracking_id;

DROP TABLE csaf_vulnerability;
DROP TABLE csaf_product;
DROP TABLE csaf_document;

ALTER TABLE csaf_document_v6 RENAME TO csaf_document;
ALTER TABLE csaf_product_v6 RENAME TO csaf_product;
ALTER TABLE csaf_vulnerability_v6 RENAME TO csaf_vulnerability;

CREATE INDEX csaf_product_name ON csaf_product (product_key, vendor_key);
CREATE INDEX csaf_product_vendor_name ON csaf_product (vendor_product_key);
CREATE INDEX csaf_product_purl ON csaf_product (purl_type, purl_namespace, purl_name);
CREATE INDEX csaf_product_cpe ON csaf_product (cpe_vendor, cpe_product);
CREATE INDEX csaf_vulnerability_cve ON csaf_vulnerability (cve);
-- Lookups by the tracking ID a person types, whatever the publisher.
CREATE INDEX csaf_document_tracking ON csaf_document (tracking_id);
