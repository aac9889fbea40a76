-- Submissions from agency systems and the data-entry form: API tokens, and the reporter's
-- explanations of warnings saved with the draft until they are submitted with a revision.

ALTER TABLE submissions ADD COLUMN draft_explanations TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(draft_explanations));

-- Agency-scoped tokens for machine clients. Only a keyed hash of the secret is stored; the secret is
-- shown once when the token is made. A revoked token is kept (revoked_at set) so the audit log's
-- references to it still resolve.
CREATE TABLE api_tokens (
  id            INTEGER PRIMARY KEY,
  agency_id     INTEGER NOT NULL REFERENCES org_units (id),
  name          TEXT    NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 80),
  prefix        TEXT    NOT NULL,
  token_hash    TEXT    NOT NULL UNIQUE,
  created_by    INTEGER REFERENCES users (id),
  created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  last_used_at  TEXT,
  revoked_at    TEXT
);
CREATE INDEX api_tokens_agency ON api_tokens (agency_id);
