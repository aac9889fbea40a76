-- Provisional periods: a period published while too few of the coalition's agencies had an approved
-- report is marked provisional wherever it appears. Each period a release publishes records, when the
-- release is started, how many agencies across the coalition were expected to report anything and how
-- many had an approved report (for a year, in every one of its quarters), and whether that made it
-- provisional under the setting then in force. Recorded once, so a published period never changes.

ALTER TABLE release_periods ADD COLUMN agencies_reported INTEGER CHECK (agencies_reported >= 0);
ALTER TABLE release_periods ADD COLUMN agencies_expected INTEGER CHECK (agencies_expected >= agencies_reported);
ALTER TABLE release_periods ADD COLUMN provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1));

-- Releases published before this have coverage per catalog section; the section expected of the most
-- agencies gives the count (in the default catalog, prevention is reported by every agency type).
-- They are judged against the default share, 80%, on their own counts. The freeze trigger is lifted
-- for this one backfill.
DROP TRIGGER release_periods_frozen_update;

UPDATE release_periods SET
  agencies_reported = (
    SELECT c.reported FROM release_coverage c
    WHERE c.release_id = release_periods.release_id AND c.period_code = release_periods.period_code
      AND c.geo_code = 'coalition'
    ORDER BY c.expected DESC, c.reported DESC LIMIT 1),
  agencies_expected = (
    SELECT c.expected FROM release_coverage c
    WHERE c.release_id = release_periods.release_id AND c.period_code = release_periods.period_code
      AND c.geo_code = 'coalition'
    ORDER BY c.expected DESC, c.reported DESC LIMIT 1);
UPDATE release_periods SET provisional = 1 WHERE agencies_reported * 5 < agencies_expected * 4;

CREATE TRIGGER release_periods_frozen_update BEFORE UPDATE ON release_periods
WHEN (SELECT status FROM releases WHERE id = OLD.release_id) IN ('published', 'superseded')
BEGIN SELECT RAISE(ABORT, 'a published release is frozen'); END;

-- A coalition's publication settings (the provisional share, the agencies a county needs before its
-- breakdowns are published) are kept in `settings`, like the disclosure policy: no table needed.
