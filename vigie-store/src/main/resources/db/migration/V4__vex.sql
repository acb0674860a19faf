-- VEX decisions (docs/vex.md). Append-only: a newer statement supersedes an older one for the
-- same vulnerability, component and scope, and the older row stays, so the history of who
-- decided what and when is kept for audit. Portable SQL (H2 and PostgreSQL), like V1.
CREATE TABLE vex_statement (
  id                BIGINT                   NOT NULL PRIMARY KEY,
  vulnerability     VARCHAR(200)             NOT NULL,
  -- package URL without version, qualifiers and subpath; or the component's name
  component         VARCHAR(1000)            NOT NULL,
  -- the version assessed ('' = every version); may be a vers: range from an imported document
  component_version VARCHAR(500)             NOT NULL,
  status            VARCHAR(30)              NOT NULL,
  justification     VARCHAR(60),
  impact            TEXT,
  action            TEXT,
  author            VARCHAR(300)             NOT NULL,
  decided_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  scope_kind        VARCHAR(20)              NOT NULL,
  scope_product     VARCHAR(300),
  scope_release     VARCHAR(200),
  origin            VARCHAR(2000)            NOT NULL,
  recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX vex_statement_key ON vex_statement (vulnerability, component);
CREATE INDEX vex_statement_scope ON vex_statement (scope_product, scope_release);
