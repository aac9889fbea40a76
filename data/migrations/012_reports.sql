-- Grant reports: the narrative drafts a person writes for a report, and every report generated, kept
-- with what it was asked for, the releases its figures came from and its files byte for byte. Typed
-- words (narratives, a confidential report's purpose) are kept once in free_texts and referred to by
-- id, so an admin can remove one in one place.

-- A person's narrative texts for one template, period and area, before (and between) generating.
CREATE TABLE report_drafts (
  user_id        INTEGER NOT NULL REFERENCES users (id),
  template_code  TEXT    NOT NULL,
  period_code    TEXT    NOT NULL,
  area_code      TEXT    NOT NULL,
  -- JSON: narrative section code -> free text id.
  narrative_ids  TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(narrative_ids)),
  updated_at     TEXT    NOT NULL,
  PRIMARY KEY (user_id, template_code, period_code, area_code)
) WITHOUT ROWID;

CREATE TABLE reports (
  id                INTEGER PRIMARY KEY,
  template_code     TEXT    NOT NULL,
  -- The template's name and version when the report was asked for: a later edit of the file
  -- doesn't change what a kept report says it is.
  template_name     TEXT    NOT NULL,
  template_version  INTEGER NOT NULL,
  period_code       TEXT    NOT NULL,
  area_code         TEXT    NOT NULL,
  area_name         TEXT    NOT NULL,
  kind              TEXT    NOT NULL CHECK (kind IN ('protected', 'confidential')),
  -- JSON: the builder's choices (template, period, area, kind), as given.
  request           TEXT    NOT NULL CHECK (json_valid(request)),
  -- JSON: narrative section code -> free text id, as the report was made with them.
  narrative_ids     TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(narrative_ids)),
  -- Why a confidential report was made; every confidential report has one, no protected one does.
  purpose_id        INTEGER REFERENCES free_texts (id),
  -- Known once the figures are built: the catalog version and whose published cells (null for a
  -- confidential report).
  catalog_version   TEXT,
  audience          TEXT    CHECK (audience IS NULL OR audience IN ('coalition', 'public')),
  -- JSON: the report's document (figures and words, narratives and purpose left out: they are the
  -- free texts above), what the files were drawn from and what a regeneration is compared with.
  document          TEXT    CHECK (document IS NULL OR json_valid(document)),
  pages             INTEGER CHECK (pages IS NULL OR pages > 0),
  status            TEXT    NOT NULL DEFAULT 'rendering' CHECK (status IN ('rendering', 'ready', 'failed')),
  failure_reason    TEXT,
  created_by        INTEGER NOT NULL REFERENCES users (id),
  created_at        TEXT    NOT NULL,
  finished_at       TEXT,
  -- The report this one made again with today's releases, after a correction replaced one it used.
  regeneration_of   INTEGER REFERENCES reports (id),
  -- When an admin removed a text the report printed: its files are deleted then (the bytes held the
  -- text), and the report stays listed as withdrawn, to be regenerated without it.
  withdrawn_at      TEXT,
  withdrawal_reason TEXT,
  CHECK ((withdrawn_at IS NULL) = (withdrawal_reason IS NULL)),
  CHECK (withdrawn_at IS NULL OR status <> 'rendering'),
  CHECK ((kind = 'confidential') = (purpose_id IS NOT NULL)),
  CHECK ((status = 'failed') = (failure_reason IS NOT NULL)),
  CHECK (status <> 'ready' OR (document IS NOT NULL AND catalog_version IS NOT NULL AND pages IS NOT NULL))
);
CREATE INDEX reports_regeneration_of ON reports (regeneration_of);

-- The releases a protected report's figures came from.
CREATE TABLE report_releases (
  report_id   INTEGER NOT NULL REFERENCES reports (id),
  release_id  INTEGER NOT NULL REFERENCES releases (id),
  PRIMARY KEY (report_id, release_id)
) WITHOUT ROWID;
CREATE INDEX report_releases_release ON report_releases (release_id);

-- A report's files, kept byte for byte: a download years later is the file sent to the funder.
CREATE TABLE report_files (
  report_id  INTEGER NOT NULL REFERENCES reports (id),
  format     TEXT    NOT NULL CHECK (format IN ('pdf', 'xlsx', 'csv')),
  bytes      BLOB    NOT NULL,
  sha256     TEXT    NOT NULL CHECK (length(sha256) = 64),
  size       INTEGER NOT NULL CHECK (size = length(bytes)),
  pages      INTEGER CHECK (pages IS NULL OR pages > 0),
  PRIMARY KEY (report_id, format)
) WITHOUT ROWID;

-- A report only moves forward (rendering → ready or failed), and a finished one never changes but
-- to be withdrawn, once. The first trigger names every column but the withdrawal's: a new column
-- belongs in its list.
CREATE TRIGGER reports_finished_frozen BEFORE UPDATE OF id, template_code, template_name,
  template_version, period_code, area_code, area_name, kind, request, narrative_ids, purpose_id,
  catalog_version, audience, document, pages, status, failure_reason, created_by, created_at,
  finished_at, regeneration_of ON reports
WHEN OLD.status <> 'rendering' OR NEW.status NOT IN ('rendering', 'ready', 'failed')
BEGIN SELECT RAISE(ABORT, 'a finished report cannot be changed'); END;
CREATE TRIGGER reports_withdrawn_once BEFORE UPDATE OF withdrawn_at, withdrawal_reason ON reports
WHEN OLD.withdrawn_at IS NOT NULL OR NEW.withdrawn_at IS NULL
BEGIN SELECT RAISE(ABORT, 'a report is withdrawn once, and stays withdrawn'); END;
CREATE TRIGGER reports_no_delete BEFORE DELETE ON reports
BEGIN SELECT RAISE(ABORT, 'a generated report is kept'); END;

-- Files and releases are only added while the report renders (they are added with its move to ready,
-- in one transaction), and never changed or removed; a withdrawn report's files are deleted.
CREATE TRIGGER report_files_only_while_rendering BEFORE INSERT ON report_files
WHEN (SELECT status FROM reports WHERE id = NEW.report_id) IS NOT 'rendering'
BEGIN SELECT RAISE(ABORT, 'files can only be added to a report while it renders'); END;
CREATE TRIGGER report_files_no_update BEFORE UPDATE ON report_files
BEGIN SELECT RAISE(ABORT, 'a report''s files are kept as they were made'); END;
CREATE TRIGGER report_files_no_delete BEFORE DELETE ON report_files
WHEN (SELECT withdrawn_at FROM reports WHERE id = OLD.report_id) IS NULL
BEGIN SELECT RAISE(ABORT, 'a report''s files are kept as they were made'); END;
CREATE TRIGGER report_releases_only_while_rendering BEFORE INSERT ON report_releases
WHEN (SELECT status FROM reports WHERE id = NEW.report_id) IS NOT 'rendering'
BEGIN SELECT RAISE(ABORT, 'releases can only be added to a report while it renders'); END;
CREATE TRIGGER report_releases_no_update BEFORE UPDATE ON report_releases
BEGIN SELECT RAISE(ABORT, 'a report''s releases are kept as they were'); END;
CREATE TRIGGER report_releases_no_delete BEFORE DELETE ON report_releases
BEGIN SELECT RAISE(ABORT, 'a report''s releases are kept as they were'); END;
