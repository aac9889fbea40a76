-- Access ends with what it was granted for, however a person's record is changed: in Scope, by a
-- maintenance command or by hand in SQL. A new role or agency, or deactivation, ends every session
-- of that person and revokes every API token they made; reactivating or moving them back brings
-- neither back.
CREATE TRIGGER users_access_changed AFTER UPDATE OF role, agency_id, active ON users
WHEN OLD.role IS NOT NEW.role OR OLD.agency_id IS NOT NEW.agency_id OR (OLD.active = 1 AND NEW.active = 0)
BEGIN
  DELETE FROM sessions WHERE user_id = NEW.id;
  UPDATE api_tokens SET revoked_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE created_by = NEW.id AND revoked_at IS NULL;
END;
