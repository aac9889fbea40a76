import { type Db, statement } from '../db';

export type AdminSummary = { id: number; email: string; name: string; active: boolean; twoFactor: boolean };

/** Every coalition admin, active first, then by email: what `npm run admin -- list` shows. */
export function listAdmins(db: Db): AdminSummary[] {
  return (
    statement(
      db,
      `SELECT id, email, name, active = 1 AS active, totp_enabled_at IS NOT NULL AS twoFactor
       FROM users WHERE role = 'admin' ORDER BY active DESC, email`,
    ).all() as Array<Omit<AdminSummary, 'active' | 'twoFactor'> & { active: number; twoFactor: number }>
  ).map((row) => ({ ...row, active: row.active === 1, twoFactor: row.twoFactor === 1 }));
}
