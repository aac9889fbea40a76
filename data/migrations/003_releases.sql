-- Releases: which periods each release publishes, how complete each published figure is, and the rule
-- that only one release computes at a time.

-- The periods a release publishes: its quarter, and the year or fiscal year it completes. Written when
-- the release is created, so a release still computing can say what it will publish.
CREATE TABLE release_periods (
  release_id   INTEGER NOT NULL REFERENCES releases (id),
  period_code  TEXT    NOT NULL,
  PRIMARY KEY (release_id, period_code)
) WITHOUT ROWID;
CREATE INDEX release_periods_period ON release_periods (period_code, release_id);

-- How many agencies reported, of those expected, for each period, geography and catalog section of a
-- release. Stored at publication, so reopening a report later doesn't change what a published figure
-- says about its own completeness.
CREATE TABLE release_coverage (
  release_id    INTEGER NOT NULL REFERENCES releases (id),
  period_code   TEXT    NOT NULL,
  geo_code      TEXT    NOT NULL,
  section_code  TEXT    NOT NULL,
  reported      INTEGER NOT NULL CHECK (reported >= 0),
  expected      INTEGER NOT NULL CHECK (expected >= reported),
  PRIMARY KEY (release_id, period_code, geo_code, section_code)
) WITHOUT ROWID;

-- One release computes at a time, even with two server processes on one database.
CREATE UNIQUE INDEX releases_one_computing ON releases (status) WHERE status = 'computing';

CREATE INDEX releases_period ON releases (period_id, status);

CREATE TRIGGER release_periods_frozen_update BEFORE UPDATE ON release_periods
WHEN (SELECT status FROM releases WHERE id = OLD.release_id) IN ('published', 'superseded')
BEGIN SELECT RAISE(ABORT, 'a published release is frozen'); END;
CREATE TRIGGER release_periods_frozen_delete BEFORE DELETE ON release_periods
WHEN (SELECT status FROM releases WHERE id = OLD.release_id) IN ('published', 'superseded')
BEGIN SELECT RAISE(ABORT, 'a published release is frozen'); END;
CREATE TRIGGER release_coverage_frozen_update BEFORE UPDATE ON release_coverage
WHEN (SELECT status FROM releases WHERE id = OLD.release_id) IN ('published', 'superseded')
BEGIN SELECT RAISE(ABORT, 'a published release is frozen'); END;
CREATE TRIGGER release_coverage_frozen_delete BEFORE DELETE ON release_coverage
WHEN (SELECT status FROM releases WHERE id = OLD.release_id) IN ('published', 'superseded')
BEGIN SELECT RAISE(ABORT, 'a published release is frozen'); END;
-- Cells are only ever added while a release computes; a finished release gets none.
CREATE TRIGGER published_cells_only_while_computing BEFORE INSERT ON published_cells
WHEN (SELECT status FROM releases WHERE id = NEW.release_id) <> 'computing'
BEGIN SELECT RAISE(ABORT, 'cells can only be added to a release while it computes'); END;
-- A release only moves forward: computing → published or failed; published → superseded.
CREATE TRIGGER releases_status_forward BEFORE UPDATE OF status ON releases
WHEN NOT (OLD.status = NEW.status
          OR (OLD.status = 'computing' AND NEW.status IN ('published', 'failed'))
          OR (OLD.status = 'published' AND NEW.status = 'superseded'))
BEGIN SELECT RAISE(ABORT, 'a release only moves from computing to published or failed, and from published to superseded'); END;
