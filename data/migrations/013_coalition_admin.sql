-- Running a real coalition without a developer: its geography by FIPS code, the quarter each agency
-- starts reporting, one-time links (set-up, invitations, password resets), two-factor sign-in, the
-- sessions a person can see and end, reminders sent to agencies, and a reporter's reply to a return.

-- A county is named by its five-digit FIPS code (state + county), so the coalition chooses counties
-- from a geography file rather than typing them. The demo's two counties get theirs here.
ALTER TABLE org_units ADD COLUMN fips TEXT CHECK (fips IS NULL OR (fips GLOB '[0-9][0-9][0-9][0-9][0-9]'));
CREATE UNIQUE INDEX org_units_fips ON org_units (fips) WHERE fips IS NOT NULL;
UPDATE org_units SET fips = '06085' WHERE level = 'county' AND name = 'Santa Clara County';
UPDATE org_units SET fips = '06069' WHERE level = 'county' AND name = 'San Benito County';

-- The first quarter an agency reports for: completeness does not expect its reports before it
-- joined. Null means from the coalition's first quarter.
ALTER TABLE org_units ADD COLUMN first_period TEXT
  CHECK (first_period IS NULL OR (level = 'agency' AND first_period GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'));

-- Two-factor sign-in: the TOTP secret is kept encrypted with a key derived from the session secret,
-- so a copy of the database alone cannot produce codes. last_step refuses a code used twice.
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_enabled_at TEXT;
ALTER TABLE users ADD COLUMN totp_last_step INTEGER;
ALTER TABLE users ADD COLUMN password_changed_at TEXT;

-- Recovery codes, each usable once, kept only as keyed hashes.
CREATE TABLE recovery_codes (
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash  TEXT    NOT NULL,
  used_at    TEXT,
  PRIMARY KEY (user_id, code_hash)
) WITHOUT ROWID;

-- One-time links: the set-up link printed on a production first start, an invitation, and a password
-- reset an admin issues. Only a keyed hash of the link's secret is kept; a link works once, until it
-- expires or is revoked.
CREATE TABLE account_links (
  id          INTEGER PRIMARY KEY,
  kind        TEXT    NOT NULL CHECK (kind IN ('setup', 'invitation', 'reset')),
  token_hash  TEXT    NOT NULL UNIQUE,
  -- Who it is for: given for invitations and resets, and for a set-up link made by `npm run admin`.
  email       TEXT    COLLATE NOCASE CHECK (email IS NULL OR email LIKE '%_@_%'),
  role        TEXT    CHECK (role IS NULL OR role IN ('admin', 'reporter', 'viewer')),
  agency_id   INTEGER REFERENCES org_units (id),
  -- The person a reset is for.
  user_id     INTEGER REFERENCES users (id),
  -- Null for a set-up link: the machine made it, not a person.
  created_by  INTEGER REFERENCES users (id),
  created_at  TEXT    NOT NULL,
  expires_at  TEXT    NOT NULL,
  used_at     TEXT,
  -- The person the link made or reset, once used.
  used_by     INTEGER REFERENCES users (id),
  revoked_at  TEXT,
  CHECK ((kind = 'reset') = (user_id IS NOT NULL)),
  CHECK (kind = 'setup' OR email IS NOT NULL),
  CHECK (kind <> 'invitation' OR role IS NOT NULL),
  CHECK (kind <> 'setup' OR role = 'admin'),
  CHECK (role IS NULL OR (role = 'reporter') = (agency_id IS NOT NULL)),
  CHECK (created_at < expires_at)
);
CREATE INDEX account_links_kind ON account_links (kind, used_at, revoked_at);
CREATE INDEX account_links_user ON account_links (user_id);

-- A sign-in waiting for its second step: the password was right, and a code (or, for an admin who
-- must have two-factor and has not set it up, its set-up) is still to come. Short-lived, keyed hash.
CREATE TABLE sign_in_challenges (
  token_hash  TEXT    PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose     TEXT    NOT NULL CHECK (purpose IN ('code', 'enroll')),
  sign_out_others INTEGER NOT NULL DEFAULT 0 CHECK (sign_out_others IN (0, 1)),
  created_at  TEXT    NOT NULL,
  expires_at  TEXT    NOT NULL,
  attempts    INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- Sessions a person can see and end: a public id (never the token's hash), where and with what it
-- was started, and whether it passed a second step.
ALTER TABLE sessions ADD COLUMN public_id TEXT NOT NULL DEFAULT '';
UPDATE sessions SET public_id = lower(hex(randomblob(12)));
CREATE UNIQUE INDEX sessions_public_id ON sessions (public_id);
ALTER TABLE sessions ADD COLUMN created_address TEXT;
ALTER TABLE sessions ADD COLUMN user_agent TEXT;
ALTER TABLE sessions ADD COLUMN two_factor INTEGER NOT NULL DEFAULT 0 CHECK (two_factor IN (0, 1));

-- Reminders an admin sent (or copied to send) to an agency missing a quarter's report.
CREATE TABLE reminders (
  id           INTEGER PRIMARY KEY,
  period_code  TEXT    NOT NULL,
  agency_id    INTEGER NOT NULL REFERENCES org_units (id),
  channel      TEXT    NOT NULL CHECK (channel IN ('mail', 'copy')),
  -- How many of the agency's reporters it went to by mail (0 when copied).
  recipients   INTEGER NOT NULL DEFAULT 0 CHECK (recipients >= 0),
  sent_by      INTEGER NOT NULL REFERENCES users (id),
  sent_at      TEXT    NOT NULL
);
CREATE INDEX reminders_period ON reminders (period_code, agency_id);

-- A reporter's answer to a return, kept with the revision it came with (a free text, so an admin can
-- remove it), and the draft's own copy while they write it.
ALTER TABLE submission_revisions ADD COLUMN reply_id INTEGER REFERENCES free_texts (id);
ALTER TABLE submissions ADD COLUMN draft_reply_id INTEGER REFERENCES free_texts (id);
-- A draft started from the previous quarter's figures: it says so until the reporter has checked it,
-- and cannot be submitted before.
ALTER TABLE submissions ADD COLUMN copied_from_period TEXT;
