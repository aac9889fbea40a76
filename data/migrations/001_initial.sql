-- Scope's first schema: org units, people who sign in, the versioned catalog, reporting periods,
-- submissions with immutable revisions, data values, releases and the append-only audit log.
-- Times are ISO-8601 UTC text; dates are YYYY-MM-DD.

-- Org units: coalition -> county -> agency. An agency's parent is its home county; the counties it
-- serves are listed in agency_counties.
CREATE TABLE org_units (
  id           INTEGER PRIMARY KEY,
  code         TEXT    NOT NULL UNIQUE CHECK (code GLOB '[A-Z0-9]*' AND length(code) BETWEEN 2 AND 16),
  name         TEXT    NOT NULL CHECK (length(trim(name)) > 0),
  level        TEXT    NOT NULL CHECK (level IN ('coalition', 'county', 'agency')),
  parent_id    INTEGER REFERENCES org_units (id),
  agency_type  TEXT    CHECK (agency_type IN ('victim_services', 'legal_services', 'shelter_housing',
                                              'health_care', 'law_enforcement', 'education', 'faith_community')),
  active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK ((level = 'agency') = (agency_type IS NOT NULL)),
  CHECK ((level = 'coalition') = (parent_id IS NULL))
);
CREATE INDEX org_units_parent ON org_units (parent_id);

CREATE TABLE agency_counties (
  agency_id  INTEGER NOT NULL REFERENCES org_units (id) ON DELETE CASCADE,
  county_id  INTEGER NOT NULL REFERENCES org_units (id),
  PRIMARY KEY (agency_id, county_id)
) WITHOUT ROWID;

CREATE TABLE users (
  id             INTEGER PRIMARY KEY,
  email          TEXT    NOT NULL UNIQUE COLLATE NOCASE CHECK (email LIKE '%_@_%'),
  name           TEXT    NOT NULL CHECK (length(trim(name)) > 0),
  password_hash  TEXT    NOT NULL,
  role           TEXT    NOT NULL CHECK (role IN ('admin', 'reporter', 'viewer')),
  agency_id      INTEGER REFERENCES org_units (id),
  active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK ((role = 'reporter') = (agency_id IS NOT NULL))
);

-- A session row stores only a keyed hash of the cookie's token, so a copy of the database
-- cannot be used to sign in.
CREATE TABLE sessions (
  token_hash    TEXT    PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  expires_at    TEXT    NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions (user_id);

-- The catalog is versioned: a change makes a new version and old submissions keep pointing at theirs.
CREATE TABLE catalog_versions (
  id           INTEGER PRIMARY KEY,
  version      INTEGER NOT NULL UNIQUE CHECK (version > 0),
  label        TEXT    NOT NULL,
  created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_by   INTEGER REFERENCES users (id)
);

CREATE TABLE categories (
  id                  INTEGER PRIMARY KEY,
  catalog_version_id  INTEGER NOT NULL REFERENCES catalog_versions (id),
  code                TEXT    NOT NULL,
  name                TEXT    NOT NULL,
  description         TEXT,
  -- In a multi-select category one survivor may count under several options, so options need not sum to the total.
  multi_select        INTEGER NOT NULL DEFAULT 0 CHECK (multi_select IN (0, 1)),
  UNIQUE (catalog_version_id, code)
);

CREATE TABLE category_options (
  id           INTEGER PRIMARY KEY,
  category_id  INTEGER NOT NULL REFERENCES categories (id),
  code         TEXT    NOT NULL,
  name         TEXT    NOT NULL,
  description  TEXT,
  sort_order   INTEGER NOT NULL,
  UNIQUE (category_id, code)
);

-- A category combination is one disaggregation (one table on the form): one or two categories.
-- The combination with no categories is the element's own total.
CREATE TABLE category_combos (
  id                  INTEGER PRIMARY KEY,
  catalog_version_id  INTEGER NOT NULL REFERENCES catalog_versions (id),
  code                TEXT    NOT NULL,
  name                TEXT    NOT NULL,
  UNIQUE (catalog_version_id, code)
);

CREATE TABLE category_combo_categories (
  combo_id     INTEGER NOT NULL REFERENCES category_combos (id),
  category_id  INTEGER NOT NULL REFERENCES categories (id),
  position     INTEGER NOT NULL,
  PRIMARY KEY (combo_id, category_id),
  UNIQUE (combo_id, position)
) WITHOUT ROWID;

-- One row per cell of a combination; option_key is the option codes in category order joined by '|'
-- ('' for the total).
CREATE TABLE category_option_combos (
  id          INTEGER PRIMARY KEY,
  combo_id    INTEGER NOT NULL REFERENCES category_combos (id),
  option_key  TEXT    NOT NULL,
  UNIQUE (combo_id, option_key)
);

CREATE TABLE sections (
  id                  INTEGER PRIMARY KEY,
  catalog_version_id  INTEGER NOT NULL REFERENCES catalog_versions (id),
  code                TEXT    NOT NULL,
  name                TEXT    NOT NULL,
  description         TEXT    NOT NULL,
  -- JSON array of the agency types that report this section.
  agency_types        TEXT    NOT NULL CHECK (json_valid(agency_types)),
  sort_order          INTEGER NOT NULL,
  UNIQUE (catalog_version_id, code)
);

CREATE TABLE data_elements (
  id                  INTEGER PRIMARY KEY,
  catalog_version_id  INTEGER NOT NULL REFERENCES catalog_versions (id),
  section_id          INTEGER NOT NULL REFERENCES sections (id),
  code                TEXT    NOT NULL,
  name                TEXT    NOT NULL,
  description         TEXT    NOT NULL,
  -- 'people' counts survivors and are protected by thresholds; 'activity' counts events and work done.
  kind                TEXT    NOT NULL CHECK (kind IN ('people', 'activity')),
  -- How quarters roll into a year: 'sum', or 'first_plus_new' (first quarter's value plus the
  -- new_element's values in later quarters: an unduplicated year within one agency).
  period_aggregation  TEXT    NOT NULL CHECK (period_aggregation IN ('sum', 'first_plus_new')),
  new_element_id      INTEGER REFERENCES data_elements (id),
  -- How agencies roll into a county or the coalition. 'sum' of people counts double-counts survivors
  -- served by several members, so such totals carry an unduplicated range.
  agency_aggregation  TEXT    NOT NULL CHECK (agency_aggregation IN ('sum')),
  sort_order          INTEGER NOT NULL,
  UNIQUE (catalog_version_id, code),
  CHECK ((period_aggregation = 'first_plus_new') = (new_element_id IS NOT NULL))
);

CREATE TABLE data_element_combos (
  element_id  INTEGER NOT NULL REFERENCES data_elements (id),
  combo_id    INTEGER NOT NULL REFERENCES category_combos (id),
  position    INTEGER NOT NULL,
  PRIMARY KEY (element_id, combo_id)
) WITHOUT ROWID;

CREATE TABLE validation_rules (
  id                  INTEGER PRIMARY KEY,
  catalog_version_id  INTEGER NOT NULL REFERENCES catalog_versions (id),
  code                TEXT    NOT NULL,
  description         TEXT    NOT NULL,
  left_expression     TEXT    NOT NULL,
  operator            TEXT    NOT NULL CHECK (operator IN ('==', '!=', '<', '<=', '>', '>=')),
  right_expression    TEXT    NOT NULL,
  severity            TEXT    NOT NULL CHECK (severity IN ('error', 'warning')),
  message             TEXT    NOT NULL,
  UNIQUE (catalog_version_id, code)
);

-- Which catalog version new submissions use; changed by an admin when a new version is adopted.
CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE reporting_periods (
  id          INTEGER PRIMARY KEY,
  code        TEXT    NOT NULL UNIQUE CHECK (code GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'),
  year        INTEGER NOT NULL,
  quarter     INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  start_date  TEXT    NOT NULL,
  end_date    TEXT    NOT NULL,
  deadline    TEXT    NOT NULL,
  -- Reporters may enter data only while a period is open.
  open        INTEGER NOT NULL DEFAULT 1 CHECK (open IN (0, 1)),
  CHECK (start_date < end_date AND end_date <= deadline)
);

CREATE TABLE submissions (
  id                  INTEGER PRIMARY KEY,
  agency_id           INTEGER NOT NULL REFERENCES org_units (id),
  period_id           INTEGER NOT NULL REFERENCES reporting_periods (id),
  catalog_version_id  INTEGER NOT NULL REFERENCES catalog_versions (id),
  status              TEXT    NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),
  -- The revision number of the latest submit; 0 while it has never been submitted.
  latest_revision     INTEGER NOT NULL DEFAULT 0,
  first_submitted_at  TEXT,
  updated_at          TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_by          INTEGER REFERENCES users (id),
  UNIQUE (agency_id, period_id)
);
CREATE INDEX submissions_period ON submissions (period_id, status);

-- The working copy of a submission's values (the draft). Submitting copies them into a revision.
CREATE TABLE data_values (
  submission_id  INTEGER NOT NULL REFERENCES submissions (id),
  element_id     INTEGER NOT NULL REFERENCES data_elements (id),
  coc_id         INTEGER NOT NULL REFERENCES category_option_combos (id),
  value          INTEGER NOT NULL CHECK (value >= 0),
  PRIMARY KEY (submission_id, element_id, coc_id)
) WITHOUT ROWID;

-- Every submit is an immutable revision: a snapshot of the values and of the reporter's explanations.
CREATE TABLE submission_revisions (
  id             INTEGER PRIMARY KEY,
  submission_id  INTEGER NOT NULL REFERENCES submissions (id),
  revision       INTEGER NOT NULL CHECK (revision > 0),
  submitted_at   TEXT    NOT NULL,
  submitted_by   INTEGER REFERENCES users (id),
  late           INTEGER NOT NULL CHECK (late IN (0, 1)),
  -- JSON object: warning rule code -> the reporter's explanation.
  explanations   TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(explanations)),
  UNIQUE (submission_id, revision)
);

CREATE TABLE revision_values (
  revision_id  INTEGER NOT NULL REFERENCES submission_revisions (id),
  element_id   INTEGER NOT NULL REFERENCES data_elements (id),
  coc_id       INTEGER NOT NULL REFERENCES category_option_combos (id),
  value        INTEGER NOT NULL CHECK (value >= 0),
  PRIMARY KEY (revision_id, element_id, coc_id)
) WITHOUT ROWID;

-- Reviews: each approval, return (with the comment the reporter sees) and reopen.
CREATE TABLE submission_reviews (
  id             INTEGER PRIMARY KEY,
  submission_id  INTEGER NOT NULL REFERENCES submissions (id),
  revision       INTEGER NOT NULL,
  action         TEXT    NOT NULL CHECK (action IN ('approve', 'return', 'reopen')),
  comment        TEXT,
  reviewed_by    INTEGER REFERENCES users (id),
  reviewed_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX submission_reviews_submission ON submission_reviews (submission_id);

-- A release publishes one quarter: the protected cube for each audience, frozen once published.
CREATE TABLE releases (
  id                  INTEGER PRIMARY KEY,
  period_id           INTEGER NOT NULL REFERENCES reporting_periods (id),
  catalog_version_id  INTEGER NOT NULL REFERENCES catalog_versions (id),
  -- 1 for a quarter's first release; a late correction makes the next one.
  sequence            INTEGER NOT NULL CHECK (sequence > 0),
  status              TEXT    NOT NULL CHECK (status IN ('computing', 'published', 'failed', 'superseded')),
  -- JSON: per audience, cells, hidden cells, LPs solved and the audit's outcome.
  audit_summary       TEXT    CHECK (audit_summary IS NULL OR json_valid(audit_summary)),
  failure_reason      TEXT,
  created_by          INTEGER REFERENCES users (id),
  created_at          TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  published_at        TEXT,
  UNIQUE (period_id, sequence)
);

-- One protected cell of a release for one audience. A suppressed cell's value is NULL: the true value
-- is never stored with the published cube.
CREATE TABLE published_cells (
  release_id   INTEGER NOT NULL REFERENCES releases (id),
  audience     TEXT    NOT NULL CHECK (audience IN ('coalition', 'public')),
  table_code   TEXT    NOT NULL,
  period_code  TEXT    NOT NULL,
  geo_code     TEXT    NOT NULL,
  option_key   TEXT    NOT NULL,
  value        INTEGER CHECK (value IS NULL OR value >= 0),
  suppressed   INTEGER NOT NULL CHECK (suppressed IN (0, 1)),
  CHECK ((suppressed = 1) = (value IS NULL)),
  PRIMARY KEY (release_id, audience, table_code, period_code, geo_code, option_key)
) WITHOUT ROWID;

-- Append-only: the triggers below refuse every update and delete.
CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY,
  at           TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  user_id      INTEGER REFERENCES users (id),
  action       TEXT    NOT NULL,
  entity_type  TEXT    NOT NULL,
  entity_id    TEXT,
  details      TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(details))
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TRIGGER submission_revisions_no_update BEFORE UPDATE ON submission_revisions
BEGIN SELECT RAISE(ABORT, 'a submitted revision cannot be changed'); END;
CREATE TRIGGER submission_revisions_no_delete BEFORE DELETE ON submission_revisions
BEGIN SELECT RAISE(ABORT, 'a submitted revision cannot be changed'); END;
CREATE TRIGGER revision_values_no_update BEFORE UPDATE ON revision_values
BEGIN SELECT RAISE(ABORT, 'a submitted revision cannot be changed'); END;
CREATE TRIGGER revision_values_no_delete BEFORE DELETE ON revision_values
BEGIN SELECT RAISE(ABORT, 'a submitted revision cannot be changed'); END;

CREATE TRIGGER published_cells_frozen_update BEFORE UPDATE ON published_cells
WHEN (SELECT status FROM releases WHERE id = OLD.release_id) IN ('published', 'superseded')
BEGIN SELECT RAISE(ABORT, 'a published release is frozen'); END;
CREATE TRIGGER published_cells_frozen_delete BEFORE DELETE ON published_cells
WHEN (SELECT status FROM releases WHERE id = OLD.release_id) IN ('published', 'superseded')
BEGIN SELECT RAISE(ABORT, 'a published release is frozen'); END;
