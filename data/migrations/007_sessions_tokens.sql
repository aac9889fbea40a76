-- Sessions end after a spell of no use, and API tokens end: after a chosen lifetime, and as soon as
-- the person who made one no longer holds the role and agency they made it with.

-- A session also ends once it has gone unused until idle_expires_at; each use pushes it later.
-- Sessions open now get the idle allowance from the moment of this migration.
ALTER TABLE sessions ADD COLUMN idle_expires_at TEXT NOT NULL DEFAULT '';
UPDATE sessions SET idle_expires_at = min(expires_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+30 minutes'));

-- The empty defaults fail closed: a token stored without them would match no time and no role.
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT NOT NULL DEFAULT '';
ALTER TABLE api_tokens ADD COLUMN maker_role TEXT NOT NULL DEFAULT '';
ALTER TABLE api_tokens ADD COLUMN maker_agency_id INTEGER REFERENCES org_units (id);
CREATE INDEX api_tokens_maker ON api_tokens (created_by);

-- Tokens made before lifetimes existed last a year from when they were made, and are bound to what
-- their maker is now.
UPDATE api_tokens SET
  expires_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '+1 year'),
  maker_role = coalesce((SELECT role FROM users WHERE users.id = api_tokens.created_by), ''),
  maker_agency_id = (SELECT agency_id FROM users WHERE users.id = api_tokens.created_by);

-- Only an agency's own reporters enter its numbers, so a token someone else made for it (an admin,
-- before this rule) is revoked rather than left listed as active while it would be refused.
UPDATE api_tokens SET revoked_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE revoked_at IS NULL AND (maker_role <> 'reporter' OR maker_agency_id IS NOT agency_id);
