-- An API token's name is typed text like any other: kept once in free_texts and referred to by id,
-- so an admin can remove a name that should never have been written. The table is rebuilt to swap
-- its name for the reference (its CHECK on the name rules out dropping the column in place).

CREATE TEMP TABLE token_names AS
SELECT t.id AS token_id,
       (SELECT coalesce(max(id), 0) FROM free_texts) + row_number() OVER (ORDER BY t.id) AS text_id,
       t.name, t.created_at, t.created_by
FROM api_tokens t;
INSERT INTO free_texts (id, text, created_at, created_by)
SELECT text_id, name, created_at, created_by FROM temp.token_names;

-- The users trigger names api_tokens; it is set aside while the table is swapped.
DROP TRIGGER users_access_changed;

CREATE TABLE api_tokens_named (
  id               INTEGER PRIMARY KEY,
  agency_id        INTEGER NOT NULL REFERENCES org_units (id),
  name_id          INTEGER NOT NULL REFERENCES free_texts (id),
  prefix           TEXT    NOT NULL,
  token_hash       TEXT    NOT NULL UNIQUE,
  created_by       INTEGER REFERENCES users (id),
  created_at       TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  last_used_at     TEXT,
  revoked_at       TEXT,
  expires_at       TEXT    NOT NULL DEFAULT '',
  maker_role       TEXT    NOT NULL DEFAULT '',
  maker_agency_id  INTEGER REFERENCES org_units (id)
);
INSERT INTO api_tokens_named (id, agency_id, name_id, prefix, token_hash, created_by, created_at,
                              last_used_at, revoked_at, expires_at, maker_role, maker_agency_id)
SELECT t.id, t.agency_id, n.text_id, t.prefix, t.token_hash, t.created_by, t.created_at,
       t.last_used_at, t.revoked_at, t.expires_at, t.maker_role, t.maker_agency_id
FROM api_tokens t JOIN temp.token_names n ON n.token_id = t.id;
DROP TABLE api_tokens;
ALTER TABLE api_tokens_named RENAME TO api_tokens;
CREATE INDEX api_tokens_agency ON api_tokens (agency_id);
CREATE INDEX api_tokens_maker ON api_tokens (created_by);
DROP TABLE temp.token_names;

CREATE TRIGGER users_access_changed AFTER UPDATE OF role, agency_id, active ON users
WHEN OLD.role IS NOT NEW.role OR OLD.agency_id IS NOT NEW.agency_id OR (OLD.active = 1 AND NEW.active = 0)
BEGIN
  DELETE FROM sessions WHERE user_id = NEW.id;
  UPDATE api_tokens SET revoked_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE created_by = NEW.id AND revoked_at IS NULL;
END;
