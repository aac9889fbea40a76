-- Free text kept once, referred to: everything a person types that Scope keeps (explanations of
-- warnings, return comments, reopening reasons, the reason for a redaction) lives in free_texts, and
-- drafts, revisions, reviews and audit entries hold its id. A text that should never have been kept
-- can then be blanked in one place by an admin, while revisions stay immutable and the audit log
-- stays append-only: neither holds the text itself.

CREATE TABLE free_texts (
  id                   INTEGER PRIMARY KEY,
  -- '' once redacted.
  text                 TEXT    NOT NULL,
  created_at           TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_by           INTEGER REFERENCES users (id),
  redacted_at          TEXT,
  redacted_by          INTEGER REFERENCES users (id),
  -- Why it was removed: itself a free text, so a reason can be removed too.
  redaction_reason_id  INTEGER REFERENCES free_texts (id),
  CHECK (redacted_at IS NULL OR text = ''),
  CHECK ((redacted_at IS NULL) = (redaction_reason_id IS NULL))
);

-- The only change a kept text allows is its redaction, once.
CREATE TRIGGER free_texts_only_redacted BEFORE UPDATE ON free_texts
WHEN OLD.redacted_at IS NOT NULL OR NEW.redacted_at IS NULL OR NEW.text <> ''
  OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
BEGIN SELECT RAISE(ABORT, 'a kept text can only be redacted, once'); END;

-- Every text kept so far, once per submission: the same words in a draft, its revisions, a review
-- and its audit entry become one free text, dated by where they first appeared.
CREATE TEMP TABLE moved_texts (
  submission_id  INTEGER NOT NULL,
  text           TEXT    NOT NULL,
  at             TEXT    NOT NULL,
  by             INTEGER,
  PRIMARY KEY (submission_id, text)
);
INSERT OR IGNORE INTO moved_texts (submission_id, text, at, by)
SELECT submission_id, text, at, by FROM (
  SELECT r.submission_id, j.value AS text, r.submitted_at AS at, r.submitted_by AS by
  FROM submission_revisions r, json_each(r.explanations) j
  UNION ALL
  SELECT s.id, j.value, s.updated_at, s.updated_by FROM submissions s, json_each(s.draft_explanations) j
  UNION ALL
  SELECT submission_id, comment, reviewed_at, reviewed_by FROM submission_reviews WHERE comment IS NOT NULL
  UNION ALL
  SELECT CAST(entity_id AS INTEGER), json_extract(details, '$.comment'), at, user_id FROM audit_log
  WHERE entity_type = 'submission' AND json_type(details, '$.comment') = 'text'
) ORDER BY at;

INSERT INTO free_texts (id, text, created_at, created_by)
SELECT rowid, text, at, by FROM moved_texts ORDER BY rowid;

-- Explanations: warning code -> free text id, in the draft and in each revision.
UPDATE submissions SET draft_explanations = (
  SELECT coalesce(json_group_object(j.key, m.rowid), '{}') FROM json_each(submissions.draft_explanations) j
  JOIN moved_texts m ON m.submission_id = submissions.id AND m.text = j.value);
ALTER TABLE submissions RENAME COLUMN draft_explanations TO draft_explanation_ids;

DROP TRIGGER submission_revisions_no_update;
UPDATE submission_revisions SET explanations = (
  SELECT coalesce(json_group_object(j.key, m.rowid), '{}') FROM json_each(submission_revisions.explanations) j
  JOIN moved_texts m ON m.submission_id = submission_revisions.submission_id AND m.text = j.value);
ALTER TABLE submission_revisions RENAME COLUMN explanations TO explanation_ids;
CREATE TRIGGER submission_revisions_no_update BEFORE UPDATE ON submission_revisions
BEGIN SELECT RAISE(ABORT, 'a submitted revision cannot be changed'); END;

ALTER TABLE submission_reviews ADD COLUMN comment_id INTEGER REFERENCES free_texts (id);
UPDATE submission_reviews SET comment_id = (
  SELECT m.rowid FROM moved_texts m
  WHERE m.submission_id = submission_reviews.submission_id AND m.text = submission_reviews.comment)
WHERE comment IS NOT NULL;
ALTER TABLE submission_reviews DROP COLUMN comment;

-- Audit entries name the comment by id. The append-only rule is lifted for this one rewrite.
DROP TRIGGER IF EXISTS audit_log_no_update;
UPDATE audit_log SET details = json_set(json_remove(details, '$.comment'), '$.commentId', (
  SELECT m.rowid FROM moved_texts m
  WHERE m.submission_id = CAST(audit_log.entity_id AS INTEGER) AND m.text = json_extract(audit_log.details, '$.comment')))
WHERE entity_type = 'submission' AND json_type(details, '$.comment') = 'text';
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

DROP TABLE moved_texts;
