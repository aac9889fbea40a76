-- Chains the audit log: each entry keeps the previous entry's hash and its own, so an entry changed,
-- removed or inserted behind the app's back breaks the chain at that entry (`npm run audit:verify`).
-- The hash is computed by scope_audit_hash(), which every connection Scope opens registers
-- (api/db.ts; the hash itself is defined in api/domain/auditChain.ts): SQLite has no SHA-256.
-- Columns are added rather than the table rebuilt, so nothing another migration added is lost.
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;

-- Chain the entries already written, in id order.
CREATE TEMP TABLE audit_chain AS
WITH RECURSIVE chain (id, prev_hash, hash) AS (
  SELECT id, '0000000000000000000000000000000000000000000000000000000000000000',
         scope_audit_hash(id, at, user_id, action, entity_type, entity_id, details,
                          '0000000000000000000000000000000000000000000000000000000000000000')
  FROM audit_log WHERE id = (SELECT min(id) FROM audit_log)
  UNION ALL
  SELECT a.id, chain.hash,
         scope_audit_hash(a.id, a.at, a.user_id, a.action, a.entity_type, a.entity_id, a.details, chain.hash)
  FROM chain JOIN audit_log a ON a.id = (SELECT min(id) FROM audit_log WHERE id > chain.id)
)
SELECT id, prev_hash, hash FROM chain;

DROP TRIGGER IF EXISTS audit_log_no_update;
UPDATE audit_log SET prev_hash = c.prev_hash, hash = c.hash FROM temp.audit_chain c WHERE c.id = audit_log.id;
DROP TABLE temp.audit_chain;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- One entry per link: two entries claiming the same predecessor would fork the chain.
CREATE UNIQUE INDEX audit_log_prev_hash ON audit_log (prev_hash);

-- A new entry must give its id, link to the last entry and carry its own correct hash.
CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log
WHEN NEW.prev_hash IS NOT coalesce(
       (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
       '0000000000000000000000000000000000000000000000000000000000000000')
  OR NEW.hash IS NOT scope_audit_hash(NEW.id, NEW.at, NEW.user_id, NEW.action, NEW.entity_type,
                                      NEW.entity_id, NEW.details, NEW.prev_hash)
BEGIN SELECT RAISE(ABORT, 'an audit entry must link to the last one (write it with recordAudit)'); END;

-- The audit page lists newest first, filtered by action, person or date.
CREATE INDEX audit_log_user ON audit_log (user_id);
