-- CSAF 2.0 advisories (CISA ICSA / ICSMA and any other CSAF provider). Portable SQL, as V1: runs
-- unchanged on H2 and PostgreSQL (no vendor types beyond TEXT, no MERGE).

-- One row per document, keyed by its tracking ID; the newer release replaces an older one.
-- raw_json is the document as read (compact), from which the full advisory is rebuilt.
CREATE TABLE csaf_document (
  tracking_id          VARCHAR(200)             NOT NULL PRIMARY KEY,
  version              VARCHAR(100)             NOT NULL,
  title                TEXT                     NOT NULL,
  publisher            VARCHAR(500)             NOT NULL,
  current_release_date TIMESTAMP WITH TIME ZONE NOT NULL,
  source               VARCHAR(300)             NOT NULL,
  source_record        VARCHAR(1000)            NOT NULL,
  raw_json             TEXT                     NOT NULL
);

-- One row per product of the flattened product tree, with the keys components are looked up by:
-- normalised vendor and product name (CsafNames), the package URL's type/namespace/name (lower
-- case) and the CPE's vendor:product. '' when the product has none, so equality stays portable.
CREATE TABLE csaf_product (
  tracking_id        VARCHAR(200)  NOT NULL REFERENCES csaf_document (tracking_id) ON DELETE CASCADE,
  product_id         VARCHAR(200)  NOT NULL,
  full_name          TEXT          NOT NULL,
  vendor_key         VARCHAR(500)  NOT NULL,
  product_key        VARCHAR(1000) NOT NULL,
  vendor_product_key VARCHAR(1500) NOT NULL,
  purl_type          VARCHAR(50)   NOT NULL,
  purl_namespace     VARCHAR(1000) NOT NULL,
  purl_name          VARCHAR(1000) NOT NULL,
  cpe_vendor         VARCHAR(500)  NOT NULL,
  cpe_product        VARCHAR(500)  NOT NULL,
  PRIMARY KEY (tracking_id, product_id)
);
CREATE INDEX csaf_product_name ON csaf_product (product_key, vendor_key);
CREATE INDEX csaf_product_vendor_name ON csaf_product (vendor_product_key);
CREATE INDEX csaf_product_purl ON csaf_product (purl_type, purl_namespace, purl_name);
CREATE INDEX csaf_product_cpe ON csaf_product (cpe_vendor, cpe_product);

-- One row per vulnerabilities[] entry: its CVE (CSAF allows none) and title, for counts and for
-- finding the advisories that mention a CVE.
CREATE TABLE csaf_vulnerability (
  tracking_id VARCHAR(200) NOT NULL REFERENCES csaf_document (tracking_id) ON DELETE CASCADE,
  position    INTEGER      NOT NULL,
  cve         VARCHAR(50),
  title       TEXT         NOT NULL,
  PRIMARY KEY (tracking_id, position)
);
CREATE INDEX csaf_vulnerability_cve ON csaf_vulnerability (cve);
